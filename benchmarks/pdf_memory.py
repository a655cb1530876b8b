"""Peak memory and time reading PDFs of 20, 100 and 200 pages (the PDF reader processes a page at a
time and releases it, so the peak should stay flat while the time grows with the pages).

Each size runs in a fresh process (peak RSS is per process); the PDFs are made with fpdf2 (the dev
extra): every page a heading, two paragraphs and a table without lines.

    .venv/bin/python benchmarks/pdf_memory.py [--pages 20,100,200]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_pdf(pages: int, out: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    for n in range(pages):
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 14)
        pdf.multi_cell(0, 9, f"{n + 1}. Results on page {n + 1}", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 11)
        for _ in range(6):
            pdf.multi_cell(0, 6, f"Wren-{n}B reaches {50 + n % 50}.{n % 10}% on MMLU, outperforming Gemma-2-9B "
                                 "by 1.5 points. It was trained on a mixture of web text, code and mathematics, "
                                 "and evaluated with the same prompts as the baselines in every setting.",
                           new_x="LMARGIN", new_y="NEXT")
        for row in (("Model", "MMLU", "GSM8K"), (f"Wren-{n}B", "84.2", "88.9"), ("Gemma-2-9B", "71.3", "68.6")):
            for text in row:
                pdf.cell(40, 7, text)
            pdf.ln(7)
    pdf.output(str(out))


def child(path: str) -> None:
    sys.path.insert(0, str(ROOT))
    from extractor.files import read_document
    from extractor.pipeline import extract_paths

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    text = read_document(path, max_bytes=10**9).text
    read_s = time.perf_counter() - started
    peak_read = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    claims = sum(len(x.claims) for x in extract_paths([path]) if hasattr(x, "claims"))
    print(f"{len(text)}\t{read_s:.1f}\t{before / 1024:.0f}\t{peak_read / 1024:.0f}\t{claims}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", default="20,100,200")
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    print("pages  size(KB)  text chars  read s  RSS before MB  peak after read MB  claims")
    with tempfile.TemporaryDirectory() as tmp:
        for pages in (int(p) for p in args.pages.split(",")):
            pdf = Path(tmp) / f"p{pages}.pdf"
            make_pdf(pages, pdf)
            out = subprocess.run([sys.executable, __file__, "--child", str(pdf)], capture_output=True, text=True,
                                 check=True).stdout.strip().split("\t")
            chars, secs, before, peak, claims = out
            print(f"{pages:5}  {pdf.stat().st_size // 1024:8}  {chars:>10}  {secs:>6}  {before:>13}  {peak:>18}  {claims:>6}")


if __name__ == "__main__":
    main()
