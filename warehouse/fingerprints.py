"""Claim fingerprints: what makes a re-extracted claim the same claim, so its id and review last.

A document edited elsewhere and ingested again yields its claims anew; a claim whose kind, names,
value and quote are unchanged is the claim a reviewer already verified or rejected, and keeps its
id (links, exports and reviews point at it) and its review status. Offsets are left out on purpose:
a paragraph added above a claim moves it without changing what it says. Two identical statements
in one document are told apart by their order.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

Fingerprint = tuple[str, str, str, float | None, str, str]


def fingerprint(kind: str, model: str, benchmark: str | None, value: float | None, baseline: str | None,
                quote: str) -> Fingerprint:
    return (kind, model, benchmark or "", None if value is None else round(float(value), 6), baseline or "", quote)


@dataclass(frozen=True, slots=True)
class KeptClaim:
    """The id and review status a re-extracted claim takes over from its earlier self."""

    id: int
    review_status: str


class PreviousClaims:
    """The claims of replaced documents by (document id, fingerprint), handed out once each in id order."""

    def __init__(self, rows: Iterable[tuple[Any, ...]] = ()) -> None:
        self._by_key: dict[tuple[int, Fingerprint], deque[KeptClaim]] = defaultdict(deque)
        for doc_id, claim_id, status, kind, model, benchmark, value, baseline, quote in rows:
            key = (int(doc_id), fingerprint(kind, model, benchmark, value, baseline, quote))
            self._by_key[key].append(KeptClaim(int(claim_id), str(status)))

    def take(self, doc_id: int, key: Fingerprint) -> KeptClaim | None:
        """The earlier claim this one is, if one is left (each earlier claim is taken at most once)."""
        queue = self._by_key.get((doc_id, key))
        return queue.popleft() if queue else None
