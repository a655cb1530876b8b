"""Reading input files: encodings, HTML rendering, and refusals that name the file and reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.files import (
    UnreadableFile,
    decode_bytes,
    document_from_bytes,
    iter_input_files,
    read_document,
)
from extractor.sources.html import html_to_text
from extractor.tables import extract_table_claims

ZH_SIMPLIFIED = "曙光-9B 在 GSM8K 上的准确率达到 85.2%，比基线模型高出 3 个百分点。\n数学推理能力显著提升。\n"
ZH_TRADITIONAL = "我們的模型在數學推理任務上的準確率達到百分之七十一，顯著優於基線。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gbk", "gb18030"])
def test_chinese_text_round_trips_through_every_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "zh.txt"
    path.write_bytes(ZH_SIMPLIFIED.encode(encoding))
    doc = read_document(path)
    assert doc.text == ZH_SIMPLIFIED
    assert doc.source == "zh.txt"


@pytest.mark.parametrize("text", ["中文", "测试结果", "| 模型 | 准确率 |\n|---|---|\n| 甲 | 71.0 |\n", "模型准确率为71.0%"])
def test_short_gbk_texts_are_not_mistaken_for_other_codecs(text: str) -> None:
    decoded, encoding = decode_bytes(text.encode("gbk"))
    assert decoded == text
    assert encoding == "gb18030"


def test_big5_traditional_text() -> None:
    decoded, encoding = decode_bytes(ZH_TRADITIONAL.encode("big5"))
    assert decoded == ZH_TRADITIONAL
    assert encoding == "big5"


def test_bom_is_not_part_of_the_text() -> None:
    text, encoding = decode_bytes("\ufeffhello MMLU".encode())
    assert text == "hello MMLU" and encoding == "utf-8-sig"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "binary"),
        (b"abc\x00def", "NUL"),
        (b"  \n\t ", "no text"),
        (bytes(range(1, 32)) * 40, "binary"),
    ],
)
def test_unreadable_content_is_refused_with_a_reason(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(UnreadableFile) as info:
        read_document(path)
    assert reason in info.value.reason
    assert info.value.path.endswith("bad.txt")
    assert "bad.txt" in str(info.value)


def test_oversize_and_missing_files(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    big.write_text("x" * 2000, encoding="utf-8")
    with pytest.raises(UnreadableFile, match="too large"):
        read_document(big, max_bytes=1000)
    with pytest.raises(UnreadableFile, match="no such file"):
        read_document(tmp_path / "absent.md")
    with pytest.raises(UnreadableFile, match="not a regular file"):
        read_document(tmp_path)


HTML_PAGE = """<!DOCTYPE html>
<html><head><title>Nimbus report</title><style>p { color: red }</style>
<script>var score = 99.9;</script></head>
<body>
<h1>Nimbus: a compact reasoning model</h1>
<p>Nimbus reaches <b>71.0%</b> on MMLU.<br>It was trained &amp; evaluated by us.</p>
<h2>Results</h2>
<table>
  <thead>
    <tr><th rowspan="2">Model</th><th colspan="2">Math</th></tr>
    <tr><th>GSM8K</th><th>MATH</th></tr>
  </thead>
  <tbody>
    <tr><td>Nimbus</td><td><strong>85.1</strong></td><td>50.2</td></tr>
    <tr><td>Base | v2</td><td>80.0</td><td>-</td></tr>
  </tbody>
