"""Throughput of the rules extractor on the seeds copied 25 times, beside spaCy's blank Chinese tokenizer.

Prints characters/second for: the candidate scan alone, the full rules extractor (sections,
candidates, prose rules and, if present, tables), and ``spacy.blank("zh")`` tokenising the same
text in the same run (the reference the target of >= 2 M chars/s is set against).

usage: .venv/bin/python benchmarks/extract.py [--copies 25]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.base import get_extractor  # noqa: E402
from extractor.candidates import candidate_sentences  # noqa: E402
from extractor.files import read_document  # noqa: E402
from extractor.segment import split_sections  # noqa: E402


def _rate(chars: int, seconds: float) -> str:
    return f"{chars / seconds / 1e6:6.2f} M chars/s  ({chars:,} chars in {seconds:.2f} s)"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=25)
    args = ap.parse_args()
    docs = [read_document(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    total = sum(len(d.text) for d in docs) * args.copies
    extractor = get_extractor("rules")
    for d in docs:  # warm up: lexicons and regexes are built once per process
        extractor.extract(d.model_copy(update={"sections": []}))

    t = time.perf_counter()
    for _ in range(args.copies):
        for d in docs:
            candidate_sentences(d.text)
    print("candidate scan      ", _rate(total, time.perf_counter() - t))

    t = time.perf_counter()
    claims = 0
    for _ in range(args.copies):
        for d in docs:
            doc = d.model_copy(update={"sections": split_sections(d.text)})
            claims += len(extractor.extract(doc).claims)
    print("rules extractor     ", _rate(total, time.perf_counter() - t), f"{claims // args.copies} claims/copy")

    import spacy

    nlp = spacy.blank("zh")
    t = time.perf_counter()
    tokens = 0
    for _ in range(args.copies):
        for d in docs:
            tokens += len(nlp.make_doc(d.text))
    print("spacy.blank('zh')   ", _rate(total, time.perf_counter() - t), f"{tokens // args.copies:,} tokens/copy")


if __name__ == "__main__":
    main()
