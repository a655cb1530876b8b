"""The set-based insert of new documents' claims as Arrow columns, keys and ids computed column-wise.

A bulk load used to join the batch's fields to small tables of resolved names, setting keys and unit
keys inside one ``INSERT ... SELECT ... ORDER BY`` (1 M claims: ~4.6 s in DuckDB, most of it hash joins
probed with every claim's wide row and a sort of every column). Here each key column is dictionary-encoded
by Arrow (C++, one pass), Python works once per *distinct* key (a name is resolved, a setting parsed), and
the per-claim columns are gathered from the distinct values by index (``take``); the rows are put in
benchmark order by one ``numpy.lexsort`` of two integer columns. DuckDB then only copies the table
(``sql.INSERT_CLAIMS_BULK``).

Entity ids come out as claim-by-claim resolution made them: distinct names are resolved in the order they
are first met reading the claims one after another (subject, benchmark, baseline of each claim in turn),
so a batch gives the ids the same documents stored one by one would.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from warehouse.entities import NAME_SEP, NO_CANONICAL

# Fields of a claim copied into columns as they are.
CLAIM_FIELDS: tuple[str, ...] = (
    "kind", "model", "model_canonical", "benchmark", "benchmark_canonical", "baseline", "baseline_canonical",
    "metric", "value", "value_high", "unit", "setting", "relation", "delta", "quote", "source", "section", "start",
    "end", "extractor",
)
_TYPES = {"value": pa.float64(), "value_high": pa.float64(), "delta": pa.float64(), "start": pa.int64(),
          "end": pa.int64()}
# Separates the parts of a joined key and stands for a part that is None (no name, setting or unit holds it); a name
# and its canonical form joined so are what ``entities.KnownNames`` keys.
_SEP = NAME_SEP
_NONE = NO_CANONICAL
# The names of a claim in the order claim-by-claim resolution meets them: (column, canonical column, kind).
NAME_ROLES: tuple[tuple[str, str, str], ...] = (
    ("model", "model_canonical", "model"),
    ("benchmark", "benchmark_canonical", "benchmark"),
    ("baseline", "baseline_canonical", "model"),
)


class Distinct(NamedTuple):
    """A column's distinct values in first-seen order: ``codes[i]`` is row i's value's place (-1 for NULL),
    ``first[k]`` the row where value k is first met."""

    codes: np.ndarray
    first: np.ndarray


def distinct(column: pa.Array) -> Distinct:
    """Dictionary-encode ``column`` (Arrow keeps first-seen order) and find where each value first occurs.

    A value is new at a row exactly when its code exceeds every code before it (the dictionary grows in
    reading order), so the first rows are found without a sort.
    """
    encoded = pc.dictionary_encode(column)
    codes = pc.fill_null(encoded.indices, -1).to_numpy().astype(np.int64, copy=False)
    if not len(codes):
        return Distinct(codes, np.zeros(0, dtype=np.int64))
    seen = np.maximum.accumulate(np.concatenate(([-1], codes[:-1])))
    return Distinct(codes, np.flatnonzero(codes > seen))


def joined_key(*columns: pa.Array, nullable_first: bool = False) -> pa.Array:
    """One string key per row from several string columns (None parts marked), for ``distinct``.

    ``nullable_first``: a row whose first column is NULL gets a NULL key (a claim without a benchmark).
    """
    parts = [col if (nullable_first and i == 0) else pc.fill_null(col, _NONE) for i, col in enumerate(columns)]
    return pc.binary_join_element_wise(*parts, _SEP)


def gather(values: Sequence[Any], codes: np.ndarray, type: pa.DataType | None = None) -> pa.Array:
    """Row i gets ``values[codes[i]]`` (NULL where ``codes`` is -1 or the value is None), gathered by Arrow."""
    table = pa.array(list(values), type=type)
    if not len(table):
        return pa.nulls(len(codes), type=table.type)
    mask = codes < 0
    return table.take(pa.array(np.where(mask, 0, codes), mask=mask if mask.any() else None))


_CLAIM_STRUCT = pa.struct([(f, _TYPES.get(f, pa.string())) for f in CLAIM_FIELDS])


def claim_columns(fields: Sequence[dict[str, Any]]) -> dict[str, pa.Array]:
    """The claims' fields (each claim's attribute dict, ``claim.__dict__``) as Arrow columns, converted by Arrow
    in one pass (reading 20 attributes of a million pydantic objects is the Python floor of a bulk load)."""
    rows = pa.array(fields, type=_CLAIM_STRUCT)
    return dict(zip(CLAIM_FIELDS, rows.flatten(), strict=True))


# Fields of a document copied into columns as they are (``documents`` holds them beside its id, run and claim count).
DOCUMENT_FIELDS: tuple[str, ...] = (
    "source", "path", "sha256", "encoding", "media_type", "text", "title", "url", "published", "authors",
)
# published: a date DuckDB reads as DATE; authors: a list DuckDB reads as VARCHAR[] (a JSON string per document cost
# ~0.35 s of json.dumps per 50 k documents, and DuckDB parsed it back)
_DOCUMENT_STRUCT = pa.struct([(f, {"published": pa.date32(), "authors": pa.list_(pa.string())}.get(f, pa.string()))
                              for f in DOCUMENT_FIELDS])


def document_columns(fields: Sequence[dict[str, Any]]) -> dict[str, pa.Array]:
    """The documents' fields (each document's attribute dict) as Arrow columns, in one pass as ``claim_columns``
    does: reading each field of each document by attribute and converting column by column cost ~3x as much
    (50 k documents: ~0.37 -> ~0.13 s of the preparing thread per 1 M claims)."""
    rows = pa.array(fields, type=_DOCUMENT_STRUCT)
    return dict(zip(DOCUMENT_FIELDS, rows.flatten(), strict=True))


def values_at(column: pa.Array, rows: np.ndarray) -> list[Any]:
    """The Python values of ``column`` at ``rows`` (the first rows of distinct keys: few)."""
    return column.take(pa.array(rows, type=pa.int64())).to_pylist()


Resolver = Callable[[str, str, "str | None"], int]
# The ids of a batch's distinct names of a kind already resolved (-1 for the others), given as ``joined_key`` writes
# them (``entities.KnownNames.ids_of``).
Known = Callable[[str, pa.Array], np.ndarray]


def entity_ids(arrays: dict[str, pa.Array], resolve: Resolver, known: Known | None = None) -> dict[str, pa.Array]:
    """``model_id``, ``benchmark_id``, ``baseline_id`` per claim: each distinct (name, canonical) of each role
    resolved once, in claim-by-claim order (see the module docstring); a benchmark or baseline that is
    missing or empty has no id.

    ``known`` finds the distinct names resolved before in one pass; only the others go through ``resolve`` (a name
    resolved before is a hit of its memo, which changes nothing, so the ids and their order are the same)."""
    keys = [joined_key(arrays[col], arrays[canon], nullable_first=True) for col, canon, _ in NAME_ROLES]
    roles = [distinct(key) for key in keys]
    ids = [known(kind, key.take(pa.array(d.first, type=pa.int64()))) if known is not None
           else np.full(len(d.first), -1, dtype=np.int64)
           for (_, _, kind), key, d in zip(NAME_ROLES, keys, roles, strict=True)]
    new = [np.flatnonzero(i < 0) for i in ids]  # per role, the places of its distinct names not resolved yet
    names = [(values_at(arrays[col], d.first[n]), values_at(arrays[canon], d.first[n]))
             for (col, canon, _), d, n in zip(NAME_ROLES, roles, new, strict=True)]
    # every role's new names, ordered as reading claim after claim, role after role, meets them
    met = np.concatenate([d.first[n] * len(NAME_ROLES) + r for r, (d, n) in enumerate(zip(roles, new, strict=True))])
    role = np.concatenate([np.full(len(n), r) for r, n in enumerate(new)])
    nth = np.concatenate([np.arange(len(n)) for n in new])
    for i in np.argsort(met).tolist():
        r, k = int(role[i]), int(nth[i])
        surface, canonical = names[r][0][k], names[r][1][k]
        if surface or r == 0:  # the subject is always resolved, a benchmark or baseline only when named
            ids[r][new[r][k]] = resolve(NAME_ROLES[r][2], surface, canonical)
    return {name: _gather_ids(ids[r], roles[r].codes) for r, name in enumerate(("model_id", "benchmark_id", "baseline_id"))}


def _gather_ids(ids: np.ndarray, codes: np.ndarray) -> pa.Array:
    """Row i gets ``ids[codes[i]]``: NULL where ``codes`` is -1 (no name) or the id is -1 (a name not resolved)."""
    if not len(ids):
        return pa.nulls(len(codes), type=pa.int64())
    per_row = ids[np.where(codes < 0, 0, codes)]
    per_row[codes < 0] = -1
    mask = per_row < 0
    return pa.array(per_row, type=pa.int64(), mask=mask if mask.any() else None)


def keyed_columns(keys: Sequence[pa.Array], names: Sequence[str],
                  compute: Callable[..., tuple[Any, ...]]) -> dict[str, pa.Array]:
    """Columns derived from a key of a few columns (a setting and metric, a unit): ``compute(*key)`` once per
    distinct key, gathered to every row."""
    found = distinct(joined_key(*keys) if len(keys) > 1 else pc.fill_null(keys[0], _NONE))
    parts = [values_at(key, found.first) for key in keys]
    derived = [compute(*key) for key in zip(*parts, strict=True)]
    by_column = list(zip(*derived, strict=True)) if derived else [() for _ in names]
    return {name: gather(values, found.codes) for name, values in zip(names, by_column, strict=True)}


def benchmark_order(benchmark_id: pa.Array, model_id: pa.Array) -> np.ndarray:
    """Row order by benchmark (NULL last), then model: claims of one benchmark lie together, so a scan of it
    is pruned by zone maps. A stable sort of two integer columns, not of the whole rows: ids below 2**31 (every
    warehouse so far) as one key of both, which numpy sorts in one pass (400 k claims: ~0.04 s against ~0.08 s for
    ``lexsort`` of the two)."""
    last = _ONE_KEY - 1
    bench = pc.fill_null(benchmark_id, last).to_numpy()
    model = pc.fill_null(model_id, last).to_numpy()
    highest = [pc.max(ids).as_py() for ids in (benchmark_id, model_id)]
    if all(h is None or h < last for h in highest) and min(int(bench.min(initial=0)), int(model.min(initial=0))) >= 0:
        return np.argsort((bench << 32) | model, kind="stable")  # NULL (``last``) above every id, as before
    last = np.iinfo(np.int64).max
    return np.lexsort((pc.fill_null(model_id, last).to_numpy(), pc.fill_null(benchmark_id, last).to_numpy()))


_ONE_KEY = 2**31  # ids below it fit, two at a time, in one int64 sort key (``benchmark_order``)


# Rows in one of DuckDB's row groups: a table handed over in slices of this size is inserted slice by slice in
# parallel, each written to the file as it fills (given in one piece, the whole batch waited in the
# transaction's memory and was written, slower, at commit).
ROW_GROUP = 122_880


def in_row_groups(table: pa.Table) -> pa.Table:
    """``table`` as record batches of ``ROW_GROUP`` rows (zero-copy slices)."""
    return pa.Table.from_batches(table.to_batches(max_chunksize=ROW_GROUP), schema=table.schema)


# The claim fields a bulk load keys (names resolved, terms looked up, ``entity_ids`` / ``keyed_columns``): read as one
# array each; the other fields are only copied into the stored table.
KEYED_FIELDS = frozenset(("kind", "model", "model_canonical", "benchmark", "benchmark_canonical", "baseline",
                          "baseline_canonical", "metric", "setting", "unit"))


# -- documents and claims given as Arrow columns (``Warehouse.store_columns``) ----------------------------------------
# A document's columns besides ``DOCUMENT_FIELDS``: the extractor its claims default to (``Extraction.extractor``).
_DOCUMENT_DEFAULTS: dict[str, Any] = {"encoding": "utf-8", "media_type": "text/plain", "extractor": "rules"}
_REQUIRED_DOCUMENT = ("source", "path", "sha256", "text")
_REQUIRED_CLAIM = ("doc", "kind", "model", "quote", "start", "end")
_KINDS = pa.array(["score", "comparison"])
_RELATIONS = pa.array(["outperforms", "matches", "underperforms"])


class ColumnBatch(NamedTuple):
    """Documents and their claims as Arrow columns, typed as ``Warehouse.store_columns`` documents them: ``documents``
    one row per document (``DOCUMENT_FIELDS`` and ``extractor``), ``claims`` one row per claim (``CLAIM_FIELDS``),
    the claims of each document together and in document order; ``counts[i]`` is document i's number of claims."""

    documents: pa.Table
    claims: pa.Table
    counts: np.ndarray

    def __len__(self) -> int:
        return self.documents.num_rows

    def sources(self) -> list[str]:
        return self.documents.column("source").to_pylist()  # type: ignore[no-any-return]

    def slice(self, start: int, stop: int) -> ColumnBatch:
        """Documents ``start`` to ``stop`` with their claims (zero-copy)."""
        first = int(self.counts[:start].sum())
        n = int(self.counts[start:stop].sum())
        return ColumnBatch(self.documents.slice(start, stop - start), self.claims.slice(first, n),
                           self.counts[start:stop])

    def claim_arrays(self) -> dict[str, pa.Array]:
        """The claims' ``CLAIM_FIELDS`` as ``claim_columns`` makes them from claim objects: the columns that are keyed
        (``KEYED_FIELDS``) as one array each, the others as they are, in chunks (they are only copied into the table
        put in benchmark order; combining every column first cost ~0.5 s of CPU per 1 M claims)."""
        return {f: self.claims.column(f).combine_chunks() if f in KEYED_FIELDS else self.claims.column(f)
                for f in CLAIM_FIELDS}

    def document_arrays(self) -> dict[str, pa.Array]:
        """The documents' ``DOCUMENT_FIELDS`` as ``document_columns`` makes them from document objects (in chunks as
        given: they are only copied)."""
        return {f: self.documents.column(f) for f in DOCUMENT_FIELDS}

    def extractions(self, unchanged: frozenset[str] = frozenset()) -> list[Any]:
        """The batch as ``Extraction`` objects (built without validation, as the columns were checked): for the
        documents ``store_many`` must store one by one (a source stored already or repeated). Documents whose
        source is in ``unchanged`` (stored with the same sha256: ``store_many`` reads none of their claims) come
        without claims (a re-run of 1,000 stored documents: 0.6 s of claim objects built for nothing)."""
        from schemas import ComparisonClaim, Document, Extraction, ScoreClaim

        docs = self.documents.to_pylist()
        every = not unchanged.issuperset(self.sources())
        claims = self.claims.drop_columns(["doc"]).to_pylist() if every else []
        out = []
        at = 0
        for doc, n in zip(docs, self.counts.tolist(), strict=True):
            extractor = doc.pop("extractor")
            mine = [] if doc["source"] in unchanged else [
                (ScoreClaim if c["kind"] == "score" else ComparisonClaim).model_construct(**c)
                for c in claims[at:at + n]]
            at += n
            out.append(Extraction.model_construct(document=Document.model_construct(**doc, sections=[]), claims=mine,
                                                  extractor=extractor))
        return out


