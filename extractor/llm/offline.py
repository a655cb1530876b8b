"""Offline inference: the LLM backend driving an in-process engine in batches instead of an HTTP server.

Why: on a GPU box with a big corpus, an OpenAI-compatible server plus thousands of HTTP
requests from Ray tasks adds a hop per request and leaves batching to the server's scheduler.
vLLM's offline ``LLM.chat`` and Ray Data LLM (``ray.data.llm``: a vLLM engine per GPU replica,
fed from a Dataset) take a whole batch of chat requests at once. Both sit behind one small
protocol, ``OfflineEngine``: a batch of ``ChatRequest`` in, a batch of ``ChatResponse`` (text,
finish reason, token usage) out.

What stays the same (reused, not copied): ``LLMExtractor`` runs exactly as over HTTP — the same
chunks and prompts, strict grounding and its re-ask, salvage of an answer cut at ``max_tokens``,
the rules fallback, the accounting. Only the bottom call changes: ``BatchingSender`` stands where
the HTTP transport stands, gathers the requests every chunk task has made (a round: first asks,
then re-asks, then split halves) and hands each round to the engine as one batch; each answer
comes back as an OpenAI ``ChatCompletion``, so instructor parses it as it parses the server's.
Structured output is the same JSON schema, enforced by the engine (vLLM ``structured_outputs`` /
``guided_decoding``).

Engines (chosen by ``BENCHCLAIMS_LLM_ENGINE``; ``http`` is the server path):

* ``ray-data`` — ``RayDataLLMEngine``: ``ray.data.llm.vLLMEngineProcessorConfig`` +
  ``build_processor`` (``build_llm_processor`` on older Ray); ray and vllm imported on first use;
* ``vllm`` — ``VLLMOfflineEngine``: ``vllm.LLM(...).chat`` in this process;
* ``module:factory`` — any callable taking ``Settings`` and returning an ``OfflineEngine``
  (another engine, or the fake one the tests use).
"""

from __future__ import annotations

import asyncio
import importlib
import importlib.util
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from extractor.llm.transport import CURRENT, account, is_reask_messages
from schemas import Settings

ENGINES = ("http", "ray-data", "vllm")
MAX_BATCH = 4096  # requests per engine call at most (a round larger than this goes in several)
GATHER_SECONDS = 0.02  # a round is complete when no new request arrived for this long


class OfflineEngineError(RuntimeError):
    """The engine failed a request (or a whole batch); the chunk falls back as after a server error."""


class EngineUnavailable(RuntimeError):
    """The engine's libraries (ray[data,llm], vllm) are missing or the engine cannot start (one line)."""


@dataclass(frozen=True)
class ChatRequest:
    """One chat completion to run: what an OpenAI request body would carry."""

    messages: list[dict[str, str]]
    max_tokens: int
    temperature: float = 0.0
    json_schema: dict[str, Any] | None = None  # the structured output the answer must follow
    repetition_penalty: float | None = None
    chat_template_kwargs: dict[str, Any] | None = None


@dataclass(frozen=True)
class ChatResponse:
    """The engine's answer to one ``ChatRequest``; ``error`` set when that request failed."""

    text: str = ""
    finish_reason: str = "stop"  # "length" when cut at max_tokens
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_tokens: int = 0
    error: str | None = None


@runtime_checkable
class OfflineEngine(Protocol):
    """A batch of chat requests in, one response per request out, in the same order."""

    def chat(self, requests: Sequence[ChatRequest]) -> list[ChatResponse]: ...


def request_from_kwargs(kwargs: dict[str, Any]) -> ChatRequest:
    """The ``ChatRequest`` for the keyword arguments instructor passes to ``create`` (JSON-schema mode)."""
    extra = dict(kwargs.get("extra_body") or {})
    messages = extra.pop("messages", None) or kwargs.get("messages") or []
    fmt = extra.pop("response_format", None) or kwargs.get("response_format") or {}
    schema = (fmt.get("json_schema") or {}).get("schema") if isinstance(fmt, dict) else None
    return ChatRequest(
        messages=[{"role": str(m.get("role")), "content": str(m.get("content") or "")} for m in messages],
        max_tokens=int(kwargs.get("max_tokens") or 0),
        temperature=float(kwargs.get("temperature") or 0.0),
        json_schema=schema,
        repetition_penalty=extra.get("repetition_penalty"),
        chat_template_kwargs=extra.get("chat_template_kwargs"),
    )


