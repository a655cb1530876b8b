"""Precomputed boards (warehouse/boards.py) answer exactly as ranking every claim does (warehouse/ranking.py).

Both paths run on the same real DuckDB file: the seeds through the rules extractor, and a small
synthetic warehouse built to hold the hard cases (bare fractions in a 0-100 group, lower-is-better
metrics, conflicts, repeated statements, ties, unnamed subjects, partial metric/unit groups,
families, comparisons on and off the benchmark), then again after review decisions and re-ingests.
"""

from __future__ import annotations

import hashlib
import random
import sys
from pathlib import Path

import pytest

from schemas import ComparisonClaim, Document, Extraction, ScoreClaim
from tests.support.paths import REPO_ROOT
from warehouse import UnknownName, Warehouse, boards, ranking
from warehouse.boards import BOARD_SOURCES

LIMITS = (0, 1, 3, BOARD_SOURCES)


def _old_beats(wh: Warehouse, model: str, bench: str, limit: int) -> object:
    result = ranking.beats(wh.con, wh.reg, model, bench, True)
    for row in result.rows:  # what Warehouse.beats does with the ranking path's answer
        row.evidence_total = len(row.evidence)
        del row.evidence[limit:]
    return result.model_dump()


def _names(wh: Warehouse) -> tuple[list[str], list[tuple[str, str]], list[tuple[str | None, str | None]]]:
    """Benchmarks (and families), (model, benchmark) pairs, and metric/setting filters found in the claims."""
    benches = sorted({b.name for b in wh.benchmarks()} | {e.family for e in wh.reg.entities.values()
                                                          if e.kind == "benchmark" and e.family})
    pairs = sorted({(m, b) for m, b in wh.con.execute(
        "SELECT model, benchmark FROM claims WHERE benchmark IS NOT NULL").fetchall()})
    filters = sorted({(m, s) for m, s in wh.con.execute("SELECT metric, setting FROM claims").fetchall()},
                     key=str)
    return benches, pairs, [(None, None), *filters[:12]]


def assert_same_answers(wh: Warehouse) -> int:
    """Every board and every beats question of ``wh`` answered by both paths; returns how many were compared."""
    assert wh._boards_ready()
    benches, pairs, filters = _names(wh)
    n = 0
    for bench in benches:
        for metric, setting in filters:
            for limit in LIMITS:
                old = ranking.leaderboard(wh.con, wh.reg, bench, metric, setting, None, limit)
                new = wh.leaderboard(bench, metric=metric, setting=setting, sources_limit=limit)
                assert new.model_dump() == old.model_dump(), (bench, metric, setting, limit)
                # the read used for big boards (one JSON array), on every board
                as_json = boards.leaderboard(wh.con, wh.reg, bench, metric, setting, limit, json_above=0)
                assert as_json.model_dump() == old.model_dump(), (bench, metric, setting, limit)
                n += 1
    for model, bench in pairs:
        for limit in (0, 2, BOARD_SOURCES):
            try:
                old = _old_beats(wh, model, bench, limit)
            except UnknownName:
                with pytest.raises(UnknownName):
                    wh.beats(model, bench, sources_limit=limit)
                continue
            assert wh.beats(model, bench, sources_limit=limit).model_dump() == old, (model, bench, limit)
            n += 1
    return n


