"""The ``rules`` backend: offline, embedded, no model weights, run as a spaCy pipeline.

``extract`` runs ``extractor.nlp.rules_pipeline()`` on the document: name mentions
(``doc.spans["benchclaims"]``; a spaCy user's ``add_pipe("benchclaims")`` gets every kind), the
document's entity registry, then claim frames (``extractor.rules.frames``: prose rules over
candidate sentences, results tables by the table reader).
"""

from __future__ import annotations

from extractor.base import register
from extractor.segment import split_sections
from schemas import Document, Extraction, ExtractionStats, Settings


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
        from extractor.nlp import pipeline_for

        pipeline_for(0)

    def extract(self, document: Document) -> Extraction:
        from extractor.nlp import pipeline_for

        if not document.sections:
            document.sections = split_sections(document.text)
        nlp = pipeline_for(len(document.text))
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
