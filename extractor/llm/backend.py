"""The ``llm`` backend: instructor over the async openai client, against vLLM (or any OpenAI-compatible server).

How a document is extracted:

1. ``prefilter.build_chunks`` keeps candidate sentences (never tables), grouped by section
   (the section title and subject go with each chunk as context), in chunks sized by the
   answer budget (``chunk_chars``); small sections are packed into one request
   (``prefilter.PackedChunk``). With ``send_tables`` (``--backend llm``; never in hybrid)
   each table goes as row groups with its header repeated, answered per row
   (``tables.TableRows``);
2. each chunk is one request, at most ``settings.llm_concurrency`` in flight (fewer after a
   429, ``transport.AdaptiveLimit``), answered as ``schemas.ClaimList`` — first looked up in
   the response cache (key: sha256 of model, prompt version and the exact message);
3. every returned claim is grounded (``grounding.Grounder``, ``tables.ground_rows``): located
   in the text with exact offsets, its numbers found in its quote, its names whole in the text
   sent or its section, a table value the very cell of its model x benchmark; the rest are
   dropped, and re-asked once with the reasons — only the excerpts holding their quotes
   (``prefilter.focus``) — and counted (``stats.dropped_ungrounded``);
4. an answer cut at ``max_tokens`` keeps its complete claims and its chunk is split and asked
   again (``salvage``);
5. a chunk that still fails after the retries falls back to the rules backend for that
   chunk's excerpts (``stats.fallback_chunks`` and a line in ``stats.errors``): no
   document is ever lost to a flaky server.

Client CPU per request is what limits throughput with many requests in flight (all of
them share one event loop), so the session is built to spend little of it: the openai
client runs over aiohttp (``openai.DefaultAioHttpClient``, the ``openai[aiohttp]``
extra; httpx's own transport costs about 1.5 ms more per request), the tool /
response-format schema, the same for every request, goes in ``extra_body`` so the
openai client does not re-walk it with its type-driven transform on every call
(about 0.6 ms), and it is computed once (``_schema_once``, about 2 ms). Measured in
``benchmarks/llm_concurrency.py``.

Faults and who handles them: HTTP 429/5xx, timeouts and connection errors are retried by
``transport.Transport`` (exponential backoff honouring ``Retry-After``; a circuit breaker
when the server stops answering; fewer requests in flight after a 429), the openai client
itself retrying nothing (``max_retries=0``); output that is not JSON or does not fit the
schema is asked again (up to ``settings.llm_retries`` times) as the same message with a
one-line note naming the error (``_invalid_output``) — instructor itself re-asks nothing, as
its re-ask sends the bad answer back with pydantic's whole report. Before a run the CLI
checks the server (``transport.check_server``) and stops with one line naming its URL when
it cannot be used.

With an offline engine (``engine=``, ``extractor.llm.offline``: Ray Data LLM, vLLM's
``LLM.chat``) the only difference is the bottom call: ``BatchingSender`` replaces the HTTP
transport under the same instructor call and hands each round of requests to the engine as one
batch; everything above (chunks, prompts, grounding, re-asks, salvage, fallback, accounting) is
this module's.

Which structured-output mode, and why (checked against instructor 1.17 / openai 3.3 by
recording the request bodies a fake server receives, see ``tests/extractor/llm/test_backend.py``):

* ``Mode.JSON_SCHEMA`` (the default) sends ``response_format={"type": "json_schema", "json_schema":
  {"name": "ClaimList", "schema": <schema>}}`` — in 1.17 the proper OpenAI structured-output
  form (the older ``{"type": "json_object", "schema": ...}`` shape, which vLLM does not treat
  as a schema, is no longer sent). vLLM's structured outputs enforce it while decoding and
  the schema stays out of the prompt.
* ``Mode.TOOLS`` (``BENCHCLAIMS_LLM_MODE=tools``) sends ``tools=[{"type": "function", "function":
  {"name": "ClaimList", "parameters": <schema>}}]`` with a *named*
  ``tool_choice={"type": "function", "function": {"name": "ClaimList"}}``. vLLM serves
  named tool choice through its structured-output backend, so the arguments are
  constrained to the schema; no ``--enable-auto-tool-choice`` / tool parser is needed. But
  the chat template renders the ~4.7k-character tool schema into every prompt, with an
  instruction to call tools that the forced choice contradicts.
* ``Mode.JSON`` sends only ``{"type": "json_object"}`` (schema in the prompt, not
  enforced): not offered.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import importlib
import importlib.util
import logging
from collections.abc import Callable, Coroutine, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar

from pydantic import ValidationError

from extractor.base import Extractor, get_extractor
from extractor.llm.cache import ResponseCache, cache_key
from extractor.llm.grounding import Grounder, fold_text
from extractor.llm.offline import BatchingSender, OfflineEngine
from extractor.llm.prefilter import (
    DEFAULT_MAX_CHUNK_CHARS,
    Chunk,
    PackedChunk,
    build_chunks,
    document_sections,
    focus,
    pack_chunks,
)
from extractor.llm.prompt import PROMPT_VERSION, system_prompt
from extractor.llm.salvage import salvage, split_chunk
from extractor.llm.tables import TABLE_PROMPT_VERSION, TableChunk, TableRows, ground_rows, table_chunks
from extractor.llm.transport import CURRENT, LLMServerDown, OutputTruncated, RequestStats, Transport, check_server
from schemas import ClaimList, ComparisonClaim, Document, Extraction, ExtractionStats, ScoreClaim, Settings

AnyClaim = ScoreClaim | ComparisonClaim
T = TypeVar("T")

# instructor logs every failed attempt at ERROR; with no logging configured Python would
# print those to stderr. Failures are reported in ``stats.errors`` instead.
logging.getLogger("instructor").addHandler(logging.NullHandler())
logging.getLogger("instructor").propagate = False

MODES = ("tools", "json_schema")
# Output-aware chunk size: a dense results paragraph answered claim by claim (quotes copied, CJK at
# about one token per character) costs up to ~0.5 output tokens per input character (the seeds: 0.29
# on average); a chunk is sized so that its expected answer takes at most half of max_tokens, and its
# input (system prompt + chunk, a token per character at worst) plus max_tokens fits max_model_len.
OUTPUT_TOKENS_PER_CHAR = 0.5
MIN_CHUNK_CHARS = 400
MAX_SPLIT_DEPTH = 3  # an answer cut at max_tokens splits its chunk in two, at most this many times over


class LLMUnavailable(ImportError):
    """The ``[llm]`` extra (instructor, openai) is not installed."""


def _import_llm_libs() -> tuple[Any, Any]:
    try:
        instructor = importlib.import_module("instructor")
        openai = importlib.import_module("openai")
    except ImportError as exc:
        raise LLMUnavailable(f"the llm backend needs the [llm] extra: pip install 'benchclaims[llm]' ({exc})") from exc
    return instructor, openai


def run_sync(coro: Coroutine[Any, Any, T]) -> T:
    """Run ``coro`` to completion from synchronous code, even if an event loop is already running here."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:  # e.g. called from an async web handler
        return pool.submit(asyncio.run, coro).result()


