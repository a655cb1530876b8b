"""A warehouse *lake*: a folder of extraction-batch Parquet files instead of one DuckDB file.

Why: DuckDB lets one process write a database file. When several ingest jobs must write
at once while the API reads, each job instead appends immutable Parquet files (one per
flush, written under a temporary name and renamed into place, so a reader never sees half
a file), and readers build a snapshot warehouse from the folder. The lake has the same
layout as the scale-out engine's output (``schemas.batches``), so a Ray job can write
straight into it.

Trade-offs (also in the README): writers never block each other or readers; a reader's
snapshot is rebuilt when the folder changes (cost grows with the lake; compact by
ingesting the lake into a DuckDB file); review statuses set on a snapshot are not written
back to the lake.
"""

from __future__ import annotations

import hashlib
import os
import time
import uuid
from collections.abc import Iterable
from pathlib import Path

import duckdb

from schemas import Extraction, FileProblem
from schemas.batches import BATCH_COLUMNS, batch_row, bucket_of, problem_row
from warehouse.batches import BatchLoad, load_batches, parquet_glob
from warehouse.db import Warehouse

_CREATE_BATCH = (
    "CREATE TABLE batch (source VARCHAR, path VARCHAR, sha256 VARCHAR, ok BOOLEAN, reason VARCHAR, "
    "extraction_json VARCHAR, bucket INTEGER)"
)
_INSERT_BATCH = "INSERT INTO batch VALUES (?, ?, ?, ?, ?, ?, ?)"
# Source and sha256 of every stored document, oldest file first (the glob is a parameter).
_STORED_HASHES = (
    "SELECT source, sha256 FROM read_parquet(?, hive_partitioning = true, union_by_name = true, filename = true) "
    "WHERE ok ORDER BY regexp_extract(filename, '[^/]*$')"
)


def is_lake(path: str | Path) -> bool:
    """A warehouse location is a lake when it is a folder (or is named with a trailing slash)."""
    return str(path).endswith(("/", os.sep)) or Path(path).is_dir()


class Lake:
    """Append-only folder of extraction batches; see the module docstring."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    def append(self, items: Iterable[Extraction | FileProblem]) -> Path | None:
        """Write ``items`` as one new Parquet file (atomically); None when there was nothing to write."""
        rows = []
        for item in items:
            if isinstance(item, Extraction):
                rows.append(batch_row(item))
            else:
                name = Path(item.path).name
                rows.append(problem_row(name, item.path, item.reason))
        if not rows:
            return None
        self.folder.mkdir(parents=True, exist_ok=True)
        name = f"{time.time_ns():020d}-{uuid.uuid4().hex[:12]}.parquet"
        final = self.folder / f"bucket={bucket_of(name)}" / name
        final.parent.mkdir(parents=True, exist_ok=True)
        tmp = final.with_name(final.name + ".tmp")
        con = duckdb.connect()
        try:
            con.execute(_CREATE_BATCH)
            con.executemany(_INSERT_BATCH, [[row[c] for c in BATCH_COLUMNS] for row in rows])
            con.table("batch").write_parquet(str(tmp))
        finally:
            con.close()
        os.replace(tmp, final)
        return final

    def files(self) -> list[Path]:
        return sorted(self.folder.rglob("*.parquet")) if self.folder.exists() else []

    def stored_hashes(self) -> dict[str, str]:
        """Source -> sha256 of its latest stored version, so an ingest can skip unchanged files
        (re-ingesting a folder then adds nothing to the lake, like a DuckDB-file ingest)."""
        if not self.files():
            return {}
        con = duckdb.connect()
        try:
            rows = con.execute(_STORED_HASHES, [parquet_glob(self.folder)]).fetchall()
        finally:
            con.close()
        return {str(source): str(sha) for source, sha in rows}

    def version(self) -> str:
        """Changes whenever a file is added or replaced (names, sizes and mtimes)."""
        h = hashlib.sha256()
        for f in self.files():
            st = f.stat()
            h.update(f"{f}|{st.st_size}|{st.st_mtime_ns}\n".encode())
        return h.hexdigest()

    def snapshot(self, db_path: str | Path = ":memory:") -> tuple[Warehouse, BatchLoad]:
        """A warehouse holding everything in the lake now (later files win for the same source)."""
        wh = Warehouse(db_path)
        run = wh.start_run("lake-snapshot", {"folder": str(self.folder), "version": self.version()})
        loaded = load_batches(wh, self.folder, run)
        wh.finish_run(run, files_ok=len(loaded.outcomes), files_failed=len(loaded.problems),
                      problems=[f"{p.path}: {p.reason}" for p in loaded.problems])
        return wh, loaded
