"""One storage port: ``open_store(location)`` returns a ``Store``, whatever holds the claims.

* a DuckDB file (``DuckDBStore``, the default),
* a DuckLake (``LakeStore``: a folder, i.e. a location ending in ``/`` or an existing folder, with a
  SQLite catalog; or a ``postgresql://`` URI for a PostgreSQL catalog; see ``warehouse.lake``),
* a running ``benchclaims serve`` that owns the file (``RemoteStore``: found through the
  sidecar next to the file, and trusted only when the server says it serves that very file
  and is the instance the sidecar names).

Every CLI command and every REST route is one call on a ``Store`` plus formatting (the way
sqlite-utils puts one ``Database`` behind its CLI): the choice of storage is made here, once.

Ingest is shared too. Extraction lives in ``extractor`` (which this package never imports),
so the caller hands ``Store.ingest`` an ``IngestJob`` with the two things a store may need:
``extract`` (inputs -> extractions, for stores that keep claims locally) and ``payload``
(an input as the JSON body of ``POST /api/documents``: a file's checked bytes, or a URL / arXiv
id, for a remote store whose server extracts them itself).
"""

from __future__ import annotations

import datetime as dt
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, ClassVar, Literal, Protocol

from schemas import (
    BeatsResult,
    BoardEvent,
    ClaimDetail,
    ClaimPage,
    DocumentInfo,
    DocumentPage,
    Extraction,
    FileProblem,
    History,
    IngestOutcome,
    Leaderboard,
    Matrix,
    NameCount,
    ReviewEvent,
    ReviewQueueItem,
    StoredClaim,
)
from warehouse.boards import MoreSources
from warehouse.db import Warehouse, WarehouseError, with_more_sources
from warehouse.lake import LakeWarehouse, is_lake, lake_exists, parse_lake

ExportFormat = Literal["csv", "json", "parquet"]


class StoreError(RuntimeError):
    """The store cannot be opened or used; the message is one line naming the location and the reason."""


class StoreUnsupported(StoreError):
    """This kind of store cannot do that (e.g. load batch files through a remote server)."""


class LlmCache(Protocol):
    def cache_get(self, key: str) -> str | None: ...
    def cache_put(self, key: str, value: str) -> None: ...


@dataclass
class IngestJob:
    """What ``Store.ingest`` needs from the caller (see the module docstring)."""

    backend: str
    extract: Callable[[Sequence[Any], LlmCache | None], Iterable[Extraction | FileProblem]]
    payload: Callable[[Any], dict[str, str] | FileProblem]
    params: dict[str, Any] = field(default_factory=dict)
    # more figures for the run record once the ingest is done (an LLM backend's token counts)
    run_stats: Callable[[], dict[str, Any]] = dict