# Request parameters we build as plain JSON (text messages, the schema): sent through
# ``extra_body``, which the openai client merges into the body as is; ``messages=[]`` only
# satisfies the typed signature and is overridden by the merge.
_PLAIN_JSON_PARAMS = ("messages", "tools", "tool_choice", "response_format")


@dataclass
class _Session:
    """One client and one transport, shared by every chunk of every document of a run.

    ``create`` is instructor's patched chat-completions call (``response_model=``,
    re-asks on invalid output); ``raw`` is the underlying ``openai.AsyncOpenAI``;
    ``transport`` carries every HTTP attempt (retries, circuit breaker, 429 brake,
    accounting; ``extractor.llm.transport``).
    """

    create: Callable[..., Coroutine[Any, Any, Any]]
    raw: Any
    transport: Transport | None  # None with an offline engine (extractor.llm.offline.BatchingSender)


def _schema_once(model: Any) -> Any:
    """``model`` (instructor's wrapped response model) with its JSON schema computed once.

    instructor's JSON_SCHEMA mode calls ``model_json_schema()`` on every request to build
    ``response_format``: about 2 ms of client CPU each time for the claim schema (measured in
    ``benchmarks/llm_concurrency.py``), the same dict every time. The dict is only serialised
    into the request body, so the wrapped class hands out the one computed here.
    """
    schema = model.model_json_schema()
    model.model_json_schema = classmethod(lambda cls, *args, **kwargs: schema)
    return model