def completion(response: ChatResponse, model: str) -> Any:
    """``response`` as an openai ``ChatCompletion`` (what instructor parses and ``transport.account`` reads)."""
    from openai.types.chat import ChatCompletion

    return ChatCompletion.model_validate({
        "id": f"offline-{time.monotonic_ns()}", "object": "chat.completion", "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "finish_reason": response.finish_reason, "logprobs": None,
                     "message": {"role": "assistant", "content": response.text}}],
        "usage": {"prompt_tokens": response.prompt_tokens, "completion_tokens": response.completion_tokens,
                  "total_tokens": response.prompt_tokens + response.completion_tokens,
                  "prompt_tokens_details": {"cached_tokens": response.cached_tokens}},
    })


@dataclass
class _Pending:
    request: ChatRequest
    future: asyncio.Future[ChatResponse]


@dataclass
class BatchingSender:
    """Where the HTTP transport stands for an offline engine: requests gathered into rounds, one engine call each.

    ``send`` is the ``create`` instructor wraps: it queues the request and waits for its answer; a
    request the engine failed (a failed row, or a whole failed batch) goes again with the next batch,
    up to ``retries`` times, as the HTTP transport retries a server error.
    A round is dispatched when no new request arrived for ``gather_seconds`` (every chunk task is
    then waiting on its answer) or ``max_batch`` are queued; the engine runs in a worker thread,
    one batch at a time. ``batches`` records each batch's size (for tests and figures).
    """

    engine: OfflineEngine
    model: str
    retries: int = 0  # a failed request goes again in the next batch, this many times at most
    max_batch: int = MAX_BATCH
    gather_seconds: float = GATHER_SECONDS
    batches: list[int] = field(default_factory=list)
    _queue: list[_Pending] = field(default_factory=list)
    _flusher: asyncio.Task[None] | None = None
    _engine_lock: asyncio.Lock | None = None

    async def send(self, **kwargs: Any) -> Any:
        request = request_from_kwargs(kwargs)
        for attempt in range(self.retries + 1):
            future: asyncio.Future[ChatResponse] = asyncio.get_running_loop().create_future()
            self._queue.append(_Pending(request, future))
            if self._flusher is None or self._flusher.done():
                self._flusher = asyncio.create_task(self._flush())
            response = await future
            if response.error is None:
                break
            if attempt == self.retries:  # as the HTTP transport after its retries: the chunk falls back
                raise OfflineEngineError(response.error)
        answer = completion(response, self.model)
        account(CURRENT.get(), answer, is_reask_messages(request.messages))  # raises OutputTruncated on "length"
        return answer

    async def _flush(self) -> None:
        if self._engine_lock is None:
            self._engine_lock = asyncio.Lock()
        while self._queue:
            seen = -1
            while len(self._queue) != seen and len(self._queue) < self.max_batch:  # wait for the round to gather
                seen = len(self._queue)
                await asyncio.sleep(self.gather_seconds)
            batch, self._queue = self._queue[:self.max_batch], self._queue[self.max_batch:]
            async with self._engine_lock:
                await self._run(batch)

    async def _run(self, batch: list[_Pending]) -> None:
        self.batches.append(len(batch))
        try:
            responses = await asyncio.to_thread(self.engine.chat, [p.request for p in batch])
            if len(responses) != len(batch):
                raise OfflineEngineError(f"the engine answered {len(responses)} of {len(batch)} requests")
        except Exception as exc:  # the whole batch failed: every chunk in it falls back, none is lost
            error = f"offline engine failed: {type(exc).__name__}: {exc}"
            responses = [ChatResponse(error=error) for _ in batch]
        for pending, response in zip(batch, responses, strict=True):
            if not pending.future.done():
                pending.future.set_result(response)


# ----- engines -------------------------------------------------------------------------------------

def _structured_outputs_key() -> str:
    """``structured_outputs`` (vLLM >= 0.10.2's ``StructuredOutputsParams``), else the older ``guided_decoding``."""
    try:
        sampling = importlib.import_module("vllm.sampling_params")
    except ImportError:
        return "structured_outputs"
    return "structured_outputs" if hasattr(sampling, "StructuredOutputsParams") else "guided_decoding"


