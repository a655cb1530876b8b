"""The set-based insert (warehouse/bulk.py) stores what the claim-by-claim path stores.

A batch of new documents goes through ``bulk`` (Arrow columns, names resolved once per distinct name);
a re-ingested document's claims go claim by claim (``Warehouse._claim_columns``). Both must give the same
entity ids, keys and columns, and a batch the ids its documents stored one at a time would get.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

from schemas import ComparisonClaim, Extraction
from tests.warehouse.test_boards_precomputed import _doc, _hard_cases, _synthetic
from warehouse import Warehouse, bulk, sql


def _corpus() -> list[Extraction]:
    docs = _hard_cases() + _synthetic(600)
    extra = _doc("canon.txt", [
        ("score", "OpenAI o1", "AIME'24", 79.2, "pass@1", "%", "maj@64", None),
        ("comparison", "o1", "AIME 2024", None, None, None, None, "GPT-4o"),
        ("score", "OPENAI O1", "aime 2024", 80.0, None, None, "cons@64", None),
    ])
    claims = list(extra.claims)
    # names the extractor already resolved, a comparison without a benchmark and with no extractor of its own
    claims[0] = claims[0].model_copy(update={"model_canonical": "o1", "benchmark_canonical": "AIME 2024"})
    claims.append(ComparisonClaim(model="o1", baseline="Claude 3.5 Sonnet", relation="underperforms", benchmark=None,
                                  quote="o1 wins", source="canon.txt", start=0, end=7, extractor=""))
    return [*docs, extra.model_copy(update={"claims": claims})]


COLUMNS = [c for c in sql.CLAIM_COLUMNS if c != "run_id"]  # runs differ between the warehouses compared


def _stored(wh: Warehouse) -> tuple[list[tuple], list[tuple]]:
    columns = ", ".join(f'"{c}"' for c in COLUMNS)
    entities = wh.con.execute("SELECT id, kind, name, key, family FROM entities ORDER BY id").fetchall()
    return entities, wh.con.execute(f"SELECT {columns} FROM claims ORDER BY id").fetchall()


def test_a_batch_stores_what_one_by_one_and_claim_by_claim_store(tmp_path: Path) -> None:
    docs = _corpus()
    with Warehouse(tmp_path / "batch.duckdb") as wh:
        assert all(o.status == "added" for o in wh.store_many(docs))
        batch = _stored(wh)
    with Warehouse(tmp_path / "single.duckdb") as wh:
        for ex in docs:
            wh.store(ex)
        assert _stored(wh) == batch
    with Warehouse(tmp_path / "replaced.duckdb") as wh:
        # every document first stored without claims, then replaced: its claims take the claim-by-claim path
        wh.store_many([ex.model_copy(update={"claims": [], "document": ex.document.model_copy(
            update={"sha256": "0" * 64})}) for ex in docs])
        assert all(o.status == "replaced" for o in wh.store_many(docs))
        assert _stored(wh) == batch
    entities, claims = batch
    assert len(claims) == sum(len(ex.claims) for ex in docs)
    o1 = [c for c in claims if c[COLUMNS.index("source")] == "canon.txt"]
    model_ids = {c[COLUMNS.index("model_id")] for c in o1}
    assert len(model_ids) == 1  # OpenAI o1, o1 and OPENAI O1 are one model
    general = dict(zip(COLUMNS, o1[-1], strict=True))
    assert general["benchmark_id"] is None and general["baseline_id"] not in model_ids
    assert general["loser_id"] in model_ids  # "underperforms": the subject is beaten
    assert general["extractor"] == "rules"  # the document's extractor


def test_claims_lie_in_benchmark_order(tmp_path: Path) -> None:
    with Warehouse(tmp_path / "w.duckdb") as wh:
        wh.store_many(_corpus())
        stored = [r[0] for r in wh.con.execute("SELECT benchmark_id FROM claims ORDER BY rowid").fetchall()]
    named = [b for b in stored if b is not None]
    assert named == sorted(named) and stored[len(named):] == [None] * (len(stored) - len(named))


@pytest.mark.parametrize("highest", [7, 2**31 - 2, 2**31 - 1, 2**40])
def test_benchmark_order_is_by_benchmark_then_model_nulls_last(highest: int) -> None:
    """One sort key of both ids (ids below 2**31) or ``lexsort`` of the two: the same order either way."""
    bench = [3, None, 1, highest, 3, None, 1, 0, highest]
    model = [2, 5, None, 1, 1, 0, 4, highest, None]
    order = bulk.benchmark_order(pa.array(bench, pa.int64()), pa.array(model, pa.int64()))
    last = 2**63
    expected = sorted(range(len(bench)), key=lambda i: (last if bench[i] is None else bench[i],
                                                        last if model[i] is None else model[i], i))
    assert order.tolist() == expected


def test_distinct_values_in_first_seen_order() -> None:
    found = bulk.distinct(pa.array(["b", None, "a", "b", "c", "a", None]))
    assert found.codes.tolist() == [0, -1, 1, 0, 2, 1, -1]
    assert found.first.tolist() == [0, 2, 4]
    key = bulk.joined_key(pa.array(["x", None, "x"]), pa.array([None, "c", "c"]), nullable_first=True)
    assert key[1].as_py() is None and key[0].as_py() != key[2].as_py()
    assert bulk.gather(["p", None], found.codes[:4]).to_pylist() == ["p", None, None, "p"]


def test_document_metadata_is_stored_as_given_by_every_path(tmp_path: Path) -> None:
    """Authors go to DuckDB as a list column and dates as dates (not JSON text and ISO strings parsed back):
    names with quotes, backslashes and non-ASCII letters, an empty list and a missing date come back as given,
    written overlapped (several batches), in one batch, or as a replaced document."""
    import datetime as dt

    metas = [
        {"authors": ['Zoë "Z" O\'Neil', "张三", "back\\slash"], "published": dt.date(2024, 2, 29), "title": "T"},
        {"authors": [], "published": None, "title": None},
        {"authors": ["Ada Lovelace"], "published": dt.date(1999, 12, 31), "url": "https://example.org/x"},
    ]
    docs = [ex.model_copy(update={"document": ex.document.model_copy(update=metas[i % len(metas)])})
            for i, ex in enumerate(_synthetic(30))]
    expected = [(m.get("title"), m.get("url"), m["published"], m["authors"]) for m in metas]

    def stored(wh: Warehouse) -> list[tuple]:
        return [tuple(r) for r in wh.con.execute(
            "SELECT title, url, published, authors FROM documents ORDER BY id").fetchall()]

    with Warehouse(tmp_path / "overlapped.duckdb") as wh:
        wh.store_many(docs, batch_docs=4)
        overlapped = stored(wh)
    assert overlapped == [expected[i % len(metas)] for i in range(len(docs))]
    with Warehouse(tmp_path / "one.duckdb") as wh:
        wh.store_many(docs)
        assert stored(wh) == overlapped
        assert wh.get_document(1, with_text=False).authors == metas[0]["authors"]


def test_names_a_batch_met_before_are_not_resolved_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch looks up the names earlier batches resolved in one pass (``entities.KnownNames``) and hands only new
    ones to ``Registry.resolve``; the ids are those of storing every document alone."""
    from warehouse.entities import Registry

    docs = _corpus()
    asked: dict[tuple[str, str, str | None], set[int]] = {}
    batch = [0]
    resolve, claims_table = Registry.resolve, Warehouse._claims_table

    def counting(self: Registry, kind: str, surface: str, canonical: str | None = None) -> int:
        asked.setdefault((kind, surface, canonical), set()).add(batch[0])
        return resolve(self, kind, surface, canonical)

    def next_batch(self: Warehouse, todo: list) -> tuple:  # type: ignore[type-arg]
        batch[0] += 1
        return claims_table(self, todo)

    with Warehouse(tmp_path / "single.duckdb") as wh:
        for ex in docs:
            wh.store(ex)
        one_by_one = _stored(wh)
    monkeypatch.setattr(Registry, "resolve", counting)
    monkeypatch.setattr(Warehouse, "_claims_table", next_batch)
    with Warehouse(tmp_path / "batches.duckdb") as wh:
        wh.store_many(docs, batch_docs=5)
        assert _stored(wh) == one_by_one
    assert batch[0] == 7
    # each name (kind, as written, canonical form) is resolved in the batch that first meets it, never again
    assert all(len(batches) == 1 for batches in asked.values())
    assert {("model", c.model, c.model_canonical) for ex in docs for c in ex.claims} <= set(asked)
