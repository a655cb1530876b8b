"""Scale benchmark of the warehouse: load N synthetic claims, then time leaderboard and beats.

    .venv/bin/python benchmarks/warehouse.py --claims 1000000 [--json] [--db PATH]

The data imitates real extractions: thousands of models and benchmarks whose claim
counts are Zipf-skewed, vendor-prefixed and re-cased aliases, mixed settings
(pass@1, maj@k, k-shot, CoT), a share of comparison claims, repeated statements and
some lower-is-better metrics. It is loaded through ``Warehouse.store_many`` (the same
path ``store`` uses) in documents of ~20 claims, ``--call-claims`` (2 M) generated ahead per call. Claims are built with
``model_construct`` (they are synthetic, so validation would only time pydantic). With ``--columns`` the same
documents and claims (the same random draws) are generated as Arrow tables and loaded with ``Warehouse.store_columns``.

Queries are drawn two ways: *uniform* (a random benchmark from the list, and a model with a
claim on it) and *traffic* (a random claim's benchmark and model, so popular benchmarks
dominate); p50/p95/p99 are printed for both, for the precomputed boards (``warehouse.boards``,
what ``/api/leaderboard`` and ``/api/beats`` ask for: ``--sources 5`` per row and a page of
``--page 100`` rows, the API defaults; the leaderboard both as the ``Leaderboard`` model and as
the JSON bytes the API sends) and, with ``--recompute N``, for ranking every claim on each query
(``warehouse.ranking``, the path before boards, on the first N queries of each draw) on the same file. The raw DuckDB
reference is one group-by (best value per model x setting) over one benchmark's claims.
The queries run on DuckDB's default threads (one per core), as ``Warehouse`` reads; ``--read-threads 1`` reads as
``benchclaims serve`` does (``BENCHCLAIMS_READ_THREADS``, default 1: a read by key costs less on one thread).
With ``--json`` the last line is ``{"claims": N, "load_s": ..., "leaderboard_p50_ms": ...,
"beats_p50_ms": ..., ...}`` (the headline p50s are the uniform ones; ``traffic_*`` follow).
Generating the corpus is not counted in ``load_s``; building the boards is (``boards_s`` says
how much of it).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import itertools
import json
import random
import re
import resource
import statistics
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from schemas import ComparisonClaim, Document, Extraction, ScoreClaim
from warehouse import UnknownName, Warehouse, ranking

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


def iter_chunks(n_claims: int, seed: int = 7, per_doc: int = 20, chunk_claims: int = 400_000,
                columns: bool = False) -> Iterator[Any]:
    """The synthetic corpus in chunks of documents (memory stays bounded at 10 M claims): lists of ``Extraction``
    objects, or with ``columns`` the same documents and claims as two Arrow tables (``Warehouse.store_columns``)."""
    rng = random.Random(seed)
    n_models = max(50, min(200_000, n_claims // 50))
    n_benches = max(20, min(50_000, n_claims // 200))
    models, benches = make_names(n_models, n_benches, rng)
    settings, s_w = zip(*SETTINGS, strict=True)
    metrics, m_w = zip(*METRICS, strict=True)
    model_cw = list(itertools.accumulate(zipf_weights(n_models)))
    bench_cw = list(itertools.accumulate(zipf_weights(n_benches, 1.0)))
    k = 0
    doc_no = 0
    while k < n_claims:
        size = min(chunk_claims, n_claims - k)
        model_pick = rng.choices(range(n_models), cum_weights=model_cw, k=size)
        bench_pick = rng.choices(range(n_benches), cum_weights=bench_cw, k=size)
        setting_pick = rng.choices(settings, weights=s_w, k=size)
        metric_pick = rng.choices(metrics, weights=m_w, k=size)
        chunk: list[tuple[dict[str, Any], list[dict[str, Any]]]] = []
        j0 = 0
        while j0 < size:
            n = min(per_doc, size - j0)
            chunk.append(_document_fields(doc_no, range(j0, j0 + n), models, benches, model_pick, bench_pick,
                                          setting_pick, metric_pick, rng))
            j0 += n
            doc_no += 1
        k += size
        yield _as_tables(chunk) if columns else [_as_extraction(doc, claims) for doc, claims in chunk]


def _document_fields(doc_no: int, picks: range, models: list[str], benches: list[str], model_pick: list[int],
                     bench_pick: list[int], setting_pick: list[str | None], metric_pick: list[str | None],
                     rng: random.Random) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """One synthetic document's fields and its claims' fields."""
    source = f"doc_{doc_no:08d}.txt"
    parts: list[str] = []
    claims: list[dict[str, Any]] = []
    pos = 0
    for j in picks:
        model = surface(models[model_pick[j]], rng)
        bench = benches[bench_pick[j]]
        if rng.random() < 0.1:
            base = models[rng.randrange(min(len(models), 500))]
            delta = round(rng.uniform(0.1, 10), 1) if rng.random() < 0.5 else None
            quote = f"{model} outperforms {base} on {bench}"
            fields = dict(kind="comparison", model=model, baseline=base, benchmark=bench, relation="outperforms",
                          delta=delta, unit="points" if delta else None, metric=None, setting=None, value=None,
                          value_high=None, quote=quote)
        else:
            metric = metric_pick[j]
            value = round(rng.uniform(5, 95), 1)
            if claims and rng.random() < 0.05:  # a repeated statement (title and body)
                prev = claims[-1]
                model, bench, value, metric = prev["model"], prev["benchmark"] or bench, prev["value"] or value, \
                    prev["metric"]
            quote = f"{model} reaches {value}% on {bench}"
            fields = dict(kind="score", model=model, benchmark=bench, metric=metric, value=value,
                          value_high=None, unit="%" if metric not in ("FID", "WER") else "score",
                          setting=setting_pick[j], baseline=None, relation=None, delta=None, quote=quote)
        parts.append(quote)
        claims.append(dict(**fields, source=source, section="Results", start=pos, end=pos + len(quote),
                           extractor="rules", model_canonical=None, benchmark_canonical=None, baseline_canonical=None))
        pos += len(quote) + 1
    text = "\n".join(parts)
    doc = dict(source=source, path=f"/corpus/{source}", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
               encoding="utf-8", media_type="text/plain")
    return doc, claims


def _as_extraction(doc: dict[str, Any], claims: list[dict[str, Any]]) -> Extraction:
    """Built with ``model_construct``: the data is synthetic, so validation would only time pydantic."""
    return Extraction.model_construct(
        document=Document.model_construct(**doc, sections=[]), extractor="rules",
        claims=[(ScoreClaim if c["kind"] == "score" else ComparisonClaim).model_construct(**c) for c in claims])


DOCUMENT_SCHEMA = pa.schema([(f, pa.string()) for f in ("source", "path", "text", "sha256", "encoding", "media_type")])
CLAIM_SCHEMA = pa.schema([(f, {"value": pa.float64(), "value_high": pa.float64(), "delta": pa.float64(),
                               "start": pa.int64(), "end": pa.int64()}.get(f, pa.string()))
                          for f in ("kind", "model", "model_canonical", "benchmark", "benchmark_canonical", "baseline",
                                    "baseline_canonical", "metric", "value", "value_high", "unit", "setting",
                                    "relation", "delta", "quote", "source", "section", "start", "end", "extractor")])


def _as_tables(chunk: list[tuple[dict[str, Any], list[dict[str, Any]]]]) -> tuple[pa.Table, pa.Table]:
    """A chunk as ``store_columns`` takes it: the documents, and the claims with their document's row (``doc``)."""
    documents = pa.Table.from_pylist([doc for doc, _ in chunk], schema=DOCUMENT_SCHEMA)
    rows = [c for _, claims in chunk for c in claims]
    claims = pa.Table.from_pylist(rows, schema=CLAIM_SCHEMA).append_column(
        "doc", pa.array([i for i, (_, claims) in enumerate(chunk) for _ in claims], pa.int64()))
    return documents, claims


