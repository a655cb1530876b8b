"""The warehouse: one DuckDB file holding documents, claims, entities, runs and the LLM cache.

Ingest is idempotent and crash-safe: a document and all its claims are written in one
transaction together with its sha256, so a crash leaves either the old state or the
new one, and re-running an ingest skips exactly the documents already stored
unchanged. Bulk loads (``store_many``) use the same code path with columnar inserts.
"""

from __future__ import annotations

import datetime
import gc
import itertools
import json
import threading
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, NamedTuple, TypeVar

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from schemas import (
    BeatsResult,
    BoardEvent,
    ClaimContext,
    ClaimDetail,
    ClaimPage,
    Document,
    DocumentInfo,
    DocumentPage,
    Extraction,
    History,
    IngestOutcome,
    Leaderboard,
    Matrix,
    NameCount,
    ReviewEvent,
    ReviewQueueItem,
    StoredClaim,
)
from warehouse import boards, bulk, exports, ranking, sql
from warehouse.columns import object_column
from warehouse.entities import PendingNames, Registry, apply_overrides, overrides_hash, overrides_text
from warehouse.errors import UnknownName
from warehouse.fingerprints import PreviousClaims, fingerprint
from warehouse.names import ENTITIES_FILE, is_named
from warehouse.terms import PendingTerms, Terms

REVIEW_STATUSES = ("unreviewed", "verified", "rejected")
CLAIM_KINDS = ("score", "comparison")


class WarehouseError(RuntimeError):
    """The warehouse file cannot be opened or used (message names the file and the reason)."""


