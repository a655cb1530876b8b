"""General score/comparison patterns added for recall and precision, zh + en (own wording)."""

from __future__ import annotations

from schemas import ComparisonClaim, ScoreClaim
from tests.support.extraction import extract


def scores(text: str) -> set[tuple[str, str | None, float]]:
    return {(c.model, c.benchmark, c.value) for c in extract(text) if isinstance(c, ScoreClaim)}


def test_zh_family_sizes_respectively():
    got = scores("在 ARC-Challenge 上，Falco 的 3B、8B 和 70B 版本分别为 51.2%、63.8% 和 77.0%。")
    assert got == {("Falco-3B", "ARC-Challenge", 51.2), ("Falco-8B", "ARC-Challenge", 63.8),
                   ("Falco-70B", "ARC-Challenge", 77.0)}


def test_en_family_sizes_respectively():
    got = scores("Orca-3 comes in 8B and 70B sizes, which score 66.1% and 80.2% on MMLU, respectively.")
    assert got == {("Orca-3-8B", "MMLU", 66.1), ("Orca-3-70B", "MMLU", 80.2)}


def test_zh_acronym_measure_is_not_the_subject():
    got = scores("Kite-13B 在 GSM-Plus 上的表现最稳健，其 PDR 仅为 6.4%。")
    assert got == {("Kite-13B", "GSM-Plus", 6.4)}


def test_zh_accuracy_in_a_benchmark_is_not_owned_by_the_benchmark_phrase():
    got = scores("Lark-2 发布了。\n在 Acme 的 FrontierMath 基准测试中的准确率为 19.7%。")
    assert ("Lark-2", "FrontierMath", 19.7) in got


def test_previous_best_value_is_not_the_subjects():
    # the earlier value is the earlier system's own score, never the subject's
    zh = scores("Lark-2 在 MathVista 上的准确率为 71.3%，相比之前最佳的 63.0% 大幅提高。")
    assert zh == {("Lark-2", "MathVista", 71.3), ("之前最佳", "MathVista", 63.0)}
    en = scores("Lark-2 reaches 71.3% on MathVista, well above the previous best of 63.0%.")
    assert en == {("Lark-2", "MathVista", 71.3), ("previous best", "MathVista", 63.0)}


def test_from_to_keeps_both_values_of_the_subject():
    got = scores("Lark-2 在 GSM8K 上的准确率从 52.0% 提升到 80.5%。")
    assert got == {("Lark-2", "GSM8K", 52.0), ("Lark-2", "GSM8K", 80.5)}


def test_en_metric_after_another_value_is_not_this_ones():
    claims = [c for c in extract("# Zephyr-7B\n\nOur model achieves 83.2% on MATH-500 and 55.5 pass@1 on AIME 2024.")
              if isinstance(c, ScoreClaim)]
    by_value = {c.value: c for c in claims}
    assert by_value[83.2].metric is None and by_value[83.2].setting is None
    assert by_value[55.5].metric == "pass@1"
    assert {(c.model, c.benchmark) for c in claims} == {("Zephyr-7B", "MATH-500"), ("Zephyr-7B", "AIME 2024")}


def test_en_objects_of_a_failed_comparison_are_not_the_next_subject():
    claims = extract("Our 7B model outperforms GPT-4o and Claude-3.5-Sonnet, and matches o1-mini on LiveCodeBench.")
    assert not any(isinstance(c, ComparisonClaim) and c.model in ("GPT-4o", "Claude-3.5-Sonnet") for c in claims)


def test_en_baseline_does_not_own_a_later_clause_score():
    got = scores("Lumen-8B outperforms Mistral-7B on every task, and scores 68.4 on MMLU.")
    assert got == {("Lumen-8B", "MMLU", 68.4)}


def test_en_thousands_separator_elo_and_percent_of_people():
    got = scores("Kestrel-R1 achieves 1,874 Elo rating on Codeforces, outperforming 93.1% of human participants.")
    assert got == {("Kestrel-R1", "Codeforces", 1874.0)}


def test_en_value_for_an_unnamed_baseline_is_not_the_subjects():
    got = scores("Kestrel-7B achieves an accuracy of 61.5% on HotpotQA, compared to 55.0% for the best prior baseline.")
    assert got == {("Kestrel-7B", "HotpotQA", 61.5)}


