"""Name folding for the warehouse: how two spellings of a model, benchmark or metric become one key.

Extracted text writes the same thing many ways (``OpenAI o1`` / ``o1``, ``AIME'24`` /
``aime 2024``, ``准确率`` / ``accuracy``). The warehouse keys entities on a *folded*
form so that repeats merge, while the display name stays as first written. Folding, metric
synonyms, directions and unit classes are the shared ``vocabulary`` package's (the extractor
reads the same); only the user's entity overrides file is the warehouse's own.
"""

from __future__ import annotations

from pathlib import Path

from vocabulary import (
    benchmark_key,
    family_name,
    fold,
    is_named,
    metric_key,
    model_key,
    name_class,
    strip_vendor,
    unit_key,
)
from vocabulary import is_lower_better as _is_lower_better

ENTITIES_FILE = Path(__file__).resolve().parent / "data" / "entities.toml"


def is_lower_better(metric_k: str) -> bool:
    """True for error-like metrics (FID, WER, perplexity, PDR, ...), keyed by ``metric_key``."""
    return _is_lower_better(metric_k or None)


__all__ = [
    "ENTITIES_FILE", "benchmark_key", "family_name", "fold", "is_lower_better", "is_named", "metric_key",
    "model_key", "name_class", "strip_vendor", "unit_key",
]
