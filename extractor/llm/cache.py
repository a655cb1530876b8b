"""The response cache the LLM backend talks to, as a Protocol.

Why a Protocol: the extractor may not import the warehouse (import-linter contract), yet
re-running extraction over unchanged text should not pay for the same LLM call twice.
The warehouse's cache class implements exactly these two methods; the CLI hands it in.
``MemoryCache`` is the in-process implementation for tests and one-off runs.
"""

from __future__ import annotations

import hashlib
import json
from typing import Protocol, runtime_checkable


@runtime_checkable
class ResponseCache(Protocol):
    """Stores one LLM answer (a ClaimList as JSON text) per request key."""

    def cache_get(self, key: str) -> str | None:
        """The stored answer for ``key``, or None."""
        ...

    def cache_put(self, key: str, value: str) -> None:
        """Store ``value`` under ``key`` (overwriting is fine: same key, same answer)."""
        ...


class MemoryCache:
    """A dict-backed ResponseCache (lives as long as the object)."""

    def __init__(self) -> None:
        self.data: dict[str, str] = {}

    def cache_get(self, key: str) -> str | None:
        return self.data.get(key)

    def cache_put(self, key: str, value: str) -> None:
        self.data[key] = value


def cache_key(model: str, prompt_version: str, chunk_message: str) -> str:
    """sha256 over (model, prompt version, the exact user message).

    The message includes the section title sent as context, so the same sentence under
    another heading (where "our method" means something else) is asked again.
    """
    payload = json.dumps([model, prompt_version, chunk_message], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
