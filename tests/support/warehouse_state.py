"""What "the same warehouse" means in tests that compare a disturbed run with a clean one.

Documents and claims, in a stable order; run records, ids and timestamps are left out
because a killed or forwarded ingest legitimately leaves more of them.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

STATE_QUERIES = (
    "SELECT source, sha256, encoding FROM documents ORDER BY source",
    'SELECT source, kind, model, benchmark, metric, value, setting, baseline, relation, quote, section, start, "end" '
    "FROM claims ORDER BY source, start, \"end\", kind, model, coalesce(benchmark, ''), coalesce(value, 0), "
    "coalesce(baseline, '')",
)

State = list[list[tuple[object, ...]]]


def warehouse_state(db: Path) -> State:
    """The documents and claims of the DuckDB file ``db``, opened read-only."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return state_of(con)
    finally:
        con.close()


def state_of(con: duckdb.DuckDBPyConnection) -> State:
    return [con.execute(q).fetchall() for q in STATE_QUERIES]
