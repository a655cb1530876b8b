"""Boards a user can trust: a from-to pair is a trajectory, not a conflict; points never rank among %."""

from __future__ import annotations

import hashlib
from pathlib import Path

from extractor.base import get_extractor
from schemas import Document
from warehouse import Warehouse


def load(wh: Warehouse, source: str, text: str) -> None:
    doc = Document(source=source, path=source, text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
    wh.store(get_extractor("rules").extract(doc))


def test_a_rise_ranks_its_later_value_and_is_no_conflict(tmp_path: Path) -> None:
    with Warehouse(tmp_path / "w.duckdb") as wh:
        load(wh, "a.md", "Lumen-R1 在 AIME 2024 上的表现从最初的 15.6% 提高到了 71.0%。\n\n"
                         "Orca-7B 的 AIME 2024 准确率从 6.5% 到 57.1%。\n")
        board = wh.leaderboard("AIME 2024")
        assert [(r.model, r.value, r.conflict) for r in board.rows] == [("Lumen-R1", 71.0, False),
                                                                         ("Orca-7B", 57.1, False)]
        starts = {c.value: c.setting for c in wh.claims(limit=10).items}
        assert (starts[15.6], starts[6.5]) == ("initial checkpoint", "before")


def test_points_and_percentages_are_separate_boards(tmp_path: Path) -> None:
    with Warehouse(tmp_path / "w.duckdb") as wh:
        load(wh, "a.md", "Lumen-R1 在 AIME 2024 上的准确率为 71.0%。\n\nOrca-32B 在 AIME 2024 基准上获得了 50 分。\n")
        board = wh.leaderboard("AIME 2024")
        assert len(board.rows) == 1 and len(board.other_settings) == 1  # one unit class per board
        other = "%" if board.rows[0].unit == "points" else "points"
        assert other in board.other_settings[0].split(", ")
