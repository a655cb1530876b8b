"""Warehouse behaviour against a real DuckDB file in tmp_path."""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from schemas import ComparisonClaim, Document, Extraction, ScoreClaim
from warehouse import CLAIM_EXPORT_COLUMNS, LEADERBOARD_EXPORT_COLUMNS, UnknownName, Warehouse


def make_doc(source: str, statements: list[dict[str, Any]], salt: str = "") -> Extraction:
    """A document whose text is the quotes, one per line, with claims pointing at them."""
    text = "\n".join(s["quote"] for s in statements) + salt
    claims: list[ScoreClaim | ComparisonClaim] = []
    pos = 0
    for s in statements:
        start = text.index(s["quote"], pos)
        pos = start + len(s["quote"])
        fields = {**s, "source": source, "start": start, "end": start + len(s["quote"]), "section": "Results"}
        claims.append(ComparisonClaim(**fields) if fields.get("kind") == "comparison" else ScoreClaim(**fields))
    doc = Document(source=source, path=f"/data/{source}", text=text,
                   sha256=hashlib.sha256(text.encode()).hexdigest())
    return Extraction(document=doc, claims=claims)


def score(model: str, benchmark: str, value: float, quote: str | None = None, **kw: Any) -> dict[str, Any]:
    return {"kind": "score", "model": model, "benchmark": benchmark, "value": value, "unit": kw.pop("unit", "%"),
            "metric": kw.pop("metric", "accuracy"),
            "quote": quote or f"{model} scores {value}% on {benchmark} {kw.get('setting') or ''}".strip(), **kw}


def beats_claim(model: str, baseline: str, benchmark: str | None, relation: str = "outperforms",
                delta: float | None = None) -> dict[str, Any]:
    return {"kind": "comparison", "model": model, "baseline": baseline, "benchmark": benchmark,
            "relation": relation, "delta": delta, "quote": f"{model} {relation} {baseline} on {benchmark}"}


@pytest.fixture()
def wh(tmp_path: Path) -> Iterator[Warehouse]:
    w = Warehouse(tmp_path / "sub" / "w.duckdb")
    yield w
    w.close()


AIME_DOC = [
    score("OpenAI o1", "AIME 2024", 79.2),
    score("DeepSeek-R1", "AIME'24", 79.8, setting="pass@1"),
    score("DeepSeek-R1", "AIME 2024", 86.7, setting="maj@64"),
    score("GPT-4o", "AIME 2024", 9.3),
    score("GPT-4o", "AIME", 12.0, metric="solve rate"),
    score("o1", "AIME", 74.0, metric="solve rate"),
    score("o3-mini", "AIME 2025", 86.5),
    score("GPT-4o", "AIME 2025", 6.0),
    beats_claim("o1", "GPT-4o", "AIME"),
    beats_claim("Claude 3.5 Sonnet", "o1", "AIME 2024", relation="underperforms"),
]


def test_round_trip_and_stats(wh: Warehouse) -> None:
    run = wh.start_run("rules", {"files": 1})
    out = wh.store(make_doc("a.txt", AIME_DOC), run)
    wh.finish_run(run, files_ok=1, files_failed=0, problems=[], stats={"claims": out.claims})
    assert out.status == "added" and out.claims == len(AIME_DOC)
    page = wh.claims(limit=100)
    assert page.total == len(AIME_DOC)
    first = page.items[0]
    assert (first.model, first.benchmark, first.value, first.source) == ("OpenAI o1", "AIME 2024", 79.2, "a.txt")
    text = make_doc("a.txt", AIME_DOC).document.text
    assert text[first.start:first.end] == first.quote
    assert wh.get_claim(first.id) == first
    st = wh.stats()
    assert st["documents"] == 1 and st["claims"] == len(AIME_DOC) and st["runs"] == 1


