"""Reads answered through the gateway's cache: compute once per version, errors included."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from fastapi import Request
from fastapi.responses import Response

from api.gateway import Answer, StoreGateway, cache_key, make_answer
from api.problems import PROBLEM_MEDIA, problem_body, unknown_name_extra

if TYPE_CHECKING:
    from warehouse import Store


def _compute(gateway: StoreGateway, key: str, fn: Callable[[Store], bytes], media_type: str,
             filename: str | None) -> Answer:
    """Run ``fn`` against the store and cache the finished response (errors included)."""
    from warehouse import QueryInterrupted, UnknownName

    try:
        body, version = gateway.read(fn)
        answer = make_answer(200, body, media_type, version, filename)
    except UnknownName as exc:
        extra = unknown_name_extra(exc)
        answer = make_answer(404, problem_body(404, extra.pop("detail"), **extra), PROBLEM_MEDIA, gateway.version)
    except ValueError as exc:  # the warehouse's word on a bad parameter (an unknown sort key, ...)
        answer = make_answer(400, problem_body(400, str(exc)), PROBLEM_MEDIA, gateway.version)
    except QueryInterrupted:  # ran past the time limit: not cached, a later try may be luckier
        return make_answer(503, problem_body(503, "the query ran past the server's time limit"), PROBLEM_MEDIA, -1)
    return gateway.remember(key, answer)


def respond(request: Request, answer: Answer) -> Response:
    status, headers, body = answer.reply(request.headers.get("if-none-match"))
    return Response(content=body, status_code=status, headers=headers)


async def answer(request: Request, gateway: StoreGateway, fn: Callable[[Store], bytes],
                 media_type: str = "application/json", filename: str | None = None) -> Response:
    """The cached answer to this request, computed in a worker thread when missing.

    Keyed by the normalised request (``cache_key``) so the ``CachedReads`` middleware can answer
    repeats before routing; the route has already refused unknown parameters.
    """
    return respond(request, await cached_answer(gateway, cache_key(request.scope), fn, media_type, filename))


async def cached_answer(gateway: StoreGateway, key: str, fn: Callable[[Store], bytes],
                        media_type: str = "application/json", filename: str | None = None) -> Answer:
    """The answer cached under ``key``, else ``fn``'s computed on the gateway's reader thread (and cached)."""
    hit = gateway.cached(key)
    if hit is None:
        hit = await gateway.run(_compute, gateway, key, fn, media_type, filename)
    return hit
