"""How ``store_many`` cuts a call into batches when the caller leaves the size unset: a short first batch (the writer
starts sooner) and no short last one (each batch is a commit, and each commit of a bulk load checkpoints)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.warehouse.test_bulk import _corpus, _stored
from warehouse import Warehouse, db


def _sizes(n: int, size: int, first: int | None = None, tail: int | None = None) -> list[int]:
    return [len(b) for b in db._in_batches(iter(range(n)), size, first, tail)]  # type: ignore[arg-type]


def test_a_short_last_batch_joins_the_one_before() -> None:
    assert _sizes(50, 20, 5, 10) == [5, 20, 25]
    assert _sizes(36, 20, 5, 10) == [5, 20, 11]  # half a batch or more stays a batch of its own
    assert _sizes(45, 20, 5, 10) == [5, 20, 20]
    assert _sizes(6, 20, 5, 10) == [6]
    assert _sizes(0, 20, 5, 10) == []
    assert _sizes(50, 20, 5) == [5, 20, 20, 5]  # no tail given: as before
    assert _sizes(50, 20) == [20, 20, 10]


def test_default_batches_of_a_call_leave_no_short_last_commit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = _corpus()
    monkeypatch.setattr(db, "FIRST_BATCH_DOCS", 3)
    monkeypatch.setattr(db, "BATCH_DOCS", 10)
    n = len(docs)
    assert 0 < (n - 3) % 10 < 5, "the corpus should leave a short last batch"
    written: list[int] = []
    write_new = Warehouse._write_new

    def counting(self: Warehouse, ready: db._NewDocuments) -> None:
        written.append(len(ready.outcomes))
        write_new(self, ready)

    monkeypatch.setattr(Warehouse, "_write_new", counting)
    with Warehouse(tmp_path / "tail.duckdb") as wh:
        wh.store_many(docs)
        stored = _stored(wh)
    assert written == [3] + [10] * ((n - 3) // 10 - 1) + [10 + (n - 3) % 10]
    with Warehouse(tmp_path / "one.duckdb") as wh:
        wh.store_many(docs, batch_docs=n)
        assert _stored(wh) == stored
