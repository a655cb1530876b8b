"""A claim keeps its id and its review across re-ingests of its edited document (fingerprints)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from extractor.base import get_extractor
from schemas import Document
from warehouse import Warehouse

TEXT = ("# Lumen-7B\n\nLumen-7B 在 AIME 2024 上的准确率为 71.0%。\n\n"
        "Lumen-7B 在 GPQA Diamond 上达到 60.5%。\n")


def ingest(wh: Warehouse, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    doc = Document(source=path.name, path=str(path), text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
    wh.store(get_extractor("rules").extract(doc))


def ids_by_benchmark(wh: Warehouse) -> dict[str, tuple[int, str]]:
    return {c.benchmark or "": (c.id, c.review_status) for c in wh.claims(limit=100).items}


def test_verified_claim_keeps_id_and_review_after_an_edit_elsewhere(tmp_path: Path) -> None:
    src = tmp_path / "lumen.md"
    src.write_text(TEXT, encoding="utf-8")
    with Warehouse(tmp_path / "w.duckdb") as wh:
        ingest(wh, src)
        before = ids_by_benchmark(wh)
        aime_id = before["AIME 2024"][0]
        wh.set_review_status(aime_id, "verified")
        gpqa_id = before["GPQA Diamond"][0]
        wh.set_review_status(gpqa_id, "rejected")

        # a paragraph added above both claims, and the GPQA statement edited
        src.write_text("# Lumen-7B\n\n新增一段说明，与结果无关。\n\n" + TEXT.split("\n\n", 1)[1].replace("60.5%", "61.5%"),
                       encoding="utf-8")
        ingest(wh, src)
        after = ids_by_benchmark(wh)

    assert after["AIME 2024"] == (aime_id, "verified")  # unchanged claim: same id, review kept
    new_id, status = after["GPQA Diamond"]
    assert new_id not in (aime_id, gpqa_id) and status == "unreviewed"  # a changed value is a new claim