def column_batch(documents: pa.Table, claims: pa.Table) -> ColumnBatch:
    """``documents`` and ``claims`` checked and typed for ``Warehouse.store_columns``: missing optional columns are
    filled as an ``Extraction``'s defaults would be, a claim's missing ``source`` is its document's, and the claims are
    put in document order (stable). Raises ValueError for what validating the objects would refuse."""
    n_docs, n = documents.num_rows, claims.num_rows
    for names, table, what in ((_REQUIRED_DOCUMENT, documents, "documents"), (_REQUIRED_CLAIM, claims, "claims")):
        missing = [c for c in names if c not in table.column_names]
        if missing:
            raise ValueError(f"{what} lack the column(s) {', '.join(missing)}")
    docs = _typed_documents(documents)
    if claims.column("doc").null_count:
        raise ValueError("a claim names no document (column doc)")
    doc = pc.cast(claims.column("doc"), pa.int64()).to_numpy(zero_copy_only=False) if n else np.zeros(0, np.int64)
    if n and (doc.min() < 0 or doc.max() >= n_docs):
        raise ValueError("claims name a document (column doc) outside the documents given")
    order = None if n < 2 or bool((doc[1:] >= doc[:-1]).all()) else np.argsort(doc, kind="stable")
    cols: dict[str, Any] = {"doc": pa.array(doc if order is None else doc[order], pa.int64())}
    for f in CLAIM_FIELDS:
        type_ = _TYPES.get(f, pa.string())
        if f in claims.column_names:
            col = claims.column(f).cast(type_)
        elif f == "source":
            col = docs["source"].take(pa.array(doc, pa.int64()))
        else:
            col = pa.nulls(n, type_)
        cols[f] = col if order is None else col.take(pa.array(order, pa.int64()))
    batch = ColumnBatch(pa.table(docs), pa.table(cols), np.bincount(doc, minlength=n_docs).astype(np.int64))
    _check_claims(batch.claims)
    return batch


