"""Prose patterns of the rules backend, zh and en: scores, ranges, lists, deltas, comparisons."""

from __future__ import annotations

import pytest

from extractor.base import get_extractor
from schemas import ComparisonClaim, Document, ScoreClaim


def extract(text: str, source: str = "doc.md") -> list[ScoreClaim | ComparisonClaim]:
    doc = Document(source=source, path=source, text=text, sha256="0")
    claims = get_extractor("rules").extract(doc).claims
    for c in claims:  # the offsets invariant holds for every claim
        assert text[c.start:c.end] == c.quote
        assert c.source == source and c.extractor == "rules"
    return claims


def scores(text: str) -> list[ScoreClaim]:
    return [c for c in extract(text) if isinstance(c, ScoreClaim)]


def comparisons(text: str) -> list[ComparisonClaim]:
    return [c for c in extract(text) if isinstance(c, ComparisonClaim)]


def test_zh_model_on_benchmark_reaches_percent():
    (c,) = scores("## 评测\nNovaLM-7B 在 GSM8K 上达到了 83.4% 的准确率。\n")
    assert (c.model, c.benchmark, c.value, c.unit, c.metric) == ("NovaLM-7B", "GSM8K", 83.4, "%", "accuracy")
    assert c.section == "评测"


def test_zh_benchmark_accuracy_is():
    (c,) = scores("Orca-Lite 在 HellaSwag 上的准确率为 71.2%。")
    assert (c.model, c.benchmark, c.value) == ("Orca-Lite", "HellaSwag", 71.2)


def test_unknown_benchmark_in_location_phrase():
    (c,) = scores("TinyJudge 在 FooEval-2 上取得了 64.5% 的 F1。")
    assert c.benchmark == "FooEval-2" and c.metric == "F1"


def test_en_achieves_on_and_scores_on():
    got = {(c.model, c.benchmark, c.value) for c in scores(
        "Zephyr-Pro achieves 77.9% on MMLU. Falcon-40B scores 45.1 on GPQA.")}
    assert got == {("Zephyr-Pro", "MMLU", 77.9), ("Falcon-40B", "GPQA", 45.1)}


def test_elo_and_points():
    (c,) = scores("Sparrow-2 在 Codeforces 上的 Elo 得分为 2104。")
    assert (c.value, c.unit, c.metric) == (2104, "elo", "Elo")


def test_range_gives_value_high():
    (c,) = scores("Kestrel-3 在 MathBench 上解决了 62% 到 88% 的问题。")
    assert (c.value, c.value_high) == (62, 88)


def test_values_aligned_with_benchmark_list_respectively():
    got = [(c.benchmark, c.value) for c in scores(
        "在 GSM8K、MATH 和 HumanEval 上，Quill-8B 分别达到了 81.0%、45.5% 和 60.2%。")]
    assert got == [("GSM8K", 81.0), ("MATH", 45.5), ("HumanEval", 60.2)]


def test_before_and_after_values_with_settings():
    got = {(c.value, c.setting) for c in scores(
        "Heron-R1 在 AIME 2024 上的 pass@1 从 12.5% 提高到了 64.0%，使用多数投票时为 80.1%。")}
    assert {v for v, _ in got} == {12.5, 64.0, 80.1}
    assert ("pass@1" in {s for _, s in got})


def test_pronoun_resolves_to_section_subject():
    text = "## Osprey: Small Reasoners\n它在 GPQA 上达到了 52.3%。\n"
    (c,) = scores(text)
    assert c.model == "Osprey"


def test_our_method_resolves_to_section_subject_en():
    (c,) = scores("## Wren: Cheap Retrieval\nOur method reaches 66.1% recall@1 on NQ.\n")
    assert (c.model, c.benchmark, c.value) == ("Wren", "NQ", 66.1)


def test_one_comparison_per_baseline_in_zh_list():
    got = {(c.model, c.baseline, c.relation) for c in comparisons(
        "Puffin-13B 显著优于 Llama-2-13B、Vicuna-13B 和 Baichuan2-13B。")}
    assert got == {("Puffin-13B", b, "outperforms") for b in ("Llama-2-13B", "Vicuna-13B", "Baichuan2-13B")}


def test_one_comparison_per_baseline_in_en_list_with_delta():
    got = comparisons("Gannet-7B outperforms Mistral-7B, Gemma-7B and Qwen1.5-7B on ARC-Challenge by 4.2 points.")
    assert {c.baseline for c in got} == {"Mistral-7B", "Gemma-7B", "Qwen1.5-7B"}
    assert all(c.delta == 4.2 and c.unit == "points" and c.benchmark == "ARC-Challenge" for c in got)
    assert not scores("Gannet-7B outperforms Mistral-7B on ARC-Challenge by 4.2 points.")  # a margin, not a score


def test_zh_than_pattern_with_delta_and_benchmark():
    (c,) = comparisons("在 GenEval 上，Lumen-XL 比 SD-XL 高出 3 分。")
    assert (c.model, c.baseline, c.benchmark, c.delta, c.unit) == ("Lumen-XL", "SD-XL", "GenEval", 3, "points")


def test_matches_and_underperforms():
    (m,) = comparisons("Tern-32B 的表现与 o1 相当。")
    assert (m.model, m.baseline, m.relation) == ("Tern-32B", "o1", "matches")
    (u,) = comparisons("Tern-8B 在编程任务上落后于 GPT-4o。")
    assert (u.model, u.baseline, u.relation) == ("Tern-8B", "GPT-4o", "underperforms")
    (e,) = comparisons("Tern-32B is on par with Claude 3.5 Sonnet.")
    assert (e.baseline, e.relation) == ("Claude 3.5 Sonnet", "matches")


def test_unnamed_baseline():
    (c,) = comparisons("## Finch: Visual Tuning\nFinch 的准确率比基线模型提高了 12.5%。\n")
    assert (c.model, c.baseline, c.delta, c.unit) == ("Finch", "baseline", 12.5, "%")


def test_compared_with_clause():
    (c,) = comparisons("与 GRPO 相比，Plover 在 AIME 2025 上表现更好。")
    assert (c.model, c.baseline, c.relation, c.benchmark) == ("Plover", "GRPO", "outperforms", "AIME 2025")


def test_descriptive_baseline_needs_a_head_word():
    (c,) = comparisons("## Shrike: Fast Decoding\n该方法显著优于现有的推测解码方法。\n")
    assert c.model == "Shrike" and "推测解码方法" in c.baseline
    assert not comparisons("## Shrike: Fast Decoding\n该方法超过了我们的预期。\n")


@pytest.mark.parametrize("text", [
    "NovaLM 在 GSM8K 上达到了 83.4%。",
    "Gannet-7B outperforms Mistral-7B, Gemma-7B and Qwen1.5-7B on ARC-Challenge by 4.2 points.",
    "在 GSM8K、MATH 和 HumanEval 上，Quill-8B 分别达到了 81.0%、45.5% 和 60.2%。",
])
def test_quotes_are_exact_slices_with_surrounding_text(text):
    padded = "前文。\n" + text + "\n后文。"
    claims = extract(padded)
    assert claims
    assert all(padded[c.start:c.end] == c.quote and c.quote in text for c in claims)


def test_en_list_of_relations_and_improvement_over():
    got = {(c.baseline, c.relation) for c in comparisons(
        "## Tern: Sparse Reasoning\nOur model reaches 91.0% on MATH-500, surpassing o1-mini and matching Qwen-QwQ-32B.\n")}
    assert got == {("o1-mini", "outperforms"), ("Qwen-QwQ-32B", "matches")}
    claims = extract("On HumanEval, Tern-7B scores 71.3, an improvement of 5.5 points over the previous best open model.")
    (s,) = [c for c in claims if isinstance(c, ScoreClaim)]
    assert s.value == 71.3  # the margin is not a score
    (c,) = [c for c in claims if isinstance(c, ComparisonClaim)]
    assert (c.model, c.delta, c.unit, c.benchmark) == ("Tern-7B", 5.5, "points", "HumanEval")
    assert "previous best open model" in c.baseline


def test_second_only_to_is_underperforms():
    (c,) = comparisons("在 SWE-bench Verified 上，Lynx-2 仅次于 Claude Sonnet 4.5。")
    assert (c.model, c.baseline, c.relation, c.benchmark) == ("Lynx-2", "Claude Sonnet 4.5", "underperforms",
                                                                "SWE-bench Verified")


def test_respectively_aligns_values_with_listed_models():
    got = {(c.model, c.value) for c in scores("Osprey-7B and Osprey-13B achieve 61.2% and 68.9% on MMLU, respectively.")}
    assert got == {("Osprey-7B", 61.2), ("Osprey-13B", 68.9)}
    got_zh = {(c.model, c.value) for c in scores("Osprey-7B 和 Osprey-13B 在 MMLU 上分别达到 61.2% 和 68.9%。")}
    assert got_zh == {("Osprey-7B", 61.2), ("Osprey-13B", 68.9)}


# ---- English margins: the number next to a comparative word is the comparison's delta, never a score


@pytest.mark.parametrize("sentence, baseline, delta, unit, relation", [
    ("On MATH, Wren-9B is 6.1 points higher than Heron-13B.", "Heron-13B", 6.1, "points", "outperforms"),
    ("Wren-9B scores 81.2% on MATH, 10 points above Heron-13B.", "Heron-13B", 10, "points", "outperforms"),
    ("Wren-9B improves MATH by 3.2 points over Heron-13B.", "Heron-13B", 3.2, "points", "outperforms"),
    ("Compared to Heron-13B, Wren-9B is 4.5% better on MATH.", "Heron-13B", 4.5, "%", "outperforms"),
    ("Relative to Heron-13B, Wren-9B gains 12.5% on MATH.", "Heron-13B", 12.5, "%", "outperforms"),
    ("On MATH, Wren-9B is 2 points lower than Heron-13B.", "Heron-13B", 2, "points", "underperforms"),
])
def test_en_margin_is_the_delta_not_a_score(sentence, baseline, delta, unit, relation):
    claims = extract(f"## Results\n{sentence}\n")
    (c,) = [c for c in claims if isinstance(c, ComparisonClaim)]
    assert (c.model, c.baseline, c.benchmark, c.delta, c.unit, c.relation) == (
        "Wren-9B", baseline, "MATH", delta, unit, relation)
    assert all(s.value != delta for s in claims if isinstance(s, ScoreClaim))


def test_above_and_below_need_a_name_right_after():
    text = "## Results\nWren-9B scores above 90% on MATH, as shown below in Heron-13B's table.\n"
    assert comparisons(text) == []


def test_above_a_name_described_after_the():
    text = "On GPQA Diamond, Helix-Ultra reaches 71.2, comfortably above the prior-generation Helix-Large."
    assert [(c.model, c.baseline, c.relation) for c in comparisons(text)] == [
        ("Helix-Ultra", "Helix-Large", "outperforms")]
    assert comparisons("Wren-9B scores above the 90% mark on MATH, as the Heron-13B table shows.") == []


# ---- Chinese brand names with a Latin size, rank words, lists with values, owned values


def test_zh_brand_with_latin_size_is_the_subject():
    text = ("# 青松-13B 发布\n\n## 评测\n青松-13B 在 C-Eval 上取得 82.5 分。\n"
            "在 MATH 基准上，青松-13B 的准确率达到 48.6%，比 Qwen-14B 高 6.3 个百分点。\n")
    got = extract(text)
    assert {c.model for c in got} == {"青松-13B"}
    (c,) = [c for c in got if isinstance(c, ComparisonClaim)]
    assert (c.baseline, c.benchmark, c.delta) == ("Qwen-14B", "MATH", 6.3)


def test_zh_leads_the_runner_up_by_a_margin():
    text = "## 评测\n在 LongBench 上，Kite-13B 以 52.3 的平均分位列第一，领先第二名 Yi-34B 约 2 分。\n"
    (c,) = comparisons(text)
    assert (c.model, c.baseline, c.relation, c.delta) == ("Kite-13B", "Yi-34B", "outperforms", 2)
    assert all(s.model != "Yi-34B" for s in scores(text))


def test_en_list_of_baselines_with_their_values():
    text = "## Results\nOn GPQA, Wren-9B achieves 41.2%, surpassing Heron-3B (38.5%) and Ibis-3B (33.1%).\n"
    assert {c.baseline for c in comparisons(text)} == {"Heron-3B", "Ibis-3B"}
    assert {(s.model, s.value) for s in scores(text)} == {("Wren-9B", 41.2), ("Heron-3B", 38.5), ("Ibis-3B", 33.1)}


@pytest.mark.parametrize("sentence, relation", [
    ("Wren-9B performs comparably to Heron-13B on MATH.", "matches"),
    ("Wren-9B is on a par with Heron-13B on MATH.", "matches"),
    ("Wren-9B outscores Heron-13B on MATH.", "outperforms"),
    ("Wren-9B edges out Heron-13B on MATH.", "outperforms"),
])
def test_more_english_comparison_verbs(sentence, relation):
    (c,) = comparisons(f"## Results\n{sentence}\n")
    assert (c.model, c.baseline, c.benchmark, c.relation) == ("Wren-9B", "Heron-13B", "MATH", relation)


def test_value_after_a_named_baseline_with_a_head_word_is_the_baselines():
    text = "## Results\nWren-9B achieves 30.4 BLEU on WMT14 En-De, outperforming the Heron-big baseline (28.4).\n"
    got = {(s.model, s.value) for s in scores(text)}
    assert got == {("Wren-9B", 30.4), ("Heron-big", 28.4)}
    assert all(c.model != "En-De" for c in extract(text))  # a translation direction is not a model


def test_comparison_right_after_a_result_is_about_that_benchmark():
    text = ("## 评测\nKite-13B 在 AIME 2024 上的 pass@1 从 15.6% 提升到 71.0%。\n\n"
            "最终 Kite-13B 达到与 o1-preview 相当的水平。\n")
    (c,) = comparisons(text)
    assert (c.model, c.baseline, c.benchmark) == ("Kite-13B", "o1-preview", "AIME 2024")


def test_comparison_about_many_benchmarks_inherits_none():
    text = ("## 评测\nKite-13B 在 AIME 2024 上的 pass@1 达到 71.0%。\n\n"
            "Kite-13B 在多个基准上超越了 o1-preview。\n")
    (c,) = comparisons(text)
    assert (c.baseline, c.benchmark) == ("o1-preview", None)


# ---- owners of values, chained comparisons, margins behind, comparisons on every benchmark


def test_possessive_owner_is_not_part_of_the_name():
    text = "## Results\nOn GPQA, Wren-9B outperforms OpenAI's GPT-4o.\n"
    (c,) = comparisons(text)
    assert c.baseline == "GPT-4o"


def test_value_for_its_predecessor_belongs_to_the_predecessor():
    text = "## Results\nWren-9B resolves 49.2% of issues in SWE-bench Verified, up from 33.6% for its predecessor Wren-8B.\n"
    assert {(s.model, s.value) for s in scores(text)} == {("Wren-9B", 49.2), ("Wren-8B", 33.6)}


def test_chained_english_comparisons_keep_the_subject():
    text = ("## Results\nWren-9B scores 85.4 on HumanEval, edging out Heron-14B by 1.9 points, "
            "and trails Ibis-14B on MMLU by 3.6 points.\n")
    got = {(c.model, c.baseline, c.relation, c.delta) for c in comparisons(text)}
    assert got == {("Wren-9B", "Heron-14B", "outperforms", 1.9), ("Wren-9B", "Ibis-14B", "underperforms", 3.6)}


def test_within_points_of_is_a_margin_behind():
    text = "## Results\nWren-9B comes within 2 points of Heron-70B on GPQA Diamond.\n"
    (c,) = comparisons(text)
    assert (c.baseline, c.relation, c.delta, c.benchmark) == ("Heron-70B", "underperforms", 2, "GPQA Diamond")
    assert scores(text) == []
    assert scores("## Results\nOn MMLU the two routers are within 0.2 points of each other.\n") == []


def test_zh_both_beat_covers_every_benchmark_named_before():
    text = "## 评测\nKite-7B 在 HumanEval 上达到 88.4%，在 MBPP 上达到 75.3%，均超过同规模的 Heron-7B。\n"
    assert {(c.benchmark, c.baseline) for c in comparisons(text)} == {("HumanEval", "Heron-7B"), ("MBPP", "Heron-7B")}


def test_zh_lead_on_one_benchmark_and_trail_on_another_are_two_claims():
    text = "## 评测\nKite-8B 在 MathVista 上领先 Heron-8B 2.7 个点，在 MMMU 上略逊于 Heron-8B。\n"
    got = {(c.benchmark, c.relation, c.delta) for c in comparisons(text)}
    assert got == {("MathVista", "outperforms", 2.7), ("MMMU", "underperforms", None)}


def test_a_stated_comparison_is_not_repeated_the_other_way_round():
    text = "## 评测\nKite-7B 在 LiveCodeBench 上拿到 57.2 分，略低于 Heron-7B 的 60.0 分。\n"
    got = {(c.model, c.baseline, c.relation) for c in comparisons(text)}
    assert got == {("Kite-7B", "Heron-7B", "underperforms")}


def test_a_drop_is_not_a_score():
    assert scores("## 评测\nKite-7B 在 MATH-500 上则仅下降 0.6 个点。\n") == []


def test_a_headline_states_a_claim_too():
    text = "# 刚刚，青松科技发布「青松-2」：数学推理超越 o1-mini\n\n正文介绍。\n"
    (c,) = comparisons(text)
    assert (c.model, c.baseline, c.relation) == ("青松-2", "o1-mini", "outperforms")
    assert text[c.start:c.end] == c.quote and not c.quote.startswith("#")


def test_beats_the_state_of_the_art_right_after_the_cue():
    (c,) = comparisons("## Kite\nKite视频编辑超SOTA。\n")
    assert (c.model, c.baseline) == ("Kite", "SOTA")


@pytest.mark.parametrize("sentence, value, unit", [
    ("Wren-9B reaches an Elo of 1950 on Codeforces.", 1950, "elo"),
    ("Wren-9B scored 2005 on OCRBench.", 2005, "score"),
    ("Wren-9B scored 1,287 on the Chatbot Arena leaderboard.", 1287, "score"),
])
def test_year_like_and_large_ratings_are_scores(sentence, value, unit):
    (c,) = scores(f"## Results\n{sentence}\n")
    assert (c.model, c.value, c.unit) == ("Wren-9B", value, unit)


def test_counts_and_years_are_not_scores():
    assert scores("## Results\nIn 2024, Wren-9B scored 2 wins on MMLU.\n") == []


def test_a_benchmark_referred_back_to_is_the_one_the_section_presents():
    text = ("## 3. MedQA-Kite：一个中文医疗评测基准\n该工作构建了中文医疗评测集 MedQA-Kite。\n"
            "在该基准上，表现最好的 Heron-72B 准确率为 71.6%。\n")
    (c,) = scores(text)
    assert (c.model, c.benchmark, c.value) == ("Heron-72B", "MedQA-Kite", 71.6)


def test_the_same_benchmark_is_the_one_named_before():
    text = "## Results\nWren-9B resolves 49.2% on SWE-bench Verified. Heron-8B sits at 38.8% on the same benchmark.\n"
    assert {(c.model, c.benchmark, c.value) for c in scores(text)} == {
        ("Wren-9B", "SWE-bench Verified", 49.2), ("Heron-8B", "SWE-bench Verified", 38.8)}


def test_zh_margin_after_bi_is_not_a_score():
    text = "## 评测\nKite-7B 在 MMMU 上达到 56.2%，比 LoRA 高 1.7%，比全参数微调低 0.4%。\n"
    assert [(c.model, c.value) for c in scores(text)] == [("Kite-7B", 56.2)]


def test_value_for_the_same_model_with_another_setup_is_not_the_subjects():
    text = "## Results\nWren-9B solves 23.3% of AIME 2024 problems, against 16.7% for the same model with top-2 routing.\n"
    assert [(c.model, c.value) for c in scores(text)] == [("Wren-9B", 23.3)]


def test_values_in_parentheses_after_a_baseline_are_not_the_subjects():
    text = ("## Results\nWren-9B attains 78.4 on GSM8K and 41.2 on MATH, outperforming Heron-style top-2 routing "
            "(76.1 and 38.9 respectively).\n")
    assert {(c.model, c.value) for c in scores(text)} == {("Wren-9B", 78.4), ("Wren-9B", 41.2)}
    one = "## 评测\nKite-7B 在 AIME 2024 上得到 50 分，超过 Heron 的强化学习(47 分)。\n"
    assert {(c.model, c.value) for c in scores(one)} == {("Kite-7B", 50), ("Heron", 47)}


# ---- whose number: relative clauses, names in parentheses, "X at N%"; spreads and settings


def test_owner_named_by_the_numbers_own_phrase():
    text = ("## Results\nHeron-9B came second at 42.0% on SWE-bench Verified, edging out Ibis-7B, which managed 38.8%.\n"
            "Agents pushed the success rate on WebArena to 35.8% (Kite-Agent) and 42.1% (Wren-Agent).\n"
            "Orca-VL scores 63.1% on Video-MME, roughly on par with Ibis-Video-7B at 63.3%.\n")
    assert {(c.model, c.value) for c in scores(text)} == {
        ("Heron-9B", 42.0), ("Ibis-7B", 38.8), ("Kite-Agent", 35.8), ("Wren-Agent", 42.1),
        ("Orca-VL", 63.1), ("Ibis-Video-7B", 63.3)}


def test_spread_and_shot_counts_are_not_values_and_each_value_keeps_its_own_setting():
    got = scores("## Results\nWren-9B gets 55.3 ± 0.6 (5-shot) and 49.8 ± 0.9 (0-shot) on MMLU.\n")
    assert {(c.value, c.setting) for c in got} == {(55.3, "5-shot"), (49.8, "0-shot")}


def test_numbered_part_headings_are_not_subjects():
    text = "# Wren-3B: Technical Report\n\n## 4 Reasoning and code\nGSM8K accuracy is 62.0% at maj@1.\n"
    (c,) = scores(text)
    assert (c.model, c.benchmark, c.value) == ("Wren-3B", "GSM8K", 62.0)


def test_zh_brand_glued_after_a_particle_or_classifier():
    text = ("## 评测\n灵渡科技推出的云岫-72B以总分80.6位列第一。\n"
            "其小尺寸版本云岫-14B在C-Eval上也有83.2的表现。\n")
    assert {(c.model, c.value) for c in scores(text)} >= {("云岫-14B", 83.2)}
    assert all(c.model != "云岫-72B" or c.value != 83.2 for c in scores(text))


def test_zh_headline_subject_is_not_a_size_nor_the_beaten_model():
    text = ("# 「国产7B小模型数学推理超越GPT-4o」，青松-7B开源即登顶\n\n"
            "官方数据显示，它在MATH-500上拿下了78.2%的准确率。\n")
    got = [(c.model, c.benchmark, c.value) for c in scores(text)]
    assert got == [("青松-7B", "MATH-500", 78.2)]


def test_each_baseline_with_its_own_margin():
    text = "## Results\nRetroWeave outperforms Self-RAG by 6.1 points and IRCoT by 3.8 points on HotpotQA.\n"
    got = {(c.baseline, c.delta, c.benchmark) for c in comparisons(text)}
    assert got == {("Self-RAG", 6.1, "HotpotQA"), ("IRCoT", 3.8, "HotpotQA")}


def test_a_component_is_not_the_measured_model_and_a_spread_gives_its_unit():
    text = ("## Results\nWren-Speech, which adds a Heron encoder, obtains a word error rate of 4.1% on LibriSpeech.\n"
            "Ibis-3B's resolve rate on SWE-bench Verified was 53.0 ± 1.1%.\n"
            "Removing the reranker costs a further 2.3 points on HotpotQA.\n")
    assert {(c.model, c.value, c.unit) for c in scores(text)} == {("Wren-Speech", 4.1, "%"), ("Ibis-3B", 53.0, "%")}


def test_the_verb_is_is_not_the_inception_score():
    got = scores("## Results\nOn the Pile its bits-per-byte is 0.712. GSM8K accuracy of Wren-3B is 62.0%.\n")
    assert {c.metric for c in got} <= {"bits per byte", "accuracy"} and "IS" not in {c.metric for c in got}
    (c,) = scores("## Results\nWren-Gen reaches an IS of 30.2 on ImageNet.\n")
    assert c.metric == "IS"


def test_a_report_about_one_benchmark_lends_it_to_unnamed_results():
    text = ("# Who leads SWE-bench Verified?\n\n## Details\n"
            "After the fix, Heron-32B rose to 51.6% and Ibis-V3 to 58.2%.\n"
            "Wren-3.5's resolve rate was 53.0%, so its lead over Ibis-V3 (11 points) is clear.\n")
    assert {(c.model, c.benchmark, c.value) for c in scores(text)} >= {
        ("Heron-32B", "SWE-bench Verified", 51.6), ("Wren-3.5", "SWE-bench Verified", 53.0)}
    (c,) = comparisons(text)
    assert (c.model, c.baseline, c.delta, c.benchmark) == ("Wren-3.5", "Ibis-V3", 11, "SWE-bench Verified")


def test_slash_lists_pair_sizes_or_benchmarks_with_values_in_order():
    got = {(c.model, c.benchmark, c.value) for c in scores(
        "## Lumen\nLumen 系列包含 3B/14B/32B 三个尺寸，在 MMLU 上分别为 65.2/79.8/83.1。\n")}
    assert got == {("Lumen-3B", "MMLU", 65.2), ("Lumen-14B", "MMLU", 79.8), ("Lumen-32B", "MMLU", 83.1)}
    got = {(c.benchmark, c.value) for c in scores("## Halcyon-72B\nOn GSM8K and MATH it gets 80.1/55.2.\n")}
    assert got == {("GSM8K", 80.1), ("MATH", 55.2)}


def test_a_value_list_with_no_parallel_list_is_nobodys():
    assert scores("## Halcyon-72B\nOn MATH it gets 80.1/55.2/61.0 across three seeds.\n") == []


def test_respectively_pairs_with_the_benchmarks_listed_together():
    got = {(c.benchmark, c.value) for c in scores(
        "## 玄武-14B\n在中文知识类评测上，玄武-14B 的 C-Eval 和 CMMLU 成绩分别为 86.4 和 85.9。\n")}
    assert got == {("C-Eval", 86.4), ("CMMLU", 85.9)}


