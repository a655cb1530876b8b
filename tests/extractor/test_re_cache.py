"""``extractor.re_cache``: patterns built from the cached code are the patterns ``re`` compiles."""

from __future__ import annotations

import re
from array import array
from pathlib import Path

import pytest

from extractor import re_cache

PATTERNS = [
    (r"(?P<name>[A-Z][a-z]+)-(\d+(?:\.\d+)?)[BM]\b", 0),
    (r"(?i)gpqa\s+diamond|swe-bench(?: verified)?", 0),
    (r"[\u3400-\u9fff]{1,6}(?=[-·])", 0),
    (r"^\s*#+\s*(.*)$", re.MULTILINE),
    (r"\bcase\b", re.IGNORECASE),
    (rb"\x00(?P<b>[\x80-\xff]+)", 0),
]


def _compile_all() -> list[re.Pattern]:  # type: ignore[type-arg]
    re.purge()  # (``re``'s own cache of recent patterns would answer without compiling)
    return [re.compile(source, flags) for source, flags in PATTERNS]


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BENCHCLAIMS_RE_CACHE", str(tmp_path))
    return tmp_path


def test_cached_code_gives_the_same_patterns(cache_dir: Path) -> None:
    if re_cache._hooks() is None:
        pytest.skip("not the re this cache was written for")
    original = re._compiler.compile  # type: ignore[attr-defined]
    plain = _compile_all()
    with re_cache.cached_patterns():
        first = _compile_all()  # compiled, and written to the file at the end of the block
    path = re_cache.cache_file()
    assert path is not None and path.parent == cache_dir and path.is_file()
    written = re_cache._read(path)
    assert {(p, f) for p, f in PATTERNS} <= set(written)
    with re_cache.cached_patterns():
        second = _compile_all()  # from the file
    # (patterns compare equal when their source, flags and compiled code are)
    assert plain == first == second
    assert [p.groupindex for p in second] == [p.groupindex for p in plain]
    assert second[0].match("Qwen-2.5B").groups() == ("Qwen", "2.5")
    assert re._compiler.compile is original  # type: ignore[attr-defined]


def test_unreadable_or_foreign_file_changes_nothing(cache_dir: Path) -> None:
    path = re_cache.cache_file()
    assert path is not None
    path.parent.mkdir(parents=True, exist_ok=True)
    plain = _compile_all()
    for junk in (b"not marshal", b"", re_cache.marshal.dumps((99, {})),
                 re_cache.marshal.dumps((re_cache._FORMAT, {(PATTERNS[0][0], 0): (32, [1, 2, 99999], 0, {}, (None,))})),
                 re_cache.marshal.dumps((re_cache._FORMAT, {(PATTERNS[0][0], 0): (32, array("I", [1, 2, 99999]).tobytes(),
                                                                                  0, {}, (None,))}, {}))):
        path.write_bytes(junk)
        with re_cache.cached_patterns():
            assert _compile_all() == plain


def test_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BENCHCLAIMS_RE_CACHE", "off")
    assert re_cache.cache_file() is None
    with re_cache.cached_patterns():
        assert _compile_all()[0].pattern == PATTERNS[0][0]


def test_a_later_block_adds_to_the_file(cache_dir: Path) -> None:
    if re_cache._hooks() is None:
        pytest.skip("not the re this cache was written for")
    with re_cache.cached_patterns():
        _compile_all()
    re.purge()
    with re_cache.cached_patterns():
        re.compile(r"later (pattern)\d+")
    path = re_cache.cache_file()
    assert path is not None
    assert {*((p, f) for p, f in PATTERNS), (r"later (pattern)\d+", 0)} <= set(re_cache._read(path))


def test_trie_sources_come_back_the_same(cache_dir: Path) -> None:
    from extractor import lexicon

    if re_cache._hooks() is None:
        pytest.skip("not the re this cache was written for")
    words = ["GPQA Diamond", "SWE-bench Verified", "MMLU", "AIME 2024", "中文评测"]
    built = [lexicon.phrase_pattern(words), lexicon.phrase_pattern(words, ignore_case=True),
             lexicon.word_phrase_pattern(words[:3], words[3:], exact=["IS", "OR"])]
    calls: list[str] = []

    def counted(source: str) -> str:
        calls.append(source)
        return source

    with re_cache.cached_patterns():  # built, and written to the file at the end of the block
        assert re_cache.cached_source("k", lambda: counted("one")) == "one"
        first = [lexicon.phrase_pattern(words), lexicon.phrase_pattern(reversed(words), ignore_case=True),
                 lexicon.word_phrase_pattern(words[:3], words[3:], exact=["IS", "OR"])]
    with re_cache.cached_patterns():  # from the file
        assert re_cache.cached_source("k", lambda: counted("two")) == "one"
        second = [lexicon.phrase_pattern(iter(words)), lexicon.phrase_pattern(words, ignore_case=True),
                  lexicon.word_phrase_pattern(words[:3], words[3:], exact=["IS", "OR"])]
        # (another order of the exact words is another pattern: they are tried in their order)
        assert lexicon.word_phrase_pattern(words[:3], words[3:], exact=["OR", "IS"]) != second[2]
    assert calls == ["one"]
    assert built == first == second
    assert re_cache.cached_source("k", lambda: "outside a block") == "outside a block"
