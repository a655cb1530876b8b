"""The rules' hot modules compiled with mypyc (optional), and the check that they match their sources.

``setup.py`` compiles ``MODULES`` with mypyc when it can (at ``pip install``; ``BENCHCLAIMS_PURE=1`` skips it,
and a failed build installs the pure-Python package): the same code as C extension modules beside the .py
files, ~12-15 % less CPU per extraction (benchmarks/README.md, fifteenth session). The claims are the same.

Python imports an extension module before a .py of the same name, so a module compiled from older sources
would shadow an edited .py (an editable install builds them in the source tree). The build therefore compiles
``extractor._accel_stamp`` too, holding the digest of the sources it compiled. On import of ``extractor`` this
module compares that digest with the sources' digest now; when they differ (or ``BENCHCLAIMS_PURE=1`` is set) a
finder put first on ``sys.meta_path`` imports every module of ``MODULES`` from its .py file, so the compiled
ones are never mixed with edited sources. ``pip install -e .`` again rebuilds them.

Only the standard library here: ``setup.py`` runs this file on its own, before anything is installed.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import os
import sys
from collections.abc import Sequence
from importlib.machinery import EXTENSION_SUFFIXES, ModuleSpec
from pathlib import Path
from types import ModuleType

# the modules the extraction spends its Python time in (not the ones that build the pipeline or read tables)
MODULES = (
    "extractor.candidates",
    "extractor.lexicon",
    "extractor.segment",
    "extractor.nlp.mentions",
    "extractor.nlp.registry",
    "extractor.rules.baselines",
    "extractor.rules.clauses",
    "extractor.rules.comparison_cue",
    "extractor.rules.comparisons",
    "extractor.rules.context",
    "extractor.rules.earlier",
    "extractor.rules.enumerations",
    "extractor.rules.folding",
    "extractor.rules.frames",
    "extractor.rules.gains",
    "extractor.rules.group_comparisons",
    "extractor.rules.introduced",
    "extractor.rules.measures",
    "extractor.rules.mentions",
    "extractor.rules.names",
    "extractor.rules.numbers",
    "extractor.rules.owners",
    "extractor.rules.prose",
    "extractor.rules.ranked",
    "extractor.rules.replies",
    "extractor.rules.retractions",
    "extractor.rules.scores",
    "extractor.rules.subjects",
    "extractor.rules.trajectories",
)
STAMP = "extractor._accel_stamp"
# mypyc's shared library, the compiled code of all of them: benchclaims_rules__mypyc.*.so beside ``extractor``
# (top-level: mypyc derives a compiled module's __file__ from that library's folder and the module's name)
GROUP = "benchclaims_rules"
ROOT = Path(__file__).resolve().parent.parent


def source_path(module: str, root: Path = ROOT) -> Path:
    return root.joinpath(*module.split(".")).with_suffix(".py")


def sources_digest(root: Path = ROOT) -> str:
    """SHA-256 over the names and sources of ``MODULES``."""
    digest = hashlib.sha256()
    for module in MODULES:
        digest.update(module.encode() + b"\0" + source_path(module, root).read_bytes() + b"\0")
    return digest.hexdigest()


class _SourcesFirst:
    """A meta-path finder: the modules of ``MODULES`` from their .py files, not from compiled ones."""

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        if fullname not in MODULES:
            return None
        return importlib.util.spec_from_file_location(fullname, source_path(fullname))


def _compiled_digest() -> str | None:
    """The digest the compiled stamp holds; None when it is not compiled or does not load."""
    try:
        spec = importlib.util.find_spec(STAMP)
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None or spec.origin.endswith(".py"):
        return None
    try:
        stamp = importlib.import_module(STAMP)
    except ImportError:  # built for another Python, or the shared library failed to build
        return None
    return str(getattr(stamp, "DIGEST", "")) or None


def _compiled() -> list[bool]:
    """For each module of ``MODULES``: whether its extension module is there (the build makes each optional)."""
    suffix = EXTENSION_SUFFIXES[0]  # the one this interpreter tries first, e.g. .cpython-311-x86_64-linux-gnu.so
    return [source_path(m).with_suffix(suffix).is_file() for m in MODULES]


def _choose() -> bool:
    """True when the compiled modules are all there, built from the sources present, and wanted. Otherwise, if
    any of them is there, the sources are put first; with none (a checkout never built) imports stay as they are."""
    compiled = _compiled()
    if not any(compiled):
        return False
    if (os.environ.get("BENCHCLAIMS_PURE") != "1" and all(compiled)
            and _compiled_digest() == sources_digest()):
        return True
    if not any(isinstance(finder, _SourcesFirst) for finder in sys.meta_path):
        sys.meta_path.insert(0, _SourcesFirst())  # type: ignore[arg-type]
    return False


# decided once, on the first import of ``extractor`` (its ``__init__`` imports this module)
ACCELERATED = _choose()