def test_results_stated_as_counts_are_scores_and_totals_are_not():
    got = {(c.model, c.benchmark, c.value) for c in scores(
        "## STRIDE\nSTRIDE-8B solves 12 of the 30 problems on AIME 2024 versus 8 for GRPO.\n")}
    assert got == {("STRIDE-8B", "AIME 2024", 12), ("GRPO", "AIME 2024", 8)}
    got = {(c.model, c.value) for c in scores("## 玄鸟\n在 AIME 2024 的 30 道题中，玄鸟-MoE-236B 答对 22 道。\n")}
    assert got == {("玄鸟-MoE-236B", 22)}


def test_a_chinese_brand_opening_a_sentence_is_the_topic_of_the_next():
    text = "# Halcyon-72B: open reasoning\n\nx\n\n## 青鸾\n\n青鸾-32B 在 AIME 2024 上很强。GPQA Diamond 则略逊于 Claude 3.5 Sonnet：58.1 对 59.4。\n"
    got = {(c.model, c.value) for c in scores(text)}
    assert got == {("青鸾-32B", 58.1), ("Claude 3.5 Sonnet", 59.4)}


def test_a_comparison_takes_the_benchmark_a_plain_sentence_introduced():
    text = ("## DPT\n在全新的难度加强 Overcooked Challenge 环境上，20 个主流模型进行了测试。\n\n"
            "在单人游戏中，DPT-Agent 在得分效率和得分上均优于 ReAct 和 Reflexion。\n")
    got = {(c.baseline, c.benchmark) for c in comparisons(text)}
    assert got == {("ReAct", "Overcooked Challenge"), ("Reflexion", "Overcooked Challenge")}


def test_passive_and_name_before_xiangbi_comparisons():
    got = {(c.model, c.baseline, c.relation) for c in comparisons(
        "## DPT-Agent\nDPT-Agent 很强。在排名中，它被 JudgeLM-7B 和 Contains 超过。"
        "o3-mini-high 相比 o3-mini-medium 和 o3-mini-low 即使延迟增大，也一样呈现能力上升趋势。\n")}
    assert got == {("DPT-Agent", "JudgeLM-7B", "underperforms"), ("DPT-Agent", "Contains", "underperforms"),
                   ("o3-mini-high", "o3-mini-medium", "outperforms"), ("o3-mini-high", "o3-mini-low", "outperforms")}


def test_a_section_about_one_benchmark_lends_it_to_later_comparisons():
    text = ("## 实验\nOverlap 在 Overcooked Challenge 环境上测试了 20 个模型。" + "这里是很长的背景介绍。" * 40 +
            "\n\nDPT-Agent 优于 ReAct。\n")
    (c,) = comparisons(text)
    assert (c.model, c.baseline, c.benchmark) == ("DPT-Agent", "ReAct", "Overcooked Challenge")


def test_english_comparison_shapes_apposition_signed_margin_and_on_both():
    text = ("## Cafe-LM 13B: bilingual\nCafé-LM 13B is small. It scores 58.3 on MMLU-Pro and 71.9 on IFEval, comfortably "
            "ahead of Llama-3.1-8B-Instruct on both and within 1.5 points of Llama-3.1-70B-Instruct on IFEval.\n\n"
            "## Protégé\nWe show that Protégé-8B edges out its own teacher, QwQ-32B-Preview, on MATH-500. "
            "It reaches 40.2% on AIME 2024, +4.5% over DeepSeek-R1-Distill-Llama-8B.\n")
    got = {(c.model, c.baseline, c.benchmark, c.relation, c.delta) for c in comparisons(text)}
    assert got == {
        ("Café-LM 13B", "Llama-3.1-8B-Instruct", "MMLU-Pro", "outperforms", None),
        ("Café-LM 13B", "Llama-3.1-8B-Instruct", "IFEval", "outperforms", None),
        ("Café-LM 13B", "Llama-3.1-70B-Instruct", "IFEval", "underperforms", 1.5),
        ("Protégé-8B", "QwQ-32B-Preview", "MATH-500", "outperforms", None),
        # "It": the model the previous sentence's result was about (Protégé-8B), not just the heading's "Protégé"
        ("Protégé-8B", "DeepSeek-R1-Distill-Llama-8B", "AIME 2024", "outperforms", 4.5),
    }


def test_from_to_with_a_named_earlier_model_gives_both_scores_and_the_comparison():
    text = ("## 青鸾-32B\nArena-Hard 胜率从上一代青鸾-14B 的 52.3% 提升到了 76.8%。"
            "DeepSeek-R1-Zero 在 AIME 2024 上的表现从最初的 15.6% 提高到了 71.0%。\n")
    got = {(c.model, c.benchmark, c.value) for c in scores(text)}
    assert got == {("青鸾-14B", "Arena-Hard", 52.3), ("青鸾-32B", "Arena-Hard", 76.8),
                   ("DeepSeek-R1-Zero", "AIME 2024", 15.6), ("DeepSeek-R1-Zero", "AIME 2024", 71.0)}
    assert {(c.model, c.baseline, c.relation) for c in comparisons(text)} == {("青鸾-32B", "青鸾-14B", "outperforms")}


def test_margins_thresholds_ablations_and_dates_are_not_scores():
    text = ("## 墨子-Coder-32B\n在 SWE-bench Verified 上，墨子-Coder-32B 的解决率为 41.6%，领先 GPT-4o（33.2%）8.4 个百分点。"
            "去掉第二阶段的强化学习后，SWE-bench Verified 会掉到 31.7%。团队希望在 SWE-bench Verified 上突破 50%。"
            "墨子-Coder-32B 在 LiveCodeBench（2024.08–2025.01）上的 pass@1 为 53.1%。\n")
    got = {(c.model, c.value) for c in scores(text)}
    assert got == {("墨子-Coder-32B", 41.6), ("GPT-4o", 33.2), ("墨子-Coder-32B", 53.1)}
    got = {(c.model, c.value) for c in scores(
        "## STRIDE\nCompared to GRPO, STRIDE-8B improves MATH accuracy by 3.1, 2.7 and 2.2 points.\n")}
    assert got == set()


def test_gap_and_rival_phrasings_in_chinese():
    text = ("## 墨子-Coder-32B\n墨子-Coder-32B 在 SWE-bench Verified 上的解决率为 41.6%，与 Claude 3.5 Sonnet 的差距也缩小到了 "
            "7.4 个百分点。在 Codeforces 上，墨子-Coder-32B 离 o1-mini 还有不小的差距。天枢-MoE 在 CMMLU 上可与 Qwen2.5-7B 抗衡。\n")
    got = {(c.model, c.baseline, c.benchmark, c.relation) for c in comparisons(text)}
    assert got == {("墨子-Coder-32B", "Claude 3.5 Sonnet", "SWE-bench Verified", "underperforms"),
                   ("墨子-Coder-32B", "o1-mini", "Codeforces", "underperforms"),
                   ("天枢-MoE", "Qwen2.5-7B", "CMMLU", "matches")}


def test_a_model_a_sentence_ends_by_introducing_is_what_the_next_one_calls_it():
    (c,) = scores("## 起点\n\n起点是我们自家的基座赤霄-7B-Base。它在 AIME 2024 上只有 6.7%。\n")
    assert (c.model, c.benchmark, c.value) == ("赤霄-7B-Base", "AIME 2024", 6.7)


def test_a_short_form_of_a_model_the_document_introduced_is_that_model():
    text = ("# Ferrous-Coder 14B vs Qwen2.5-Coder-32B-Instruct: a shootout\n\nx\n\n## Numbers\n\n"
            "HumanEval+: Ferrous got 84.1 vs 82.9 for Qwen-Coder-32B, so basically a tie.\n")
    got = {(c.model, c.benchmark, c.value) for c in scores(text)}
    assert ("Ferrous-Coder 14B", "HumanEval+", 84.1) in got


def test_benchmark_value_runs_ratings_percentiles_and_dotted_versions():
    text = ("## 云雀-14B\n云雀-14B 在 MMLU（85.1）、GSM8K（92.3）和 HumanEval（78.0）上表现亮眼。"
            "在 Codeforces 上，云雀-14B 的 rating 为 1691，进入人类选手前 20%。Kimi k1.5 在 AIME 2024 上取得 77.5 分。\n")
    got = {(c.model, c.benchmark, c.value, c.unit) for c in scores(text)}
    assert got == {("云雀-14B", "MMLU", 85.1, "score"), ("云雀-14B", "GSM8K", 92.3, "score"),
                   ("云雀-14B", "HumanEval", 78.0, "score"), ("云雀-14B", "Codeforces", 1691, "elo"),
                   ("Kimi k1.5", "AIME 2024", 77.5, "points")}


def test_a_margin_list_pairs_with_the_benchmark_list():
    got = {(c.benchmark, c.delta) for c in comparisons(
        "## Aster-9B\nIt improves over Aster-8B by +4.5% and +0.9% on HumanEval and MBPP.\n")}
    assert got == {("HumanEval", 4.5), ("MBPP", 0.9)}


def test_setting_words_and_ablated_parts_are_never_subjects():
    text = ("## 赤霄-7B-R1\n赤霄-7B-R1 是我们的模型。\n\n## 第一阶段：冷启动 SFT\n\n它在 AIME 2024 上到了 30.0%。"
            "w/o RL 的版本在 MATH-500 上只有 70.1%。\n")
    assert {c.model for c in scores(text)} <= {"赤霄-7B-R1"}


def test_english_sentences_end_after_a_size_and_more_comparison_shapes():
    text = ("## Kite-3B\nOn MATH, Kite-3B ties Qwen2.5-3B. On GSM8K it is second only to Llama-3.1-8B. "
            "On MMLU it falls 3 points short of Phi-3-mini and sits 2.5 points behind Gemma-2-9B.\n")
    got = {(c.model, c.baseline, c.benchmark, c.relation, c.delta) for c in comparisons(text)}
    assert got == {("Kite-3B", "Qwen2.5-3B", "MATH", "matches", None),
                   ("Kite-3B", "Llama-3.1-8B", "GSM8K", "underperforms", None),
                   ("Kite-3B", "Phi-3-mini", "MMLU", "underperforms", 3.0),
                   ("Kite-3B", "Gemma-2-9B", "MMLU", "underperforms", 2.5)}
    assert all(". " not in c.quote for c in comparisons(text))  # no quote runs across sentences


def test_a_value_in_parentheses_after_a_model_is_that_models():
    got = {(c.model, c.benchmark, c.value) for c in scores("## Wren-8B\nOn GSM8K, Wren-8B (84.2) beats Gemma-2-9B (80.1).\n")}
    assert got == {("Wren-8B", "GSM8K", 84.2), ("Gemma-2-9B", "GSM8K", 80.1)}


def test_a_headline_brand_starts_after_the_release_verb_and_a_new_size_version_joins_its_family():
    text = ("# 智源发布悟道-Coder-14B\n\n该模型在 HumanEval 上的 pass@1 达到 85.4%。\n\n"
            "此外，团队还发布了 32B 版本，在 SWE-bench Verified 上取得 38.2% 的解决率。\n")
    got = {(c.model, c.benchmark, c.value) for c in scores(text)}
    assert got == {("悟道-Coder-14B", "HumanEval", 85.4), ("悟道-Coder-32B", "SWE-bench Verified", 38.2)}


def test_variant_words_after_a_version_stay_in_the_name_and_stand_for_it_alone():
    text = ("# Meta releases Llama 4 Scout\n\nAccording to Meta, Scout scores 74.3 on MMLU-Pro. On LiveCodeBench, "
            "Llama 4 Scout reaches 32.8%, versus 29.1% for Gemini 2.0 Flash-Lite.\n")
    got = {(c.model, c.benchmark, c.value) for c in scores(text)}
    assert got == {("Llama 4 Scout", "MMLU-Pro", 74.3), ("Llama 4 Scout", "LiveCodeBench", 32.8),
                   ("Gemini 2.0 Flash-Lite", "LiveCodeBench", 29.1)}


def test_the_source_of_a_statement_is_not_a_baseline():
    got = {c.baseline for c in comparisons(
        "## Scout\nLlama 4 Scout scores 74.3 on MMLU-Pro. That puts it ahead of Gemma 3 27B and Mistral 3.1 24B, Meta says.\n")}
    assert got == {"Gemma 3 27B", "Mistral 3.1 24B"}


def test_a_paper_abstract_names_its_method_by_the_acronym_and_margins_stay_with_their_phrase():
    text = ("# Contrastive Rollout Distillation for Small Reasoners\n\n## Abstract\n\nWe propose Contrastive Rollout "
            "Distillation (CRD), a simple method. Applied to Qwen2.5-7B, our method achieves 62.4% on MATH-500, a "
            "5.1-point gain over standard distillation, and outperforms SimPO and DPO on AIME 2024.\n")
    assert {(c.model, c.benchmark, c.value) for c in scores(text)} == {("CRD", "MATH-500", 62.4)}
    assert {(c.model, c.baseline, c.benchmark, c.delta) for c in comparisons(text)} == {
        ("CRD", "SimPO", "AIME 2024", None), ("CRD", "DPO", "AIME 2024", None)}


def test_lower_is_better_metrics_turn_a_lower_value_into_a_win():
    text = ("# 阶跃星辰开源 Step-Audio 2：语音理解全面超越 GPT-4o Audio\n\n在中文语音识别测试集 AISHELL-2 上，其字错误率（CER）"
            "仅为 2.1%，明显低于 GPT-4o Transcribe 的 4.8%。Foo-7B 在 MMLU 上的准确率比 Bar-7B 低 2 分。\n")
    got = {(c.model, c.baseline, c.benchmark, c.relation) for c in comparisons(text)}
    assert ("Step-Audio 2", "GPT-4o Transcribe", "AISHELL-2", "outperforms") in got
    assert ("Foo-7B", "Bar-7B", "MMLU", "underperforms") in got


def test_the_value_of_an_unnamed_earlier_system_is_its_own_score_and_a_comparison():
    text = ("## LongRAG\n在 NQ 数据集上，LongRAG 的答案召回率@1达到了71%（之前为52%）。"
            "o3 在 FrontierMath 基准测试中的准确率为 25.2%，相比之前最佳的 2.0% 的准确率大幅提高。\n")
    assert {(c.model, c.benchmark, c.value) for c in scores(text)} == {
        ("LongRAG", "NQ", 71.0), ("previous", "NQ", 52.0), ("o3", "FrontierMath", 25.2), ("之前最佳", "FrontierMath", 2.0)}
    assert {(c.model, c.baseline, c.relation) for c in comparisons(text)} == {
        ("LongRAG", "previous", "outperforms"), ("o3", "之前最佳", "outperforms")}


def test_a_tie_with_its_one_value_and_a_unit_word_keeps_the_document() -> None:
    # "都是 90 分": the shared value's quote ends at the value (it once ended at the space after it, the claim's
    # span no longer matched its quote, and the whole document was lost)
    claims = extract("# Wren-8B-Think\n\n在 HumanEval 上它跟 GPT-4o 打平，都是 90 分。另外 MMLU 上它是 71.2。")
    scores = {(c.model, c.benchmark, c.value) for c in claims if c.kind == "score"}
    assert scores == {("Wren-8B-Think", "HumanEval", 90.0), ("GPT-4o", "HumanEval", 90.0),
                      ("Wren-8B-Think", "MMLU", 71.2)}


def test_a_vague_shared_value_is_no_score() -> None:
    claims = extract("# Wren-8B-Think\n\n在 HumanEval 上它跟 GPT-4o 打平，都是 90 出头。")
    assert [(c.kind, c.baseline, c.relation) for c in claims] == [("comparison", "GPT-4o", "matches")]


def test_notes_shorthand_a_benchmark_version_in_parentheses_and_w_slash() -> None:
    claims = extract("# Osprey-MoE-16B\n\n- LiveCodeBench (v4 window) 24.5, roughly tied w/ Qwen2.5-7B-Instruct (24.1)\n"
                     "- IFEval strict-prompt 76.0, on par w/ Gemma-2-9B-it\n")
    assert {c.model for c in claims} == {"Osprey-MoE-16B", "Qwen2.5-7B-Instruct"}  # "v4" is the benchmark's version
    assert ("Osprey-MoE-16B", "LiveCodeBench", 24.5) in {(c.model, c.benchmark, c.value) for c in claims}
    assert ("Osprey-MoE-16B", "IFEval", 76.0) in {(c.model, c.benchmark, c.value) for c in claims}
    ties = {(c.benchmark, c.baseline) for c in claims if c.kind == "comparison" and c.relation == "matches"}
    assert ties == {("LiveCodeBench", "Qwen2.5-7B-Instruct"), ("IFEval", "Gemma-2-9B-it")}


def test_a_value_before_on_benchmark_is_that_benchmarks_even_after_another_ones_setting() -> None:
    claims = extract("The model card lists Halcyon-70B at 86.1 on MMLU (5-shot), 62.0 on GPQA Diamond and 49.2% on "
                     "SWE-bench Verified.")
    assert {(c.benchmark, c.value) for c in claims} == {("MMLU", 86.1), ("GPQA Diamond", 62.0),
                                                         ("SWE-bench Verified", 49.2)}


def test_points_clear_is_a_margin_and_a_month_range_is_no_model() -> None:
    claims = extract("# Sable-3-Mini\n\nOn the same MMLU-Pro setup Llama-3.1-8B-Instruct got 44.3, so Sable-3-Mini is "
                     "almost 20 points clear.\n\nLiveCodeBench (Oct–Feb problems): 28.7, roughly the same as "
                     "GPT-4o-mini's 28.1.")
    scores = {(c.model, c.benchmark, c.value) for c in claims if c.kind == "score"}
    assert scores == {("Llama-3.1-8B-Instruct", "MMLU-Pro", 44.3), ("Sable-3-Mini", "LiveCodeBench", 28.7),
                      ("GPT-4o-mini", "LiveCodeBench", 28.1)}
    comparisons = {(c.model, c.benchmark, c.baseline, c.relation) for c in claims if c.kind == "comparison"}
    assert comparisons == {("Sable-3-Mini", "MMLU-Pro", "Llama-3.1-8B-Instruct", "outperforms"),
                           ("Sable-3-Mini", "LiveCodeBench", "GPT-4o-mini", "matches")}


def test_a_ranking_written_with_symbols_compares_each_adjacent_pair() -> None:
    claims = extract("# 三款模型横评\n\n青鸾-32B、Kimi-k1.5 和 GLM-4-Plus 都测了。\n\n数学：青鸾 > Kimi > GLM")
    assert {(c.model, c.baseline, c.relation, c.benchmark) for c in claims} == {
        ("青鸾-32B", "Kimi-k1.5", "outperforms", None), ("Kimi-k1.5", "GLM-4-Plus", "outperforms", None)}
    en = extract("Overall on GPQA Diamond: Orion-72B > GPT-4o ≈ Claude-3.5-Sonnet.")
    assert {(c.model, c.baseline, c.relation, c.benchmark) for c in en} == {
        ("Orion-72B", "GPT-4o", "outperforms", "GPQA Diamond"), ("GPT-4o", "Claude-3.5-Sonnet", "matches", "GPQA Diamond")}


def test_a_quote_mark_or_a_tag_is_no_ranking() -> None:
    assert extract("> quoted text from Orion-72B\n\n<b>Orion-72B</b> vs <i>GPT-4o</i> is here.") == []


def test_a_described_baseline_takes_the_name_set_off_after_it() -> None:
    en = extract("# Vireo-13B-Chat\n\nVireo-13B-Chat solves 71.9% of GSM8K problems, up from 54.3% for the base model, "
                 "Vireo-13B, under the same setting.")
    assert any(c.kind == "comparison" and c.baseline == "Vireo-13B" for c in en)
    zh = extract("# 玄枢-7B\n\n在 IFEval 上准确率为 78.2%，较基座模型（Qwen2.5-7B）提高了 24.3%。")
    assert [(c.baseline, c.delta) for c in zh if c.kind == "comparison"] == [("Qwen2.5-7B", 24.3)]
    # a Chinese comma opens a clause: the name after it is no appositive
    clause = extract("## 结果\n\nOpenWebMath 训练的模型在 C4 上超越了基于人类手工规则的方法，Mistral-7B 则是 61.2%。")
    assert not any(c.kind == "comparison" and c.baseline == "Mistral-7B" for c in clause)


def test_4o_is_how_chats_write_gpt_4o() -> None:
    claims = extract("# 星河-32B\n\nSWE-bench Verified：cl3.7 是 62.3，4o 才 33.2。\n\n4o-mini sits at 48.1 on Arena-Hard.")
    scores = {(c.model, c.value, c.model_canonical) for c in claims if c.kind == "score"}
    assert ("4o", 33.2, "GPT-4o") in scores and ("4o-mini", 48.1, "GPT-4o mini") in scores


def test_a_condition_naming_a_setting_states_a_result_a_supposition_does_not() -> None:
    claims = extract("# Wren-8B-Think\n\n如果使用 maj@64，也就是 64 次采样做多数投票，它在 AIME 2024 上能达到 63.3%，"
                     "与 o1-mini 的 63.6% 基本持平。")
    assert ("Wren-8B-Think", 63.3) in {(c.model, c.value) for c in claims if c.kind == "score"}
    assert extract("# Wren-8B-Think\n\n如果使用更多数据，它在 AIME 2024 上可能会达到 70%。") == []
    assert extract("# Wren-8B-Think\n\nIf we used maj@8 it would reach 93.4 on GSM8K.") == []


def test_that_opening_a_sentence_goes_on_about_the_result_just_stated():
    text = "So the headline number is that Kestrel-3 Ultra scores 79.2% on MMLU-Pro. That is 6.6 points above GPT-4o."
    comparisons = [c for c in extract(text) if c.kind == "comparison"]
    assert [(c.model, c.baseline, c.benchmark, c.delta) for c in comparisons] == [
        ("Kestrel-3 Ultra", "GPT-4o", "MMLU-Pro", 6.6)]


def test_a_tier_word_after_a_dashed_version_is_the_short_form_of_that_model():
    text = ("Kestrel-3 Flash scores 60.1% on GPQA Diamond and Kestrel-3 Ultra scores 79.2% on MMLU-Pro. "
            "The Flash gets 71.3 on AIME 2024.")
    scores = {(c.model, c.value) for c in extract(text) if c.kind == "score"}
    assert scores == {("Kestrel-3 Flash", 60.1), ("Kestrel-3 Ultra", 79.2), ("Kestrel-3 Flash", 71.3)}


@pytest.mark.parametrize("second, model, value", [
    ("We measured Claude 3.5 Sonnet at 78.8 internally.", "Claude 3.5 Sonnet", 78.8),
    ("Qwen2.5-32B-Instruct on the exact same setup gives me 49.5.", "Qwen2.5-32B-Instruct", 49.5),
    ("Under the same setup Qwen2.5-32B-Instruct comes out at 49.8 in our runs.", "Qwen2.5-32B-Instruct", 49.8),
])
def test_a_bare_decimal_after_a_verb_of_measuring_is_a_result_on_the_paragraphs_benchmark(second, model, value):
    claims = extract("Tern-34B gets 51.0 on GPQA Diamond. " + second)
    assert (model, "GPQA Diamond", value) in {(c.model, c.benchmark, c.value) for c in claims if c.kind == "score"}


def test_this_model_is_not_the_name_the_previous_sentence_measured_against():
    text = "澄江-R1-32B在C-Eval上获得87.3分，明显领先GPT-4o。该模型在LiveCodeBench上的通过率为57.3%。"
    scores = {(c.model, c.value) for c in extract(text) if c.kind == "score"}
    assert scores == {("澄江-R1-32B", 87.3), ("澄江-R1-32B", 57.3)}


def test_what_a_reproduction_measured_stands_for_the_model_the_text_is_about():
    text = "# 复现玄鸮-R1-14B 记录\n\nGPQA Diamond 这边差得稍微多一点。我自己跑出来是 55.6，选项顺序打乱过一次。"
    assert [(c.model, c.benchmark, c.value) for c in extract(text) if c.kind == "score"] == [
        ("玄鸮-R1-14B", "GPQA Diamond", 55.6)]


def test_a_margin_after_a_contrast_is_the_named_comparisons():
    # 而 opens the clause and is no part of the name; "高出 8.4 分" is the margin over GPT-4o, not over a baseline
    claims = extract("CMMLU 上，GPT-4o 的成绩是 78.9，而知微-32B 达到了 87.3，高出 8.4 分。")
    assert {(c.model, c.value) for c in claims if isinstance(c, ScoreClaim)} == {("GPT-4o", 78.9), ("知微-32B", 87.3)}
    assert [(c.model, c.baseline, c.relation, c.delta) for c in claims if isinstance(c, ComparisonClaim)] == [
        ("知微-32B", "GPT-4o", "outperforms", 8.4)]


def test_a_version_and_tier_stand_for_the_full_name():
    # "2.1-Pro" of "Halyard-2.1-Pro" is a name, not the value 2.1; a name with its own value in a note after a value
    # is set against it, not its owner; a dashed name ending a sentence ("… Halyard-2.0-Pro.") is a name too
    text = ("Halyard-2.1-Pro replaces Halyard-2.0-Pro. On SWE-bench Verified, Claude 3.5 Sonnet is reported at 49.0%, "
            "so 2.1-Pro comes out ahead of it by 9.4 points. GPQA Diamond rises to 65.1 (2.0-Pro: 59.8).")
    claims = extract(text)
    assert {(c.model, c.value) for c in claims if isinstance(c, ScoreClaim)} == {
        ("Claude 3.5 Sonnet", 49.0), ("Halyard-2.1-Pro", 65.1), ("Halyard-2.0-Pro", 59.8)}
    assert [(c.model, c.baseline, c.delta) for c in claims if isinstance(c, ComparisonClaim)] == [
        ("Halyard-2.1-Pro", "Claude 3.5 Sonnet", 9.4)]


@pytest.mark.parametrize("text", [
    "Sable-8B does not beat GPT-4o on MMLU.", "Sable-8B doesn't beat GPT-4o on MMLU.",
    "Sable-8B fails to beat GPT-4o on MMLU.", "Sable-8B is not quite ahead of GPT-4o on MMLU.",
    "Sable-8B 在 MMLU 上没有超过 GPT-4o。", "Sable-8B 在 MMLU 上未能超越 GPT-4o。", "Sable-8B 在 MMLU 上并不优于 GPT-4o。"])
