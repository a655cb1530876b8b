"""Guards that run before a request body is read: the API key, the body's size and its pace.

Pure ASGI middlewares (not Starlette's ``BaseHTTPMiddleware``) so reads pay nothing for them.

* ``WriteKeyGuard``: a write (POST/PUT/PATCH/DELETE under ``/api/``) without the right
  ``X-API-Key`` is answered 401/403/503 from its headers alone: its body is never read or
  parsed, so a stranger cannot make the server buffer megabytes of JSON.
* ``BodySizeLimit``: looks at ``Content-Length`` up front and, for chunked bodies without one,
  counts bytes as they arrive and stops the request the moment the limit is passed (413); a
  body that stalls longer than ``timeout`` seconds between chunks is answered 408.
"""

from __future__ import annotations

import asyncio
import hmac
from collections.abc import Sequence

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.problems import PROBLEM_MEDIA, problem_body

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


async def send_problem(send: Send, status: int, detail: str) -> None:
    body = problem_body(status, detail)
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", PROBLEM_MEDIA.encode()), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def check_key(given: bytes | None, keys: Sequence[bytes]) -> tuple[int, str] | None:
    """None when ``given`` is one of ``keys``; else the status and reason to refuse with.

    Every key is compared, always, in constant time, so the time taken says nothing about which
    key matched or how much of one did.
    """
    if not keys:
        return 503, "writes are disabled: no API key is configured (set BENCHCLAIMS_API_KEY)"
    if not given:
        return 401, "missing X-API-Key header"
    matched = [hmac.compare_digest(given, k) for k in keys]
    if not any(matched):
        return 403, "wrong API key"
    return None


class WriteKeyGuard:
    def __init__(self, app: ASGIApp, keys: Sequence[bytes]) -> None:
        self.app = app
        self.keys = list(keys)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in WRITE_METHODS and str(scope["path"]).startswith("/api/"):
            given = next((v for k, v in scope["headers"] if k == b"x-api-key"), None)
            refused = check_key(given, self.keys)
            if refused is not None:
                await send_problem(send, *refused)
                return
        await self.app(scope, receive, send)


class BodySizeLimit:
    def __init__(self, app: ASGIApp, max_bytes: int, timeout: float | None = None) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.timeout = timeout

    def _declared_too_big(self, scope: Scope) -> bool:
        """A ``Content-Length`` over the limit (or one that is not a number)."""
        for name, value in scope["headers"]:
            if name == b"content-length":
                try:
                    return int(value) > self.max_bytes
                except ValueError:
                    return True
        return False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        if self._declared_too_big(scope):
            await send_problem(send, 413, f"request body larger than {self.max_bytes} bytes")
            return
        guard = _GuardedBody(receive, send, self.max_bytes, self.timeout)
        try:
            await self.app(scope, guard.receive, guard.send)
        except Exception:
            if not guard.rejected:
                raise


class _GuardedBody:
    """The request body as the app reads it: counted (413 past the limit) and timed (408 on a stall).

    The app's body parser would turn an exception into its own 400, so the answer is sent here,
    the app is told the client went away, and whatever it sends after is dropped.
    """

    def __init__(self, receive: Receive, send: Send, max_bytes: int, timeout: float | None) -> None:
        self._receive = receive
        self._send = send
        self.max_bytes = max_bytes
        self.timeout = timeout
        self.seen = 0
        self.rejected = False

    async def _refuse(self, status: int, detail: str) -> Message:
        self.rejected = True
        await send_problem(self._send, status, detail)
        return {"type": "http.disconnect"}

    async def receive(self) -> Message:
        if self.rejected:
            return {"type": "http.disconnect"}
        try:
            message = await asyncio.wait_for(self._receive(), self.timeout)
        except TimeoutError:
            return await self._refuse(408, f"request body not received within {self.timeout:g} s")
        if message["type"] == "http.request":
            self.seen += len(message.get("body", b""))
            if self.seen > self.max_bytes:
                return await self._refuse(413, f"request body larger than {self.max_bytes} bytes")
        return message

    async def send(self, message: Message) -> None:
        if not self.rejected:
            await self._send(message)
