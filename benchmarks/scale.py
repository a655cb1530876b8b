"""Throughput of the Ray Data engine against the local engine on this machine.

usage: python benchmarks/scale.py [--copies N] [--cpus N] [--json]

Builds a corpus of the seeds copied N times (distinct file names), then times
(1) the local engine: extract_paths + Warehouse.store_many, and
(2) the Ray engine: ray_extract to bucketed Parquet + load_batches into a warehouse,
and checks both warehouses hold the same number of claims. Ray's start-up is included
in its time (it is what a user waits for); the figure without it is printed too.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.pipeline import extract_paths  # noqa: E402
from extractor.ray_engine import ray_extract  # noqa: E402
from schemas import Extraction  # noqa: E402
from warehouse import Warehouse  # noqa: E402
from warehouse.batches import load_batches  # noqa: E402


def build_corpus(folder: Path, copies: int) -> int:
    chars = 0
    for i in range(copies):
        for seed in sorted((ROOT / "seeds").iterdir()):
            text = seed.read_text(encoding="utf-8")
            (folder / f"{i:04d}_{seed.name}").write_text(text, encoding="utf-8")
            chars += len(text)
    return chars


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=20)
    ap.add_argument("--cpus", type=int, default=2)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="benchclaims-scale-"))
    try:
        corpus = tmp / "corpus"
        corpus.mkdir()
        chars = build_corpus(corpus, args.copies)
        files = args.copies * len(list((ROOT / "seeds").iterdir()))

        t0 = time.perf_counter()
        with Warehouse(tmp / "local.duckdb") as wh:
            wh.store_many(x for x in extract_paths([corpus]) if isinstance(x, Extraction))
            local_claims = wh.stats()["claims"]
        local_s = time.perf_counter() - t0

        import ray

        t0 = time.perf_counter()
        ray.init(num_cpus=args.cpus, include_dashboard=False, log_to_driver=False, configure_logging=False)
        startup_s = time.perf_counter() - t0
        ray_extract([corpus], tmp / "parquet", num_cpus=args.cpus)
        extract_s = time.perf_counter() - t0
        with Warehouse(tmp / "ray.duckdb") as wh:
            load_batches(wh, tmp / "parquet")
            ray_claims = wh.stats()["claims"]
        ray_s = time.perf_counter() - t0
        ray.shutdown()

        result = {
            "files": files, "chars": chars, "cpus": args.cpus,
            "local_s": round(local_s, 2), "local_chars_per_s": round(chars / local_s),
            "ray_s": round(ray_s, 2), "ray_startup_s": round(startup_s, 2),
            "ray_extract_s": round(extract_s - startup_s, 2), "ray_load_s": round(ray_s - extract_s, 2),
            "ray_chars_per_s": round(chars / ray_s), "ray_chars_per_s_after_startup": round(chars / (ray_s - startup_s)),
            "same_claim_count": local_claims == ray_claims, "claims": local_claims,
        }
        if args.json:
            print(json.dumps(result))
        else:
            for k, v in result.items():
                print(f"{k:32} {v}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
