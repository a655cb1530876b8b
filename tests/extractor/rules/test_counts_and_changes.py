"""Results stated as fractions, changes since a named baseline, and setting words that are not models."""

from __future__ import annotations

from tests.support.extraction import extract


def test_a_fraction_after_a_scoring_verb_is_a_count_result():
    claims = extract("Qwen2.5-Math-7B-Instruct got 16/30 on AIME 2024, and Hopper-7B reaches 21/30 on AIME 2024.")
    assert {(c.model, c.benchmark, c.value) for c in claims if c.kind == "score"} == {
        ("Qwen2.5-Math-7B-Instruct", "AIME 2024", 16), ("Hopper-7B", "AIME 2024", 21)}
    assert not [c for c in claims if c.value == 30]  # the total is no result


def test_a_date_with_a_slash_is_no_result():
    assert extract("Orion-7B was released on 4/2 and Orion-7B-v2 on 5/1.") == []


def test_a_change_since_a_named_baseline_is_a_comparison_with_its_margin():
    claims = extract("Kestrel-34B-v2 is out. Arena-Hard (auto): 71.3, up 12.9 points from Kestrel-34B-v1.")
    assert {c.value for c in claims if c.kind == "score"} == {71.3}  # the margin is no score
    (cmp_,) = [c for c in claims if c.kind == "comparison"]
    assert (cmp_.model, cmp_.baseline, cmp_.relation, cmp_.delta) == ("Kestrel-34B-v2", "Kestrel-34B-v1", "outperforms", 12.9)
    (down,) = [c for c in extract("Orion-7B scores 72.6 on MMLU, down 2.1 points from Orion-7B-v1.") if c.kind == "comparison"]
    assert (down.baseline, down.relation) == ("Orion-7B-v1", "underperforms")


def test_on_and_from_state_no_margin_without_a_change_verb():
    claims = extract("Orion-7B scores 72.6 on five runs of MMLU.")
    assert [c.kind for c in claims] == ["score"]


def test_a_setting_word_before_a_colon_is_not_the_model():
    claims = extract("Kestrel-34B-v2 is strong. MMLU-Pro 5-shot CoT: 68.8, trailing Qwen2.5-32B-Instruct by about a point.")
    assert {(c.kind, c.model) for c in claims} == {("score", "Kestrel-34B-v2"), ("comparison", "Kestrel-34B-v2")}


def test_each_respectively_pairs_its_own_values():
    claims = extract("HiCoT-7B 在 MMLU 与 C-Eval 上的得分分别为 72.8 和 76.5，相比 Distill-7B 分别下降 0.4 和 0.2 分。")
    scores = {(c.model, c.benchmark, c.value) for c in claims if c.kind == "score" and c.model == "HiCoT-7B"}
    assert scores == {("HiCoT-7B", "MMLU", 72.8), ("HiCoT-7B", "C-Eval", 76.5)}
    assert not [c for c in claims if c.kind == "score" and c.value == 0.2]  # a margin of the second list


def test_citation_markers_are_transparent_and_authors_are_no_models():
    claims = extract("Osprey-Coder-32B [27] resolves 46.2% of SWE-bench Verified issues, outperforming the earlier "
                     "Ferret-Coder-33B [9] (31.8%).")
    assert ("Ferret-Coder-33B", 31.8) in {(c.model, c.value) for c in claims if c.kind == "score"}
    assert ("Osprey-Coder-32B", 31.8) not in {(c.model, c.value) for c in claims if c.kind == "score"}
    zh = extract("与同样采用结构化思维链的 StructCoT-7B（Li 等，2024）相比，本文方法 HiCoT-7B 在 MATH-500 上更强。")
    assert {c.baseline for c in zh if c.kind == "comparison"} == {"StructCoT-7B"}
    # the quote is still the text as written
    assert any("[27]" in c.quote for c in claims)


