"""An overlapped ``store_many`` checkpoints once, at its end, not at each batch's commit (``Warehouse._one_checkpoint``):
each checkpoint compressed the documents' last row group again whole, so a bulk load's writes grew with the file."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.warehouse.test_boards_precomputed import _doc, _hard_cases, _synthetic
from tests.warehouse.test_bulk import _stored
from tests.warehouse.test_overlapped_writes import _broken
from warehouse import Warehouse, db


def _threshold(con: duckdb.DuckDBPyConnection) -> str:
    return str(con.execute("SELECT current_setting('checkpoint_threshold')").fetchone()[0])  # type: ignore[index]


def _log(path: Path) -> int:
    wal = Path(f"{path}.wal")
    return wal.stat().st_size if wal.exists() else 0


def test_batches_commit_without_checkpoints_and_the_call_checkpoints_at_its_end(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    logs: list[int] = []
    write_new = Warehouse._write_new
    path = tmp_path / "w.duckdb"

    def recording(self: Warehouse, ready: db._NewDocuments) -> None:
        seen.append(_threshold(self.con))
        write_new(self, ready)
        logs.append(_log(path))

    monkeypatch.setattr(Warehouse, "_write_new", recording)
    docs = _hard_cases() + _synthetic(600)
    with Warehouse(path) as wh:
        before = _threshold(wh.con)
        wh.store_many(docs, batch_docs=5)
        assert seen and set(seen) == {_threshold_of(db.CHECKPOINT_EVERY)}
        assert logs[-1] > 0 and logs == sorted(logs)  # each commit left its changes in the log
        assert _threshold(wh.con) == before and _log(path) == 0  # checkpointed at the end, the setting back
        stored = _stored(wh)
    with Warehouse(tmp_path / "one.duckdb") as wh:
        wh.store_many(docs, batch_docs=len(docs))
        assert _stored(wh) == stored


def test_a_failed_write_puts_the_threshold_back_and_keeps_what_was_committed(tmp_path: Path) -> None:
    docs = _hard_cases() + _synthetic(600)
    path = tmp_path / "w.duckdb"
    with Warehouse(path) as wh:
        before = _threshold(wh.con)
        with pytest.raises(duckdb.ConstraintException):
            wh.store_many([*docs[:10], _broken("broken.txt"), *docs[10:15]], batch_docs=5)
        assert _threshold(wh.con) == before
        committed = _stored(wh)
        assert committed  # the first two batches
    with Warehouse(path) as wh:  # reopened: the log replayed
        assert _stored(wh) == committed
        wh.store_many([_doc("after.txt", [("score", "After-1B", "AfterBench", 50.0, "accuracy", "%", None, None)])])


def _threshold_of(size: str) -> str:
    """``size`` as DuckDB shows the setting."""
    con = duckdb.connect()
    con.execute("SET checkpoint_threshold = ?", [size])
    return _threshold(con)


def test_a_write_open_on_another_cursor_leaves_the_log_and_the_call_stores_everything(tmp_path: Path) -> None:
    """DuckDB refuses a checkpoint while another cursor has a write open; the call has stored its documents by then."""
    docs = _hard_cases() + _synthetic(600)
    with Warehouse(tmp_path / "w.duckdb") as wh:
        other = wh.con.cursor()
        other.execute("CREATE TABLE scratch (x INTEGER)")
        other.begin()
        other.execute("INSERT INTO scratch VALUES (1)")
        outcomes = wh.store_many(docs, batch_docs=5)
        other.commit()
        other.close()
        assert [o.status for o in outcomes] == ["added"] * len(docs)
        stored = _stored(wh)
    with Warehouse(tmp_path / "one.duckdb") as wh:
        wh.store_many(docs, batch_docs=len(docs))
        assert _stored(wh) == stored
