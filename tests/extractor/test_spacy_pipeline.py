"""benchclaims as a spaCy pipeline: tokenizer, entry point, typed mentions, same claims as the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from typer.testing import CliRunner

from api.cli import app
from extractor.nlp import BenchclaimsTokenizer, pipeline_for, rules_pipeline
from extractor.nlp.mentions import NAME_LABELS
from extractor.nlp.registry import EntityRegistry
from extractor.rules import RulesExtractor
from schemas import Document
from tests.support.paths import REPO_ROOT, SEEDS_DIR


def _doc(text: str, source: str = "t.md") -> Document:
    return Document(source=source, path=source, text=text, sha256="0")


def test_tokenizer_keeps_names_values_and_any_dash_whole() -> None:
    tok = BenchclaimsTokenizer(spacy.blank("xx").vocab)
    text = "DeepSeek-R1-Distill-Qwen-7B 在 AIME'24 上超过了 GPT\u20114o、Nova\u20137B 与 Protégé-8B，得分 85.3%。"
    doc = tok(text)
    words = [t.text for t in doc]
    for name in ("DeepSeek-R1-Distill-Qwen-7B", "AIME'24", "GPT\u20114o", "Nova\u20137B", "Protégé-8B", "85.3%"):
        assert name in words
    assert "在" in words and "超" in words  # Chinese characters stay single tokens
    assert doc.text == text


def test_candidate_scope_splits_only_where_a_claim_can_be() -> None:
    nlp = rules_pipeline()
    text = "这是一段没有任何结果的介绍文字。\n\nGPT-4o 在 MMLU 上取得 88.7% 的准确率。"
    doc = nlp.make_doc(text)
    assert doc.text == text
    assert doc[0].text == "这是一段没有任何结果的介绍文字。\n\n"  # nothing to read there: one token
    assert "GPT-4o" in [t.text for t in doc] and "88.7%" in [t.text for t in doc]


def test_add_pipe_on_any_blank_pipeline_through_the_entry_point() -> None:
    text = (SEEDS_DIR / "002_50d41dcaebe4524c.txt").read_text(encoding="utf-8")
    expected = RulesExtractor().extract(_doc(text, "<text>")).claims
    for lang in ("zh", "en", "xx"):
        nlp = spacy.blank(lang)
        nlp.add_pipe("benchclaims")
        doc = nlp(text)
        assert [c.model_dump() for c in doc._.claims] == [c.model_dump() for c in expected]
        labels = {s.label_ for s in doc.spans["benchclaims"]}
        assert {"MODEL", "BENCHMARK", "METRIC", "VALUE", "CUE"} <= labels


def test_entry_point_works_without_importing_benchclaims(tmp_path: Path) -> None:
    code = ("import spacy, json; nlp = spacy.blank('zh'); nlp.add_pipe('benchclaims'); "
            "doc = nlp('天衡-7B 在 MATH-500 上取得了 78.2% 的准确率，比 GPT-4o 高出 3.6 个百分点。'); "
            "print(json.dumps([[c.kind, c.model, c.benchmark, c.value, c.baseline] for c in doc._.claims], ensure_ascii=False))")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True).stdout
    claims = json.loads(out)
    assert ["score", "天衡-7B", "MATH-500", 78.2, None] in claims
    assert any(c[0] == "comparison" and c[1] == "天衡-7B" and c[4] == "GPT-4o" for c in claims)


def test_the_backends_own_pipeline_makes_no_spans_and_gives_the_same_claims() -> None:
    """``pipeline_for`` (the rules backend's pipeline, ``lean``): candidate sentences as whole tokens, no span group,
    no lexical attributes computed for new strings; the claims are those of the full pipeline."""
    text = (SEEDS_DIR / "002_50d41dcaebe4524c.txt").read_text(encoding="utf-8")
    lean = pipeline_for(len(text))
    doc = lean(text)
    assert doc.text == text
    assert "benchclaims" not in doc.spans
    assert len(doc) < 200  # (the full pipeline's candidates tokenizer makes thousands of tokens here)
    assert doc[len(doc) - 1].lang_ == "xx" and not doc[len(doc) - 1].shape_
    expected = rules_pipeline()(text)._.claims
    assert [c.model_dump() for c in doc._.claims] == [c.model_dump() for c in expected]


def test_mentions_are_typed_spans_over_the_text() -> None:
    nlp = rules_pipeline()
    text = "Halcyon-72B scores 71.3% pass@1 on LiveCodeBench, outperforming GPT-4o."
    doc = nlp(text)
    spans = {(s.text, s.label_) for s in doc.spans["benchclaims"]}
    assert {("Halcyon-72B", "MODEL"), ("LiveCodeBench", "BENCHMARK"), ("71.3%", "VALUE"), ("pass@1", "SETTING"),
            ("GPT-4o", "MODEL"), ("outperforming", "CUE")} <= spans


def test_mention_component_finds_the_kinds_it_is_configured_for() -> None:
    text = "Halcyon-72B scores 71.3% pass@1 on LiveCodeBench, outperforming GPT-4o."
    nlp = spacy.blank("en")
    nlp.add_pipe("benchclaims_mentions", config={"labels": ["MODEL", "VALUE"]})
    doc = nlp(text)
    assert {(s.text, s.label_) for s in doc.spans["benchclaims"]} == {
        ("Halcyon-72B", "MODEL"), ("GPT-4o", "MODEL"), ("71.3%", "VALUE")}
    with pytest.raises(ValueError, match="unknown mention labels"):
        spacy.blank("en").add_pipe("benchclaims_mentions", config={"labels": ["MODLE"]})


def test_names_with_unicode_dashes_and_accents_are_kept_whole_and_quotes_exact() -> None:
    text = "Protégé-8B reaches 61.2% on GSM8K, ahead of GPT\u20114o-mini (58.0%)."
    claims = RulesExtractor().extract(_doc(text)).claims
    assert any(c.kind == "score" and c.model == "Protégé-8B" and c.value == 61.2 for c in claims)
    for c in claims:
        assert text[c.start:c.end] == c.quote
    assert all("GPT" not in c.model or c.model == "GPT\u20114o-mini" for c in claims)


def test_registry_resolves_a_size_to_the_one_name_the_document_introduced() -> None:
    registry = EntityRegistry()
    for name in ("Halcyon-72B", "Halcyon-7B", "GPT-4o"):
        registry.add(name)
    assert registry.resolve("the 72B") == "Halcyon-72B"
    assert registry.resolve("7B 版本") == "Halcyon-7B"
    assert registry.resolve("13B") is None  # introduced by nobody: no claim
    assert registry.resolve("GPT-4o") == "GPT-4o"
    registry.add("Qwen2.5-72B")
    assert registry.resolve("the 72B") is None  # two 72B models: ambiguous


def test_extract_with_jobs_gives_the_same_claims(tmp_path: Path) -> None:
    runner = CliRunner()
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert runner.invoke(app, ["extract", str(SEEDS_DIR), "--jsonl", str(one)]).exit_code == 0
    result = runner.invoke(app, ["extract", str(SEEDS_DIR), "--jobs", "2", "--jsonl", str(two)])
    assert result.exit_code == 0, result.stderr
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")
    assert one.stat().st_size > 0


@pytest.mark.parametrize("jobs", ["0", "x"])
def test_jobs_must_be_a_positive_number(jobs: str) -> None:
    result = CliRunner().invoke(app, ["extract", str(SEEDS_DIR), "--jobs", jobs])
    assert result.exit_code == 2


def test_registry_prefers_the_family_of_the_passage_subject_and_knows_relative_sizes() -> None:
    registry = EntityRegistry()
    registry.add_sized_names("Meridian released Nova‑72B, Nova‑72B-Think and Nova-7B; Qwen2.5-72B-Instruct trails.")
    assert registry.resolve("the 72B") is None  # three 72B models, and no passage subject
    assert registry.resolve("the 72B", subject="Nova‑72B") == "Nova‑72B"
    assert registry.resolve("the smaller variant") == "Nova-7B"
    assert registry.resolve("The 13B model") is None


def test_size_references_become_the_full_names_in_claims() -> None:
    text = ("# Halcyon-72B: open reasoning\n\nMeridian released Halcyon-72B and Halcyon-8B today.\n\n"
            "The smaller variant reaches 62.0% on IFEval. The 13B model scores 50.1% on MATH.\n")
    claims = RulesExtractor().extract(_doc(text)).claims
    assert [(c.model, c.benchmark, c.value) for c in claims] == [("Halcyon-8B", "IFEval", 62.0)]


def test_ingest_with_jobs_stores_the_same_claims_and_names_a_bad_file(tmp_path: Path) -> None:
    runner = CliRunner()
    broken = tmp_path / "in" / "broken.txt"
    broken.parent.mkdir()
    broken.write_bytes(b"\x00\x01\x02binary")
    counts = []
    for jobs in ("1", "2"):
        db = tmp_path / f"w{jobs}.duckdb"
        result = runner.invoke(app, ["ingest", str(SEEDS_DIR), str(broken), "--db", str(db), "--jobs", jobs])
        assert result.exit_code == 1  # one input failed, the others are stored
        assert "broken.txt" in result.stderr and "Traceback" not in result.stderr
        counts.append(result.stderr.rsplit("(", 1)[1].split(" claims")[0])
    assert counts[0] == counts[1] and int(counts[0]) > 100


@pytest.mark.parametrize("module", ["extractor.rules.frames", "extractor.nlp.components", "extractor.rules.folding",
                                    "extractor.nlp.registry"])
def test_any_module_can_be_imported_first(module: str, tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-c", f"import {module}"], cwd=REPO_ROOT, check=True, capture_output=True)


def test_a_long_run_renews_the_pipeline_so_its_vocabulary_stays_bounded() -> None:
    """spaCy's vocabulary keeps every token string it read: ``pipeline_for`` builds a fresh pipeline after a
    bound on the text read, and the claims are the same before and after."""
    texts = [f"## Run {i}\n\nNova-{i}B scores {50 + i}.5% on GSM8K, ahead of Orion-{i}B (40.1%). Note {i * 7919}."
             for i in range(12)]
    first = pipeline_for(len(texts[0]), renew_after=10**9)
    expected = [RulesExtractor().extract(_doc(t, "<text>")).claims for t in texts]
    renewed = 0
    previous = first
    for text, claims in zip(texts, expected, strict=True):
        nlp = pipeline_for(len(text), renew_after=4 * len(text))
        renewed += nlp is not previous
        previous = nlp
        assert nlp(text)._.claims == claims
        assert len(nlp.vocab.strings) < 1000
    assert renewed >= 3  # a fresh pipeline every few documents
    assert first is not rules_pipeline(NAME_LABELS, lean=True)


def test_the_rules_pipeline_imports_spacy_without_its_command_line() -> None:
    """``extractor.nlp`` imports spaCy with ``spacy.cli`` left out (``extractor.spacy_import``); ``spacy.info`` and a
    later ``import spacy.cli`` still work, and a pipeline built then gives its claims."""
    script = (
        "import sys\n"
        "from extractor.nlp import rules_pipeline\n"
        "import spacy\n"
        "assert 'spacy.cli' not in sys.modules and not hasattr(spacy, 'cli'), 'spacy.cli was imported'\n"
        "assert rules_pipeline()('Kestrel-34B 在 AIME 2024 上得分 71.8%。')._.claims\n"
        "assert isinstance(spacy.info(), dict)\n"
        "import spacy.cli\n"
        "assert callable(spacy.cli.download)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
