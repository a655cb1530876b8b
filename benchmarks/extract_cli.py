"""Whole-process throughput of ``benchclaims extract`` on the seeds copied N times (default 25, 4.5 M chars).

What a user waits for: start-up (imports, lexicon regexes), reading, the spaCy pipeline
(tokenizer, mentions, entity registry, claim frames) and writing JSONL, for ``--jobs 1`` and
``--jobs 2``; and whether both give byte-identical claims. Prints wall time and characters per
second (best of ``--rounds``; the machine is shared, the best run is the least disturbed one), and the
CPU time of the run's processes (workers included), which a busy machine disturbs less.

usage: .venv/bin/python benchmarks/extract_cli.py [--copies 25] [--rounds 3] [--jobs 1 2]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCHCLAIMS = Path(sys.executable).parent / "benchclaims"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=25)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for i in range(args.copies):
            for f in seeds:
                shutil.copy(f, corpus / f"{i:03d}_{f.name}")
        chars = sum(len(f.read_text(encoding="utf-8")) for f in corpus.iterdir())
        outputs: dict[int, bytes] = {}
        for jobs in args.jobs:
            times, cpus = [], []
            for _ in range(args.rounds):
                out = Path(tmp) / f"out{jobs}.jsonl"
                t = time.perf_counter()
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                subprocess.run([str(BENCHCLAIMS), "extract", str(corpus), "--jobs", str(jobs), "--jsonl", str(out)],
                               check=True)
                times.append(time.perf_counter() - t)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
                outputs[jobs] = out.read_bytes()
            best = min(times)
            print(f"--jobs {jobs}: {chars / best / 1e6:5.2f} M chars/s  ({chars:,} chars in {best:.2f} s; "
                  f"runs {', '.join(f'{x:.2f}' for x in times)} s; CPU of all its processes "
                  f"{', '.join(f'{x:.2f}' for x in cpus)} s)")
        claims = {jobs: out.count(b"\n") for jobs, out in outputs.items()}
        same = len(set(outputs.values())) == 1
        print(f"claims: {claims}; identical across --jobs: {same}")


if __name__ == "__main__":
    main()
