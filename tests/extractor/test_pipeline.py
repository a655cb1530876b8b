"""extract_paths: files in order, bad files reported by name, never a lost run."""

from pathlib import Path

from extractor.pipeline import extract_paths
from schemas import Extraction, FileProblem, ScoreClaim
from tests.support.paths import SEEDS_DIR


def test_files_in_order_and_bad_files_become_problems(tmp_path: Path):
    (tmp_path / "a.md").write_text("## Alpha\nAlphaNet 在 GSM8K 上达到 80.5%。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")  # empty: unreadable
    (tmp_path / "c.md").write_text("BetaLM outperforms Llama-3-8B on MMLU.\n", encoding="utf-8")
    results = list(extract_paths([tmp_path, tmp_path / "missing.md"]))
    assert [type(r).__name__ for r in results] == ["Extraction", "FileProblem", "Extraction", "FileProblem"]
    first = results[0]
    assert isinstance(first, Extraction)
    assert first.document.sections and first.document.sections[0].title == "Alpha"
    (claim,) = first.claims
    assert isinstance(claim, ScoreClaim) and claim.source == "a.md" and claim.section == "Alpha"
    assert first.document.text[claim.start:claim.end] == claim.quote
    problem = results[1]
    assert isinstance(problem, FileProblem) and problem.path.endswith("b.txt") and "empty" in problem.reason
    assert isinstance(results[3], FileProblem) and "no such file" in results[3].reason


def test_every_seed_claim_quote_is_an_exact_slice():
    seeds = SEEDS_DIR
    n = 0
    for result in extract_paths([seeds]):
        assert isinstance(result, Extraction)
        text = result.document.text
        for c in result.claims:
            assert text[c.start:c.end] == c.quote
            n += 1
    assert n > 50


def test_run_on_text_is_processed_in_bounded_pieces(tmp_path: Path):
    # a single 200 000-character line (no sentence ends) must neither hang nor lose the claim at its end
    filler = "这是一段没有句号的很长的文字，" * 12000
    (tmp_path / "long.md").write_text(filler + "NovaLM 在 GSM8K 上达到 80.5%", encoding="utf-8")
    (result,) = list(extract_paths([tmp_path / "long.md"]))
    assert isinstance(result, Extraction)
    assert [(c.model, c.value) for c in result.claims] == [("NovaLM", 80.5)]
    assert all(result.document.text[c.start:c.end] == c.quote for c in result.claims)