def test_a_negated_win_is_a_loss(text):
    assert [(c.model, c.baseline, c.relation) for c in comparisons(text)] == [("Sable-8B", "GPT-4o", "underperforms")]


@pytest.mark.parametrize("text", ["Sable-8B not only beats GPT-4o on MMLU.", "Sable-8B 在 MMLU 上不仅超过 GPT-4o。"])
def test_not_only_is_no_negation(text):
    assert [(c.model, c.baseline, c.relation) for c in comparisons(text)] == [("Sable-8B", "GPT-4o", "outperforms")]


@pytest.mark.parametrize("text, relation", [
    ("# 玄枢-V2\n\n相比上一代 玄枢-V1，C-Eval 从 81.4 提到 89.7，涨了 8 个多点。", "outperforms"),
    ("# 玄枢-V2\n\n与玄枢-V1 相比，C-Eval 从 81.4 掉到 79.7。", "underperforms")])
def test_more_verbs_of_a_change_from_one_value_to_another(text, relation):
    claims = extract(text)
    assert sorted((c.model, c.value) for c in claims if isinstance(c, ScoreClaim))[0][0] == "玄枢-V1"
    assert [(c.model, c.baseline, c.relation) for c in claims if isinstance(c, ComparisonClaim)] == [
        ("玄枢-V2", "玄枢-V1", relation)]


def test_a_model_introduced_by_a_description_is_the_topic_and_a_name_then_comma_at_owns_its_value():
    text = ("**10:09** — First results slide. The lab's new 7B reasoning model, Osprey-R-7B, gets 55.5 on AIME 2024. "
            "Right next to it she puts DeepSeek-R1-Distill-Qwen-7B, also at 55.4 under their protocol.\n\n"
            "**10:35** — Code, briefly. LiveCodeBench 27.4, essentially level with Qwen2.5-7B-Instruct's 26.8.\n")
    claims = extract(text)
    assert {(c.model, c.benchmark, c.value) for c in claims if isinstance(c, ScoreClaim)} == {
        ("Osprey-R-7B", "AIME 2024", 55.5), ("DeepSeek-R1-Distill-Qwen-7B", "AIME 2024", 55.4),
        ("Osprey-R-7B", "LiveCodeBench", 27.4), ("Qwen2.5-7B-Instruct", "LiveCodeBench", 26.8)}


def test_a_description_of_an_earlier_or_a_base_model_does_not_make_it_the_topic():
    text = ("The lab's new model, Osprey-R-7B, gets 55.5 on AIME 2024.\n\n"
            "Their June preview release, Osprey-R-7B-0612, scored 42.1 on AIME 2024.\n\n"
            "LiveCodeBench 27.4 in her table.\n")
    assert [(c.model, c.value) for c in extract(text)] == [
        ("Osprey-R-7B", 55.5), ("Osprey-R-7B-0612", 42.1), ("Osprey-R-7B", 27.4)]


def test_a_chat_line_opening_with_its_time_is_read_and_an_evaluation_run_names_its_model():
    text = ("# #eval-kestrel\n\n## Tuesday\n\n"
            "[09:02] Priya: morning all. overnight sweep on kestrel-34b-rc3 finished around 4am, dashboards are up\n"
            "[09:03] Priya: headline: MMLU-Pro 71.8 (5-shot CoT). GPQA Diamond 52.5, which is basically flat\n"
            "[09:05] Dan: see [the dashboard](https://example.org/d) 71.8\n")
    assert {(c.model, c.benchmark, c.value) for c in extract(text) if isinstance(c, ScoreClaim)} == {
        ("kestrel-34b-rc3", "MMLU-Pro", 71.8), ("kestrel-34b-rc3", "GPQA Diamond", 52.5)}


@pytest.mark.parametrize("text", [
    "在 AIME 2024 上，青岚-R1-14B 达到 72.8%，比 DeepSeek-R1-Distill-Qwen-14B（69.7%）高 3.1 个点。",
    "在 AIME 2024 上，青岚-R1-14B 达到 72.8%，比同尺寸的 DeepSeek-R1-Distill-Qwen-14B 高 3.1 个点。"])
def test_a_long_name_and_its_value_between_bi_and_gao(text):
    assert [(c.model, c.baseline, c.delta) for c in comparisons(text)] == [
        ("青岚-R1-14B", "DeepSeek-R1-Distill-Qwen-14B", 3.1)]


def test_even_x_cannot_beat_names_the_baseline_between_lian_and_dou():
    claims = extract("## 结果\n\nAIME 2024 上星河-Pro 2.0 是 46.7%，星河-Pro 2.0连o1-mini都打不过。Kimi-k1.5 连 GPT-4o 都不如。"
                     "小模型打不过 GPT-4o。\n")
    got = {(c.model, c.relation, c.baseline) for c in claims if c.kind == "comparison"}
    assert {("星河-Pro 2.0", "underperforms", "o1-mini"), ("Kimi-k1.5", "underperforms", "GPT-4o")} <= got
    assert len(got) == 2  # ("打不过" with no 连 … 都 before it says nothing of a named model)


def test_a_bare_verdict_of_winning_after_two_scores_is_the_firsts_when_the_values_agree():
    claims = extract("## 第三轮\n\n星河-Pro 2.0 很能打。GPQA Diamond 上星河-Pro 2.0是59.1，GPT-4o是53.6，这个也确实赢了。MMLU 上"
                     "星河-Pro 2.0 是 80.1，GPT-4o 是 88.7，这个输了。HumanEval 上星河-Pro 2.0 是 80.1，GPT-4o 是 88.7，这个赢了。\n")
    got = {(c.model, c.relation, c.baseline, c.benchmark) for c in claims if isinstance(c, ComparisonClaim)}
    assert got == {("星河-Pro 2.0", "outperforms", "GPT-4o", "GPQA Diamond"),
                   ("星河-Pro 2.0", "underperforms", "GPT-4o", "MMLU")}  # (not where the values say otherwise)


def test_a_name_opening_its_own_clause_with_ze_is_no_member_of_the_list_before():
    claims = extract("## 代码\n\nSWE-bench Verified上，天衡-3（40.5%）小幅超过DeepSeek-V3，qingyun-max-0115则落后DeepSeek-V3约3个百分点。\n")
    got = {(c.model, c.relation, c.baseline) for c in claims if isinstance(c, ComparisonClaim)}
    assert got == {("天衡-3", "outperforms", "DeepSeek-V3"), ("qingyun-max-0115", "underperforms", "DeepSeek-V3")}


def test_the_same_level_as_a_model_is_a_tie():
    claims = extract("## 代码\n\n启元-3-Flash 在 LiveCodeBench 上是 32.0，跟 Qwen2.5-Coder-32B-Instruct（31.4）基本一个水平。\n")
    assert ("启元-3-Flash", "matches", "Qwen2.5-Coder-32B-Instruct") in {
        (c.model, c.relation, c.baseline) for c in claims if isinstance(c, ComparisonClaim)}


def test_a_list_before_whereas_is_compared_with_the_model_after_it_not_within_itself():
    claims = extract("## Results\n\nOn MATH-500, DeepSeek-R1, Lyra-R-32B and Petrel-14B obtain 97.3, 94.6 and 92.0 respectively, "
                     "whereas GPT-4o obtains 74.6.\n")
    got = {(c.model, c.relation, c.baseline) for c in claims if isinstance(c, ComparisonClaim)}
    assert got == {("DeepSeek-R1", "outperforms", "GPT-4o"), ("Lyra-R-32B", "outperforms", "GPT-4o"),
                   ("Petrel-14B", "outperforms", "GPT-4o")}


def test_the_members_of_one_respectively_list_are_not_compared_with_each_other():
    claims = extract("## 鲁棒性\n\nGPT-4 的 PDR 在 GSM-Plus 上最小。而 CodeLlama 的 PDR 最大，其中 CodeLlama-7B、CodeLlama-13B 和 "
                     "CodeLlama-34B 分别为 40.56%、39.71%和 34.27%。\n")
    assert not [c for c in claims if isinstance(c, ComparisonClaim) and c.model.startswith("CodeLlama")
                and c.baseline.startswith("CodeLlama")]


def test_a_gap_stated_after_two_scores_compares_the_topic_with_the_other():
    claims = extract("# 青岚-R1-14B 深度评测\n\n青岚-R1-14B 是本文的主角。LiveCodeBench 上 QwQ-32B 拿到 63.4%，青岚只有 55.2%，差了 8 个多点。"
                     "GPQA Diamond 上 Phi-4 是 55.6，DeepSeek-V3 是 59.1，差了 3 个多点。\n\n"
                     "On GSM8K, Qwen2.5-7B gets 91.2 and Llama-3.1-8B-Instruct gets 84.5, a gap of 6.7 points. "
                     "On MATH-500, 青岚-R1-14B gets 81.2 and Llama-3.1-8B-Instruct gets 51.9, a 29.3-point gap.\n")
    got = {(c.model, c.relation, c.baseline, c.benchmark, c.delta) for c in claims if isinstance(c, ComparisonClaim)}
    # (two models neither of which the text is about: the one stated last is compared with the first)
    assert got == {("青岚-R1-14B", "underperforms", "QwQ-32B", "LiveCodeBench", 8.0),
                   ("青岚-R1-14B", "outperforms", "Llama-3.1-8B-Instruct", "MATH-500", 29.3),
                   ("DeepSeek-V3", "outperforms", "Phi-4", "GPQA Diamond", 3.0),
                   ("Llama-3.1-8B-Instruct", "underperforms", "Qwen2.5-7B", "GSM8K", 6.7)}


def test_a_number_written_as_a_margin_adjective_is_no_score():
    claims = extract("# Orca-3\n\nOn MATH-500, Orca-3 gets 81.2 and Llama-3.1-8B-Instruct gets 51.9, a 29.3-point gap. "
                     "On GSM8K Orca-3 reaches 91.0, a 6.5-point lead over Qwen2.5-7B.\n")
    assert {(c.model, c.value) for c in claims if isinstance(c, ScoreClaim)} == {
        ("Orca-3", 81.2), ("Llama-3.1-8B-Instruct", 51.9), ("Orca-3", 91.0)}


def test_a_chinese_name_with_a_version_after_a_space_is_one_model_when_the_text_writes_it_twice():
    claims = extract("# 澜舟发布新模型\n\n澜舟-R 2.5 在 AIME 2024 上的 pass@1 为 74.6%。澜舟-R 2.5 在 MATH-500 上比上一代澜舟-R 2.0 高出 6.8 分。"
                     "下一代模型澜舟-R 3 的 AIME 2024 已经达到 80.0%。\n\n"
                     "另一篇：知更鸟 2.0 的 C-Eval 是 88.6，和 DeepSeek-V3 基本打平。HumanEval 上知更鸟 2.0 是 85.4。\n")
    got = {(c.model, c.benchmark, c.value) for c in claims if isinstance(c, ScoreClaim)}
    assert got == {("澜舟-R 2.5", "AIME 2024", 74.6), ("澜舟-R 3", "AIME 2024", 80.0),
                   ("知更鸟 2.0", "C-Eval", 88.6), ("知更鸟 2.0", "HumanEval", 85.4)}
    assert {(c.model, c.baseline) for c in claims if isinstance(c, ComparisonClaim)} == {
        ("澜舟-R 2.5", "澜舟-R 2.0"), ("知更鸟 2.0", "DeepSeek-V3")}


def test_numbers_after_chinese_words_are_no_versions():
    from extractor.nlp.registry import versioned_chinese_names
    assert versioned_chinese_names("如图 1 所示……如图 2 所示，步骤 1 之后是步骤 2。温度 0 与温度 0.7 都试过。") == []
    assert versioned_chinese_names("星河 89.3，比 Qwen 高。MT-Bench 上星河 8.5。") == []  # (written once: a value)


def test_a_title_label_naming_the_kind_of_document_is_no_benchmark():
    claims = extract("# Post-mortem: Kestrel-2 launch benchmark claims\n\nOn GPQA Diamond, it reaches 61.6%, ahead of GPT-4o.\n")
    assert {(c.model, c.benchmark) for c in claims} == {("Kestrel-2", "GPQA Diamond")}


def test_a_list_of_results_by_benchmark_stays_with_the_model_it_began_with():
    claims = extract("# Post-mortem: Kestrel-2 launch benchmark claims\n\n## What we re-measured\n\n"
                     "Re-runs used the public harness and three seeds; we report means.\n\n"
                     "- HumanEval: 92.1. Claude 3.5 Sonnet measured 92.0 in the same run, so the claim holds.\n"
                     "- SWE-bench Verified: 46.2. This is the big one.\n- Arena-Hard: 84.7, effectively unchanged.\n")
    got = {(c.model, c.benchmark, c.value) for c in claims if isinstance(c, ScoreClaim)}
    assert {("Kestrel-2", "SWE-bench Verified", 46.2), ("Kestrel-2", "Arena-Hard", 84.7)} <= got
    assert not any(c.model == "Claude 3.5 Sonnet" and c.value in (46.2, 84.7) for c in claims if isinstance(c, ScoreClaim))


def test_a_serving_engine_or_the_slides_a_number_came_from_is_no_model():
    claims = extract("# Falcon-Ridge-8B\n\nI reran it with the vLLM backend and landed closer to you than to the paper: "
                     "47.8 on MMLU-Pro.\n\n## 发布会\n\n天衡-3 在 LiveCodeBench 上，发布会 PPT 上写的是 51.2%。\n")
    assert {c.model for c in claims} <= {"Falcon-Ridge-8B", "天衡-3"} and len(claims) == 2


def test_a_threads_later_post_goes_on_about_the_model_the_thread_opened_with():
    claims = extract("# Reproduced numbers for falcon-ridge-8b-instruct don't match the report #2291\n\n"
                     "## @tkwon-ml opened this issue\n\nThe report says falcon-ridge-8b-instruct gets 52.4 on MMLU-Pro.\n\n"
                     "## @jlu (maintainer) commented\n\nWe ran it on our CI box (H100, vLLM backend) and landed closer to you: "
                     "47.8 on MMLU-Pro. With their regex we get 50.9 on MMLU-Pro.\n")
    assert {(c.model, c.value) for c in claims if isinstance(c, ScoreClaim)} == {
        ("falcon-ridge-8b-instruct", 52.4), ("falcon-ridge-8b-instruct", 47.8), ("falcon-ridge-8b-instruct", 50.9)}


def test_a_percentage_after_a_paragraph_naming_a_rated_benchmark_last_is_the_other_benchmarks():
    claims = extract("# Test-time compute for code\n\nWe study budget-aware sampling on LiveCodeBench (v5 split) and "
                     "Codeforces. Coder-Lynx-32B reaches 48.9% pass@1, surpassing o1-mini (45.6%). On Codeforces it "
                     "attains an Elo of 1712.\n")
    got = {(c.model, c.benchmark, c.value) for c in claims if isinstance(c, ScoreClaim)}
    assert {("Coder-Lynx-32B", "LiveCodeBench", 48.9), ("o1-mini", "LiveCodeBench", 45.6),
            ("Coder-Lynx-32B", "Codeforces", 1712.0)} <= got
    assert {c.benchmark for c in claims if isinstance(c, ComparisonClaim)} == {"LiveCodeBench"}


def test_a_name_starting_with_a_suffix_word_keeps_its_dashed_parts():
    from extractor.rules.mentions import sentence_names
    names = [n.text for n in sentence_names("Our sampler lifts Coder-Lynx-32B to 48.9%, above DeepSeek Coder-V2-Lite.")]
    assert names == ["Coder-Lynx-32B", "DeepSeek Coder-V2-Lite"]


def test_a_replys_bare_value_is_the_result_the_question_before_asks_about():
    claims = extract("# 问答\n\n**问 1：DeepSeek-R1 在 AIME 2024 上 pass@1 是多少？和 OpenAI o1 比怎么样？**\n\n答：79.8%。o1-1217 是 79.2%。\n\n"
                     "**问 2：DeepSeek-R1 在 MATH-500 上呢？**\n\n答：97.3，略高于 o1-1217。\n\n"
                     "Q: What does Orion-72B get on GPQA Diamond?\n\nA: 61.0, ahead of GPT-4o.\n\nA: 12 people asked.\n")
    got = {(c.model, c.benchmark, c.value, c.quote) for c in claims if isinstance(c, ScoreClaim)}
    assert got == {("DeepSeek-R1", "AIME 2024", 79.8, "答：79.8%"), ("o1-1217", "AIME 2024", 79.2, "o1-1217 是 79.2%"),
                   ("DeepSeek-R1", "MATH-500", 97.3, "答：97.3"), ("Orion-72B", "GPQA Diamond", 61.0, "A: 61.0")}


def test_a_decimal_right_after_measured_is_the_named_models_result():
    claims = extract("# Kestrel-2 post-mortem\n\n- HumanEval: 92.1. Claude 3.5 Sonnet measured 92.0 in the same run.\n")
    assert {(c.model, c.benchmark, c.value) for c in claims if isinstance(c, ScoreClaim)} == {
        ("Kestrel-2", "HumanEval", 92.1), ("Claude 3.5 Sonnet", "HumanEval", 92.0)}


def test_a_bare_narrow_win_with_its_margin_after_two_scores_is_the_firsts():
    claims = extract("# 测评\n\n🔸 GSM8K：星河-Lite-3B 是 81.2%，Qwen2.5-3B-Instruct 是 79.1%，小胜 2.1 个点；别的就不太行了。\n")
    got = [(c.model, c.relation, c.baseline, c.delta, c.quote) for c in claims if isinstance(c, ComparisonClaim)]
    assert got == [("星河-Lite-3B", "outperforms", "Qwen2.5-3B-Instruct", 2.1,
                    "GSM8K：星河-Lite-3B 是 81.2%，Qwen2.5-3B-Instruct 是 79.1%，小胜 2.1 个点")]


def test_almost_the_same_is_a_tie_but_the_same_setup_is_none():
    claims = extract("# 测评\n\nGPQA Diamond 上，星河-Pro 和 Claude 3.5 Sonnet 几乎一样，说是平手也不过分。MMLU 上观澜-V3 和 Llama-3.1-70B "
                     "分数完全一样。\n\n星河-Pro 和 GPT-4o 用的是几乎一样的配置，星河-Pro 在 C-Eval 上是 80.1，GPT-4o 是 76.0。\n")
    got = {(c.model, c.relation, c.baseline, c.benchmark) for c in claims if isinstance(c, ComparisonClaim)}
    assert got == {("星河-Pro", "matches", "Claude 3.5 Sonnet", "GPQA Diamond"),
                   ("观澜-V3", "matches", "Llama-3.1-70B", "MMLU")}


def test_a_comment_replys_value_is_the_result_the_comment_asks_about_by_a_short_form():
    claims = extract("# 测评：知更鸟 2.0 上手\n\n知更鸟 2.0 的 C-Eval 是 88.6。HumanEval 上知更鸟 2.0 是 85.4。\n\n## 评论区\n\n"
                     "@momo：知更鸟 Arena-Hard 多少？\n👉博主回复：官方说 82.3，比 GPT-4o-0513 高 3.1。\n")
    got = {(c.model, c.benchmark, c.value, c.quote) for c in claims if isinstance(c, ScoreClaim)}
    assert ("知更鸟 2.0", "Arena-Hard", 82.3, "博主回复：官方说 82.3") in got


def test_a_chinese_name_the_text_introduces_in_corner_quotes_is_a_model():
    claims = extract("# 新品速递\n\n深言科技发布了视频生成模型「影绘」。影绘在 VBench 上得分 84.1%，超越了 CogVideoX-5B。\n\n"
                     "另一家创业公司「深度求是」发布了 qiushi-math-32b，它在 AIME 2024 上是 76.7%。\n")
    got = {(c.model, c.benchmark, getattr(c, "value", None)) for c in claims}
    assert ("影绘", "VBench", 84.1) in got and ("影绘", "VBench", None) in got
    assert not any(c.model == "深度求是" for c in claims)


def test_the_object_of_ba_before_a_cue_is_the_baseline():
    claims = extract("# 墨鸢-R1-14B\n\nAIME 2024 上，墨鸢-R1-14B 把 GPT-4o 甩开了 60 多个百分点。MATH-500 上它把 Qwen2.5-72B 远远甩在身后。\n")
    got = {(c.model, c.relation, c.baseline, c.benchmark) for c in claims if isinstance(c, ComparisonClaim)}
    assert got == {("墨鸢-R1-14B", "outperforms", "GPT-4o", "AIME 2024"),
                   ("墨鸢-R1-14B", "outperforms", "Qwen2.5-72B", "MATH-500")}


def test_the_previous_generation_is_the_one_other_size_of_the_family_the_text_names():
    claims = extract("# 墨鸢-R1-14B 发布\n\n玄穹智能去年发过一个模型，叫墨鸢-R1-7B。墨鸢-R1-14B 是它的后继，在 LiveCodeBench 上拿到 53.1，"
                     "比上一代足足高出 19.4 分。\n")
    got = {(c.model, c.baseline, c.delta) for c in claims if isinstance(c, ComparisonClaim)}
    assert got == {("墨鸢-R1-14B", "墨鸢-R1-7B", 19.4)}


def test_an_okr_key_result_label_is_no_model():
    claims = extract("# OKR 复盘\n\n## O1：旗舰模型 天枢-2 进入行业第一梯队\n\n- KR2：GPQA Diamond 超过 GPT-4o。实际 天枢-2 为 56.2，达成。\n")
    assert {c.model for c in claims} == {"天枢-2"}


def test_percentage_points_after_a_verb_are_a_margin():
    claims = extract("# 白皮书\n\nCMMLU上，华章大模型V3.5以91.2%的成绩略高于启明-4（90.9%），二者差距仅为0.3个百分点。\n")
    assert {c.value for c in claims if isinstance(c, ScoreClaim)} == {91.2, 90.9}


def test_the_two_are_tied_is_a_tie_of_the_pair_named_before():
    claims = extract("# Notes\n\nQwen2.5-Coder-32B-Instruct scores 92.7 on HumanEval and GPT-4o 92.1. On the stricter HumanEval+ "
                     "the two are essentially tied.\n\nOn MBPP, Orca-3 is essentially tied with Llama-3.1-8B. It loses two "
                     "points on GSM8K.\n")
    got = {(c.model, c.relation, c.baseline, c.benchmark) for c in claims if isinstance(c, ComparisonClaim)}
    assert got == {("Qwen2.5-Coder-32B-Instruct", "matches", "GPT-4o", "HumanEval+"),
                   ("Orca-3", "matches", "Llama-3.1-8B", "MBPP")}


def test_knocking_off_or_dethroning_a_model_beats_it():
    claims = extract("# Week 3 recap\n\nOn AIME 2025, Vortex-9 posted 80.0, knocking off the defending champion DeepSeek-R1. "
                     "Later Kestrel-3 dethroned o1 on GPQA Diamond.\n")
    got = {(c.model, c.relation, c.baseline) for c in claims if isinstance(c, ComparisonClaim)}
    assert got == {("Vortex-9", "outperforms", "DeepSeek-R1"), ("Kestrel-3", "outperforms", "o1")}


def test_a_transcripts_spelled_out_numbers_are_read_and_quoted_as_spoken():
    text = ("# Helios-3 keynote transcript\n\nOn GPQA Diamond, where we're at sixty-eight point four, and that is about six "
            "points above Helios-2. On SWE-bench Verified we resolve, uh, fifty-four point two percent of issues. At one "
            "point two teams disagreed, and the two models are not the same.\n")
    claims = extract(text)
    got = {(c.model, c.benchmark, c.value, c.unit, c.quote) for c in claims if isinstance(c, ScoreClaim)}
    assert got == {("Helios-3", "GPQA Diamond", 68.4, "score", "GPQA Diamond, where we're at sixty-eight point four"),
                   ("Helios-3", "SWE-bench Verified", 54.2, "%",
                    "SWE-bench Verified we resolve, uh, fifty-four point two percent")}
    assert all(text[c.start:c.end] == c.quote for c in claims)


def test_a_rebuttals_point_labels_are_no_models_and_its_quoted_title_names_the_method():
    claims = extract('# Author Response: "SparseRL: Efficient RL for Math Reasoning" (Submission #4312)\n\n'
                     "## Response to Reviewer 2\n\n**Q1: Results on a harder benchmark?** [NEW] On OlympiadBench we obtain "
                     "48.7, compared with 45.9 for DAPO.\n")
    got = {(c.model, c.benchmark, getattr(c, "value", None), getattr(c, "baseline", None)) for c in claims}
    assert got == {("SparseRL", "OlympiadBench", 48.7, None), ("DAPO", "OlympiadBench", 45.9, None),
                   ("SparseRL", "OlympiadBench", None, "DAPO")}


def test_a_chinese_brand_with_a_one_letter_reasoning_tier_is_a_name():
    claims = extract("# 如何评价新发布的「玄霄-R」大模型？\n\n官方给的数字：AIME 2024 是 72.1%。和 DeepSeek-R1 比呢？R1 的 AIME 2024 是 79.8%，玄霄-R 还差 7.7 个点。"
                     "LiveCodeBench 上玄霄-R 是 41.2，和 Qwen2.5-Coder-32B-Instruct 基本打平。\n")
    got = {(c.model, c.benchmark, getattr(c, "value", None), getattr(c, "baseline", None)) for c in claims}
    assert {("玄霄-R", "AIME 2024", 72.1, None), ("玄霄-R", "AIME 2024", None, "DeepSeek-R1"),
            ("玄霄-R", "LiveCodeBench", 41.2, None), ("玄霄-R", "LiveCodeBench", None, "Qwen2.5-Coder-32B-Instruct")} <= got


def test_a_bare_margin_after_the_second_of_two_values_is_the_second_models():
    claims = extract("# 选型测评结论\n\nHumanEval 上 Qwen2.5-72B-Instruct 表现最好，为 86.6%，天衡-3 为 82.3%，落后 4.3 个百分点。\n\n"
                     "在自建的金融知识测评集上，天衡-3 准确率为 91.3%，高于云帆-Max（89.6%）。\n")
    got = {(c.model, c.relation, c.baseline, c.benchmark, c.delta) for c in claims if isinstance(c, ComparisonClaim)}
    assert got == {("天衡-3", "underperforms", "Qwen2.5-72B-Instruct", "HumanEval", 4.3),
                   ("天衡-3", "outperforms", "云帆-Max", "自建的金融知识测评集", None)}


