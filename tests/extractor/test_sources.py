"""Inputs beyond text files: PDF, URLs, arXiv ids, and the metadata documents carry.

Every network input is served by a local HTTP server the test starts (``tests.support.sources_fixtures``);
PDFs are printed by Debian's chromium (skipped where absent) or made with fpdf2. Ingesting these inputs
through the CLI and the REST API is tested in ``tests/api/test_ingest_sources.py``.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from extractor.files import read_document
from extractor.inputs import RemoteInput, classify, iter_inputs, read_input
from extractor.pipeline import extract_paths, prepare
from extractor.sources.arxiv import parse_arxiv
from extractor.sources.meta import front_matter, html_meta, parse_date
from schemas import Extraction, FileProblem, Settings
from tests.support.paths import SEEDS_DIR
from tests.support.sources_fixtures import (
    RESULTS_HTML,
    Web,
    fpdf_results,
    print_pdf,
)


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


# ---- arXiv ---------------------------------------------------------------------------------------

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
