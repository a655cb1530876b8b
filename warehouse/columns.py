"""Columns for DuckDB's zero-copy registration of Python data.

DuckDB reads a dict of numpy arrays as a table; strings and optional values must be an
object array built element by element (``np.array`` would guess a fixed-width dtype or
split nested values), which is what ``object_column`` does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np


def object_column(values: Sequence[Any]) -> np.ndarray:
    """An object-dtype array holding ``values`` exactly as given (None stays NULL).

    A column of nothing but None is given as float NaNs instead, which DuckDB reads as NULLs (and
    casts to any type): DuckDB 1.4.4 fails to scan an all-None object array longer than its type
    sample (``'numpy.ndarray' object has no attribute 'first_valid_index'``).
    """
    if len(values) and all(v is None for v in values):
        return np.full(len(values), np.nan)
    arr = np.empty(len(values), dtype=object)
    arr[:] = values
    return arr
