"""Types shared by every layer of benchclaims. Imports nothing of the project's own."""

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
from schemas.settings import Settings, get_settings

AnyClaim = ScoreClaim | ComparisonClaim

__all__ = [
    "RELATIONS", "UNITS", "AnyClaim", "BeatsResult", "BeatsRow", "BoardEvent", "Claim", "ClaimContext", "ClaimDetail",
    "ClaimFacts", "ClaimList", "ClaimPage", "ComparisonClaim", "ComparisonFacts", "Document", "DocumentInfo", "DocumentMeta",
    "DocumentPage", "Extraction", "ExtractionStats",
    "FileProblem", "History", "HistoryStep", "IngestOutcome", "Leaderboard", "LeaderboardRow", "Matrix", "MatrixCell", "MatrixRow", "NameCount", "Provenance",
    "ReviewEvent", "ReviewQueueItem", "ReviewStatus", "ScoreClaim", "ScoreFacts", "Section", "Settings", "SourceRef", "Span", "StoredClaim",
    "claim_json_schema", "claim_to_jsonl", "get_settings", "parse_claim",
]
