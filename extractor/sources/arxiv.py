"""arXiv papers by id: metadata from arXiv's API, text from its HTML rendering or its PDF.

Accepted forms: ``arxiv:2501.12948``, ``arXiv:2501.12948v2``, ``2501.12948``, old-style
``hep-th/9901001``, and ``https://arxiv.org/abs|pdf|html/<id>`` links. The API (Atom,
``Settings.arxiv_api_url``) gives title, authors and the submission date of the first version
(``published``); the text is the LaTeXML HTML page (``<arxiv_url>/html/<id>``: headings, tables
and MathML alt text intact, rendered by ``extractor.sources.html.html_to_text`` without the
bibliography) or, when a paper has no HTML, its PDF (``<arxiv_url>/pdf/<id>``).

The document's ``source`` is ``arxiv:<id>`` without a version, so ingesting the same paper
again (any spelling) finds the same document: unchanged text adds nothing, a new version
replaces the old one.
"""

from __future__ import annotations

import hashlib
import re
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from urllib.parse import quote

from bs4 import BeautifulSoup, Tag

from extractor.files import UnreadableFile, document_from_bytes
from extractor.sources.fetch import FetchError, ProgressHook, fetch
from extractor.sources.html import html_to_text
from extractor.sources.meta import parse_date
from schemas import Document, Settings

_NEW_ID = r"\d{4}\.\d{4,5}"
_OLD_ID = r"[a-z][a-z.-]*(?:\.[A-Z]{2})?/\d{7}"
_ID = rf"(?P<id>{_NEW_ID}|{_OLD_ID})(?P<version>v\d+)?"
_PREFIXED = re.compile(rf"^arxiv:\s*{_ID}$", re.IGNORECASE)
_BARE = re.compile(rf"^(?P<id>{_NEW_ID})(?P<version>v\d+)?$")  # old-style ids need the arxiv: prefix
_LINK = re.compile(rf"^https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html)/{_ID}(?:\.pdf)?/?(?:[?#].*)?$",
                   re.IGNORECASE)
_ATOM = {"a": "http://www.w3.org/2005/Atom"}
_WS = re.compile(r"\s+")
# parts of an arXiv HTML page that are not the paper's prose
# (footnotes: LaTeXML inlines their text at the mark, inside the sentence that cites them)
_DROP = ("ltx_bibliography", "ltx_page_footer", "ltx_page_header", "ltx_authors", "ltx_dates", "ltx_role_affiliation",
         "ltx_note_outer", "ltx_note_mark", "ltx_TOC")


@dataclass(frozen=True)
class ArxivId:
    id: str
    version: str = ""  # "v2", or "" for the latest

    @property
    def source(self) -> str:
        return f"arxiv:{self.id}"


@dataclass
class ArxivMeta:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    version: str = ""


def parse_arxiv(text: str, bare: bool = True) -> ArxivId | None:
    """The arXiv id a string names, or None. ``bare`` also accepts a plain ``2501.12948``."""
    value = text.strip()
    for pattern in (_PREFIXED, _LINK, *((_BARE,) if bare else ())):
        m = pattern.match(value)
        if m:
            return ArxivId(m.group("id"), (m.group("version") or "").lower())
    return None


POLITE_INTERVAL = 3.0  # arXiv asks API clients for no more than one request every three seconds
_last_call = [0.0]


def _polite(settings: Settings) -> None:
    """Space calls to arXiv's own API (not a local stand-in) as arXiv asks."""
    if "arxiv.org" not in settings.arxiv_api_url:
        return
    wait = _last_call[0] + POLITE_INTERVAL - time.monotonic()
    if wait > 0:
        time.sleep(wait)
    _last_call[0] = time.monotonic()


def fetch_metadata(ref: ArxivId, settings: Settings, on_progress: ProgressHook | None = None) -> ArxivMeta:
    """Title, authors, first submission date and version from the API; raises ``UnreadableFile``."""
    _polite(settings)
    url = f"{settings.arxiv_api_url}?id_list={quote(ref.id + ref.version, safe='/.')}&max_results=1"
    try:
        fetched = fetch(url, settings, on_progress, accept="application/atom+xml,application/xml;q=0.9,*/*;q=0.5")
    except FetchError as exc:
        raise UnreadableFile(ref.source, f"arXiv metadata: {exc}") from None
    try:
        root = ET.fromstring(fetched.data)
    except ET.ParseError:
        raise UnreadableFile(ref.source, "arXiv metadata: not an Atom feed") from None
    entry = root.find("a:entry", _ATOM)
    entry_id = (entry.findtext("a:id", "", _ATOM) if entry is not None else "").strip()
    if entry is None or "/api/errors" in entry_id or not entry_id:
        raise UnreadableFile(ref.source, f"unknown arXiv id {ref.id + ref.version}")
    m = re.search(r"(v\d+)$", entry_id)
    title = _WS.sub(" ", entry.findtext("a:title", "", _ATOM)).strip() or None
    authors = [_WS.sub(" ", a.findtext("a:name", "", _ATOM)).strip() for a in entry.findall("a:author", _ATOM)]
    return ArxivMeta(title=title, authors=[a for a in authors if a],
                     published=entry.findtext("a:published", None, _ATOM), version=ref.version or (m.group(1) if m else ""))


def article_text(markup: str) -> str:
    """The paper in an arXiv (LaTeXML) HTML page: its ``<article>``, without references and page chrome."""
    page = BeautifulSoup(markup, "html.parser")
    for cls in _DROP:
        for node in page.find_all(class_=cls):
            if isinstance(node, Tag):
                node.decompose()
    article = page.find("article") or page.find(class_="ltx_document") or page.body or page
    return html_to_text(str(article))


def fetch_document(ref: ArxivId, settings: Settings, on_progress: ProgressHook | None = None) -> Document:
    """Metadata and text of one paper; raises ``UnreadableFile`` naming ``arxiv:<id>`` and the reason."""
    meta = fetch_metadata(ref, settings)
    versioned = ref.id + meta.version
    base = settings.arxiv_url.rstrip("/")
    abs_url = f"{base}/abs/{versioned}"
    doc: Document | None = None
    try:
        fetched = fetch(f"{base}/html/{versioned}", settings, on_progress)
        if fetched.content_type in ("text/html", "application/xhtml+xml"):
            text = article_text(fetched.data.decode(fetched.charset or "utf-8", "replace"))
            if text.strip():
                doc = Document(source=ref.source, path=fetched.url, text=text, media_type="text/html",
                               sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
    except FetchError:
        doc = None  # no HTML rendering (older papers, failed conversions): the PDF below
    if doc is None:
        try:
            fetched = fetch(f"{base}/pdf/{versioned}", settings, on_progress, accept="application/pdf")
        except FetchError as exc:
            raise UnreadableFile(ref.source, f"arXiv PDF: {exc}") from None
        try:
            doc = document_from_bytes(fetched.data, source=ref.source, path=fetched.url, media_type="application/pdf")
        except UnreadableFile as exc:
            raise UnreadableFile(ref.source, exc.reason) from None
    return doc.model_copy(update={"title": meta.title or doc.title, "authors": meta.authors or doc.authors,
                                  "published": parse_date(meta.published), "url": abs_url})
