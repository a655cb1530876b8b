"""Canonical names for benchmarks, models and units, and a fast benchmark gazetteer.

Why: the same evaluation is written many ways (AIME'24, AIME24, aime 2024) and the same
model too (OpenAI o1, o1; DeepSeek R1, DeepSeek-R1). Leaderboards only work if every
spelling lands on one key. The knowledge lives in data files (``data/benchmarks.tsv``,
``data/models.tsv``); this module only loads them (once, cached) and applies them.

``find_benchmarks`` compiles every alias into a character trie rendered as one regular
expression, so scanning text costs about one regex pass regardless of the lexicon size.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extractor.lexicon import DATA_DIR, BenchmarkEntry, LexiconError
from extractor.lexicon import benchmarks as gazetteer
from schemas.claims import Unit
from vocabulary import Direction, direction, fold, vendor_prefixes

MODELS_TSV = DATA_DIR / "models.tsv"

# Same characters the gold scorer ignores when comparing names.
_WS = re.compile(r"\s+")
_MARKUP = re.compile(r"\*\*|__|<[^>]{1,40}>|`|~~")
_PAREN_TAIL = re.compile(r"\s*[(（\[][^()（）\[\]]*[)）\]]\s*$")
# Setting / metric words that trail a benchmark name in table headers ("MATH-500 pass@1").
_SETTING_TAIL = re.compile(
    r"[\s,:/-]+(?:\d+[- ]?shot|zero[- ]?shot|few[- ]?shot|pass@\d+|maj@\d+|cons@\d+|avg@\d+|mean@\d+|"
    r"acc(?:uracy)?|em|f1|cot|em\s*score|score|overall|avg|average|test|val|dev|strict|loose|rating|elo|percentile|"
    r"\d+[kK]?-?shot)$",
    re.IGNORECASE,
)


def name_key(name: str) -> str:
    """Lower-case key with spacing and punctuation noise removed: the shared folding (``vocabulary.fold``)."""
    return fold(name)


def clean_name(name: str) -> str:
    """Strip markup, surrounding punctuation and repeated whitespace, keeping the name readable."""
    s = unicodedata.normalize("NFKC", name)
    s = _MARKUP.sub("", s)
    s = _WS.sub(" ", s).strip(" \t\r\n:：,，;；|*_")
    return s


# ---------------------------------------------------------------------------------------------
# Benchmarks
# ---------------------------------------------------------------------------------------------


def load_benchmarks() -> tuple[BenchmarkEntry, ...]:
    """The gazetteer (``canonical<TAB>family<TAB>alias|alias<TAB>direction``), read by ``extractor.lexicon``."""
    return gazetteer()


@lru_cache(maxsize=1)
def _benchmark_index() -> dict[str, BenchmarkEntry]:
    """alias key -> entry. The first row wins on a clash (rows are ordered specific-first)."""
    index: dict[str, BenchmarkEntry] = {}
    for entry in load_benchmarks():
        for alias in entry.aliases:
            index.setdefault(name_key(alias), entry)
    return index


@lru_cache(maxsize=65536)
def lookup_benchmark(name: str) -> BenchmarkEntry | None:
    """The gazetteer entry ``name`` refers to, tolerating case, spacing, settings in brackets and
    trailing setting words ("GSM8K (8-shot)", "MATH-500 pass@1"); None if unknown."""
    if not name:
        return None
    index = _benchmark_index()
    s = clean_name(name)
    for _ in range(4):
        entry = index.get(name_key(s))
        if entry is not None:
            return entry
        stripped = _PAREN_TAIL.sub("", s)
        stripped = _SETTING_TAIL.sub("", stripped).strip()
        if stripped == s or not stripped:
            break
        s = stripped
    hits = {canon for _, _, canon in find_benchmarks(clean_name(name))}
    if len(hits) == 1:
        return _canonical_index()[hits.pop()]
    return None


@lru_cache(maxsize=1)
def _canonical_index() -> dict[str, BenchmarkEntry]:
    return {e.canonical: e for e in load_benchmarks()}


def canonical_benchmark(name: str) -> str:
    """``AIME'24`` / ``AIME24`` / ``aime 2024`` -> ``AIME 2024``; unknown names are only cleaned."""
    entry = lookup_benchmark(name)
    return entry.canonical if entry else clean_name(name)


def is_known_benchmark(name: str) -> bool:
    return lookup_benchmark(name) is not None


