"""A family's board read in one statement over all its members (``sql.MEMBER_PAGES``) is the family board ranked
from the claims, page by page.

A family of 30 members (``Quiz 1991`` ... ``Quiz 2020`` and a plain ``Quiz``) of one to four models each, some
members with a second setting and some with more sources than a page shows, so a page spans many members and
starts and ends inside them. Real DuckDB file; ``ranking.leaderboard`` is the reference.
"""

from __future__ import annotations

import json
from pathlib import Path

from schemas import Leaderboard
from tests.warehouse.test_boards_pages import _expected, _link
from tests.warehouse.test_boards_precomputed import _doc
from warehouse import Warehouse, ranking, sql


def _family_docs() -> list:  # type: ignore[type-arg]
    docs = []
    for year in range(1991, 2021):
        member = f"Quiz {year}"
        facts = [("score", f"Model-{(year * 7 + j) % 23}B", member, float((year + 3 * j) % 50 + 40), "accuracy", "%",
                  None, None) for j in range(1 + year % 4)]
        if year % 5 == 0:
            facts.append(("score", "Model-1B", member, 61.0, "accuracy", "%", "5-shot", None))
        docs.append(_doc(f"quiz-{year}.txt", facts))
        if year % 3 == 0:  # repeats: rows with more sources than a page of 1 or 2 shows
            docs.append(_doc(f"quiz-{year}-again.txt", facts[:2]))
            docs.append(_doc(f"quiz-{year}-third.txt", facts[:1]))
    docs.append(_doc("quiz.txt", [("score", "Model-3B", "Quiz", 55.0, "accuracy", "%", None, None)]))
    return docs


def test_family_pages_match_ranking(tmp_path: Path) -> None:
    with Warehouse(tmp_path / "w.duckdb") as wh:
        wh.store_many(_family_docs(), wh.start_run("family"))
        wh.refresh_boards()
        target = ranking.resolve_benchmark(wh.reg, "Quiz")
        assert target.is_family and len(target.member_ids) == 31
        total = ranking.leaderboard(wh.con, wh.reg, "Quiz", None, None, None, 0).rows_total or 0
        assert total > 60
        n = 0
        for metric, setting in ((None, None), ("accuracy", "5-shot")):
            for limit, offset in ((None, 0), (100, 0), (1, 0), (7, 3), (25, 10), (3, total - 2), (5, total), (40, 41)):
                for sources in (0, 1, 5):
                    want = _expected(wh, "Quiz", metric, setting, sources, limit, offset)
                    got = json.loads(wh.leaderboard_json("Quiz", metric, setting, sources, limit=limit, offset=offset,
                                                         more_sources=_link))
                    assert Leaderboard.model_validate(got).model_dump() == want, (metric, setting, limit, offset)
                    n += 1
        assert n == 48


def test_member_pages_read_is_one_statement(tmp_path: Path) -> None:
    """The rows of several members come back from ``sql.MEMBER_PAGES`` in member order, each in board order."""
    with Warehouse(tmp_path / "w.duckdb") as wh:
        wh.store_many(_family_docs(), wh.start_run("family"))
        wh.refresh_boards()
        bids = ranking.resolve_benchmark(wh.reg, "Quiz").member_ids[:12]
        rows = wh.con.execute(sql.MEMBER_PAGES, {"bids": bids, "grps": [0] * len(bids), "firsts": [1] * len(bids),
                                                 "lasts": [2] * len(bids), "sources": 1}).fetchall()
        one_by_one = [(bid, *r) for bid in bids
                      for r in wh.con.execute(sql.BOARD_PAGE, [1, bid, 0, 1, 2]).fetchall()]
        assert sorted(rows) == sorted(one_by_one)
        assert len(rows) > len(bids)
