"""How much text the LLM prefilter sends, and how many gold quotes reach the LLM.

Prints, for the seed corpus: characters of the corpus, characters of excerpts sent
(and of whole user messages, i.e. with the section context), their share, and the
share of gold quotes (``../shared/gold/seeds.jsonl`` field ``quote``) contained in
the text of some chunk of their source. Targets: sent <= 50 %, reached >= 98 %.

usage: python benchmarks/llm_prefilter.py [SEEDS_DIR] [GOLD.jsonl] [--misses]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractor.files import iter_input_files, read_document
from extractor.llm.prefilter import build_chunks

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = Path(__file__).resolve().parent.parent.parent / "shared" / "gold" / "seeds.jsonl"


def measure(seeds: Path, gold_path: Path) -> dict[str, float | int | list[str]]:
    corpus = sent = messages = n_chunks = 0
    chunk_texts: dict[str, list[str]] = {}
    for path in iter_input_files([seeds]):
        doc = read_document(path)
        chunks = build_chunks(doc)
        corpus += len(doc.text)
        sent += sum(len(c.text) for c in chunks)
        messages += sum(len(c.message) for c in chunks)
        n_chunks += len(chunks)
        chunk_texts[doc.source] = [c.text for c in chunks]
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold = [g for g in gold if g["source"] in chunk_texts]
    misses = [f"{g['source']}: {g['quote']}" for g in gold
              if not any(g["quote"] in t for t in chunk_texts[g["source"]])]
    reached = len(gold) - len(misses)
    return {"corpus_chars": corpus, "excerpt_chars": sent, "message_chars": messages, "chunks": n_chunks,
            "sent_share": sent / corpus if corpus else 0.0, "message_share": messages / corpus if corpus else 0.0,
            "gold_quotes": len(gold), "gold_reached": reached,
            "reach_share": reached / len(gold) if gold else 1.0, "misses": misses}


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    seeds = Path(args[0]) if args else ROOT / "seeds"
    gold = Path(args[1]) if len(args) > 1 else DEFAULT_GOLD
    r = measure(seeds, gold)
    print(f"corpus chars          {r['corpus_chars']:>8}")
    print(f"chunks                {r['chunks']:>8}")
    print(f"excerpt chars sent    {r['excerpt_chars']:>8}  ({r['sent_share']:.1%} of corpus; target <= 50%)")
    print(f"message chars sent    {r['message_chars']:>8}  ({r['message_share']:.1%} with section context)")
    print(f"gold quotes reaching  {r['gold_reached']:>4}/{r['gold_quotes']:<4}  ({r['reach_share']:.1%}; target >= 98%)")
    if "--misses" in argv:
        for m in r["misses"]:  # type: ignore[union-attr]
            print("  MISS", m)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