def _typed_documents(documents: pa.Table) -> dict[str, Any]:
    """The documents' columns as ``document_columns`` types them, missing ones filled as ``Document`` defaults them."""
    n_docs = documents.num_rows
    docs: dict[str, Any] = {}
    for f, type_ in [*((f.name, f.type) for f in _DOCUMENT_STRUCT), ("extractor", pa.string())]:
        if f in documents.column_names:
            docs[f] = documents.column(f).cast(type_)
        elif f == "authors":
            docs[f] = pa.array([[]] * n_docs, type_)
        else:
            docs[f] = pa.array([_DOCUMENT_DEFAULTS.get(f)] * n_docs, type_)
    return docs


def _check_claims(claims: pa.Table) -> None:
    """What pydantic validates on a claim and a bulk load would otherwise store: kinds, spans, ranges, relations."""
    def bad(mask: pa.ChunkedArray | pa.Array) -> bool:
        return bool(pc.any(pc.fill_null(mask, True)).as_py())

    col = claims.column
    kind = col("kind")
    if not claims.num_rows:
        return
    if bad(pc.invert(pc.is_in(kind, value_set=_KINDS))):
        raise ValueError("a claim's kind is neither 'score' nor 'comparison'")
    if bad(pc.is_null(col("model"))) or bad(pc.is_null(col("quote"))) or bad(pc.is_null(col("source"))):
        raise ValueError("a claim lacks its model, quote or source")
    if bad(pc.less(col("end"), col("start"))) or bad(pc.less(col("start"), 0)) \
            or bad(pc.not_equal(pc.subtract(col("end"), col("start")), pc.utf8_length(col("quote")))):
        raise ValueError("a claim's span is out of order or not as long as its quote")
    score = pc.equal(kind, "score")
    if bad(pc.and_(score, pc.is_null(col("value")))) or \
            bool(pc.any(pc.and_kleene(score, pc.less(col("value_high"), col("value")))).as_py() or False):
        raise ValueError("a score claim lacks its value, or its value_high is below it")
    comparison = pc.invert(score)
    if bool(pc.any(pc.and_(comparison, pc.or_(pc.is_null(col("baseline")), pc.invert(
            pc.fill_null(pc.is_in(col("relation"), value_set=_RELATIONS), False))))).as_py() or False):
        raise ValueError("a comparison claim lacks its baseline or relation")
