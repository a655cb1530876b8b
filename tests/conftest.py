"""Shared fixtures: real DuckDB warehouses in temporary folders, built once per test session.

* ``seed_db``: the five seed documents run through the real rules extractor and stored.
* ``handmade_db``: a small warehouse whose claims are written by hand (exact quotes and
  offsets), so API and CLI tests can assert exact ranks and values whatever the extractor's
  current recall is.

Tests that write copy a warehouse into their own ``tmp_path`` first (``writable_copy``),
so the session files stay as built.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from schemas import ComparisonClaim, Extraction, ScoreClaim
from schemas.documents import Document

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# Hand-made documents: (source, text, [(kind, model, benchmark, value, baseline, quote)]).
HANDMADE: list[tuple[str, str, list[tuple[str, str, str | None, float | None, str | None, str]]]] = [
    ("alpha-report.md",
     "# Alpha report\n\n"
     "AlphaNet reaches 81.5% accuracy on AIME 2024.\n"
     "BetaLM reaches 70.2% accuracy on AIME 2024.\n"
     "GammaCoder reaches 64.0% accuracy on AIME 2024.\n"
     "AlphaNet outperforms GammaCoder on AIME 2024.\n"
     "AlphaNet scores 55.0% on GPQA Diamond.\n",
     [("score", "AlphaNet", "AIME 2024", 81.5, None, "AlphaNet reaches 81.5% accuracy on AIME 2024"),
      ("score", "BetaLM", "AIME 2024", 70.2, None, "BetaLM reaches 70.2% accuracy on AIME 2024"),
      ("score", "GammaCoder", "AIME 2024", 64.0, None, "GammaCoder reaches 64.0% accuracy on AIME 2024"),
      ("comparison", "AlphaNet", "AIME 2024", None, "GammaCoder", "AlphaNet outperforms GammaCoder on AIME 2024"),
      ("score", "AlphaNet", "GPQA Diamond", 55.0, None, "AlphaNet scores 55.0% on GPQA Diamond")]),
    ("beta-card.md",
     "# BetaLM model card\n\n"
     "BetaLM 在 AIME 2024 上的准确率为 70.2%。\n",
     [("score", "BetaLM", "AIME 2024", 70.2, None, "BetaLM 在 AIME 2024 上的准确率为 70.2%")]),
]


def handmade_extractions() -> list[Extraction]:
    """The hand-made documents as extractions with exact spans (what a perfect extractor emits)."""
    import hashlib

    out = []
    for source, text, facts in HANDMADE:
        doc = Document(source=source, path=source, text=text, media_type="text/markdown",
                       sha256=hashlib.sha256(text.encode()).hexdigest())
        section = text.splitlines()[0].lstrip("# ").strip()
        claims: list[ScoreClaim | ComparisonClaim] = []
        for kind, model, benchmark, value, baseline, quote in facts:
            start = text.index(quote)
            common = {"model": model, "benchmark": benchmark, "quote": quote, "source": source, "section": section,
                      "start": start, "end": start + len(quote), "extractor": "rules"}
            if kind == "score":
                claims.append(ScoreClaim(value=value, unit="%", metric="accuracy", **common))  # type: ignore[arg-type]
            else:
                claims.append(ComparisonClaim(baseline=baseline, relation="outperforms", **common))  # type: ignore[arg-type]
        out.append(Extraction(document=doc, claims=claims))
    return out


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A warehouse built from ``seeds/`` with the rules extractor, as ``benchclaims ingest`` does."""
    from extractor.pipeline import extract_paths
    from warehouse import Warehouse

    path = tmp_path_factory.mktemp("seed-warehouse") / "seeds.duckdb"
    with Warehouse(path) as wh:
        run = wh.start_run("rules", {"paths": [str(SEEDS)]})
        ok = 0
        for item in extract_paths([SEEDS], backend="rules"):
            assert isinstance(item, Extraction), f"seed file failed: {item}"
            wh.store(item, run)
            ok += 1
        wh.finish_run(run, ok, 0)
    return str(path)


@pytest.fixture(scope="session")
def handmade_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A warehouse holding exactly the claims of ``HANDMADE``."""
    from warehouse import Warehouse

    path = tmp_path_factory.mktemp("handmade-warehouse") / "handmade.duckdb"
    with Warehouse(path) as wh:
        run = wh.start_run("rules", {"handmade": True})
        for extraction in handmade_extractions():
            wh.store(extraction, run)
        wh.finish_run(run, len(HANDMADE), 0)
    return str(path)


@pytest.fixture
def writable_copy(tmp_path: Path) -> Callable[[str], str]:
    """Copy a session warehouse into this test's folder so the test may write to it."""

    def copy(db: str) -> str:
        target = tmp_path / Path(db).name
        shutil.copyfile(db, target)
        return str(target)

    return copy
