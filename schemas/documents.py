"""Documents as the extractor sees them: decoded text, sections, and what went wrong.

Offsets everywhere are character offsets into ``Document.text``, the decoded text the
tool keeps per document, so a quote can always be found again.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from schemas.claims import ComparisonClaim, ScoreClaim


class Span(BaseModel):
    """A half-open character range ``[start, end)`` into a document's text."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Section(BaseModel):
    """A part of a document under one heading.

    ``subject`` is the method the section is about (from the title or the first
    sentence); pronouns such as 它 / our method resolve to it.
    """

    title: str | None = None
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    subject: str | None = None


class DocumentMeta(BaseModel):
    """What is known about a document besides its text (all optional)."""

    title: str | None = Field(default=None, description="First heading, HTML <title>, front matter or arXiv title.")
    url: str | None = Field(default=None, description="Where the document lives on the web.")
    published: dt.date | None = Field(default=None, description="Publication (arXiv: first submission) date.")
    authors: list[str] = Field(default_factory=list)


class Document(DocumentMeta):
    """A decoded source: a file, a fetched web page or PDF, or an arXiv paper."""

    source: str = Field(description="File name (or the URL / arxiv:ID of a fetched document): the key claims refer to.")
    path: str = Field(description="Path (or URL) the document was read from.")
    text: str
    sha256: str = Field(description="Hash of the content: re-ingesting an unchanged document adds nothing.")
    encoding: str = "utf-8"
    media_type: str = Field(default="text/plain",
                            description="text/plain, text/markdown, text/html or application/pdf.")
    sections: list[Section] = Field(default_factory=list)


class ExtractionStats(BaseModel):
    """Counters an extractor reports for one document (LLM calls, drops, fallbacks)."""

    requests: int = 0
    cache_hits: int = 0
    chars_sent: int = 0
    dropped_ungrounded: int = 0
    fallback_chunks: int = 0
    errors: list[str] = Field(default_factory=list)
    # LLM accounting (all zero for the rules backend): chunks the LLM answered, re-asks after
    # invalid or ungrounded output, answers cut at max_tokens and split, tokens from ``usage``.
    llm_chunks: int = 0
    reasks: int = 0
    truncated: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_tokens: int = 0
    server_down: bool = False  # the LLM server stopped answering during the run (circuit breaker)


class Extraction(BaseModel):
    """The claims extracted from one document, with the extractor's report."""

    document: Document
    claims: list[ScoreClaim | ComparisonClaim] = Field(default_factory=list)
    extractor: str = "rules"
    stats: ExtractionStats = Field(default_factory=ExtractionStats)


class FileProblem(BaseModel):
    """A file that could not be read, and why (reported by name, never a traceback)."""

    path: str
    reason: str
