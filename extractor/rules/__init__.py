"""The ``rules`` backend: offline, embedded, no model weights, run as a spaCy pipeline.

``extract`` runs ``extractor.nlp.rules_pipeline()`` on the document: name mentions
(``doc.spans["benchclaims"]``; a spaCy user's ``add_pipe("benchclaims")`` gets every kind), the
document's entity registry, then claim frames (``extractor.rules.frames``: prose rules over
candidate sentences, results tables by the table reader).
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from extractor.base import register
from extractor.charset_memo import memoized_charsets
from extractor.re_cache import cached_patterns
from extractor.segment import split_sections
from schemas import Document, Extraction, ExtractionStats, Settings

if TYPE_CHECKING:
    from spacy.language import Language


def _pipeline_for(text_length: int) -> Language:
    """``extractor.nlp.pipeline_for``, with the cyclic garbage collector paused while it runs.

    The first call imports spaCy and the rule modules, compiles the lexicons' regexes and builds the
    pipeline, creating some hundred thousand objects that live as long as the process (``gc.freeze``
    takes them out of the collector's view once built). Collections during that build found nothing to
    free yet walked everything made so far, three of them full ones: paused, a start-up took about 0.1 s
    less CPU (the seeds copied 25 times, 5.6 s in all). Later calls only look the pipeline up. The ~700 patterns
    compiled meanwhile share their character classes' optimisation (``extractor.charset_memo``), and come from the
    compiled code kept on disk by an earlier run when it is there (``extractor.re_cache``).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        with cached_patterns(), memoized_charsets():
            from extractor.nlp import pipeline_for

            return pipeline_for(text_length)
    finally:
        if enabled:
            gc.enable()


_extracted = False  # whether this process has extracted a document yet (a forked worker starts with its parent's)


class RulesExtractor:
    """The spaCy pipeline of ``extractor.nlp`` behind the common ``Extractor`` interface."""

    name = "rules"

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings

    def warm_up(self) -> None:
        """Build the pipeline now (spaCy, the rule modules, the lexicons' regexes: about 0.8 s of CPU).

        ``--jobs`` calls it before forking its workers, which then share this one copy: built in each
        worker instead, a two-worker run spent about 1 s more CPU for the same claims.
        """
        _pipeline_for(0)

    def extract(self, document: Document) -> Extraction:
        global _extracted
        if not _extracted:
            # the first document of a process also compiles the patterns the rules build on first use (~85, ~0.05 s)
            _extracted = True
            with cached_patterns():
                return self._extract(document)
        return self._extract(document)

    def _extract(self, document: Document) -> Extraction:
        if not document.sections:
            document.sections = split_sections(document.text)
        nlp = _pipeline_for(len(document.text))
        doc = nlp.make_doc(document.text)
        doc._.source_document = document
        for _, component in nlp.pipeline:
            doc = component(doc)
        stats = ExtractionStats(errors=list(doc.user_data.get("benchclaims_errors", [])))
        return Extraction(document=document, claims=list(doc._.claims), extractor=self.name, stats=stats)


@register("rules")
def _make_rules(settings: Settings) -> RulesExtractor:
    return RulesExtractor(settings)


__all__ = ["RulesExtractor"]
