"""benchclaims as a spaCy pipeline: tokenizer, typed mentions, document entities, claim frames.

``rules_pipeline()`` is the pipeline the ``rules`` backend runs (a blank multi-language pipeline with
``BenchclaimsTokenizer`` and the three components). Outside benchclaims, after ``pip install``::

    nlp = spacy.blank("zh"); nlp.add_pipe("benchclaims"); nlp(text)._.claims

works with no import of ours: the ``spacy_factories`` entry point points at ``extractor.nlp.components``.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from extractor.nlp import components as components
from extractor.nlp.components import SPAN_KEY
from extractor.nlp.mentions import LABELS, TypedMention
from extractor.nlp.registry import EntityRegistry
from extractor.nlp.tokenizer import BenchclaimsTokenizer


@lru_cache(maxsize=1)
def rules_pipeline() -> Language:
    """The rules backend's pipeline, built once per process (no model weights)."""
    nlp = spacy.blank("xx")
    nlp.tokenizer = BenchclaimsTokenizer(nlp.vocab, scope="candidates")
    for name in ("benchclaims_mentions", "benchclaims_entities", "benchclaims_claims"):
        nlp.add_pipe(name)
    return nlp


__all__ = ["LABELS", "SPAN_KEY", "BenchclaimsTokenizer", "EntityRegistry", "TypedMention", "rules_pipeline"]
