"""Bad and unusual inputs end to end through the CLI: every refused file is named on stderr
with its reason, the rest are processed, the exit status is 1, and no traceback is shown.
Legacy encodings give exactly the claims of the UTF-8 original."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from api.cli import app
from tests.support.paths import SEEDS_DIR

SMALL_SEED = SEEDS_DIR / "004_2075edd4e1164766.txt"
MAX_BYTES = 60_000  # over-size: the 233 kB seed; the others stay under it

TRADITIONAL = "# ZetaNet 模型卡\n\nZetaNet 在 AIME 2024 上的準確率為 91.5%，優於 GPT-4o。\n"
SIMPLIFIED = "# EtaNet 模型卡\n\nEtaNet 在 AIME 2024 上的准确率为 77.5%，优于 GPT-4o。\n"
HTML = ("<!doctype html><html><head><title>t</title><script>var x = '99.9% on AIME 2024';</script></head>"
        "<body><h2>Results</h2><p>ThetaNet reaches 66.5% accuracy on AIME 2024.</p></body></html>")

# file name -> the words its refusal must contain
REFUSED = {
    "blob.txt": "binary",
    "empty.md": "empty file",
    "huge.txt": "too large",
    "spaces.md": "no text",
    "controls.txt": "binary",
    "blank.html": "no text",
    "notes.pdf": "cannot read PDF",
}
ACCEPTED = {"utf8.txt", "utf16.txt", "gbk-seed.txt", "gbk.md", "big5.md", "bom.md", "page.html"}


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """One folder of good files and every kind of bad file a real-world folder holds."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    seed_text = SMALL_SEED.read_text(encoding="utf-8")
    (folder / "utf8.txt").write_bytes(SMALL_SEED.read_bytes())
    (folder / "utf16.txt").write_bytes(seed_text.encode("utf-16"))
    (folder / "gbk-seed.txt").write_bytes(seed_text.encode("gb18030"))
    (folder / "gbk.md").write_bytes(SIMPLIFIED.encode("gbk"))
    (folder / "big5.md").write_bytes(TRADITIONAL.encode("big5"))
    (folder / "bom.md").write_bytes(SIMPLIFIED.encode("utf-8-sig"))
    (folder / "page.html").write_text(HTML, encoding="utf-8")
    (folder / "blob.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "empty.md").write_bytes(b"")
    shutil.copy(SEEDS_DIR / "001_d8792ccbc53f4153.txt", folder / "huge.txt")
    (folder / "spaces.md").write_text("   \n\t\n  ", encoding="utf-8")
    (folder / "controls.txt").write_bytes(b"\x01\x02\x03\x04\x05\x06\x07\x08" * 200)
    (folder / "blank.html").write_text("<html><body><script>1</script></body></html>", encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4 not ours")  # a damaged PDF: refused by name
    (folder / "notes.docx").write_bytes(b"PK\x03\x04 not ours")  # unsupported suffix: not even looked at
    (folder / ".hidden.txt").write_text("AlphaNet reaches 1% on AIME 2024.", encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")  # a FIFO must never hang the run
    (folder / "dangling.md").symlink_to(folder / "gone.md")
    return folder


def _refusals(stderr: str) -> dict[str, str]:
    out = {}
    for line in stderr.splitlines():
        path, _, reason = line.partition(": ")
        if reason and Path(path).name in REFUSED:
            out[Path(path).name] = reason
    return out


def _check_refusals(stderr: str) -> None:
    assert "Traceback" not in stderr
    refused = _refusals(stderr)
    assert set(refused) == set(REFUSED), stderr
    for name, words in REFUSED.items():
        assert words in refused[name], (name, refused[name])


def test_extract_names_each_refused_file_and_extracts_the_rest(runner: CliRunner, mixed: Path) -> None:
    result = runner.invoke(app, ["extract", str(mixed)], env={"BENCHCLAIMS_MAX_FILE_BYTES": str(MAX_BYTES)})
    assert result.exit_code == 1
    _check_refusals(result.stderr)
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    sources = {c["source"] for c in claims}
    assert sources == ACCEPTED  # every good file gave claims; refused and skipped files gave none
    by_model = {(c["source"], c["model"], c.get("value")) for c in claims if c["kind"] == "score"}
    assert ("big5.md", "ZetaNet", 91.5) in by_model
    assert ("gbk.md", "EtaNet", 77.5) in by_model
    assert ("bom.md", "EtaNet", 77.5) in by_model
    assert ("page.html", "ThetaNet", 66.5) in by_model
    assert not any(c["value"] == 99.9 for c in claims if c["kind"] == "score"), "script text is not content"
    assert ".hidden.txt" not in sources and "notes.pdf" not in sources


def _strip_source(claims: list[dict[str, object]]) -> list[dict[str, object]]:
    return [{k: v for k, v in c.items() if k != "source"} for c in claims]


@pytest.mark.parametrize("codec", ["gb18030", "utf-16", "utf-8-sig"])
@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS_DIR.glob("*.txt")))
def test_legacy_encoded_seed_gives_exactly_the_claims_of_the_original(
        runner: CliRunner, tmp_path: Path, seed: str, codec: str) -> None:
    original = SEEDS_DIR / seed
    copy = tmp_path / f"{codec}-{seed}"
    copy.write_bytes(original.read_text(encoding="utf-8").encode(codec))
    a = runner.invoke(app, ["extract", str(original)])
    b = runner.invoke(app, ["extract", str(copy)])
    assert a.exit_code == b.exit_code == 0, b.stderr
    claims_a = [json.loads(line) for line in a.stdout.splitlines()]
    claims_b = [json.loads(line) for line in b.stdout.splitlines()]
    assert claims_a, "the seed has claims to compare"
    assert _strip_source(claims_b) == _strip_source(claims_a)  # same quotes, offsets, values


def test_ingest_stores_the_good_files_and_reports_the_rest(runner: CliRunner, mixed: Path, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    env = {"BENCHCLAIMS_MAX_FILE_BYTES": str(MAX_BYTES)}
    first = runner.invoke(app, ["ingest", str(mixed), "--db", str(db)], env=env)
    assert first.exit_code == 1
    _check_refusals(first.stderr)
    assert f"{len(ACCEPTED)} file(s) ingested" in first.stderr and f"{len(REFUSED)} failed" in first.stderr
    con = duckdb.connect(str(db), read_only=True)
    try:
        stored = dict(con.execute("SELECT source, encoding FROM documents").fetchall())
        problems = con.execute("SELECT problems FROM runs ORDER BY id DESC LIMIT 1").fetchone()
    finally:
        con.close()
    assert set(stored) == ACCEPTED
    assert stored["gbk-seed.txt"] == "gb18030" and stored["utf16.txt"] == "utf-16" and stored["big5.md"] == "big5"
    assert problems is not None and all(name in str(problems[0]) for name in REFUSED)
    again = runner.invoke(app, ["ingest", str(mixed), "--db", str(db)], env=env)
    assert again.exit_code == 1
    assert f"0 added, {len(ACCEPTED)} unchanged" in again.stderr


def test_special_files_named_directly_are_refused_by_name(runner: CliRunner, mixed: Path, tmp_path: Path) -> None:
    targets = [mixed / "pipe.txt", mixed / "dangling.md", tmp_path / "missing.txt", mixed]
    result = runner.invoke(app, ["extract", *map(str, targets[:3]), str(mixed / "utf8.txt")])
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert "pipe.txt: not a regular file" in result.stderr
    assert "dangling.md: no such file" in result.stderr
    assert "missing.txt: no such file" in result.stderr
    assert result.stdout.strip(), "the good file is still extracted"
