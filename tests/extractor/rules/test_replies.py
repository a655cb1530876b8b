"""Comparisons answering a score the sentence just gave another model (``extractor.rules.replies``)."""

from __future__ import annotations

from tests.support.extraction import extract


def comparisons(claims):
    return {(c.model, c.baseline, c.relation, c.benchmark, c.delta) for c in claims if c.kind == "comparison"}


def test_a_named_subject_answers_the_score_before_it():
    claims = extract("Orion-72B is out. Llama-3.1-70B-Instruct gets 50.5 on GPQA Diamond under the same harness, "
                     "so Orion-72B still wins, just by ~5.6.")
    assert comparisons(claims) == {("Orion-72B", "Llama-3.1-70B-Instruct", "outperforms", "GPQA Diamond", 5.6)}


def test_we_answer_with_a_margin_in_chinese():
    claims = extract("我们的 CoRe-RL-7B 在 MATH-500 上达到 82.4%。对比来看，SimpleRL-Zoo-7B 在 MATH-500 上是 78.2%，"
                     "我们高了 4.2 个点。")
    assert comparisons(claims) == {("CoRe-RL-7B", "SimpleRL-Zoo-7B", "outperforms", "MATH-500", 4.2)}
    behind = extract("星河-R1-32B 上线了。AIME 2024 上 QwQ-32B 自己报的是 79.5，所以星河-R1-32B 其实还差了 7 分。")
    assert comparisons(behind) == {("星河-R1-32B", "QwQ-32B", "underperforms", "AIME 2024", 7.0)}


def test_an_object_before_the_comparative_is_no_reply():
    claims = extract("玄武-8B 发布了。MMLU-Pro 上 Qwen2.5-7B-Instruct 56.3，Qwen 比玄武-8B 高了 11 分。")
    assert ("玄武-8B", "Qwen2.5-7B-Instruct") not in {(c.model, c.baseline) for c in claims if c.kind == "comparison"}


def test_it_after_the_writers_comparison_is_the_model_they_measured_against():
    """It is the model whose score the writers just answered, not theirs; and "we" still stands for theirs."""
    claims = extract("我们的 CoRe-RL-7B 在 MATH-500 上达到 82.4%。对比来看，SimpleRL-Zoo-7B 在 MATH-500 上是 78.2%，"
                     "我们高了 4.2 个点；在 AIME 2024 上它是 26.7%，我们领先 6.6 个点。")
    scores = {(c.model, c.benchmark, c.value) for c in claims if c.kind == "score"}
    assert ("SimpleRL-Zoo-7B", "AIME 2024", 26.7) in scores
    assert ("CoRe-RL-7B", "AIME 2024", 26.7) not in scores
    assert ("CoRe-RL-7B", "SimpleRL-Zoo-7B", "outperforms", "AIME 2024", 6.6) in comparisons(claims)


def test_after_the_writers_it_as_an_object_is_the_model_quoted_before():
    """我们 is the subject; 它 / 它的 is the model the previous clause quoted, whose value it owns."""
    claims = extract("我们的 CoRe-RL-7B 在 MATH-500 上达到 82.4%。Qwen2.5-Math-7B-Instruct 在 MATH-500 上是 79.8%，"
                     "我们超过了它；在 GSM8K 上我们是 91.6%，反而比它的 95.2% 低了 3.6 个点。")
    scores = {(c.model, c.benchmark, c.value) for c in claims if c.kind == "score"}
    assert ("Qwen2.5-Math-7B-Instruct", "GSM8K", 95.2) in scores
    assert ("CoRe-RL-7B", "GSM8K", 91.6) in scores
    assert ("CoRe-RL-7B", "Qwen2.5-Math-7B-Instruct", "underperforms", "GSM8K", 3.6) in comparisons(claims)
    assert not any(c.model == "Qwen2.5-Math-7B-Instruct" for c in claims if c.kind == "comparison")
    second = extract("我们的 CoRe-RL-7B 在 MATH-500 上达到 82.4%。OlympiadBench 上我们是 44.9%，和 Eurus-2-7B-PRIME（45.0%）"
                     "基本持平；AMC 2023 上我们是 65.0%，仅次于它的 67.5%。")
    assert ("Eurus-2-7B-PRIME", "AMC 2023", 67.5) in {(c.model, c.benchmark, c.value) for c in second if c.kind == "score"}
    assert ("CoRe-RL-7B", "Eurus-2-7B-PRIME", "underperforms", "AMC 2023") in {
        (c.model, c.baseline, c.relation, c.benchmark) for c in second if c.kind == "comparison"}


def test_a_margin_the_cues_comparison_states_is_no_second_reply():
    claims = extract("## 7.2\n\nQwen2.5-72B-Instruct 在 GSM8K 上是 95.8%。\n\n课上我们提到，DeepSeek-R1 在 MATH-500 上为 97.3%，"
                     "比 GPT-4o 的 74.6% 高出 22.7 个百分点。\n")
    assert comparisons(claims) == {("DeepSeek-R1", "GPT-4o", "outperforms", "MATH-500", 22.7)}
