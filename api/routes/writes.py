"""``PATCH /api/claims/{id}``: a reviewer's verdict on a claim (API key)."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from api.deps import GatewayDep, KnownParameters, WriteKey
from api.problems import WRITE_ERRORS, documented
from schemas import ReviewStatus, StoredClaim

router = APIRouter(prefix="/api", tags=["writes"], dependencies=[KnownParameters])


class ReviewUpdate(BaseModel):
    review_status: ReviewStatus


@router.patch("/claims/{claim_id}", response_model=StoredClaim, responses={**WRITE_ERRORS, **documented(404, 409)},
              dependencies=[WriteKey])
def review_claim(claim_id: int, update: ReviewUpdate, gateway: GatewayDep) -> StoredClaim:
    """Mark a claim verified or rejected (or back to unreviewed)."""
    return gateway.write(lambda st: st.set_review_status(claim_id, update.review_status))