def test_a_method_a_model_applies_is_not_the_subject_and_a_described_baseline_is_its_name():
    claims = extract("Corvid-R1 [12] applies GRPO to a 32B base and reports 72.6% pass@1 on AIME 2024, "
                     "22.6 points above its SFT-only sibling Corvid-SFT.")
    assert {(c.kind, c.model) for c in claims} == {("score", "Corvid-R1"), ("comparison", "Corvid-R1")}
    (cmp_,) = [c for c in claims if c.kind == "comparison"]
    assert (cmp_.baseline, cmp_.delta) == ("Corvid-SFT", 22.6)


def test_a_plain_lower_case_word_is_no_model_family_in_english():
    claims = extract("Sage-2 is out. It's a clear step up from Sage-1: on τ-bench (retail) it now scores 63.1.")
    assert {c.model for c in claims} == {"Sage-2"}
    assert ("comparison", "Sage-1") in {(c.kind, c.baseline) for c in claims}
    # a version after it, or a Chinese sentence, still makes it a name
    zh = extract("澜舟-14B 在 MMLU 上 79.6，跟 qwen 基本打平。")
    assert "qwen" in {c.baseline for c in zh if c.kind == "comparison"}


def test_a_decimal_after_a_benchmark_and_who_measured_it_is_a_result():
    claims = extract("看官方数据：玄武-8B 说自己 HumanEval 88.4，比 Qwen2.5-7B-Instruct 高 4 个点多。")
    assert ("玄武-8B", "HumanEval", 88.4) in {(c.model, c.benchmark, c.value) for c in claims if c.kind == "score"}
    claims = extract("实测过玄武-8B，HumanEval 我这边只有 79.3，反而不如 Qwen2.5-7B-Instruct。")
    assert {(c.model, c.benchmark, c.value) for c in claims if c.kind == "score"} == {("玄武-8B", "HumanEval", 79.3)}
    assert {c.model for c in claims} == {"玄武-8B"}  # a verb of testing is not the start of a Chinese name
    # an integer after a benchmark is a count or a size, not a result
    assert not [c for c in extract("玄武-8B 在 GPQA 198 题上做了评测。") if c.kind == "score"]


def test_a_value_after_a_chinese_possessive_is_that_names():
    claims = extract("澜舟-14B 新版本上线了。MMLU 74.0，也比 GLM-4-9B-Chat 的 72.4 高。")
    assert {(c.model, c.value) for c in claims if c.kind == "score"} == {("澜舟-14B", 74.0), ("GLM-4-9B-Chat", 72.4)}
    said = extract("澜舟-14B 新版本上线了。Arena-Hard 官方写的 65.4，说是同尺寸第一。")
    assert {(c.model, c.benchmark, c.value) for c in said} == {("澜舟-14B", "Arena-Hard", 65.4)}


def test_an_english_rise_from_a_named_models_value():
    claims = extract("On Aider Polyglot, Sage-2 improved from Sage-1's 41.3 to 52.9 but remains behind "
                     "Qwen3-Coder-480B-A35B.")
    assert {(c.model, c.value) for c in claims if c.kind == "score"} == {("Sage-1", 41.3), ("Sage-2", 52.9)}
    assert {(c.model, c.baseline, c.relation) for c in claims if c.kind == "comparison"} == {
        ("Sage-2", "Sage-1", "outperforms"), ("Sage-2", "Qwen3-Coder-480B-A35B", "underperforms")}


def test_report_and_measure_state_values_and_point_gaps_are_margins():
    claims = extract("Kestrel-34B-v2 is out. LiveCodeBench: they report 48.9, we measure 41.2.")
    assert {(c.model, c.benchmark, c.value) for c in claims} == {("Kestrel-34B-v2", "LiveCodeBench", 48.9),
                                                                  ("Kestrel-34B-v2", "LiveCodeBench", 41.2)}
    assert extract("Kestrel-34B-v2 is out. Don't over-read 2–3 point gaps between runs on AIME 2024.") == []


