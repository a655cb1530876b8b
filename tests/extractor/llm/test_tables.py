"""Tables and the LLM: never sent in hybrid; with --backend llm, row groups with the header repeated,
compact per-row answers, and every value checked against the parsed cell."""

from __future__ import annotations

import json
from typing import Any

import pytest

from extractor.llm.backend import LLMExtractor
from extractor.llm.hybrid import HybridExtractor
from extractor.llm.tables import TableChunk
from schemas import Document, ScoreClaim, Settings
from tests.support.fake_openai import TABLE_FORM_MARK, FakeOpenAI, Reply, excerpt_text, system_text, table_form

pytest.importorskip("instructor")

BENCHES = ["MMLU", "GSM8K", "MATH-500", "HumanEval"]
PROSE = "Wren-32B reaches 81.0 on GSM8K, 6.4 points above Heron-70B."


def _table(rows: int) -> tuple[str, list[dict[str, Any]]]:
    lines = ["| Model | " + " | ".join(BENCHES) + " |", "|---|---|---|---|---|"]
    gold = []
    for i in range(rows):
        values = [round(20 + i + 0.1 * k, 1) for k in range(len(BENCHES))]
        row = f"| Wren-{i}B | " + " | ".join(f"{v}" for v in values) + " |"
        lines.append(row)
        gold += [{"kind": "score", "model": f"Wren-{i}B", "benchmark": b, "value": v, "unit": "score", "quote": row}
                 for b, v in zip(BENCHES, values, strict=True)]
    return "\n".join(lines) + "\n", gold


HTML = ("<table>\n<tr><th>Model</th><th>MMLU</th><th>GSM8K</th></tr>\n"
        "<tr><td>Heron-7B</td><td>61.5</td><td>70.2</td></tr>\n</table>\n")
HTML_GOLD = [{"kind": "score", "model": "Heron-7B", "benchmark": "MMLU", "value": 61.5, "unit": "score",
              "quote": "<tr><td>Heron-7B</td><td>61.5</td><td>70.2</td></tr>"},
             {"kind": "score", "model": "Heron-7B", "benchmark": "GSM8K", "value": 70.2, "unit": "score",
              "quote": "<tr><td>Heron-7B</td><td>61.5</td><td>70.2</td></tr>"}]
PROSE_GOLD = [{"kind": "score", "model": "Wren-32B", "benchmark": "GSM8K", "value": 81.0, "unit": "score",
               "quote": "Wren-32B reaches 81.0 on GSM8K"}]


def _doc(rows: int = 5) -> tuple[Document, list[dict[str, Any]]]:
    table, gold = _table(rows)
    text = f"# Wren: Technical Report\n\n{PROSE}\n\n## Main results\n\n{table}\n## More\n\n{HTML}"
    return Document(source="wren.md", path="wren.md", text=text, sha256="0" * 64), gold + HTML_GOLD + PROSE_GOLD


class Gold:
    """Answers every chunk with the gold claims inside it (compact form when asked for it); ``shift`` moves
    every table value to the next cell of its row."""

    def __init__(self, gold: list[dict[str, Any]], shift: bool = False) -> None:
        self.gold, self.shift = gold, shift

    def __call__(self, body: dict[str, Any]) -> Reply:
        chunk = excerpt_text(body)
        claims = [dict(g) for g in self.gold if g["quote"] in chunk]
        if self.shift:
            from tests.support.fake_openai import neighbour_value

            for c in claims:
                if c["quote"].startswith(("|", "<tr")):
                    c["value"] = neighbour_value(c["quote"], c["value"])
        if TABLE_FORM_MARK in system_text(body):
            return Reply(arguments=json.dumps(table_form(claims)))
        return Reply(claims=claims)


def _settings(server: FakeOpenAI, **kw: Any) -> Settings:
    return Settings(llm_base_url=server.base_url, llm_model="m", llm_timeout=5, llm_retries=1, llm_mode="json_schema",
                    **kw)


def test_hybrid_never_sends_a_table_and_still_gets_every_cell() -> None:
    doc, gold = _doc()
    with FakeOpenAI(Gold(gold)) as server:
        result = HybridExtractor(_settings(server)).extract(doc)
    sent = "\n".join(excerpt_text(r) for r in server.requests)
    assert "|---" not in sent and "<td" not in sent and "Wren-0B" not in sent and "Heron-7B" not in sent
    assert PROSE.split(",")[0] in sent
    got = {(c.model, c.benchmark, c.value) for c in result.claims if isinstance(c, ScoreClaim)}
    assert {(g["model"], g["benchmark"], g["value"]) for g in gold} <= got


def test_llm_backend_sends_row_groups_with_the_header_repeated_and_reads_compact_answers() -> None:
    doc, gold = _doc(rows=40)
    with FakeOpenAI(Gold(gold)) as server:
        ex = LLMExtractor(_settings(server), max_tokens=600)
        chunks = [c for c in ex.chunks(doc) if isinstance(c, TableChunk)]
        result = ex.extract(doc)
    assert len(chunks) >= 3  # 40 rows x 4 cells do not fit one answer of 600 tokens
    table_requests = [r for r in server.requests if TABLE_FORM_MARK in system_text(r)]
    assert len(table_requests) == len(chunks)
    for r in table_requests:
        text = excerpt_text(r)
        assert text.startswith("| Model | MMLU") or text.startswith("<table>")
    md_rows = [line for r in table_requests for line in excerpt_text(r).splitlines() if line.startswith("| Wren-")]
    assert len(md_rows) == 40 and len(set(md_rows)) == 40  # every row sent once
    claims = [c for c in result.claims if isinstance(c, ScoreClaim)]
    assert {(c.model, c.benchmark, c.value) for c in claims} == {(g["model"], g["benchmark"], g["value"]) for g in gold}
    for c in claims:
        assert doc.text[c.start:c.end] == c.quote
    assert result.stats.dropped_ungrounded == 0 and result.stats.fallback_chunks == 0
    # the compact answer is far smaller than one claim object per cell
    answered = sum(len(a) for a in server.answers)
    per_claim = sum(len(json.dumps(g)) for g in gold)
    assert answered < per_claim / 3


def test_a_value_from_the_neighbouring_cell_is_dropped_in_either_answer_form() -> None:
    doc, gold = _doc()
    with FakeOpenAI(Gold(gold, shift=True)) as server:
        result = LLMExtractor(_settings(server)).extract(doc)
    table_gold = {(g["model"], g["benchmark"]) for g in gold if g["quote"].startswith(("|", "<tr"))}
    kept = [c for c in result.claims if isinstance(c, ScoreClaim) and (c.model, c.benchmark) in table_gold]
    assert kept == [] and result.stats.dropped_ungrounded >= len(table_gold)
