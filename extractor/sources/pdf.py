"""PDF to text with pdfplumber (on pdfminer.six; MIT licensed, unlike PyMuPDF's AGPL).

The stored text is built here, and claims are extracted from it, so every offset is exact by
construction (``text[start:end] == quote`` holds on the stored text). The text reads like the
Markdown the rest of the extractor knows:

- pdfminer's layout analysis groups characters into text boxes in reading order (two-column
  papers come out column by column); the lines of a box are joined into one paragraph (a line
  ending in ``-`` joins without a space, Chinese lines join without one);
- a short box set in a larger font than the body (or a bold numbered ``3.1 Results``) becomes a
  ``#`` heading, the larger the font the higher the level, so headings are sections;
- ruled tables that pdfplumber recovers become pipe rows under a ``---`` separator, in place;
- running headers, footers and page numbers (the same line at the same place on many pages) go.

Pages are processed one at a time and their parsed objects released, so memory stays flat on
long PDFs: what is kept is the text of the blocks, not the pages.

A PDF without a text layer (a scan) is refused by name: there is nothing to quote.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from schemas import DocumentMeta

_WS = re.compile(r"[ \t\r\f\v\u00a0]+")
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")
_NUMBERED = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[A-Z]\.\d{0,2}|[IVX]{1,4}\.)\s+\S")
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$", re.IGNORECASE)
_JUNK_TITLES = re.compile(r"^(?:untitled|microsoft word|document\d*|\S+\.(?:docx?|tex|dvi|pdf))", re.IGNORECASE)
MARGIN = 0.08  # top and bottom share of a page where running headers and footers live
# pdfminer logs font quirks as warnings; through logging's last-resort handler they would reach the
# user's stderr beside the one-line-per-input report
logging.getLogger("pdfminer").setLevel(logging.ERROR)


class PdfUnreadable(Exception):
    """The PDF cannot be turned into text; the message says why in a few words."""


@dataclass
class _Block:
    kind: str  # "text" | "table"
    page: int
    top: float  # from the top of the page, in points
    bottom: float
    height: float  # of the page
    lines: list[str] = field(default_factory=list)
    size: float = 0.0  # dominant font size of a text block
    bold: bool = False
    rows: list[list[str]] = field(default_factory=list)


def _norm_cell(cell: Any) -> str:
    if cell is None:
        return ""
    return _WS.sub(" ", _CID.sub("", str(cell)).replace("\n", " ")).strip().replace("|", "\\|")


def _table_rows(raw: list[list[Any]]) -> list[list[str]]:
    """Cells on one line each; a merged header cell (None) repeats its left neighbour, like an HTML colspan."""
    rows: list[list[str]] = []
    for i, row in enumerate(raw):
        cells: list[str] = []
        for cell in row:
            if cell is None and i == 0 and cells:
                cells.append(cells[-1])
            else:
                cells.append(_norm_cell(cell))
        if any(cells):
            rows.append(cells)
    return rows


HARD_BREAK = "\u2029"  # marks a line that ends well before the right edge: a list item or a forced break


def _join_lines(lines: list[str]) -> str:
    """The lines of a block as one paragraph: a space between lines, none after a hyphen or between Chinese
    characters, and a newline after a line marked as a hard break."""
    out = ""
    hard = False
    for raw in lines:
        ends_hard = raw.endswith(HARD_BREAK)
        line = _WS.sub(" ", _CID.sub("", raw.rstrip(HARD_BREAK))).strip()
        if not line:
            continue
        if not out:
            out = line
        elif hard:
            out += "\n" + line
        elif out.endswith("-") or (_CJK.match(out[-1]) and _CJK.match(line[0])):
            out += line
        else:
            out += " " + line
        hard = ends_hard
    return out


def _in_box(obj: Any, bbox: tuple[float, float, float, float], page_height: float) -> bool:
    """Whether the centre of a pdfminer object lies inside a pdfplumber bbox (x0, top, x1, bottom)."""
    cx = (obj.x0 + obj.x1) / 2
    cy = page_height - (obj.y0 + obj.y1) / 2
    return bbox[0] - 1 <= cx <= bbox[2] + 1 and bbox[1] - 1 <= cy <= bbox[3] + 1


def _text_block(box: Any, page_no: int, page_height: float) -> _Block | None:
    from pdfminer.layout import LTChar, LTTextLine

    lines: list[str] = []
    sizes: Counter[float] = Counter()
    bold = 0
    chars = 0
    short = box.x1 - 0.2 * (box.x1 - box.x0)  # a line ending left of this is not a full line
    text_lines = [line for line in box if isinstance(line, LTTextLine)]
    for n, line in enumerate(text_lines):
        hard = n < len(text_lines) - 1 and line.x1 < short
        lines.append(line.get_text().rstrip("\n") + (HARD_BREAK if hard else ""))
        for ch in line:
            if isinstance(ch, LTChar) and ch.get_text().strip():
                sizes[round(ch.size, 1)] += 1
                chars += 1
                if "bold" in ch.fontname.lower() or "black" in ch.fontname.lower():
                    bold += 1
    if not chars:
        return None
    return _Block("text", page_no, page_height - box.y1, page_height - box.y0, page_height, lines=lines,
                  size=sizes.most_common(1)[0][0], bold=bold * 2 > chars)


# -- tables without ruling: columns of words aligned across consecutive lines -----------------------

_DIGIT = re.compile(r"\d")
# a cell holding a number (71.3, 85.4%, 53.0 ± 1.1, (63.8), 852/1000, +9.7), not prose or code with digits in it
_NUMBER_CELL = re.compile(r"^\W{0,2}[-+]?\d+(?:[.,]\d+)*\s*[%x×]?(?:\s*(?:±|\+/-|/)\s*\d+(?:[.,]\d+)*)?\W{0,3}$")
_CID = re.compile(r"\(cid:\d+\)")  # a glyph without a Unicode mapping (emoji, icons)
Bbox = tuple[float, float, float, float]


def _visual_lines(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    lines: list[list[dict[str, Any]]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(w["top"] - lines[-1][0]["top"]) <= 0.4 * max(w.get("size", 10), 1):
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _segments(line: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Runs of words separated by more than about two spaces."""
    segs: list[list[dict[str, Any]]] = [[line[0]]]
    for prev, w in zip(line, line[1:], strict=False):
        if w["x0"] - prev["x1"] > 0.5 * max(w.get("size", 10), 1):
            segs.append([w])
        else:
            segs[-1].append(w)
    return segs


