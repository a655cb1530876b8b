"""F1 of the rules extractor on the evaluation corpora as written and hard-wrapped at a fixed width.

Plain-text papers, e-mails, mailing-list posts and many READMEs break every paragraph into lines of 72-80
characters. The claims of such a text are those of the same text unwrapped; this prints how close the extractor
comes. Each document's long, mostly-Latin lines (not headings or table rows) are wrapped with ``textwrap`` at
``--width`` columns; the gold is the corpus's own.

usage: .venv/bin/python benchmarks/wrapped_eval.py [--width 76] [CORPUS ...]   (default: every benchmarks/corpus/dev*)
"""

from __future__ import annotations

import argparse
import tempfile
import textwrap
from pathlib import Path

from extractor.evaluation import load_jsonl, score_claims
from extractor.pipeline import extract_paths
from schemas import Extraction

ROOT = Path(__file__).resolve().parent.parent


def wrapped(text: str, width: int) -> str:
    """``text`` with each long, mostly-Latin line that is no heading or table row wrapped at ``width`` columns."""
    out: list[str] = []
    for line in text.split("\n"):
        latin = sum(c.isascii() for c in line) / max(1, len(line))
        if len(line) > width and latin > 0.9 and not line.lstrip().startswith(("#", "|")):
            out.extend(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False))
        else:
            out.append(line)
    return "\n".join(out)


def f1(folder: Path) -> float:
    claims = [c for r in extract_paths([folder]) if isinstance(r, Extraction) for c in r.claims]
    return score_claims(load_jsonl(folder / "expected.jsonl"), claims).total.f1


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--width", type=int, default=76)
    ap.add_argument("corpora", nargs="*", type=Path)
    args = ap.parse_args()
    corpora = args.corpora or sorted((ROOT / "benchmarks" / "corpus").glob("dev*"), key=lambda p: int(p.name[3:]))
    print(f"{'corpus':8} {'as written':>10} {'wrapped':>8}")
    for corpus in corpora:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp)
            for f in corpus.iterdir():
                if f.is_file():
                    text = f.read_text(encoding="utf-8")
                    (copy / f.name).write_text(text if f.name == "expected.jsonl" else wrapped(text, args.width),
                                               encoding="utf-8")
            print(f"{corpus.name:8} {f1(corpus):10.3f} {f1(copy):8.3f}")


if __name__ == "__main__":
    main()
