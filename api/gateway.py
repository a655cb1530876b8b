"""The server's single handle on the warehouse: serialised access plus a cache of answers.

DuckDB allows one writing process, so the server keeps one ``Warehouse`` open for its whole
life. A lock serialises every call into it (reads are rare once cached; writes are rarer),
which keeps thread-safety trivially correct whatever the warehouse does internally.

Answers are cached as finished response bodies keyed by the query, and every entry carries
the warehouse *version*: a counter this process bumps on each write. Since no other process
can write while the server holds the file, the counter is the whole truth about staleness,
and a hot leaderboard costs a dict lookup instead of a query plus JSON encoding.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Receive, Scope, Send

if TYPE_CHECKING:
    from schemas import Extraction, IngestOutcome
    from warehouse import Warehouse

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


class WarehouseGateway:
    """Owns the open warehouse, the write lock, the version counter and the answer cache."""

    lake = False  # a DuckDB file; ``LakeGateway`` serves a Parquet folder

    def __init__(self, db_path: str, read_only: bool, cache_bytes: int = 64_000_000,
                 time_limit: float | None = None) -> None:
        self.db_path = db_path
        self.read_only = read_only
        self._wh: Warehouse = self._open()
        self._lock = threading.RLock()  # serialises warehouse calls
        self._cache_lock = threading.Lock()  # guards the LRU (touched from the event loop and worker threads)
        self._version = 0
        self._cache: OrderedDict[str, Answer] = OrderedDict()
        self._cache_bytes = cache_bytes  # bound on the bodies (and keys) held
        self._held = 0
        self._time_limit = time_limit

    @property
    def cache_held_bytes(self) -> int:
        """Bytes of bodies and keys the answer cache holds now (never above its bound)."""
        return self._held

    def _drop_all(self) -> None:
        self._cache.clear()
        self._held = 0

    def _open(self) -> Warehouse:
        from warehouse import Warehouse

        if not self.read_only:
            Path(self.db_path).parent.mkdir(parents=True, exist_ok=True)
        return Warehouse(self.db_path, read_only=self.read_only)

    @property
    def version(self) -> int:
        return self._version

    def cached(self, key: str) -> Answer | None:
        """The cached answer for ``key`` if it was computed at the current version."""
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

    def read(self, fn: Callable[[Warehouse], T]) -> tuple[T, int]:
        """Run a query under the lock; returns its result and the version it was computed at.

        With a time limit, a query still running when it passes is interrupted (DuckDB raises
        ``QueryInterrupted``), so one expensive request cannot hold the lock for long.
        """
        with self._lock:
            if not self._time_limit:
                return fn(self._wh), self._version
            timer = threading.Timer(self._time_limit, self._wh.interrupt)
            timer.daemon = True
            timer.start()
            try:
                return fn(self._wh), self._version
            finally:
                timer.cancel()

    def write(self, fn: Callable[[Warehouse], T]) -> T:
        """Run a change under the lock and invalidate every cached answer."""
        if self.read_only:
            raise PermissionError("the warehouse is open read-only")
        with self._lock:
            try:
                return fn(self._wh)
            finally:
                with self._cache_lock:
                    self._version += 1
                    self._drop_all()

    def close(self) -> None:
        with self._lock:
            self._wh.close()
            self._closed = True

    def reopen(self) -> None:
        """Open the warehouse again after ``close`` (an app whose lifespan is run a second time)."""
        with self._lock:
            if getattr(self, "_closed", False):
                self._wh = self._open()
                self._closed = False
                with self._cache_lock:
                    self._version += 1
                    self._drop_all()


class LakeGateway(WarehouseGateway):
    """Serves a lake (a folder of Parquet batches any number of ingest processes append to).

    Queries run on an in-memory snapshot of the lake. The lake's version (file names, sizes,
    mtimes) is checked at most every ``refresh_seconds``; when it changed, a new snapshot is
    built *outside* the lock (reads keep being answered from the old one) and swapped in, and
    the cache is dropped. Review statuses live in the snapshot only, so they are refused.
    """

    lake = True

    def __init__(self, db_path: str, read_only: bool = False, cache_bytes: int = 64_000_000,
                 time_limit: float | None = None, refresh_seconds: float = 1.0) -> None:
        from warehouse.lake import Lake

        self._lake = Lake(db_path)
        self._lake_version = ""
        self._refresh_seconds = refresh_seconds
        self._checked = 0.0
        self._refresh_lock = threading.Lock()
        super().__init__(db_path, read_only, cache_bytes, time_limit)

    def _open(self) -> Warehouse:
        self._lake_version = self._lake.version()
        wh, _ = self._lake.snapshot()
        self._checked = time.monotonic()
        return wh

    def refresh(self, force: bool = False) -> None:
        """Rebuild the snapshot if the lake changed (one thread at a time; the others go on reading)."""
        if not force and time.monotonic() - self._checked < self._refresh_seconds:
            return
        if not self._refresh_lock.acquire(blocking=force):
            return
        try:
            self._checked = time.monotonic()
            if self._lake.version() == self._lake_version:
                return
            fresh = self._open()
            with self._lock:
                old, self._wh = self._wh, fresh
                with self._cache_lock:
                    self._version += 1
                    self._drop_all()
            old.close()
        finally:
            self._refresh_lock.release()

    def cached(self, key: str) -> Answer | None:
        self.refresh()
        return super().cached(key)

    def read(self, fn: Callable[[Warehouse], T]) -> tuple[T, int]:
        self.refresh()
        return super().read(fn)

    def append(self, extraction: Extraction) -> IngestOutcome:
        """Store a posted document: idempotency judged on the snapshot, the batch appended to the lake."""
        outcome = self.write(lambda wh: wh.store(extraction))
        if outcome.status != "unchanged":
            self._lake.append([extraction])
        return outcome


class CachedReads:
    """ASGI middleware: answer a GET whose URL is in the cache without routing or validation.

    Only answers an endpoint already produced (and so validated) at the current version are
    served, so this changes how fast a repeat is answered, never what it says.
    """

    def __init__(self, app: ASGIApp, gateway: WarehouseGateway) -> None:
        self.app = app
        self.gateway = gateway

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            hit = self.gateway.cached(cache_key(scope))
            if hit is not None:
                if_none_match = None
                for name, value in scope["headers"]:
                    if name == b"if-none-match":
                        if_none_match = value.decode("latin-1")
                status, headers, body = hit.reply(if_none_match)
                raw = [(k.encode(), v.encode("latin-1")) for k, v in headers.items()]
                raw.append((b"content-length", str(len(body)).encode()))
                await send({"type": "http.response.start", "status": status, "headers": raw})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)
