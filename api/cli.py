"""The ``benchclaims`` command: each subcommand is one library call plus formatting.

Errors are reported on stderr, one line per problem, naming the file and the reason; a
traceback is never what a user sees. Exit statuses follow ``interfaces.md``:
0 fine, 1 some input failed (or the warehouse is missing), 2 usage error, 3 unknown name.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from api.render import OutputFormat, print_beats, print_leaderboard
from schemas import Extraction, FileProblem, IngestOutcome, Settings, claim_to_jsonl, get_settings

if TYPE_CHECKING:
    import httpx

    from api.owner import ServerInfo
    from warehouse import Warehouse

app = typer.Typer(
    name="benchclaims",
    help="Extract benchmark-result claims from AI papers and model cards, store them in DuckDB, answer leaderboard questions.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_UNKNOWN = 0, 1, 2, 3


class Backend(StrEnum):
    rules = "rules"
    llm = "llm"
    hybrid = "hybrid"


class Fallback(StrEnum):
    none = "none"
    rules = "rules"


class Engine(StrEnum):
    local = "local"
    ray = "ray"


class ExportFormat(StrEnum):
    csv = "csv"
    parquet = "parquet"
    json = "json"


DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Warehouse file (default: BENCHCLAIMS_DB or warehouse/benchclaims.duckdb).", show_default=False),
]
BackendOption = Annotated[Backend, typer.Option("--backend", help="Extraction backend.")]
FormatOption = Annotated[OutputFormat, typer.Option("--format", help="Output format.")]
JobsOption = Annotated[int, typer.Option("--jobs", min=1, max=64, help="Worker processes for extraction "
                                         "(rules backend; the claims are the same as with one).")]
FallbackOption = Annotated[Fallback, typer.Option(
    "--fallback", help="LLM backends: when the server is unreachable (or stops answering), 'none' exits 1 naming "
                       "its URL; 'rules' says so and extracts with the rules backend.")]
PathsArgument = Annotated[list[Path], typer.Argument(help="Files or folders (.txt, .md, .html, recursively).", metavar="PATH", show_default=False)]


def _err(message: str) -> None:
    typer.echo(message, err=True)


def _fail(message: str, code: int) -> NoReturn:
    _err(message)
    raise typer.Exit(code)


def _settings(db: str | None) -> Settings:
    settings = get_settings()
    if db is not None:
        settings = settings.model_copy(update={"db": db})
    return settings


def _open_problem(db: str, exc: Exception) -> str:
    """One line for a warehouse that will not open; a lock conflict names its holder."""
    from api.owner import live_server, lock_holder

    holder = lock_holder(str(exc))
    if holder is None:
        return f"error: cannot open warehouse {db}: {exc}"
    server = live_server(db, timeout=1.0)
    if server is not None:
        return (f"error: {db} is locked by benchclaims serve at {server.url} (pid {server.pid}); "
                f"query it there, e.g. {server.url}/api/leaderboard?benchmark=...")
    return f"error: {db} is locked by another process: {holder}; stop it or use a lake folder (--db DIR/)"


@contextmanager
def _warehouse(db: str, read_only: bool) -> Iterator[Warehouse]:
    """Open the warehouse or stop with one clear line (missing file, locked by a server, ...).

    A lake folder is opened as an in-memory snapshot of its Parquet batches.
    """
    from warehouse import Warehouse, WarehouseError
    from warehouse.lake import Lake, is_lake

    if is_lake(db):
        if not Path(db).is_dir():
            _fail(f"error: no lake at {db} (build it first: benchclaims ingest PATH --db {db})", EXIT_FAILED)
        try:
            wh, _ = Lake(db).snapshot()
        except Exception as exc:  # unreadable Parquet batch: one line, no traceback
            _fail(f"error: cannot read lake {db}: {exc}", EXIT_FAILED)
    else:
        if read_only and not Path(db).exists():
            _fail(f"error: no warehouse at {db} (build it first: benchclaims ingest PATH --db {db})", EXIT_FAILED)
        if not read_only:
            Path(db).parent.mkdir(parents=True, exist_ok=True)
        try:
            wh = Warehouse(db, read_only=read_only)
        except Exception as exc:  # DuckDB's lock / corrupt-file errors: one line, no traceback
            _fail(_open_problem(db, exc), EXIT_FAILED)
    with wh:
        try:
            yield wh
        except WarehouseError as exc:  # the warehouse's own one-line account of what went wrong
            _fail(f"error: {exc}", EXIT_FAILED)


def _unknown(exc: Exception) -> NoReturn:
    """Exit 3 with the close matches the warehouse suggested."""
    kind = getattr(exc, "kind", "name")
    name = getattr(exc, "name", "")
    suggestions: list[str] = list(getattr(exc, "suggestions", []) or [])
    hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
    _fail(f"error: unknown {kind} {name!r}{hint}", EXIT_UNKNOWN)


def _served(db: str) -> ServerInfo | None:
    """The live server owning ``db``, if any: queries then ask it instead of the locked file."""
    from api.owner import live_server, sidecar_path

    return live_server(db, timeout=2.0) if sidecar_path(db).exists() else None


def _remote_get(server: ServerInfo, path: str, params: dict[str, str | None]) -> httpx.Response:
    """GET from the owning server; an unknown name exits 3 like a local query, anything else 1."""
    import httpx

    from warehouse import UnknownName

    try:
        r = httpx.get(server.url + path, params={k: v for k, v in params.items() if v is not None}, timeout=300)
    except httpx.HTTPError as exc:
        _fail(f"error: server {server.url} (pid {server.pid}) is not answering: {type(exc).__name__}", EXIT_FAILED)
    if r.status_code == 404 and r.headers.get("content-type", "").startswith("application/json"):
        body = r.json()
        _unknown(UnknownName(str(body.get("kind", "name")), str(body.get("name", "")), body.get("suggestions")))
    if r.status_code != 200:
        _fail(f"error: server {server.url} answered {r.status_code}: {r.text[:300]}", EXIT_FAILED)
    return r


def _report(problem: FileProblem) -> None:
    _err(f"{problem.path}: {problem.reason}")


def _llm_preflight(backend: Backend, settings: Settings, fallback: Fallback) -> Backend:
    """LLM backends: check the server before the run (a few seconds at most, see ``extractor.llm.transport``).

    Unreachable: exit 1 with one line naming the URL, or with ``--fallback rules`` say so and
    return the rules backend.
    """
    if backend is Backend.rules:
        return backend
    from extractor.llm.transport import LLMUnreachable, check_server

    try:
        check_server(settings.llm_base_url, settings.llm_model, settings.llm_api_key.get_secret_value())
    except LLMUnreachable as exc:
        if fallback is Fallback.rules:
            _err(f"warning: {exc}; extracting with the rules backend instead (--fallback rules)")
            return Backend.rules
        _fail(f"error: {exc} (start it, set BENCHCLAIMS_LLM_BASE_URL, or pass --fallback rules)", EXIT_FAILED)
    return backend


class _LLMTally:
    """The LLM backends' counters summed over a run, for the summary line and the run record."""

    FIELDS = ("llm_chunks", "cache_hits", "fallback_chunks", "dropped_ungrounded", "reasks", "truncated",
              "requests", "prompt_tokens", "completion_tokens", "cached_tokens")

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.totals = dict.fromkeys(self.FIELDS, 0)
        self.claims = 0
        self.server_down = False
        self.seen = 0  # extractions counted (none when another process extracted, e.g. --engine ray)

    def add(self, extraction: Extraction) -> None:
        self.seen += 1
        for name in self.FIELDS:
            self.totals[name] += int(getattr(extraction.stats, name, 0) or 0)
        self.claims += len(extraction.claims)
        self.server_down = self.server_down or bool(getattr(extraction.stats, "server_down", False))

    def line(self) -> str:
        t = self.totals
        tokens = t["prompt_tokens"] + t["completion_tokens"]
        per_claim = f"; {tokens / self.claims:,.0f} tokens per claim" if self.claims and tokens else ""
        return (f"llm: {t['llm_chunks']} chunk(s) answered by the LLM ({t['cache_hits']} from cache), "
                f"{t['fallback_chunks']} fell back to rules, {t['dropped_ungrounded']} claim(s) dropped by grounding, "
                f"{t['reasks']} re-ask(s), {t['truncated']} cut at max_tokens and split; tokens: prompt "
                f"{t['prompt_tokens']:,} (cached {t['cached_tokens']:,}), completion {t['completion_tokens']:,}"
                f"{per_claim}")

    def finish(self, settings: Settings, fallback: Fallback) -> int:
        """Print the summary line; the exit status the LLM part asks for (1: server died, no --fallback rules)."""
        if self.backend is Backend.rules or not self.seen:
            return EXIT_OK
        _err(self.line())
        if self.server_down:
            if fallback is Fallback.rules:
                _err(f"warning: the LLM server at {settings.llm_base_url} stopped answering during the run; "
                     f"{self.totals['fallback_chunks']} chunk(s) were extracted by the rules backend (--fallback rules)")
                return EXIT_OK
            _err(f"error: the LLM server at {settings.llm_base_url} stopped answering during the run; "
                 f"{self.totals['fallback_chunks']} chunk(s) were extracted by the rules backend instead "
                 "(pass --fallback rules to accept that)")
            return EXIT_FAILED
        return EXIT_OK


