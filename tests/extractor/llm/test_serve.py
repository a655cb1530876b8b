"""The vLLM command line for the llm backend."""

from __future__ import annotations

import pytest

from extractor.llm import serve
from extractor.llm.serve import structured_output_flags, vllm_command


def _flag(cmd: list[str], name: str) -> str:
    return cmd[cmd.index(name) + 1]


def test_command_has_the_flags_the_backend_relies_on() -> None:
    cmd = vllm_command("Qwen/Qwen2.5-14B-Instruct", gpus=4, max_model_len=8192, port=8123)
    assert cmd[:3] == ["vllm", "serve", "Qwen/Qwen2.5-14B-Instruct"]
    assert _flag(cmd, "--tensor-parallel-size") == "4"
    assert _flag(cmd, "--max-model-len") == "8192"
    assert _flag(cmd, "--port") == "8123"
    assert _flag(cmd, "--served-model-name") == "Qwen/Qwen2.5-14B-Instruct"
    assert "--structured-outputs-config.backend" in cmd or "--guided-decoding-backend" in cmd


@pytest.mark.parametrize(("gpus", "tp"), [(0, 1), (1, 1), (2, 2), (3, 2), (8, 8)])
def test_tensor_parallel_size_is_a_power_of_two_within_the_gpus(gpus: int, tp: int) -> None:
    assert _flag(vllm_command("m", gpus=gpus), "--tensor-parallel-size") == str(tp)


def test_gpu_count_follows_cuda_visible_devices(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CUDA_VISIBLE_DEVICES", "0,1,2")
    assert _flag(vllm_command("m"), "--tensor-parallel-size") == "2"
    monkeypatch.setenv("CUDA_VISIBLE_DEVICES", "")
    assert _flag(vllm_command("m"), "--tensor-parallel-size") == "1"


def test_structured_output_flag_spelling_follows_the_vllm_version() -> None:
    assert structured_output_flags("guidance", (0, 8)) == ["--guided-decoding-backend", "guidance"]
    assert structured_output_flags("guidance", (0, 10, 1)) == ["--guided-decoding-backend", "guidance"]
    # vllm PR #22772 removed --guided-decoding-* in 0.10.2
    assert structured_output_flags("guidance", (0, 10, 2)) == ["--structured-outputs-config.backend", "guidance"]
    assert structured_output_flags("xgrammar", (0, 12)) == ["--structured-outputs-config.backend", "xgrammar"]
    assert structured_output_flags("guidance", None)[0] == "--structured-outputs-config.backend"


COMMON = ["vllm", "serve", "Qwen/Qwen2.5-14B-Instruct", "--host", "127.0.0.1", "--port", "8001",
          "--served-model-name", "Qwen/Qwen2.5-14B-Instruct", "--max-model-len", "8192", "--tensor-parallel-size", "2",
          "--generation-config", "vllm", "--enable-prefix-caching", "--enable-prompt-tokens-details",
          "--max-num-seqs", "128", "--gpu-memory-utilization", "0.9"]


@pytest.mark.parametrize(("version", "structured"), [
    ((0, 10, 1), ["--guided-decoding-backend", "guidance"]),
    ((0, 10, 2), ["--structured-outputs-config.backend", "guidance"]),
    ((0, 11, 0), ["--structured-outputs-config.backend", "guidance"]),
    (None, ["--structured-outputs-config.backend", "guidance"]),  # current
], ids=["0.10.1", "0.10.2", "0.11", "current"])
def test_the_launch_command_is_pinned_per_vllm_version(version: tuple[int, ...] | None, structured: list[str]) -> None:
    cmd = serve.vllm_command("Qwen/Qwen2.5-14B-Instruct", gpus=2, max_model_len=8192, max_num_seqs=128,
                             gpu_memory_utilization=0.9, version=version)
    assert cmd == COMMON + structured
    assert not any(flag.startswith("--guided-decoding") for flag in cmd) or version == (0, 10, 1)


def test_version_strings_parse() -> None:
    assert serve.parse_version("0.10.2") == (0, 10, 2)
    assert serve.parse_version("0.11.0rc1") == (0, 11, 0)
    assert serve.parse_version("0.11") == (0, 11, 0)
    assert serve.parse_version("latest") is None


def test_serve_without_vllm_prints_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    if serve.importlib.util.find_spec("vllm") is not None:
        pytest.skip("vLLM is installed: serve() would exec it")
    assert serve.serve("Qwen/Qwen2.5-7B-Instruct", gpus=1) == 0
    out = capsys.readouterr()
    assert out.out.startswith("vllm serve Qwen/Qwen2.5-7B-Instruct")
    assert "BENCHCLAIMS_LLM_BASE_URL" in out.err
