"""How requests reach the server: a health check first, then retries, a circuit breaker and a 429 brake.

Why our own policy instead of the openai client's retries: a client that retries a dead server
four times per chunk, 32 chunks at a time, takes minutes to say nothing useful ("Request timed
out", though the connection was refused); and a server that answers 429 wants fewer requests in
flight, not the same number again after a pause. So the openai client runs with
``max_retries=0`` and every HTTP attempt goes through ``Transport.call``:

* **health check** (``check_server``, before a run): ``GET {base_url}/models`` with a short
  timeout; unreachable, not an OpenAI-compatible server, or not serving the configured model is
  one line naming the URL (``LLMUnreachable``), within ``HEALTH_TIMEOUT`` seconds;
* **retries**: HTTP 5xx, timeouts and connection errors are retried with exponential backoff
  and jitter (``Retry-After`` / ``retry-after-ms`` honoured), up to ``retries`` times; other 4xx
  are not retried;
* **circuit breaker**: ``BREAKER_FAILURES`` connection failures in a row (timeouts included)
  with no success in between open the breaker; from then on every call fails at once with
  ``LLMServerDown`` naming the URL (the backend falls back to rules for those chunks and
  reports it), instead of waiting out the retries of every chunk;
* **429 brake** (``AdaptiveLimit``): requests in flight are capped by a limit that starts at
  ``llm_concurrency``, halves on a 429 (once per wave of requests) and grows back
  by one after a run of successes (AIMD, as TCP does), so a rate-limited client slows down
  instead of hammering (a 429 is retried up to ``THROTTLED_RETRIES`` more times than an error);
* **accounting**: each answered request adds its ``usage`` (prompt, completion and cached
  prompt tokens) and whether it was a re-ask to the ``RequestStats`` current in the calling
  task (a ``contextvars`` variable the backend sets per chunk).
"""

from __future__ import annotations

import asyncio
import contextvars
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

HEALTH_TIMEOUT = 5.0
REASK_MARK = "Note: a previous answer to these excerpts"  # the grounding re-ask's feedback (backend._feedback)
BREAKER_FAILURES = 3
THROTTLED_RETRIES = 20  # a 429 is retried this many more times than other errors (it asks us to wait)
BACKOFF_BASE = 0.25
BACKOFF_MAX = 8.0


class LLMUnreachable(RuntimeError):
    """The LLM server cannot be used for this run (the message is one line naming the URL)."""


class LLMServerDown(RuntimeError):
    """The circuit breaker is open: the server stopped answering during the run."""


class OutputTruncated(RuntimeError):
    """The server stopped the answer at ``max_tokens`` (``finish_reason == "length"``); ``text`` is what came."""

    def __init__(self, text: str) -> None:
        super().__init__(f"answer cut at max_tokens after {len(text)} characters (finish_reason=length)")
        self.text = text


@dataclass
class RequestStats:
    """What the requests made for one chunk cost (added to the document's ``ExtractionStats``)."""

    requests: int = 0
    reasks: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_tokens: int = 0
    finish_reasons: list[str] = field(default_factory=list)


CURRENT: contextvars.ContextVar[RequestStats | None] = contextvars.ContextVar("benchclaims_llm_request_stats",
                                                                              default=None)


def root_cause(exc: BaseException) -> BaseException:
    """The innermost exception of a ``__cause__`` / ``__context__`` chain (ConnectionRefusedError, ...)."""
    seen = {id(exc)}
    while True:
        nxt = exc.__cause__ or exc.__context__
        if nxt is None or id(nxt) in seen:
            return exc
        seen.add(id(nxt))
        exc = nxt


def describe_connection_error(exc: BaseException) -> str:
    """'connection refused' rather than openai's 'Request timed out.' for a refused connection."""
    root = root_cause(exc)
    if isinstance(root, ConnectionRefusedError):
        return "connection refused"
    if isinstance(root, TimeoutError) or "Timeout" in type(root).__name__:
        return "no answer (timed out)"
    text = str(root).strip().splitlines()[0] if str(root).strip() else ""
    return f"{type(root).__name__}: {text}"[:200]


def check_server(base_url: str, model: str, api_key: str = "EMPTY", timeout: float = HEALTH_TIMEOUT) -> None:
    """Raise ``LLMUnreachable`` (one line, naming ``base_url``) unless the server lists ``model`` or lists none.

    Uses httpx (a core dependency), so it works without the ``[llm]`` extra and before any
    request is built.
    """
    import httpx

    url = base_url.rstrip("/") + "/models"
    try:
        r = httpx.get(url, headers={"Authorization": f"Bearer {api_key}"}, timeout=timeout)
    except httpx.TimeoutException:
        raise LLMUnreachable(f"LLM server at {base_url} is unreachable: no answer within {timeout:g} s") from None
    except httpx.HTTPError as exc:
        raise LLMUnreachable(f"LLM server at {base_url} is unreachable: {describe_connection_error(exc)}") from None
    if r.status_code in (401, 403):
        raise LLMUnreachable(f"LLM server at {base_url} refused the API key (HTTP {r.status_code}); "
                             "set BENCHCLAIMS_LLM_API_KEY")
    if r.status_code != 200:
        raise LLMUnreachable(f"LLM server at {base_url} is not an OpenAI-compatible server: GET /models answered "
                             f"HTTP {r.status_code}")
    try:
        served = [str(m.get("id")) for m in r.json().get("data", []) if isinstance(m, dict)]
    except (ValueError, AttributeError):
        raise LLMUnreachable(f"LLM server at {base_url} is not an OpenAI-compatible server: GET /models did not "
                             "answer JSON") from None
    if served and model not in served:
        raise LLMUnreachable(f"LLM server at {base_url} does not serve model {model!r} (it serves: "
                             f"{', '.join(served[:5])}); set BENCHCLAIMS_LLM_MODEL to the served name")


