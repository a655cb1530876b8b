"""LLM extraction backends: ``llm`` (instructor -> OpenAI-compatible server, vLLM in production) and ``hybrid``.

Importing this package needs none of the ``[llm]`` extra (so ``extractor.llm.serve`` and
the prefilter work without it); building a backend does, and says so by raising
``BackendUnavailable`` naming the extra.

A response cache (anything with ``cache_get`` / ``cache_put``, e.g. the warehouse's)
is handed in as ``build_llm(settings, cache)`` or by setting ``extractor.cache``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extractor.base import BackendUnavailable, register
from extractor.llm.cache import MemoryCache, ResponseCache, cache_key
from schemas import Settings

if TYPE_CHECKING:
    from extractor.llm.backend import LLMExtractor
    from extractor.llm.hybrid import HybridExtractor
    from extractor.llm.offline import OfflineEngine


def build_llm(settings: Settings | None = None, cache: ResponseCache | None = None) -> LLMExtractor:
    """The ``llm`` backend (raises BackendUnavailable when instructor/openai are missing)."""
    try:
        from extractor.llm.backend import LLMExtractor
    except ImportError as exc:  # pragma: no cover - only without the extra
        raise BackendUnavailable(f"backend 'llm' needs the [llm] extra: pip install 'benchclaims[llm]' ({exc})") from exc
    s = settings or Settings()
    try:
        return LLMExtractor(s, cache, engine=_engine(s))
    except ImportError as exc:
        raise BackendUnavailable(str(exc)) from exc


def build_hybrid(settings: Settings | None = None, cache: ResponseCache | None = None) -> HybridExtractor:
    """The ``hybrid`` backend (rules + llm, duplicates removed)."""
    from extractor.llm.hybrid import HybridExtractor

    s = settings or Settings()
    return HybridExtractor(s, llm=_llm_without_fallback(s, cache))


def _llm_without_fallback(settings: Settings, cache: ResponseCache | None) -> LLMExtractor:
    from extractor.llm.backend import LLMExtractor

    try:
        return LLMExtractor(settings, cache, use_fallback=False, send_tables=False, engine=_engine(settings))
    except ImportError as exc:
        raise BackendUnavailable(str(exc)) from exc


def _engine(settings: Settings) -> OfflineEngine | None:
    """The offline engine ``BENCHCLAIMS_LLM_ENGINE`` names (None: the HTTP server); a bad name is BackendUnavailable."""
    from extractor.llm.offline import EngineUnavailable, build_engine

    try:
        return build_engine(settings)
    except EngineUnavailable as exc:
        raise BackendUnavailable(str(exc)) from exc


@register("llm")
def _make_llm(settings: Settings) -> LLMExtractor:
    return build_llm(settings)


@register("hybrid")
def _make_hybrid(settings: Settings) -> HybridExtractor:
    return build_hybrid(settings)


__all__ = ["MemoryCache", "ResponseCache", "build_hybrid", "build_llm", "cache_key"]
