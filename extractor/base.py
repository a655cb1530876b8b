"""The one interface every extraction backend implements, and the registry that names them.

Backends (``rules``, ``llm``, ``hybrid``) register a factory under a name; callers ask
for a name and get an object with ``extract(document) -> Extraction``. Heavy or optional
backends (the LLM one needs the ``[llm]`` extra) are imported only when asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Protocol, runtime_checkable

from schemas import Document, Extraction, Settings


@runtime_checkable
class Extractor(Protocol):
    """Turns one decoded document into claims with exact offsets."""

    name: str

    def extract(self, document: Document) -> Extraction:
        """Extract every claim of ``document``; never raises on odd text."""
        ...


ExtractorFactory = Callable[[Settings], Extractor]

_FACTORIES: dict[str, ExtractorFactory] = {}
# Where each built-in backend registers itself, imported on first use.
_BUILTIN_MODULES: dict[str, str] = {
    "rules": "extractor.rules",
    "llm": "extractor.llm",
    "hybrid": "extractor.llm",
}


class BackendUnavailable(RuntimeError):
    """A backend was asked for that is unknown or whose optional dependencies are missing."""


def register(name: str) -> Callable[[ExtractorFactory], ExtractorFactory]:
    """Decorator: make ``factory`` available as backend ``name``."""

    def deco(factory: ExtractorFactory) -> ExtractorFactory:
        _FACTORIES[name] = factory
        return factory

    return deco


def backend_names() -> list[str]:
    return sorted(set(_BUILTIN_MODULES) | set(_FACTORIES))


def get_extractor(name: str = "rules", settings: Settings | None = None) -> Extractor:
    """Build the backend called ``name`` with ``settings`` (read from the environment if None)."""
    if name not in _FACTORIES and name in _BUILTIN_MODULES:
        try:
            importlib.import_module(_BUILTIN_MODULES[name])
        except ImportError as exc:
            raise BackendUnavailable(
                f"backend {name!r} needs an optional extra (pip install 'benchclaims[llm]'): {exc}"
            ) from exc
    if name not in _FACTORIES:
        raise BackendUnavailable(f"unknown backend {name!r}; choose one of {', '.join(backend_names())}")
    return _FACTORIES[name](settings or Settings())