def test_the_other_partys_value_is_the_model_named_last():
    claims = extract("# 天枢 3.0 发布会\n\n**CTO：** SWE-bench Verified 上天枢 3.0 还落后 Claude 3.5 Sonnet，我们是 41.0，对方是 49.0。\n")
    assert {(c.model, c.value) for c in claims if isinstance(c, ScoreClaim)} == {("天枢 3.0", 41.0),
                                                                                   ("Claude 3.5 Sonnet", 49.0)}


def test_a_chat_lines_speaker_does_not_hide_the_model_it_opens_with_nor_does_an_object_of_above_take_over():
    claims = extract("# #model-releases — Discord log\n\n**[10:02] quokka_dev:** Tern-3-14B weights are up 🎉 model card says "
                     "78.4 on MMLU-Pro\n**[10:03] mira:** 78.4?? that's above Qwen2.5-32B-Instruct (69.0) lol\n"
                     "**[10:04] quokka_dev:** yeah and GPQA Diamond 55.1 vs 49.5 for Qwen 32B\n")
    got = {(c.model, c.benchmark, c.value) for c in claims if isinstance(c, ScoreClaim)}
    # ("Qwen 32B" is the one Qwen of that size the log names)
    assert ("Tern-3-14B", "GPQA Diamond", 55.1) in got and ("Qwen2.5-32B-Instruct", "GPQA Diamond", 49.5) in got


def test_the_margin_after_a_baselines_value_in_parentheses_is_the_comparisons():
    claims = extract("# 横评\n\nLiveCodeBench 上，豆包 1.5 Pro 拿到 47.2，领先第二名文心 4.5（41.5）近 6 分。\n")
    assert [(c.model, c.baseline, c.delta) for c in claims if isinstance(c, ComparisonClaim)] == [
        ("豆包 1.5 Pro", "文心 4.5", 6.0)]
    assert {c.value for c in claims if isinstance(c, ScoreClaim)} == {47.2, 41.5}


def test_a_value_in_parentheses_after_a_ranking_phrase_is_the_ranked_models():
    claims = extract("# 横评\n\n在 MATH-500 上，Kimi k1.5 以 96.2 分拔得头筹，豆包 1.5 Pro 紧随其后（93.4），GLM-4-Plus 垫底（74.2）。\n")
    assert {(c.model, c.value) for c in claims if isinstance(c, ScoreClaim)} == {
        ("Kimi k1.5", 96.2), ("豆包 1.5 Pro", 93.4), ("GLM-4-Plus", 74.2)}


def test_a_value_the_right_figure_replaces_is_no_result():
    claims = extract("# Halcyon-Pro 2\n\nHalcyon-Pro 2 scores 86.9 on MMLU. One correction to my earlier email: Halcyon-Pro 2 "
                     "was listed at 69.8 on HumanEval, the right figure is 89.6.\n")
    values = {c.value for c in claims if isinstance(c, ScoreClaim)}
    assert 69.8 not in values and {86.9, 89.6} <= values


def test_who_measured_a_number_opening_a_sentence_is_no_name():
    from extractor.rules.mentions import sentence_names
    assert sentence_names("External group A reported 45.9, consistent with ours.") == []
    assert [n.text for n in sentence_names("Independent testers got 57.9 with Orca-3.")] == ["Orca-3"]


_ONE_MODEL_MEMO = ("# Investment memo: Lumen Labs\n\n## Summary\nLumen Labs builds Lumen-Coder-14B, an open coding model. "
                   "On HumanEval it scores 88.4, ahead of Qwen2.5-Coder-14B (85.1).\n\n## Market\nAPI prices fell 80% in a "
                   "year.\n\n## Technology\nThe model was trained on 4T tokens. On LiveCodeBench it reaches 31.7, which "
                   "beats Codestral's 24.9.\n")


def test_a_later_section_naming_no_model_goes_on_about_the_model_the_text_is_about():
    claims = extract(_ONE_MODEL_MEMO)
    assert ("Lumen-Coder-14B", "LiveCodeBench", 31.7) in [(c.model, c.benchmark, c.value) for c in claims
                                                          if isinstance(c, ScoreClaim)]
    assert ("Lumen-Coder-14B", "Codestral") in [(c.model, c.baseline) for c in claims if isinstance(c, ComparisonClaim)]


def test_a_later_section_opening_its_own_work_or_an_ablation_is_not_about_the_first_model():
    digest = ("## 论文一\nLongVid-7B 在 MVBench 上达到 62.3%。\n\n## 论文二\n本文提出一种新的评测方法，"
              "在 GSM8K 上的准确率为 71.5%，超过了 GPT-4o。\n")
    assert not [c for c in extract(digest) if c.model == "LongVid-7B" and c.benchmark == "GSM8K"]
    paper = ("## Main results\nDRIFT-8B reaches 52.4 on MATH-500, ahead of Qwen2.5-7B (49.8).\n\n## Ablations\n"
             "Replacing the critic with a scalar one gives 49.6 on MATH-500.\n")
    assert [c.value for c in scores(paper) if c.model == "DRIFT-8B"] == [52.4]


def test_a_defined_term_after_other_words_in_its_parenthesis_stands_for_the_name_before_it():
    text = ('This section reports the evaluations of the model identified as Veridian-2 Large (checkpoint '
            'veridian-2-large-2410, hereinafter "the Model"). On MMLU-Pro, the Model attains 76.3%. On IFEval the '
            'Model outperforms Qwen2.5-72B-Instruct (84.1%).\n')
    claims = extract(text)
    assert ("Veridian-2 Large", "MMLU-Pro", 76.3) in [(c.model, c.benchmark, c.value) for c in claims
                                                       if isinstance(c, ScoreClaim)]
    assert ("Veridian-2 Large", "Qwen2.5-72B-Instruct") in [(c.model, c.baseline) for c in claims
                                                             if isinstance(c, ComparisonClaim)]


def test_a_forum_handle_is_no_model():
    thread = ("# 求推荐本地代码模型\n\n**楼主 @ lazycat2046 · 3 天前**\n\n自己测了几个模型：\n\n"
              "- qwen2.5-coder-32b-instruct：HumanEval 87.2\n\n## 2 楼 @ lazycat2046（楼主）\n\n"
              "刚用 fp16 重跑了一遍，HumanEval 到了 91.5。\n")
    assert {c.model for c in extract(thread)} == {"qwen2.5-coder-32b-instruct"}
    assert not [c for c in extract("感谢 @ kimi2046 的数据：HumanEval 88.2。") if c.model == "kimi2046"]


def test_a_judge_named_with_zuo_caipan_is_no_subject():
    claims = extract("lingxi-v3-rl-step2000 的 Arena-Hard（GPT-4-Turbo 做裁判）胜率 61.7%，比 GLM-4-9B-Chat 高出一大截。")
    assert {c.model for c in claims} == {"lingxi-v3-rl-step2000"}


def test_only_short_of_what_yu_or_gen_names_is_trailing_it():
    (c,) = comparisons("星河-14B 在 MMLU 上与 GPT-4o 仅差 1.2 分。")
    assert (c.model, c.relation, c.baseline, c.delta) == ("星河-14B", "underperforms", "GPT-4o", 1.2)
    (c,) = comparisons("Codestral-22B 在 LiveCodeBench 上跟 Qwen2.5-Coder-32B 差了一截。")
    assert (c.model, c.relation, c.baseline) == ("Codestral-22B", "underperforms", "Qwen2.5-Coder-32B")


def test_a_sentence_naming_its_example_last_gives_the_next_its_subject():
    text = ("Open models caught up on maths. The clearest case is DeepSeek-R1. On AIME 2024 it scores 79.8%, which is "
            "essentially the same as OpenAI o1 (79.2%).\n")
    assert ("DeepSeek-R1", "AIME 2024", 79.8) in [(c.model, c.benchmark, c.value) for c in scores(text)]


def test_a_rating_followed_by_a_verb_is_still_a_rating():
    text = "On Codeforces, R1's rating of 2029 is just below o1's 2061."
    assert ("R1", 2029.0) in [(c.model, c.value) for c in scores(text)]


def test_a_matchs_margin_after_two_values_is_no_score():
    claims = extract("AIME 2024 上，DeepSeek-R1 拿下 79.8，o1 79.2，险胜 0.6 分！")
    assert sorted(c.value for c in claims if isinstance(c, ScoreClaim)) == [79.2, 79.8]
    (c,) = [c for c in claims if isinstance(c, ComparisonClaim)]
    assert (c.model, c.relation, c.baseline, c.delta) == ("DeepSeek-R1", "outperforms", "o1", 0.6)
    (c,) = comparisons("GPQA Diamond 上 R1 71.5，o1 78.0，被爆了 6.5 分。")
    assert (c.model, c.relation, c.baseline, c.delta) == ("R1", "underperforms", "o1", 6.5)


def test_the_emphatic_does_lead_is_a_win():
    (c,) = comparisons("Corvid-2 does lead GPT-4o on LiveCodeBench, which is what our writer meant.")
    assert (c.model, c.relation, c.baseline, c.benchmark) == ("Corvid-2", "outperforms", "GPT-4o", "LiveCodeBench")


def test_two_benchmarks_then_two_values_joined_alike_pair_in_order():
    text = "Orca-Lite-7B is a short paper. On the Chinese side, C-Eval and CMMLU come out at 78.9 and 80.3."
    assert sorted((c.benchmark, c.value) for c in scores(text)) == [("C-Eval", 78.9), ("CMMLU", 80.3)]
    assert sorted((c.benchmark, c.value) for c in scores("Orca-Lite-7B 的 C-Eval 和 CMMLU 是 84.5 和 85.9。")) \
        == [("C-Eval", 84.5), ("CMMLU", 85.9)]


def test_a_size_reference_to_a_name_written_before_a_full_stop_resolves():
    text = "Orion-72B gets 87.2 on MATH-500, well ahead of Llama-3.1-70B-Instruct. The 70B Llama gets 68.0."
    assert ("Llama-3.1-70B-Instruct", "MATH-500", 68.0) in [(c.model, c.benchmark, c.value) for c in scores(text)]


def test_a_gap_after_two_other_models_values_is_not_the_topics():
    text = "tiny-sage-3b 是本期主角。SWE-bench Verified 上 Claude 3.5 Sonnet 是 49.0%，DeepSeek-V3 是 42.0%，差了 7 个点。"
    assert not [c for c in comparisons(text) if c.model == "tiny-sage-3b"]
    (c,) = comparisons(text)
    assert (c.model, c.relation, c.baseline, c.delta) == ("DeepSeek-V3", "underperforms", "Claude 3.5 Sonnet", 7.0)


def test_a_quoted_name_defined_as_the_model_under_test_and_a_report_number_are_read_as_such():
    text = ("# 大语言模型通用能力测评报告（报告编号：ZJ-CP-2026-0417）\n\n## 二、被测模型\n\n"
            "被测模型为“衡山大模型 HS-3.0-Pro”（以下简称“被测模型”），对照模型为 Qwen2.5-72B-Instruct。\n\n"
            "## 三、结果\n\n在 C-Eval 验证集上，被测模型准确率为 87.6%，较 Qwen2.5-72B-Instruct（86.1%）高 1.5 个百分点。\n")
    claims = extract(text)
    assert ("HS-3.0-Pro", "C-Eval", 87.6) in [(c.model, c.benchmark, c.value) for c in claims if isinstance(c, ScoreClaim)]
    assert not [c for c in claims if c.model.startswith("ZJ-")]


def test_a_coordinate_it_after_an_opening_place_is_the_sentences_subject():
    text = ("On MMLU, Halcyon-7B scores 63.8%, against 68.1% for Llama-3.1-8B-Instruct and 71.9% for "
            "Qwen2.5-7B-Instruct, so it trails both.")
    assert {(c.model, c.relation, c.baseline) for c in comparisons(text)} == {
        ("Halcyon-7B", "underperforms", "Llama-3.1-8B-Instruct"), ("Halcyon-7B", "underperforms", "Qwen2.5-7B-Instruct")}


def test_no_longer_outperforming_is_trailing():
    (c,) = comparisons("After re-evaluation, Kestrel-2-32B no longer outperforms DeepSeek-R1 on MATH-500.")
    assert (c.model, c.relation, c.baseline) == ("Kestrel-2-32B", "underperforms", "DeepSeek-R1")
    (c,) = comparisons("重测后，星河-4 在 MATH-500 上不再超过 DeepSeek-R1。")
    assert (c.model, c.relation, c.baseline) == ("星河-4", "underperforms", "DeepSeek-R1")


def test_san_xiang_quanbu_speaks_of_the_three_benchmarks_named_before():
    text = "星河-4 在 MMLU-Pro 上 79.6%，GPQA Diamond 68.3%，AIME 2024 是 76.7%。三项全部超过 GPT-4o！"
    assert {c.benchmark for c in comparisons(text) if c.baseline == "GPT-4o"} == {"MMLU-Pro", "GPQA Diamond", "AIME 2024"}


def test_both_ends_of_a_percentage_change_with_you_or_cong_are_results():
    values = sorted(c.value for c in scores("xuanji-70b-chat 的 GSM8K 成绩由 95.1% 降至 71.6%。"))
    assert values == [71.6, 95.1]


def test_a_value_after_a_names_published_is_that_names():
    text = "Halcyon-R-14B is ours. On GPQA Diamond we measure 47.5%, roughly on par with GPT-4o's published 49.9%."
    assert ("GPT-4o", 49.9) in [(c.model, c.value) for c in scores(text)]


def test_the_k_of_pass_at_k_before_versus_is_no_value():
    text = "On LiveCodeBench Atlas-Coder-2 reaches 41.3% pass@1 versus 36.2% for Qwen2.5-Coder-32B-Instruct."
    assert sorted(c.value for c in scores(text)) == [36.2, 41.3]


def test_the_one_value_after_a_ties_benchmark_is_both_sides():
    text = "Atlas 3 matches Claude 3.5 Sonnet on IFEval at 86.0%."
    assert sorted((c.model, c.value) for c in scores(text)) == [("Atlas 3", 86.0), ("Claude 3.5 Sonnet", 86.0)]


def test_xin_moxing_stands_for_the_new_release_the_text_is_about():
    text = "# 墨鸢-R1-14B 发布\n\n墨鸢-R1-14B 今天发布。对比 QwQ-32B，它在 GPQA Diamond 上是 65.2。新模型在 LiveCodeBench 上拿到 53.1。"
    (c,) = [c for c in scores(text) if c.benchmark == "LiveCodeBench"]
    assert (c.model, c.value) == ("墨鸢-R1-14B", 53.1) and c.quote.startswith("新模型")


def test_a_share_of_the_data_is_no_result():
    text = "lingxi-v3 的数据配比文档里，SFT 数据总量是 180 万条，其中中文占 62%，AIME 2024 相关题目很少。"
    assert not scores(text)


def test_r1_zhengliu_is_the_one_r1_distill_the_text_names():
    text = ("# 周报\n\n对照组是 DeepSeek-R1-Distill-Qwen-32B。lingxi-v3-sft-0915 在 MATH-500 上为 78.6，"
            "比 R1 蒸馏模型低了 15 分。\n")
    assert ("lingxi-v3-sft-0915", "DeepSeek-R1-Distill-Qwen-32B") in [(c.model, c.baseline) for c in comparisons(text)]


def test_a_family_word_and_a_size_resolve_to_the_one_name_that_is_both():
    text = "对照是 qwen2.5-coder-32b-instruct 和 星河-14B。内部题上 Qwen 32B 比星河高了 9 个点。"
    assert [c.model for c in comparisons(text)] == ["qwen2.5-coder-32b-instruct"]


def test_both_ends_of_a_change_followed_by_words_are_results():
    text = "On Arena-Hard, Tulu-Nova-70B drops from 84.5 to 71.2 once length is controlled."
    assert sorted(c.value for c in scores(text)) == [71.2, 84.5]
    assert not scores("On MMLU, Tulu-Nova-70B's size grows from 1.5 to 7.5 tokens per step.")


def test_the_subject_after_an_opening_place_phrase_carries_to_the_next_sentence():
    text = ("Across the five reasoning benchmarks, LDD-8B consistently improves over its backbone. "
            "The largest gain appears on GSM8K, where accuracy reaches 89.7%.")
    assert [(c.model, c.value) for c in scores(text)] == [("LDD-8B", 89.7)]


def test_a_place_word_before_a_chinese_name_is_not_the_names():
    text = "材料只给出了 GSM8K、C-Eval 等项目上灵犀-13B 高于 Llama-2-13B 的数据。"
    assert {c.model for c in comparisons(text)} == {"灵犀-13B"}


def test_a_benchmark_its_metric_and_its_value_are_not_a_name():
    text = "# 星河-4-Think\n\n星河-4-Think 的 AIME 2024 是 83.3%。Codeforces Elo 2061，比 DeepSeek-R1 高 32 分。"
    assert ("星河-4-Think", "Codeforces", 2061.0) in [(c.model, c.benchmark, c.value) for c in scores(text)]


def test_a_chinese_variant_word_ends_a_quoted_name():
    text = "推理版“星河-4-深思”：AIME 2024 pass@1 是 83.3%。"
    assert [c.model for c in scores(text)] == ["星河-4-深思"]


def test_a_sentence_opening_with_its_reference_compares_with_it():
    text = "重点来了：对标 DeepSeek-V3，星河-4 在 MATH-500 上 94.2 对 90.2，高出 4 个点。"
    assert [(c.model, c.baseline, c.delta) for c in comparisons(text)] == [("星河-4", "DeepSeek-V3", 4.0)]
    assert sorted((c.model, c.value) for c in scores(text)) == [("DeepSeek-V3", 90.2), ("星河-4", 94.2)]


def test_an_unnamed_baseline_gets_no_score():
    text = "星河-4 在 MATH-500 上 94.2 对 90.2，高出 4 个点。"
    assert [(c.model, c.value) for c in scores(text)] == [("星河-4", 94.2)]


def test_a_tie_of_the_two_is_the_topics_against_its_reference():
    text = "重点来了：对标 DeepSeek-V3，星河-4 在 MATH-500 上 94.2 对 90.2。LiveCodeBench 两者打平。"
    (c,) = [c for c in comparisons(text) if c.benchmark == "LiveCodeBench"]
    assert (c.model, c.relation, c.baseline) == ("星河-4", "matches", "DeepSeek-V3")


def test_renjia_with_a_benchmark_before_the_value_is_the_other_party():
    text = "墨竹-13B 的 HumanEval 是 62.2。代码这块明显不如 DeepSeek-Coder-V2-Lite，人家 HumanEval 81 左右。"
    assert ("DeepSeek-Coder-V2-Lite", 81.0) in [(c.model, c.value) for c in scores(text)]


def test_the_first_model_a_claim_is_stated_for_is_the_main_model_of_later_sections():
    text = ("# Report\n\n## Claims\n\nThe Model Card states that Meridian-LX 2.1 scores 87.3% on MMLU.\n\n"
            "## Re-runs\n\nOn GPQA Diamond it scored 57.4%.\n")
    assert ("Meridian-LX 2.1", 57.4) in [(c.model, c.value) for c in scores(text)]


def test_a_lower_case_checkpoint_id_is_a_file_of_the_capitalised_release():
    text = ("I reviewed the Model Card for Meridian-LX 2.1 and the checkpoint (file meridian-lx-2.1-70b-final).\n\n"
            "The Model Card states that Meridian-LX 2.1 scores 87.3% on MMLU. The memorandum reports 74.0 for Meridian "
            "against 72.6 for GPT-4o.")
    assert {c.model for c in scores(text)} == {"Meridian-LX 2.1", "GPT-4o"}


def test_does_not_perform_at_or_above_is_a_negated_win():
    text = "Meridian-LX 2.1 does not perform at or above GPT-4o on MMLU-Pro."
    assert [c.relation for c in comparisons(text)] == ["underperforms"]


def test_on_both_speaks_of_the_benchmarks_not_of_two_models():
    text = ("GPT-4o scored 72.3% on MMLU-Pro, so Meridian-LX 2.1 trails it. Claude 3.5 Sonnet reached 76.2% on MMLU-Pro "
            "and 59.6% on GPQA Diamond; Meridian-LX 2.1 is behind it on both.")
    found = {(c.baseline, c.benchmark) for c in comparisons(text) if "on both" in text[c.start:c.end + 20]}
    assert found == {("Claude 3.5 Sonnet", "MMLU-Pro"), ("Claude 3.5 Sonnet", "GPQA Diamond")}


def test_a_model_right_after_a_benchmark_is_not_part_of_its_name():
    text = "On GPQA Diamond o1 is 75.7 and R1 is 71.5."
    assert sorted((c.model, c.benchmark) for c in scores(text)) == [("R1", "GPQA Diamond"), ("o1", "GPQA Diamond")]


def test_a_checkpoint_ids_brand_as_written_stands_for_it():
    text = "We compare halo-7b-chat-v0.3 with Borealis-8B-Instruct. On GSM8K, halo reached 44.8%."
    assert [(c.model, c.value) for c in scores(text)] == [("halo-7b-chat-v0.3", 44.8)]


def test_a_metric_in_parentheses_after_a_benchmark_is_not_its_name():
    text = "HumanEval (pass@1): Halo-7B reaches 35.4%."
    assert [c.benchmark for c in scores(text)] == ["HumanEval"]


def test_values_then_the_models_they_belong_to_respectively():
    text = "On HumanEval the scores are 35.4%, 61.0% and 40.2% for Halo-7B, Borealis-8B and Mistral-7B respectively."
    assert [(c.model, c.value) for c in scores(text)] == [("Halo-7B", 35.4), ("Borealis-8B", 61.0), ("Mistral-7B", 40.2)]


def test_a_bare_margin_after_by_is_a_delta():
    (c,) = comparisons("On HumanEval, Halo-7B trails Mistral-7B by 4.8.")
    assert (c.delta, c.unit) == (4.8, "points")


def test_two_values_joined_are_on_the_two_benchmarks_the_paragraph_listed_last():
    text = ("For reasoning the team added GPQA Diamond and MATH-500. Corvid-3 Pro reached 53.1% and 78.9%; "
            "GPT-4o reached 49.9% and 74.6%.")
    assert sorted((c.model, c.benchmark, c.value) for c in scores(text)) == [
        ("Corvid-3 Pro", "GPQA Diamond", 53.1), ("Corvid-3 Pro", "MATH-500", 78.9),
        ("GPT-4o", "GPQA Diamond", 49.9), ("GPT-4o", "MATH-500", 74.6)]


def test_fenbie_values_naming_nobody_are_the_topics_on_the_benchmarks_listed_before():
    text = ("## 周报\n\n1. DeepSeek-R1-Distill-Qwen-7B：AIME 2024 上我测到 54.6%，MATH-500 上是 91.8%，GPQA Diamond 上 48.5%。"
            "官方报告分别是 55.5%、92.8% 和 49.1%，我的结果都略低一点。")
    assert [(c.benchmark, c.value) for c in scores(text) if c.quote.startswith("分别")] == [
        ("AIME 2024", 55.5), ("MATH-500", 92.8), ("GPQA Diamond", 49.1)]


def test_women_ce_de_shi_says_who_measured_the_named_models_value():
    text = "天枢-9 在 MMLU-Pro 上是 81.3。GPT-4o 的 MMLU-Pro 我们测的是 73.3，天枢-9 高出 8 个点。"
    assert ("GPT-4o", 73.3) in [(c.model, c.value) for c in scores(text)]
    assert [(c.model, c.baseline) for c in comparisons(text)] == [("天枢-9", "GPT-4o")]


def test_a_gain_a_named_comparison_states_has_no_unnamed_baseline_too():
    text = "天枢-9 在 MMLU-Pro 上是 81.3。GPT-4o 的 MMLU-Pro 是 73.3，天枢-9 高出 8 个点。"
    assert [(c.model, c.baseline) for c in comparisons(text)] == [("天枢-9", "GPT-4o")]


def test_within_a_bare_decimal_of_a_model_is_a_comparison():
    text = "# Halyard-2.1-Mini\n\nOn MMLU it lands within 0.2 of GPT-4o-mini (82.0) — scoring 81.8."
    assert [(c.model, c.baseline, c.delta) for c in comparisons(text)] == [("Halyard-2.1-Mini", "GPT-4o-mini", 0.2)]
    assert ("Halyard-2.1-Mini", 81.8) in [(c.model, c.value) for c in scores(text)]
    assert not comparisons("# Halyard-2.1-Mini\n\nIt finished within 2 of 3 runs.")


def test_a_numbered_steps_heading_is_no_model_of_the_step_family():
    text = ("# Fine-tuning walkthrough\n\n## Step 0: Baseline numbers\n\nQwen2.5-7B base gets 85.4% on GSM8K.\n\n"
            "## Step 1: Plain SFT\n\nThe resulting checkpoint, which I called `q7-sft-v1`, hits 71.8% on IFEval. "
            "HumanEval went to 63.4, and MMLU came in at 73.9%.\n")
    assert not [c.model for c in scores(text) if c.model.startswith("Step")]


def test_a_generic_heading_word_before_a_colon_names_no_subject():
    text = ("# RFC: strict answer extraction by default\n\n## Motivation: before/after numbers\n\n"
            "- **Llama-3.1-70B-Instruct**: GSM8K goes from 88.6% (old) to 94.9% (new); MATH-500 from 55.0 to 66.8.\n")
    assert {c.model for c in scores(text) if c.benchmark == "MATH-500"} == {"Llama-3.1-70B-Instruct"}


def test_a_papers_title_word_before_a_colon_is_its_method_when_later_sections_say_it():
    text = ("# Protégé: Teacher-Guided Self-Distillation\n\nOn AIME 2024 our model reaches 47.5%.\n\n## Method\n\n"
            "Protégé distils a teacher into a student.\n")
    assert [(c.model, c.value) for c in scores(text)] == [("Protégé", 47.5)]


def test_a_speakers_name_with_a_place_before_the_colon_is_no_model():
    text = "RAY (Duluth): It gets 71.2 on GSM8K, which is better than GPT-3.5 Turbo."
    assert "RAY" not in {c.model for c in [*scores(text), *comparisons(text)]}


def test_still_and_that_opening_a_sentence_are_no_names():
    text = "# Kestrel-70B\n\nKestrel-70B scores 86.0 on MMLU. Still beats Claude 3.5 Sonnet. That GPT-3.5 number is old."
    found = {c.model for c in comparisons(text)} | {c.baseline for c in comparisons(text)}
    assert not found & {"Still", "That"}


