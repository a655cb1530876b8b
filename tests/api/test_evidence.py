"""Checking a number where it was written, over REST and the CLI: context, reviews, undo, queue, matrix."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from typer.testing import CliRunner

from api.app import create_app
from api.cli import app as cli
from schemas import Settings

KEY = "test-key-123"


@pytest.fixture
def writer(handmade_db: str, writable_copy: Callable[[str], str]) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db=writable_copy(handmade_db), api_key=SecretStr(KEY)))) as client:
        yield client


def first_claim(client: TestClient) -> dict[str, object]:
    return client.get("/api/claims", params={"limit": 1}).json()["items"][0]  # type: ignore[no-any-return]


def test_a_claim_comes_with_its_paragraph(writer: TestClient) -> None:
    claim = first_claim(writer)
    detail = writer.get(f"/api/claims/{claim['id']}").json()
    ctx = detail["context"]
    assert ctx["text"][ctx["start"]:ctx["end"]] == detail["quote"] == claim["quote"]
    assert isinstance(detail["document_id"], int)
    assert writer.get("/api/claims/999999").status_code == 404


def test_reviews_keep_their_history_and_can_be_undone(writer: TestClient) -> None:
    cid = first_claim(writer)["id"]
    headers = {"X-API-Key": KEY}
    r = writer.patch(f"/api/claims/{cid}", json={"review_status": "rejected", "note": "wrong row", "reviewer": "ana"},
                     headers=headers)
    assert r.status_code == 200 and r.json()["review_status"] == "rejected"
    # rejected claims stay reachable ("show rejected")
    assert cid in {c["id"] for c in writer.get("/api/claims", params={"review_status": "rejected"}).json()["items"]}
    history = writer.get(f"/api/claims/{cid}/reviews").json()
    assert [(e["status"], e["previous"], e["note"], e["reviewer"]) for e in history] == [
        ("rejected", "unreviewed", "wrong row", "ana")]
    undone = writer.post(f"/api/claims/{cid}/undo", headers=headers)
    assert undone.status_code == 200 and undone.json()["review_status"] == "unreviewed"
    assert writer.post(f"/api/claims/{cid}/undo").status_code == 401  # a write: the key is needed


def test_review_queue_and_matrix(writer: TestClient) -> None:
    queue = writer.get("/api/reviews/queue", params={"limit": 5}).json()
    assert 0 < len(queue) <= 5 and all(q["review_status"] == "unreviewed" for q in queue)
    m = writer.get("/api/matrix", params={"benchmarks": "AIME 2024,AIME'24"}).json()
    assert m["benchmarks"] and m["rows"] and all("cells" in r for r in m["rows"])
    assert writer.get("/api/matrix", params={"benchmarks": "NoSuchBench"}).status_code == 404
    assert writer.get("/api/matrix", params={"benchmarks": ","}).status_code == 400


def test_cli_show_prints_the_paragraph(handmade_db: str, tmp_path: Path) -> None:
    runner = CliRunner()
    with TestClient(create_app(Settings(db=handmade_db))) as client:
        claim = first_claim(client)
    result = runner.invoke(cli, ["show", str(claim["id"]), "--db", handmade_db])
    assert result.exit_code == 0, result.output
    assert str(claim["quote"]) in result.output.replace("\n", "")
    missing = runner.invoke(cli, ["show", "999999", "--db", handmade_db])
    assert missing.exit_code == 3 and "Traceback" not in missing.output


def test_the_three_leaderboard_csvs_are_one_shape(handmade_db: str, tmp_path: Path) -> None:
    from warehouse import LEADERBOARD_CSV_COLUMNS

    runner = CliRunner()
    cli_csv = runner.invoke(cli, ["leaderboard", "AIME 2024", "--db", handmade_db, "--format", "csv"]).output
    out = tmp_path / "aime.csv"
    assert runner.invoke(cli, ["export", "--db", handmade_db, "--format", "csv", "--benchmark", "AIME 2024",
                               "--out", str(out)]).exit_code == 0
    with TestClient(create_app(Settings(db=handmade_db))) as client:
        api_csv = client.get("/api/export.csv", params={"benchmark": "AIME 2024"}).text
        api_bom = client.get("/api/export.csv", params={"benchmark": "AIME 2024", "bom": 1}).content
    header = ",".join(LEADERBOARD_CSV_COLUMNS)
    assert cli_csv.splitlines()[0] == out.read_text(encoding="utf-8").splitlines()[0] == api_csv.splitlines()[0] == header
    assert cli_csv == out.read_text(encoding="utf-8") == api_csv  # the same file, whichever way it is asked for
    assert api_bom.startswith("\ufeff".encode()) and api_bom.decode("utf-8-sig") == api_csv
    bom_cli = runner.invoke(cli, ["leaderboard", "AIME 2024", "--db", handmade_db, "--format", "csv", "--bom"]).output
    assert bom_cli.startswith("\ufeff")


def test_lists_sort_by_field_or_minus_field_and_link_the_next_page(handmade_db: str) -> None:
    with TestClient(create_app(Settings(db=handmade_db))) as client:
        up = client.get("/api/claims", params={"sort": "value", "kind": "score", "limit": 3}).json()
        down = client.get("/api/claims", params={"sort": "-value", "kind": "score", "limit": 3}).json()
        values_up = [c["value"] for c in up["items"]]
        assert values_up == sorted(values_up) and [c["value"] for c in down["items"]] == sorted(
            [c["value"] for c in down["items"]], reverse=True)
        assert up["next"] and "offset=3" in up["next"] and "sort=value" in up["next"]
        following = client.get(up["next"]).json()
        assert following["offset"] == 3 and following["items"][0]["value"] >= values_up[-1]
        last = client.get("/api/claims", params={"limit": 500}).json()
        assert last["next"] is None
        docs = client.get("/api/documents", params={"limit": 1}).json()
        assert docs["total"] >= 2 and docs["next"]