def _warn(extraction: Extraction) -> None:
    """Backend warnings (an LLM chunk that fell back to rules, ...): one line each, naming the file."""
    for message in extraction.stats.errors:
        _err(f"{extraction.document.source}: warning: {message}")


@app.command()
def extract(
    paths: PathsArgument,
    backend: BackendOption = Backend.rules,
    jsonl: Annotated[Path | None, typer.Option("--jsonl", help="Write JSONL here instead of stdout.")] = None,
    jobs: JobsOption = 1,
    fallback: FallbackOption = Fallback.none,
) -> None:
    """Extract claims from files or folders and write them as JSONL."""
    from extractor.base import BackendUnavailable
    from extractor.files import iter_input_files
    from extractor.pipeline import extract_paths

    files = list(iter_input_files(paths))
    if not files:
        _fail(f"error: no .txt, .md or .html files under {', '.join(map(str, paths))}", EXIT_FAILED)
    settings = get_settings()
    backend = _llm_preflight(backend, settings, fallback)
    llm = _LLMTally(backend)
    failed = 0
    try:
        out = jsonl.open("w", encoding="utf-8") if jsonl else None
    except OSError as exc:
        _fail(f"error: {jsonl}: cannot write: {exc.strerror or exc}", EXIT_FAILED)
    try:
        for item in extract_paths(files, backend=backend.value, settings=settings, jobs=jobs):
            if isinstance(item, FileProblem):
                _report(item)
                failed += 1
                continue
            _warn(item)
            llm.add(item)
            for claim in item.claims:
                line = claim_to_jsonl(claim) + "\n"
                if out:
                    out.write(line)
                else:
                    typer.echo(line, nl=False)
    except BackendUnavailable as exc:
        _fail(f"error: {exc}", EXIT_USAGE)
    except OSError as exc:
        _fail(f"error: {jsonl}: {exc.strerror or exc}", EXIT_FAILED)
    finally:
        if out:
            out.close()
    status = llm.finish(settings, fallback)
    raise typer.Exit(EXIT_FAILED if failed else status)


