"""Typed, cached loaders for the lexicon data files under ``extractor/data``.

Lexicons are data, not code: adding a metric word, a cue phrase or a benchmark alias is
an edit to a TSV file. Each loader reads its file once per process (``lru_cache``) and
raises ``LexiconError`` naming the file and line when a row is malformed.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extractor import re_cache

DATA_DIR = Path(__file__).with_name("data")

RELATIONS = ("outperforms", "matches", "underperforms")
CUE_SHAPES = ("after", "with", "than", "versus", "adjacent", "opening", "even")


class LexiconError(ValueError):
    """A data file is missing or has a malformed row."""


@dataclass(frozen=True)
class BenchmarkEntry:
    """One row of ``benchmarks.tsv``: the canonical name, its family and every alias (which way is better
    is the ``vocabulary`` package's to say)."""

    canonical: str
    family: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class ComparisonCue:
    phrase: str
    relation: str
    shape: str


def _rows(name: str, min_cols: int) -> list[tuple[int, list[str]]]:
    path = DATA_DIR / name
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read lexicon ({exc.strerror or exc})") from exc
    rows: list[tuple[int, list[str]]] = []
    for no, line in enumerate(raw.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) < min_cols or not cols[0]:
            raise LexiconError(f"{path}:{no}: expected {min_cols} tab-separated columns, got {len(cols)}")
        rows.append((no, cols))
    return rows


@lru_cache(maxsize=1)
def benchmarks() -> tuple[BenchmarkEntry, ...]:
    """The benchmark gazetteer ``benchmarks.tsv``: canonical, family, aliases (|)."""
    out: list[BenchmarkEntry] = []
    for no, cols in _rows("benchmarks.tsv", 3):
        if len(cols) > 3:
            raise LexiconError(f"{DATA_DIR / 'benchmarks.tsv'}:{no}: expected 3 tab-separated columns, got "
                               f"{len(cols)} (which way is better lives in vocabulary/data/vocabulary.toml)")
        canonical, family, aliases = cols
        names = tuple(dict.fromkeys([canonical, *(a.strip() for a in aliases.split("|") if a.strip())]))
        out.append(BenchmarkEntry(canonical, None if family in ("", "-") else family, names))
    return tuple(out)


@lru_cache(maxsize=1)
def metric_words() -> dict[str, str]:
    """Surface form (lower-cased) -> metric name."""
    return {cols[0].lower(): cols[1] for _, cols in _rows("metrics.tsv", 2)}


@lru_cache(maxsize=1)
def metric_surfaces() -> tuple[str, ...]:
    """Metric words as written in the data file (mixed case kept: mAP, mIoU, nDCG)."""
    return tuple(cols[0] for _, cols in _rows("metrics.tsv", 2))


@lru_cache(maxsize=1)
def unit_words() -> dict[str, str]:
    """Surface form (lower-cased) -> unit (one of schemas.UNITS)."""
    return {cols[0].lower(): cols[1] for _, cols in _rows("units.tsv", 2)}


@lru_cache(maxsize=1)
def comparison_cues() -> tuple[ComparisonCue, ...]:
    """Comparison cue phrases with their relation and where the baseline sits."""
    out = []
    for no, cols in _rows("comparison_cues.tsv", 3):
        phrase, relation, shape = cols[:3]
        if relation not in RELATIONS or shape not in CUE_SHAPES:
            raise LexiconError(f"{DATA_DIR / 'comparison_cues.tsv'}:{no}: bad relation/shape {relation!r}/{shape!r}")
        out.append(ComparisonCue(phrase, relation, shape))
        if phrase.endswith(" with"):  # notes and chats write "w/": "roughly tied w/ Qwen 7B", "on par w/ Gemma"
            out.append(ComparisonCue(phrase[:-4] + "w/", relation, shape))
    return tuple(out)


RELEASE_PLACES = ("after_name", "before_name", "own", "own_work")


@lru_cache(maxsize=1)
def release_phrases() -> dict[str, tuple[str, ...]]:
    """Phrases of a release or of ownership, by where the model's name sits (``release_phrases.tsv``)."""
    out: dict[str, list[str]] = {place: [] for place in RELEASE_PLACES}
    for no, cols in _rows("release_phrases.tsv", 2):
        if cols[1] not in RELEASE_PLACES:
            raise LexiconError(f"{DATA_DIR / 'release_phrases.tsv'}:{no}: bad place {cols[1]!r}")
        out[cols[1]].append(cols[0])
    return {place: tuple(phrases) for place, phrases in out.items()}


def _lines(name: str) -> tuple[str, ...]:
    return tuple(cols[0] for _, cols in _rows(name, 1))


@lru_cache(maxsize=1)
def zh_model_brands() -> tuple[str, ...]:
    """Chinese model brands that a version or tier follows ("文心 4.5", "豆包 1.5 Pro"), longest first."""
    return tuple(sorted(_lines("zh_model_brands.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def subject_words() -> tuple[str, ...]:
    """Pronouns and phrases that refer to the section's subject (它, 该模型, our method...)."""
    return _lines("subject_words.txt")


@lru_cache(maxsize=1)
def benchmark_backrefs() -> tuple[str, ...]:
    """Phrases that refer back to a benchmark named earlier (该基准, the same benchmark)."""
    return _lines("benchmark_backrefs.txt")


@lru_cache(maxsize=1)
def title_suffixes() -> tuple[str, ...]:
    """Title endings that are not part of a name ("Technical Report", "Model Card"), longest first."""
    return tuple(sorted(_lines("title_suffixes.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def model_vendors() -> tuple[str, ...]:
    """Prefixes of known model families (GPT, Claude, Qwen, ...)."""
    return _lines("model_vendors.txt")


@lru_cache(maxsize=1)
def not_claim_words() -> dict[str, tuple[str, ...]]:
    """Words next to a number that make it a count/price/date, keyed by 'after' / 'before'."""
    out: dict[str, list[str]] = {"after": [], "before": []}
    for no, cols in _rows("not_claim.tsv", 2):
        if cols[1] not in out:
            raise LexiconError(f"{DATA_DIR / 'not_claim.tsv'}:{no}: position must be after or before")
        out[cols[1]].append(cols[0])
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def name_stopwords() -> frozenset[str]:
    """Latin words shaped like names that are never models or benchmarks (AI, LLM, GPU, A800...)."""
    return frozenset(w.lower() for w in _lines("name_stopwords.txt")) | hardware()


@lru_cache(maxsize=1)
def lowercase_benchmarks() -> frozenset[str]:
    """Short benchmark acronyms that also name the benchmark in lower case (no English word), lower-cased."""
    return frozenset(w.lower() for w in _lines("lowercase_benchmarks.txt"))


@lru_cache(maxsize=1)
def setting_words() -> frozenset[str]:
    """Words for how a model is run or trained (CoT, TIR, SFT, RL), lower-cased: never a subject."""
    return frozenset(w.lower() for w in _lines("setting_words.txt"))


@lru_cache(maxsize=1)
def rating_benchmarks() -> frozenset[str]:
    """Canonical benchmarks scored as Elo-style ratings (Codeforces): an unstated unit is elo."""
    return frozenset(_lines("rating_benchmarks.txt"))


@lru_cache(maxsize=1)
def hardware() -> frozenset[str]:
    """Accelerator names (A800, H100, 4090), lower-cased: "用 8 张 A800" names no model."""
    return frozenset(w.lower() for w in _lines("hardware.txt"))


@lru_cache(maxsize=1)
def baseline_heads() -> tuple[str, ...]:
    """Head words a descriptive baseline must end with (模型, 方法, baselines, human experts...)."""
    return _lines("baseline_heads.txt")


@lru_cache(maxsize=1)
def group_subjects() -> tuple[str, ...]:
    """Words naming many models at once (参评模型, "the models tested"): a value they own is no one model's."""
    return _lines("group_subjects.txt")


@lru_cache(maxsize=1)
def organizations() -> frozenset[str]:
    """Labs, companies and platforms (lower-cased): never the subject of a claim, maybe a baseline."""
    return frozenset(w.lower() for w in _lines("organizations.txt"))


def phrase_pattern(phrases: Iterable[str], ignore_case: bool = False) -> str:
    """A regex source matching any of ``phrases`` (longest first), built as a character trie.

    Python's ``re`` tries the branches of a flat alternation one after another at every
    position; with hundreds of aliases that dominates the run time. A trie shares prefixes,
    so each position costs one branch per character instead. ``ignore_case`` adds the usual
    case variants of each phrase (lower, UPPER, Capitalised, Each-Part-Capitalised) rather
    than compiling with ``re.IGNORECASE``, which would defeat ``re``'s first-character scan.

    Within the pipeline's build the source comes from the regex cache when an earlier run built it from the same
    phrases and the same code (``_source_digest``, ``extractor.re_cache.cached_source``).
    """
    given = list(phrases)
    # (the source depends only on which phrases there are: the trie sorts every level)
    key = _source_digest("phrase", ignore_case, sorted({p for p in given if p}))
    if key is None:
        return _phrase_trie(given, ignore_case)
    return re_cache.cached_source(key, lambda: _phrase_trie(given, ignore_case))


def _phrase_trie(phrases: list[str], ignore_case: bool) -> str:
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for phrase in phrases:
        if not phrase:
            continue
        for variant in case_variants(phrase) if ignore_case else (phrase,):
            node = trie
            for ch in variant:
                node = node.setdefault(ch, {})
            node[""] = {}
    return _trie_source(trie) or "(?!)"


_WORD_START = r"(?<![A-Za-z0-9][\s\S])"  # after the first character: the one before it is no letter/digit
_WORD_END = "\x01"  # trie key: a phrase ends here, not inside a longer Latin word


def word_phrase_pattern(bounded: Iterable[str], plain: Iterable[str] = (), plain_ignore_case: bool = False,
                        exact: Iterable[str] = ()) -> str:
    """One trie regex for ``bounded`` phrases (whole Latin words only, any usual case) and
    ``plain`` ones (matched anywhere: Chinese phrases); ``exact`` words (whole words, only as
    written: "IS", not "is") are tried after them, in that order.

    The word-start check sits after each phrase's first character instead of in front of the
    whole alternation, so every branch still starts with a literal and ``re`` can skip ahead
    to the next possible first character (a leading look-behind makes it try every position:
    about three times slower on Chinese text).

    The source comes from the regex cache as ``phrase_pattern``'s does.
    """
    words, others, exact_words = list(bounded), list(plain), list(exact)
    # (``exact`` words are tried in their order; the rest is sorted by the trie)
    key = _source_digest("word", plain_ignore_case, sorted({p for p in words if p}), sorted({p for p in others if p}),
                         [w for w in exact_words if w])
    if key is None:
        return _word_trie(words, others, plain_ignore_case, exact_words)
    return re_cache.cached_source(key, lambda: _word_trie(words, others, plain_ignore_case, exact_words))


def _word_trie(bounded: list[str], plain: list[str], plain_ignore_case: bool, exact: list[str]) -> str:
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    entries = [(v, True) for p in bounded if p for v in case_variants(p)]
    entries += [(v, False) for p in plain if p for v in (case_variants(p) if plain_ignore_case else (p,))]
    for variant, word in entries:
        node = trie.setdefault(variant[0] + (_WORD_END if word else ""), {})
        for ch in variant[1:]:
            node = node.setdefault(ch, {})
        node[_WORD_END if word else ""] = {}
    branches = [_escape(key[0]) + (_WORD_START if key.endswith(_WORD_END) else "") + _trie_source(child)
                for key, child in sorted(trie.items())]
    # (in the same alternation, each with its first letter first: one "\b…" branch would make ``re`` try every position)
    branches += [re.escape(word[0]) + r"(?<!\w[\s\S])" + re.escape(word[1:]) + r"\b" for word in exact if word]
    return "(?:" + "|".join(branches) + ")" if branches else "(?!)"


@lru_cache(maxsize=1)
def _code_digest() -> bytes | None:
    """A digest of this module's source, the code that builds the trie sources; None when it cannot be read (the
    sources are then built every time)."""
    try:
        return hashlib.sha256(Path(__file__).with_name("lexicon.py").read_bytes()).digest()
    except OSError:
        return None


def _source_digest(kind: str, flag: bool, *words: list[str]) -> str | None:
    """The key of a trie source in the regex cache: its kind, flag and words, and the code that builds it."""
    code = _code_digest()
    if code is None:
        return None
    digest = hashlib.sha256(code)
    digest.update(repr((kind, flag, words)).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def case_variants(phrase: str) -> set[str]:
    """The spellings of ``phrase`` that differ only in case and that texts actually use."""
    parts_capitalised = re.sub(r"(^|[\s\-_/])([a-z])", lambda m: m.group(1) + m.group(2).upper(), phrase)
    return {phrase, phrase.lower(), phrase.upper(), phrase[:1].upper() + phrase[1:], parts_capitalised,
            parts_capitalised.lower()[:1] + parts_capitalised[1:] if parts_capitalised else ""} - {""}


_ESCAPED: dict[str, str] = {}


def _escape(ch: str) -> str:
    """``re.escape(ch)``, worked out once per character (the tries escape ~30,000 characters at each start, a few hundred
    distinct ones)."""
    out = _ESCAPED.get(ch)
    if out is None:
        out = _ESCAPED[ch] = re.escape(ch)
    return out


def _trie_source(node: dict) -> str:  # type: ignore[type-arg]
    ends_here = "" in node
    branches = [_escape(ch) + _trie_source(child) for ch, child in sorted(node.items()) if ch and ch != _WORD_END]
    if _WORD_END in node:  # a whole-word phrase may end here: longer phrases first, then the word end
        return "(?:" + "|".join([*branches, "(?![A-Za-z0-9])"]) + ")" if branches else "(?![A-Za-z0-9])"
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return "(?:" + body + ")?" if len(branches) > 1 or len(body) > 1 else body + "?"
    return body


@lru_cache(maxsize=1)
def title_labels() -> frozenset[str]:
    """Labels (upper-cased) that open a title and name the kind of post ("AMA", "PSA", "RFC")."""
    return frozenset(w.upper() for w in _lines("title_labels.txt"))


@lru_cache(maxsize=1)
def numbered_parts() -> frozenset[str]:
    """Words (lower-cased) that with a number name a part of a text or a sequence ("Part 2", "Round 3")."""
    return frozenset(w.lower() for w in _lines("numbered_parts.txt"))


@lru_cache(maxsize=1)
def generic_headings() -> frozenset[str]:
    """Headings (lower-cased) that name a part of a document (Evaluation, 评测结果), never a subject."""
    return frozenset(w.lower() for w in _lines("generic_headings.txt"))