def benchmark_family(name: str) -> str | None:
    """The umbrella a benchmark belongs to (AIME 2025 -> AIME), or None."""
    entry = lookup_benchmark(name)
    return entry.family if entry else None


def benchmark_direction(name: str, metric: str | None = None) -> Direction:
    """Whether a higher number is better on ``name`` (optionally measured by ``metric``): the shared
    vocabulary decides (``vocabulary.is_lower_better``), given the benchmark's gazetteer name."""
    entry = lookup_benchmark(name)
    return direction(entry.canonical if entry else name, metric)


# ---------------------------------------------------------------------------------------------
# Gazetteer matching in running text
# ---------------------------------------------------------------------------------------------

# 1:1 character map so offsets in the folded text are offsets in the original: curly quotes,
# odd spaces and dashes, and full-width letters/digits (ＧＳＭ８Ｋ). Full-width punctuation such as
# the Chinese comma is left alone: it is frequent and never part of a benchmark name.
_FOLD_MAP: dict[str, str] = {"\u2019": "'", "\u2018": "'", "\u2032": "'", "\uff07": "'", "\u00a0": " ",
                             "\u3000": " ", "\u2009": " ", "\u202f": " ", "\t": " ", "\u2010": "-", "\u2011": "-",
                             "\u2012": "-", "\u2013": "-", "\u2212": "-", "\uff0d": "-"}
_FOLD_MAP.update({chr(c): chr(c - 0xFEE0) for r in ((0xFF10, 0xFF1A), (0xFF21, 0xFF3B), (0xFF41, 0xFF5B))
                  for c in range(*r)})
_FOLD_RE = re.compile("[" + "".join(sorted(_FOLD_MAP)) + "]")
_ASCII_LOWER = str.maketrans({c: chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})
_SEP = re.compile(r"[\s\-_]+")
_CASE_SENSITIVE_MAX = 6


def _fold(text: str) -> str:
    """Fold look-alike characters; a regex pass touches only the (rare) characters that need it."""
    if not _FOLD_RE.search(text):
        return text
    return _FOLD_RE.sub(lambda m: _FOLD_MAP[m.group(0)], text)


def _fold_lower(text: str) -> str:
    """Folded and lower-cased, same length as ``text``. Case-insensitive matching runs a plain regex
    over this, several times faster than re.IGNORECASE."""
    folded = _fold(text)
    lowered = folded.lower()
    return lowered if len(lowered) == len(folded) else folded.translate(_ASCII_LOWER)


def _variants(alias: str) -> tuple[set[str], set[str]]:
    """Spacing variants of an alias (SWE-bench Verified ~ SWE bench Verified ~ SWEbench Verified),
    as (any-case variants, exact-case variants). A glued all-letter variant can be an English word
    ("MultiPL-E" -> "multiple"), so it only matches with its exact capitals ("BigBenchHard")."""
    a = _fold(alias).strip()
    anycase, exact = {a}, set()
    if _SEP.search(a):
        for sep in ("-", " ", ""):
            v = _SEP.sub(sep, a)
            if len(name_key(v)) < 2:
                continue
            if sep or not v.isascii() or any(ch.isdigit() for ch in v):
                anycase.add(v)
            else:
                exact.add(v)
    return anycase, exact


