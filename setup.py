"""Build of benchclaims: the package as pyproject.toml describes it, plus (optional) the rules' hot modules
compiled with mypyc into C extension modules beside their sources (``extractor/_accel.py`` lists them and
checks at import that they were built from the sources present).

mypyc (it ships with mypy) is in the build requirements: it compiles the already type-checked code as it is,
so the compiled modules give the same claims as the Python ones for ~12-15 % less CPU (benchmarks/README.md).
It is optional: ``BENCHCLAIMS_PURE=1 pip install ...`` skips it, and if mypyc or the C compiler fails the
package installs as pure Python (a warning says so).
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

from setuptools import setup

ROOT = Path(__file__).resolve().parent
# the setuptools commands that build extension modules (not egg_info / dist_info / sdist: they run first)
_BUILDS = {"build", "build_ext", "bdist_wheel", "editable_wheel", "develop", "install"}


def _warn(message: str) -> None:
    print(f"benchclaims setup: {message}; the rules stay pure Python", file=sys.stderr)


def _accelerated() -> list:
    if os.environ.get("BENCHCLAIMS_PURE") == "1" or not _BUILDS & set(sys.argv[1:]):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        _warn("mypyc is not installed")
        return []
    spec = importlib.util.spec_from_file_location("_benchclaims_accel", ROOT / "extractor" / "_accel.py")
    assert spec is not None and spec.loader is not None
    accel = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(accel)
    stamp = accel.source_path(accel.STAMP, ROOT)
    stamp.write_text('"""Written by setup.py: the digest of the sources the compiled modules were built from."""\n\n'
                     f'DIGEST = "{accel.sources_digest(ROOT)}"\n', encoding="utf-8")
    paths = [str(accel.source_path(m, ROOT).relative_to(ROOT)) for m in (*accel.MODULES, accel.STAMP)]
    try:
        extensions = mypycify(paths, opt_level="3", group_name=accel.GROUP)
    except (Exception, SystemExit) as exc:  # mypyc reports a failed type check by exiting
        _warn(f"mypyc failed ({exc!r})")
        return []
    for extension in extensions:
        extension.optional = True  # a C compiler error leaves that module in Python (build_ext warns)
    return extensions


setup(ext_modules=_accelerated())
