"""Prose claims (zh + en): first version, filled in below."""

from __future__ import annotations

from collections.abc import Iterator

from schemas import ComparisonClaim, Document, ScoreClaim


def extract_prose_claims(document: Document) -> Iterator[ScoreClaim | ComparisonClaim]:
    """Claims stated in the running text of ``document``."""
    return iter(())
