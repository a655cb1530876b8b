"""Import spaCy without its command line: ``import_spacy_without_cli()`` before the first ``import spacy``.

``spacy/__init__`` imports ``spacy.cli.info`` for the one name ``spacy.info``, and with it the whole of
``spacy.cli`` (every ``spacy`` command, weasel, requests, httpx, jinja2, …): about 360 modules and 0.15 s of
CPU of each start (spaCy 3.8: ``import spacy`` 0.52 → 0.37 s), which neither the rules pipeline nor a
spaCy user's ``add_pipe("benchclaims")`` uses. While it imports spaCy, ``spacy.cli`` and ``spacy.cli.info``
are placeholder modules; ``spacy.info`` becomes a function that imports the real one when called. Once
``spacy`` is imported the placeholders are taken out again, so a later ``import spacy.cli`` (or
``python -m spacy``) imports the real package.

If spaCy was already imported, nothing changes; nor if its ``__init__`` uses ``spacy.cli`` for more than
that one import (another spaCy version): then it is imported the ordinary way.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

# the one line of spacy/__init__.py (spaCy 3.x) that imports spacy.cli
_IMPORTS_INFO = "from .cli.info import info"


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: the real one (``spacy.cli.info.info``), imported on first call."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy_without_cli() -> None:
    """``import spacy`` with placeholders for ``spacy.cli`` and ``spacy.cli.info`` (see the module's docstring)."""
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        return
    spec = importlib.util.find_spec("spacy")
    if spec is None or spec.origin is None:
        return  # (no spaCy: the caller's own ``import spacy`` says so)
    init = Path(spec.origin)
    try:
        source = init.read_text(encoding="utf-8")
    except OSError:
        return
    if source.count(".cli") != 1 or _IMPORTS_INFO not in source:
        return  # another spaCy version: it is imported the ordinary way
    cli = ModuleType("spacy.cli")
    cli.__path__ = [str(init.parent / "cli")]
    info = ModuleType("spacy.cli.info")
    info.info = _info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, info
    try:
        import spacy  # noqa: F401
    finally:
        _remove(cli, info)


def _remove(cli: ModuleType, info: ModuleType) -> None:
    if sys.modules.get("spacy.cli") is cli:
        del sys.modules["spacy.cli"]
    if sys.modules.get("spacy.cli.info") is info:
        del sys.modules["spacy.cli.info"]
    spacy = sys.modules.get("spacy")
    if spacy is not None and getattr(spacy, "cli", None) is cli:
        delattr(spacy, "cli")


__all__ = ["import_spacy_without_cli"]
