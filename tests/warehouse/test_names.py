"""Name folding, setting parsing and entity overrides (the warehouse's normalisation rules)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from schemas import ComparisonClaim, Document, Extraction, ScoreClaim
from warehouse import UnknownName, Warehouse
from warehouse.names import benchmark_key, family_name, is_lower_better, metric_key, model_key, unit_key
from warehouse.setting_parse import parse_setting


@pytest.mark.parametrize(("a", "b"), [
    ("OpenAI o1", "o1"), ("GPT-4o", "gpt 4o"), ("OpenAI 的 o1", "o1"), ("Meta-Llama-3-8B", "Llama 3 8B"),
    ("Ｑｗｅｎ２.５", "qwen2.5"),
])
def test_model_spellings_fold_together(a: str, b: str) -> None:
    assert model_key(a) == model_key(b)


@pytest.mark.parametrize(("a", "b"), [("DeepSeek-R1", "R1"), ("o1", "o1-mini"), ("Metamath", "math")])
def test_different_models_stay_apart(a: str, b: str) -> None:
    assert model_key(a) != model_key(b)


def test_benchmark_years_and_families() -> None:
    assert benchmark_key("AIME'24") == benchmark_key("aime 2024") == benchmark_key("AIME24") == "aime2024"
    assert benchmark_key("SQuAD 2.0") != benchmark_key("SQuAD 2020")
    assert family_name("AIME 2024") == "AIME" and family_name("AIME'25") == "AIME"
    assert family_name("MMLU") is None and family_name("GSM8K") is None


def test_metric_and_unit_classes() -> None:
    assert metric_key("准确率") == metric_key("Acc") == metric_key("pass@1") == "accuracy"
    assert metric_key("score") == metric_key(None) == ""
    assert is_lower_better(metric_key("FID")) and is_lower_better(metric_key("WER"))
    assert is_lower_better(metric_key("困惑度")) and not is_lower_better(metric_key("accuracy"))
    # points and % never share a board (issue 14): "50 分" on AIME is not known to be 50 %
    assert unit_key("points") == "points" != unit_key("%") == "%" and unit_key("score") == unit_key(None) == ""
    assert unit_key("elo") == "elo"


@pytest.mark.parametrize(("text", "key"), [
    (None, ""), ("pass@1", ""), ("16 票多数投票", "maj@16"), ("cons@64", "maj@64"), ("maj@16", "maj@16"),
    ("多数投票", "maj@k"), ("5-shot CoT", "5-shot cot"), ("five-shot", "5-shot"), ("zero-shot", "0-shot"),
    ("with tools", "tools"), ("dev split", "dev split"), ("test set", ""), ("pass@8", "pass@8"),
    ("initial checkpoint", ""),
])
def test_setting_keys(text: str | None, key: str) -> None:
    assert parse_setting(text).key == key


def test_setting_detail_keeps_unrecognised_prose() -> None:
    parsed = parse_setting("pass@1 (after RL training)")
    assert parsed.key == "" and parsed.pass_k == 1 and parsed.detail == "after RL training"
    assert parse_setting(None, "maj@32").maj_k == 32


def _doc(source: str, claims: list[tuple[str, str, float]]) -> Extraction:
    text = "\n".join(f"{m} got {v} on {b}" for m, b, v in claims)
    out: list[ScoreClaim | ComparisonClaim] = []
    pos = 0
    for m, b, v in claims:
        quote = f"{m} got {v} on {b}"
        start = text.index(quote, pos)
        pos = start + len(quote)
        out.append(ScoreClaim(model=m, benchmark=b, value=v, unit="%", quote=quote, source=source, start=start,
                              end=start + len(quote)))
    doc = Document(source=source, path=source, text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
    return Extraction(document=doc, claims=out)


def test_overrides_file_merges_splits_and_sets_families(tmp_path: Path) -> None:
    overrides = tmp_path / "entities.toml"
    path = tmp_path / "w.duckdb"
    with Warehouse(path, entities_file=overrides) as wh:
        wh.store(_doc("a.txt", [("Kimi k1.5", "CMath-Test", 80.0), ("k1.5", "CMath Test", 82.0),
                                ("Moonshot Kimi", "CMath-Test", 70.0)]))
        assert {r.model for r in wh.leaderboard("CMath-Test").rows} == {"Kimi k1.5", "k1.5", "Kimi"}
    overrides.write_text(
        '[[model]]\nname = "Kimi k1.5"\naliases = ["k1.5", "Kimi-k1.5"]\n\n'
        '[[benchmark]]\nname = "CMath Test"\nfamily = "CMath"\n', encoding="utf-8")
    with Warehouse(path, entities_file=overrides) as wh:  # re-applied because the file changed
        board = wh.leaderboard("cmath-test")
        # one document states both of Kimi k1.5's values: support counts documents, not statements
        assert [(r.model, r.value, r.support) for r in board.rows] == [("Kimi k1.5", 82.0, 1), ("Kimi", 70.0, 1)]
        assert wh.leaderboard("CMath").members == ["CMath Test"]
        assert wh.claims(model="kimi-k1.5").total == 2


def test_broken_overrides_file_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "entities.toml"
    bad.write_text("[[model]\nname = ", encoding="utf-8")
    with pytest.raises(ValueError, match="entities.toml"):
        Warehouse(tmp_path / "w.duckdb", entities_file=bad)


def test_suggestions_for_models(tmp_path: Path) -> None:
    with Warehouse(tmp_path / "w.duckdb") as wh:
        wh.store(_doc("a.txt", [("Qwen2.5-72B-Instruct", "MMLU", 86.0), ("Llama-3.1-70B", "MMLU", 83.0)]))
        with pytest.raises(UnknownName) as exc:
            wh.beats("Qwen2.5-72B", "MMLU")
        assert exc.value.suggestions[0] == "Qwen2.5-72B-Instruct"


def test_chinese_and_english_names_given_together_are_one_entity(tmp_path: Path) -> None:
    with Warehouse(tmp_path / "w.duckdb") as wh:
        wh.store(_doc("a.txt", [("Kimi", "中文数学测评 (CMath)", 80.0), ("GLM-4", "CMath", 75.0),
                                ("Qwen2.5-32B (DAPO)", "中文数学测评", 70.0), ("Qwen2.5-32B", "CMath", 60.0)]))
        board = wh.leaderboard("中文数学测评")
        assert board.benchmark == "CMath" and board == wh.leaderboard("cmath")
        assert [r.model for r in board.rows] == ["Kimi", "GLM-4", "Qwen2.5-32B (DAPO)", "Qwen2.5-32B"]
