"""A family's default page kept ready (``board_family_pages``) answers as the page read from the groups and rows,
and as ``ranking``'s board, after every change that rebuilds one of its members: new claims, a review decision, a
new member, a re-ingested document; a build without the registry drops the ready pages instead."""

from __future__ import annotations

import json
from pathlib import Path

from schemas import Leaderboard
from tests.warehouse.test_boards_pages import _expected, _link
from tests.warehouse.test_boards_precomputed import _doc
from tests.warehouse.test_family_pages import _family_docs
from warehouse import Warehouse, boards, sql
from warehouse.boards import PAGE_ROWS, PAGE_SOURCES


def _ready(wh: Warehouse) -> dict[str, str]:
    return dict(wh.con.execute("SELECT family, page FROM board_family_pages").fetchall())


def _check(wh: Warehouse, name: str = "Quiz") -> None:
    got = wh.leaderboard_json(name, sources_limit=PAGE_SOURCES, limit=PAGE_ROWS, more_sources=_link)
    target = boards.ranking.resolve_benchmark(wh.reg, name)

    def link(model: str | None, member: str) -> str:
        return json.dumps(_link(model, member)) if model is not None else "null"

    computed = boards._computed_page(wh.con, wh.reg, target, None, None, PAGE_SOURCES, PAGE_ROWS, 0, link)
    assert got == computed.encode()
    want = _expected(wh, name, None, None, PAGE_SOURCES, PAGE_ROWS, 0)
    assert Leaderboard.model_validate(json.loads(got)).model_dump() == want


def test_family_ready_page_follows_changes(tmp_path: Path) -> None:
    with Warehouse(tmp_path / "w.duckdb") as wh:
        wh.store_many(_family_docs(), wh.start_run("family"))
        wh.refresh_boards()
        assert set(_ready(wh)) == {"Quiz"}
        _check(wh)
        # a new best on one member, a new member, a second setting
        wh.store_many([_doc("quiz-new.txt", [
            ("score", "Model-3B", "Quiz 2005", 99.5, "accuracy", "%", None, None),
            ("score", "Model-99B", "Quiz 2021", 12.0, "accuracy", "%", None, None),
            ("score", "Model-98B", "Quiz", 77.0, "accuracy", "%", "5-shot", None)])])
        before = _ready(wh)["Quiz"]
        _check(wh)
        assert _ready(wh)["Quiz"] != before
        assert "Quiz 2021" in json.loads(wh.leaderboard_json("Quiz", sources_limit=PAGE_SOURCES,
                                                             limit=PAGE_ROWS))["members"]
        # a review decision on a member's claim
        claim = wh.claims(benchmark="Quiz 2005", model="Model-3B", kind="score", sort="-value", limit=1).items[0]
        wh.set_review_status(claim.id, "rejected")
        _check(wh)
        # a re-ingested document
        wh.store_many([_doc("quiz-new.txt", [("score", "Model-3B", "Quiz 2005", 51.0, "accuracy", "%", None, None)])])
        _check(wh)
        # a family asked for by a member's alias is the same family's page
        assert wh.leaderboard_json("quiz", sources_limit=PAGE_SOURCES, limit=PAGE_ROWS) == \
            wh.leaderboard_json("Quiz", sources_limit=PAGE_SOURCES, limit=PAGE_ROWS)


def test_build_without_registry_drops_ready_family_pages(tmp_path: Path) -> None:
    with Warehouse(tmp_path / "w.duckdb") as wh:
        wh.store_many(_family_docs(), wh.start_run("family"))
        wh.refresh_boards()
        assert _ready(wh)
        wh.con.execute(sql.MARK_BOARDS, [[wh.reg.lookup("benchmark", "Quiz 1999")]])
        boards.refresh(wh.con)
        assert not _ready(wh)
        _check(wh)
