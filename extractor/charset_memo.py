"""While the rules pipeline is built: ``re`` optimises each distinct character class once, not once per use.

Building the pipeline compiles ~700 patterns, and ``re`` turns every character class of a pattern into its
compiled form with ``re._compiler._optimize_charset``, a pure-Python loop over every code point of each range
(``[\\u3400-\\u9fff]`` is 27,648 steps). The rules build many patterns from shared fragments (the name pattern,
its boundaries, the Chinese ranges), so the same classes come back again and again: of the ~5,700 classes a run
optimises (~5,100 of them while the pipeline is built) ~620 are distinct. ``memoized_charsets()`` keeps each
result for the duration of the block, so a repeated class costs a dictionary look-up: ~0.055 s less CPU per
process (figures in benchmarks/README.md).

The function is a pure function of its arguments (the class's items, the case-folding functions, the extra
case table), so the compiled patterns are the same ones: checked on every pattern a run compiles by comparing
``re``'s compiled code with and without the memo. It is a private CPython function, so the memo is put in
place only when ``re._compiler._optimize_charset`` is there with the arguments it was written for; otherwise
(another Python, a later CPython that changed it) nothing changes and patterns compile as usual.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

_ARGUMENTS = ("charset", "iscased", "fixup", "fixes")


def _optimizer() -> tuple[Any, Callable[..., Any]] | None:
    """``re._compiler`` and its ``_optimize_charset`` when they are the ones this memo was written for."""
    compiler = getattr(re, "_compiler", None)
    original = getattr(compiler, "_optimize_charset", None)
    code = getattr(original, "__code__", None)
    if original is None or code is None or code.co_varnames[: code.co_argcount] != _ARGUMENTS:
        return None
    return compiler, original


@contextmanager
def memoized_charsets() -> Iterator[None]:
    """Within the block, ``re`` optimises each distinct character class once (see the module's docstring)."""
    found = _optimizer()
    if found is None:
        yield
        return
    compiler, original = found
    memo: dict[tuple[Any, ...], tuple[list[Any], bool]] = {}

    def optimize_charset(charset: Any, iscased: Any = None, fixup: Any = None, fixes: Any = None) -> Any:
        try:
            # (``fixes`` is None or ``re``'s one table of extra case pairs: by identity)
            key = (tuple(charset), iscased, fixup, None if fixes is None else id(fixes))
            result = memo.get(key)
        except TypeError:  # an item that cannot be a key: not memoised
            return original(charset, iscased, fixup, fixes)
        if result is None:
            result = memo[key] = original(charset, iscased, fixup, fixes)
        out, hascased = result
        return list(out), hascased  # a list of its own for each caller, as the original gives

    compiler._optimize_charset = optimize_charset
    try:
        yield
    finally:
        if compiler._optimize_charset is optimize_charset:
            compiler._optimize_charset = original
