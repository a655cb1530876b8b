"""Inputs: files and folders, ``http(s)://`` URLs and arXiv ids, each read into a Document.

``iter_inputs`` expands what a user typed into inputs (folders recursively into their
supported files; URLs and arXiv ids as ``RemoteInput``); ``read_input`` turns one into a
``Document``, raising ``UnreadableFile`` with the input's name and the reason. Readers:
``extractor.files`` (local files, including PDF via ``extractor.sources.pdf``),
``extractor.sources.url`` (web pages and files by URL, httpx + trafilatura) and
``extractor.sources.arxiv`` (arXiv API + HTML/PDF).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from extractor.files import iter_input_files, read_document
from schemas import Document, Settings

if TYPE_CHECKING:
    from extractor.sources.fetch import ProgressHook


@dataclass(frozen=True)
class RemoteInput:
    """A URL or an arXiv id, as typed (``raw``) and as fetched (``kind``, ``ref``)."""

    kind: str  # "url" | "arxiv"
    ref: str  # the URL, or the arXiv id (with its version, if one was given)
    raw: str

    def __str__(self) -> str:
        return self.raw


def classify(raw: str | Path | RemoteInput) -> Path | RemoteInput:
    """A URL or arXiv id as a ``RemoteInput``; anything else (including an existing file named like
    an arXiv id) is a path."""
    if isinstance(raw, Path | RemoteInput):
        return raw
    text = raw.strip()
    if Path(text).exists():  # a file or folder, whatever it is named like (no network reader imported)
        return Path(text)
    from extractor.sources.arxiv import parse_arxiv

    arxiv = parse_arxiv(text, bare=True)
    if arxiv is not None:
        return RemoteInput("arxiv", arxiv.id + arxiv.version, text)
    if text.lower().startswith(("http://", "https://")):
        return RemoteInput("url", text, text)
    return Path(text)


def iter_inputs(raws: Iterable[str | Path | RemoteInput]) -> Iterator[Path | RemoteInput]:
    """Files, the supported files under folders (sorted), URLs and arXiv ids, in the order given."""
    for raw in raws:
        item = classify(raw)
        if isinstance(item, RemoteInput):
            yield item
        else:
            yield from iter_input_files([item])


def read_input(item: Path | RemoteInput, settings: Settings, on_progress: ProgressHook | None = None) -> Document:
    """One input -> Document; raises ``UnreadableFile`` naming it."""
    if isinstance(item, RemoteInput):
        if item.kind == "arxiv":
            from extractor.sources import arxiv

            ref = arxiv.parse_arxiv(item.ref)
            assert ref is not None
            return arxiv.fetch_document(ref, settings, on_progress)
        from extractor.sources import url

        return url.fetch_document(item.ref, settings, on_progress)
    return read_document(item, max_bytes=settings.max_file_bytes)


def input_spec(item: Path | RemoteInput) -> str:
    """A string ``classify`` turns back into the same input (for other processes and machines)."""
    if isinstance(item, RemoteInput):
        return item.ref if item.kind == "url" else f"arxiv:{item.ref}"
    return str(item)
