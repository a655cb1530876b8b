"""Quality floor on the evaluation corpora in benchmarks/corpus/ (hand-labelled, see its README).

The figures themselves are printed by ``benchmarks/corpus_eval.sh``; these tests only stop a change
that loses a large share of what the rules extractor finds today, or that starts inventing claims.
The floors sit below today's figures (strict scorer, end of 2026-12-04: dev1 all F1 0.91, dev2 0.88,
dev3 0.85, dev5 0.77, dev6 0.66; fourth session: dev5 0.79, dev6 0.71, dev7 0.82, dev8 0.69; fifth session: dev9 0.66; sixth session: dev10 0.73;
seventh session: dev11 0.66 blind; eighth session: dev12 0.62 blind; ninth session: dev13 0.56 blind; tenth session: dev14 0.57 blind;
eleventh session: dev15 0.65 blind; twelfth session: dev16 0.69 blind; thirteenth session: dev17 0.74 blind; fourteenth session: dev18 0.64 blind;
fifteenth session: dev19 0.73 blind, dev20 0.73 blind; sixteenth session: dev21 0.69 blind, dev22 0.75 blind;
seventeenth session: dev23 0.65 blind, dev24 0.69 blind; eighteenth session: dev25 0.73 blind, dev26 0.78 blind;
nineteenth session: dev27 0.67 blind, dev28 0.68 blind; twentieth session: dev29 0.70 blind, dev30 0.68 blind;
twenty-first session: dev32 0.70 blind, dev33 0.70 blind; twenty-second session: dev34 0.72 blind, dev35 0.77 blind, dev36 0.80 blind)
so that ordinary rule changes pass.
"""

from __future__ import annotations

import pytest

from extractor.evaluation import load_jsonl, score_claims
from extractor.pipeline import extract_paths
from schemas import Extraction
from tests.support.paths import REPO_ROOT

CORPUS = REPO_ROOT / "benchmarks" / "corpus"


@pytest.mark.parametrize("name, floor", [("dev1", 0.85), ("dev2", 0.80), ("dev3", 0.78),
                                                 ("dev5", 0.72), ("dev6", 0.64), ("dev7", 0.74),
                                                 ("dev8", 0.62), ("dev9", 0.60), ("dev10", 0.66),
                                                 ("dev11", 0.60), ("dev12", 0.55),
                                                 ("dev13", 0.50), ("dev14", 0.50),
                                                 ("dev15", 0.55), ("dev16", 0.60), ("dev17", 0.65),
                                                 ("dev18", 0.55), ("dev19", 0.63), ("dev20", 0.63),
                                                 ("dev21", 0.62), ("dev22", 0.68),
                                                 ("dev23", 0.60), ("dev24", 0.65),
                                                 ("dev25", 0.68), ("dev26", 0.73),
                                                 ("dev27", 0.72), ("dev28", 0.65),
                                                 ("dev29", 0.68), ("dev30", 0.70),
                                                 ("dev32", 0.68), ("dev33", 0.70),
                                                 ("dev34", 0.72), ("dev35", 0.75), ("dev36", 0.76)])
def test_rules_extractor_keeps_its_quality_on_the_corpus(name: str, floor: float) -> None:
    folder = CORPUS / name
    results = list(extract_paths([folder]))
    assert all(isinstance(r, Extraction) for r in results)  # every document is read
    claims = [c for r in results if isinstance(r, Extraction) for c in r.claims]
    report = score_claims(load_jsonl(folder / "expected.jsonl"), claims)
    total = report.total
    assert total.f1 >= floor, "\n".join(report.lines())
    assert total.precision >= floor, "\n".join(report.lines())