class Warehouse:
    """Typed access to the benchclaims DuckDB file (see the package docstring for the API)."""

    def __init__(self, path: str | Path, read_only: bool = False, entities_file: str | Path | None = None) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._lock = threading.RLock()
        self._entities_file = Path(entities_file) if entities_file else ENTITIES_FILE
        self.con = self._connect()
        self.reg = Registry()
        self.terms = Terms()
        if not read_only:
            self._create_schema()
            self._migrate_terms()
            self.reg.load(self.con)
            self._apply_overrides()
        self.reg.load(self.con)
        if read_only:
            self._convert_before_reading()
        else:
            self.terms.load(self.con)
        self._next_doc, self._next_claim = self._one(sql.MAX_IDS) or (0, 0)
        self._boards_stale = True  # refreshed before the first board read (see ``_boards_ready``)
        self._boards_usable = False
        self._open_boards()

    # -- storage hooks (a DuckLake lake overrides these: warehouse.lake) -----------------
    def _connect(self) -> duckdb.DuckDBPyConnection:
        """Open the DuckDB file (created when writable)."""
        if not self.read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        elif not self.path.exists():
            raise WarehouseError(f"{self.path}: no such warehouse file (ingest something first)")
        try:
            return duckdb.connect(str(self.path), read_only=self.read_only)
        except duckdb.Error as exc:
            raise WarehouseError(f"{self.path}: cannot open warehouse: {exc}") from exc

    def _create_schema(self) -> None:
        self.con.execute(sql.SCHEMA)

    def _migrate_terms(self) -> None:
        """A file whose claims carry their terms' columns (made before ``claim_terms``): move them there, once."""
        row = self._one(sql.CLAIMS_HAVE_TERM_COLUMNS)
        if not row or not row[0]:
            return
        self._run_term_migration()

    def _run_term_migration(self) -> None:
        """The steps of ``sql.MIGRATE_TERMS``, a transaction each (DuckDB will not commit an ALTER and an UPDATE of one
        table together; each step is safe to run again after a crash)."""
        for step in sql.MIGRATE_TERMS:
            self.con.begin()
            try:
                for statement in step:
                    self.con.execute(statement)
                self.con.commit()
            except BaseException:
                self._rollback()
                raise

    def _convert_before_reading(self) -> None:
        """A file not migrated yet has no ``term_id`` for the reads to join: a reader converts it first, by opening it
        writable once (as an ingest would), and reads it then; only when that is impossible (another process writes
        it, the file is not writable) does it refuse, saying how to convert it."""
        row = self._one(sql.CLAIMS_HAVE_TERM_COLUMNS)
        if not row or not row[0]:
            return
        problem = "this kind of store is converted by its first writable open"
        if type(self) is Warehouse:
            self.con.close()
            try:
                Warehouse(self.path, entities_file=self._entities_file).close()
                problem = ""
            except (WarehouseError, duckdb.Error, OSError) as exc:
                problem = str(exc).splitlines()[0]
            self.con = self._connect()
        if problem:
            raise WarehouseError(f"{self.path}: made before claim terms and could not be converted ({problem}); open it "
                                 "writable once (an ingest) to migrate it")

    def _begin(self) -> None:
        """Start a write transaction (a lake also claims the right to commit it, see ``warehouse.lake``)."""
        self.con.begin()

    def _rollback(self) -> None:
        """Roll back, when a transaction is still open (a failed COMMIT has already ended it)."""
        try:
            self.con.rollback()
        except duckdb.TransactionException:
            pass

    def _one(self, query: str, params: list[Any] | None = None) -> tuple[Any, ...] | None:
        """First row of a query, fully consumed (DuckDB refuses new work while a result is open)."""
        rows = self.con.execute(query, params or []).fetchall()
        return rows[0] if rows else None

    # -- lifecycle -------------------------------------------------------------------
    def __enter__(self) -> Warehouse:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            try:
                self.con.close()
            except duckdb.Error:
                pass

    def _apply_overrides(self) -> None:
        """Re-apply the entity overrides file when it changed since the last open."""
        text = overrides_text(self._entities_file)
        digest = overrides_hash(text)
        row = self._one(sql.GET_META, ["entities_sha256"])
        if row and row[0] == digest:
            return
        self._begin()
        try:
            apply_overrides(self.con, self.reg, text, str(self._entities_file))
            self.con.execute(sql.SET_META, ["entities_sha256", digest])
            self.con.execute(sql.SET_META, ["boards", ""])  # merges move claims: boards are rebuilt on open
            self.con.commit()
        except Exception:
            self._rollback()
            self.reg.load(self.con)
            raise

    def refresh(self) -> None:
        """Re-read entities (a reader sharing the file with a writer calls this after ingests)."""
        with self._lock:
            self.reg.load(self.con)
            self._open_boards()

    # -- boards (warehouse/boards.py) ------------------------------------------------
    # Whether this kind of store keeps precomputed boards (a DuckLake lake does not: ``warehouse.lake``).
    PRECOMPUTED_BOARDS = True

    def _mark_boards(self, con: duckdb.DuckDBPyConnection, statement: str, params: list[Any]) -> None:
        """Note the benchmarks a change touches, in the change's own transaction, so their boards are rebuilt."""
        if self.PRECOMPUTED_BOARDS:
            con.execute(statement, params)

    def _open_boards(self) -> None:
        """Decide whether the stored boards can answer: built by this format and vocabulary, none pending.

        A writer rebuilds them all when they were made otherwise (or never); a read-only reader of such a
        file answers from the claims (``ranking``) instead.
        """
        if not self.PRECOMPUTED_BOARDS:
            self._boards_usable = False
            return
        tables = self._one("SELECT count(*) FROM information_schema.tables WHERE table_name = 'board_rows'")
        if not tables or not tables[0]:
            self._boards_usable = False
            return
        row = self._one(sql.GET_META, ["boards"])
        current = bool(row and row[0] == boards.boards_stamp())
        if self.read_only:
            pending = self._one(sql.BOARD_DIRTY_COUNT)
            self._boards_usable = current and not (pending and pending[0])
            self._boards_stale = False
            return
        self._boards_usable = True
        if not current:
            self.rebuild_boards()
        self._boards_stale = True

    def rebuild_boards(self) -> None:
        """Drop every stored board and build them all again from the claims."""
        self._writable()
        with self._lock, _no_gc():
            self.con.begin()
            try:
                for statement in sql.DROP_BOARDS:  # made by another format: dropped and made anew
                    self.con.execute(statement)
                self.con.execute(sql.SCHEMA)
                self.con.execute(sql.MARK_BOARD_ALL)
                boards.refresh(self.con, between=self._commit_and_begin, reg=self.reg)
                self.con.execute(sql.SET_META, ["boards", boards.boards_stamp()])
                self.con.commit()
            except BaseException:
                self.con.rollback()
                raise
            self._boards_stale = False

    def refresh_boards(self) -> int:
        """Rebuild the boards whose claims changed since the last build; how many.

        Reads do this themselves when needed; a bulk load calls it to pay the cost up front.
        """
        self._writable()
        with self._lock, _no_gc():
            self.con.begin()
            try:
                n = boards.refresh(self.con, between=self._commit_and_begin, reg=self.reg)
                self.con.commit()
            except BaseException:
                self.con.rollback()
                raise
            self._boards_stale = False
            return n

    def _commit_and_begin(self) -> None:
        """Commit the open transaction and begin the next (``boards.refresh`` builds rows in a second one)."""
        self.con.commit()
        self.con.begin()

    def _boards_ready(self) -> bool:
        """True when the board tables hold the current answer (refreshing them first if this writer changed
        claims since); False sends the read down ``ranking``'s path."""
        if not self._boards_usable:
            return False
        if self._boards_stale and not self.read_only:
            self.refresh_boards()
        return True

    def _writable(self) -> None:
        if self.read_only:
            raise WarehouseError(f"{self.path}: opened read-only")

    # -- runs ------------------------------------------------------------------------
    def start_run(self, backend: str, params: dict[str, Any] | None = None) -> int:
        """Record the start of an extraction run; claims stored with its id point back to it."""
        self._writable()
        with self._lock:
            self._begin()
            try:
                row = self._one(sql.NEXT_RUN_ID)
                run_id = int(row[0]) if row else 1
                self.con.execute(sql.START_RUN, [run_id, backend, json.dumps(params or {}, default=str)])
                self.con.commit()
            except BaseException:
                self._rollback()
                raise
            return run_id

    def finish_run(
        self, run_id: int, files_ok: int, files_failed: int, problems: list[str] | None = None,
        stats: dict[str, Any] | None = None,
    ) -> None:
        self._writable()
        with self._lock:
            self.con.execute(sql.FINISH_RUN, [files_ok, files_failed, json.dumps(problems or []),
                                              json.dumps(stats or {}, default=str), run_id])

    # -- ingest ----------------------------------------------------------------------
    def store(self, extraction: Extraction, run_id: int | None = None) -> IngestOutcome:
        """Store one document with all its claims in one transaction (idempotent by sha256)."""
        return self.store_many([extraction], run_id)[0]

    def store_many(
        self, extractions: Iterable[Extraction], run_id: int | None = None, batch_docs: int | None = None
    ) -> list[IngestOutcome]:
        """Store many documents; each batch is one transaction, so every document is all-or-nothing.

        Same source + same sha256 -> "unchanged" (nothing written); same source with a
        new sha256 -> "replaced" (its old claims and sections removed first).

        With more than one batch, a batch of new documents is written and committed on a worker thread while
        this one prepares the next (DuckDB releases the GIL; the preparation is Python and Arrow work): a
        million claims spent about as long in each. Ids, outcomes and the stored rows are those of storing
        the batches one after another (``_prepare_new``). Such a call holds the warehouse's lock throughout
        (other threads' reads wait for the whole call, not for one batch).

        ``batch_docs``: documents per batch (transaction). Left unset, batches hold ``BATCH_DOCS`` documents except
        the first, which holds ``FIRST_BATCH_DOCS``: nothing is written while the first batch is prepared, so a
        short one lets the writer start sooner (1 M claims: the first 400 k-claim batch took ~2 s to prepare); and a
        last batch of fewer than half as many joins the one before (a commit fewer, ``_in_batches``).
        """
        self._writable()
        batches = (_in_batches(extractions, BATCH_DOCS, FIRST_BATCH_DOCS, BATCH_DOCS // 2) if batch_docs is None
                   else _in_batches(extractions, batch_docs))
        first = next(batches, None)
        if first is None:
            return []
        second = next(batches, None)
        if second is None:
            return self._store_batch(first, run_id)
        with self._lock, _no_gc(), self._one_write_thread(), self._one_checkpoint():
            return self._store_overlapped(itertools.chain([first, second], batches), run_id)

    def store_columns(self, documents: pa.Table, claims: pa.Table, run_id: int | None = None) -> list[IngestOutcome]:
        """``store_many`` of documents and their claims given as Arrow columns, not as ``Extraction`` objects: the
        same ids, outcomes, stored rows and batches as ``store_many`` of the same extractions in document order.

        ``documents``: one row per document, the ``Document`` fields (``bulk.DOCUMENT_FIELDS``: ``source``, ``path``,
        ``sha256`` and ``text`` required; ``encoding``, ``media_type``, ``authors`` default as ``Document``'s do,
        the others to NULL; no sections) and ``extractor`` (``Extraction.extractor``, default ``rules``).
        ``claims``: one row per claim, ``doc`` (the row of its document in ``documents``) and the claim's fields
        (``bulk.CLAIM_FIELDS``; ``kind``, ``model``, ``quote``, ``start``, ``end`` required, ``source`` defaults to
        the document's), a document's claims in their order. The columns are checked as pydantic would check the
        objects (kinds, spans, values, comparisons: ValueError). A bulk load from columns skips the per-claim Python of
        ``store_many`` (reading every claim object into Arrow: ~1.5-3 s of a 1 M-claim load). Documents that are
        stored already or repeated in ``documents`` go through ``store_many``'s path for them, as objects.
        """
        self._writable()
        given = bulk.column_batch(documents, claims)
        if not len(given):
            return []
        sources = given.sources()
        if len(set(sources)) < len(sources):  # later duplicates win: store_many's rule, on the objects
            return self.store_many(given.extractions(), run_id)
        batches = [given.slice(b[0], b[-1] + 1)
                   for b in _in_batches(range(len(given)), BATCH_DOCS, FIRST_BATCH_DOCS, BATCH_DOCS // 2)]
        if len(batches) == 1:  # one transaction, checkpointed as DuckDB decides (``store_many``'s one batch)
            with self._lock, _no_gc():
                return self._store_overlapped(batches, run_id)
        # (on all of DuckDB's threads, unlike ``store_many``: from columns the preparing thread has little Python to do
        # and the writer sets the pace; on a quiet 2-core machine a 1 M-claim call took 3.44-3.78 s against 4.32-4.42 s
        # on one thread fewer, the same CPU; ``store_many`` from objects keeps its preparing thread busy, see
        # ``_one_write_thread``)
        with self._lock, _no_gc(), self._one_checkpoint():
            return self._store_overlapped(batches, run_id)

    @contextmanager
    def _one_checkpoint(self) -> Iterator[None]:
        """The commits of an overlapped ``store_many`` leave their changes in the write-ahead log, and the call
        checkpoints once at its end (if it succeeds; the log holds every commit either way, so nothing committed is
        lost to a crash).

        A batch's claims fill whole row groups, which DuckDB writes to the file as they fill; its documents (20,000,
        fewer than a row group) are appended to the table's last row group, and every checkpoint compresses that
        row group again whole, up to 122,880 documents' text. Checkpointing at each commit (the log passes its
        16 MiB threshold with each batch's documents) made the writes' cost grow with the file: 25 batches of 400 k
        claims replayed on one thread cost 34.0 s of CPU, commits 0.18 s at first and 0.5-0.9 s later; with one
        checkpoint at the end 22.9 + 2.8 s. The threshold is ``CHECKPOINT_EVERY`` meanwhile (it bounds the log of a
        very large call) and back to its setting after, also after a failed write. DuckDB refuses a checkpoint while
        another cursor has a write open; the call has stored everything by then, so it leaves the log as it is.
        """
        row = self._one(sql.CURRENT_CHECKPOINT_THRESHOLD)
        self.con.execute(sql.SET_CHECKPOINT_THRESHOLD, [CHECKPOINT_EVERY])
        try:
            yield
        finally:
            self.con.execute(sql.SET_CHECKPOINT_THRESHOLD, [row[0] if row else "16MiB"])
        try:
            self.con.execute(sql.CHECKPOINT)
        except duckdb.TransactionException:
            pass  # another cursor is writing: what is stored is committed, and a later checkpoint takes the log

    @contextmanager
    def _one_write_thread(self) -> Iterator[None]:
        """DuckDB writes on one thread fewer (at least one) while ``store_many`` overlaps, and gets back its setting
        after.

        The preparing thread keeps a core busy with Python and Arrow work throughout, so a DuckDB worker on that core
        only contends with it: on this 2-core machine a 1 M-claim ``store_many`` took 8.0-9.1 s of CPU with one
        DuckDB thread against 9.7-11.4 s with two, and less wall time too (7.1-9.5 vs 10.2-11.8 s).
        """
        row = self._one(sql.CURRENT_THREADS)
        threads = int(row[0]) if row else 1
        self.con.execute(sql.SET_THREADS, [max(1, threads - 1)])
        try:
            yield
        finally:
            self.con.execute(sql.SET_THREADS, [threads])

    def _store_overlapped(self, batches: Iterable[list[Extraction] | bulk.ColumnBatch],
                          run_id: int | None) -> list[IngestOutcome]:
        """``store_many``'s batches, each written while the next is prepared. A batch holding a document that is
        stored already, or is in the batch being written, waits and goes through ``_store_batch``. If a
        write or a preparation fails, the registry and the id counters go back to what is committed."""
        outcomes: list[IngestOutcome] = []
        writing: _Writing | None = None
        committed = (self._next_doc, self._next_claim)  # the id counters once what is written is committed
        look = self.con.cursor()  # reads committed documents while the connection is writing
        try:
            with ThreadPoolExecutor(1, thread_name_prefix="warehouse-write") as pool:
                for batch in batches:
                    ready = self._prepare_new(batch, run_id, look, writing.batch.sources if writing else frozenset())
                    if writing is not None:
                        writing.done.result()  # committed, or its error is raised here
                        committed, writing = writing.batch.ids_after, None
                    if ready is None:
                        outcomes.extend(self._store_batch(
                            batch.extractions(self._unchanged(batch)) if isinstance(batch, bulk.ColumnBatch)
                            else batch, run_id))
                        committed = (self._next_doc, self._next_claim)
                        continue
                    writing = _Writing(pool.submit(self._write_new, ready), ready)
                    outcomes.extend(ready.outcomes)
                if writing is not None:
                    writing.done.result()
        except BaseException:
            if writing is not None:
                wait([writing.done])
                if writing.done.exception() is None:
                    committed = writing.batch.ids_after
            self._rollback()
            self.reg.rollback(self.con)
            self.terms.load(self.con)
            self._next_doc, self._next_claim = committed
            raise
        finally:
            look.close()
        return outcomes

    def _unchanged(self, batch: bulk.ColumnBatch) -> frozenset[str]:
        """The sources of ``batch`` stored with the same sha256 (``_store_batch`` leaves their claims as they are)."""
        stored = {row[0]: row[2] for row in self.con.execute(sql.DOCS_BY_SOURCE, [batch.sources()]).fetchall()}
        return frozenset(s for s, h in zip(batch.sources(), batch.documents.column("sha256").to_pylist(), strict=True)
                         if s in stored and stored[s] == h)

    def _prepare_new(self, batch: Sequence[Extraction] | bulk.ColumnBatch, run_id: int | None,
                     look: duckdb.DuckDBPyConnection, busy: frozenset[str]) -> _NewDocuments | None:
        """A batch of documents none of which is stored (``look`` reads the documents committed) or being
        written (``busy``), made ready for ``_write_new``: ids, Arrow tables, the names it resolved;
        None (and nothing changed) when some document is known: that batch needs ``_store_batch``. A
        ``bulk.ColumnBatch`` (``store_columns``) holds no source twice."""
        latest: dict[str, Extraction] = {}
        if isinstance(batch, bulk.ColumnBatch):
            sources = batch.sources()
        else:
            for ex in batch:
                latest[ex.document.source] = ex
            sources = list(latest)
        if not busy.isdisjoint(sources) or look.execute(sql.DOCS_BY_SOURCE, [sources]).fetchall():
            return None
        if isinstance(batch, bulk.ColumnBatch):
            doc_ids = list(range(self._next_doc + 1, self._next_doc + len(sources) + 1))
            self._next_doc += len(sources)
            documents = self._document_columns_table(batch.document_arrays(), doc_ids, batch.counts, run_id)
            extractors = batch.documents.column("extractor").to_pylist()
            claims, gained = (self._keyed_claims(batch.claim_arrays(), doc_ids, batch.counts, extractors)
                              if batch.claims.num_rows else (None, []))
            outcomes = [IngestOutcome.model_construct(source=s, status="added", claims=k)
                        for s, k in zip(sources, batch.counts.tolist(), strict=True)]
            return _NewDocuments(
                outcomes=outcomes, sources=frozenset(sources), documents=documents, sections=[], claims=claims,
                gained=gained, names=self.reg.detach_pending(), terms=self.terms.detach_pending(), run_id=run_id,
                ids_after=(self._next_doc, self._next_claim))
        todo: list[tuple[Extraction, int, bool]] = []
        for ex in latest.values():
            self._next_doc += 1
            todo.append((ex, self._next_doc, False))
        documents = self._document_table([(ex, doc_id) for ex, doc_id, _ in todo], run_id)
        claims, gained = self._claims_table(todo)
        # built without validation (the fields are a str, the literal "added" and an int): 50 k validated
        # outcomes cost ~0.15 s of the preparing thread per 1 M claims
        added = {ex.document.source: IngestOutcome.model_construct(source=ex.document.source, status="added",
                                                                   claims=len(ex.claims))
                 for ex, _, _ in todo}
        return _NewDocuments(
            outcomes=[added[ex.document.source] for ex in batch], sources=frozenset(sources), documents=documents,
            sections=_section_rows(todo), claims=claims, gained=gained, names=self.reg.detach_pending(),
            terms=self.terms.detach_pending(), run_id=run_id, ids_after=(self._next_doc, self._next_claim))

    def _write_new(self, ready: _NewDocuments) -> None:
        """Write a batch ``_prepare_new`` made ready, in one transaction (on ``store_many``'s worker thread)."""
        con = self.con
        self._begin()
        try:
            _insert_table(con, sql.INSERT_DOCUMENTS, "doc_batch", ready.documents)
            if ready.sections:
                con.executemany(sql.INSERT_SECTIONS, ready.sections)
            ready.names.write(con)
            ready.terms.write(con)
            if ready.claims is not None:
                _insert_table(con, sql.INSERT_CLAIMS_BULK, "claim_batch", ready.claims, [ready.run_id])
            if ready.gained:
                self._mark_boards(con, sql.MARK_BOARDS, [ready.gained])
            con.commit()
        except BaseException:
            self._rollback()
            raise
        self._boards_stale = True

    def _store_batch(self, batch: Sequence[Extraction], run_id: int | None) -> list[IngestOutcome]:
        with self._lock, _no_gc():
            # Later duplicates of a source within one batch win (same as storing them in order).
            latest: dict[str, Extraction] = {}
            for ex in batch:
                latest[ex.document.source] = ex
            sources = list(latest)
            known: dict[str, tuple[Any, ...]] = {}
            stored_meta: dict[str, tuple[Any, ...]] = {}
            for s, i, h, n, *meta in self.con.execute(sql.DOCS_BY_SOURCE, [sources]).fetchall():
                known[s] = (i, h, n)
                stored_meta[s] = tuple(meta)
            outcomes: dict[str, IngestOutcome] = {}
            todo: list[tuple[Extraction, int, bool]] = []
            for src, ex in latest.items():
                doc = ex.document
                if src in known and known[src][1] == doc.sha256:
                    outcomes[src] = IngestOutcome(source=src, status="unchanged", claims=int(known[src][2] or 0))
                    self._refresh_meta(known[src][0], stored_meta[src], doc)
                    continue
                if src in known:
                    todo.append((ex, known[src][0], True))
                else:
                    self._next_doc += 1
                    todo.append((ex, self._next_doc, False))
            if todo:
                self._write(todo, run_id)
            for ex, _doc_id, replaced in todo:
                outcomes[ex.document.source] = IngestOutcome(
                    source=ex.document.source, status="replaced" if replaced else "added", claims=len(ex.claims))
            return [outcomes[ex.document.source] for ex in batch]

    def _refresh_meta(self, doc_id: int, stored: tuple[Any, ...], doc: Document) -> None:
        """An unchanged document keeps its claims; metadata given anew (``--published``, a title) is kept."""
        title, url, published, authors = stored
        merged = (doc.title or title, doc.url or url, doc.published or published, doc.authors or list(authors or []))
        if merged != (title, url, published, list(authors or [])):
            self.con.execute(sql.UPDATE_DOCUMENT_META, [*merged, doc_id])

    def _write(self, todo: list[tuple[Extraction, int, bool]], run_id: int | None) -> None:
        con = self.con
        next_claim_before = self._next_claim
        self._begin()
        try:
            replaced = [doc_id for _, doc_id, rep in todo if rep]
            previous = PreviousClaims()
            if replaced:
                previous = PreviousClaims(con.execute(sql.PREVIOUS_CLAIMS, [replaced]).fetchall())
                self._mark_boards(con, sql.MARK_BOARD_DOCS, [replaced])  # boards that lose the old claims
                con.execute(sql.DELETE_DOC_CLAIMS, [replaced])
                con.execute(sql.DELETE_DOC_SECTIONS, [replaced])
                for ex, doc_id, rep in todo:
                    if rep:
                        d = ex.document
                        con.execute(sql.UPDATE_DOCUMENT, [d.path, d.sha256, d.encoding, d.media_type, d.text, run_id,
                                                           len(ex.claims), d.title, d.url, d.published, d.authors,
                                                           doc_id])
            new = [(ex, doc_id) for ex, doc_id, rep in todo if not rep]
            if new:
                self._insert_documents(new, run_id)
            section_rows = _section_rows(todo)
            if section_rows:
                con.executemany(sql.INSERT_SECTIONS, section_rows)
            if replaced:
                self._insert_claims_one_by_one(todo, run_id, previous)
            else:
                gained = self._insert_claims_bulk(todo, run_id)
                if gained:  # boards that gain claims (named from the batch: no scan of the claims)
                    self._mark_boards(con, sql.MARK_BOARDS, [gained])
            con.commit()
            self._boards_stale = True
            self.reg.commit()
            self.terms.commit()
        except BaseException:
            self._rollback()
            self.reg.rollback(con)
            self.terms.load(con)
            self._next_claim = next_claim_before
            raise

    def _insert_claims_one_by_one(self, todo: list[tuple[Extraction, int, bool]], run_id: int | None,
                                  previous: PreviousClaims) -> None:
        """Claims of a batch with re-ingested documents, claim by claim (``_claim_columns``: a claim that
        ``previous`` holds unchanged keeps its id and review status)."""
        columns = self._claim_columns(todo, run_id, previous)
        self.reg.flush(self.con)
        self.terms.flush(self.con)
        if len(columns["id"]):
            self.con.register("claim_batch", columns)
            try:
                self.con.execute(sql.INSERT_CLAIMS)
            finally:
                self.con.unregister("claim_batch")
        if any(ex.claims for ex, _, _ in todo):  # boards that gain claims
            self._mark_boards(self.con, sql.MARK_BOARD_DOCS, [[doc_id for _, doc_id, _ in todo]])

    def _insert_documents(self, new: list[tuple[Extraction, int]], run_id: int | None) -> None:
        """New documents as columns, in one insert."""
        _insert_table(self.con, sql.INSERT_DOCUMENTS, "doc_batch", self._document_table(new, run_id))

    @staticmethod
    def _document_table(new: list[tuple[Extraction, int]], run_id: int | None) -> pa.Table:
        """New documents as typed Arrow columns (DuckDB scans them without reading a Python object, so the
        insert can run while another thread holds the GIL), their fields converted in one pass
        (``bulk.document_columns``)."""
        cols = bulk.document_columns([ex.document.__dict__ for ex, _ in new])
        return Warehouse._document_columns_table(cols, [doc_id for _, doc_id in new],
                                                 [len(ex.claims) for ex, _ in new], run_id)

    @staticmethod
    def _document_columns_table(cols: dict[str, pa.Array], doc_ids: Sequence[int], counts: Sequence[int] | np.ndarray,
                                run_id: int | None) -> pa.Table:
        """The table ``sql.INSERT_DOCUMENTS`` copies, from the documents' ``bulk.DOCUMENT_FIELDS`` columns."""
        return pa.table({
            "id": pa.array(doc_ids, pa.int64()),
            **{f: cols[f] for f in ("source", "path", "sha256", "encoding", "media_type", "text")},
            "run_id": pa.array([run_id] * len(doc_ids), pa.int64()),
            "n_claims": pa.array(counts, pa.int64()),
            **{f: cols[f] for f in ("title", "url", "published", "authors")},
        })

    def _insert_claims_bulk(self, todo: list[tuple[Extraction, int, bool]], run_id: int | None) -> list[int]:
        """Claims of new documents, set-based (``_claims_table``), in one ``INSERT ... SELECT``
        (``sql.INSERT_CLAIMS_BULK``). Returns the benchmarks the claims are on."""
        table, gained = self._claims_table(todo)
        self.reg.flush(self.con)
        self.terms.flush(self.con)
        if table is not None:
            _insert_table(self.con, sql.INSERT_CLAIMS_BULK, "claim_batch", table, [run_id])
        return gained

    def _claims_table(self, todo: list[tuple[Extraction, int, bool]]) -> tuple[pa.Table | None, list[int]]:
        """Claims of new documents as the Arrow table ``sql.INSERT_CLAIMS_BULK`` copies (``warehouse.bulk``): the
        fields copied out into Arrow columns, then keyed (``_keyed_claims``). Also returns the benchmarks the claims
        are on."""
        fields = [c.__dict__ for ex, _, _ in todo for c in ex.claims]
        if not fields:
            return None, []
        cols = bulk.claim_columns(fields)
        del fields
        return self._keyed_claims(cols, [d for _, d, _ in todo], [len(ex.claims) for ex, _, _ in todo],
                                  [ex.extractor for ex, _, _ in todo])

    def _keyed_claims(self, cols: dict[str, pa.Array], doc_ids: Sequence[int], counts: Sequence[int] | np.ndarray,
                      extractors: Sequence[str | None]) -> tuple[pa.Table, list[int]]:
        """The claims' ``bulk.CLAIM_FIELDS`` columns (``counts[i]`` of them of document ``doc_ids[i]``, in order) as
        the table ``sql.INSERT_CLAIMS_BULK`` copies: each distinct name resolved and each distinct setting and unit
        keyed once and gathered to every claim, the rows put in benchmark order; ids are taken. Also returns the
        benchmarks the claims are on."""
        n = len(cols["kind"])
        cols["id"] = pa.array(np.arange(self._next_claim + 1, self._next_claim + n + 1, dtype=np.int64))
        cols["doc_id"] = pa.array(np.repeat(np.asarray(doc_ids, dtype=np.int64), counts))
        cols["doc_extractor"] = bulk.gather(extractors, np.repeat(np.arange(len(doc_ids)), counts), pa.string())
        cols.update(bulk.entity_ids(cols, self.reg.resolve, self.reg.known_ids))
        # one term id per distinct wording, given in the order the claims meet them (``warehouse.terms``)
        cols.update(bulk.keyed_columns([cols["metric"], cols["setting"], cols["unit"]], ("term_id",),
                                       lambda m, s, u: (self.terms.id_of(m, s, u),)))
        order = bulk.benchmark_order(cols["benchmark_id"], cols["model_id"])
        for _, canonical, _ in bulk.NAME_ROLES:  # resolved into ids above; the insert does not read them
            del cols[canonical]
        table = bulk.in_row_groups(pa.table(cols).take(order))
        self._next_claim += n
        return table, [int(b) for b in pc.unique(cols["benchmark_id"].drop_null()).to_pylist()]

    def _claim_columns(self, todo: list[tuple[Extraction, int, bool]], run_id: int | None,
                       previous: PreviousClaims | None = None) -> dict[str, np.ndarray]:
        """Claims of ``todo`` as columns (numpy arrays DuckDB scans directly), entities resolved.

        A claim of a replaced document that ``previous`` holds unchanged keeps its id and review status.

        Built row-wise as tuples and transposed once: the per-claim Python work is the
        bulk-load bottleneck, so it is kept to one tuple and a few dict hits.
        """
        resolve = self.reg.resolve
        memo = self.reg.memo
        term_id = self.terms.id_of
        rows: list[tuple[Any, ...]] = []
        append = rows.append
        claim_id = self._next_claim
        for ex, doc_id, replaced in todo:
            default_extractor = ex.extractor
            for c in ex.claims:
                d = c.__dict__  # plain dict reads: measurably faster than attribute access at 10^6 claims
                model, metric, benchmark, baseline, relation = d["model"], d["metric"], d["benchmark"], d["baseline"], d["relation"]
                kept = previous.take(doc_id, fingerprint(d["kind"], model, benchmark, d["value"], baseline, d["quote"])) \
                    if replaced and previous is not None else None
                if kept is None:
                    claim_id += 1
                row_id, status = (kept.id, kept.review_status) if kept is not None else (claim_id, "unreviewed")
                model_id = memo.get(("model", model, d["model_canonical"])) or resolve("model", model, d["model_canonical"])
                bench_id = (memo.get(("benchmark", benchmark, d["benchmark_canonical"]))
                            or resolve("benchmark", benchmark, d["benchmark_canonical"])) if benchmark else None
                baseline_id = resolve("model", baseline, d["baseline_canonical"]) if baseline else None
                unit, setting = d["unit"], d["setting"]
                append((
                    row_id, doc_id, d["kind"], model, model_id, benchmark, bench_id, metric,
                    term_id(metric, setting, unit), d["value"], d["value_high"], unit,
                    setting, baseline, baseline_id, relation, d["delta"], d["quote"],
                    d["source"], d["section"], d["start"], d["end"], d["extractor"] or default_extractor, run_id,
                    status, _loser(relation, model_id, baseline_id),
                ))
        self._next_claim = claim_id
        names = sql.CLAIM_COLUMNS  # the tuple built per claim above is in this order
        if not rows:
            return {n: object_column([]) for n in names}
        return {n: object_column(col) for n, col in zip(names, zip(*rows, strict=True), strict=True)}

    # -- queries ---------------------------------------------------------------------
    def leaderboard(self, benchmark: str, metric: str | None = None, setting: str | None = None,
                    sources_limit: int | None = None, as_of: datetime.date | None = None, limit: int | None = None,
                    offset: int = 0) -> Leaderboard:
        """One row per model, best comparable value first; raises UnknownName with suggestions.

        ``sources_limit`` keeps at most that many sources per row (``sources_total`` says how many there are);
        ``as_of``: the board as it stood that day (documents published, else first ingested, by then);
        ``limit`` / ``offset``: that page of the rows (``rows_total`` says how many there are).
        """
        with self._lock:
            if self._board_read(sources_limit, as_of):
                return boards.leaderboard(self.con, self.reg, benchmark, metric, setting, sources_limit or 0,
                                          limit=limit, offset=offset)
            board = ranking.leaderboard(self.con, self.reg, benchmark, metric, setting, as_of, sources_limit)
        board.rows = board.rows[max(0, offset):None if limit is None else max(0, offset) + max(0, limit)]
        return board

    def leaderboard_json(self, benchmark: str, metric: str | None = None, setting: str | None = None,
                         sources_limit: int | None = None, as_of: datetime.date | None = None,
                         limit: int | None = None, offset: int = 0,
                         more_sources: boards.MoreSources | None = None) -> bytes:
        """``leaderboard`` as JSON bytes (what the API sends): from the boards, the rows' stored JSON joined
        without a Python object per row. ``more_sources(model, benchmark)`` links the rest of a row's sources."""
        with self._lock:
            if self._board_read(sources_limit, as_of):
                return boards.leaderboard_json(self.con, self.reg, benchmark, metric, setting, sources_limit or 0,
                                               limit, offset, more_sources)
        board = self.leaderboard(benchmark, metric, setting, sources_limit, as_of, limit, offset)
        return with_more_sources(board, more_sources).model_dump_json().encode()

    def _board_read(self, sources_limit: int | None, as_of: datetime.date | None) -> bool:
        """Whether the precomputed boards answer: no ``as_of``, at most ``BOARD_SOURCES`` sources per row."""
        return as_of is None and sources_limit is not None and 0 <= sources_limit <= boards.BOARD_SOURCES \
            and self._boards_ready()

    def history(self, benchmark: str, metric: str | None = None, setting: str | None = None) -> History:
        """The benchmark's best value over time, one step per document that raised it."""
        with self._lock:
            return ranking.history(self.con, self.reg, benchmark, metric, setting)

    def board_events(self, benchmark: str | None = None, model: str | None = None, limit: int = 50) -> list[BoardEvent]:
        """New leaders and new entries on the boards, newest first (``benchmark`` / ``model`` narrow it)."""
        with self._lock:
            return ranking.board_events(self.con, self.reg, benchmark, model)[:max(0, int(limit))]

    def matrix(self, benchmarks: Sequence[str]) -> Matrix:
        """Models × ``benchmarks``: each model's best value on each board (the board's default group, as
        ``leaderboard`` ranks it), with the ids of the claims that state it; models ordered by how many of
        the benchmarks they have a value on."""
        return ranking.matrix([self.leaderboard(b) for b in benchmarks])

    def beats(self, model: str, benchmark: str, general: bool = True, sources_limit: int | None = None,
              limit: int | None = None, offset: int = 0) -> BeatsResult:
        """Models that beat ``model`` on ``benchmark`` (scores and explicit comparisons), with evidence.

        ``sources_limit`` keeps at most that much evidence per row (``evidence_total`` says how much there is);
        ``limit`` / ``offset``: that page of the rows (``rows_total`` says how many there are).
        """
        with self._lock:
            if sources_limit is not None and 0 <= sources_limit <= boards.BOARD_SOURCES and self._boards_ready():
                return boards.beats(self.con, self.reg, model, benchmark, general, sources_limit, limit, offset)
            result = ranking.beats(self.con, self.reg, model, benchmark, general)
        result.rows = result.rows[max(0, offset):None if limit is None else max(0, offset) + max(0, limit)]
        for row in result.rows:
            row.evidence_total = len(row.evidence)
            if sources_limit is not None:
                del row.evidence[sources_limit:]
        return result

    def interrupt(self) -> None:
        """Stop the query running now (from another thread); it raises ``QueryInterrupted``."""
        self.con.interrupt()

    def set_threads(self, threads: int | None) -> None:
        """DuckDB's worker threads for the queries that follow (None: its default, one per core).

        A read by key costs ~0.1 ms less CPU on one thread than on two, the scheduler's hand-over to a worker that has
        nothing to do; the API server reads so and lifts the limit for its writes (``api.gateway.StoreGateway``).
        """
        with self._lock:
            if threads is None:
                self.con.execute(sql.RESET_THREADS)
            else:
                self.con.execute(sql.SET_THREADS, [threads])

    def claims(
        self, model: str | None = None, benchmark: str | None = None, kind: str | None = None,
        source: str | None = None, review_status: str | None = None, sort: str = "id", limit: int = 50,
        offset: int = 0,
    ) -> ClaimPage:
        """Stored claims with provenance, filtered (names accept any alias) and paginated."""
        if sort not in sql.CLAIMS_PAGE:
            raise ValueError(f"unknown sort {sort!r}; choose one of {', '.join(sql.CLAIMS_PAGE)}")
        if kind is not None and kind not in CLAIM_KINDS:
            raise ValueError(f"unknown kind {kind!r}; choose one of {', '.join(CLAIM_KINDS)}")
        if review_status is not None and review_status not in REVIEW_STATUSES:
            raise ValueError(f"unknown review status {review_status!r}; choose one of {', '.join(REVIEW_STATUSES)}")
        limit = max(0, int(limit))
        offset = max(0, int(offset))
        with self._lock:
            mid = ranking.resolve_model(self.reg, model) if model else None
            bids = ranking.resolve_benchmark(self.reg, benchmark).member_ids if benchmark else None
            where = [mid, mid, mid, bids, bids, kind, kind, source, source, review_status, review_status]
            total_row = self._one(sql.CLAIMS_COUNT, where)
            rows = self.con.execute(sql.CLAIMS_PAGE[sort], [*where, limit, offset]).fetchall()
        return ClaimPage(total=int(total_row[0]) if total_row else 0, limit=limit, offset=offset,
                         items=[_stored(r) for r in rows])

    def get_claim(self, claim_id: int) -> StoredClaim:
        if not 0 <= int(claim_id) < 2**63:  # beyond BIGINT: no such claim (DuckDB would refuse the parameter)
            raise UnknownName("claim", str(claim_id))
        with self._lock:
            row = self._one(sql.GET_CLAIM, [int(claim_id)])
        if row is None:
            raise UnknownName("claim", str(claim_id))
        return _stored(row)

    def claim_detail(self, claim_id: int) -> ClaimDetail:
        """The claim with its document id and the paragraph around its quote (``context``), so a reader
        can check the number where it was written."""
        claim = self.get_claim(claim_id)
        with self._lock:
            row = self._one(sql.CLAIM_DOCUMENT, [int(claim_id)])
        if row is None:
            raise UnknownName("claim", str(claim_id))
        doc_id, text = row
        return ClaimDetail(**claim.model_dump(), document_id=int(doc_id),
                           context=paragraph_around(str(text or ""), claim.start, claim.end, claim.quote))

    def set_review_status(self, claim_id: int, status: str, note: str | None = None,
                          reviewer: str | None = None) -> StoredClaim:
        """Mark a claim verified / rejected / unreviewed (rejected claims never count); every decision is
        kept in the claim's review history (``review_history``), so it can be undone."""
        self._writable()
        if status not in REVIEW_STATUSES:
            raise ValueError(f"unknown review status {status!r}; choose one of {', '.join(REVIEW_STATUSES)}")
        before = self.get_claim(claim_id)
        with self._lock:
            self._begin()
            try:
                self.con.execute(sql.SET_REVIEW, [status, int(claim_id)])
                self._mark_boards(self.con, sql.MARK_BOARD_CLAIM, [int(claim_id)])
                self.con.execute(sql.ADD_REVIEW, [int(claim_id), status, before.review_status, note, reviewer])
                self.con.commit()
            except BaseException:
                self._rollback()
                raise
            self._boards_stale = True
        return self.get_claim(claim_id)

    def undo_review(self, claim_id: int, reviewer: str | None = None) -> StoredClaim:
        """Go back to the status the claim had before its last review decision."""
        history = self.review_history(claim_id)
        if not history:
            return self.get_claim(claim_id)
        return self.set_review_status(claim_id, history[-1].previous, note="undo", reviewer=reviewer)

    def review_history(self, claim_id: int) -> list[ReviewEvent]:
        """The claim's review decisions, oldest first."""
        self.get_claim(claim_id)
        with self._lock:
            rows = self.con.execute(sql.REVIEW_HISTORY, [int(claim_id)]).fetchall()
        return [ReviewEvent(status=s, previous=p, note=n, reviewer=r, at=str(at)) for s, p, n, r, at in rows]

    def review_queue(self, limit: int = 50) -> list[ReviewQueueItem]:
        """Unreviewed claims, those whose board row has disagreeing sources first, then those on the
        boards with most claims."""
        with self._lock:
            rows = self.con.execute(sql.REVIEW_QUEUE, [max(0, int(limit))]).fetchall()
        return [ReviewQueueItem(**_stored(r[:-2]).model_dump(), in_conflict=bool(r[-2]), board_claims=int(r[-1]))
                for r in rows]

    def _name_counts(self, kind: str, query: str) -> list[NameCount]:
        with self._lock:
            surfaces = dict(self.con.execute(sql.ALIAS_SURFACES, [kind]).fetchall())
            rows = self.con.execute(query, [kind]).fetchall()
        out = []
        for eid, name, n in rows:
            if not is_named(name):
                continue  # organisations and generic phrases are not models or benchmarks to list
            aliases = [s for s in surfaces.get(eid, []) if s and s != name]
            out.append(NameCount(name=name, claims=int(n), aliases=aliases))
        return out

    def benchmarks(self) -> list[NameCount]:
        """Benchmarks with their claim counts and known aliases, most claimed first."""
        return self._name_counts("benchmark", sql.BENCHMARK_COUNTS)

    def models(self) -> list[NameCount]:
        """Models (subjects and baselines) with their claim counts and aliases."""
        return self._name_counts("model", sql.MODEL_COUNTS)

    def export(self, fmt: Literal["csv", "json", "parquet"], out: str | Path, benchmark: str | None = None,
               bom: bool = False) -> Path:
        """Write all claims, or one benchmark's leaderboard, with DuckDB's COPY (see ``exports``).

        A place that cannot be written (a folder, no permission, a full disk) is an ``OSError``
        naming ``out``.
        """
        out = Path(out)
        if out.is_dir():
            raise IsADirectoryError(21, "is a folder; give a file name", str(out))
        with self._lock:
            board = self.leaderboard(benchmark) if benchmark else None
            try:
                return exports.export(self.con, fmt, out, board, bom=bom)
            except duckdb.IOException as exc:
                raise OSError(5, str(exc).removeprefix("IO Error: "), str(out)) from None

    # -- documents -------------------------------------------------------------------
    def _documents_sql(self) -> tuple[str, str, str]:
        row = self._one(sql.HAS_DOCUMENT_META)
        return sql.documents_queries(bool(row and row[0]))

    def documents(self, source: str | None = None, limit: int = 50, offset: int = 0) -> DocumentPage:
        """Stored documents with their metadata (no text), oldest first; ``source`` matches a source or a url."""
        limit, offset = max(0, int(limit)), max(0, int(offset))
        with self._lock:
            count_sql, page_sql, _ = self._documents_sql()
            where = [source, source, source]
            total_row = self._one(count_sql, where)
            rows = self.con.execute(page_sql, [*where, limit, offset]).fetchall()
        return DocumentPage(total=int(total_row[0]) if total_row else 0, limit=limit, offset=offset,
                            items=[_document(r) for r in rows])

    def get_document(self, doc_id: int, with_text: bool = True) -> DocumentInfo:
        """One stored document (with its text: every claim's start/end index it)."""
        with self._lock:
            _, _, one_sql = self._documents_sql()
            row = self._one(one_sql, [int(doc_id)])
            text_row = self._one(sql.GET_DOCUMENT_TEXT, [int(doc_id)]) if row and with_text else None
        if row is None:
            raise UnknownName("document", str(doc_id))
        info = _document(row)
        if text_row is not None:
            info.text = text_row[0]
        return info

    def stats(self) -> dict[str, int]:
        with self._lock:
            row = self._one(sql.STATS)
        assert row is not None
        return dict(zip(("documents", "claims", "models", "benchmarks", "runs"), (int(x) for x in row), strict=True))

    # -- llm cache -------------------------------------------------------------------
    def cache_get(self, key: str) -> str | None:
        with self._lock:
            row = self._one(sql.CACHE_GET, [key])
        return None if row is None else str(row[0])

    def cache_put(self, key: str, value: str) -> None:
        self._writable()
        with self._lock:
            self.con.execute(sql.CACHE_PUT, [key, value])


class _NewDocuments(NamedTuple):
    """A batch of documents none of which is stored yet, ready for one transaction (``Warehouse._write_new``)."""

    outcomes: list[IngestOutcome]  # one per document given, in order
    sources: frozenset[str]
    documents: pa.Table
    sections: list[list[Any]]
    claims: pa.Table | None
    gained: list[int]  # benchmarks whose boards gain claims
    names: PendingNames  # entities, aliases, spellings the batch's names made
    terms: PendingTerms  # the claim terms its wordings made
    run_id: int | None
    ids_after: tuple[int, int]  # the document and claim id counters once the batch is stored


class _Writing(NamedTuple):
    """A batch being written on ``store_many``'s worker thread."""

    done: Future[None]
    batch: _NewDocuments


# Documents per ``store_many`` batch (one transaction each) and in its first batch when the caller sets no size.
# The write-ahead log an overlapped ``store_many`` lets its commits leave before one checkpoints
# (``Warehouse._one_checkpoint``): ~50 batches of documents like the benchmark's.
CHECKPOINT_EVERY = "1GiB"
_T = TypeVar("_T")
BATCH_DOCS = 20000
FIRST_BATCH_DOCS = 5000


def _in_batches(items: Iterable[_T], size: int, first: int | None = None,
                tail: int | None = None) -> Iterator[list[_T]]:
    """``items`` in lists of ``size``, the first of ``first`` when given (the last may be shorter).

    ``tail``: a last list of fewer than ``tail`` items joins the one before it, so a list is yielded only once
    ``tail`` items of the next are read (or the items end). Each batch is a commit, and each commit of a bulk
    load checkpoints: 1 M claims written as 100 k, 400 k, 400 k, 100 k claims cost DuckDB ~0.25 s more CPU than the
    same claims in three commits (replayed writes, alternated: 3.04-3.15 vs 2.79-2.86 s)."""
    batch: list[_T] = []
    held: list[_T] | None = None  # a full list, yielded once the next one holds ``tail`` items
    want = first or size
    for item in items:
        batch.append(item)
        if held is not None and len(batch) >= (tail or 0):
            yield held
            held = None
        if len(batch) >= want:
            want = size
            if tail:
                if held is not None:  # ``tail`` > ``first``: the list before was still held
                    yield held
                held = batch
            else:
                yield batch
            batch = []
    if held is not None:
        held.extend(batch)  # a short last list joins the one before
        batch = held
    if batch:
        yield batch


def _section_rows(todo: list[tuple[Extraction, int, bool]]) -> list[list[Any]]:
    """The sections of ``todo``'s documents as ``sql.INSERT_SECTIONS`` rows."""
    return [[doc_id, i, s.title, s.start, s.end, s.subject]
            for ex, doc_id, _ in todo for i, s in enumerate(ex.document.sections)]


def _insert_table(con: duckdb.DuckDBPyConnection, query: str, view: str, table: pa.Table,
                  params: list[Any] | None = None) -> None:
    """Run ``query`` over ``table`` registered as ``view``."""
    con.register(view, table)
    try:
        con.execute(query, params or [])
    finally:
        con.unregister(view)


@contextmanager
def _no_gc() -> Iterator[None]:
    """No garbage collection inside: a bulk load or a board build creates millions of short-lived objects, and
    each collection would rescan every live object (a caller holding a million claims: seconds)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def with_more_sources(board: Leaderboard, more_sources: boards.MoreSources | None) -> Leaderboard:
    """``board`` with ``more_sources`` links on the rows that show fewer sources than they have."""
    if more_sources is not None:
        for row in board.rows:
            if row.sources_total is not None and row.sources_total > len(row.sources):
                row.more_sources = more_sources(row.model, row.benchmark or board.benchmark)
    return board


def _loser(relation: str | None, model_id: int, baseline_id: int | None) -> int | None:
    """Who a comparison says is beaten (indexed, so beats() finds it in one lookup)."""
    if relation == "outperforms":
        return baseline_id
    if relation == "underperforms":
        return model_id
    return None



_PARAGRAPH_BREAK = "\n\n"
_CONTEXT_REACH = 1500  # at most this many characters of a (very long) paragraph on each side of the quote


def paragraph_around(text: str, start: int, end: int, quote: str) -> ClaimContext:
    """The paragraph of ``text`` holding ``text[start:end]`` (blank-line delimited, capped in length), with
    the quote's offsets inside it. A text that no longer holds the quote there gives the quote alone."""
    if text[start:end] != quote:
        return ClaimContext(text=quote, start=0, end=len(quote))
    a = text.rfind(_PARAGRAPH_BREAK, max(0, start - _CONTEXT_REACH), start)
    a = max(0, start - _CONTEXT_REACH) if a < 0 else a + len(_PARAGRAPH_BREAK)
    b = text.find(_PARAGRAPH_BREAK, end, end + _CONTEXT_REACH)
    b = min(len(text), end + _CONTEXT_REACH) if b < 0 else b
    return ClaimContext(text=text[a:b], start=start - a, end=end - a)


def _document(row: tuple[Any, ...]) -> DocumentInfo:
    fields = dict(zip(sql.DOCUMENT_COLUMNS, row, strict=True))
    at = fields.get("ingested_at")
    if isinstance(at, datetime.datetime) and at.tzinfo is None:
        # DuckDB's now() is stored without a zone, in UTC: say so (RFC 3339 date-times carry an offset)
        fields["ingested_at"] = at.replace(tzinfo=datetime.UTC)
    return DocumentInfo(**fields)


def _stored(row: tuple[Any, ...]) -> StoredClaim:
    return StoredClaim(**dict(zip(sql.STORED_CLAIM_FIELDS, row, strict=True)))



