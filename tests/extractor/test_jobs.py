"""``extract_paths(..., jobs=N)``: this process and N - 1 forked children share the files; results in file order."""

from __future__ import annotations

import multiprocessing
import os
import shutil
from pathlib import Path

import pytest

from extractor import pipeline
from extractor.pipeline import extract_paths
from schemas import Extraction, FileProblem, claim_to_jsonl
from tests.support.paths import SEEDS_DIR

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")


def _inputs(tmp_path: Path) -> list[Path]:
    """The seeds twice and an unreadable file among them."""
    folder = tmp_path / "in"
    folder.mkdir()
    for copy in range(2):
        for seed in sorted(SEEDS_DIR.glob("*.txt")):
            shutil.copy(seed, folder / f"{copy}_{seed.name}")
    (folder / "1_broken.txt").write_bytes(b"\x00\x01binary")
    return sorted(folder.iterdir())


def _summary(items: list[Extraction | FileProblem]) -> list[tuple[str, list[str]]]:
    return [(item.path, []) if isinstance(item, FileProblem)
            else (item.document.path or "", [claim_to_jsonl(c) for c in item.claims]) for item in items]


def test_the_same_results_in_file_order_with_any_number_of_processes(tmp_path: Path) -> None:
    files = _inputs(tmp_path)
    one = _summary(list(extract_paths(files)))
    assert [path for path, _ in one] == [str(f) for f in files]
    assert sum(len(claims) for _, claims in one) > 100
    for jobs in (2, 3, 40):  # (more processes than files: one per file)
        assert _summary(list(extract_paths(files, jobs=jobs))) == one
    assert multiprocessing.active_children() == []


def test_a_file_whose_child_died_is_extracted_by_the_parent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = _inputs(tmp_path)
    one = _summary(list(extract_paths(files)))
    parent, extract_file = os.getpid(), pipeline._extract_file

    def dies_in_a_child(path: Path, *args: object) -> Extraction | FileProblem:
        if os.getpid() != parent:
            os._exit(3)  # a child killed on the first file it took (out of memory, a signal)
        return extract_file(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "_extract_file", dies_in_a_child)
    assert _summary(list(extract_paths(files, jobs=3))) == one


def test_a_consumer_that_stops_early_ends_the_children(tmp_path: Path) -> None:
    results = extract_paths(_inputs(tmp_path), jobs=2)
    assert isinstance(next(results), Extraction)
    results.close()
    assert multiprocessing.active_children() == []