class _Tally:
    """What an ingest did, for the one-line summary and the run record."""

    def __init__(self) -> None:
        self.counts = {"added": 0, "unchanged": 0, "replaced": 0}
        self.claims = 0
        self.problems: list[FileProblem] = []

    def stored(self, outcome: IngestOutcome) -> None:
        self.counts[outcome.status] += 1
        if outcome.status != "unchanged":
            self.claims += outcome.claims

    @property
    def ok(self) -> int:
        return sum(self.counts.values())


def _ingest_local(wh: Warehouse, run_id: int, files: list[Path], backend: str, settings: Settings,
                  tally: _Tally, jobs: int = 1, llm: _LLMTally | None = None) -> None:
    """Extract file by file in this process, with a progress bar on stderr."""
    from extractor.pipeline import extract_paths

    columns = (TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("{task.fields[name]}"))
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("ingest", total=len(files), name="")
        for item in extract_paths(files, backend=backend, settings=settings, cache=wh, jobs=jobs):
            if isinstance(item, FileProblem):
                tally.problems.append(item)
                # soft_wrap: one problem stays on one line however long the path (greppable logs)
                progress.console.print(f"{item.path}: {item.reason}", markup=False, highlight=False, soft_wrap=True)
                name = Path(item.path).name
            else:
                for message in item.stats.errors:
                    progress.console.print(f"{item.document.source}: warning: {message}", markup=False,
                                           highlight=False, soft_wrap=True)
                if llm is not None:
                    llm.add(item)
                tally.stored(wh.store(item, run_id))
                name = item.document.source
            progress.update(task, advance=1, name=name)


