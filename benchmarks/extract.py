"""Throughput of the rules extractor on the seeds copied 25 times, beside spaCy's blank Chinese tokenizer.

Prints characters per CPU-second (``time.process_time``; wall time on a shared machine
mostly measures the neighbours) for: the candidate scan alone, the full rules extractor (sections,
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
    return f"{chars / seconds / 1e6:6.2f} M chars/s  ({chars:,} chars in {seconds:.2f} s CPU)"


# CPU time of this process: the machine is shared, and wall time mostly measures the neighbours.
_clock = time.process_time


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=25)
    ap.add_argument("--rounds", type=int, default=3, help="report the best of this many rounds (timeit practice)")
    args = ap.parse_args()
    docs = [read_document(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    total = sum(len(d.text) for d in docs) * args.copies
    extractor = get_extractor("rules")
    for d in docs:  # warm up: lexicons and regexes are built once per process
        extractor.extract(d.model_copy(update={"sections": []}))

    def best(fn: object) -> float:
        times = []
        for _ in range(args.rounds):
            t = _clock()
            fn()  # type: ignore[operator]
            times.append(_clock() - t)
        return min(times)

    def scan() -> None:
        for _ in range(args.copies):
            for d in docs:
                candidate_sentences(d.text)

    claims = 0

    def extract() -> None:
        nonlocal claims
        claims = 0
        for _ in range(args.copies):
            for d in docs:
                doc = d.model_copy(update={"sections": split_sections(d.text)})
                claims += len(extractor.extract(doc).claims)

    print("candidate scan      ", _rate(total, best(scan)))
    print("rules extractor     ", _rate(total, best(extract)), f"{claims // args.copies} claims/copy")

    import spacy

    nlp = spacy.blank("zh")
    t = _clock()
    tokens = 0
    for _ in range(args.copies):
        for d in docs:
            tokens += len(nlp.make_doc(d.text))
    print("spacy.blank('zh')   ", _rate(total, _clock() - t), f"{tokens // args.copies:,} tokens/copy")


if __name__ == "__main__":
    main()
