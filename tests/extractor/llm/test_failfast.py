"""Fail fast, say why: the health check, the circuit breaker, the 429 brake and the run's summary line.

All against the fake OpenAI-compatible server on 127.0.0.1 (or a closed port): no function of
ours is patched.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from api.cli import app
from extractor.base import get_extractor
from extractor.llm.backend import LLMExtractor
from extractor.llm.transport import LLMUnreachable, check_server
from schemas import Document, Settings
from tests.support.fake_openai import FakeOpenAI, Reply, excerpt_text, is_grounding_reask

pytest.importorskip("instructor")

SENTENCE = "Model-{i} 在 GSM8K 上达到了 {v}% 的准确率。"


def _text(n: int) -> str:
    return "".join(f"# Part {i}\n\n" + SENTENCE.format(i=i, v=50 + i) + "\n\n" for i in range(n))


def _answer(body: dict[str, Any]) -> Reply:
    chunk = excerpt_text(body)
    claims = []
    for line in chunk.splitlines():
        if "GSM8K" in line:
            model = line.split(" ", 1)[0]
            value = float(line.split("达到了 ")[1].split("%")[0])
            claims.append({"kind": "score", "model": model, "benchmark": "GSM8K", "value": value, "unit": "%",
                           "quote": line.rstrip("。")})
    return Reply(claims=claims)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _doc(text: str, source: str = "d.md") -> Document:
    return Document(source=source, path=source, text=text, sha256="0" * 64)


# ----- health check -----------------------------------------------------------------------------

def test_no_server_exits_1_within_15_s_with_one_line_naming_the_url(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.md").write_text(_text(3), encoding="utf-8")
    url = f"http://127.0.0.1:{_closed_port()}/v1"
    monkeypatch.setenv("BENCHCLAIMS_LLM_BASE_URL", url)
    for backend in ("llm", "hybrid"):
        t = time.monotonic()
        result = CliRunner().invoke(app, ["extract", str(tmp_path), "--backend", backend])
        assert time.monotonic() - t < 15
        assert result.exit_code == 1, result.output
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and url in lines[0] and "unreachable" in lines[0] and "connection refused" in lines[0]
        assert result.stdout == ""


def test_no_server_with_fallback_rules_says_so_and_gives_the_rules_claims(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.md").write_text(_text(3), encoding="utf-8")
    url = f"http://127.0.0.1:{_closed_port()}/v1"
    monkeypatch.setenv("BENCHCLAIMS_LLM_BASE_URL", url)
    runner = CliRunner()
    rules = runner.invoke(app, ["extract", str(tmp_path)])
    result = runner.invoke(app, ["extract", str(tmp_path), "--backend", "llm", "--fallback", "rules"])
    assert result.exit_code == 0, result.output
    assert url in result.stderr and "rules backend" in result.stderr
    assert result.stdout == rules.stdout and rules.stdout.count("\n") == 3


def test_a_server_not_serving_the_model_is_named_with_what_it_serves() -> None:
    with FakeOpenAI(_answer, models=["Qwen/Qwen2.5-7B-Instruct"]) as server:
        check_server(server.base_url, "Qwen/Qwen2.5-7B-Instruct")
        with pytest.raises(LLMUnreachable, match="does not serve model 'other'.*Qwen/Qwen2.5-7B-Instruct"):
            check_server(server.base_url, "other")
        assert server.requests == []  # a GET /models only


# ----- circuit breaker ----------------------------------------------------------------------------

class DiesAfter:
    """Answers ``n`` requests, then drops every connection (a server that died mid-run)."""

    def __init__(self, n: int) -> None:
        self.n, self.seen = n, 0
        self._lock = threading.Lock()

    def __call__(self, body: dict[str, Any]) -> Reply:
        with self._lock:
            self.seen += 1
            alive = self.seen <= self.n
        return _answer(body) if alive else Reply(drop=True)


def test_a_server_that_dies_mid_run_opens_the_breaker_and_the_rest_falls_back_at_once() -> None:
    responder = DiesAfter(4)
    with FakeOpenAI(responder) as server:
        settings = Settings(llm_base_url=server.base_url, llm_model="m", llm_timeout=5, llm_retries=3,
                            llm_concurrency=2)
        t = time.monotonic()
        result = LLMExtractor(settings, pack_sections=False).extract(_doc(_text(30)))
        elapsed = time.monotonic() - t
    s = result.stats
    assert s.server_down and s.llm_chunks == 4 and s.fallback_chunks == 26
    assert len(result.claims) == 30  # the rules read the other 26 sentences
    # without the breaker: 26 chunks x 4 attempts with backoff; with it: a handful of attempts
    assert len(server.requests) <= 4 + 3 + 2 * 2
    assert elapsed < 10
    assert any("circuit breaker open" in e and server.base_url in e for e in s.errors)


def test_cli_exits_1_when_the_server_dies_unless_fallback_rules(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.md").write_text(_text(12), encoding="utf-8")
    runner = CliRunner()
    for fallback, status in (("none", 1), ("rules", 0)):
        with FakeOpenAI(DiesAfter(2)) as server:
            monkeypatch.setenv("BENCHCLAIMS_LLM_BASE_URL", server.base_url)
            monkeypatch.setenv("BENCHCLAIMS_LLM_CONCURRENCY", "1")
            monkeypatch.setenv("BENCHCLAIMS_LLM_PACK_SECTIONS", "false")
            result = runner.invoke(app, ["extract", str(tmp_path), "--backend", "llm", "--fallback", fallback])
        assert result.exit_code == status, result.output
        assert "stopped answering during the run" in result.stderr and server.base_url in result.stderr
        assert result.stdout.count("\n") == 12  # every claim still comes out (rules for the rest)


# ----- 429 ------------------------------------------------------------------------------------------

def test_429_slows_the_client_down() -> None:
    """A server that takes 2 requests at a time and answers 429 to the rest: the client brakes."""
    fake: FakeOpenAI

    def two_at_a_time(body: dict[str, Any]) -> Reply:
        if fake.in_flight > 2:
            return Reply(status=429, headers={"retry-after-ms": "20"})
        return Reply(delay=0.05, claims=_answer(body).claims)

    fake = FakeOpenAI(two_at_a_time)
    with fake as server:
        settings = Settings(llm_base_url=server.base_url, llm_model="m", llm_timeout=5, llm_retries=3,
                            llm_concurrency=16)
        result = LLMExtractor(settings, pack_sections=False).extract(_doc(_text(40)))
    assert result.stats.fallback_chunks == 0 and len(result.claims) == 40
    throttled = len(server.requests) - 40
    # with 16 in flight and no brake, most of every wave of requests would be refused (hundreds of 429s)
    assert throttled < 40, throttled
    late = server.in_flight_seen[len(server.in_flight_seen) // 2:]
    assert max(late) <= 4


# ----- summary line -----------------------------------------------------------------------------------

def test_the_summary_line_counts_chunks_fallbacks_drops_reasks_and_tokens(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.md").write_text(_text(4), encoding="utf-8")
    seen: dict[str, int] = {}
    lock = threading.Lock()

    def faulty(body: dict[str, Any]) -> Reply:
        chunk = excerpt_text(body)
        with lock:
            k = seen[chunk] = seen.get(chunk, 0) + 1
        if "Model-0 " in chunk and k == 1:
            return Reply(content="not JSON")  # one re-ask
        if "Model-1 " in chunk:
            return Reply(status=500, headers={"retry-after-ms": "1"})  # falls back to rules
        reply = _answer(body)
        if "Model-2 " in chunk and reply.claims and not is_grounding_reask(body):
            reply.claims.append(dict(reply.claims[0], value=12345.0))  # dropped by grounding, then re-asked
        return reply

    with FakeOpenAI(faulty) as server:
        monkeypatch.setenv("BENCHCLAIMS_LLM_BASE_URL", server.base_url)
        monkeypatch.setenv("BENCHCLAIMS_LLM_RETRIES", "1")
        monkeypatch.setenv("BENCHCLAIMS_LLM_PACK_SECTIONS", "false")
        result = CliRunner().invoke(app, ["extract", str(tmp_path), "--backend", "llm"])
    assert result.exit_code == 0, result.output
    summary = [line for line in result.stderr.splitlines() if line.startswith("llm: ")]
    assert len(summary) == 1
    line = summary[0]
    assert "3 chunk(s) answered by the LLM" in line and "1 fell back to rules" in line
    assert "1 claim(s) dropped by grounding" in line and "2 re-ask(s)" in line
    assert "tokens: prompt" in line and "completion" in line and "tokens per claim" in line
    assert [json.loads(x)["value"] for x in result.stdout.splitlines()] == [50, 51, 52, 53]


def test_get_extractor_health_check_on_the_backend_object() -> None:
    with FakeOpenAI(_answer, models=["m"]) as server:
        ex: Any = get_extractor("llm", Settings(llm_base_url=server.base_url, llm_model="m"))
        ex.check_server()
    with pytest.raises(LLMUnreachable, match="unreachable"):
        ex.check_server()


def test_an_llm_ingest_stores_what_it_cost_with_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import duckdb

    (tmp_path / "a.md").write_text(_text(3), encoding="utf-8")
    db = tmp_path / "w.duckdb"
    with FakeOpenAI(_answer) as server:
        monkeypatch.setenv("BENCHCLAIMS_LLM_BASE_URL", server.base_url)
        result = CliRunner().invoke(app, ["ingest", str(tmp_path / "a.md"), "--db", str(db), "--backend", "llm"])
    assert result.exit_code == 0, result.output
    assert any(line.startswith("llm: ") for line in result.stderr.splitlines())
    with duckdb.connect(str(db), read_only=True) as con:
        (stats,) = con.execute("SELECT stats FROM runs ORDER BY id DESC LIMIT 1").fetchone()  # type: ignore[misc]
    llm = json.loads(stats)["llm"]
    assert llm["llm_chunks"] >= 1 and llm["prompt_tokens"] > 0 and llm["completion_tokens"] > 0
    assert llm["cached_tokens"] >= 0 and llm["server_down"] is False
