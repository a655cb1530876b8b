"""``Warehouse.store_columns`` (documents and claims as Arrow columns) stores what ``store_many`` of the same
extractions stores: ids, outcomes, rows and boards; known and repeated documents follow ``store_many``'s rules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pytest

from schemas import Extraction
from tests.warehouse.test_bulk import _corpus
from warehouse import Warehouse, bulk, db

TABLES = {
    "entities": "SELECT * FROM entities ORDER BY id",
    "claims": "SELECT * EXCLUDE (run_id) FROM claims ORDER BY id",
    "documents": "SELECT * EXCLUDE (run_id, ingested_at) FROM documents ORDER BY id",
    "claim_terms": "SELECT * FROM claim_terms ORDER BY id",
    "board_rows": "SELECT * FROM board_rows ORDER BY ALL",
    "board_groups": "SELECT * FROM board_groups ORDER BY ALL",
    "board_pages": "SELECT * FROM board_pages ORDER BY ALL",
    "board_comparisons": "SELECT * FROM board_comparisons ORDER BY ALL",
}


def _docs() -> list[Extraction]:
    docs = [ex.model_copy(update={"document": ex.document.model_copy(update={"sections": []})}) for ex in _corpus()]
    first = docs[0].document.model_copy(update={"title": "A 'quoted' title", "authors": ["Zoë", "李"],
                                                "published": dt.date(2024, 5, 1), "url": "https://x.org/a"})
    docs[0] = docs[0].model_copy(update={"document": first, "extractor": "llm:test"})
    return docs


def _tables(docs: list[Extraction]) -> tuple[pa.Table, pa.Table]:
    documents = pa.Table.from_pylist([{**{f: getattr(ex.document, f) for f in bulk.DOCUMENT_FIELDS},
                                       "extractor": ex.extractor} for ex in docs])
    claims = pa.Table.from_pylist([{**{f: getattr(c, f) for f in bulk.CLAIM_FIELDS}, "doc": i}
                                   for i, ex in enumerate(docs) for c in ex.claims])
    return documents, claims


def _stored(wh: Warehouse) -> dict[str, list[tuple]]:
    wh.refresh_boards()
    return {name: wh.con.execute(query).fetchall() for name, query in TABLES.items()}


@pytest.mark.parametrize("batches", [(None, None), (3, 10)])
def test_columns_store_what_objects_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          batches: tuple[int | None, int | None]) -> None:
    if batches[0] is not None:  # several batches, written while the next is prepared
        monkeypatch.setattr(db, "FIRST_BATCH_DOCS", batches[0])
        monkeypatch.setattr(db, "BATCH_DOCS", batches[1])
    docs = _docs()
    with Warehouse(tmp_path / "objects.duckdb") as wh:
        by_objects = wh.store_many(docs)
        objects = _stored(wh)
    with Warehouse(tmp_path / "columns.duckdb") as wh:
        by_columns = wh.store_columns(*_tables(docs))
        columns = _stored(wh)
        assert [o.model_dump() for o in by_columns] == [o.model_dump() for o in by_objects]
        assert all(o.status == "added" for o in by_columns)
        for name in TABLES:
            assert columns[name] == objects[name], name
        assert len(columns["claims"]) == sum(len(ex.claims) for ex in docs)
        # again: every document is known (store_many's path for them)
        assert all(o.status == "unchanged" for o in wh.store_columns(*_tables(docs)))
        assert _stored(wh) == columns


def test_columns_in_chunks_store_what_one_chunk_stores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables of many chunks (``pa.concat_tables`` of a producer's pieces) store what the same tables in one chunk
    store: the columns that are not keyed stay chunked until they are put in benchmark order."""
    monkeypatch.setattr(db, "FIRST_BATCH_DOCS", 3)
    monkeypatch.setattr(db, "BATCH_DOCS", 10)
    documents, claims = _tables(_docs())
    with Warehouse(tmp_path / "one.duckdb") as wh:
        wh.store_columns(documents, claims)
        one = _stored(wh)
    chunked = pa.concat_tables([claims.slice(at, 7) for at in range(0, claims.num_rows, 7)])
    assert chunked.column("quote").num_chunks > 1
    with Warehouse(tmp_path / "chunks.duckdb") as wh:
        wh.store_columns(documents, chunked)
        assert _stored(wh) == one


def test_known_and_repeated_documents_follow_store_many(tmp_path: Path) -> None:
    docs = _docs()
    changed = docs[1].model_copy(update={"claims": docs[1].claims[:1], "document": docs[1].document.model_copy(
        update={"sha256": "f" * 64})})
    with Warehouse(tmp_path / "objects.duckdb") as wh:
        wh.store_many(docs[:5])
        expected = [o.status for o in wh.store_many([*docs[5:8], changed, docs[2], docs[5]])]
        objects = _stored(wh)
    with Warehouse(tmp_path / "columns.duckdb") as wh:
        wh.store_columns(*_tables(docs[:5]))
        assert [o.status for o in wh.store_columns(*_tables([*docs[5:8], changed, docs[2], docs[5]]))] == expected
        assert _stored(wh) == objects
    assert expected == ["added", "added", "added", "replaced", "unchanged", "added"]


def test_claims_given_out_of_document_order_and_defaults(tmp_path: Path) -> None:
    docs = _docs()[:40]
    documents, claims = _tables(docs)
    with Warehouse(tmp_path / "objects.duckdb") as wh:
        wh.store_many(docs)
        objects = _stored(wh)
    with Warehouse(tmp_path / "columns.duckdb") as wh:
        # claims listed last document first (their order within a document kept); the claims' source left out
        ordered = claims.take(pa.array(sorted(range(claims.num_rows), key=lambda i: -claims["doc"][i].as_py())))
        wh.store_columns(documents, ordered.drop_columns(["source"]))
        assert _stored(wh) == objects
        assert wh.store_columns(documents.slice(0, 0), claims.slice(0, 0)) == []


@pytest.mark.parametrize("change, message", [
    ({"end": 0}, "span"),
    ({"kind": "opinion"}, "kind"),
    ({"model": None}, "model"),
])
def test_columns_are_checked_as_the_objects_would_be(tmp_path: Path, change: dict, message: str) -> None:
    documents, claims = _tables(_docs()[:3])
    rows = claims.to_pylist()
    rows[1].update(change)
    with Warehouse(tmp_path / "w.duckdb") as wh, pytest.raises(ValueError, match=message):
        wh.store_columns(documents, pa.Table.from_pylist(rows, schema=claims.schema))
    with Warehouse(tmp_path / "w.duckdb") as wh:
        assert wh.stats()["claims"] == 0
    with pytest.raises(ValueError, match="doc"):
        bulk.column_batch(documents, claims.drop_columns(["doc"]))
    with pytest.raises(ValueError, match="doc"):
        bulk.column_batch(documents, claims.set_column(claims.schema.get_field_index("doc"), "doc",
                                                       pa.array([None] * claims.num_rows, pa.int64())))
    with pytest.raises(ValueError, match="outside"):
        bulk.column_batch(documents.slice(0, 1), claims)
