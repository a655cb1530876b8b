"""The lake: the warehouse in a DuckLake (DuckDB's lakehouse format) instead of one DuckDB file.

Why: a DuckDB file takes one writing process. A DuckLake keeps its catalog in SQLite or
PostgreSQL and its rows in Parquet files, with ACID snapshots, so several ingest jobs (on one
machine with a SQLite catalog, on many with PostgreSQL) write while servers read. The same
warehouse SQL runs on it (``LakeWarehouse`` is a ``Warehouse`` over the attached catalog), so
reads, ingests and reviews give the answers a DuckDB file gives. What DuckLake lacks (keys,
indexes, sequences, RETURNING) is adapted in one place, ``sql.lake_schema``.

Locations (``--db``):

* ``DIR/`` (or an existing folder): SQLite catalog ``DIR/meta.sqlite``, Parquet files in ``DIR/data/``;
* ``postgresql://USER@HOST:PORT/DBNAME?data_path=FOLDER`` (or ``postgres://``): the catalog in
  PostgreSQL (libpq's URI, password from ``PGPASSWORD`` / ``~/.pgpass`` as libpq reads them), the
  Parquet files in ``FOLDER``, which every machine must see; ``data_path`` is needed only when
  the lake is created (DuckLake remembers it).

Many writers: every write transaction first advances the one-row ``lake_writes`` counter from the
value this process last saw (compare-and-set). A writer that finds it moved reloads its entity
registry and next ids and tries again, so two writers never both commit from one state (DuckLake
would otherwise merge two inserting transactions, and ids or sources could repeat). A SQLite
catalog is written by one process at a time anyway: writers on it also take an OS lock on
``DIR/writer.lock`` for the duration of a transaction, which spares SQLite's "database is locked".
Readers never wait: each query reads the latest snapshot.

The extensions come from the PyPI packages ``duckdb-ext-ducklake`` / ``-sqlite`` / ``-postgres``
(built for the pinned DuckDB), so nothing is downloaded at run time.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import importlib.util
import os
import random
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple, TypeVar
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import duckdb

from schemas import Extraction, IngestOutcome, StoredClaim
from warehouse import sql
from warehouse.db import BATCH_DOCS, Warehouse, WarehouseError

CATALOG = "lake"
_POSTGRES_SCHEMES = ("postgres://", "postgresql://")
T = TypeVar("T")


class LakeLocation(NamedTuple):
    """Where a lake's catalog and data are, parsed from a ``--db`` location."""

    given: str  # as the user wrote it, a password masked (this is what messages show)
    catalog: str  # the DuckLake ATTACH target: ducklake:sqlite:PATH or ducklake:postgres:URI
    data_path: str | None
    folder: Path | None  # a SQLite lake's folder (None for a PostgreSQL catalog)
    password: str | None = None

    def redact(self, text: str) -> str:
        """``text`` (an error of DuckDB's that quotes the URI) without the password."""
        return text.replace(f":{self.password}@", ":***@") if self.password else text


class WriteConflict(WarehouseError):
    """Another writer committed first; the transaction was rolled back and can be retried."""


def is_lake(location: str | Path) -> bool:
    """A lake is a folder (an existing one, or a name ending in ``/``) or a PostgreSQL URI."""
    text = str(location)
    return text.startswith(_POSTGRES_SCHEMES) or text.endswith(("/", os.sep)) or Path(text).is_dir()


def parse_lake(location: str) -> LakeLocation:
    if location.startswith(_POSTGRES_SCHEMES):
        parts = urlsplit(location)
        query = parse_qsl(parts.query, keep_blank_values=True)
        data_path = next((v for k, v in query if k == "data_path"), None)
        uri = urlunsplit(parts._replace(query=urlencode([(k, v) for k, v in query if k != "data_path"])))
        lake = LakeLocation(location, f"ducklake:postgres:{uri}", data_path, None, parts.password)
        return lake._replace(given=lake.redact(location))
    folder = Path(location)
    return LakeLocation(location, f"ducklake:sqlite:{folder / 'meta.sqlite'}", f"{folder / 'data'}{os.sep}", folder)


def lake_exists(lake: LakeLocation) -> bool:
    """False when a SQLite lake was never written (a PostgreSQL catalog is asked when attached)."""
    return lake.folder is None or (lake.folder / "meta.sqlite").exists()


def extension_directory() -> str:
    """The folder the ``duckdb-ext-*`` wheels install DuckDB extensions into."""
    spec = importlib.util.find_spec("duckdb_ext")
    if spec is None or not spec.submodule_search_locations:
        raise WarehouseError("the DuckLake extension is not installed (pip install duckdb-ext-ducklake)")
    return str(Path(next(iter(spec.submodule_search_locations))) / "extensions")


