"""The benchclaims spaCy components, registered with ``@Language.factory``.

``benchclaims_mentions`` -> ``doc.spans["benchclaims"]`` (typed mentions, see ``mentions``);
``benchclaims_entities`` -> ``doc._.entities`` (the document's ``EntityRegistry``);
``benchclaims_claims``   -> ``doc._.claims`` (score and comparison claims, offsets into ``doc.text``).
``benchclaims`` runs the three in one component: it is what ``nlp.add_pipe("benchclaims")`` adds to
any blank pipeline through the ``spacy_factories`` entry point, so a spaCy user needs no import of ours.

The source document (file name, sections) travels on ``doc._.source_document``; a Doc made from
plain text gets a document named ``doc.user_data.get("source", "<text>")`` with its sections split
the same way the CLI splits them, so ``doc._.claims`` equals ``benchclaims extract`` on that file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from extractor.nlp import SPAN_KEY
from extractor.nlp.mentions import LABELS, TypedMention, find_mentions, forget_sentences
from extractor.nlp.registry import EntityRegistry
from extractor.rules.folding import fold
from extractor.rules.frames import TableScan, document_claims, scan_tables
from extractor.segment import split_sections
from schemas import Document

for _name in ("source_document", "mentions", "entities", "claims", "tables"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def source_document(doc: Doc) -> Document:
    """The ``Document`` behind ``doc``: the one the extractor attached, or one made from ``doc.text``."""
    document: Document | None = doc._.source_document
    if document is None:
        text = doc.text
        document = Document(source=str(doc.user_data.get("source", "<text>")), path=str(doc.user_data.get("path", "")),
                            text=text, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
        doc._.source_document = document
    if not document.sections:
        document.sections = split_sections(document.text)
    return document


def _tables(doc: Doc) -> TableScan:
    """The document's results tables, found once for the mention layer and the claim frames."""
    if doc._.tables is None:
        doc._.tables = scan_tables(source_document(doc).text)
    return doc._.tables  # type: ignore[no-any-return]


class MentionTagger:
    """Typed mentions of the candidate sentences as the span group ``doc.spans["benchclaims"]``.

    ``labels``: the kinds to find (all of ``LABELS`` by default; the rules backend's own pipeline asks only for
    what its claim frames read, ``NAME_LABELS``). ``spans=False`` (the rules backend's own pipeline, whose documents
    nobody reads but its claim frames): the mentions stay on ``doc._.mentions`` only, no span group is made.
    """

    def __init__(self, labels: Sequence[str] = LABELS, spans: bool = True) -> None:
        unknown = set(labels) - set(LABELS)
        if unknown:
            raise ValueError(f"unknown mention labels {sorted(unknown)}; known: {', '.join(LABELS)}")
        self.labels = tuple(labels)
        self.spans = spans

    def __call__(self, doc: Doc) -> Doc:
        text = fold(source_document(doc).text)
        mentions = find_mentions(text, _tables(doc).regions, self.labels)
        doc._.mentions = mentions
        if self.spans:
            doc.spans[SPAN_KEY] = SpanGroup(doc, name=SPAN_KEY, spans=_token_spans(doc, mentions))
        return doc


def _token_spans(doc: Doc, mentions: list[TypedMention]) -> list[Span]:
    """Mentions as token spans, aligned in one vectorised look-up (``char_span`` per mention costs more
    than finding the mentions); a mention inside a token takes the whole token ("expand")."""
    if not mentions or not len(doc):
        return []
    starts = doc.to_array("IDX").astype(numpy.int64)
    first = numpy.searchsorted(starts, numpy.fromiter((m.start for m in mentions), numpy.int64), side="right") - 1
    last = numpy.searchsorted(starts, numpy.fromiter((m.end for m in mentions), numpy.int64), side="left")
    return [Span(doc, int(a), int(b), label=m.label, kb_id=m.canonical)
            for m, a, b in zip(mentions, first.tolist(), last.tolist(), strict=True) if b > a >= 0]


class EntityTagger:
    """The document's entity registry (full names, sizes, the sections' titled methods)."""

    def __call__(self, doc: Doc) -> Doc:
        if doc._.mentions is None:
            MentionTagger()(doc)
        document = source_document(doc)
        subjects = [s.subject for s in document.sections]
        doc._.entities = EntityRegistry.from_mentions(doc._.mentions, subjects, fold(document.text))
        return doc


class ClaimFramer:
    """Score and comparison claims from the mentions, the registry and the sentence rules."""

    def __call__(self, doc: Doc) -> Doc:
        if doc._.entities is None:
            EntityTagger()(doc)
        extraction = document_claims(source_document(doc), doc._.entities, _tables(doc))
        forget_sentences()  # the per-sentence caches serve one document's components, not the next document
        doc._.claims = extraction.claims
        doc.user_data["benchclaims_errors"] = extraction.stats.errors
        return doc


class Benchclaims:
    """Mentions, entities and claims in one component (``nlp.add_pipe("benchclaims")``)."""

    def __init__(self) -> None:
        self.steps = (MentionTagger(), EntityTagger(), ClaimFramer())

    def __call__(self, doc: Doc) -> Doc:
        for step in self.steps:
            doc = step(doc)
        return doc


@Language.factory("benchclaims_mentions", default_config={"labels": list(LABELS), "spans": True})
def make_mention_tagger(nlp: Language, name: str, labels: list[str], spans: bool) -> MentionTagger:
    return MentionTagger(labels, spans)


@Language.factory("benchclaims_entities")
def make_entity_tagger(nlp: Language, name: str) -> EntityTagger:
    return EntityTagger()


@Language.factory("benchclaims_claims")
def make_claim_framer(nlp: Language, name: str) -> ClaimFramer:
    return ClaimFramer()


@Language.factory("benchclaims")
def make_benchclaims(nlp: Language, name: str) -> Benchclaims:
    return Benchclaims()


