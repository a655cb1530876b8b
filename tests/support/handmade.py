"""Hand-made documents and their claims, written with exact quotes and offsets.

API and CLI tests rank these instead of the extractor's output so that they can assert exact ranks and
values whatever the extractor's current recall is (``handmade_db`` in ``tests/conftest.py`` stores them).
"""

from __future__ import annotations

import hashlib

from schemas import ComparisonClaim, Extraction, ScoreClaim
from schemas.documents import Document

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
