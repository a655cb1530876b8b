"""The default page of a leaderboard, answered before FastAPI routes the request.

``GET /api/leaderboard?benchmark=NAME`` with nothing else asked is the request the dashboard and most
clients make, and with precomputed boards the store answers it with one read by key (``board_pages``).
Profiled under load (wrk, 32 connections, cache off), the server then spent more of its one Python thread
on Starlette's and FastAPI's middleware chain, route matching, parameter validation and response class than
on the read. This middleware recognises exactly that request and makes the same store call as the route
(``api.routes.reads.leaderboard_page`` with the route's defaults), cached under the same key
(``api.answers.cached_answer``), errors included: the answer is byte for byte the route's
(``tests/api/test_fast_reads.py``). Anything else (another parameter, a repeated or out-of-range name,
another method) goes on to the route, which validates it as always; so does a read that raises (a store
error), whose problem document the route's exception handlers write.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Receive, Scope, Send

from api.answers import cached_answer
from api.gateway import StoreGateway, cache_key, send_answer
from api.routes import reads
from schemas import Settings

PATH = "/api/leaderboard"
MAX_NAME = 200  # the route's ``benchmark`` bound (``Query(min_length=1, max_length=200)``)


def default_page_name(query_string: bytes) -> str | None:
    """The benchmark of a query string that names one benchmark and nothing else, as the route reads it
    (Starlette's decoding), or None when the route must see the request."""
    params = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)
    if len(params) != 1 or params[0][0] != "benchmark" or not 1 <= len(params[0][1]) <= MAX_NAME:
        return None
    return params[0][1]


class DefaultLeaderboards:
    """ASGI middleware: the default leaderboard page without routing (see the module's docstring)."""

    def __init__(self, app: ASGIApp, gateway: StoreGateway, settings: Settings) -> None:
        self.app = app
        self.gateway = gateway
        # the route refuses its own default (422) when the server allows fewer sources per row
        self.enabled = settings.max_sources >= reads.DEFAULT_SOURCES

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.enabled and scope["type"] == "http" and scope["method"] == "GET" and scope["path"] == PATH:
            name = default_page_name(scope["query_string"])
            if name is not None:
                try:
                    hit = await cached_answer(self.gateway, cache_key(scope), reads.leaderboard_page(name))
                except Exception:  # the route's exception handlers answer it (the read is repeated)
                    hit = None
                if hit is not None:
                    await send_answer(scope, send, hit)
                    return
        await self.app(scope, receive, send)
