"""End-to-end figures for the LLM backends against a server answering from a gold file, faults injected.

Runs (each against ``tests.support.fake_openai.GoldResponder``: every chunk is answered with the gold
claims whose quote lies inside it):

* seeds, ``--backend llm``: clean, then 10 % HTTP 500 / 10 % non-JSON / 15 % answers with an
  invented number;
* a generated table-heavy corpus (``benchmarks/llm_table_corpus.py``), ``--backend hybrid`` and
  ``--backend llm``, the same faults plus 15 % of table-cell values shifted to the neighbouring
  cell of the same row;
* the seeds (llm) and the table corpus (hybrid) again through the offline path
  (``extractor.llm.offline``) over a fake engine giving the same answers: the same figures are
  expected, and the batch sizes are printed.

Prints per run: F1 (the scorer of ``benchclaims eval``), invented and shifted values kept (must
be 0), prompt characters outside the shared system prompt and completion characters, each
against the corpus's characters, token usage as the server reported it, and the extractor's
counters (requests, re-asks, dropped, fallbacks).

usage: python benchmarks/llm_e2e.py [--only seeds|tables] [SEEDS_DIR] [GOLD.jsonl]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.llm_table_corpus import generate  # noqa: E402
from extractor.base import get_extractor  # noqa: E402
from extractor.evaluation import score  # noqa: E402
from extractor.files import iter_input_files, read_document  # noqa: E402
from extractor.llm.backend import LLMExtractor  # noqa: E402
from extractor.llm.hybrid import HybridExtractor  # noqa: E402
from extractor.pipeline import prepare  # noqa: E402
from schemas import ScoreClaim, Settings, claim_to_jsonl  # noqa: E402
from tests.support.fake_engine import FakeEngine, body_of  # noqa: E402
from tests.support.fake_openai import INVENTED_VALUE, FakeOpenAI, GoldResponder, prompt_text, system_text  # noqa: E402

FAULTS = {"error_rate": 0.10, "garbage_rate": 0.10, "invent_rate": 0.15}
# Prompt text outside the system prompt, x corpus characters, measured at 95b1ac9 (before the prefilter
# sent broad cue words only with a number and no link digits, a grounding re-ask only the excerpts of the
# dropped claims, and an invalid answer a one-line note instead of instructor's re-ask), for the same runs.
BEFORE = {"seeds, llm, clean": 0.46, "seeds, llm, faults": 0.68, "tables, hybrid": 0.66, "tables, llm": 4.03}


def run(label: str, backend: str, gold: list[dict[str, Any]], folder: Path, offline: bool = False,
        before: float | None = None, **faults: float) -> dict[str, Any]:
    """One run over HTTP (the fake server) or, with ``offline``, over the fake offline engine (same answers)."""
    docs = [prepare(read_document(p)) for p in iter_input_files([folder])]
    corpus = sum(len(d.text) for d in docs)
    responder = GoldResponder(gold, **faults)
    if offline:
        engine = FakeEngine(responder)
        settings = Settings(llm_model="gold", llm_retries=3)
        llm = LLMExtractor(settings, engine=engine, use_fallback=backend == "llm", send_tables=backend == "llm")
        extractor: Any = llm if backend == "llm" else HybridExtractor(settings, llm=llm)
        t = time.perf_counter()
        results = extractor.extract_many(docs)
        elapsed = time.perf_counter() - t
        server: Any = SimpleNamespace(requests=[body_of(r) for b in engine.batches for r in b], answers=engine.answers)
        label += f" [offline engine: {len(engine.batches)} batches of {', '.join(str(len(b)) for b in engine.batches)}]"
    else:
        with FakeOpenAI(responder) as server:
            settings = Settings(llm_base_url=server.base_url, llm_model="gold", llm_timeout=10, llm_retries=3)
            extractor = get_extractor(backend, settings)
            t = time.perf_counter()
            results = extractor.extract_many(docs)
            elapsed = time.perf_counter() - t
    claims = [c for r in results for c in r.claims]
    report = score(gold, [json.loads(claim_to_jsonl(c)) for c in claims])
    invented = sum(1 for c in claims if isinstance(c, ScoreClaim) and c.value == INVENTED_VALUE)
    true_cells = {(g["source"], g["model"], g.get("benchmark"), g.get("value")) for g in gold}
    shifted = {(s["model"], s.get("benchmark"), s["value"]) for s in responder.shifted}
    shifted_kept = sum(1 for c in claims if isinstance(c, ScoreClaim)
                       and (c.model, c.benchmark, c.value) in shifted
                       and (c.source, c.model, c.benchmark, c.value) not in true_cells)
    offsets_ok = all(r.document.text[c.start:c.end] == c.quote for r in results for c in r.claims)
    non_system = sum(len(prompt_text(b)) - len(system_text(b)) for b in server.requests)
    fresh = uncached_chars(server.requests)
    completion = sum(len(a) for a in server.answers)
    stats = [r.stats for r in results]

    def total(name: str) -> int:
        return sum(int(getattr(x, name, 0) or 0) for x in stats)

    all_ = report.total
    print(f"{label}: {len(results)}/{len(docs)} documents in {elapsed:.1f} s; F1 {all_.f1:.3f} "
          f"(P {all_.precision:.3f} R {all_.recall:.3f}, tp {all_.tp} pred {all_.pred} gold {all_.gold}); "
          f"offsets exact: {offsets_ok}")
    print(f"   invented kept {invented}; shifted kept {shifted_kept} (of {len(responder.shifted)} sent); "
          f"server answered {len(server.requests)} requests as {responder.injected}")
    was = "" if before is None else f"; was {before:.2f} x at 95b1ac9"
    print(f"   corpus {corpus:,} chars; prompt outside the system prompt {non_system:,} chars "
          f"({non_system / corpus:.2f} x corpus{was}; not a prefix already sent: {fresh:,} = {fresh / corpus:.2f} x); "
          f"completion {completion:,} chars ({completion / corpus:.2f} x corpus)")
    print(f"   extractor: requests {total('requests')}, re-asks {total('reasks')}, dropped {total('dropped_ungrounded')}, "
          f"fallback chunks {total('fallback_chunks')}; tokens prompt {total('prompt_tokens'):,} "
          f"(cached {total('cached_tokens'):,}), completion {total('completion_tokens'):,}")
    return {"f1": all_.f1, "invented": invented, "shifted_kept": shifted_kept, "non_system": non_system / corpus,
            "fresh": fresh / corpus, "completion": completion / corpus}


def uncached_chars(requests: list[dict[str, Any]]) -> int:
    """Prompt characters outside the system prompt that are not a prefix some earlier request already sent.

    This is what a server with prefix caching (vLLM ``--enable-prefix-caching``) has to read anew:
    a retried request costs nothing more, a re-ask only its previous answer and the feedback.
    """
    seen: list[str] = []
    total = 0
    for body in requests:
        system = system_text(body)
        text = prompt_text(body)[len(system):]
        best = 0
        for prev in seen:
            n = min(len(prev), len(text))
            k = 0
            while k < n and prev[k] == text[k]:
                k += 1
            best = max(best, k)
            if best == len(text):
                break
        total += len(text) - best
        seen.append(text)
    return total


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["seeds", "tables"])
    parser.add_argument("seeds", nargs="?", type=Path, default=ROOT / "seeds")
    parser.add_argument("gold", nargs="?", type=Path, default=ROOT.parent / "shared" / "gold" / "seeds.jsonl")
    args = parser.parse_args(argv)
    if args.only != "tables":
        gold = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
        seeds = args.seeds.resolve() == (ROOT / "seeds").resolve()  # the before figures are the seeds'
        run("seeds, llm, clean", "llm", gold, args.seeds, before=BEFORE["seeds, llm, clean"] if seeds else None)
        run("seeds, llm, faults (10% 500, 10% garbage, 15% invented)", "llm", gold, args.seeds,
            before=BEFORE["seeds, llm, faults"] if seeds else None, **FAULTS)
        run("seeds, llm, faults, offline", "llm", gold, args.seeds, offline=True, **FAULTS)
    if args.only != "seeds":
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            table_gold = generate(folder)
            (folder / "gold.jsonl").unlink()
            for backend in ("hybrid", "llm"):
                run(f"tables, {backend}, faults + 15% shifted cells", backend, table_gold, folder,
                    before=BEFORE[f"tables, {backend}"], shift_rate=0.15, **FAULTS)
            run("tables, hybrid, faults + 15% shifted cells, offline", "hybrid", table_gold, folder, offline=True,
                shift_rate=0.15, **FAULTS)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
