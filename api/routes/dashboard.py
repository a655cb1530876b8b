"""The dashboard page; its assets are mounted at ``/static`` by ``create_app``.

The charting library (plotly.js) is not copied into this repository: it is the file the ``plotly``
Python package ships, served from the installed package, so the dashboard needs no CDN.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"

router = APIRouter(include_in_schema=False)


@router.get("/")
async def dashboard() -> FileResponse:
    return FileResponse(STATIC_DIR / "index.html", headers={"Cache-Control": "no-cache"})


@router.get("/vendor/plotly.min.js")
async def plotly_js() -> FileResponse:
    """plotly.js from the installed ``plotly`` package (MIT), cached by browsers for a day."""
    path = Path(str(files("plotly") / "package_data" / "plotly.min.js"))
    if not path.is_file():
        raise HTTPException(404, "plotly.js is not installed with this server")
    return FileResponse(path, media_type="text/javascript", headers={"Cache-Control": "public, max-age=86400"})