def test_versus_pair_after_a_comparison_gives_both_scores():
    en = scores("Notably, Pico-9B even beats the larger Qwen2-72B-Instruct on HumanEval (84.1 vs. 80.2).")
    assert {("Pico-9B", "HumanEval", 84.1), ("Qwen2-72B-Instruct", "HumanEval", 80.2)} <= en
    zh = scores("Pico-9B 在 MATH 上优于 GPT-4o（71.0% vs 68.4%）。")
    assert zh == {("Pico-9B", "MATH", 71.0), ("GPT-4o", "MATH", 68.4)}


def test_metric_after_a_list_of_values_is_every_values():
    claims = [c for c in extract("Pico-9B 在 GSM8K 和 MATH 上分别取得了 81.0% 和 47.5% 的准确率。")
              if isinstance(c, ScoreClaim)]
    assert {(c.benchmark, c.value, c.metric) for c in claims} == {("GSM8K", 81.0, "accuracy"),
                                                                  ("MATH", 47.5, "accuracy")}


def test_en_margin_gain_over_predecessor_is_a_comparison_not_a_score():
    claims = extract("On GPQA Diamond, Tern-14B scores 57.0, a 5.5-point gain over its predecessor Tern-13B.")
    assert {(c.model, c.value) for c in claims if isinstance(c, ScoreClaim)} == {("Tern-14B", 57.0)}
    (comp,) = [c for c in claims if isinstance(c, ComparisonClaim)]
    assert (comp.model, comp.baseline, comp.delta, comp.unit) == ("Tern-14B", "Tern-13B", 5.5, "points")


def test_en_percent_improvement_over_keeps_its_margin():
    claims = extract("Tern-11B reaches 60.3% EM on NQ, a 3.9% absolute improvement over Atlas-11B.")
    (comp,) = [c for c in claims if isinstance(c, ComparisonClaim)]
    assert (comp.model, comp.baseline, comp.delta, comp.benchmark) == ("Tern-11B", "Atlas-11B", 3.9, "NQ")
    assert {c.value for c in claims if isinstance(c, ScoreClaim)} == {60.3}


def test_zh_integer_total_score_after_a_score_verb():
    assert scores("Kite-7B 在 MME 上取得了 2312 的总分。") == {("Kite-7B", "MME", 2312.0)}


def test_zh_results_paragraph_after_the_benchmark_intro():
    text = ("如下表所示，相较于 GSM8K，多数模型在 GSM-Hard 上的性能明显下降。\n\n"
            "Pico-9B 的稳健性最好，其 PDR 仅为 7.5%。而 Vole 的 PDR 最大，其 7B 和 13B 版本分别为 38.0% 和 35.5%。")
    assert scores(text) == {("Pico-9B", "GSM-Hard", 7.5), ("Vole-7B", "GSM-Hard", 38.0), ("Vole-13B", "GSM-Hard", 35.5)}


def test_reductions_are_not_scores():
    assert not scores("Pico-9B 在 MMLU 上评测。Pico-9B 的推理成本降低了 80%，显存压缩为原有的 3.2%。")


def test_en_objects_of_surpasses_never_own_the_scores():
    got = scores("Remarkably, our 1.5B model surpasses GPT-4o and Claude-3.5-Sonnet with 27.5% on AIME and 81.0% on MATH.")
    assert not any(m in ("GPT-4o", "Claude-3.5-Sonnet") for m, _b, _v in got)
    titled = scores("# Wren-1.5B\n\nOur model surpasses GPT-4o and Claude-3.5-Sonnet with 27.5% on AIME and 81.0% on MATH.")
    assert titled == {("Wren-1.5B", "AIME", 27.5), ("Wren-1.5B", "MATH", 81.0)}


def test_en_from_to_is_two_values_not_a_range():
    got = scores("Our recipe lifts the accuracy of Wren-8B on GSM8K from 55.0% to 78.5%.")
    assert got == {("Wren-8B", "GSM8K", 55.0), ("Wren-8B", "GSM8K", 78.5)}


