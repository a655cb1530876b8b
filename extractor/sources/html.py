"""HTML pages as readable text: one block per line, headings as ``#``, tables as pipe rows.

A module of its own so that BeautifulSoup is imported only when a page is read (``extractor.files``
imports it on the first HTML document); its reading is iterative for inline text and renders at
most ``MAX_DEPTH`` levels as blocks, so deeply nested markup keeps its text.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment, Doctype, ProcessingInstruction

_SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas", "title"}
_BLOCK = {"p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "blockquote", "figure",
          "figcaption", "caption", "ul", "ol", "dl", "dt", "dd", "form", "fieldset", "address", "details",
          "summary", "body", "html", "center", "hr", "tr", "li"}
_WS = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_HEADING_TAG = re.compile(r"h[1-6]")
MAX_DEPTH = 200  # element nesting rendered as blocks; deeper subtrees become inline text


def _inline_text(node: Tag | NavigableString) -> str:
    """Text of an inline subtree; ``<br>`` becomes a space, scripts and styles vanish.

    Iterative (an explicit stack, not recursion), so a page nested thousands of levels deep
    (150 tables in tables) is read, not refused with RecursionError.
    """
    out: list[str] = []
    stack: list[Tag | NavigableString] = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, (Comment, Doctype, ProcessingInstruction)):
            continue
        if isinstance(current, NavigableString):
            out.append(str(current))
            continue
        if current.name in _SKIP:
            continue
        if current.name == "br":
            out.append(" ")
            continue
        if current.name == "math":  # MathML (arXiv HTML): its alttext is the TeX source, e.g. "71.0" or "\\pm"
            alt = current.get("alttext")
            out.append(f" {alt} " if isinstance(alt, str) else current.get_text(" "))
            continue
        stack.extend(reversed([c for c in current.children if isinstance(c, (Tag, NavigableString))]))
    return "".join(out)


def _cell_text(cell: Tag) -> str:
    """One table cell on one line; footnote superscripts are dropped so they never glue onto a number."""
    for sup in cell.find_all("sup"):
        sup.decompose()
    return _WS.sub(" ", _inline_text(cell)).strip().replace("|", "\\|")


def _span(cell: Tag, attr: str, cap: int) -> int:
    try:
        return max(1, min(int(str(cell.get(attr) or 1).strip()), cap))
    except ValueError:
        return 1


def _table_rows(table: Tag) -> tuple[list[list[str]], int]:
    """Rows of a table with merged cells repeated into every slot they cover, and the number of
    leading header rows (``<thead>`` rows or rows of ``<th>`` only; at least one)."""
    rows: list[list[str]] = []
    header_rows = 0
    still_header = True
    pending: dict[int, tuple[str, int]] = {}  # column -> (text, rows left) from a rowspan above
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue  # a nested table's row
        tds = [c for c in tr.find_all(["td", "th"]) if c.find_parent("tr") is tr]
        if not tds:
            continue
        cells: list[str] = []
        for td in tds:
            _fill_pending(cells, pending)
            text = _cell_text(td)
            rowspan = _span(td, "rowspan", 200)
            for _ in range(_span(td, "colspan", 50)):
                if rowspan > 1:
                    pending[len(cells)] = (text, rowspan - 1)
                cells.append(text)
        _fill_pending(cells, pending)
        if still_header and (tr.find_parent("thead") is not None or all(c.name == "th" for c in tds)):
            header_rows += 1
        else:
            still_header = False
        rows.append(cells)
    return rows, max(1, min(header_rows, len(rows) - 1)) if rows else 0


def _fill_pending(cells: list[str], pending: dict[int, tuple[str, int]]) -> None:
    while len(cells) in pending:
        text, left = pending[len(cells)]
        if left <= 1:
            del pending[len(cells)]
        else:
            pending[len(cells)] = (text, left - 1)
        cells.append(text)


def _render_table(table: Tag) -> list[str]:
    rows, header_rows = _table_rows(table)
    if not rows:
        return []
    width = max(len(r) for r in rows)
    lines: list[str] = []
    for i, row in enumerate(rows):
        lines.append("| " + " | ".join(row + [""] * (width - len(row))) + " |")
        if i == header_rows - 1:
            lines.append("|" + "---|" * width)
    return lines


class _Renderer:
    """Walks the tree collecting lines; inline runs are buffered until a block boundary."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.buf: list[str] = []

    def flush(self) -> None:
        text = _WS.sub(" ", "".join(self.buf)).strip()
        self.buf = []
        if text:
            self.lines.append(text)

    def block(self, lines: list[str]) -> None:
        """Lines that stand apart (headings, tables, preformatted text): blank lines around them."""
        self.flush()
        if lines:
            self.lines += ["", *lines, ""]

    def walk(self, node: Tag, depth: int = 0) -> None:
        """Render ``node``'s children; below ``MAX_DEPTH`` levels a subtree is kept as inline text
        (its words survive, its block structure does not), so no page is too deep to read."""
        if depth > MAX_DEPTH:
            self.buf.append(_inline_text(node))
            return
        for child in node.children:
            if isinstance(child, (Comment, Doctype, ProcessingInstruction)):
                continue
            if isinstance(child, NavigableString):
                self.buf.append(str(child))
                continue
            if not isinstance(child, Tag) or child.name in _SKIP:
                continue
            name = child.name
            if _HEADING_TAG.fullmatch(name):
                text = _WS.sub(" ", _inline_text(child)).strip()
                self.block(["#" * int(name[1]) + " " + text] if text else [])
            elif name == "table":
                self.block(_render_table(child))
            elif name == "pre":
                self.block([line.rstrip() for line in child.get_text().strip("\n").splitlines()])
            elif name == "br":
                self.flush()
            elif name == "math":
                self.buf.append(_inline_text(child))
            elif name in _BLOCK:
                self.flush()
                self.walk(child, depth + 1)
                self.flush()
            else:
                self.walk(child, depth + 1)


def html_to_text(markup: str) -> str:
    """Readable text of an HTML page: one block per line, headings as ``#``, tables as pipe rows.

    The page ``<title>`` becomes a top ``#`` heading when the page has no ``<h1>``.
    """
    soup = BeautifulSoup(markup, "html.parser")
    renderer = _Renderer()
    title = soup.find("title")
    if isinstance(title, Tag) and soup.find("h1") is None:
        text = _WS.sub(" ", title.get_text()).strip()
        if text:
            renderer.block(["# " + text])
    renderer.walk(soup.body if isinstance(soup.body, Tag) else soup)
    renderer.flush()
    out: list[str] = []
    for line in renderer.lines:
        if line == "" and (not out or out[-1] == ""):
            continue
        out.append(line)
    return "\n".join(out).strip() + "\n"
