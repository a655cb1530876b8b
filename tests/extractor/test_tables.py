"""Score claims from results tables: card layouts, multi-level headers, transposed and HTML tables."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.base import get_extractor
from extractor.tables import extract_table_claims, parse_value, read_label
from schemas import Document, ScoreClaim, Section


def make_doc(text: str, sections: list[Section] | None = None, source: str = "card.md") -> Document:
    return Document(source=source, path=source, text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                    media_type="text/markdown", sections=sections or [])


def facts(claims: list[ScoreClaim]) -> set[tuple[str, str, float]]:
    return {(c.model, c.benchmark or "", c.value) for c in claims}


def find(claims: list[ScoreClaim], model: str, benchmark: str) -> list[ScoreClaim]:
    return [c for c in claims if c.model == model and c.benchmark == benchmark]


def assert_quotes_exact(doc: Document, claims: list[ScoreClaim]) -> None:
    for c in claims:
        assert doc.text[c.start:c.end] == c.quote
        assert c.source == doc.source and c.extractor == "rules"


MODEL_CARD = """# Zephyrine-8B

Zephyrine-8B is a small instruction-tuned model.

## Evaluation results

| Model | #Params | MMLU (5-shot) | GSM8K | MATH-500 (pass@1) | AIME'24 | Release date |
|:--|:-:|:-:|:-:|:-:|:-:|:-:|
| **Zephyrine-8B** | 8B | **71.0** | 85.2±0.3 | 71.0% | <u>40.0</u> | 2025-01 |
| Llama-3.1-8B-Instruct | 8B | 68.1 | 84.5 | - | N/A | 2024-07 |
| Qwen2.5-7B-Instruct† | 7B | 74.2 | 91.6 | 75.5 | — | 2024-09 |
| Average | | 71.1 | 87.1 | | | |

Numbers from our own runs.
"""


def test_model_card_table_rows_are_models() -> None:
    doc = make_doc(MODEL_CARD)
    claims = extract_table_claims(doc)
    assert facts(claims) == {
        ("Zephyrine-8B", "MMLU", 71.0), ("Zephyrine-8B", "GSM8K", 85.2), ("Zephyrine-8B", "MATH-500", 71.0),
        ("Zephyrine-8B", "AIME'24", 40.0),
        ("Llama-3.1-8B-Instruct", "MMLU", 68.1), ("Llama-3.1-8B-Instruct", "GSM8K", 84.5),
        ("Qwen2.5-7B-Instruct", "MMLU", 74.2), ("Qwen2.5-7B-Instruct", "GSM8K", 91.6),
        ("Qwen2.5-7B-Instruct", "MATH-500", 75.5),
    }
    assert_quotes_exact(doc, claims)
    (mmlu,) = find(claims, "Zephyrine-8B", "MMLU")
    assert mmlu.setting == "5-shot" and mmlu.unit == "score" and mmlu.section == "Evaluation results"
    assert mmlu.quote.startswith("| **Zephyrine-8B** | 8B |")
    (math,) = find(claims, "Zephyrine-8B", "MATH-500")
    # a "(pass@1)" sub-header names how the column is scored: the metric (issue 12), read as pass@1 by boards
    assert math.unit == "%" and math.metric == "pass@1" and math.setting is None
    (aime,) = find(claims, "Zephyrine-8B", "AIME'24")
    assert aime.benchmark_canonical == "AIME 2024"
    (llama,) = find(claims, "Llama-3.1-8B-Instruct", "MMLU")
    assert llama.model_canonical == "Llama 3.1 8B"


PAPER_MULTILEVEL = """## 4 Experiments

Table 3: Reasoning results.

