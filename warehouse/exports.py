"""Exports through DuckDB's own COPY writers (CSV, Parquet, JSON).

The column lists below are a promise to users' scripts: they only ever grow at the end.

All claims (``benchclaims export --format csv --out claims.csv``), one row per claim:

    id, kind, model, model_canonical, benchmark, benchmark_canonical, metric, value,
    value_high, unit, setting, setting_key, baseline, baseline_canonical, relation,
    delta, quote, source, section, start, end, extractor, run_id, review_status

``*_canonical`` are the warehouse's entity names (aliases resolved); ``setting_key`` is
the normalised setting used to decide what is comparable ('' = default / pass@1).

One benchmark's leaderboard (``--benchmark B``), one row per model (per member of a
family such as AIME):

    benchmark, member, rank, model, value, value_high, unit, metric, setting, support,
    conflict, review_status, sources

``sources`` is a JSON array of ``{"source", "quote", "section", "start", "end",
"claim_id", "value", "review_status"}`` (nested in JSON output, JSON text in CSV and
Parquet). CSV has a header row and is UTF-8; JSON is one array of objects.
"""

from __future__ import annotations

import json
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
    "conflict", "review_status", "sources",
)

_CLAIMS_QUERY = """
SELECT c.id, c.kind, c.model, m.name AS model_canonical, c.benchmark, b.name AS benchmark_canonical, c.metric,
       c.value, c.value_high, c.unit, c.setting, c.setting_key, c.baseline, bl.name AS baseline_canonical,
       c.relation, c.delta, c.quote, c.source, c.section, c.start, c."end", c.extractor, c.run_id, c.review_status
FROM claims c
LEFT JOIN entities m ON m.id = c.model_id
LEFT JOIN entities b ON b.id = c.benchmark_id
LEFT JOIN entities bl ON bl.id = c.baseline_id
ORDER BY c.id
"""
_BOARD_QUERY = """
SELECT benchmark, member, rank::INTEGER AS rank, model, value::DOUBLE AS value, value_high::DOUBLE AS value_high,
       unit::VARCHAR AS unit, metric::VARCHAR AS metric, setting::VARCHAR AS setting, support::INTEGER AS support,
       conflict::BOOLEAN AS conflict, review_status, sources{cast} AS sources
FROM board_rows ORDER BY ord
"""
# CSV cells a spreadsheet would run as a formula start with an apostrophe (OWASP's advice for
# CSV injection): text columns only; numbers are written as numbers.
_CLAIM_TEXT_COLUMNS = ("kind", "model", "model_canonical", "benchmark", "benchmark_canonical", "metric", "unit",
                       "setting", "setting_key", "baseline", "baseline_canonical", "relation", "quote", "source",
                       "section", "extractor", "review_status")
_BOARD_TEXT_COLUMNS = ("benchmark", "member", "model", "unit", "metric", "setting", "review_status", "sources")
_FORMULA_START = r"^[=+\-@\t\r]"


def _defused(columns: tuple[str, ...]) -> str:
    """``SELECT * REPLACE (...)`` over ``{query}`` prefixing formula-like text cells with an apostrophe."""
    cases = ", ".join(
        f"CASE WHEN regexp_matches(\"{c}\", '{_FORMULA_START}') THEN '''' || \"{c}\" ELSE \"{c}\" END AS \"{c}\""
        for c in columns)
    return "SELECT * REPLACE (" + cases + ") FROM ({query})"


_DEFUSED_CLAIMS = _defused(_CLAIM_TEXT_COLUMNS).format(query=_CLAIMS_QUERY)
_DEFUSED_BOARD = _defused(_BOARD_TEXT_COLUMNS)

_OPTIONS = {
    "csv": "(FORMAT csv, HEADER true)",
    "parquet": "(FORMAT parquet)",
    "json": "(FORMAT json, ARRAY true)",
}


def export(
    con: duckdb.DuckDBPyConnection, fmt: Literal["csv", "json", "parquet"], out: Path, board: Leaderboard | None
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
    }
    query = _BOARD_QUERY.format(cast="::JSON" if fmt == "json" else "::VARCHAR")
    if fmt == "csv":
        query = _DEFUSED_BOARD.format(query=query)
    con.register("board_rows", data)
    try:
        con.execute(f"COPY ({query}) TO $path {options}", {"path": str(out)})
    finally:
        con.unregister("board_rows")
    return out

