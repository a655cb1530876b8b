"""Whose value a number is, said by the number's own phrase ("79.2 for Orion-72B"), whatever the verb."""

from __future__ import annotations

from tests.support.extraction import extract


def test_a_value_for_a_named_model_is_its_score_without_a_score_verb() -> None:
    claims = extract("Orion-72B is the new model. The appendix has 79.2 for Orion and 80.4 for GPT-4o on Arena-Hard, "
                     "so it's actually slightly behind.")
    scores = {(c.model, c.benchmark, c.value) for c in claims if c.kind == "score"}
    assert ("Orion-72B", "Arena-Hard", 79.2) in scores
    assert ("GPT-4o", "Arena-Hard", 80.4) in scores
    assert any(c.kind == "comparison" and c.model == "Orion-72B" and c.baseline == "GPT-4o"
               and c.relation == "underperforms" for c in claims)


def test_a_value_for_a_common_word_is_no_score() -> None:
    assert extract("The team has 12.5 for Python and more for Rust.") == []


def test_the_judge_of_a_judged_benchmark_is_not_the_subject() -> None:
    claims = extract("## Vireo-13B-Chat\n\nOn MT-Bench, with GPT-4 as the judge, it scores 7.61, above Vicuna-33B-v1.3 "
                     "(7.12). On AlpacaEval 2.0 (judged by GPT-4-Turbo) it reaches 34.8%.")
    assert {c.model for c in claims} == {"Vireo-13B-Chat", "Vicuna-33B-v1.3"}
    assert any(c.kind == "score" and c.model == "Vireo-13B-Chat" and c.value == 34.8 for c in claims)
    zh = extract("## 青鸾-32B\n\n在 MT-Bench 上，以 GPT-4 作为裁判，它得到 8.1 分。")
    assert [(c.model, c.value) for c in zh] == [("青鸾-32B", 8.1)]


def test_short_forms_of_unsized_names_and_of_a_family_with_an_earlier_release() -> None:
    text = ("## 数学篇\n\n青鸾-32B 在 MATH-500 上是 90.2%。\n\n再看 GLM-4-Plus，MATH-500 是 74.2。\n\n"
            "## 代码篇\n\nLiveCodeBench 上 GLM 是 41.5，青鸾 38.9。\n\n"
            "## 中文\n\nC-Eval 上青鸾-32B 是 88.1，比上一代青鸾-14B 的 81.7 涨了 6.4 个点。")
    scores = {(c.model, c.benchmark, c.value) for c in extract(text) if c.kind == "score"}
    assert ("GLM-4-Plus", "LiveCodeBench", 41.5) in scores  # GLM: the one name GLM-… of the text
    assert ("青鸾-32B", "LiveCodeBench", 38.9) in scores  # 青鸾: not the earlier release 青鸾-14B


def test_a_family_word_alone_keeps_meaning_the_family() -> None:
    claims = extract("Adam-mini 在 GPT-2 预训练上取得 3.12 的 loss。它可以超越 Adam。")
    assert all(c.baseline != "Adam-mini" for c in claims)


def test_chinese_cues_of_a_slight_edge_or_shortfall() -> None:
    worse = extract("## X\n\nOrion-7B 在 MMLU 上比 Qwen2.5-7B 略逊。")
    assert [(c.model, c.baseline, c.relation) for c in worse] == [("Orion-7B", "Qwen2.5-7B", "underperforms")]
    better = extract("## X\n\n在 GSM8K 上，Orion-7B 比 Qwen2.5-7B 略胜一筹。")
    assert [(c.model, c.baseline, c.relation) for c in better] == [("Orion-7B", "Qwen2.5-7B", "outperforms")]


def test_a_cue_may_name_a_described_group_before_its_example() -> None:
    claims = extract("## Vireo-13B-Chat\n\nOn C-Eval, Vireo-13B-Chat scores 48.2, far below Chinese-centric models of "
                     "similar size such as Baichuan2-13B-Chat (56.7).")
    assert any(c.kind == "comparison" and c.model == "Vireo-13B-Chat" and c.baseline == "Baichuan2-13B-Chat"
               and c.relation == "underperforms" for c in claims)


def test_fewer_points_than_a_named_model_is_a_shortfall() -> None:
    claims = extract("## 青鸾-VL-8B\n\nOCRBench 它拿了 842，比 Qwen2-VL-7B 少了 3 分，基本持平。")
    assert any(c.kind == "comparison" and c.model == "青鸾-VL-8B" and c.baseline == "Qwen2-VL-7B"
               and c.relation == "underperforms" and c.delta == 3.0 for c in claims)