class AdaptiveLimit:
    """A semaphore whose size halves on 429 and grows back on success (see the module docstring).

    Halving happens once per wave: a 429 for a request sent before the last halving (its
    ``generation`` is older) is the same congestion already answered, as TCP reacts once per
    round trip.
    """

    def __init__(self, limit: int) -> None:
        self.max = max(1, limit)
        self.limit = float(self.max)
        self.in_flight = 0
        self.min_seen = self.max
        self.generation = 0
        self._cond = asyncio.Condition()

    async def acquire(self) -> int:
        async with self._cond:
            await self._cond.wait_for(lambda: self.in_flight < int(self.limit))
            self.in_flight += 1
            return self.generation

    async def release(self, generation: int, *, ok: bool, throttled: bool = False) -> None:
        async with self._cond:
            self.in_flight -= 1
            if throttled and generation == self.generation:
                self.generation += 1
                self.limit = max(1.0, self.limit / 2)
                self.min_seen = min(self.min_seen, int(self.limit))
            elif ok and self.limit < self.max:
                self.limit = min(float(self.max), self.limit + 1 / self.limit)
            self._cond.notify_all()


def _retry_after(exc: Any) -> float | None:
    headers = getattr(getattr(exc, "response", None), "headers", None) or {}
    try:
        if "retry-after-ms" in headers:
            return float(headers["retry-after-ms"]) / 1000
        if "retry-after" in headers:
            return float(headers["retry-after"])
    except (TypeError, ValueError):
        return None
    return None


def _backoff(attempt: int) -> float:
    return min(BACKOFF_MAX, BACKOFF_BASE * 2 ** attempt) * (0.5 + random.random() / 2)


class Transport:
    """One per run: the retry policy, the breaker and the 429 brake around ``create`` (see module docstring)."""

    def __init__(self, openai: Any, create: Callable[..., Awaitable[Any]], base_url: str, concurrency: int,
                 retries: int, breaker_failures: int = BREAKER_FAILURES) -> None:
        self._openai = openai
        self._create = create
        self.base_url = base_url
        self.retries = retries
        self.limit = AdaptiveLimit(concurrency)
        self.breaker_failures = breaker_failures
        self.consecutive_failures = 0
        self.down: str | None = None  # why the breaker opened
        self.throttled = 0

    def _check_breaker(self) -> None:
        if self.down is not None:
            raise LLMServerDown(f"LLM server at {self.base_url} stopped answering ({self.down}); "
                                "circuit breaker open")

    async def call(self, **kwargs: Any) -> Any:
        o = self._openai
        stats = CURRENT.get()
        reask = is_reask_messages(kwargs.get("extra_body", {}).get("messages", []))
        attempt = 0
        while True:
            self._check_breaker()
            generation = await self.limit.acquire()
            if self.down is not None:  # opened while this request waited for its turn
                await self.limit.release(generation, ok=False)
                self._check_breaker()
            ok = throttled = False
            wait: float | None = None
            try:
                response = await self._create(**kwargs)
                ok = True
            except o.RateLimitError as exc:
                throttled = True
                self.throttled += 1
                error: BaseException = exc
                wait = _retry_after(exc)
            except o.APIConnectionError as exc:  # timeouts included
                error = exc
                self.consecutive_failures += 1
                if self.consecutive_failures >= self.breaker_failures and self.down is None:
                    self.down = describe_connection_error(exc)
            except o.APIStatusError as exc:
                if exc.status_code < 500:
                    raise  # 400/401/404/422: asking again will not help
                error = exc
                wait = _retry_after(exc)
            finally:
                await self.limit.release(generation, ok=ok, throttled=throttled)
            if ok:
                self.consecutive_failures = 0
                account(stats, response, reask)
                return response
            if attempt >= self.retries and not throttled:
                raise error
            if throttled and attempt >= self.retries + THROTTLED_RETRIES:  # a server that only ever says 429
                raise error
            self._check_breaker()
            await asyncio.sleep(wait if wait is not None else _backoff(attempt))
            attempt += 1


def is_reask_messages(messages: list[dict[str, Any]]) -> bool:
    """Does this conversation ask again (a previous answer in it, or a re-ask note in the user message)?"""
    return any(m.get("role") in ("assistant", "tool") for m in messages) or any(
        REASK_MARK in str(m.get("content") or "") for m in messages if m.get("role") == "user")


def account(stats: RequestStats | None, response: Any, reask: bool) -> None:
    """Add an answered request's usage to ``stats``; raise ``OutputTruncated`` when it was cut at max_tokens.

    Shared by the HTTP transport and the offline engines (``extractor.llm.offline``).
    """
    choice = response.choices[0] if getattr(response, "choices", None) else None
    finish = getattr(choice, "finish_reason", None)
    if stats is not None:
        stats.requests += 1
        stats.reasks += int(reask)
        usage = getattr(response, "usage", None)
        if usage is not None:
            stats.prompt_tokens += int(getattr(usage, "prompt_tokens", 0) or 0)
            stats.completion_tokens += int(getattr(usage, "completion_tokens", 0) or 0)
            details = getattr(usage, "prompt_tokens_details", None)
            stats.cached_tokens += int(getattr(details, "cached_tokens", 0) or 0) if details is not None else 0
        stats.finish_reasons.append(str(finish))
    if finish == "length":
        message = getattr(choice, "message", None)
        calls = getattr(message, "tool_calls", None) or []
        text = calls[0].function.arguments if calls else (getattr(message, "content", None) or "")
        raise OutputTruncated(text or "")