| Model | AIME 2024 | | MATH-500 | GPQA Diamond | Codeforces | |
|---|---|---|---|---|---|---|
| | pass@1 | cons@64 | pass@1 | pass@1 | percentile | rating |
| GPT-4o-0513 | 9.3 | 13.4 | 74.6 | 49.9 | 23.6 | 759 |
| OpenAI o1 | 79.2 | - | 96.4 | 75.7 | 96.6 | 2061 |
"""


def test_multilevel_header_carries_benchmark_over_settings() -> None:
    doc = make_doc(PAPER_MULTILEVEL)
    claims = extract_table_claims(doc)
    aime = find(claims, "GPT-4o-0513", "AIME 2024")
    assert {(c.value, c.setting) for c in aime} == {(9.3, "pass@1"), (13.4, "cons@64")}
    (o1,) = find(claims, "OpenAI o1", "AIME 2024")
    assert o1.value == 79.2 and o1.model_canonical == "o1"
    cf = {(c.value, c.metric, c.unit) for c in find(claims, "OpenAI o1", "Codeforces")}
    assert cf == {(96.6, "percentile", "score"), (2061.0, "rating", "elo")}
    assert len(claims) == 11
    assert all(c.section == "4 Experiments" for c in claims)
    assert_quotes_exact(doc, claims)


TRANSPOSED = """### Base model comparison

| Benchmark (Metric) | # Shots | Orca-MoE-Base | Qwen2.5 72B Base | LLaMA-3.1 405B Base |
|---|---|---|---|---|
| Architecture | - | MoE | Dense | Dense |
| # Activated Params | - | 21B | 72B | 405B |
| *English* | | | | |
| MMLU (EM) | 5-shot | **87.1** | 85.0 | 84.4 |
| DROP (F1) | 3-shot | 89.0 | 80.6 | 86.0 |
| *Math* | | | | |
| GSM8K (EM) | 8-shot | 89.3 | 88.3 | 83.5 |
| Average | | 88.5 | 84.6 | 84.6 |
"""


def test_transposed_card_table_models_are_columns() -> None:
    doc = make_doc(TRANSPOSED)
    claims = extract_table_claims(doc)
    assert facts(claims) == {
        ("Orca-MoE-Base", "MMLU", 87.1), ("Qwen2.5 72B Base", "MMLU", 85.0), ("LLaMA-3.1 405B Base", "MMLU", 84.4),
        ("Orca-MoE-Base", "DROP", 89.0), ("Qwen2.5 72B Base", "DROP", 80.6), ("LLaMA-3.1 405B Base", "DROP", 86.0),
        ("Orca-MoE-Base", "GSM8K", 89.3), ("Qwen2.5 72B Base", "GSM8K", 88.3), ("LLaMA-3.1 405B Base", "GSM8K", 83.5),
    }
    (drop,) = find(claims, "Orca-MoE-Base", "DROP")
    assert drop.metric == "F1" and drop.setting == "3-shot"
    assert drop.quote == "| DROP (F1) | 3-shot | 89.0 | 80.6 | 86.0 |"
    assert_quotes_exact(doc, claims)


TRANSPOSED_NO_CORNER_WORD = """| | Aurora-2 | Gemini 1.5 Pro | Claude 3.5 Sonnet |
|---|---|---|---|
| MMMU (val) | 70.2 | 65.9 | 68.3 |
| MathVista | 74.1 | 68.1 | 67.7 |
| DocVQA | 95.0 | 93.1 | 95.2 |
"""


def test_orientation_is_detected_from_the_gazetteer_when_the_corner_is_empty() -> None:
    claims = extract_table_claims(make_doc(TRANSPOSED_NO_CORNER_WORD))
    assert ("Aurora-2", "MMMU", 70.2) in facts(claims)
    assert ("Claude 3.5 Sonnet", "DocVQA", 95.2) in facts(claims)
    assert len(claims) == 9
    (mmmu,) = find(claims, "Aurora-2", "MMMU")
    assert mmmu.setting == "val"


HTML_TABLE = """# Detection

<table>
  <tr><th rowspan="2">Method</th><th colspan="2">COCO val2017</th><th rowspan="2">FPS</th></tr>
  <tr><th>AP</th><th>AP<sub>50</sub></th></tr>
  <tr><td>DETR-R50</td><td><b>42.0</b></td><td>62.4</td><td>28</td></tr>
  <tr><td>Ours</td><td>45.1&nbsp;</td><td>64.0</td><td>31</td></tr>