def test_store_is_idempotent_and_replaces_changed_documents(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with Warehouse(path) as wh:
        assert wh.store(make_doc("a.txt", AIME_DOC)).status == "added"
        assert wh.store(make_doc("a.txt", AIME_DOC)).status == "unchanged"
    with Warehouse(path) as wh:  # reopened: still unchanged, nothing added
        again = wh.store(make_doc("a.txt", AIME_DOC))
        assert (again.status, again.claims) == ("unchanged", len(AIME_DOC))
        assert wh.stats()["claims"] == len(AIME_DOC)
        changed = wh.store(make_doc("a.txt", AIME_DOC[:2], salt="\nedited"))
        assert (changed.status, changed.claims) == ("replaced", 2)
        assert wh.stats() | {"runs": 0} == {"documents": 1, "claims": 2, "models": wh.stats()["models"],
                                             "benchmarks": wh.stats()["benchmarks"], "runs": 0}
        assert {c.model for c in wh.claims().items} == {"OpenAI o1", "DeepSeek-R1"}


def test_failed_document_leaves_nothing_half_written(wh: Warehouse) -> None:
    good = make_doc("a.txt", AIME_DOC)
    bad = make_doc("b.txt", AIME_DOC[:3])
    bad.claims[1].start = None  # type: ignore[assignment]  # a broken claim fails inside the transaction
    with pytest.raises(duckdb.Error):
        wh.store(bad)
    assert wh.stats()["documents"] == 0 and wh.stats()["claims"] == 0
    assert wh.store(good).status == "added"
    # the crashed document is simply stored on the re-run
    assert wh.store(make_doc("b.txt", AIME_DOC[:3])).status == "added"
    assert wh.stats()["claims"] == len(AIME_DOC) + 3


def test_aliases_give_the_same_answers(wh: Warehouse) -> None:
    wh.store(make_doc("a.txt", AIME_DOC))
    boards = [wh.leaderboard(name) for name in ("AIME 2024", "AIME'24", "aime 2024", "AIME24")]
    assert all(b == boards[0] for b in boards)
    assert boards[0].benchmark == "AIME 2024"
    assert wh.beats("OpenAI o1", "AIME") == wh.beats("o1", "aime")
    assert wh.claims(model="openai o1").total == wh.claims(model="o1").total >= 3
    names = {m.name for m in wh.models()}
    assert "o1" in names and "OpenAI o1" not in names


def test_family_answers_per_member(wh: Warehouse) -> None:
    wh.store(make_doc("a.txt", AIME_DOC))
    board = wh.leaderboard("AIME")
    assert set(board.members) == {"AIME", "AIME 2024", "AIME 2025"}
    by_member: dict[str | None, list[str]] = {}
    for row in board.rows:
        by_member.setdefault(row.benchmark, []).append(row.model)
    assert by_member["AIME 2025"] == ["o3-mini", "GPT-4o"]
    assert by_member["AIME 2024"][0] == "DeepSeek-R1"
    assert [r.rank for r in board.rows if r.benchmark == "AIME 2025"] == [1, 2]
    # naming a member answers for it alone
    assert {r.benchmark for r in wh.leaderboard("AIME 2025").rows} == {"AIME 2025"}


def test_settings_are_not_mixed(wh: Warehouse) -> None:
    wh.store(make_doc("a.txt", AIME_DOC))
    board = wh.leaderboard("AIME 2024")
    r1 = next(r for r in board.rows if r.model == "DeepSeek-R1")
    assert r1.value == 79.8  # the maj@64 86.7 is another setting, not "best"
    assert board.setting is None and any("maj@64" in s for s in board.other_settings)
    maj = wh.leaderboard("AIME 2024", setting="maj@64")
    assert [(r.model, r.value, r.setting) for r in maj.rows] == [("DeepSeek-R1", 86.7, "maj@64")]
    assert wh.leaderboard("AIME 2024", setting="cons@64").rows == maj.rows


def test_default_group_is_the_one_with_most_models(wh: Warehouse) -> None:
    wh.store(make_doc("a.txt", [
        score("A", "MMLU", 70.0, setting="5-shot"), score("B", "MMLU", 71.0, setting="five-shot"),
        score("C", "MMLU", 90.0, setting="0-shot CoT"),
    ]))
    board = wh.leaderboard("MMLU")
    assert board.setting == "5-shot" and [r.model for r in board.rows] == ["B", "A"]
    assert board.other_settings == ["accuracy, %, 0-shot cot"]


def test_lower_is_better_metrics_rank_ascending(wh: Warehouse) -> None:
    wh.store(make_doc("a.txt", [
        score("GAN-X", "ImageNet 256", 3.5, metric="FID", unit="score"),
        score("DiT", "ImageNet 256", 2.27, metric="FID", unit="score"),
        score("VQGAN", "ImageNet 256", 15.8, metric="FID", unit="score"),
    ]))
    board = wh.leaderboard("ImageNet 256")
    assert not board.higher_is_better
    assert [r.model for r in board.rows] == ["DiT", "GAN-X", "VQGAN"]
    result = wh.beats("GAN-X", "ImageNet 256")
    assert [(r.model, r.margin) for r in result.rows] == [("DiT", pytest.approx(1.23))]


def test_conflicts_and_repeats(wh: Warehouse) -> None:
    wh.store(make_doc("a.txt", [score("M", "GSM8K", 90.0, quote="M reaches 90.0% on GSM8K (title)"),
                                score("M", "GSM8K", 90.0, quote="M reaches 90.0% on GSM8K (body)"),
                                score("N", "GSM8K", 80.0)]))
    wh.store(make_doc("b.txt", [score("M", "GSM8K", 92.5, quote="M gets 92.5% on GSM8K")]))
    board = wh.leaderboard("GSM8K")
    m = board.rows[0]
    # support counts distinct documents (contents): a.txt saying it twice is one source of support
    assert (m.model, m.value, m.support, m.conflict, m.values) == ("M", 92.5, 2, True, [90.0, 92.5])
    assert {s.source for s in m.sources} == {"a.txt", "b.txt"} and m.sources[0].value == 92.5
    n = board.rows[1]
    assert (n.rank, n.support, n.conflict) == (2, 1, False)
    assert len(board.rows) == 2  # repeats never double-rank


def test_repeats_alone_are_not_a_conflict(wh: Warehouse) -> None:
    wh.store(make_doc("a.txt", [score("M", "GSM8K", 90.0, quote="M 90% (title)"),
                                score("M", "GSM8K", 90.0, quote="M 90% (body)")]))
    row = wh.leaderboard("GSM8K").rows[0]
    assert (row.support, row.conflict, len(row.sources)) == (1, False, 2)  # one document, both quotes kept


def test_beats_uses_scores_and_comparisons_with_evidence(wh: Warehouse) -> None:
    wh.store(make_doc("a.txt", AIME_DOC))
    result = wh.beats("GPT-4o", "AIME")
    got = {(r.model, r.benchmark, r.how) for r in result.rows}
    assert ("o1", "AIME", "both") in got
    assert ("o1", "AIME 2024", "score") in got and ("DeepSeek-R1", "AIME 2024", "score") in got
    assert ("o3-mini", "AIME 2025", "score") in got
    o1 = next(r for r in result.rows if r.model == "o1" and r.benchmark == "AIME")
    assert (o1.value, o1.baseline_value, o1.margin) == (74.0, 12.0, 62.0)
    assert {e.claim_id for e in o1.evidence} and all(e.quote for e in o1.evidence)
    # "Claude underperforms o1" means o1 beats Claude, not the reverse
    assert [r.model for r in wh.beats("Claude 3.5 Sonnet", "AIME 2024").rows] == ["o1"]
    assert wh.beats("DeepSeek-R1", "AIME 2024").rows == []


def test_rejected_claims_never_count(wh: Warehouse) -> None:
    wh.store(make_doc("a.txt", AIME_DOC))
    board = wh.leaderboard("AIME 2024")
    top = board.rows[0]
    claim_id = top.sources[0].claim_id
    assert claim_id is not None
    assert wh.set_review_status(claim_id, "rejected").review_status == "rejected"
    assert wh.leaderboard("AIME 2024").rows[0].model != top.model
    assert wh.claims(review_status="rejected").total == 1
    wh.set_review_status(claim_id, "verified")
    again = wh.leaderboard("AIME 2024").rows[0]
    assert (again.model, again.review_status) == (top.model, "verified")
    with pytest.raises(ValueError, match="review status"):
        wh.set_review_status(claim_id, "approved")
    with pytest.raises(UnknownName):
        wh.set_review_status(10_000, "verified")


def test_unknown_names_suggest_close_matches(wh: Warehouse) -> None:
    wh.store(make_doc("a.txt", AIME_DOC))
    with pytest.raises(UnknownName) as exc:
        wh.leaderboard("AIMEE 2024")
    assert exc.value.kind == "benchmark" and "AIME 2024" in exc.value.suggestions
    with pytest.raises(UnknownName) as exc2:
        wh.beats("DeepSeek R2", "AIME")
    assert exc2.value.kind == "model" and "DeepSeek-R1" in exc2.value.suggestions
    with pytest.raises(UnknownName) as exc3:
        wh.get_claim(999)
    assert exc3.value.kind == "claim"


@pytest.mark.parametrize("evil", [
    "'; DROP TABLE claims; --", "x' OR '1'='1", "Robert'); DELETE FROM documents; --", "%", "_",
])
def test_injection_strings_as_names_are_harmless(wh: Warehouse, evil: str) -> None:
    wh.store(make_doc("a.txt", [*AIME_DOC, score(evil, evil, 1.0, quote=f"{evil} got 1.0")]))
    assert wh.leaderboard(evil).rows[0].model == evil
    with pytest.raises(UnknownName):
        wh.leaderboard(evil + "zzzz")
    assert wh.claims(model=evil).total == 1
    assert wh.claims(source=evil).total == 0
    assert wh.stats()["claims"] == len(AIME_DOC) + 1


def test_exports_read_back(wh: Warehouse, tmp_path: Path) -> None:
    wh.store(make_doc("a.txt", AIME_DOC))
    csv_path = wh.export("csv", tmp_path / "out" / "claims.csv")
    with csv_path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == CLAIM_EXPORT_COLUMNS and len(rows) == len(AIME_DOC)
    assert rows[0]["model"] == "OpenAI o1" and rows[0]["model_canonical"] == "o1"
    pq = wh.export("parquet", tmp_path / "claims.parquet")
    assert duckdb.execute("SELECT count(*) FROM read_parquet(?)", [str(pq)]).fetchall() == [(len(AIME_DOC),)]
    board_json = wh.export("json", tmp_path / "aime.json", benchmark="AIME'24")
    data = json.loads(board_json.read_text(encoding="utf-8"))
    assert tuple(data[0]) == LEADERBOARD_EXPORT_COLUMNS
    assert data[0]["model"] == "DeepSeek-R1" and data[0]["sources"][0]["source"] == "a.txt"
    board_csv = wh.export("csv", tmp_path / "aime.csv", benchmark="AIME 2024")
    with board_csv.open(encoding="utf-8") as fh:
        board_rows = list(csv.DictReader(fh))
    assert [r["model"] for r in board_rows] == [r.model for r in wh.leaderboard("AIME 2024").rows]
    board_pq = wh.export("parquet", tmp_path / "aime.parquet", benchmark="AIME 2024")
    assert duckdb.execute("SELECT model FROM read_parquet(?) LIMIT 1", [str(board_pq)]).fetchall() == [("DeepSeek-R1",)]


def test_claims_filters_and_pages(wh: Warehouse) -> None:
    wh.store(make_doc("a.txt", AIME_DOC))
    wh.store(make_doc("b.txt", [score("Z", "MMLU", 50.0)]))
    assert wh.claims(kind="comparison").total == 2
    assert wh.claims(benchmark="AIME").total == len(AIME_DOC)  # family: every member
    assert wh.claims(source="b.txt").items[0].model == "Z"
    page = wh.claims(sort="-value", limit=2, offset=1)  # -field: descending
    assert page.total == len(AIME_DOC) + 1 and len(page.items) == 2 and [c.value for c in page.items] == [86.5, 79.8]
    assert [c.value for c in wh.claims(sort="value", limit=2).items] == sorted(
        c.value for c in wh.claims(sort="value", limit=2).items)  # field: ascending
    with pytest.raises(ValueError):
        wh.claims(sort="value; DROP TABLE claims")


def test_llm_cache_and_read_only(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with Warehouse(path) as wh:
        assert wh.cache_get("k") is None
        wh.cache_put("k", "v1")
        wh.cache_put("k", "v2")
        wh.store(make_doc("a.txt", AIME_DOC))
    with Warehouse(path, read_only=True) as ro:
        assert ro.cache_get("k") == "v2"
        assert ro.leaderboard("AIME 2024").rows
        with pytest.raises(Exception, match="read-only"):
            ro.store(make_doc("b.txt", AIME_DOC))


def test_listings_count_claims_and_show_aliases(wh: Warehouse) -> None:
    assert wh.benchmarks() == [] and wh.models() == []  # names only declared in entities.toml are not listed
    wh.store(make_doc("a.txt", AIME_DOC))
    benches = {b.name: b for b in wh.benchmarks()}
    assert set(benches) == {"AIME", "AIME 2024", "AIME 2025"}
    assert benches["AIME 2024"].claims == 5 and "AIME'24" in benches["AIME 2024"].aliases
    models = {m.name: m for m in wh.models()}
    assert models["o1"].claims == 4 and "OpenAI o1" in models["o1"].aliases  # subject or baseline
    assert "Claude 3.5 Sonnet" in models
    assert wh.stats() | {"runs": 0} == {"documents": 1, "claims": len(AIME_DOC), "models": 5, "benchmarks": 3,
                                         "runs": 0}


def test_exports_of_an_empty_warehouse_have_headers(wh: Warehouse, tmp_path: Path) -> None:
    out = wh.export("csv", tmp_path / "empty.csv")
    assert out.read_text(encoding="utf-8").splitlines() == [",".join(CLAIM_EXPORT_COLUMNS)]
    assert json.loads(wh.export("json", tmp_path / "empty.json").read_text(encoding="utf-8")) == []
    with pytest.raises(ValueError, match="format"):
        wh.export("xlsx", tmp_path / "x.xlsx")  # type: ignore[arg-type]


def test_one_column_list_describes_the_claims_table(tmp_path: Path) -> None:
    """``sql.CLAIM_COLUMNS`` is the claims table, and a stored claim reads ``sql.STORED_CLAIM_FIELDS`` of it."""
    from schemas import StoredClaim
    from warehouse import sql

    with Warehouse(tmp_path / "w.duckdb") as wh:
        table = [r[0] for r in wh.con.execute("SELECT column_name FROM information_schema.columns "
                                              "WHERE table_name = 'claims' ORDER BY ordinal_position").fetchall()]
    assert sorted(table) == sorted(sql.CLAIM_COLUMNS) and len(set(sql.CLAIM_COLUMNS)) == len(sql.CLAIM_COLUMNS)
    assert set(sql.STORED_CLAIM_FIELDS) <= set(table) and set(sql.STORED_CLAIM_FIELDS) == set(StoredClaim.model_fields)
