"""Throughput of the gazetteer matcher, the table reader and legacy-encoding decoding.

Prints characters/second for ``find_benchmarks`` over the seeds (copied N times), for
``extract_table_claims`` over a synthetic model-card document that is mostly tables (the
worst case for it), claims/second, and ``decode_bytes`` on a GBK copy of the seeds.

usage: .venv/bin/python benchmarks/tables.py [--copies 10]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.files import decode_bytes  # noqa: E402
from extractor.normalize import find_benchmarks, load_benchmarks  # noqa: E402
from extractor.tables import extract_table_claims  # noqa: E402
from schemas import Document  # noqa: E402

BENCHES = ["MMLU (5-shot)", "GSM8K", "MATH-500 (pass@1)", "AIME'24", "GPQA Diamond", "HumanEval", "C-Eval", "IFEval"]


def _card(rng: random.Random, tables: int) -> str:
    """A document of ``tables`` results tables, alternating card (models in rows) and transposed layouts."""
    parts = ["# Synthetic model card\n"]
    for t in range(tables):
        models = [f"Model-{t}-{i}B" for i in range(1, 6)]
        parts.append(f"\n## Results {t}\n\nSome prose about the table.\n\n")
        if t % 2:
            parts.append("| Benchmark | " + " | ".join(models) + " |\n|" + "---|" * (len(models) + 1) + "\n")
            for b in BENCHES:
                parts.append(f"| {b} | " + " | ".join(f"{rng.uniform(10, 95):.1f}" for _ in models) + " |\n")
        else:
            parts.append("| Model | Params | " + " | ".join(BENCHES) + " |\n|" + "---|" * (len(BENCHES) + 2) + "\n")
            for m in models:
                parts.append(f"| {m} | 7B | " + " | ".join(f"**{rng.uniform(10, 95):.1f}**" for _ in BENCHES) + " |\n")
    return "".join(parts)


def _rate(chars: int, seconds: float) -> str:
    return f"{chars / seconds / 1e6:6.2f} M chars/s  ({chars:,} chars in {seconds:.3f} s)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10)
    args = parser.parse_args()

    seeds = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))) * args.copies
    find_benchmarks("warm up the compiled gazetteer")
    t0 = time.perf_counter()
    hits = find_benchmarks(seeds)
    print(f"find_benchmarks      {_rate(len(seeds), time.perf_counter() - t0)}  {len(hits)} mentions, "
          f"{len(load_benchmarks())} benchmarks")

    text = _card(random.Random(0), tables=40 * args.copies)
    doc = Document(source="card.md", path="card.md", text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
    t0 = time.perf_counter()
    claims = extract_table_claims(doc)
    dt = time.perf_counter() - t0
    print(f"extract_table_claims {_rate(len(text), dt)}  {len(claims):,} claims, {len(claims) / dt:,.0f} claims/s")

    data = seeds.encode("gb18030")
    t0 = time.perf_counter()
    decoded, encoding = decode_bytes(data)
    assert decoded == seeds, "GBK round trip changed the text"
    print(f"decode_bytes ({encoding}) {_rate(len(seeds), time.perf_counter() - t0)}")


if __name__ == "__main__":
    main()
