"""Lake benchmark: storing N documents in a lake (``--db DIR/``) versus a DuckDB file, then reading.

    .venv/bin/python benchmarks/lake.py [--docs 100] [--repeat 3] [--json]

Documents are the seeds and the evaluation corpus extracted once with the rules backend
(not timed), cloned under new source names up to ``--docs``. For each store kind it times,
best of ``--repeat`` (the CI box is shared, so single runs are noisy):

* ``ingest_s``: ``open_store(..., write=True)`` and ``Store.ingest`` of all documents;
* ``reingest_s``: the same again (every document unchanged);
* ``first_read_s``: opening the store read-only and answering one leaderboard;
* ``review``: whether a review status can be stored (``PATCH /api/claims/{id}``).

With ``--json`` the last line is ``{"docs": N, "duckdb": {...}, "lake": {...}}``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractor.pipeline import extract_paths  # noqa: E402
from schemas import Extraction, FileProblem  # noqa: E402
from warehouse import IngestJob, StoreError, open_store  # noqa: E402


def corpus(n_docs: int) -> list[Extraction]:
    """The seeds and the evaluation corpus, extracted once, cloned under new names up to ``n_docs``."""
    paths = [ROOT / "seeds", *sorted((ROOT / "benchmarks" / "corpus").glob("dev*"))]
    base = [x for x in extract_paths(paths) if isinstance(x, Extraction)]
    docs: list[Extraction] = []
    i = 0
    while len(docs) < n_docs:
        ex = base[i % len(base)]
        copy = i // len(base)
        if copy:
            document = ex.document.model_copy(update={"source": f"copy{copy}/{ex.document.source}",
                                                      "sha256": f"{ex.document.sha256[:-4]}{copy:04d}"})
            ex = ex.model_copy(update={"document": document})
        docs.append(ex)
        i += 1
    return docs


def job(docs: Sequence[Extraction]) -> IngestJob:
    def extract(files: Sequence[Any], cache: Any) -> Iterable[Extraction | FileProblem]:
        return iter(docs)

    return IngestJob(backend="rules", extract=extract, payload=lambda item: FileProblem(path=str(item), reason="-"))


def measure(location: str, docs: Sequence[Extraction], benchmark: str) -> dict[str, Any]:
    t = time.perf_counter()
    with open_store(location, write=True) as store:
        list(store.ingest([], job(docs)))
    ingest_s = time.perf_counter() - t
    t = time.perf_counter()
    with open_store(location, write=True) as store:
        list(store.ingest([], job(docs)))
    reingest_s = time.perf_counter() - t
    t = time.perf_counter()
    with open_store(location, forward=False) as store:
        rows = len(store.leaderboard(benchmark).rows)
    first_read_s = time.perf_counter() - t
    try:
        with open_store(location, write=True, forward=False) as store:
            store.set_review_status(1, "verified", note="benchmark")
        review = "works"
    except StoreError as exc:
        review = f"refused ({type(exc).__name__})"
    return {"ingest_s": ingest_s, "reingest_s": reingest_s, "first_read_s": first_read_s, "rows": rows,
            "review": review}


def best(runs: list[dict[str, Any]]) -> dict[str, Any]:
    out = dict(runs[0])
    for key in ("ingest_s", "reingest_s", "first_read_s"):
        out[key] = round(min(r[key] for r in runs), 3)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    docs = corpus(args.docs)
    benchmark = Counter(c.benchmark for d in docs for c in d.claims if c.benchmark).most_common(1)[0][0]
    print(f"{len(docs)} documents, {sum(len(d.claims) for d in docs)} claims; leaderboard of {benchmark!r}")
    result: dict[str, Any] = {"docs": len(docs)}
    for kind in ("duckdb", "lake"):
        runs = []
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory() as tmp:
                location = f"{tmp}/w.duckdb" if kind == "duckdb" else f"{tmp}/lake/"
                runs.append(measure(location, docs, benchmark))
        result[kind] = best(runs)
        r = result[kind]
        print(f"{kind:7s} ingest {r['ingest_s']:.3f} s  re-ingest {r['reingest_s']:.3f} s  "
              f"first read {r['first_read_s']:.3f} s ({r['rows']} rows)  review: {r['review']}")
    if args.json:
        print(json.dumps(result))


if __name__ == "__main__":
    main()