class Store(ABC):
    """The operations every command and route needs, on any storage."""

    kind: ClassVar[str]
    location: str
    read_only: bool = False

    # -- reads ---------------------------------------------------------------------------------
    @abstractmethod
    def leaderboard(self, benchmark: str, metric: str | None = None, setting: str | None = None,
                    sources_limit: int | None = None, as_of: dt.date | None = None, limit: int | None = None,
                    offset: int = 0) -> Leaderboard: ...

    def leaderboard_json(self, benchmark: str, metric: str | None = None, setting: str | None = None,
                         sources_limit: int | None = None, as_of: dt.date | None = None, limit: int | None = None,
                         offset: int = 0, more_sources: MoreSources | None = None) -> bytes:
        """``leaderboard`` as ``Leaderboard`` JSON, ``more_sources(model, benchmark)`` linking the rest of a row's
        sources (a store that keeps boards as JSON answers without building the model)."""
        board = self.leaderboard(benchmark, metric, setting, sources_limit, as_of, limit, offset)
        return with_more_sources(board, more_sources).model_dump_json().encode()

    @abstractmethod
    def history(self, benchmark: str, metric: str | None = None, setting: str | None = None) -> History: ...

    @abstractmethod
    def board_events(self, benchmark: str | None = None, model: str | None = None,
                     limit: int = 50) -> list[BoardEvent]: ...

    @abstractmethod
    def beats(self, model: str, benchmark: str, sources_limit: int | None = None, limit: int | None = None,
              offset: int = 0) -> BeatsResult: ...

    @abstractmethod
    def claims(self, model: str | None = None, benchmark: str | None = None, kind: str | None = None,
               source: str | None = None, review_status: str | None = None, sort: str = "id", limit: int = 50,
               offset: int = 0) -> ClaimPage: ...

    @abstractmethod
    def get_claim(self, claim_id: int) -> StoredClaim: ...

    @abstractmethod
    def claim_detail(self, claim_id: int) -> ClaimDetail:
        """The claim with its document id and the paragraph its quote is in."""

    @abstractmethod
    def review_history(self, claim_id: int) -> list[ReviewEvent]: ...

    @abstractmethod
    def documents(self, source: str | None = None, limit: int = 50, offset: int = 0) -> DocumentPage:
        """Stored documents with their metadata (``source`` matches a source or a url)."""

    @abstractmethod
    def get_document(self, doc_id: int) -> DocumentInfo:
        """One document with its text."""

    @abstractmethod
    def review_queue(self, limit: int = 50) -> list[ReviewQueueItem]: ...

    @abstractmethod
    def matrix(self, benchmarks: Sequence[str]) -> Matrix: ...

    @abstractmethod
    def benchmarks(self) -> list[NameCount]: ...

    @abstractmethod
    def models(self) -> list[NameCount]: ...

    @abstractmethod
    def export(self, fmt: ExportFormat, out: str | Path, benchmark: str | None = None, bom: bool = False) -> Path:
        """Write all claims, or one leaderboard, to ``out``; an unwritable ``out`` is an ``OSError``.
        ``bom``: a CSV starts with a UTF-8 byte-order mark (for spreadsheet apps)."""

    # -- writes --------------------------------------------------------------------------------
    @abstractmethod
    def ingest(self, files: Sequence[Path], job: IngestJob) -> Iterator[IngestOutcome | FileProblem]:
        """Store the claims of ``files``; yields one outcome or problem per file, in order."""

    def store_extraction(self, extraction: Extraction, backend: str, via: str = "api") -> IngestOutcome:
        """Store one extracted document (a document posted to the API)."""
        raise StoreUnsupported(f"{self.location}: documents cannot be stored here directly")

    def set_review_status(self, claim_id: int, status: str, note: str | None = None,
                          reviewer: str | None = None) -> StoredClaim:
        raise StoreUnsupported(f"{self.location}: review statuses cannot be stored in a {self.kind} store")

    def undo_review(self, claim_id: int, reviewer: str | None = None) -> StoredClaim:
        raise StoreUnsupported(f"{self.location}: review statuses cannot be stored in a {self.kind} store")

    def load_batches(self, folder: Path, params: dict[str, Any],
                     run_stats: dict[str, Any] | None = None) -> tuple[list[IngestOutcome], list[FileProblem]]:
        """Bulk-load a folder of extraction batches (the Ray engine's output); ``run_stats`` (e.g. the LLM
        tokens the run cost) are stored with the run, as ``IngestJob.run_stats`` are."""
        raise StoreUnsupported(f"{self.location}: batches load only into a store this process opens")

    def scratch_folder(self) -> Path:
        """A folder beside the data for temporary files (the Ray engine stages its batches there)."""
        return Path.cwd()

    # -- life ----------------------------------------------------------------------------------
    def refresh(self) -> bool:
        """Pick up changes made by other processes; True when the data changed (caches are stale)."""
        return False

    def interrupt(self) -> None:  # noqa: B027 - a store that cannot stop a query just lets it finish
        """Stop the query running now (from another thread), if the store can."""

    def set_threads(self, threads: int | None) -> None:  # noqa: B027 - a store without an engine here has no threads
        """Worker threads the store's engine may give each query from now on (None: its default, one per core)."""

    def close(self) -> None:  # noqa: B027 - most stores hold nothing to close
        pass

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


