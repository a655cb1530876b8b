"""The ``benchclaims`` command: each subcommand is one library call plus formatting.

Errors are reported on stderr, one line per problem, naming the file and the reason; a
traceback is never what a user sees. Exit statuses follow ``interfaces.md``:
0 fine, 1 some input failed (or the warehouse is missing), 2 usage error, 3 unknown name.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import sys
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console

# No command calls BLAS, yet spaCy imports numpy, whose OpenBLAS starts a thread per further core at import, and that
# thread spins a while waiting for work: ~0.05 s of CPU per process (benchmarks/README.md, sixteenth session). One
# thread, unless the user set it (before numpy is imported: the CLI's own imports do not import it).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from api.progress import IngestProgress, one_line
from api.render import OutputFormat, print_beats, print_claim, print_events, print_leaderboard
from schemas import DocumentMeta, Extraction, FileProblem, Settings, claim_to_jsonl, get_settings

if TYPE_CHECKING:
    from extractor.inputs import RemoteInput
    from schemas import IngestOutcome
    from warehouse import IngestJob, Store

    Input = Path | RemoteInput

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
BomOption = Annotated[bool, typer.Option("--bom", help="CSV: start with a UTF-8 byte-order mark (Excel then reads "
                                                       "Chinese text right).")]
JobsOption = Annotated[int, typer.Option("--jobs", min=1, max=64, help="Worker processes for extraction "
                                         "(rules backend; the claims are the same as with one).")]
PathsArgument = Annotated[list[str], typer.Argument(
    help="Files or folders (.txt, .md, .html, .pdf, recursively), http(s):// URLs or arXiv ids (arxiv:2501.12948).",
    metavar="INPUT", show_default=False)]
NO_INPUTS = "error: no .txt, .md, .html or .pdf files under {} (and no URL or arXiv id)"


FallbackOption = Annotated[Fallback, typer.Option(
    "--fallback", help="LLM backends: when the server is unreachable (or stops answering), 'none' exits 1 naming "
                       "its URL; 'rules' says so and extracts with the rules backend.")]


def _err(message: str) -> None:
    typer.echo(one_line(message), err=True)


def _fail(message: str, code: int) -> NoReturn:
    _err(message)
    raise typer.Exit(code)


def _settings(db: str | None) -> Settings:
    settings = get_settings()
    if db is not None:
        settings = settings.model_copy(update={"db": db})
    return settings


@contextmanager
def _store(db: str, write: bool = False) -> Iterator[Store]:
    """Open the store at ``db`` (a file, a lake folder, or the server that owns the file) or stop with
    one clear line; storage errors while using it are one line too (exit 1)."""
    from warehouse import StoreError, WarehouseError, open_store

    try:
        store = open_store(db, write=write)
    except StoreError as exc:
        _fail(f"error: {exc}", EXIT_FAILED)
    with store:
        try:
            yield store
        except (StoreError, WarehouseError) as exc:  # the store's own one-line account of what went wrong
            _fail(f"error: {exc}", EXIT_FAILED)


def _where(store: Store) -> str:
    url = getattr(store, "url", None)
    return f"{store.location} (via {url})" if url else store.location


def _unknown(exc: Exception) -> NoReturn:
    """Exit 3 with the close matches the warehouse suggested."""
    kind = getattr(exc, "kind", "name")
    name = getattr(exc, "name", "")
    suggestions: list[str] = list(getattr(exc, "suggestions", []) or [])
    hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
    _fail(f"error: unknown {kind} {name!r}{hint}", EXIT_UNKNOWN)


def _report(problem: FileProblem) -> None:
    _err(f"{problem.path}: {problem.reason}")


def _llm_preflight(backend: Backend, settings: Settings, fallback: Fallback) -> Backend:
    """LLM backends: check the server before the run (a few seconds at most, see ``extractor.llm.transport``).

    Unreachable: exit 1 with one line naming the URL, or with ``--fallback rules`` say so and
    return the rules backend.
    """
    if backend is Backend.rules:
        return backend
    from extractor.llm.offline import EngineUnavailable, check_engine
    from extractor.llm.transport import LLMUnreachable, check_server

    try:
        if settings.llm_engine != "http":  # an offline engine: no server, but its libraries must be there
            check_engine(settings)
        else:
            check_server(settings.llm_base_url, settings.llm_model, settings.llm_api_key.get_secret_value())
    except (LLMUnreachable, EngineUnavailable) as exc:
        if fallback is Fallback.rules:
            _err(f"warning: {exc}; extracting with the rules backend instead (--fallback rules)")
            return Backend.rules
        hint = "start it, set BENCHCLAIMS_LLM_BASE_URL" if settings.llm_engine == "http" else "install it, set BENCHCLAIMS_LLM_ENGINE"
        _fail(f"error: {exc} ({hint}, or pass --fallback rules)", EXIT_FAILED)
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


@app.command()
def extract(
    paths: PathsArgument,
    backend: BackendOption = Backend.rules,
    jsonl: Annotated[Path | None, typer.Option("--jsonl", help="Write JSONL here instead of stdout.")] = None,
    jobs: JobsOption = 1,
    fallback: FallbackOption = Fallback.none,
) -> None:
    """Extract claims from files, folders, URLs or arXiv ids and write them as JSONL."""
    from extractor.base import BackendUnavailable
    from extractor.inputs import iter_inputs
    from extractor.pipeline import extract_paths

    files = list(iter_inputs(paths))
    if not files:
        _fail(NO_INPUTS.format(", ".join(map(str, paths))), EXIT_FAILED)
    settings = get_settings()
    backend = _llm_preflight(backend, settings, fallback)
    llm = _LLMTally(backend)
    failed = 0
    try:
        out = jsonl.open("w", encoding="utf-8") if jsonl else None
    except OSError as exc:
        _fail(f"error: {jsonl}: cannot write: {exc.strerror or exc}", EXIT_FAILED)
    # no bar while claims stream to the same terminal
    progress = IngestProgress(len(files), verb="extracting", live=out is not None or not sys.stdout.isatty())
    try:
        with progress:
            for item in extract_paths(files, backend=backend.value, settings=settings, jobs=jobs,
                                      on_download=progress.download):
                if isinstance(item, FileProblem):
                    progress.print(f"{item.path}: {item.reason}")
                    progress.finished(item.path)
                    failed += 1
                    continue
                for message in item.stats.errors:
                    progress.print(f"{item.document.source}: warning: {message}")
                llm.add(item)
                progress.finished(_name(item), len(item.claims))
                _write_claims(item, out)
    except BackendUnavailable as exc:
        _fail(f"error: {exc}", EXIT_USAGE)
    except OSError as exc:
        _fail(f"error: {jsonl}: {exc.strerror or exc}", EXIT_FAILED)
    finally:
        if out:
            out.close()
    status = llm.finish(settings, fallback)
    raise typer.Exit(EXIT_FAILED if failed else status)


def _name(item: Extraction) -> str:
    """The input an extraction came from, as the user typed it (path, URL or arXiv id)."""
    doc = item.document
    return doc.path if doc.path and not doc.source.startswith("arxiv:") else doc.source


def _write_claims(item: Extraction, out: IO[str] | None) -> None:
    for claim in item.claims:
        line = claim_to_jsonl(claim) + "\n"
        if out:
            out.write(line)
        else:
            typer.echo(line, nl=False)


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


def _ingest_job(backend: str, settings: Settings, params: dict[str, object], progress: IngestProgress,
                jobs: int = 1, meta: DocumentMeta | None = None, llm: _LLMTally | None = None) -> IngestJob:
    """What any store needs to ingest: this process's extractor, and each input as a payload a server
    that owns the file can take (``_payload``)."""
    from extractor.pipeline import extract_paths
    from warehouse import IngestJob

    def extract(files: Sequence[Input], cache: object) -> Iterator[Extraction | FileProblem]:
        for item in extract_paths(list(files), backend=backend, settings=settings, cache=cache, jobs=jobs,  # type: ignore[arg-type]
                                  meta=meta, on_download=progress.download):
            if isinstance(item, Extraction):
                for message in item.stats.errors:
                    progress.print(f"{item.document.source}: warning: {message}")
            if isinstance(item, Extraction) and llm is not None:
                llm.add(item)
            yield item

    def payload(item: Input) -> dict[str, str] | FileProblem:
        return _payload(item, settings, meta)

    def run_stats() -> dict[str, object]:  # what the run cost, stored with it
        return {"llm": dict(llm.totals, server_down=llm.server_down)} if llm is not None and llm.seen else {}

    return IngestJob(backend=backend, extract=extract, payload=payload, params=params,  # type: ignore[arg-type]
                     run_stats=run_stats)


def _payload(item: Input, settings: Settings, meta: DocumentMeta | None) -> dict[str, str] | FileProblem:
    """An input as the body of ``POST /api/documents`` for a server that owns the file: a file's checked raw
    bytes (refused exactly as a local ingest would refuse them), or a URL / arXiv id for it to fetch."""
    from extractor.files import UnreadableFile, read_document
    from extractor.inputs import RemoteInput

    published = {"published": meta.published.isoformat()} if meta is not None and meta.published else {}
    if isinstance(item, RemoteInput):  # the server fetches it with its own limits
        return {"url": item.ref if item.kind == "url" else f"arxiv:{item.ref}", **published}
    try:
        read_document(item, max_bytes=settings.max_file_bytes)
        data = item.read_bytes()
    except UnreadableFile as exc:
        return FileProblem(path=str(item), reason=exc.reason)
    except OSError as exc:
        return FileProblem(path=str(item), reason=f"cannot read: {exc.strerror or exc}")
    out = {"source": item.name, "content_base64": base64.b64encode(data).decode("ascii"), **published}
    if meta is not None and meta.url:
        out["url"] = meta.url
    return out


def _ingest_with_progress(store: Store, files: list[Input], job: IngestJob, tally: _Tally,
                          progress: IngestProgress) -> None:
    """One store call, with the progress bar and one line per problem or warning on stderr."""
    for item in store.ingest(files, job):  # type: ignore[arg-type]
        if isinstance(item, FileProblem):
            tally.problems.append(item)
            progress.print(f"{item.path}: {item.reason}")
            progress.finished(Path(item.path).name)
        else:
            tally.stored(item)
            progress.finished(item.source, item.claims if item.status != "unchanged" else 0)


def _ingest_ray(store: Store, files: list[Input], backend: str, settings: Settings, address: str | None,
                tally: _Tally, meta: DocumentMeta | None = None, llm: _LLMTally | None = None) -> None:
    """Extract with a Ray Data job into Parquet batches beside the warehouse, then bulk-load them through the
    store (a DuckDB file or a lake).

    The staging folder sits next to the warehouse file or inside the lake folder: with ``--address`` every
    node must see it (and the input files), so put the warehouse on shared storage.
    """
    try:
        from extractor.ray_engine import RayUnavailable, offline_extract, ray_extract
    except ImportError:
        _fail("error: --engine ray is not available in this installation; use --engine local", EXIT_USAGE)
    from warehouse import StoreUnsupported

    staging = store.scratch_folder() / f".ray-batches-{uuid.uuid4().hex[:12]}"
    try:
        with Console(stderr=True).status(f"extracting {len(files)} file(s) with Ray ({address or 'local'}) ..."):
            try:
                if backend != "rules" and settings.llm_engine != "http":  # the engine is the distributed part
                    offline_extract(files, staging, backend, settings, meta, address=address,
                                    on_extraction=llm.add if llm is not None else None)
                else:
                    ray_extract(files, staging, backend=backend, settings=settings, address=address, meta=meta)
            except RayUnavailable as exc:
                _fail(f"error: {exc}", EXIT_USAGE)
            try:
                spent = {"llm": dict(llm.totals, server_down=llm.server_down)} if llm is not None and llm.seen else {}
                outcomes, problems = store.load_batches(staging, {"backend": backend, "engine": "ray",
                                                                  "address": address}, spent)
            except StoreUnsupported as exc:
                _fail(f"error: {exc}; --engine ray needs a store this process opens", EXIT_USAGE)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    for outcome in outcomes:
        tally.stored(outcome)
    for problem in problems:
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
    url: Annotated[str | None, typer.Option("--url", help="Where the (one) input lives on the web: stored as its url.",
                                            show_default=False)] = None,
    published: Annotated[str | None, typer.Option("--published", help="Publication date of the inputs (YYYY-MM-DD); "
                                                  "overrides what they state.", show_default=False)] = None,
    fallback: FallbackOption = Fallback.none,
) -> None:
    """Extract claims and store them; re-ingesting unchanged inputs (files, URLs, arXiv ids) adds nothing."""
    from extractor.base import BackendUnavailable
    from extractor.inputs import iter_inputs
    from extractor.sources.meta import BadDate, require_date

    if address and engine is not Engine.ray:
        _fail("error: --address needs --engine ray", EXIT_USAGE)
    settings = _settings(db)
    files = list(iter_inputs(paths))
    if not files:
        _fail(NO_INPUTS.format(", ".join(map(str, paths))), EXIT_FAILED)
    if url is not None and (len(files) != 1 or not url.lower().startswith(("http://", "https://"))):
        _fail("error: --url takes one http(s):// URL and needs exactly one input document", EXIT_USAGE)
    try:
        meta = DocumentMeta(url=url, published=require_date(published) if published else None)
    except BadDate as exc:
        _fail(f"error: --published: {exc}", EXIT_USAGE)
    tally = _Tally()
    with _store(settings.db, write=True) as store:
        if store.kind != "remote":  # a server that owns the file extracts with its own LLM settings
            backend = _llm_preflight(backend, settings, fallback)
        llm = _LLMTally(backend)
        if engine is Engine.ray and store.kind == "remote":
            _fail(f"error: --engine ray loads its batches into a store this process opens; {_where(store)} "
                  "is owned by a running server", EXIT_USAGE)
        try:
            if engine is Engine.ray:
                _ingest_ray(store, files, backend.value, settings, address, tally, meta, llm)
            else:
                with IngestProgress(len(files)) as progress:
                    job = _ingest_job(backend.value, settings, {"paths": [str(p) for p in paths],
                                                                 "engine": engine.value}, progress, jobs, meta, llm)
                    _ingest_with_progress(store, files, job, tally, progress)
        except BackendUnavailable as exc:
            _fail(f"error: {exc}", EXIT_USAGE)
        where = _where(store)
    _summarise(tally, where, llm.finish(settings, fallback))


def _summarise(tally: _Tally, where: str, status: int = EXIT_OK) -> NoReturn:
    c = tally.counts
    typer.echo(
        f"{tally.ok} file(s) ingested into {where}: {c['added']} added, {c['unchanged']} unchanged, "
        f"{c['replaced']} replaced ({tally.claims} claims stored); {len(tally.problems)} failed",
        err=True,
    )
    raise typer.Exit(EXIT_FAILED if tally.problems else status)


@app.command()
def leaderboard(
    benchmark: Annotated[str, typer.Argument(help="Benchmark name or alias (AIME'24, AIME 2024, ...).")],
    db: DbOption = None,
    metric: Annotated[str | None, typer.Option("--metric", help="Only this metric.")] = None,
    setting: Annotated[str | None, typer.Option("--setting", help="Only this setting (pass@1, maj@16, ...).")] = None,
    fmt: FormatOption = OutputFormat.table,
    bom: BomOption = False,
    as_of: Annotated[str | None, typer.Option("--as-of", help="The board as it stood that day (YYYY-MM-DD).",
                                              show_default=False)] = None,
) -> None:
    """One row per model on BENCHMARK, best score first, each with its source quote."""
    from extractor.sources.meta import BadDate, require_date
    from warehouse import UnknownName

    try:
        day = require_date(as_of) if as_of else None
    except BadDate as exc:
        _fail(f"error: --as-of: {exc}", EXIT_USAGE)
    with _store(_settings(db).db) as store:
        try:
            board = store.leaderboard(benchmark, metric=metric, setting=setting, as_of=day)
        except UnknownName as exc:
            _unknown(exc)
    print_leaderboard(board, fmt, Console(), bom=bom, as_of=day)


@app.command()
def beats(
    model: Annotated[str, typer.Argument(help="The model to beat.")],
    benchmark: Annotated[str, typer.Option("--benchmark", help="Benchmark name or alias.", show_default=False)],
    db: DbOption = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Models that beat MODEL on a benchmark, each with its evidence."""
    from warehouse import UnknownName

    with _store(_settings(db).db) as store:
        try:
            result = store.beats(model, benchmark)
        except UnknownName as exc:
            _unknown(exc)
    print_beats(result, fmt, Console())


