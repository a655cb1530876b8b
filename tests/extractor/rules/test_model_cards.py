"""Model-card-shaped documents: prose beside a Markdown results table.

Table rows are read by the table reader only (row = model, column = benchmark); the prose
patterns must not also read a flattened row and invent claims from it.
"""

from __future__ import annotations

from extractor.base import get_extractor
from schemas import ComparisonClaim, Document, ScoreClaim

CARD = """# Lumen-8B

## Evaluation

Lumen-8B outperforms Mistral-7B-v0.3 on every benchmark below, and scores 68.4 on MMLU.

| Model | MMLU | GSM8K | HumanEval |
|---|---|---|---|
| Lumen-8B | 68.4 | 79.1 | 61.0 |
| Mistral-7B-v0.3 | 62.5 | 52.2 | 30.5 |
| Gemma-2-9B better than Llama | 71.3 | 68.6 | 40.2 |

All numbers are 5-shot except HumanEval (0-shot pass@1).
"""


def _claims(text: str) -> list[ScoreClaim | ComparisonClaim]:
    doc = Document(source="card.md", path="card.md", text=text, sha256="0")
    claims = get_extractor("rules").extract(doc).claims
    for c in claims:
        assert text[c.start:c.end] == c.quote
    return claims


def test_table_rows_give_only_table_claims():
    claims = _claims(CARD)
    table_start, table_end = CARD.index("| Model"), CARD.index("All numbers")
    inside = [c for c in claims if table_start <= c.start < table_end]
    # every claim inside the table is a score with a column benchmark, none a prose comparison
    assert inside and all(isinstance(c, ScoreClaim) for c in inside)
    assert not any(c.model == "Llama" or getattr(c, "baseline", None) == "Llama" for c in claims)
    triples = {(c.model, c.benchmark, c.value) for c in inside if isinstance(c, ScoreClaim)}
    assert ("Mistral-7B-v0.3", "GSM8K", 52.2) in triples
    assert len(inside) == len(triples)  # no duplicate claims from a second (prose) reading


def test_prose_comparison_next_to_a_table_still_found():
    claims = _claims(CARD)
    comps = [c for c in claims if isinstance(c, ComparisonClaim)]
    assert any(c.model == "Lumen-8B" and c.baseline == "Mistral-7B-v0.3" and c.relation == "outperforms" for c in comps)
    prose_end = CARD.index("| Model")
    assert any(isinstance(c, ScoreClaim) and c.start < prose_end and (c.benchmark, c.value) == ("MMLU", 68.4)
               for c in claims)


def test_zh_card_table_rows_not_read_as_prose():
    text = ("## 评测结果\n\nQingyun-14B 在 C-Eval 上优于 Qwen2-7B。\n\n"
            "| 模型 | C-Eval | CMMLU |\n|---|---|---|\n| Qingyun-14B | 72.5 | 70.1 |\n| Qwen2-7B 比 GLM-4 高 | 65.0 | 66.3 |\n")
    claims = _claims(text)
    t0 = text.index("| 模型")
    assert not any(isinstance(c, ComparisonClaim) and c.start >= t0 for c in claims)
    assert any(isinstance(c, ComparisonClaim) and c.model == "Qingyun-14B" and c.baseline == "Qwen2-7B" for c in claims)


def test_card_bullet_list_of_benchmark_values():
    text = ("# Pavo-3B\n\n## Evaluation\n\n- ARC-Challenge: 58.3\n- **GSM8K** (8-shot, CoT): 71.9%\n"
            "- Released: 2024.10\n- Context length: 32.0\n")
    got = {(c.model, c.benchmark, c.value) for c in _claims(text) if isinstance(c, ScoreClaim)}
    assert got == {("Pavo-3B", "ARC-Challenge", 58.3), ("Pavo-3B", "GSM8K", 71.9)}


def test_zh_card_bullet_list_with_fullwidth_colon():
    text = "# Pavo-3B\n\n## 评测\n\n* C-Eval：66.0\n* CMMLU：64.5%\n"
    got = {(c.model, c.benchmark, c.value) for c in _claims(text) if isinstance(c, ScoreClaim)}
    assert got == {("Pavo-3B", "C-Eval", 66.0), ("Pavo-3B", "CMMLU", 64.5)}


def test_en_parenthesised_metric_before_on_benchmark():
    text = "Pavo-3B scores 6.9 on MT-Bench and 31.2% (length-controlled win rate) on AlpacaEval 2.0."
    got = {(c.benchmark, c.value) for c in _claims(text) if isinstance(c, ScoreClaim)}
    assert got == {("MT-Bench", 6.9), ("AlpacaEval 2.0", 31.2)}


def test_html_table_rows_not_read_as_prose():
    text = ("# Finch-3B\n\nFinch-3B beats Phi-3-mini on reasoning.\n\n<table>\n"
            "<tr><th>Model</th><th>MMLU</th><th>GSM8K</th></tr>\n"
            "<tr><td>Finch-3B</td><td>65.1</td><td>75.0</td></tr>\n"
            "<tr><td>Phi-3-mini better than Gemma-2B</td><td>68.8</td><td>82.5</td></tr>\n</table>\n")
    claims = _claims(text)
    comps = [(c.model, c.baseline) for c in claims if isinstance(c, ComparisonClaim)]
    assert comps == [("Finch-3B", "Phi-3-mini")]
    assert ("Finch-3B", "GSM8K", 75.0) in {(c.model, c.benchmark, c.value) for c in claims if isinstance(c, ScoreClaim)}
