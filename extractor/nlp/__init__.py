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

from extractor.nlp.tokenizer import BenchclaimsTokenizer

# The components live in ``extractor.nlp.components`` (imported when a pipeline is built, or by spaCy through the
# entry point): importing this package stays light, and the claim rules can use the tokenizer's constants.
SPAN_KEY = "benchclaims"


@lru_cache(maxsize=1)
def rules_pipeline() -> Language:
    """The rules backend's pipeline, built once per process (no model weights)."""
    from extractor.nlp import components  # noqa: F401 - registers the factories with spaCy

    # the tokenizer named in the config (registered when ``extractor.nlp.tokenizer`` was imported above)
    nlp = spacy.blank("xx", config={"nlp": {"tokenizer": {"@tokenizers": "benchclaims.Tokenizer.v1",
                                                          "scope": "candidates"}}})
    for name in ("benchclaims_mentions", "benchclaims_entities", "benchclaims_claims"):
        nlp.add_pipe(name)
    return nlp


__all__ = ["SPAN_KEY", "BenchclaimsTokenizer", "rules_pipeline"]
