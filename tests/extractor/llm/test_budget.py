"""Output budget: answers cut at max_tokens are salvaged and their chunk split; chunks sized to the budget."""

from __future__ import annotations

import json
import threading
from typing import Any

import pytest

from extractor.llm.backend import LLMExtractor
from extractor.llm.salvage import salvage
from extractor.llm.tables import TableChunk
from schemas import Document, ScoreClaim, Settings
from tests.support.fake_openai import TABLE_FORM_MARK, FakeOpenAI, Reply, excerpt_text, system_text, table_form

pytest.importorskip("instructor")

LINES = [f"Model-{i} 在 GSM8K 上达到了 {60 + i}% 的准确率。" for i in range(6)]
TEXT = "# Results\n\n" + "\n\n".join(LINES) + "\n"


def _claim(line: str) -> dict[str, Any]:
    i = int(line.split("-")[1].split(" ")[0])
    return {"kind": "score", "model": f"Model-{i}", "benchmark": "GSM8K", "value": float(60 + i), "unit": "%",
            "quote": line.rstrip("。")}


class CutsTheFirstAnswer:
    """The first answer to the whole section is cut after two claims (finish_reason length); smaller chunks are
    answered in full."""

    def __init__(self) -> None:
        self.cut = 0
        self._lock = threading.Lock()

    def __call__(self, body: dict[str, Any]) -> Reply:
        chunk = excerpt_text(body)
        claims = [_claim(line) for line in LINES if line in chunk]
        if len(claims) == len(LINES):
            with self._lock:
                self.cut += 1
            text = json.dumps({"claims": claims}, ensure_ascii=False)
            two = json.dumps({"claims": claims[:2]}, ensure_ascii=False)[:-2]
            return Reply(arguments=two + ", " + text[len(two) + 2:len(two) + 40], finish_reason="length")
        return Reply(claims=claims)


def _doc(text: str = TEXT) -> Document:
    return Document(source="r.md", path="r.md", text=text, sha256="0" * 64)


def test_salvage_keeps_the_items_complete_before_the_cut() -> None:
    full = json.dumps({"claims": [_claim(line) for line in LINES[:3]]}, ensure_ascii=False)
    cut = full[: full.index("Model-2") + 10]
    assert [c.model for c in salvage(cut, table=False).claims] == ["Model-0", "Model-1"]
    rows = json.dumps({"rows": [{"row": "A", "cells": [{"column": "MMLU", "value": 1.0}]},
                                {"row": "B", "cells": [{"column": "MMLU", "value": 2.0}]}]})
    assert [r.row for r in salvage(rows[: rows.index('"B"') + 5], table=True).rows] == ["A"]
    assert salvage("", table=False).claims == []


def test_an_answer_cut_at_max_tokens_is_salvaged_and_the_chunk_split_and_asked_again() -> None:
    responder = CutsTheFirstAnswer()
    with FakeOpenAI(responder) as server:
        settings = Settings(llm_base_url=server.base_url, llm_model="m", llm_retries=1)
        result = LLMExtractor(settings).extract(_doc())
    assert responder.cut == 1
    assert sorted(c.value for c in result.claims if isinstance(c, ScoreClaim)) == [60 + i for i in range(6)]
    assert result.stats.truncated == 1 and result.stats.fallback_chunks == 0
    assert len(server.requests) == 3  # the cut answer, then one request per half
    for c in result.claims:
        assert TEXT[c.start:c.end] == c.quote


def test_a_cut_answer_of_a_chunk_that_cannot_split_keeps_what_came_and_says_so() -> None:
    one = "# Results\n\n" + " ".join(LINES) + "\n"  # one paragraph: one excerpt

    def cut(body: dict[str, Any]) -> Reply:
        claims = [_claim(line) for line in LINES]
        text = json.dumps({"claims": claims}, ensure_ascii=False)
        return Reply(arguments=text[: text.index("Model-3") - 20], finish_reason="length")

    with FakeOpenAI(cut) as server:
        result = LLMExtractor(Settings(llm_base_url=server.base_url, llm_model="m", llm_retries=1)).extract(_doc(one))
    assert sorted(c.value for c in result.claims if isinstance(c, ScoreClaim)) == [60, 61, 62]
    assert result.stats.truncated == 1 and any("cut at max_tokens" in e for e in result.stats.errors)


def test_chunks_and_table_row_groups_are_sized_to_the_answer_budget() -> None:
    rows = "\n".join(f"| Wren-{i}B | {50 + i}.1 | {60 + i}.2 | {70 + i}.3 | {40 + i}.4 |" for i in range(40))
    table = "| Model | MMLU | GSM8K | MATH-500 | HumanEval |\n|---|---|---|---|---|\n" + rows + "\n"
    text = "# Results\n\n" + "\n\n".join(LINES * 20) + "\n\n## Table\n\n" + table
    gold = [{"kind": "score", "model": f"Wren-{i}B", "benchmark": b, "value": float(f"{v + i}.{k + 1}"),
             "unit": "score", "quote": f"| Wren-{i}B | {50 + i}.1 | {60 + i}.2 | {70 + i}.3 | {40 + i}.4 |"}
            for i in range(40) for k, (b, v) in enumerate([("MMLU", 50), ("GSM8K", 60), ("MATH-500", 70),
                                                           ("HumanEval", 40)])]

    def answer(body: dict[str, Any]) -> Reply:
        chunk = excerpt_text(body)
        claims = [g for g in gold if g["quote"] in chunk]
        if TABLE_FORM_MARK in system_text(body):
            return Reply(arguments=json.dumps(table_form(claims)))
        return Reply(claims=[_claim(line) for line in LINES if line in chunk])

    small = LLMExtractor(Settings(llm_max_tokens=300))
    assert small.chunk_chars() < LLMExtractor(Settings()).chunk_chars() == 4000
    doc = _doc(text)
    assert all(len(c.text) <= small.chunk_chars() for c in small.chunks(doc) if not isinstance(c, TableChunk))
    with FakeOpenAI(answer) as server:  # the fake cuts any answer longer than the request's max_tokens
        settings = Settings(llm_base_url=server.base_url, llm_model="m", llm_retries=1, llm_max_tokens=300)
        result = LLMExtractor(settings).extract(doc)
    assert result.stats.truncated == 0 and result.stats.fallback_chunks == 0
    got = {(c.model, c.benchmark, c.value) for c in result.claims if isinstance(c, ScoreClaim)}
    assert {(g["model"], g["benchmark"], g["value"]) for g in gold} <= got
