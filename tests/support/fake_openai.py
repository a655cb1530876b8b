"""A fake OpenAI-compatible chat-completions server for tests and benchmarks.

Why a real server: the LLM backend must be tested through the real ``openai`` client
(its retries, timeouts and status handling) and the real ``instructor`` request/parse
path, so the fake speaks HTTP on 127.0.0.1 exactly like vLLM's ``/v1/chat/completions``
would. Each request body is recorded (so tests can check what instructor really sends)
and answered by a *responder*: a function from the request body to a ``Reply``.

Replies can be well-formed (a forced tool call carrying claim JSON, or JSON content),
or faults: an HTTP status (429, 500), a delay longer than the client's timeout,
non-JSON text, or schema-invalid JSON.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    """What the fake answers to one request.

    Exactly one of ``claims`` (well-formed claim list), ``arguments`` (raw tool-call
    arguments string, e.g. invalid JSON) or ``content`` (raw message text) is used;
    ``status`` other than 200 sends an OpenAI-style error body instead.
    """

    claims: list[dict[str, Any]] | None = None
    arguments: str | None = None
    content: str | None = None
    status: int = 200
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)
    finish_reason: str | None = None  # e.g. "length" with a cut ``arguments`` / ``content``
    drop: bool = False  # close the connection without answering (a server that died)


Responder = Callable[[dict[str, Any]], Reply]


def first_user_text(body: dict[str, Any]) -> str:
    """The chunk the client asked about: the first user message of the conversation.

    Re-asks append more messages (the validation error), but the first user message
    stays the chunk, so a responder can key its answer on it.
    """
    for msg in body.get("messages", []):
        if msg.get("role") == "user":
            content = msg.get("content")
            if isinstance(content, list):  # content parts
                return "".join(p.get("text", "") for p in content if isinstance(p, dict))
            return str(content or "")
    return ""


def is_reask(body: dict[str, Any]) -> bool:
    """True when the request carries a previous answer (instructor re-asking after a validation error)."""
    return any(m.get("role") in ("assistant", "tool") for m in body.get("messages", []))


def estimate_tokens(text: str) -> int:
    """A tokenizer's count, roughly: about 4 ASCII characters or 1 CJK character per token."""
    ascii_chars = sum(1 for c in text if c.isascii())
    return (ascii_chars + 3) // 4 + (len(text) - ascii_chars)


def prompt_text(body: dict[str, Any]) -> str:
    """Everything a chat template would render into the prompt: messages and tool definitions."""
    parts = []
    for msg in body.get("messages", []):
        content = msg.get("content")
        if isinstance(content, list):
            content = "".join(p.get("text", "") for p in content if isinstance(p, dict))
        parts.append(str(content or ""))
        for call in msg.get("tool_calls") or []:
            parts.append(str(call.get("function", {}).get("arguments", "")))
    if body.get("tools"):
        parts.append(json.dumps(body["tools"], ensure_ascii=False))
    return "\n".join(parts)


def system_text(body: dict[str, Any]) -> str:
    msgs = body.get("messages", [])
    return str(msgs[0].get("content") or "") if msgs and msgs[0].get("role") == "system" else ""


def reply_payload(reply: Reply) -> str | None:
    """The JSON text the model would produce for ``reply`` (None for a plain-text reply)."""
    if reply.arguments is not None:
        return reply.arguments
    if reply.claims is not None:
        return json.dumps({"claims": reply.claims}, ensure_ascii=False)
    return None


