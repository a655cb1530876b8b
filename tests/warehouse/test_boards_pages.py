"""Leaderboard pages (``limit`` / ``offset``) read from the precomputed boards answer as slices of the whole board
ranked from the claims, and the ready default page (``board_pages``) answers as the general page read does.

Real DuckDB files only: the seeds through the rules extractor, and the small synthetic warehouse of
``test_boards_precomputed`` (hard cases plus generated documents), again after reviews and a re-ingest.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from schemas import Leaderboard
from schemas.settings import Settings
from tests.warehouse.test_boards_precomputed import _doc, _hard_cases, _names, _old_beats, _synthetic
from warehouse import UnknownName, Warehouse, boards, ranking
from warehouse.boards import BOARD_SOURCES, PAGE_ROWS, PAGE_SOURCES


def _link(model: str, benchmark: str) -> str:
    return f"more:{model}@{benchmark}"


def _expected(wh: Warehouse, bench: str, metric: str | None, setting: str | None, sources: int,
              limit: int | None, offset: int) -> dict:
    """The page as a slice of ``ranking``'s whole board, with the links the JSON read adds."""
    board = ranking.leaderboard(wh.con, wh.reg, bench, metric, setting, None, sources)
    assert board.rows_total == len(board.rows)
    board.rows = board.rows[offset:None if limit is None else offset + limit]
    for row in board.rows:
        if row.sources_total is not None and row.sources_total > len(row.sources):
            row.more_sources = _link(row.model, row.benchmark or board.benchmark)
    return board.model_dump()


def assert_pages_match(wh: Warehouse) -> int:
    assert wh._boards_ready()
    benches, _, filters = _names(wh)
    n = 0
    for bench in benches:
        total = ranking.leaderboard(wh.con, wh.reg, bench, None, None, None, 0).rows_total or 0
        pages = [(None, 0), (PAGE_ROWS, 0), (1, 0), (2, 1), (3, max(0, total - 2)), (5, total), (1, total + 3)]
        for metric, setting in filters[:4]:
            for limit, offset in pages:
                for sources in (0, PAGE_SOURCES):
                    want = _expected(wh, bench, metric, setting, sources, limit, offset)
                    got = json.loads(wh.leaderboard_json(bench, metric, setting, sources, limit=limit, offset=offset,
                                                         more_sources=_link))
                    assert Leaderboard.model_validate(got).model_dump() == want, (bench, metric, setting, limit, offset)
                    page = wh.leaderboard(bench, metric, setting, sources, limit=limit, offset=offset)
                    assert page.rows_total == want["rows_total"]
                    assert [r.model for r in page.rows] == [r["model"] for r in want["rows"]]
                    n += 1
    return n


def assert_ready_pages_match(wh: Warehouse) -> int:
    """Every benchmark's default page, ready in ``board_pages``, equals the page read row by row."""
    ready = {bid for (bid,) in wh.con.execute("SELECT benchmark_id FROM board_pages").fetchall()}
    assert ready
    n = 0
    for bid in ready:
        name = wh.reg.entities[bid].name
        if ranking.resolve_benchmark(wh.reg, name).is_family:
            continue  # a family's name answers per member, never from one member's page
        fast = wh.leaderboard_json(name, sources_limit=PAGE_SOURCES, limit=PAGE_ROWS, more_sources=_link)
        # the general read: the same question put so that the ready page does not apply
        slow = boards.leaderboard_json(wh.con, wh.reg, name, None, None, PAGE_SOURCES, PAGE_ROWS + 1, 0, _link)
        slow_board = json.loads(slow)
        slow_board["rows"] = slow_board["rows"][:PAGE_ROWS]
        assert json.loads(fast) == slow_board, name
        assert json.loads(fast) == _expected(wh, name, None, None, PAGE_SOURCES, PAGE_ROWS, 0), name
        n += 1
    return n


def assert_beats_pages_match(wh: Warehouse, every: int = 1) -> int:
    """Pages of ``beats`` from the boards are slices of ``ranking.beats``' whole answer."""
    _, pairs, _ = _names(wh)
    n = 0
    for model, bench in pairs[::every]:
        for sources in (0, 2, BOARD_SOURCES):
            try:
                whole = _old_beats(wh, model, bench, sources)
            except UnknownName:
                continue
            total = len(whole["rows"])
            for limit, offset in ((None, 0), (1, 0), (2, 1), (3, max(0, total - 2)), (4, total)):
                page = wh.beats(model, bench, sources_limit=sources, limit=limit, offset=offset).model_dump()
                want = {**whole, "rows_total": total,
                        "rows": whole["rows"][offset:None if limit is None else offset + limit]}
                assert page == want, (model, bench, sources, limit, offset)
                n += 1
    return n


def test_seed_pages(seed_db: str, writable_copy) -> None:  # type: ignore[no-untyped-def]
    with Warehouse(writable_copy(seed_db)) as wh:
        assert assert_pages_match(wh) > 100
        assert assert_beats_pages_match(wh) > 100
        assert assert_ready_pages_match(wh) > 5
        ids = [r[0] for r in wh.con.execute("SELECT id FROM claims WHERE kind = 'score' ORDER BY id").fetchall()]
        wh.set_review_status(ids[0], "rejected")
        assert assert_ready_pages_match(wh) > 5


