"""The *extraction batch* layout: one row per input file, as written to Parquet.

Shared by the scale-out engine (which writes it, one folder partitioned by ``bucket``)
and the warehouse (which bulk-loads it, and can serve a folder of such files as a lake).
A row holds either a whole ``Extraction`` as JSON (``ok``) or the reason the file failed,
so a Parquet folder never loses a document silently. Strings are never null, so every
Parquet file of a folder has the same column types.
"""

from __future__ import annotations

import hashlib
from typing import Any

from schemas.documents import Extraction, FileProblem

BUCKETS = 16
BATCH_COLUMNS: tuple[str, ...] = ("source", "path", "sha256", "ok", "reason", "extraction_json", "bucket")


def bucket_of(source: str) -> int:
    """Stable partition key of a file name (the same in every process, run and machine)."""
    return int(hashlib.sha1(source.encode("utf-8")).hexdigest()[:8], 16) % BUCKETS


def batch_row(extraction: Extraction) -> dict[str, Any]:
    """The row of a file that was extracted."""
    doc = extraction.document
    bucket = bucket_of(doc.source)
    return {"source": doc.source, "path": doc.path, "sha256": doc.sha256, "ok": True, "reason": "",
            "extraction_json": extraction.model_dump_json(), "bucket": bucket}


def problem_row(source: str, path: str, reason: str) -> dict[str, Any]:
    """The row of a file that could not be read or extracted, and why."""
    bucket = bucket_of(source)
    return {"source": source, "path": path, "sha256": "", "ok": False, "reason": reason,
            "extraction_json": "", "bucket": bucket}


def parse_batch_row(row: dict[str, Any]) -> Extraction | FileProblem:
    """Turn a row back into what the local pipeline would have yielded for that file."""
    if row.get("ok"):
        return Extraction.model_validate_json(row["extraction_json"])
    return FileProblem(path=str(row.get("path") or row.get("source")), reason=str(row.get("reason") or "unknown"))
