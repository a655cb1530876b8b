"""Claims from the same documents read as a file, fetched as a web page, and printed to PDF.

For each hand-labelled document (``benchmarks/corpus/*/`` and the seeds with ``../shared/gold``),
the Markdown is rendered to an HTML page (markdown-it, tables on) inside some page chrome
(navigation, a sponsored line, a footer), served on 127.0.0.1, and extracted by URL; English
pages are also printed to PDF by Debian's chromium (no CJK fonts are assumed, so Chinese
documents are skipped for PDF) and extracted from the PDF. Each version is scored against the
same gold claims (precision/recall/F1, the project's scorer), beside the file itself.

    .venv/bin/python benchmarks/sources_eval.py [--pdf] [--sets dev1,dev2]

Prints one line per set and version. Figures, not tests.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.evaluation import load_jsonl, score  # noqa: E402
from extractor.pipeline import extract_paths  # noqa: E402
from schemas import Extraction, Settings, claim_to_jsonl  # noqa: E402
from tests.support.sources_fixtures import Web, print_pdf  # noqa: E402

CHROME = """<!doctype html><html><head><meta charset="utf-8"><title>{title}</title></head><body>
<nav><a href="/">Home</a> <a href="/blog">Blog</a> <a href="/careers">Careers</a> Subscribe to our newsletter</nav>
<article>{body}</article>
<aside>Sponsored: try our cloud, 30% off this month.</aside>
<footer>Copyright 2025. Privacy. Cookie settings.</footer></body></html>"""


def to_html(path: Path) -> str:
    from markdown_it import MarkdownIt

    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        return text
    body = MarkdownIt("commonmark").enable("table").render(text)
    return CHROME.format(title=path.stem, body=body)


def claims(target: str, name: str) -> list[dict[str, Any]]:
    import json

    out: list[dict[str, Any]] = []
    for item in extract_paths([target], settings=Settings()):
        if isinstance(item, Extraction):
            for c in item.claims:
                d = json.loads(claim_to_jsonl(c))
                d["source"] = name
                out.append(d)
        else:
            print(f"  {name}: {item.reason}", file=sys.stderr)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pdf", action="store_true", help="also print English documents to PDF with chromium")
    parser.add_argument("--cjk", action="store_true",
                        help="print Chinese documents to PDF too (needs a CJK font, e.g. Debian's fonts-wqy-microhei)")
    parser.add_argument("--sets", default="seeds,dev1,dev2,dev3,dev4")
    args = parser.parse_args()
    sets: dict[str, tuple[Path, Path]] = {}
    for name in args.sets.split(","):
        if name == "seeds":
            sets[name] = (ROOT / "seeds", ROOT.parent / "shared" / "gold" / "seeds.jsonl")
        else:
            sets[name] = (ROOT / "benchmarks" / "corpus" / name, ROOT / "benchmarks" / "corpus" / name / "expected.jsonl")
    with Web() as web, tempfile.TemporaryDirectory() as tmp:
        for set_name, (folder, gold_file) in sets.items():
            if not gold_file.exists():
                continue
            gold = load_jsonl(gold_file)
            docs = sorted(p for p in folder.iterdir() if p.suffix in (".md", ".txt", ".html"))
            versions: dict[str, list[dict[str, Any]]] = defaultdict(list)
            tag = "(all)" if args.cjk else "(en)"
            printable = [g for g in gold if args.cjk or not _is_chinese(folder / g["source"])]
            for doc in docs:
                versions["file"] += claims(str(doc), doc.name)
                html = to_html(doc)
                versions["url"] += claims(web.html(f"/{set_name}/{doc.name}.html", html), doc.name)
                if args.pdf and (args.cjk or not _is_chinese(doc)):
                    versions[f"file {tag}"] += claims(str(doc), doc.name)
                    pdf = print_pdf(html, Path(tmp) / f"{set_name}-{doc.stem}.pdf")
                    if pdf is not None:
                        versions[f"pdf {tag}"] += claims(str(pdf), doc.name)
            for version, predicted in versions.items():
                g = printable if version.endswith(tag) else gold
                report = score(g, predicted)
                print(f"{set_name:6} {version:10} claims {len(predicted):4}  " + report.lines()[-1])


def _is_chinese(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")[:4000]
    except OSError:
        return False
    return sum("\u4e00" <= c <= "\u9fff" for c in text) > 50


if __name__ == "__main__":
    main()