def test_a_model_set_against_another_with_gen_bi_then_the_verdict() -> None:
    claims = extract("## 星河-R1-32B\n\n星河-R1-32B 在 LiveCodeBench 官方数字是 57.2，跟 o1-mini 的 53.8 比领先了 3.4 个点。")
    assert any(c.kind == "comparison" and c.model == "星河-R1-32B" and c.baseline == "o1-mini"
               and c.relation == "outperforms" and c.delta == 3.4 for c in claims)
    assert ("o1-mini", 53.8) in {(c.model, c.value) for c in claims if c.kind == "score"}
    worse = extract("## 星河-32B\n\n星河-32B 的 MATH-500 能到 94.6，和 DeepSeek-R1 比起来还是差点意思。")
    assert any(c.kind == "comparison" and c.baseline == "DeepSeek-R1" and c.relation == "underperforms" for c in worse)


def test_a_sure_win_is_a_comparison() -> None:
    claims = extract("## 代码\n\n在 LiveCodeBench 上，Claude-3.7-Sonnet 稳赢 GPT-4o。")
    assert [(c.model, c.baseline, c.relation) for c in claims] == [("Claude-3.7-Sonnet", "GPT-4o", "outperforms")]


def test_a_note_in_parentheses_after_a_value_leaves_its_owner_to_the_words_before() -> None:
    claims = extract("# Vireo-13B-Chat\n\nHumanEval pass@1 is 54.9, about five points better than "
                     "CodeLlama-13B-Instruct, which reports 49.9 (an earlier draft of this card quoted another number).")
    scores = {(c.model, c.value) for c in claims if c.kind == "score"}
    assert scores == {("Vireo-13B-Chat", 54.9), ("CodeLlama-13B-Instruct", 49.9)}


def test_a_value_for_it_is_the_model_named_last_before_it() -> None:
    claims = extract("# Kestrel-2-32B\n\nOn Arena-Hard the 32B gets 68.5, which is on par with Llama-3.1-70B-Instruct, "
                     "we measured 69.1 for it, basically within noise.")
    scores = {(c.model, c.value) for c in claims if c.kind == "score"}
    assert scores == {("Kestrel-2-32B", 68.5), ("Llama-3.1-70B-Instruct", 69.1)}


def test_a_judge_written_in_english_inside_chinese_is_no_subject() -> None:
    claims = extract("# 青岚-14B 周报\n\n- Arena-Hard（GPT-4-Turbo 作为 judge）：55.3，GPT-4o-mini 的公开数字是 74.9。")
    assert {(c.model, c.value) for c in claims if c.kind == "score"} == {("青岚-14B", 55.3), ("GPT-4o-mini", 74.9)}


def test_a_patents_step_label_is_no_model() -> None:
    claims = extract("## 具体实施方式\n\n步骤S101：训练。玄枢-7B 在 GSM8K 上的准确率为 91.3%。")
    assert {c.model for c in claims} == {"玄枢-7B"}


def test_a_value_for_a_size_is_the_model_of_that_size() -> None:
    claims = extract("# Kestrel-2\n\nKestrel-2-8B and Kestrel-2-32B are out. On MMLU-Pro: 71.8 for the 32B and 60.2 "
                     "for the 8B.")
    assert {(c.model, c.value) for c in claims if c.kind == "score"} == {("Kestrel-2-32B", 71.8), ("Kestrel-2-8B", 60.2)}


def test_a_judge_is_no_topic_and_a_budget_share_or_a_length_is_no_result() -> None:
    text = ("# 青岚-14B 周报\n\n- Arena-Hard（GPT-4-Turbo 作为 judge）：55.3。\n\n评论：Arena-Hard 上 judge 偏好长答案，得分 57.1。\n\n"
            "**评测资源**：本周评测集群占用了 GPU 预算的 37%，主要是 Arena-Hard 的 judge 调用。")
    scores = {(c.model, c.value) for c in extract(text) if c.kind == "score"}
    assert scores == {("青岚-14B", 55.3), ("青岚-14B", 57.1)}


def test_a_step_label_is_no_topic_and_a_change_is_no_score() -> None:
    text = ("## 实施例1\n\n本实施例以 Qwen2.5-7B 作为基座模型，得到目标模型，以下记为玄枢-7B。\n\n"
            "其中，步骤S101中所述数据共计约 120 万条。实施例1所得目标模型在 GSM8K 上的准确率为 91.3%。\n\n"
            "去掉长上下文阶段的消融版本，MMLU-Pro 掉了 0.9。")
    scores = {(c.model, c.benchmark, c.value) for c in extract(text) if c.kind == "score"}
    assert ("S101", "GSM8K", 91.3) not in scores
    assert not any(v == 0.9 for _m, _b, v in scores)


