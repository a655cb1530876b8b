"""A warehouse whose claims carry their terms' ten columns (made before ``claim_terms``) is migrated on its first
writable open: the same answers, the claims table as ``sql.CLAIM_COLUMNS`` says, and new claims get new terms."""

from __future__ import annotations

from pathlib import Path

import duckdb

from tests.warehouse.test_boards_precomputed import _doc, _hard_cases, _synthetic
from warehouse import Warehouse, sql

OLD_COLUMNS = {"metric_key": "VARCHAR", "unit_key": "VARCHAR", "setting_key": "VARCHAR", "setting_detail": "VARCHAR",
               "pass_k": "INTEGER", "maj_k": "INTEGER", "shots": "INTEGER", "cot": "BOOLEAN", "tools": "BOOLEAN",
               "split": "VARCHAR"}


def _answers(wh: Warehouse) -> list[object]:
    names = sorted(b.name for b in wh.benchmarks())
    return [[wh.leaderboard(n).model_dump(mode="json") for n in names],
            [wh.leaderboard_json(n, sources_limit=5, limit=100) for n in names],
            [q.model_dump(mode="json") for q in wh.review_queue(100)],
            wh.claims(limit=500).model_dump(mode="json")]


def _as_before_terms(db: Path) -> None:
    """Put the file's claims back in the layout before ``claim_terms``: the ten columns per claim, no term id."""
    con = duckdb.connect(str(db))
    for column, kind in OLD_COLUMNS.items():
        con.execute(f"ALTER TABLE claims ADD COLUMN {column} {kind}")
    con.execute("UPDATE claims SET " + ", ".join(f"{c} = t.{c}" for c in OLD_COLUMNS)
                + " FROM claim_terms t WHERE t.id = claims.term_id")
    con.execute("ALTER TABLE claims DROP COLUMN term_id")
    con.execute("DROP TABLE claim_terms")
    con.close()


def test_a_warehouse_made_before_claim_terms_is_migrated_with_the_same_answers(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    with Warehouse(db) as wh:
        wh.store_many(_hard_cases() + _synthetic(300))
        before = _answers(wh)
        terms = wh.con.execute("SELECT count(*) FROM claim_terms").fetchone()
    _as_before_terms(db)
    with Warehouse(db) as wh:
        assert _answers(wh) == before
        columns = [r[0] for r in wh.con.execute("SELECT column_name FROM information_schema.columns "
                                                "WHERE table_name = 'claims'").fetchall()]
        assert sorted(columns) == sorted(sql.CLAIM_COLUMNS)
        assert wh.con.execute("SELECT count(*) FROM claim_terms").fetchone() == terms
        assert wh.con.execute("SELECT count(*) FROM claims WHERE term_id IS NULL").fetchone() == (0,)
        wh.store(_doc("new.txt", [("score", "o1", "AIME 2024", 81.5, "accuracy", "%", "maj@7 after migration", None)]))
        (new,) = wh.con.execute("SELECT t.id, t.setting_key FROM claims c JOIN claim_terms t ON t.id = c.term_id "
                                "WHERE c.source = 'new.txt'").fetchall()
        assert terms is not None and new == (terms[0] + 1, "maj@7")
    with Warehouse(db, read_only=True) as wh:  # migrated: readers open it again
        assert wh.claims(limit=1).total > 0


def test_a_reader_of_a_file_made_before_claim_terms_converts_it_first(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    with Warehouse(db) as wh:
        wh.store_many(_hard_cases() + _synthetic(100))
        before = _answers(wh)
    _as_before_terms(db)
    with Warehouse(db, read_only=True) as wh:  # ``benchclaims leaderboard`` on an old file: it reads, converted
        assert wh.read_only and _answers(wh) == before
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM information_schema.columns WHERE table_name = 'claims' "
                       "AND column_name = 'term_id'").fetchone() == (1,)
    con.close()