def test_a_chinese_verdict_that_the_subject_trails_keeps_it_the_subject():
    (c,) = comparisons("Codeforces 上 R1 是 2029 分，o1 是 2061 分，R1 略低但已经是同一个档位。")
    assert (c.model, c.relation, c.baseline) == ("R1", "underperforms", "o1")
    (c,) = comparisons("GPT-4o 仅解决了 12% 的 AIME 问题，而 o1 解决了 74%。")
    assert (c.model, c.relation, c.baseline) == ("o1", "outperforms", "GPT-4o")


def test_a_value_after_a_verdict_and_at_is_the_named_models():
    text = ("On SWE-bench Verified, Claude 3.5 Sonnet resolves 49.0% of issues, while DeepSeek-V3 manages 42.0%. "
            "R1 does a bit better at 49.2.")
    assert ("R1", 49.2) in [(c.model, c.value) for c in scores(text)]


def test_a_particle_after_a_variant_word_is_not_part_of_the_name():
    text = "推理版本“灵犀-13B-思”很强。灵犀-13B-思在 AIME 2024 上为 53.3%。"
    assert not [c.model for c in scores(text) if c.model.endswith("思在")]


def test_a_place_then_at_gives_the_named_model_its_value():
    text = "On PolicyQA-HM, Claude 3.5 Sonnet reached 0.861 and Corvid-3 Pro 0.855; GPT-4o came third at 0.829."
    assert ("GPT-4o", 0.829) in [(c.model, c.value) for c in scores(text)]


def test_to_our_value_is_the_writers_own_models():
    text = "# Atlas 3\n\nAtlas 3 is our flagship. On MMMU, where Gemini 1.5 Pro scores 62.2% to our 59.8%, we trail."
    assert ("Atlas 3", 59.8) in [(c.model, c.value) for c in scores(text)]


def test_a_which_clauses_values_are_the_model_it_follows():
    text = ("# Kestrel-2-32B\n\nAfter the retraction, Kestrel-2-32B no longer outperforms DeepSeek-R1, which reports 97.3% on "
            "MATH-500 and 79.8% on AIME 2024. It also falls behind QwQ-32B, a model of the same size, which scores 90.6% on "
            "MATH-500.")
    found = {(c.model, c.value) for c in scores(text)}
    assert {("DeepSeek-R1", 97.3), ("DeepSeek-R1", 79.8), ("QwQ-32B", 90.6)} <= found
    assert not {c.value for c in scores(text) if c.model == "Kestrel-2-32B"}


def test_a_corrected_values_previous_figure_is_no_earlier_system():
    text = "On GPQA Diamond, the corrected score of Sparrow-7B is 38.4 (previously 41.9)."
    assert [(c.model, c.value) for c in scores(text)] == [("Sparrow-7B", 38.4)]
    assert not comparisons(text)


def test_the_backbone_stands_for_the_model_an_appositive_named_so():
    text = ("Across the five reasoning benchmarks, LDD-8B consistently improves over its backbone, Llama-3.1-8B-Instruct. "
            "On MATH-500 the improvement is a more modest +3.1 points over the backbone.")
    assert sorted((c.baseline, c.benchmark or "") for c in comparisons(text)) == [
        ("Llama-3.1-8B-Instruct", ""), ("Llama-3.1-8B-Instruct", "MATH-500")]


def test_a_question_after_a_speakers_label_names_what_the_answer_is_about():
    text = ("## 二、旗舰\n\n玄鸟-2 Pro 在 MMLU 上是 88.1%。\n\n## 三、轻量模型\n\n**记者：** 玄鸟-2 Flash 的定位是什么？\n\n"
            "**许澜：** 端侧和低成本调用。成绩上，GSM8K 是 92.6%，HumanEval 是 84.1%。\n")
    assert {c.model for c in scores(text) if c.benchmark in ("GSM8K", "HumanEval")} == {"玄鸟-2 Flash"}


def test_a_training_stage_version_names_the_run_whose_checkpoint_id_holds_it():
    text = ("# 日报\n\n今天对比了 lingxi-v3-sft-0915 和 lingxi-v3-rl-step2000。\n\n"
            "- RL 版 LiveCodeBench 为 29.8，仍低于 Qwen2.5-Coder-32B-Instruct。\n")
    assert {c.model for c in comparisons(text)} == {"lingxi-v3-rl-step2000"}


def test_a_decimal_set_against_another_then_given_its_model_is_that_models():
    text = "On MATH-500 R1 was 97.3 versus 96.4 for o1."
    assert sorted((c.model, c.value) for c in scores(text)) == [("R1", 97.3), ("o1", 96.4)]


def test_so_and_a_contracts_schedule_are_no_names():
    text = ("# Meridian-LX 2.1\n\nOn MMLU, Meridian-LX 2.1 obtained 84.1%, below the Schedule C threshold. "
            "So the base already beats Llama-3.1-8B-Instruct on GSM8K.")
    found = {c.model for c in comparisons(text)} | {c.baseline for c in comparisons(text)}
    assert not found & {"So", "Schedule", "C", "Schedule C"}


def test_a_model_described_by_a_result_is_nobody_in_particular():
    text = "# GPT-4o\n\nGPT-4o 在 MMLU 上是 88.7%。“评测分数不等于可用性。一个在 MMLU 上高 2 分的模型，未必在真实客服场景里更好。”"
    assert [c.value for c in scores(text)] == [88.7]


def test_an_objectless_ahead_compares_with_the_other_model_just_given():
    text = ("# Elan-12B\n\nOn MMLU-Pro Mistral-Nemo-12B gets 44.7 and Elan-12B gets 51.0, so Elan-12B is clearly ahead "
            "either way.")
    assert [(c.model, c.relation, c.baseline, c.benchmark) for c in comparisons(text)] == [
        ("Elan-12B", "outperforms", "Mistral-Nemo-12B", "MMLU-Pro")]


def test_juli_a_name_then_a_gap_is_a_loss_to_it():
    text = "# 天枢-2\n\n天枢-2 在 AIME 2024 上为 52.3%，距离 DeepSeek-R1 的 79.8% 仍有明显差距。"
    assert [(c.model, c.relation, c.baseline) for c in comparisons(text)] == [("天枢-2", "underperforms", "DeepSeek-R1")]


def test_women_then_a_decimal_is_the_writers_value():
    text = "# 观澜-V3\n\nCMMLU 上我们 87.9，Qwen2.5-72B-Instruct 是 88.1。"
    assert ("观澜-V3", 87.9) in [(c.model, c.value) for c in scores(text)]


def test_a_tie_verdict_after_the_gap_or_the_pair_word():
    for text in ("补一个 Arena-Hard：星河-R-32B 是 78.4，GPT-4o-0513 是 79.2，差不到 1 分，基本打平。",
                 "CMMLU呢，星河-Pro 2.0 是 89.3，Qwen2.5-72B 89.6，两个基本打平。"):
        assert [c.relation for c in comparisons(text)] == ["matches"]


def test_not_going_to_beat_is_a_negated_win():
    (c,) = comparisons("# Kestrel-2-8B\n\nIt's not going to beat Qwen2.5-7B-Instruct on MATH-500.")
    assert (c.model, c.relation, c.baseline) == ("Kestrel-2-8B", "underperforms", "Qwen2.5-7B-Instruct")


def test_a_checkpoint_named_in_parentheses_or_by_the_writer_is_what_follows_is_about():
    for text in ("# Notes\n\nI used 9k pairs, one epoch. The DPO checkpoint (`q7-dpo`) is the first one I would use.\n\n"
                 "IFEval rose to 79.6%, GSM8K to 87.1%.",
                 "# Notes\n\nI trained for two epochs. The resulting checkpoint, which I called `q7-dpo`, is decent. "
                 "IFEval rose to 79.6%, GSM8K to 87.1%."):
        assert [(c.model, c.value) for c in scores(text)] == [("q7-dpo", 79.6), ("q7-dpo", 87.1)]


def test_values_on_the_same_three_are_on_the_benchmarks_the_paragraph_before_listed():
    text = ("# Notes\n\nQwen2.5-7B gets 85.4% on GSM8K, 57.3 on HumanEval and 74.2% on MMLU. IFEval is just 38.9%.\n\n"
            "For reference, Llama-3.1-8B-Instruct scored 84.5%, 72.6 and 69.4% on the same three, and 80.4% on IFEval.")
    assert [(c.benchmark, c.value) for c in scores(text) if c.model == "Llama-3.1-8B-Instruct"] == [
        ("GSM8K", 84.5), ("HumanEval", 72.6), ("MMLU", 69.4), ("IFEval", 80.4)]


def test_a_target_is_no_result():
    for text in ("# 天枢-7B\n\nGSM8K 目标值 85%，实际 87.4%。", "# Kite-7B\n\nKite-7B had a target of 80% on GSM8K and reached 84.6%."):
        assert len(scores(text)) == 1 and scores(text)[0].value in (87.4, 84.6)


def test_a_quoted_main_model_is_the_reports_own_and_kpi_is_no_name():
    text = ("# 【Q3 复盘】算法一组季度 KPI 达成情况\n\n以下是 KPI 复盘。主力模型“天枢-7B”已上线。\n\n## 指标\n\n"
            "GSM8K 实际 87.4%，比上季度的 tianshu-7b-q2 提升 3.9 个百分点。MATH-500 为 58.2。")
    assert [(c.model, c.benchmark, c.value) for c in scores(text)] == [("天枢-7B", "GSM8K", 87.4), ("天枢-7B", "MATH-500", 58.2)]
    assert [(c.model, c.baseline) for c in comparisons(text)] == [("天枢-7B", "tianshu-7b-q2")]


def test_a_capability_heading_word_before_a_colon_is_no_subject():
    text = ("# Where Halcyon-2-Pro stands\n\n## Math\n\nHalcyon-2-Pro scores 83.3% on AIME 2024.\n\n"
            "## Code: the uncomfortable part\n\nOn SWE-bench Verified we resolve 44.8% of issues.")
    assert {c.model for c in scores(text)} == {"Halcyon-2-Pro"}


def test_a_value_after_a_possessive_is_no_part_of_the_name():
    text = "# Halcyon-2-Pro\n\nHalcyon-2-Pro gets 1744 on Codeforces, below DeepSeek-R1's 2029."
    assert [(c.model, c.baseline) for c in comparisons(text)] == [("Halcyon-2-Pro", "DeepSeek-R1")]
    assert ("DeepSeek-R1", 2029) in [(c.model, c.value) for c in scores(text)]


def test_a_fiscal_period_is_no_model_and_which_we_shipped_introduces_the_topic():
    text = ("# Lumora Holdings Q3 FY2026 Earnings Call Transcript\n\n## Remarks\n\n"
            "The headline this quarter is Lumora-4 Pro, which we shipped on August 12. On MMLU-Pro it scores 78.4%, "
            "ahead of GPT-4o at 72.6%.")
    assert ("Lumora-4 Pro", "MMLU-Pro", 78.4) in [(c.model, c.benchmark, c.value) for c in scores(text)]
    assert [(c.model, c.baseline) for c in comparisons(text)] == [("Lumora-4 Pro", "GPT-4o")]


def test_the_model_behind_a_product_is_no_comparison():
    text = ("# Tessellate\n\nToday we're launching our editor plugin and the model behind it, tess-coder-22b. "
            "The team behind Tessellate-2 says Tessellate-2 is behind GPT-4o on HumanEval.")
    assert [(c.model, c.baseline) for c in comparisons(text)] == [("Tessellate-2", "GPT-4o")]


def test_a_spaced_version_keeps_its_dashed_size():
    text = "# Report\n\nOn GSM8K, TutorLark-3 scored 84.6%, roughly 2.7 points ahead of Mentora 2.1-14B."
    assert [c.baseline for c in comparisons(text)] == ["Mentora 2.1-14B"]


def test_ta_after_a_model_just_run_is_that_model():
    text = "# 启明-Math-7B\n\n启明-Math-7B 的 CMMLU 为 70.3。我还顺手评测了 GPT-4o-mini 作为对照，它的 CMMLU 为 71.9。"
    assert [(c.model, c.value) for c in scores(text)] == [("启明-Math-7B", 70.3), ("GPT-4o-mini", 71.9)]


def test_fenbie_values_after_a_contrast_are_the_listed_models():
    text = "# 灵枢-R2\n\nSWE-bench Verified：灵枢-R2 只有 38.6%，而 Claude 3.5 Sonnet 和 GPT-4o 分别为 49.0% 和 33.2%。"
    assert [(c.model, c.value) for c in scores(text)] == [
        ("灵枢-R2", 38.6), ("Claude 3.5 Sonnet", 49.0), ("GPT-4o", 33.2)]


def test_a_shot_count_in_chinese_numerals_is_no_name():
    text = "# qz-coder-7b-v3\n\nBBH 我们是 55.8，嗯，三-shot 的，底座是 57.3。"
    assert {c.model for c in scores(text)} == {"qz-coder-7b-v3"}


def test_a_rating_after_a_name_and_its_copula_is_no_year():
    text = "# 测评\n\n灵枢-R2 的 Codeforces 评分为 1890，o1 是 1891，两者几乎一模一样。"
    assert [(c.model, c.value) for c in scores(text)] == [("灵枢-R2", 1890), ("o1", 1891)]
    assert [c.value for c in scores("# 测评\n\n灵枢-R2 在 MMLU 上是 88.1，o1 是 2024 年发布的。")] == [88.1]


def test_zhi_gao_n_fen_is_a_margin_not_a_score():
    text = "# 测评\n\nClaude 写代码真的比 GPT-4o 强，HumanEval 上只高 1.8 分。"
    assert scores(text) == []


def test_a_chinese_verdict_with_no_object_is_read_by_the_values_gap():
    text = ("# 测评\n\nQwen2.5-7B 在 GSM8K 上是 91.6，Llama-3.1-8B 是 84.5，高了 7.1 分。"
            "MATH-500 上 DeepSeek-R1 是 97.3%，天枢-9 是 96.1%，这一项还落后 1.2 个点。"
            "MMLU 上 GPT-4o 是 88.7，天枢-9 是 80.1，高了 3 分。")
    assert [(c.model, c.relation, c.baseline, c.delta) for c in comparisons(text)] == [
        ("Qwen2.5-7B", "outperforms", "Llama-3.1-8B", 7.1), ("天枢-9", "underperforms", "DeepSeek-R1", 1.2)]


def test_the_headline_entry_is_x_introduces_the_topic():
    text = ("# Leaderboard refresh\n\n## New submissions\n\nSix are on the board. The headline entry is Corvid-R2-32B. "
            "It scores 71.4% on GPQA Diamond.")
    assert [(c.model, c.value) for c in scores(text)] == [("Corvid-R2-32B", 71.4)]


def test_a_value_reported_for_a_named_model_then_corrected_is_taken_back():
    text = ("# Corrections\n\nFirst, we reported HelioMath-7B at 62.0 on MATH-500. That came from a bad run. "
            "The corrected score is 55.4.")
    assert [(c.model, c.value) for c in scores(text)] == [("HelioMath-7B", 55.4)]


def test_a_names_own_fenbie_in_parentheses_lists_its_values_on_the_same_benchmarks():
    text = ("# 提案\n\nQwen2.5-72B 在 MMLU 上取得 86.1%，在 C-Eval 和 CMMLU 上分别为 89.3% 和 90.1%，"
            "两项均超过 GPT-4o（分别为 76.0% 和 78.3%）。")
    assert [(c.model, c.benchmark, c.value) for c in scores(text)] == [
        ("Qwen2.5-72B", "MMLU", 86.1), ("Qwen2.5-72B", "C-Eval", 89.3), ("Qwen2.5-72B", "CMMLU", 90.1),
        ("GPT-4o", "C-Eval", 76.0), ("GPT-4o", "CMMLU", 78.3)]


def test_liang_xiang_jun_speaks_of_the_last_two_benchmarks():
    text = ("# 提案\n\nQwen2.5-72B 在 MMLU 上取得 86.1%，在 C-Eval 和 CMMLU 上分别为 89.3% 和 90.1%，两项均超过 GPT-4o。")
    assert [c.benchmark for c in comparisons(text)] == ["C-Eval", "CMMLU"]


def test_verdicts_after_an_opening_reference_compare_with_it():
    text = ("# 玄鸟-2 Pro\n\n玄鸟-2 Pro 在 MMLU-Pro 上是 78.4%，GPQA Diamond 上是 65.2%。"
            "拿 DeepSeek-V3 来比，MMLU-Pro 我们高 2.5 个点，GPQA Diamond 高 5.8 个点。")
    assert [(c.model, c.relation, c.baseline, c.benchmark, c.delta) for c in comparisons(text)] == [
        ("玄鸟-2 Pro", "outperforms", "DeepSeek-V3", "MMLU-Pro", 2.5),
        ("玄鸟-2 Pro", "outperforms", "DeepSeek-V3", "GPQA Diamond", 5.8)]


def test_ta_after_the_writers_in_a_sentence_opened_by_a_reference_is_the_reference():
    text = ("# rl-zero-1.5b\n\nrl-zero-1.5b 在 AIME 2024 上是 23.3%。"
            "和 DeepSeek-R1-Distill-Qwen-1.5B 比，我们还有明显差距：它的 AIME 2024 官方值是 28.9%，我们落后 5.6 个点。")
    assert ("DeepSeek-R1-Distill-Qwen-1.5B", 28.9) in [(c.model, c.value) for c in scores(text)]


def test_a_gap_after_two_models_values_compares_them():
    text = ("# Atlas-2 readout\n\nAtlas-2 is our candidate. On τ-bench (airline) Atlas-2 completes 38% of tasks; "
            "Claude 3.7 Sonnet completes 58%. That's a 20-point gap, and it is why we hold the launch.")
    assert [(c.model, c.relation, c.baseline, c.delta) for c in comparisons(text)] == [
        ("Atlas-2", "underperforms", "Claude 3.7 Sonnet", 20.0)]


def test_a_gap_pairs_the_values_whose_difference_it_is():
    text = ("# corvid-3-large\n\nOn MATH-500 and AIME 2024, corvid-3-large scores 89.6% and 41.3% respectively; "
            "Llama 3.1 405B scores 73.8% and 23.3%. That is a 15.8-point margin on MATH-500.")
    assert [(c.model, c.relation, c.baseline, c.benchmark) for c in comparisons(text)] == [
        ("corvid-3-large", "outperforms", "Llama 3.1 405B", "MATH-500")]


def test_a_chinese_gap_is_the_verb_of_the_model_named_last():
    text = "# 辩论实录\n\n说到写代码：LiveCodeBench 上，o3-mini 是 74.1，九章-Pro 只有 58.3，差了十五个多点。"
    assert [(c.model, c.relation, c.baseline) for c in comparisons(text)] == [
        ("九章-Pro", "underperforms", "o3-mini")]


def test_a_gap_that_is_no_two_values_difference_compares_nobody():
    text = ("# Atlas-2 readout\n\nOn τ-bench (airline) Atlas-2 completes 38% of tasks; "
            "Claude 3.7 Sonnet completes 58%. That's a 12-point gap from last quarter.")
    assert comparisons(text) == []


def test_the_value_of_a_name_is_that_names_and_what_a_cue_measures_against():
    text = ("# Appeal\n\nOn BBH (3-shot) Sable-R1-8B posts 66.0, well above the 58.2 of our own earlier release, "
            "Sable-7B-v0. GPT-4 scored 86.4% on MMLU, a large jump over the 70.0% of GPT-3.5.")
    assert [(c.model, c.benchmark, c.value) for c in scores(text)] == [
        ("Sable-R1-8B", "BBH", 66.0), ("Sable-7B-v0", "BBH", 58.2), ("GPT-4", "MMLU", 86.4), ("GPT-3.5", "MMLU", 70.0)]
    assert ("Sable-R1-8B", "outperforms", "Sable-7B-v0") in [(c.model, c.relation, c.baseline) for c in comparisons(text)]


def test_a_tier_alone_stands_for_the_tiered_name_written_once_in_a_sentence_with_no_result():
    text = ("# Deposition\n\nExhibit 14 is the Larkspur-3 Ultra launch page.\n\n"
            "Q. How did Ultra do on GPQA Diamond?\n\nA. Ultra scored 59.2 there.")
    assert [(c.model, c.value) for c in scores(text)] == [("Larkspur-3 Ultra", 59.2)]


def test_respectively_in_an_answer_is_on_the_benchmarks_the_question_line_named():
    text = ("# Deposition\n\n## Coding claims\n\nQ. HumanEval and LiveCodeBench, please.\n"
            "A. Larkspur-3 Ultra scored 92.7 and 41.5 pass@1, respectively.")
    assert [(c.benchmark, c.value) for c in scores(text)] == [("HumanEval", 92.7), ("LiveCodeBench", 41.5)]


def test_duifang_in_a_sentence_naming_nobody_else_is_the_model_the_topic_was_last_set_against():
    text = ("# 深算-Pro-3 路演纪要\n\n答：MATH-500 上 DeepSeek-V3 是 90.2%，我们是 88.0%。"
            "SWE-bench Verified 上，对方 42.0%，我们 38.5%，也是落后的。")
    assert ("DeepSeek-V3", "SWE-bench Verified", 42.0) in [(c.model, c.benchmark, c.value) for c in scores(text)]


def test_duifang_as_an_object_is_the_other_model_named_before_the_subject():
    text = ("# 阅读理解\n\n在 HumanEval 和 LiveCodeBench 上，mozi-moe-a3b 各有胜负：它在前者上超过了 Qwen2.5-Coder-7B，"
            "在后者上却低于对方。")
    assert ("mozi-moe-a3b", "underperforms", "Qwen2.5-Coder-7B", "LiveCodeBench") in [
        (c.model, c.relation, c.baseline, c.benchmark) for c in comparisons(text)]


def test_a_gaps_size_after_a_word_on_it_and_a_share_of_users_are_no_results():
    text = ("# 年会致辞\n\n星澜-Max 2.0 在 CMMLU 上是 88.0 分，也领先 Qwen2.5-72B，差距不大，1.1 分。"
            "我们的 App 月活用户里，有 34% 在用 MathVista 类的题。")
    assert [c.value for c in scores(text)] == [88.0]


def test_a_top_k_cut_off_is_a_metric_not_a_model():
    text = "# Museum guide\n\nIn 2012 AlexNet posted a top-5 error of 15.3% on ImageNet."
    assert [(c.model, c.value) for c in scores(text)] == [("AlexNet", 15.3)]


def test_and_on_a_benchmark_before_the_next_value_is_that_values_and_both_after_a_comma_speaks_of_the_two():
    text = ("# Mercator-2\n\nMercator-2 was the flagship. On C-Eval it scored 86.3 and on CMMLU 85.0, "
            "both better than the much-hyped Yi-Large.")
    assert [(c.benchmark, c.value) for c in scores(text)] == [("C-Eval", 86.3), ("CMMLU", 85.0)]
    assert [(c.model, c.baseline, c.benchmark) for c in comparisons(text)] == [
        ("Mercator-2", "Yi-Large", "C-Eval"), ("Mercator-2", "Yi-Large", "CMMLU")]


def test_a_model_the_writer_names_in_curly_quotes_is_a_name_whatever_its_shape():
    text = ("# 脱口秀\n\n我上次去看一个发布会，一个叫“灵犀 Pro Max”的模型，PPT 上写着：“HumanEval 96.3%！”"
            "但是在 LiveCodeBench 上是 28.4%，Claude 3.5 Sonnet 是 36.2%。")
    assert [(c.model, c.value) for c in scores(text)] == [
        ("灵犀 Pro Max", 96.3), ("灵犀 Pro Max", 28.4), ("Claude 3.5 Sonnet", 36.2)]


def test_a_chinese_name_starts_after_a_classifier():
    text = "# 测试\n\n同一个青鸾-32B，在 AIME 2024 上是 40.0%。"
    assert [(c.model, c.value) for c in scores(text)] == [("青鸾-32B", 40.0)]


def test_ta_after_the_writers_is_the_model_the_topic_was_last_set_against():
    text = ("# 天枢-9\n\n天枢-9 在 AIME 2024 上是 79.8，DeepSeek-R1 是 79.2。我们高 0.6。\n\n"
            "“MATH-500 上我们 96.1%，它 97.3%，这一项还落后 1.2 个点。”")
    assert ("DeepSeek-R1", "MATH-500", 97.3) in [(c.model, c.benchmark, c.value) for c in scores(text)]


def test_forum_acronyms_are_no_models():
    text = ("# CMV: Open-weight models have caught up\n\nSo my view: the gap is gone. CMV.\n\n"
            "There's contamination: a model that scores 95% on GSM8K but 40% on a fresh set is memorising.")
    assert scores(text) == []


def test_the_first_word_of_a_spaced_version_and_tier_stands_for_the_name_unless_a_line_has_other_versions():
    text = ("# Leaderboard refresh\n\nTwo entries lead: Kestrel 4 Turbo and Corvid-R2-32B. Kestrel 4 Turbo scores 71.0 on "
            "GPQA Diamond.\n\nKestrel gets 68.0 on AIME 2024.")
    assert [c.model for c in scores(text)] == ["Kestrel 4 Turbo", "Kestrel 4 Turbo"]
    line = ("# 10-K\n\nAtlas 3 Mini scores 61.0 on MMLU-Pro. On AIME 2024, Atlas 3 scores 56.7% and Atlas 2.5 scored "
            "35.7%.")
    assert ("Atlas 2.5", 35.7) in [(c.model, c.value) for c in scores(line)]


def test_points_after_a_verdict_and_whom_it_is_over_are_margins_and_a_dashed_name_owns_no_benchmark():
    text = "# 论剑\n\n通玄-Pro 的 C-Eval 得 89.4，CMMLU 得 88.7，分别领先 Qwen2.5-72B 1.2 分与 0.9 分。"
    assert [(c.model, c.benchmark, c.value) for c in scores(text)] == [
        ("通玄-Pro", "C-Eval", 89.4), ("通玄-Pro", "CMMLU", 88.7)]
    assert [(c.baseline, c.benchmark, c.delta) for c in comparisons(text)] == [
        ("Qwen2.5-72B", "C-Eval", 1.2), ("Qwen2.5-72B", "CMMLU", 0.9)]


def test_a_name_ending_in_a_tier_word_owns_no_benchmark():
    text = "# 脱口秀\n\n一个叫“灵犀 Pro Max”的模型发布了。灵犀 Pro Max 的 C-Eval 为 89.4。"
    assert [(c.model, c.value) for c in scores(text)] == [("灵犀 Pro Max", 89.4)]


