"""While the rules pipeline is built: each regex's compiled code from a cache on disk, not compiled again.

Importing the rule modules and building the pipeline compiles ~650 patterns (the rules' and the lexicons' tries,
spaCy's), and the first document ~85 more that the rules build on first use: ~0.3 s of CPU in every process.
``re`` parses each pattern and turns it into the code its engine runs, in pure Python (``re._parser``,
``re._compiler``), and only then hands that code to ``_sre.compile``, which makes the pattern object.
``cached_patterns()`` keeps what ``re._compiler.compile`` handed to ``_sre.compile`` for each pattern (its code,
flags and groups), keyed by the pattern's source and flags, in one file, and within the block hands that to
``_sre.compile`` again instead of parsing and compiling: the same code, so the same pattern objects (they compare
equal) and the same matches. A pattern not in the file compiles as usual; when a block compiled any, the file is
written again at its end (whole, through a temporary file), with them added.

The file is per Python build: its name holds a digest of ``sys.version``, ``_sre.MAGIC`` (the engine's code
version) and the sources of ``re``'s parser and compiler, so code compiled by another ``re`` is never read. It
lives in ``$BENCHCLAIMS_RE_CACHE`` if set, else ``$XDG_CACHE_HOME/benchclaims`` or ``~/.cache/benchclaims``;
``BENCHCLAIMS_RE_CACHE=off`` turns it off. It is ``marshal`` data, as ``.pyc`` files are, checked for its shape on
reading, and ``_sre.compile`` checks the code it is given; a file that is missing, unreadable, of another shape or
not writable changes nothing but the time. ``re._compiler.compile`` and ``_sre.compile`` are private CPython
functions: when they are not the ones this was written for, nothing changes and patterns compile as usual.

The same file keeps the sources of the lexicons' trie patterns (``cached_source``): building one from its word list
walks a character trie in Python (~0.03 s of each start for the ~15 tries, the benchmark gazetteer's 4,000 spellings
most of it), and the compiled code is looked up by that source. Within a block, ``cached_source(key, build)`` gives
what ``build()`` gave a block of an earlier run for the same ``key``, which the caller makes a digest of everything
the source depends on (the words and the code that builds it); outside a block it calls ``build()``.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
import tempfile
from array import array
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

try:
    import _sre
except ImportError:  # not CPython
    _sre = None  # type: ignore[assignment]

_FORMAT = 3  # of the file's data: bump when it changes (2: the trie sources of ``cached_source``; 3: code as bytes)
_MOST = 2000  # entries a file may hold (a run compiles ~750 patterns; ~1.3 MB of them)
_MOST_SOURCES = 200  # trie sources a file may hold (a run builds ~15)
# one entry: what ``re._compiler.compile`` handed to ``_sre.compile`` after the pattern
# (flags, code, groups - 1, groupindex, indexgroup), the code as the bytes of an ``array`` of ``_CODE`` words: read as
# one bytes object (a list of ints took ~7 ms per read of the file, twice per process, for all ~650 entries when the
# first document's block uses ~85 of them), made a list only when a block uses it
Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
_CODE = "I"  # (unsigned int: the 32-bit words of ``re``'s code; the cache is off where it is not 4 bytes)
Key = tuple[str | bytes, int]


def cache_file() -> Path | None:
    """Where the compiled code of this Python's ``re`` is kept, or None when the cache is off."""
    setting = os.environ.get("BENCHCLAIMS_RE_CACHE")
    if setting == "off":
        return None
    if setting:
        folder = Path(setting)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = Path(base) / "benchclaims"
    return folder / f"re-{sys.implementation.cache_tag}-{_version()}.marshal"


@lru_cache(maxsize=1)
def _version() -> str:
    """A digest of this Python's version, ``re``'s code version and the sources of ``re``'s compiler."""
    digest = hashlib.sha256(f"{sys.version}\0{sys.platform}\0{sys.byteorder}\0{getattr(_sre, 'MAGIC', '')}".encode())
    for name in ("_parser", "_compiler", "_constants"):
        source = getattr(getattr(re, name, None), "__file__", None)
        try:
            digest.update(b"\0" + Path(source).read_bytes() if source else b"\0")
        except OSError:
            digest.update(b"\0")
    return digest.hexdigest()[:16]


def _hooks() -> tuple[Any, Callable[..., Any]] | None:
    """``re._compiler`` and ``_sre.compile`` when they are the ones this was written for."""
    compiler = getattr(re, "_compiler", None)
    compile_ = getattr(compiler, "compile", None)
    code = getattr(compile_, "__code__", None)
    sre_compile = getattr(_sre, "compile", None)
    if (compiler is None or code is None or sre_compile is None or getattr(compiler, "_sre", None) is not _sre
            or code.co_varnames[: code.co_argcount] != ("p", "flags") or array(_CODE).itemsize != 4):
        return None
    return compiler, sre_compile


def _valid(key: Any, entry: Any) -> bool:
    return (type(key) is tuple and len(key) == 2 and type(key[0]) in (str, bytes) and type(key[1]) is int
            and type(entry) is tuple and len(entry) == 5 and type(entry[0]) is int and type(entry[1]) is bytes
            and len(entry[1]) % 4 == 0            and type(entry[2]) is int and type(entry[3]) is dict and type(entry[4]) is tuple)


