"""Find results tables in a document's text and lay them out as grids with exact offsets.

Two shapes are recognised: Markdown pipe tables (a header line, a ``|---|`` separator,
body lines) and HTML ``<table>`` elements embedded in the text (model cards often mix
both). Either way the result is a ``Grid``: rows of cell texts, with merged cells
(``colspan``/``rowspan``) expanded so every row has one cell per column, and for each
row the character span of its source text, which becomes the claim's quote.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field


@dataclass
class Row:
    """One table row: its cells' texts (markup kept) and the span of its text in the document."""

    cells: list[str]
    start: int
    end: int
    header: bool = False


@dataclass
class Grid:
    """A table: header rows first, then body rows; ``start``/``end`` cover the whole table."""

    rows: list[Row]
    start: int
    end: int
    kind: str = "markdown"
    width: int = 0
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.width = max((len(r.cells) for r in self.rows), default=0)
        for r in self.rows:
            r.cells += [""] * (self.width - len(r.cells))

    @property
    def header_rows(self) -> list[Row]:
        return [r for r in self.rows if r.header]

    @property
    def body_rows(self) -> list[Row]:
        return [r for r in self.rows if not r.header]


_SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_LINE = re.compile(r"[^\n]*\n?")


def _split_pipe_row(line: str) -> list[str]:
    """Cells of a Markdown table line; escaped pipes (``\\|``) stay inside a cell."""
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", s)]


def _stripped_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_markdown_tables(text: str) -> list[Grid]:
    """Every pipe table: at least one header line directly above a ``---`` separator line."""
    lines: list[tuple[int, int, str]] = []
    pos = 0
    for m in _LINE.finditer(text):
        if not m.group(0):
            break
        lines.append((pos, pos + len(m.group(0).rstrip("\n")), m.group(0).rstrip("\n")))
        pos = m.end()
    grids: list[Grid] = []
    i = 0
    while i < len(lines):
        _, _, line = lines[i]
        if "|" in line and i + 1 < len(lines) and _SEPARATOR.match(lines[i + 1][2]) and "-" in lines[i + 1][2]:
            # Header lines: this one, plus piped lines right above it (rare multi-line headers).
            h0 = i
            while h0 - 1 >= 0 and "|" in lines[h0 - 1][2] and lines[h0 - 1][2].strip().startswith("|") \
                    and not _SEPARATOR.match(lines[h0 - 1][2]) and (not grids or lines[h0 - 1][0] >= grids[-1].end):
                h0 -= 1
            rows: list[Row] = []
            for j in range(h0, i + 1):
                s, e = _stripped_span(text, lines[j][0], lines[j][1])
                rows.append(Row(_split_pipe_row(lines[j][2]), s, e, header=True))
            k = i + 2
            while k < len(lines) and "|" in lines[k][2] and lines[k][2].strip():
                if k + 1 < len(lines) and _SEPARATOR.match(lines[k + 1][2]) and not _SEPARATOR.match(lines[k][2]):
                    break  # this line heads a new table that follows without a blank line
                if not _SEPARATOR.match(lines[k][2]):
                    s, e = _stripped_span(text, lines[k][0], lines[k][1])
                    rows.append(Row(_split_pipe_row(lines[k][2]), s, e))
                k += 1
            if any(not r.header for r in rows):
                grids.append(Grid(rows, rows[0].start, rows[-1].end, "markdown"))
            i = k
            continue
        i += 1
    return grids


_TABLE = re.compile(r"<table\b.*?</table\s*>", re.IGNORECASE | re.DOTALL)
_TR = re.compile(r"<tr\b[^>]*>(.*?)(?:</tr\s*>|(?=<tr\b)|(?=</table))", re.IGNORECASE | re.DOTALL)
_CELL = re.compile(r"<(t[dh])\b([^>]*)>(.*?)(?:</t[dh]\s*>|(?=<t[dh]\b)|$)", re.IGNORECASE | re.DOTALL)
_SPAN_ATTR = re.compile(r"""\b(colspan|rowspan)\s*=\s*["']?(\d+)""", re.IGNORECASE)
_TAG = re.compile(r"<(/?)(\w+)[^>]*>")
_HAS_TABLE = re.compile(r"<table", re.IGNORECASE)
_SUP = re.compile(r"<sup\b.*?</sup\s*>", re.IGNORECASE | re.DOTALL)
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)


