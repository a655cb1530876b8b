"""Exports through DuckDB's own COPY writers (CSV, Parquet, JSON).

The column lists below are a promise to users' scripts: they only ever grow at the end.

All claims (``benchclaims export --format csv --out claims.csv``), one row per claim:

    id, kind, model, model_canonical, benchmark, benchmark_canonical, metric, value,
    value_high, unit, setting, setting_key, baseline, baseline_canonical, relation,
    delta, quote, source, section, start, end, extractor, run_id, review_status

``*_canonical`` are the warehouse's entity names (aliases resolved); ``setting_key`` is
the normalised setting used to decide what is comparable ('' = default / pass@1).

One benchmark's leaderboard (``--benchmark B``), one row per model (per member of a
family such as AIME). JSON and Parquet:

    benchmark, member, rank, model, value, value_high, unit, metric, setting, support,
    conflict, review_status, sources, claim_id, source, quote

``sources`` is a JSON array of ``{"source", "quote", "section", "start", "end",
"claim_id", "value", "review_status"}`` (nested in JSON output, JSON text in Parquet);
``claim_id``, ``source`` and ``quote`` are the row's top source. CSV is the same flat shape
everywhere (``leaderboard --format csv``, ``export --benchmark``, ``/api/export.csv?benchmark=``):
the columns above without ``sources`` (``LEADERBOARD_CSV_COLUMNS``), one line per model, so a
spreadsheet opens it as a table. CSV has a header row and is UTF-8 (``bom=True`` prepends a
byte-order mark for spreadsheet apps that need one to read Chinese text); JSON is one array of
objects.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Literal

import duckdb
import numpy as np

from schemas import Leaderboard
from warehouse.columns import object_column

CLAIM_EXPORT_COLUMNS: tuple[str, ...] = (
    "id", "kind", "model", "model_canonical", "benchmark", "benchmark_canonical", "metric", "value",
    "value_high", "unit", "setting", "setting_key", "baseline", "baseline_canonical", "relation", "delta",
    "quote", "source", "section", "start", "end", "extractor", "run_id", "review_status",
)
LEADERBOARD_EXPORT_COLUMNS: tuple[str, ...] = (
    "benchmark", "member", "rank", "model", "value", "value_high", "unit", "metric", "setting", "support",
    "conflict", "review_status", "sources", "claim_id", "source", "quote",
)
LEADERBOARD_CSV_COLUMNS: tuple[str, ...] = tuple(c for c in LEADERBOARD_EXPORT_COLUMNS if c != "sources")
BOM = "\ufeff"

_CLAIMS_QUERY = """
SELECT c.id, c.kind, c.model, m.name AS model_canonical, c.benchmark, b.name AS benchmark_canonical, c.metric,
       c.value, c.value_high, c.unit, c.setting, t.setting_key, c.baseline, bl.name AS baseline_canonical,
       c.relation, c.delta, c.quote, c.source, c.section, c.start, c."end", c.extractor, c.run_id, c.review_status
FROM claims c
LEFT JOIN claim_terms t ON t.id = c.term_id
LEFT JOIN entities m ON m.id = c.model_id
LEFT JOIN entities b ON b.id = c.benchmark_id
LEFT JOIN entities bl ON bl.id = c.baseline_id
ORDER BY c.id
"""
_BOARD_QUERY = """
SELECT benchmark, member, rank::INTEGER AS rank, model, value::DOUBLE AS value, value_high::DOUBLE AS value_high,
       unit::VARCHAR AS unit, metric::VARCHAR AS metric, setting::VARCHAR AS setting, support::INTEGER AS support,
       conflict::BOOLEAN AS conflict, review_status, sources{cast} AS sources, claim_id::BIGINT AS claim_id,
       source::VARCHAR AS source, quote::VARCHAR AS quote