def test_an_aside_after_which_keeps_the_value_with_the_name_before_it():
    text = ("Kestrel-3 Ultra resolves 58.6% on SWE-bench Verified, comfortably ahead of DeepSeek-R1, which, as we "
            "understand the public numbers, sits around 49.2.")
    scores = {(c.model, c.value) for c in extract(text) if c.kind == "score"}
    assert scores == {("Kestrel-3 Ultra", 58.6), ("DeepSeek-R1", 49.2)}


def test_a_decimal_its_own_phrase_gives_an_owner_is_a_result_on_the_paragraphs_benchmark():
    text = ("Orion-72B gets 71.0 on MMLU-Pro. The GPQA Diamond number is the one I'd look at. 52.0 for the 72B, "
            "and they list Qwen2.5-32B-Instruct at 49.5.")
    scores = {(c.model, c.benchmark, c.value) for c in extract(text) if c.kind == "score"}
    assert {("Orion-72B", "GPQA Diamond", 52.0), ("Qwen2.5-32B-Instruct", "GPQA Diamond", 49.5)} <= scores


def test_a_value_a_which_clause_measures_is_the_name_before_which():
    text = ("# Osprey-R-7B\n\nAIME 2025 slide: 38.3 for Osprey-R-7B. She says this beats o1-mini, which her table "
            "lists at 33.3, and then adds a caveat.")
    assert ("o1-mini", 33.3) in {(c.model, c.value) for c in extract(text) if c.kind == "score"}


def test_a_long_name_described_by_two_of_its_parts_in_a_list_with_the():
    text = ("# Osprey-R-7B\n\nOsprey-R-7B gets 55.5 on AIME 2024, and DeepSeek-R1-Distill-Qwen-7B also gets 55.5. "
            "Osprey-R-7B and the R1 distill score 94.0 and 92.8 on MATH-500 respectively.")
    assert {(c.model, c.value) for c in extract(text) if c.kind == "score" and c.benchmark == "MATH-500"} == {
        ("Osprey-R-7B", 94.0), ("DeepSeek-R1-Distill-Qwen-7B", 92.8)}


def test_a_hedged_whole_number_is_a_value():
    claims = extract("# 知微-32B\n\nLiveCodeBench 上知微-32B 是 45.8，Claude 3.5 Sonnet 大约在 40 左右。")
    assert ("Claude 3.5 Sonnet", 40.0) in {(c.model, c.value) for c in claims if c.kind == "score"}
    assert not extract("# 知微-32B\n\n知微-32B 的训练用了 40 天左右，每道题大约 3 分钟左右。")


def test_a_copula_joins_a_value_to_the_model_before_it() -> None:
    claims = extract("On IFEval, Qwen2.5-72B is 84.1.")
    assert [(c.model, c.benchmark, c.value) for c in claims] == [("Qwen2.5-72B", "IFEval", 84.1)]
    claims = extract("Osprey-R-7B is the new model.\n\n**10:21** — GPQA Diamond. Candid moment: 49.1 for Osprey, well "
                     "behind GPT-4o at 53.6 on the same 198 questions.")
    assert ("GPT-4o", "GPQA Diamond", 53.6) in {(c.model, c.benchmark, c.value) for c in claims}
    assert extract("Our model gets 70.1 on MMLU. The gap is 3.1 on MMLU.") == extract("Our model gets 70.1 on MMLU.")


def test_a_setting_between_a_benchmark_and_its_copula_keeps_the_value_on_it() -> None:
    claims = extract("Kestrel-34B-rc3 scores 71.8 on MMLU-Pro. IFEval strict-prompt is 84.1 for rc3.")
    assert ("Kestrel-34B-rc3", "IFEval", 84.1) in {(c.model, c.benchmark, c.value) for c in claims}


def test_a_bare_release_tag_is_the_same_model_s_other_release() -> None:
    # a checkpoint id in lower case, as a chat writes it, with its short form "rc3" and its sibling "rc2"
    claims = extract("Overnight sweep on kestrel-34b-rc3 finished.\n\nSo rc3 beats Qwen2.5-72B on MMLU-Pro (70.6). "
                     "On GPQA Diamond, rc2 was at 52.0.")
    assert ("comparison", "kestrel-34b-rc3", "Qwen2.5-72B") in {(c.kind, c.model, c.baseline) for c in claims}
    assert ("kestrel-34b-rc2", "GPQA Diamond", 52.0) in {(c.model, c.benchmark, c.value) for c in claims}