def test_seed_boards_match_ranking(seed_db: str, writable_copy) -> None:  # type: ignore[no-untyped-def]
    with Warehouse(writable_copy(seed_db)) as wh:
        assert assert_same_answers(wh) > 20
        # a review decision changes the board (rejected claims never count; verified ones mark the row)
        ids = [r[0] for r in wh.con.execute("SELECT id FROM claims WHERE kind = 'score' ORDER BY id").fetchall()]
        wh.set_review_status(ids[0], "rejected")
        wh.set_review_status(ids[len(ids) // 2], "verified")
        assert assert_same_answers(wh) > 20
        wh.undo_review(ids[0])
        assert assert_same_answers(wh) > 20


def _doc(source: str, facts: list[tuple], copy_of: str | None = None) -> Extraction:
    """A document stating ``facts``: (kind, model, benchmark, value, metric, unit, setting, baseline)."""
    lines, claims = [], []
    pos = 0
    for kind, model, bench, value, metric, unit, setting, baseline in facts:
        quote = f"{model} {'beats ' + baseline if kind == 'comparison' else 'gets ' + str(value)} on {bench}"
        common = dict(model=model, benchmark=bench, quote=quote, source=source, section=None, start=pos,
                      end=pos + len(quote), extractor="rules")
        if kind == "score":
            claims.append(ScoreClaim(value=value, unit=unit, metric=metric, setting=setting, **common))
        else:
            claims.append(ComparisonClaim(baseline=baseline, relation="outperforms", **common))
        lines.append(quote)
        pos += len(quote) + 1
    text = "\n".join(lines) + ("" if copy_of is None else "")
    doc = Document(source=source, path=source, text=text, media_type="text/plain",
                   sha256=hashlib.sha256((copy_of or text).encode()).hexdigest())
    return Extraction(document=doc, claims=claims)


def _hard_cases() -> list[Extraction]:
    s = "score"
    return [
        _doc("a.txt", [
            (s, "Alpha-7B", "MMLU", 81.5, "accuracy", "%", "5-shot", None),
            (s, "Beta-7B", "MMLU", 0.79, None, None, "5-shot", None),  # a bare fraction in a 0-100 group
            (s, "Gamma-7B", "MMLU", 79.0, "accuracy", "%", "5-shot", None),  # ties Beta after rescaling
            (s, "Delta-7B", "MMLU", 64.0, None, "%", "5-shot", None),  # partial: metric unstated
            (s, "其他模型", "MMLU", 99.0, "accuracy", "%", "5-shot", None),  # unnamed: no row, no rank
            (s, "Alpha-7B", "MMLU", 70.1, "accuracy", "%", "0-shot", None),
            (s, "Alpha-7B", "LibriSpeech", 2.1, "WER", "%", None, None),  # lower is better
            (s, "Beta-7B", "LibriSpeech", 0.9, "WER", None, None, None),
            (s, "Gamma-7B", "LibriSpeech", 3.4, "WER", "%", None, None),
            (s, "Alpha-7B", "AIME 2024", 40.0, "accuracy", "%", "pass@1", None),
            (s, "Beta-7B", "AIME 2025", 33.3, "accuracy", "%", "pass@1", None),
            ("comparison", "Gamma-7B", "MMLU", None, None, None, None, "Alpha-7B"),
            ("comparison", "Delta-7B", None, None, None, None, None, "Alpha-7B"),
        ]),
        _doc("b.txt", [
            (s, "Alpha-7B", "MMLU", 81.5, "accuracy", "%", "5-shot", None),  # repeated: support 2
            (s, "Alpha-7B", "MMLU", 82.0, "accuracy", "%", "5-shot", None),  # conflict
            (s, "Gamma-7B", "MMLU", 81.5, "accuracy", "%", "5 shot", None),  # ties Alpha's other statement
            (s, "Beta-7B", "LibriSpeech", 0.9, "WER", None, None, None),
            (s, "Epsilon", "MMLU", 0.5, None, None, None, None),  # partial, no setting: a group of its own
        ]),
        # the same text stored under another name: one piece of support, not two
        _doc("b-copy.txt", [(s, "Alpha-7B", "MMLU", 81.5, "accuracy", "%", "5-shot", None)], copy_of="b"),
    ]


def _synthetic(n: int) -> list[Extraction]:
    sys.path.insert(0, str(REPO_ROOT))
    from benchmarks.warehouse import generate

    docs = generate(n, seed=3)
    # validated copies (the generator builds claims with model_construct)
    return [Extraction.model_validate(ex.model_dump()) for ex in docs]


def test_synthetic_boards_match_ranking(tmp_path: Path) -> None:
    docs = _hard_cases() + _synthetic(1200)
    with Warehouse(tmp_path / "w.duckdb") as wh:
        run = wh.start_run("synthetic")
        wh.store_many(docs, run)
        assert assert_same_answers(wh) > 100
        # review decisions
        rng = random.Random(5)
        ids = [r[0] for r in wh.con.execute("SELECT id FROM claims ORDER BY id").fetchall()]
        for cid in rng.sample(ids, 40):
            wh.set_review_status(cid, rng.choice(["rejected", "verified"]))
        assert assert_same_answers(wh) > 100
        # a re-ingest: a document edited (one claim changed, one dropped) and another added
        first = docs[0]
        claims = list(first.claims)
        claims[0] = claims[0].model_copy(update={"value": 97.0})
        edited = first.model_copy(update={
            "claims": claims[:-1],
            "document": first.document.model_copy(update={"sha256": "0" * 64})})
        outcomes = wh.store_many([edited, _doc("c.txt", [("score", "Zeta-1B", "MMLU", 90.0, "accuracy", "%",
                                                          "5-shot", None)])], run)
        assert [o.status for o in outcomes] == ["replaced", "added"]
        assert assert_same_answers(wh) > 100


def test_boards_survive_reopen_and_read_only(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with Warehouse(path) as wh:
        wh.store_many(_hard_cases())
        expected = wh.leaderboard("MMLU", sources_limit=5).model_dump()
        assert wh.con.execute("SELECT count(*) FROM board_rows").fetchone()[0] > 0
    with Warehouse(path, read_only=True) as ro:
        assert ro._boards_ready()
        assert ro.leaderboard("MMLU", sources_limit=5).model_dump() == expected
    # claims written after the last board build: a read-only reader answers from the claims instead
    with Warehouse(path) as wh:
        wh.store_many([_doc("d.txt", [("score", "Eta-2B", "MMLU", 95.0, "accuracy", "%", "5-shot", None)])])
    with Warehouse(path, read_only=True) as ro:
        assert not ro._boards_ready()
        board = ro.leaderboard("MMLU", sources_limit=5)
        assert board.rows[0].model == "Eta-2B"
    with Warehouse(path) as wh:
        board = wh.leaderboard("MMLU", sources_limit=5)
        assert board.rows[0].model == "Eta-2B" and wh._boards_ready()