</table>
<ul><li>first point</li><li>second <i>point</i></li></ul>
</body></html>
"""


def test_html_is_rendered_with_headings_blocks_and_pipe_tables(tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    doc = read_document(path)
    assert doc.media_type == "text/html"
    lines = doc.text.splitlines()
    assert "# Nimbus: a compact reasoning model" in lines
    assert "## Results" in lines
    assert "Nimbus reaches 71.0% on MMLU." in lines
    assert "It was trained & evaluated by us." in lines
    assert "| Nimbus | 85.1 | 50.2 |" in lines
    assert "| Base \\| v2 | 80.0 | - |" in lines
    assert "second point" in lines
    assert "99.9" not in doc.text and "color" not in doc.text
    assert doc.sha256 == __import__("hashlib").sha256(HTML_PAGE.encode()).hexdigest()


def test_html_tables_feed_table_extraction(tmp_path: Path) -> None:
    path = tmp_path / "report.htm"
    path.write_text(HTML_PAGE, encoding="utf-8")
    doc = read_document(path)
    claims = {(c.model, c.benchmark, c.value) for c in extract_table_claims(doc)}
    assert claims == {("Nimbus", "GSM8K", 85.1), ("Nimbus", "MATH", 50.2), ("Base | v2", "GSM8K", 80.0)}


def test_html_in_gbk_and_title_becomes_heading() -> None:
    page = "<html><head><title>评测报告</title></head><body><p>模型在 C-Eval 上得分 80.1</p></body></html>"
    doc = document_from_bytes(page.encode("gbk"), source="r.html")
    assert doc.text == "# 评测报告\n\n模型在 C-Eval 上得分 80.1\n"
    assert html_to_text("<p>a</p><p>b</p>") == "a\nb\n"


def test_iter_input_files_finds_supported_files_in_order(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("b.md", "a.txt", "sub/c.html", "skip.docx", ".hidden.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_input_files([tmp_path])]
    assert found == ["a.txt", "b.md", "sub/c.html"]


def test_html_footnote_superscripts_do_not_glue_onto_scores() -> None:
    page = "<table><tr><th>Model</th><th>GSM8K</th></tr><tr><td>Nova<sup>*</sup></td><td>85.1<sup>2</sup></td></tr></table>"
    assert "| Nova | 85.1 |" in html_to_text(page).splitlines()


def test_arxiv_style_mathml_numbers_use_their_alttext() -> None:
    page = ("<h2>Results</h2><table><tr><th>Model</th><th>GSM8K</th></tr><tr><td>Nova</td><td>"
            '<math alttext="\\mathbf{85.1}"><mn mathvariant="bold">85.1</mn></math></td></tr></table>'
            '<p>We reach <math alttext="71.0"><mn>71.0</mn></math>% on MMLU.</p>')
    text = html_to_text(page)
    assert "We reach 71.0 % on MMLU." in text
    doc = document_from_bytes(page.encode(), source="paper.html")
    assert {(c.model, c.benchmark, c.value) for c in extract_table_claims(doc)} == {("Nova", "GSM8K", 85.1)}


@pytest.mark.parametrize("text", ["臺灣", "資料集上的準確率", ZH_TRADITIONAL])
def test_traditional_chinese_in_gbk_and_big5(text: str) -> None:
    for codec in ("gbk", "big5"):
        assert decode_bytes(text.encode(codec))[0] == text


def test_deeply_nested_html_is_read_not_refused() -> None:
    """150 tables nested in each other (and 5000 nested divs) keep their text; no RecursionError."""
    from extractor.files import document_from_bytes

    tables = ("<html><body><p>Top: AlphaNet reaches 81.5% on AIME 2024.</p>" + "<table><tr><td>" * 150
              + "deep GammaCoder 50.0" + "</td></tr></table>" * 150
              + "<p>After: BetaLM reaches 70.2% on AIME 2024.</p></body></html>")
    text = document_from_bytes(tables.encode(), source="nested.html").text
    assert "AlphaNet reaches 81.5%" in text and "deep GammaCoder 50.0" in text and "BetaLM reaches 70.2%" in text
    divs = "<html><body>" + "<div>" * 5000 + "<p>very deep 1.5</p>" + "</div>" * 5000 + "<p>end</p></body></html>"
    text = document_from_bytes(divs.encode(), source="divs.html").text
    assert "very deep 1.5" in text and "end" in text
