"""A web page or file by URL -> Document: the content type decides the reader.

- ``text/html`` (and XHTML): the article's main text, not the page chrome (navigation, ads,
  footers), found by trafilatura; every table trafilatura keeps is put back as the page has it
  and rendered by ``extractor.sources.html.html_to_text`` (trafilatura flattens merged cells, glues
  footnote marks onto numbers, and turns some tables into plain text, while the rules read
  tables best as pipe rows). When trafilatura finds no main text, the whole page is rendered. Title, date and authors come from
  the page's ``<head>`` (``<title>``, ``citation_publication_date``, ``article:published_time``).
- ``application/pdf``: ``extractor.sources.pdf``.
- ``text/plain`` / ``text/markdown``: decoded like a local file (front matter read).

The URL as given is the document's ``source`` (its identity: re-ingesting it replaces or keeps
the same document) and its ``url``. The sha256 of an HTML page is that of its extracted text, so
a page whose chrome changes (ads, a clock) but whose article does not is "unchanged".
"""

from __future__ import annotations

import hashlib
import re
from pathlib import PurePosixPath
from urllib.parse import urlsplit, urlunsplit

from bs4 import BeautifulSoup, Tag

from extractor.files import SUFFIXES, UnreadableFile, decode_bytes, document_from_bytes
from extractor.sources.fetch import Fetched, FetchError, ProgressHook, fetch
from extractor.sources.html import html_to_text
from extractor.sources.meta import html_meta, merge
from schemas import Document, DocumentMeta, Settings

HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain", "text/markdown", "text/x-markdown")
_WS = re.compile(r"\s+")
MIN_MAIN_SHARE = 0.15  # main text shorter than this share of the page's text: trafilatura missed it


def normalise_url(url: str) -> str:
    """The identity of a URL: scheme and host lower case, no fragment, everything else as given."""
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


def fetch_document(url: str, settings: Settings, on_progress: ProgressHook | None = None,
                   source: str | None = None) -> Document:
    """Fetch ``url`` and read it; raises ``UnreadableFile`` naming the URL and the reason."""
    identity = normalise_url(url)
    try:
        fetched = fetch(identity, settings, on_progress)
    except FetchError as exc:
        raise UnreadableFile(url, str(exc)) from None
    return document_from_fetched(fetched, source or identity, url=identity)


def document_from_fetched(fetched: Fetched, source: str, url: str, meta: DocumentMeta | None = None) -> Document:
    """A fetched body -> Document, by its content type (or, for a generic type, by the URL's suffix)."""
    ctype = fetched.content_type
    if ctype in ("", "application/octet-stream", "binary/octet-stream"):
        ctype = SUFFIXES.get(PurePosixPath(urlsplit(fetched.url).path).suffix.lower(), ctype)
    if fetched.data[:1024].lstrip().startswith(b"%PDF-"):
        ctype = "application/pdf"
    extra = meta or DocumentMeta()
    if ctype in HTML_TYPES:
        doc = _html_document(fetched, source, url)
    elif ctype == "application/pdf" or ctype in TEXT_TYPES:
        media = "text/markdown" if ctype in ("text/markdown", "text/x-markdown") else ctype
        doc = document_from_bytes(fetched.data, source=source, path=url, media_type=media)
    else:
        raise UnreadableFile(url, f"unsupported content type {ctype or '(none)'} (HTML, PDF, text or Markdown are read)")
    merged = merge(extra, DocumentMeta(url=url), doc)
    return doc.model_copy(update=merged.model_dump())


def _decode(fetched: Fetched, where: str) -> str:
    if fetched.charset:
        try:
            return fetched.data.decode(fetched.charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(fetched.data, where)[0]


def _html_document(fetched: Fetched, source: str, url: str) -> Document:
    markup = _decode(fetched, url)
    try:
        page = BeautifulSoup(markup, "html.parser")
        meta = html_meta(page)
        text = main_text(markup, page)
    except UnreadableFile:
        raise
    except Exception as exc:  # noqa: BLE001 - a parser bug must be a per-input problem, not a crash
        raise UnreadableFile(url, f"cannot parse HTML: {type(exc).__name__}") from None
    if not text.strip():
        raise UnreadableFile(url, "no text (HTML without visible text)")
    return Document(source=source, path=url, text=text, encoding=fetched.charset or "utf-8",
                    sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), media_type="text/html",
                    **meta.model_dump())


_TOKEN = "BENCHCLAIMSTABLE{}X"
_TOKEN_RE = re.compile(r"BENCHCLAIMSTABLE(\d+)X")


def main_text(markup: str, page: BeautifulSoup | None = None) -> str:
    """The article of an HTML page as the Markdown-like text ``html_to_text`` makes (see the module docstring).

    trafilatura flattens or reshapes tables (merged cells, footnote marks), so each table first gets a
    row holding a numbered token: trafilatura keeps or drops the table as it judges it, and wherever a
    token comes out (in a table, or in the text a table was flattened to) the page's own table goes
    back in, rendered by ``html_to_text``.
    """
    import trafilatura

    page = page if page is not None else BeautifulSoup(markup, "html.parser")
    whole = html_to_text(markup)
    marked = BeautifulSoup(str(page), "html.parser")
    tables: list[str] = []
    for table in marked.find_all("table"):
        if not isinstance(table, Tag) or table.find_parent("table") is not None:
            continue
        tables.append(str(table))
        row, cell = marked.new_tag("tr"), marked.new_tag("td")
        cell.string = _TOKEN.format(len(tables) - 1)
        row.append(cell)
        first = table.find("tr")
        if isinstance(first, Tag):
            first.insert_before(row)
        else:
            table.insert(0, row)
    main = trafilatura.extract(str(marked), output_format="html", include_tables=True, include_links=False,
                               include_images=False, include_comments=False, favor_recall=True, with_metadata=False)
    if not main:
        return whole
    article = BeautifulSoup(main, "html.parser")
    for node in list(article.find_all(string=_TOKEN_RE)):
        m = _TOKEN_RE.search(str(node))
        holder = node.find_parent("table") or node.parent
        if m is None or not isinstance(holder, Tag) or holder.name in ("html", "body", "[document]"):
            continue
        holder.replace_with(BeautifulSoup(tables[int(m.group(1))], "html.parser"))
    text = html_to_text(str(article))
    title = page.find("title")
    if article.find("h1") is None and isinstance(title, Tag) and title.get_text().strip():
        text = "# " + _WS.sub(" ", title.get_text()).strip() + "\n\n" + text
    if len(text.strip()) < MIN_MAIN_SHARE * len(whole.strip()):
        return whole
    return _TOKEN_RE.sub("", text)
