"""Start a vLLM OpenAI-compatible server for the ``llm`` backend (``benchclaims llm-serve MODEL``).

Why a helper: the flags that matter for this workload are easy to get wrong —

* the structured-output backend (the claim schema is enforced while decoding). Its flag was
  renamed: ``--guided-decoding-backend`` up to vLLM 0.10.1, removed in 0.10.2 (vllm PR #22772),
  where ``--structured-outputs-config.backend`` replaces it (0.10.2, 0.11 and later). The
  installed version decides; without vLLM installed (printing the command for a GPU host) the
  current spelling is used, or the one of ``--vllm-version``;
* ``--generation-config vllm``: otherwise vLLM applies the model's ``generation_config.json``
  (vllm PR #15281), and Qwen2.5-Instruct ships ``repetition_penalty=1.05``, which penalises
  exactly the verbatim quotes we ask for (the backend also sends ``repetition_penalty: 1.0``);
* ``--enable-prefix-caching`` (every request starts with the same system prompt) and
  ``--enable-prompt-tokens-details`` (so ``usage`` reports the cached prompt tokens);
* the context length (chunks are small; a smaller ``--max-model-len`` leaves KV-cache room for
  more sequences), ``--max-num-seqs`` and ``--gpu-memory-utilization`` passed through; tensor
  parallelism over the GPUs present; a served model name equal to ``BENCHCLAIMS_LLM_MODEL``.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import re
import shutil
import subprocess
import sys

DEFAULT_PORT = 8001
# llguidance accepts the widest JSON Schema subset (the claim schema is a oneOf with $defs).
DEFAULT_STRUCTURED_BACKEND = "guidance"


def gpu_count() -> int:
    """GPUs visible to this process: ``CUDA_VISIBLE_DEVICES`` if set, else ``nvidia-smi -L``; 0 without."""
    visible = os.environ.get("CUDA_VISIBLE_DEVICES")
    if visible is not None:
        return len([d for d in visible.split(",") if d.strip() and d.strip() != "-1"])
    smi = shutil.which("nvidia-smi")
    if smi is None:
        return 0
    try:
        out = subprocess.run([smi, "-L"], capture_output=True, text=True, timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return 0
    return sum(1 for line in out.splitlines() if line.startswith("GPU "))


Version = tuple[int, ...]
# vllm PR #22772 (released in 0.10.2) removed every --guided-decoding-* flag
STRUCTURED_OUTPUTS_CONFIG_SINCE: Version = (0, 10, 2)


def parse_version(text: str) -> Version | None:
    """'0.10.2' -> (0, 10, 2); '0.11' -> (0, 11, 0); '0.11.0rc1' -> (0, 11, 0); None if not a version."""
    m = re.match(r"(\d+)\.(\d+)(?:\.(\d+))?", text.strip())
    return (int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)) if m else None


def installed_vllm_version() -> Version | None:
    """(major, minor, patch) of the installed vLLM, or None."""
    try:
        return parse_version(importlib.metadata.version("vllm"))
    except importlib.metadata.PackageNotFoundError:
        return None


def structured_output_flags(backend: str = DEFAULT_STRUCTURED_BACKEND, version: Version | None = None) -> list[str]:
    """The structured-output backend flag in the spelling of ``version`` (current spelling when unknown)."""
    if version is not None and tuple(version) + (0,) * (3 - len(version)) < STRUCTURED_OUTPUTS_CONFIG_SINCE:
        return ["--guided-decoding-backend", backend]
    return ["--structured-outputs-config.backend", backend]


def _tensor_parallel(gpus: int) -> int:
    """Largest power of two <= gpus (attention heads split evenly only on such sizes)."""
    tp = 1
    while tp * 2 <= gpus:
        tp *= 2
    return tp


_AUTO = object()


def vllm_command(model: str, gpus: int | None = None, max_model_len: int = 16384, port: int = DEFAULT_PORT,
                 served_model_name: str | None = None, host: str = "127.0.0.1",
                 structured_backend: str = DEFAULT_STRUCTURED_BACKEND, version: Version | None | object = _AUTO,
                 max_num_seqs: int | None = None, gpu_memory_utilization: float | None = None,
                 extra: list[str] | None = None) -> list[str]:
    """The ``vllm serve`` command line for ``model`` (a Hugging Face id or a local path).

    ``version``: the vLLM release whose flag spelling to use (default: the installed one; None:
    the current spelling). ``extra`` is appended as is (any other vLLM flag).
    """
    n = gpu_count() if gpus is None else gpus
    cmd = ["vllm", "serve", model,
           "--host", host, "--port", str(port),
           "--served-model-name", served_model_name or model,
           "--max-model-len", str(max_model_len),
           "--tensor-parallel-size", str(_tensor_parallel(max(n, 1))),
           "--generation-config", "vllm",  # not the model's generation_config.json (repetition_penalty 1.05)
           "--enable-prefix-caching",  # every request starts with the same system prompt
           "--enable-prompt-tokens-details",  # usage reports cached prompt tokens
           ]
    if max_num_seqs is not None:
        cmd += ["--max-num-seqs", str(max_num_seqs)]
    if gpu_memory_utilization is not None:
        cmd += ["--gpu-memory-utilization", f"{gpu_memory_utilization:g}"]
    v = installed_vllm_version() if version is _AUTO else version
    cmd += structured_output_flags(structured_backend, v if isinstance(v, tuple) else None)
    return cmd + list(extra or [])


def serve(model: str, gpus: int | None = None, max_model_len: int = 16384, port: int = DEFAULT_PORT,
          max_num_seqs: int | None = None, gpu_memory_utilization: float | None = None,
          vllm_version: str | None = None, extra: list[str] | None = None) -> int:
    """Exec vLLM with ``vllm_command`` if vLLM is installed; else print the command and how to install it.

    Returns a process exit status (only when it does not exec): 0 when the command was
    printed for the user to run elsewhere. ``vllm_version`` ('0.10.1') spells the flags for
    that release instead of the installed one.
    """
    version: Version | None | object = parse_version(vllm_version) if vllm_version else _AUTO
    cmd = vllm_command(model, gpus=gpus, max_model_len=max_model_len, port=port, max_num_seqs=max_num_seqs,
                       gpu_memory_utilization=gpu_memory_utilization, version=version, extra=extra)
    if importlib.util.find_spec("vllm") is not None and shutil.which("vllm") is not None:
        print(" ".join(cmd), file=sys.stderr, flush=True)
        os.execvp(cmd[0], cmd)  # replaces this process; vLLM handles signals from here on
    print("vLLM is not installed here (pip install 'benchclaims[gpu]' on a GPU host). Run:", file=sys.stderr)
    print(" ".join(cmd))
    print(f"then: export BENCHCLAIMS_LLM_BASE_URL=http://{'127.0.0.1'}:{port}/v1 BENCHCLAIMS_LLM_MODEL={model}",
          file=sys.stderr)
    return 0
