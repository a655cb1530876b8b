"""The shared vocabulary: which way is better, name folding and units are decided once (``vocabulary``),
and the extractor and the warehouse give the same answers from it."""

from __future__ import annotations

import re

from extractor.lexicon import benchmarks
from extractor.normalize import benchmark_direction, name_key
from extractor.rules.mentions import norm_name
from tests.support.paths import REPO_ROOT
from vocabulary import direction, fold, is_lower_better, metric_key, model_key, unit_key, vocabulary
from warehouse.names import is_lower_better as warehouse_lower_better


def test_the_metric_decides_first_then_the_benchmark() -> None:
    assert is_lower_better("WER") and is_lower_better("词错误率") and is_lower_better("top-1 error")
    assert is_lower_better(None, "LibriSpeech") and is_lower_better(None, "wikitext 103")  # folded names
    assert not is_lower_better("accuracy", "LibriSpeech")  # the metric outranks the benchmark's convention
    assert is_lower_better("FID", "COCO") and is_lower_better(None, "FID-50K")  # an error word in the name
    assert not is_lower_better(None, "AIME 2024") and not is_lower_better(None, None)
    assert direction("ETTh1") == "lower" and direction("GSM8K", "pass@1") == "higher"


def test_extractor_and_warehouse_agree_on_every_listed_metric() -> None:
    for metric in [*vocabulary().lower_is_better, "accuracy", "f1", "exact match", "elo", "bleu"]:
        expected = "lower" if is_lower_better(metric) else "higher"
        assert benchmark_direction("Some new set", metric=metric) == expected, metric
        assert warehouse_lower_better(metric_key(metric)) == (expected == "lower"), metric


def test_lower_is_better_benchmarks_are_gazetteer_names() -> None:
    """The directions list names benchmarks as the gazetteer writes them (so a rename cannot drop one)."""
    canonical = {fold(e.canonical) for e in benchmarks()}
    assert vocabulary().lower_is_better_benchmarks <= canonical
    by_alias = {name_key(a): e.canonical for e in benchmarks() for a in e.aliases}
    assert benchmark_direction("LS-clean" if "lsclean" in by_alias else "LibriSpeech test-clean") == "lower"


def test_one_folding_for_names() -> None:
    for a, b in [("GPT-4o", "gpt 4o"), ("AIME’24", "aime'24"), ("ＧＳＭ８Ｋ", "GSM8K"), ("Qwen2.5‑72B", "qwen2.5-72b")]:
        assert fold(a) == fold(b) == name_key(a) == norm_name(b)
    assert model_key("OpenAI o1") == model_key("o1") and model_key("谷歌 Gemini 2.5") == fold("Gemini 2.5")
    assert unit_key("%") == "%" and unit_key("score") == "" and unit_key("points") == "points"


def test_lower_is_better_is_decided_in_one_place() -> None:
    """No module outside ``vocabulary`` keeps its own list or pattern of lower-is-better metrics."""
    pattern = re.compile(r"_LOWER_IS_BETTER\s*=|lower_is_better\s*=\s*[\[({]|\"(?i:perplexity|fid|wer)\"\s*,")
    for package in ("extractor", "warehouse", "api", "schemas"):
        for path in (REPO_ROOT / package).rglob("*.py"):
            assert not pattern.search(path.read_text(encoding="utf-8")), path
    for path in (REPO_ROOT / "extractor" / "data").glob("*.tsv"):
        assert "\tlower\n" not in path.read_text(encoding="utf-8"), path
