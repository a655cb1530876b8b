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
import datetime
from typing import TYPE_CHECKING, Annotated, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import Response
from pydantic import BaseModel, Field, field_validator, model_validator

from api.answers import answer
from api.deps import GatewayDep, KnownParameters, SettingsDep, WriteKey
from api.problems import NAMED_READ_ERRORS, READ_ERRORS, WRITE_ERRORS
from api.routes.reads import next_page
from schemas import ClaimPage, DocumentInfo, DocumentMeta, DocumentPage, IngestOutcome, StoredClaim

if TYPE_CHECKING:
    from warehouse import Store

router = APIRouter(prefix="/api", tags=["writes"], dependencies=[KnownParameters])

# No control characters (they would reach terminals and one-line-per-problem logs), no path parts.
SOURCE_PATTERN = r"^[^/\\\x00-\x1f\x7f-\x9f\u2028\u2029]+$"


class DocumentIn(BaseModel):
    """A document to ingest: its ``text`` or ``content_base64`` under a ``source`` file name, or a ``url``
    (``http(s)://`` or ``arxiv:ID``) the server fetches (its identity then, and its source)."""

    source: str | None = Field(default=None, min_length=1, max_length=255, pattern=SOURCE_PATTERN,
                               description="File name, e.g. my-paper.md (the suffix picks text, Markdown, HTML or "
                                           "PDF); no slashes or control characters; needed with text or content_base64.")
    text: str | None = Field(default=None, min_length=1, description="The document's text (or content_base64).")
    content_base64: str | None = Field(default=None, min_length=1,
                                       description="The file's raw bytes, base64: decoded like a local file.")
    url: str | None = Field(default=None, min_length=8, max_length=2000,
                            pattern=r"^(?:[Hh][Tt][Tt][Pp][Ss]?://|arxiv:)[^\x00-\x20\x7f]+$",
                            description="Alone: fetch this URL or arXiv id (arxiv:2501.12948) and ingest it. "
                                        "With text or content_base64: where that document lives (metadata).")
    published: datetime.date | None = Field(default=None,
                                            description="Publication date (overrides what the document states).")
    backend: Literal["rules", "llm", "hybrid"] = Field(default="rules", description="Extraction backend.")

    @field_validator("source")
    @classmethod
    def plain_name(cls, value: str | None) -> str | None:
        if value is not None and value.strip() in (".", ".."):
            raise ValueError("source must be a file name, not . or ..")
        return value

    @model_validator(mode="after")
    def one_content(self) -> DocumentIn:
        if self.text is not None and self.content_base64 is not None:
            raise ValueError("give exactly one of text and content_base64")
        if self.text is None and self.content_base64 is None:
            if self.url is None:
                raise ValueError("give text, content_base64 or url")
        elif self.source is None:
            raise ValueError("source (a file name) is needed with text or content_base64")
        return self

    @property
    def fetches(self) -> bool:
        return self.text is None and self.content_base64 is None

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
    document: DocumentInfo | None = Field(default=None, description="The stored document's id and metadata.")


@router.post("/documents", response_model=DocumentIngested, status_code=201, responses=WRITE_ERRORS,
             dependencies=[WriteKey])
def post_document(doc: DocumentIn, gateway: GatewayDep, settings: SettingsDep) -> DocumentIngested:
    """Extract a posted document's claims, store them, and return them with their ids.

    Posting the same text again adds nothing (status ``unchanged``); new text under the
    same source replaces its claims.
    """
    from api.ingest import extract_bytes, extract_url

    meta = DocumentMeta(url=doc.url if not doc.fetches else None, published=doc.published)
    if doc.fetches:
        if not settings.api_fetch:
            raise HTTPException(403, "this server does not fetch URLs (BENCHCLAIMS_API_FETCH=false); post the text")
        extraction = extract_url(doc.url or "", doc.backend, settings, meta)
    else:
        extraction = extract_bytes(doc.raw_bytes(), doc.source or "", doc.backend, settings, meta)
    source = extraction.document.source

    def store(st: Store) -> tuple[IngestOutcome, ClaimPage, DocumentPage]:
        outcome = st.store_extraction(extraction, doc.backend)
        return outcome, st.claims(source=source, limit=settings.max_page_size), st.documents(source=source, limit=20)

    outcome, page, docs = gateway.write(store)
    more = None
    if page.total > len(page.items):
        more = "/api/claims?" + urlencode({"source": source, "offset": len(page.items)})
    # documents(source=) also matches urls: pick this source's own document
    return DocumentIngested(source=outcome.source, status=outcome.status, stored_claims=outcome.claims,
                            claims_total=page.total, claims=page.items, more_claims=more,
                            document=next((d for d in docs.items if d.source == source), None))


reads = APIRouter(prefix="/api", tags=["reads"], dependencies=[KnownParameters])


@reads.get("/documents", response_model=DocumentPage, responses=READ_ERRORS)
async def documents(
    request: Request, gateway: GatewayDep, settings: SettingsDep,
    source: Annotated[str | None, Query(max_length=2000, description="Only the document with this source or url.")] = None,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 50,
    offset: Annotated[int, Query(ge=0, le=2**53)] = 0,
) -> Response:
    """Stored documents: id, source, title, url, published date, sha256, length of the text, claims."""
    if limit > settings.max_page_size:
        raise HTTPException(422, f"limit must be at most {settings.max_page_size}")
    def run(st: Store) -> bytes:
        page = st.documents(source=source, limit=limit, offset=offset)
        page.next = next_page(request, offset, limit, page.total)
        return page.model_dump_json().encode()

    return await answer(request, gateway, run)


@reads.get("/documents/{doc_id}", response_model=DocumentInfo, responses=NAMED_READ_ERRORS)
async def document(request: Request, gateway: GatewayDep, doc_id: Annotated[int, PathParam(ge=0, le=2**53)]) -> Response:
    """One document with its text (every claim's start/end index into it)."""
    return await answer(request, gateway, lambda st: st.get_document(doc_id).model_dump_json().encode())