def test_chinese_names_with_a_version_before_the_dash():
    text = ("## 4.1 通用知识\n衡宇2-Max 在 MMLU 上取得 88.7 分。最小的衡宇2-8B 在 CMMLU 上为 78.9 分，"
            "较上一代衡宇1.5-14B 提升 3.5 分。\n")
    assert {("衡宇2-Max", "MMLU", 88.7), ("衡宇2-8B", "CMMLU", 78.9)} <= scores(text)


def test_a_launch_posts_product_is_what_its_sections_results_are_about():
    text = ("# Introducing Halcyon 3 and Halcyon 3 mini\n\nToday we're releasing Halcyon 3.\n\n## Reasoning\n\n"
            "On GPQA Diamond, a set of PhD-level science questions, it scores 71.4% — ahead of GPT-4o.\n")
    assert scores(text) == {("Halcyon 3", "GPQA Diamond", 71.4)}


def test_against_opening_a_sentence_names_the_baseline_of_the_verdict_after_it():
    text = ("## Halcyon 3 mini: cheap\n\nIt scores 84.1% on MMLU. Against o3-mini (low), it trails by 4 points on "
            "GPQA Diamond, scoring 52.0%. But it wins on IFEval, posting 88.4% versus 85.1% for o3-mini (low).\n")
    claims = extract(text)
    assert ("Halcyon 3 mini", "o3-mini", "GPQA Diamond", "underperforms", 4.0) in {
        (c.model, c.baseline, c.benchmark, c.relation, c.delta) for c in claims if isinstance(c, ComparisonClaim)}
    assert {("Halcyon 3 mini", "GPQA Diamond", 52.0), ("Halcyon 3 mini", "IFEval", 88.4)} <= scores(text)


def test_a_number_is_never_the_first_digits_of_a_longer_one():
    from extractor.rules.mentions import NUMBER
    assert [m.group(2) for m in NUMBER.finditer("a filter at 13-grams, 4-shot, then 71.2 and 1,024")] == ["71.2", "1,024"]


def test_the_former_and_the_latter_are_the_benchmarks_of_the_sentence_before():
    text = ("## 4.3 代码\n\n衡宇2-Max 的 HumanEval pass@1 为 90.2%，LiveCodeBench 为 38.7%。"
            "前者与 Claude 3.5 Sonnet 持平，后者则比 DeepSeek-V3 低 1.5 个百分点。\n")
    assert {(c.baseline, c.benchmark, c.relation) for c in extract(text) if isinstance(c, ComparisonClaim)} == {
        ("Claude 3.5 Sonnet", "HumanEval", "matches"), ("DeepSeek-V3", "LiveCodeBench", "underperforms")}


def test_the_judge_named_with_wei_is_not_the_subject():
    text = ("## 4.4 指令遵循\n\nIFEval 上，衡宇2-Max 为 86.3 分。在以 GPT-4-Turbo 为裁判的 Arena-Hard 上，"
            "Max 的胜率为 81.5%，较 GPT-4o-0513 的 79.2% 略胜一筹。\n")
    assert ("衡宇2-Max", "Arena-Hard", 81.5) in scores(text)
    assert "GPT-4-Turbo" not in {c.model for c in extract(text)}


def test_one_value_both_models_share_is_each_ones_score():
    text = ("# 月跃发布星衍-R2\n\n星衍-R2 在 MATH-500 上的准确率为 97.1%。\n\n## 复测\n\no1 的得分为 76.7%，DeepSeek-R1 为 "
            "75.8%。在代码方面，LiveCodeBench 上，R2 与 DeepSeek-R1 打平（两者均为 65.9%）。"
            "Tern-7B ties Corvid-7B on MMLU (both at 71.2).\n")
    claims = extract(text)
    assert {("星衍-R2", "LiveCodeBench", 65.9), ("DeepSeek-R1", "LiveCodeBench", 65.9), ("Tern-7B", "MMLU", 71.2),
            ("Corvid-7B", "MMLU", 71.2)} <= scores(text)
    assert {(c.model, c.baseline) for c in claims if isinstance(c, ComparisonClaim) and c.benchmark == "LiveCodeBench"} \
        == {("星衍-R2", "DeepSeek-R1")}


