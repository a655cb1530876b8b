"""Every error the REST API gives is an RFC 9457 problem (``application/problem+json``).

``type``, ``title``, ``status`` and ``detail`` always; unknown names add ``kind``, ``name`` and
``suggestions``; validation errors add ``errors`` (FastAPI's list). The same shapes are
documented in OpenAPI (``PROBLEM_RESPONSES`` and friends), so what a client reads in
``/openapi.json`` is what it gets.
"""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_MEDIA = "application/problem+json"


class Problem(BaseModel):
    """An RFC 9457 problem document."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    kind: str | None = Field(default=None, description="Unknown names: model, benchmark or claim.")
    name: str | None = Field(default=None, description="Unknown names: the name asked for.")
    suggestions: list[str] | None = Field(default=None, description="Unknown names: close matches.")
    errors: list[dict[str, Any]] | None = Field(default=None, description="Validation errors, one per field.")


def problem_body(status: int, detail: str, **extra: Any) -> bytes:
    """The JSON bytes of a problem (``extra`` keys whose value is None are left out)."""
    try:
        title = HTTPStatus(status).phrase
    except ValueError:
        title = "Error"
    payload: dict[str, Any] = {"type": "about:blank", "title": title, "status": status, "detail": detail}
    payload.update({k: v for k, v in extra.items() if v is not None})
    return json.dumps(payload, ensure_ascii=False, default=str).encode()


def problem(status: int, detail: str, headers: dict[str, str] | None = None, **extra: Any) -> Response:
    return Response(problem_body(status, detail, **extra), status_code=status, media_type=PROBLEM_MEDIA,
                    headers=headers)


def unknown_name_extra(exc: Exception) -> dict[str, Any]:
    kind = str(getattr(exc, "kind", "name"))
    name = str(getattr(exc, "name", ""))
    return {"detail": f"unknown {kind} {name!r}", "kind": kind, "name": name,
            "suggestions": list(getattr(exc, "suggestions", []) or [])}


def _json_safe(errors: list[Any]) -> list[dict[str, Any]]:
    out = []
    for e in errors:
        if isinstance(e, dict):
            out.append({k: v for k, v in e.items() if k in ("type", "loc", "msg")})
    return json.loads(json.dumps(out, default=str))  # type: ignore[no-any-return]


def install(app: FastAPI) -> None:
    """Turn every error into a problem document."""
    from warehouse import StoreError, StoreUnsupported, UnknownName

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> Response:
        return problem(exc.status_code, str(exc.detail), headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> Response:
        errors = _json_safe(list(exc.errors()))
        if any(e.get("type") == "json_invalid" for e in errors):
            return problem(400, "the request body is not valid JSON", errors=errors)
        detail = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}" for e in errors)
        return problem(422, detail or "invalid request", errors=errors)

    @app.exception_handler(UnknownName)
    async def unknown_name(_: Request, exc: UnknownName) -> Response:
        extra = unknown_name_extra(exc)
        return problem(404, extra.pop("detail"), **extra)

    @app.exception_handler(StoreUnsupported)
    async def unsupported(_: Request, exc: StoreUnsupported) -> Response:
        return problem(409, str(exc))

    @app.exception_handler(StoreError)
    async def store_error(_: Request, exc: StoreError) -> Response:
        return problem(503, str(exc))

    @app.exception_handler(Exception)
    async def internal_error(_: Request, exc: Exception) -> Response:
        return problem(500, f"internal error ({type(exc).__name__})")


_SCHEMA = Problem.model_json_schema()


def documented(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries for these error statuses, as problem documents."""
    return {s: {"description": DESCRIPTIONS.get(s, HTTPStatus(s).phrase),
                "content": {PROBLEM_MEDIA: {"schema": _SCHEMA}}} for s in statuses}


DESCRIPTIONS = {
    400: "Bad request: an unknown query parameter, an unknown sort field or kind, or a body that is not JSON",
    401: "No X-API-Key header",
    403: "Wrong API key",
    404: "Unknown name or id, with close matches",
    408: "The request body was not received in time",
    409: "Not possible on this store",
    413: "Body larger than max_request_bytes, or a posted file larger than max_file_bytes",
    422: "Invalid parameters or body",
    503: "Writes are disabled (no API key), or the query ran past the time limit",
}

READ_ERRORS = documented(400, 422, 503)
NAMED_READ_ERRORS = documented(400, 404, 422, 503)
WRITE_ERRORS = documented(400, 401, 403, 408, 413, 422, 503)
