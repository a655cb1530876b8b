"""Numbers that are not benchmark results must yield no claim."""

import pytest

from extractor.base import get_extractor
from schemas import Document
from tests.support.extraction import extract

NOT_CLAIMS = [
    "NovaLM-70B 拥有 700 亿参数，在 2 万亿 token 上训练。",
    "Qwen2.5-32B 的训练花费了 120 万美元，使用了 2048 张 GPU。",
    "该模型的推理速度提高了 7 倍。",
    "MegaVision 数据集包含 2547 张图像和 12 个类别。",
    "该公司在 2024 年 3 月完成了 5 亿美元融资。",
    "The repository has 16,000 GitHub stars and 300 contributors.",
    "Orca-Mini was released on 2024-05-01 with 7B parameters.",
    "API 价格为每百万 token 0.5 美元。",
    "如果 NovaLM 在 GSM8K 上达到 90%，它将超过 GPT-4o。",
    "Kestrel-2 在应用商店排名第一。",
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_no_claim(text):
    doc = Document(source="n.md", path="n.md", text=text, sha256="0")
    assert get_extractor("rules").extract(doc).claims == []


def test_a_hedged_share_of_effort_is_no_score() -> None:
    claims = get_extractor("rules").extract(Document(
        source="doc.md", path="doc.md", sha256="0",
        text="# Kestrel-2-8B\n\nOn IFEval it's 81.3. That was a deliberate choice in the SFT mix, we spent maybe 30% of "
             "the post-training budget on constraint-style data.")).claims
    assert [(c.model, c.value) for c in claims] == [("Kestrel-2-8B", 81.3)]


def test_a_release_after_on_is_no_benchmark() -> None:
    claims = get_extractor("rules").extract(Document(
        source="doc.md", path="doc.md", sha256="0",
        text="# Nimbus\n\nNimbus-14B-Instruct GSM8K went from 88.0 on v0.9.1 to 84.3 on v0.9.2.")).claims
    assert not any(c.benchmark and c.benchmark.startswith("v0.9") for c in claims)


def test_a_preposition_opening_a_sentence_and_a_document_word_are_no_part_of_a_name():
    from extractor.rules.mentions import sentence_names

    assert [m.text for m in sentence_names("Against Claude 3.5 Sonnet it is on par.")] == ["Claude 3.5 Sonnet"]
    assert [m.text for m in sentence_names("Unlike GPT-4o it refuses less.")] == ["GPT-4o"]
    claims = get_extractor("rules").extract(Document(
        source="n.md", path="n.md", sha256="0", text="官方 README 里写的是 AIME 2024 69.7%，我复现的玄鸮-R1-14B 只有 53.3%。")).claims
    assert "README" not in {c.model for c in claims}


@pytest.mark.parametrize("text", [
    "# 云帆-Max 测评通报\n\n参评模型IFEval平均得分为78.4分，较上季度提高2.6分。",
    "# Halcyon-8B report\n\nThe models tested average 78.4 on IFEval.",
    "# Halcyon-8B report\n\nAcross all entrants, the average IFEval score is 78.4.",
])
def test_a_value_of_a_group_of_models_is_not_the_documents_models(text):
    assert get_extractor("rules").extract(Document(source="n.md", path="n.md", text=text, sha256="0")).claims == []


def test_a_language_after_on_is_no_benchmark():
    text = "Kestrel-3 Ultra scores 79.2% on MMLU-Pro. We believe it is ahead of Llama-3.1-70B, including on Chinese."
    claims = get_extractor("rules").extract(Document(source="n.md", path="n.md", text=text, sha256="0")).claims
    assert "Chinese" not in {c.benchmark for c in claims}


def test_a_venue_and_its_year_is_no_model():
    text = ("# Live blog: Small Models, Long Thoughts — at the Efficient Reasoning Workshop, NeurIPS 2026\n\n"
            "LiveCodeBench 27.4, essentially level with Qwen2.5-7B-Instruct.\n")
    claims = get_extractor("rules").extract(Document(source="n.md", path="n.md", text=text, sha256="0")).claims
    assert all("NeurIPS" not in c.model for c in claims)


@pytest.mark.parametrize("text", [
    "# 知微-32B\n\n在 AIME 上，知微-32B 和 R1-Distill 只差 0.2 分。",
    "# 知微-32B\n\n知微-32B 在 AIME 上的平均思考长度约为 9800 token，在单张 H800 上每道题平均耗时约 3 分钟。",
    "# Wren-8B\n\nWren-8B 在 MMLU 上每题耗时 4.5 分钟。",
    "# Wren-8B\n\nOn MMLU, Wren-8B needs 420 ms per question."])
def test_a_margin_and_a_duration_are_no_scores(text):
    claims = get_extractor("rules").extract(Document(source="n.md", path="n.md", text=text, sha256="0")).claims
    assert [c for c in claims if c.kind == "score"] == []


def test_a_model_is_never_compared_with_itself():
    text = "# 玄枢\n\nC-Eval 分数，拿去和 DeepSeek-V3 官方报的 86.5 比，基本追平 V3。"
    claims = get_extractor("rules").extract(Document(source="n.md", path="n.md", text=text, sha256="0")).claims
    assert [c for c in claims if c.kind == "comparison"] == []


def test_the_hub_is_no_model():
    text = "开源一周 HF 下载量已经过 3 万。AIME 2024 上大概在 70% 左右。"
    claims = get_extractor("rules").extract(Document(source="n.md", path="n.md", text=text, sha256="0")).claims
    assert all(c.model != "HF" for c in claims)


def test_a_margin_after_within_is_no_score():
    text = "# Halyard-2.1-Mini\n\nOn MMLU it lands within 0.2 of GPT-4o-mini (82.0)."
    claims = get_extractor("rules").extract(Document(source="n.md", path="n.md", text=text, sha256="0")).claims
    assert [(c.model, c.value) for c in claims if c.kind == "score"] == [("GPT-4o-mini", 82.0)]


def test_a_release_candidate_after_on_is_no_benchmark():
    text = "# eval\n\novernight sweep on kestrel-34b-rc3 finished.\nheadline: MMLU-Pro 71.8 (5-shot CoT), up from 69.4 on rc2."
    claims = get_extractor("rules").extract(Document(source="n.md", path="n.md", text=text, sha256="0")).claims
    assert all(c.benchmark != "rc2" for c in claims)


@pytest.mark.parametrize("text", [
    "# HiCoT-7B\n\nHiCoT-7B 在 HumanEval 上未能取得优势与训练数据中代码类题目占比较低（约 8%）有关。",
    "# 青岚-14B\n\nHumanEval 回退：DPO 数据里代码类 chosen 样本有约 6%。"])
def test_a_share_of_the_data_is_no_score(text):
    claims = get_extractor("rules").extract(Document(source="n.md", path="n.md", text=text, sha256="0")).claims
    assert [c for c in claims if c.kind == "score"] == []


def test_a_code_hosts_page_word_is_no_model():
    text = "# GSM8K for Orion-72B-Chat comes out ~4.5 pts below the model card · Issue #2281 · evalkit/evalkit\n\nHi.\n"
    claims = get_extractor("rules").extract(Document(source="n.md", path="n.md", text=text, sha256="0")).claims
    assert all(getattr(c, "baseline", None) != "Issue" for c in claims)


def test_what_one_item_is_worth_and_an_architecture_are_no_results() -> None:
    claims = get_extractor("rules").extract(Document(
        source="doc.md", path="doc.md", sha256="0",
        text="# Tern-34B\n\nAIME 2024: they report 81.3. AIME has 30 problems, so one problem is worth 3.3 pts. "
             "On GPQA Diamond it beats a 671B MoE by 7.7 points.")).claims
    assert [(c.model, c.value) for c in claims if c.kind == "score"] == [("Tern-34B", 81.3)]
    assert not any(c.kind == "comparison" and c.baseline == "MoE" for c in claims)


def test_a_section_number_is_no_result() -> None:
    claims = get_extractor("rules").extract(Document(
        source="doc.md", path="doc.md", sha256="0",
        text="Compared with its predecessor, Petrel-14B has improved dramatically: Petrel-7B, described in Section 3.2, "
             "scored 28.9 on AIME 2024.")).claims
    assert 3.2 not in {c.value for c in claims if c.kind == "score"}


def test_what_one_problem_equals_is_no_result() -> None:
    claims = get_extractor("rules").extract(Document(
        source="doc.md", path="doc.md", sha256="0",
        text="# Kestrel-34B-v2\n\nIt gets 46.7 on AIME 2024 (one AIME problem = 3.3 points).")).claims
    assert [(c.model, c.value) for c in claims] == [("Kestrel-34B-v2", 46.7)]


def test_a_possessive_after_on_is_no_benchmark() -> None:
    claims = get_extractor("rules").extract(Document(
        source="doc.md", path="doc.md", sha256="0",
        text="Kestrel-70B gets 76.2 on MATH-500. GPT-4o, on Morrow's own run with the same prompt, gets 74.6.")).claims
    assert {(c.model, c.benchmark, c.value) for c in claims} == {("Kestrel-70B", "MATH-500", 76.2),
                                                                 ("GPT-4o", "MATH-500", 74.6)}


def test_a_descriptive_compound_is_no_model() -> None:
    claims = get_extractor("rules").extract(Document(
        source="doc.md", path="doc.md", sha256="0",
        text="# Tern-34B\n\nFor the Chinese-language folks in my mentions: on C-Eval and CMMLU it posts 86.0 and 85.2 "
             "respectively.")).claims
    assert {(c.model, c.benchmark, c.value) for c in claims} == {("Tern-34B", "C-Eval", 86.0), ("Tern-34B", "CMMLU", 85.2)}


def test_ablation_margins_are_no_scores() -> None:
    """A later member of a list of margins ("and 4.7 on B"), a change after a minus sign ("−0.4 on B") and a
    lower-case vendor word with a dash and a plain word ("step-level") are no results and no name."""
    claims = get_extractor("rules").extract(Document(
        source="doc.md", path="doc.md", sha256="0",
        text="## 4.2 Ablations\n\nTern-7B scores 55.8 on AIME 2024. Tern-7B gains 6.1 points on AIME 2024 and 4.7 on "
             "OlympiadBench over GRPO-7B. Removing the step-level verifier costs 5.9 points on AIME 2024; the length "
             "penalty hardly matters (\u22120.4 on MATH-500).")).claims
    assert [(c.model, c.benchmark, c.value) for c in claims if c.kind == "score"] == [("Tern-7B", "AIME 2024", 55.8)]
    from extractor.rules.mentions import sentence_names

    assert "step-level" not in [m.text for m in sentence_names("Removing the step-level verifier costs 5.9 points.")]


def test_a_word_reported_by_someone_is_no_name() -> None:
    from extractor.rules.mentions import sentence_names

    assert [m.text for m in sentence_names("Company-reported numbers: MMMU 70.1, MathVista 74.8.")] == ["MMMU",
                                                                                                     "MathVista"]


def test_a_tool_a_model_ran_with_and_a_condition_on_scores_are_no_results() -> None:
    claims = get_extractor("rules").extract(Document(
        source="doc.md", path="doc.md", sha256="0",
        text="## 3. nova-coder-14b-v0.3 tops the charts\n\nA team released nova-coder-14b-v0.3. On SWE-bench Verified with "
             "the OpenHands scaffold it resolves 28.8%.\n\n## 4.1 通用知识\n\n衡宇2-Max 在 MMLU 上取得 88.7 分。MMLU 本身存在"
             "少量标注错误，当分数高于 88 分后，不同模型之间 1 分以内的差异已难以说明能力高下。\n")).claims
    assert {(c.model, c.value) for c in claims if c.kind == "score"} == {("nova-coder-14b-v0.3", 28.8), ("衡宇2-Max", 88.7)}


def test_two_baselines_of_one_comparison_are_not_compared_with_each_other() -> None:
    claims = get_extractor("rules").extract(Document(
        source="doc.md", path="doc.md", sha256="0",
        text="## 5.3 主要结果\n\n本文方法 MathRefiner-7B 在 MATH 上取得了 52.6%。与同等规模的开源模型相比，本文方法在 MATH "
             "上的表现优于 Llama-3.1-8B-Instruct（51.9%）和 Mistral-7B-Instruct（12.7%）。\n")).claims
    assert ("Llama-3.1-8B-Instruct", "Mistral-7B-Instruct") not in {(c.model, c.baseline) for c in claims
                                                                    if c.kind == "comparison"}
    # (nor is the last of them the subject of the "与…相比" that opens the sentence: 本文方法 is)
    assert {c.model for c in claims if c.kind == "comparison"} == {"MathRefiner-7B"}


def test_what_a_stage_adds_or_costs_is_a_margin() -> None:
    claims = get_extractor("rules").extract(Document(
        source="doc.md", path="doc.md", sha256="0",
        text="## 4.2 Ablations\n\nThe SFT-only checkpoint, Tern-7B-SFT, scores 41.3 on AIME 2024, so the RL stage adds "
             "14.5 points on AIME 2024 on top of it.\n")).claims
    assert [(c.model, c.value) for c in claims if c.kind == "score"] == [("Tern-7B-SFT", 41.3)]


def test_a_gap_stated_with_zai_is_a_margin() -> None:
    claims = get_extractor("rules").extract(Document(
        source="doc.md", path="doc.md", sha256="0",
        text="## 四、指令遵循\n\nIFEval 上，Qwen2.5-72B-Instruct 84.1，玄武-72B 82.9，两者差距在 1.2 分左右。\n")).claims
    assert 1.2 not in {c.value for c in claims if c.kind == "score"}


def test_if_we_look_at_a_benchmark_is_no_supposition() -> None:
    text = ("## 对话\n\nMATH-500 上 R1 为 97.3%，o1 为 96.4%。如果看 GPQA Diamond，情况反过来：o1 的 78.0% 明显高于 R1 的 "
            "71.5%。If we look at MMLU, Orion-72B gets 85.1.\n")
    got = {(c.model, c.benchmark, getattr(c, "value", None)) for c in extract(text)}
    assert {("o1", "GPQA Diamond", 78.0), ("R1", "GPQA Diamond", 71.5), ("Orion-72B", "MMLU", 85.1)} <= got


def test_a_headline_object_of_replacing_and_a_margin_before_a_gap() -> None:
    text = ("# 上手一周：本地跑「青梧-14B」，它真的能替代 GPT-4o-mini 吗？\n\n## 跑分\n\n官方给出的成绩是 GSM8K 88.5、HumanEval 79.3。"
            "只能引用 OpenAI 公布的 GPT-4o-mini 的 MMLU 82.0，青梧离它还有 4 分左右的差距。\n")
    got = {(c.model, c.benchmark, getattr(c, "value", None)) for c in extract(text)}
    assert {("青梧-14B", "GSM8K", 88.5), ("青梧-14B", "HumanEval", 79.3), ("GPT-4o-mini", "MMLU", 82.0)} <= got
    assert not any(value == 4.0 for _, _, value in got)


def test_a_share_of_overlap_with_training_data_is_no_score() -> None:
    text = ("## Notes\n\nwren-3b gets 63.4 on GSM8K. TODO: check contamination of the GSM8K test set (the 13-gram overlap "
            "scan said 0.3%). 在 MMLU 上，数据污染率约 1.2%。\n")
    assert {getattr(c, "value", None) for c in extract(text)} == {63.4}


def test_a_tie_holds_only_on_the_benchmarks_where_the_values_are_close() -> None:
    text = ("## 年初\n\nLlama-3.1-405B 在 MMLU 上是 88.6，和 GPT-4o 的 88.7 几乎打平，但在数学上差得远：MATH 只有 73.8，"
            "GPT-4o 是 76.6。\n")
    ties = {(c.model, c.baseline, c.benchmark) for c in extract(text)
            if getattr(c, "relation", None) == "matches"}
    assert ties == {("Llama-3.1-405B", "GPT-4o", "MMLU")}


def test_the_best_result_of_a_time_before_is_nobodys_score() -> None:
    text = "## 三\n\n云枢-Coder-32B 在 SWE-bench Verified 上做到了 46.2%，相比年初开源最好成绩（约 30%）提升了十几个点。\n"
    assert {getattr(c, "value", None) for c in extract(text)} == {46.2}


def test_a_quantisation_type_or_a_memory_size_is_no_model():
    claims = extract("## Results\n\nRan it overnight: 63.3% on AIME 2024 at Q5, still miles ahead of Brisa-14B. Halcyon-3 Mini, "
                     "designed to run on a single 24 GB GPU, scored 81.5% on MMLU.\n")
    assert not {"Q5", "GB GPU", "GB"} & {c.model for c in claims}


def test_a_supposition_after_a_label_or_a_quotation_mark_is_no_result() -> None:
    claims = extract("## 7.1\n\nGPT-4 在 MMLU 上的准确率为 86.4%。\n\n> 思考题：如果一个模型在 MMLU 上得到 30%，能说明什么？\n")
    assert 30.0 not in {c.value for c in claims if c.kind == "score"}


def test_an_indefinite_model_as_the_subject_is_nobody_in_particular() -> None:
    for said in ("一个模型在 MMLU 上得到 30%。", "Any model scoring 30% on MMLU is guessing.", "A 7B model that gets 30% on MMLU is guessing."):
        claims = extract("## 7.1\n\nGPT-4 在 MMLU 上的准确率为 86.4%。" + said + "\n")
        assert 30.0 not in {c.value for c in claims if c.kind == "score"}, said