def _read(path: Path) -> dict[Key, Entry]:
    return _load(path)[0]


def _load(path: Path) -> tuple[dict[Key, Entry], dict[str, str]]:
    """The file's compiled patterns and trie sources (both empty when it is missing or not of this shape)."""
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}, {}
    if (type(data) is not tuple or len(data) != 3 or data[0] != _FORMAT or type(data[1]) is not dict
            or type(data[2]) is not dict):
        return {}, {}
    return ({key: entry for key, entry in data[1].items() if _valid(key, entry)},
            {key: source for key, source in data[2].items() if type(key) is str and type(source) is str})


def _write(path: Path, entries: dict[Key, Entry], sources: dict[str, str]) -> None:
    """``entries`` and ``sources`` into ``path``, whole or not at all (a temporary file renamed over it)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                marshal.dump((_FORMAT, entries, sources), out)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except (OSError, ValueError):
        pass  # a read-only or full disk: the next run compiles again


class _Block:
    """What one ``cached_patterns`` block read from the file and used or added."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.read = False
        self.changed = False  # (a pattern compiled or a source built: the file is written at the block's end)
        self.cached: dict[Key, Entry] = {}
        self.used: dict[Key, Entry] = {}
        self.cached_sources: dict[str, str] = {}
        self.used_sources: dict[str, str] = {}

    def load(self) -> None:
        """The file's contents, read on first need (a block that compiles and builds nothing, most do, reads nothing)."""
        if not self.read:
            self.read = True
            entries, sources = _load(self.path)
            self.cached.update(entries)
            self.cached_sources.update(sources)

    def save(self) -> None:
        # (with what the file held: the first document's block adds its patterns to the build's; a file grown
        # past _MOST entries, old patterns of edited rules among them, starts again from this block's)
        merged = {**self.cached, **self.used}
        sources = {**self.cached_sources, **self.used_sources}
        _write(self.path, merged if len(merged) <= _MOST else self.used,
               sources if len(sources) <= _MOST_SOURCES else self.used_sources)


_blocks: list[_Block] = []  # the blocks open now, innermost last


def cached_source(key: str, build: Callable[[], str]) -> str:
    """``build()``, or within a ``cached_patterns`` block what it gave for ``key`` in an earlier run (see the module's
    docstring: ``key`` must be a digest of everything the source depends on)."""
    if not _blocks:
        return build()
    block = _blocks[-1]
    block.load()
    source = block.cached_sources.get(key)
    if source is None:
        source = build()
        block.changed = True
    block.used_sources[key] = source
    return source


@contextmanager
def cached_patterns() -> Iterator[None]:
    """Within the block, ``re`` takes each pattern's compiled code from the cache file (see the module's docstring)."""
    hooks = _hooks()
    path = cache_file() if hooks is not None else None
    if hooks is None or path is None:
        yield
        return
    compiler, sre_compile = hooks
    original = compiler.compile
    block = _Block(path)

    def compile_(p: Any, flags: int = 0) -> Any:
        if type(p) not in (str, bytes) or type(flags) is not int or flags & re.DEBUG:
            return original(p, flags)
        block.load()
        key = (p, flags)
        entry = block.cached.get(key)
        if entry is not None:
            try:
                pattern = sre_compile(p, entry[0], array(_CODE, entry[1]).tolist(), entry[2], entry[3], entry[4])
            except (RuntimeError, TypeError, ValueError, OverflowError):  # code _sre does not take: compiled anew
                pass
            else:
                block.used[key] = entry
                return pattern
        seen: list[tuple[Any, ...]] = []

        def recording(*args: Any) -> Any:
            seen.append(args)
            return sre_compile(*args)

        compiler._sre = _Recorder(recording)
        try:
            pattern = original(p, flags)
        finally:
            compiler._sre = _sre
        if len(seen) == 1 and seen[0][0] is p and len(seen[0]) == 6:
            _, got_flags, code, groups, groupindex, indexgroup = seen[0]
            try:  # (the words as bytes: ``re`` writes its opcodes as an int subclass, read back as plain ints)
                words = array(_CODE, code).tobytes()
            except (OverflowError, TypeError):  # (not 32-bit words: not kept)
                return pattern
            recorded: Entry = (int(got_flags), words, int(groups), dict(groupindex), tuple(indexgroup))
            if _valid(key, recorded):
                block.used[key] = recorded
                block.changed = True
        return pattern

    compiler.compile = compile_
    _blocks.append(block)
    try:
        yield
    finally:
        _blocks.remove(block)
        if compiler.compile is compile_:
            compiler.compile = original
        if block.changed:
            block.save()


class _Recorder:
    """``_sre`` for ``re._compiler`` while one pattern compiles: its ``compile`` recorded, the rest as it is."""

    def __init__(self, compile_: Callable[..., Any]) -> None:
        self.compile = compile_

    def __getattr__(self, name: str) -> Any:
        return getattr(_sre, name)
