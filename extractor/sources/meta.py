"""Document metadata from the document itself: HTML ``<head>``, Markdown front matter, dates.

Only what the page or file states is taken (a ``<title>``, ``citation_publication_date``,
``article:published_time``, a front-matter ``date:``); nothing is guessed from the prose.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bs4 import BeautifulSoup

from schemas import DocumentMeta

_WS = re.compile(r"\s+")
_ISO = re.compile(r"^\s*(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?)?(?:$|[T\s]|月)")
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_WORDY = re.compile(r"^\s*(?:(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})|([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4}))")

# meta names that state when a page was published, most specific first
_DATE_META = ("citation_publication_date", "citation_date", "citation_online_date", "article:published_time",
              "dc.date", "dc.date.issued", "dcterms.issued", "dcterms.created", "og:published_time",
              "datepublished", "date", "pubdate", "publish-date", "publication_date")
_TITLE_META = ("citation_title", "dc.title", "og:title")
_URL_META = ("citation_abstract_html_url", "og:url")


class BadDate(ValueError):
    """A date that cannot be read (the message quotes it)."""


def parse_date(value: str | None) -> dt.date | None:
    """``2025-03-14``, ``2025/03/14``, ``2025-03-14T09:00:00Z``, ``2025-03``, ``2025``, ``14 Mar 2025``,
    ``March 14, 2025``, ``2025年3月14日`` -> a date (a missing month or day is the first); None if unreadable."""
    if not value:
        return None
    text = value.strip()
    try:
        m = _ISO.match(text)
        if m:
            return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
        m = _WORDY.match(text)
        if m:
            day, month, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
            if month.lower()[:3] in _MONTHS:
                return dt.date(int(year), _MONTHS[month.lower()[:3]], int(day))
    except ValueError:  # 2025-13-40
        return None
    return None


def require_date(value: str) -> dt.date:
    """``parse_date`` for a date a user typed: unreadable is an error naming it."""
    parsed = parse_date(value)
    if parsed is None:
        raise BadDate(f"cannot read date {value!r} (use YYYY-MM-DD)")
    return parsed


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    text = _WS.sub(" ", value).strip()
    return text or None


def html_meta(markup: str | BeautifulSoup) -> DocumentMeta:
    """Title, url, publication date and authors an HTML page states in its head."""
    from bs4 import BeautifulSoup, Tag  # HTML only: plain-text inputs never pay for the import

    soup = markup if isinstance(markup, BeautifulSoup) else BeautifulSoup(markup, "html.parser")
    metas: dict[str, str] = {}
    authors: list[str] = []
    for tag in soup.find_all("meta"):
        if not isinstance(tag, Tag):
            continue
        key = tag.get("name") or tag.get("property") or tag.get("itemprop")
        content = tag.get("content")
        if not isinstance(key, str) or not isinstance(content, str) or not content.strip():
            continue
        key = key.strip().lower()
        if key in ("citation_author", "dc.creator", "author") and content.strip() not in authors:
            authors.append(_clean(content) or "")
        metas.setdefault(key, content)
    title = None
    title_tag = soup.find("title")
    if isinstance(title_tag, Tag):
        title = _clean(title_tag.get_text())
    for key in _TITLE_META:
        if not title:
            title = _clean(metas.get(key))
    published = None
    for key in _DATE_META:
        published = parse_date(metas.get(key))
        if published:
            break
    if published is None:
        time_tag = soup.find("time", attrs={"datetime": True})
        if isinstance(time_tag, Tag):
            published = parse_date(str(time_tag.get("datetime")))
    url = None
    link = soup.find("link", attrs={"rel": "canonical"})
    if isinstance(link, Tag) and isinstance(link.get("href"), str) and str(link.get("href")).startswith("http"):
        url = str(link.get("href"))
    for key in _URL_META:
        if not url and metas.get(key, "").startswith("http"):
            url = metas[key]
    return DocumentMeta(title=title, url=url, published=published, authors=[a for a in authors if a])


_FRONT = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$", re.MULTILINE)


def front_matter(text: str) -> DocumentMeta:
    """Title, date, url and authors of a Markdown file's YAML front matter (simple ``key: value`` lines)."""
    m = _FRONT.match(text[:20000])
    if not m:
        return DocumentMeta()
    fields = {k.lower(): v.strip().strip("'\"") for k, v in _FIELD.findall(m.group(1))}
    authors_raw = fields.get("authors") or fields.get("author") or ""
    authors = [a.strip().strip("'\"") for a in authors_raw.strip("[]").split(",") if a.strip().strip("'\"")]
    url = fields.get("url") or fields.get("link") or fields.get("canonical_url")
    return DocumentMeta(
        title=_clean(fields.get("title")) or None,
        url=url if url and url.startswith(("http://", "https://")) else None,
        published=parse_date(fields.get("date") or fields.get("published") or fields.get("pubdate")),
        authors=authors,
    )


def merge(*metas: DocumentMeta) -> DocumentMeta:
    """The first value given for each field, in the order of ``metas`` (most trusted first)."""
    out = DocumentMeta()
    for meta in metas:
        out.title = out.title or meta.title
        out.url = out.url or meta.url
        out.published = out.published or meta.published
        out.authors = out.authors or list(meta.authors)
    return out
