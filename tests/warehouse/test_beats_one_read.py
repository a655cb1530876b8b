"""``beats`` of one benchmark read in one statement (``sql.BENCHMARK_BEATS``) answers as ``ranking.beats`` does.

The one read brings the sources of X's rows and of the first places of X's groups only (where a page of winners
lies); a page whose winners are placed further down is completed by a read by key. Ties make that happen: equal
margins are ordered by name in ``beats``, while a board places equal values by support and id. Real DuckDB files
only; ``general=False`` and comparisons under review are compared too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.warehouse.test_boards_precomputed import _doc, _hard_cases, _names
from warehouse import Warehouse, ranking
from warehouse.boards import BOARD_SOURCES

TIED = 60  # more tied winners than a page's slack of places: their order by name differs from their places


def _tied_board() -> list:
    """A benchmark where ``TIED`` models tie above X; the first stored gets the lowest id (the first place among
    equals), and they are stored in reverse name order, so the first page by name holds the last places."""
    s = "score"
    facts = [(s, f"Tie-{TIED - 1 - j:02d}-7B", "TieBench", 50.0, "accuracy", "%", None, None) for j in range(TIED)]
    facts += [(s, "Top-70B", "TieBench", 90.0, "accuracy", "%", None, None),
              (s, "Base-1B", "TieBench", 10.0, "accuracy", "%", None, None),
              (s, "Base-1B", "TieBench", 12.0, "accuracy", "%", "5-shot", None),
              (s, "Tie-05-7B", "TieBench", 30.0, "accuracy", "%", "5-shot", None),
              ("comparison", "Tie-07-7B", "TieBench", None, None, None, None, "Base-1B"),
              ("comparison", "Other-3B", None, None, None, None, None, "Base-1B")]
    return [_doc("tied.txt", facts), _doc("tied-again.txt", facts[:5])]


def _whole(wh: Warehouse, model: str, bench: str, sources: int, general: bool) -> dict:
    """``ranking.beats``' whole answer cut as ``Warehouse.beats`` cuts it."""
    result = ranking.beats(wh.con, wh.reg, model, bench, general)
    for row in result.rows:
        row.evidence_total = len(row.evidence)
        del row.evidence[sources:]
    return result.model_dump()


def _assert_pages(wh: Warehouse, model: str, bench: str, general: bool) -> int:
    n = 0
    for sources in (0, 2, BOARD_SOURCES):
        whole = _whole(wh, model, bench, sources, general)
        total = len(whole["rows"])
        for limit, offset in ((None, 0), (1, 0), (5, 0), (3, 20), (10, total - 10), (1, total - 1), (2, total)):
            page = wh.beats(model, bench, general=general, sources_limit=sources, limit=limit, offset=offset)
            assert page.model_dump() == {**whole, "rows_total": total,
                                         "rows": whole["rows"][offset:None if limit is None else offset + limit]}, \
                (model, bench, sources, limit, offset, general)
            n += 1
    return n


def test_pages_of_tied_winners_get_their_evidence(tmp_path: Path) -> None:
    with Warehouse(tmp_path / "w.duckdb") as wh:
        wh.store_many(_tied_board())
        assert wh._boards_ready()
        first = wh.beats("Base-1B", "TieBench", sources_limit=2, limit=1)
        # the first row by margin and name is the last place among the tied models: its evidence read by key
        assert [r.model for r in first.rows] == ["Top-70B"]
        tied = wh.beats("Base-1B", "TieBench", sources_limit=2, limit=1, offset=1).rows[0]
        assert tied.model == "Tie-00-7B" and len(tied.evidence) == tied.evidence_total == 2  # its claim, then X's
        assert wh.beats("Base-1B", "TieBench", sources_limit=2).rows_total == TIED + 3
        for general in (True, False):
            assert _assert_pages(wh, "Base-1B", "TieBench", general) == 21


@pytest.mark.parametrize("general", [True, False])
def test_comparisons_under_review_match_ranking(tmp_path: Path, general: bool) -> None:
    with Warehouse(tmp_path / "w.duckdb") as wh:
        wh.store_many(_hard_cases() + _tied_board())
        _, pairs, _ = _names(wh)

        def compare() -> int:
            n = 0
            for model, bench in pairs:
                for sources in (0, BOARD_SOURCES):
                    got = wh.beats(model, bench, general=general, sources_limit=sources).model_dump()
                    assert got == _whole(wh, model, bench, sources, general), (model, bench, sources, general)
                    n += 1
            return n

        assert compare() > 20
        comparisons = [r[0] for r in wh.con.execute(
            "SELECT id FROM claims WHERE kind = 'comparison' ORDER BY id").fetchall()]
        for cid in comparisons:
            wh.set_review_status(cid, "rejected")
        assert compare() > 20
        assert not any(r.how != "score" for r in wh.beats("Base-1B", "TieBench", general=general,
                                                          sources_limit=2).rows)
        wh.undo_review(comparisons[0])
        assert compare() > 20
