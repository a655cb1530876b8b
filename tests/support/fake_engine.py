"""A fake offline engine (``extractor.llm.offline.OfflineEngine``) answering like the fake server.

Why: no GPU and no vLLM here. The fake implements the engine protocol itself — a batch of
``ChatRequest`` in, a ``ChatResponse`` per request out — and answers each request as the fake
OpenAI server would answer the same body (``tests.support.fake_openai``: the same responders, the same
cut at ``max_tokens`` with ``finish_reason: length``, the same usage estimate), so the offline
path and the HTTP path can be compared on identical answers. ``batches`` records every batch, ``answers`` every answer's text.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from extractor.llm.offline import ChatRequest, ChatResponse
from schemas import Settings
from tests.support.fake_openai import GoldResponder, Responder, completion_body
from tests.support.paths import SEEDS_GOLD


def body_of(request: ChatRequest) -> dict[str, Any]:
    """The OpenAI request body the HTTP path would have sent for ``request`` (json_schema mode)."""
    body: dict[str, Any] = {"model": "offline", "messages": request.messages, "max_tokens": request.max_tokens,
                            "temperature": request.temperature}
    if request.json_schema is not None:
        body["response_format"] = {"type": "json_schema", "json_schema": {"name": "answer", "schema": request.json_schema}}
    return body


class FakeEngine:
    """An ``OfflineEngine`` whose answers come from a fake-server responder; ``fail`` makes every batch raise."""

    def __init__(self, responder: Responder, fail: str | None = None) -> None:
        self.responder = responder
        self.fail = fail
        self.batches: list[list[ChatRequest]] = []
        self.answers: list[str] = []  # the text of every answer given, in order

    def chat(self, requests: Sequence[ChatRequest]) -> list[ChatResponse]:
        self.batches.append(list(requests))
        if self.fail:
            raise RuntimeError(self.fail)
        out = []
        for request in requests:
            body = body_of(request)
            reply = self.responder(body)
            if reply.status != 200:
                out.append(ChatResponse(error=f"injected failure {reply.status}"))
                continue
            answer = completion_body(body, reply)
            choice = answer["choices"][0]
            self.answers.append(str(choice["message"].get("content") or ""))
            out.append(ChatResponse(text=str(choice["message"].get("content") or ""), finish_reason=choice["finish_reason"],
                                    prompt_tokens=answer["usage"]["prompt_tokens"],
                                    completion_tokens=answer["usage"]["completion_tokens"]))
        return out


def gold_engine(settings: Settings) -> FakeEngine:
    """``BENCHCLAIMS_LLM_ENGINE=tests.support.fake_engine:gold_engine``: answers from the seeds' gold file
    (or the JSONL file named by ``BENCHCLAIMS_TEST_GOLD``)."""
    path = Path(os.environ.get("BENCHCLAIMS_TEST_GOLD") or SEEDS_GOLD)
    gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return FakeEngine(GoldResponder(gold))