def test_a_release_version_after_a_chinese_name_and_a_bare_version_as_baseline():
    claims = extract("星衡-13B-Chat v0.3 已出：IFEval（strict prompt）71.5，比 v0.2 高 4.2 分。")
    assert {(c.kind, c.model, c.value) for c in claims if c.kind == "score"} == {("score", "星衡-13B-Chat v0.3", 71.5)}
    (cmp_,) = [c for c in claims if c.kind == "comparison"]
    assert (cmp_.model, cmp_.baseline, cmp_.delta) == ("星衡-13B-Chat v0.3", "星衡-13B-Chat v0.2", 4.2)


def test_a_value_in_parentheses_with_a_note_is_the_names():
    claims = extract("Kestrel-34B-v3 finally edges out Qwen2.5-32B-Instruct (43.8 in our harness) on GPQA Diamond.")
    assert {(c.model, c.value) for c in claims if c.kind == "score"} == {("Qwen2.5-32B-Instruct", 43.8)}
    claims = extract("Helix-Ultra scores 71.0 on GPQA Diamond, comfortably above the prior-generation Helix-Large "
                     "(59.8, per management).")
    # ("prior-generation" ends in "on": no "on <benchmark>")
    assert {(c.model, c.benchmark, c.value) for c in claims if c.kind == "score"} == {
        ("Helix-Ultra", "GPQA Diamond", 71.0), ("Helix-Large", "GPQA Diamond", 59.8)}


def test_a_change_versus_a_named_model():
    claims = extract("Helix-Ultra is out. On MMLU-Pro it is up 6.2 pts vs. Helix-Large.")
    (cmp_,) = [c for c in claims if c.kind == "comparison"]
    assert (cmp_.model, cmp_.baseline, cmp_.relation, cmp_.delta) == ("Helix-Ultra", "Helix-Large", "outperforms", 6.2)
    assert not [c for c in claims if c.kind == "score"]


def test_a_value_goes_with_the_benchmark_written_right_before_it():
    claims = extract("Kestrel-34B-v3 results. GSM8K (8-shot, strict-match): 84.6 · MATH-500 (0-shot, exact match): 61.2")
    assert {(c.benchmark, c.value) for c in claims} == {("GSM8K", 84.6), ("MATH-500", 61.2)}


def test_a_count_before_its_verb():
    claims = extract("Kestrel-34B-v2 is out. AIME 2024: 23 of 30 problems solved at least once across the 16 samples.")
    assert {(c.benchmark, c.value) for c in claims} == {("AIME 2024", 23)}


def test_a_denied_value_a_change_and_a_share_of_effort_are_no_results():
    claims = extract("Orion-72B is out. GPQA Diamond comes out at 56.1 for Orion-72B, not 61.3.")
    assert {c.value for c in claims} == {56.1}
    claims = extract("Atlas-2 is out. On SWE-bench Verified it is up 9 points. IFEval is flat versus Atlas-1.5, "
                     "which is disappointing given we spent roughly 30% of the budget.")
    assert [c.kind for c in claims] == ["comparison"]
    assert (claims[0].model, claims[0].baseline, claims[0].relation) == ("Atlas-2", "Atlas-1.5", "matches")


def test_a_signed_value_in_parentheses_after_a_benchmark_is_a_margin():
    assert not [c for c in extract("LDD-8B is on par on GSM8K and slightly better on GPQA Diamond (+1.4).")
                if c.kind == "score"]


def test_a_margin_after_an_adverb_of_degree_is_no_score():
    claims = extract("SWE-bench Verified 上 Claude-3.7 是 62.3，GPT-4o 才 33.2，差了快30分。")
    assert {(c.model, c.value) for c in claims if c.kind == "score"} == {("Claude-3.7", 62.3), ("GPT-4o", 33.2)}


