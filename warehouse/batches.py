"""Bulk-loading folders of *extraction batch* Parquet files (see ``schemas.batches``).

The scale-out engine writes such a folder; loading it is one DuckDB scan of the Parquet
(hive-partitioned by ``bucket``) fed through ``Warehouse.store_many``, so a bulk load
obeys exactly the same idempotency and per-document transactions as a local ingest.
Rows come back ordered by source, then by Parquet file name (lake files are named by
time, so a later write of the same source wins), so the result does not depend on how
the job was partitioned or scheduled.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from schemas import Extraction, FileProblem, IngestOutcome
from schemas.batches import BATCH_COLUMNS, parse_batch_row
from warehouse.db import Warehouse

# The batch columns in a fixed order; the glob is a parameter, never formatted into the SQL.
READ_BATCHES = (
    "SELECT source, path, sha256, ok, reason, extraction_json, bucket "
    "FROM read_parquet(?, hive_partitioning = true, union_by_name = true, filename = true) "
    "ORDER BY source, regexp_extract(filename, '[^/]*$'), path"
)


@dataclass
class BatchLoad:
    """What a bulk load stored, and the files the job reported as failed."""

    outcomes: list[IngestOutcome] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)


def parquet_glob(folder: str | Path) -> str:
    """Every Parquet file of the ``bucket=N`` partition folders of ``folder`` (nothing else: a lake
    converted in place keeps its own Parquet files beside them)."""
    return str(Path(folder) / "bucket=*" / "*.parquet")


def iter_batch_rows(folder: str | Path, chunk: int = 512) -> Iterator[Extraction | FileProblem]:
    """Stream the rows of a batch folder as Extractions / FileProblems, ordered by source."""
    if not any(Path(folder).glob("bucket=*/*.parquet")):
        return
    con = duckdb.connect()
    try:
        cur = con.execute(READ_BATCHES, [parquet_glob(folder)])
        while True:
            rows = cur.fetchmany(chunk)
            if not rows:
                break
            for row in rows:
                record: dict[str, Any] = dict(zip(BATCH_COLUMNS, row, strict=True))
                yield parse_batch_row(record)
    finally:
        con.close()


def load_batches(wh: Warehouse, folder: str | Path, run_id: int | None = None, chunk_docs: int = 2000) -> BatchLoad:
    """Store every extraction of ``folder`` into ``wh``; collect the failed files."""
    result = BatchLoad()
    pending: list[Extraction] = []
    for item in iter_batch_rows(folder):
        if isinstance(item, FileProblem):
            result.problems.append(item)
            continue
        pending.append(item)
        if len(pending) >= chunk_docs:
            result.outcomes.extend(wh.store_many(pending, run_id))
            pending = []
    if pending:
        result.outcomes.extend(wh.store_many(pending, run_id))
    return result
