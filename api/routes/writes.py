"""``PATCH /api/claims/{id}``: a reviewer's verdict on a claim (API key)."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from api.deps import GatewayDep, KnownParameters, WriteKey
from api.problems import WRITE_ERRORS, documented
from schemas import ReviewStatus, StoredClaim

router = APIRouter(prefix="/api", tags=["writes"], dependencies=[KnownParameters])


class ReviewUpdate(BaseModel):
    review_status: ReviewStatus
    note: str | None = Field(default=None, max_length=2000, description="Why (kept in the claim's review history).")
    reviewer: str | None = Field(default=None, max_length=200, pattern=r"^[^\x00-\x1f\x7f]*$")


class Undo(BaseModel):
    reviewer: str | None = Field(default=None, max_length=200, pattern=r"^[^\x00-\x1f\x7f]*$")


@router.patch("/claims/{claim_id}", response_model=StoredClaim, responses={**WRITE_ERRORS, **documented(404, 409)},
              dependencies=[WriteKey])
def review_claim(claim_id: int, update: ReviewUpdate, gateway: GatewayDep) -> StoredClaim:
    """Mark a claim verified or rejected (or back to unreviewed); the decision joins its review history."""
    return gateway.write(lambda st: st.set_review_status(claim_id, update.review_status, note=update.note,
                                                         reviewer=update.reviewer))


@router.post("/claims/{claim_id}/undo", response_model=StoredClaim,
             responses={**WRITE_ERRORS, **documented(404, 409)}, dependencies=[WriteKey])
def undo_review(claim_id: int, gateway: GatewayDep, body: Undo | None = None) -> StoredClaim:
    """Give the claim back the status it had before its last review decision."""
    return gateway.write(lambda st: st.undo_review(claim_id, reviewer=body.reviewer if body else None))
