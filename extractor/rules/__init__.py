"""The ``rules`` backend: offline, embedded, no model weights.

Prose claims come from ``extractor.rules.prose`` (lexicon-driven patterns over candidate
sentences, never over table rows); results tables from ``extractor.tables``. Names are canonicalised with ``extractor.normalize`` when it exists.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from extractor.base import register
from extractor.rules.prose import extract_prose_claims
from extractor.segment import split_sections
from extractor.tables import extract_table_claims
from extractor.tables.grid import Grid, find_tables
from schemas import ComparisonClaim, Document, Extraction, ExtractionStats, ScoreClaim, Settings

AnyClaim = ScoreClaim | ComparisonClaim


def _optional(module: str, attr: str) -> Callable[..., Any] | None:
    """A function from a teammate's module, or None until that module exists."""
    try:
        return getattr(importlib.import_module(module), attr, None)  # type: ignore[no-any-return]
    except ImportError:
        return None


class RulesExtractor:
    """Prose patterns + results tables, with exact quotes sliced from the document text."""

    name = "rules"

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings
        self._canonical_model = _optional("extractor.normalize", "canonical_model")
        self._canonical_benchmark = _optional("extractor.normalize", "canonical_benchmark")

    def extract(self, document: Document) -> Extraction:
        if not document.sections:
            document.sections = split_sections(document.text)
        stats = ExtractionStats()
        grids: list[Grid] = []
        try:
            grids = find_tables(document.text)
        except Exception as exc:  # noqa: BLE001 - a table bug must not lose the prose claims
            stats.errors.append(f"tables: {type(exc).__name__}: {exc}")
        # table rows are read by the table reader only: prose patterns over them yield junk
        claims: list[AnyClaim] = list(extract_prose_claims(document, skip=[(g.start, g.end) for g in grids]))
        if grids:
            try:
                claims.extend(extract_table_claims(document, grids))
            except Exception as exc:  # noqa: BLE001 - a table bug must not lose the prose claims
                stats.errors.append(f"tables: {type(exc).__name__}: {exc}")
        for claim in claims:
            self._canonicalise(claim)
        claims.sort(key=lambda c: (c.start, c.end))
        return Extraction(document=document, claims=claims, extractor=self.name, stats=stats)

    def _canonicalise(self, claim: AnyClaim) -> None:
        cm, cb = self._canonical_model, self._canonical_benchmark
        if cm is not None:
            if claim.model_canonical is None:
                claim.model_canonical = cm(claim.model)
            if isinstance(claim, ComparisonClaim) and claim.baseline_canonical is None:
                claim.baseline_canonical = cm(claim.baseline)
        if cb is not None and claim.benchmark and claim.benchmark_canonical is None:
            claim.benchmark_canonical = cb(claim.benchmark)


@register("rules")
def _make_rules(settings: Settings) -> RulesExtractor:
    return RulesExtractor(settings)


__all__ = ["RulesExtractor"]
