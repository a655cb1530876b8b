"""End-to-end figures for the llm backend on the seeds, against a server answering from the gold file.

Two runs over every seed document: a server that answers correctly (each chunk gets the
gold claims whose quote lies inside it), and one with faults injected per attempt —
10 % HTTP 500, 10 % non-JSON text, 15 % of answers carrying an extra claim with an
invented number. Prints documents finished, gold claims recovered with exact offsets,
invented numbers kept (must be 0), claims dropped by grounding, fallback chunks and
requests.

usage: python benchmarks/llm_e2e.py [SEEDS_DIR] [GOLD.jsonl]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractor.files import iter_input_files, read_document
from extractor.llm.backend import LLMExtractor
from extractor.llm.grounding import numbers_in, value_in
from schemas import Extraction, ScoreClaim, Settings
from tests.fake_openai import INVENTED_VALUE, FakeOpenAI, GoldResponder

ROOT = Path(__file__).resolve().parent.parent


def recovered(gold: list[dict[str, Any]], results: list[Extraction]) -> int:
    by_source = {r.document.source: r for r in results}
    n = 0
    for g in gold:
        r = by_source.get(g["source"])
        if r is None:
            continue
        start = r.document.text.find(g["quote"])
        if any(c.kind == g["kind"] and c.model == g["model"] and c.start == start and c.quote == g["quote"]
               and getattr(c, "value", None) == g.get("value") and getattr(c, "baseline", None) == g.get("baseline")
               for c in r.claims):
            n += 1
    return n


def run(label: str, gold: list[dict[str, Any]], seeds: Path, **faults: float) -> None:
    docs = [read_document(p) for p in iter_input_files([seeds])]
    responder = GoldResponder(gold, **faults)
    with FakeOpenAI(responder) as server:
        settings = Settings(llm_base_url=server.base_url, llm_model="gold", llm_timeout=10, llm_retries=3)
        t = time.perf_counter()
        results = LLMExtractor(settings).extract_many(docs)
        elapsed = time.perf_counter() - t
    invented = sum(1 for r in results for c in r.claims if isinstance(c, ScoreClaim) and c.value == INVENTED_VALUE)
    unsupported = sum(1 for r in results for c in r.claims
                      if isinstance(c, ScoreClaim) and not value_in(c.value, numbers_in(c.quote)))
    offsets_ok = all(r.document.text[c.start:c.end] == c.quote for r in results for c in r.claims)
    s = [r.stats for r in results]
    print(f"{label}: {len(results)}/{len(docs)} documents in {elapsed:.1f} s; "
          f"gold claims recovered {recovered(gold, results)}/{len(gold)}; claims out {sum(len(r.claims) for r in results)}; "
          f"offsets exact: {offsets_ok}")
    print(f"   invented numbers kept {invented}; values not in their quote {unsupported}; "
          f"dropped by grounding {sum(x.dropped_ungrounded for x in s)}; fallback chunks {sum(x.fallback_chunks for x in s)}; "
          f"chunk requests {sum(x.requests for x in s)}")
    print(f"   server: {len(server.requests)} HTTP requests answered as {responder.injected}")


def main(argv: list[str]) -> int:
    seeds = Path(argv[0]) if argv else ROOT / "seeds"
    gold_path = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent.parent / "shared" / "gold" / "seeds.jsonl"
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    run("clean server", gold, seeds)
    run("faulty server (10% 500, 10% garbage, 15% invented)", gold, seeds,
        error_rate=0.10, garbage_rate=0.10, invent_rate=0.15)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