def sampling_params(request: ChatRequest, structured_key: str = "structured_outputs") -> dict[str, Any]:
    """vLLM sampling parameters for ``request`` as a plain dict (what a Ray Data LLM row carries)."""
    params: dict[str, Any] = {"temperature": request.temperature, "max_tokens": request.max_tokens}
    if request.repetition_penalty is not None:
        params["repetition_penalty"] = request.repetition_penalty
    if request.json_schema is not None:
        params[structured_key] = {"json": request.json_schema}
    return params


def to_row(index: int, request: ChatRequest, structured_key: str = "structured_outputs") -> dict[str, Any]:
    """The Ray Data row for one request: its index, OpenAI-format messages, and its sampling parameters as JSON.

    As JSON text, not a nested dict: a JSON schema (``oneOf``, ``$defs``) is no table column Arrow
    can type; ``ray_preprocess`` turns it back into the per-row ``sampling_params`` Ray Data LLM reads.
    """
    return {"request_index": index, "messages": request.messages,
            "sampling_json": json.dumps(sampling_params(request, structured_key), ensure_ascii=False)}


def ray_preprocess(row: dict[str, Any]) -> dict[str, Any]:
    """Ray Data LLM's preprocess step: the row the engine stage reads (``messages``, ``sampling_params``)."""
    return {"request_index": row["request_index"], "messages": row["messages"],
            "sampling_params": json.loads(row["sampling_json"])}


def from_row(row: dict[str, Any], request: ChatRequest) -> ChatResponse:
    """The response in a Ray Data LLM output row (``generated_text``, ``num_input_tokens``, ``num_generated_tokens``).

    Ray Data LLM's rows carry no finish reason: an answer that used all of ``max_tokens`` was cut.
    """
    error = row.get("__inference_error__")
    if error:
        return ChatResponse(error=str(error))
    completion_tokens = int(row.get("num_generated_tokens") or 0)
    cut = request.max_tokens > 0 and completion_tokens >= request.max_tokens
    return ChatResponse(text=str(row.get("generated_text") or ""), finish_reason="length" if cut else "stop",
                        prompt_tokens=int(row.get("num_input_tokens") or 0), completion_tokens=completion_tokens)


class RayDataLLMEngine:
    """Ray Data LLM: each batch becomes a Dataset run through a vLLM engine processor (replicas on the cluster's GPUs).

    The processor is built once, on the first batch (ray and vllm are imported then, not before);
    ``should_continue_on_error`` makes a failed row an error for its chunk, not for the batch.
    ``chat_template_kwargs`` (e.g. ``enable_thinking: false``) go to the processor, as the server path
    sends them per request.
    """

    def __init__(self, settings: Settings, concurrency: int = 1, batch_size: int = 64,
                 engine_kwargs: dict[str, Any] | None = None) -> None:
        self.settings = settings
        self.concurrency = concurrency
        self.batch_size = batch_size
        # generation_config "vllm": not the model's generation_config.json (see extractor.llm.serve)
        self.engine_kwargs = {"max_model_len": settings.llm_max_model_len, "enable_prefix_caching": True,
                              "generation_config": "vllm", **(engine_kwargs or {})}
        self._processor: Any = None
        self._structured_key = "structured_outputs"

    def _build(self) -> Any:
        try:
            llm = importlib.import_module("ray.data.llm")
        except ImportError as exc:
            raise EngineUnavailable(f"the ray-data engine needs ray[data,llm] and vllm (the [offline] extra): {exc}") from exc
        self._structured_key = _structured_outputs_key()
        config = llm.vLLMEngineProcessorConfig(model_source=self.settings.llm_model, engine_kwargs=self.engine_kwargs,
                                               concurrency=self.concurrency, batch_size=self.batch_size,
                                               should_continue_on_error=True)
        build = getattr(llm, "build_processor", None) or llm.build_llm_processor
        kwargs = self.settings.llm_chat_template_kwargs
        builder = {"builder_kwargs": {"chat_template_kwargs": dict(kwargs)}} if kwargs else {}
        return build(config, preprocess=ray_preprocess, **builder)

    def chat(self, requests: Sequence[ChatRequest]) -> list[ChatResponse]:
        import ray.data

        if self._processor is None:
            self._processor = self._build()
        rows = [to_row(i, r, self._structured_key) for i, r in enumerate(requests)]
        out = self._processor(ray.data.from_items(rows)).take_all()
        by_index = {int(row["request_index"]): row for row in out}
        return [from_row(by_index[i], r) if i in by_index else ChatResponse(error="no answer from the engine")
                for i, r in enumerate(requests)]