def test_no_difference_is_a_tie_and_a_year_on_year_growth_no_result():
    text = ("## 分析师\n\n从 HumanEval 来看，R9 的 92.7% 与 o1-mini 的 92.4% 几乎没有差别。星衍-R9 的 App 月活跃用户达 3200 万，"
            "同比增长 210%，在国内 AI 应用月活榜单中位列第四。\n")
    claims = extract(text.replace("R9 的", "星衍-R9 的", 1))
    assert ("星衍-R9", "o1-mini", "matches") in {
        (c.model, c.baseline, c.relation) for c in claims if isinstance(c, ComparisonClaim)}
    assert 210.0 not in {c.value for c in claims if isinstance(c, ScoreClaim)}


def test_a_short_name_the_text_defines_stands_for_its_model():
    text = ("## 官方\n\n问渠-R1-32B（下面简称 WQ）在 AIME 2024 上是 78.4。对比的 DeepSeek-R1-Distill-Qwen-32B（下面叫 R1 蒸馏 32B）"
            "用一样的设置跑。\n\n## 复测\n\nAIME 2025：WQ 是 61.3，R1 蒸馏 32B 是 52.1。\n")
    assert {("问渠-R1-32B", "AIME 2025", 61.3), ("DeepSeek-R1-Distill-Qwen-32B", "AIME 2025", 52.1)} <= scores(text)


def test_a_short_name_defined_in_english_with_hereafter():
    from extractor.nlp.registry import EntityRegistry

    registry = EntityRegistry.from_mentions([], ["Kestrel-2-70B"], "We release Kestrel-2-70B (hereafter K2) today.")
    assert registry.resolve("K2") == "Kestrel-2-70B"


def test_a_names_own_whole_rating_in_a_sentence_on_a_rating():
    text = "## 官方成绩\n\n星衍-R2 在编程竞赛平台 Codeforces 上的 Elo 评分为 2029，略低于 o1 的 2061。\n"
    assert {("星衍-R2", "Codeforces", 2029.0), ("o1", "Codeforces", 2061.0)} <= scores(text)
    assert ("o1", "MMLU", 2061.0) not in scores(text.replace("Codeforces 上的 Elo 评分", "MMLU 上的得分"))


def test_a_point_jump_over_a_model_is_a_comparison_and_thats_goes_on_about_a_short_form():
    text = ("## Q&A\n\nClaude 3.5 Sonnet sits at 78.8 on MMLU, says the Kestrel-3 Ultra team. So on SWE-bench "
            "Verified the Ultra resolves 58.6%. "
            "That's a 17.6-point jump over Kestrel-2, which was at 41.0 on the same scaffold.\n")
    assert ("Kestrel-3 Ultra", "Kestrel-2", "SWE-bench Verified", "outperforms", 17.6) in {
        (c.model, c.baseline, c.benchmark, c.relation, c.delta) for c in extract(text) if isinstance(c, ComparisonClaim)}


def test_margins_listed_respectively_pair_with_the_benchmarks_of_the_sentence_before():
    text = ("## 4.2 Ablations\n\nGRPO-7B reaches 48.2 on AIME 2024 and 51.0 on OlympiadBench; StepForge-7B beats it by "
            "7.6 and 6.9 points, respectively.\n")
    assert {(c.model, c.baseline, c.benchmark, c.delta) for c in extract(text) if isinstance(c, ComparisonClaim)} == {
        ("StepForge-7B", "GRPO-7B", "AIME 2024", 7.6), ("StepForge-7B", "GRPO-7B", "OlympiadBench", 6.9)}


def test_it_as_a_baseline_is_the_other_name_even_when_its_family_word_was_written_too():
    text = ("## 4.2 Ablations\n\nOur plain GRPO run, which we call GRPO-7B, reaches 48.2 on AIME 2024, and StepForge-7B "
            "beats it by 7.6 points.\n")
    assert ("StepForge-7B", "GRPO-7B") in {(c.model, c.baseline) for c in extract(text) if isinstance(c, ComparisonClaim)}


def test_two_scores_then_a_tie_naming_neither_is_a_tie_between_them():
    text = "## 问答\n\n林川：MMLU 上云岚-3 是 88.9，GPT-4o 是 88.7，基本打平；但在 C-Eval 上我们领先它 10 分。\n"
    assert ("云岚-3", "GPT-4o", "MMLU", "matches") in {
        (c.model, c.baseline, c.benchmark, c.relation) for c in extract(text) if isinstance(c, ComparisonClaim)}


