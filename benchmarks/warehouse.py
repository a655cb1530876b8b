"""Scale benchmark of the warehouse: load N synthetic claims, then time leaderboard and beats.

    .venv/bin/python benchmarks/warehouse.py --claims 1000000 [--json] [--db PATH]

The data imitates real extractions: thousands of models and benchmarks whose claim
counts are Zipf-skewed, vendor-prefixed and re-cased aliases, mixed settings
(pass@1, maj@k, k-shot, CoT), a share of comparison claims, repeated statements and
some lower-is-better metrics. It is loaded through ``Warehouse.store_many`` (the same
path ``store`` uses) in documents of ~20 claims. Claims are built with
``model_construct`` (they are synthetic, so validation would only time pydantic).

Queries are drawn like real traffic (by claim popularity) and p50/p95 reported; with
``--json`` the last line is
``{"claims": N, "load_s": ..., "leaderboard_p50_ms": ..., "beats_p50_ms": ...}``.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from schemas import ComparisonClaim, Document, Extraction, ScoreClaim  # noqa: E402
from warehouse import UnknownName, Warehouse  # noqa: E402

FAMILIES = ["Llama", "Qwen", "Mistral", "Gemma", "Phi", "DeepSeek", "GPT", "Claude", "Yi", "InternLM", "GLM", "Baichuan"]
SIZES = ["0.5B", "1.5B", "3B", "7B", "8B", "14B", "32B", "70B", "72B"]
SUFFIX = ["", "-Instruct", "-Chat", "-Base", "-RL", "-SFT", "-Distill"]
VENDORS = ["OpenAI ", "Meta ", "Google ", "Alibaba ", ""]
BENCH_STEMS = ["MMLU", "GSM8K", "MATH", "HumanEval", "MBPP", "ARC", "HellaSwag", "GPQA", "AIME", "BBH", "DROP",
               "TriviaQA", "NQ", "C-Eval", "CMMLU", "LiveCodeBench", "SWE-bench", "ImageNet", "COCO", "VQAv2"]
SETTINGS = [(None, 40), ("pass@1", 15), ("5-shot", 12), ("0-shot", 10), ("maj@16", 5), ("CoT", 8), ("with tools", 3),
            ("test split", 4), ("few-shot", 3)]
METRICS = [("accuracy", 50), (None, 25), ("F1", 8), ("EM", 7), ("pass@1", 6), ("FID", 2), ("WER", 2)]


def zipf_weights(n: int, s: float = 1.1) -> list[float]:
    return [1.0 / (i + 1) ** s for i in range(n)]


def make_names(n_models: int, n_benchmarks: int, rng: random.Random) -> tuple[list[str], list[str]]:
    models: list[str] = []
    seen: set[str] = set()
    i = 0
    while len(models) < n_models:
        fam = FAMILIES[i % len(FAMILIES)]
        name = f"{fam}-{1 + (i // 97) % 9}.{i % 7}-{SIZES[i % len(SIZES)]}{SUFFIX[(i // 3) % len(SUFFIX)]}"
        if i >= 5000:
            name += f"-v{i // 5000}"
        i += 1
        if name.lower() not in seen:
            seen.add(name.lower())
            models.append(name)
    benches = []
    for j in range(n_benchmarks):
        stem = BENCH_STEMS[j % len(BENCH_STEMS)]
        benches.append(stem if j < len(BENCH_STEMS) else f"{stem}-{j // len(BENCH_STEMS)}" +
                       (f" {2020 + j % 6}" if j % 5 == 0 else ""))
    rng.shuffle(models)
    return models, benches


def surface(name: str, rng: random.Random) -> str:
    """How an article might write ``name``: vendor prefix, other case, spaces for hyphens."""
    r = rng.random()
    if r < 0.1:
        return rng.choice(VENDORS) + name
    if r < 0.15:
        return name.lower()
    if r < 0.2:
        return name.replace("-", " ")
    return name


def generate(n_claims: int, seed: int = 7, per_doc: int = 20) -> list[Extraction]:
    rng = random.Random(seed)
    n_models = max(50, min(200_000, n_claims // 50))
    n_benches = max(20, min(50_000, n_claims // 200))
    models, benches = make_names(n_models, n_benches, rng)
    settings, s_w = zip(*SETTINGS, strict=True)
    metrics, m_w = zip(*METRICS, strict=True)
    model_pick = rng.choices(range(n_models), weights=zipf_weights(n_models), k=n_claims)
    bench_pick = rng.choices(range(n_benches), weights=zipf_weights(n_benches, 1.0), k=n_claims)
    setting_pick = rng.choices(settings, weights=s_w, k=n_claims)
    metric_pick = rng.choices(metrics, weights=m_w, k=n_claims)
    extractions: list[Extraction] = []
    k = 0
    doc_no = 0
    while k < n_claims:
        n = min(per_doc, n_claims - k)
        source = f"doc_{doc_no:08d}.txt"
        parts: list[str] = []
        claims: list[ScoreClaim | ComparisonClaim] = []
        pos = 0
        for j in range(k, k + n):
            model = surface(models[model_pick[j]], rng)
            bench = benches[bench_pick[j]]
            if rng.random() < 0.1:
                base = models[rng.randrange(min(n_models, 500))]
                delta = round(rng.uniform(0.1, 10), 1) if rng.random() < 0.5 else None
                quote = f"{model} outperforms {base} on {bench}"
                fields = dict(kind="comparison", model=model, baseline=base, benchmark=bench, relation="outperforms",
                              delta=delta, unit="points" if delta else None, metric=None, setting=None, value=None,
                              value_high=None, quote=quote)
                cls: type[ScoreClaim] | type[ComparisonClaim] = ComparisonClaim
            else:
                metric = metric_pick[j]
                value = round(rng.uniform(5, 95), 1)
                if j > k and rng.random() < 0.05:  # a repeated statement (title and body)
                    prev = claims[-1]
                    model, bench, value, metric = prev.model, prev.benchmark or bench, prev.value or value, prev.metric
                quote = f"{model} reaches {value}% on {bench}"
                fields = dict(kind="score", model=model, benchmark=bench, metric=metric, value=value,
                              value_high=None, unit="%" if metric not in ("FID", "WER") else "score",
                              setting=setting_pick[j], baseline=None, relation=None, delta=None, quote=quote)
                cls = ScoreClaim
            parts.append(quote)
            claims.append(cls.model_construct(
                **fields, source=source, section="Results", start=pos, end=pos + len(quote), extractor="rules",
                model_canonical=None, benchmark_canonical=None, baseline_canonical=None))
            pos += len(quote) + 1
        text = "\n".join(parts)
        doc = Document.model_construct(source=source, path=f"/corpus/{source}", text=text,
                                       sha256=hashlib.sha256(text.encode()).hexdigest(), encoding="utf-8",
                                       media_type="text/plain", sections=[])
        extractions.append(Extraction.model_construct(document=doc, claims=claims, extractor="rules"))
        k += n
        doc_no += 1
    return extractions


def percentile(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--db", type=Path, default=None, help="warehouse file (default: a temporary one)")
    ap.add_argument("--keep", action="store_true", help="query an existing --db instead of rebuilding it")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON on the last line")
    args = ap.parse_args()

    t0 = time.perf_counter()
    gc.disable()
    extractions = generate(args.claims)
    gc.freeze()  # the synthetic corpus lives to the end: keep it out of every later collection
    gc.enable()
    gen_s = time.perf_counter() - t0
    tmp = tempfile.TemporaryDirectory()
    db = args.db or Path(tmp.name) / "scale.duckdb"
    if db.exists() and not args.keep:
        db.unlink()
    with Warehouse(db) as wh:
        t0 = time.perf_counter()
        run = wh.start_run("synthetic", {"claims": args.claims})
        wh.store_many(extractions, run)
        wh.finish_run(run, len(extractions), 0)
        load_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        again = wh.store_many(extractions[:1000], run)
        rerun_s = time.perf_counter() - t0
        assert all(o.status == "unchanged" for o in again)
        stats = wh.stats()
        rng = random.Random(11)
        # queries drawn like traffic: a random claim's benchmark / model
        sample = [c for ex in rng.sample(extractions, min(len(extractions), args.queries)) for c in ex.claims[:1]]
        lb_ms: list[float] = []
        beats_ms: list[float] = []
        rows = 0
        for c in sample:
            bench = c.benchmark or "MMLU"
            t = time.perf_counter()
            board = wh.leaderboard(bench)
            lb_ms.append((time.perf_counter() - t) * 1000)
            rows += len(board.rows)
            t = time.perf_counter()
            try:
                wh.beats(c.model, bench)
            except UnknownName:
                pass
            beats_ms.append((time.perf_counter() - t) * 1000)
    n_docs = len(extractions)
    del extractions, sample
    gc.unfreeze()
    gc.collect()
    size_mb = db.stat().st_size / 1e6 if db.exists() else 0.0
    figures = {
        "claims": args.claims, "load_s": round(load_s, 2),
        "leaderboard_p50_ms": round(statistics.median(lb_ms), 2) if lb_ms else None,
        "beats_p50_ms": round(statistics.median(beats_ms), 2) if beats_ms else None,
    }
    print(f"generated {n_docs} documents in {gen_s:.1f} s; warehouse {stats}; file {size_mb:.0f} MB")
    print(f"load {load_s:.2f} s ({args.claims / load_s:,.0f} claims/s); re-run of 1000 unchanged docs {rerun_s:.2f} s")
    if lb_ms:
        print(f"leaderboard p50 {figures['leaderboard_p50_ms']} ms, p95 {percentile(lb_ms, 0.95):.1f} ms, "
              f"mean rows {rows / max(1, len(sample)):.0f}")
        print(f"beats p50 {figures['beats_p50_ms']} ms, p95 {percentile(beats_ms, 0.95):.1f} ms")
    if args.json:
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
