"""``/api/export.{fmt}``: all claims, or one leaderboard, as a CSV, JSON or Parquet file."""

from __future__ import annotations

import re
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.answers import answer
from api.deps import GatewayDep, KnownParameters
from api.problems import NAMED_READ_ERRORS

if TYPE_CHECKING:
    from warehouse import Store

router = APIRouter(prefix="/api", tags=["exports"], dependencies=[KnownParameters])


class ExportFormat(StrEnum):
    csv = "csv"
    json = "json"
    parquet = "parquet"


EXPORT_MEDIA = {
    ExportFormat.csv: "text/csv; charset=utf-8",
    ExportFormat.json: "application/json",
    ExportFormat.parquet: "application/vnd.apache.parquet",
}


def _safe_filename(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("_") or "claims"


@router.get("/export.{fmt}", responses={200: {"content": {m: {} for m in EXPORT_MEDIA.values()}}, **NAMED_READ_ERRORS})
async def export(request: Request, gateway: GatewayDep, fmt: ExportFormat,
                 benchmark: Annotated[str | None, Query(max_length=200)] = None,
                 bom: Annotated[bool, Query(description="CSV: start with a UTF-8 byte-order mark "
                                                        "(spreadsheet apps then read Chinese text right).")] = False,
                 ) -> Response:
    """All claims, or one benchmark's leaderboard, as a CSV, JSON or Parquet file.

    CSV text cells that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``, tab,
    carriage return first) start with an apostrophe.
    """
    def write_file(wh: Store) -> bytes:
        with tempfile.TemporaryDirectory(prefix="benchclaims-export-") as tmp:
            written = wh.export(fmt.value, Path(tmp) / f"export.{fmt.value}", benchmark=benchmark, bom=bom)
            return Path(written).read_bytes()

    filename = f"{_safe_filename(benchmark) if benchmark else 'claims'}.{fmt.value}"
    return await answer(request, gateway, write_file, EXPORT_MEDIA[fmt], filename)
