"""Cutting a document into sections and sentences, with character offsets.

Every later step (candidate scan, rules, LLM chunks) works on spans of the original
text, so quotes can always be sliced back out of ``Document.text`` unchanged.
"""

from __future__ import annotations

import re

from schemas import Section, Span

# A Markdown heading line (``#Title`` without a space is common in scraped Chinese articles).
_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]*(\S[^\n]*?)[ \t#]*$", re.MULTILINE)
# The ``[title](https://arxiv.org/abs/...)`` line that opens each entry of a paper digest.
_ARXIV_LINE = re.compile(r"^[ \t]*\[([^\]\n]+)\]\(https?://(?:www\.)?arxiv\.org/(?:abs|pdf)/[^)\s]+\)[ \t]*$",
                         re.MULTILINE)
# A method name at the start of a title, before a colon: "LongRAG: Enhancing ..." -> "LongRAG".
_TITLE_NAME = re.compile(r"^\s*([^:：\n]{1,40}?)\s*[:：]")
# A compact name (no spaces) as a whole title: "#DAPO", "#Skywork-R1V", "#GSM-Plus".
_NAME_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9_.+\-']*(?:[ ][A-Z0-9][A-Za-z0-9_.+\-']*){0,2}", re.ASCII)
# "we propose X" / "提出了 X" in a section's opening, when the title names no method.
_INTRO = re.compile(
    r"(?:提出了?|推出了?|发布了?|引入了?|介绍了?|开源了?|名为|称为|叫做|propose[sd]?|introduce[sd]?|present(?:s|ed)?|release[sd]?)"
    r"[^。！？.!?\n]{0,30}?"
    r"(?:[,，]\s*|\s|「|“|\"|^)([A-Z][A-Za-z0-9]*(?:[-+.][A-Za-z0-9]+)*(?:[ ][A-Z0-9][\w.\-]*)?)"
)

_ZH_END = "。！？；!?;\n"
# An English sentence end: . ! ? followed by whitespace (or end), not inside a number/abbreviation.
_ABBREVIATIONS = frozenset(
    "e.g i.e etc vs al fig figs eq eqs no nos sec dr mr mrs ms prof inc ltd co corp jr sr st u.s u.k approx resp cf".split()
)


def _title_subject(title: str | None) -> str | None:
    """The method a heading names, if it names one."""
    if not title:
        return None
    t = title.strip().strip("#").strip()
    m = _TITLE_NAME.match(t)
    if m:
        head = m.group(1).strip()
        if head and len(head.split()) <= 4 and not re.search(r"[\u4e00-\u9fff]", head):
            return head
    # Whole-title names such as "DAPO", "Skywork-R1V", "Mistral Small 3.1".
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9_.+\-' ]{0,40}", t) and len(t.split()) <= 3:
        return t
    return None


def _first_sentence_subject(text: str, start: int, end: int) -> str | None:
    """A method introduced near the start of the section ("we propose X", "提出了 X")."""
    window = text[start:min(end, start + 1500)]
    m = _INTRO.search(window)
    if m:
        return m.group(1).rstrip(".-")
    return None


def _section(text: str, title: str | None, start: int, end: int) -> Section:
    subject = _title_subject(title) or _first_sentence_subject(text, start, end)
    if subject is None and title:
        m = _NAME_TOKEN.match(title.strip())
        if m and m.end() == len(title.strip()):
            subject = m.group(0)
    return Section(title=title, start=start, end=end, subject=subject)


def split_sections(text: str) -> list[Section]:
    """Sections at ``#`` headings and at the arXiv link lines of paper digests.

    A heading directly followed by an arXiv line is one section (titled by the heading);
    an arXiv line with no heading before it opens a section titled by its link text.
    Text before the first boundary is a section with title None (if it has any text).
    """
    bounds: list[tuple[int, str]] = []  # (offset of line start, title)
    for m in _HEADING.finditer(text):
        bounds.append((m.start(), m.group(2).strip()))
    heading_ends = {m.end() for m in _HEADING.finditer(text)}
    for m in _ARXIV_LINE.finditer(text):
        # Belongs to the heading just above it (only blank lines in between)?
        before = text[:m.start()].rstrip()
        if any(before and len(before) == e or text[e:m.start()].strip() == "" for e in heading_ends if e <= m.start()):
            continue
        bounds.append((m.start(), m.group(1).strip()))
    bounds.sort()
    sections: list[Section] = []
    first = bounds[0][0] if bounds else len(text)
    if text[:first].strip():
        sections.append(_section(text, None, 0, first))
    for i, (start, title) in enumerate(bounds):
        end = bounds[i + 1][0] if i + 1 < len(bounds) else len(text)
        sections.append(_section(text, title, start, end))
    return sections


_SENT_BREAK = re.compile(r"[。！？；!?;\n]+|\.(?=\s|$)")


def _is_false_period(text: str, dot: int) -> bool:
    """A '.' that does not end an English sentence (abbreviation, initial, decimal)."""
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].lower()
    if word in _ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha() and text[j].isupper():  # an initial: "J. Smith"
        return True
    return False


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of ``text[start:end]`` as spans into ``text``.

    Chinese sentences end at 。！？； and newlines; English ones at . ! ? followed by a space
    or the end, except after abbreviations (e.g., U.S., et al.) — decimals (2.5) and
    version numbers (v1.2) never break because their dot is followed by a digit.
    Spans are stripped of surrounding whitespace; empty sentences are dropped.
    """
    stop = len(text) if end is None else min(end, len(text))
    spans: list[Span] = []
    pos = start
    for m in _SENT_BREAK.finditer(text, start, stop):
        if m.group(0) == "." and _is_false_period(text, m.start()):
            continue
        _add(text, pos, m.end() if m.group(0)[0] not in "\n" else m.start(), spans)
        pos = m.end()
    _add(text, pos, stop, spans)
    return spans


def _add(text: str, a: int, b: int, spans: list[Span]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        spans.append(Span(start=a, end=b))
