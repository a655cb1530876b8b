"""Shared fixtures: real DuckDB warehouses in temporary folders, built once per test session.

* ``seed_db``: the five seed documents run through the real rules extractor and stored.
* ``handmade_db``: a small warehouse whose claims are written by hand (exact quotes and
  offsets), so API and CLI tests can assert exact ranks and values whatever the extractor's
  current recall is.

Tests that write copy a warehouse into their own ``tmp_path`` first (``writable_copy``),
so the session files stay as built.

* ``web``: a local HTTP server for URL inputs; ``arxiv``: the same server answering as arXiv
  (the reader tests in ``tests/extractor`` and the ingest tests in ``tests/api`` both use them).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from schemas import Extraction
from tests.support.handmade import HANDMADE, handmade_extractions
from tests.support.paths import SEEDS_DIR
from tests.support.sources_fixtures import ARXIV_HTML, ATOM, ATOM_EMPTY, Web, fpdf_results

# The rules' compiled regexes (``extractor.re_cache``, read when the first pipeline is built, after these imports) go
# to a folder of this test session, not the user's ~/.cache (unless BENCHCLAIMS_RE_CACHE is set); the folder is removed
# when the session ends.
_RE_CACHE = None if "BENCHCLAIMS_RE_CACHE" in os.environ else tempfile.mkdtemp(prefix="benchclaims-re-cache-")
if _RE_CACHE is not None:
    os.environ["BENCHCLAIMS_RE_CACHE"] = _RE_CACHE


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _RE_CACHE is not None:
        shutil.rmtree(_RE_CACHE, ignore_errors=True)


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A warehouse built from ``seeds/`` with the rules extractor, as ``benchclaims ingest`` does."""
    from extractor.pipeline import extract_paths
    from warehouse import Warehouse

    path = tmp_path_factory.mktemp("seed-warehouse") / "seeds.duckdb"
    with Warehouse(path) as wh:
        run = wh.start_run("rules", {"paths": [str(SEEDS_DIR)]})
        ok = 0
        for item in extract_paths([SEEDS_DIR], backend="rules"):
            assert isinstance(item, Extraction), f"seed file failed: {item}"
            wh.store(item, run)
            ok += 1
        wh.finish_run(run, ok, 0)
    return str(path)


@pytest.fixture(scope="session")
def handmade_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A warehouse holding exactly the claims of ``HANDMADE``."""
    from warehouse import Warehouse

    path = tmp_path_factory.mktemp("handmade-warehouse") / "handmade.duckdb"
    with Warehouse(path) as wh:
        run = wh.start_run("rules", {"handmade": True})
        for extraction in handmade_extractions():
            wh.store(extraction, run)
        wh.finish_run(run, len(HANDMADE), 0)
    return str(path)


@pytest.fixture
def writable_copy(tmp_path: Path) -> Callable[[str], str]:
    """Copy a session warehouse into this test's folder so the test may write to it."""

    def copy(db: str) -> str:
        target = tmp_path / Path(db).name
        shutil.copyfile(db, target)
        return str(target)

    return copy


@pytest.fixture
def web() -> Iterator[Web]:
    """A local HTTP server on 127.0.0.1 for URL inputs (``Web``): pages, files, redirects, slow answers."""
    with Web() as server:
        yield server


@pytest.fixture
def arxiv(web: Web, monkeypatch: pytest.MonkeyPatch) -> Web:
    """A local arXiv: the Atom API, an HTML paper (2501.12948) and a PDF-only paper (2401.00001)."""
    monkeypatch.setenv("BENCHCLAIMS_ARXIV_API_URL", web.url + "/api/query")
    monkeypatch.setenv("BENCHCLAIMS_ARXIV_URL", web.url)

    def api(h: object) -> None:
        from urllib.parse import parse_qs, urlsplit

        handler = h  # BaseHTTPRequestHandler
        wanted = parse_qs(urlsplit(handler.path).query)["id_list"][0]  # type: ignore[attr-defined]
        ident, _, version = wanted.partition("v")
        body = ATOM_EMPTY if ident not in ("2501.12948", "2401.00001") else ATOM.format(
            id=ident, version="v" + version if version else "v2")
        data = body.encode()
        handler.send_response(200)  # type: ignore[attr-defined]
        handler.send_header("Content-Type", "application/atom+xml")  # type: ignore[attr-defined]
        handler.send_header("Content-Length", str(len(data)))  # type: ignore[attr-defined]
        handler.end_headers()  # type: ignore[attr-defined]
        handler.wfile.write(data)  # type: ignore[attr-defined]

    web.routes["/api/query"] = api  # type: ignore[assignment]
    web.html("/html/2501.12948v2", ARXIV_HTML)
    web.file("/pdf/2401.00001v2", fpdf_results(), "application/pdf")
    return web