def test_a_pair_of_values_after_two_models_named_together():
    claims = extract("LDD-8B and Llama-3.1-8B-Instruct are within 0.2 points of each other on MMLU (68.9 vs. 69.1).")
    assert {(c.model, c.value) for c in claims if c.kind == "score"} == {("LDD-8B", 68.9), ("Llama-3.1-8B-Instruct", 69.1)}
    (cmp_,) = [c for c in claims if c.kind == "comparison"]
    assert (cmp_.model, cmp_.baseline, cmp_.relation) == ("LDD-8B", "Llama-3.1-8B-Instruct", "underperforms")
    zh = extract("在 GPQA Diamond 上，澜舟-14B 和 Qwen3-14B 之间还有距离，结果是 44.4 对 56.6。")
    assert {(c.model, c.value) for c in zh if c.kind == "score"} == {("澜舟-14B", 44.4), ("Qwen3-14B", 56.6)}


def test_a_pair_of_values_ending_the_sentence_after_a_comparison():
    # the pair closes the sentence (its full stop is no decimal point), and the subject's value, already read
    # as its score, does not stop the baseline's from being taken
    claims = extract("Orion-8B is behind Qwen3-14B on GPQA Diamond: 44.4 vs. 56.6.")
    assert {(c.model, c.value) for c in claims if c.kind == "score"} == {("Orion-8B", 44.4), ("Qwen3-14B", 56.6)}
    claims = extract("Orion-8B trails Qwen3-14B on GPQA Diamond, 44.4 versus 56.6.")
    assert {(c.model, c.value) for c in claims if c.kind == "score"} == {("Orion-8B", 44.4), ("Qwen3-14B", 56.6)}


def test_an_edition_word_is_not_part_of_a_chinese_name():
    claims = extract("正式发布天枢-3.0。发布轻量版天枢-3.0-Flash；IFEval 严格模式 83.0，仅次于旗舰版天枢-3.0 的 86.1。")
    names = {c.model for c in claims} | {c.baseline for c in claims if c.kind == "comparison"}
    assert names <= {"天枢-3.0", "天枢-3.0-Flash"}


def test_an_english_compound_adjective_is_no_model():
    claims = extract("Orion-72B is out. Same-harness numbers put Orion-72B 1.0 behind Qwen2.5-72B-Instruct on GSM8K.")
    assert {c.model for c in claims} == {"Orion-72B"}
    assert not extract("Training-time approaches may well dominate LDD-8B on AIME 2024.")


def test_what_a_group_scores_in_general_is_no_result():
    assert extract("天衡-70B 发布了。GSM8K 上各受测模型得分普遍在 90% 以上。") == []


def test_more_comparison_verbs_and_idioms():
    claims = extract("Sable-8B even edges past Qwen2.5-7B-Instruct on MATH-500, but it loses to Llama-3.1-70B-Instruct "
                     "on IFEval.")
    assert {(c.baseline, c.relation) for c in claims if c.kind == "comparison"} == {
        ("Qwen2.5-7B-Instruct", "outperforms"), ("Llama-3.1-70B-Instruct", "underperforms")}
    zh = extract("星河-32B 号称 GPQA Diamond 68.2 吊打 QwQ-32B。知识类澜舟-14B 跟 Qwen2.5-14B-Instruct 五五开。")
    assert {(c.model, c.baseline, c.relation) for c in zh if c.kind == "comparison"} == {
        ("星河-32B", "QwQ-32B", "outperforms"), ("澜舟-14B", "Qwen2.5-14B-Instruct", "matches")}


def test_an_acronym_that_is_no_word_names_its_benchmark_in_lower_case():
    claims = extract("Kestrel-34B-v3 is out. On gpqa it scores 44.9 and mmlu is 71.2.")
    assert {(c.benchmark_canonical, c.value) for c in claims} == {("GPQA", 44.9), ("MMLU", 71.2)}
    assert not extract("Kestrel-34B-v3 is out. The math is simple: 44.9 is more than 41.2.")


def test_a_product_word_before_a_version_is_part_of_the_name():
    claims = extract("Vérité Enterprise 2 posts 90.2% on HumanEval, essentially on par with GPT‑4o's 90.6%.")
    assert {(c.model, c.value) for c in claims if c.kind == "score"} == {("Vérité Enterprise 2", 90.2), ("GPT‑4o", 90.6)}
    assert {c.model for c in extract("See Table 2 for Orion-7B results: 71.2 on MMLU.")} == {"Orion-7B"}


