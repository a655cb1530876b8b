"""Score claims from results tables (Markdown pipe tables and HTML ``<table>``).

Why a separate path from prose: model cards and papers state most of their numbers in
tables, where a claim's parts are spread over the row label, the column header (often
two or three header rows deep) and the cell. Each numeric cell becomes one score claim
whose quote is the row's source text.

Reading a table:

1. ``grid`` finds tables and expands merged cells; a row keeps its exact span in the text.
2. Leading body rows with no numbers are more header rows (sub-headers such as
   ``pass@1`` / ``5-shot``); empty cells of upper header rows inherit from the left,
   which is how Markdown writes a spanning group header.
3. Label columns are the leading columns whose body cells are mostly not numbers.
4. Orientation: models in rows and benchmarks in columns (the usual layout), or
   transposed (benchmarks in rows, models in columns, the Hugging Face card layout),
   decided by the first header cell's word (Model / Benchmark) and by how many labels
   the benchmark gazetteer recognises on each axis.
5. Columns/rows for sizes, dates, prices, tokens, latency, dataset statistics, averages and
   deltas are skipped (words in ``data/table_headers.tsv``); leading rank columns are dropped;
   body rows with only a label are group rows whose setting (``zero-shot``) carries down until
   the next group row; an empty row label continues the row above.
6. A table must name at least one known benchmark on its benchmark axis (or in its caption
   or section heading, for metric-only columns such as "Accuracy"); otherwise it is not a
   results table and gives nothing.
7. Cells: ``**71.0**``, ``<u>71.0</u>``, ``85.2±0.3``, ``71.0%`` are scores; ``-``, ``N/A``,
   ``7B``, dates and prices are not; ``71.0 / 86.7`` under ``pass@1 / maj@16`` is two scores.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from extractor import lexicon
from extractor.normalize import canonical_benchmark, canonical_model, clean_name, find_benchmarks, normalise_unit
from extractor.tables.cells import (
    Label,
    has_role,
    is_empty_cell,
    is_numeric_cell,
    parse_value,
    read_label,
    strip_markup,
)
from extractor.tables.grid import Grid, Row, find_tables
from schemas import Document, ScoreClaim
from schemas.claims import Unit

__all__ = ["extract_table_claims", "find_tables", "parse_value", "read_label", "table_spans"]

_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_MODEL_SHAPE = re.compile(
    r"\d+(?:\.\d+)?\s*[BbMm]\b|\b(?:gpt|o[134]|claude|gemini|gemma|llama|qwen|qwq|deepseek|mistral|mixtral|phi|"
    r"grok|kimi|glm|yi|internlm|baichuan|minimax|hunyuan|ernie|doubao|olmo|falcon|command|dall|sdxl|sd|flux|"
    r"whisper|vit|resnet|bert|t5|instruct|chat|base|ours|本文|我们)\b",
    re.IGNORECASE,
)
_OURS_SUFFIX = re.compile(r"\s*[(（\[](?:ours|our method|本文|本文方法|我们的方法|我们的|proposed)[)）\]]\s*$", re.IGNORECASE)
_MODEL_NOISE = re.compile(r"[*†‡§¶⋆★☆✝]+|\[\d+\]|<sup>.*?</sup>")
_SIZE_IN = re.compile(r"(\d+(?:\.\d+)?\s*[BM])\b")
_SIZE_ONLY = re.compile(r"^\d+(?:\.\d+)?\s*[BMK]$", re.IGNORECASE)
_OURS = re.compile(r"^(?:ours|our (?:model|method|approach)|本文(?:方法|模型)?|我们的(?:方法|模型))\b", re.IGNORECASE)


@dataclass
class _Axis:
    """What one label (a column header path, or a row label) says."""

    label: str
    bench: Label
    settings: list[str]
    skip: bool


def _section_title(document: Document, pos: int, headings: list[tuple[int, str]]) -> str | None:
    """Title of the section holding ``pos``: from ``document.sections``, else the last ``#`` heading above."""
    for section in document.sections:
        if section.start <= pos < max(section.end, section.start + 1):
            return section.title
    i = bisect.bisect_right(headings, (pos, "\uffff")) - 1
    return headings[i][1] if i >= 0 else None


