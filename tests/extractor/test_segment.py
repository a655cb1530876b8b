"""Sections and sentences: boundaries, titles, subjects and exact offsets."""

from extractor.segment import CJK_HYBRID_NAME, hybrid_names, split_sections, split_sentences

DIGEST = """前言没有标题。

## FooNet: Faster Widgets with Sparse Gates
[FooNet：更快的部件](https://arxiv.org/abs/2501.00001)

FooNet 在 WidgetBench 上达到 81.2%。

[BarLM: Tiny Models Reason Too](https://arxiv.org/abs/2501.00002)

BarLM 优于 Llama-3.1-8B。
#Zeta-7B
我们提出了 Zeta-7B。
"""


def test_sections_split_at_headings_and_arxiv_lines():
    sections = split_sections(DIGEST)
    titles = [s.title for s in sections]
    assert titles == [None, "FooNet: Faster Widgets with Sparse Gates", "BarLM: Tiny Models Reason Too", "Zeta-7B"]
    # the arXiv line right under a heading belongs to that heading's section
    assert "WidgetBench" in DIGEST[sections[1].start:sections[1].end]
    assert "arxiv.org/abs/2501.00001" in DIGEST[sections[1].start:sections[1].end]
    # sections tile the text without gaps
    assert sections[0].start == 0 and sections[-1].end == len(DIGEST)
    assert all(a.end == b.start for a, b in zip(sections, sections[1:], strict=False))


def test_section_subject_comes_from_the_title_name():
    subjects = [s.subject for s in split_sections(DIGEST)]
    assert subjects[1:] == ["FooNet", "BarLM", "Zeta-7B"]


def test_subject_from_intro_when_title_names_none():
    text = "## How far can small models go?\n在这项工作中，我们提出了 MiniReasoner，一个小模型。\n"
    assert split_sections(text)[0].subject == "MiniReasoner"


def test_chinese_headline_with_one_model_name():
    assert split_sections("#全新视觉模型k2发布\n正文。\n")[0].subject == "k2"
    assert split_sections("#从GPT-4o到o3-mini\n正文。\n")[0].subject is None


def _texts(text, **kw):
    return [text[s.start:s.end] for s in split_sentences(text, **kw)]


def test_chinese_sentence_ends():
    assert _texts("它很快。它也很准！真的吗？是的；好\n下一行") == ["它很快。", "它也很准！", "真的吗？", "是的；", "好", "下一行"]


def test_english_periods_decimals_versions_and_abbreviations():
    text = "Scores rose to 2.5 points, e.g. on v1.2 of the U.S. set. Smith et al. agree. Done!"
    assert _texts(text) == ["Scores rose to 2.5 points, e.g. on v1.2 of the U.S. set.", "Smith et al. agree.", "Done!"]


def test_sentence_offsets_slice_back_and_respect_bounds():
    text = "Alpha. 贝塔。 Gamma!"
    spans = split_sentences(text, start=7)
    assert [text[s.start:s.end] for s in spans] == ["贝塔。", "Gamma!"]
    assert all(s.start >= 7 for s in spans)


def test_report_words_are_not_part_of_the_title_subject():
    assert split_sections("# Wren-9B Technical Report\nBody.\n")[0].subject == "Wren-9B"
    assert split_sections("# Heron-13B Model Card\nBody.\n")[0].subject == "Heron-13B"
    assert split_sections("# Wren-9B 技术报告\n正文。\n")[0].subject == "Wren-9B"
    assert split_sections("# DataReport\nBody.\n")[0].subject == "DataReport"  # a suffix glued on is part of the name


def test_chinese_brand_with_latin_size_in_a_headline():
    assert split_sections("# 青松-13B 发布\n正文。\n")[0].subject == "青松-13B"


def test_open_source_models_is_not_an_introduction():
    text = "## 评测\n在 LongBench 上位列开源模型第一，领先第二名 Yi-34B 约 2 分。\n"
    assert split_sections(text)[0].subject is None


def test_numbered_headings_name_their_method():
    assert split_sections("## 3. RefineCoder：迭代式代码生成\n正文。\n")[0].subject == "RefineCoder"
    assert split_sections("## 二、RefineCoder：迭代式代码生成\n正文。\n")[0].subject == "RefineCoder"
    assert split_sections("## 4.2 Evaluation\nBody.\n")[0].subject is None