class VLLMOfflineEngine:
    """vLLM's offline ``LLM.chat`` in this process (one GPU box, no Ray); vllm imported on first use."""

    def __init__(self, settings: Settings, engine_kwargs: dict[str, Any] | None = None) -> None:
        self.settings = settings
        self.engine_kwargs = {"max_model_len": settings.llm_max_model_len, "enable_prefix_caching": True,
                              "generation_config": "vllm", **(engine_kwargs or {})}
        self._llm: Any = None

    def chat(self, requests: Sequence[ChatRequest]) -> list[ChatResponse]:
        try:
            vllm = importlib.import_module("vllm")
        except ImportError as exc:
            raise EngineUnavailable(f"the vllm engine needs vllm installed (the [offline] extra): {exc}") from exc
        if self._llm is None:
            self._llm = vllm.LLM(model=self.settings.llm_model, **self.engine_kwargs)
        key = _structured_outputs_key()
        structured = getattr(vllm.sampling_params, "StructuredOutputsParams", None) or \
            getattr(vllm.sampling_params, "GuidedDecodingParams", None)
        params = []
        for r in requests:
            raw = sampling_params(r, key)
            spec = raw.pop(key, None)
            if spec is not None and structured is not None:
                raw[key] = structured(**spec)
            params.append(vllm.SamplingParams(**raw))
        kwargs = self.settings.llm_chat_template_kwargs
        outputs = self._llm.chat([r.messages for r in requests], sampling_params=params, use_tqdm=False,
                                 **({"chat_template_kwargs": dict(kwargs)} if kwargs else {}))
        return [ChatResponse(text=o.outputs[0].text, finish_reason=str(o.outputs[0].finish_reason or "stop"),
                             prompt_tokens=len(o.prompt_token_ids or []), completion_tokens=len(o.outputs[0].token_ids),
                             cached_tokens=int(getattr(o, "num_cached_tokens", 0) or 0)) for o in outputs]


def check_engine(settings: Settings) -> None:
    """Before a run: raise ``EngineUnavailable`` (one line) when the named engine's libraries are not installed.

    The HTTP path checks its server; an offline engine has none, but a missing ``vllm`` would
    otherwise only show when the first batch fails, and every chunk would fall back to rules.
    """
    needs = {"ray-data": ("ray.data.llm", "vllm"), "vllm": ("vllm",)}.get(settings.llm_engine, ())
    for module in needs:
        try:
            found = importlib.util.find_spec(module) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            raise EngineUnavailable(f"BENCHCLAIMS_LLM_ENGINE={settings.llm_engine}: {module} is not installed "
                                    f"(pip install 'benchclaims[offline]' on a GPU host)")
    if settings.llm_engine not in ENGINES:
        build_engine(settings)


def build_engine(settings: Settings) -> OfflineEngine | None:
    """The offline engine ``settings.llm_engine`` names; None for ``http`` (the server path).

    ``module:factory`` names any callable taking ``Settings`` and returning an ``OfflineEngine``.
    """
    name = settings.llm_engine
    if name == "http":
        return None
    if name == "ray-data":
        return RayDataLLMEngine(settings)
    if name == "vllm":
        return VLLMOfflineEngine(settings)
    module, _, attr = name.partition(":")
    try:
        factory = getattr(importlib.import_module(module), attr)
    except (ImportError, AttributeError, ValueError) as exc:
        raise EngineUnavailable(f"BENCHCLAIMS_LLM_ENGINE={name!r}: not one of {', '.join(ENGINES)} and not an "
                                f"importable module:factory ({exc})") from exc
    engine = factory(settings)
    if not isinstance(engine, OfflineEngine):
        raise EngineUnavailable(f"BENCHCLAIMS_LLM_ENGINE={name!r}: the factory did not return an engine with chat()")
    return engine