def generate(n_claims: int, seed: int = 7) -> list[Extraction]:
    """The whole synthetic corpus as one list (small N)."""
    return [ex for chunk in iter_chunks(n_claims, seed) for ex in chunk]


def percentile(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


def time_queries(wh: Warehouse, pairs: list[tuple[str, str]], sources: int, page: int | None,
                 recompute: bool = False) -> dict[str, float | None]:
    """p50 / p95 / p99 milliseconds of leaderboard(benchmark) and beats(model, benchmark) over ``pairs``.

    ``page``: rows asked for (the API's default page; None: the whole board); the leaderboard is read as the
    ``Leaderboard`` model, and again as the JSON bytes the API sends (``json_*``).
    ``recompute``: rank every claim on each query (``warehouse.ranking``, the path before precomputed boards).
    """
    lb_ms: list[float] = []
    json_ms: list[float] = []
    beats_ms: list[float] = []
    rows: list[int] = []
    for bench, model in pairs:
        t = time.perf_counter()
        if recompute:
            board = ranking.leaderboard(wh.con, wh.reg, bench, sources_limit=sources)
            board.rows = board.rows[:page]
        else:
            board = wh.leaderboard(bench, sources_limit=sources, limit=page)
        lb_ms.append((time.perf_counter() - t) * 1000)
        rows.append(len(board.rows))
        if not recompute:
            t = time.perf_counter()
            wh.leaderboard_json(bench, sources_limit=sources, limit=page, more_sources=more_sources_link)
            json_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        try:
            if recompute:
                ranking.beats(wh.con, wh.reg, model, bench)
            else:
                wh.beats(model, bench, sources_limit=sources, limit=page)
        except UnknownName:
            pass
        beats_ms.append((time.perf_counter() - t) * 1000)
    if not pairs:
        return {"n": 0, "lb_p50": None, "beats_p50": None}
    return {
        "n": len(pairs), "lb_p50": round(statistics.median(lb_ms), 2), "lb_p95": round(percentile(lb_ms, 0.95), 1),
        "lb_p99": round(percentile(lb_ms, 0.99), 1),
        "beats_p50": round(statistics.median(beats_ms), 2), "beats_p95": round(percentile(beats_ms, 0.95), 1),
        "beats_p99": round(percentile(beats_ms, 0.99), 1), "rows_p50": statistics.median(rows),
        "json_p50": round(statistics.median(json_ms), 2) if json_ms else None,
        "json_p95": round(percentile(json_ms, 0.95), 1) if json_ms else None,
    }


def more_sources_link(model: str, benchmark: str) -> str:
    """The link the API puts on rows with more sources than shown (``api.routes.reads``)."""
    return "/api/claims?" + urllib.parse.urlencode({"model": model, "benchmark": benchmark})


def raw_reference(wh: Warehouse, pairs: list[tuple[str, str]]) -> dict[str, float]:
    """The floor: DuckDB alone, one group-by (best value per model x setting) over one benchmark's claims."""
    ms: list[float] = []
    for bench, _ in pairs:
        bid = wh.reg.lookup("benchmark", bench)
        t = time.perf_counter()
        wh.con.execute(RAW_GROUP_BY, [bid]).fetchall()
        ms.append((time.perf_counter() - t) * 1000)
    return {"p50": round(statistics.median(ms), 2), "p95": round(percentile(ms, 0.95), 1)} if ms else {}


RAW_GROUP_BY = """
SELECT c.model_id, t.setting_key, max(c.value), count(*) FROM claims c JOIN claim_terms t ON t.id = c.term_id
WHERE c.benchmark_id = ? AND c.kind = 'score' AND c.review_status <> 'rejected' GROUP BY ALL
"""


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--db", type=Path, default=None, help="warehouse file (default: a temporary one)")
    ap.add_argument("--keep", action="store_true", help="query an existing --db instead of rebuilding it")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON on the last line")
    ap.add_argument("--sources", type=int, default=5, help="sources per row asked for (the API default: 5)")
    ap.add_argument("--page", type=int, default=100,
                    help="leaderboard rows asked for (the API default: 100; 0: the whole board)")
    ap.add_argument("--memory-limit", default=None, metavar="SIZE",
                    help="DuckDB's memory_limit for the run (e.g. 8GB; it spills to disk beyond): for 10 M claims on a "
                         "shared machine")
    ap.add_argument("--call-claims", type=int, default=2_000_000, metavar="N",
                    help="claims generated ahead and handed to one store_many call (its batches of 400 k claims are "
                         "written while the next is prepared; generation is not timed)")
    ap.add_argument("--read-threads", type=int, default=0, metavar="N",
                    help="DuckDB threads for the timed queries (0: DuckDB's default, as Warehouse reads; 1: as the API "
                         "server reads by default); the load always runs on the default")
    ap.add_argument("--columns", action="store_true",
                    help="generate the corpus as Arrow tables and load it with store_columns instead of store_many "
                         "(the same documents and claims; building the tables is generation, not timed)")
    ap.add_argument("--recompute", type=int, default=0, metavar="N",
                    help="also time the first N queries of each draw ranking every claim (the path before boards)")
    args = ap.parse_args()

    tmp = tempfile.TemporaryDirectory()
    db = args.db or Path(tmp.name) / "scale.duckdb"
    if db.exists() and not args.keep:
        db.unlink()
    gen_s = load_s = load_cpu_s = 0.0
    n_docs = 0
    traffic: list[tuple[str, str]] = []
    rng = random.Random(11)
    every = max(1, args.claims // 20 // max(1, args.queries))
    with Warehouse(db) as wh:
        if args.memory_limit:  # SET takes no parameters: the size is checked to be a plain size first
            if not re.fullmatch(r"\d+(\.\d+)?\s*[KMGT]i?B", args.memory_limit):
                ap.error(f"--memory-limit {args.memory_limit!r}: give a size such as 8GB")
            wh.con.execute(f"SET memory_limit = '{args.memory_limit}'")
        run = wh.start_run("synthetic", {"claims": args.claims})
        first_chunk: Any = None
        chunks = iter_chunks(args.claims, columns=args.columns)
        per_call = max(1, args.call_claims // 400_000)  # chunks of 400 k claims handed to one store_many call
        while True:
            t0 = time.perf_counter()
            gc.disable()
            taken = list(itertools.islice(chunks, per_call))
            if taken and args.columns:  # one call's documents and claims as two tables
                offsets = itertools.accumulate([0] + [d.num_rows for d, _ in taken[:-1]])
                tables = (pa.concat_tables([d for d, _ in taken]), pa.concat_tables([
                    c.set_column(c.schema.get_field_index("doc"), "doc", pc.add(c.column("doc"), off))
                    for (_, c), off in zip(taken, offsets, strict=True)]))
            gc.enable()
            gen_s += time.perf_counter() - t0
            if not taken:
                break
            if args.columns:
                claim_docs = tables[1].column("doc").to_numpy()
                firsts = tables[1].take(pa.array(np.searchsorted(claim_docs, np.arange(0, tables[0].num_rows, every))))
                traffic.extend((b or "MMLU", m) for b, m in zip(firsts.column("benchmark").to_pylist(),
                                                                firsts.column("model").to_pylist(), strict=True))
                first_chunk = first_chunk or (tables[0].slice(0, 1000), tables[1].filter(pc.less(
                    tables[1].column("doc"), 1000)))
                n_docs += tables[0].num_rows
                del taken
                t0, c0 = time.perf_counter(), time.process_time()
                wh.store_columns(*tables, run)
                load_s += time.perf_counter() - t0
                load_cpu_s += time.process_time() - c0
                del tables
                continue
            docs = [ex for chunk in taken for ex in chunk]
            # "traffic" queries: a claim's benchmark and model (popular benchmarks are asked most)
            traffic.extend((ex.claims[0].benchmark or "MMLU", ex.claims[0].model)
                           for chunk in taken for ex in chunk[::every])
            del taken  # no claim outlives its store_many call: later reads run with the garbage collector on
            first_chunk = first_chunk or docs[:1000]
            n_docs += len(docs)
            t0, c0 = time.perf_counter(), time.process_time()
            wh.store_many(docs, run)
            load_s += time.perf_counter() - t0
            load_cpu_s += time.process_time() - c0
            del docs
        t0 = time.perf_counter()
        wh.refresh_boards()
        boards_s = time.perf_counter() - t0
        load_s += boards_s
        wh.finish_run(run, n_docs, 0)
        t0 = time.perf_counter()
        again = wh.store_columns(*first_chunk, run) if args.columns else wh.store_many(first_chunk, run)
        rerun_s = time.perf_counter() - t0
        assert all(o.status == "unchanged" for o in again)
        stats = wh.stats()
        traffic = rng.sample(traffic, min(len(traffic), args.queries))
        # "uniform": a random benchmark from the list, and a model that has a claim on it.
        names = [b.name for b in wh.benchmarks() if b.claims]
        bench_models = []
        for name in rng.sample(names, min(len(names), args.queries)):
            page = wh.claims(benchmark=name, kind="score", limit=1)
            if page.items:
                bench_models.append((name, page.items[0].model))
        draws = (("uniform", bench_models), ("traffic", traffic))
        if args.read_threads:
            wh.set_threads(args.read_threads)
        raw = {name: raw_reference(wh, pairs) for name, pairs in draws}
        page = args.page or None
        timings = {name: time_queries(wh, pairs, args.sources, page) for name, pairs in draws}
        old = {name: time_queries(wh, pairs[:args.recompute], args.sources, page, recompute=True)
               for name, pairs in draws} if args.recompute else {}
    size_mb = db.stat().st_size / 1e6 if db.exists() else 0.0
    uni, tra = timings["uniform"], timings["traffic"]
    figures = {
        "claims": args.claims, "load_s": round(load_s, 2), "load_cpu_s": round(load_cpu_s, 2),
        "leaderboard_p50_ms": uni["lb_p50"], "beats_p50_ms": uni["beats_p50"],
        "traffic_leaderboard_p50_ms": tra["lb_p50"], "traffic_beats_p50_ms": tra["beats_p50"],
        "traffic_leaderboard_p95_ms": tra.get("lb_p95"), "traffic_beats_p95_ms": tra.get("beats_p95"),
        "traffic_leaderboard_json_p50_ms": tra.get("json_p50"), "traffic_leaderboard_json_p95_ms": tra.get("json_p95"),
        "boards_s": round(boards_s, 2), "peak_rss_mb": round(peak_rss_mb()), "read_threads": args.read_threads or None,
    }
    print(f"generated {n_docs} documents in {gen_s:.1f} s (not counted in load); warehouse {stats}; file {size_mb:.0f} MB")
    print(f"load {load_s:.2f} s wall incl. board build {boards_s:.2f} s, {load_cpu_s:.2f} s CPU for store_many "
          f"({args.claims / load_s:,.0f} claims/s); re-run of 1000 unchanged docs {rerun_s:.2f} s; "
          f"peak RSS {peak_rss_mb():,.0f} MB")
    for name, r in raw.items():
        if r:
            print(f"{name:8s} raw DuckDB group-by (reference) p50 {r['p50']} ms p95 {r['p95']} ms")
    for label, table in (("boards", timings), ("recompute", old)):
        for name, t in table.items():
            if t["n"]:
                as_json = f" (as JSON p50 {t['json_p50']} ms p95 {t['json_p95']} ms)" if t.get("json_p50") else ""
                print(f"{label:9s} {name:8s} leaderboard p50 {t['lb_p50']} ms p95 {t['lb_p95']} ms p99 {t['lb_p99']} ms "
                      f"{as_json} (median {t['rows_p50']} rows); beats p50 {t['beats_p50']} ms p95 {t['beats_p95']} ms "
                      f"p99 {t['beats_p99']} ms  [{t['n']} queries, {args.sources} sources/row, page {args.page or 'all'}, "
                      f"{args.read_threads or 'default'} DuckDB thread(s)]")
    if args.json:
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