</table>
"""


def test_html_table_in_markdown_with_spans_and_subject_for_ours() -> None:
    sections = [Section(title="Detection", start=0, end=len(HTML_TABLE), subject="Lumen-DET")]
    doc = make_doc(HTML_TABLE, sections=sections)
    claims = extract_table_claims(doc)
    assert facts(claims) == {("DETR-R50", "COCO val2017", 42.0), ("DETR-R50", "COCO val2017", 62.4),
                             ("Lumen-DET", "COCO val2017", 45.1), ("Lumen-DET", "COCO val2017", 64.0)}
    assert {c.metric for c in claims} == {"AP", "AP50"}
    assert all(c.benchmark_canonical == "COCO" for c in claims)
    assert all(c.quote.startswith("<tr>") and c.quote.endswith("</tr>") for c in claims)
    assert_quotes_exact(doc, claims)


CHINESE_TABLE = """## 主要结果

| 模型 | 参数量 | C-Eval | CMMLU | GSM8K | 推理速度 (tok/s) |
|---|---|---|---|---|---|
| 星河-13B | 13B | 78.5 | 80.2 | 70.1% | 45 |
| 百川2-13B | 13B | 58.1 | 61.9 | 52.8% | 50 |
"""


def test_chinese_table_skips_size_and_speed_columns() -> None:
    doc = make_doc(CHINESE_TABLE, source="zh.md")
    claims = extract_table_claims(doc)
    assert facts(claims) == {("星河-13B", "C-Eval", 78.5), ("星河-13B", "CMMLU", 80.2), ("星河-13B", "GSM8K", 70.1),
                             ("百川2-13B", "C-Eval", 58.1), ("百川2-13B", "CMMLU", 61.9), ("百川2-13B", "GSM8K", 52.8)}
    assert {c.unit for c in claims if c.benchmark == "GSM8K"} == {"%"}
    assert all(c.section == "主要结果" for c in claims)


CAPTION_METRIC_COLUMNS = """Table 2: Results on HotpotQA (dev).

| Method | EM | F1 |
|---|---|---|
| Retriever-Reader | 45.3 | 58.2 |
| IRCoT | 49.1 | 61.7 |
"""


def test_metric_only_columns_take_the_benchmark_from_the_caption() -> None:
    claims = extract_table_claims(make_doc(CAPTION_METRIC_COLUMNS))
    assert facts(claims) == {("Retriever-Reader", "HotpotQA", 45.3), ("Retriever-Reader", "HotpotQA", 58.2),
                             ("IRCoT", "HotpotQA", 49.1), ("IRCoT", "HotpotQA", 61.7)}
    assert {c.metric for c in find(claims, "IRCoT", "HotpotQA")} == {"EM", "F1"}


def test_metric_only_columns_without_a_named_benchmark_give_nothing() -> None:
    text = "| Method | EM | F1 |\n|---|---|---|\n| Retriever-Reader | 45.3 | 58.2 |\n"
    assert extract_table_claims(make_doc(text)) == []


GROUP_ROWS = """| Model | GSM8K | MATH |
|---|---|---|
| **Zero-shot** | | |
| Nova-3B | 61.2 | 30.4 |
| **Few-shot (4-shot)** | | |
| Nova-3B | 66.0 | 33.9 |
| *Open-source models* | | |
| Pico-1B | 40.1 | 12.0 |
"""


def test_group_rows_set_the_setting_until_the_next_group() -> None:
    claims = extract_table_claims(make_doc(GROUP_ROWS))
    nova = {(c.value, c.setting) for c in find(claims, "Nova-3B", "GSM8K")}
    assert nova == {(61.2, "Zero-shot"), (66.0, "Few-shot (4-shot)")}
    (pico,) = find(claims, "Pico-1B", "GSM8K")
    assert pico.setting is None


NOT_RESULTS = """| Model | Params | Training tokens | Context length | Price ($/1M tokens) | Release |
|---|---|---|---|---|---|
| Nova-3B | 3 | 2000 | 8192 | 0.2 | 2024 |
"""


def test_tables_without_benchmarks_give_no_claims() -> None:
    assert extract_table_claims(make_doc(NOT_RESULTS)) == []
    assert extract_table_claims(make_doc("no tables | here\njust a pipe")) == []


def test_two_tables_and_pipes_in_prose_do_not_merge() -> None:
    text = MODEL_CARD + "\nSome | prose with a pipe.\n\n" + TRANSPOSED
    claims = extract_table_claims(make_doc(text))
    assert len(claims) == 9 + 9
    assert {c.section for c in claims} == {"Evaluation results", "Base model comparison"}


@pytest.mark.parametrize(
    ("cell", "value", "unit"),
    [("**71.0**", 71.0, ""), ("71.0%", 71.0, "%"), ("<u>40.0</u>", 40.0, ""), ("85.2±0.3", 85.2, ""),
     ("85.2 ± 0.3", 85.2, ""), ("<b>90.1</b>", 90.1, ""), ("$\\textbf{66.6}$", 66.6, ""), ("72.3*", 72.3, ""),
     ("71.0 (86.7)", 71.0, ""), ("1,820", 1820.0, ""), ("-3.5", -3.5, ""), ("12.5 pts", 12.5, "pts"),
     ("2061†", 2061.0, "")],
)
def test_parse_value_accepts_scores(cell: str, value: float, unit: str) -> None:
    parsed = parse_value(cell)
    assert parsed is not None and parsed.value == value and parsed.unit_raw == unit


@pytest.mark.parametrize("cell", ["-", "—", "–", "N/A", "n/a", "", "7B", "1.5M", "$0.20", "2024-07", "MoE", "✗"])
def test_parse_value_rejects_non_scores(cell: str) -> None:
    assert parse_value(cell) is None


def test_read_label_splits_benchmark_metric_setting() -> None:
    label = read_label("MATH-500 (Pass@1)")
    assert (label.benchmark, label.known, label.metric, label.setting) == ("MATH-500", True, "Pass@1", [])
    label = read_label("MATH-500 (评分)")
    assert (label.metric, label.setting) == ("评分", [])
    label = read_label("MATH-500 (5-shot)")
    assert (label.metric, label.setting) == (None, ["5-shot"])
    label = read_label("GSM8K 8-shot EM")
    assert label.benchmark == "GSM8K" and label.setting == ["8-shot EM"] or label.metric == "EM"
    label = read_label("Accuracy (%)")
    assert label.benchmark == "" and label.metric == "Accuracy" and label.unit == "%"
    label = read_label("ZorbQA (F1)")
    assert (label.benchmark, label.known, label.metric) == ("ZorbQA", False, "F1")


CATEGORY_HTML = """### Pretrained models