def test_glued_chinese_brand_starts_after_a_particle():
    from extractor.segment import CJK_HYBRID_NAME
    found = [m.group(0) for t in ("推出的云岫-72B以总分", "开源了新模型青松-7B（", "相较上一代青鸾-1 提升", "数据-A组")
             for m in CJK_HYBRID_NAME.finditer(t)]
    assert found == ["云岫-72B", "青松-7B", "青鸾-1"]


def test_a_chinese_brand_with_its_version_then_a_dashed_part_is_one_name():
    from extractor.segment import CJK_HYBRID_NAME
    found = [m.group(0) for t in ("衡宇2-Max 在 MMLU 上", "较上一代衡宇1.5-14B 提升", "训练2-3 轮", "第3-5 名")
             for m in CJK_HYBRID_NAME.finditer(t)]
    assert found == ["衡宇2-Max", "衡宇1.5-14B"]


def test_headline_subject_is_the_released_model_not_the_one_it_is_measured_against():
    text = "# 14B 小模型数学追平 o1-mini！北辰智能开源玄武-14B\n\n正文。\n\n## 数学：14B 对阵 o1-mini\n\n它很强。\n"
    assert [s.subject for s in split_sections(text)] == ["玄武-14B", "玄武-14B"]
    assert split_sections("# 如何评价新发布的青鸾-32B？和 Qwen2.5、DeepSeek-V3 比如何\n正文\n")[0].subject == "青鸾-32B"
    # 把 / 将 mark the object: the headline's subject is not the model it handles
    assert split_sections("# 刚刚！国产14B小模型把GPT-4o按在地上摩擦？\n\n正文。\n")[0].subject is None


def test_plain_word_headings_and_benchmarks_are_no_subjects():
    text = "# Halcyon-72B: open reasoning\n\nBody.\n\n## Numbers\n\nThe numbers are good.\n\n## SWE-bench Verified\n\nx\n"
    assert [s.subject for s in split_sections(text)] == ["Halcyon-72B", "Halcyon-72B", "Halcyon-72B"]
    assert split_sections("## Kite\nKite视频编辑超SOTA。\n")[0].subject == "Kite"  # named in its own text
    assert split_sections("## Out-of-domain generalization\nx\n")[0].subject is None


def test_a_model_hub_repository_id_in_the_title_names_its_model():
    text = "# tern-labs/Tern-34B-Instruct · Discussions\n\nI get 51.0 on GPQA Diamond.\n"
    assert split_sections(text)[0].subject == "Tern-34B-Instruct"
    assert split_sections("# Qwen/Qwen2.5-72B-Instruct\n\nnotes\n")[0].subject == "Qwen2.5-72B-Instruct"


def test_a_verb_of_testing_is_not_part_of_the_chinese_brand_after_it():
    text = "# 复现玄鸮-R1-14B 数学成绩踩坑记录\n\n正文。\n"
    assert split_sections(text)[0].subject == "玄鸮-R1-14B"


def test_a_launch_title_introducing_a_product_with_a_version_names_it():
    text = ("# Introducing Halcyon 3 and Halcyon 3 mini\n\nToday we release both.\n\n## Reasoning\n\nIt leads.\n\n"
            "## Halcyon 3 mini: frontier smarts, small price\n\nIt is cheap.\n")
    assert [s.subject for s in split_sections(text)] == ["Halcyon 3", "Halcyon 3", "Halcyon 3 mini"]
    assert split_sections("# Introducing Part 2 of our series\n\nText.\n")[0].subject is None


def test_a_label_then_one_name_after_the_colon_names_it():
    assert split_sections("## 2. Paper of the week: ThinkLess\n\nText.\n")[0].subject == "ThinkLess"
    assert split_sections("## Paper of the week: Scaling laws in LLMs-as-Judges\n\nText.\n")[0].subject is None


def test_a_hard_wrapped_paragraph_is_read_as_its_sentences_not_its_lines():
    from extractor.segment import line_bounds, split_sentences

    text = ("Relative to open competitors of similar size, the model is solid. Yi-1.5-34B-Chat scores 76.8 on\n"
            "MMLU under our harness, so Larkspur-34B-Chat holds a narrow edge there.\n"
            "- a list item\n"
            "Alice: a turn\n")
    sentences = [text[s.start:s.end] for s in split_sentences(text)]
    assert "Yi-1.5-34B-Chat scores 76.8 on\nMMLU under our harness, so Larkspur-34B-Chat holds a narrow edge there." \
        in sentences
    assert "- a list item" in sentences and "Alice: a turn" in sentences
    assert line_bounds(text, text.index("MMLU")) == (0, text.index("\n- a list"))