def _title_subject(headings: list[tuple[int, str]]) -> str | None:
    """The method named by the document title (``PreSelect: Predictive Data Selection`` -> ``PreSelect``),
    used for rows labelled "Ours" when no section subject is known."""
    if not headings:
        return None
    title = headings[0][1]
    head = re.split(r"\s*[:：]\s*", title, maxsplit=1)[0].strip()
    if head and len(head.split()) <= 3 and len(head) <= 40:
        return head
    return None


def _headings(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(1).strip()) for m in _HEADING.finditer(text)]


def _section_subject(document: Document, pos: int) -> str | None:
    for section in document.sections:
        if section.start <= pos < max(section.end, section.start + 1):
            return section.subject
    return None


def _caption_benchmark(document: Document, grid: Grid, section: str | None) -> str | None:
    """The one benchmark named in the table's lead-in (the two lines above it) or, failing that, in
    its section heading; used for columns that name only a metric ("Accuracy", "Score")."""
    before = document.text[max(0, grid.start - 400):grid.start].rstrip().splitlines()[-2:]
    for texts in (before, [section or ""]):
        names = {canon for line in texts for _, _, canon in find_benchmarks(line)}
        if names:
            return names.pop() if len(names) == 1 else None
    return None


def _drop_index_columns(grid: Grid) -> None:
    """Remove leading rank / row-number columns ("#", "Rank", "排名") so the model column comes first."""
    while grid.width > 2:
        header = " ".join(strip_markup(r.cells[0]) for r in grid.header_rows).strip()
        body = [strip_markup(r.cells[0]) for r in grid.body_rows if strip_markup(r.cells[0])]
        if not (has_role(header, "index_column") and body and all(re.fullmatch(r"#?\d+\.?", c) for c in body)):
            return
        for r in grid.rows:
            del r.cells[0]
        grid.width -= 1


