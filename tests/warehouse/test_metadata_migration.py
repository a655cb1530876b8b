"""A warehouse made before documents carried metadata (title, url, published, authors) is read as it is
and gains the columns on its first writable open."""

from __future__ import annotations

from pathlib import Path

import duckdb

from schemas import Extraction
from warehouse import Warehouse


def test_a_warehouse_made_before_metadata_is_listed_and_migrated(tmp_path: Path) -> None:
    from schemas import Document

    db = tmp_path / "old.duckdb"
    with Warehouse(db) as wh:
        wh.store(Extraction(document=Document(source="old.md", path="old.md", text="hello", sha256="abc")))
    con = duckdb.connect(str(db))  # as the file was before the metadata columns
    for column in ("title", "url", "published", "authors"):
        con.execute(f"ALTER TABLE documents DROP COLUMN {column}")
    con.close()
    with Warehouse(db, read_only=True) as wh:  # no migration runs on a read-only open
        (doc,) = wh.documents().items
        assert doc.source == "old.md" and doc.title is None and doc.chars == 5
    with Warehouse(db) as wh:  # a writable open adds the columns
        (doc,) = wh.documents().items
        assert doc.title is None and doc.url is None
        cols = {r[0] for r in wh.con.execute("DESCRIBE documents").fetchall()}
    assert {"title", "url", "published", "authors"} <= cols