def _ingest_ray(wh: Warehouse, run_id: int, files: list[Path], backend: str, settings: Settings,
                address: str | None, tally: _Tally) -> None:
    """Extract with a Ray Data job into Parquet batches beside the warehouse, then bulk-load them.

    The staging folder sits next to the warehouse file: with ``--address`` every node must see
    it (and the input files), so put the warehouse on shared storage.
    """
    try:
        from extractor.ray_engine import RayUnavailable, ray_extract
        from warehouse.batches import load_batches
    except ImportError:
        _fail("error: --engine ray is not available in this installation; use --engine local", EXIT_USAGE)
    staging = Path(settings.db).resolve().parent / f".ray-batches-{run_id}"
    try:
        with Console(stderr=True).status(f"extracting {len(files)} file(s) with Ray ({address or 'local'}) ..."):
            try:
                ray_extract(files, staging, backend=backend, settings=settings, address=address)
            except RayUnavailable as exc:
                _fail(f"error: {exc}", EXIT_USAGE)
            loaded = load_batches(wh, staging, run_id)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    for outcome in loaded.outcomes:
        tally.stored(outcome)
    for problem in loaded.problems:
        tally.problems.append(problem)
        _report(problem)


@app.command()
def ingest(
    paths: PathsArgument,
    db: DbOption = None,
    backend: BackendOption = Backend.rules,
    engine: Annotated[Engine, typer.Option("--engine", help="local: this process; ray: a Ray Data job.")] = Engine.local,
    address: Annotated[str | None, typer.Option("--address", help="Ray cluster to join (with --engine ray; "
                                                                     "default: start a local Ray).")] = None,
    jobs: JobsOption = 1,
    fallback: FallbackOption = Fallback.none,
) -> None:
    """Extract claims and store them; re-ingesting unchanged files adds nothing."""
    from api.owner import live_server
    from extractor.base import BackendUnavailable
    from extractor.files import iter_input_files
    from warehouse.lake import is_lake

    if address and engine is not Engine.ray:
        _fail("error: --address needs --engine ray", EXIT_USAGE)
    settings = _settings(db)
    files = list(iter_input_files(paths))
    if not files:
        _fail(f"error: no .txt, .md or .html files under {', '.join(map(str, paths))}", EXIT_FAILED)
    tally = _Tally()
    server = live_server(settings.db) if Path(_sidecar(settings.db)).exists() else None
    if server is None:  # a serving warehouse extracts with the server's own LLM settings
        backend = _llm_preflight(backend, settings, fallback)
    llm = _LLMTally(backend)
    if is_lake(settings.db):
        if engine is Engine.ray:
            _fail("error: --engine ray writes its own batches; point it at a DuckDB file", EXIT_USAGE)
        _ingest_lake(files, backend.value, settings, tally, llm=llm)
        _summarise(tally, settings.db, llm.finish(settings, fallback))
    if server is not None:
        if engine is Engine.ray:
            _fail(f"error: {settings.db} is served by benchclaims serve at {server.url}; "
                  "stop it to use --engine ray", EXIT_USAGE)
        _ingest_via_server(server, files, backend.value, settings, tally)
        _summarise(tally, f"{settings.db} (via {server.url})")
    with _warehouse(settings.db, read_only=False) as wh:
        run_id = wh.start_run(backend.value, {"paths": [str(p) for p in paths], "engine": engine.value,
                                              "address": address})
        try:
            if engine is Engine.ray:
                _ingest_ray(wh, run_id, files, backend.value, settings, address, tally)
            else:
                _ingest_local(wh, run_id, files, backend.value, settings, tally, jobs, llm)
        except BackendUnavailable as exc:
            _fail(f"error: {exc}", EXIT_USAGE)
        run_stats: dict[str, object] = {"claims": tally.claims, **tally.counts}
        if backend is not Backend.rules:  # what the run cost, stored with it
            run_stats["llm"] = dict(llm.totals, server_down=llm.server_down)
        wh.finish_run(run_id, tally.ok, len(tally.problems), [f"{p.path}: {p.reason}" for p in tally.problems],
                      run_stats)
    _summarise(tally, settings.db, llm.finish(settings, fallback))


