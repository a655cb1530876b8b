"""Inputs in, extractions out: the one loop every front end (CLI, API, eval) uses.

Reads each input (file, URL or arXiv id: ``extractor.inputs``), splits it into sections, runs the chosen backend and yields the
result in file order. A file that cannot be read, or a document on which the backend
fails unexpectedly, becomes a ``FileProblem`` naming the file and the reason, so one bad
file never stops a run.
"""

from __future__ import annotations

import multiprocessing
import queue
import signal
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat
from pathlib import Path
from typing import Any

from extractor.base import get_extractor
from extractor.files import UnreadableFile
from extractor.inputs import RemoteInput, iter_inputs, read_input
from extractor.re_cache import cached_patterns
from schemas import Document, DocumentMeta, Extraction, FileProblem, Settings

# The section splitter's ~35 module-level patterns, and the ~25 it compiles on first use (``prepare``), come from the
# regex cache (``extractor.re_cache``) like the rules' patterns: compiled, they were ~0.015 s of every start.
with cached_patterns():
    from extractor.segment import split_sections

Input = Path | RemoteInput
# (input name, bytes so far, total bytes or None): called while a URL or arXiv paper downloads
DownloadHook = Callable[[str, int, int | None], None]


_prepared = False  # whether this process has prepared a document yet (a forked worker starts with its parent's)


def prepare(document: Document) -> Document:
    """Fill ``document.sections`` when the reader left them empty, and the title from the first
    heading when the document stated none."""
    global _prepared
    if not _prepared:
        _prepared = True
        with cached_patterns():  # (see the import of ``split_sections``)
            return _prepare(document)
    return _prepare(document)


def _prepare(document: Document) -> Document:
    if not document.sections:
        document.sections = split_sections(document.text)
    if not document.title:
        document.title = next((s.title for s in document.sections if s.title), None)
    return document


def with_meta(document: Document, meta: DocumentMeta | None) -> Document:
    """``document`` with the metadata a user gave (``ingest --url/--published``) in place of what it stated."""
    if meta is None:
        return document
    given = {k: v for k, v in meta.model_dump().items() if v not in (None, [])}
    return document.model_copy(update=given) if given else document


def extract_paths(paths: Iterable[str | Path | RemoteInput], backend: str = "rules", settings: Settings | None = None,
                  cache: Any = None, batch_docs: int = 16, jobs: int = 1, meta: DocumentMeta | None = None,
                  on_download: DownloadHook | None = None) -> Iterator[Extraction | FileProblem]:
    """Extract claims from the files named, the files under the folders named, URLs and arXiv ids
    (see ``extractor.inputs``).

    ``meta`` (title, url, published date given by the user) overrides what each document states;
    ``on_download`` reports the bytes of URL / arXiv downloads as they arrive (one process only).

    ``jobs > 1`` reads and extracts files in that many processes, this one and forked children (CPU-bound
    backends such as ``rules``; backends that batch requests already overlap them in one process). Results
    come in file order either way, and are the same claims as one process gives.

    ``cache`` is any object with ``cache_get``/``cache_put`` (the warehouse is one); backends
    that call a model keep their answers there, so a re-run costs no requests. Backends with
    ``extract_many`` (the LLM ones) get ``batch_docs`` documents at a time, so their requests
    overlap across documents, not only within one; results still come in file order.
    """
    settings = settings if settings is not None else Settings()  # the default size limit applies too
    extractor = get_extractor(backend, settings)
    if jobs > 1 and not callable(getattr(extractor, "extract_many", None)):
        # Built once here, the backend's pipeline is inherited by every forked worker instead of built in each.
        warm = getattr(extractor, "warm_up", None)
        if callable(warm):
            warm()
        yield from _extract_in_processes(list(iter_inputs(paths)), backend, settings, jobs, meta)
        return
    if cache is not None and hasattr(extractor, "cache"):
        extractor.cache = cache
    many = getattr(extractor, "extract_many", None)
    size = batch_docs if callable(many) else 1
    pending: list[tuple[Input, Document]] = []
    for path in iter_inputs(paths):
        hook = None
        if on_download is not None and isinstance(path, RemoteInput):
            name = str(path)
            hook = lambda done, total, name=name: on_download(name, done, total)  # noqa: E731
        try:
            document = read_input(path, settings, hook)
        except UnreadableFile as exc:
            yield from _run(extractor, backend, pending)
            pending = []
            yield FileProblem(path=str(path), reason=exc.reason)
            continue
        pending.append((path, prepare(with_meta(document, meta))))
        if len(pending) >= size:
            yield from _run(extractor, backend, pending)
            pending = []
    yield from _run(extractor, backend, pending)


