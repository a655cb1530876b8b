"""Running the app under uvicorn with limits that slow or idle clients cannot exhaust.

* The listening socket is bound here first, so a bad or busy port is one clear line, not
  uvicorn's log plus exit status 3.
* ``HeaderTimeoutProtocol`` closes a connection that has not sent complete request headers
  within ``header_timeout`` seconds (uvicorn itself only times out idle keep-alive connections,
  so 2000 silent connections were held forever); ``body_timeout`` is enforced by
  ``api.limits.BodySizeLimit``.
* ``max_connections`` becomes uvicorn's ``limit_concurrency`` (503 beyond it) and
  ``keep_alive_timeout`` its ``timeout_keep_alive``.
* HTTP is parsed by httptools (C) and the event loop is uvloop's (uvicorn picks it when installed): under
  load the server's one Python thread is the bottleneck, and h11 and asyncio's selector loop took a fifth of it.
"""

from __future__ import annotations

import asyncio
import gc
import socket
from collections.abc import Callable
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from schemas import Settings


class PortUnavailable(OSError):
    """The address cannot be listened on (the message says why)."""


class HeaderTimeoutProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol (its C parser leaves more of the server's one Python thread to the app than
    h11's pure-Python one: ~10-15 % more uncached reads per second) that drops connections which do not finish
    their request headers in time: a deadline armed when a connection opens and after each response, disarmed once
    a request's headers are in."""

    header_timeout = 10.0
    _header_deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def _arm(self) -> None:
        self._disarm()
        self._header_deadline = self.loop.call_later(self.header_timeout, self._headers_too_slow)

    def _disarm(self) -> None:
        if self._header_deadline is not None:
            self._header_deadline.cancel()
            self._header_deadline = None

    def _headers_too_slow(self) -> None:
        self._header_deadline = None
        in_request = self.cycle is not None and not self.cycle.response_complete
        if not in_request and not self.transport.is_closing():
            self.transport.close()

    def on_headers_complete(self) -> None:
        super().on_headers_complete()
        self._disarm()  # a request's headers arrived: the app has it now

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()  # the next request's headers get the same time

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port``; ``PortUnavailable`` (one line) when that is not possible."""
    if not 0 <= port <= 65535:
        raise PortUnavailable(f"port {port} is out of range (0-65535)")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise PortUnavailable(f"cannot resolve host {host!r}: {exc.strerror}") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        reason = "already in use" if exc.errno in (98, 48) else (exc.strerror or str(exc))
        raise PortUnavailable(f"cannot listen on {host}:{port}: {reason}") from None
    sock.set_inheritable(True)
    return sock


def run(app: Any, sock: socket.socket, settings: Settings, on_started: Callable[[str], None] | None = None,
        on_stopping: Callable[[], None] | None = None) -> None:
    """Serve ``app`` on ``sock`` until stopped; ``on_started(url)`` once it listens."""
    import uvicorn

    protocol = type("Protocol", (HeaderTimeoutProtocol,), {"header_timeout": settings.header_timeout})
    host = sock.getsockname()[0]

    class AnnouncingServer(uvicorn.Server):
        async def startup(self, sockets: list | None = None) -> None:  # type: ignore[type-arg]
            await super().startup(sockets)
            if on_started is None or not self.started:
                return
            bound = self.servers[0].sockets[0].getsockname()
            shown = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(host, host)
            shown = f"[{shown}]" if ":" in shown else shown
            on_started(f"http://{shown}:{bound[1]}")

        async def shutdown(self, sockets: list | None = None) -> None:  # type: ignore[type-arg]
            # Before uvicorn re-raises SIGTERM (which ends the process without unwinding).
            if on_stopping is not None:
                on_stopping()
            await super().shutdown(sockets)

    config = uvicorn.Config(app, log_level="info", access_log=False, http=protocol,
                            limit_concurrency=settings.max_connections,
                            timeout_keep_alive=settings.keep_alive_timeout)
    freeze_startup_objects()
    AnnouncingServer(config).run(sockets=[sock])


def freeze_startup_objects() -> None:
    """Move everything allocated so far (modules, the app, the open store's registry of names) out of the garbage
    collector's reach: it lives as long as the process, and a full collection walked all of it. Serving a 1 M-claim
    file, such a collection ran every few seconds and took 69-77 ms on the reader or loop thread while every
    connection waited (the p99 of an uncached board); after this, the one seen during a run took 2 ms. Only garbage
    cycles among these objects are never freed, and they are the process's own long-lived state."""
    gc.collect()
    gc.freeze()
