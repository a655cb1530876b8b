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
    """An object-dtype array holding ``values`` exactly as given (None stays NULL)."""
    arr = np.empty(len(values), dtype=object)
    arr[:] = values
    return arr