FROM board_rows ORDER BY ord
"""
# CSV cells a spreadsheet would run as a formula start with an apostrophe (OWASP's advice for
# CSV injection): text columns only; numbers are written as numbers.
_CLAIM_TEXT_COLUMNS = ("kind", "model", "model_canonical", "benchmark", "benchmark_canonical", "metric", "unit",
                       "setting", "setting_key", "baseline", "baseline_canonical", "relation", "quote", "source",
                       "section", "extractor", "review_status")
_FORMULA_START = r"^[=+\-@\t\r]"


def _defused(columns: tuple[str, ...]) -> str:
    """``SELECT * REPLACE (...)`` over ``{query}`` prefixing formula-like text cells with an apostrophe."""
    cases = ", ".join(
        f"CASE WHEN regexp_matches(\"{c}\", '{_FORMULA_START}') THEN '''' || \"{c}\" ELSE \"{c}\" END AS \"{c}\""
        for c in columns)
    return "SELECT * REPLACE (" + cases + ") FROM ({query})"


_DEFUSED_CLAIMS = _defused(_CLAIM_TEXT_COLUMNS).format(query=_CLAIMS_QUERY)

_OPTIONS = {
    "csv": "(FORMAT csv, HEADER true)",
    "parquet": "(FORMAT parquet)",
    "json": "(FORMAT json, ARRAY true)",
}


def _defuse(text: str) -> str:
    return "'" + text if re.match(_FORMULA_START, text) else text


def _csv_number(value: float | int | None) -> str:
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


def leaderboard_csv(board: Leaderboard, bom: bool = False) -> str:
    """``board`` as the one leaderboard CSV shape (``LEADERBOARD_CSV_COLUMNS``): one line per model with
    its top source; formula-like text cells start with an apostrophe."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(LEADERBOARD_CSV_COLUMNS)
    for r in board.rows:
        top = r.sources[0] if r.sources else None
        writer.writerow([
            _defuse(board.benchmark), _defuse(r.benchmark or board.benchmark), r.rank, _defuse(r.model),
            _csv_number(r.value), _csv_number(r.value_high), _defuse(r.unit or ""), _defuse(r.metric or ""),
            _defuse(r.setting or ""), r.support, "true" if r.conflict else "false", r.review_status,
            top.claim_id if top is not None and top.claim_id is not None else "",
            _defuse(top.source) if top is not None else "", _defuse(top.quote) if top is not None else "",
        ])
    return (BOM if bom else "") + buf.getvalue()


def export(
    con: duckdb.DuckDBPyConnection, fmt: Literal["csv", "json", "parquet"], out: Path, board: Leaderboard | None,
    bom: bool = False,
) -> Path:
    """Write all claims (``board`` None) or ``board`` to ``out`` in ``fmt``; returns the path."""
    if fmt not in _OPTIONS:
        raise ValueError(f"unknown export format {fmt!r}; choose csv, json or parquet")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    options = _OPTIONS[fmt]
    if board is None:
        query = _DEFUSED_CLAIMS if fmt == "csv" else _CLAIMS_QUERY
        con.execute(f"COPY ({query}) TO $path {options}", {"path": str(out)})
        if bom and fmt == "csv":
            out.write_bytes(BOM.encode("utf-8") + out.read_bytes())
        return out
    if fmt == "csv":
        out.write_text(leaderboard_csv(board, bom=bom), encoding="utf-8")
        return out
    rows = board.rows
    data = {
        "ord": np.arange(len(rows), dtype=np.int64),
        "benchmark": object_column([board.benchmark] * len(rows)),
        "member": object_column([r.benchmark for r in rows]),
        "rank": object_column([r.rank for r in rows]),
        "model": object_column([r.model for r in rows]),
        "value": object_column([r.value for r in rows]),
        "value_high": object_column([r.value_high for r in rows]),
        "unit": object_column([r.unit for r in rows]),
        "metric": object_column([r.metric for r in rows]),
        "setting": object_column([r.setting for r in rows]),
        "support": object_column([r.support for r in rows]),
        "conflict": object_column([r.conflict for r in rows]),
        "review_status": object_column([r.review_status for r in rows]),
        "sources": object_column([json.dumps([s.model_dump() for s in r.sources], ensure_ascii=False) for r in rows]),
        "claim_id": object_column([r.sources[0].claim_id if r.sources else None for r in rows]),
        "source": object_column([r.sources[0].source if r.sources else None for r in rows]),
        "quote": object_column([r.sources[0].quote if r.sources else None for r in rows]),
    }
    query = _BOARD_QUERY.format(cast="::JSON" if fmt == "json" else "::VARCHAR")
    con.register("board_rows", data)
    try:
        con.execute(f"COPY ({query}) TO $path {options}", {"path": str(out)})
    finally:
        con.unregister("board_rows")
    return out