def test_a_rank_word_before_a_value_and_what_everyone_scores():
    text = ("## 二、代码\n\nMATH-500 上大家都在 90 分以上，星河-R1 96.2。LiveCodeBench 上，QwQ-32B 最高，63.4；"
            "星河-R1 次之，为 57.0。\n")
    assert scores(text) == {("星河-R1", "MATH-500", 96.2), ("QwQ-32B", "LiveCodeBench", 63.4),
                            ("星河-R1", "LiveCodeBench", 57.0)}


def test_against_opening_a_sentence_with_no_comma_after_the_baseline():
    text = "## Comparison\n\nPelican-14B-Instruct scores 81.5 on IFEval. Against Phi-4 it is behind on GPQA Diamond by 6 points.\n"
    assert ("Pelican-14B-Instruct", "Phi-4", "GPQA Diamond", "underperforms", 6.0) in {
        (c.model, c.baseline, c.benchmark, c.relation, c.delta) for c in extract(text) if isinstance(c, ComparisonClaim)}


def test_a_model_card_predecessor_same_benchmarks_and_the_reference_of_a_win_rate():
    text = ("# tern-13b-instruct\n\n## Evaluation\n\ntern-13b-instruct achieves scores of 71.3, 56.0 and 67.1 on MMLU, "
            "GSM8K and HumanEval. Its predecessor, tern-7b-instruct, scored 62.5, 41.2 and 48.8 on the same benchmarks.\n\n"
            "With chain-of-thought prompting, GSM8K accuracy rises to 61.4. Arena-Hard win rate against GPT-4-0314 is "
            "22.4%.\n")
    got = scores(text)
    assert {("tern-7b-instruct", "MMLU", 62.5), ("tern-7b-instruct", "GSM8K", 41.2),
            ("tern-7b-instruct", "HumanEval", 48.8), ("tern-13b-instruct", "GSM8K", 61.4),
            ("tern-13b-instruct", "Arena-Hard", 22.4)} <= got


def test_an_eval_ticket_its_key_a_release_candidate_and_a_versioned_template():
    text = ("# EVAL-2291: GSM8K regression on ranger-13b-rc4\n\n## Description\n\nNightly eval flagged a drop on GSM8K for "
            "ranger-13b-rc4: 71.2 vs 76.9 on rc3 (8-shot). HumanEval unchanged at 58.5.\n\n## Comments\n\nReopening: "
            "with the v2 template it's 77.3, which now edges out rc3.\n")
    claims = extract(text)
    assert {("ranger-13b-rc4", "GSM8K", 71.2), ("ranger-13b-rc3", "GSM8K", 76.9), ("ranger-13b-rc4", "HumanEval", 58.5)} \
        <= scores(text)
    compared = {(c.model, c.baseline, c.relation) for c in claims if isinstance(c, ComparisonClaim)}
    assert ("ranger-13b-rc4", "ranger-13b-rc3", "underperforms") in compared
    assert ("ranger-13b-rc4", "ranger-13b-rc3", "outperforms") in compared
    assert not {c.model for c in claims} & {"EVAL-2291", "v2"} and not any("-v2" in c.model for c in claims)


def test_a_value_against_another_models_in_parentheses_and_a_value_before_its_benchmark():
    text = ("## Notes\n\nNova-7B scores 58.1 on MMLU (vs 55.0 for GPT-4o). Nova-7B posts 58.1 MMLU and 61.2 GSM8K.\n\n"
            "Compared to Phi-3.5-mini (69.0 MMLU reported), wren-3b is still ~10 points short.\n")
    claims = extract(text)
    assert {("GPT-4o", "MMLU", 55.0), ("Nova-7B", "GSM8K", 61.2), ("Phi-3.5-mini", "MMLU", 69.0)} <= scores(text)
    assert ("Nova-7B", "MMLU", 61.2) not in scores(text) and ("wren-3b", "MMLU", 10.0) not in scores(text)
    compared = {(c.model, c.baseline, c.relation, c.delta) for c in claims if isinstance(c, ComparisonClaim)}
    assert {("Nova-7B", "GPT-4o", "outperforms", None), ("wren-3b", "Phi-3.5-mini", "underperforms", 10.0)} <= compared


