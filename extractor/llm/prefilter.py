"""What goes to the LLM: candidate sentences and whole tables, grouped into chunks by section.

Why: LLM time is the cost of this backend, and most of an article is narrative with no
result in it. The teammates' cheap candidate finder (``extractor.candidates``) keeps the
sentences with a result-like number or a comparison cue; tables go whole (a row means
nothing without its header). Gold-quote coverage is widened here, not in their finder:
a sentence with a comparison word (``prefilter_cues.txt``), or with a broad result word
and a number (``prefilter_number_cues.txt``), or with a result-like number also goes, and
so does a short sentence right after a candidate (Chinese text often states the number in
a follow-up clause). Digits inside links (arXiv ids, URLs) are no numbers here: a list of
paper links is not a list of results. Every excerpt is one sentence or a run of adjacent
ones, sent once, with no surrounding context beyond the section's title and subject.

Each chunk keeps, for every excerpt it holds, the excerpt's offsets in the document, so a
quote found in the chunk maps back to exact document offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from extractor.candidates import candidate_sentences
from extractor.llm.prompt import EXCERPT_MARK, user_message
from extractor.segment import split_sections, split_sentences
from extractor.tables import table_spans as extractor_table_spans
from schemas import Document, Section, Span

EXCERPT_SEPARATOR = "\n"
DEFAULT_MAX_CHUNK_CHARS = 4000
NEIGHBOUR_MAX_CHARS = 60  # a follow-up sentence this short rides along with a candidate


@dataclass(frozen=True)
class Excerpt:
    """A verbatim stretch of the document: ``document.text[start:end]``."""

    start: int
    end: int
    is_table: bool = False


@dataclass
class Chunk:
    """One LLM request's worth of excerpts from one section."""

    section: Section
    excerpts: list[Excerpt] = field(default_factory=list)
    text: str = ""
    offsets: list[int] = field(default_factory=list)  # where each excerpt starts in ``text``

    def add(self, doc_text: str, ex: Excerpt) -> None:
        if self.text:
            self.text += EXCERPT_SEPARATOR
        self.offsets.append(len(self.text))
        self.excerpts.append(ex)
        self.text += doc_text[ex.start:ex.end]

    @property
    def message(self) -> str:
        """The user message sent for this chunk (section context + excerpts)."""
        return user_message(self.section.title, self.section.subject, self.text)

    @property
    def spans(self) -> list[Span]:
        return [Span(start=e.start, end=e.end) for e in self.excerpts]


@dataclass
class PackedChunk(Chunk):
    """Several small sections' chunks sent as one request, each with its own ``Section:`` context.

    Why: one request per tiny section repeats the request overhead (system prompt, schema
    preamble, a decode start) for a sentence or two. ``excerpts`` is the union of the parts'
    (for the rules fallback); grounding goes part by part, so each claim gets its own section.
    """

    parts: list[Chunk] = field(default_factory=list)

    @property
    def message(self) -> str:
        return "\n\n".join(part.message for part in self.parts)


def pack(parts: list[Chunk]) -> Chunk:
    """One chunk for ``parts`` (the part itself when there is only one)."""
    if len(parts) == 1:
        return parts[0]
    packed = PackedChunk(section=parts[0].section, parts=list(parts))
    packed.excerpts = [e for p in parts for e in p.excerpts]
    packed.text = "\n".join(p.text for p in parts)
    return packed


def pack_chunks(chunks: list[Chunk], max_chars: int) -> list[Chunk]:
    """Consecutive chunks packed together while their messages fit ``max_chars`` (in text order)."""
    out: list[Chunk] = []
    group: list[Chunk] = []
    size = 0
    for chunk in chunks:
        n = len(chunk.message)
        if group and size + n > max_chars:
            out.append(pack(group))
            group, size = [], 0
        group.append(chunk)
        size += n + 2
    if group:
        out.append(pack(group))
    return out