def test_a_hard_wrapped_paragraph_gives_the_claims_of_the_unwrapped_one():
    from tests.support.extraction import extract

    wrapped = ("## Performance\n\nRelative to open competitors of similar size, the model is solid but not\n"
               "exceptional. Yi-1.5-34B-Chat scores 76.8 on\nMMLU under our harness, so Larkspur-34B-Chat holds a narrow\n"
               "edge there; Qwen2.5-32B-Instruct, at 83.3, is clearly ahead of both of them\non that benchmark.\n")
    got = {(c.model, c.benchmark, getattr(c, "value", None), getattr(c, "baseline", None)) for c in extract(wrapped)}
    assert {("Yi-1.5-34B-Chat", "MMLU", 76.8, None), ("Qwen2.5-32B-Instruct", "MMLU", None, "Yi-1.5-34B-Chat")} <= got


def test_a_paragraph_wrapped_at_a_fixed_width_is_one_line_across_its_sentence_ends():
    from extractor.segment import line_bounds

    text = ("On MMLU the picture is clear. Yi-1.5-34B-Chat scores 76.8 under our harness.\n"
            "Qwen2.5-32B-Instruct, at 83.3, is clearly ahead of both of the other two.\n\nNext paragraph.\n")
    assert line_bounds(text, text.index("Qwen")) == (0, text.index("\n\nNext"))
    long_line = "A paragraph written as one long line. " * 4
    text = long_line + "\nAnother paragraph on the next line.\n"
    assert line_bounds(text, text.index("Another"))[0] == len(long_line) + 1


def test_a_course_code_labels_a_forum_title_and_an_assignment_is_no_model():
    from tests.support.extraction import extract

    text = ("# CS 329: Question about reported MMLU numbers (#412)\n\n**Student:** The Llama 3 paper says "
            "Llama-3-70B-Instruct gets 82.0 on MMLU, but the leaderboard we used in HW3 shows 79.9.\n")
    assert {c.model for c in extract(text)} == {"Llama-3-70B-Instruct"}


def test_hybrid_names_finds_what_the_pattern_finds_from_every_start():
    """``hybrid_names`` tries the pattern only where a name can start (before a dash or a glued "V" version)."""
    for text in ("C-Eval上启明-4和华章大模型V3.5分别取得91.8%", "星河89.3，天工V2是80，衡宇1.5-14B和青鸾-2 Pro在", "比华章大模型V3.5高"):
        assert [m.span() for m in hybrid_names(text)] == [m.span() for m in CJK_HYBRID_NAME.finditer(text)]
    assert [m.group(0) for m in hybrid_names("启明-4和华章大模型V3.5")] == ["启明-4", "华章大模型V3.5"]


def test_a_spoken_pause_before_a_lower_case_word_or_a_digit_does_not_end_the_sentence():
    text = "TOM: GPT-4.1 was... 80.1 on MMLU-Pro I think? It was... Fine."
    assert [text[s.start:s.end] for s in split_sentences(text)] == [
        "TOM: GPT-4.1 was... 80.1 on MMLU-Pro I think?", "It was...", "Fine."]


def test_a_programme_slot_and_its_time_open_a_heading_without_naming_a_model():
    text = ("# Workshop programme\n\n## B2 (09:25) Distilling Long Chains — Priya Natarajan\n\nReasoning distillation "
            "often hurts instruction following.\n\n## B4 (10:30) Lynx-Math: A Curriculum — Chen Rui\n\nLynx-Math-7B is "
            "trained on 2.4M problems.\n\n## 14:10 Sparse Verifiers\n\nWe introduce SpaVer, a verifier.\n")
    assert [s.subject for s in split_sections(text)][1:] == [None, "Lynx-Math", "SpaVer"]


def test_an_objectives_code_opening_a_heading_is_no_name_when_the_heading_names_a_model():
    text = ("# 2025 Q1 OKR 复盘\n\n## O1：旗舰模型 天枢-2 进入行业第一梯队\n\n- KR2：GPQA Diamond 超过 GPT-4o。\n\n"
            "## o1: reasoning at scale\n\nIt gets 79 on AIME.\n")
    assert [s.subject for s in split_sections(text)][1:] == ["天枢-2", "o1"]
