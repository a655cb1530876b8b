"""The REST API and the dashboard: a thin FastAPI layer over the warehouse and the extractor.

``create_app`` only wires: it opens the store behind a gateway (``api.gateway``: one lock, a
version counter and a byte-bounded cache of finished answers with strong ETags), puts it and
the settings on ``app.state`` for the typed dependencies of ``api.deps``, adds the guards that
run before a body is read (``api.limits``), turns every error into an RFC 9457 problem
(``api.problems``) and includes the routers of ``api.routes``.

Writes (posting a document, reviewing a claim) need the ``X-API-Key`` header, compared in
constant time against ``BENCHCLAIMS_API_KEY`` or the random per-process token ``benchclaims
serve`` writes to its owner-only sidecar (``warehouse.owner``), and are refused while neither exists.
"""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from api import problems
from api.fast_reads import DefaultLeaderboards
from api.gateway import CachedReads, StoreGateway
from api.limits import BodySizeLimit, WriteKeyGuard
from api.routes import dashboard, documents, exports, reads, writes
from schemas import Settings, get_settings

if TYPE_CHECKING:
    from warehouse import Store


def open_gateway(db: str, settings: Settings, writable: bool) -> StoreGateway:
    """The server's store (never forwarded to another server) behind its lock and answer cache.

    Without a key or token (an embedded, read-only app), an existing store is opened read-only.
    """
    from warehouse import open_store

    write = writable or not Path(db).exists()

    def reopen() -> Store:
        return open_store(db, write=write, forward=False)

    return StoreGateway(reopen(), cache_bytes=settings.cache_max_bytes, time_limit=settings.query_time_limit or None,
                        reopen=reopen, read_threads=settings.read_threads or None)


def create_app(settings: Settings | None = None, db_path: str | None = None,
               server_token: str | None = None) -> FastAPI:
    """Build the app over the warehouse at ``db_path`` (default: ``settings.db``).

    ``benchclaims serve`` passes a random ``server_token`` (also written to its sidecar): the
    server then owns the file read-write for its lifetime and takes ingests forwarded by
    ``benchclaims ingest``. Built with neither a token nor an API key (an embedded, read-only
    app), an existing file is opened read-only. A folder (or a name ending in ``/``) or a
    ``postgresql://`` URI is a lake (DuckLake) that other processes may write meanwhile; cached answers are
    dropped when it changes.
    """
    settings = settings or get_settings()
    db = db_path or settings.db
    api_key = settings.api_key.get_secret_value().encode() if settings.api_key else None
    keys = [k for k in (api_key, server_token.encode() if server_token else None) if k]
    gateway = open_gateway(db, settings, writable=bool(keys))

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
    app.state.store_kind = gateway.store.kind
    app.state.settings = settings
    app.state.keys = keys
    app.state.instance = secrets.token_hex(8)
    app.state.db_path = str(Path(db).resolve())
    # Outermost last: CORS, then the cache of finished reads, the default leaderboard page (api.fast_reads), the
    # key check and the body limits.
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_request_bytes, timeout=settings.body_timeout)
    app.add_middleware(WriteKeyGuard, keys=keys)
    app.add_middleware(DefaultLeaderboards, gateway=gateway, settings=settings)
    app.add_middleware(CachedReads, gateway=gateway)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST", "PATCH"],
                           allow_headers=["Content-Type", "X-API-Key", "If-None-Match"], expose_headers=["ETag"])
    problems.install(app)
    for module in (reads, exports, documents, writes, dashboard):
        app.include_router(module.router)
    app.include_router(documents.reads)
    app.mount("/static", StaticFiles(directory=dashboard.STATIC_DIR), name="static")
    return app
