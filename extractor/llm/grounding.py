"""Grounding: every claim an LLM returns is located in the source, or dropped.

Why: a language model can invent a number, a model name or a quote. The warehouse must
only ever hold statements that are in the document, so each claim must pass three
checks before it becomes a ``ScoreClaim`` / ``ComparisonClaim``:

1. its quote is found in one of the chunk's excerpts — tolerant of whitespace,
   punctuation, full-/half-width forms and case (both sides are normalised with a map
   back to original offsets), and of an elided middle ("A ... B") — and is then replaced
   by the exact document text at those offsets, so ``text[start:end] == quote``;
2. every number it carries (value, value_high, delta) occurs in that quote, also in the
   other percentage form (0.875 vs 87.5);
3. its model, benchmark and baseline names occur in the document, each whitespace-separated
   part whole — case/space/dash/punctuation-insensitive ("SuperCLUE 理科" from "SuperCLUE" and
   "理科任务"; "Qwen2.5-14B" from "Qwen2.5 的 7B、14B"); a name with a parenthetical
   ("Kestrel-8B (ours)") counts by its part before it; a description ("existing speech-enabled
   LLMs", "OpenAI 的视觉模型") needs each of its name-like words, and one with none ("previous
   models", "基线") nothing. An invented "GPT-7-Ultra" fails even where "GPT" and "Ultra" occur
   (the old check asked for half of the tokens anywhere in the section). The whole document,
   not only the chunk, because papers name their method and benchmarks in the title and
   introduction and refer to them later ("SWE-bench Verified" in a "Summary" section that
   says "SWE-bench");
4. a score quoting a table row must agree with the parsed cell: a cell of that row holds
   its value, under its benchmark's column and with its model as the row label (or
   transposed) — a value from the neighbouring cell is dropped (``tables.cell_agrees``).

A claim that fails is reported with the reason; the caller counts it in
``stats.dropped_ungrounded``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from extractor.llm.prefilter import Chunk
from extractor.llm.tables import cell_agrees
from schemas import ComparisonClaim, ComparisonFacts, Document, ScoreClaim, ScoreFacts

AnyClaim = ScoreClaim | ComparisonClaim
_KEEP_PUNCT = {".", "%", "@", "#"}  # meaningful in results: 3.2 (vs 32), 71%, pass@1
_ELLIPSIS = re.compile(r"\s*(?:\.{3,}|…+|⋯+)\s*")
_NUMBER = re.compile(r"\d+(?:[,，]\d{3})*(?:\.\d+)?")
_NAME_SPLIT = re.compile(r"[\s()（）\[\]{}<>《》「」“”\"'‘’,，、;；:：/|+&\-_]+")
_FOLD_DROP = re.compile(r"[\s\-‐‑‒–—―−_.'’‘`·()（）\[\]{}「」《》“”\"]+")  # spaces, dashes of every width


def _norm_char(c: str) -> str:
    """One character as compared: NFKC, lower-cased; '' for whitespace and punctuation."""
    n = unicodedata.normalize("NFKC", c).lower()
    out = []
    for ch in n:
        cat = unicodedata.category(ch)
        if ch.isspace() or cat.startswith("Z") or cat.startswith("C"):
            continue
        if (cat.startswith("P") and ch not in _KEEP_PUNCT) or ch == "|":  # '|': table cell borders
            continue
        out.append(ch)
    return "".join(out)


_TAG = re.compile(r"<[^<>\n]{0,200}>")


def normalise_with_map(text: str, skip_tags: bool = False) -> tuple[str, list[int]]:
    """``text`` normalised, and for each normalised character the index of its source character.

    A '.' is kept only as a decimal point (between digits): "3.2" must not match "32",
    but a sentence-final "." must not stop "高出3.2分." matching "高出 3.2 分。".
    With ``skip_tags`` HTML tags are skipped, so a quote of an HTML table row's text
    ("FooLM 62.1") is found in ``<td>FooLM</td><td>62.1</td>``.
    """
    hidden: set[int] = set()
    if skip_tags:
        for m in _TAG.finditer(text):
            hidden.update(range(m.start(), m.end()))
    chars: list[str] = []
    index: list[int] = []
    for i, c in enumerate(text):
        if i in hidden:
            continue
        for ch in _norm_char(c):
            if ch == "." and not (chars and chars[-1].isdigit() and i + 1 < len(text) and text[i + 1].isdigit()):
                continue
            chars.append(ch)
            index.append(i)
    return "".join(chars), index


def _find_normalised(hay: str, hay_map: list[int], needle: str, from_pos: int = 0) -> tuple[int, int, int] | None:
    """(start, end) in the original text of ``needle`` (already normalised), and the next search position."""
    if not needle:
        return None
    i = hay.find(needle, from_pos)
    if i < 0:
        return None
    j = i + len(needle) - 1
    return hay_map[i], hay_map[j] + 1, j + 1


def locate_quote(quote: str, excerpt_text: str) -> tuple[int, int] | None:
    """Offsets into ``excerpt_text`` of ``quote``, tolerant as the module docstring says."""
    if not quote.strip():
        return None
    exact = excerpt_text.find(quote)
    if exact >= 0:
        return exact, exact + len(quote)
    hit = _locate_normalised(quote, *normalise_with_map(excerpt_text))
    if hit is None and "<" in excerpt_text and ">" in excerpt_text:
        hit = _locate_normalised(quote, *normalise_with_map(excerpt_text, skip_tags=True))
    return hit


def _locate_normalised(quote: str, hay: str, hay_map: list[int]) -> tuple[int, int] | None:
    parts = [p for p in _ELLIPSIS.split(quote) if _norm_char_str(p)]
    if not parts:
        return None
    pos = 0
    start = end = -1
    for k, part in enumerate(parts):
        found = _find_normalised(hay, hay_map, _norm_char_str(part), pos)
        if found is None:
            return None
        a, b, pos = found
        if k == 0:
            start = a
        end = b
    if len(parts) > 1 and end - start > 4 * len(quote) + 40:  # pieces scattered over the excerpt: not one statement
        return None
    return start, end


def _norm_char_str(s: str) -> str:
    return normalise_with_map(s)[0]


def numbers_in(text: str) -> list[float]:
    """Every number written in ``text`` (thousands separators removed; sign ignored)."""
    folded = unicodedata.normalize("NFKC", text)
    out = []
    for m in _NUMBER.finditer(folded):
        try:
            out.append(float(m.group(0).replace(",", "").replace("，", "")))
        except ValueError:
            continue
    return out


def value_in(value: float, numbers: list[float]) -> bool:
    """``value`` is one of ``numbers`` (sign-insensitive), also as fraction vs percentage (0.875 ~ 87.5)."""
    v = abs(value)
    for n in numbers:
        for a, b in ((v, n), (v * 100, n), (v, n * 100)):
            if math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9):
                return True
    return False


def _fold(s: str) -> str:
    return _FOLD_DROP.sub("", unicodedata.normalize("NFKC", s)).lower()


def fold_text(text: str) -> str:
    """A whole text folded for name lookups (``_fold``): compute once per document."""
    return _fold(text)


def _name_like(token: str) -> bool:
    """A token that names something (not a plain lower-case English word such as 'previous')."""
    return not (token.isascii() and token.isalpha() and token.islower())


GENERIC_NAMES = frozenset({"baseline", "baselines", "基线", "基线模型", "human", "humans", "人类"})


def name_grounded(name: str | None, context_folded: str) -> bool:
    """Does ``name`` occur (loosely) in the folded context? None / generic names pass."""
    if name is None:
        return True
    if name.strip().lower() in GENERIC_NAMES:
        return True
    whole = _fold(name)
    if not whole or whole in context_folded:
        return True
    tokens = [t for t in _NAME_SPLIT.split(unicodedata.normalize("NFKC", name)) if t]
    # an acronym's plural ("LLMs") is written in the singular as often as not
    named = [_fold(t[:-1] if len(t) > 2 and t.endswith("s") and t[:-1].isupper() else t)
             for t in tokens if _name_like(t)]
    named = [t for t in named if t]
    if not named:
        return True  # purely descriptive ("previous models"): nothing checkable
    found = [t for t in named if t in context_folded]
    words = [t for t in named if not t.isdigit()]
    if not words:  # only numbers ("19 datasets"): all must be there
        return len(found) == len(named)
    # a bare number matches too easily ("5" in "48.5"): a word token must be among those found
    return any(t in found for t in words) and 2 * len(found) >= len(named)


_PAREN_TAIL = re.compile(r"\s*[(（\[][^()（）\[\]]*[)）\]]\s*$")
_SIZE_TAIL = re.compile(r"[\s\-_]*(\d+(?:\.\d+)?[BbMmKk])$")
_PLAIN_WORD = re.compile(r"^[a-z]{3,}$")


def is_description(name: str) -> bool:
    """'existing speech-enabled LLMs', 'best LLM', '19 datasets', 'OpenAI 的视觉模型': a phrase, not a name."""
    folded = unicodedata.normalize("NFKC", name)
    if "的" in folded:
        return True
    tokens = [t for t in re.split(r"[\s\-/]+", folded) if t]
    return any(_PLAIN_WORD.match(t) for t in tokens) or (len(tokens) > 1 and tokens[0].isdigit())


def _plural_ok(token: str, context_folded: str) -> bool:
    t = _fold(token)
    if t and t in context_folded:
        return True
    # an acronym's plural ("LLMs") is written in the singular as often as not
    return len(token) > 2 and token.endswith("s") and token[:-1].isupper() and _fold(token[:-1]) in context_folded


def _whole(candidate: str, context_folded: str) -> bool:
    """``candidate`` occurs in the context: whole, or part by part between spaces, or as family + size."""
    candidate = candidate.strip()
    whole = _fold(candidate)
    if whole and (whole in context_folded or _plural_ok(candidate, context_folded)):
        return True
    parts = [p for p in re.split(r"\s+", unicodedata.normalize("NFKC", candidate)) if _fold(p)]
    if len(parts) > 1 and all(_fold(p) in context_folded or _plural_ok(p, context_folded) for p in parts):
        return True
    size = _SIZE_TAIL.search(candidate)
    if size and size.start() > 0:
        family = _fold(candidate[:size.start()])
        if len(family) >= 2 and family in context_folded and _fold(size.group(1)) in context_folded:
            return True
    return False


def name_in_chunk(name: str | None, context_folded: str) -> bool:
    """Strict grounding of a name in the folded context (see the module docstring, check 3).

    None, generic names ("baseline") and descriptions with no name-like token pass.
    """
    if name is None or name.strip().lower() in GENERIC_NAMES:
        return True
    tokens = [t for t in _NAME_SPLIT.split(unicodedata.normalize("NFKC", name)) if t]
    named = [t for t in tokens if _name_like(t)]
    if not named:
        return True
    if is_description(name):
        return all(_plural_ok(t, context_folded) for t in named)
    return any(_whole(candidate, context_folded) for candidate in {name, _PAREN_TAIL.sub("", name)})


@dataclass
class Grounded:
    """The outcome for one claim: the located claim, or why it was dropped."""

    claim: AnyClaim | None
    reason: str | None = None


def _section_context(document: Document, chunk: Chunk) -> str:
    s = chunk.section
    parts = [s.title or "", s.subject or "", document.text[s.start:s.end]]
    return _fold(" ".join(parts))


class Grounder:
    """Grounds the claims of one chunk (caches the chunk's normalised context)."""

    def __init__(self, document: Document, chunk: Chunk, extractor_label: str,
                 subject_words: frozenset[str] = frozenset(), grids: list[Any] | None = None,
                 document_folded: str | None = None) -> None:
        self.document = document
        self.chunk = chunk
        self.label = extractor_label
        self.subject_words = subject_words
        self.grids = grids or []
        self._section_folded: str | None = None
        self._chunk_folded: str | None = None
        self._document_folded = document_folded  # the whole text folded, shared by a document's chunks

    @property
    def chunk_folded(self) -> str:
        """Where names must occur: the section's title and subject, and the document's text, folded."""
        if self._chunk_folded is None:
            if self._document_folded is None:
                self._document_folded = fold_text(self.document.text)
            s = self.chunk.section
            self._chunk_folded = _fold(" ".join([s.title or "", s.subject or ""])) + "\n" + self._document_folded
        return self._chunk_folded

    @property
    def section_folded(self) -> str:
        if self._section_folded is None:
            self._section_folded = _section_context(self.document, self.chunk)
        return self._section_folded

    def _locate(self, quote: str) -> tuple[int, int] | None:
        """Document offsets of ``quote`` within one of the chunk's excerpts."""
        text = self.document.text
        for ex in self.chunk.excerpts:
            hit = locate_quote(quote, text[ex.start:ex.end])
            if hit is not None:
                return ex.start + hit[0], ex.start + hit[1]
        return None

    def _resolve_subject(self, name: str) -> str:
        """'our method' / 该方法 -> the section's subject, when the LLM left the pronoun in."""
        subject = self.chunk.section.subject
        if subject and name.strip().lower() in self.subject_words:
            return subject
        return name

    def ground(self, facts: ScoreFacts | ComparisonFacts) -> Grounded:
        span = self._locate(facts.quote)
        if span is None:
            return Grounded(None, f"quote not found in the text sent: {facts.quote[:60]!r}")
        start, end = span
        quote = self.document.text[start:end]
        numbers = numbers_in(quote)
        for field_name in ("value", "value_high", "delta"):
            v = getattr(facts, field_name, None)
            if v is not None and not value_in(float(v), numbers):
                return Grounded(None, f"{field_name} {v:g} does not occur in the quote {quote[:60]!r}")
        data = facts.model_dump()
        data["model"] = self._resolve_subject(facts.model)
        for field_name in ("model", "benchmark", "baseline"):
            name = data.get(field_name)
            if not name_in_chunk(name, self.chunk_folded):
                return Grounded(None, f"{field_name} {name!r} occurs nowhere in the document "
                                      "(an invented name?)")
        if isinstance(facts, ScoreFacts):
            grid = next((g for g in self.grids if g.start <= start < g.end), None)
            if grid is not None and cell_agrees(grid, start, end, data["model"], data.get("benchmark"),
                                                float(facts.value)) is False:
                return Grounded(None, f"value {facts.value:g} is not the cell of {data['model']!r} x "
                                      f"{data.get('benchmark')!r} in the table row {quote[:60]!r}")
        section = self.chunk.section
        data.update(quote=quote, source=self.document.source, section=section.title, start=start, end=end,
                    extractor=self.label)
        claim: AnyClaim
        if isinstance(facts, ScoreFacts):
            claim = ScoreClaim.model_validate(data)
        else:
            claim = ComparisonClaim.model_validate(data)
        return Grounded(claim)
