"""Answers the warehouse gives and the REST API returns (typed, so they appear in OpenAPI).

Shapes follow ``interfaces.md``: every answer carries its sources.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from schemas.claims import ReviewStatus


class SourceRef(BaseModel):
    """One supporting statement: the file, the verbatim quote and where it is."""

    source: str
    quote: str
    section: str | None = None
    start: int | None = None
    end: int | None = None
    claim_id: int | None = None
    value: float | None = None
    review_status: ReviewStatus = "unreviewed"


class LeaderboardRow(BaseModel):
    rank: int
    model: str
    benchmark: str | None = Field(default=None, description="The member benchmark (AIME 2024) when a family (AIME) was asked for.")
    value: float
    value_high: float | None = None
    unit: str | None = None
    metric: str | None = None
    setting: str | None = None
    support: int = Field(default=1, description="Number of supporting claims (repeats counted, never double-ranked).")
    conflict: bool = Field(default=False, description="Sources report different numbers for this model/benchmark/setting.")
    values: list[float] = Field(default_factory=list, description="Every distinct value reported, when in conflict.")
    review_status: ReviewStatus = "unreviewed"
    sources: list[SourceRef] = Field(default_factory=list)
    sources_total: int | None = Field(default=None, description="How many sources support this row "
                                      "(``sources`` holds at most ``sources_limit`` of them).")
    more_sources: str | None = Field(default=None, description="Where the rest are listed, when some were left out.")


class Leaderboard(BaseModel):
    benchmark: str
    metric: str | None = None
    setting: str | None = None
    unit: str | None = None
    higher_is_better: bool = True
    value_rule: Literal["best", "latest"] = "best"
    other_settings: list[str] = Field(default_factory=list, description="Settings reported but not shown here.")
    members: list[str] = Field(default_factory=list, description="For a family (AIME): the member benchmarks.")
    rows_total: int | None = Field(default=None, description="How many rows the whole board has (``rows`` is the "
                                   "page of them asked for with ``limit`` and ``offset``).")
    rows: list[LeaderboardRow] = Field(default_factory=list)


class BeatsRow(BaseModel):
    model: str
    value: float | None = None
    baseline_value: float | None = None
    margin: float | None = None
    benchmark: str | None = None
    metric: str | None = None
    setting: str | None = None
    unit: str | None = None  # of value, baseline_value and margin ("%", "points", "elo"...)
    how: Literal["score", "comparison", "both"] = "score"
    # True for a comparison stated without any benchmark ("Y outperforms X" in general): listed after
    # the rows on the benchmark asked for, never ranked among them
    general: bool = False
    evidence: list[SourceRef] = Field(default_factory=list)
    evidence_total: int | None = Field(default=None, description="How many statements support this row "
                                       "(``evidence`` holds at most ``sources_limit`` of them).")
    more_evidence: str | None = Field(default=None, description="Where the rest are listed, when some were left out.")


class BeatsResult(BaseModel):
    model: str
    benchmark: str
    rows_total: int | None = Field(default=None, description="How many rows the whole answer has (``rows`` is the "
                                   "page of them asked for with ``limit`` and ``offset``).")
    rows: list[BeatsRow] = Field(default_factory=list)


class NameCount(BaseModel):
    name: str
    claims: int
    aliases: list[str] = Field(default_factory=list)


class StoredClaim(BaseModel):
    """A claim as stored, with its id and review status."""

    id: int
    kind: str
    model: str
    benchmark: str | None = None
    metric: str | None = None
    value: float | None = None
    value_high: float | None = None
    unit: str | None = None
    setting: str | None = None
    baseline: str | None = None
    relation: str | None = None
    delta: float | None = None
    quote: str
    source: str
    section: str | None = None
    start: int
    end: int
    extractor: str
    review_status: ReviewStatus = "unreviewed"


class HistoryStep(BaseModel):
    """The day a document raised a board's best value, and who reached it."""

    date: dt.date | None
    value: float
    model: str
    claim_id: int
    source: str
    quote: str


class History(BaseModel):
    """A benchmark's best value over time (a step line: each step holds until the next)."""

    benchmark: str
    metric: str | None = None
    unit: str | None = None
    setting: str | None = None
    higher_is_better: bool = True
    steps: list[HistoryStep] = Field(default_factory=list)


class BoardEvent(BaseModel):
    """Something a board watcher wants to hear about: a new leader, a model's first entry, or a claim that
    contradicts a verified one (``previous_value`` is then the verified value)."""

    kind: Literal["new_leader", "new_entry", "contradiction"]
    benchmark: str
    model: str
    value: float
    unit: str | None = None
    date: dt.date | None = None
    previous_leader: str | None = None
    previous_value: float | None = None
    claim_id: int
    source: str
    quote: str


class MatrixCell(BaseModel):
    """A model's best value on one benchmark (its board's default group), with the claims stating it."""

    value: float
    unit: str | None = None
    claim_ids: list[int] = Field(default_factory=list)


class MatrixRow(BaseModel):
    model: str
    cells: dict[str, MatrixCell] = Field(default_factory=dict, description="benchmark -> best value")


class Matrix(BaseModel):
    """Models × benchmarks, across every source: the comparison view of several boards at once."""

    benchmarks: list[str]
    units: dict[str, str | None] = Field(default_factory=dict)
    rows: list[MatrixRow] = Field(default_factory=list)


class ClaimContext(BaseModel):
    """The paragraph a claim was read from: ``text[start:end]`` is the claim's quote."""

    text: str
    start: int
    end: int


class ClaimDetail(StoredClaim):
    """A claim with where to check it: its document and the paragraph around its quote."""

    document_id: int
    context: ClaimContext


class ReviewEvent(BaseModel):
    """One review decision on a claim."""

    status: ReviewStatus
    previous: ReviewStatus
    note: str | None = None
    reviewer: str | None = None
    at: str


class ReviewQueueItem(StoredClaim):
    """A claim waiting for review, and why it is high in the queue."""

    in_conflict: bool = False
    board_claims: int = 0


class ClaimPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[StoredClaim] = Field(default_factory=list)
    next: str | None = Field(default=None, description="The next page's URL, while there is one.")


class DocumentInfo(BaseModel):
    """A stored document as listed by the warehouse (``text`` only when one document is asked for)."""

    id: int
    source: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    authors: list[str] = Field(default_factory=list)
    sha256: str
    chars: int = Field(description="Length of the stored text (offsets of claims refer to it).")
    media_type: str | None = None
    claims: int = 0
    ingested_at: dt.datetime | None = None
    text: str | None = None


class DocumentPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[DocumentInfo] = Field(default_factory=list)
    next: str | None = Field(default=None, description="The next page's URL, while there is one.")


class IngestOutcome(BaseModel):
    """What storing one document did."""

    source: str
    status: Literal["added", "unchanged", "replaced"]
    claims: int = 0