def _find_tables(text: str) -> list[Any]:
    try:
        from extractor.tables.grid import find_tables

        return find_tables(text)
    except Exception:  # odd markup must not lose the document: its tables then go as prose
        return []


class Dropped(NamedTuple):
    """A claim grounding dropped: why, and its quote (to send only that excerpt again; "" for a table cell)."""

    reason: str
    quote: str = ""


@dataclass
class _ChunkOutcome:
    claims: list[AnyClaim] = field(default_factory=list)
    error: str | None = None


def _optional(module: str, attr: str) -> Callable[..., Any] | None:
    try:
        return getattr(importlib.import_module(module), attr, None)  # type: ignore[no-any-return]
    except ImportError:
        return None


class LLMExtractor:
    """Extractor over an OpenAI-compatible server; see the module docstring.

    ``cache``: any object with ``cache_get(key) -> str | None`` and ``cache_put(key, value)``
    (the warehouse's cache, or ``MemoryCache``); may also be set later as ``.cache``.
    ``fallback``: the extractor used for failed chunks (default: the ``rules`` backend,
    built on first need); pass ``use_fallback=False`` to disable it.
    """

    name = "llm"

    def __init__(self, settings: Settings | None = None, cache: ResponseCache | None = None, *,
                 mode: str | None = None, fallback: Extractor | None = None, use_fallback: bool = True,
                 max_chunk_chars: int = DEFAULT_MAX_CHUNK_CHARS, max_tokens: int | None = None,
                 prompt_version: str = PROMPT_VERSION, send_tables: bool = True, pack_sections: bool | None = None,
                 engine: OfflineEngine | None = None) -> None:
        self.settings = settings or Settings()
        self.cache = cache
        # an offline engine (extractor.llm.offline) instead of the HTTP server: structured output is its JSON schema
        self.engine = engine
        self.mode = "json_schema" if engine is not None else (mode or getattr(self.settings, "llm_mode", "json_schema"))
        if self.mode not in MODES:
            raise ValueError(f"unknown LLM mode {self.mode!r}; choose one of {', '.join(MODES)}")
        self.max_chunk_chars = max_chunk_chars
        self.max_tokens: int = max_tokens or self.settings.llm_max_tokens
        self.max_model_len: int = self.settings.llm_max_model_len
        self.prompt_version = prompt_version
        self._system = system_prompt(prompt_version)  # fail now, naming the file, not per chunk
        self._table_system = system_prompt(TABLE_PROMPT_VERSION)
        self.reask_dropped = True  # one re-ask per chunk whose answer had claims dropped by grounding
        self._folded_cache: dict[tuple[str, str, int], str] = {}
        self.send_tables = send_tables  # False in hybrid: the table reader reads the tables
        # small sections' chunks share a request (prefilter.PackedChunk)
        self.pack_sections = self.settings.llm_pack_sections if pack_sections is None else pack_sections
        self._fallback = fallback
        self._use_fallback = use_fallback
        self.last_batches: list[int] = []  # with an offline engine: the size of each batch of the last run
        self._instructor, self._openai = _import_llm_libs()
        # Wrapped once here: instructor wraps a plain model anew on every call, which defeats its
        # schema cache: 13-15 ms of client CPU per request instead of 7-8 (measured), and client
        # CPU is what caps throughput with many requests in flight.
        self._response_model = _schema_once(self._instructor.openai_schema(ClaimList))
        self._table_model = _schema_once(self._instructor.openai_schema(TableRows))
        # vLLM applies the model's generation_config.json unless told otherwise (Qwen2.5 ships
        # repetition_penalty 1.05, which penalises exactly the verbatim quotes asked for): 1.0 is sent,
        # and llm-serve starts vLLM with --generation-config vllm as well.
        self._extra_body: dict[str, Any] = {"repetition_penalty": 1.0}
        kwargs = getattr(self.settings, "llm_chat_template_kwargs", None)
        if kwargs:
            self._extra_body["chat_template_kwargs"] = dict(kwargs)
        words = _optional("extractor.lexicon", "subject_words")
        try:
            self._subject_words = frozenset(w.lower() for w in words()) if words else frozenset()
        except Exception:  # a teammate's lexicon file missing must not stop the LLM backend
            self._subject_words = frozenset()
        self._canonical_model = _optional("extractor.normalize", "canonical_model")
        self._canonical_benchmark = _optional("extractor.normalize", "canonical_benchmark")

    @property
    def label(self) -> str:
        """The ``extractor`` field of every claim this backend emits."""
        return f"llm:{self.settings.llm_model}"

    # ----- public API -------------------------------------------------------------

    def extract(self, document: Document) -> Extraction:
        """Synchronous, for the Extractor protocol (runs an event loop inside)."""
        return run_sync(self.aextract(document))

    async def aextract(self, document: Document) -> Extraction:
        async with self._session() as session:
            return await self._extract_document(session, document)

    def extract_many(self, documents: Iterable[Document]) -> list[Extraction]:
        """Extract several documents with their requests overlapping (one shared concurrency limit)."""
        return run_sync(self.aextract_many(list(documents)))

    async def aextract_many(self, documents: Sequence[Document]) -> list[Extraction]:
        async with self._session() as session:
            return list(await asyncio.gather(*(self._extract_document(session, d) for d in documents)))

    # ----- internals --------------------------------------------------------------

    def check_server(self) -> None:
        """Raise ``LLMUnreachable`` (one line naming the URL) unless the server answers and serves the model."""
        if self.engine is not None:  # no server: the engine runs in this process or on the Ray cluster
            return
        s = self.settings
        check_server(s.llm_base_url, s.llm_model, s.llm_api_key.get_secret_value())

    @asynccontextmanager
    async def _session(self) -> Any:
        s = self.settings
        if self.engine is not None:
            # the same instructor call, prompts, grounding and salvage; only the bottom call is a batch to the engine
            sender = BatchingSender(self.engine, s.llm_model, retries=s.llm_retries)
            self.last_batches = sender.batches
            yield _Session(create=self._instructor.patch(create=sender.send, mode=self._instructor.Mode.JSON_SCHEMA),
                           raw=None, transport=None)
            return
        # max_retries=0: every retry is the transport's (breaker, 429 brake; see extractor.llm.transport)
        raw = self._openai.AsyncOpenAI(base_url=s.llm_base_url, api_key=s.llm_api_key.get_secret_value(),
                                       timeout=s.llm_timeout, max_retries=0, http_client=self._http_client())

        async def post(**kwargs: Any) -> Any:
            return await raw.chat.completions.create(**kwargs)

        transport = Transport(self._openai, post, s.llm_base_url, s.llm_concurrency, s.llm_retries)

        async def send(**kwargs: Any) -> Any:
            """openai's create, with the JSON-ready parameters passed through untransformed (see module doc)."""
            extra = dict(kwargs.pop("extra_body", None) or {})
            extra.update((k, kwargs.pop(k)) for k in _PLAIN_JSON_PARAMS if k in kwargs)
            return await transport.call(**kwargs, messages=[], extra_body=extra)

        mode = self._instructor.Mode.TOOLS if self.mode == "tools" else self._instructor.Mode.JSON_SCHEMA
        create = self._instructor.patch(create=send, mode=mode)
        try:
            yield _Session(create=create, raw=raw, transport=transport)
        finally:
            await raw.close()

    def _http_client(self) -> Any:
        """openai's aiohttp-backed client when aiohttp is installed, else ``None`` (openai's httpx default)."""
        if importlib.util.find_spec("aiohttp") is None:
            return None
        return self._openai.DefaultAioHttpClient()

    async def _extract_document(self, session: _Session, document: Document) -> Extraction:
        if not document.sections:
            document = document.model_copy(update={"sections": document_sections(document)})
        stats = ExtractionStats()
        chunks = self.chunks(document)
        grids = _find_tables(document.text)
        outcomes = await asyncio.gather(*(self._run_chunk(session, document, c, stats, grids) for c in chunks))
        claims: list[AnyClaim] = []
        failed: list[Chunk] = []
        for i, (chunk, outcome) in enumerate(zip(chunks, outcomes, strict=True)):
            claims.extend(outcome.claims)
            if outcome.error is None:
                continue
            failed.append(chunk)
            stats.fallback_chunks += 1
            stats.errors.append(f"{document.source}: chunk {i + 1}/{len(chunks)} (section {chunk.section.title!r}, "
                                f"chars {chunk.excerpts[0].start}-{chunk.excerpts[-1].end}) fell back to rules: "
                                f"{outcome.error}")
        if failed:
            claims.extend(await self._fallback_claims(document, failed, stats))
        for claim in claims:
            self._canonicalise(claim)
        return Extraction(document=document, claims=_unique(claims), extractor=self.label, stats=stats)

    def chunk_chars(self) -> int:
        """The largest chunk (characters) whose expected answer and input fit the budgets (see OUTPUT_TOKENS_PER_CHAR)."""
        by_output = int(self.max_tokens / 2 / OUTPUT_TOKENS_PER_CHAR)
        by_input = self.max_model_len - self.max_tokens - len(self._system) - 256
        return max(MIN_CHUNK_CHARS, min(self.max_chunk_chars, by_output, by_input))

    def chunks(self, document: Document) -> list[Chunk]:
        """What is sent for ``document``: prose chunks, and (``send_tables``) table row groups, in text order."""
        size = self.chunk_chars()
        chunks = build_chunks(document, size, tables=False)
        if self.pack_sections:
            chunks = pack_chunks(chunks, size)
        if self.send_tables:
            grids = _find_tables(document.text)
            if grids:
                chunks += table_chunks(document, grids, document_sections(document), size, self.max_tokens)
        return sorted(chunks, key=lambda c: c.excerpts[0].start)

    async def _ask(self, session: _Session, message: str, table: bool = False, feedback: str | None = None) -> Any:
        """One chunk's answer; with ``feedback`` (what grounding dropped from a previous answer, and why) a re-ask.

        The previous answer itself is not sent back: the feedback names every dropped item and why.
        An answer that is not JSON of the schema is asked again (up to ``llm_retries`` times) the same
        way: the same message with a one-line note of what was wrong, not instructor's re-ask, which
        sends the bad answer back with pydantic's full error report (on the faulty benchmark that was
        more text than the table corpus's prose chunks themselves).
        """
        model = self._table_model if table else self._response_model
        system = {"role": "system", "content": self._table_system if table else self._system}
        # notes go at the end of the same user message, so every re-ask starts with exactly the
        # prefix already sent (the server's prefix cache covers it) and only the note is new
        base = message if feedback is None else message + "\n\n" + feedback
        content = base
        for attempt in range(self.settings.llm_retries + 1):
            try:
                result = await session.create(
                    model=self.settings.llm_model,
                    response_model=model,
                    messages=[system, {"role": "user", "content": content}],
                    max_retries=0,  # one attempt: instructor re-asks nothing (see the docstring)
                    temperature=0,
                    max_tokens=self.max_tokens,
                    extra_body=self._extra_body,
                )
            except Exception as exc:
                invalid = _invalid_output(exc)
                if invalid is None or attempt == self.settings.llm_retries:
                    raise
                content = base + "\n\n" + invalid
                continue
            expected = TableRows if table else ClaimList
            if not isinstance(result, expected):  # defensive: instructor returns the response model
                raise TypeError(f"unexpected response type {type(result).__name__}")
            return result
        raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises

    async def _request(self, session: _Session, message: str, table: bool, stats: ExtractionStats,
                       feedback: str | None = None) -> Any:
        """``_ask`` with the request's cost added to ``stats``."""
        spent = RequestStats()
        token = CURRENT.set(spent)
        try:
            return await self._ask(session, message, table, feedback)
        finally:
            CURRENT.reset(token)
            _add_spent(stats, spent)

    def _ground(self, answer: Any, chunk: Chunk, document: Document,
                grids: list[Any] | None) -> tuple[list[AnyClaim], list[Dropped]]:
        """The answer's claims that pass grounding, and each other one with why it was dropped."""
        if isinstance(chunk, TableChunk):
            table_claims, reasons = ground_rows(answer, chunk, document, self.label)
            return list(table_claims), [Dropped(r) for r in reasons]
        parts = chunk.parts if isinstance(chunk, PackedChunk) else [chunk]
        folded = self._folded(document)
        grounders = [Grounder(document, part, self.label, self._subject_words, grids, folded) for part in parts]
        kept: list[AnyClaim] = []
        dropped: list[Dropped] = []
        for facts in answer.claims:
            reason = None
            for grounder in grounders:  # the part (section) whose excerpts hold the quote
                grounded = grounder.ground(facts)
                if grounded.claim is not None:
                    kept.append(grounded.claim)
                    break
                if reason is None or reason.startswith("quote not found"):  # prefer the part holding the quote
                    reason = grounded.reason
            else:
                dropped.append(Dropped(reason or "not grounded", str(getattr(facts, "quote", "") or "")))
        return kept, dropped

    async def _after_truncation(self, session: _Session, document: Document, chunk: Chunk, stats: ExtractionStats,
                                grids: list[Any] | None, cut: OutputTruncated, depth: int) -> _ChunkOutcome:
        """An answer cut at max_tokens: keep its complete items, and ask again for each half of the chunk."""
        stats.truncated += 1
        stats.llm_chunks += 1
        table = isinstance(chunk, TableChunk)
        kept, dropped = self._ground(salvage(cut.text, table), chunk, document, grids)
        stats.dropped_ungrounded += len(dropped)
        halves = split_chunk(chunk, document.text) if depth < MAX_SPLIT_DEPTH else []
        if not halves:
            stats.errors.append(f"section {chunk.section.title!r}: the answer was cut at max_tokens "
                                f"({self.max_tokens}) and the chunk cannot be split further; kept the "
                                f"{len(kept)} complete claim(s) before the cut")
            return _ChunkOutcome(claims=kept)
        outcomes = await asyncio.gather(*(self._run_chunk(session, document, h, stats, grids, depth + 1)
                                          for h in halves))
        errors = [o.error for o in outcomes if o.error is not None]
        if errors:  # a half that failed: the whole chunk goes to the fallback, with what was salvaged kept
            return _ChunkOutcome(claims=kept + [c for o in outcomes for c in o.claims], error=errors[0])
        return _ChunkOutcome(claims=kept + [c for o in outcomes for c in o.claims])

    async def _run_chunk(self, session: _Session, document: Document, chunk: Chunk,
                         stats: ExtractionStats, grids: list[Any] | None = None, depth: int = 0) -> _ChunkOutcome:
        """Ask (or read the cache), ground, and once re-ask a chunk whose answer had claims dropped.

        The re-ask is the same request with a note naming each dropped item and why; the claims kept
        are those of both answers; every claim dropped is counted (``dropped_ungrounded``) and what the
        re-ask still got wrong is reported in one line.
        """
        message = chunk.message
        table = isinstance(chunk, TableChunk)
        key = cache_key(self.settings.llm_model, TABLE_PROMPT_VERSION if table else self.prompt_version, message)
        answer = self._cached(key, TableRows if table else ClaimList)
        cached = answer is not None
        if cached:
            stats.cache_hits += 1
        else:
            stats.chars_sent += len(message)
            try:
                answer = await self._request(session, message, table, stats)
            except Exception as exc:  # every failure mode ends in the rules fallback, never in a lost document
                cut = _caused_by(exc, OutputTruncated)
                if isinstance(cut, OutputTruncated):
                    return await self._after_truncation(session, document, chunk, stats, grids, cut, depth)
                if _caused_by(exc, LLMServerDown):
                    stats.server_down = True
                return _ChunkOutcome(error=_describe(exc))
            stats.llm_chunks += 1
        kept, dropped = self._ground(answer, chunk, document, grids)
        total_dropped, reasked = len(dropped), False
        if dropped and not cached and self.reask_dropped:
            # only the excerpts holding the dropped claims go again (the whole chunk when one cannot be placed)
            again = chunk if table else focus(chunk, [d.quote for d in dropped], document.text)
            try:
                second = await self._request(session, again.message, table, stats,
                                             _feedback([d.reason for d in dropped], table))
            except Exception:  # the first answer's grounded claims stand
                second = None
            if second is not None:
                more, dropped = self._ground(second, again, document, grids)
                kept += more  # repeats of the first answer's claims are removed with the document's
                total_dropped += len(dropped)
                reasked = True
                answer = _combined(answer, second)
        if not cached and self.cache is not None:
            try:
                self.cache.cache_put(key, answer.model_dump_json())
            except Exception as exc:  # a broken cache costs a re-ask next time, nothing more
                stats.errors.append(f"{document.source}: response cache write failed: {exc}")
        stats.dropped_ungrounded += total_dropped
        if dropped and not cached:
            when = "after a re-ask " if reasked else ""
            reasons = [d.reason for d in dropped]
            stats.errors.append(f"section {chunk.section.title!r}: {len(dropped)} claim(s) still dropped by grounding "
                                f"{when}({'; '.join(reasons[:3])}"
                                + (f"; and {len(dropped) - 3} more)" if len(dropped) > 3 else ")"))
        return _ChunkOutcome(claims=kept)

    def _folded(self, document: Document) -> str:
        """The document's text folded for name grounding, computed once per document (weakly cached)."""
        key = (document.source, document.sha256, len(document.text))
        folded = self._folded_cache.get(key)
        if folded is None:
            folded = fold_text(document.text)
            if len(self._folded_cache) > 64:
                self._folded_cache.clear()
            self._folded_cache[key] = folded
        return folded

    def _cached(self, key: str, model: Any = ClaimList) -> Any:
        if self.cache is None:
            return None
        try:
            raw = self.cache.cache_get(key)
            return model.model_validate_json(raw) if raw is not None else None
        except Exception:  # unreadable entry (older schema): ask again
            return None

    async def _fallback_claims(self, document: Document, failed: list[Chunk], stats: ExtractionStats) -> list[AnyClaim]:
        """Rules-backend claims lying inside the failed chunks' excerpts."""
        if not self._use_fallback:
            return []
        try:
            if self._fallback is None:
                self._fallback = get_extractor("rules", self.settings)
            extraction = await asyncio.to_thread(self._fallback.extract, document)
        except Exception as exc:
            stats.errors.append(f"{document.source}: rules fallback unavailable: {_describe(exc)}")
            return []
        spans = [(e.start, e.end) for c in failed for e in c.excerpts]
        return [c for c in extraction.claims if any(a <= c.start and c.end <= b for a, b in spans)]

    def _canonicalise(self, claim: AnyClaim) -> None:
        try:
            if self._canonical_model is not None:
                if claim.model_canonical is None:
                    claim.model_canonical = self._canonical_model(claim.model)
                if isinstance(claim, ComparisonClaim) and claim.baseline_canonical is None:
                    claim.baseline_canonical = self._canonical_model(claim.baseline)
            if self._canonical_benchmark is not None and claim.benchmark and claim.benchmark_canonical is None:
                claim.benchmark_canonical = self._canonical_benchmark(claim.benchmark)
        except Exception:  # canonical names are a convenience; the claim stands without them
            pass


