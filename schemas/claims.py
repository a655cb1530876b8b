"""The claim: the unit benchclaims extracts, stores and queries.

Mirrors ``claims-spec.md`` (the project's contract). Two layers:

* ``ScoreFacts`` / ``ComparisonFacts`` hold what a reader states about a claim. They are
  what an LLM is asked to produce (their JSON Schema constrains its output), so they
  carry no offsets or bookkeeping.
* ``ScoreClaim`` / ``ComparisonClaim`` add provenance (file, section, character span,
  extractor) and normalised names. They are what the extractor emits as JSONL and what
  the warehouse stores.

Both layers are discriminated unions on ``kind`` so a parser never has to guess.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator, model_validator

Unit = Literal["%", "points", "elo", "x", "score"]
Relation = Literal["outperforms", "matches", "underperforms"]
ReviewStatus = Literal["unreviewed", "verified", "rejected"]

UNITS: tuple[str, ...] = ("%", "points", "elo", "x", "score")
RELATIONS: tuple[str, ...] = ("outperforms", "matches", "underperforms")


def _strip_or_none(v: Any) -> Any:
    if isinstance(v, str):
        v = v.strip()
        return v or None
    return v


class _FactsBase(BaseModel):
    """Fields shared by both kinds of claim."""

    model_config = ConfigDict(extra="forbid", protected_namespaces=())

    model: str = Field(min_length=1, description="The subject (model / method / system) as written.")
    benchmark: str | None = Field(
        default=None, description="Benchmark, dataset, leaderboard or evaluation as written; null only for a general comparison."
    )
    metric: str | None = Field(default=None, description="accuracy, pass@1, F1, EM, Elo, FID, ... as written or clearly implied.")
    unit: Unit | None = Field(default=None, description="'%' for %, 'points' for 分/points, 'elo', 'x' for times, 'score' for a bare number.")
    setting: str | None = Field(default=None, description="pass@1, maj@16, zero-shot, 4-shot, with tools, test split, ...")
    quote: str = Field(min_length=1, description="The shortest verbatim span of the source that states the claim.")

    @field_validator("model", "quote", mode="before")
    @classmethod
    def _strip_required(cls, v: Any) -> Any:
        return v.strip() if isinstance(v, str) else v

    @field_validator("benchmark", "metric", "setting", mode="before")
    @classmethod
    def _strip_optional(cls, v: Any) -> Any:
        return _strip_or_none(v)


class ScoreFacts(_FactsBase):
    """A named model reached a number on a named benchmark."""

    kind: Literal["score"] = "score"
    value: float = Field(description="The number as written (71.0, not 0.71).")
    value_high: float | None = Field(default=None, description="Upper end of a range (74% to 93% -> value 74, value_high 93).")
    baseline: None = Field(default=None, description="Always null on a score claim.")
    relation: None = Field(default=None, description="Always null on a score claim.")
    delta: None = Field(default=None, description="Always null on a score claim.")

    @model_validator(mode="after")
    def _range_ordered(self) -> ScoreFacts:
        if self.value_high is not None and self.value_high < self.value:
            raise ValueError(f"value_high {self.value_high} is below value {self.value}")
        return self


class ComparisonFacts(_FactsBase):
    """A named model beats, matches or trails a named baseline."""

    kind: Literal["comparison"] = "comparison"
    baseline: str = Field(min_length=1, description="What the model is compared with; 'baseline' for an unnamed one.")
    relation: Relation = Field(description="outperforms, matches or underperforms.")
    delta: float | None = Field(default=None, description="The stated margin, if any.")
    value: float | None = Field(default=None, description="Usually null; a comparison's own scores are separate score claims.")
    value_high: float | None = None

    @field_validator("baseline", mode="before")
    @classmethod
    def _strip_baseline(cls, v: Any) -> Any:
        return v.strip() if isinstance(v, str) else v


class Provenance(BaseModel):
    """Where a claim comes from: file, section, exact span, and who extracted it."""

    model_config = ConfigDict(extra="forbid", protected_namespaces=())

    source: str = Field(description="The source file's name, e.g. 000_89d5b39adc3541eb.txt.")
    section: str | None = Field(default=None, description="Heading of the part of the file the claim comes from.")
    start: int = Field(ge=0, description="Character offset into the decoded file text; text[start:end] == quote.")
    end: int = Field(ge=0)
    extractor: str = Field(default="rules", description="'rules' or 'llm:<model name>'.")
    model_canonical: str | None = Field(default=None, description="Normalised model name (entity key).")
    benchmark_canonical: str | None = Field(default=None, description="Normalised benchmark name, e.g. AIME'24 -> AIME 2024.")
    baseline_canonical: str | None = Field(default=None, description="Normalised baseline name.")

    @model_validator(mode="after")
    def _span_ordered(self) -> Provenance:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before start {self.start}")
        quote = getattr(self, "quote", None)
        if quote is not None and self.end - self.start != len(quote):
            raise ValueError(f"span {self.start}:{self.end} has length {self.end - self.start}, quote has {len(quote)}")
        return self


class ScoreClaim(ScoreFacts, Provenance):
    """A score claim with its provenance (extractor output, warehouse row)."""


class ComparisonClaim(ComparisonFacts, Provenance):
    """A comparison claim with its provenance (extractor output, warehouse row)."""


ClaimFacts = Annotated[ScoreFacts | ComparisonFacts, Field(discriminator="kind")]
Claim = Annotated[ScoreClaim | ComparisonClaim, Field(discriminator="kind")]

CLAIM_ADAPTER: TypeAdapter[ScoreClaim | ComparisonClaim] = TypeAdapter(Claim)
FACTS_ADAPTER: TypeAdapter[ScoreFacts | ComparisonFacts] = TypeAdapter(ClaimFacts)


class ClaimList(BaseModel):
    """What an LLM returns for one chunk: the claims it states, possibly none."""

    model_config = ConfigDict(extra="forbid")

    claims: list[ClaimFacts] = Field(default_factory=list)


JSONL_FIELDS: tuple[str, ...] = (
    "kind", "model", "benchmark", "metric", "value", "value_high", "unit", "setting",
    "baseline", "relation", "delta", "quote", "source", "section", "start", "end", "extractor",
    "model_canonical", "benchmark_canonical", "baseline_canonical",
)


def claim_to_jsonl(claim: ScoreClaim | ComparisonClaim) -> str:
    """One JSONL line in the field order of interfaces.md (stable for diffs)."""
    data = claim.model_dump()
    return json.dumps({k: data.get(k) for k in JSONL_FIELDS}, ensure_ascii=False)


def parse_claim(data: dict[str, Any] | str) -> ScoreClaim | ComparisonClaim:
    """Validate a dict or a JSON line into the right claim class."""
    if isinstance(data, str):
        return CLAIM_ADAPTER.validate_json(data)
    return CLAIM_ADAPTER.validate_python(data)


def claim_json_schema() -> dict[str, Any]:
    """JSON Schema of the facts an extractor must produce (used to constrain an LLM)."""
    return ClaimList.model_json_schema()
