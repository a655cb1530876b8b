"""Ingest and extract of PDFs, URLs and arXiv ids through the CLI and the REST API: bad inputs are one
line each, re-ingests add nothing, the metadata is listed, a served warehouse takes URL ingests.

Every network input is served by a local HTTP server the test starts (``web`` and ``arxiv`` in
``tests/conftest.py``); the readers themselves are tested in ``tests/extractor/test_sources.py``.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from typer.testing import CliRunner

from api.cli import app
from extractor.files import UnreadableFile, read_document
from schemas import Settings
from tests.support.sources_fixtures import (
    RESULTS_HTML,
    Web,
    fpdf_results,
    image_only_pdf,
)
from warehouse import Warehouse


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_scanned_pdf_is_refused_by_name_and_the_rest_go_on(runner: CliRunner, tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(image_only_pdf())
    with pytest.raises(UnreadableFile, match="without a text layer"):
        read_document(scan)
    good = tmp_path / "good.md"
    good.write_text("Wren-8B reaches 84.2% on MMLU.\n", encoding="utf-8")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj <<>> garbage")
    db = str(tmp_path / "w.duckdb")
    result = runner.invoke(app, ["ingest", str(scan), str(broken), str(good), "--db", db])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    scan_lines = [line for line in lines if line.startswith(str(scan))]
    assert len(scan_lines) == 1 and "scanned PDF without a text layer" in scan_lines[0]
    assert any(line.startswith(str(broken) + ": ") for line in lines)
    assert "Traceback" not in result.stderr and "1 added" in lines[-1] and "2 failed" in lines[-1]
    alone = runner.invoke(app, ["ingest", str(scan), "--db", db])
    assert alone.exit_code == 1 and "Traceback" not in alone.stderr


def test_bad_urls_are_one_line_each_and_the_rest_go_on(web: Web, runner: CliRunner, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BENCHCLAIMS_FETCH_TIMEOUT", "0.5")
    monkeypatch.setenv("BENCHCLAIMS_MAX_FILE_BYTES", "50000")
    monkeypatch.setenv("BENCHCLAIMS_FETCH_MAX_REDIRECTS", "3")
    good = web.html("/good", RESULTS_HTML)
    web.redirect("/loop", "/loop")
    bad = {
        web.url + "/missing": "HTTP 404",
        web.file("/big", b"x" * 60000, "text/plain"): "too large",
        web.url + "/loop": "too many redirects",
        web.file("/pic", b"\x89PNG\r\n\x1a\n", "image/png"): "unsupported content type image/png",
        web.slow("/slow", 3): "timed out",
        "http://127.0.0.1:9/closed": "cannot connect",
    }
    web.redirect("/moved", "/good")
    db = str(tmp_path / "w.duckdb")
    result = runner.invoke(app, ["ingest", *bad, web.url + "/moved", good, "--db", db])
    assert result.exit_code == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    for url, reason in bad.items():
        mine = [line for line in lines if line.startswith(url + ": ")]
        assert len(mine) == 1 and reason in mine[0], (url, lines)
    assert "2 added" in lines[-1] and "6 failed" in lines[-1]


def test_url_ingest_is_idempotent_and_listed_with_metadata(web: Web, runner: CliRunner, tmp_path: Path) -> None:
    url = web.html("/blog/kestrel", RESULTS_HTML)
    db = str(tmp_path / "w.duckdb")
    first = runner.invoke(app, ["ingest", url, "--db", db])
    assert first.exit_code == 0, first.stderr
    again = runner.invoke(app, ["ingest", url + "#results", "--db", db])  # same document (fragment dropped)
    assert again.exit_code == 0 and "0 added, 1 unchanged" in again.stderr
    board = runner.invoke(app, ["leaderboard", "AIME 2024", "--db", db, "--format", "json"])
    assert "Kestrel-7B" in [r["model"] for r in json.loads(board.stdout)["rows"]]
    with TestClient(_app(db)) as client:
        docs = client.get("/api/documents").json()
        assert docs["total"] == 1
        d = docs["items"][0]
        assert (d["url"], d["published"], d["title"]) == (url, "2025-03-14", "Kestrel-7B: a small reasoning model")
        assert len(d["sha256"]) == 64 and d["chars"] > 0 and d["claims"] > 0
        one = client.get(f"/api/documents/{d['id']}").json()
        claim = client.get("/api/claims", params={"source": url, "limit": 1}).json()["items"][0]
        assert one["text"][claim["start"]:claim["end"]] == claim["quote"]
        assert client.get("/api/documents/999").status_code == 404


def _app(db: str, **kw: object) -> object:
    from api.app import create_app

    return create_app(Settings(db=db, api_key=SecretStr("k"), **kw))  # type: ignore[arg-type]


def test_post_documents_by_url(web: Web, tmp_path: Path) -> None:
    url = web.html("/blog/kestrel", RESULTS_HTML)
    db = str(tmp_path / "w.duckdb")
    with TestClient(_app(db)) as client:  # type: ignore[arg-type]
        r = client.post("/api/documents", json={"url": url}, headers={"X-API-Key": "k"})
        assert r.status_code == 201, r.text
        body = r.json()
        assert body["source"] == url and body["document"]["published"] == "2025-03-14" and body["claims"]
        again = client.post("/api/documents", json={"url": url}, headers={"X-API-Key": "k"})
        assert again.json()["status"] == "unchanged"
        missing = client.post("/api/documents", json={"url": web.url + "/nope"}, headers={"X-API-Key": "k"})
        assert missing.status_code == 422 and "HTTP 404" in missing.json()["detail"]
        text = client.post("/api/documents", headers={"X-API-Key": "k"},
                           json={"source": "n.md", "text": "Wren-8B reaches 84.2% on MMLU.",
                                 "url": "https://example.org/n", "published": "2025-05-06"})
        assert text.status_code == 201 and text.json()["document"]["url"] == "https://example.org/n"
        assert client.post("/api/documents", json={"text": "x"}, headers={"X-API-Key": "k"}).status_code == 422
    with TestClient(_app(str(tmp_path / "x.duckdb"), api_fetch=False)) as client:  # type: ignore[arg-type]
        assert client.post("/api/documents", json={"url": url}, headers={"X-API-Key": "k"}).status_code == 403


def test_arxiv_reingest_adds_nothing_and_unknown_ids_are_named(arxiv: Web, runner: CliRunner, tmp_path: Path) -> None:
    db = str(tmp_path / "w.duckdb")
    first = runner.invoke(app, ["ingest", "arxiv:2501.12948", "--db", db])
    assert first.exit_code == 0, first.stderr
    again = runner.invoke(app, ["ingest", "2501.12948v2", "https://arxiv.org/abs/2501.12948", "--db", db])
    assert again.exit_code == 0 and "0 added, 2 unchanged" in again.stderr
    unknown = runner.invoke(app, ["ingest", "arxiv:2501.99999", "--db", db])
    assert unknown.exit_code == 1 and "arxiv:2501.99999: unknown arXiv id 2501.99999" in unknown.stderr
    with Warehouse(db, read_only=True) as wh:
        (doc,) = wh.documents().items
    assert doc.source == "arxiv:2501.12948" and doc.authors == ["Ada Lovelace", "Alan Turing"]


# ---- ingest options -------------------------------------------------------------------------------

def test_ingest_url_and_published_options(runner: CliRunner, tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text("# Wren\n\nWren-8B reaches 84.2% on MMLU.\n", encoding="utf-8")
    db = str(tmp_path / "w.duckdb")
    r = runner.invoke(app, ["ingest", str(note), "--db", db, "--url", "https://example.org/wren",
                            "--published", "2025-04-01"])
    assert r.exit_code == 0, r.stderr
    later = runner.invoke(app, ["ingest", str(note), "--db", db, "--published", "2025-04-02"])
    assert "1 unchanged" in later.stderr
    with Warehouse(db, read_only=True) as wh:
        (doc,) = wh.documents().items
    assert (doc.url, doc.published, doc.title) == ("https://example.org/wren", dt.date(2025, 4, 2), "Wren")
    bad = runner.invoke(app, ["ingest", str(note), "--db", db, "--published", "someday"])
    assert bad.exit_code == 2 and "someday" in bad.stderr and "Traceback" not in bad.stderr
    two = runner.invoke(app, ["ingest", str(note), str(note), "--db", db, "--url", "https://example.org/x"])
    assert two.exit_code == 2 and "--url" in two.stderr


def test_extract_reads_urls_and_pdfs(web: Web, runner: CliRunner, tmp_path: Path) -> None:
    url = web.html("/k", RESULTS_HTML)
    pdf = tmp_path / "wren.pdf"
    pdf.write_bytes(fpdf_results())
    result = runner.invoke(app, ["extract", url, str(pdf)])
    assert result.exit_code == 0, result.stderr
    sources = {json.loads(line)["source"] for line in result.stdout.splitlines()}
    assert sources == {url, "wren.pdf"}
    assert f"downloaded {url}" in result.stderr  # plain one-line download report off a terminal


# ---- through a running server, and progress ------------------------------------------------------

def test_ingest_of_a_url_goes_through_the_server_that_owns_the_file(web: Web, tmp_path: Path) -> None:
    from tests.system.test_concurrent_use import Server, cli

    url = web.html("/blog/kestrel", RESULTS_HTML)
    note = tmp_path / "note.md"
    note.write_text("# Wren\n\nWren-8B reaches 84.2% on MMLU.\n", encoding="utf-8")
    db = tmp_path / "served.duckdb"
    assert cli("ingest", str(note), "--db", str(db)).returncode == 0
    server = Server(db)
    try:
        done = cli("ingest", url, web.url + "/missing", "--db", str(db), "--published", "2025-06-01")
        assert done.returncode == 1, done.stderr
        assert "via http://127.0.0.1" in done.stderr and "1 added" in done.stderr
        assert f"{web.url}/missing: server refused it (422)" in done.stderr and "HTTP 404" in done.stderr
        import httpx

        docs = httpx.get(server.url + "/api/documents", params={"source": url}).json()["items"]
        assert docs[0]["url"] == url and docs[0]["published"] == "2025-06-01"
    finally:
        server.stop()


def test_progress_shows_claims_eta_and_downloads_on_a_terminal() -> None:
    import io

    from rich.console import Console

    from api.progress import IngestProgress

    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=160)
    with IngestProgress(3, console=console) as progress:
        assert progress.live
        progress.download("https://example.org/paper.pdf", 50_000, 200_000)
        progress._live.refresh()  # type: ignore[union-attr]
        progress.finished("https://example.org/paper.pdf", 7)
        progress.print("bad.md: empty file")
        progress.finished("bad.md")
        progress._live.refresh()  # type: ignore[union-attr]
    shown = out.getvalue()
    assert "downloading https://example.org/paper.pdf" in shown and "50.0/200.0 kB" in shown
    assert "7 claims" in shown and "eta" in shown and "2/3" in shown
    assert "bad.md: empty file" in shown
    plain = IngestProgress(4, console=Console(file=io.StringIO()), interval=0)
    with plain:
        assert not plain.live
        plain.finished("a.md", 5)
    assert plain.line().startswith("ingesting: 1/4 inputs, 5 claims, 0:00:00 elapsed, eta ")