def _feedback(dropped: list[str], table: bool) -> str:
    """The re-ask after grounding dropped claims: what was wrong, and what to do (short: it is sent per re-ask)."""
    reasons = "\n".join(f"- {r}" for r in dropped[:20])
    how = ("take each value from the very cell at its row and column" if table else
           "copy quotes, numbers and names exactly from the excerpts")
    return (f"Note: a previous answer to these excerpts had claims the text does not support (dropped):\n"
            f"{reasons}\nAnswer again with the complete list; {how}.")


def _invalid_output(exc: BaseException) -> str | None:
    """The note for a re-ask when ``exc`` says the answer was not JSON of the schema; None for any other failure.

    One line per error (where and what, at most three), without the bad answer itself.
    """
    if _caused_by(exc, OutputTruncated) is not None or _caused_by(exc, LLMServerDown) is not None:
        return None
    invalid = _caused_by(exc, ValidationError)
    if isinstance(invalid, ValidationError):
        errors = invalid.errors(include_url=False, include_context=False, include_input=False)
        what = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ())) or 'answer'}: {e.get('msg', '')}"[:120]
                         for e in errors[:3])
    else:
        # not JSON at all (json.JSONDecodeError), or no tool call / content to parse (instructor's
        # ResponseParsingError, a ValueError): the kinds of failure instructor itself would re-ask
        parse = _caused_by(exc, ValueError)
        if parse is None or isinstance(parse, TypeError):
            return None
        what = _describe_one(parse)[:160]
    return f"Note: a previous answer to these excerpts was not valid JSON for the schema ({what}). Answer with JSON only."


