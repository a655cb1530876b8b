"""Checking a number where it was written, and reviews that last: context, history, undo, queue."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from extractor.base import get_extractor
from schemas import Document
from warehouse import UnknownName, Warehouse

TEXT = ("# Lumen-7B\n\n第一段与结果无关。\n\n"
        "Lumen-7B 在 AIME 2024 上的准确率为 71.0%。Orca-7B 在 AIME 2024 上的准确率为 40.0%。\n\n"
        "另一份报告称 Lumen-7B 在 AIME 2024 上的准确率为 65.0%。\n")


@pytest.fixture()
def wh(tmp_path: Path) -> Warehouse:
    w = Warehouse(tmp_path / "w.duckdb")
    doc = Document(source="a.md", path="a.md", text=TEXT, sha256=hashlib.sha256(TEXT.encode()).hexdigest())
    w.store(get_extractor("rules").extract(doc))
    return w


def test_a_claim_opens_in_its_paragraph(wh: Warehouse) -> None:
    claim = next(c for c in wh.claims(limit=50).items if c.value == 40.0)
    detail = wh.claim_detail(claim.id)
    ctx = detail.context
    assert ctx.text[ctx.start:ctx.end] == claim.quote
    assert ctx.text.startswith("Lumen-7B 在 AIME 2024") and "第一段" not in ctx.text  # the paragraph only
    assert detail.document_id >= 1
    with pytest.raises(UnknownName):
        wh.claim_detail(10_000)


def test_review_history_and_undo(wh: Warehouse) -> None:
    claim = wh.claims(limit=50).items[0]
    wh.set_review_status(claim.id, "rejected", note="misread table", reviewer="ana")
    wh.set_review_status(claim.id, "verified", reviewer="bo")
    history = wh.review_history(claim.id)
    assert [(e.status, e.previous, e.note, e.reviewer) for e in history] == [
        ("rejected", "unreviewed", "misread table", "ana"), ("verified", "rejected", None, "bo")]
    assert wh.undo_review(claim.id).review_status == "rejected"
    assert len(wh.review_history(claim.id)) == 3


def test_review_queue_puts_disagreeing_sources_first(wh: Warehouse) -> None:
    queue = wh.review_queue(limit=10)
    lumen = [q for q in queue if q.model == "Lumen-7B" and q.kind == "score"]
    assert {q.value for q in lumen} == {71.0, 65.0} and all(q.in_conflict for q in lumen)
    assert queue[0].in_conflict and not any(q.in_conflict for q in queue if q.model == "Orca-7B")
    wh.set_review_status(lumen[0].id, "verified")
    assert lumen[0].id not in {q.id for q in wh.review_queue(limit=10)}


def test_matrix_crosses_boards(wh: Warehouse, tmp_path: Path) -> None:
    more = "Lumen-7B 在 GPQA Diamond 上达到 50.5%。\n"
    doc = Document(source="b.md", path="b.md", text=more, sha256=hashlib.sha256(more.encode()).hexdigest())
    wh.store(get_extractor("rules").extract(doc))
    m = wh.matrix(["AIME 2024", "GPQA Diamond"])
    assert m.benchmarks == ["AIME 2024", "GPQA Diamond"] and m.units == {"AIME 2024": "%", "GPQA Diamond": "%"}
    assert [r.model for r in m.rows] == ["Lumen-7B", "Orca-7B"]
    lumen = m.rows[0].cells
    assert (lumen["AIME 2024"].value, lumen["GPQA Diamond"].value) == (71.0, 50.5)
    assert all(wh.get_claim(i).model == "Lumen-7B" for i in lumen["GPQA Diamond"].claim_ids)
    with pytest.raises(UnknownName):
        wh.matrix(["AIME 2024", "NoSuchBench"])
