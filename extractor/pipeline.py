"""Files in, extractions out: the one loop every front end (CLI, API, eval) uses.

Reads each input file, splits it into sections, runs the chosen backend and yields the
result in file order. A file that cannot be read, or a document on which the backend
fails unexpectedly, becomes a ``FileProblem`` naming the file and the reason, so one bad
file never stops a run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from extractor.base import get_extractor
from extractor.files import UnreadableFile, iter_input_files, read_document
from extractor.segment import split_sections
from schemas import Document, Extraction, FileProblem, Settings


def prepare(document: Document) -> Document:
    """Fill ``document.sections`` when the reader left them empty."""
    if not document.sections:
        document.sections = split_sections(document.text)
    return document


def extract_paths(paths: Iterable[str | Path], backend: str = "rules",
                  settings: Settings | None = None) -> Iterator[Extraction | FileProblem]:
    """Extract claims from the files named and the files under the folders named."""
    settings = settings if settings is not None else Settings()  # the default size limit applies too
    extractor = get_extractor(backend, settings)
    max_bytes = settings.max_file_bytes
    for path in iter_input_files(paths):
        try:
            document = read_document(path, max_bytes=max_bytes)
        except UnreadableFile as exc:
            yield FileProblem(path=str(path), reason=exc.reason)
            continue
        try:
            yield extractor.extract(prepare(document))
        except Exception as exc:  # noqa: BLE001 - one document's failure must not lose the run
            yield FileProblem(path=str(path), reason=f"extractor {backend!r} failed: {type(exc).__name__}: {exc}")
