"""``POST /api/documents``: extract a posted document's claims and store them (API key).

Posted documents are JSON ``{"source": "paper.md", "text": "..."}``: text is what every
client has at hand, and JSON keeps the endpoint free of a multipart parser. ``benchclaims
ingest`` forwarding to a running server sends ``content_base64`` (the file's raw bytes)
instead, so decoding and the sha256 idempotency key are exactly those of a local ingest.
The ``source`` is a plain file name: it is stored, never used to open or write a file.
"""

from __future__ import annotations

import base64
import binascii
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, Field, field_validator, model_validator

from api.deps import GatewayDep, KnownParameters, SettingsDep, WriteKey
from api.problems import WRITE_ERRORS
from schemas import ClaimPage, IngestOutcome, StoredClaim

if TYPE_CHECKING:
    from warehouse import Store

router = APIRouter(prefix="/api", tags=["writes"], dependencies=[KnownParameters])

# No control characters (they would reach terminals and one-line-per-problem logs), no path parts.
SOURCE_PATTERN = r"^[^/\\\x00-\x1f\x7f-\x9f\u2028\u2029]+$"


class DocumentIn(BaseModel):
    """A document to ingest. ``source`` is its file name: the key its claims refer to."""

    source: str = Field(min_length=1, max_length=255, pattern=SOURCE_PATTERN,
                        description="File name, e.g. my-paper.md (the suffix picks text, Markdown or HTML); "
                                    "no slashes or control characters.")
    text: str | None = Field(default=None, min_length=1, description="The document's text (or content_base64).")
    content_base64: str | None = Field(default=None, min_length=1,
                                       description="The file's raw bytes, base64: decoded like a local file.")
    backend: Literal["rules", "llm", "hybrid"] = Field(default="rules", description="Extraction backend.")

    @field_validator("source")
    @classmethod
    def plain_name(cls, value: str) -> str:
        if value.strip() in (".", ".."):
            raise ValueError("source must be a file name, not . or ..")
        return value

    @model_validator(mode="after")
    def one_content(self) -> DocumentIn:
        if (self.text is None) == (self.content_base64 is None):
            raise ValueError("give exactly one of text and content_base64")
        return self

    def raw_bytes(self) -> bytes:
        """The document's bytes (text as UTF-8); HTTP 422 for base64 that does not decode."""
        if self.text is not None:
            return self.text.encode("utf-8")
        try:
            return base64.b64decode(self.content_base64 or "", validate=True)
        except (binascii.Error, ValueError):
            raise HTTPException(422, "content_base64 is not valid base64") from None


class DocumentIngested(BaseModel):
    source: str
    status: Literal["added", "unchanged", "replaced"]
    stored_claims: int = Field(description="Claims in this version of the document (what a local ingest counts).")
    claims_total: int = Field(description="Claims now stored for this source (``claims`` may hold only a page).")
    claims: list[StoredClaim] = Field(default_factory=list,
                                      description="The claims now stored for this source, up to max_page_size.")
    more_claims: str | None = Field(default=None, description="Where the rest are listed, when some were left out.")


@router.post("/documents", response_model=DocumentIngested, status_code=201, responses=WRITE_ERRORS,
             dependencies=[WriteKey])
def post_document(doc: DocumentIn, gateway: GatewayDep, settings: SettingsDep) -> DocumentIngested:
    """Extract a posted document's claims, store them, and return them with their ids.

    Posting the same text again adds nothing (status ``unchanged``); new text under the
    same source replaces its claims.
    """
    from api.ingest import extract_bytes

    extraction = extract_bytes(doc.raw_bytes(), doc.source, doc.backend, settings)

    def store(st: Store) -> tuple[IngestOutcome, ClaimPage]:
        return st.store_extraction(extraction, doc.backend), st.claims(source=doc.source, limit=settings.max_page_size)

    outcome, page = gateway.write(store)
    more = None
    if page.total > len(page.items):
        more = "/api/claims?" + urlencode({"source": doc.source, "offset": len(page.items)})
    return DocumentIngested(source=outcome.source, status=outcome.status, stored_claims=outcome.claims,
                            claims_total=page.total, claims=page.items, more_claims=more)