def _tabular(segs: list[list[dict[str, Any]]]) -> bool:
    """A line that reads as a table row: three or more short cells, or two with a number."""
    short = [len(s) <= 4 for s in segs]
    numeric = any(_DIGIT.search(" ".join(w["text"] for w in s)) for s in segs)
    return (len(segs) >= 3 and sum(short) * 2 >= len(segs) + 1) or (len(segs) == 2 and all(short) and numeric)


def _gutter(page: Any) -> float | None:
    """The x between the two columns of a two-column page (judged from its paragraphs), or None."""
    from pdfminer.layout import LTTextBox, LTTextLine

    boxes = [b for b in page.layout if isinstance(b, LTTextBox)
             and sum(isinstance(line, LTTextLine) for line in b) >= 3]
    width = float(page.width)
    left = [b for b in boxes if b.x1 <= width * 0.55]
    right = [b for b in boxes if b.x0 >= width * 0.45]
    if len(left) < 2 or len(right) < 2 or len(left) + len(right) < len(boxes) * 0.8:
        return None
    inner_left, inner_right = max(b.x1 for b in left), min(b.x0 for b in right)
    return (inner_left + inner_right) / 2 if inner_left < inner_right else None


def _text_tables(page: Any, avoid: list[Bbox]) -> list[tuple[Bbox, list[list[str]]]]:
    """Tables drawn without lines. On a two-column page each column is searched on its own (lines of
    the two columns sit at different heights and interleave), and a table found across the gutter is
    kept only where both sides of it are cells, not prose (a table spanning the page)."""
    words = [w for w in page.extract_words(x_tolerance=1.5, y_tolerance=2, extra_attrs=["size"])
             if not any(b[0] - 1 <= (w["x0"] + w["x1"]) / 2 <= b[2] + 1 and b[1] - 1 <= w["top"] <= b[3] + 1
                        for b in avoid)]
    whole = _find_text_tables(words)
    gutter = _gutter(page)
    if gutter is None:
        return whole
    wide = []
    for bbox, rows in whole:
        band = [w for w in words if bbox[1] - 1 <= w["top"] <= bbox[3] + 1]
        if bbox[0] < gutter < bbox[2] and all(
                _mostly_tabular(side) for side in ([w for w in band if w["x1"] <= gutter],
                                                   [w for w in band if w["x0"] >= gutter])):
            wide.append((bbox, rows))
    per_column = (_find_text_tables([w for w in words if w["x1"] <= gutter])
                  + _find_text_tables([w for w in words if w["x0"] >= gutter]))
    return wide + [t for t in per_column if not any(t[0][1] <= b[3] and t[0][3] >= b[1] for b, _ in wide)]