def test_values_on_the_same_two_benchmarks_and_a_list_of_releases():
    text = ("## Log\n\nStudent wren-3b-distill scored 58.3 and 61.0 on MMLU and GSM8K. Base wren-3b scored 54.7 and 48.2 "
            "on the same two.\n\n[10:46] HumanEval for kestrel-34b-rc3 came back: 87.8 / 85.4 for rc3 / rc2.\n")
    got = scores(text)
    assert {("wren-3b", "MMLU", 54.7), ("wren-3b", "GSM8K", 48.2)} <= got
    assert ("kestrel-34b-rc3", "HumanEval", 85.4) not in got


def test_a_chinese_brand_with_a_tier_after_a_space_and_gsm_symbolic():
    text = ('## 考试\n\n"青鸾-2 Pro"在 GSM8K 上的准确率是 92.1%，到了 GSM-Symbolic 上只剩 79.5%。Gemini-1.5-Pro 没有参加。\n')
    assert {("青鸾-2 Pro", "GSM8K", 92.1), ("青鸾-2 Pro", "GSM-Symbolic", 79.5)} <= scores(text)


def test_a_margin_cue_with_the_name_right_after_it_and_a_reported_value():
    text = ("## 对比\n\nMMLU-Pro 上 R1 为 84.0，高出 Qwen2.5-72B-Instruct 近 13 分。Qwen2.5-72B 在 C-Eval 上报告 91.6，"
            "GPT-4o 只有 76.0。\n")
    claims = extract(text)
    assert ("R1", "Qwen2.5-72B-Instruct", "MMLU-Pro", 13.0) in {
        (c.model, c.baseline, c.benchmark, c.delta) for c in claims if isinstance(c, ComparisonClaim)}
    got = scores(text)
    assert ("Qwen2.5-72B", "C-Eval", 91.6) in got and ("Qwen2.5-72B-Instruct", "MMLU-Pro", 13.0) not in got


def test_values_a_respectively_list_gives_to_models_take_the_benchmark_named_before():
    text = ("## LCB\n\nLiveCodeBench was a coin flip. Ironclad-3.1 and DeepSeek-R1 finished at 64.3 and 65.9 respectively, "
            "so close that the judges called it even.\n")
    assert {("Ironclad-3.1", "LiveCodeBench", 64.3), ("DeepSeek-R1", "LiveCodeBench", 65.9)} <= scores(text)


def test_the_former_or_the_latter_leading_after_two_scores():
    zh = "## SWE\n\n在 SWE-bench Verified 上，Claude 3.5 Sonnet 解决了 49.0% 的问题，GPT-4o 只有 33.2%，前者领先近 16 个百分点。\n"
    en = ("## SWE\n\nOn SWE-bench Verified, Claude 3.5 Sonnet resolves 49.0% and GPT-4o 33.2%, and the latter trails by "
          "16 points.\n")
    for text, expected in ((zh, ("Claude 3.5 Sonnet", "GPT-4o", "outperforms", 16.0)),
                           (en, ("GPT-4o", "Claude 3.5 Sonnet", "underperforms", 16.0))):
        compared = {(c.model, c.baseline, c.relation, c.delta) for c in extract(text) if isinstance(c, ComparisonClaim)}
        assert compared == {expected}


def test_a_group_opening_a_comparison_is_each_of_its_models():
    en = ("## Contamination\n\nQuill-7B-v2 scores 79.1% on GSM8K and Quill-7B-v3 scores 80.2%. Both Quill models still lag "
          "well behind GPT-4o on GSM1k.\n")
    zh = "## 对比\n\n星河-7B 在 GSM8K 上是 79.1，星河-14B 是 84.2。两者都落后于 GPT-4o。\n"
    for text, members in ((en, {"Quill-7B-v2", "Quill-7B-v3"}), (zh, {"星河-7B", "星河-14B"})):
        compared = {(c.model, c.baseline) for c in extract(text) if isinstance(c, ComparisonClaim)}
        assert {(m, "GPT-4o") for m in members} <= compared


