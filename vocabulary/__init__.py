"""The one vocabulary the extractor and the warehouse share: which way is better, how names fold,
vendor prefixes, metric synonyms, unit classes and kinds of names.

Why one package: these were decided in several places (a tuple in the rules, a regex in
``extractor.normalize``, a list in the warehouse, a column of the benchmark gazetteer) that
drifted apart, so a metric could be lower-is-better when ranked and higher-is-better when a
comparison was read. The word lists are data (``data/vocabulary.toml``); this module only
reads them and answers. It imports nothing of ours, so both ``extractor`` and ``warehouse``
may use it (import-linter keeps it that way).

    from vocabulary import is_lower_better, fold, metric_key
    is_lower_better("WER")                      # True
    is_lower_better(None, "LibriSpeech")        # True: the benchmark's convention when no metric says
    is_lower_better("accuracy", "LibriSpeech")  # False: the metric decides first
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

DATA_DIR = Path(__file__).resolve().parent / "data"
VOCABULARY_FILE = DATA_DIR / "vocabulary.toml"

Direction = Literal["higher", "lower"]
NameClass = Literal["named", "organisation", "generic"]

# Characters that never distinguish two names: spaces, hyphens and every dash, underscores, dots,
# apostrophes and middle dots (the gold scorer drops the same ones).
_DROP = re.compile(r"[\s\-_.'’‘`´·・\u2010-\u2015\u2212]+")
_TWO_DIGIT_YEAR = re.compile(r"^([a-z]+)(1[5-9]|2\d|3\d)$")
_TRAILING_YEAR = re.compile(r"^(.*?)[\s\-_'’]*((?:19|20)\d{2})$")
_DECIMAL = re.compile(r"\d\.\d")
_PASS_AT = re.compile(r"^(?:pass|maj|cons)@\d+$")


@dataclass(frozen=True)
class Vocabulary:
    """The word lists of ``vocabulary.toml``, folded, loaded once."""

    vendor_prefixes: tuple[str, ...]
    lower_is_better: frozenset[str]
    lower_is_better_words: re.Pattern[str]
    higher_is_better_words: re.Pattern[str]
    lower_is_better_benchmarks: frozenset[str]
    metric_synonyms: dict[str, str] = field(default_factory=dict)
    organisations: frozenset[str] = frozenset()
    generic_names: frozenset[str] = frozenset()
    generic_modifiers: tuple[str, ...] = ()
    generic_heads: tuple[str, ...] = ()


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """Load ``data/vocabulary.toml`` (cached: it never changes while running)."""
    with VOCABULARY_FILE.open("rb") as fh:
        raw = tomllib.load(fh)
    synonyms: dict[str, str] = {}
    for key, words in raw.get("metric_synonyms", {}).items():
        synonyms[fold(key)] = fold(key)
        for word in words:
            synonyms[fold(word)] = fold(key)
    directions = raw.get("directions", {})
    classes = raw.get("name_classes", {})
    return Vocabulary(
        vendor_prefixes=_longest_first([v.casefold() for v in raw.get("vendor_prefixes", [])]),
        lower_is_better=frozenset(fold(m) for m in directions.get("lower_is_better", [])),
        lower_is_better_words=re.compile(directions.get("lower_is_better_words", "(?!)"), re.IGNORECASE),
        higher_is_better_words=re.compile(directions.get("higher_is_better_words", "(?!)"), re.IGNORECASE),
        lower_is_better_benchmarks=frozenset(fold(b) for b in directions.get("lower_is_better_benchmarks", [])),
        metric_synonyms=synonyms,
        organisations=frozenset(fold(n) for n in classes.get("organisations", [])),
        generic_names=frozenset(fold(n) for n in classes.get("generic_names", [])),
        generic_modifiers=_longest_first([fold(n) for n in classes.get("generic_modifiers", [])]),
        generic_heads=_longest_first([fold(n) for n in classes.get("generic_heads", [])]),
    )


# -- which way is better ---------------------------------------------------------------------------
@lru_cache(maxsize=65536)
def is_lower_better(metric: str | None = None, benchmark: str | None = None) -> bool:
    """True when a smaller number is better for ``metric`` on ``benchmark``.

    The metric decides first: an error-like metric (FID, WER, perplexity, error rate, ...) is
    lower-is-better and an accuracy-like one (accuracy, pass@k, F1, Elo, score) is not, whatever
    the benchmark. With no telling metric, the benchmark's convention decides (WikiText, LibriSpeech:
    canonical names as the gazetteer writes them), then an error word in its name (``FID-50K``).
    """
    voc = vocabulary()
    if metric:
        if metric_key(metric) in voc.lower_is_better or voc.lower_is_better_words.search(metric):
            return True
        if voc.higher_is_better_words.search(metric):
            return False
    if benchmark:
        return fold(benchmark) in voc.lower_is_better_benchmarks or bool(voc.lower_is_better_words.search(benchmark))
    return False


def direction(benchmark: str | None, metric: str | None = None) -> Direction:
    """``is_lower_better`` as a word: "lower" or "higher"."""
    return "lower" if is_lower_better(metric, benchmark) else "higher"


# -- name folding ----------------------------------------------------------------------------------
@lru_cache(maxsize=262144)
def fold(text: str) -> str:
    """Case-, width- and punctuation-insensitive form of a name (``GPT-4o`` -> ``gpt4o``): two spellings
    with the same fold are the same name."""
    return _DROP.sub("", unicodedata.normalize("NFKC", text).casefold())


def strip_vendor(text: str) -> str:
    """Drop a leading vendor word (``OpenAI o1`` -> ``o1``, ``OpenAI 的 o1`` -> ``o1``)."""
    low = unicodedata.normalize("NFKC", text).strip()
    cf = low.casefold()
    vendors = vocabulary().vendor_prefixes
    if not cf.startswith(vendors):  # most names have no vendor word: one test of them all (a bulk load's hot spot)
        return low
    for vendor in vendors:
        if cf.startswith(vendor):
            rest = low[len(vendor):]
            m = re.match(r"^(?:'s|’s|\s*的)?[\s\-_:/]+|^\s*的\s*", rest)
            if m and rest[m.end():].strip():
                return rest[m.end():].strip()
    return low


def vendor_prefixes() -> tuple[str, ...]:
    """The vendor words (folded to lower case, longest first)."""
    return vocabulary().vendor_prefixes


def model_key(name: str) -> str:
    """Entity key of a model name: vendor prefix dropped, then folded."""
    return fold(strip_vendor(name))


def benchmark_key(name: str) -> str:
    """Entity key of a benchmark: folded, two-digit years expanded (``AIME'24`` -> ``aime2024``).

    A two-digit suffix is read as a year only after letters and never in a dotted
    version (``SQuAD 2.0`` stays ``squad20``).
    """
    key = fold(name)
    if not _DECIMAL.search(name):
        m = _TWO_DIGIT_YEAR.match(key)
        if m:
            key = f"{m.group(1)}20{m.group(2)}"
    return key


def family_name(name: str) -> str | None:
    """The family of a versioned benchmark (``AIME 2024`` -> ``AIME``), or None."""
    m = _TRAILING_YEAR.match(name.strip())
    if m and len(fold(m.group(1))) >= 2:
        return m.group(1).strip(" -_'’")
    key = benchmark_key(name)
    m2 = re.match(r"^([a-z]+)((?:19|20)\d{2})$", key)
    if m2 and m2.group(1) != key:
        # AIME'24 style: the letters before the year as written
        letters = re.match(r"^\s*([A-Za-z]+)", name)
        return letters.group(1) if letters else m2.group(1).upper()
    return None


def metric_key(metric: str | None) -> str:
    """Folded metric with synonyms merged (``准确率`` -> ``accuracy``); '' when unstated.

    ``pass@k`` / ``maj@k`` used as a metric name mean accuracy under that setting (the
    setting parser picks the k up separately).
    """
    if not metric:
        return ""
    key = fold(metric)
    if _PASS_AT.match(key):
        return "accuracy"
    key = vocabulary().metric_synonyms.get(key, key)
    # "score" names no metric: it joins whatever the benchmark measures.
    return "" if key == "score" else key


# -- units -----------------------------------------------------------------------------------------
def unit_key(unit: str | None) -> str:
    """Comparable unit class: ``%`` and ``points`` are separate classes (a board never ranks "50 分"
    among percentages on one axis: whether 50 points is 50 % depends on the benchmark's scoring,
    which the text does not say); ``score`` is a bare number.

    A bare number (``score`` or no unit) is '' and joins the benchmark's dominant unit
    at query time (where the warehouse reads a bare fraction in a 0-100 group as a share);
    ``elo`` and ``x`` stay apart.
    """
    if unit == "%":
        return "%"
    if unit in (None, "", "score"):
        return ""
    return unit


# -- kinds of names --------------------------------------------------------------------------------
@lru_cache(maxsize=65536)
def name_class(name: str) -> NameClass:
    """Is ``name`` a particular model/method/benchmark ("named"), an organisation or language, or a
    generic phrase ("其他模型", "标准 LLM", "previous models", "大多数基准测试")?

    Boards and name lists show only named things; claims keep every name as written.
    """
    voc = vocabulary()
    key = fold(name)
    if not key:
        return "named"  # punctuation only: nothing to judge it by, so it is shown as written
    if key in voc.organisations:
        return "organisation"
    if key in voc.generic_names:
        return "generic"
    if any(ch.isdigit() for ch in key):
        return "named"
    if any(key.endswith(h) for h in voc.generic_heads) and ("的" in key or "、" in key or "等" in key[-8:]):
        return "generic"  # a description ("基于人类手工规则的方法", "A、B 等基准测试"): names never hold 的
    rest = key
    for word in voc.generic_modifiers:  # "其他同类型方法": modifiers, then a head
        while rest.startswith(word):
            rest = rest[len(word):]
        rest = rest.removeprefix("的")
    if rest != key and (not rest or any(rest.endswith(h) for h in voc.generic_heads)):
        return "generic"
    return "named"


def is_named(name: str) -> bool:
    """True for a particular model, method or benchmark (see ``name_class``)."""
    return name_class(name) == "named"


__all__ = [
    "DATA_DIR", "VOCABULARY_FILE", "Direction", "NameClass", "Vocabulary", "benchmark_key", "direction",
    "family_name", "fold", "is_lower_better", "is_named", "metric_key", "model_key", "name_class",
    "strip_vendor", "unit_key", "vendor_prefixes", "vocabulary",
]
