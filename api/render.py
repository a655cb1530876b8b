"""Turning query answers into what a terminal user asked for: a rich table, CSV or JSON.

Kept apart from the CLI so every command stays "one library call plus formatting" and the
same flattening serves both the leaderboard and the "who beats X" answers.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:  # (only annotations: ``schemas.results`` is imported on first use, ``extract`` never uses it)
    from schemas import BeatsResult, BoardEvent, ClaimDetail, DocumentInfo, Leaderboard, ReviewEvent, SourceRef


class OutputFormat(StrEnum):
    """How query commands print their answer."""

    table = "table"
    csv = "csv"
    json = "json"


LEADERBOARD_COLUMNS: tuple[str, ...] = (
    "rank", "model", "benchmark", "value", "value_high", "unit", "metric", "setting", "support", "conflict",
    "review_status", "source", "quote",
)
BEATS_COLUMNS: tuple[str, ...] = (
    "model", "value", "baseline_value", "margin", "unit", "benchmark", "metric", "setting", "how", "source", "quote",
)
NO_BENCHMARK = "(no benchmark named)"


def _num(value: float | None) -> str:
    """Print 71.0 as 71 and 86.7 as 86.7: scores are shown as the papers write them."""
    if value is None:
        return ""
    return f"{value:g}"


def _with_unit(value: float | None, unit: str | None) -> str:
    """"71%", "50 points", "1250 elo": a number shown with what it counts."""
    if value is None:
        return ""
    if not unit or unit == "score":
        return _num(value)
    return f"{_num(value)}%" if unit == "%" else f"{_num(value)} {unit}"


def _first(sources: Sequence[SourceRef]) -> tuple[str, str]:
    return (sources[0].source, sources[0].quote) if sources else ("", "")


def leaderboard_records(board: Leaderboard) -> list[dict[str, object]]:
    """One flat record per row (its first supporting quote), for CSV and the table."""
    out: list[dict[str, object]] = []
    for row in board.rows:
        source, quote = _first(row.sources)
        out.append({
            "rank": row.rank, "model": row.model, "benchmark": row.benchmark or board.benchmark, "value": _num(row.value), "value_high": _num(row.value_high),
            "unit": row.unit or "", "metric": row.metric or "", "setting": row.setting or "",
            "support": row.support, "conflict": "yes" if row.conflict else "", "review_status": row.review_status,
            "source": source, "quote": quote,
        })
    return out


def beats_records(result: BeatsResult) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for row in result.rows:
        source, quote = _first(row.evidence)
        out.append({
            "model": row.model, "value": _num(row.value), "baseline_value": _num(row.baseline_value),
            "margin": _num(row.margin), "unit": row.unit or "",
            "benchmark": NO_BENCHMARK if row.general else row.benchmark or result.benchmark,
            "metric": row.metric or "", "setting": row.setting or "", "how": row.how,
            "source": source, "quote": quote,
        })
    return out


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse(value: object) -> object:
    """A text cell a spreadsheet would run as a formula gets a leading apostrophe (numbers stay numbers)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        try:
            float(value)
        except ValueError:
            return "'" + value
    return value


def to_csv(records: list[dict[str, object]], columns: Sequence[str]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: defuse(v) for k, v in rec.items()} for rec in records)
    return buf.getvalue()


WIDE_ENOUGH_FOR_QUOTES = 110  # below this the quotes go under the table, not in a squeezed column


def _print_table(console: Console, title: str, records: list[dict[str, object]], columns: Sequence[str],
                 quote_col: str, label_col: str) -> None:
    """Print a table; on a narrow terminal list the quotes after it, numbered, instead of a column."""
    if console.width >= WIDE_ENOUGH_FOR_QUOTES:
        console.print(_table(title, records, columns))
        return
    narrow = [c for c in columns if c != quote_col]
    ref = "#" if "#" in narrow else "ref"  # the rank already numbers a leaderboard's rows
    numbered = [{"ref": i, **r} for i, r in enumerate(records, 1)]
    console.print(_table(title, numbered, narrow if ref == "#" else ["ref", *narrow]))
    for rec in numbered:
        if rec.get(quote_col):
            console.print(f"[{rec[ref]}] {rec[label_col]}: {rec[quote_col]}", markup=False, highlight=False)


def _table(title: str, records: list[dict[str, object]], columns: Sequence[str]) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False)
    # Only the quote may wrap: names and numbers stay on one line, so a narrow terminal
    # folds the long text instead of squeezing "DeepSeek-R1" into "De…".
    for col in columns:
        if col in ("quote", "evidence"):
            table.add_column(col, overflow="fold", min_width=24, ratio=1)
        elif col in ("#", "ref", "value", "baseline", "margin", "support"):
            table.add_column(col, justify="right", no_wrap=True, min_width=len(col))
        else:
            table.add_column(col, no_wrap=True)
    for rec in records:
        table.add_row(*(str(rec[c]) for c in columns))
    return table


def _shown_value(value: float | None, value_high: float | None, unit: str | None) -> str:
    """97 + % -> "97%", 74..93 % -> "74-93%", 2727 elo -> "2727 elo" (the table view only)."""
    text = _num(value)
    if value_high is not None:
        text += f"-{_num(value_high)}"
    if text and unit == "%":
        return text + "%"
    return f"{text} {unit}" if text and unit and unit != "score" else text


def _joined(*parts: str | None) -> str:
    return " · ".join(p for p in parts if p)