def test_an_earlier_value_measured_on_another_model_is_that_model_s() -> None:
    claims = extract("Kestrel-34B-rc3 scores 71.8 on MMLU-Pro, up from 69.4 on Kestrel-34B-rc2.")
    assert {(c.kind, c.model, c.value if c.kind == "score" else c.baseline) for c in claims} == {
        ("score", "Kestrel-34B-rc3", 71.8), ("score", "Kestrel-34B-rc2", 69.4),
        ("comparison", "Kestrel-34B-rc3", "Kestrel-34B-rc2")}
    # a benchmark after "on" is where the subject's earlier value was measured
    assert {(c.model, c.benchmark, c.value) for c in extract("Kestrel-34B scores 71.8 on MMLU-Pro, up from 69.4 on GSM8K.")
            } == {("Kestrel-34B", "MMLU-Pro", 71.8), ("Kestrel-34B", "GSM8K", 69.4)}


def test_runs_of_values_pair_with_the_list_they_follow_or_precede() -> None:
    claims = extract("Kestrel-70B and Kestrel-7B score 85.9 and 78.3 on IFEval, and 40.2 and 21.7 on LiveCodeBench.")
    assert {(c.model, c.benchmark, c.value) for c in claims} == {
        ("Kestrel-70B", "IFEval", 85.9), ("Kestrel-7B", "IFEval", 78.3),
        ("Kestrel-70B", "LiveCodeBench", 40.2), ("Kestrel-7B", "LiveCodeBench", 21.7)}
    claims = extract("Our Kestrel-70B model reaches 85.9 and 78.3 on IFEval and MMLU.")
    assert {(c.model, c.benchmark, c.value) for c in claims} == {("Kestrel-70B", "IFEval", 85.9),
                                                                 ("Kestrel-70B", "MMLU", 78.3)}


def test_manages_and_obtains_state_a_decimal_result() -> None:
    claims = extract("## GPQA Diamond\n\nThe gap is large. Where Llama-3.1-70B-Instruct manages 46.7, Lyra-R-32B reaches "
                     "65.9.")
    assert {("Llama-3.1-70B-Instruct", 46.7), ("Lyra-R-32B", 65.9)} <= {(c.model, c.value) for c in claims}


def test_does_says_and_reports_state_a_decimal_result() -> None:
    claims = extract("## MATH-500\n\nTern-34B is the new model. On MATH-500 it does 96.8. Lyra-R-32B reports 57.2 on "
                     "LiveCodeBench.")
    assert {("Tern-34B", "MATH-500", 96.8), ("Lyra-R-32B", "LiveCodeBench", 57.2)} <= {
        (c.model, c.benchmark, c.value) for c in claims}


def test_a_note_between_a_benchmark_and_its_copula_keeps_the_value_on_it() -> None:
    claims = extract("Kestrel-34B-rc3 is our model. LCB (2408–2502 window) is 38.9.")
    assert [(c.model, c.benchmark, c.value) for c in claims] == [("Kestrel-34B-rc3", "LCB", 38.9)]


def test_an_averaged_metric_before_the_copula_and_an_earlier_run_in_parentheses() -> None:
    claims = extract("Overnight sweep on kestrel-34b-rc3 finished.\n\nAIME 2024 avg@16 is 46.7 (was 40.0 on rc2).")
    assert {(c.model, c.value) for c in claims if c.kind == "score"} == {("kestrel-34b-rc3", 46.7),
                                                                         ("kestrel-34b-rc2", 40.0)}


def test_a_result_word_then_the_value_set_off_by_commas() -> None:
    claims = extract("Sparrow-7B's own GSM8K result, 85.1, is unaffected.")
    assert [(c.model, c.benchmark, c.value) for c in claims] == [("Sparrow-7B", "GSM8K", 85.1)]


def test_a_value_in_parentheses_after_a_baseline_is_its_score_on_the_paragraph_benchmark() -> None:
    claims = extract("Kestrel-70B lands at 88.4 on HumanEval. It still sits just behind GPT-4o (90.2), but close enough.")
    assert ("GPT-4o", "HumanEval", 90.2) in {(c.model, c.benchmark, c.value) for c in claims if c.kind == "score"}


