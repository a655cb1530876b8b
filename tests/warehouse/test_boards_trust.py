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


def test_generic_phrases_and_organisations_are_no_models_on_boards_or_lists(tmp_path: Path) -> None:
    text = ("Lumen-7B 在 AIME 2024 上的准确率为 71.0%，其他模型为 80.0%。\n\n"
            "Lumen-7B 优于其他方法、对比方法和标准 LLM。\n\nOpenAI 在 AIME 2024 上的准确率为 90.0%。\n\n"
            "Lumen-7B 在大多数基准测试上超过 SOTA 和 Python。\n")
    with Warehouse(tmp_path / "w.duckdb") as wh:
        load(wh, "a.md", text)
        models = {m.name for m in wh.models()}
        assert "Lumen-7B" in models
        assert models.isdisjoint({"其他模型", "其他方法", "SOTA", "Python", "OpenAI", "标准 LLM", "对比方法"})
        assert "大多数基准测试" not in {b.name for b in wh.benchmarks()}
        assert [r.model for r in wh.leaderboard("AIME 2024").rows] == ["Lumen-7B"]
        # the claims themselves stay readable as written
        assert wh.claims(limit=50).total >= 3


def test_name_classes() -> None:
    from warehouse.names import name_class

    assert [name_class(n) for n in ("GPT-4o", "文心一言", "Iterative DPO", "human")] == ["named"] * 4
    assert name_class("OpenAI") == name_class("Python") == "organisation"
    generic = ("其他同类型方法", "previous models", "基于人类手工规则的方法", "A、B 等基准测试", "更大规模闭源模型")
    assert {name_class(n) for n in generic} == {"generic"}


def test_beats_rows_carry_units_and_general_comparisons_are_labelled(tmp_path: Path) -> None:
    text = ("Lumen-7B 在 AIME 2024 上的准确率为 71.0%。\n\nOrca-7B 在 AIME 2024 上的准确率为 40.0%。\n\n"
            "Falcon-9B 在大多数任务上优于 Orca-7B。\n")
    with Warehouse(tmp_path / "w.duckdb") as wh:
        load(wh, "a.md", text)
        rows = wh.beats("Orca-7B", "AIME 2024").rows
    assert [(r.model, r.unit, r.general) for r in rows] == [("Lumen-7B", "%", False), ("Falcon-9B", None, True)]
    assert rows[0].margin == 31.0


def test_copies_of_one_document_are_one_piece_of_support(tmp_path: Path) -> None:
    text = "Lumen-7B 在 AIME 2024 上的准确率为 71.0%。\n"
    with Warehouse(tmp_path / "w.duckdb") as wh:
        for i in range(5):
            load(wh, f"copy{i}.md", text)
        load(wh, "other.md", "据报道，Lumen-7B 在 AIME 2024 上的准确率为 71.0%。\n")
        row = wh.leaderboard("AIME 2024").rows[0]
    assert (row.support, len(row.sources)) == (2, 6)  # two distinct texts; every copy still listed as a source
