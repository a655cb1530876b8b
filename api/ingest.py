"""Extraction of a document posted to the API, with errors turned into HTTP statuses.

The same steps as ``extractor.pipeline.extract_paths`` (decode, split into sections, run the
backend), starting from text instead of a file. Extractors are built once per backend and
settings object, because building one loads its lexicons.
"""

from __future__ import annotations

import threading

from fastapi import HTTPException

from extractor.base import BackendUnavailable, Extractor, get_extractor
from extractor.files import UnreadableFile, document_from_bytes
from extractor.inputs import classify, read_input
from extractor.pipeline import prepare, with_meta
from schemas import Document, DocumentMeta, Extraction, Settings

_extractors: dict[tuple[str, int], Extractor] = {}
_lock = threading.Lock()


def _extractor(backend: str, settings: Settings) -> Extractor:
    key = (backend, id(settings))
    with _lock:
        if key not in _extractors:
            _extractors[key] = get_extractor(backend, settings)
        return _extractors[key]


def extract_text(text: str, source: str, backend: str, settings: Settings) -> Extraction:
    """Extract the claims of a posted document; 422 for unusable text, 503 for a missing backend."""
    return extract_bytes(text.encode("utf-8"), source, backend, settings)


def extract_bytes(data: bytes, source: str, backend: str, settings: Settings,
                  meta: DocumentMeta | None = None) -> Extraction:
    """Extract the claims of posted raw file bytes, decoded exactly as a local ingest decodes them.

    ``benchclaims ingest`` forwarding to a server sends the file's bytes, so the sha256
    (idempotency key), the detected encoding and every offset match a local ingest.
    """
    if len(data) > settings.max_file_bytes:
        raise HTTPException(413, f"{source}: file too large ({len(data)} bytes > limit {settings.max_file_bytes})")
    try:
        document = prepare(with_meta(document_from_bytes(data, source=source), meta))
    except UnreadableFile as exc:
        raise HTTPException(422, f"{source}: {exc.reason}") from None
    return _extract(document, backend, settings)


def extract_url(url: str, backend: str, settings: Settings, meta: DocumentMeta | None = None) -> Extraction:
    """Fetch a URL or arXiv id (``extractor.inputs``) and extract it; 422 naming it when it cannot be read."""
    try:
        document = prepare(with_meta(read_input(classify(url), settings), meta))
    except UnreadableFile as exc:
        raise HTTPException(422, f"{url}: {exc.reason}") from None
    return _extract(document, backend, settings)


def _extract(document: Document, backend: str, settings: Settings) -> Extraction:
    try:
        return _extractor(backend, settings).extract(document)
    except BackendUnavailable as exc:
        raise HTTPException(503, str(exc)) from None