def _trim(text: str, start: int, end: int) -> Span | None:
    """``[start, end)`` without surrounding whitespace, so an excerpt is exactly its sentence or table."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start=start, end=end) if end > start else None


def document_sections(document: Document) -> list[Section]:
    """The document's sections (as read, else split now; at least one section)."""
    sections = list(document.sections) or split_sections(document.text)
    return sections or [Section(title=None, start=0, end=len(document.text))]


_MD_TABLE = re.compile(r"(?:^[ \t]*\|[^\n]*\|[ \t]*(?:\n|$)){2,}", re.MULTILINE)
_HTML_TABLE = re.compile(r"<table\b.*?</table\s*>", re.IGNORECASE | re.DOTALL)


def table_spans(text: str) -> list[Span]:
    """Whole tables (Markdown pipe tables and HTML ``<table>``), as the table reader finds them."""
    try:
        bounds = extractor_table_spans(text)
    except Exception:  # the table parser choking on odd markup must not lose the document
        bounds = []
    if not bounds:
        bounds = [(m.start(), m.end()) for rx in (_MD_TABLE, _HTML_TABLE) for m in rx.finditer(text)]
    return [span for a, b in bounds if (span := _trim(text, a, b)) is not None]


PROMPTS = Path(__file__).resolve().parent.parent / "data" / "prompts"
CUES_FILE = PROMPTS / "prefilter_cues.txt"  # a comparison word: the sentence goes
NUMBER_CUES_FILE = PROMPTS / "prefilter_number_cues.txt"  # a broad result word: the sentence goes with a number
# A result-like number: with %, 分, 倍, points, pp, or written with decimals.
_RESULT_NUMBER = re.compile(r"\d\s*(?:%|％|分|倍|points?|pp)|\d\.\d")
_DIGIT = re.compile(r"\d")
# a link target (Markdown ``](...)``, a bare URL): its digits are ids and dates, not results
_LINK = re.compile(r"\]\([^)\s]*\)|https?://\S+|www\.\S+")


class PrefilterError(RuntimeError):
    """The prefilter's cue file is missing (names the file)."""


