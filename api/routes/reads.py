"""Read endpoints: health, names, leaderboards, beats and claims. Each is one store call plus encoding."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field, TypeAdapter

from api.answers import answer
from api.deps import GatewayDep, KnownParameters, SettingsDep
from api.feeds import atom_feed, json_feed
from api.gateway import StoreGateway
from api.problems import NAMED_READ_ERRORS, READ_ERRORS
from schemas import (
    BeatsResult,
    BoardEvent,
    ClaimDetail,
    ClaimPage,
    History,
    Leaderboard,
    Matrix,
    NameCount,
    ReviewEvent,
    ReviewQueueItem,
    ReviewStatus,
)
from warehouse import boards

if TYPE_CHECKING:
    from warehouse import Store

router = APIRouter(prefix="/api", tags=["reads"], dependencies=[KnownParameters])

# DuckDB's OFFSET is a signed 64-bit integer: larger values were a 500 (found by schemathesis).
MAX_OFFSET = 2**53
NAME_COUNTS = TypeAdapter(list[NameCount])
REVIEW_EVENTS = TypeAdapter(list[ReviewEvent])
FEED_EVENTS = TypeAdapter(list[BoardEvent])
QUEUE_ITEMS = TypeAdapter(list[ReviewQueueItem])
DEFAULT_SOURCES = boards.PAGE_SOURCES
DEFAULT_PAGE = 50
DEFAULT_BOARD_PAGE = boards.PAGE_ROWS  # rows of a leaderboard or beats page: a popular board has thousands
MAX_BOARD_PAGE = 10_000

Name = Annotated[str, Query(min_length=1, max_length=200)]
BoardPage = Annotated[int, Query(ge=1, le=MAX_BOARD_PAGE, description="Rows per page (``rows_total`` says how "
                                "many there are).")]
BoardOffset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip (the page starts there).")]
SourcesLimit = Annotated[int, Query(ge=0, le=10_000, description="Sources (evidence) kept per row; "
                                    "``sources_total`` and ``more_sources`` give the rest.")]


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    db: str
    db_path: str = Field(description="The store's absolute location: clients check it is the one they meant.")
    instance: str = Field(description="Random per server process: a sidecar naming another instance is stale.")
    read_only: bool = Field(description="The warehouse is open read-only (no API key or server token, so writes are off).")
    writes_enabled: bool
    version: int = Field(description="Bumped on every write this server makes; part of the cache key.")


def next_page(request: Request, offset: int, size: int, total: int) -> str | None:
    """The URL of the page after this one (same parameters, the next offset), or None at the end."""
    if offset + size >= total or size <= 0:
        return None
    params = dict(request.query_params)
    params.update(offset=str(offset + size), limit=str(size))
    return f"{request.url.path}?{urlencode(params)}"


def _claims_link(model: str, benchmark: str | None) -> str:
    params = {"model": model, **({"benchmark": benchmark} if benchmark else {})}
    return "/api/claims?" + urlencode(params)


def _sources_limit(given: int, settings_max: int) -> int:
    if given > settings_max:
        raise HTTPException(422, f"sources_limit must be at most {settings_max}")
    return given


@router.get("/healthz", response_model=Health)
async def healthz(request: Request, gateway: GatewayDep) -> Health:
    return Health(db=gateway.db_path, db_path=request.app.state.db_path, instance=request.app.state.instance, read_only=gateway.read_only,
                  writes_enabled=bool(request.app.state.keys), version=gateway.version)


@router.get("/benchmarks", response_model=list[NameCount], responses=READ_ERRORS)
async def benchmarks(request: Request, gateway: GatewayDep) -> Response:
    """Benchmarks with their claim counts and the aliases they are known by."""
    return await answer(request, gateway, lambda wh: NAME_COUNTS.dump_json(wh.benchmarks()))


@router.get("/models", response_model=list[NameCount], responses=READ_ERRORS)
async def models(request: Request, gateway: GatewayDep) -> Response:
    """Models with their claim counts."""
    return await answer(request, gateway, lambda wh: NAME_COUNTS.dump_json(wh.models()))


@router.get("/leaderboard", response_model=Leaderboard, responses=NAMED_READ_ERRORS)
async def leaderboard(
    request: Request,
    gateway: GatewayDep,
    settings: SettingsDep,
    benchmark: Annotated[str, Query(min_length=1, max_length=200, description="Name or alias: AIME'24, AIME 2024, ...")],
    metric: Annotated[str | None, Query(max_length=200)] = None,
    setting: Annotated[str | None, Query(max_length=200)] = None,
    sources_limit: SourcesLimit = DEFAULT_SOURCES,
    as_of: Annotated[dt.date | None, Query(description="The board as it stood that day (YYYY-MM-DD): claims of "
                                           "documents published, else first ingested, by then.")] = None,
    limit: BoardPage = DEFAULT_BOARD_PAGE,
    offset: BoardOffset = 0,
) -> Response:
    """One row per model, best score first, each with (up to ``sources_limit`` of) its sources: a page of
    ``limit`` rows from ``offset``."""
    sources = _sources_limit(sources_limit, settings.max_sources)
    return await answer(request, gateway, leaderboard_page(benchmark, metric, setting, sources, as_of, limit, offset))


def leaderboard_page(benchmark: str, metric: str | None = None, setting: str | None = None,
                     sources: int = DEFAULT_SOURCES, as_of: dt.date | None = None, limit: int = DEFAULT_BOARD_PAGE,
                     offset: int = 0) -> Callable[[Store], bytes]:
    """The store call behind ``GET /api/leaderboard`` (also made by ``api.fast_reads`` for the default page).

    The store writes the JSON itself (precomputed boards: each row's JSON was written when it was built).
    """
    return lambda wh: wh.leaderboard_json(benchmark, metric=metric, setting=setting, sources_limit=sources,
                                          as_of=as_of, limit=limit, offset=offset, more_sources=_claims_link)


@router.get("/history", response_model=History, responses=NAMED_READ_ERRORS)
async def history(
    request: Request, gateway: GatewayDep, benchmark: Name,
    metric: Annotated[str | None, Query(max_length=200)] = None,
    setting: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    """The benchmark's best value over time: a step each time a document (by its published date, else the
    day it was first ingested) raised it, with the model and the claim."""
    return await answer(request, gateway, lambda wh: wh.history(benchmark, metric=metric, setting=setting)
                        .model_dump_json().encode())


FeedLimit = Annotated[int, Query(ge=1, le=500, description="How many events, newest first.")]
FeedName = Annotated[str | None, Query(min_length=1, max_length=200)]


@router.get("/feed/events", response_model=list[BoardEvent], responses=NAMED_READ_ERRORS)
async def feed_events(request: Request, gateway: GatewayDep, benchmark: FeedName = None, model: FeedName = None,
                      limit: FeedLimit = DEFAULT_PAGE) -> Response:
    """Board events (a new leader, a model's first entry), newest first, as plain records."""
    return await answer(request, gateway, lambda wh: FEED_EVENTS.dump_json(
        wh.board_events(benchmark=benchmark, model=model, limit=limit)))


async def _feed(request: Request, gateway: StoreGateway, write: Callable[[list[BoardEvent], str], bytes],
                media_type: str, benchmark: str | None, model: str | None, limit: int) -> Response:
    base = str(request.base_url).rstrip("/")
    return await answer(request, gateway, lambda wh: write(
        wh.board_events(benchmark=benchmark, model=model, limit=limit), base), media_type)


@router.get("/feed.json", responses={200: {"content": {"application/feed+json": {}}}, **NAMED_READ_ERRORS})
async def feed_json(request: Request, gateway: GatewayDep, benchmark: FeedName = None, model: FeedName = None,
                    limit: FeedLimit = DEFAULT_PAGE) -> Response:
    """Board events as a JSON Feed 1.1 (newest first; each item links to its claim)."""
    return await _feed(request, gateway, json_feed, "application/feed+json", benchmark, model, limit)


@router.get("/feed.atom", responses={200: {"content": {"application/atom+xml": {}}}, **NAMED_READ_ERRORS})
async def feed_atom(request: Request, gateway: GatewayDep, benchmark: FeedName = None, model: FeedName = None,
                    limit: FeedLimit = DEFAULT_PAGE) -> Response:
    """Board events as an Atom feed (newest first; each entry links to its claim)."""
    return await _feed(request, gateway, atom_feed, "application/atom+xml", benchmark, model, limit)


@router.get("/beats", response_model=BeatsResult, responses=NAMED_READ_ERRORS)
async def beats(
    request: Request,
    gateway: GatewayDep,
    settings: SettingsDep,
    model: Name,
    benchmark: Name,
    sources_limit: SourcesLimit = DEFAULT_SOURCES,
    limit: BoardPage = DEFAULT_BOARD_PAGE,
    offset: BoardOffset = 0,
) -> Response:
    """Models that beat ``model`` on ``benchmark``, each with (up to ``sources_limit`` of) its evidence: a page
    of ``limit`` rows from ``offset``."""
    sources = _sources_limit(sources_limit, settings.max_sources)

    def run(wh: Store) -> bytes:
        result = wh.beats(model, benchmark, sources_limit=sources, limit=limit, offset=offset)
        for row in result.rows:
            if row.evidence_total is not None and row.evidence_total > len(row.evidence):
                row.more_evidence = _claims_link(row.model, row.benchmark or result.benchmark)
        return result.model_dump_json().encode()

    return await answer(request, gateway, run)


@router.get("/claims", response_model=ClaimPage, responses=NAMED_READ_ERRORS)
async def claims(
    request: Request,
    gateway: GatewayDep,
    settings: SettingsDep,
    model: Annotated[str | None, Query(max_length=200)] = None,
    benchmark: Annotated[str | None, Query(max_length=200)] = None,
    kind: Literal["score", "comparison"] | None = None,
    source: Annotated[str | None, Query(max_length=255)] = None,
    review_status: ReviewStatus | None = None,
    sort: Annotated[str, Query(max_length=40, description="Field to sort by (id, value, model, ...); "
                               "an unknown field is a 400.")] = "id",
    limit: Annotated[int | None, Query(ge=1, description="Page size (default 50), at most the server's "
                                       "max_page_size.")] = None,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> Response:
    """Claims with their provenance, filtered and paginated."""
    if limit is not None and limit > settings.max_page_size:
        raise HTTPException(422, f"limit must be at most {settings.max_page_size}")
    size = limit or min(DEFAULT_PAGE, settings.max_page_size)

    def run(wh: Store) -> bytes:
        page = wh.claims(model=model, benchmark=benchmark, kind=kind, source=source, review_status=review_status,
                         sort=sort, limit=size, offset=offset)
        page.next = next_page(request, offset, size, page.total)
        return page.model_dump_json().encode()

    return await answer(request, gateway, run)


@router.get("/claims/{claim_id}", response_model=ClaimDetail, responses=NAMED_READ_ERRORS)
async def claim(request: Request, gateway: GatewayDep, claim_id: int) -> Response:
    """One claim by id, with its ``document_id`` and ``context``: the paragraph it was read from, where
    ``context.text[context.start:context.end]`` is the quote."""
    return await answer(request, gateway, lambda wh: wh.claim_detail(claim_id).model_dump_json().encode())


@router.get("/claims/{claim_id}/reviews", response_model=list[ReviewEvent], responses=NAMED_READ_ERRORS)
async def claim_reviews(request: Request, gateway: GatewayDep, claim_id: int) -> Response:
    """The claim's review decisions, oldest first (status, previous status, note, reviewer, time)."""
    return await answer(request, gateway, lambda wh: REVIEW_EVENTS.dump_json(wh.review_history(claim_id)))


@router.get("/reviews/queue", response_model=list[ReviewQueueItem], responses=READ_ERRORS)
async def review_queue(
    request: Request, gateway: GatewayDep,
    limit: Annotated[int, Query(ge=1, le=500, description="How many claims to list.")] = DEFAULT_PAGE,
) -> Response:
    """Unreviewed claims to check next: those whose board row has disagreeing sources first, then those
    on the boards with most claims."""
    return await answer(request, gateway, lambda wh: QUEUE_ITEMS.dump_json(wh.review_queue(limit)))


@router.get("/matrix", response_model=Matrix, responses=NAMED_READ_ERRORS)
async def matrix(
    request: Request, gateway: GatewayDep,
    benchmarks: Annotated[str, Query(min_length=1, max_length=2000,
                                     description="Comma-separated benchmark names (at most 20).")],
) -> Response:
    """Models × benchmarks: each model's best value on each board, with the ids of the claims stating it."""
    names = [b.strip() for b in benchmarks.split(",") if b.strip()]
    if not names or len(names) > 20:
        raise HTTPException(400, "give 1 to 20 comma-separated benchmark names")
    return await answer(request, gateway, lambda wh: wh.matrix(names).model_dump_json().encode())
