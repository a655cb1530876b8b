"""``store_many`` writes one batch on a worker thread while it prepares the next (``Warehouse._store_overlapped``).

What is stored must not depend on it: ids, entities, outcomes and boards are those of storing the batches one
after another, a batch with a document already stored (or being written) takes the sequential path, and a write
that fails leaves the warehouse and its in-memory registry at the last commit, so storing again ends where a clean
run does.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from schemas import Extraction, ScoreClaim
from tests.warehouse.test_boards_precomputed import _doc, _hard_cases, _synthetic
from tests.warehouse.test_bulk import _corpus, _stored
from warehouse import Warehouse


def _boards(wh: Warehouse) -> list[str]:
    names = [b.name for b in wh.benchmarks()]
    return [wh.leaderboard(n, sources_limit=5).model_dump_json() for n in names]


def test_batches_written_while_the_next_is_prepared_store_what_one_batch_stores(tmp_path: Path) -> None:
    docs = _corpus()
    with Warehouse(tmp_path / "one.duckdb") as wh:
        one_outcomes = wh.store_many(docs)
        one, one_boards = _stored(wh), _boards(wh)
    with Warehouse(tmp_path / "many.duckdb") as wh:
        many_outcomes = wh.store_many(iter(docs), batch_docs=7)  # an iterator, as a generator of extractions
        assert many_outcomes == one_outcomes
        assert _stored(wh) == one
        assert _boards(wh) == one_boards


def test_a_batch_with_a_stored_or_pending_document_goes_in_turn(tmp_path: Path) -> None:
    docs = _hard_cases() + _synthetic(600)  # 33 documents
    edited = _doc(docs[3].document.source, [("score", "Zeta-1B", "MMLU", 91.0, "accuracy", "%", None, None)])
    # stored before (the first batch); in the batch being written (docs[6] again in the next batch); edited
    # (replaced); repeated unchanged in the same call
    given = [*docs[:8], docs[6], *docs[8:], edited, docs[20], docs[5]]
    with Warehouse(tmp_path / "turns.duckdb") as wh:
        wh.store_many(docs[:3])
        outcomes = wh.store_many(given, batch_docs=4)
        stored, boards = _stored(wh), _boards(wh)
    with Warehouse(tmp_path / "single.duckdb") as wh:
        wh.store_many(docs[:3])
        single = [wh.store(ex) for ex in given]
        assert _stored(wh) == stored
        assert _boards(wh) == boards
    assert [(o.source, o.status, o.claims) for o in outcomes] == [(o.source, o.status, o.claims) for o in single]
    assert {o.status for o in outcomes} == {"added", "unchanged", "replaced"}


def _broken(source: str) -> Extraction:
    """A document whose claim has no quote (built without validation): the database refuses the insert."""
    ex = _doc(source, [("score", "Broken-1B", "BrokenBench", 50.0, "accuracy", "%", None, None)])
    claim = ScoreClaim.model_construct(**{**ex.claims[0].__dict__, "quote": None})
    return ex.model_copy(update={"claims": [claim]})


@pytest.mark.parametrize("at", [6, 13, 31])  # the failing batch is the second, a middle or the last one
def test_a_failed_write_leaves_the_last_commit_and_storing_again_ends_as_a_clean_run(tmp_path: Path,
                                                                                    at: int) -> None:
    docs = _hard_cases() + _synthetic(600)  # 33 documents
    with Warehouse(tmp_path / "failed.duckdb") as wh:
        with pytest.raises(duckdb.ConstraintException):
            wh.store_many([*docs[:at], _broken("broken.txt"), *docs[at:]], batch_docs=5)
        committed = at // 5 * 5  # the batches before the one holding the broken document
        assert wh.stats()["documents"] == committed
        outcomes = wh.store_many(docs, batch_docs=5)
        assert [o.status for o in outcomes].count("unchanged") == committed
        after = _stored(wh), _boards(wh)
    with Warehouse(tmp_path / "clean.duckdb") as clean:
        clean.store_many(docs)
        assert (_stored(clean), _boards(clean)) == after


def test_overlapped_writes_run_on_one_duckdb_thread_and_the_setting_comes_back(tmp_path: Path,
                                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """While batches overlap, the preparing thread holds a core, so DuckDB writes on one thread fewer than it is set
    to (at least one); afterwards (also after a failed write) the setting is back, and a single batch keeps it."""
    seen: list[int] = []
    write_new = Warehouse._write_new

    def recording(self: Warehouse, ready: object) -> None:
        seen.append(int(self.con.execute("SELECT current_setting('threads')").fetchone()[0]))  # type: ignore[index]
        write_new(self, ready)  # type: ignore[arg-type]

    monkeypatch.setattr(Warehouse, "_write_new", recording)
    docs = _hard_cases() + _synthetic(600)

    def threads(wh: Warehouse) -> int:
        return int(wh.con.execute("SELECT current_setting('threads')").fetchone()[0])  # type: ignore[index]

    with Warehouse(tmp_path / "w.duckdb") as wh:
        wh.set_threads(3)
        wh.store_many(docs, batch_docs=5)
        assert seen and set(seen) == {2}
        assert threads(wh) == 3
        with pytest.raises(duckdb.ConstraintException):
            wh.store_many([_broken("broken.txt"), *docs[:9]], batch_docs=5)
        assert threads(wh) == 3
        wh.set_threads(1)
        seen.clear()
        new = [_doc(f"new-{i}.txt", [("score", f"New-{i}B", "NewBench", 50.0 + i, "accuracy", "%", None, None)])
               for i in range(12)]
        wh.store_many(new, batch_docs=5)  # new documents in three batches: they overlap
        assert seen and set(seen) == {1} and threads(wh) == 1
        wh.set_threads(None)
        default = threads(wh)
        seen.clear()
        wh.store(_doc("single.txt", [("score", "Single-1B", "SingleBench", 50.0, "accuracy", "%", None, None)]))
        assert threads(wh) == default and not seen
