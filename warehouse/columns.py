"""Columns for DuckDB's zero-copy registration of Python data.

DuckDB reads a dict of numpy arrays as a table; strings and optional values must be an
object array built element by element (``np.array`` would guess a fixed-width dtype or
split nested values), which is what ``object_column`` does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pyarrow as pa


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


def arrow_table(columns: Mapping[str, Sequence[Any]]) -> pa.Table:
    """Columns as an Arrow table, each column's type inferred from all of its values.

    For sparse optional columns (a family name on a few of thousands of new entities, a title on a few
    documents): DuckDB 1.4.4 types an object array from a sample of its rows and fails to scan one whose
    sampled rows are all None while others are not (``'numpy.ndarray' object has no attribute
    'first_valid_index'``; met loading 10 M claims). Arrow looks at every value; a column of only None is
    Arrow's null type, which the insert statements cast.
    """
    return pa.table({name: pa.array(list(values)) for name, values in columns.items()})
