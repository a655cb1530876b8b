"""Values a text takes back later (a speaker's correction, an erratum) are no results; the corrected ones are."""

from __future__ import annotations

from extractor.rules.retractions import retractions
from schemas import ScoreClaim
from tests.support.extraction import extract


def test_a_spoken_correction_replaces_the_value_it_takes_back():
    claims = extract("## 主讲\n\n云岚-3 在 GPQA Diamond 上是 65.1 分。刚才我说错了，不是 65.1，是 59.1，谢谢提醒。\n")
    assert [(c.model, c.benchmark, c.value) for c in claims if c.kind == "score"] == [("云岚-3", "GPQA Diamond", 59.1)]


def test_an_erratum_takes_back_the_value_it_lists():
    text = ("The first preprint version listed 57.1 on OlympiadBench for StepForge-7B; a grading bug was responsible, "
            "and the corrected number is 57.9.")
    assert [(r.value, r.instead) for r in retractions(text)] == [(57.1, 57.9)]


def test_a_value_the_text_calls_a_typo_is_taken_back():
    claims = extract("## Results\n\nEdit: originally I wrote that Brisa-14B got 65.8 on MMLU-Pro, that was a typo, it's 63.8.\n")
    assert 65.8 not in {c.value for c in claims if isinstance(c, ScoreClaim)}
    assert [(r.value, r.instead) for r in retractions("星河-14B 得到 65.8。更正：上文 65.8 是笔误，应为 63.8。")] == [(65.8, 63.8)]


def test_the_right_value_then_the_one_taken_back():
    claims = extract("## 代码\n\n启元-3-Flash 的 LiveCodeBench 32.0。\n\n更正一下：上面 LiveCodeBench 写错了，是 30.2 不是 32.0，看串行了。\n")
    assert 32.0 not in {c.value for c in claims if isinstance(c, ScoreClaim)}
    assert [(r.value, r.instead) for r in retractions("Correction: it's 30.2, not 32.0.")] == [(32.0, 30.2)]


def test_no_correction_word_takes_nothing_back():
    assert retractions("It is not 65.1 but 59.1 on GPQA Diamond, and 71.0 on MMLU.") == []
    claims = extract("## A\n\nTern-7B scores 65.1 on GPQA Diamond. Corvid-7B is not 65.1, it is 59.1.\n")
    assert ("Tern-7B", 65.1) in {(c.model, c.value) for c in claims if c.kind == "score"}


def test_a_value_the_text_says_it_wrote_by_mistake_and_a_bound():
    text = ("## 更正\n\n上期合集在介绍 Hermes-Lite-3B 时，误把其 IFEval 得分写成了 71.0，正确数字应为 61.0，特此说明。"
            "IFEval 只有约 500 条提示，两者的差距小于 1 分。\n")
    got = {(c.model, c.benchmark, c.value) for c in extract(text) if isinstance(c, ScoreClaim)}
    assert ("Hermes-Lite-3B", "IFEval", 61.0) in got
    assert not {c.value for c in extract(text) if isinstance(c, ScoreClaim)} & {71.0, 1.0}


def test_a_value_the_source_contradicts_and_the_text_calls_a_slip_is_taken_back():
    text = ("## Comments\n\nCheck your figures: you have Marlin-3 at 84.3 on MMLU-Pro, and the card says 48.3; "
            "you transposed the digits.\n")
    assert [(c.model, c.value) for c in extract(text)] == [("Marlin-3", 48.3)]


def test_a_reproduction_beside_the_official_figure_keeps_both():
    text = "## Results\n\nWe measured Marlin-3 at 47.9 on MMLU-Pro in our harness, and the card says 48.3.\n"
    assert {c.value for c in extract(text)} >= {47.9}


def test_a_listed_value_gives_way_to_the_clean_figure():
    text = ("## Release notes\n\nNotes: Orca-9 reaches 58.2 on GPQA Diamond. An earlier draft listed LiveCodeBench at 41.5; that run "
            "used a contaminated split, and the clean figure is 37.2.\n")
    assert ("Orca-9", 37.2) in [(c.model, c.value) for c in extract(text)]
    assert 41.5 not in [c.value for c in extract(text)]


def test_a_misprinted_chinese_value_gives_way_to_the_correct_one():
    text = "## 性能\n\n知微-Pro 2.1 在 MMLU 上为 86.9%。注：1.0 版中知微-Pro 2.1 的 MMLU-Pro 数值误印为 74.0%，正确数值为 70.4%。\n"
    assert 74.0 not in [c.value for c in extract(text)]