def _trie_regex(words: set[str]) -> str:
    """Render ``words`` as a regex whose alternations follow a character trie (longest first)."""
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + render(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            body = "(?:" + body + ")?"
        return body

    return render(trie)


@dataclass(frozen=True)
class _Gazetteer:
    insensitive: re.Pattern[str] | None
    sensitive: re.Pattern[str] | None
    by_alias: dict[str, str]  # folded alias (lower-cased for insensitive ones) -> canonical


_WORD_CHAR = re.compile(r"[A-Za-z0-9]")
_BOUND_R = r"(?![A-Za-z0-9])"


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    ci: set[str] = set()
    cs: set[str] = set()
    by_alias: dict[str, str] = {}
    for entry in load_benchmarks():
        for alias in entry.aliases:
            anycase, exact = _variants(alias)
            for v in exact:
                cs.add(v)
                by_alias.setdefault(v, entry.canonical)
            for v in anycase:
                if re.fullmatch(r"[A-Za-z ]+", v) and len(v) <= _CASE_SENSITIVE_MAX:
                    cs.add(v)
                    by_alias.setdefault(v, entry.canonical)
                else:
                    ci.add(_fold_lower(v))
                    by_alias.setdefault(_fold_lower(v), entry.canonical)
    return _Gazetteer(
        re.compile("(?:" + _trie_regex(ci) + ")" + _BOUND_R) if ci else None,
        re.compile("(?:" + _trie_regex(cs) + ")" + _BOUND_R) if cs else None,
        by_alias,
    )


def find_benchmarks(text: str) -> list[tuple[int, int, str]]:
    """Every known benchmark mention in ``text`` as ``(start, end, canonical)``, left to right,
    non-overlapping, longest match preferred. Offsets index ``text`` itself."""
    g = _gazetteer()
    hits: list[tuple[int, int, str]] = []
    for pattern, folded in ((g.insensitive, _fold_lower(text)), (g.sensitive, _fold(text))):
        if pattern is None:
            continue
        for m in pattern.finditer(folded):
            start = m.start()
            # Left word boundary checked here: a look-behind in the pattern defeats re's prefix scan.
            if start and _WORD_CHAR.match(folded, start - 1):
                continue
            canon = g.by_alias.get(m.group(0))
            if canon:
                hits.append((start, m.end(), canon))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[tuple[int, int, str]] = []
    last_end = -1
    for h in hits:
        if h[0] >= last_end:
            out.append(h)
            last_end = h[1]
    return out


# ---------------------------------------------------------------------------------------------
# Models
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ModelEntry:
    """One row of ``models.tsv``: a canonical model name, its vendor and aliases."""

    canonical: str
    vendor: str | None
    aliases: tuple[str, ...]


@lru_cache(maxsize=4)
def load_models(path: str | None = None) -> tuple[ModelEntry, ...]:
    """Read ``models.tsv`` (``canonical<TAB>vendor<TAB>alias|alias``); a missing file means no entries."""
    p = Path(path) if path else MODELS_TSV
    if not p.exists():
        return ()
    entries: list[ModelEntry] = []
    for lineno, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3:
            raise LexiconError(f"{p}:{lineno}: expected 3 tab-separated fields, got {len(fields)}")
        canonical, vendor, aliases = (f.strip() for f in fields)
        names = tuple(dict.fromkeys([canonical, *(a.strip() for a in aliases.split("|") if a.strip())]))
        entries.append(ModelEntry(canonical, None if vendor in ("", "-") else vendor, names))
    return tuple(entries)


def _model_key(name: str) -> str:
    """Like name_key but keeps dots: Qwen2.5 and Qwen25 are different models."""
    return re.sub(r"[\s\-_'’`·]+", "", unicodedata.normalize("NFKC", name)).lower()


@lru_cache(maxsize=1)
def _model_index() -> dict[str, ModelEntry]:
    index: dict[str, ModelEntry] = {}
    for entry in load_models():
        for alias in entry.aliases:
            index.setdefault(_model_key(alias), entry)
    return index


@lru_cache(maxsize=1)
def _vendor_prefix() -> re.Pattern[str]:
    vendors = {e.vendor.casefold() for e in load_models() if e.vendor} | set(vendor_prefixes())
    # Vendors that are also the model family name stay ("Mistral Large", "DeepSeek-V3").
    vendors -= {"deepseek", "mistral", "mistral ai", "qwen", "moonshot", "zhipu"}
    # (longest first; equal lengths in a fixed order, not the set's, which changes with each process's string hashes:
    # the same source in every run, so the pattern comes from ``extractor.re_cache``'s file instead of rewriting it)
    alts = "|".join(re.escape(v) for v in sorted(vendors, key=lambda v: (-len(v), v)))
    return re.compile(rf"^(?:{alts})(?:'s|’s|的)?\s*(?=\S)", re.IGNORECASE)


# Families conventionally written with a hyphen before the version: DeepSeek-R1, GPT-4o, Qwen2.5-72B.
_FAMILY_CASE = {"gpt": "GPT", "deepseek": "DeepSeek", "qwen": "Qwen", "qwq": "QwQ", "llama": "Llama",
                "claude": "Claude", "gemini": "Gemini", "gemma": "Gemma", "mistral": "Mistral",
                "mixtral": "Mixtral", "phi": "Phi", "grok": "Grok", "kimi": "Kimi", "glm": "GLM",
                "chatglm": "ChatGLM", "internlm": "InternLM", "yi": "Yi", "baichuan": "Baichuan",
                "minimax": "MiniMax", "hunyuan": "Hunyuan", "ernie": "ERNIE", "doubao": "Doubao",
                "olmo": "OLMo", "falcon": "Falcon", "command": "Command"}
_HYPHEN_FAMILY = re.compile(r"^(DeepSeek|GPT|GLM)[\s_]+(?=[A-Za-z]*\d|R\d|V\d|Coder|Math|Prover|VL)", re.IGNORECASE)
_GLUE_FAMILY = re.compile(r"^(Qwen|InternLM|ChatGLM|Phi)[\s\-_]+(?=\d)", re.IGNORECASE)
_HF_STYLE_FAMILY = re.compile(r"^(?:Qwen|QwQ|DeepSeek|GLM|ChatGLM|InternLM|Baichuan|MiniCPM|Yi)\b|^(?:Qwen|GLM)\d",
                              re.IGNORECASE)
_GPT_GLUED = re.compile(r"^GPT(?=\d)", re.IGNORECASE)


def is_catalogued_model(name: str) -> bool:
    """Is ``name`` one of ``models.tsv``'s models, by any of its aliases ("DeepSeek-R1", "R1")?"""
    return _model_index().get(_model_key(clean_name(name))) is not None


@lru_cache(maxsize=65536)
def canonical_model(name: str) -> str:
    """One key per model: known aliases from ``models.tsv``, otherwise a cleaned spelling.

    ``OpenAI o1`` -> ``o1``; ``DeepSeek R1`` -> ``DeepSeek-R1``; ``deepseek-ai/DeepSeek-V3`` ->
    ``DeepSeek-V3``; ``gpt4o`` -> ``GPT-4o``; ``Qwen 2.5-72B`` -> ``Qwen2.5-72B``.
    """
    s = clean_name(name)
    if not s:
        return s
    index = _model_index()
    hit = index.get(_model_key(s))
    if hit:
        return hit.canonical
    if "/" in s and " " not in s and not s.startswith("/"):
        s = s.rsplit("/", 1)[1]  # Hugging Face repo id: org/Model
    s = _vendor_prefix().sub("", s).strip()
    hit = index.get(_model_key(s))
    if hit:
        return hit.canonical
    first, *rest = re.split(r"(?=[\s\-_])", s, maxsplit=1)
    fixed = _FAMILY_CASE.get(first.lower())
    if fixed and first != fixed and (first.islower() or first.isupper()):
        s = fixed + "".join(rest)
    s = _GPT_GLUED.sub("GPT-", s)
    s = _HYPHEN_FAMILY.sub(lambda m: _FAMILY_CASE.get(m.group(1).lower(), m.group(1)) + "-", s)
    s = _GLUE_FAMILY.sub(lambda m: _FAMILY_CASE.get(m.group(1).lower(), m.group(1)), s)
    if _HF_STYLE_FAMILY.match(s) and "(" not in s:
        s = re.sub(r"\s+", "-", s)  # these families are named Hugging Face style: Qwen2.5-72B-Instruct
    hit = index.get(_model_key(s))
    return hit.canonical if hit else s


# ---------------------------------------------------------------------------------------------
# Units
# ---------------------------------------------------------------------------------------------

_UNIT_WORDS: dict[str, Unit] = {
    "%": "%", "％": "%", "percent": "%", "per cent": "%", "percentage": "%", "pct": "%", "百分比": "%",
    "百分点": "points", "个百分点": "points", "pp": "points", "p.p.": "points", "分": "points", "points": "points",
    "point": "points", "pts": "points", "pt": "points", "score": "score", "elo": "elo", "elo score": "elo",
    "elo rating": "elo", "rating": "elo", "倍": "x", "x": "x", "×": "x", "times": "x", "fold": "x",
}


def normalise_unit(raw: str | None) -> Unit | None:
    """Map a unit as written to the schema's units (``%``, ``points``, ``elo``, ``x``, ``score``).

    An empty string (a bare number) gives ``score``; ``None`` or an unrecognised unit gives None.
    """
    if raw is None:
        return None
    s = _WS.sub(" ", raw.strip().lower())
    if not s:
        return "score"
    if s in _UNIT_WORDS:
        return _UNIT_WORDS[s]
    if s.endswith("%") or "百分" in s and "点" not in s:
        return "%"
    if "百分点" in s or s.endswith("分"):
        return "points"
    if "elo" in s:
        return "elo"
    if s.endswith("倍") or s.endswith("×"):
        return "x"
    return None
