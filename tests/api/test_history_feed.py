"""Time: boards as they stood on a day, the best value over time, and the board-event feeds."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from api.cli import app as cli
from extractor.base import get_extractor
from schemas import Document, Settings
from warehouse import Warehouse

DOCS = [
    ("jan.md", dt.date(2025, 1, 10), "Orca-7B 在 AIME 2024 上的准确率为 40.0%。\n"),
    ("mar.md", dt.date(2025, 3, 5), "Lumen-7B 在 AIME 2024 上的准确率为 55.0%。Falcon-7B 在 AIME 2024 上的准确率为 30.0%。\n"),
    ("jun.md", dt.date(2025, 6, 1), "Lumen-8B 在 AIME 2024 上的准确率为 71.0%。\n"),
]


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "w.duckdb")
    with Warehouse(path) as wh:
        for source, day, text in DOCS:
            doc = Document(source=source, path=source, text=text, published=day,
                           sha256=hashlib.sha256(text.encode()).hexdigest())
            wh.store(get_extractor("rules").extract(doc))
    return path


def test_board_as_of_a_day_and_history(db: str) -> None:
    with Warehouse(db, read_only=True) as wh:
        assert [r.model for r in wh.leaderboard("AIME 2024", as_of=dt.date(2025, 2, 1)).rows] == ["Orca-7B"]
        assert [r.model for r in wh.leaderboard("AIME 2024", as_of=dt.date(2025, 4, 1)).rows] == [
            "Lumen-7B", "Orca-7B", "Falcon-7B"]
        assert wh.leaderboard("AIME 2024").rows[0].model == "Lumen-8B"
        steps = wh.history("AIME 2024").steps
    assert [(s.date, s.model, s.value) for s in steps] == [
        (dt.date(2025, 1, 10), "Orca-7B", 40.0), (dt.date(2025, 3, 5), "Lumen-7B", 55.0),
        (dt.date(2025, 6, 1), "Lumen-8B", 71.0)]


def test_feeds_name_the_new_leader_and_the_one_before(db: str) -> None:
    with TestClient(create_app(Settings(db=db))) as client:
        feed = client.get("/api/feed.json", params={"benchmark": "AIME 2024"})
        assert feed.status_code == 200 and feed.headers["content-type"].startswith("application/feed+json")
        items = feed.json()["items"]
        assert feed.json()["version"] == "https://jsonfeed.org/version/1.1"
        assert items[0]["title"] == "AIME 2024: Lumen-8B leads with 71% (was Lumen-7B, 55)"
        assert items[0]["url"].endswith(f"/api/claims/{items[0]['_benchclaims']['claim_id']}")
        kinds = [i["_benchclaims"]["kind"] for i in items]
        assert kinds.count("new_leader") == 3 and kinds.count("new_entry") == 1  # Falcon-7B entered, never led
        atom = client.get("/api/feed.atom", params={"model": "Falcon-7B"})
        assert atom.headers["content-type"].startswith("application/atom+xml")
        entries = ET.fromstring(atom.content).findall("{http://www.w3.org/2005/Atom}entry")
        assert len(entries) == 1 and "Falcon-7B enters" in (entries[0].findtext("{http://www.w3.org/2005/Atom}title") or "")
        history = client.get("/api/history", params={"benchmark": "AIME'24"}).json()
        assert [s["model"] for s in history["steps"]] == ["Orca-7B", "Lumen-7B", "Lumen-8B"]
        old = client.get("/api/leaderboard", params={"benchmark": "AIME 2024", "as_of": "2025-02-01"}).json()
        assert [r["model"] for r in old["rows"]] == ["Orca-7B"]
        assert client.get("/api/leaderboard", params={"benchmark": "AIME 2024", "as_of": "soon"}).status_code in (400, 422)


def test_cli_feed_and_as_of(db: str) -> None:
    runner = CliRunner()
    out = runner.invoke(cli, ["feed", "--db", db, "--format", "json"])
    assert out.exit_code == 0 and json.loads(out.output)[0]["model"] == "Lumen-8B"
    board = runner.invoke(cli, ["leaderboard", "AIME 2024", "--db", db, "--as-of", "2025-02-01", "--format", "csv"])
    assert board.exit_code == 0 and "Orca-7B" in board.output and "Lumen" not in board.output
    assert runner.invoke(cli, ["leaderboard", "AIME 2024", "--db", db, "--as-of", "yesterday"]).exit_code == 2


def test_a_claim_contradicting_a_verified_one_is_an_event(db: str) -> None:
    with Warehouse(db) as wh:
        lumen = next(c for c in wh.claims(model="Lumen-7B", limit=10).items if c.kind == "score")
        wh.set_review_status(lumen.id, "verified")
        text = "另一份报告称 Lumen-7B 在 AIME 2024 上的准确率为 52.0%。\n"
        doc = Document(source="later.md", path="later.md", text=text, published=dt.date(2025, 7, 1),
                       sha256=hashlib.sha256(text.encode()).hexdigest())
        wh.store(get_extractor("rules").extract(doc))
        events = wh.board_events(benchmark="AIME 2024")
    contra = [e for e in events if e.kind == "contradiction"]
    assert [(e.model, e.value, e.previous_value) for e in contra] == [("Lumen-7B", 52.0, 55.0)]