def test_spoken_chinese_verbs_state_a_value():
    claims = extract("澜舟-14B 新版本上线了。MMLU 我自己用 5-shot 跑了下，只有 79.6。")
    assert {(c.model, c.benchmark, c.value) for c in claims} == {("澜舟-14B", "MMLU", 79.6)}


def test_a_comma_may_sit_between_a_benchmark_and_its_value():
    claims = extract("澜舟-14B 新版本上线了。C-Eval 我也跑了，86.7，这个倒是真比 Qwen2.5-14B 高。")
    assert ("澜舟-14B", "C-Eval", 86.7) in {(c.model, c.benchmark, c.value) for c in claims if c.kind == "score"}


def test_a_number_format_or_quantisation_is_neither_model_nor_benchmark():
    claims = extract("Élan-12B is out. On bf16 I got 59.9 on MMLU-Pro.")
    assert {(c.model, c.benchmark, c.value) for c in claims} == {("Élan-12B", "MMLU-Pro", 59.9)}
    (cmp_,) = extract("Qwen2.5-32B-Instruct in 4-bit AWQ matched Hopper-7B on AIME 2024 locally.")
    assert (cmp_.model, cmp_.baseline, cmp_.relation) == ("Qwen2.5-32B-Instruct", "Hopper-7B", "matches")


def test_a_benchmark_a_copula_and_a_decimal():
    claims = extract("Kestrel-34B is out. Arena-Hard is 62.3 with style control off.")
    assert {(c.model, c.benchmark, c.value) for c in claims} == {("Kestrel-34B", "Arena-Hard", 62.3)}


def test_an_english_rise_over_a_named_backbone_starts_at_the_backbones_value() -> None:
    claims = extract("## LDD-8B\n\nLDD-8B improves GSM8K accuracy from 84.5% to 89.7% over its backbone "
                     "Llama-3.1-8B-Instruct.")
    scores = {(c.model, c.value) for c in claims if c.kind == "score"}
    assert scores == {("Llama-3.1-8B-Instruct", 84.5), ("LDD-8B", 89.7)}
    assert any(c.kind == "comparison" and c.model == "LDD-8B" and c.baseline == "Llama-3.1-8B-Instruct"
               and c.relation == "outperforms" for c in claims)


def test_both_decimals_of_an_english_rise_are_results_whatever_the_verb() -> None:
    claims = extract("## R\n\nLDD-8B improves GSM8K from 84.5 to 89.7.")
    assert sorted(c.value for c in claims if c.kind == "score") == [84.5, 89.7]
    assert extract("## R\n\nThe context grew from 8.5 to 12.5 seconds for Orion-7B on GSM8K.") == []


def test_a_count_that_restates_the_percentage_beside_it_is_no_second_result() -> None:
    en = extract("Helios-3 solves 13 of 30 AIME 2025 problems (43.3%).")
    assert [(c.value, c.unit) for c in en] == [(43.3, "%")]
    zh = extract("## 数学篇\n\n青鸾-32B 的 AIME 2024 拿到了 63.3%，说人话就是 30 道题做对了 19 道！")
    assert [c.value for c in zh] == [63.3]
    both = extract("Hopper-7B reaches 21/30 on AIME 2024 and 83.0% on MATH-500.")
    assert sorted(c.value for c in both) == [21.0, 83.0]  # two statements: the count is a result of its own


def test_a_setting_word_may_sit_between_a_benchmark_and_its_value() -> None:
    claims = extract("## 轻量版\n\n天枢-3.0-Flash 的 IFEval 严格模式 83.0，仅次于旗舰版天枢-3.0 的 86.1。")
    assert ("天枢-3.0-Flash", "IFEval", 83.0) in {(c.model, c.benchmark, c.value) for c in claims if c.kind == "score"}