def _summarise(tally: _Tally, where: str, status: int = EXIT_OK) -> NoReturn:
    c = tally.counts
    typer.echo(
        f"{tally.ok} file(s) ingested into {where}: {c['added']} added, {c['unchanged']} unchanged, "
        f"{c['replaced']} replaced ({tally.claims} claims stored); {len(tally.problems)} failed",
        err=True,
    )
    raise typer.Exit(EXIT_FAILED if tally.problems else status)


def _sidecar(db: str) -> Path:
    from api.owner import sidecar_path

    return sidecar_path(db)


def _ingest_via_server(server: ServerInfo, files: list[Path], backend: str, settings: Settings,
                       tally: _Tally) -> None:
    """The file is owned by a live server: post each document to it with the sidecar's token.

    The token is readable only by the user who started the server (mode 0600); that is what
    authorises this user's ingest, so ``BENCHCLAIMS_API_KEY`` is never sent to a sidecar's URL.
    """
    from api.forward import ServerGone, forward_files

    try:
        for item in forward_files(server, server.token, files, backend, settings):
            if isinstance(item, FileProblem):
                tally.problems.append(item)
                _report(item)
            else:
                tally.stored(item)
    except ServerGone as exc:
        _fail(f"error: {settings.db}: {exc}", EXIT_FAILED)


def _ingest_lake(files: list[Path], backend: str, settings: Settings, tally: _Tally, batch_docs: int = 200,
                 llm: _LLMTally | None = None) -> None:
    """Append the extractions as Parquet batches to the lake folder (any number of writers at once).

    Refused files are reported here and not written to the lake, so a snapshot does not
    repeat this run's problems forever.
    """
    import duckdb

    from extractor.pipeline import extract_paths
    from warehouse.lake import Lake

    lake = Lake(settings.db)
    batch: list[Extraction] = []
    try:
        known = lake.stored_hashes()
        for item in extract_paths(files, backend=backend, settings=settings):
            if isinstance(item, FileProblem):
                tally.problems.append(item)
                _report(item)
                continue
            if llm is not None:
                llm.add(item)
            source, sha = item.document.source, item.document.sha256
            status = "unchanged" if known.get(source) == sha else "replaced" if source in known else "added"
            tally.stored(IngestOutcome(source=source, status=status, claims=len(item.claims)))
            if status == "unchanged":
                continue
            known[source] = sha
            batch.append(item)
            if len(batch) >= batch_docs:
                lake.append(batch)
                batch = []
        if batch:
            lake.append(batch)
    except OSError as exc:
        _fail(f"error: cannot write to lake {settings.db}: {exc.strerror or exc}", EXIT_FAILED)
    except duckdb.Error as exc:  # a damaged Parquet file in the lake
        _fail(f"error: cannot read lake {settings.db}: {exc}", EXIT_FAILED)