@app.command()
def feed(
    db: DbOption = None,
    benchmark: Annotated[str | None, typer.Option("--benchmark", help="Only this benchmark's board.")] = None,
    model: Annotated[str | None, typer.Option("--model", help="Only events about this model.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=500, help="How many events.")] = 20,
    fmt: Annotated[OutputFormat, typer.Option("--format", help="table or json.")] = OutputFormat.table,
) -> None:
    """Board events, newest first: new leaders and models entering a board, each with its claim."""
    from warehouse import UnknownName

    with _store(_settings(db).db) as store:
        try:
            events = store.board_events(benchmark=benchmark, model=model, limit=limit)
        except UnknownName as exc:
            _unknown(exc)
    print_events(events, fmt, Console())


@app.command()
def show(
    claim_id: Annotated[int, typer.Argument(help="The claim's id (as in leaderboards, exports and /api/claims).")],
    db: DbOption = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", help="table (the paragraph, quote highlighted) or json.")]
    = OutputFormat.table,
) -> None:
    """A claim in the paragraph it was read from, its quote highlighted, with its review history."""
    from warehouse import UnknownName

    with _store(_settings(db).db) as store:
        try:
            detail = store.claim_detail(claim_id)
            history = store.review_history(claim_id)
            document = store.get_document(detail.document_id)
        except UnknownName as exc:
            _unknown(exc)
    document.text = None  # the paragraph is enough here; `/api/documents/{id}` has the whole text
    print_claim(detail, history, fmt, Console(), document)


@app.command()
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="File format.", show_default=False)],
    out: Annotated[Path, typer.Option("--out", help="File to write.", show_default=False)],
    db: DbOption = None,
    benchmark: Annotated[str | None, typer.Option("--benchmark", help="Only this benchmark's leaderboard.")] = None,
    bom: BomOption = False,
) -> None:
    """Write all claims (or one benchmark's leaderboard) to a CSV, Parquet or JSON file."""
    from warehouse import UnknownName

    with _store(_settings(db).db) as store:
        try:
            written = store.export(fmt.value, out, benchmark=benchmark, bom=bom)
        except UnknownName as exc:
            _unknown(exc)
        except OSError as exc:
            where = f" ({exc.filename})" if exc.filename and str(exc.filename) != str(out) else ""
            _fail(f"error: {out}: cannot write: {exc.strerror or exc}{where}", EXIT_FAILED)
        url = getattr(store, "url", None)
    typer.echo(f"wrote {written}" + (f" (from {url})" if url else ""), err=True)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port (0: any free port).")] = 8000,
) -> None:
    """Serve the REST API and the dashboard (runs until stopped)."""
    from api.app import create_app
    from api.server import PortUnavailable, bind, run
    from warehouse import StoreError
    from warehouse.owner import new_token, remove_sidecar, write_sidecar

    if not 0 <= port <= 65535:
        _fail(f"error: --port {port} is out of range (0-65535)", EXIT_USAGE)
    settings = _settings(db)
    try:
        sock = bind(host, port)
    except PortUnavailable as exc:
        _fail(f"error: {exc}", EXIT_FAILED)
    if not Path(settings.db).exists():
        _err(f"note: {settings.db} does not exist yet; serving a new, empty warehouse "
             "(fill it with benchclaims ingest, or POST /api/documents with an API key)")
    token = new_token()
    try:
        application = create_app(settings, server_token=token)
    except StoreError as exc:  # e.g. the file is locked by another writer
        sock.close()
        _fail(f"error: {exc}", EXIT_FAILED)
    lake = application.state.store_kind != "duckdb"  # only a file needs a sidecar: lakes take many writers
    instance = application.state.instance

    def announce(url: str) -> None:
        if not lake:
            write_sidecar(settings.db, url, token, instance)

    def withdraw() -> None:
        if not lake:
            remove_sidecar(settings.db, token)

    try:
        run(application, sock, settings, on_started=announce, on_stopping=withdraw)
    finally:
        withdraw()


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
    misses: Annotated[int, typer.Option("--misses", min=0, help="Also print up to N misses and false positives, and how often matched comparisons "
                                  "say the gold's relation (score.py does not score it) with up to N that do not.")] = 0,
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
    for line in report.detail_lines(misses):
        typer.echo(line)
    status = llm.finish(settings, fallback)
    raise typer.Exit(EXIT_FAILED if failed else status)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
