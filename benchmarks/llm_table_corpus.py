"""A table-heavy corpus with its gold claims, generated (deterministic seed) for the LLM benchmarks.

Why generated: the gold of a table is known by construction (model x benchmark x value of every
cell), and the shape of model cards is what matters here — most claims in cells, a few in
prose around the tables. Each document has an intro paragraph with a score and a comparison
claim, a results table with models in rows (Markdown), a transposed table (benchmarks in rows,
Markdown) and an HTML table; zh and en alternate. About 90 % of the gold claims are cells.

usage: python benchmarks/llm_table_corpus.py OUT_DIR   (writes the documents and gold.jsonl)
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

BENCHES = ["MMLU", "GSM8K", "MATH-500", "HumanEval", "GPQA Diamond", "C-Eval", "IFEval", "MBPP"]
FAMILIES = ["Wren", "Kestrel", "Orion", "Nimbus", "Heron", "Lark", "Finch", "Talon", "Corvid", "Plover"]


def _v(rng: random.Random) -> float:
    return round(rng.uniform(20, 95), 1)


def _score(source: str, model: str, bench: str, value: float, quote: str) -> dict[str, Any]:
    return {"source": source, "kind": "score", "model": model, "benchmark": bench, "value": value,
            "unit": "score", "quote": quote}


def _document(i: int, rng: random.Random) -> tuple[str, str, list[dict[str, Any]]]:
    zh = i % 2 == 1
    family = FAMILIES[i % len(FAMILIES)]
    source = f"t{i:02d}_{family.lower()}.md"
    models = [f"{family}-{s}B" for s in (1, 3, 8, 14, 32)]
    ours = models[-1]
    rival = f"{FAMILIES[(i + 3) % len(FAMILIES)]}-70B"
    gold: list[dict[str, Any]] = []
    parts = [f"# {family}: {'技术报告' if zh else 'Technical Report'}\n\n"]

    b0 = BENCHES[i % len(BENCHES)]
    v0, d0 = _v(rng), round(rng.uniform(1, 9), 1)
    if zh:
        s_quote = f"{ours} 在 {b0} 上达到了 {v0}"
        c_quote = f"比 {rival} 高出 {d0} 分"
        parts.append(f"我们发布了 {family} 系列模型。{s_quote}，{c_quote}。训练耗时 12 天。\n\n")
    else:
        s_quote = f"{ours} reaches {v0} on {b0}"
        c_quote = f"{d0} points above {rival}"
        parts.append(f"We release the {family} family. {s_quote}, {c_quote}. Training took 12 days.\n\n")
    gold.append(_score(source, ours, b0, v0, s_quote))
    gold.append({"source": source, "kind": "comparison", "model": ours, "baseline": rival, "relation": "outperforms",
                 "benchmark": b0, "delta": d0, "unit": "points", "quote": c_quote})

    # models in rows
    benches = rng.sample(BENCHES, 6)
    parts.append(f"## {'主要结果' if zh else 'Main results'}\n\n")
    parts.append("| Model | " + " | ".join(benches) + " |\n|" + "---|" * (len(benches) + 1) + "\n")
    for m in models:
        values = [_v(rng) for _ in benches]
        row = f"| {m} | " + " | ".join(f"{v}" for v in values) + " |"
        parts.append(row + "\n")
        gold += [_score(source, m, b, v, row) for b, v in zip(benches, values, strict=True)]
    parts.append("\n")

    # benchmarks in rows (model-card layout)
    cols = [models[1], models[3], rival]
    parts.append(f"## {'与其他模型对比' if zh else 'Comparison with other models'}\n\n")
    parts.append("| Benchmark | " + " | ".join(cols) + " |\n|" + "---|" * (len(cols) + 1) + "\n")
    for b in rng.sample(BENCHES, 5):
        values = [_v(rng) for _ in cols]
        row = f"| {b} | " + " | ".join(f"{v}" for v in values) + " |"
        parts.append(row + "\n")
        gold += [_score(source, m, b, v, row) for m, v in zip(cols, values, strict=True)]
    parts.append("\n")

    # an HTML table
    hb = rng.sample(BENCHES, 4)
    parts.append(f"## {'代码与推理' if zh else 'Code and reasoning'}\n\n<table>\n<tr><th>Model</th>"
                 + "".join(f"<th>{b}</th>" for b in hb) + "</tr>\n")
    for m in (models[2], models[4]):
        values = [_v(rng) for _ in hb]
        row = f"<tr><td>{m}</td>" + "".join(f"<td>{v}</td>" for v in values) + "</tr>"
        parts.append(row + "\n")
        gold += [_score(source, m, b, v, row) for b, v in zip(hb, values, strict=True)]
    parts.append("</table>\n")
    return source, "".join(parts), gold


def generate(out: Path, documents: int = 8, seed: int = 16) -> list[dict[str, Any]]:
    """Write ``documents`` files into ``out`` and return their gold claims (also in ``out/gold.jsonl``)."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    gold: list[dict[str, Any]] = []
    for i in range(documents):
        source, text, claims = _document(i, rng)
        (out / source).write_text(text, encoding="utf-8")
        gold += claims
    (out / "gold.jsonl").write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold),
                                    encoding="utf-8")
    return gold


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/llm_table_corpus")
    print(f"{len(generate(target))} gold claims in {target}")
