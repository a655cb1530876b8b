"""Leaderboards and beats that mix fractions (0.79) with percentages (80.1 %), on a real DuckDB file."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from schemas import Document, Extraction, ScoreClaim
from warehouse import Warehouse


def doc(source: str, claims: list[dict[str, Any]]) -> Extraction:
    """A document whose text is the quotes, one per line, each claim pointing at its own line."""
    text = "\n".join(c["quote"] for c in claims)
    out: list[ScoreClaim] = []
    pos = 0
    for c in claims:
        start = text.index(c["quote"], pos)
        pos = start + len(c["quote"])
        out.append(ScoreClaim(kind="score", source=source, section="评测", start=start, end=pos, **c))
    document = Document(source=source, path=f"/data/{source}", text=text,
                        sha256=hashlib.sha256(text.encode()).hexdigest())
    return Extraction(document=document, claims=list(out))


def claim(model: str, value: float, unit: str | None, quote: str, metric: str | None = "准确率",
          benchmark: str = "C-Eval", **kw: Any) -> dict[str, Any]:
    return {"model": model, "benchmark": benchmark, "value": value, "unit": unit, "metric": metric, "quote": quote,
            **kw}


MIXED = [
    claim("Alpha-7B", 82.5, "points", "Alpha-7B 在 C-Eval 上取得 82.5 分", metric=None),
    claim("Beta-7B", 80.1, "%", "Beta-7B 在 C-Eval 上的准确率为 80.1%"),
    claim("Gamma-7B", 0.79, "score", "Gamma-7B 在 C-Eval 上的准确率为 0.79"),
    claim("Delta-7B", 0.805, None, "Delta-7B 在 C-Eval 上的准确率为 0.805"),
    claim("Eps-7B", 0.7, "score", "Eps-7B 在 C-Eval 上的准确率在 0.7 到 0.75 之间", value_high=0.75),
    claim("Zeta-7B", 0.6, "%", "Zeta-7B 在 C-Eval 上的准确率仅为 0.6%"),  # a stated percentage stays as written
]


@pytest.fixture()
def wh(tmp_path: Path) -> Iterator[Warehouse]:
    w = Warehouse(tmp_path / "w.duckdb")
    yield w
    w.close()


def load(wh: Warehouse, *docs: Extraction) -> None:
    run = wh.start_run("rules", {})
    for d in docs:
        wh.store(d, run)
    wh.finish_run(run, files_ok=len(docs), files_failed=0, problems=[], stats={})


def test_bare_fractions_rank_and_show_on_the_percent_scale(wh: Warehouse) -> None:
    load(wh, doc("a.md", MIXED))
    board = wh.leaderboard("C-Eval")
    # points never rank among percentages (issue 14): "82.5 分" is a board of its own, named in the header
    assert board.unit == "%" and board.other_settings == ["points, default setting"]
    got = [(r.rank, r.model, r.value, r.value_high, r.unit) for r in board.rows]
    assert got == [
        (1, "Delta-7B", 80.5, None, "%"),
        (2, "Beta-7B", 80.1, None, "%"),
        (3, "Gamma-7B", 79.0, None, "%"),
        (4, "Eps-7B", 70.0, 75.0, "%"),
        (5, "Zeta-7B", 0.6, None, "%"),
    ]
    gamma = board.rows[2]
    # the source still says what the paper wrote
    assert [(s.quote, s.value) for s in gamma.sources] == [("Gamma-7B 在 C-Eval 上的准确率为 0.79", 0.79)]
    # and the stored claim is untouched: the rescaling is a query-time view
    stored = wh.get_claim(gamma.sources[0].claim_id or -1)
    assert (stored.value, stored.unit) == (0.79, "score")


def test_a_fraction_and_a_percentage_of_one_result_agree(wh: Warehouse) -> None:
    load(wh, doc("a.md", MIXED), doc("b.md", [claim("Gamma-7B", 79.0, "%", "Gamma-7B 的 C-Eval 准确率为 79.0%")]))
    gamma = next(r for r in wh.leaderboard("C-Eval").rows if r.model == "Gamma-7B")
    assert (gamma.value, gamma.support, gamma.conflict, gamma.values) == (79.0, 2, False, [])
    assert {(s.source, s.value) for s in gamma.sources} == {("a.md", 0.79), ("b.md", 79.0)}


@pytest.mark.parametrize("first_unit", ["points", "%"])
def test_a_group_on_a_zero_to_one_scale_is_left_as_written(wh: Warehouse, first_unit: str) -> None:
    load(wh, doc("a.md", [
        claim("Alpha-7B", 0.85, first_unit, "Alpha-7B 在 C-Eval 上取得 0.85 分"),
        claim("Beta-7B", 0.81, "score", "Beta-7B 在 C-Eval 上的得分为 0.81"),
        claim("Gamma-7B", 0.9, None, "Gamma-7B 在 C-Eval 上的得分为 0.9"),
    ]))
    board = wh.leaderboard("C-Eval")
    assert board.unit == first_unit  # a 0-100 unit class, yet nothing in it is above 1
    assert [(r.model, r.value) for r in board.rows] == [("Gamma-7B", 0.9), ("Alpha-7B", 0.85), ("Beta-7B", 0.81)]
    assert [r.unit for r in board.rows[1:]] == [first_unit, "score"]


def test_lower_is_better_and_elo_groups_are_not_rescaled(wh: Warehouse) -> None:
    load(wh, doc("a.md", [
        claim("Alpha-7B", 2.1, "%", "Alpha-7B 在 LibriSpeech 上的 WER 为 2.1%", metric="WER", benchmark="LibriSpeech"),
        claim("Beta-7B", 0.9, "score", "Beta-7B 在 LibriSpeech 上的 WER 为 0.9", metric="WER", benchmark="LibriSpeech"),
        claim("Alpha-7B", 1250, "elo", "Alpha-7B 的 Arena Elo 为 1250", metric="Elo", benchmark="Arena"),
        claim("Beta-7B", 0.5, "score", "Beta-7B 的 Arena 得分为 0.5", metric="Elo", benchmark="Arena"),
    ]))
    wer = wh.leaderboard("LibriSpeech")
    assert not wer.higher_is_better
    assert [(r.model, r.value, r.unit) for r in wer.rows] == [("Beta-7B", 0.9, "score"), ("Alpha-7B", 2.1, "%")]
    elo = wh.leaderboard("Arena")
    assert [(r.model, r.value, r.unit) for r in elo.rows] == [("Alpha-7B", 1250, "elo"), ("Beta-7B", 0.5, "score")]


def test_beats_compares_on_the_same_scale_as_the_leaderboard(wh: Warehouse) -> None:
    load(wh, doc("a.md", MIXED))
    over_beta = {r.model: r for r in wh.beats("Beta-7B", "C-Eval").rows}
    assert set(over_beta) == {"Delta-7B"}  # Alpha-7B's 82.5 points are not on the percent scale
    delta = over_beta["Delta-7B"]
    assert (delta.value, delta.baseline_value, delta.margin, delta.how) == (80.5, 80.1, 0.4, "score")
    assert [(e.quote, e.value) for e in delta.evidence] == [
        ("Delta-7B 在 C-Eval 上的准确率为 0.805", 0.805), ("Beta-7B 在 C-Eval 上的准确率为 80.1%", 80.1),
    ]
    over_delta = wh.beats("Delta-7B", "C-Eval").rows
    assert over_delta == []
    over_gamma = [r.model for r in wh.beats("Gamma-7B", "C-Eval").rows]
    assert over_gamma == ["Delta-7B", "Beta-7B"]  # by margin; Eps-7B's 70 does not beat 79