def html_cell_text(fragment: str) -> str:
    """Visible text of an HTML cell, keeping bold/underline as Markdown ``**`` so best-score marks
    survive (they are stripped later, uniformly with Markdown tables)."""
    s = _SUP.sub("", _BR.sub(" ", fragment))  # footnote marks would glue onto the number

    def tag(m: re.Match[str]) -> str:
        name = m.group(2).lower()
        if name in ("b", "strong", "u", "em", "i"):
            return "**"
        return ""

    s = _TAG.sub(tag, s)
    s = html.unescape(s)
    return re.sub(r"\s+", " ", s).strip()


def _html_row(inner: str, pending: dict[int, tuple[str, int]]) -> tuple[list[str], bool] | None:
    """Cells of one ``<tr>`` (merged cells expanded) and whether all are ``<th>``; None if no cells.

    ``pending`` carries cells spanning down from earlier rows (``rowspan``) and is updated.
    """
    cells: list[str] = []
    all_th = True
    any_cell = False

    def fill_pending() -> None:
        while len(cells) in pending:
            col = len(cells)
            txt, left = pending[col]
            cells.append(txt)
            if left <= 1:
                del pending[col]
            else:
                pending[col] = (txt, left - 1)

    for cm in _CELL.finditer(inner):
        any_cell = True
        fill_pending()
        tag, attrs, content = cm.group(1).lower(), cm.group(2), cm.group(3)
        all_th &= tag == "th"
        spans = {k.lower(): int(v) for k, v in _SPAN_ATTR.findall(attrs)}
        colspan = max(1, min(spans.get("colspan", 1), 50))
        rowspan = max(1, min(spans.get("rowspan", 1), 200))
        cell = html_cell_text(content)
        for _ in range(colspan):
            if rowspan > 1:
                pending[len(cells)] = (cell, rowspan - 1)
            cells.append(cell)
    fill_pending()
    return (cells, all_th) if any_cell else None


def find_html_tables(text: str) -> list[Grid]:
    """Every ``<table>`` with its rows; a row's span is its ``<tr>...</tr>`` source text."""
    grids: list[Grid] = []
    for tm in _TABLE.finditer(text):
        table_start = tm.start()
        body = tm.group(0)
        thead_end = -1
        m_thead = re.search(r"</thead\s*>", body, re.IGNORECASE)
        if m_thead:
            thead_end = m_thead.start()
        pending: dict[int, tuple[str, int]] = {}  # column -> (text, rows still to fill) from rowspan
        rows: list[Row] = []
        for rm in _TR.finditer(body):
            parsed = _html_row(rm.group(1), pending)
            if parsed is None:
                continue
            cells, all_th = parsed
            s, e = _stripped_span(text, table_start + rm.start(), table_start + rm.end())
            in_thead = thead_end >= 0 and rm.start() < thead_end
            rows.append(Row(cells, s, e, header=in_thead or all_th))
        if rows and any(not r.header for r in rows):
            if not any(r.header for r in rows):
                rows[0].header = True
            grids.append(Grid(rows, tm.start(), tm.end(), "html"))
    return grids


_FENCE = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[ \t]*$", re.MULTILINE | re.DOTALL)


def find_tables(text: str) -> list[Grid]:
    """Markdown and HTML tables in document order. Tables inside fenced code blocks (examples of
    syntax, not results) and Markdown tables inside HTML ones are dropped."""
    fences = [(m.start(), m.end()) for m in _FENCE.finditer(text)] if "```" in text or "~~~" in text else []
    html_grids = find_html_tables(text) if _HAS_TABLE.search(text) else []
    md = [g for g in find_markdown_tables(text)
          if not any(h.start <= g.start < h.end for h in html_grids)] if "|" in text else []
    return sorted((g for g in html_grids + md if not any(a <= g.start < b for a, b in fences)),
                  key=lambda g: g.start)
