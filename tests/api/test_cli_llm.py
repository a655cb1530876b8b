"""The LLM backend through the CLI: answers cached in the warehouse, and the vLLM launcher."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from api.cli import app
from tests.support.fake_openai import FakeOpenAI, Reply, first_user_text

pytest.importorskip("instructor")

DOC = "# Tiny-Reasoner\n\nTiny-Reasoner 在 GSM8K 上达到了 85.3% 的准确率。\n"
QUOTE = "Tiny-Reasoner 在 GSM8K 上达到了 85.3%"


def _responder(body: dict[str, Any]) -> Reply:
    if QUOTE not in first_user_text(body):
        return Reply(claims=[])
    return Reply(claims=[{"kind": "score", "model": "Tiny-Reasoner", "benchmark": "GSM8K", "metric": "accuracy",
                          "value": 85.3, "unit": "%", "quote": QUOTE}])


def test_ingest_with_llm_keeps_answers_in_the_warehouse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.md").write_text(DOC, encoding="utf-8")
    copy = tmp_path / "later"
    copy.mkdir()
    (copy / "b.md").write_text(DOC, encoding="utf-8")
    db = tmp_path / "w.duckdb"
    runner = CliRunner()
    with FakeOpenAI(_responder) as server:
        monkeypatch.setenv("BENCHCLAIMS_LLM_BASE_URL", server.base_url)
        monkeypatch.setenv("BENCHCLAIMS_LLM_MODEL", "fake")
        first = runner.invoke(app, ["ingest", str(tmp_path / "a.md"), "--db", str(db), "--backend", "llm"])
        assert first.exit_code == 0, first.output
        asked = len(server.requests)
        assert asked >= 1
        # the same text under another name: every chunk is answered from the warehouse cache
        second = runner.invoke(app, ["ingest", str(copy), "--db", str(db), "--backend", "llm"])
        assert second.exit_code == 0, second.output
        assert len(server.requests) == asked
    board = runner.invoke(app, ["leaderboard", "GSM8K", "--db", str(db), "--format", "json"])
    assert board.exit_code == 0, board.output
    assert "Tiny-Reasoner" in board.output and "85.3" in board.output


def test_llm_serve_prints_the_vllm_command_when_vllm_is_absent() -> None:
    pytest.importorskip("extractor.llm.serve")
    try:
        import vllm  # noqa: F401
        pytest.skip("vLLM is installed: the command would start a server")
    except ImportError:
        pass
    result = CliRunner().invoke(app, ["llm-serve", "Qwen/Qwen2.5-7B-Instruct", "--gpus", "2", "--port", "8011"])
    assert result.exit_code == 0, result.output
    assert "vllm serve Qwen/Qwen2.5-7B-Instruct" in result.output
    assert "--tensor-parallel-size 2" in result.output and "--port 8011" in result.output


@pytest.mark.parametrize(("version", "structured"), [
    (["--vllm-version", "0.10.1"], "--guided-decoding-backend guidance"),
    (["--vllm-version", "0.10.2"], "--structured-outputs-config.backend guidance"),
    (["--vllm-version", "0.11"], "--structured-outputs-config.backend guidance"),
    ([], "--structured-outputs-config.backend guidance"),  # vLLM absent: the current spelling
], ids=["0.10.1", "0.10.2", "0.11", "current"])
def test_llm_serve_launches_the_pinned_command_per_vllm_version(version: list[str], structured: str) -> None:
    if importlib.util.find_spec("vllm") is not None:
        pytest.skip("vLLM is installed: the command would start a server")
    result = CliRunner().invoke(app, ["llm-serve", "Qwen/Qwen2.5-7B-Instruct", "--gpus", "1", "--max-model-len", "8192",
                                      "--max-num-seqs", "64", "--gpu-memory-utilization", "0.85", *version,
                                      "--enforce-eager"])
    assert result.exit_code == 0, result.output
    command = [line for line in result.stdout.splitlines() if line.startswith("vllm serve")]
    assert command == [
        "vllm serve Qwen/Qwen2.5-7B-Instruct --host 127.0.0.1 --port 8001 --served-model-name Qwen/Qwen2.5-7B-Instruct "
        "--max-model-len 8192 --tensor-parallel-size 1 --generation-config vllm --enable-prefix-caching "
        f"--enable-prompt-tokens-details --max-num-seqs 64 --gpu-memory-utilization 0.85 {structured} --enforce-eager"]
    if "0.10.1" not in version:
        assert "--guided-decoding" not in command[0]  # removed in vLLM 0.10.2 (PR #22772): it would not start