def test_relative_clauses_give_the_value_to_the_name_they_hang_on():
    """"X, whose published score is N", "X (high), which OpenAI reports at N%", "the N that X reports"."""
    claims = extract("## 32B\nOn AIME 2024 Tern-32B is clearly ahead of o1-mini, whose published score is 63.6. "
                     "On GPQA Diamond Tern-7B scores 47.1, slightly behind the 49.1 that DeepSeek-R1-Distill-Qwen-7B "
                     "reports in its model card. On AIME 2025 it trails o3-mini (high), which OpenAI reports at 87.3%.\n")
    scores = {(c.model, c.benchmark, c.value) for c in claims if c.kind == "score"}
    assert {("o1-mini", "AIME 2024", 63.6), ("DeepSeek-R1-Distill-Qwen-7B", "GPQA Diamond", 49.1),
            ("o3-mini", "AIME 2025", 87.3)} <= scores
    assert not {v for m, _, v in scores if m.startswith("Tern")} & {63.6, 49.1, 87.3}


def test_a_pair_right_after_a_benchmark_is_on_that_benchmark():
    claims = extract("## 4.1 Main results\n\nAgainst VeriRL-7B, StepForge-7B gains 6.1 points on AIME 2024 and 4.7 on "
                     "OlympiadBench (57.9 vs. 53.2).\n")
    assert {(c.model, c.benchmark, c.value) for c in claims if c.kind == "score"} == {
        ("StepForge-7B", "OlympiadBench", 57.9), ("VeriRL-7B", "OlympiadBench", 53.2)}


def test_a_change_a_model_makes_to_the_one_it_improves_gives_the_first_value_to_that_one():
    claims = extract("## 5 Results\n\nSVG-1.5B improves its backbone, Qwen2.5-Math-1.5B-Instruct, from 75.8 to 80.4 on "
                     "MATH-500 and from 10.0 to 16.7 on AIME 2024.\n")
    assert {(c.model, c.benchmark, c.value) for c in claims if c.kind == "score"} == {
        ("Qwen2.5-Math-1.5B-Instruct", "MATH-500", 75.8), ("SVG-1.5B", "MATH-500", 80.4),
        ("Qwen2.5-Math-1.5B-Instruct", "AIME 2024", 10.0), ("SVG-1.5B", "AIME 2024", 16.7)}


def test_a_value_after_a_possessive_is_that_models():
    claims = extract("## HumanEval\n\nBrisa-14B gets 84.1% on HumanEval vs Qwen2.5-14B's 80.5%.\n")
    scores = {(c.model, c.benchmark, c.value) for c in claims if c.kind == "score"}
    assert ("Qwen2.5-14B", "HumanEval", 80.5) in scores and ("Brisa-14B", "HumanEval", 80.5) not in scores
    assert ("Brisa-14B", "outperforms", "Qwen2.5-14B") in {
        (c.model, c.relation, c.baseline) for c in claims if c.kind == "comparison"}


def test_a_capitalised_brand_stands_for_the_lower_case_checkpoint_id_it_heads():
    text = ("# A week of running brisa-14b-instruct-v2 vs phi-4\n\n## Results\n\nMMLU-Pro (5-shot): Brisa got 63.8%, "
            "phi-4 70.2%. So phi-4 beats Brisa by 6.4 points here.\n")
    claims = extract(text)
    assert ("brisa-14b-instruct-v2", "MMLU-Pro", 63.8) in {(c.model, c.benchmark, c.value) for c in claims if c.kind == "score"}
    assert ("phi-4", "brisa-14b-instruct-v2") in {(c.model, c.baseline) for c in claims if c.kind == "comparison"}


def test_a_label_names_the_benchmark_of_the_one_model_and_value_after_it():
    claims = extract("## Results\n\nIFEval (strict, prompt-level): Brisa-14B 79.3, which surprised me.\n")
    assert ("Brisa-14B", "IFEval", 79.3) in {(c.model, c.benchmark, c.value) for c in claims if c.kind == "score"}


def test_the_model_a_sentence_opens_by_measuring_against_had_the_from_values():
    text = ("## Results\n\nHalcyon-3 Ultra scores 79.9% on MMLU-Pro. Compared with its predecessor, Halcyon-2 Pro, the "
            "new model improves MMLU-Pro accuracy from 68.7% to 79.9% and Arena-Hard win rate from 61.3 to 88.9.\n")
    claims = extract(text)
    scores = {(c.model, c.benchmark, c.value) for c in claims if c.kind == "score"}
    assert {("Halcyon-2 Pro", "MMLU-Pro", 68.7), ("Halcyon-2 Pro", "Arena-Hard", 61.3)} <= scores
    assert ("Halcyon-2 Pro", "underperforms") not in {(c.model, c.relation) for c in claims if c.kind == "comparison"}