def test_one_of_two_models_by_its_short_name_leading_after_both_scores():
    text = "## C\n\nQwen2.5-72B 在 C-Eval 上报告 91.6，GPT-4o 只有 76.0，Qwen 领先超过 15 个点。\n"
    assert ("Qwen2.5-72B", "GPT-4o", "outperforms", 15.0) in {
        (c.model, c.baseline, c.relation, c.delta) for c in extract(text) if isinstance(c, ComparisonClaim)}


def test_still_short_of_what_li_names_and_of_what_bi_names():
    text = ("## 三\n\n云枢-Coder-32B 在 SWE-bench Verified 上做到了 46.2%，但离 Claude 3.5 Sonnet 的 49.0% 还差一点。"
            "在 GSM8K 上，云枢-Coder-32B 比 GPT-4o 还差 3 分。\n")
    compared = {(c.model, c.baseline, c.relation) for c in extract(text) if isinstance(c, ComparisonClaim)}
    assert {("云枢-Coder-32B", "Claude 3.5 Sonnet", "underperforms"), ("云枢-Coder-32B", "GPT-4o", "underperforms")} \
        <= compared


def test_a_rating_after_dengjifen():
    text = "## 编程\n\n在 Codeforces 编程竞赛上，o3 的等级分达到 2727，相当于人类选手前 0.2%。\n"
    assert ("o3", "Codeforces", 2727.0) in scores(text)


def test_a_chinese_brands_tier_keeps_its_version_after_a_space():
    text = "## 第一轮\n\n我自己用五样本跑的 C-Eval 验证集，星河-Pro 2.0是89.8，Qwen2.5-72B-Instruct是88.1。\n"
    assert ("星河-Pro 2.0", "C-Eval", 89.8) in scores(text)
    assert 2.0 not in {value for _, _, value in scores(text)}
    assert ("星河-Pro", "MT-Bench", 8.5) in scores("## 结果\n\nMT-Bench 上星河-Pro 8.5，GPT-4o 8.9。\n")  # a score, no version


def test_a_chinese_short_form_touching_its_value():
    text = ("## 第一轮\n\n我用五样本跑的 C-Eval 验证集，星河-Pro 2.0是89.8。CMMLU呢，星河89.3，Qwen2.5-72B 89.6，两个基本打平。\n\n"
            "HumanEval星河92.7，GPT-4o是90.2。\n")
    assert {("星河-Pro 2.0", "CMMLU", 89.3), ("星河-Pro 2.0", "HumanEval", 92.7)} <= scores(text)


def test_a_chinese_brand_right_after_the_conditions_it_was_measured_under():
    text = "## MMLU\n\nMMLU方面，官方口径下天衡-3取得88.5%。第三方口径下天衡-3为86.9%，同一设置下星河-14B为80.2%。\n"
    assert {("天衡-3", "MMLU", 88.5), ("天衡-3", "MMLU", 86.9), ("星河-14B", "MMLU", 80.2)} <= scores(text)


def test_chinese_names_with_a_glued_v_version_or_a_tier_before_chinese_text():
    text = "## 中文\n\nC-Eval上启明-4和华章大模型V3.5分别取得91.8%和90.6%。青鸾-2 Pro在GSM8K上是92.1%。\n"
    assert {("启明-4", "C-Eval", 91.8), ("华章大模型V3.5", "C-Eval", 90.6), ("青鸾-2 Pro", "GSM8K", 92.1)} <= scores(text)
    assert "星河89.3" not in {model for model, _, _ in scores("## 结果\n\nCMMLU 上星河89.3，Qwen2.5-72B 89.6。\n")}


def test_points_on_the_board_a_title_names_and_a_month_is_no_version():
    text = ("# SuperCLUE 11月榜单解读\n\n分项来看，数学榜上 DeepSeek-R1 拿到 81.4 分。新上榜的灵犀-2-Pro 首次参评即取得 66.3 分，"
            "比 GPT-4o 高出 2.1 分。\n")
    got = scores(text)
    assert {("DeepSeek-R1", "SuperCLUE", 81.4), ("灵犀-2-Pro", "SuperCLUE", 66.3)} <= got
    assert 2.1 not in {value for _, _, value in got}  # (a margin, no score)