def completion_body(body: dict[str, Any], reply: Reply, cached_tokens: int = 0) -> dict[str, Any]:
    """An OpenAI chat.completion object answering ``body`` with ``reply``.

    When the request forced a tool (instructor TOOLS mode) the answer is a tool call with
    that tool's name; otherwise the JSON goes in the message content (json_schema mode).
    ``usage`` is estimated from the text (``estimate_tokens``), with ``cached_tokens`` as
    vLLM reports a prefix-cache hit. An answer longer than the request's ``max_tokens`` is
    cut there with ``finish_reason: "length"``, as a real server does.
    """
    payload = reply_payload(reply)
    message: dict[str, Any] = {"role": "assistant", "content": None}
    finish = reply.finish_reason or "stop"
    limit = body.get("max_tokens") or body.get("max_completion_tokens")
    if payload is not None and limit and estimate_tokens(payload) > limit:
        cut = len(payload)
        while cut and estimate_tokens(payload[:cut]) > limit:
            cut -= max(1, (estimate_tokens(payload[:cut]) - limit))
        payload, finish = payload[:cut], "length"
    tool_choice = body.get("tool_choice")
    if payload is not None and isinstance(tool_choice, dict):
        name = tool_choice.get("function", {}).get("name", "ClaimList")
        message["tool_calls"] = [{"id": f"call_{time.monotonic_ns()}", "type": "function",
                                  "function": {"name": name, "arguments": payload}}]
        finish = "tool_calls" if finish == "stop" else finish
    elif payload is not None:
        message["content"] = payload
    else:
        message["content"] = reply.content if reply.content is not None else ""
    return {
        "id": f"chatcmpl-{time.monotonic_ns()}", "object": "chat.completion", "created": int(time.time()),
        "model": body.get("model", "fake"),
        "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
        "usage": _usage(body, payload if payload is not None else str(message.get("content") or ""),
                        cached_tokens),
    }


def _usage(body: dict[str, Any], completion: str, cached_tokens: int) -> dict[str, Any]:
    prompt = estimate_tokens(prompt_text(body))
    done = estimate_tokens(completion)
    return {"prompt_tokens": prompt, "completion_tokens": done, "total_tokens": prompt + done,
            "prompt_tokens_details": {"cached_tokens": min(cached_tokens, prompt)}}


class FakeOpenAI:
    """An OpenAI-compatible server on 127.0.0.1 in a background thread.

    Use as a context manager; ``base_url`` is what ``BENCHCLAIMS_LLM_BASE_URL`` would be.
    ``requests`` holds every request body received (thread-safe appends).
    """

    def __init__(self, responder: Responder, delay: float = 0.0, models: list[str] | None = None) -> None:
        self.responder = responder
        self.delay = delay
        self.models = models  # what GET /v1/models lists (None: an empty list, which any model passes)
        self.requests: list[dict[str, Any]] = []
        self.answers: list[str] = []  # the text of every 200 answer (claim JSON or content), in order
        self.gets: list[str] = []
        self._seen_system: set[str] = set()
        self.in_flight = 0
        self.max_in_flight = 0
        self.in_flight_seen: list[int] = []  # requests in flight when each request arrived
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        assert self._server is not None, "server not started"
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def __enter__(self) -> FakeOpenAI:  # noqa: C901 - one request handler class, many fake routes
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, like a real server
            disable_nagle_algorithm = True  # headers and body go in separate writes: avoid the 40 ms delayed-ACK stall

            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_GET(self) -> None:
                with fake._lock:
                    fake.gets.append(self.path)
                if self.path.rstrip("/").endswith("/models"):
                    names = fake.models or []
                    self._send(200, {"object": "list", "data": [{"id": n, "object": "model", "owned_by": "fake"}
                                                                 for n in names]})
                elif self.path.rstrip("/").endswith("/health"):
                    self._send(200, {})
                else:
                    self._send(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                try:
                    body = json.loads(raw)
                except json.JSONDecodeError:
                    self._send(400, {"error": {"message": "request is not JSON", "type": "invalid_request_error"}})
                    return
                with fake._lock:
                    fake.requests.append(body)
                    fake.in_flight += 1
                    fake.max_in_flight = max(fake.max_in_flight, fake.in_flight)
                    fake.in_flight_seen.append(fake.in_flight)
                try:
                    if not self.path.rstrip("/").endswith("/chat/completions"):
                        self._send(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})
                        return
                    reply = fake.responder(body)
                    wait = fake.delay + reply.delay
                    if wait:
                        time.sleep(wait)
                    if reply.drop:
                        self.close_connection = True
                        return
                    if reply.status != 200:
                        self._send(reply.status, {"error": {"message": f"injected HTTP {reply.status}",
                                                            "type": "server_error", "code": reply.status}},
                                   reply.headers)
                        return
                    system = system_text(body)
                    with fake._lock:
                        cached = estimate_tokens(system) if system in fake._seen_system else 0
                        fake._seen_system.add(system)
                    answer = completion_body(body, reply, cached)
                    message = answer["choices"][0]["message"]
                    with fake._lock:
                        fake.answers.append(message["tool_calls"][0]["function"]["arguments"]
                                            if message.get("tool_calls") else str(message.get("content") or ""))
                    self._send(200, answer, reply.headers)
                finally:
                    with fake._lock:
                        fake.in_flight -= 1

            def _send(self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
                data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    for k, v in (headers or {}).items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
                    pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            request_queue_size = 256  # many clients connect at once in the concurrency benchmark

        self._server = Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)


