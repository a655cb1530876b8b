"""The REST API and the dashboard: a thin FastAPI layer over the warehouse and the extractor.

Reads are answered from a cache of finished response bodies keyed by query and warehouse
version (see ``api.gateway``), with a strong ETag so browsers and scripts revalidate for
free (``If-None-Match`` -> 304). Writes (posting a document, reviewing a claim) need the
``X-API-Key`` header, compared in constant time against ``BENCHCLAIMS_API_KEY`` or the random
per-process token ``benchclaims serve`` writes to its owner-only sidecar (``api.owner``), and are
refused while neither exists.

Posted documents are JSON ``{"source": "paper.md", "text": "..."}``: text is what every
client has at hand, and JSON keeps the endpoint free of a multipart parser. ``benchclaims
ingest`` forwarding to a running server sends ``content_base64`` (the file's raw bytes)
instead, so decoding and the sha256 idempotency key are exactly those of a local ingest.
The ``source`` is a plain file name: it is stored, never used to open or write a file.
"""

# No `from __future__ import annotations` here: FastAPI evaluates route signatures, and the
# page-size limit in them comes from create_app's local `settings`.
import base64
import binascii
import datetime
import hmac
import json
import re
import tempfile
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as Path_
from fastapi.concurrency import run_in_threadpool
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.security import APIKeyHeader
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from pydantic import BaseModel, Field, TypeAdapter, field_validator, model_validator

from api.gateway import Answer, CachedReads, LakeGateway, WarehouseGateway, cache_key, make_answer
from api.limits import BodySizeLimit
from schemas import (
    BeatsResult,
    ClaimPage,
    DocumentInfo,
    DocumentMeta,
    DocumentPage,
    IngestOutcome,
    Leaderboard,
    NameCount,
    ReviewStatus,
    Settings,
    StoredClaim,
    get_settings,
)

if TYPE_CHECKING:
    from warehouse import Warehouse

STATIC_DIR = Path(__file__).parent / "static"
# DuckDB's OFFSET is a signed 64-bit integer: larger values were a 500 (found by schemathesis).
MAX_OFFSET = 2**53
NAME_COUNTS = TypeAdapter(list[NameCount])


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    db: str
    read_only: bool = Field(description="The warehouse is open read-only (no API key or server token, so writes are off).")
    writes_enabled: bool
    version: int = Field(description="Bumped on every write this server makes; part of the cache key.")


class ErrorBody(BaseModel):
    detail: str


class UnknownNameBody(BaseModel):
    detail: str
    kind: str
    name: str
    suggestions: list[str] = Field(default_factory=list)


class DocumentIn(BaseModel):
    """A document to ingest: its ``text`` or ``content_base64`` under a ``source`` file name, or a ``url``
    (``http(s)://`` or ``arxiv:ID``) the server fetches (its identity then, and its source)."""

    source: str | None = Field(default=None, min_length=1, max_length=255, pattern=r"^[^/\\\x00]+$",
                               description="File name, e.g. my-paper.md (the suffix picks text, Markdown, HTML or "
                                           "PDF); needed with text or content_base64.")
    text: str | None = Field(default=None, min_length=1, description="The document's text (or content_base64).")
    content_base64: str | None = Field(default=None, min_length=1,
                                       description="The file's raw bytes, base64: decoded like a local file.")
    url: str | None = Field(default=None, min_length=8, max_length=2000, pattern=r"^(?:[Hh][Tt][Tt][Pp][Ss]?://|arxiv:)\S+$",
                            description="Alone: fetch this URL or arXiv id (arxiv:2501.12948) and ingest it. "
                                        "With text or content_base64: where that document lives (metadata).")
    published: datetime.date | None = Field(default=None, description="Publication date (overrides what the document states).")
    backend: Literal["rules", "llm", "hybrid"] = Field(default="rules", description="Extraction backend.")

    @field_validator("source")
    @classmethod
    def plain_name(cls, value: str | None) -> str | None:
        if value is not None and value.strip() in (".", ".."):
            raise ValueError("source must be a file name, not . or ..")
        return value

    @model_validator(mode="after")
    def one_content(self) -> "DocumentIn":
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
    claims: list[StoredClaim] = Field(default_factory=list, description="Every claim now stored for this source.")
    document: DocumentInfo | None = Field(default=None, description="The stored document's id and metadata.")


