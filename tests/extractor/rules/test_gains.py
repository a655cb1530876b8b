"""Gains with no baseline of their own: an unnamed baseline, or the one an earlier clause named."""

from __future__ import annotations

from extractor.base import get_extractor
from schemas import ComparisonClaim, Document


def comparisons(text: str) -> list[ComparisonClaim]:
    doc = Document(source="doc.md", path="doc.md", text=text, sha256="0")
    claims = get_extractor("rules").extract(doc).claims
    for c in claims:
        assert text[c.start:c.end] == c.quote
    return [c for c in claims if isinstance(c, ComparisonClaim)]


def test_zh_gain_with_nobody_named_is_over_the_unnamed_baseline():
    (c,) = comparisons("Lumen-7B 在 GSM8K 上的准确率提升了 4.2%。")
    assert (c.model, c.baseline, c.benchmark, c.delta, c.unit) == ("Lumen-7B", "baseline", "GSM8K", 4.2, "%")


def test_en_improves_by_without_over_is_over_the_unnamed_baseline():
    (c,) = comparisons("Lumen-7B improves accuracy on MATH by 3.1 points.")
    assert (c.model, c.baseline, c.benchmark, c.delta) == ("Lumen-7B", "baseline", "MATH", 3.1)


def test_later_clause_continues_the_named_comparison_on_its_own_benchmark():
    found = comparisons("Lumen-7B 在 GenEval 上比 SD-XL 高出 2 分，在 DPGBench 上高出 5 分。")
    got = {(c.model, c.baseline, c.benchmark, c.delta) for c in found}
    assert got == {("Lumen-7B", "SD-XL", "GenEval", 2.0), ("Lumen-7B", "SD-XL", "DPGBench", 5.0)}


def test_gain_inside_a_state_of_the_art_statement_is_over_the_state_of_the_art():
    found = comparisons("Lumen-7B 取得了最先进的结果（在 MLVU 和 LongVideoBench 上提升了超过 5%）。")
    assert {(c.baseline, c.benchmark) for c in found} == {("state-of-the-art", "MLVU"),
                                                          ("state-of-the-art", "LongVideoBench")}


def test_bullet_label_before_parentheses_is_the_benchmark():
    text = "## Lumen-OCR\n\n  • 文本分割(Zero-Shot 性能提升 18.78%)\n  • 文本检索(Zero-Shot 性能提升 50.33%)\n"
    got = {(c.model, c.benchmark, c.delta) for c in comparisons(text)}
    assert got == {("Lumen-OCR", "文本分割", 18.78), ("Lumen-OCR", "文本检索", 50.33)}


def test_gains_in_speed_cost_or_from_to_are_no_comparison():
    assert comparisons("Lumen-7B 的推理速度提升了 40%，显存占用降低了 30%。") == []
    assert comparisons("Lumen-7B improves throughput by 35%.") == []
    assert not any(c.baseline == "baseline" for c in comparisons("Lumen-7B 在 AIME 上从 30% 提升了到 50%。"))


def test_value_of_the_existing_best_is_its_own_and_is_compared():
    text = "# Lumen-7B\n\n例如，现有最优方法在 Wikitext 上的困惑度 (PPL) 达到 10 或更高，但 Lumen-7B 实现了显著更低的 6.72 PPL。"
    doc = Document(source="doc.md", path="doc.md", text=text, sha256="0")
    claims = get_extractor("rules").extract(doc).claims
    assert {(c.model, c.value) for c in claims if c.kind == "score"} == {("现有最优方法", 10.0), ("Lumen-7B", 6.72)}
    assert {(c.model, c.baseline) for c in claims if isinstance(c, ComparisonClaim)} == {("Lumen-7B", "现有最优方法")}


def test_user_study_is_a_benchmark():
    doc = Document(source="doc.md", path="doc.md", sha256="0",
                   text="此外，本文还通过 user study 证明用户更加偏好 Lumen-3D 的渲染效果，获得了超过 95% 的投票率。")
    (c,) = get_extractor("rules").extract(doc).claims
    assert (c.kind, c.model, c.benchmark, c.value) == ("score", "Lumen-3D", "user study", 95.0)


def test_rise_from_the_base_models_value_is_the_base_models_score():
    text = "作者在 Orca-Math-7B 上训练得到 Lumen-7B。该模型在 AIME 2024 上的准确率从基座模型的 16.7% 提升到 43.3%。"
    doc = Document(source="doc.md", path="doc.md", text=text, sha256="0")
    claims = get_extractor("rules").extract(doc).claims
    assert {(c.model, c.value) for c in claims if c.kind == "score"} == {("Orca-Math-7B", 16.7), ("Lumen-7B", 43.3)}
    assert {(c.model, c.baseline) for c in claims if isinstance(c, ComparisonClaim)} == {("Lumen-7B", "Orca-Math-7B")}


def test_versus_pair_belongs_to_the_baseline_named_right_before_it():
    text = "# Lumen-8B\n\nOn MATH it is on par with GPT-4o-mini (71.4 vs. 70.2) and surpasses Llama-3.1-70B-Instruct."
    doc = Document(source="doc.md", path="doc.md", text=text, sha256="0")
    scores = {(c.model, c.value) for c in get_extractor("rules").extract(doc).claims if c.kind == "score"}
    assert scores == {("Lumen-8B", 71.4), ("GPT-4o-mini", 70.2)}


def test_count_of_a_total_is_the_count():
    for text in ("Lumen-7B 在 SWE-bench Verified 上解决了 500 个问题中的 231 个。",
                 "Lumen-7B 在 SWE-bench Verified 上解决了 231 个问题。"):
        doc = Document(source="doc.md", path="doc.md", text=text, sha256="0")
        (c,) = get_extractor("rules").extract(doc).claims
        assert (c.model, c.benchmark, c.value) == ("Lumen-7B", "SWE-bench Verified", 231.0)


def test_the_models_accuracy_is_the_topics_and_fewer_steps_is_no_result():
    text = ("## Lumen-7B\n\nLumen-7B 在 AIME 2024 基准上获得了 50 分，同时训练步数还少 50%。\n\n"
            "如图所示，可以看到 Lumen-7B 在 AIME 2024 上的提升情况。随着训练步数增长，模型准确度从 0% 稳步升至了 45%。\n"
            "Orca-7B 模型的表现优于 Falcon-7B。\n")
    doc = Document(source="doc.md", path="doc.md", text=text, sha256="0")
    claims = get_extractor("rules").extract(doc).claims
    scores = {(c.model, c.value, c.unit) for c in claims if c.kind == "score"}
    assert ("Lumen-7B", 50.0, "%") not in scores  # "训练步数还少 50%": a cost, not a result
    assert ("Lumen-7B", 45.0, "%") in scores  # "模型准确度": the model the text is about
    assert {(c.model, c.baseline) for c in claims if isinstance(c, ComparisonClaim)} == {("Orca-7B", "Falcon-7B")}