# Headers that make the openai client retry at once instead of backing off for ~0.5-8 s.
FAST_RETRY = {"retry-after-ms": "1"}


# ----- a responder that answers from a gold file -----------------------------------------

FACT_FIELDS = ("kind", "model", "benchmark", "metric", "value", "value_high", "unit", "setting",
               "baseline", "relation", "delta", "quote")
INVENTED_VALUE = 987.65  # a number no seed document contains


def gold_facts(record: dict[str, Any]) -> dict[str, Any]:
    """The LLM-facing fields of a gold record (no aliases, no provenance)."""
    return {k: record.get(k) for k in FACT_FIELDS if record.get(k) is not None}


REASK_NOTE = "\n\nNote: a previous answer to these excerpts"


def excerpt_text(body: dict[str, Any]) -> str:
    """The excerpts part of the chunk message (after the section context, before a grounding re-ask's note)."""
    text = first_user_text(body).split(REASK_NOTE, 1)[0]
    mark = "Excerpts:\n"
    return text.split(mark, 1)[1] if mark in text else text


def is_grounding_reask(body: dict[str, Any]) -> bool:
    return REASK_NOTE in first_user_text(body)


_CELL_SPLIT = re.compile(r"\s*(?:\||</?t[dh][^>]*>|</?tr[^>]*>)\s*")


_INLINE = re.compile(r"</?(?:b|strong|u|em|i|span)\b[^>]*>|\*\*|__", re.IGNORECASE)


def row_cells(row: str) -> list[str]:
    """The cell texts of a table row's source text (Markdown pipes or HTML cells), emphasis removed."""
    return [_INLINE.sub("", c).strip() for c in _CELL_SPLIT.split(row) if _INLINE.sub("", c).strip()]


def _fold(s: str) -> str:
    return re.sub(r"[\s\-_.()（）]+", "", s).lower()


def neighbour_value(row: str, value: float) -> float | None:
    """The number in the cell next to the one holding ``value`` in a table row (right, else left)."""
    cells = row_cells(row)
    numbers: list[float | None] = []
    for c in cells:
        try:
            numbers.append(float(c.strip().strip("*%")))
        except ValueError:
            numbers.append(None)
    for i, n in enumerate(numbers):
        if n is not None and abs(n - value) < 1e-9:
            for j in (i + 1, i - 1):
                if 0 <= j < len(numbers) and numbers[j] is not None and abs(numbers[j] - value) > 1e-9:  # type: ignore[operator]
                    return numbers[j]
    return None


def is_table_row(quote: str) -> bool:
    return quote.lstrip().startswith("|") or "<td" in quote


