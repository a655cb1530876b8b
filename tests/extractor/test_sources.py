"""Inputs beyond text files: PDF, URLs, arXiv ids, and the metadata documents carry.

Every network input is served by a local HTTP server the test starts (``tests.support.sources_fixtures``);
PDFs are printed by Debian's chromium (skipped where absent) or made with fpdf2.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from typer.testing import CliRunner

from api.cli import app
from extractor.files import UnreadableFile, read_document
from extractor.inputs import RemoteInput, classify, iter_inputs, read_input
from extractor.pipeline import extract_paths, prepare
from extractor.sources.arxiv import parse_arxiv
from extractor.sources.meta import front_matter, html_meta, parse_date
from schemas import Extraction, FileProblem, Settings
from tests.support.paths import SEEDS_DIR
from tests.support.sources_fixtures import (
    ARXIV_HTML,
    ATOM,
    ATOM_EMPTY,
    RESULTS_HTML,
    Web,
    fpdf_results,
    image_only_pdf,
    print_pdf,
)
from warehouse import Warehouse


@pytest.fixture
def web() -> Iterator[Web]:
    with Web() as server:
        yield server


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def claims_of(items: list[Extraction | FileProblem]) -> list[tuple[object, ...]]:
    out = []
    for item in items:
        assert isinstance(item, Extraction), item
        for c in item.claims:
            assert item.document.text[c.start:c.end] == c.quote
            out.append((c.kind, c.model, c.benchmark, c.value, c.baseline))
    return out


def facts(path_or_url: str, settings: Settings | None = None) -> list[tuple[object, ...]]:
    return claims_of(list(extract_paths([path_or_url], settings=settings or Settings())))


# ---- inputs are told apart ----------------------------------------------------------------------

def test_inputs_are_classified(tmp_path: Path) -> None:
    named_like_an_id = tmp_path / "2501.12948"
    named_like_an_id.write_text("x", encoding="utf-8")
    assert classify("arxiv:2501.12948") == RemoteInput("arxiv", "2501.12948", "arxiv:2501.12948")
    assert classify("2501.12948v2").ref == "2501.12948v2"  # type: ignore[union-attr]
    assert classify("https://arxiv.org/pdf/2501.12948v1.pdf").ref == "2501.12948v1"  # type: ignore[union-attr]
    assert classify("https://arxiv.org/abs/2501.12948").kind == "arxiv"  # type: ignore[union-attr]
    assert classify("arXiv:hep-th/9901001").ref == "hep-th/9901001"  # type: ignore[union-attr]
    assert classify("http://example.org/post").kind == "url"  # type: ignore[union-attr]
    assert classify(str(named_like_an_id)) == named_like_an_id
    assert classify("reports/2024001") == Path("reports/2024001")  # old-style ids need the prefix
    assert parse_arxiv("not-an-id") is None
    assert [type(i).__name__ for i in iter_inputs([str(SEEDS_DIR), "arxiv:2501.12948"])][-1] == "RemoteInput"


# ---- metadata -----------------------------------------------------------------------------------

def test_dates_are_read_in_the_usual_spellings() -> None:
    assert parse_date("2025/03/14") == dt.date(2025, 3, 14)
    assert parse_date("2025-03-14T09:00:00Z") == dt.date(2025, 3, 14)
    assert parse_date("2025-03") == dt.date(2025, 3, 1)
    assert parse_date("March 14, 2025") == dt.date(2025, 3, 14)
    assert parse_date("14 Mar 2025") == dt.date(2025, 3, 14)
    assert parse_date("2025年3月14日") == dt.date(2025, 3, 14)
    assert parse_date("yesterday") is None and parse_date("2025-13-40") is None


def test_html_head_and_front_matter_give_metadata() -> None:
    meta = html_meta(RESULTS_HTML)
    assert meta.title == "Kestrel-7B: a small reasoning model"
    assert meta.published == dt.date(2025, 3, 14)
    assert meta.authors == ["Ada Lovelace", "Alan Turing"]
    og = html_meta('<html><head><meta property="article:published_time" content="2024-11-02T08:00:00+08:00">'
                   '<link rel="canonical" href="https://blog.example/p/1"></head><body>x</body></html>')
    assert og.published == dt.date(2024, 11, 2) and og.url == "https://blog.example/p/1"
    fm = front_matter('---\ntitle: "Orion-2 model card"\ndate: 2025-02-03\nurl: https://x.example/orion\n---\n# H\n')
    assert (fm.title, fm.published, fm.url) == ("Orion-2 model card", dt.date(2025, 2, 3), "https://x.example/orion")
    assert front_matter("# no front matter\n").title is None


def test_documents_keep_title_date_and_sha(tmp_path: Path) -> None:
    md = tmp_path / "card.md"
    md.write_text("---\ntitle: Orion card\ndate: 2025-02-03\n---\n\n# Orion-2\n\nOrion-2 scores 80.1% on MMLU.\n",
                  encoding="utf-8")
    doc = prepare(read_document(md))
    assert (doc.title, doc.published) == ("Orion card", dt.date(2025, 2, 3))
    plain = tmp_path / "p.md"
    plain.write_text("intro\n\n# First heading\n\nbody\n", encoding="utf-8")
    assert prepare(read_document(plain)).title == "First heading"
    html = tmp_path / "page.html"
    html.write_text(RESULTS_HTML, encoding="utf-8")
    doc = prepare(read_document(html))
    assert doc.title == "Kestrel-7B: a small reasoning model" and doc.published == dt.date(2025, 3, 14)
    assert len(doc.sha256) == 64


# ---- PDF ----------------------------------------------------------------------------------------

def test_pdf_text_headings_and_exact_offsets(tmp_path: Path) -> None:
    pdf = tmp_path / "wren.pdf"
    pdf.write_bytes(fpdf_results(pages=3))
    doc = prepare(read_document(pdf))
    assert doc.media_type == "application/pdf" and doc.title == "Wren-8B technical report"
    titles = [s.title for s in doc.sections if s.title]
    assert "1. Results on page 1" in titles and "3. Results on page 3" in titles
    assert "page 2" not in doc.text.replace("Results on page 2", "")  # the running footer is gone
    assert "| Model | MMLU | GSM8K | HumanEval |" in doc.text  # a table without lines is read as a table
    assert "| Gemma-2-9B | 71.3 | 68.6 | 40.2 |" in doc.text
    found = facts(str(pdf))
    assert ("score", "Wren-8B", "MMLU", 84.2, None) in found
    assert ("score", "Llama-3.1-8B", "HumanEval", 72.6, None) in found
    assert any(f[0] == "comparison" and f[4] == "Gemma-2-9B" for f in found)


@pytest.mark.parametrize("ruled", [True, False])
def test_pdf_printed_from_a_results_page_gives_the_pages_claims(tmp_path: Path, ruled: bool) -> None:
    html_text = RESULTS_HTML if ruled else RESULTS_HTML.replace("border:1px solid #000;", "")
    pdf = print_pdf(html_text, tmp_path / "kestrel.pdf")
    if pdf is None:
        pytest.skip("chromium is not installed (CI installs Debian's chromium)")
    html = tmp_path / "kestrel.html"  # what chromium printed
    from_pdf = facts(str(pdf))
    from_html = facts(str(html))
    table = {f for f in from_html if f[1] == "Qwen2.5-7B-Instruct" and f[2] == "GPQA Diamond"}
    assert table and table <= set(from_pdf)  # the table survived as a table
    assert set(from_pdf) >= {f for f in from_html if "Falcon" not in str(f[1])}
    doc = prepare(read_document(pdf))
    assert doc.title == "Kestrel-7B: a small reasoning model"
    assert {"Results", "Conclusion"} <= {s.title for s in doc.sections}
    db = str(tmp_path / "w.duckdb")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(pdf), "--db", db]).exit_code == 0
    board = runner.invoke(app, ["leaderboard", "GPQA Diamond", "--db", db, "--format", "json"])
    rows = {r["model"]: r["value"] for r in json.loads(board.stdout)["rows"]}
    assert rows["Kestrel-7B"] == 55.0 and rows["Qwen2.5-7B-Instruct"] == 36.4  # on the board, from the table


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


# ---- URLs ---------------------------------------------------------------------------------------

def test_url_gives_main_text_tables_and_metadata(web: Web, tmp_path: Path) -> None:
    url = web.html("/blog/kestrel", RESULTS_HTML)
    doc = prepare(read_input(classify(url), Settings()))
    assert doc.source == url and doc.url == url
    assert doc.title == "Kestrel-7B: a small reasoning model" and doc.published == dt.date(2025, 3, 14)
    assert "Falcon" not in doc.text and "Cookie" not in doc.text  # page chrome is left out
    assert "| Qwen2.5-7B-Instruct | 10.0 | 88.1 | 36.4 |" in doc.text
    page = tmp_path / "kestrel.html"
    page.write_text(RESULTS_HTML, encoding="utf-8")
    from_file = {f for f in facts(str(page)) if "Falcon" not in str(f[1])}
    assert set(facts(url)) == from_file  # every claim of the article, table included, none of the chrome


def test_table_with_merged_cells_keeps_its_shape_through_the_article_extractor(web: Web) -> None:
    html = ("<html><head><title>T</title></head><body><article><h1>Results</h1><p>" + "Prose about the models. " * 12
            + "</p><table><tr><th rowspan='2'>Model</th><th colspan='2'>Math</th></tr>"
            "<tr><th>AIME 2024</th><th>MATH-500</th></tr>"
            "<tr><td>Wren-8B</td><td>71.3<sup>a</sup></td><td>92.4</td></tr>"
            "<tr><td>Gemma-2-9B</td><td>13.4</td><td>74.6</td></tr></table><p>" + "More prose here. " * 12
            + "</p></article></body></html>")
    found = facts(web.html("/t", html))
    assert ("score", "Wren-8B", "AIME 2024", 71.3, None) in found
    assert ("score", "Gemma-2-9B", "MATH-500", 74.6, None) in found


def test_pdf_and_markdown_by_url(web: Web) -> None:
    pdf_url = web.file("/paper", fpdf_results(), "application/pdf")
    assert ("score", "Wren-8B", "MMLU", 84.2, None) in facts(pdf_url)
    md_url = web.file("/card.md", b"---\ndate: 2025-01-05\n---\n# Orion\n\nOrion-2 scores 80.1% on MMLU.\n",
                      "text/markdown; charset=utf-8")
    doc = read_input(classify(md_url), Settings())
    assert doc.published == dt.date(2025, 1, 5) and doc.media_type == "text/markdown"


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


# ---- arXiv ---------------------------------------------------------------------------------------

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


def test_arxiv_ids_give_metadata_and_text(arxiv: Web) -> None:
    doc = prepare(read_input(classify("arxiv:2501.12948"), Settings()))
    assert doc.source == "arxiv:2501.12948"
    assert doc.title == "Kestrel-7B: A Small Reasoning Model"
    assert doc.authors == ["Ada Lovelace", "Alan Turing"] and doc.published == dt.date(2025, 1, 22)
    assert doc.url == arxiv.url + "/abs/2501.12948v2"
    assert "GPT-4 technical report" not in doc.text and "Contents" not in doc.text  # no references, no nav
    assert "71.3% on AIME 2024, outperforming" in doc.text  # the footnote does not cut the sentence
    found = facts("2501.12948v2")
    assert ("score", "Kestrel-7B", "AIME 2024", 71.3, None) in found
    assert ("score", "GPT-4o", "MATH-500", 74.6, None) in found
    pdf_only = read_input(classify("https://arxiv.org/abs/2401.00001"), Settings())
    assert pdf_only.media_type == "application/pdf" and pdf_only.source == "arxiv:2401.00001"
    assert "/html/2401.00001v2" in arxiv.hits and "/pdf/2401.00001v2" in arxiv.hits


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


# ---- ingest options and the warehouse ------------------------------------------------------------

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


def test_a_warehouse_made_before_metadata_is_listed_and_migrated(tmp_path: Path) -> None:
    from schemas import Document

    db = tmp_path / "old.duckdb"
    with Warehouse(db) as wh:
        wh.store(Extraction(document=Document(source="old.md", path="old.md", text="hello", sha256="abc")))
    con = duckdb.connect(str(db))  # as the file was before the metadata columns
    for column in ("title", "url", "published", "authors"):
        con.execute(f"ALTER TABLE documents DROP COLUMN {column}")
    con.close()
    with Warehouse(db, read_only=True) as wh:  # no migration runs on a read-only open
        (doc,) = wh.documents().items
        assert doc.source == "old.md" and doc.title is None and doc.chars == 5
    with Warehouse(db) as wh:  # a writable open adds the columns
        (doc,) = wh.documents().items
        assert doc.title is None and doc.url is None
        cols = {r[0] for r in wh.con.execute("DESCRIBE documents").fetchall()}
    assert {"title", "url", "published", "authors"} <= cols


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


@pytest.mark.parametrize("with_table", [False, True])
def test_two_column_pdf_reads_column_by_column(tmp_path: Path, with_table: bool) -> None:
    paragraphs = [
        f"<p>Paragraph {i} of the reading order. Wren-8B reaches {60 + i}.5% on MMLU in experiment {i}, a sentence "
        "long enough to wrap over several lines in a narrow column of a two-column paper.</p>" for i in range(14)]
    if with_table:  # a table in the left column, prose beside it in the right one
        paragraphs.insert(3, "<table style='font-size:9pt'><tr><th>Model</th><th>MMLU</th><th>GSM8K</th></tr>"
                             "<tr><td>Wren-8B</td><td>84.2</td><td>88.9</td></tr><tr><td>Gemma-2-9B</td><td>71.3</td>"
                             "<td>68.6</td></tr><tr><td>Llama-3.1-8B</td><td>69.4</td><td>84.5</td></tr></table>")
    html = ("<html><head><title>Two columns</title><style>body{font-size:10pt} .c{column-count:2;column-gap:24px}"
            f"</style></head><body><h1>A two-column paper</h1><div class='c'>{''.join(paragraphs)}</div></body></html>")
    pdf = print_pdf(html, tmp_path / "twocol.pdf")
    if pdf is None:
        pytest.skip("chromium is not installed (CI installs Debian's chromium)")
    import re

    text = read_document(pdf).text
    assert re.findall(r"Paragraph (\d+)", text) == [str(i) for i in range(14)]
    if with_table:  # the table, whole, and nothing of the prose beside it
        assert "| Model | MMLU | GSM8K |\n|---|---|---|\n| Wren-8B | 84.2 | 88.9 |\n| Gemma-2-9B | 71.3 | 68.6 |\n" \
               "| Llama-3.1-8B | 69.4 | 84.5 |\n\n" in text
    else:
        assert "|" not in text  # two columns of prose are no table


def _cjk_font() -> bool:
    import shutil
    import subprocess

    if shutil.which("fc-list") is None:
        return False
    return bool(subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout.strip())


def test_chinese_pdf_with_a_centred_table(tmp_path: Path) -> None:
    if not _cjk_font():
        pytest.skip("no Chinese font installed (Debian: fonts-wqy-microhei)")
    html = ("<html><head><meta charset='utf-8'><title>星河-VL-8B</title></head><body><h1>星河-VL-8B</h1>"
            "<p>星河-VL-8B 是由星河智能研发的多模态大模型，支持图像、视频与文本输入。</p><h2>评测结果</h2>"
            "<table><tr><th>评测集</th><th>星河-VL-8B</th><th>Qwen2-VL-7B</th></tr>"
            "<tr><td>MMMU (val)</td><td align='center'>54.8</td><td align='center'>54.1</td></tr>"
            "<tr><td>OCRBench</td><td align='center'>856</td><td align='center'>845</td></tr></table>"
            "<p>从上表可以看出，星河-VL-8B 在 MMMU 上领先 Qwen2-VL-7B 0.7 个点。</p></body></html>")
    pdf = print_pdf(html, tmp_path / "xinghe.pdf")
    if pdf is None:
        pytest.skip("chromium is not installed")
    doc = prepare(read_document(pdf))
    assert "| 评测集 | 星河-VL-8B | Qwen2-VL-7B |" in doc.text
    assert "| OCRBench | 856 | 845 |" in doc.text
    assert "星河-VL-8B 是由星河智能研发的多模态大模型" in doc.text  # Chinese lines join without spaces
    found = facts(str(pdf))
    assert ("score", "星河-VL-8B", "MMMU", 54.8, None) in found


TABLE = ("<table><thead><tr><th>Model</th><th>AIME 2024</th></tr></thead><tbody><tr><td>Kestrel-7B</td><td>71.3</td>"
         "</tr><tr><td>GPT-4o</td><td>13.4</td></tr></tbody></table>")


def _para(i: int) -> str:
    return "<p>" + f"Kestrel-7B is model number {i}, trained on a large corpus of math and code in stage {i}. " * 3 + "</p>"


@pytest.mark.parametrize("page", [
    f"<html><body><nav>Home About</nav><main><h1>Post</h1>{_para(1)}<div class='table-wrapper'>{TABLE}</div>"
    f"{_para(2)}</main><footer>(c) 2025</footer></body></html>",
    f"<html><body><article><h1>Post</h1>{_para(1)}<figure>{TABLE}<figcaption>Table 1</figcaption></figure>"
    f"{_para(2)}</article></body></html>",
    f"<html><body><div class='content'><h1>Results</h1>{TABLE}</div><div class='sidebar'>Links</div></body></html>",
    f"<html><body><article><h2>Benchmarks</h2>{TABLE}<p>Short note.</p></article></body></html>",
], ids=["wrapped", "figure", "table-only", "table-first"])
def test_tables_survive_the_article_extractor_in_every_setting(page: str) -> None:
    from extractor.sources.url import main_text

    text = main_text(page)
    assert "| Kestrel-7B | 71.3 |\n| GPT-4o | 13.4 |" in text and "BENCHCLAIMS" not in text


def test_a_table_in_the_page_chrome_stays_out() -> None:
    from extractor.sources.url import main_text

    ad = "<table><tr><td>Ad-9B</td><td>99.9</td></tr><tr><td>Ad-10B</td><td>99.8</td></tr></table>"
    text = main_text(f"<html><body><article><h1>Post</h1>{_para(1)}{_para(2)}</article><aside>{ad}</aside></body></html>")
    assert "Ad-9B" not in text and "stage 2" in text