def test_a_relative_clause_after_a_value_names_its_model_and_a_coordinate_it_is_the_subject():
    text = ("## Math\n\nMeridian-4 now solves 56.7% of AIME 2024 problems, more than double the 23.3% Meridian-3 managed, "
            "and it edges out o1-mini (56.0%) there. On MATH-500 it posts 92.1.\n")
    claims = extract(text)
    scores = {(c.model, c.benchmark, c.value) for c in claims if c.kind == "score"}
    assert {("Meridian-3", "AIME 2024", 23.3), ("Meridian-4", "MATH-500", 92.1)} <= scores
    assert ("Meridian-4", "outperforms", "o1-mini") in {(c.model, c.relation, c.baseline) for c in claims
                                                        if c.kind == "comparison"}


def test_the_model_a_method_trains_and_the_recipe_it_trains_with_are_not_its_subject():
    text = ("## 4.2 RL\n\nSimpleRL-Zoo [44] trains Qwen2.5-Math-7B with plain GRPO and lifts AIME 2024 accuracy from 16.7% "
            "to 33.3%.\n")
    assert ("SimpleRL-Zoo", "AIME 2024", 33.3) in {(c.model, c.benchmark, c.value) for c in extract(text)
                                                   if c.kind == "score"}
    assert not {"GRPO", "Qwen2.5-Math-7B"} & {c.model for c in extract(text) if c.kind == "score" and c.value == 33.3}


def test_a_spoken_pause_between_a_copula_and_its_value():
    text = "## Knowledge\n\nMAYA: Kestrel 4 got 81.2 on MMLU-Pro.\nTOM: GPT-4.1 was... 80.1 on MMLU-Pro I think? Don't quote me.\n"
    assert ("GPT-4.1", "MMLU-Pro", 80.1) in {(c.model, c.benchmark, c.value) for c in extract(text) if c.kind == "score"}


def test_a_value_there_is_on_the_benchmark_just_talked_about():
    text = ("## Reasoning\n\nMAYA: But on AIME 2025 Nimbus-2.5-Pro reports 91.7 on a single attempt.\nTOM: Single attempt?\n"
            "MAYA: Single attempt, pass@1. And Gemini 2.5 Pro was 86.7 there, so that's a five-point gap.\n")
    assert ("Gemini 2.5 Pro", "AIME 2025", 86.7) in {(c.model, c.benchmark, c.value) for c in extract(text)
                                                     if c.kind == "score"}


def test_the_earlier_release_named_once_is_no_topic_and_owns_what_it_is_given():
    text = ("## 测评\n\n墨鸢-R1-14B 很强，它的上一代是墨鸢-R1-7B。新模型在 LiveCodeBench 上拿到 53.1。在中文考试类测试 C-Eval 上，"
            "新模型是 86.3，上一代是 74.0。\n")
    scores = {(c.model, c.benchmark, c.value) for c in extract(text) if c.kind == "score"}
    assert {("墨鸢-R1-14B", "LiveCodeBench", 53.1), ("墨鸢-R1-14B", "C-Eval", 86.3), ("墨鸢-R1-7B", "C-Eval", 74.0)} <= scores


def test_the_earlier_release_as_a_baseline_with_an_adverb_after_it():
    text = "## 测评\n\n墨鸢-R1-14B 很强，它的上一代是墨鸢-R1-7B。新模型在 LiveCodeBench 上拿到 53.1，比上一代足足高出 19.4 分。\n"
    assert ("墨鸢-R1-14B", "outperforms", "墨鸢-R1-7B", 19.4) in {
        (c.model, c.relation, c.baseline, c.delta) for c in extract(text) if c.kind == "comparison"}


def test_values_in_parentheses_after_names_in_a_paragraph_about_one_benchmark():
    text = ("## Results\n\nOn GPQA Diamond, o1 gets 78.0. Among open models, Qwen2.5-72B (49.0) edges out "
            "Llama-3.1-405B (48.1).\n")
    scores = {(c.model, c.benchmark, c.value) for c in extract(text) if c.kind == "score"}
    assert {("Qwen2.5-72B", "GPQA Diamond", 49.0), ("Llama-3.1-405B", "GPQA Diamond", 48.1)} <= scores