def test_an_internal_measure_in_a_sentence_naming_no_benchmark_is_no_result() -> None:
    en = extract("## Part two\n\nWe ran AIME 2025 the week it came out. Helios-3 reached 43.3%. Without the verifier our "
                 "internal pass rate drops from 0.61 to 0.44.")
    assert [c.value for c in en] == [43.3]
    zh = extract("## 3.4\n\n九章-72B 在 SWE-bench Verified 上为 38.2%。若去掉检索模块，九章-72B 的内部工程任务通过率将由 0.52 降至 0.37。")
    assert [c.value for c in zh] == [38.2]
    named = extract("Our internal evaluation puts Helios-3 at 71.2% on MMLU.")
    assert [c.value for c in named] == [71.2]  # a benchmark named: an internal run of it is still its result


def test_percent_spelled_out_is_the_percent_unit() -> None:
    claims = extract("On MMLU, Orion-7B scored 71 percent, ahead of Llama-3-8B at 66 per cent.")
    assert {(c.model, c.value, c.unit) for c in claims if c.kind == "score"} == {("Orion-7B", 71.0, "%"),
                                                                                ("Llama-3-8B", 66.0, "%")}


def test_values_a_change_moves_to_are_results_unless_an_ablation_caused_it() -> None:
    arrow = extract("## Nimbus-14B\n\nNimbus-14B went up on IFEval after the upgrade, 74.1 → 77.9 prompt-level strict.")
    assert sorted(c.value for c in arrow if c.kind == "score") == [74.1, 77.9]
    moved = extract("## Nimbus-7B\n\nSwitching to the chat template brings GSM8K back to 81.9 for Nimbus-7B, "
                    "and MATH-500 goes to 47.8.")
    assert {(c.benchmark, c.value) for c in moved} == {("GSM8K", 81.9), ("MATH-500", 47.8)}
    ablation = extract("## Kestrel\n\nKestrel-34B gets 80.3 on IFEval. Without the IF-synthetic mix, ifeval drops to 76.0.")
    assert [c.value for c in ablation] == [80.3]


def test_a_source_that_says_or_lists_a_value_states_it() -> None:
    claims = extract("## Orion-72B-Chat\n\nOn MATH the card says 68.3 (4-shot, minerva prompt) for Orion-72B-Chat.")
    assert [(c.model, c.benchmark, c.value) for c in claims] == [("Orion-72B-Chat", "MATH", 68.3)]


def test_a_signed_margin_without_unit_and_up_from_a_named_models_value_are_comparisons() -> None:
    signed = extract("## Kestrel-34B-v3\n\nKestrel-34B-v3 gets 44.9 on GPQA Diamond, that's +5.3 over Kestrel-34B-v2.")
    assert any(c.kind == "comparison" and c.baseline == "Kestrel-34B-v2" and c.delta == 5.3 for c in signed)
    up = extract("## Helix-Ultra\n\nHelix-Ultra solves 21 of 30 AIME 2025 problems, up from 14 for Helix-Large.")
    assert any(c.kind == "comparison" and c.model == "Helix-Ultra" and c.baseline == "Helix-Large"
               and c.relation == "outperforms" and c.delta is None for c in up)
    down = extract("## Orion-72B\n\nOn IFEval Orion-72B is at 79.4, down from 84.0 for Orion-72B-SFT.")
    assert any(c.kind == "comparison" and c.baseline == "Orion-72B-SFT" and c.relation == "underperforms" for c in down)


def test_a_rise_whose_values_each_name_their_model() -> None:
    claims = extract("## Halcyon Pro 2\n\nThe Arena-Hard win rate went from 52% for Halcyon Pro 1.5 to 71% for Halcyon Pro 2.")
    assert {(c.model, c.value) for c in claims if c.kind == "score"} == {("Halcyon Pro 1.5", 52.0), ("Halcyon Pro 2", 71.0)}
    assert any(c.kind == "comparison" and c.model == "Halcyon Pro 2" and c.baseline == "Halcyon Pro 1.5"
               and "for Halcyon Pro 2" in c.quote for c in claims)