def connect(lake: LakeLocation, read_only: bool) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with the lake attached as ``lake`` and in use (``USE lake``)."""
    con = duckdb.connect(config={"extension_directory": extension_directory(),
                                 "autoinstall_known_extensions": False})
    try:
        con.execute("LOAD ducklake")
        con.execute("LOAD sqlite" if lake.folder is not None else "LOAD postgres")
        options: list[tuple[str, str | None]] = []
        if lake.data_path and not read_only:
            options.append(("DATA_PATH", lake.data_path))
        if lake.folder is not None:
            # WAL: readers do not block the writer; a busy catalog is waited for, not an error at once
            options.append(("META_BUSY_TIMEOUT", "10000"))
            if not read_only:
                options.append(("META_JOURNAL_MODE", "WAL"))
        if read_only:
            options.append(("READ_ONLY", None))
        attach = sql.attach_lake(lake.catalog, CATALOG, options)
        con.execute(attach)
        con.execute(f"USE {CATALOG}")
    except duckdb.Error as exc:
        con.close()
        raise WarehouseError(f"cannot open lake {lake.given}: {lake.redact(_first_line(exc))}") from None
    return con


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _retryable(exc: BaseException) -> bool:
    """Lost a race with another writer: a moved counter, a DuckLake conflict, a busy SQLite catalog."""
    if isinstance(exc, WriteConflict):
        return True
    text = str(exc).lower()
    return isinstance(exc, duckdb.Error | WarehouseError) and any(
        s in text for s in ("conflict", "database is locked", "failed to commit", "could not serialize"))


class LakeWarehouse(Warehouse):
    """A ``Warehouse`` whose tables live in a DuckLake (see the module docstring)."""

    # DuckLake has no keys or indexes, and boards rebuilt per write would add files to every snapshot:
    # a lake answers leaderboards from the claims (``warehouse.ranking``), as it always has.
    PRECOMPUTED_BOARDS = False

    max_attempts = 40  # with the backoff below: about a minute of waiting for busy writers

    def __init__(self, location: str, read_only: bool = False, entities_file: str | Path | None = None) -> None:
        self.lake = parse_lake(location)
        self._seen: int | None = None  # lake_writes.version this process's registry and ids reflect
        self._snapshot: int | None = None
        self._busy = 0  # > 0 while a read snapshot or a write is open (nested reads then just run)
        super().__init__(self.lake.folder or Path(location), read_only=read_only, entities_file=entities_file)
        self._snapshot = self.snapshot_id()

    # -- storage hooks -------------------------------------------------------------------------
    def _connect(self) -> duckdb.DuckDBPyConnection:
        if self.lake.folder is not None:
            if self.read_only and not lake_exists(self.lake):
                raise WarehouseError(f"{self.lake.given}: no lake here (ingest something first)")
            if not self.read_only:
                self.lake.folder.mkdir(parents=True, exist_ok=True)
        for attempt in range(1, 6):
            try:
                with self._writer_lock(when=not self.read_only):  # a new lake's catalog is created here
                    return connect(self.lake, self.read_only)
            except WarehouseError as exc:
                if attempt == 5 or not _retryable(exc):
                    raise
            time.sleep(0.2 * attempt)
        raise AssertionError("unreachable")

    def _create_schema(self) -> None:
        """Create the tables once (later opens only check): DDL would make every writer's open a conflict."""
        def create() -> None:
            if self._one(sql.LAKE_HAS_SCHEMA, [CATALOG]) == (1,):
                return
            self.con.begin()
            try:
                self.con.execute(sql.LAKE_SCHEMA)
                self.con.commit()
            except BaseException:
                self._rollback()
                raise
        self._serialised(create, sync=False)

    def _migrate_terms(self) -> None:
        """A lake made before ``claim_terms`` gets the table, then its claims' term columns move there."""
        def migrate() -> None:
            row = self._one(sql.CLAIMS_HAVE_TERM_COLUMNS)
            if not row or not row[0]:
                return
            self.con.execute(sql.LAKE_CLAIM_TERMS_SCHEMA)
            self._run_term_migration()  # schema work, as ``_create_schema``'s: once, under the writer lock
        self._serialised(migrate, sync=False)

    def _begin(self) -> None:
        """Begin, and advance the writes counter from the value this process synced to."""
        self.con.begin()
        try:
            row = self._one(sql.LAKE_CLAIM, [self._seen])
            if not row or int(row[0]) != 1:
                raise WriteConflict(f"{self.lake.given}: another writer committed first")
        except BaseException:
            self._rollback()
            self._seen = None
            raise
        self._seen = (self._seen or 0) + 1

    def _sync(self) -> None:
        """Catch up with other writers: entity registry and next ids as of the latest snapshot."""
        row = self._one(sql.LAKE_VERSION)
        version = int(row[0]) if row and row[0] is not None else 0
        if version != self._seen:
            self.reg.load(self.con)
            if not self.read_only:
                self.terms.load(self.con)
            self._next_doc, self._next_claim = self._one(sql.MAX_IDS) or (0, 0)
            self._seen = version

    @contextlib.contextmanager
    def _writer_lock(self, when: bool = True) -> Iterator[None]:
        """One writing process at a time on a SQLite catalog (an OS lock beside it)."""
        if self.lake.folder is None or not when:
            yield
            return
        with open(self.lake.folder / "writer.lock", "a+b") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _serialised(self, op: Callable[[], T], sync: bool = True) -> T:
        """Run a write ``op`` (its own transactions) against the latest state; retry when a writer won a race."""
        delay = 0.05
        for attempt in range(1, self.max_attempts + 1):
            with self._lock, self._writer_lock():
                self._busy += 1
                try:
                    if sync:
                        self._sync()
                    return op()
                except duckdb.Error as exc:
                    self._seen = None
                    if not _retryable(exc) or attempt == self.max_attempts:
                        raise WarehouseError(f"cannot write to lake {self.lake.given}: "
                                             f"{self.lake.redact(_first_line(exc))}") from None
                except WriteConflict:
                    self._seen = None
                    if attempt == self.max_attempts:
                        raise
                finally:
                    self._busy -= 1
            time.sleep(delay * random.uniform(0.5, 1.5))
            delay = min(delay * 1.5, 2.0)
        raise AssertionError("unreachable")

    # -- writes: each one serialised and retried ---------------------------------------------------
    def _apply_overrides(self) -> None:
        self._serialised(super()._apply_overrides)

    def start_run(self, backend: str, params: dict[str, Any] | None = None) -> int:
        self._writable()
        return self._serialised(lambda: Warehouse.start_run(self, backend, params))

    def finish_run(self, run_id: int, files_ok: int, files_failed: int, problems: list[str] | None = None,
                   stats: dict[str, Any] | None = None) -> None:
        self._writable()
        self._serialised(lambda: Warehouse.finish_run(self, run_id, files_ok, files_failed, problems, stats),
                         sync=False)

    def store_many(self, extractions: Iterable[Extraction], run_id: int | None = None,
                   batch_docs: int | None = None) -> list[IngestOutcome]:
        """Store many documents; one transaction per ``batch_docs`` (default ``db.BATCH_DOCS``; each retried whole
        on a lost race)."""
        self._writable()
        items = list(extractions)
        outcomes: list[IngestOutcome] = []
        size = batch_docs or BATCH_DOCS
        for i in range(0, len(items), size):
            batch = items[i:i + size]

            def store_batch(batch: list[Extraction] = batch) -> list[IngestOutcome]:
                return self._store_batch(batch, run_id)

            outcomes.extend(self._serialised(store_batch))
        return outcomes

    def set_review_status(self, claim_id: int, status: str, note: str | None = None,
                          reviewer: str | None = None) -> StoredClaim:
        return self._serialised(lambda: Warehouse.set_review_status(self, claim_id, status, note, reviewer))

    def cache_put(self, key: str, value: str) -> None:
        self._writable()
        self._serialised(lambda: Warehouse.cache_put(self, key, value), sync=False)

    # -- readers -----------------------------------------------------------------------------------
    def snapshot_id(self) -> int:
        """The lake's latest snapshot (every commit makes one)."""
        with self._lock:
            row = self._one("SELECT id FROM ducklake_current_snapshot(?)", [CATALOG])
        return int(row[0]) if row else 0

    def refresh(self) -> None:
        with self._lock:
            self._seen = None
            self._sync()

    def changed(self) -> bool:
        """True when another process committed since the last look (cached answers are stale)."""
        snapshot = self.snapshot_id()
        if snapshot == self._snapshot:
            return False
        self._snapshot = snapshot
        return True

    def _pinned(self, read: Callable[[], T]) -> T:
        """Run a read in one transaction, i.e. on one snapshot, with the entity registry as of that snapshot:
        another process committing between the registry's load and the query would otherwise leave ids
        the registry cannot name."""
        with self._lock:
            if self._busy:
                return read()
            self._busy += 1
            try:
                self.con.begin()
                try:
                    self._sync()
                    return read()
                finally:
                    self._rollback()  # nothing was written: just end the snapshot
            finally:
                self._busy -= 1


def _on_one_snapshot(name: str) -> Callable[..., Any]:
    read = getattr(Warehouse, name)

    @functools.wraps(read)
    def pinned(self: LakeWarehouse, *args: Any, **kwargs: Any) -> Any:
        return self._pinned(lambda: read(self, *args, **kwargs))

    return pinned


# Every read of the warehouse's API runs on one snapshot of the lake.
for _name in ("leaderboard", "history", "board_events", "matrix", "beats", "claims", "get_claim", "claim_detail",
              "review_history", "review_queue", "benchmarks", "models", "export", "documents", "get_document",
              "stats", "cache_get"):
    setattr(LakeWarehouse, _name, _on_one_snapshot(_name))

