"""The board build commits once its rows are written, before the ready pages are built from them (DuckDB reads rows of
its own open transaction slowly), and only while ``board_dirty`` names every benchmark of the build: a build that
fails after that commit leaves every board pending, and the next refresh stores the same boards. The old boards are
deleted and the comparisons copied on a worker thread while the calling thread plans the groups.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.warehouse.test_boards_precomputed import _hard_cases, _synthetic
from warehouse import Warehouse, boards, sql

TABLES = ("board_rows", "board_groups", "board_pages", "board_group_map", "board_comparisons")


def _tables(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    return {t: sorted(map(str, con.execute(f"SELECT * FROM {t}").fetchall())) for t in TABLES}


class _FailingPages:
    """A connection whose ready-page statement fails (a build killed after its rows are committed)."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def execute(self, query: str, *args: Any) -> duckdb.DuckDBPyConnection:
        if query is sql.BUILD_BOARD_PAGES:
            raise RuntimeError("killed while building the pages")
        return self.con.execute(query, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.con, name)


def _mark_all(wh: Warehouse) -> int:
    wh.con.begin()
    wh.con.execute(sql.MARK_BOARD_ALL)
    return int(wh.con.execute("SELECT count(DISTINCT benchmark_id) FROM board_dirty").fetchone()[0])  # type: ignore[index]


@pytest.mark.parametrize("batch_claims", [None, 40])
def test_rows_are_committed_before_the_pages_are_built(tmp_path: Path, batch_claims: int | None) -> None:
    with Warehouse(tmp_path / "w.duckdb") as wh:
        wh.store_many(_hard_cases() + _synthetic(600))
        wh.refresh_boards()
        whole = _tables(wh.con)
        n = _mark_all(wh)
        seen: list[tuple[int, int, int]] = []

        def between() -> None:
            wh.con.commit()
            seen.append(wh.con.execute(
                "SELECT (SELECT count(DISTINCT benchmark_id) FROM board_dirty), (SELECT count(*) FROM board_rows),"
                " (SELECT count(*) FROM board_pages)").fetchone())  # type: ignore[arg-type]
            wh.con.begin()

        assert boards.refresh(wh.con, batch_claims=batch_claims, between=between) == n
        wh.con.commit()
        # first commit: groups written, no rows yet; second: every row written, no page yet; each names every board
        assert len(seen) == 2
        assert seen[0] == (n, 0, 0)
        assert seen[1][0] == n and seen[1][1] == len(whole["board_rows"]) and seen[1][2] == 0
        assert _tables(wh.con) == whole


@pytest.mark.parametrize("batch_claims", [None, 40])
def test_a_build_failing_after_its_rows_are_committed_leaves_every_board_pending(
        tmp_path: Path, batch_claims: int | None) -> None:
    with Warehouse(tmp_path / "w.duckdb") as wh:
        wh.store_many(_hard_cases() + _synthetic(600))
        wh.refresh_boards()
        whole = _tables(wh.con)
        n = _mark_all(wh)

        def between() -> None:
            wh.con.commit()
            wh.con.begin()

        with pytest.raises(RuntimeError, match="killed"):
            boards.refresh(_FailingPages(wh.con), batch_claims=batch_claims, between=between)  # type: ignore[arg-type]
        wh.con.rollback()
        assert wh.con.execute("SELECT count(DISTINCT benchmark_id) FROM board_dirty").fetchone()[0] == n
        assert wh.con.execute("SELECT count(*) FROM board_pages").fetchone()[0] == 0
        assert wh.refresh_boards() == n
        assert _tables(wh.con) == whole


class _Recording:
    """A connection noting which thread ran each statement."""

    def __init__(self, con: duckdb.DuckDBPyConnection, fail: str | None = None) -> None:
        self.con = con
        self.fail = fail
        self.threads: dict[str, set[int]] = {}

    def execute(self, query: str, *args: Any) -> duckdb.DuckDBPyConnection:
        name = next((k for k, v in vars(sql).items() if v is query or (isinstance(v, tuple) and query in v)), "?")
        self.threads.setdefault(name, set()).add(threading.get_ident())
        if name == self.fail:
            raise RuntimeError(f"{name} failed")
        return self.con.execute(query, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.con, name)


def test_old_boards_are_cleared_and_comparisons_copied_while_the_groups_are_planned(tmp_path: Path) -> None:
    with Warehouse(tmp_path / "w.duckdb") as wh:
        wh.store_many(_hard_cases() + _synthetic(600))
        wh.refresh_boards()
        whole = _tables(wh.con)
        n = _mark_all(wh)
        con = _Recording(wh.con)
        assert boards.refresh(con, between=lambda: None) == n  # type: ignore[arg-type]
        wh.con.commit()
        assert _tables(wh.con) == whole
        here = {threading.get_ident()}
        assert con.threads["BUILD_BOARD_COMPARISONS"].isdisjoint(here)
        assert con.threads["DELETE_DIRTY_BOARDS"].isdisjoint(here)
        assert con.threads["BUILD_BOARD_ROWS"] == here and con.threads["INSERT_BOARD_GROUPS"] == here
        # a failed copy is raised by the build, which then writes nothing more
        _mark_all(wh)
        failing = _Recording(wh.con, fail="BUILD_BOARD_COMPARISONS")
        with pytest.raises(RuntimeError, match="BUILD_BOARD_COMPARISONS failed"):
            boards.refresh(failing, between=lambda: None)  # type: ignore[arg-type]
        wh.con.rollback()
        assert "INSERT_BOARD_GROUPS" not in failing.threads
        assert _tables(wh.con) == whole
