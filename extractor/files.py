"""Finding and decoding input files.

A file that cannot be read raises ``UnreadableFile`` naming the file and the reason, so
callers report it on one line and carry on with the others.

Decoding: UTF-8 (with or without BOM), UTF-16 with a BOM, and for legacy Chinese files
GB18030/GBK or Big5. Short Chinese texts fool statistical detectors (two GBK characters
look like Big5 or Korean), so the two Chinese codecs are tried first and judged by how many
of the decoded characters are common characters of that script; charset-normalizer decides
everything else.

HTML (``.html``/``.htm``) is rendered to text the rest of the extractor reads like
Markdown: block elements on their own lines, ``<h2>`` as ``## ``, ``<table>`` as pipe rows
with a ``---`` separator under the header. ``Document.text`` is that rendered text, and all
offsets refer to it. PDF (``.pdf``, or content starting ``%PDF-``) is turned into such text by
``extractor.sources.pdf``.

Metadata the document states is kept on it: an HTML page's ``<title>`` and publication-date
meta tags, a Markdown file's front matter (``title:``, ``date:``, ``url:``), a PDF's title.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from extractor.sources.meta import front_matter
from schemas import Document, DocumentMeta

SUFFIXES: dict[str, str] = {".txt": "text/plain", ".md": "text/markdown", ".markdown": "text/markdown",
                            ".html": "text/html", ".htm": "text/html", ".pdf": "application/pdf"}
DEFAULT_MAX_BYTES = 20_000_000  # same as Settings.max_file_bytes; used when a caller passes no limit


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


_TEXT_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CJK_PUNCT = set("，。、；：？！“”‘’（）《》【】—…·％「」『』")
_CHINESE_CODECS = ("gb18030", "big5")
_PLAUSIBILITY_SAMPLE = 20_000  # characters judged; the codec choice is settled long before the end


@lru_cache(maxsize=32768)
def _common_hanzi(c: str) -> bool:
    """Whether ``c`` is among the most common simplified (GB2312 level 1, lead byte B0-D7) or
    traditional (Big5 level 1, lead byte A4-C6) characters."""
    for codec, lo, hi in (("gb2312", 0xB0, 0xD7), ("big5", 0xA4, 0xC6)):
        try:
            if lo <= c.encode(codec)[0] <= hi:
                return True
        except UnicodeEncodeError:
            continue
    return False


def _chinese_plausibility(text: str) -> float:
    """Share of non-ASCII characters that are common Chinese characters or punctuation.

    A wrong codec turns Chinese into rare characters, kana or Cyrillic, so the right one scores
    far higher; judging both scripts lets GBK-encoded traditional text decode correctly too.
    """
    chars = [c for c in text[:_PLAUSIBILITY_SAMPLE] if ord(c) > 0x7F]
    if not chars:
        return 0.0
    good = sum(1 for c in chars if c in _CJK_PUNCT or ("\u4e00" <= c <= "\u9fff" and _common_hanzi(c)))
    return good / len(chars)


def _decode_legacy(data: bytes, path: str | Path) -> tuple[str, str]:
    """Bytes that are not UTF-8: a Chinese codec if one reads them plausibly, else charset-normalizer."""
    best_text, best_codec, best_score = "", "", 0.0
    for codec in _CHINESE_CODECS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = _chinese_plausibility(text)
        if score > best_score:
            best_text, best_codec, best_score = text, codec, score
    if best_score >= 0.6:
        return best_text, best_codec
    from charset_normalizer import from_bytes  # only for bytes that are neither UTF-8 nor a Chinese codepage

    guess = from_bytes(data).best()
    if guess is None:
        raise UnreadableFile(path, "binary or undecodable content")
    return str(guess), guess.encoding


def decode_bytes(data: bytes, path: str | Path = "<bytes>") -> tuple[str, str]:
    """Decode ``data`` to text, returning (text, encoding). Raises UnreadableFile."""
    if not data:
        raise UnreadableFile(path, "empty file")
    try:
        if data.startswith(b"\xef\xbb\xbf"):
            text, encoding = data[3:].decode("utf-8"), "utf-8-sig"
        elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
            text, encoding = data.decode("utf-16"), "utf-16"
        else:
            if b"\x00" in data:
                raise UnreadableFile(path, "binary content (NUL bytes)")
            try:
                text, encoding = data.decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                text, encoding = _decode_legacy(data, path)
    except UnicodeDecodeError as exc:
        raise UnreadableFile(path, f"undecodable as {exc.encoding}: bad byte at offset {exc.start}") from None
    if "\x00" in text:
        raise UnreadableFile(path, "binary content (NUL bytes)")
    if len(_TEXT_CONTROLS.findall(text[:65536])) > max(8, len(text[:65536]) // 100):
        raise UnreadableFile(path, "binary content (control characters)")
    if not text.strip():
        raise UnreadableFile(path, "no text (only whitespace)")
    return text, encoding


def read_document(path: str | Path, max_bytes: int | None = None) -> Document:
    """Read and decode one file into a Document (sections are filled by the extractor).

    ``max_bytes`` defaults to ``DEFAULT_MAX_BYTES``; larger files are refused by name.
    """
    p = Path(path)
    if not p.exists():
        raise UnreadableFile(p, "no such file")
    if not p.is_file():
        raise UnreadableFile(p, "not a regular file")
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    size = p.stat().st_size
    if size > limit:
        raise UnreadableFile(p, f"file too large ({size} bytes > limit {limit})")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise UnreadableFile(p, f"cannot read: {exc.strerror or exc}") from exc
    return document_from_bytes(data, source=p.name, path=str(p))


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text[:65536])


def document_from_bytes(data: bytes, source: str, path: str | None = None, media_type: str | None = None) -> Document:
    """Build a Document from raw bytes (also used for documents posted to the API and fetched ones).

    ``.html``/``.htm`` files (or content that is plainly an HTML page) are rendered to text,
    ``.pdf`` files (or content that starts like a PDF) read by ``extractor.sources.pdf``.
    ``media_type`` overrides what the suffix of ``source`` says (a fetched URL's content type).
    """
    where = path or source
    sha = hashlib.sha256(data).hexdigest()
    media_type = media_type or SUFFIXES.get(Path(source).suffix.lower(), "text/plain")
    if media_type == "application/pdf" or data[:1024].lstrip().startswith(b"%PDF-"):
        from extractor.sources.pdf import PdfUnreadable, read_pdf

        try:
            text, meta = read_pdf(data)
        except PdfUnreadable as exc:
            raise UnreadableFile(where, str(exc)) from None
        return Document(source=source, path=where, text=text, encoding="pdf", sha256=sha,
                        media_type="application/pdf", **meta.model_dump())
    text, encoding = decode_bytes(data, where)
    meta = DocumentMeta()
    if media_type == "text/html" or (media_type != "text/markdown" and _looks_like_html(text)):
        from extractor.sources.html import html_to_text  # BeautifulSoup, imported for HTML only
        from extractor.sources.meta import html_meta

        try:
            meta = html_meta(text)
            text = html_to_text(text)
        except Exception as exc:  # noqa: BLE001 - a parser bug must be a per-file problem, not a crash
            raise UnreadableFile(where, f"cannot parse HTML: {type(exc).__name__}") from exc
        if not text.strip():
            raise UnreadableFile(where, "no text (HTML without visible text)")
        media_type = "text/html"
    else:
        meta = front_matter(text)
        media_type = media_type if media_type in ("text/plain", "text/markdown") else "text/plain"
    return Document(source=source, path=where, text=text, encoding=encoding, sha256=sha, media_type=media_type,
                    **meta.model_dump())
