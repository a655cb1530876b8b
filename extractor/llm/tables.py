"""Tables and the LLM: row groups with the header repeated, compact per-row answers, strict cell checks.

Why: a results table answered as one full claim per cell, each repeating the row as its
quote, is several times the table's own size in output tokens — decode time is what a GPU
spends — and a large table overruns ``max_tokens``. And a value taken from the neighbouring
cell of the same row is still "in the row", so the loose number check keeps it.

So, with ``--backend llm`` (``hybrid`` never sends tables: the table reader reads them):

* ``table_chunks`` cuts each table (``extractor.tables.grid.find_tables``) into groups of body
  rows, each sent with the table's header rows repeated, as many rows per group as fit the
  expected output (``EXPECTED_TOKENS_PER_CELL`` per numeric cell) within half of ``max_tokens``
  and the input within ``max_chars``;
* the LLM answers ``TableRows``: per row its label as written, and per result cell the
  column's header as written and the value (the system prompt is ``prompts/tables_v1.md``);
* ``ground_rows`` turns the answer into score claims whose quote is the row's source text,
  keeping a cell only when the row and column named exist in the group and the parsed cell
  at their crossing holds that value (``parse_value``); anything else is dropped with a reason.

``cell_agrees`` is the same check for a full claim whose quote lies in a table row (any backend
answer): its model and benchmark must be the row label and the column header of a cell that
holds its value.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field

from extractor.llm.prefilter import Chunk, Excerpt
from extractor.normalize import find_benchmarks
from extractor.tables.cells import has_role, is_numeric_cell, parse_value, read_label, strip_markup
from extractor.tables.grid import Grid, Row
from schemas import Document, ScoreClaim

TABLE_PROMPT_VERSION = "tables_v1"
EXPECTED_TOKENS_PER_CELL = 14  # {"column": "GPQA Diamond", "value": 53.1}, in tokens
EXPECTED_TOKENS_PER_ROW = 16
_FOLD_DROP = re.compile(r"[\s\-_.'’‘`·()（）\[\]{}「」《》“”\"*†‡§¶⋆★☆✝]+")


class TableCell(BaseModel):
    """One result cell of a row."""

    model_config = ConfigDict(extra="forbid")

    column: str = Field(min_length=1, description="The column's header as written (benchmark, or model).")
    value: float = Field(description="The number in this cell exactly as written.")
    setting: str | None = Field(default=None, description="pass@1, 5-shot, ... when the header states one.")


class TableRow(BaseModel):
    """The results of one table row."""

    model_config = ConfigDict(extra="forbid")

    row: str = Field(min_length=1, description="The row's label cell as written (a model, or a benchmark).")
    cells: list[TableCell] = Field(default_factory=list)


class TableRows(BaseModel):
    """What an LLM returns for one table row group: the rows with results, possibly none."""

    model_config = ConfigDict(extra="forbid")

    rows: list[TableRow] = Field(default_factory=list)


def fold(s: str) -> str:
    return _FOLD_DROP.sub("", unicodedata.normalize("NFKC", strip_markup(s))).lower()


def _named(name: str | None, text: str) -> bool:
    """``name`` is ``text`` or inside it (folded), or ``text`` inside ``name`` ('Kestrel-8B (ours)')."""
    a, b = fold(name or ""), fold(text)
    return bool(a) and bool(b) and (a == b or a in b or (len(b) >= 3 and b in a))


# ----- reading a grid -----------------------------------------------------------------------------

@dataclass
class TableView:
    """A grid as this module reads it: header rows, body rows, label columns, column headers."""

    grid: Grid
    header: list[Row]
    body: list[Row]
    label_cols: int
    columns: list[str]  # per column, its header texts joined
    benchmarks_in_rows: bool

    def label(self, row: Row) -> str:
        return " ".join(t for t in (strip_markup(c) for c in row.cells[:self.label_cols]) if t)


def view(grid: Grid) -> TableView:
    rows = list(grid.rows)
    header = [r for r in rows if r.header]
    body = [r for r in rows if not r.header]
    while len(body) > 1 and not any(is_numeric_cell(c) for c in body[0].cells):  # sub-header rows
        header.append(body.pop(0))
    label_cols = 1
    for j in range(1, max(grid.width - 1, 1)):
        cells = [r.cells[j] for r in body if strip_markup(r.cells[j])]
        if not cells or 2 * sum(is_numeric_cell(c) for c in cells) >= len(cells):
            break
        label_cols = j + 1
    columns = [" ".join(dict.fromkeys(t for t in (strip_markup(h.cells[j]) for h in header) if t))
               for j in range(grid.width)]
    corner = columns[0] if columns else ""
    col_bench = sum(1 for c in columns[label_cols:] if find_benchmarks(c))
    row_bench = sum(1 for r in body if find_benchmarks(" ".join(strip_markup(c) for c in r.cells[:label_cols])))
    if has_role(corner, "bench_label"):
        in_rows = True
    elif has_role(corner, "model_label"):
        in_rows = False
    else:
        in_rows = row_bench > col_bench
    return TableView(grid, header, body, label_cols, columns, in_rows)


# ----- chunks -----------------------------------------------------------------------------------------

@dataclass
class TableChunk(Chunk):
    """A group of a table's body rows, sent after the table's header rows."""

    table: TableView | None = None
    rows: list[Row] = field(default_factory=list)


def _expected_tokens(v: TableView, row: Row) -> int:
    return EXPECTED_TOKENS_PER_ROW + EXPECTED_TOKENS_PER_CELL * sum(
        1 for c in row.cells[v.label_cols:] if parse_value(c) is not None)


def table_chunks(document: Document, grids: list[Grid], sections: list, max_chars: int,
                 max_tokens: int) -> list[TableChunk]:
    """Each table as groups of body rows with its header repeated (see the module docstring)."""
    text = document.text
    out: list[TableChunk] = []
    for grid in grids:
        v = view(grid)
        if not v.header or not v.body:
            continue
        section = next((s for s in sections if s.start <= grid.start < max(s.end, s.start + 1)), sections[0])
        head = Excerpt(grid.start, v.body[0].start, True)
        head_text = text[head.start:head.end].rstrip()
        head = Excerpt(head.start, head.start + len(head_text), True)
        budget_tokens = max(EXPECTED_TOKENS_PER_ROW * 4, max_tokens // 2)
        groups: list[list[Row]] = [[]]
        used_tokens = used_chars = 0
        for row in v.body:
            tokens, chars = _expected_tokens(v, row), row.end - row.start + 1
            if groups[-1] and (used_tokens + tokens > budget_tokens
                               or len(head_text) + used_chars + chars > max_chars):
                groups.append([])
                used_tokens = used_chars = 0
            groups[-1].append(row)
            used_tokens += tokens
            used_chars += chars
        for group in groups:
            chunk = TableChunk(section=section, table=v, rows=group)
            chunk.add(text, head)
            chunk.add(text, Excerpt(group[0].start, group[-1].end, True))
            out.append(chunk)
    return out


# ----- grounding -------------------------------------------------------------------------------------

def _column(v: TableView, name: str) -> int | None:
    """The index of the column whose header is ``name`` (exactly, folded), else the one containing it."""
    target = fold(name)
    if not target:
        return None
    cols = range(v.label_cols, v.grid.width)
    exact = [j for j in cols if fold(v.columns[j]) == target]
    if exact:
        return exact[0]
    inside = [j for j in cols if target in fold(v.columns[j]) or (len(fold(v.columns[j])) >= 3
                                                                 and fold(v.columns[j]) in target)]
    return inside[0] if len(inside) == 1 else None


def _row(v: TableView, rows: list[Row], name: str) -> Row | None:
    target = fold(name)
    exact = [r for r in rows if fold(v.label(r)) == target]
    if exact:
        return exact[0]
    inside = [r for r in rows if _named(name, v.label(r))]
    return inside[0] if len(inside) == 1 else None


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def ground_rows(answer: TableRows, chunk: TableChunk, document: Document,
                label: str) -> tuple[list[ScoreClaim], list[str]]:
    """Score claims for the cells that agree with the table; and the reasons for every cell dropped."""
    v = chunk.table
    assert v is not None
    claims: list[ScoreClaim] = []
    dropped: list[str] = []
    for entry in answer.rows:
        row = _row(v, chunk.rows, entry.row)
        for cell in entry.cells:
            if row is None:
                dropped.append(f"row {entry.row!r} is not in the rows sent")
                continue
            j = _column(v, cell.column)
            if j is None:
                dropped.append(f"column {cell.column!r} is not a column of the table")
                continue
            parsed = parse_value(row.cells[j])
            if parsed is None or not _same(parsed.value, cell.value):
                dropped.append(f"{entry.row!r} x {cell.column!r}: the cell holds {strip_markup(row.cells[j])!r}, "
                               f"not {cell.value:g}")
                continue
            model, bench = (cell.column, entry.row) if v.benchmarks_in_rows else (entry.row, cell.column)
            # the header as written may carry a setting or metric ("AIME 2024 (pass@1)"): read it as the
            # table reader does, so the benchmark is "AIME 2024" and the setting "pass@1"
            head = read_label(bench)
            setting = cell.setting or (", ".join(head.setting) if head.setting else None)
            unit = "%" if parsed.unit_raw == "%" else "score"
            claims.append(ScoreClaim(
                model=model, benchmark=head.benchmark or bench, metric=head.metric, value=parsed.value, unit=unit,
                setting=setting,
                quote=document.text[row.start:row.end], source=document.source, section=chunk.section.title,
                start=row.start, end=row.end, extractor=label))
    return claims, dropped


def cell_agrees(grid: Grid, start: int, end: int, model: str | None, benchmark: str | None,
                value: float) -> bool | None:
    """For a claim quoting inside ``grid``: does a cell of its row hold ``value`` at model x benchmark?

    None when the quote lies in no body row of the table (nothing to check against).
    """
    v = view(grid)
    row = next((r for r in v.body if r.start <= start < max(r.end, r.start + 1)), None)
    if row is None:
        return None
    label = v.label(row)
    for j in range(v.label_cols, grid.width):
        parsed = parse_value(row.cells[j])
        if parsed is None or not (_same(parsed.value, value) or _same(parsed.value * 100, value)
                                  or _same(parsed.value, value * 100)):
            continue
        header = v.columns[j]
        if (_named(model, label) and _named(benchmark, header)) or (_named(model, header) and _named(benchmark, label)):
            return True
    return False