class ReviewUpdate(BaseModel):
    review_status: ReviewStatus


class ExportFormat(StrEnum):
    csv = "csv"
    json = "json"
    parquet = "parquet"


EXPORT_MEDIA = {
    ExportFormat.csv: "text/csv; charset=utf-8",
    ExportFormat.json: "application/json",
    ExportFormat.parquet: "application/vnd.apache.parquet",
}

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": UnknownNameBody, "description": "Unknown name, with close matches"}}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "No X-API-Key header"},
    403: {"model": ErrorBody, "description": "Wrong API key"},
    413: {"model": ErrorBody, "description": "Body larger than max_request_bytes"},
    503: {"model": ErrorBody, "description": "Writes are disabled: no API key configured"},
}


def _json(model: BaseModel) -> bytes:
    return model.model_dump_json().encode()


def _error_json(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False).encode()


def _unknown_body(exc: Exception) -> dict[str, Any]:
    kind = str(getattr(exc, "kind", "name"))
    name = str(getattr(exc, "name", ""))
    return {"detail": f"unknown {kind} {name!r}", "kind": kind, "name": name,
            "suggestions": list(getattr(exc, "suggestions", []) or [])}


def _safe_filename(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("_") or "claims"


def _respond(request: Request, answer: Answer) -> Response:
    status, headers, body = answer.reply(request.headers.get("if-none-match"))
    return Response(content=body, status_code=status, headers=headers)


def create_app(settings: Settings | None = None, db_path: str | None = None,
               server_token: str | None = None) -> FastAPI:
    """Build the app over the warehouse at ``db_path`` (default: ``settings.db``).

    ``benchclaims serve`` passes a random ``server_token`` (also written to its sidecar): the
    server then owns the file read-write for its lifetime and takes ingests forwarded by
    ``benchclaims ingest``. Built with neither a token nor an API key (an embedded, read-only
    app), an existing file is opened read-only. A folder (or a name ending in ``/``) is a
    Parquet lake, served from a snapshot refreshed when the lake changes.
    """
    from warehouse import UnknownName
    from warehouse.lake import is_lake

    settings = settings or get_settings()
    db = db_path or settings.db
    api_key = settings.api_key.get_secret_value().encode() if settings.api_key else None
    token = server_token.encode() if server_token else None
    keys = [k for k in (api_key, token) if k]
    gateway: WarehouseGateway
    if is_lake(db):
        gateway = LakeGateway(db)
    else:
        gateway = WarehouseGateway(db, read_only=not keys and Path(db).exists())

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        gateway.reopen()  # a no-op the first time; lets a stopped app be started again
        yield
        gateway.close()

    # FastAPIOffline: /docs serves Swagger UI from the installed package, not a CDN (works offline).
    app = FastAPIOffline(
        title="benchclaims",
        version="0.1.0",
        summary="Benchmark-result claims from AI papers and model cards: leaderboards with their sources.",
        lifespan=lifespan,
    )
    app.state.gateway = gateway
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_request_bytes)
    app.add_middleware(CachedReads, gateway=gateway)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST", "PATCH"],
                           allow_headers=["Content-Type", "X-API-Key", "If-None-Match"], expose_headers=["ETag"])

    @app.exception_handler(UnknownName)
    async def unknown_name(_: Request, exc: UnknownName) -> JSONResponse:
        return JSONResponse(_unknown_body(exc), status_code=404)

    @app.exception_handler(Exception)
    async def internal_error(_: Request, exc: Exception) -> JSONResponse:
        return JSONResponse({"detail": f"internal error ({type(exc).__name__})"}, status_code=500)

    def compute(key: str, fn: Callable[["Warehouse"], bytes], media_type: str = "application/json",
                filename: str | None = None) -> Answer:
        """Run ``fn`` against the warehouse and cache the finished response (errors included)."""
        try:
            body, version = gateway.read(fn)
            answer = make_answer(200, body, media_type, version, filename)
        except UnknownName as exc:
            answer = make_answer(404, _error_json(_unknown_body(exc)), "application/json", gateway.version)
        except ValueError as exc:  # the warehouse's word on a bad parameter (an unknown sort key, ...)
            answer = make_answer(400, _error_json({"detail": str(exc)}), "application/json", gateway.version)
        return gateway.remember(key, answer)

    async def answer(request: Request, fn: Callable[["Warehouse"], bytes], media_type: str = "application/json",
                     filename: str | None = None) -> Response:
        # Keyed by the raw URL so the ``CachedReads`` middleware can answer repeats before routing.
        key = cache_key(request.scope)
        hit = gateway.cached(key)
        if hit is None:
            hit = await run_in_threadpool(compute, key, fn, media_type, filename)
        return _respond(request, hit)

    api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="Key for the write endpoints.")

    def require_key(given: Annotated[str | None, Depends(api_key_header)]) -> None:
        if not keys:
            raise HTTPException(503, "writes are disabled: no API key is configured (set BENCHCLAIMS_API_KEY)")
        if not given:
            raise HTTPException(401, "missing X-API-Key header")
        # Compare against every key, always, so the time taken says nothing about which matched.
        matched = [hmac.compare_digest(given.encode(), k) for k in keys]
        if not any(matched):
            raise HTTPException(403, "wrong API key")

    # ---- reads -------------------------------------------------------------------------------

    @app.get("/api/healthz", response_model=Health, tags=["reads"])
    async def healthz() -> Health:
        return Health(db=db, read_only=gateway.read_only, writes_enabled=bool(keys), version=gateway.version)

    @app.get("/api/benchmarks", response_model=list[NameCount], tags=["reads"])
    async def benchmarks(request: Request) -> Response:
        """Benchmarks with their claim counts and the aliases they are known by."""
        return await answer(request, lambda wh: NAME_COUNTS.dump_json(wh.benchmarks()))

    @app.get("/api/models", response_model=list[NameCount], tags=["reads"])
    async def models(request: Request) -> Response:
        """Models with their claim counts."""
        return await answer(request, lambda wh: NAME_COUNTS.dump_json(wh.models()))

    @app.get("/api/leaderboard", response_model=Leaderboard, responses=NOT_FOUND, tags=["reads"])
    async def leaderboard(
        request: Request,
        benchmark: Annotated[str, Query(min_length=1, max_length=200, description="Name or alias: AIME'24, AIME 2024, ...")],
        metric: Annotated[str | None, Query(max_length=200)] = None,
        setting: Annotated[str | None, Query(max_length=200)] = None,
    ) -> Response:
        """One row per model, best score first, each with its sources."""
        return await answer(request, lambda wh: _json(wh.leaderboard(benchmark, metric=metric, setting=setting)))

    @app.get("/api/beats", response_model=BeatsResult, responses=NOT_FOUND, tags=["reads"])
    async def beats(
        request: Request,
        model: Annotated[str, Query(min_length=1, max_length=200)],
        benchmark: Annotated[str, Query(min_length=1, max_length=200)],
    ) -> Response:
        """Models that beat ``model`` on ``benchmark``, each with its evidence."""
        return await answer(request, lambda wh: _json(wh.beats(model, benchmark)))

    @app.get("/api/claims", response_model=ClaimPage, responses=NOT_FOUND, tags=["reads"])
    async def claims(
        request: Request,
        model: Annotated[str | None, Query(max_length=200)] = None,
        benchmark: Annotated[str | None, Query(max_length=200)] = None,
        kind: Literal["score", "comparison"] | None = None,
        source: Annotated[str | None, Query(max_length=255)] = None,
        review_status: ReviewStatus | None = None,
        sort: Annotated[str, Query(max_length=40, description="Field to sort by (id, value, model, ...).")] = "id",
        limit: Annotated[int, Query(ge=1, le=settings.max_page_size)] = 50,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> Response:
        """Claims with their provenance, filtered and paginated."""
        return await answer(request, lambda wh: _json(wh.claims(
            model=model, benchmark=benchmark, kind=kind, source=source, review_status=review_status,
            sort=sort, limit=limit, offset=offset)))

    @app.get("/api/claims/{claim_id}", response_model=StoredClaim, responses=NOT_FOUND, tags=["reads"])
    async def claim(request: Request, claim_id: int) -> Response:
        """One claim by id."""
        return await answer(request, lambda wh: _json(wh.get_claim(claim_id)))

    @app.get("/api/documents", response_model=DocumentPage, tags=["reads"])
    async def documents(
        request: Request,
        source: Annotated[str | None, Query(max_length=2000, description="Only the document with this source or url.")] = None,
        limit: Annotated[int, Query(ge=1, le=settings.max_page_size)] = 50,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> Response:
        """Stored documents: id, source, title, url, published date, sha256, length of the text, claims."""
        return await answer(request, lambda wh: _json(wh.documents(source=source, limit=limit, offset=offset)))

    @app.get("/api/documents/{doc_id}", response_model=DocumentInfo, responses=NOT_FOUND, tags=["reads"])
    async def document(request: Request, doc_id: Annotated[int, Path_(ge=0, le=MAX_OFFSET)]) -> Response:
        """One document with its text (every claim's start/end index into it)."""
        return await answer(request, lambda wh: _json(wh.get_document(doc_id)))

    @app.get("/api/export.{fmt}", responses={200: {"content": {m: {} for m in EXPORT_MEDIA.values()}}, **NOT_FOUND},
             tags=["reads"])
    async def export(request: Request, fmt: ExportFormat,
                     benchmark: Annotated[str | None, Query(max_length=200)] = None) -> Response:
        """All claims, or one benchmark's leaderboard, as a CSV, JSON or Parquet file."""
        def write_file(wh: "Warehouse") -> bytes:
            with tempfile.TemporaryDirectory(prefix="benchclaims-export-") as tmp:
                written = wh.export(fmt.value, Path(tmp) / f"export.{fmt.value}", benchmark=benchmark)
                return Path(written).read_bytes()
        filename = f"{_safe_filename(benchmark) if benchmark else 'claims'}.{fmt.value}"
        return await answer(request, write_file, EXPORT_MEDIA[fmt], filename)

    # ---- writes ------------------------------------------------------------------------------

    @app.post("/api/documents", response_model=DocumentIngested, status_code=201, responses=WRITE_ERRORS,
              dependencies=[Depends(require_key)], tags=["writes"])
    def post_document(doc: DocumentIn) -> DocumentIngested:
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

        def listed(wh: "Warehouse") -> tuple[ClaimPage, DocumentPage]:
            return wh.claims(source=source, limit=settings.max_page_size), wh.documents(source=source, limit=20)

        if isinstance(gateway, LakeGateway):
            outcome = gateway.append(extraction)
            (page, docs), _ = gateway.read(listed)
        else:
            def store(wh: "Warehouse") -> tuple[IngestOutcome, tuple[ClaimPage, DocumentPage]]:
                run_id = wh.start_run(doc.backend, {"via": "api", "source": source})
                outcome = wh.store(extraction, run_id)
                wh.finish_run(run_id, 1, 0, [], {"claims": outcome.claims, outcome.status: 1})
                return outcome, listed(wh)

            outcome, (page, docs) = gateway.write(store)
        # documents(source=) also matches urls: pick this source's own document
        return DocumentIngested(source=outcome.source, status=outcome.status, claims=page.items,
                                document=next((d for d in docs.items if d.source == source), None))

    @app.patch("/api/claims/{claim_id}", response_model=StoredClaim, responses={**WRITE_ERRORS, **NOT_FOUND},
               dependencies=[Depends(require_key)], tags=["writes"])
    def review_claim(claim_id: int, update: ReviewUpdate) -> StoredClaim:
        """Mark a claim verified or rejected (or back to unreviewed)."""
        if gateway.lake:
            raise HTTPException(409, "review statuses cannot be stored in a Parquet lake; ingest it into a DuckDB file")
        return gateway.write(lambda wh: wh.set_review_status(claim_id, update.review_status))

    # ---- dashboard ---------------------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    async def dashboard() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app
