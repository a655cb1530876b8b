"""The server's single handle on its store: serialised access plus a cache of answers.

DuckDB allows one writing process, so the server keeps one ``Store`` (``warehouse.open_store``)
open for its whole life. A lock serialises every call into it (reads are rare once cached;
writes are rarer), which keeps thread-safety trivially correct whatever the store does inside.

Answers are cached as finished response bodies keyed by the normalised query, bounded in bytes,
and every entry carries the store *version*: a counter this process bumps on each write (and
when a lake store reports that other writers changed it). Since no other process can write
while the server holds a file, the counter is the whole truth about staleness, and a hot
leaderboard costs a dict lookup instead of a query plus JSON encoding.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Receive, Scope, Send

if TYPE_CHECKING:
    from warehouse import Store

T = TypeVar("T")

CACHE_CONTROL = "no-cache"  # always revalidate: the ETag makes that a cheap 304


@dataclass(frozen=True)
class Answer:
    """A finished response: status, body bytes, media type and a strong ETag of the body."""

    status: int
    body: bytes
    media_type: str
    etag: str
    version: int
    filename: str | None = None

    def reply(self, if_none_match: str | None) -> tuple[int, dict[str, str], bytes]:
        """Status, headers and body for a request carrying ``If-None-Match`` (or not)."""
        headers = {"etag": self.etag, "cache-control": CACHE_CONTROL}
        if self.filename:
            headers["content-disposition"] = f'attachment; filename="{self.filename}"'
        if self.status == 200 and if_none_match and self._matches(if_none_match):
            return 304, headers, b""
        headers["content-type"] = self.media_type
        return self.status, headers, self.body

    def _matches(self, if_none_match: str) -> bool:
        """RFC 9110 weak comparison against a list of tags (or ``*``)."""
        tags = [t.strip().removeprefix("W/") for t in if_none_match.split(",")]
        return "*" in tags or self.etag in tags


def make_answer(status: int, body: bytes, media_type: str, version: int, filename: str | None = None) -> Answer:
    etag = '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'
    return Answer(status, body, media_type, etag, version, filename)


def cache_key(scope: Scope) -> str:
    """The request normalised: path plus its query parameters decoded, last value of a name winning
    (as FastAPI reads them) and sorted, so ``?b=AIME+2024&a=1`` and ``?a=1&b=AIME%202024`` share an
    entry. Only answers of requests whose every parameter is known are ever stored (an unknown
    parameter is a 400 before anything is computed), so junk parameters cannot fill the cache.
    """
    query = bytes(scope["query_string"]).decode("latin-1")
    params = dict(parse_qsl(query, keep_blank_values=True))
    return str(scope["path"]) + "?" + urlencode(sorted(params.items()))


class Watchdog:
    """One thread for the gateway's life that interrupts the running query once it passes its deadline.

    A thread started per query cost more than a small query (a start and two switches each time); this one
    looks at the deadline every ``tick`` and, once it has passed, interrupts every 5 ms until the query gives
    up (DuckDB forgets an interrupt that arrives between two queries, so one call is not enough). Arming it is
    setting a number.
    """

    def __init__(self, seconds: float, interrupt: Callable[[], None]) -> None:
        self.seconds = seconds
        self._interrupt = interrupt
        self._tick = min(0.25, seconds / 4)
        self._deadline: float | None = None
        self._thread: threading.Thread | None = None

    def arm(self) -> None:
        self._deadline = time.monotonic() + self.seconds
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, daemon=True, name="query-watchdog")
            self._thread.start()

    def disarm(self) -> None:
        self._deadline = None

    def close(self) -> None:
        """Let the thread end (``arm`` starts another)."""
        self._thread = None

    def _run(self) -> None:
        while self._thread is threading.current_thread():
            deadline = self._deadline
            overdue = deadline is not None and time.monotonic() >= deadline
            if overdue:
                self._interrupt()
            time.sleep(0.005 if overdue else self._tick)


class StoreGateway:
    """Owns the open store, the lock, the version counter and the answer cache."""

    def __init__(self, store: Store, cache_bytes: int = 64_000_000, time_limit: float | None = None,
                 reopen: Callable[[], Store] | None = None, read_threads: int | None = None) -> None:
        self.store = store
        self.db_path = store.location
        self.read_only = store.read_only
        self._reopen = reopen
        self._lock = threading.RLock()  # serialises store calls
        self._cache_lock = threading.Lock()  # guards the LRU (touched from the event loop and worker threads)
        self._version = 0
        self._cache: OrderedDict[str, Answer] = OrderedDict()
        self._cache_bytes = cache_bytes  # bound on the bodies (and keys) held
        self._held = 0
        self._watchdog = Watchdog(time_limit, lambda: self.store.interrupt()) if time_limit else None
        self._reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-reader")
        self._closed = False
        # Reads run on this many engine threads, writes on the engine's default (see ``write``).
        self._read_threads = read_threads
        store.set_threads(read_threads)

    @property
    def cache_held_bytes(self) -> int:
        """Bytes of bodies and keys the answer cache holds now (never above its bound)."""
        return self._held

    @property
    def version(self) -> int:
        return self._version

    def _drop_all(self) -> None:
        self._cache.clear()
        self._held = 0

    def _bump(self) -> None:
        with self._cache_lock:
            self._version += 1
            self._drop_all()

    def _refresh(self) -> None:
        """A store others write to (a lake) says when its data changed: every cached answer is then stale."""
        if self.store.refresh():
            self._bump()

    def cached(self, key: str) -> Answer | None:
        """The cached answer for ``key`` if it was computed at the current version."""
        self._refresh()
        with self._cache_lock:
            hit = self._cache.get(key)
            if hit is None or hit.version != self._version:
                return None
            self._cache.move_to_end(key)
            return hit

    def remember(self, key: str, answer: Answer) -> Answer:
        # An answer computed before a concurrent write finished is served once but not kept.
        size = len(answer.body) + len(key) + 200  # + the Answer's own overhead
        with self._cache_lock:
            if answer.version == self._version and size <= self._cache_bytes // 4:
                old = self._cache.pop(key, None)
                if old is not None:
                    self._held -= len(old.body) + len(key) + 200
                self._cache[key] = answer
                self._held += size
                while self._held > self._cache_bytes and self._cache:
                    k, dropped = self._cache.popitem(last=False)
                    self._held -= len(dropped.body) + len(k) + 200
        return answer

    def read(self, fn: Callable[[Store], T]) -> tuple[T, int]:
        """Run a query under the lock; returns its result and the version it was computed at.

        With a time limit, a query still running when it passes is interrupted (DuckDB raises
        ``QueryInterrupted``), so one expensive request cannot hold the lock for long.
        """
        self._refresh()
        with self._lock:
            if self._watchdog is None:
                return fn(self.store), self._version
            self._watchdog.arm()
            try:
                return fn(self.store), self._version
            finally:
                self._watchdog.disarm()

    async def run(self, fn: Callable[..., T], *args: object) -> T:
        """Run ``fn(*args)`` (a read under ``read``) on the gateway's one reader thread.

        Reads are serialised by the lock anyway: queued for one thread they run one after another, where
        a pool of threads would all wake to wait for the lock (measured: uncached reads ~2x slower).
        """
        return await asyncio.get_running_loop().run_in_executor(self._reader, functools.partial(fn, *args))

    def write(self, fn: Callable[[Store], T]) -> T:
        """Run a change under the lock and invalidate every cached answer.

        A change runs on every engine thread (an ingest inserts, compresses and rebuilds boards in parallel); reads run
        on ``read_threads``: an uncached board is a few reads by key, which cost more CPU when DuckDB hands them to a
        worker thread (~0.2 ms of ~1 ms a request, measured under wrk), and one read cannot take every core.
        """
        if self.read_only:
            raise PermissionError("the warehouse is open read-only")
        with self._lock:
            if self._read_threads is not None:
                self.store.set_threads(None)
            try:
                return fn(self.store)
            finally:
                if self._read_threads is not None:
                    self.store.set_threads(self._read_threads)
                self._bump()

    def close(self) -> None:
        with self._lock:
            self.store.close()
            self._closed = True
            if self._watchdog is not None:
                self._watchdog.close()

    def reopen(self) -> None:
        """Open the store again after ``close`` (an app whose lifespan is run a second time)."""
        with self._lock:
            if self._closed and self._reopen is not None:
                self.store = self._reopen()
                self.store.set_threads(self._read_threads)
                self._closed = False
                self._bump()


class CachedReads:
    """ASGI middleware: answer a GET whose URL is in the cache without routing or validation.

    Only answers an endpoint already produced (and so validated) at the current version are
    served, so this changes how fast a repeat is answered, never what it says.
    """

    def __init__(self, app: ASGIApp, gateway: StoreGateway) -> None:
        self.app = app
        self.gateway = gateway

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            hit = self.gateway.cached(cache_key(scope))
            if hit is not None:
                await send_answer(scope, send, hit)
                return
        await self.app(scope, receive, send)


async def send_answer(scope: Scope, send: Send, answer: Answer) -> None:
    """Send ``answer`` as the response to the request of ``scope`` (a 304 if its ``If-None-Match`` matches),
    as ``api.answers.respond`` does through Starlette."""
    if_none_match = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"if-none-match"), None)
    status, headers, body = answer.reply(if_none_match)
    raw = [(k.encode(), v.encode("latin-1")) for k, v in headers.items()]
    raw.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})