@app.command()
def leaderboard(
    benchmark: Annotated[str, typer.Argument(help="Benchmark name or alias (AIME'24, AIME 2024, ...).")],
    db: DbOption = None,
    metric: Annotated[str | None, typer.Option("--metric", help="Only this metric.")] = None,
    setting: Annotated[str | None, typer.Option("--setting", help="Only this setting (pass@1, maj@16, ...).")] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """One row per model on BENCHMARK, best score first, each with its source quote."""
    from schemas import Leaderboard
    from warehouse import UnknownName

    settings = _settings(db)
    server = _served(settings.db)
    if server is not None:
        r = _remote_get(server, "/api/leaderboard", {"benchmark": benchmark, "metric": metric, "setting": setting})
        print_leaderboard(Leaderboard.model_validate_json(r.content), fmt, Console())
        return
    with _warehouse(settings.db, read_only=True) as wh:
        try:
            board = wh.leaderboard(benchmark, metric=metric, setting=setting)
        except UnknownName as exc:
            _unknown(exc)
    print_leaderboard(board, fmt, Console())


@app.command()
def beats(
    model: Annotated[str, typer.Argument(help="The model to beat.")],
    benchmark: Annotated[str, typer.Option("--benchmark", help="Benchmark name or alias.", show_default=False)],
    db: DbOption = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Models that beat MODEL on a benchmark, each with its evidence."""
    from schemas import BeatsResult
    from warehouse import UnknownName

    settings = _settings(db)
    server = _served(settings.db)
    if server is not None:
        r = _remote_get(server, "/api/beats", {"model": model, "benchmark": benchmark})
        print_beats(BeatsResult.model_validate_json(r.content), fmt, Console())
        return
    with _warehouse(settings.db, read_only=True) as wh:
        try:
            result = wh.beats(model, benchmark)
        except UnknownName as exc:
            _unknown(exc)
    print_beats(result, fmt, Console())


@app.command()
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="File format.", show_default=False)],
    out: Annotated[Path, typer.Option("--out", help="File to write.", show_default=False)],
    db: DbOption = None,
    benchmark: Annotated[str | None, typer.Option("--benchmark", help="Only this benchmark's leaderboard.")] = None,
) -> None:
    """Write all claims (or one benchmark's leaderboard) to a CSV, Parquet or JSON file."""
    from warehouse import UnknownName

    settings = _settings(db)
    server = _served(settings.db)
    if server is not None:
        r = _remote_get(server, f"/api/export.{fmt.value}", {"benchmark": benchmark})
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(r.content)
        except OSError as exc:
            _fail(f"error: {out}: cannot write: {exc.strerror or exc}", EXIT_FAILED)
        typer.echo(f"wrote {out} (from {server.url})", err=True)
        return
    with _warehouse(settings.db, read_only=True) as wh:
        try:
            written = wh.export(fmt.value, out, benchmark=benchmark)
        except UnknownName as exc:
            _unknown(exc)
        except OSError as exc:
            where = f" ({exc.filename})" if exc.filename and str(exc.filename) != str(out) else ""
            _fail(f"error: {out}: cannot write: {exc.strerror or exc}{where}", EXIT_FAILED)
    typer.echo(f"wrote {written}", err=True)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 8000,
) -> None:
    """Serve the REST API and the dashboard (runs until stopped)."""
    from api.app import create_app
    from api.owner import new_token, remove_sidecar
    from warehouse.lake import is_lake

    settings = _settings(db)
    if not Path(settings.db).exists():
        _err(f"note: {settings.db} does not exist yet; serving a new, empty warehouse "
             "(fill it with benchclaims ingest, or POST /api/documents with an API key)")
    token = new_token()
    try:
        application = create_app(settings, server_token=token)
    except Exception as exc:  # e.g. the file is locked by another writer
        _fail(_open_problem(settings.db, exc), EXIT_FAILED)
    lake = is_lake(settings.db)
    try:
        _run_server(application, host, port, None if lake else (settings.db, token))
    finally:
        if not lake:
            remove_sidecar(settings.db, token)


def _run_server(application: object, host: str, port: int, sidecar: tuple[str, str] | None) -> None:
    """Run uvicorn; once it listens, announce it in the warehouse's sidecar (see ``api.owner``)."""
    import uvicorn

    from api.owner import remove_sidecar, write_sidecar

    class AnnouncingServer(uvicorn.Server):
        async def startup(self, sockets: list | None = None) -> None:  # type: ignore[type-arg]
            await super().startup(sockets)
            if sidecar is None or not self.started:
                return
            bound = self.servers[0].sockets[0].getsockname()
            shown = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(host, host)
            shown = f"[{shown}]" if ":" in shown else shown
            write_sidecar(sidecar[0], f"http://{shown}:{bound[1]}", sidecar[1])

        async def shutdown(self, sockets: list | None = None) -> None:  # type: ignore[type-arg]
            # Before uvicorn re-raises SIGTERM (which ends the process without unwinding).
            if sidecar is not None:
                remove_sidecar(*sidecar)
            await super().shutdown(sockets)

    config = uvicorn.Config(application, host=host, port=port, log_level="info", access_log=False)  # type: ignore[arg-type]
    AnnouncingServer(config).run()


@app.command("llm-serve", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def llm_serve(
    ctx: typer.Context,
    model: Annotated[str, typer.Argument(help="Model to serve, e.g. Qwen/Qwen2.5-14B-Instruct.")],
    gpus: Annotated[int | None, typer.Option("--gpus", help="Tensor-parallel size (default: GPUs found).")] = None,
    max_model_len: Annotated[int, typer.Option("--max-model-len", help="Context length (prompt + answer).")] = 16384,
    port: Annotated[int, typer.Option("--port")] = 8001,
    max_num_seqs: Annotated[int | None, typer.Option("--max-num-seqs", min=1,
                                                     help="Sequences vLLM runs at once (its default when unset).")] = None,
    gpu_memory_utilization: Annotated[float | None, typer.Option(
        "--gpu-memory-utilization", min=0.05, max=1.0, help="Share of GPU memory vLLM may use.")] = None,
    vllm_version: Annotated[str | None, typer.Option(
        "--vllm-version", help="Spell the flags for this vLLM release (e.g. 0.10.1) instead of the installed one.")] = None,
) -> None:
    """Start vLLM's OpenAI-compatible server for the llm backend, or print the command when vLLM is absent.

    Options after the model that benchclaims does not know are passed to vLLM unchanged.
    """
    from extractor.llm.serve import parse_version
    from extractor.llm.serve import serve as serve_llm

    if vllm_version is not None and parse_version(vllm_version) is None:
        _fail(f"error: --vllm-version {vllm_version!r} is not a version such as 0.10.2", EXIT_USAGE)
    raise typer.Exit(serve_llm(model, gpus=gpus, max_model_len=max_model_len, port=port, max_num_seqs=max_num_seqs,
                               gpu_memory_utilization=gpu_memory_utilization, vllm_version=vllm_version,
                               extra=list(ctx.args)))


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL (claims-spec.md format).", metavar="GOLD.jsonl", show_default=False)],
    paths: PathsArgument,
    backend: BackendOption = Backend.rules,
    misses: Annotated[int, typer.Option("--misses", min=0, help="Also print up to N misses and false positives.")] = 0,
    fallback: FallbackOption = Fallback.none,
) -> None:
    """Extract PATH... and score the claims against GOLD: precision, recall and F1 per kind."""
    from extractor.base import BackendUnavailable
    from extractor.evaluation import GoldFileError, load_jsonl, score
    from extractor.pipeline import extract_paths

    try:
        gold_claims = load_jsonl(gold)
    except GoldFileError as exc:
        _fail(str(exc), EXIT_FAILED)
    predicted: list[dict[str, object]] = []
    failed = 0
    settings = get_settings()
    backend = _llm_preflight(backend, settings, fallback)
    llm = _LLMTally(backend)
    try:
        for item in extract_paths(paths, backend=backend.value, settings=settings):
            if isinstance(item, FileProblem):
                _report(item)
                failed += 1
            else:
                llm.add(item)
                predicted.extend(json.loads(claim_to_jsonl(c)) for c in item.claims)
    except BackendUnavailable as exc:
        _fail(f"error: {exc}", EXIT_USAGE)
    try:
        report = score(gold_claims, predicted)
    except KeyError as exc:
        _fail(f"{gold}: every gold claim needs {exc.args[0]!r}", EXIT_FAILED)
    for line in report.lines():
        typer.echo(line)
    for g in report.misses[:misses]:
        typer.echo(f"MISS {g.get('source')} {g.get('kind')} {g.get('model')} {g.get('benchmark')} "
                   f"{g.get('value')} {g.get('baseline')} | {g.get('quote')}")
    for p in report.false_positives[:misses]:
        typer.echo(f"FP   {p.get('source')} {p.get('kind')} {p.get('model')} {p.get('benchmark')} "
                   f"{p.get('value')} {p.get('baseline')} | {p.get('quote')}")
    status = llm.finish(settings, fallback)
    raise typer.Exit(EXIT_FAILED if failed else status)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