class _WarehouseReads(Store):
    """Reads answered by an open ``Warehouse`` (a DuckDB file, or a DuckLake)."""

    def _wh(self) -> Warehouse:
        raise NotImplementedError

    def leaderboard(self, benchmark: str, metric: str | None = None, setting: str | None = None,
                    sources_limit: int | None = None, as_of: dt.date | None = None, limit: int | None = None,
                    offset: int = 0) -> Leaderboard:
        return self._wh().leaderboard(benchmark, metric=metric, setting=setting, sources_limit=sources_limit,
                                      as_of=as_of, limit=limit, offset=offset)

    def leaderboard_json(self, benchmark: str, metric: str | None = None, setting: str | None = None,
                         sources_limit: int | None = None, as_of: dt.date | None = None, limit: int | None = None,
                         offset: int = 0, more_sources: MoreSources | None = None) -> bytes:
        return self._wh().leaderboard_json(benchmark, metric, setting, sources_limit, as_of, limit, offset,
                                           more_sources)

    def history(self, benchmark: str, metric: str | None = None, setting: str | None = None) -> History:
        return self._wh().history(benchmark, metric=metric, setting=setting)

    def board_events(self, benchmark: str | None = None, model: str | None = None,
                     limit: int = 50) -> list[BoardEvent]:
        return self._wh().board_events(benchmark=benchmark, model=model, limit=limit)

    def beats(self, model: str, benchmark: str, sources_limit: int | None = None, limit: int | None = None,
              offset: int = 0) -> BeatsResult:
        return self._wh().beats(model, benchmark, sources_limit=sources_limit, limit=limit, offset=offset)

    def claims(self, model: str | None = None, benchmark: str | None = None, kind: str | None = None,
               source: str | None = None, review_status: str | None = None, sort: str = "id", limit: int = 50,
               offset: int = 0) -> ClaimPage:
        return self._wh().claims(model=model, benchmark=benchmark, kind=kind, source=source,
                                 review_status=review_status, sort=sort, limit=limit, offset=offset)

    def get_claim(self, claim_id: int) -> StoredClaim:
        return self._wh().get_claim(claim_id)

    def claim_detail(self, claim_id: int) -> ClaimDetail:
        return self._wh().claim_detail(claim_id)

    def review_history(self, claim_id: int) -> list[ReviewEvent]:
        return self._wh().review_history(claim_id)

    def documents(self, source: str | None = None, limit: int = 50, offset: int = 0) -> DocumentPage:
        return self._wh().documents(source=source, limit=limit, offset=offset)

    def get_document(self, doc_id: int) -> DocumentInfo:
        return self._wh().get_document(doc_id)

    def review_queue(self, limit: int = 50) -> list[ReviewQueueItem]:
        return self._wh().review_queue(limit)

    def matrix(self, benchmarks: Sequence[str]) -> Matrix:
        return self._wh().matrix(benchmarks)

    def benchmarks(self) -> list[NameCount]:
        return self._wh().benchmarks()

    def models(self) -> list[NameCount]:
        return self._wh().models()

    def export(self, fmt: ExportFormat, out: str | Path, benchmark: str | None = None, bom: bool = False) -> Path:
        return self._wh().export(fmt, out, benchmark=benchmark, bom=bom)

    def interrupt(self) -> None:
        self._wh().interrupt()

    def set_threads(self, threads: int | None) -> None:
        self._wh().set_threads(threads)


class DuckDBStore(_WarehouseReads):
    """A DuckDB warehouse file, opened by this process."""

    kind = "duckdb"

    def __init__(self, location: str, read_only: bool) -> None:
        self.location = location
        self.read_only = read_only
        self.warehouse = Warehouse(location, read_only=read_only)

    def _wh(self) -> Warehouse:
        return self.warehouse

    def ingest(self, files: Sequence[Path], job: IngestJob) -> Iterator[IngestOutcome | FileProblem]:
        wh = self.warehouse
        run_id = wh.start_run(job.backend, job.params)
        counts = {"added": 0, "unchanged": 0, "replaced": 0}
        claims = 0
        problems: list[FileProblem] = []
        try:
            for item in job.extract(files, wh):
                if isinstance(item, FileProblem):
                    problems.append(item)
                    yield item
                    continue
                outcome = wh.store(item, run_id)
                counts[outcome.status] += 1
                claims += outcome.claims if outcome.status != "unchanged" else 0
                yield outcome
        finally:
            wh.finish_run(run_id, sum(counts.values()), len(problems), [f"{p.path}: {p.reason}" for p in problems],
                          {"claims": claims, **counts, **job.run_stats()})

    def store_extraction(self, extraction: Extraction, backend: str, via: str = "api") -> IngestOutcome:
        wh = self.warehouse
        run_id = wh.start_run(backend, {"via": via, "source": extraction.document.source})
        outcome = wh.store(extraction, run_id)
        wh.finish_run(run_id, 1, 0, [], {"claims": outcome.claims, outcome.status: 1})
        return outcome

    def set_review_status(self, claim_id: int, status: str, note: str | None = None,
                          reviewer: str | None = None) -> StoredClaim:
        return self.warehouse.set_review_status(claim_id, status, note=note, reviewer=reviewer)

    def undo_review(self, claim_id: int, reviewer: str | None = None) -> StoredClaim:
        return self.warehouse.undo_review(claim_id, reviewer=reviewer)

    def load_batches(self, folder: Path, params: dict[str, Any],
                     run_stats: dict[str, Any] | None = None) -> tuple[list[IngestOutcome], list[FileProblem]]:
        from warehouse.batches import load_batches

        wh = self.warehouse
        run_id = wh.start_run(str(params.get("backend", "rules")), params)
        loaded = load_batches(wh, folder, run_id)
        counts = {"added": 0, "unchanged": 0, "replaced": 0}
        for o in loaded.outcomes:
            counts[o.status] += 1
        wh.finish_run(run_id, len(loaded.outcomes), len(loaded.problems),
                      [f"{p.path}: {p.reason}" for p in loaded.problems],
                      {"claims": sum(o.claims for o in loaded.outcomes if o.status != "unchanged"), **counts,
                       **(run_stats or {})})
        return loaded.outcomes, loaded.problems

    def scratch_folder(self) -> Path:
        return Path(self.location).resolve().parent

    def close(self) -> None:
        self.warehouse.close()