def _combined(first: Any, second: Any) -> Any:
    """Both answers in one (for the cache): a later run grounds them again without asking."""
    if isinstance(first, TableRows):
        return TableRows(rows=first.rows + second.rows)
    return ClaimList(claims=first.claims + second.claims)


def _add_spent(stats: ExtractionStats, spent: RequestStats) -> None:
    stats.requests += spent.requests
    stats.reasks += spent.reasks
    stats.prompt_tokens += spent.prompt_tokens
    stats.completion_tokens += spent.completion_tokens
    stats.cached_tokens += spent.cached_tokens


def _caused_by(exc: BaseException, kind: type[BaseException]) -> BaseException | None:
    """``exc`` or the first exception of its cause chain that is a ``kind`` (instructor wraps what we raise)."""
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        if isinstance(cur, kind):
            return cur
        seen.add(id(cur))
        cur = cur.__cause__ or cur.__context__
    return None


def _describe(exc: BaseException) -> str:
    """One line: the exception type and the first line of its message (no traceback)."""
    down = _caused_by(exc, LLMServerDown)
    if down is not None:
        return str(down)
    return _describe_one(exc)


def _describe_one(exc: BaseException) -> str:
    """One line: the exception type and the first line of its message (no traceback)."""
    cause = exc.__cause__ or exc.__context__
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    line = f"{type(exc).__name__}: {text}"[:300]
    if cause is not None and type(cause).__name__ not in line:
        line += f" (from {type(cause).__name__})"
    return line


def _unique(claims: list[AnyClaim]) -> list[AnyClaim]:
    """Drop exact repeats (same kind, span and facts), keeping document order."""
    seen: set[tuple[Any, ...]] = set()
    out: list[AnyClaim] = []
    for c in sorted(claims, key=lambda c: (c.start, c.end)):
        key = (c.kind, c.start, c.end, c.model, c.benchmark, c.value, c.setting, c.baseline, c.relation, c.delta)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out