def _mostly_tabular(words: list[dict[str, Any]]) -> bool:
    lines = _visual_lines(words) if words else []
    return bool(lines) and sum(_tabular(_segments(line)) for line in lines) * 5 >= len(lines) * 3


def _find_text_tables(words: list[dict[str, Any]]) -> list[tuple[Bbox, list[list[str]]]]:
    """Runs of at least two consecutive table-like lines; cell boundaries are the word starts that line
    up down the run. The line just above a run is its header when its short cells fall into the run's columns."""
    if len(words) < 6:
        return []
    lines = _visual_lines(words)
    runs: list[tuple[int, int]] = []  # [first, end) line indexes
    first: int | None = None
    for i, line in enumerate(lines):
        size = max(w.get("size", 10) for w in line)
        close = first is not None and line[0]["top"] - lines[i - 1][0]["bottom"] <= 1.6 * size
        if _tabular(_segments(line)) and (first is None or close):
            first = i if first is None else first
            continue
        if first is not None and i - first >= 2:
            runs.append((first, i))
        first = i if _tabular(_segments(line)) else None
    if first is not None and len(lines) - first >= 2:
        runs.append((first, len(lines)))
    tables: list[tuple[Bbox, list[list[str]]]] = []
    taken_until = -1
    for start, end in runs:
        run = lines[start:end]
        columns = _column_starts(run)
        rows = [_cells(line, columns) for line in run]
        if start - 1 > taken_until:
            head = lines[start - 1]
            size = max(w.get("size", 10) for w in head)
            cells = _cells(head, columns)
            if (run[0][0]["top"] - head[0]["bottom"] <= 1.6 * size and len(head) <= 3 * len(columns)
                    and sum(bool(c) for c in cells) >= max(2, len(columns) // 2)
                    and all(len(c.split()) <= 4 for c in cells) and not head[-1]["text"].endswith(".")):
                rows.insert(0, cells)
                run = [head, *run]
        taken_until = end - 1
        body = [c for r in rows[1:] for c in r if c]
        if not body or sum(bool(_NUMBER_CELL.match(c)) for c in body) * 10 < len(body) * 3:
            continue
        x0 = min(w["x0"] for line in run for w in line)
        x1 = max(w["x1"] for line in run for w in line)
        tables.append(((x0, run[0][0]["top"], x1, max(w["bottom"] for w in run[-1])), rows))
    return tables


def _column_starts(run: list[list[dict[str, Any]]]) -> list[float]:
    """x positions where a column starts: word starts that line up in most lines of the run (cells
    are left-aligned or about as wide as their column), and the first segment of each line."""
    starts = sorted((w["x0"], i) for i, line in enumerate(run) for w in line)
    clusters: list[list[tuple[float, int]]] = []
    for x, i in starts:
        if clusters and x - clusters[-1][-1][0] <= 3.0:
            clusters[-1].append((x, i))
        else:
            clusters.append([(x, i)])
    need = max(2, -(-len(run) * 3 // 5))
    columns = [min(c)[0] for c in clusters if len({i for _, i in c}) >= need]
    if len(columns) < 2:  # nothing lines up: cells start where wide gaps are
        columns = sorted({seg[0]["x0"] for line in run for seg in _segments(line)})
    left = min(w["x0"] for line in run for w in line)
    if left < columns[0] - 4:
        columns.insert(0, left)
    return columns


def _cells(line: list[dict[str, Any]], columns: list[float]) -> list[str]:
    """Words into the columns their centres fall in (left-, centre- and right-aligned cells alike);
    touching words (a font change inside 星河-VL-8B) are one token first, placed by its centre."""
    tokens: list[list[Any]] = []  # [x0, x1, text]
    for w in line:
        text = _CID.sub("", w["text"])
        if tokens and w["x0"] - tokens[-1][1] < 0.15 * max(w.get("size", 10), 1):
            tokens[-1][1], tokens[-1][2] = w["x1"], tokens[-1][2] + text
        else:
            tokens.append([w["x0"], w["x1"], text])
    cells = [""] * len(columns)
    for x0, x1, text in tokens:
        col = max((i for i, x in enumerate(columns) if x <= (x0 + x1) / 2 + 1.0), default=0)
        cells[col] = (cells[col] + " " + text).strip()
    return [c.replace("|", "\\|") for c in cells]


def _page_blocks(page: Any, page_no: int) -> list[_Block]:
    """Text boxes in pdfminer's reading order, with each recovered table placed where it starts."""
    from pdfminer.layout import LTTextBox

    height = float(page.height)
    tables: list[tuple[tuple[float, float, float, float], list[list[str]]]] = []
    if page.rects or page.lines or page.curves:  # ruled tables need ruling; skip the search on plain pages
        for table in page.find_tables():
            rows = _table_rows(table.extract())
            if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
                tables.append((table.bbox, rows))
    tables += _text_tables(page, [bbox for bbox, _ in tables])
    blocks: list[_Block] = []
    for obj in page.layout:
        if not isinstance(obj, LTTextBox):
            continue
        if any(_in_box(obj, bbox, height) for bbox, _ in tables):
            continue
        block = _text_block(obj, page_no, height)
        if block is not None:
            blocks.append(block)
    for bbox, rows in sorted(tables, key=lambda t: t[0][1]):
        # reading order within a page is pdfminer's; the table goes before the first block below its top
        at = next((i for i, b in enumerate(blocks) if b.top >= bbox[1]), len(blocks))
        blocks.insert(at, _Block("table", page_no, bbox[1], bbox[3], height, rows=rows))
    return blocks


def _running_blocks(blocks: list[_Block], pages: int) -> set[int]:
    """Indexes of blocks that are page numbers, or running headers/footers (the same short line in a
    page margin on at least half the pages, digits ignored)."""
    drop: set[int] = set()
    seen: Counter[str] = Counter()
    keyed: list[tuple[int, str]] = []
    for i, block in enumerate(blocks):
        if block.kind != "text" or len(block.lines) > 2:
            continue
        if not (block.bottom <= block.height * MARGIN or block.top >= block.height * (1 - MARGIN)):
            continue
        text = _join_lines(block.lines)
        if _PAGE_NUMBER.match(text):
            drop.add(i)
            continue
        key = re.sub(r"\d+", "#", text.lower())
        seen[key] += 1
        keyed.append((i, key))
    if pages >= 3:
        drop.update(i for i, key in keyed if seen[key] >= max(3, pages // 2))
    return drop


def _heading_levels(blocks: list[_Block], body: float) -> dict[float, int]:
    """Font sizes clearly above the body size, largest first -> heading levels 1, 2, 3 ..."""
    sizes = sorted({b.size for b in blocks if b.kind == "text" and b.size >= body * 1.15 and len(b.lines) <= 3},
                   reverse=True)
    return {s: min(i + 1, 4) for i, s in enumerate(sizes[:4])} | {s: 4 for s in sizes[4:]}


def _is_heading(block: _Block, text: str, levels: dict[float, int]) -> int:
    """The heading level of a text block, or 0 for a paragraph."""
    sentence_end = text.endswith((".", "。", ",", "，", ";", ":")) and not _NUMBERED.match(text)
    if len(text) > 160 or len(block.lines) > 3 or sentence_end:
        return 0
    if block.size in levels:
        return levels[block.size]
    if block.bold and _NUMBERED.match(text) and len(text) <= 100:
        number = text.split()[0].rstrip(".")
        return min(2 + number.count("."), 5)
    return 0


def read_pdf(data: bytes | Any) -> tuple[str, DocumentMeta]:
    """The text of a PDF (see the module docstring) and the metadata its info dictionary states.

    ``data`` is the file's bytes or a path. Raises ``PdfUnreadable`` for a PDF that cannot be
    opened, is encrypted, or has no text layer.
    """
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFPasswordIncorrect
    except ImportError as exc:  # pragma: no cover - a core dependency
        raise PdfUnreadable(f"PDF support is not installed ({exc.name})") from None
    source = io.BytesIO(data) if isinstance(data, bytes | bytearray) else data
    blocks: list[_Block] = []
    pages = 0
    chars = 0
    images = 0
    info: dict[str, Any] = {}
    try:
        with pdfplumber.open(source, laparams={"boxes_flow": 0.5}) as pdf:
            info = dict(pdf.metadata or {})
            for page_no, page in enumerate(pdf.pages):
                pages += 1
                try:
                    n = len(page.chars)
                    chars += n
                    images += len(page.images)
                    if n:
                        blocks.extend(_page_blocks(page, page_no))
                finally:
                    page.close()  # release the page's parsed objects: memory stays flat on long PDFs
    except PDFPasswordIncorrect:
        raise PdfUnreadable("encrypted PDF (password protected)") from None
    except PdfUnreadable:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged PDF is a per-file problem, never a crash
        raise PdfUnreadable(f"cannot read PDF: {type(exc).__name__}: {str(exc)[:120]}".rstrip(": ")) from None
    if pages == 0:
        raise PdfUnreadable("PDF without pages")
    if chars == 0:
        what = f"{pages} page(s) of images" if images else f"{pages} page(s)"
        raise PdfUnreadable(f"scanned PDF without a text layer ({what}, no text to quote); run OCR on it first")
    text, first_heading = _render(blocks, pages)
    if not text.strip():
        raise PdfUnreadable("PDF without extractable text")
    return text, _meta(info, first_heading)


def _render(blocks: list[_Block], pages: int) -> tuple[str, str | None]:
    """Blocks -> Markdown-like text; also the first heading (the title candidate)."""
    running = _running_blocks(blocks, pages)
    blocks = [b for i, b in enumerate(blocks) if i not in running]
    size_chars: Counter[float] = Counter()
    for b in blocks:
        if b.kind == "text":
            size_chars[b.size] += sum(len(line) for line in b.lines)
    body = size_chars.most_common(1)[0][0] if size_chars else 10.0
    levels = _heading_levels(blocks, body)
    out: list[str] = []
    first_heading: str | None = None
    previous: _Block | None = None  # the paragraph just written, if a line of it may go on
    for block in blocks:
        if block.kind == "table":
            previous = None
            width = max(len(r) for r in block.rows)
            lines = ["| " + " | ".join(r + [""] * (width - len(r))) + " |" for r in block.rows]
            lines.insert(1, "|" + "---|" * width)
            out.append("\n".join(lines))
            continue
        text = _join_lines(block.lines)
        if not text:
            continue
        level = _is_heading(block, text, levels)
        if level:
            out.append("#" * level + " " + text)
            previous = None
            if first_heading is None:
                first_heading = text
        elif previous is not None and _continues(out[-1], text, previous, block):
            out[-1] = _join_lines([out[-1], text])
            previous = block
        else:
            out.append(text)
            previous = block
    return "\n\n".join(out) + "\n", first_heading


_OPEN_END = re.compile(r"[A-Za-z0-9,\u3400-\u9fff(\-–]$")
_GOES_ON = re.compile(r"^[a-z0-9(\u3400-\u9fff]")


def _continues(before: str, after: str, prev: _Block, block: _Block) -> bool:
    """A paragraph cut in two by pdfminer (loose line spacing, a page or column break): the first part
    stops mid-sentence and the second starts lower case, in the same font size."""
    return (abs(prev.size - block.size) < 0.6 and bool(_OPEN_END.search(before))
            and bool(_GOES_ON.match(after)))


def _meta(info: dict[str, Any], first_heading: str | None) -> DocumentMeta:
    def text(key: str) -> str | None:
        value = info.get(key)
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        return _WS.sub(" ", str(value)).strip() if value else None

    title = text("Title")
    if title and (_JUNK_TITLES.match(title) or len(title) < 4):
        title = None
    # CreationDate is not taken as the publication date: it is when the file was printed
    author = text("Author")
    authors = [a.strip() for a in re.split(r"[;,]| and ", author) if a.strip()] if author else []
    return DocumentMeta(title=title or first_heading, authors=authors)
