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