def _promote_subheaders(grid: Grid) -> None:
    """Leading body rows without any number (beyond the label column) are header rows too."""
    for row in grid.rows:
        if row.header:
            continue
        first = strip_markup(row.cells[0])
        if first and not (has_role(first, "setting") or has_role(first, "metric")):
            break
        values = [c for c in row.cells[1:] if strip_markup(c)]
        if values and not any(is_numeric_cell(c) for c in row.cells[1:]) and len(values) >= max(2, (grid.width - 1) // 2):
            row.header = True
        else:
            break


def _label_columns(grid: Grid, paths: list[list[str]]) -> int:
    """How many leading columns hold labels rather than scores (at least one).

    A column whose header says it holds labels ("Version", "n-shot": ``label_column``) is one even when its cells
    are numbers: lm-evaluation-harness prints ``| Tasks | Version | Filter | n-shot | Metric | | Value |``.
    """
    body = grid.body_rows
    n = 1
    for j in range(1, grid.width - 1):
        cells = [r.cells[j] for r in body if strip_markup(r.cells[j])]
        if not cells:
            break
        numeric = sum(is_numeric_cell(c) for c in cells)
        if numeric * 2 >= len(cells) and not has_role(" ".join(paths[j]), "label_column"):
            break
        n = j + 1
    return n


def _column_paths(grid: Grid) -> list[list[str]]:
    """Per column, its header texts top to bottom; an empty upper cell inherits from the left."""
    headers = grid.header_rows
    paths: list[list[str]] = [[] for _ in range(grid.width)]
    for depth, row in enumerate(headers):
        last = ""
        for j, cell in enumerate(row.cells):
            text = strip_markup(cell)
            if not text and depth < len(headers) - 1 and j > 0:
                text = last
            last = text
            if text and (not paths[j] or paths[j][-1] != text):
                paths[j].append(text)
    return paths


def _read_path(path: list[str]) -> _Axis:
    """Combine header levels: the most specific known benchmark wins, settings accumulate."""
    labels = [read_label(p) for p in path]
    known = [lb for lb in labels if lb.known]
    named = [lb for lb in labels if lb.benchmark]
    bench = known[-1] if known else (named[-1] if named else Label(text=" / ".join(path)))
    bench_at = next((i for i, lb in enumerate(labels) if lb is bench), len(labels))
    settings: list[str] = []
    for i, lb in enumerate(labels):
        for s in lb.setting or []:
            if s not in settings:
                settings.append(s)
        if i > bench_at and not lb.known and lb.benchmark and lb.benchmark not in settings:
            # A lower level that is not a benchmark qualifies it ("Verified", "test-clean").
            settings.append(lb.benchmark)
    metric = next((lb.metric for lb in reversed(labels) if lb.metric), None)
    unit = next((lb.unit for lb in reversed(labels) if lb.unit), None)
    merged = Label(text=bench.text, benchmark=bench.benchmark, known=bench.known, metric=metric,
                   setting=settings, unit=unit)
    joined = " ".join(path)
    # an "Avg." column is a result of its own (benchmark "Avg."); deltas, ranks and notes are not
    skip = not path or has_role(joined, "skip_column") and not known \
        or has_role(path[-1], "not_model") and not has_role(path[-1], "average")
    return _Axis(joined, merged, settings, skip)


def _is_model_like(text: str) -> bool:
    return bool(_MODEL_SHAPE.search(text)) and not find_benchmarks(text)


def _orientation(grid: Grid, label_cols: int, paths: list[list[str]]) -> bool:
    """True when models are the columns (benchmarks in rows).

    The corner header ("Model" / "Benchmark") decides unless the gazetteer clearly contradicts
    it (benchmarks recognised on one axis only); without a corner word, the axis with more
    recognised benchmarks and fewer model-shaped names holds the benchmarks.
    """
    corner = strip_markup(" ".join(paths[0])) if paths and paths[0] else ""
    col_bench = sum(1 for p in paths[label_cols:] if any(find_benchmarks(x) for x in p))
    col_model = sum(1 for p in paths[label_cols:] if p and _is_model_like(p[-1]))
    row_bench = row_model = 0
    for r in grid.body_rows:
        labels = " ".join(strip_markup(c) for c in r.cells[:label_cols])
        row_bench += bool(find_benchmarks(labels))
        row_model += _is_model_like(labels)
    if has_role(corner, "bench_label"):
        return not (col_bench >= 2 and row_bench == 0)
    if has_role(corner, "model_label"):
        return row_bench >= 2 and col_bench == 0
    return row_bench + col_model > col_bench + row_model


@lru_cache(maxsize=16384)
def _clean_model(raw: str) -> str:
    """The model name of a row/column label without markup, footnote marks or "(ours)"; "" if the
    label is not a model (an average, a delta, a number)."""
    model = clean_name(_OURS_SUFFIX.sub("", _MODEL_NOISE.sub("", strip_markup(raw))))
    if not model or is_empty_cell(model) or has_role(model, "not_model") or is_numeric_cell(model):
        return ""
    return model


def _claim(document: Document, row: Row, model: str, axis: _Axis, cell: str, extra_settings: list[str],
           metric_override: str | None, section: str | None, fallback_bench: str | None) -> ScoreClaim | None:
    parsed = parse_value(cell)
    if parsed is None:
        return None
    bench_label = axis.bench
    benchmark = bench_label.benchmark or fallback_bench
    if not benchmark:
        return None
    model = _clean_model(model)
    if not model:
        return None
    unit = normalise_unit(parsed.unit_raw) if parsed.unit_raw else (bench_label.unit or "score")
    if unit == "score" and not (metric_override or bench_label.metric) \
            and canonical_benchmark(benchmark) in lexicon.rating_benchmarks():
        unit = "elo"  # "Codeforces | 1691": a rating (a "Percentile" column stays a score)
    settings = [s for s in extra_settings + axis.settings if s]
    setting = ", ".join(dict.fromkeys(settings)) or None
    quote = document.text[row.start:row.end]
    if not quote.strip():
        return None
    try:
        return ScoreClaim(
            model=model, benchmark=benchmark, metric=metric_override or bench_label.metric, value=parsed.value,
            unit=unit, setting=setting, quote=quote, source=document.source, section=section,
            start=row.start, end=row.end, extractor="rules", model_canonical=canonical_model(model),
            benchmark_canonical=canonical_benchmark(benchmark),
        )
    except ValueError:
        return None


def _cell_claims(document: Document, row: Row, model: str, axis: _Axis, cell: str, extra_settings: list[str],
                 metric_override: str | None, section: str | None, fallback_bench: str | None) -> list[ScoreClaim]:
    """The claims of one cell: usually one; ``71.0 / 86.7`` under a ``pass@1 / maj@16`` header gives one
    per part, each with its own setting (or metric); without such a header only the first part counts."""
    parts = [p.strip() for p in strip_markup(cell).split("/")]
    if len(parts) < 2 or not all(parse_value(p) for p in parts):
        one = _claim(document, row, model, axis, cell, extra_settings, metric_override, section, fallback_bench)
        return [one] if one else []
    out: list[ScoreClaim | None] = []
    metric = metric_override or axis.bench.metric or ""
    split_at = next((i for i, s in enumerate(axis.settings) if len(s.split("/")) == len(parts)), None)
    if split_at is not None:
        names = [x.strip() for x in axis.settings[split_at].split("/")]
        for part, name in zip(parts, names, strict=True):
            settings = axis.settings[:split_at] + [name] + axis.settings[split_at + 1:]
            out.append(_claim(document, row, model, replace(axis, settings=settings), part, extra_settings,
                              metric_override, section, fallback_bench))
    elif len(metric.split("/")) == len(parts):
        for part, name in zip(parts, metric.split("/"), strict=True):
            out.append(_claim(document, row, model, axis, part, extra_settings, name.strip(), section,
                              fallback_bench))
    else:
        out.append(_claim(document, row, model, axis, parts[0], extra_settings, metric_override, section,
                          fallback_bench))
    return [c for c in out if c]


def _group_setting(row: Row, label_cols: int) -> str | None | bool:
    """A body row with a label only: returns its setting text (or None); False if not a group row."""
    rest = [strip_markup(c) for c in row.cells[label_cols:]]
    first = strip_markup(row.cells[0])
    if any(rest) and len(set(rest) | {first}) > 1:
        return False
    label = first or next((strip_markup(c) for c in row.cells[:label_cols] if strip_markup(c)), "")
    return label if label and has_role(label, "setting") else None


def _label_cell(header: str, raw: str, keep_other: bool = False) -> tuple[list[str], str | None, Unit | None]:
    """Read a secondary label cell (a Metric / Shots / Category column) as settings and a metric.

    ``5-shot, top-1`` in a Metric column gives setting ``5-shot`` and metric ``top-1``; a bare
    ``5`` in a Shots column gives ``5-shot``; a Category column (``General``, ``Math``) gives nothing.
    With ``keep_other`` (beside a model column: Optimizer, Size, Decoding ...) any other text is a
    setting too, so rows of one model under different conditions stay apart.
    """
    cell = strip_markup(raw)
    if not cell:
        return [], None, None
    if has_role(header, "setting_label") and not has_role(header, "metric_label"):
        return [f"{cell}-shot" if re.fullmatch(r"\d+", cell) else cell], None, None
    if has_role(header, "bench_label") or has_role(header, "model_label"):
        return [], None, None
    settings: list[str] = []
    metrics: list[str] = []
    for piece in (p.strip() for p in re.split(r"[,;，；]", cell)):
        if not piece:
            continue
        if has_role(piece, "setting") and not (has_role(header, "metric_label") and has_role(piece, "metric")):
            settings.append(piece)
        elif has_role(header, "metric_label") or has_role(piece, "metric"):
            metrics.append(piece)
        elif keep_other and not has_role(header, "skip_column"):
            settings.append(piece)
    metric = ", ".join(metrics) or None
    return settings, metric, read_label(f"x ({metric})").unit if metric else None


def _table_claims(document: Document, grid: Grid, headings: list[tuple[int, str]]) -> list[ScoreClaim]:
    if grid.width < 2 or not grid.body_rows:
        return []
    _promote_subheaders(grid)
    if not grid.body_rows:
        return []
    _drop_index_columns(grid)
    paths = _column_paths(grid)
    label_cols = _label_columns(grid, paths)
    transposed = _orientation(grid, label_cols, paths)
    section = _section_title(document, grid.start, headings)
    subject = _section_subject(document, grid.start) or _title_subject(headings)
    fallback = _caption_benchmark(document, grid, section)
    claims: list[ScoreClaim] = []
    group: str | None = None
    last_label = ""
    last_left: list[str] = []
    label_headers = [" ".join(paths[j]) for j in range(label_cols)]

    def resolve_model(name: str) -> str:
        clean = strip_markup(name)
        ours = _OURS.match(clean)
        if subject and ours:
            size = _SIZE_IN.search(clean[ours.end():])
            return f"{subject}-{size.group(1)}" if size else subject
        return clean

    if not transposed:
        axes = [_read_path(paths[j]) for j in range(grid.width)]
        if not fallback and not any(a.bench.known for a in axes[label_cols:] if not a.skip):
            return []  # no recognisable benchmark on the benchmark axis: not a results table
        model_col = 0
        for j in range(label_cols):
            if has_role(label_headers[j], "model_label"):
                model_col = j
                break
        for row in grid.body_rows:
            g = _group_setting(row, label_cols)
            if g is not False:
                group = g if isinstance(g, str) else None
                continue
            model = row.cells[model_col]
            left = row.cells[:model_col]  # e.g. a Size column with rowspan: a new value starts a new group
            if strip_markup(model):
                last_label, last_left = model, left
            elif left == last_left and any(is_numeric_cell(c) for c in row.cells[label_cols:]):
                model = last_label  # an empty label continues the row above (another setting of it)
            extra: list[str] = [group] if group else []
            metric_override = None
            for j in range(label_cols):
                if j != model_col:
                    settings, metric, _ = _label_cell(label_headers[j], row.cells[j], keep_other=True)
                    extra += settings
                    metric_override = metric or metric_override
            for j in range(label_cols, grid.width):
                axis = axes[j]
                if axis.skip:
                    continue
                claims += _cell_claims(document, row, resolve_model(model), axis, row.cells[j], extra,
                                       metric_override, section, fallback)
        return claims

    # Transposed: benchmarks down the rows, models across the columns.
    bench_col = 0
    best = -1
    for j in range(label_cols):
        hits = sum(1 for r in grid.body_rows if find_benchmarks(strip_markup(r.cells[j])))
        if has_role(label_headers[j], "metric_label") or has_role(label_headers[j], "setting_label"):
            continue
        if hits > best:
            bench_col, best = j, hits
    if not fallback and not any(find_benchmarks(strip_markup(r.cells[bench_col])) for r in grid.body_rows):
        return []  # no recognisable benchmark on the benchmark axis: not a results table
    models: list[str] = []
    model_settings: list[list[str]] = []
    model_metrics: list[str | None] = []
    for j in range(grid.width):
        path = [p for p in paths[j] if p]
        name = next((p for p in path if _is_model_like(p) and not _SIZE_ONLY.match(p)), path[0] if path else "")
        column_metric: str | None = None
        if name and len(name) <= 24 and has_role(name, "metric") and not _is_model_like(name):
            # A metric column ("Acc", "F1") of a one-model table: the model is the document's subject.
            column_metric, name = name, subject or ""
        elif name and has_role(name, "value_column"):
            name = subject or ""  # "Value" (its metric, if any, is in a Metric column)
        models.append(name)
        model_metrics.append(column_metric)
        model_settings.append([p for p in path if p not in (name, column_metric) and has_role(p, "setting")])
    for row in grid.body_rows:
        g = _group_setting(row, label_cols)
        if g is not False:
            group = g if isinstance(g, str) else None
            continue
        row_label = strip_markup(row.cells[bench_col])
        if row_label:
            last_label = row_label
        elif any(is_numeric_cell(c) for c in row.cells[label_cols:]):
            row_label = last_label  # an empty label continues the row above (another setting of it)
        if not row_label or has_role(row_label, "skip_column") and not find_benchmarks(row_label) \
                or has_role(row_label, "not_model"):
            continue
        axis = _read_path([row_label])
        extra = [group] if group else []
        metric_override = None
        for j in range(label_cols):
            if j != bench_col:
                settings, metric, unit = _label_cell(label_headers[j], row.cells[j])
                extra += settings
                metric_override = metric or metric_override
                if unit and not axis.bench.unit:
                    axis.bench.unit = unit
        for j in range(label_cols, grid.width):
            model = models[j]
            if not model or has_role(model, "skip_column") or has_role(model, "not_model"):
                continue
            claims += _cell_claims(document, row, resolve_model(model), axis, row.cells[j], extra + model_settings[j],
                                   model_metrics[j] or metric_override, section, fallback)
    return claims


def extract_table_claims(document: Document, grids: list[Grid] | None = None) -> list[ScoreClaim]:
    """Every score stated in the document's results tables, with the row as the quote.

    ``grids`` are the tables already found by ``find_tables`` (the rules backend finds them
    once, for these claims and to keep the prose rules off the table rows).
    """
    claims: list[ScoreClaim] = []
    grids = find_tables(document.text) if grids is None else grids
    headings = _headings(document.text) if grids else []
    for grid in grids:
        try:
            claims.extend(_table_claims(document, grid, headings))
        except Exception:  # noqa: BLE001 - one malformed table must not lose the document's other claims
            continue
    return claims


def table_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every results table in ``text``, so prose rules can skip table rows."""
    return [(g.start, g.end) for g in find_tables(text)]
