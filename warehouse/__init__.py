"""The benchclaims warehouse: DuckDB schema, idempotent ingest, entities, leaderboards, beats, exports.

Public API (the CLI and REST layers use only this): ``open_store(location)`` returns one ``Store``
(DuckDB file, DuckLake lake, or a running server that owns the file; see ``warehouse.store``),
and every command or route is one call on it. Underneath, the DuckDB file is a ``Warehouse``::

    from warehouse import Warehouse, UnknownName
    with Warehouse("warehouse/benchclaims.duckdb") as wh:
        run = wh.start_run("rules")
        wh.store(extraction, run)            # -> IngestOutcome(added | unchanged | replaced)
        wh.finish_run(run, files_ok=1, files_failed=0)
        wh.leaderboard("AIME'24")            # any alias; a family (AIME) answers per member
        wh.beats("GPT-4o", "AIME")
        wh.export("csv", "claims.csv")

Imports ``schemas`` only (never ``extractor`` or ``api``); all SQL lives in ``warehouse.sql``
and is parameterised.
"""

from warehouse.db import REVIEW_STATUSES, Warehouse, WarehouseError
from warehouse.errors import QueryInterrupted, UnknownName
from warehouse.exports import CLAIM_EXPORT_COLUMNS, LEADERBOARD_CSV_COLUMNS, LEADERBOARD_EXPORT_COLUMNS, leaderboard_csv
from warehouse.store import IngestJob, Store, StoreError, StoreUnsupported, open_store

__all__ = [
    "CLAIM_EXPORT_COLUMNS", "LEADERBOARD_CSV_COLUMNS", "LEADERBOARD_EXPORT_COLUMNS", "REVIEW_STATUSES", "QueryInterrupted", "UnknownName", "Warehouse", "leaderboard_csv",
    "WarehouseError", "IngestJob", "Store", "StoreError", "StoreUnsupported", "open_store",
]