<table>
  <tr>
   <td><strong>Category</strong></td>
   <td><strong>Benchmark</strong></td>
   <td><strong>Quill 2 9B</strong></td>
   <td><strong>Quill 1 7B</strong></td>
  </tr>
  <tr>
   <td rowspan="2">Knowledge reasoning</td>
   <td>MMLU (5-shot)</td>
   <td>66.6</td>
   <td>45.7</td>
  </tr>
  <tr>
   <td>TriviaQA-Wiki (1-shot)</td>
   <td>78.5</td>
   <td>72.1</td>
  </tr>
</table>
"""


def test_html_card_table_with_category_rowspan_and_bold_td_header() -> None:
    doc = make_doc(CATEGORY_HTML)
    claims = extract_table_claims(doc)
    assert facts(claims) == {("Quill 2 9B", "MMLU", 66.6), ("Quill 1 7B", "MMLU", 45.7),
                             ("Quill 2 9B", "TriviaQA", 78.5), ("Quill 1 7B", "TriviaQA", 72.1)}
    (trivia,) = find(claims, "Quill 2 9B", "TriviaQA")
    assert trivia.setting == "Wiki, 1-shot"  # the category cell is not a setting
    assert_quotes_exact(doc, claims)


METRIC_COLUMN_WITH_LINKS = """| Benchmark | Metric | Sparrow PT 2B | Sparrow PT 7B |
| --- | --- | --- | --- |
| [MMLU](https://example.org/mmlu) | 5-shot, top-1 | 42.3 | 64.3 |
| [HellaSwag][hellaswag] | 0-shot | 71.4 | 81.2 |
| **Average** | | **56.9** | **72.8** |
"""


def test_metric_column_is_split_into_setting_and_metric_and_links_are_unwrapped() -> None:
    claims = extract_table_claims(make_doc(METRIC_COLUMN_WITH_LINKS))
    assert facts(claims) == {("Sparrow PT 2B", "MMLU", 42.3), ("Sparrow PT 7B", "MMLU", 64.3),
                             ("Sparrow PT 2B", "HellaSwag", 71.4), ("Sparrow PT 7B", "HellaSwag", 81.2)}
    (mmlu,) = find(claims, "Sparrow PT 2B", "MMLU")
    assert (mmlu.setting, mmlu.metric) == ("5-shot", "top-1")
    (hs,) = find(claims, "Sparrow PT 2B", "HellaSwag")
    assert (hs.setting, hs.metric) == ("0-shot", None)


def test_ours_row_takes_the_method_name_from_the_title_when_no_subject_is_known() -> None:
    text = "# Kestrel: Sparse Retrieval for Long Inputs\n\n## Results\n\n| Method | HotpotQA | NQ |\n|---|---|---|\n" \
           "| BM25 | 50.1 | 40.2 |\n| Ours | 58.3 | 47.9 |\n"
    claims = extract_table_claims(make_doc(text))
    assert ("Kestrel", "HotpotQA", 58.3) in facts(claims)
    assert ("BM25", "NQ", 40.2) in facts(claims)
    assert all(c.section == "Results" for c in claims)


def test_table_spans_cover_each_table_and_nothing_else() -> None:
    from extractor.tables import table_spans

    text = "Intro line.\n\n" + GROUP_ROWS + "\nMiddle prose.\n\n" + HTML_TABLE
    spans = table_spans(text)
    assert len(spans) == 2
    assert text[spans[0][0]:spans[0][1]].startswith("| Model | GSM8K | MATH |")
    assert text[spans[1][0]:spans[1][1]].startswith("<table>") and text[spans[1][0]:spans[1][1]].endswith("</table>")
    assert "Middle prose." not in "".join(text[s:e] for s, e in spans)


ERROR_BREAKDOWN_ZH = """### 错误分析

| 模型 | 错误数 | 计算错误 | 推理错误 |
| --- | ---: | ---: | ---: |
| 基座模型 | 812 | 150（18%） | 600（74%） |
| 微调后 | 640 | 60（9%） | 540（84%） |

### 主要结果

| 模型 | MMLU | CMMLU | 显存(GB) | VRAM (GB) | API 价格 ($/M tokens) |
|------|------|-------|---------|-----------|----------------------|
| 灵犀-8B (本文) | 65.2 | **58.3** | 16 | 16 | - |
| 基座模型 | 66.6 | 51.0 | 16 | 16 | $0.2 |
"""


def test_tables_without_a_known_benchmark_are_not_results_and_cost_columns_are_skipped() -> None:
    claims = extract_table_claims(make_doc(ERROR_BREAKDOWN_ZH, source="zh2.md"))
    assert facts(claims) == {("灵犀-8B", "MMLU", 65.2), ("灵犀-8B", "CMMLU", 58.3),
                             ("基座模型", "MMLU", 66.6), ("基座模型", "CMMLU", 51.0)}
    assert {c.section for c in claims} == {"主要结果"}


TWO_LEVEL_MODEL_COLUMNS = """# Vireo: Thinking On Demand

| | Vireo-30B | | Sagebrush-R1 |
|---|---|---|---|
| | Thinking | Non-thinking | |
| AIME'25 | 81.5 | 20.3 | 70.0 |
| BFCL v3 | 70.8 | 68.0 | 56.9 |

| Benchmark | Ours (7B) | Ours (14B) |
|---|---|---|
| MATH500 | 85.1 | 88.0 |
"""


def test_transposed_table_with_mode_sub_columns_and_sized_ours_columns() -> None:
    claims = extract_table_claims(make_doc(TWO_LEVEL_MODEL_COLUMNS))
    vireo = {(c.value, c.setting) for c in find(claims, "Vireo-30B", "AIME'25")}
    assert vireo == {(81.5, "Thinking"), (20.3, "Non-thinking")}
    assert {c.benchmark_canonical for c in claims if c.benchmark == "AIME'25"} == {"AIME 2025"}
    assert ("Sagebrush-R1", "BFCL v3", 56.9) in facts(claims)
    assert ("Vireo-7B", "MATH500", 85.1) in facts(claims) and ("Vireo-14B", "MATH500", 88.0) in facts(claims)


CONTINUATION_AND_FENCE = """## Results

| Model | Setting | GSM8K |
|---|---|---|
| Nova-3B | zero-shot | 61.2 |
| | 8-shot | 66.0 |

Markdown syntax example (not a result):

```markdown
| Model | GSM8K |
|---|---|
| Example | 99.9 |
```

<table><tr><th>Model</th><th>MMLU</th></tr>
<tr><td>Nova-3B</td><td>55.1<sup>1</sup></td></tr></table>
"""


def test_empty_label_continues_the_row_above_and_fenced_tables_are_ignored() -> None:
    doc = make_doc(CONTINUATION_AND_FENCE)
    claims = extract_table_claims(doc)
    assert {(c.model, c.benchmark, c.value, c.setting) for c in claims} == {
        ("Nova-3B", "GSM8K", 61.2, "zero-shot"), ("Nova-3B", "GSM8K", 66.0, "8-shot"),
        ("Nova-3B", "MMLU", 55.1, None)}
    assert_quotes_exact(doc, claims)


def test_windows_line_endings_and_tables_without_outer_pipes() -> None:
    text = "## Scores\r\n\r\nModel | GSM8K | MMLU\r\n--- | --- | ---\r\nNova-3B | 61.2 | 50.5\r\n"
    doc = make_doc(text)
    claims = extract_table_claims(doc)
    assert facts(claims) == {("Nova-3B", "GSM8K", 61.2), ("Nova-3B", "MMLU", 50.5)}
    assert all(c.quote == "Nova-3B | 61.2 | 50.5" and c.section == "Scores" for c in claims)


LEADERBOARD = """## LiveBench leaderboard (2025-01)

| Rank | Model | Organization | Score |
|---|---|---|---|
| 1 | o1-2024-12-17 | OpenAI | 75.7 |
| 2 | Gemini-Exp-1206 | Google | 64.1 |
"""


def test_rank_column_is_dropped_and_the_benchmark_comes_from_the_heading() -> None:
    claims = extract_table_claims(make_doc(LEADERBOARD))
    assert facts(claims) == {("o1-2024-12-17", "LiveBench", 75.7), ("Gemini-Exp-1206", "LiveBench", 64.1)}
    assert {c.metric for c in claims} == {"Score"}


CELL_TEXTS = ["", "-", "**71.0**", "85.2±0.3", "40%", "N/A", "7B", "MMLU", "GSM8K (8-shot)", "Model", "Benchmark",
              "Nova-3B", "pass@1", "<b>9</b>", "|", "\\|", "Average", "模型", "准确率", "AIME'24", "#", "Rank", "1"]


@given(st.lists(st.lists(st.sampled_from(CELL_TEXTS), min_size=1, max_size=6), min_size=1, max_size=8),
       st.booleans(), st.booleans())
@settings(max_examples=150, deadline=None)
def test_any_table_gives_valid_claims_with_exact_quotes(rows: list[list[str]], html: bool, ragged: bool) -> None:
    if html:
        body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>\n" for r in rows)
        text = f"# T\n\n<table>\n{body}</table>\n"
    else:
        width = max(len(r) for r in rows)
        lines = ["| " + " | ".join(r if ragged else r + [""] * (width - len(r))) + " |" for r in rows]
        text = "# T\n\n" + lines[0] + "\n|" + "---|" * width + "\n" + "\n".join(lines[1:]) + "\n"
    doc = make_doc(text)
    claims = extract_table_claims(doc)
    assert_quotes_exact(doc, claims)
    for c in claims:
        assert c.benchmark and c.model and c.kind == "score"


def test_dataset_statistics_tables_are_not_scores() -> None:
    text = "| Dataset | Train | Test | Questions |\n|---|---|---|---|\n| GSM8K | 7473 | 1319 | 8792 |\n| MATH | 7500 | 5000 | 12500 |\n"
    assert extract_table_claims(make_doc(text)) == []
    text = "| Model | MMLU (test) | GSM8K |\n|---|---|---|\n| Nova-3B | 55.0↑ | 🥇 61.2 |\n"
    assert facts(extract_table_claims(make_doc(text))) == {("Nova-3B", "MMLU", 55.0), ("Nova-3B", "GSM8K", 61.2)}


def test_corner_word_is_overruled_when_the_gazetteer_clearly_disagrees() -> None:
    text = "| Model | Nova-3B | Pico-1B |\n|---|---|---|\n| MMLU | 55.0 | 40.1 |\n| GSM8K | 61.2 | 30.0 |\n"
    assert facts(extract_table_claims(make_doc(text))) == {
        ("Nova-3B", "MMLU", 55.0), ("Pico-1B", "MMLU", 40.1), ("Nova-3B", "GSM8K", 61.2), ("Pico-1B", "GSM8K", 30.0)}


def test_adjacent_tables_without_blank_line_are_read_separately() -> None:
    text = ("| Model | GSM8K |\n|---|---|\n| Nova-3B | 61.2 |\n"
            "| Benchmark | Pico-1B |\n|---|---|\n| MMLU | 40.1 |\n")
    assert facts(extract_table_claims(make_doc(text))) == {("Nova-3B", "GSM8K", 61.2), ("Pico-1B", "MMLU", 40.1)}


SLASHED_CELLS = """| Model | AIME 2024 (pass@1 / maj@16) | Codeforces (Rating/Percentile) | GSM8K |
|---|---|---|---|
| Nova-R | 71.0 / 86.7 | 1820/93.4 | 90.1 / 91.0 |
"""


def test_slashed_cells_split_by_the_slashed_header() -> None:
    claims = extract_table_claims(make_doc(SLASHED_CELLS))
    got = {(c.benchmark, c.value, c.setting, c.metric) for c in claims}
    assert got == {("AIME 2024", 71.0, "pass@1", None), ("AIME 2024", 86.7, "maj@16", None),
                   ("Codeforces", 1820.0, None, "Rating"), ("Codeforces", 93.4, None, "Percentile"),
                   ("GSM8K", 90.1, None, None)}


def test_header_line_breaks_and_footnote_marks_are_not_part_of_names() -> None:
    text = "| Model | ZorbQA† | MMLU<br>(5-shot) |\n|---|---|---|\n| Nova-3B | 61.2 | 50.5 |\n"
    claims = extract_table_claims(make_doc(text))
    assert {(c.benchmark, c.setting) for c in claims} == {("ZorbQA", None), ("MMLU", "5-shot")}


PDF_CONVERTED = r"""Table 7: Quantised models on MMLU and GSM8k.
<table><tr><td>Size</td><td>Method</td><td>Avg bits</td><td>MMLU (5-shot)</td><td>GSM8k (8-shot)</td></tr><tr><td rowspan="2">7B</td><td></td><td>16</td><td>45.9</td><td>14.6</td></tr><tr><td> ${ \mathrm { Z i P Q } } \# ^ { \star }$ </td><td>2.02</td><td> $\mathbf{36.8}$ </td><td>$6.2^{\dagger}$</td></tr><tr><td rowspan="2">13B</td><td>一</td><td>16</td><td>55.2</td><td>24.3</td></tr><tr><td> $\mathbf { B Q L M ^ { \star } }$ </td><td>1.97</td><td>48.8</td><td>13.8</td></tr></table>
"""


def test_pdf_converted_html_table_with_latex_cells() -> None:
    doc = make_doc(PDF_CONVERTED)
    claims = extract_table_claims(doc)
    assert facts(claims) == {("ZiPQ#", "MMLU", 36.8), ("ZiPQ#", "GSM8k", 6.2),
                             ("BQLM", "MMLU", 48.8), ("BQLM", "GSM8k", 13.8)}
    assert_quotes_exact(doc, claims)


def test_recovery_columns_are_not_models() -> None:
    text = ("| Benchmark | Nova-12B | Nova-12B-FP8 | Recovery (%) |\n|---|---|---|---|\n"
            "| DocVQA (val) | 89.47 | 89.20 | 99.70% |\n")
    claims = extract_table_claims(make_doc(text))
    assert facts(claims) == {("Nova-12B", "DocVQA", 89.47), ("Nova-12B-FP8", "DocVQA", 89.2)}


def test_condition_column_beside_the_model_becomes_the_setting() -> None:
    text = ("| Model | Optimizer | Params | HellaSwag |\n|---|---|---|---|\n"
            "| Nova-7B | 32-bit AdamW | 7B | 74.6 |\n| | 4-bit AdamW | 7B | 74.7 |\n")
    claims = extract_table_claims(make_doc(text))
    assert {(c.model, c.value, c.setting) for c in claims} == {("Nova-7B", 74.6, "32-bit AdamW"),
                                                               ("Nova-7B", 74.7, "4-bit AdamW")}


def test_metric_columns_of_a_one_model_table_belong_to_the_document_subject() -> None:
    text = "# Lumen: Retrieval at Scale\n\n| Dataset | EM | F1 |\n|---|---|---|\n| HotpotQA | 45.3 | 58.2 |\n| NQ | 41.0 | 50.1 |\n"
    claims = extract_table_claims(make_doc(text))
    assert {(c.model, c.benchmark, c.value, c.metric) for c in claims} == {
        ("Lumen", "HotpotQA", 45.3, "EM"), ("Lumen", "HotpotQA", 58.2, "F1"),
        ("Lumen", "NQ", 41.0, "EM"), ("Lumen", "NQ", 50.1, "F1")}
    no_subject = "| Dataset | EM | F1 |\n|---|---|---|\n| HotpotQA | 45.3 | 58.2 |\n"
    assert extract_table_claims(make_doc(no_subject)) == []


def test_an_average_column_is_a_result_of_its_own_but_avg_bits_is_not() -> None:
    text = "| Model | MMLU | GSM8K | Avg. | Avg bits |\n|---|---|---|---|---|\n| Foo-7B | 70.1 | 80.2 | 75.2 | 4.1 |\n"
    assert facts(extract_table_claims(make_doc(text))) == {("Foo-7B", "MMLU", 70.1), ("Foo-7B", "GSM8K", 80.2),
                                                           ("Foo-7B", "Avg.", 75.2)}


def test_codeforces_column_is_a_rating() -> None:
    text = "## Results\n\n| Model | Codeforces | AIME 2024 |\n|---|---|---|\n| Lumen-7B | 1691 | 55.5 |\n"
    doc = Document(source="t.md", path="t.md", text=text, sha256="0")
    got = {(c.benchmark, c.unit) for c in get_extractor("rules").extract(doc).claims}
    assert got == {("Codeforces", "elo"), ("AIME 2024", "score")}


def test_lm_evaluation_harness_summary_is_one_model_per_task_with_its_filter_and_shots() -> None:
    text = """# Finch-9B: evaluation with lm-evaluation-harness

    |  Tasks  |Version|     Filter     |n-shot|  Metric   |   |Value |   |Stderr|
    |---------|------:|----------------|-----:|-----------|---|-----:|---|-----:|
    |gsm8k    |      3|flexible-extract|     5|exact_match|↑  |0.8241|±  |0.0105|
    |         |       |strict-match    |     5|exact_match|↑  |0.7680|±  |0.0116|
    |mmlu     |      2|none            |      |acc        |↑  |0.6874|±  |0.0037|
"""
    doc = get_extractor("rules").extract(make_doc(text)).document
    claims = extract_table_claims(doc)
    assert facts(claims) == {("Finch-9B", "gsm8k", 0.8241), ("Finch-9B", "gsm8k", 0.768), ("Finch-9B", "mmlu", 0.6874)}
    by_value = {c.value: c for c in claims}
    assert by_value[0.768].setting == "strict-match, 5-shot" and by_value[0.768].metric == "exact match"
    assert by_value[0.6874].metric in ("acc", "accuracy")
    assert_quotes_exact(doc, claims)


def test_a_shots_column_of_numbers_is_the_rows_setting_not_a_model() -> None:
    text = "| Benchmark | Shots | Finch-9B | GPT-4o |\n|---|---|---|---|\n| MMLU | 5 | 71.2 | 88.7 |\n| GSM8K | 8 | 80.1 | 95.8 |\n"
    claims = extract_table_claims(make_doc(text))
    assert facts(claims) == {("Finch-9B", "MMLU", 71.2), ("GPT-4o", "MMLU", 88.7), ("Finch-9B", "GSM8K", 80.1),
                             ("GPT-4o", "GSM8K", 95.8)}
    assert {c.setting for c in claims} == {"5-shot", "8-shot"}