def test_synthetic_pages(tmp_path: Path) -> None:
    # a board longer than one default page (ties and repeats included), so its ready page is cut
    long_board = [_doc(f"long-{i}.txt", [("score", f"Long-{j}B", "LongBench", float(j % 37 + i), "accuracy", "%",
                                          None, None) for j in range(i, PAGE_ROWS + 30, 2)]) for i in range(2)]
    docs = _hard_cases() + _synthetic(1200) + long_board
    with Warehouse(tmp_path / "w.duckdb") as wh:
        run = wh.start_run("synthetic")
        wh.store_many(docs, run)
        wh.refresh_boards()
        longest = wh.con.execute("SELECT max(named_rows) FROM board_groups").fetchone()[0]
        assert longest > PAGE_ROWS
        assert assert_pages_match(wh) > 100
        assert assert_ready_pages_match(wh) > 10
        assert assert_beats_pages_match(wh, every=7) > 100
        wh.store_many([_doc("z.txt", [("score", "Zeta-1B", "MMLU", 99.5, "accuracy", "%", None, None)])], run)
        top = wh.leaderboard("MMLU", sources_limit=PAGE_SOURCES, limit=PAGE_ROWS)
        assert top.rows[0].model == "Zeta-1B"
        assert assert_ready_pages_match(wh) > 10


def test_api_leaderboard_pages(seed_db: str, writable_copy) -> None:  # type: ignore[no-untyped-def]
    db = writable_copy(seed_db)
    with TestClient(create_app(Settings(db=db))) as client:
        whole = client.get("/api/leaderboard", params={"benchmark": "AIME 2024"}).json()
        assert whole["rows_total"] == len(whole["rows"]) > 2
        page = client.get("/api/leaderboard", params={"benchmark": "AIME 2024", "limit": 2, "offset": 1}).json()
        assert page["rows_total"] == whole["rows_total"]
        assert page["rows"] == whole["rows"][1:3]
        past = client.get("/api/leaderboard", params={"benchmark": "AIME 2024", "offset": 10_000}).json()
        assert past["rows"] == [] and past["rows_total"] == whole["rows_total"]
        assert client.get("/api/leaderboard", params={"benchmark": "AIME 2024", "limit": 0}).status_code == 422
        last = whole["rows"][-1]["model"]
        beaten = client.get("/api/beats", params={"model": last, "benchmark": "AIME 2024"}).json()
        assert beaten["rows_total"] == len(beaten["rows"]) > 1
        page = client.get("/api/beats", params={"model": last, "benchmark": "AIME 2024", "limit": 1,
                                                "offset": 1}).json()
        assert page["rows"] == beaten["rows"][1:2] and page["rows_total"] == beaten["rows_total"]


@pytest.mark.parametrize("limit, offset", [(None, 0), (1, 1)])
def test_ranking_path_pages(seed_db: str, limit: int | None, offset: int) -> None:
    """Questions boards do not hold (``as_of``, all sources) are paged the same way."""
    with Warehouse(seed_db, read_only=True) as wh:
        whole = wh.leaderboard("AIME 2024")
        page = wh.leaderboard("AIME 2024", limit=limit, offset=offset)
        assert page.rows_total == whole.rows_total == len(whole.rows)
        assert page.rows == whole.rows[offset:None if limit is None else offset + limit]


def test_sparse_family_names_load(tmp_path: Path) -> None:
    """New entities of one batch where a family name is rare (4 of 5,310, where DuckDB's type sample of the
    column does not look) are stored: the batch met loading 10 M synthetic claims, in its shape."""
    from warehouse import sql
    from warehouse.entities import _insert_columns

    n, rare = 5310, (3151, 4078, 4964, 4969)
    family = [f"F{i}" if i in rare else None for i in range(n)]
    with Warehouse(tmp_path / "w.duckdb") as wh:
        before = wh.con.execute("SELECT count(*) FROM entities").fetchone()[0]
        _insert_columns(wh.con, sql.INSERT_ENTITIES, "entity_batch", {
            "id": [10**6 + i for i in range(n)], "kind": ["benchmark"] * n, "name": [f"B{i}" for i in range(n)],
            "key": [f"b{i}" for i in range(n)], "family": family, "family_key": family, "pinned": [False] * n})
        assert wh.con.execute("SELECT count(*), count(family) FROM entities WHERE id >= 1000000").fetchone() == (n, len(rare))
        assert wh.con.execute("SELECT count(*) FROM entities").fetchone()[0] == before + n


def test_boards_built_in_batches_are_the_same(tmp_path: Path) -> None:
    """A build split into batches of benchmarks (bounded memory at 10 M claims) stores the same boards."""
    tables = ("board_rows", "board_groups", "board_pages", "board_group_map")
    with Warehouse(tmp_path / "w.duckdb") as wh:
        wh.store_many(_hard_cases() + _synthetic(1500))
        wh.refresh_boards()
        whole = {t: sorted(map(str, wh.con.execute(f"SELECT * FROM {t}").fetchall())) for t in tables}
        wh.con.begin()
        wh.con.execute("INSERT INTO board_dirty SELECT DISTINCT benchmark_id FROM claims WHERE benchmark_id IS NOT NULL")
        rebuilt = boards.refresh(wh.con, batch_claims=40)
        wh.con.commit()
        assert rebuilt > 10
        for t in tables:
            assert sorted(map(str, wh.con.execute(f"SELECT * FROM {t}").fetchall())) == whole[t], t
