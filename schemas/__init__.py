"""Types shared by every layer of benchclaims. Imports nothing of the project's own.

The query results (``schemas.results``: leaderboards, claim pages, ...) are imported on first use of one of their
names: ``benchclaims extract`` never uses them, and building their ~25 pydantic models is ~0.02 s of each start
(benchmarks/README.md, eighteenth session).
"""

from typing import TYPE_CHECKING, Any

from schemas.claims import (
    RELATIONS,
    UNITS,
    Claim,
    ClaimFacts,
    ClaimList,
    ComparisonClaim,
    ComparisonFacts,
    Provenance,
    ReviewStatus,
    ScoreClaim,
    ScoreFacts,
    claim_json_schema,
    claim_to_jsonl,
    parse_claim,
)
from schemas.documents import Document, DocumentMeta, Extraction, ExtractionStats, FileProblem, Section, Span
from schemas.settings import Settings, get_settings

if TYPE_CHECKING:
    from schemas.results import (
        BeatsResult,
        BeatsRow,
        BoardEvent,
        ClaimContext,
        ClaimDetail,
        ClaimPage,
        DocumentInfo,
        DocumentPage,
        History,
        HistoryStep,
        IngestOutcome,
        Leaderboard,
        LeaderboardRow,
        Matrix,
        MatrixCell,
        MatrixRow,
        NameCount,
        ReviewEvent,
        ReviewQueueItem,
        SourceRef,
        StoredClaim,
    )

AnyClaim = ScoreClaim | ComparisonClaim

_RESULTS = frozenset({
    "BeatsResult",
    "BeatsRow",
    "BoardEvent",
    "ClaimContext",
    "ClaimDetail",
    "ClaimPage",
    "DocumentInfo",
    "DocumentPage",
    "History",
    "HistoryStep",
    "IngestOutcome",
    "Leaderboard",
    "LeaderboardRow",
    "Matrix",
    "MatrixCell",
    "MatrixRow",
    "NameCount",
    "ReviewEvent",
    "ReviewQueueItem",
    "SourceRef",
    "StoredClaim",
})


def __getattr__(name: str) -> Any:
    """A name of ``schemas.results``, imported on first use (PEP 562)."""
    if name in _RESULTS:
        from schemas import results

        value = getattr(results, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")



__all__ = [
    "RELATIONS", "UNITS", "AnyClaim", "BeatsResult", "BeatsRow", "BoardEvent", "Claim", "ClaimContext", "ClaimDetail",
    "ClaimFacts", "ClaimList", "ClaimPage", "ComparisonClaim", "ComparisonFacts", "Document", "DocumentInfo", "DocumentMeta",
    "DocumentPage", "Extraction", "ExtractionStats",
    "FileProblem", "History", "HistoryStep", "IngestOutcome", "Leaderboard", "LeaderboardRow", "Matrix", "MatrixCell", "MatrixRow", "NameCount", "Provenance",
    "ReviewEvent", "ReviewQueueItem", "ReviewStatus", "ScoreClaim", "ScoreFacts", "Section", "Settings", "SourceRef", "Span", "StoredClaim",
    "claim_json_schema", "claim_to_jsonl", "get_settings", "parse_claim",
]