@lru_cache(maxsize=4)
def _cue_regex(path: Path = CUES_FILE) -> re.Pattern[str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise PrefilterError(f"{path}: cannot read prefilter cues ({exc.strerror or exc})") from exc
    cues = sorted({c.strip() for c in lines if c.strip() and not c.lstrip().startswith("#")}, key=len, reverse=True)
    return re.compile("|".join(re.escape(c) for c in cues), re.IGNORECASE)


def without_links(sentence: str) -> str:
    """``sentence`` with link targets blanked (same length), so their digits count as no number."""
    return _LINK.sub(lambda m: " " * len(m.group()), sentence)


def candidate_spans(text: str) -> list[Span]:
    """Sentences worth sending: the candidate finder's, widened as the module docstring says.

    Widening: a sentence with a comparison cue (``prefilter_cues.txt``), with a broad cue
    (``prefilter_number_cues.txt``) and a digit, or with a result-like number; and a short
    sentence holding a digit right after a sentence that was taken. Digits in links do not count.
    """
    sentences = split_sentences(text)
    chosen: set[Span] = set(candidate_sentences(text))
    cue, number_cue = _cue_regex(CUES_FILE), _cue_regex(NUMBER_CUES_FILE)
    keep: list[Span] = []
    prev_kept = False
    for s in sentences:
        sent = text[s.start:s.end]
        bare = without_links(sent)
        digit = _DIGIT.search(bare) is not None
        take = (s in chosen or cue.search(sent) is not None or _RESULT_NUMBER.search(bare) is not None
                or (digit and number_cue.search(sent) is not None)
                or (prev_kept and len(sent) <= NEIGHBOUR_MAX_CHARS and digit))
        if take:
            keep.append(s)
        prev_kept = take
    # spans the finder returned that our sentence split does not know (a different splitter)
    known = set(sentences)
    keep.extend(s for s in chosen if s not in known)
    return sorted(set(keep), key=lambda s: (s.start, s.end))


def _merge(text: str, spans: Iterable[Excerpt]) -> list[Excerpt]:
    """Merge overlapping excerpts and ones separated only by spaces (not newlines).

    Adjacent sentences of one paragraph become one excerpt, so a quote spanning both is
    still verbatim in the chunk.
    """
    out: list[Excerpt] = []
    for ex in sorted(spans, key=lambda e: (e.start, e.end)):
        if out:
            last = out[-1]
            gap = text[last.end:ex.start] if ex.start > last.end else ""
            if ex.start <= last.end or (gap.strip() == "" and "\n" not in gap):
                out[-1] = Excerpt(last.start, max(last.end, ex.end), last.is_table or ex.is_table)
                continue
        out.append(ex)
    return out


# a heading line with no number states no result, and is sent anyway as the chunk's "Section:" context
_BARE_HEADING = re.compile(r"^#{1,6}[ \t][^\d\n]*$")


def _outside_tables(text: str, s: Span, tables: list[tuple[int, int]]) -> Excerpt | None:
    """The part of a candidate sentence before any table it runs into; None for one inside a table."""
    end = s.end
    for a, b in tables:
        if a <= s.start < b:
            return None
        if s.start < a < end:
            end = a
    span = _trim(text, s.start, end)
    return Excerpt(span.start, span.end) if span is not None else None


def build_chunks(document: Document, max_chars: int = DEFAULT_MAX_CHUNK_CHARS, tables: bool = True) -> list[Chunk]:
    """The chunks to send for ``document``: candidates and (with ``tables``) whole tables, grouped by section.

    A chunk never mixes sections (the section title is its context); a section whose
    excerpts exceed ``max_chars`` is split between excerpts (a long table goes whole).
    ``tables=False`` leaves tables out entirely (the LLM backend sends them as row groups,
    ``extractor.llm.tables``; the hybrid backend not at all).
    """
    text = document.text
    found = [Excerpt(s.start, s.end, True) for s in table_spans(text)]
    in_table = [(t.start, t.end) for t in found]
    sentences = [ex for s in candidate_spans(text) if (ex := _outside_tables(text, s, in_table)) is not None
                 and not _BARE_HEADING.match(text[ex.start:ex.end])]
    excerpts = _merge(text, (found if tables else []) + sentences)
    chunks: list[Chunk] = []
    for section in document_sections(document):
        current: Chunk | None = None
        for ex in excerpts:
            if not (section.start <= ex.start < section.end):
                continue
            ex = Excerpt(ex.start, min(ex.end, section.end), ex.is_table)
            if current is None or (current.text and len(current.text) + ex.end - ex.start > max_chars):
                current = Chunk(section=section)
                chunks.append(current)
            current.add(text, ex)
    return chunks


def chunk_header_len(chunk: Chunk) -> int:
    """Characters of section context sent with the chunk (the part of the message before the excerpts)."""
    return chunk.message.index(EXCERPT_MARK) + len(EXCERPT_MARK)


def focus(chunk: Chunk, quotes: list[str], doc_text: str) -> Chunk:
    """The part of ``chunk`` a re-ask needs: only the excerpts holding one of ``quotes`` (each part keeps its section).

    Why: a grounding re-ask is about a few dropped claims; sending the whole chunk again doubles
    the prompt of every chunk with one bad claim. A quote found in no excerpt (the model did not
    copy it) cannot be placed, so then the whole chunk goes again.
    """
    if not quotes:
        return chunk
    parts = chunk.parts if isinstance(chunk, PackedChunk) else [chunk]
    placed: set[str] = set()
    focused: list[Chunk] = []
    for part in parts:
        kept = Chunk(section=part.section)
        for ex in part.excerpts:
            text = doc_text[ex.start:ex.end]
            hits = {q for q in quotes if q and q in text}
            if hits:
                placed |= hits
                kept.add(doc_text, ex)
        if kept.excerpts:
            focused.append(kept)
    if not focused or any(q not in placed for q in quotes):
        return chunk
    return pack(focused)