class GoldResponder:
    """Answers each chunk with the gold claims whose quote lies inside it, with optional faults.

    Faults are decided per (chunk, attempt) from a hash, so a run is reproducible however
    requests interleave: ``error_rate`` of attempts get HTTP 500, ``garbage_rate`` get
    non-JSON text, ``invent_rate`` of answers carry one extra claim whose number is not in
    the text (it must be dropped by grounding), and ``shift_rate`` of the table-cell claims
    answered carry the value of the neighbouring cell of the same row instead of their own
    (also to be dropped). ``shifted`` records every shifted claim sent.

    A request whose system prompt asks for the compact table form (``TABLE_FORM_MARK``) is
    answered in it: one entry per row with the row's label and its cells' values.
    """

    def __init__(self, gold: list[dict[str, Any]], error_rate: float = 0.0, garbage_rate: float = 0.0,
                 invent_rate: float = 0.0, shift_rate: float = 0.0) -> None:
        self.gold = gold
        self.error_rate, self.garbage_rate, self.invent_rate = error_rate, garbage_rate, invent_rate
        self.shift_rate = shift_rate
        self.attempts: dict[str, int] = {}
        self.injected = {"error": 0, "garbage": 0, "invented": 0, "shifted": 0, "ok": 0}
        self.shifted: list[dict[str, Any]] = []
        self._lock = threading.Lock()

    def _roll(self, chunk: str, attempt: int, salt: str) -> float:
        import hashlib

        h = hashlib.sha256(f"{salt}|{attempt}|{chunk}".encode()).digest()
        return int.from_bytes(h[:8], "big") / 2**64

    def __call__(self, body: dict[str, Any]) -> Reply:
        chunk = excerpt_text(body)
        with self._lock:
            attempt = self.attempts.get(chunk, 0)
            self.attempts[chunk] = attempt + 1
        r = self._roll(chunk, attempt, "fault")
        if r < self.error_rate:
            self._count("error")
            return Reply(status=500, headers=FAST_RETRY)
        if r < self.error_rate + self.garbage_rate:
            self._count("garbage")
            return Reply(content="Sorry, I cannot produce JSON for this text.")
        claims = [gold_facts(g) for g in self.gold if g["quote"] in chunk]
        for k, c in enumerate(claims):
            if c["kind"] == "score" and is_table_row(c["quote"]) and \
                    self._roll(chunk, attempt, f"shift{k}") < self.shift_rate:
                other = neighbour_value(c["quote"], float(c["value"]))
                if other is not None:
                    claims[k] = dict(c, value=other)
                    self._count("shifted")
                    with self._lock:
                        self.shifted.append(claims[k])
        if claims and self._roll(chunk, attempt, "invent") < self.invent_rate:
            self._count("invented")
            fake = dict(claims[0], kind="score", value=INVENTED_VALUE, baseline=None, relation=None, delta=None)
            claims.append(fake)
        else:
            self._count("ok")
        if TABLE_FORM_MARK in system_text(body):
            return Reply(arguments=json.dumps(table_form(claims), ensure_ascii=False))
        return Reply(claims=claims)

    def _count(self, what: str) -> None:
        with self._lock:
            self.injected[what] += 1


TABLE_FORM_MARK = "TableRows"


def table_form(claims: list[dict[str, Any]]) -> dict[str, Any]:
    """Score claims in the compact per-row form: ``{"rows": [{"row", "cells": [{"column", "value"}]}]}``.

    The row label is the model for a models-in-rows table, the benchmark for a transposed one;
    each cell names its column (the other of the two).
    """
    rows: dict[str, dict[str, Any]] = {}
    for c in claims:
        if c.get("kind") != "score":
            continue
        cells = row_cells(c["quote"])
        label = cells[0] if cells else c["model"]
        model_row = _fold(c["model"]) in _fold(label) or _fold(label) in _fold(c["model"])
        column = c["benchmark"] if model_row else c["model"]
        row = rows.setdefault(label, {"row": label, "cells": []})
        cell: dict[str, Any] = {"column": column, "value": c["value"]}
        if c.get("setting"):
            cell["setting"] = c["setting"]
        row["cells"].append(cell)
    return {"rows": list(rows.values())}


def _serve_in_child(responder: Responder, delay: float, port_queue: Any, stop: Any) -> None:
    with FakeOpenAI(responder, delay=delay) as server:
        port_queue.put(server.base_url)
        stop.wait()


class FakeOpenAIProcess:
    """``FakeOpenAI`` in a child process, like a real inference server (no shared GIL with the client).

    Used by the benchmarks, where the client's CPU time must not be slowed by the server's.
    ``responder`` must be picklable (a module-level function or object).
    """

    def __init__(self, responder: Responder, delay: float = 0.0) -> None:
        import multiprocessing as mp

        self._ctx = mp.get_context("fork")
        self._queue = self._ctx.Queue()
        self._stop = self._ctx.Event()
        self._proc = self._ctx.Process(target=_serve_in_child, args=(responder, delay, self._queue, self._stop),
                                       daemon=True)
        self.base_url = ""

    def __enter__(self) -> FakeOpenAIProcess:
        self._proc.start()
        self.base_url = self._queue.get(timeout=30)
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._proc.join(timeout=10)
        if self._proc.is_alive():
            self._proc.terminate()
