"""The in-process scorer gives the reference script's numbers and lists the right misses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.evaluation import GoldFileError, load_jsonl, names_match, score, score_claims, values_match
from schemas import ScoreClaim
from tests.support.paths import SHARED_DIR

SCORE_PY = SHARED_DIR / "gold" / "score.py"

GOLD = [
    {"kind": "score", "model": "Atlas-9B", "model_aliases": ["Atlas"], "benchmark": "AIME 2024",
     "benchmark_aliases": ["AIME'24", "AIME"], "value": 62.5, "source": "a.md", "quote": "q1"},
    {"kind": "score", "model": "Atlas-9B", "benchmark": "GSM8K", "value": 91.0, "source": "a.md", "quote": "q2"},
    {"kind": "score", "model": "OpenAI o1", "benchmark": "MATH-500", "value": 96.4, "source": "a.md", "quote": "q3"},
    {"kind": "comparison", "model": "Atlas-9B", "baseline": "Llama 3 8B", "baseline_aliases": ["Llama-3-8B"],
     "benchmark": None, "relation": "outperforms", "source": "a.md", "quote": "q4"},
    {"kind": "comparison", "model": "Atlas-9B", "baseline": "Mistral 7B", "benchmark": "HellaSwag",
     "relation": "outperforms", "source": "b.md", "quote": "q5"},
    {"kind": "score", "model": "Nimbus", "benchmark": "COCO", "value": 45.1, "source": "b.md", "quote": "q6"},
]

PRED = [
    {"kind": "score", "model": "Atlas", "benchmark": "aime24", "value": 62.5, "source": "a.md"},  # tp: aime24 == AIME'24
    {"kind": "score", "model": "atlas-9b", "benchmark": "AIME'24", "value": 62.5, "source": "a.md"},  # fp: that gold is used
    {"kind": "score", "model": "Atlas-9B", "benchmark": "GSM8K", "value": 0.91, "source": "a.md"},  # tp, fraction
    {"kind": "score", "model": "o1", "benchmark": "MATH 500", "value": 96.4, "source": "a.md"},  # tp: words end
    {"kind": "score", "model": "o1", "benchmark": "MATH 500", "value": 96.4, "source": "a.md"},  # fp: gold used once
    {"kind": "comparison", "model": "Atlas-9B", "baseline": "Llama-3-8B", "source": "a.md"},  # tp
    {"kind": "comparison", "model": "Atlas-9B", "baseline": "Mistral 7B", "benchmark": "MMLU", "source": "b.md"},  # fp
    {"kind": "score", "model": "Nimbus", "benchmark": "COCO", "value": 45.2, "source": "b.md"},  # fp (0.1 off)
    {"kind": "score", "model": "Nimbus", "benchmark": "COCO", "value": 45.1, "source": "other.md"},  # ignored
    {"kind": "opinion", "model": "Nimbus", "source": "b.md"},  # ignored kind
    {"model": "Atlas-9B", "benchmark": "GSM8K", "value": 91, "source": "b.md"},  # default kind score, fp
]


def test_counts_precision_recall() -> None:
    report = score(GOLD, PRED)
    rows = report.rows()
    assert (rows["score"].tp, rows["score"].pred, rows["score"].gold) == (3, 7, 4)
    assert (rows["comparison"].tp, rows["comparison"].pred, rows["comparison"].gold) == (1, 2, 2)
    assert (rows["all"].tp, rows["all"].pred, rows["all"].gold) == (4, 9, 6)
    assert rows["all"].precision == pytest.approx(4 / 9)
    assert rows["all"].recall == pytest.approx(4 / 6)
    assert [m["quote"] for m in report.misses] == ["q5", "q6"]
    assert len(report.false_positives) == 5


def test_name_and_value_rules() -> None:
    assert names_match("o1", ["OpenAI o1"])
    assert names_match("SWE-bench Verified", ["swe bench verified"])
    assert not names_match("o1", ["o3"])
    assert not names_match("", ["x"])
    assert names_match("GPT-4o", ["OpenAI GPT-4o"])  # containment, shorter >= 3 chars
    assert not names_match("GPT", ["GPT-4.1"])  # what is left over holds a digit: another model
    assert not names_match("Qwen2.5", ["Qwen2.5-32B"])
    assert names_match("GPT\u20114o", ["GPT-4o"])  # every Unicode dash counts as a hyphen
    assert not names_match("o1", ["o1x"])  # too short to count as contained, last words differ
    assert values_match(0.875, 87.5) and values_match("71.0", 71) and not values_match(None, 1)


@pytest.mark.skipif(not SCORE_PY.exists(), reason="reference scorer not available")
def test_identical_to_reference_script(tmp_path: Path) -> None:
    gold_path, pred_path = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold_path.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in GOLD), encoding="utf-8")
    pred_path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in PRED), encoding="utf-8")
    out = subprocess.run([sys.executable, str(SCORE_PY), str(gold_path), str(pred_path), "--json"],
                         capture_output=True, text=True, check=True).stdout
    reference = json.loads(out)
    ours = score(load_jsonl(gold_path), load_jsonl(pred_path)).as_dict()
    assert ours.keys() == reference.keys()
    for kind, row in reference.items():
        for key, value in row.items():
            assert ours[kind][key] == pytest.approx(value), (kind, key)
    text_out = subprocess.run([sys.executable, str(SCORE_PY), str(gold_path), str(pred_path)],
                              capture_output=True, text=True, check=True).stdout.splitlines()
    assert score(GOLD, PRED).lines() == text_out


def test_load_jsonl_names_bad_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"kind": "score"}\n\n{not json}\n', encoding="utf-8")
    with pytest.raises(GoldFileError, match=r"bad.jsonl:3"):
        load_jsonl(bad)
    with pytest.raises(GoldFileError, match="cannot read"):
        load_jsonl(tmp_path / "missing.jsonl")


def test_score_claims_accepts_extractor_objects() -> None:
    claim = ScoreClaim(model="Nimbus", benchmark="COCO", value=45.1, unit="score", quote="Nimbus 45.1",
                       source="b.md", start=0, end=11)
    report = score_claims(GOLD, [claim])
    assert (report.counts["score"].tp, report.counts["score"].pred) == (1, 1)
    assert report.total.gold == len(GOLD)