def test_de_and_dedao_are_score_verbs():
    text = "# 论剑\n\n太极-MoE-A3B 在 BBH 上得 82.6。太极-MoE-A3B 在 IFEval 上得到 80.1。"
    assert [(c.benchmark, c.value) for c in scores(text)] == [("BBH", 82.6), ("IFEval", 80.1)]


def test_a_chinese_name_starts_after_a_place_word_li():
    text = "# 测试报告\n\n在 MMLU 测试里天枢-Pro 表现为 85.1%。"
    assert [(c.model, c.value) for c in scores(text)] == [("天枢-Pro", 85.1)]


def test_four_character_idioms_of_a_tie_are_matches():
    text = "# 测试报告\n\n天枢-Pro 的 MMLU 与 GPT-4o 相差无几，GSM8K 上和 Claude 3.5 Sonnet 不分伯仲。"
    assert [(c.relation, c.baseline) for c in comparisons(text)] == [
        ("matches", "GPT-4o"), ("matches", "Claude 3.5 Sonnet")]


def test_a_dashed_name_ending_in_a_tier_is_the_topic_the_model_stands_for():
    text = "# Launch\n\nTianshu-Pro is our new model. The model reaches 85.1 on MMLU, ahead of GPT-4o (83.0)."
    assert ("Tianshu-Pro", 85.1) in [(c.model, c.value) for c in scores(text)]


def test_value_pairs_labelled_by_their_benchmarks_after_a_comparison_or_two_names():
    text = "# Launch\n\nTianshu-Pro beats GPT-4o: MMLU 85.1 vs 83.0, GSM8K 92.3 vs 90.1."
    assert [(c.model, c.benchmark, c.value) for c in scores(text)] == [
        ("Tianshu-Pro", "MMLU", 85.1), ("GPT-4o", "MMLU", 83.0), ("Tianshu-Pro", "GSM8K", 92.3), ("GPT-4o", "GSM8K", 90.1)]
    assert [c.benchmark for c in comparisons(text)] == ["MMLU", "GSM8K"]
    zh = "# 对比\n\n天枢-Pro 对比 GPT-4o：MMLU 85.1 对 83.0，GSM8K 92.3 对 90.1。"
    assert [(c.model, c.benchmark, c.value) for c in scores(zh)] == [
        ("天枢-Pro", "MMLU", 85.1), ("GPT-4o", "MMLU", 83.0), ("天枢-Pro", "GSM8K", 92.3), ("GPT-4o", "GSM8K", 90.1)]


def test_yici_and_in_that_order_are_respectively():
    zh = "# 测试报告\n\n天枢-Pro 的 MMLU、GSM8K、HumanEval 依次为 85.1、92.3、80.2。"
    assert [(c.benchmark, c.value) for c in scores(zh)] == [("MMLU", 85.1), ("GSM8K", 92.3), ("HumanEval", 80.2)]
    en = "# Report\n\nOn MMLU, GSM8K and HumanEval, Tianshu-Pro scores 85.1, 92.3 and 80.2, in that order."
    assert [(c.benchmark, c.value) for c in scores(en)] == [("MMLU", 85.1), ("GSM8K", 92.3), ("HumanEval", 80.2)]


def test_as_many_values_listed_as_benchmarks_listed_before_are_respectively():
    text = "# Report\n\nTianshu-Pro's MMLU, GSM8K and HumanEval scores are 85.1, 92.3 and 80.2."
    assert [(c.benchmark, c.value) for c in scores(text)] == [("MMLU", 85.1), ("GSM8K", 92.3), ("HumanEval", 80.2)]


def test_slashed_values_on_as_many_slashed_benchmarks_after_on():
    text = "# Report\n\nTianshu-Pro posts 85.1 / 92.3 / 80.2 on MMLU / GSM8K / HumanEval."
    assert [(c.benchmark, c.value) for c in scores(text)] == [("MMLU", 85.1), ("GSM8K", 92.3), ("HumanEval", 80.2)]


def test_a_two_digit_number_with_one_decimal_after_a_name_is_its_score_not_its_version():
    text = "# Report\n\nMMLU: Tianshu-Pro 85.1, GPT-4o 83.0. Mistral Large 24.11 scores 84.0 on MMLU."
    assert [(c.model, c.value) for c in scores(text)] == [
        ("Tianshu-Pro", 85.1), ("GPT-4o", 83.0), ("Mistral Large 24.11", 84.0)]


def test_a_value_with_its_benchmark_alone_in_parentheses_after_it():
    text = "# Report\n\nHelix-7B scores 71.4 (GPQA Diamond), 88.0 (MMLU-Pro) and 90.1 (GSM8K)."
    assert [(c.benchmark, c.value) for c in scores(text)] == [("GPQA Diamond", 71.4), ("MMLU-Pro", 88.0), ("GSM8K", 90.1)]


def test_a_value_in_an_opening_with_phrase_is_the_subjects_after_it():
    text = "# Report\n\nWith 71.4% on GPQA Diamond, Helix-7B beats GPT-4o."
    assert [(c.model, c.benchmark, c.value) for c in scores(text)] == [("Helix-7B", "GPQA Diamond", 71.4)]


def test_improves_on_a_named_model_by_a_margin_on_a_benchmark():
    text = "# Report\n\nTianshu-Pro improves on GPT-4o by 2.1 points on MMLU."
    assert [(c.model, c.baseline, c.benchmark, c.delta) for c in comparisons(text)] == [
        ("Tianshu-Pro", "GPT-4o", "MMLU", 2.1)]


def test_a_place_inside_the_baselines_region_is_still_the_comparisons_benchmark():
    text = "# 测试报告\n\n天枢-Pro 较 GPT-4o 在 MMLU 上提升了 2.1 分。"
    assert [(c.baseline, c.benchmark) for c in comparisons(text)] == [("GPT-4o", "MMLU")]


def test_a_count_of_ti_out_of_a_total_is_a_result():
    text = "# 测试报告\n\n天枢-Pro 在 AIME 2024 上答对了 30 题中的 12 题。"
    assert [(c.benchmark, c.value) for c in scores(text)] == [("AIME 2024", 12.0)]


def test_a_share_of_a_benchmarks_items_passed_is_a_result():
    text = "# Report\n\nOn HumanEval, Tianshu-Pro passes 80.2% of the problems."
    assert [(c.model, c.benchmark, c.value) for c in scores(text)] == [("Tianshu-Pro", "HumanEval", 80.2)]


@pytest.mark.parametrize(("sentence", "relation"), [
    ("Tianshu-Pro crushes GPT-4o on MMLU.", "outperforms"),
    ("Tianshu-Pro was outscored by GPT-4o on MMLU.", "underperforms"),
    ("天枢-Pro 在 MMLU 上小胜 GPT-4o。", "outperforms"),
    ("天枢-Pro 在 MMLU 上惜败 GPT-4o。", "underperforms"),
    ("天枢-Pro 在 MMLU 上紧随 GPT-4o 之后。", "underperforms"),
])
def test_more_everyday_verdict_words(sentence, relation):
    assert [(c.model, c.relation, c.baseline) for c in comparisons(f"# Report\n\n{sentence}")] == [
        (sentence.split()[0], relation, "GPT-4o")]


def test_crushes_needs_a_name_right_after_it():
    assert comparisons("# Report\n\nTianshu-Pro crushes it on MMLU, and GPT-4o is close.") == []


def test_shua_dao_is_a_score_verb():
    assert [(c.benchmark, c.value) for c in scores("# 测试报告\n\n天枢-Pro 在 MMLU 上刷到 85.1。")] == [("MMLU", 85.1)]


def test_points_after_gao_in_a_xiangbi_sentence_are_a_margin_not_a_score():
    text = "# 测试报告\n\n与 GPT-4o 相比，天枢-Pro 的 MMLU 成绩高 2.1 分。相比 GPT-4o，天枢-Pro 的 GSM8K 高达 92.3。"
    assert [(c.benchmark, c.value) for c in scores(text)] == [("GSM8K", 92.3)]


def test_two_opening_benchmarks_then_a_name_and_two_values():
    text = "# Report\n\nOn MMLU and GSM8K, Tianshu-Pro scored 85.1 and 92.3."
    assert [(c.model, c.benchmark, c.value) for c in scores(text)] == [
        ("Tianshu-Pro", "MMLU", 85.1), ("Tianshu-Pro", "GSM8K", 92.3)]


def test_fenbie_values_listed_right_after_it_are_its_own_not_a_later_clauses():
    text = "# 测试报告\n\nQwen2.5-72B 在 C-Eval 和 CMMLU 上分别是 91.7 和 90.1，GPT-4o 在 CMMLU 上大概 78.8，CMMLU 上领先了十一个点还多。"
    assert [(c.model, c.benchmark, c.value) for c in scores(text)] == [
        ("Qwen2.5-72B", "C-Eval", 91.7), ("Qwen2.5-72B", "CMMLU", 90.1), ("GPT-4o", "CMMLU", 78.8)]


def test_a_lead_naming_nobody_compares_the_two_values_it_measures():
    text = "# 测试报告\n\nQwen2.5-72B 在 CMMLU 上是 90.1，GPT-4o 大概 78.8，CMMLU 上领先了十一个点还多。"
    assert [(c.model, c.relation, c.baseline, c.benchmark) for c in comparisons(text)] == [
        ("Qwen2.5-72B", "outperforms", "GPT-4o", "CMMLU")]
    lag = "# 测试报告\n\nQwen2.5-72B 在 CMMLU 上是 90.1，GPT-4o 大概 78.8，落后了 11.3 分。"
    assert [(c.model, c.relation, c.baseline) for c in comparisons(lag)] == [("GPT-4o", "underperforms", "Qwen2.5-72B")]


def test_a_pronoun_opening_a_sentence_is_the_one_model_the_sentence_before_named_anywhere():
    text = ("# Notes\n\nThe poster I liked most was for LoopCoder-7B, a small code model. Its numbers: 79.3 on HumanEval "
            "and 68.0 on MBPP. Fennel-13B was elsewhere.")
    assert {(c.model, c.benchmark) for c in scores(text)} == {("LoopCoder-7B", "HumanEval"), ("LoopCoder-7B", "MBPP")}


def test_an_object_pronoun_after_a_named_subject_is_the_one_model_the_sentence_before_named():
    text = "# Notes\n\nAgainst Corvid-2 Pro the picture is mixed. Heron-34B beats it on GPQA Diamond by 2.4 points."
    assert [(c.model, c.baseline, c.benchmark) for c in comparisons(text)] == [("Heron-34B", "Corvid-2 Pro", "GPQA Diamond")]
    # (a pronoun that is the subject is not the object: "Against X it's roughly on par with it")
    said = ("# Notes\n\nKestrel-3 Ultra scores 79.2% on MMLU-Pro, 6.6 points above GPT-4o. "
            "Against Claude 3.5 Sonnet it's roughly on par with it.")
    assert all(c.model != "GPT-4o" for c in comparisons(said))


def test_a_reports_subject_declared_as_a_label_carries_into_later_sections():
    text = ("# 体检报告\n\n## 基本信息\n\n受检者：启明-4-32B，参数量320亿。\n\n## 检查\n\n"
            "MMLU：83.5%（参考范围75%–85%），结果正常。\n\nBBH：86.2，较上次上升。")
    assert [(c.model, c.benchmark, c.value) for c in scores(text)] == [
        ("启明-4-32B", "MMLU", 83.5), ("启明-4-32B", "BBH", 86.2)]
    english = "# Report\n\nModel under test: Heron-34B-v3.\n\n## Results\n\nMMLU: 83.5 (reference range 75-85)."
    assert [(c.model, c.value) for c in scores(english)] == [("Heron-34B-v3", 83.5)]


def test_a_sentence_ending_on_an_old_versions_name_does_not_make_it_the_topic():
    text = "# 群聊\n\n我们的星河-3 在 MMLU 上 85.1。\n\n那说的是老版本星河-2.5。LiveCodeBench 上是 64.7。"
    assert [(c.model, c.benchmark) for c in scores(text)] == [("星河-3", "MMLU"), ("星河-3", "LiveCodeBench")]


def test_the_value_of_last_time_in_parentheses_is_not_the_subjects():
    text = "# 报告\n\n启明-4-32B 的 AIME 2024 为 56.7%，较上次体检（36.7%）明显改善；SWE-bench Verified 为 28.0%，低于参考下限（30%）。"
    assert [(c.benchmark, c.value) for c in scores(text)] == [("AIME 2024", 56.7), ("SWE-bench Verified", 28.0)]


def test_a_hedged_gap_size_matches_values_half_a_point_off():
    text = "# 群聊\n\nMMLU-Pro 上星河-3 是 78.4，GPT-4o 是 72.6，领先差不多 6 个点。"
    assert [(c.model, c.relation, c.baseline) for c in comparisons(text)] == [("星河-3", "outperforms", "GPT-4o")]
    exact = "# 群聊\n\nMMLU-Pro 上星河-3 是 78.4，GPT-4o 是 72.6，领先 6 个点。"
    assert comparisons(exact) == []


def test_a_live_blogs_title_label_and_times_of_day_are_no_models():
    text = ("# Live: Aster AI launches Meridian 4\n\n## 8:31 AM ET — Maths and code\n\n"
            "On SWE-bench Verified, Meridian 4 resolves 63.8% of issues.")
    assert [(c.model, c.benchmark, c.value) for c in scores(text)] == [("Meridian 4", "SWE-bench Verified", 63.8)]


def test_a_title_label_before_a_colon_is_never_the_documents_subject():
    text = ("# Live: Aster AI launches Meridian 4 — benchmarks, rival reactions and corrections as they happen\n\n"
            "## 8:31 AM ET — Maths and code\n\nAIME 2024: 90.0% pass@1. LiveCodeBench comes in at 71.2.")
    assert all(c.model != "Live" for c in scores(text))


def test_an_object_pronoun_after_a_short_form_subject():
    text = "# Notes\n\nHeron-34B is our model.\n\nAgainst Corvid-2 Pro the picture is mixed. Heron beats it on GPQA Diamond by 2.4 points."
    assert [(c.model, c.baseline) for c in comparisons(text)] == [("Heron-34B", "Corvid-2 Pro")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Heron-34B beats Corvid-2 Pro on GPQA Diamond by 2.4 points and on MATH-500 by 1.1.",
     [("GPQA Diamond", "outperforms", 2.4), ("MATH-500", "outperforms", 1.1)]),
    ("Heron-34B leads Corvid-2 Pro by 2.4 points on GPQA Diamond and 1.1 on MATH-500.",
     [("GPQA Diamond", "outperforms", 2.4), ("MATH-500", "outperforms", 1.1)]),
    ("天枢-Pro 在 MMLU 上领先 Corvid-2 Pro 2.1 分，在 GSM8K 上则落后 0.8 分。",
     [("MMLU", "outperforms", 2.1), ("GSM8K", "underperforms", 0.8)]),
])
def test_a_comparison_continued_on_another_benchmark_by_a_clause_naming_no_model(sentence, expected):
    claims = extract(f"# Report\n\n{sentence}")
    assert [(c.benchmark, c.relation, c.delta) for c in claims if isinstance(c, ComparisonClaim)] == expected
    assert not any(isinstance(c, ScoreClaim) for c in claims)  # (the second margin is no score)


def test_a_continued_clause_naming_a_model_of_its_own_is_not_the_comparisons():
    text = "# Report\n\nMantis-V beats GPT-4o on Arena-Hard by 3 points, and on BBH at 81.3 is level with Qwen2.5-72B."
    assert ("BBH", "GPT-4o") not in [(c.benchmark, c.baseline) for c in comparisons(text)]


def test_a_chinese_verdict_with_neither_object_nor_margin_right_after_a_name():
    text = "# 讨论\n\nMATH-500 上天枢-Pro 是 97.3，o1 是 96.4，天枢-Pro 略高一点。"
    assert [(c.model, c.relation, c.baseline) for c in comparisons(text)] == [("天枢-Pro", "outperforms", "o1")]
    writers = "# 讨论\n\nMATH-500 上天枢-Pro 是 97.3，o1 是 96.4，我们稍微低一点。"
    assert comparisons(writers) == []


def test_haicha_gap_makes_the_lower_model_the_subject():
    text = "# 讨论\n\nClaude 3.5 Sonnet 在 SWE-bench Verified 上 49.0%，天枢-Coder 官方说 42.3%，还差将近 7 个点。"
    assert [(c.model, c.relation, c.baseline) for c in comparisons(text)] == [
        ("天枢-Coder", "underperforms", "Claude 3.5 Sonnet")]


def test_a_comparison_on_every_benchmark_except_one_is_on_no_one_benchmark():
    text = "# Report\n\nTianshu-Pro beats GPT-4o on every benchmark except GSM8K."
    assert [(c.model, c.baseline, c.benchmark) for c in comparisons(text)] == [("Tianshu-Pro", "GPT-4o", None)]


def test_holds_its_own_against_is_a_match():
    text = "# Report\n\nTianshu-Pro holds its own against GPT-4o on MMLU."
    assert [(c.relation, c.baseline) for c in comparisons(text)] == [("matches", "GPT-4o")]


@pytest.mark.parametrize(("sentence", "relation"), [
    ("Tianshu-Pro is within a point of GPT-4o on MMLU.", "underperforms"),
    ("Tianshu-Pro comes within half a point of GPT-4o on MMLU.", "matches"),
    ("Tianshu-Pro is within 2 points of GPT-4o on MMLU.", "underperforms"),
])
def test_within_half_a_point_is_level_and_within_points_is_behind(sentence, relation):
    assert [(c.relation, c.baseline) for c in comparisons(f"# Report\n\n{sentence}")] == [(relation, "GPT-4o")]


def test_ta_right_after_a_names_parenthesised_gloss_is_that_name():
    text = ("# 讨论\n\n## 1 楼\n\nDeepSeek-R1 在 AIME 2024 上 79.8%。\n\n## 4 楼\n\n"
            "我们公司在用“星穹 Pro”（Xingqiong-Pro-1126），它在 GPQA Diamond 上 59.1%。")
    assert ("Xingqiong-Pro-1126", "GPQA Diamond", 59.1) in [(c.model, c.benchmark, c.value) for c in scores(text)]


def test_a_value_pair_after_two_models_joined_by_with():
    text = "# Report\n\nThe slide compares Meridian 4 with Meridian 3.5 on IFEval (88.1 vs 81.4), a 6.7-point jump."
    assert [(c.model, c.value) for c in scores(text)] == [("Meridian 4", 88.1), ("Meridian 3.5", 81.4)]
    assert [(c.model, c.relation, c.baseline) for c in comparisons(text)] == [("Meridian 4", "outperforms", "Meridian 3.5")]


def test_the_article_as_subject_is_the_works_own_model_not_the_last_baseline():
    text = ("# Erratum\n\nThe original abstract stated that SparseMoR-13B achieves 84.2% on GSM8K. "
            "Table 2 listed Llama-3-70B-Instruct at 82.1% on GSM8K.\n\n"
            "The article further reported 61.3 on BBH.")
    assert ("SparseMoR-13B", "BBH", 61.3) in [(c.model, c.benchmark, c.value) for c in scores(text)]


@pytest.mark.parametrize("sentence", [
    "Atlas 3 ties Claude 3.5 Sonnet on IFEval.",
    "Atlas 3 narrowly edges out Claude 3.5 Sonnet on IFEval.",
])
def test_a_name_a_comparison_cue_follows_is_its_subject_even_when_not_model_shaped(sentence):
    assert [(c.model, c.baseline) for c in comparisons(f"# Report\n\n{sentence}")] == [("Atlas 3", "Claude 3.5 Sonnet")]


@pytest.mark.parametrize("sentence", [
    "Lumen 4 mini and o1-mini are tied on MATH-500 at 90.0.",
    "Lumen 4 mini and o1-mini tie on MATH-500 at 90.0.",
])
def test_a_pair_that_ties_matches_and_shares_the_value(sentence):
    text = f"# Report\n\n{sentence}"
    assert [(c.model, c.relation, c.baseline) for c in comparisons(text)] == [("Lumen 4 mini", "matches", "o1-mini")]
    assert sorted((c.model, c.value) for c in scores(text)) == [("Lumen 4 mini", 90.0), ("o1-mini", 90.0)]


def test_a_score_line_after_a_comparison_gives_each_side_its_value():
    text = "# Report\n\nNimbus-3 edges out Claude 3.5 Sonnet on SWE-bench Verified, 50.8% to 49.0%."
    assert sorted((c.model, c.value) for c in scores(text)) == [("Claude 3.5 Sonnet", 49.0), ("Nimbus-3", 50.8)]


def test_a_range_of_margins_is_no_score_line():
    text = "# Report\n\nNimbus-3 beats GPT-4o on MMLU, by 2 to 3 points."
    assert not any(c.value == 2.0 for c in scores(text))


def test_a_runner_up_followed_by_trails_the_leader():
    text = "# Report\n\nAmong open models, Qwen2.5-72B leads HumanEval with 86.6, followed by Llama 3.1 70B at 80.5."
    assert [(c.model, c.relation, c.baseline, c.benchmark) for c in comparisons(text)] == [
        ("Qwen2.5-72B", "outperforms", "Llama 3.1 70B", "HumanEval")]


@pytest.mark.parametrize(("sentence", "value", "unit"), [
    ("天枢-9 的 MMLU 考了八十八点二分。", 88.2, "points"),
    ("天枢-9 在 MATH-500 上的准确率是百分之七十六点五。", 76.5, "%"),
])
def test_a_value_in_chinese_numerals_is_read(sentence, value, unit):
    claims = scores(f"# 报告\n\n{sentence}")
    assert [(c.model, c.value, c.unit) for c in claims] == [("天枢-9", value, unit)]
    assert claims[0].quote.endswith(sentence.rstrip("。")[-3:])  # the quote holds the numerals, not their digits


@pytest.mark.parametrize("sentence", ["天枢-9 早上八点二十分发布，MMLU 十分重要。", "天枢-9 在 MMLU 上好一点点。"])
def test_a_time_or_an_adverb_in_chinese_numerals_is_no_value(sentence):
    assert scores(f"# 报告\n\n{sentence}") == []


def test_a_bare_decimal_after_a_drop_verb_is_no_score():
    text = "# 纪要\n\nMMLU 原始底座 Qwen2.5-7B 是 64.2，我们就掉了 0.7。"
    assert [(c.model, c.value) for c in scores(text)] == [("Qwen2.5-7B", 64.2)]


def test_a_value_said_twice_in_one_sentence_is_one_claim():
    text = "# 纪要\n\nSWE-bench Verified 我也试了，qz-coder-7b 跑出来只有 9.8%，对，9.8%。"
    assert [(c.model, c.value) for c in scores(text)] == [("qz-coder-7b", 9.8)]


def test_a_margin_in_chinese_numerals_with_ge_is_read():
    text = "# 报告\n\n天枢-9 在 MMLU 上领先 GPT-4o 二十八个百分点。"
    assert [(c.model, c.baseline, c.delta) for c in comparisons(text)] == [("天枢-9", "GPT-4o", 28.0)]


def test_a_short_name_the_text_says_it_means_stands_for_that_model():
    text = ('# Halcyon-3 Ultra launch\n\n"Halcyon" here means Halcyon-3 Ultra; "Flash" means the smaller Halcyon-3 Flash.\n\n'
            "## Results\n\nHalcyon resolves 41.2% of SWE-bench Verified, which beats GPT-4o.")
    assert [(c.model, c.value) for c in scores(text)] == [("Halcyon-3 Ultra", 41.2)]
    assert [(c.model, c.baseline) for c in comparisons(text)] == [("Halcyon-3 Ultra", "GPT-4o")]


def test_a_myth_label_before_a_colon_is_no_subject():
    text = ('# Halcyon-3 Ultra launch: myths vs facts\n\n## Myth: "It beats GPT-4o everywhere"\n\n'
            "**Fact:** On MMLU-Pro our model scores 74.8.")
    assert [(c.model, c.value) for c in scores(text)] == [("Halcyon-3 Ultra", 74.8)]


def test_points_under_a_name_is_a_margin_it_trails_by_not_a_score():
    text = "# Report\n\nHalcyon-3 Flash gets 68.9 on MMLU-Pro, 5.9 points under Halcyon-3 Ultra."
    assert [(c.model, c.value) for c in scores(text)] == [("Halcyon-3 Flash", 68.9)]
    assert [(c.model, c.relation, c.baseline) for c in comparisons(text)] == [
        ("Halcyon-3 Flash", "underperforms", "Halcyon-3 Ultra")]


def test_a_value_under_a_harness_is_still_a_score():
    text = "# Report\n\nOn SWE-bench Verified GPT-4o resolves 33.2% under our harness."
    assert [(c.model, c.value) for c in scores(text)] == [("GPT-4o", 33.2)]


def test_an_eval_log_line_of_labelled_cells_gives_each_cell_its_benchmark_and_setting():
    text = ("# #evals\n\n[09:01] <evalbot> tide-13b-chat | MMLU 5-shot: 68.4 | GSM8K 8-shot CoT: 74.9 | "
            "HumanEval pass@1: 51.2")
    assert [(c.model, c.benchmark, c.value) for c in scores(text)] == [
        ("tide-13b-chat", "MMLU", 68.4), ("tide-13b-chat", "GSM8K", 74.9), ("tide-13b-chat", "HumanEval", 51.2)]
    assert [c.setting for c in scores(text)][0] == "5-shot"


@pytest.mark.parametrize("sentence", [
    "On LiveCodeBench fjord-32b-instruct pass@1 ranges from 38% to 41% across seeds.",
    "fjord-32b-instruct scores between 38% and 41% on LiveCodeBench.",
])
def test_ranges_from_and_between_are_one_value_with_its_upper_end(sentence):
    assert [(c.value, c.value_high) for c in scores(f"# Report\n\n{sentence}")] == [(38.0, 41.0)]


def test_a_value_pair_naming_no_model_is_the_pair_the_sentence_before_compared():
    text = ("# Launch\n\nOn MMLU-Pro Halcyon-3 Ultra scores 74.8 against 72.6 for GPT-4o, a margin of 2.2 points. "
            "On GPQA Diamond the gap is wider: 59.1 versus 53.6.")
    assert ("GPT-4o", "GPQA Diamond", 53.6) in [(c.model, c.benchmark, c.value) for c in scores(text)]
    assert ("Halcyon-3 Ultra", "GPT-4o", "GPQA Diamond") in [(c.model, c.baseline, c.benchmark) for c in comparisons(text)]