def _extract_file(path: Input, backend: str, settings: Settings,
                  meta: DocumentMeta | None = None) -> Extraction | FileProblem:
    """One input, start to end, in a worker process: a problem comes back as a value, never raised."""
    try:
        document = prepare(with_meta(read_input(path, settings), meta))
    except UnreadableFile as exc:
        return FileProblem(path=str(path), reason=exc.reason)
    try:
        return get_extractor(backend, settings).extract(document)
    except Exception as exc:  # noqa: BLE001 - one document's failure must not lose the run
        return _failed(path, backend, exc)


def _extract_in_processes(files: list[Input], backend: str, settings: Settings,
                          jobs: int, meta: DocumentMeta | None = None) -> Iterator[Extraction | FileProblem]:
    """``_extract_file`` over ``files`` in ``jobs`` processes, results in file order.

    Where processes can be forked: this process and ``jobs - 1`` forked children (which inherit its built pipeline)
    take the next file from a shared counter until none is left, so this one extracts too instead of waiting, and
    the processes end within about one file of each other. The children send their results back through a queue;
    this process yields each result once those of the files before it are in. A file whose result never comes
    (its child died) is extracted here at the end. Elsewhere: a pool of ``jobs`` spawned workers.
    """
    if "fork" not in multiprocessing.get_all_start_methods():
        yield from _extract_in_pool(files, backend, settings, jobs, meta)
        return
    context = multiprocessing.get_context("fork")
    claimed = context.RawValue("q", 0)  # the next file to take (under ``lock``)
    lock = context.Lock()
    results: Any = context.Queue()

    def take() -> int:
        with lock:
            index = claimed.value
            claimed.value = index + 1
        return index

    children = [context.Process(target=_child, args=(files, backend, settings, meta, take, results), daemon=True)
                for _ in range(min(jobs, len(files)) - 1)]
    for child in children:
        child.start()
    done: dict[int, Extraction | FileProblem] = {}
    ready = 0  # files yielded so far
    try:
        while True:
            _drain(results, done)
            while ready in done:
                yield done.pop(ready)
                ready += 1
            index = take()
            if index >= len(files):
                break
            done[index] = _extract_file(files[index], backend, settings, meta)
        while ready < len(files):
            if ready in done:
                yield done.pop(ready)
                ready += 1
                continue
            try:
                index, result = results.get(timeout=0.05)
            except queue.Empty:
                if any(child.is_alive() for child in children):
                    continue
                _drain(results, done)
                if ready not in done:  # its child died with it: extracted here
                    done[ready] = _extract_file(files[ready], backend, settings, meta)
                continue
            done[index] = result
    finally:
        for child in children:
            if child.is_alive():
                child.terminate()
        for child in children:
            child.join()
        results.close()


def _child(files: list[Input], backend: str, settings: Settings, meta: DocumentMeta | None,
           take: Callable[[], int], results: Any) -> None:
    """A forked child of ``_extract_in_processes``: the next file, until none is left. Ctrl-C is this process's to
    handle (it ends the children): a child ignores it rather than print a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while (index := take()) < len(files):
        results.put((index, _extract_file(files[index], backend, settings, meta)))


def _drain(results: Any, done: dict[int, Extraction | FileProblem]) -> None:
    """The results the children have sent so far into ``done``."""
    while True:
        try:
            index, result = results.get_nowait()
        except queue.Empty:
            return
        done[index] = result


def _extract_in_pool(files: list[Input], backend: str, settings: Settings,
                     jobs: int, meta: DocumentMeta | None = None) -> Iterator[Extraction | FileProblem]:
    """``_extract_file`` over ``files`` in a pool of ``jobs`` spawned workers (where processes cannot be forked),
    results in file order: small files go in chunks so the per-task cost of pickling stays below the work, and
    about sixteen chunks per worker so that the worker left with the last chunk does not keep the others waiting.
    """
    chunk = max(1, min(16, len(files) // (jobs * 16)))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_extract_file, files, repeat(backend), repeat(settings), repeat(meta), chunksize=chunk)


def _failed(path: Input, backend: str, exc: Exception) -> FileProblem:
    return FileProblem(path=str(path), reason=f"extractor {backend!r} failed: {type(exc).__name__}: {exc}")


def _run(extractor: Any, backend: str, pending: list[tuple[Input, Document]]) -> Iterator[Extraction | FileProblem]:
    """Extract ``pending`` together when the backend can, else one by one; a failure never loses a document."""
    if not pending:
        return
    if len(pending) > 1:
        try:
            yield from extractor.extract_many([doc for _, doc in pending])
            return
        except Exception:  # noqa: BLE001, S110 - retried one by one below, so each failure names its file
            pass
    for path, document in pending:
        try:
            yield extractor.extract(document)
        except Exception as exc:  # noqa: BLE001 - one document's failure must not lose the run
            yield _failed(path, backend, exc)
