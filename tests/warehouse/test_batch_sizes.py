"""How ``store_many`` cuts a call into batches when the caller leaves the size unset: a short first batch (the writer
starts sooner) that still holds more than a row group of claims, and a tapered end: the last full batch and a short
one after it are cut from the end into batches of a row group's claims, twice as many, ..., so the last write, which
nothing overlaps, is short, and no batch leaves its claims in the write-ahead log for the final checkpoint."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from tests.warehouse.test_bulk import _corpus, _stored
from warehouse import Warehouse, db


class _Doc(NamedTuple):
    """Stands for an ``Extraction``: ``_in_batches`` reads only how many claims it holds."""

    claims: list[int]


def _docs(n: int, claims: int = 20) -> list[_Doc]:
    return [_Doc([0] * claims) for _ in range(n)]


def _sizes(n: int, size: int, first: int | None = None, tail: int | None = None, least: int | None = None,
           claims: int = 20) -> list[int]:
    return [len(b) for b in db._in_batches(iter(_docs(n, claims)), size, first, tail, least)]  # type: ignore[arg-type]


def test_a_short_last_batch_joins_the_one_before_without_a_claims_floor() -> None:
    assert _sizes(50, 20, 5, 10) == [5, 20, 25]
    assert _sizes(36, 20, 5, 10) == [5, 20, 11]  # half a batch or more stays a batch of its own
    assert _sizes(45, 20, 5, 10) == [5, 20, 20]
    assert _sizes(6, 20, 5, 10) == [6]
    assert _sizes(0, 20, 5, 10) == []
    assert _sizes(50, 20, 5) == [5, 20, 20, 5]  # no tail given: as before
    assert _sizes(50, 20) == [20, 20, 10]


def test_the_first_batch_holds_the_claims_floor_and_the_end_is_tapered() -> None:
    # 20 claims a document, a floor of 100 claims (5 documents): the first batch grows from 3 to 5 documents; the
    # last 20 + 5 documents (500 claims) become 10, 10 and 5 documents (a list of 5, one of 10, and the 10 before)
    assert _sizes(50, 20, 3, 10, 100) == [5, 20, 10, 10, 5]
    # 1 M claims as the benchmark loads them: 5,000 documents would be 100,000 claims, so the first holds 6,145
    assert _sizes(50_000, 20_000, 5_000, 10_000, 122_881) == [6_145, 20_000, 17_710, 6_145]
    # a long end: lists of 1, 2, 4 floors from the end, the rest first
    assert [len(b) for b in db._taper(_docs(100, 1), 5)] == [65, 20, 10, 5]  # type: ignore[arg-type]
    assert [len(b) for b in db._taper(_docs(9, 1), 5)] == [9]  # type: ignore[arg-type]  # less than two floors
    assert [len(b) for b in db._taper(_docs(10, 1), 5)] == [5, 5]  # type: ignore[arg-type]
    # a call that fits before anything is yielded stays one batch (no overlap, one commit)
    assert _sizes(12, 20, 3, 10, 100) == [12]
    assert _sizes(0, 20, 3, 10, 100) == []
    # documents of few claims: the first batch waits for the floor, the end keeps whole documents
    assert _sizes(48, 10, 3, 5, 35, claims=7) == [5, 10, 10, 10, 8, 5]


def test_default_batches_of_a_call_hold_the_floor_and_end_short(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = _corpus()
    monkeypatch.setattr(db, "FIRST_BATCH_DOCS", 3)
    monkeypatch.setattr(db, "BATCH_DOCS", 10)
    monkeypatch.setattr(db, "ROW_GROUP_CLAIMS", 40)
    written: list[int] = []
    claims: list[int] = []
    write_new = Warehouse._write_new

    def counting(self: Warehouse, ready: db._NewDocuments) -> None:
        written.append(len(ready.outcomes))
        claims.append(ready.claims.num_rows if ready.claims is not None else 0)
        write_new(self, ready)

    monkeypatch.setattr(Warehouse, "_write_new", counting)
    with Warehouse(tmp_path / "tail.duckdb") as wh:
        wh.store_many(docs)
        stored = _stored(wh)
    assert written == [len(b) for b in db._in_batches(iter(docs), 10, 3, 5, 40)]
    assert sum(written) == len(docs) and len(written) > 3
    assert all(n >= 40 for n in claims), claims
    assert claims[-1] < max(claims)  # the last write is a short one
    with Warehouse(tmp_path / "one.duckdb") as wh:
        wh.store_many(docs, batch_docs=len(docs))
        assert _stored(wh) == stored