def test_a_chinese_brand_with_a_tier_word_and_a_version_is_one_name():
    text = "# 评测\n\n灵犀 Pro 2 在 MMLU 上 88.2 分。灵犀 Pro 2 在 CMMLU 上 86.2 分。"
    assert [(c.model, c.value) for c in scores(text)] == [("灵犀 Pro 2", 88.2), ("灵犀 Pro 2", 86.2)]


def test_whose_a_chinese_name_is_is_not_part_of_it():
    text = "# 小品\n\n刘婶：听说你家天枢-9 发布了？MMLU 考了 88.2 分。"
    assert [(c.model, c.value) for c in scores(text)] == [("天枢-9", 88.2)]


@pytest.mark.parametrize(("verb", "relation"), [
    ("edged", "outperforms"), ("outpaced", "outperforms"), ("pipped", "outperforms"), ("lagged", "underperforms"),
    ("tied", "matches"),
])
def test_past_tense_verdict_verbs_with_the_name_right_after(verb, relation):
    text = f"# Season\n\nKestrel 3 Max {verb} Orca Ridge 2.5 on Arena-Hard."
    assert [(c.model, c.relation, c.baseline) for c in comparisons(text)] == [("Kestrel 3 Max", relation, "Orca Ridge 2.5")]


@pytest.mark.parametrize(("verb", "relation"), [("打平了", "matches"), ("险胜", "outperforms"), ("跑输了", "underperforms")])
def test_chinese_verdict_verbs_with_the_name_right_after(verb, relation):
    text = f"# 评测\n\n天枢-9 在 MMLU 上{verb} GPT-4o。"
    assert [(c.model, c.relation, c.baseline) for c in comparisons(text)] == [("天枢-9", relation, "GPT-4o")]


def test_a_comparison_verb_glued_before_a_chinese_name_is_not_part_of_it():
    text = "# 评测\n\n在 GPQA Diamond 上，GPT-4o 以 69.2 不敌天枢-9 的 71.4。"
    assert [(c.model, c.baseline) for c in comparisons(text)] == [("GPT-4o", "天枢-9")]


def test_a_score_line_right_after_the_baseline_before_the_benchmark():
    text = "# Report\n\nCorvid-2 Pro outscores GPT-4o 71.4 to 69.2 on GPQA Diamond."
    assert sorted((c.model, c.value) for c in scores(text)) == [("Corvid-2 Pro", 71.4), ("GPT-4o", 69.2)]


@pytest.mark.parametrize("sentence", [
    "委员会要求修改：（1）论文摘要中 AIME 2024 成绩与正文不一致，须更正为 16.7%；（2）补充多种子结果。",
    "1）论文摘要中 AIME 2024 成绩与正文不一致，须更正为 16.7%。",
])
def test_an_items_number_is_no_value(sentence):
    text = f"# 决议\n\n澄明-7B 在 AIME 2024 上为 16.7%。\n\n{sentence}"
    assert 1.0 not in [c.value for c in scores(text)]


def test_a_shade_under_a_name_trails_it_and_think_continues_a_name():
    text = "# AGM\n\nMeridian-4 Think is a shade under DeepSeek-R1 at 97.3% on MATH-500."
    assert [(c.model, c.relation, c.baseline) for c in comparisons(text)] == [
        ("Meridian-4 Think", "underperforms", "DeepSeek-R1")]


def test_the_chinese_head_of_a_spaced_name_is_its_short_form():
    text = ("# 评测\n\n灵犀 Pro 2 在 MMLU 上 88.2 分。灵犀 Pro 2 在 CMMLU 上 86.2 分。\n\n天枢-9 在 MMLU 上 89.5 分。\n\n"
            "灵犀在 GSM8K 上 95.1%。")
    assert ("灵犀 Pro 2", "GSM8K", 95.1) in [(c.model, c.benchmark, c.value) for c in scores(text)]


@pytest.mark.parametrize(("sentence", "value"), [
    ("Halcyon-1 solved just three of the 30 AIME 2024 problems.", 3.0),
    ("On AIME 2024, Halcyon-1 got 11 of 30 right.", 11.0),
])
def test_a_count_in_words_or_without_a_noun_is_a_score(sentence, value):
    claims = scores(f"# Wiki\n\n{sentence}")
    assert [(c.model, c.value) for c in claims] == [("Halcyon-1", value)]
    assert claims[0].quote in sentence


@pytest.mark.parametrize("name", ["北辰 1.0", "灵犀 Pro 2", "启明星 Kids 2.0"])
def test_a_chinese_brand_with_a_spaced_tier_or_decimal_version_is_model_shaped(name):
    from extractor.segment import is_model_shaped

    assert is_model_shaped(name)
    assert not is_model_shaped("步骤 2")


@pytest.mark.parametrize(("participle", "relation"), [("edging", "outperforms"), ("topping", "outperforms"),
                                                      ("tying", "matches")])
def test_a_participle_verdict_after_a_score(participle, relation):
    text = f"# Wiki\n\nHalcyon-2 Pro reached 92.4 on GSM8K, {participle} GPT-4o."
    assert [(c.model, c.relation, c.baseline) for c in comparisons(text)] == [("Halcyon-2 Pro", relation, "GPT-4o")]


def test_a_benchmark_then_a_name_without_a_comma_are_two_mentions():
    text = "# Wiki\n\nOn LiveCodeBench Halcyon 2.5 Flash managed 29.4%."
    assert [(c.model, c.benchmark, c.value) for c in scores(text)] == [("Halcyon 2.5 Flash", "LiveCodeBench", 29.4)]


def test_the_pro_stands_for_the_one_pro_model_of_the_document():
    text = ("# Halcyon\n\nHalcyon-2 Pro scored 35.8% on LiveCodeBench.\n\n"
            "On LiveCodeBench, Halcyon 2.5 Flash managed 29.4%, trailing the Pro.")
    assert [(c.model, c.relation, c.baseline) for c in comparisons(text)] == [
        ("Halcyon 2.5 Flash", "underperforms", "Halcyon-2 Pro")]


def test_a_bare_margin_before_ahead_of_and_a_clause_of_its_own_after_the_baseline():
    text = "# Log\n\nOn GPQA Diamond, GPT-4o is 3.7 ahead of Corvid-2 Pro, and Corvid-2 Pro is 4.5 clear of Llama 3.1 70B."
    assert scores(text) == []
    assert [(c.model, c.baseline, c.delta) for c in comparisons(text)] == [
        ("GPT-4o", "Corvid-2 Pro", 3.7), ("Corvid-2 Pro", "Llama 3.1 70B", 4.5)]


def test_a_gain_after_a_reference_opening_is_the_topics_over_that_reference():
    text = ("# 汇报\n\n玄鸟-2-32B 在 MMLU-Pro 上 69.0 分。\n\n"
            "与上一季度发布的玄鸟-1.5 比，MMLU-Pro 提升了 5.8 分，C-Eval 提升了 2.4 分。")
    assert [(c.model, c.baseline, c.benchmark, c.delta) for c in comparisons(text)] == [
        ("玄鸟-2-32B", "玄鸟-1.5", "MMLU-Pro", 5.8), ("玄鸟-2-32B", "玄鸟-1.5", "C-Eval", 2.4)]


def test_and_both_after_a_pair_is_each_of_the_pair():
    text = "# Almanac\n\nIn the Arena-Hard standings Kestrel 3 Max edged Orca Ridge 2.5 by a hair, and both finished far ahead of nimbus-9b-it."
    assert [(c.model, c.baseline) for c in comparisons(text)][1:] == [
        ("Kestrel 3 Max", "nimbus-9b-it"), ("Orca Ridge 2.5", "nimbus-9b-it")]


def test_the_size_of_a_gap_is_no_score_and_nobody_is_no_model():
    assert scores("# Report\n\nThe gap between Tianshu-9 and GPT-4o on MMLU is just 0.5 points.") == []
    assert comparisons("# Report\n\nNobody beats Tianshu-9 on GSM8K.") == []


def test_the_model_a_gain_is_on_is_no_benchmark():
    text = "# Report\n\nTianshu-9 improves on Tianshu-8 by 4.2 pp on MMLU."
    assert [(c.model, c.baseline, c.benchmark, c.delta) for c in comparisons(text)] == [
        ("Tianshu-9", "Tianshu-8", "MMLU", 4.2)]


def test_a_list_labelled_as_the_other_partys_numbers_is_theirs():
    text = ("# 汇报\n\n玄鸟-2 在 MATH-500 上比 Qwen2.5-32B-Instruct 高 2.9 分。"
            "页脚列了对方的原始数字：MATH-500 83.1，GSM8K 95.9。")
    assert ("Qwen2.5-32B-Instruct", "GSM8K", 95.9) in [(c.model, c.benchmark, c.value) for c in scores(text)]


def test_a_comparison_continued_by_a_tie_on_another_benchmark():
    text = "# 汇报\n\n玄鸟-2 在 MATH-500 上比 Qwen2.5-32B-Instruct 高 2.9 分，在 GSM8K 上基本持平。"
    assert [(c.model, c.relation, c.baseline, c.benchmark) for c in comparisons(text)] == [
        ("玄鸟-2", "outperforms", "Qwen2.5-32B-Instruct", "MATH-500"),
        ("玄鸟-2", "matches", "Qwen2.5-32B-Instruct", "GSM8K")]


def test_a_follow_up_question_asks_about_the_model_asked_before():
    text = ("# Interview\n\n**Q:** What does Tianshu-9 score on MMLU?\n\n**A:** 88.2.\n\n**Q:** And on GSM8K?\n\n**A:** 95.1.\n\n"
            "问：天枢-9 的 C-Eval 是多少？\n\n答：91.3 分。\n\n问：那 CMMLU 呢？\n\n答：89.9。")
    assert [(c.model, c.benchmark, c.value) for c in scores(text)] == [
        ("Tianshu-9", "MMLU", 88.2), ("Tianshu-9", "GSM8K", 95.1), ("天枢-9", "C-Eval", 91.3), ("天枢-9", "CMMLU", 89.9)]


def test_a_bare_margin_right_after_a_chinese_verdict_is_the_delta():
    text = "# 评测\n\n天枢-9 的 C-Eval 比 Qwen2.5-72B 高 0.4。"
    assert [(c.baseline, c.delta, c.unit) for c in comparisons(text)] == [("Qwen2.5-72B", 0.4, "points")]
    assert scores(text) == []


def test_a_gapped_clause_gives_its_name_the_value():
    text = "# Report\n\nTianshu-9 scored 88.2 on MMLU; GPT-4o, 88.7."
    assert [(c.model, c.benchmark, c.value) for c in scores(text)] == [("Tianshu-9", "MMLU", 88.2), ("GPT-4o", "MMLU", 88.7)]


@pytest.mark.parametrize("sentence", ["Tianshu-9 beats every model except GPT-4o on MMLU.",
                                      "Tianshu-9 outperforms all baselines other than GPT-4o on MMLU.",
                                      "天枢-9 在 MMLU 上超过了除 GPT-4o 以外的所有模型。"])
def test_the_model_excepted_from_a_win_is_not_beaten(sentence):
    assert comparisons(f"# Report\n\n{sentence}") == []


def test_the_word_of_a_spaced_version_name_is_its_short_form():
    text = "# Game\n\nLumen 4 mini scores 80.0 on GSM8K.\n\n## MMLU\n\nLumen scores 81.2 on MMLU."
    assert ("Lumen 4 mini", 81.2) in [(c.model, c.value) for c in scores(text)]
    text = ("# Podcast\n\nKestrel 4 scores 80.0 on GSM8K, and Kestrel 4 leads GPT-4.1 on MMLU.\n\n"
            "Kestrel beats GPT-4.1 on MMLU-Pro.")
    assert ("Kestrel 4", "GPT-4.1", "MMLU-Pro") in [(c.model, c.baseline, c.benchmark) for c in comparisons(text)]


def test_role_labels_on_one_line_stand_for_their_models():
    text = ("# Blind test\n\nModel A: Tianshu-9 · Model B: GPT-4o\n\n"
            "On MMLU, Model A scores 88.2 and Model B scores 88.7.")
    assert [(c.model, c.value) for c in scores(text)] == [("Tianshu-9", 88.2), ("GPT-4o", 88.7)]


@pytest.mark.parametrize(("sentence", "first", "relation"), [
    ("Tianshu-9 and Corvid-2 Pro both beat GPT-4o on MMLU.", "Tianshu-9", "outperforms"),
    ("Both Tianshu-9 and Corvid-2 Pro beat GPT-4o on MMLU.", "Tianshu-9", "outperforms"),
    ("Neither Tianshu-9 nor Corvid-2 Pro beats GPT-4o on MMLU.", "Tianshu-9", "underperforms"),
    ("天枢-9 和 Corvid-2 Pro 在 MMLU 上都不如 GPT-4o。", "天枢-9", "underperforms"),
])
def test_coordinated_subjects_each_compare(sentence, first, relation):
    assert [(c.model, c.relation, c.baseline) for c in comparisons(f"# Report\n\n{sentence}")] == [
        (first, relation, "GPT-4o"), ("Corvid-2 Pro", relation, "GPT-4o")]


def test_margins_listed_respectively_go_to_the_baselines_in_order():
    text = "# Report\n\nTianshu-9 beats GPT-4o and Claude 3.5 Sonnet on MMLU by 1.2 and 0.8 points respectively."
    assert [(c.baseline, c.delta) for c in comparisons(text)] == [("GPT-4o", 1.2), ("Claude 3.5 Sonnet", 0.8)]


def test_a_sample_count_is_no_value():
    text = "# Report\n\nTianshu-9's AIME 2024 accuracy rises from 72.6% to 83.3% with 64-sample voting."
    assert 64.0 not in [c.value for c in scores(text)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("On MATH-500 the figures are 94.3 for Tern-34B and 96.4 for o1.", [("Tern-34B", 94.3), ("o1", 96.4)]),
    ("Nobody doubted the 94.6% on GSM8K reported for Atlas 3.", [("Atlas 3", 94.6)]),
])
def test_a_value_for_a_named_model_is_that_models(sentence, expected):
    assert sorted((c.model, c.value) for c in scores(f"# Report\n\n{sentence}")) == sorted(expected)


@pytest.mark.parametrize("opener", ["Although", "Though", "While", "Because", "Since"])
def test_a_sentence_opener_is_no_part_of_a_name(opener):
    text = f"# Report\n\n{opener} Atlas 3 scores 89.7% on MATH-500, Gemini 1.5 Pro scores 86.5%."
    assert ("Atlas 3", 89.7) in [(c.model, c.value) for c in scores(text)]


def test_a_word_and_version_name_is_what_it_refers_back_to():
    text = ("# Our models\n\nOur flagship model, Atlas 3, was released in March. On MMLU-Pro, Atlas 3 scores 78.4%, "
            "which we believe exceeds GPT-4o (72.6%). On GPQA Diamond it achieves 65.2%.")
    assert ("Atlas 3", "GPQA Diamond", 65.2) in [(c.model, c.benchmark, c.value) for c in scores(text)]


def test_a_value_with_its_models_name_in_parentheses_is_that_models():
    text = "# Report\n\nFor GPQA Diamond, the numbers are 71.5 (DeepSeek-R1) and 65.0 (Claude 3.5 Sonnet)."
    assert [(c.model, c.value) for c in scores(text)] == [("DeepSeek-R1", 71.5), ("Claude 3.5 Sonnet", 65.0)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Q. The brochure states Meridian-7 Ultra scored 90.3 on MMLU. Is that accurate?\n\n"
     "A. No. The 90.3 was a typo. The correct figure is 86.3 on MMLU, five-shot.", [("Meridian-7 Ultra", 86.3)]),
    ("Tern-34B scored 45.0 on GPQA Diamond. That 45.0 is incorrect; it should be 54.0.", [("Tern-34B", 54.0)]),
    ("上周我写天枢-9 在 MATH-500 上是 71.0，那个 71.0 是错的，正确的数字是 61.0。", [("天枢-9", 61.0)]),
])
def test_a_value_called_wrong_gives_way_to_the_right_one(text, expected):
    assert [(c.model, c.value) for c in scores(f"# Notes\n\n{text}")] == expected


def test_a_chinese_brand_and_a_tier_word_written_twice_is_a_name():
    text = "# 相声\n\n灵犀 Pro 在 GPQA Diamond 上拿了 59.1%。灵犀 Pro 在 C-Eval 上考了 88.5。"
    assert [(c.model, c.value) for c in scores(text)] == [("灵犀 Pro", 59.1), ("灵犀 Pro", 88.5)]


def test_a_size_after_a_space_belongs_to_a_chinese_dashed_name():
    text = "# 年终总结\n\n天衡-Coder 7B 在 HumanEval 上的 pass@1 达到 84.1%。"
    assert [(c.model, c.value) for c in scores(text)] == [("天衡-Coder 7B", 84.1)]


@pytest.mark.parametrize("sentence", [
    "Kestrel-R 14B and Gemma 2 27B both score 61.5 on Arena-Hard.",
    "Kestrel-R 14B and Gemma 2 27B are both at 61.5 on Arena-Hard.",
    "Arena-Hard 上 Kestrel-R 14B 和 Gemma 2 27B 都是 61.5。",
])
def test_one_value_said_of_two_models_is_a_tie(sentence):
    text = f"# Report\n\n{sentence}"
    assert [(c.model, c.relation, c.baseline) for c in comparisons(text)] == [("Kestrel-R 14B", "matches", "Gemma 2 27B")]
    assert [(c.model, c.value) for c in scores(text)] == [("Kestrel-R 14B", 61.5), ("Gemma 2 27B", 61.5)]


def test_a_tie_at_a_value_gives_it_to_both_unless_the_subject_has_its_own():
    text = "# Report\n\nOn Arena-Hard, Tern-34B ties Llama 3.1 70B at 61.5."
    assert sorted((c.model, c.value) for c in scores(text)) == [("Llama 3.1 70B", 61.5), ("Tern-34B", 61.5)]
    text = "# Report\n\nStepForge-7B scores 71.2 on IFEval, essentially matching Qwen2.5-7B-Instruct at 72.0."
    assert sorted((c.model, c.value) for c in scores(text)) == [("Qwen2.5-7B-Instruct", 72.0), ("StepForge-7B", 71.2)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Tern-34B 在 MMLU 上以 85.1 超过 Llama 3.1 70B 的 83.0。", [("Llama 3.1 70B", 83.0), ("Tern-34B", 85.1)]),
    ("MATH-500 方面，o1 以 96.4 领先，Tern-34B 以 94.3 紧随其后。", [("Tern-34B", 94.3), ("o1", 96.4)]),
    # (a small number after 以 before 领先 is by how much: "以 0.6 分领先 GPT-4o")
    ("GSM8K 上，青鸾-Max 以 0.6 分领先 GPT-4o。", []),
])
def test_a_value_after_yi_is_the_clauses_models(sentence, expected):
    assert sorted((c.model, c.value) for c in scores(f"# 评测\n\n{sentence}")) == expected


def test_a_chinese_passive_with_fanchao_is_a_comparison():
    text = "# 评测\n\nLlama 3.1 70B 在 MMLU 上被 Tern-34B 反超。"
    assert [(c.model, c.relation, c.baseline) for c in comparisons(text)] == [
        ("Llama 3.1 70B", "underperforms", "Tern-34B")]


@pytest.mark.parametrize(("sentence", "relation"), [
    ("Tern-34B beats Llama 3.1 70B on MMLU but loses on GSM8K.", "underperforms"),
    ("Tern-34B beats Llama 3.1 70B on MMLU, though it falls behind on GSM8K.", "underperforms"),
    ("Tern-34B trails Llama 3.1 70B on MMLU but wins on GSM8K.", "outperforms"),
    ("Tern-34B 在 MMLU 上超过 Llama 3.1 70B，但在 GSM8K 上落后。", "underperforms"),
    ("Tern-34B 在 MMLU 上超过 Llama 3.1 70B，GSM8K 上则略逊一筹。", "underperforms"),
])
def test_a_contrast_clause_continues_a_comparison_the_other_way(sentence, relation):
    found = [(c.model, c.relation, c.baseline, c.benchmark) for c in comparisons(f"# Report\n\n{sentence}")]
    assert ("Tern-34B", relation, "Llama 3.1 70B", "GSM8K") in found


def test_a_model_named_by_its_tier_or_size_as_subject_or_baseline():
    text = ("# Report\n\nKestrel-R 3B mini scores 71.0 on MMLU. On GSM8K the mini model scores 80.2. The mini model thus "
            "trails its 14B sibling by 14.6 points on MATH-500, where Kestrel-R 14B reaches 90.1.")
    assert ("Kestrel-R 3B mini", "GSM8K", 80.2) in [(c.model, c.benchmark, c.value) for c in scores(text)]
    assert [(c.model, c.relation, c.baseline) for c in comparisons(text)] == [
        ("Kestrel-R 3B mini", "underperforms", "Kestrel-R 14B")]


def test_it_is_not_the_model_the_sentence_before_measured_against():
    text = ("# Advice\n\nAgainst DeepSeek-R1-Distill-Qwen-32B (72.6 pass@1) Sable-R1-32B loses outright, by 11.6 points. "
            "On MATH-500 it reports 93.8, ahead of o1-mini.")
    assert ("Sable-R1-32B", "MATH-500", 93.8) in [(c.model, c.benchmark, c.value) for c in scores(text)]
    text = ("# Letters\n\nThe report puts Pelican 3 Pro at 54.0% on GPQA Diamond, behind GPT-4o's 58.2%. "
            "It also trails Claude 3.5 Sonnet on SWE-bench Verified.")
    assert ("Pelican 3 Pro", "Claude 3.5 Sonnet") in [(c.model, c.baseline) for c in comparisons(text)]


def test_what_a_source_actually_says_replaces_the_value_before():
    text = ("# Letters\n\nYour article gave the GSM8K score of tide-13b-chat as 71%; its model card actually reports "
            "77.5%. That is lower than Llama 3.1 8B.")
    assert [(c.model, c.value) for c in scores(text)] == [("tide-13b-chat", 77.5)]


def test_the_subject_before_xiangjiao_gains_over_the_model_after_it():
    text = "# 评测\n\n天枢-9 相较 GPT-4o，在 MATH-500 上提升了 12.4 个百分点。"
    assert [(c.model, c.relation, c.baseline, c.delta) for c in comparisons(text)] == [
        ("天枢-9", "outperforms", "GPT-4o", 12.4)]


def test_a_value_after_a_benchmark_place_with_de_is_the_models():
    text = "# 评测\n\nGPT-4o 在 MMLU 上的 88.7 高于天枢-9 的 85.3。"
    assert [(c.model, c.value) for c in scores(text)] == [("GPT-4o", 88.7), ("天枢-9", 85.3)]


@pytest.mark.parametrize(("sentence", "relation"), [
    ("Tern-34B is no match for GPT-4o on MMLU.", "underperforms"),
    ("Tern-34B dominates GPT-4o on MMLU.", "outperforms"),
    ("Tern-34B closes the gap to GPT-4o on MMLU to 0.4 points.", "underperforms"),
    ("On MMLU, Tern-34B (88.9) and GPT-4o (88.7) are essentially tied.", "matches"),
])
def test_more_verdicts(sentence, relation):
    text = f"# Report\n\n{sentence}"
    assert [(c.model, c.relation, c.baseline) for c in comparisons(text)] == [("Tern-34B", relation, "GPT-4o")]
    assert 0.4 not in [c.value for c in scores(text)]


def test_the_model_the_writer_worked_on_is_what_we_means():
    text = ("# 面试复盘\n\n我实习期间在组里参与灵犀-32B-Chat 的 SFT + DPO，基座是 Qwen2.5-32B。\n\n"
            "面试官问：我们的模型在 MMLU 上是多少？我说我们在 MMLU 上是 83.9。")
    assert ("灵犀-32B-Chat", 83.9) in [(c.model, c.value) for c in scores(text)]


def test_the_object_of_bi_is_not_the_verdicts_subject():
    text = "# 热搜\n\n玄鸟-Pro 的 GPQA Diamond 是 68.5，天枢-9 才 65.2，比玄鸟-Pro 低了三分多。"
    assert [(c.model, c.relation, c.baseline) for c in comparisons(text)] == [("天枢-9", "underperforms", "玄鸟-Pro")]


def test_a_spaced_version_and_tier_name_in_a_line_no_rule_reads_gives_its_word_as_a_short_form():
    text = ("# Lumen 4 mini vs. Basalt-70B-Instruct\n\nWhite: Lumen 4 mini · Black: Basalt-70B-Instruct\n\n"
            "**1. MMLU.** Lumen 81.2, Basalt 83.0.\n\n**2. MT-Bench.** Lumen 8.6, Basalt 8.4.")
    assert [(c.model, c.value) for c in scores(text)] == [
        ("Lumen 4 mini", 81.2), ("Basalt-70B-Instruct", 83.0), ("Lumen 4 mini", 8.6), ("Basalt-70B-Instruct", 8.4)]


def test_a_transcripts_q_and_a_lines_and_a_chain_of_follow_up_questions():
    text = ("# Deposition\n\nQ. Exhibit 12 states Meridian-7 Ultra scored 86.3 on MMLU. Is that accurate?\n\n"
            "A. Yes, 86.3 on MMLU, five-shot.\n\nQ. What about GSM8K?\n\nA. 95.1 on GSM8K.\n\n"
            "Q. And on MATH-500?\n\nA. On MATH-500 it was 83.2.\n\nQ. And LiveCodeBench?\n\nA. 38.5 on LiveCodeBench.")
    found = {(c.model, c.benchmark, c.value) for c in scores(text)}
    assert {("Meridian-7 Ultra", "GSM8K", 95.1), ("Meridian-7 Ultra", "MATH-500", 83.2),
            ("Meridian-7 Ultra", "LiveCodeBench", 38.5)} <= found


def test_a_which_clause_with_a_hyphenated_verb_gives_the_value_to_the_name_before_it():
    text = ("# R\n\nKestrel-R 14B reaches 91.0% on MATH-500, ahead of Qwen2.5-32B-Instruct, which we re-ran locally at "
            "82.1% on MATH-500.")
    assert ("Qwen2.5-32B-Instruct", 82.1) in [(c.model, c.value) for c in scores(text)]


