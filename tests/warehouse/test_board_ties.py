"""The same claims give the same boards however they were loaded.

A board breaks ties (which of two comparable groups tied on models and claims a claim with an unstated metric or
unit joins, and so which group is the default and in what order the others come) by claim id, which does not
depend on how a load was cut into batches or calls. It used to be the claims' physical order: each batch is
stored in benchmark, then model order, so the same documents stored with another ``batch_docs``, or in two
``store_many`` calls instead of one, gave other boards.
"""

from __future__ import annotations

from pathlib import Path

from schemas import Extraction
from tests.warehouse.test_boards_precomputed import _doc, _hard_cases, _synthetic, assert_same_answers
from warehouse import Warehouse, ranking

BOARD_TABLES = ("board_groups", "board_group_map", "board_rows", "board_pages", "board_comparisons", "board_names")


def _ties() -> list[Extraction]:
    """Two full groups of ``TieBench`` tied on one model and one claim each, and a claim leaving its metric unstated
    that fits both. By claim id the accuracy group comes first (its claim is in the first document); stored in one
    batch, the f1 claim lies first (its model, Mu-1, got its id before Nu-1 did, and a batch is stored in model
    order)."""
    s = "score"
    return [
        _doc("t1.txt", [(s, "Mu-1", "OtherBench", 50.0, "accuracy", "%", "5-shot", None),
                        (s, "Nu-1", "TieBench", 70.0, "accuracy", "%", "5-shot", None)]),
        _doc("t2.txt", [(s, "Mu-1", "TieBench", 60.0, "f1", "%", "5-shot", None)]),
        _doc("t3.txt", [(s, "Xi-1", "TieBench", 65.0, None, "%", "5-shot", None)]),
    ]


def _answers(wh: Warehouse) -> tuple[list[object], list[object]]:
    """Every leaderboard (both paths) and every beats answer, and the board tables' rows, in a fixed order."""
    benches = sorted(b.name for b in wh.benchmarks())
    pairs = sorted({(m, b) for m, b in wh.con.execute(
        "SELECT model, benchmark FROM claims WHERE benchmark IS NOT NULL AND kind = 'score'").fetchall()})
    answers: list[object] = []
    for bench in benches:
        answers.append(wh.leaderboard(bench, sources_limit=5).model_dump())
        answers.append(ranking.leaderboard(wh.con, wh.reg, bench).model_dump())
    for model, bench in pairs:
        answers.append(wh.beats(model, bench, sources_limit=5).model_dump())
    tables = [wh.con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall() for table in BOARD_TABLES]
    return answers, tables


def _load(path: Path, calls: list[list[Extraction]], batch_docs: int | None, read_between: bool = False,
          both_paths: bool = False) -> tuple[list[object], list[object]]:
    with Warehouse(path) as wh:
        for docs in calls:
            wh.store_many(docs, batch_docs=batch_docs)
            if read_between:  # the boards are built after each call, then rebuilt for what the next one changed
                wh.leaderboard("TieBench", sources_limit=5)
        if both_paths:  # every board and beats question, every filter and sources limit, answered alike by both paths
            assert assert_same_answers(wh) > 100
        return _answers(wh)


def test_the_default_group_of_tied_groups_is_the_first_claimed(tmp_path: Path) -> None:
    docs = _ties()
    for i, batch_docs in enumerate((1, len(docs))):
        with Warehouse(tmp_path / f"{i}.duckdb") as wh:
            wh.store_many(docs, batch_docs=batch_docs)
            board = wh.leaderboard("TieBench", sources_limit=5)
            assert (board.metric, [r.model for r in board.rows]) == ("accuracy", ["Nu-1", "Xi-1"]), batch_docs
            assert board.other_settings == ["f1, %, 5-shot"]
            assert ranking.leaderboard(wh.con, wh.reg, "TieBench").model_dump() == \
                wh.leaderboard("TieBench", sources_limit=None).model_dump()


def test_boards_do_not_depend_on_how_a_load_was_batched(tmp_path: Path) -> None:
    docs = _ties() + _hard_cases() + _synthetic(600)
    expected = _load(tmp_path / "one.duckdb", [docs], len(docs), both_paths=True)
    half = len(docs) // 2
    loads = {
        "a batch per document": ([docs], 1),  # (the first load is checked on both paths above, this one below)
        "batches of 7 documents": ([docs], 7),
        "batches of 50 documents": ([docs], 50),
        "the default batches": ([docs], None),
        "two calls": ([docs[:half], docs[half:]], None),
        "three calls of 20-document batches": ([docs[:3], docs[3:half], docs[half:]], 20),
    }
    for i, (name, (calls, batch_docs)) in enumerate(loads.items()):
        got = _load(tmp_path / f"{i}.duckdb", calls, batch_docs, both_paths=i == 0)
        assert got[0] == expected[0], f"answers of {name}"
        assert got[1] == expected[1], f"board tables of {name}"
    # boards rebuilt after each call (a benchmark's board built, then rebuilt with the next call's claims)
    got = _load(tmp_path / "between.duckdb", [docs[:3], docs[3:half], docs[half:]], 20, read_between=True)
    assert got[0] == expected[0] and got[1] == expected[1]
