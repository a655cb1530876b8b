"""benchclaims as a spaCy pipeline: tokenizer, typed mentions, document entities, claim frames.

``rules_pipeline()`` is the pipeline the ``rules`` backend runs (a blank multi-language pipeline with
``BenchclaimsTokenizer`` and the three components; the backend's own copy finds only the name mentions, the ones its
claim frames read, and makes no ``doc.spans``: see ``rules_pipeline``'s ``lean``). Outside benchclaims, after ``pip install``::

    nlp = spacy.blank("zh"); nlp.add_pipe("benchclaims"); nlp(text)._.claims

works with no import of ours: the ``spacy_factories`` entry point points at ``extractor.nlp.components``.
"""

from __future__ import annotations

import gc
from functools import lru_cache

from extractor.spacy_import import import_spacy_without_cli

import_spacy_without_cli()  # (before the first "import spacy": spacy.cli is 0.15 s of each start, unused here)

import spacy  # noqa: E402
from spacy.attrs import LANG  # noqa: E402
from spacy.language import Language  # noqa: E402

from extractor.nlp.tokenizer import BenchclaimsTokenizer  # noqa: E402

# The components live in ``extractor.nlp.components`` (imported when a pipeline is built, or by spaCy through the
# entry point): importing this package stays light, and the claim rules can use the tokenizer's constants.
SPAN_KEY = "benchclaims"


@lru_cache(maxsize=2)
def rules_pipeline(mention_labels: tuple[str, ...] | None = None, lean: bool = False) -> Language:
    """The benchclaims pipeline, built once per process (no model weights).

    ``mention_labels``: the typed mentions to put on ``doc.spans["benchclaims"]`` (default: every label). The rules
    backend passes ``NAME_LABELS``: its claims are the same and the other kinds are only looked for by the rules
    that need them (``extract`` outputs claims, not spans).

    ``lean=True`` is the rules backend's own pipeline (``pipeline_for``), whose documents nobody reads but its claim
    frames, which read the text by character offsets (the mentions on ``doc._.mentions``, the registry, the claims):
    it makes no ``doc.spans``, keeps each candidate sentence whole as one token (scope ``"sentences"``), and its
    vocabulary computes no lexical attributes for the token strings it has not seen (``like_num``, ``shape_``,
    ``is_stop``, ``lower_``, ``norm_``… read as empty or false there; ``lang_`` stays). Its claims are the same. A
    spaCy ``Doc`` costs about a microsecond per token (the candidate sentences' 154,600 tokens over the seeds x25,
    with their ``findall``: ~0.15 s, and their token spans ~0.05 s of a ~3.5 s extraction), and spaCy runs its ~20
    attribute getters in Python on every new string (~6 µs each time: ~0.25 ms per 1,000 characters of text not
    seen before). A user's own pipeline (``nlp.add_pipe("benchclaims")``) and the default one keep all of it.
    """
    from extractor.nlp import components  # noqa: F401 - registers the factories with spaCy
    from extractor.nlp.mentions import LABELS

    # the tokenizer named in the config (registered when ``extractor.nlp.tokenizer`` was imported above)
    nlp = spacy.blank("xx", config={"nlp": {"tokenizer": {"@tokenizers": "benchclaims.Tokenizer.v1",
                                                          "scope": "sentences" if lean else "candidates"}}})
    nlp.add_pipe("benchclaims_mentions", config={"labels": list(mention_labels or LABELS), "spans": not lean})
    for name in ("benchclaims_entities", "benchclaims_claims"):
        nlp.add_pipe(name)
    if lean:
        # (a public attribute of spaCy's Vocab that its type stubs leave out)
        nlp.vocab.lex_attr_getters = {LANG: nlp.vocab.lex_attr_getters[LANG]}  # type: ignore[attr-defined]
    _freeze_long_lived_objects()
    return nlp


# How much text one pipeline reads before it is built afresh (see ``pipeline_for``).
RENEW_AFTER_CHARS = 20_000_000
_chars_read = 0


def pipeline_for(text_length: int, renew_after: int | None = None) -> Language:
    """The rules backend's pipeline to read a text of ``text_length`` characters with: ``rules_pipeline`` finding
    the name mentions its claim frames read, built afresh once it has read ``renew_after`` characters (default
    ``RENEW_AFTER_CHARS``).

    spaCy's vocabulary keeps every distinct token string it has seen, and the candidates tokenizer
    makes the stretches between candidate sentences tokens too, so a long ingest or a server taking
    documents kept about the whole text it ever read (0.3 MB more per 35 K-character document).
    A new pipeline costs about 0.1 s, once per some thousand documents; memory stays bounded by
    about ``renew_after`` characters of strings. The claims do not depend on it (the rules' caches
    are per document, the lexicons are kept).
    """
    global _chars_read
    limit = RENEW_AFTER_CHARS if renew_after is None else renew_after
    if _chars_read and _chars_read + text_length > limit:
        _drop_rules_pipeline()
    _chars_read += text_length
    from extractor.nlp.mentions import NAME_LABELS

    return rules_pipeline(NAME_LABELS, lean=True)


def _drop_rules_pipeline() -> None:
    """Forget the cached pipeline and free it: what ``gc.freeze`` kept out of the collector's view (the
    pipeline's reference cycles among it) is handed back first, and frozen again with the next build."""
    global _chars_read
    rules_pipeline.cache_clear()
    _chars_read = 0
    gc.unfreeze()
    gc.collect()


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


__all__ = ["RENEW_AFTER_CHARS", "SPAN_KEY", "BenchclaimsTokenizer", "pipeline_for", "rules_pipeline"]
