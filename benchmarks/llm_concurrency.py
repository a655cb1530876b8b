"""LLM backend throughput: 32 requests in flight vs 1 at a time, against a server that takes 200 ms.

The fake OpenAI-compatible server (``tests/support/fake_openai.py``) runs in its own process and
sleeps ``--latency`` seconds per request, standing in for vLLM's per-request latency;
the client side is the real backend (instructor + openai + grounding). Documents are
synthetic: ``--docs`` documents of ``--sections`` sections, one result sentence each, so
every section is one request.

The one-at-a-time run is long (about 27 s) and steady; the 32-in-flight run lasts about a
second, so on a shared 2-core machine it is repeated ``--repeat`` times and the median is
compared (the range is printed too).

usage: python benchmarks/llm_concurrency.py [--latency 0.2] [--docs 8] [--sections 16] [--repeat 5]
Target: concurrency 32 at least 20x faster than concurrency 1.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractor.llm.backend import LLMExtractor
from schemas import Document, Settings
from tests.support.fake_openai import FakeOpenAIProcess, Reply, excerpt_text


def answer(body: dict[str, Any]) -> Reply:
    """One score claim per section excerpt: 'ModelK 在 MMLU 上达到 K.5%'."""
    claims = []
    for line in excerpt_text(body).splitlines():
        if "MMLU" in line:
            model = line.split(" ", 1)[0]
            value = float(line.split("达到 ", 1)[1].split("%", 1)[0])
            claims.append({"kind": "score", "model": model, "benchmark": "MMLU", "value": value, "unit": "%",
                           "quote": line.rstrip("。")})
    return Reply(claims=claims)


def make_docs(n_docs: int, n_sections: int) -> list[Document]:
    docs = []
    for d in range(n_docs):
        text = "".join(f"# Section {s}\n背景介绍。\nModel{d}x{s} 在 MMLU 上达到 {s}.5%。\n" for s in range(n_sections))
        docs.append(Document(source=f"synthetic_{d}.md", path=f"synthetic_{d}.md", text=text, sha256=str(d)))
    return docs


def run(base_url: str, docs: list[Document], concurrency: int) -> tuple[float, int, int, float]:
    settings = Settings(llm_base_url=base_url, llm_model="fake", llm_concurrency=concurrency, llm_timeout=30,
                        llm_retries=0)
    ex = LLMExtractor(settings, use_fallback=False, pack_sections=False)  # one request per section
    t, cpu = time.perf_counter(), time.process_time()
    results = ex.extract_many(docs)
    elapsed, cpu = time.perf_counter() - t, time.process_time() - cpu
    return elapsed, sum(r.stats.requests for r in results), sum(len(r.claims) for r in results), cpu


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--latency", type=float, default=0.2)
    ap.add_argument("--docs", type=int, default=8)
    ap.add_argument("--sections", type=int, default=16)
    ap.add_argument("--repeat", type=int, default=5, help="runs at concurrency 32 (the median counts)")
    args = ap.parse_args()
    docs = make_docs(args.docs, args.sections)
    with FakeOpenAIProcess(answer, delay=args.latency) as server:
        run(server.base_url, docs[:2], 32)  # warm up: imports, schema caches, 32 pooled connections
        medians = {}
        for c, repeat in ((1, 1), (32, args.repeat)):
            runs = sorted((run(server.base_url, docs, c) for _ in range(repeat)), key=lambda r: r[0])
            elapsed, requests, claims, cpu = runs[len(runs) // 2]
            medians[c] = (elapsed, requests)
            spread = f" (median of {repeat}: {runs[0][0]:.2f}-{runs[-1][0]:.2f} s)" if repeat > 1 else ""
            print(f"concurrency {c:>3}: {requests} requests, {claims} claims in {elapsed:6.2f} s{spread} "
                  f"({requests / elapsed:6.1f} requests/s; client CPU {1000 * cpu / requests:.1f} ms/request)")
    speedup = medians[1][0] / medians[32][0]
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} (client CPU per request "
          "caps the speed-up at about (latency + cpu) / cpu)")
    print(f"speed-up 32 vs 1: {speedup:.1f}x (target >= 20x; ideal {min(32, medians[1][1]):d}x at "
          f"{args.latency * 1000:.0f} ms per request)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
