"""The seeds against a real vLLM on this machine: F1, tokens, prefix-cache hits, tokens/s.

Starts ``vllm serve`` with the command ``benchclaims llm-serve`` would run (``extractor.llm.serve``),
waits for it, extracts the seeds with ``--backend hybrid`` (the recommended mode) and ``llm``,
scores them against the gold file and prints what the run cost from the server's ``usage``:
prompt, cached and completion tokens, tokens per claim, wall time and completion tokens/s.
Stops the server at the end. ``--url`` uses a server that is already running instead.

Skipped (exit 0, one line) on a machine with no GPU or without vLLM installed: nothing is
downloaded or started there.

usage: python benchmarks/llm_vllm.py [--model Qwen/Qwen2.5-7B-Instruct] [--url http://127.0.0.1:8001/v1]
                                     [--backend hybrid|llm ...] [SEEDS_DIR] [GOLD.jsonl]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.base import get_extractor  # noqa: E402
from extractor.evaluation import score  # noqa: E402
from extractor.files import iter_input_files, read_document  # noqa: E402
from extractor.llm.serve import DEFAULT_PORT, gpu_count, vllm_command  # noqa: E402
from extractor.llm.transport import LLMUnreachable, check_server  # noqa: E402
from extractor.pipeline import prepare  # noqa: E402
from schemas import Settings, claim_to_jsonl  # noqa: E402


def _wait(url: str, model: str, proc: subprocess.Popen[bytes] | None, timeout: float = 1800) -> None:
    t = time.monotonic()
    while True:
        try:
            check_server(url, model)
            return
        except LLMUnreachable as exc:
            if proc is not None and proc.poll() is not None:
                raise SystemExit(f"vllm serve exited with status {proc.returncode} before answering") from exc
            if time.monotonic() - t > timeout:
                raise SystemExit(f"{exc} after {timeout:.0f} s") from exc
            time.sleep(5)


def run(backend: str, settings: Settings, seeds: Path, gold: list[dict[str, Any]]) -> None:
    docs = [prepare(read_document(p)) for p in iter_input_files([seeds])]
    extractor: Any = get_extractor(backend, settings)
    t = time.perf_counter()
    results = extractor.extract_many(docs)
    elapsed = time.perf_counter() - t
    claims = [c for r in results for c in r.claims]
    report = score(gold, [json.loads(claim_to_jsonl(c)) for c in claims])

    def total(name: str) -> int:
        return sum(int(getattr(r.stats, name, 0) or 0) for r in results)

    tokens = total("prompt_tokens") + total("completion_tokens")
    print(f"{backend}: F1 {report.total.f1:.3f} (P {report.total.precision:.3f} R {report.total.recall:.3f}); "
          f"{len(claims)} claims in {elapsed:.1f} s")
    print(f"   requests {total('requests')} (re-asks {total('reasks')}, cut and split {total('truncated')}, "
          f"fallback chunks {total('fallback_chunks')}, dropped {total('dropped_ungrounded')})")
    print(f"   tokens: prompt {total('prompt_tokens'):,} (cached {total('cached_tokens'):,}), completion "
          f"{total('completion_tokens'):,}; {tokens / max(len(claims), 1):,.0f} tokens per claim; "
          f"{total('completion_tokens') / elapsed:,.0f} completion tokens/s")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="Qwen/Qwen2.5-7B-Instruct")
    parser.add_argument("--url", help="use this running server instead of starting vLLM")
    parser.add_argument("--backend", action="append", choices=["hybrid", "llm"])
    parser.add_argument("--max-num-seqs", type=int, default=None)
    parser.add_argument("seeds", nargs="?", type=Path, default=ROOT / "seeds")
    parser.add_argument("gold", nargs="?", type=Path, default=ROOT.parent / "shared" / "gold" / "seeds.jsonl")
    args = parser.parse_args(argv)
    proc: subprocess.Popen[bytes] | None = None
    url = args.url
    if url is None:
        if gpu_count() == 0 or importlib.util.find_spec("vllm") is None or shutil.which("vllm") is None:
            print("skipped: needs a CUDA GPU and vLLM (pip install 'benchclaims[gpu]'); or pass --url")
            return 0
        cmd = vllm_command(args.model, port=DEFAULT_PORT, max_num_seqs=args.max_num_seqs)
        print(" ".join(cmd), flush=True)
        proc = subprocess.Popen(cmd)
        url = f"http://127.0.0.1:{DEFAULT_PORT}/v1"
    try:
        _wait(url, args.model, proc)
        gold = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
        settings = Settings(llm_base_url=url, llm_model=args.model)
        for backend in args.backend or ["hybrid", "llm"]:
            run(backend, settings, args.seeds, gold)
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=120)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
