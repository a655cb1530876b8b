"""Finding and decoding input files.

A file that cannot be read raises ``UnreadableFile`` naming the file and the reason, so
callers report it on one line and carry on with the others.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from charset_normalizer import from_bytes

from schemas import Document

SUFFIXES: dict[str, str] = {".txt": "text/plain", ".md": "text/markdown", ".markdown": "text/markdown",
                            ".html": "text/html", ".htm": "text/html"}


class UnreadableFile(Exception):
    """The file cannot be turned into text; ``reason`` says why in a few words."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Yield the files named, and the supported files under the folders named, in a stable order.

    A path that does not exist is yielded as is, so reading it reports it by name.
    """
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUFFIXES and not child.name.startswith("."):
                    yield child
        else:
            yield p


def decode_bytes(data: bytes, path: str | Path = "<bytes>") -> tuple[str, str]:
    """Decode ``data`` to text, returning (text, encoding). Raises UnreadableFile."""
    if not data:
        raise UnreadableFile(path, "empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise UnreadableFile(path, "binary or undecodable content") from None
        text, encoding = str(best), best.encoding
    if "\x00" in text:
        raise UnreadableFile(path, "binary content (NUL bytes)")
    if not text.strip():
        raise UnreadableFile(path, "no text (only whitespace)")
    return text, encoding


def read_document(path: str | Path, max_bytes: int | None = None) -> Document:
    """Read and decode one file into a Document (sections are filled by the extractor)."""
    p = Path(path)
    if not p.exists():
        raise UnreadableFile(p, "no such file")
    if not p.is_file():
        raise UnreadableFile(p, "not a regular file")
    size = p.stat().st_size
    if max_bytes is not None and size > max_bytes:
        raise UnreadableFile(p, f"file too large ({size} bytes > limit {max_bytes})")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise UnreadableFile(p, f"cannot read: {exc.strerror or exc}") from exc
    return document_from_bytes(data, source=p.name, path=str(p))


def document_from_bytes(data: bytes, source: str, path: str | None = None) -> Document:
    """Build a Document from raw bytes (also used for documents posted to the API)."""
    text, encoding = decode_bytes(data, path or source)
    media_type = SUFFIXES.get(Path(source).suffix.lower(), "text/plain")
    return Document(source=source, path=path or source, text=text, encoding=encoding,
                    sha256=hashlib.sha256(data).hexdigest(), media_type=media_type)
