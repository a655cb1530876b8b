"""benchclaims as a spaCy pipeline: tokenizer, typed mentions, document entities, claim frames.

``rules_pipeline()`` is the pipeline the ``rules`` backend runs (a blank multi-language pipeline with
``BenchclaimsTokenizer`` and the three components). Outside benchclaims, after ``pip install``::

    nlp = spacy.blank("zh"); nlp.add_pipe("benchclaims"); nlp(text)._.claims

works with no import of ours: the ``spacy_factories`` entry point points at ``extractor.nlp.components``.
"""

from __future__ import annotations

import gc
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
    _freeze_long_lived_objects()
    return nlp


def _freeze_long_lived_objects() -> None:
    """Move what exists now (spaCy, the lexicons and their compiled regexes, the pipeline) out of the
    cyclic collector's view with ``gc.freeze``.

    These objects live as long as the process, yet every full collection walked all of them again:
    over the seeds copied 25 times that was about 0.2 s of a 4.7 s run (four full collections).
    Freezing after the lexicons are loaded keeps the collector's work proportional to what one
    document allocates. A forked worker (``--jobs``) also keeps those pages shared with its parent,
    since the collector no longer writes to their headers.
    """
    from extractor.rules.mentions import lexicons

    lexicons()
    gc.freeze()


__all__ = ["SPAN_KEY", "BenchclaimsTokenizer", "rules_pipeline"]