class LakeStore(DuckDBStore):
    """A DuckLake (``warehouse.lake``): the DuckDB file's operations, for many writers and readers at once.

    Ingests store documents in batches (``batch_docs`` per transaction: each commit writes a few
    Parquet files, so one per document would scatter the lake); ``refresh`` notices other
    writers' commits (at most every ``refresh_seconds``) so a server's cached answers are dropped.
    """

    kind = "lake"
    batch_docs = 64

    def __init__(self, location: str, read_only: bool, refresh_seconds: float = 1.0) -> None:
        self.read_only = read_only
        self.warehouse = self.lake = LakeWarehouse(location, read_only=read_only)
        self.location = self.lake.lake.given  # a PostgreSQL password never reaches a message
        self._refresh_seconds = refresh_seconds
        self._checked = time.monotonic()

    def ingest(self, files: Sequence[Path], job: IngestJob) -> Iterator[IngestOutcome | FileProblem]:
        wh = self.lake
        run_id = wh.start_run(job.backend, job.params)
        counts = {"added": 0, "unchanged": 0, "replaced": 0}
        claims = 0
        problems: list[FileProblem] = []
        pending: list[Extraction] = []
        # results in input order: a problem waits until the documents before it are stored
        order: list[FileProblem | None] = []

        def flush() -> Iterator[IngestOutcome | FileProblem]:
            nonlocal claims
            outcomes = iter(wh.store_many(pending, run_id) if pending else [])
            pending.clear()
            for slot in order:
                if slot is not None:
                    yield slot
                    continue
                outcome = next(outcomes)
                counts[outcome.status] += 1
                claims += outcome.claims if outcome.status != "unchanged" else 0
                yield outcome
            order.clear()

        try:
            for item in job.extract(files, wh):
                if isinstance(item, FileProblem):
                    problems.append(item)
                    order.append(item)
                else:
                    pending.append(item)
                    order.append(None)
                if len(pending) >= self.batch_docs:
                    yield from flush()
            yield from flush()
        finally:
            wh.finish_run(run_id, sum(counts.values()), len(problems), [f"{p.path}: {p.reason}" for p in problems],
                          {"claims": claims, **counts, **job.run_stats()})

    def scratch_folder(self) -> Path:
        return self.lake.lake.folder or Path.cwd()

    def refresh(self) -> bool:
        if time.monotonic() - self._checked < self._refresh_seconds:
            return False
        self._checked = time.monotonic()
        return self.lake.changed()


def open_store(location: str, *, write: bool = False, forward: bool = True) -> Store:
    """The store at ``location``: a lake folder, a file a live server owns (when ``forward``), or a DuckDB file.

    ``write=False`` needs the data to exist and opens a file read-only; ``write=True`` creates
    what is missing. Raises ``StoreError`` with one line naming the location and the reason
    (missing, locked by another process or server, unreadable).
    """
    if is_lake(location):
        lake = parse_lake(location)
        old = lake.folder is not None and not lake_exists(lake) and any(lake.folder.glob("bucket=*/*.parquet"))
        if not write and not lake_exists(lake):
            hint = (f"it holds an older benchclaims' Parquet batches: ingest anything with --db {location} once to "
                    "convert them" if old else f"build it first: benchclaims ingest PATH --db {location}")
            raise StoreError(f"no lake at {lake.given} ({hint})")
        try:
            store = LakeStore(location, read_only=not write)
            if old and lake.folder is not None:  # the extraction batches of the lake before DuckLake: load them once
                store.load_batches(lake.folder, {"backend": "rules", "converted": "parquet lake"})
            return store
        except WarehouseError as exc:
            raise StoreError(str(exc)) from None
    if forward:
        from warehouse.owner import live_server, sidecar_path
        from warehouse.remote import RemoteStore

        server = live_server(location, timeout=2.0) if sidecar_path(location).exists() else None
        if server is not None:
            return RemoteStore(server, location)
    if not write and not Path(location).exists():
        raise StoreError(f"no warehouse at {location} (build it first: benchclaims ingest PATH --db {location})")
    try:
        return DuckDBStore(location, read_only=not write)
    except WarehouseError as exc:
        raise StoreError(_open_problem(location, exc.__cause__ or exc)) from None


def _open_problem(location: str, exc: BaseException) -> str:
    """One line for a warehouse that will not open; a lock conflict names its holder."""
    from warehouse.owner import live_server, lock_holder

    holder = lock_holder(str(exc))
    if holder is None:
        return f"cannot open warehouse {location}: {exc}"
    server = live_server(location, timeout=1.0)
    if server is not None:
        return (f"{location} is locked by benchclaims serve at {server.url} (pid {server.pid}); "
                f"query it there, e.g. {server.url}/api/leaderboard?benchmark=...")
    return f"{location} is locked by another process: {holder}; stop it or use a lake folder (--db DIR/)"