def print_leaderboard(board: Leaderboard, fmt: OutputFormat, console: Console, bom: bool = False,
                      as_of: object = None) -> None:
    if fmt is OutputFormat.json:
        console.file.write(board.model_dump_json(indent=2) + "\n")
        return
    if fmt is OutputFormat.csv:
        from warehouse import leaderboard_csv  # the one leaderboard CSV shape (export and the API write it too)

        console.file.write(leaderboard_csv(board, bom=bom))
        return
    if not board.rows:
        console.print(f"no scores recorded on {board.benchmark}" + (" by that date" if as_of else ""), markup=False,
                      highlight=False)
        if board.other_settings:
            console.print(f"other settings reported: {', '.join(board.other_settings)} (use --setting)",
                          markup=False, highlight=False)
        return
    # The terminal view folds unit into value and metric into setting so the quote keeps room.
    mixed = len({row.benchmark or board.benchmark for row in board.rows}) > 1
    records: list[dict[str, object]] = []
    for row in board.rows:
        records.append({
            "#": row.rank,
            "model": row.model + (f" ({row.benchmark})" if mixed and row.benchmark else ""),
            "value": _shown_value(row.value, row.value_high, row.unit) + (" !" if row.conflict else ""),
            "setting": _joined(row.metric if row.metric != board.metric else None, row.setting),
            "support": row.support,
            "review": "" if row.review_status == "unreviewed" else row.review_status,
            "quote": _first(row.sources)[1],
        })
    cols = [c for c in ("#", "model", "value", "setting", "support", "review", "quote") if any(r[c] for r in records)]
    _print_table(console, _joined(board.benchmark, board.metric, board.setting), records, cols, "quote", "model")
    if any(row.conflict for row in board.rows):
        console.print("! sources disagree on this value (see --format json for every value)")
    if board.other_settings:
        console.print(f"other settings reported: {', '.join(board.other_settings)} (use --setting)")
    if not board.rows:
        console.print("no scores recorded for this benchmark yet")


def print_beats(result: BeatsResult, fmt: OutputFormat, console: Console) -> None:
    if fmt is OutputFormat.json:
        console.file.write(result.model_dump_json(indent=2) + "\n")
        return
    if fmt is OutputFormat.csv:
        console.file.write(to_csv(beats_records(result), BEATS_COLUMNS))
        return
    if not result.rows:
        console.print(f"no model is recorded as beating {result.model} on {result.benchmark}")
        return
    records: list[dict[str, object]] = [{
        "model": row.model,
        "value": _with_unit(row.value, row.unit),
        "baseline": _with_unit(row.baseline_value, row.unit),
        "margin": f"+{_with_unit(row.margin, row.unit)}" if row.margin is not None else "",
        "setting": NO_BENCHMARK if row.general else _joined(
            row.benchmark if row.benchmark != result.benchmark else None, row.metric, row.setting),
        "how": row.how,
        "evidence": _first(row.evidence)[1] + (f" (+{len(row.evidence) - 1} more)" if len(row.evidence) > 1 else ""),
    } for row in result.rows]
    cols = [c for c in ("model", "value", "baseline", "margin", "setting", "how", "evidence") if any(r[c] for r in records)]
    _print_table(console, f"models that beat {result.model} on {result.benchmark}", records, cols, "evidence", "model")


def print_claim(detail: ClaimDetail, history: Sequence[ReviewEvent], fmt: OutputFormat, console: Console,
                document: DocumentInfo | None = None) -> None:
    """The claim's paragraph with the quote highlighted, what was read from it, its document's title,
    url and date, and its reviews."""
    if fmt is OutputFormat.json:
        console.file.write(json.dumps({**detail.model_dump(mode="json"),
                                       "document": document.model_dump(mode="json") if document else None,
                                       "reviews": [e.model_dump(mode="json") for e in history]},
                                      ensure_ascii=False, indent=2) + "\n")
        return
    ctx = detail.context
    paragraph = Text(ctx.text[:ctx.start])
    paragraph.append(ctx.text[ctx.start:ctx.end], style="bold reverse")
    paragraph.append(ctx.text[ctx.end:])
    what = (f"{detail.model} · {detail.benchmark or '(no benchmark named)'} · "
            + (f"{_with_unit(detail.value, detail.unit)}" if detail.kind == "score"
               else f"{detail.relation} {detail.baseline}"
               + (f" by {_with_unit(detail.delta, detail.unit)}" if detail.delta is not None else "")))
    console.print(f"claim {detail.id} ({detail.kind}, {detail.review_status}): {what}", markup=False, highlight=False)
    if document is not None and (document.title or document.url or document.published):
        console.print(" · ".join(str(x) for x in (document.title, document.url, document.published) if x),
                      markup=False, highlight=False)
    console.print(f"{detail.source}" + (f" · {detail.section}" if detail.section else "")
                  + f" · characters {detail.start}-{detail.end} of document {detail.document_id}",
                  markup=False, highlight=False)
    console.print(paragraph)
    for e in history:
        console.print(f"  {e.at}: {e.previous} -> {e.status}" + (f" by {e.reviewer}" if e.reviewer else "")
                      + (f" ({e.note})" if e.note else ""), markup=False, highlight=False)


def print_events(events: Sequence[BoardEvent], fmt: OutputFormat, console: Console) -> None:
    """Board events, newest first, one line each with the claim id to ``show``."""
    from api.feeds import event_title

    if fmt is OutputFormat.json:
        console.file.write(json.dumps([e.model_dump(mode="json") for e in events], ensure_ascii=False, indent=2) + "\n")
        return
    if not events:
        console.print("no board events yet")
        return
    for e in events:
        console.print(f"{e.date or '?'}  {event_title(e)}  [claim {e.claim_id}: {e.source}]", markup=False,
                      highlight=False)