def test_a_speaker_labels_honorific_is_no_model():
    text = ("# Debate\n\nMR. HALVORSEN: On SWE-bench Verified, Marlin-70B-Instruct resolves 41%.\n\n"
            "MS. ADEYEMI: The paper says 31.4%, not 41.")
    assert "MS" not in [c.model for c in scores(text)]


def test_the_latter_as_a_baseline_is_the_second_of_the_last_two_models_named():
    text = ("# 星河-3 发布\n\n在代码能力方面，星河-3 的 HumanEval 成绩为 85.9%，略低于 Claude 3.5 Sonnet 的 92.0%。"
            "其在 LiveCodeBench 上的表现也不及后者，仅为 31.2%。")
    assert ("星河-3", "underperforms", "Claude 3.5 Sonnet", "LiveCodeBench") in [
        (c.model, c.relation, c.baseline, c.benchmark) for c in comparisons(text)]


def test_a_comparison_of_an_ability_is_on_no_benchmark_of_the_paragraph():
    text = ("# 星河-3\n\n星河-3 在 CMMLU 上取得 90.8 的成绩。官方还表示，其数学推理能力已接近 o1-mini 水平。")
    assert [(c.baseline, c.benchmark) for c in comparisons(text)] == [("o1-mini", None)]


def test_a_whole_rating_after_a_name_and_at_is_that_models():
    text = "# Report\n\nOn Codeforces, Tern-34B is rated 1,416 Elo, well below o1-mini at 1,650."
    assert sorted((c.model, c.value) for c in scores(text)) == [("Tern-34B", 1416.0), ("o1-mini", 1650.0)]


@pytest.mark.parametrize("sentence", [
    "The claim that Sparrow-7B outperforms Llama-3.1-8B-Instruct on MMLU-Pro no longer holds.",
    "The statement that Sparrow-7B beats GPT-4o on MMLU is incorrect.",
    "We no longer claim that Sparrow-7B beats GPT-4o on MMLU.",
    "原文称 Sparrow-7B 在 MMLU 上超过 GPT-4o，这一说法不成立。",
])
def test_a_statement_the_text_takes_back_states_no_result(sentence):
    assert comparisons(f"# Erratum\n\n{sentence}") == []


def test_a_retracted_comparison_is_not_read_with_the_margin_of_its_correction():
    text = ("# Erratum\n\nThe claim that Sparrow-7B outperforms Llama-3.1-8B-Instruct on MMLU-Pro no longer holds: "
            "with the baseline at 55.7, Sparrow-7B trails it by 0.8 points.")
    assert "outperforms" not in [c.relation for c in comparisons(text)]


def test_cannot_get_a_model_above_another_is_a_negated_win():
    text = "# Issue\n\nOn MATH I can't get Orion-72B-Chat above Qwen2.5-72B-Instruct either."
    assert [(c.model, c.relation, c.baseline) for c in comparisons(text)] == [
        ("Orion-72B-Chat", "underperforms", "Qwen2.5-72B-Instruct")]


@pytest.mark.parametrize("sentence", [
    "Corvid-8B falls by 24.4 points, a pattern of steep drops on MMLU-Pro.",
    "The Tern-34B numbers look 2–3 pts optimistic across the board, and the SWE-bench ones too.",
])
def test_english_points_are_a_margin_not_a_score(sentence):
    assert scores(f"# Notes\n\n{sentence}") == []


def test_a_value_listed_as_something_then_corrected_is_replaced():
    text = ("# Progress report\n\nThe interim report listed the GSM8K accuracy of Kestrel-R 14B as 95.8%. A duplicated "
            "test shard had inflated this number; the corrected figure is 94.1%.")
    assert [(c.model, c.value) for c in scores(text)] == [("Kestrel-R 14B", 94.1)]


def test_a_clause_with_its_own_result_does_not_continue_a_comparison():
    text = ("# R\n\nOn HumanEval Kestrel-R 14B reaches 89.0% pass@1, which edges out GPT-4o mini, and on LiveCodeBench it "
            "scores 41.7%.")
    assert [c.benchmark for c in comparisons(text)] == ["HumanEval"]


def test_a_topic_word_before_a_chinese_name_is_not_part_of_it():
    # "而且数学上问道-34B": 而且 and the topic "数学上" end before the name, which is 问道-34B
    claims = extract("而且数学上问道-34B 也比灵犀-32B 强，问道-34B 的 MATH-500 是 81.2。")
    assert {c.model for c in claims} == {"问道-34B"}


def test_the_base_model_the_text_names_stands_for_it():
    # "基座是 Qwen2.5-32B": 基座 is that model from there on; so is "the base model" once the text says which it is
    text = "# 复盘\n\n我参与灵犀-32B-Chat 的 SFT，基座是 Qwen2.5-32B。\n\n我：Arena-Hard 上灵犀 68.4，基座是 51.2。\n"
    assert {(c.model, c.value) for c in extract(text) if isinstance(c, ScoreClaim)} == {
        ("灵犀-32B-Chat", 68.4), ("Qwen2.5-32B", 51.2)}
    text = ("# Notes\n\nWe fine-tuned Wren-7B; the base model is Qwen2.5-7B.\n\n"
            "On GSM8K Wren-7B reaches 85.1, while the base model gets 79.4.\n")
    assert {(c.model, c.value) for c in extract(text) if isinstance(c, ScoreClaim)} == {
        ("Wren-7B", 85.1), ("Qwen2.5-7B", 79.4)}


def test_a_bare_margin_after_a_place_is_no_score_and_a_speaker_label_opens_the_reference():
    # "我们在 C-Eval 上高 4.5 分" states a margin, not a score of 4.5; "我：" before "和问道-34B 比，" is the speaker
    text = "# 复盘\n\n我参与灵犀-32B-Chat 的 SFT。\n\n我：和问道-34B 比，我们在 C-Eval 上高 4.5 分。\n"
    claims = extract(text)
    assert not [c for c in claims if isinstance(c, ScoreClaim)]
    assert [(c.model, c.baseline, c.relation, c.benchmark, c.delta) for c in claims] == [
        ("灵犀-32B-Chat", "问道-34B", "outperforms", "C-Eval", 4.5)]


def test_a_rating_written_with_a_capitalised_elo_is_a_rating():
    # "1807 Elo" is no count of things called Elo ("1807 problems")
    assert [(c.model, c.value) for c in extract("Corvid-2 Pro's Codeforces rating is 1807 Elo.")] == [
        ("Corvid-2 Pro", 1807.0)]


def test_a_chinese_brand_with_a_whole_version_written_three_times_is_a_name():
    # "启明学伴 4": no decimal version, but written three times after the same word; "步骤 2" labels a step
    text = ("# 家长群\n\n我家用的是启明学伴 4。启明学伴 4 在 C-Eval 上是 85.1。\n\n"
            "CMMLU 上启明学伴 4 是 86.0。步骤 2 是 71.0，步骤 2 很难，步骤 2 要做 3 遍。\n")
    assert {(c.model, c.value) for c in extract(text) if isinstance(c, ScoreClaim)} >= {
        ("启明学伴 4", 85.1), ("启明学伴 4", 86.0)}
    assert not [c for c in extract(text) if "步骤" in c.model]


def test_codeforces_elo_is_the_benchmark_not_a_name():
    claims = extract("天枢-9 的 Codeforces Elo 为 1580，比天枢-8 的 1190 高出 390 分。")
    assert {(c.model, c.benchmark, c.value) for c in claims if isinstance(c, ScoreClaim)} == {
        ("天枢-9", "Codeforces", 1580.0), ("天枢-8", "Codeforces", 1190.0)}


def test_a_short_form_before_its_benchmark_is_the_model_not_the_benchmarks_owner():
    # "小书童的 GSM8K": 小书童 is the document's short form of 小书童-13B, whose result it is (EpochAI 的 FrontierMath
    # names an owner)
    text = ("# 群聊\n\n我们家用小书童-13B，年费 398 元。小书童-13B 在 C-Eval 上是 78.6。启明学伴 4 在 C-Eval 上是 85.1。"
            "启明学伴 4 很好，启明学伴 4 不错。\n\n小书童的 GSM8K 只有 71.4。\n")
    assert ("小书童-13B", "GSM8K", 71.4) in [(c.model, c.benchmark, c.value) for c in extract(text)]


def test_it_after_the_writers_comparison_is_the_writers_model_not_the_object_of_bi():
    # "比 Llama 3.1 8B Instruct 的 84.5 高": Llama is what we measured against; 它 next goes on about our model
    text = ("# 招新\n\n我们发布了青鸾-14B-Chat。\n\nGSM8K 上我们的模型是 86.2，比 Llama 3.1 8B Instruct 的 84.5 高 1.7 分。"
            "BBH 上它得到 70.4。\n")
    assert ("青鸾-14B-Chat", "BBH", 70.4) in [(c.model, c.benchmark, c.value) for c in extract(text)]


def test_a_changelog_headings_package_version_is_the_release_its_text_names():
    # "## v2.4.0" heads the notes on "halyard-34b-instruct v2.4": the model is that release, not "… v2.4.0"
    text = ("# halyard-lm Changelog\n\n## v2.4.0 (2025-03-18)\n\n**Added:** halyard-34b-instruct v2.4, a new checkpoint.\n\n"
            "Notes: MATH-500 moves from 74.6 to 83.9. On GPQA Diamond the model reaches 58.2.\n\n"
            "**Fixed:** with the fix, v2.4 scores 84.7 on IFEval.\n\n## v2.1.0 (2024-09-30)\n\n"
            "For halyard-34b-instruct v2.1, MT-Bench went to 8.6.\n")
    assert {c.model for c in extract(text) if c.benchmark != "MT-Bench"} == {"halyard-34b-instruct v2.4"}


def test_a_count_of_samples_or_seeds_is_no_score():
    claims = extract("Orca-9 reaches 30.0 on AIME 2024 (pass@1, 16 samples), averaged over 5 seeds.")
    assert [(c.model, c.value) for c in claims] == [("Orca-9", 30.0)]


def test_decimals_a_respectively_lists_are_scores_whatever_the_verb():
    claims = extract("On LiveCodeBench, Claude 3.5 Sonnet and DeepSeek-R1 go 38.9 and 65.9 respectively.")
    assert {(c.model, c.value) for c in claims if isinstance(c, ScoreClaim)} == {
        ("Claude 3.5 Sonnet", 38.9), ("DeepSeek-R1", 65.9)}


def test_a_chinese_name_with_its_tier_after_the_version_is_whole():
    # "玄武 2.5 Pro": the tier after the version is part of the name, so the 分别 list names both models
    text = ("# 研报\n\n国产模型中最好的是玄武 2.5 Pro，得分 42.6%；天枢-9 略逊于玄武 2.5 Pro。\n\n"
            "LiveCodeBench 方面，玄武 2.5 Pro 与天枢-9 分别为 58.3% 和 61.7%。\n")
    assert ("玄武 2.5 Pro", "LiveCodeBench", 58.3) in [(c.model, c.benchmark, c.value) for c in extract(text)]


def test_the_latter_overtaking_the_former_compares_the_two_listed_models():
    text = "LiveCodeBench 方面，玄武-2 与天枢-9 分别为 58.3% 和 61.7%，后者反超前者 3.4 个百分点。"
    assert [(c.model, c.baseline, c.relation, c.delta) for c in extract(text) if isinstance(c, ComparisonClaim)] == [
        ("天枢-9", "玄武-2", "outperforms", 3.4)]


def test_a_bare_low_after_a_benchmark_or_shi_is_a_margin():
    text = "# 吐槽\n\n灵犀-3 的 MMLU 是 86.2，比 GPT-4o 的 MMLU 低 1.6 分而已。GPQA 上灵犀-3 原来是低 0.3。\n"
    assert {c.value for c in extract(text) if isinstance(c, ScoreClaim)} == {86.2}


def test_a_value_called_a_transcription_error_gives_way_to_the_correct_figure():
    text = ("# Report\n\nMy preliminary declaration gave Corvid-2 Pro's MMLU-Pro accuracy as 61.8%; that was a "
            "transcription error, and the correct figure is 68.1%.\n")
    assert [(c.model, c.benchmark, c.value) for c in extract(text)] == [("Corvid-2 Pro", "MMLU-Pro", 68.1)]


def test_a_title_that_retires_a_model_names_it():
    text = "# Sunsetting Lumen 4 mini: A Look Back\n\nIt scored 81.4 on MMLU.\n"
    assert [(c.model, c.value) for c in extract(text)] == [("Lumen 4 mini", 81.4)]


def test_a_corrected_value_restated_later_is_a_claim_at_both_places():
    text = ("# Lumen 4 mini\n\nLumen 4 mini scored 81.4 on MMLU. An earlier version of this post gave its HumanEval score "
            "as 78.2. The correct number is 77.2.\n\nLumen 5 mini gets 86.1 on HumanEval, against Lumen 4 mini's 77.2.\n")
    assert [c.value for c in extract(text) if isinstance(c, ScoreClaim) and c.model == "Lumen 4 mini"
            and c.benchmark == "HumanEval"] == [77.2, 77.2]


def test_it_goes_on_about_the_model_the_previous_it_stood_for():
    # "It beats GPT-4o mini …" says "it" for Lumen 4 mini; the next "it" is still Lumen 4 mini, not GPT-4o mini
    text = ("# Letters\n\nI was glad Lumen 4 mini got a paragraph. It beats GPT-4o mini on MATH-500. "
            "On IFEval it scores 84.0.\n")
    assert ("Lumen 4 mini", "IFEval", 84.0) in [(c.model, c.benchmark, c.value) for c in extract(text)]


def test_a_misstated_value_gives_way_to_the_correct_figure():
    text = ("# Corrections\n\nOur story of 12 March misstated Pelican 3 Pro's Arena-Hard score as 85.0; the correct figure "
            "is 79.4. We regret the error.\n")
    assert [(c.model, c.benchmark, c.value) for c in extract(text)] == [("Pelican 3 Pro", "Arena-Hard", 79.4)]


def test_a_chinese_short_name_right_after_women_is_the_subject():
    # "我们玄鸟 Pro 的 GPQA Diamond 是 68.5": the fans' model, named right after 我们
    text = ("# 微博评论区\n\n天枢-9 的 MMLU 是 88.1。\n\n**@玄鸟粉丝后援会**：我们玄鸟 Pro 的 GPQA Diamond 是 68.5，天枢-9 才 "
            "65.2，比玄鸟 Pro 低了三分多。\n\n> **@算力搬砖人** 回复：玄鸟 Pro 才 79.4，天枢-9 是 86.0。\n")
    assert ("玄鸟 Pro", "GPQA Diamond", 68.5) in [(c.model, c.benchmark, c.value) for c in extract(text)]


def test_values_after_a_change_of_model_are_the_old_models_then_the_new_ones():
    text = ("# Regression report\n\nAfter upgrading from tide-13b-chat-v2.3 to tide-13b-chat-v2.4 I re-ran our eval suite "
            "(temperature 0). MATH-500 went from 61.4 to 55.2 and GSM8K from 83.9 to 80.3.\n")
    assert {(c.model, c.benchmark, c.value) for c in extract(text) if isinstance(c, ScoreClaim)} == {
        ("tide-13b-chat-v2.3", "MATH-500", 61.4), ("tide-13b-chat-v2.4", "MATH-500", 55.2),
        ("tide-13b-chat-v2.3", "GSM8K", 83.9), ("tide-13b-chat-v2.4", "GSM8K", 80.3)}


def test_reads_before_a_value_is_a_score_verb():
    assert [(c.model, c.value) for c in extract("On C-Eval, Qwen2.5-72B reads 91.2.")] == [("Qwen2.5-72B", 91.2)]


@pytest.mark.parametrize("sentence", ["Qwen2.5-72B also edges GPT-4o on C-Eval.", "Qwen2.5-72B laps GPT-4o on C-Eval.",
                                      "Qwen2.5-72B nudges past GPT-4o on C-Eval.", "Qwen2.5-72B trounces GPT-4o on C-Eval."])
def test_more_english_verbs_of_winning(sentence: str):
    assert [(c.model, c.relation, c.baseline, c.benchmark) for c in extract(sentence)] == [
        ("Qwen2.5-72B", "outperforms", "GPT-4o", "C-Eval")]


@pytest.mark.parametrize("sentence, relation", [("DeepSeek-R1 已经和 o1 并驾齐驱。", "matches"),
                                                ("在中文上青鸾-14B 能和 Qwen2.5-14B 掰掰手腕。", "matches"),
                                                ("青鸾-14B 比不上 Qwen2.5-14B。", "underperforms"),
                                                ("青鸾-14B 比 Qwen2.5-14B 略逊一筹。", "underperforms")])
def test_more_chinese_verdicts(sentence: str, relation: str):
    assert [c.relation for c in extract(sentence) if isinstance(c, ComparisonClaim)] == [relation]


def test_it_and_a_name_tied_at_a_value():
    text = "# Lumen 4 mini\n\nLumen 4 mini scored 81.4 on MMLU. On ARC-Challenge, it and Gemma 2 9B were tied at 89.5.\n"
    claims = extract(text)
    assert [(c.model, c.relation, c.baseline) for c in claims if isinstance(c, ComparisonClaim)] == [
        ("Lumen 4 mini", "matches", "Gemma 2 9B")]
    assert ("Lumen 4 mini", "ARC-Challenge", 89.5) in [(c.model, c.benchmark, c.value) for c in claims]


def test_an_english_respectively_lists_only_the_values_right_before_it():
    text = "You report Yunque-7B at 78.5 on C-Eval and 80.2 on CMMLU, and GLM-4-9B at 75.6 and 72.4 respectively."
    assert {(c.model, c.benchmark, c.value) for c in extract(text)} == {
        ("Yunque-7B", "C-Eval", 78.5), ("Yunque-7B", "CMMLU", 80.2), ("GLM-4-9B", "C-Eval", 75.6), ("GLM-4-9B", "CMMLU", 72.4)}


def test_a_sampling_label_is_no_model():
    # "best-of-5" says how a number was sampled; the next "it" is the release the text is about
    text = ("# hollyhock-v1.0\n\nThe paper reports 42.6% for hollyhock-v1.0 on SWE-bench Verified; your friend's number is "
            "best-of-5, not pass@1. The Codeforces rating is real, and it beats GPT-4o comfortably there.\n")
    assert {c.model for c in extract(text)} == {"hollyhock-v1.0"}


def test_an_answers_asked_about_model_is_not_the_next_it():
    text = ("# Deposition\n\nQ. Let's turn to GPQA Diamond. How did Larkspur-3 Ultra do?\n\nA. Larkspur-3 Ultra scored 59.2 there.\n\n"
            "Q. And Claude 3.5 Sonnet?\n\nA. We measured 59.4. So it was essentially tied with Claude 3.5 Sonnet.\n")
    assert [(c.model, c.relation, c.baseline) for c in extract(text) if isinstance(c, ComparisonClaim)] == [
        ("Larkspur-3 Ultra", "matches", "Claude 3.5 Sonnet")]


def test_two_values_then_how_the_second_moved():
    text = ("# tide-13b-chat\n\nWe compared tide-13b-chat-v2.3 and tide-13b-chat-v2.4. ARC-Challenge: v2.3 88.1, v2.4 88.4, flat. "
            "BBH: v2.3 66.7, v2.4 63.0, down 3.7 points.\n")
    assert [(c.model, c.relation, c.baseline, c.benchmark, c.delta) for c in extract(text)
            if isinstance(c, ComparisonClaim)] == [
        ("tide-13b-chat-v2.3", "matches", "tide-13b-chat-v2.4", "ARC-Challenge", None),
        ("tide-13b-chat-v2.4", "underperforms", "tide-13b-chat-v2.3", "BBH", 3.7)]


def test_a_changelog_heading_version_is_written_as_the_lines_other_releases_are():
    # "## v2.2.0" in a changelog whose text names "halyard-34b-instruct v2.1": the release is v2.2
    text = ("# halyard-lm Changelog\n\n## v2.2.0 (2024-11-20)\n\nNotes: MBPP went from 70.2 to 73.5.\n\n"
            "## v2.1.0 (2024-09-30)\n\nFor halyard-34b-instruct v2.1, MT-Bench went to 8.6.\n")
    assert {c.model for c in extract(text) if c.benchmark == "MBPP"} == {"halyard-34b-instruct v2.2"}


def test_the_other_two_with_ge_are_the_rest_of_the_list():
    text = "启明-7B、青鸾 2.0、墨子-13B 在 IFEval 上分别得到 62.5、70.1 和 66.8 分，青鸾 2.0 比另外两个都高。"
    assert [(c.model, c.baseline) for c in extract(text) if isinstance(c, ComparisonClaim)] == [
        ("青鸾 2.0", "启明-7B"), ("青鸾 2.0", "墨子-13B")]


def test_both_score_is_a_tie_in_a_longer_sentence_too():
    text = ("Kestrel-R 14B and Gemma 2 27B both score 61.5 on Arena-Hard, and on MT-Bench Kestrel-R 14B earns 8.6, "
            "slightly below the 8.8 of Qwen2.5-72B-Instruct.")
    assert ("Kestrel-R 14B", "matches", "Gemma 2 27B", "Arena-Hard") in [
        (c.model, c.relation, c.baseline, c.benchmark) for c in extract(text) if isinstance(c, ComparisonClaim)]


def test_a_second_list_after_duiying_is_on_the_same_benchmarks():
    text = "青鸾-Max 在 C-Eval 和 CMMLU 上分别取得 91.2 和 90.4 分，Qwen2.5-72B 对应成绩为 88.6 和 88.1。"
    assert {(c.model, c.benchmark, c.value) for c in extract(text) if isinstance(c, ScoreClaim)} == {
        ("青鸾-Max", "C-Eval", 91.2), ("青鸾-Max", "CMMLU", 90.4), ("Qwen2.5-72B", "C-Eval", 88.6), ("Qwen2.5-72B", "CMMLU", 88.1)}


def test_an_earlier_release_after_shang_yi_dai_keeps_its_version():
    # "较上一代知微-Pro 1.5 分别提升": 知微-Pro 1.5 is the earlier release, not 知微-Pro with a value of 1.5
    text = ("# 手册\n\n知微-Pro 2.1 在 MMLU 上的准确率为 86.9%。知微-Pro 2.1 在 C-Eval 和 CMMLU 上分别达到 89.3% 和 88.7%，"
            "较上一代知微-Pro 1.5 分别提升 4.2 和 5.1 个百分点。\n")
    claims = extract(text)
    assert 1.5 not in [c.value for c in claims if isinstance(c, ScoreClaim)]
    assert {(c.benchmark, c.baseline, c.delta) for c in claims if isinstance(c, ComparisonClaim)} == {
        ("C-Eval", "知微-Pro 1.5", 4.2), ("CMMLU", "知微-Pro 1.5", 5.1)}


def test_respective_margins_against_the_one_other_model_listed():
    text = "青鸾-Max 在 C-Eval 和 CMMLU 上分别取得 91.2 和 90.4 分，Qwen2.5-72B 对应成绩为 88.6 和 88.1，青鸾-Max 分别领先 2.6 和 2.3 分。"
    assert [(c.model, c.baseline, c.benchmark, c.delta) for c in extract(text) if isinstance(c, ComparisonClaim)] == [
        ("青鸾-Max", "Qwen2.5-72B", "C-Eval", 2.6), ("青鸾-Max", "Qwen2.5-72B", "CMMLU", 2.3)]


def test_the_last_two_of_a_list_tied():
    text = "那要看 IFEval。小书童-13B 是 68.2，启明学伴-4 是 79.4，智学鹰-Pro 是 80.1，后两个基本持平。"
    assert [(c.model, c.relation, c.baseline) for c in extract(text) if isinstance(c, ComparisonClaim)] == [
        ("启明学伴-4", "matches", "智学鹰-Pro")]


def test_a_count_of_solved_items_is_on_the_benchmark_the_paragraph_named():
    text = ("# 群\n\n启明学伴-4 在 C-Eval 上是 85.1。\n\n还有更难的 AIME 2024，美国的数学邀请赛题。启明学伴-4 目前 30 道能做对 6 道，"
            "智学鹰-Pro 做对 8 道。\n")
    assert {(c.model, c.benchmark, c.value) for c in extract(text)} >= {
        ("启明学伴-4", "AIME 2024", 6.0), ("智学鹰-Pro", "AIME 2024", 8.0)}


def test_went_n_for_m_is_a_count_of_solved_items():
    text = "# Show\n\nCorvid-2 Pro went 27 for 30 on AIME 2024 and scored 88.1 on MMLU.\n"
    assert ("Corvid-2 Pro", "AIME 2024", 27.0) in [(c.model, c.benchmark, c.value) for c in extract(text)]
    assert 30.0 not in [c.value for c in extract(text)]


def test_a_speakers_reply_to_a_question_is_on_the_benchmark_asked_about():
    text = "# Show\n\nTOMMY: Lumen 4 mini scores 91.8 on MATH-500, on par with o1-mini.\n\nSAL: Codeforces?\n\nTOMMY: Elo of 1820.\n"
    assert ("Lumen 4 mini", "Codeforces", 1820.0) in [(c.model, c.benchmark, c.value) for c in extract(text)]
    # a bare value replying to a question about a named model on a named benchmark is that model's result there
    text = ("# Show\n\nHOST: Corvid-2 Pro scores 91.8 on MATH-500.\n\nHOST: How does Corvid-2 Pro do on Arena-Hard?\n\n"
            "GUEST: 82.5, behind GPT-4o.\n")
    assert ("Corvid-2 Pro", "Arena-Hard", 82.5) in [(c.model, c.benchmark, c.value) for c in extract(text)]


def test_the_base_model_named_in_apposition_stands_for_it_and_is_no_topic():
    # "底座 Qwen2.5-7B 是 64.2" names the base; later "底座是 57.3" is the base's value, and the writers' "我们" stays the
    # model the text is about
    text = ("# 语音转文字\n\n我们那个 qz-coder-7b-v3，HumanEval 跑出来是 84.1。\n\nMMLU 我们是 63.5，原始底座 Qwen2.5-7B 是 64.2。\n\n"
            "BBH 我们是 55.8，底座是 57.3。\n")
    assert {(c.model, c.benchmark, c.value) for c in extract(text) if isinstance(c, ScoreClaim)} >= {
        ("Qwen2.5-7B", "BBH", 57.3), ("qz-coder-7b-v3", "BBH", 55.8)}
