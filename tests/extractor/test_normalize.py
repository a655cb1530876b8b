"""Canonical names, units, directions and the gazetteer matcher."""

from __future__ import annotations

import pytest

from extractor.normalize import (
    benchmark_direction,
    benchmark_family,
    canonical_benchmark,
    canonical_model,
    find_benchmarks,
    load_benchmarks,
    load_models,
    name_key,
    normalise_unit,
)


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("AIME'24", "AIME 2024"), ("AIME24", "AIME 2024"), ("aime 2024", "AIME 2024"), ("AIME’24", "AIME 2024"),
        ("AIME 2025", "AIME 2025"), ("aime25", "AIME 2025"),
        ("MATH500", "MATH-500"), ("MATH 500", "MATH-500"), ("MATH-500 (pass@1)", "MATH-500"),
        ("gsm8k", "GSM8K"), ("GSM8K (8-shot)", "GSM8K"), ("GSM-8K 8-shot", "GSM8K"),
        ("GPQA-Diamond", "GPQA Diamond"), ("swe-bench verified", "SWE-bench Verified"),
        ("SWE-Bench Verified", "SWE-bench Verified"), ("Humanity's Last Exam", "HLE"), ("人类最后的考试", "HLE"),
        ("HumanEval+", "HumanEval+"), ("HumanEval", "HumanEval"), ("mmlu-pro", "MMLU-Pro"), ("C-Eval", "C-Eval"),
        ("CEval", "C-Eval"), ("Natural Questions", "NQ"), ("τ-bench", "TAU-bench"), ("AMC23", "AMC 2023"),
        ("Chinese SimpleQA", "C-SimpleQA"), ("AlpacaEval 2.0", "AlpacaEval 2.0"), ("Arena Hard", "Arena-Hard"),
    ],
)
def test_canonical_benchmark(written: str, canonical: str) -> None:
    assert canonical_benchmark(written) == canonical


def test_unknown_benchmarks_are_only_cleaned() -> None:
    assert canonical_benchmark("  ISE-DSC01 ") == "ISE-DSC01"
    assert canonical_benchmark("**Zorb  Bench**") == "Zorb Bench"
    assert benchmark_family("Zorb Bench") is None


def test_family_and_direction() -> None:
    assert benchmark_family("AIME'25") == "AIME"
    assert benchmark_family("AIME 2024") == "AIME"
    assert benchmark_family("GPQA Diamond") == "GPQA"
    assert benchmark_direction("GSM8K") == "higher"
    assert benchmark_direction("LibriSpeech test-clean") == "lower"
    assert benchmark_direction("WikiText-103") == "lower"
    assert benchmark_direction("FID on COCO-30K") == "lower"
    assert benchmark_direction("COCO", metric="FID") == "lower"
    assert benchmark_direction("Some new set", metric="WER") == "lower"
    assert benchmark_direction("Some new set") == "higher"


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("OpenAI o1", "o1"), ("o1", "o1"), ("OpenAI-o1", "o1"), ("DeepSeek R1", "DeepSeek-R1"),
        ("deepseek-r1", "DeepSeek-R1"), ("deepseek-ai/DeepSeek-V3", "DeepSeek-V3"), ("gpt4o", "GPT-4o"),
        ("GPT 4o", "GPT-4o"), ("Anthropic Claude 3.5 Sonnet", "Claude 3.5 Sonnet"),
        ("Google Gemini 2.5 Pro", "Gemini 2.5 Pro"), ("Meta-Llama-3.1-8B-Instruct", "Llama 3.1 8B"),
        ("Qwen 2.5-72B", "Qwen2.5-72B"), ("Zorblax-7B", "Zorblax-7B"), ("  Zorblax   7B ", "Zorblax 7B"),
        ("SDXL", "Stable Diffusion XL"), ("gpt-5", "GPT-5"),
    ],
)
def test_canonical_model(written: str, canonical: str) -> None:
    assert canonical_model(written) == canonical


@pytest.mark.parametrize(
    ("raw", "unit"),
    [("%", "%"), ("％", "%"), ("百分比", "%"), ("分", "points"), ("points", "points"), ("pts", "points"),
     ("个百分点", "points"), ("Elo", "elo"), ("倍", "x"), ("x", "x"), ("×", "x"), ("", "score"),
     ("furlongs", None), (None, None)],
)
def test_normalise_unit(raw: str | None, unit: str | None) -> None:
    assert normalise_unit(raw) == unit


def test_find_benchmarks_offsets_and_longest_match() -> None:
    text = "On AIME’24 and MATH-500 it beats o1; SWE bench verified 49%; MMLU-Pro 与 C-Eval 及人类最后的考试。"
    hits = find_benchmarks(text)
    assert [h[2] for h in hits] == ["AIME 2024", "MATH-500", "SWE-bench Verified", "MMLU-Pro", "C-Eval", "HLE"]
    for start, end, _ in hits:
        assert text[start:end].strip() == text[start:end]
    assert text[hits[0][0]:hits[0][1]] == "AIME’24"


def test_find_benchmarks_avoids_common_words_and_partial_tokens() -> None:
    # Short all-letter aliases are case-sensitive: "math", "drop" and "race" in prose are not benchmarks.
    assert find_benchmarks("we drop the math race and ruler tasks") == []
    assert [h[2] for h in find_benchmarks("MATH and DROP and RULER")] == ["MATH", "DROP", "RULER"]
    assert find_benchmarks("xMMLU and GSM8Kx") == []
    assert [h[2] for h in find_benchmarks("ＧＳＭ８Ｋ")] == ["GSM8K"]


def test_gazetteer_is_consistent() -> None:
    entries = load_benchmarks()
    assert len(entries) >= 300
    owner: dict[str, str] = {}
    for entry in entries:
        for alias in entry.aliases:
            key = name_key(alias)
            assert owner.setdefault(key, entry.canonical) == entry.canonical, (alias, owner[key], entry.canonical)
    canon = {e.canonical for e in entries}
    for required in ("AIME 2024", "AIME 2025", "MATH-500", "GSM8K", "MMLU-Pro", "GPQA Diamond", "SWE-bench Verified",
                     "LiveCodeBench", "Codeforces", "HLE", "ImageNet", "LibriSpeech", "WikiText-103", "GenEval"):
        assert required in canon
    assert load_models()


def test_glued_spelling_variants_never_make_english_words() -> None:
    assert find_benchmarks("we ran multiple seeds") == []
    assert [h[2] for h in find_benchmarks("MultiPL-E and GSM 8K and SWE bench Lite")] == [
        "HumanEval-Mul", "GSM8K", "SWE-bench Lite"]


def test_common_phrases_are_not_benchmarks() -> None:
    prose = "we include scrolls of creative writing, a math benchmark, a polyglot team and frontier math"
    assert find_benchmarks(prose) == []


@pytest.mark.parametrize(
    ("written", "canonical"),
    [("Qwen2.5 72B Base", "Qwen2.5-72B-Base"), ("DeepSeek V3 Base", "DeepSeek-V3-Base"),
     ("QwQ 32B Preview", "QwQ-32B-Preview"), ("Llama 3 8B", "Llama 3 8B"), ("Mistral Large 2", "Mistral Large 2")],
)
def test_canonical_model_keeps_variants_apart_and_uses_family_style(written: str, canonical: str) -> None:
    assert canonical_model(written) == canonical
