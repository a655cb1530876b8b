"""Start a vLLM OpenAI-compatible server for the ``llm`` backend (``benchclaims llm-serve MODEL``).

Why a helper: the flags that matter for this workload are easy to get wrong —
the structured-output backend (so the claim schema is enforced while decoding), the
context length (chunks are small; a smaller ``--max-model-len`` leaves KV-cache room
for more requests in flight), tensor parallelism over the GPUs present, and a served
model name equal to ``BENCHCLAIMS_LLM_MODEL``.

Flag names follow vLLM's own rename: ``--structured-outputs-config.backend`` (vLLM >= 0.11,
where the old ``--guided-decoding-backend`` was removed) or ``--guided-decoding-backend``
for older releases; the installed version decides, and without vLLM installed the
current spelling is printed.
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


def installed_vllm_version() -> tuple[int, int] | None:
    """(major, minor) of the installed vLLM, or None."""
    try:
        version = importlib.metadata.version("vllm")
    except importlib.metadata.PackageNotFoundError:
        return None
    m = re.match(r"(\d+)\.(\d+)", version)
    return (int(m.group(1)), int(m.group(2))) if m else None


def structured_output_flags(backend: str = DEFAULT_STRUCTURED_BACKEND,
                            version: tuple[int, int] | None = None) -> list[str]:
    """The structured-output backend flag in the spelling of ``version`` (current spelling when unknown)."""
    if version is not None and version < (0, 11):
        return ["--guided-decoding-backend", backend]
    return ["--structured-outputs-config.backend", backend]


def _tensor_parallel(gpus: int) -> int:
    """Largest power of two <= gpus (attention heads split evenly only on such sizes)."""
    tp = 1
    while tp * 2 <= gpus:
        tp *= 2
    return tp


def vllm_command(model: str, gpus: int | None = None, max_model_len: int = 16384, port: int = DEFAULT_PORT,
                 served_model_name: str | None = None, host: str = "127.0.0.1",
                 structured_backend: str = DEFAULT_STRUCTURED_BACKEND) -> list[str]:
    """The ``vllm serve`` command line for ``model`` (a Hugging Face id or a local path)."""
    n = gpu_count() if gpus is None else gpus
    cmd = ["vllm", "serve", model,
           "--host", host, "--port", str(port),
           "--served-model-name", served_model_name or model,
           "--max-model-len", str(max_model_len),
           "--tensor-parallel-size", str(_tensor_parallel(max(n, 1))),
           "--enable-prefix-caching",  # every request starts with the same system prompt
           ]
    cmd += structured_output_flags(structured_backend, installed_vllm_version())
    return cmd


def serve(model: str, gpus: int | None = None, max_model_len: int = 16384, port: int = DEFAULT_PORT) -> int:
    """Exec vLLM with ``vllm_command`` if vLLM is installed; else print the command and how to install it.

    Returns a process exit status (only when it does not exec): 0 when the command was
    printed for the user to run elsewhere.
    """
    cmd = vllm_command(model, gpus=gpus, max_model_len=max_model_len, port=port)
    if importlib.util.find_spec("vllm") is not None and shutil.which("vllm") is not None:
        print(" ".join(cmd), file=sys.stderr, flush=True)
        os.execvp(cmd[0], cmd)  # replaces this process; vLLM handles signals from here on
    print("vLLM is not installed here (pip install 'benchclaims[gpu]' on a GPU host). Run:", file=sys.stderr)
    print(" ".join(cmd))
    print(f"then: export BENCHCLAIMS_LLM_BASE_URL=http://{'127.0.0.1'}:{port}/v1 BENCHCLAIMS_LLM_MODEL={model}",
          file=sys.stderr)
    return 0
