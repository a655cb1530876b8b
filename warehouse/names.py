"""Name folding: how two spellings of a model, benchmark or metric become one key.

Extracted text writes the same thing many ways (``OpenAI o1`` / ``o1``, ``AIME'24`` /
``aime 2024``, ``准确率`` / ``accuracy``). The warehouse keys entities on a *folded*
form so that repeats merge, while the display name stays as first written. The
word lists live in ``data/vocabulary.toml`` (data, not code).
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
ENTITIES_FILE = DATA_DIR / "entities.toml"

# Characters that never distinguish two names (the gold scorer drops the same ones).
_DROP = re.compile(r"[\s\-_.'’‘`´·・]+")
_TWO_DIGIT_YEAR = re.compile(r"^([a-z]+)(1[5-9]|2\d|3\d)$")
_TRAILING_YEAR = re.compile(r"^(.*?)[\s\-_'’]*((?:19|20)\d{2})$")
_DECIMAL = re.compile(r"\d\.\d")
_PASS_AT = re.compile(r"^(?:pass|maj|cons)@\d+$")


@dataclass(frozen=True)
class Vocabulary:
    """The normalisation word lists, loaded once from ``vocabulary.toml``."""

    vendor_prefixes: tuple[str, ...]
    lower_is_better: frozenset[str]
    metric_synonyms: dict[str, str] = field(default_factory=dict)
    organisations: frozenset[str] = frozenset()
    generic_names: frozenset[str] = frozenset()
    generic_modifiers: tuple[str, ...] = ()
    generic_heads: tuple[str, ...] = ()


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
    vendors = tuple(sorted((v.casefold() for v in raw.get("vendor_prefixes", [])), key=len, reverse=True))
    lower = frozenset(fold(m) for m in raw.get("lower_is_better", []))
    classes = raw.get("name_classes", {})
    return Vocabulary(
        vendor_prefixes=vendors, lower_is_better=lower, metric_synonyms=synonyms,
        organisations=frozenset(fold(n) for n in classes.get("organisations", [])),
        generic_names=frozenset(fold(n) for n in classes.get("generic_names", [])),
        generic_modifiers=tuple(sorted((fold(n) for n in classes.get("generic_modifiers", [])), key=len, reverse=True)),
        generic_heads=tuple(sorted((fold(n) for n in classes.get("generic_heads", [])), key=len, reverse=True)),
    )


NameClass = Literal["named", "organisation", "generic"]


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


def fold(text: str) -> str:
    """Case-, width- and punctuation-insensitive form of a name (``GPT-4o`` -> ``gpt4o``)."""
    return _DROP.sub("", unicodedata.normalize("NFKC", text).casefold())


def strip_vendor(text: str) -> str:
    """Drop a leading vendor word (``OpenAI o1`` -> ``o1``, ``OpenAI 的 o1`` -> ``o1``)."""
    low = unicodedata.normalize("NFKC", text).strip()
    cf = low.casefold()
    for vendor in vocabulary().vendor_prefixes:
        if cf.startswith(vendor):
            rest = low[len(vendor):]
            m = re.match(r"^(?:'s|’s|\s*的)?[\s\-_:/]+|^\s*的\s*", rest)
            if m and rest[m.end():].strip():
                return rest[m.end():].strip()
    return low


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


def is_lower_better(metric_k: str) -> bool:
    """True for error-like metrics (FID, WER, perplexity, PDR, ...), keyed by ``metric_key``."""
    return metric_k in vocabulary().lower_is_better


def unit_key(unit: str | None) -> str:
    """Comparable unit class: ``%`` and ``points`` are separate classes (a board never ranks "50 分"
    among percentages on one axis: whether 50 points is 50 % depends on the benchmark's scoring,
    which the text does not say); ``score`` is a bare number.

    A bare number (``score`` or no unit) is '' and joins the benchmark's dominant unit
    at query time (where ``ranking.on_group_scale`` reads a bare fraction in a 0-100 group
    as a share); ``elo`` and ``x`` stay apart.
    """
    if unit == "%":
        return "%"
    if unit in (None, "", "score"):
        return ""
    return unit
