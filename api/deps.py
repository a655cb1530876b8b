"""Typed dependencies of the routes: the gateway to the app's ``Store``, its settings, the API key, known parameters.

All are ``async def``: they never block, and FastAPI would run a plain ``def`` in its thread pool.
Each route declares what it needs with an ``Annotated`` alias (``GatewayDep``, ``SettingsDep``,
``WriteKey``), so ``create_app`` only builds the objects and puts them on ``app.state``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from fastapi.security import APIKeyHeader

from api.gateway import StoreGateway
from api.limits import check_key
from schemas import Settings


async def get_gateway(request: Request) -> StoreGateway:
    gateway: StoreGateway = request.app.state.gateway
    return gateway


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


GatewayDep = Annotated[StoreGateway, Depends(get_gateway)]
SettingsDep = Annotated[Settings, Depends(get_settings)]

api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="Key for the write endpoints.")


async def require_key(request: Request, given: Annotated[str | None, Depends(api_key_header)]) -> None:
    """The write key, checked again here (``api.limits.WriteKeyGuard`` already refused a wrong one
    before the body was read); declared as a dependency so OpenAPI shows the security scheme."""
    refused = check_key(given.encode() if given else None, request.app.state.keys)
    if refused is not None:
        raise HTTPException(*refused)


WriteKey = Depends(require_key)

_ALLOWED: dict[int, frozenset[str]] = {}


def _query_names(dependant: Dependant) -> set[str]:
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


async def known_parameters(request: Request) -> None:
    """400 for a query parameter the endpoint does not take (a typo, or junk meant to defeat the cache)."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    allowed = _ALLOWED.get(id(route))
    if allowed is None:
        allowed = frozenset(_query_names(route.dependant))
        _ALLOWED[id(route)] = allowed
    unknown = sorted({k for k in request.query_params if k not in allowed})
    if unknown:
        takes = ", ".join(sorted(allowed)) or "none"
        shown = ", ".join(repr(u[:40]) for u in unknown[:5])
        raise HTTPException(400, f"unknown query parameter(s) {shown}; this endpoint takes: {takes}")


KnownParameters = Depends(known_parameters)
