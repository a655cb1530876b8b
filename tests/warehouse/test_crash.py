"""A warehouse killed mid-ingest and re-run ends in the same state as a clean run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.support.paths import REPO_ROOT
from warehouse import Warehouse

pytestmark = pytest.mark.slow  # real processes / crashes / Ray: deselect with -m 'not slow'

N_DOCS = 80

# Builds the same N_DOCS documents in the child and the parent (deterministic).
CORPUS = textwrap.dedent('''
    import hashlib
    from schemas import Document, Extraction, ScoreClaim

    def corpus(n):
        out = []
        for d in range(n):
            quotes = [f"Model-{(d * 7 + i) % 23} scores {50 + (d + i) % 40}.5% on Bench-{i % 5}" for i in range(60)]
            text = "\\n".join(quotes)
            claims, pos = [], 0
            for i, q in enumerate(quotes):
                start = text.index(q, pos)
                pos = start + len(q)
                claims.append(ScoreClaim(model=f"Model-{(d * 7 + i) % 23}", benchmark=f"Bench-{i % 5}",
                                         value=50 + (d + i) % 40 + 0.5, unit="%", quote=q, source=f"d{d}.txt",
                                         start=start, end=start + len(q)))
            doc = Document(source=f"d{d}.txt", path=f"d{d}.txt", text=text,
                           sha256=hashlib.sha256(text.encode()).hexdigest())
            out.append(Extraction(document=doc, claims=claims))
        return out
''')

CHILD = CORPUS + textwrap.dedent('''
    import sys
    from warehouse import Warehouse
    with Warehouse(sys.argv[1]) as wh:
        for ex in corpus(int(sys.argv[2])):
            wh.store(ex)
            print(ex.document.source, flush=True)
''')


def _corpus(n: int) -> list:  # type: ignore[type-arg]
    namespace: dict[str, object] = {}
    exec(CORPUS, namespace)
    return namespace["corpus"](n)  # type: ignore[operator, no-any-return]


def _snapshot(wh: Warehouse) -> str:
    boards = [wh.leaderboard(f"Bench-{i}").model_dump() for i in range(5)]
    stats = wh.stats()
    stats.pop("runs")
    return json.dumps([stats, boards], sort_keys=True, default=str)


def test_killed_ingest_reruns_to_the_clean_state(tmp_path: Path) -> None:
    crashed = tmp_path / "crashed.duckdb"
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(crashed), str(N_DOCS)], stdout=subprocess.PIPE,
                             text=True, env=env, cwd=REPO_ROOT)
    assert child.stdout is not None
    for _ in range(5):  # let it store a few documents, then kill it without warning
        assert child.stdout.readline()
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=60)

    docs = _corpus(N_DOCS)
    with Warehouse(crashed) as wh:
        stored = wh.stats()["documents"]
        assert 5 <= stored < N_DOCS
        # every document present is complete: never a half-written one
        for ex in docs[:stored]:
            assert wh.claims(source=ex.document.source, limit=0).total == len(ex.claims)
        outcomes = wh.store_many(docs)
        assert [o.status for o in outcomes].count("unchanged") == stored
        after_rerun = _snapshot(wh)
    with Warehouse(tmp_path / "clean.duckdb") as clean:
        clean.store_many(docs)
        assert _snapshot(clean) == after_rerun
