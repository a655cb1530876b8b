"""The ``benchclaims`` command in-process (typer's CliRunner): output, files and exit statuses."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from schemas import parse_claim
from tests.support.paths import SEEDS_DIR, SEEDS_GOLD

SEED = SEEDS_DIR / "001_d8792ccbc53f4153.txt"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def no_traceback(text: str) -> bool:
    return "Traceback" not in text


# ---- extract ---------------------------------------------------------------------------------

def test_extract_writes_jsonl_with_exact_spans(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", str(SEED)])
    assert result.exit_code == 0, result.stderr
    text = SEED.read_text(encoding="utf-8")
    lines = result.stdout.splitlines()
    assert lines
    for line in lines:
        claim = parse_claim(line)
        assert claim.source == SEED.name
        assert text[claim.start:claim.end] == claim.quote


def test_extract_to_file_and_partial_failure_is_exit_1(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["extract", str(SEED), str(tmp_path / "missing.md"), str(empty), "--jsonl", str(out)])
    assert result.exit_code == 1
    assert result.stdout == ""
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2
    assert "missing.md" in errors[0] and "no such file" in errors[0]
    assert "empty.txt" in errors[1] and "empty" in errors[1]
    assert no_traceback(result.stderr)
    assert out.read_text(encoding="utf-8").count("\n") > 0


def test_extract_to_an_unwritable_file_is_one_clear_line(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(SEED), "--jsonl", str(tmp_path / "no-such-dir" / "out.jsonl")])
    assert result.exit_code == 1
    assert "out.jsonl" in result.stderr and no_traceback(result.stderr)


def test_extract_usage_errors_are_exit_2(runner: CliRunner) -> None:
    assert runner.invoke(app, ["extract"]).exit_code == 2
    bad = runner.invoke(app, ["extract", str(SEED), "--backend", "magic"])
    assert bad.exit_code == 2
    assert no_traceback(bad.stderr)


# ---- ingest ----------------------------------------------------------------------------------

def test_ingest_is_idempotent_and_reports_failures(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    first = runner.invoke(app, ["ingest", str(SEEDS_DIR), "--db", str(db)])
    assert first.exit_code == 0, first.stderr
    assert "5 added" in first.stderr
    second = runner.invoke(app, ["ingest", str(SEEDS_DIR), "--db", str(db)])
    assert second.exit_code == 0
    assert "0 added, 5 unchanged" in second.stderr
    assert "(0 claims stored)" in second.stderr
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01\x02binary")
    third = runner.invoke(app, ["ingest", str(broken), str(SEED), "--db", str(db)])
    assert third.exit_code == 1
    assert "broken.txt" in third.stderr and "1 failed" in third.stderr
    assert no_traceback(third.stderr)


def test_ingest_default_db_comes_from_the_environment(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "sub" / "env.duckdb"
    result = runner.invoke(app, ["ingest", str(SEED)], env={"BENCHCLAIMS_DB": str(db)})
    assert result.exit_code == 0, result.stderr
    assert db.exists()


def test_ingest_usage_errors(runner: CliRunner, tmp_path: Path) -> None:
    db = str(tmp_path / "w.duckdb")
    address_alone = runner.invoke(app, ["ingest", str(SEED), "--db", db, "--address", "ray://head:10001"])
    assert address_alone.exit_code == 2 and "--engine ray" in address_alone.stderr
    assert runner.invoke(app, ["ingest", str(SEED), "--db", db, "--engine", "spark"]).exit_code == 2
    empty = tmp_path / "empty-folder"
    empty.mkdir()
    nothing = runner.invoke(app, ["ingest", str(empty), "--db", db])
    assert nothing.exit_code == 1 and "no .txt, .md, .html or .pdf files" in nothing.stderr


# ---- queries ---------------------------------------------------------------------------------

def test_leaderboard_formats(runner: CliRunner, handmade_db: str) -> None:
    table = runner.invoke(app, ["leaderboard", "AIME 2024", "--db", handmade_db], env={"COLUMNS": "160"})
    assert table.exit_code == 0, table.stderr
    assert table.stdout.index("AlphaNet") < table.stdout.index("BetaLM") < table.stdout.index("GammaCoder")
    assert "81.5%" in table.stdout
    assert "AlphaNet reaches 81.5% accuracy on AIME 2024" in table.stdout

    as_json = runner.invoke(app, ["leaderboard", "AIME'24", "--db", handmade_db, "--format", "json"])
    board = json.loads(as_json.stdout)
    assert [r["model"] for r in board["rows"]] == ["AlphaNet", "BetaLM", "GammaCoder"]

    as_csv = runner.invoke(app, ["leaderboard", "AIME 2024", "--db", handmade_db, "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert rows[0]["model"] == "AlphaNet" and rows[0]["value"] == "81.5" and rows[0]["rank"] == "1"
    assert rows[0]["quote"] == "AlphaNet reaches 81.5% accuracy on AIME 2024"


def test_narrow_terminal_lists_quotes_under_the_table(runner: CliRunner, handmade_db: str) -> None:
    result = runner.invoke(app, ["leaderboard", "AIME 2024", "--db", handmade_db], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    assert "[1] AlphaNet: AlphaNet reaches 81.5% accuracy on AIME 2024" in result.stdout


def test_unknown_benchmark_is_exit_3_with_suggestions(runner: CliRunner, handmade_db: str) -> None:
    result = runner.invoke(app, ["leaderboard", "AIME 202", "--db", handmade_db])
    assert result.exit_code == 3
    assert "unknown benchmark" in result.stderr and "AIME 2024" in result.stderr
    assert result.stdout == ""


def test_query_without_a_warehouse_is_a_clear_exit_1(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nope.duckdb"
    result = runner.invoke(app, ["leaderboard", "AIME 2024", "--db", str(missing)])
    assert result.exit_code == 1
    assert str(missing) in result.stderr and "benchclaims ingest" in result.stderr
    assert no_traceback(result.stderr)
    assert not missing.exists(), "a query never creates a warehouse"


def test_beats(runner: CliRunner, handmade_db: str) -> None:
    result = runner.invoke(app, ["beats", "GammaCoder", "--benchmark", "AIME 2024", "--db", handmade_db,
                                 "--format", "json"])
    assert result.exit_code == 0, result.stderr
    rows = {r["model"]: r for r in json.loads(result.stdout)["rows"]}
    assert set(rows) == {"AlphaNet", "BetaLM"}
    assert "AlphaNet outperforms GammaCoder on AIME 2024" in {e["quote"] for e in rows["AlphaNet"]["evidence"]}
    table = runner.invoke(app, ["beats", "GammaCoder", "--benchmark", "AIME 2024", "--db", handmade_db],
                          env={"COLUMNS": "160"})
    assert "AlphaNet reaches 81.5% accuracy on AIME 2024" in table.stdout
    nobody = runner.invoke(app, ["beats", "AlphaNet", "--benchmark", "AIME 2024", "--db", handmade_db])
    assert nobody.exit_code == 0 and "no model is recorded as beating AlphaNet" in nobody.stdout
    unknown = runner.invoke(app, ["beats", "NoSuchModel", "--benchmark", "AIME 2024", "--db", handmade_db])
    assert unknown.exit_code == 3 and "unknown model" in unknown.stderr
    assert runner.invoke(app, ["beats", "AlphaNet", "--db", handmade_db]).exit_code == 2


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
def test_export(runner: CliRunner, handmade_db: str, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"all.{fmt}"
    result = runner.invoke(app, ["export", "--db", handmade_db, "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    data = out.read_bytes()
    if fmt == "parquet":
        assert data[:4] == b"PAR1"
    else:
        assert b"AlphaNet" in data and b"BetaLM" in data
    board = tmp_path / f"aime.{fmt}"
    one = runner.invoke(app, ["export", "--db", handmade_db, "--format", fmt, "--out", str(board),
                              "--benchmark", "AIME 2024"])
    assert one.exit_code == 0 and board.exists()


def test_export_to_an_unwritable_place_is_one_clear_line(runner: CliRunner, handmade_db: str, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = runner.invoke(app, ["export", "--db", handmade_db, "--format", "csv", "--out", str(blocker / "x.csv")])
    assert result.exit_code != 0
    assert no_traceback(result.stderr) and result.stderr.strip()


# ---- eval ------------------------------------------------------------------------------------

def test_eval_prints_precision_recall_f1(runner: CliRunner, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({
        "kind": "score", "model": "o3", "benchmark": "AIME 2024", "value": 97, "source": SEED.name,
        "quote": "o3 的准确率为 97%"}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold), str(SEED), "--misses", "3"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines[:3]] == ["score", "comparison", "all"]
    assert "precision" in lines[0] and "recall" in lines[0] and "F1" in lines[0]
    assert any(line.startswith(("MISS", "FP")) for line in lines[3:])


def test_eval_says_how_often_a_matched_comparison_has_the_gold_relation(runner: CliRunner, tmp_path: Path) -> None:
    doc = tmp_path / "doc.md"
    doc.write_text("Sable-8B does not beat GPT-4o on MMLU. Sable-8B beats Llama-3.1-8B on GSM8K.\n", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    common = {"kind": "comparison", "model": "Sable-8B", "source": "doc.md", "quote": "Sable-8B"}
    gold.write_text(json.dumps({**common, "baseline": "GPT-4o", "benchmark": "MMLU", "relation": "underperforms"})
                    + "\n" + json.dumps({**common, "baseline": "Llama-3.1-8B", "benchmark": "GSM8K",
                                          "relation": "underperforms"}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold), str(doc), "--misses", "5"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "relation    agrees on 1 of 2 matched comparisons (0.500)" in lines
    assert [line.split()[:5] for line in lines if line.startswith("REL")] == [
        ["REL", "doc.md", "Sable-8B", "outperforms", "Llama-3.1-8B,"]]
    plain = runner.invoke(app, ["eval", str(gold), str(doc)]).stdout.splitlines()
    assert [line.split()[0] for line in plain] == ["score", "comparison", "all"]


@pytest.mark.skipif(not SEEDS_GOLD.exists(), reason="shared/gold/seeds.jsonl is not beside the checkout")
def test_eval_on_the_seed_gold_set(runner: CliRunner) -> None:
    result = runner.invoke(app, ["eval", str(SEEDS_GOLD), str(SEEDS_DIR)])
    assert result.exit_code == 0
    assert "gold 290" in result.stdout.splitlines()[-1]


def test_eval_bad_gold_file(runner: CliRunner, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"kind": "score"}\nnot json\n', encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold), str(SEED)])
    assert result.exit_code == 1
    assert "gold.jsonl:2" in result.stderr and no_traceback(result.stderr)


# ---- serve -----------------------------------------------------------------------------------

def test_serve_reports_an_unopenable_warehouse(runner: CliRunner, tmp_path: Path,
                                               writable_copy: Callable[[str], str]) -> None:
    bad = tmp_path / "not-a-db.duckdb"
    bad.write_bytes(b"this is not a duckdb file at all" * 100)
    result = runner.invoke(app, ["serve", "--db", str(bad), "--port", "0"])
    assert result.exit_code == 1
    assert str(bad) in result.stderr and no_traceback(result.stderr)


def test_help_lists_every_command(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("extract", "ingest", "leaderboard", "beats", "export", "serve", "eval"):
        assert command in result.stdout
