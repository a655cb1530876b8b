"""Every SQL statement of the warehouse, in one place.

All values travel as ``?`` parameters; nothing here is ever formatted with user input.
The DDL is in ``schema.sql`` beside this file.
"""

from __future__ import annotations

import re
from pathlib import Path

SCHEMA = (Path(__file__).resolve().parent / "schema.sql").read_text(encoding="utf-8")

# DuckDB's worker threads for this database (every connection of the process shares them), and back to its default.
SET_THREADS = "SET threads = ?"
RESET_THREADS = "RESET threads"
# The worker threads set now (``Warehouse._one_write_thread`` puts it back after an overlapped ``store_many``).
CURRENT_THREADS = "SELECT current_setting('threads')::BIGINT"
# How much write-ahead log a commit may leave before it checkpoints (a size such as '16.0 MiB'), set and read back
# (``Warehouse._one_checkpoint``), and a checkpoint now.
SET_CHECKPOINT_THRESHOLD = "SET checkpoint_threshold = ?"
CURRENT_CHECKPOINT_THRESHOLD = "SELECT current_setting('checkpoint_threshold')"
CHECKPOINT = "CHECKPOINT"


def lake_schema(schema: str = SCHEMA) -> str:
    """The schema for a DuckLake catalog: the same tables without keys, indexes and non-literal defaults,
    plus ``lake_writes``.

    DuckLake has no PRIMARY KEY / UNIQUE constraints and no indexes (the warehouse's statements do not
    rely on them: upserts are MERGE, new keys are anti-joins). ``lake_writes`` holds one counter every
    write transaction advances (``warehouse.lake``), so two writers never both commit from one state.
    """
    text = re.sub(r",\s*PRIMARY KEY \([^)]*\)", "", schema)
    text = re.sub(r"\s+(?:PRIMARY KEY|UNIQUE)(?=\s*[,\n])", "", text)
    text = re.sub(r"^DROP INDEX[^;]*;\n", "", text, flags=re.MULTILINE)
    text = text.replace(" DEFAULT false", "")  # DuckLake takes only literal defaults; inserts always set it
    return text + "\n" + LAKE_WRITES_SCHEMA


def attach_lake(catalog: str, alias: str, options: list[tuple[str, str | None]]) -> str:
    """``ATTACH 'ducklake:...' AS alias (OPTION 'value', FLAG)``: the one statement that holds text from outside.

    ATTACH takes no ``?`` parameters, so the operator's own ``--db`` location and data path are written
    as SQL string literals (quotes doubled); option names and the alias are fixed words of ours.
    """
    def literal(text: str) -> str:
        return "'" + text.replace("'", "''") + "'"

    if not re.fullmatch(r"[a-z_]+", alias) or not all(re.fullmatch(r"[A-Z_]+", name) for name, _ in options):
        raise ValueError("attach_lake: alias and option names are fixed words")
    listed = ", ".join(name if value is None else f"{name} {literal(value)}" for name, value in options)
    return f"ATTACH {literal(catalog)} AS {alias}" + (f" ({listed})" if listed else "")


# ``claim_terms``' DDL alone (a lake made before it gets it when its claims are migrated).
CLAIM_TERMS_SCHEMA = re.search(r"CREATE TABLE IF NOT EXISTS claim_terms \(.*?\n\);", SCHEMA, re.DOTALL).group(0)  # type: ignore[union-attr]
LAKE_WRITES_SCHEMA = """
CREATE TABLE IF NOT EXISTS lake_writes (version BIGINT NOT NULL);
INSERT INTO lake_writes SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM lake_writes);
"""
LAKE_SCHEMA = lake_schema(SCHEMA + "\n")
LAKE_CLAIM_TERMS_SCHEMA = lake_schema(CLAIM_TERMS_SCHEMA)
LAKE_HAS_SCHEMA = "SELECT count(*) FROM information_schema.tables WHERE table_catalog = ? AND table_name = 'lake_writes'"
LAKE_VERSION = "SELECT max(version) FROM lake_writes"
# Compare-and-set: 0 rows changed means another writer committed since this one last looked.
LAKE_CLAIM = "UPDATE lake_writes SET version = version + 1 WHERE version = ?"

# -- meta / runs -------------------------------------------------------------------
GET_META = "SELECT value FROM meta WHERE key = ?"
# Upserts are MERGE and inserts of new keys are anti-joins, not INSERT OR REPLACE / OR IGNORE: a DuckLake
# table has no primary key to conflict on, and the same statements then serve the DuckDB file and the lake.
SET_META = """
MERGE INTO meta USING (SELECT ?::VARCHAR AS key, ?::VARCHAR AS value) AS new ON meta.key = new.key
WHEN MATCHED THEN UPDATE SET value = new.value
WHEN NOT MATCHED THEN INSERT (key, value) VALUES (new.key, new.value)
"""
# Run ids are taken inside the write transaction (a lake has no sequences; its writers are serialised).
NEXT_RUN_ID = "SELECT coalesce(max(id), 0) + 1 FROM runs"
START_RUN = "INSERT INTO runs (id, backend, params, started_at) VALUES (?, ?, ?, now())"
FINISH_RUN = """
UPDATE runs SET finished_at = now(), files_ok = ?, files_failed = ?, problems = ?, stats = ?
WHERE id = ?
"""
RUN_EXISTS = "SELECT 1 FROM runs WHERE id = ?"

# -- entities ----------------------------------------------------------------------
SELECT_ENTITIES = "SELECT id, kind, name, key, family, family_key, pinned FROM entities"
SELECT_ALIASES = "SELECT kind, key, entity_id, surface FROM aliases"
SELECT_SPELLINGS = "SELECT kind, surface FROM spellings"
INSERT_SPELLINGS = """
INSERT INTO spellings (kind, entity_id, surface)
SELECT DISTINCT ON (b.kind, b.surface) b.kind::VARCHAR, b.entity_id::BIGINT, b.surface::VARCHAR
FROM spelling_batch b
WHERE NOT EXISTS (SELECT 1 FROM spellings s WHERE s.kind = b.kind AND s.surface = b.surface)
"""
INSERT_ENTITIES = """
INSERT INTO entities (id, kind, name, key, family, family_key, pinned)
SELECT id::BIGINT, kind::VARCHAR, name::VARCHAR, key::VARCHAR, family::VARCHAR, family_key::VARCHAR, pinned::BOOLEAN
FROM entity_batch
"""
INSERT_ALIASES = """
INSERT INTO aliases (kind, key, entity_id, surface)
SELECT DISTINCT ON (b.kind, b.key) b.kind::VARCHAR, b.key::VARCHAR, b.entity_id::BIGINT, b.surface::VARCHAR
FROM alias_batch b
WHERE NOT EXISTS (SELECT 1 FROM aliases a WHERE a.kind = b.kind AND a.key = b.key)
"""
UPDATE_ENTITY = "UPDATE entities SET name = ?, family = ?, family_key = ?, pinned = true WHERE id = ?"
MERGE_ENTITY = {
    "model": (
        "UPDATE aliases SET entity_id = ? WHERE kind = 'model' AND entity_id = ?",
        "UPDATE spellings SET entity_id = ? WHERE kind = 'model' AND entity_id = ?",
        "UPDATE claims SET model_id = ? WHERE model_id = ?",
        "UPDATE claims SET baseline_id = ? WHERE baseline_id = ?",
        "UPDATE claims SET loser_id = ? WHERE loser_id = ?",
    ),
    "benchmark": (
        "UPDATE aliases SET entity_id = ? WHERE kind = 'benchmark' AND entity_id = ?",
        "UPDATE spellings SET entity_id = ? WHERE kind = 'benchmark' AND entity_id = ?",
        "UPDATE claims SET benchmark_id = ? WHERE benchmark_id = ?",
    ),
}
DELETE_ENTITY = "DELETE FROM entities WHERE id = ?"

# -- documents ---------------------------------------------------------------------
DOCS_BY_SOURCE = """
SELECT d.source, d.id, d.sha256, d.n_claims, d.title, d.url, d.published, d.authors
FROM documents d JOIN (SELECT unnest(?::VARCHAR[]) AS source) wanted ON wanted.source = d.source
"""
MAX_IDS = "SELECT (SELECT coalesce(max(id), 0) FROM documents), (SELECT coalesce(max(id), 0) FROM claims)"
DELETE_DOC_CLAIMS = "DELETE FROM claims WHERE doc_id IN (SELECT unnest(?::BIGINT[]))"
DELETE_DOC_SECTIONS = "DELETE FROM sections WHERE doc_id IN (SELECT unnest(?::BIGINT[]))"
UPDATE_DOCUMENT = """
UPDATE documents SET path = ?, sha256 = ?, encoding = ?, media_type = ?, text = ?, ingested_at = now(), run_id = ?,
    n_claims = ?, title = ?, url = ?, published = ?::DATE, authors = ?::VARCHAR[]
WHERE id = ?
"""
# Metadata learnt later for an unchanged document (``ingest --published`` on a stored file).
UPDATE_DOCUMENT_META = "UPDATE documents SET title = ?, url = ?, published = ?::DATE, authors = ?::VARCHAR[] WHERE id = ?"
INSERT_DOCUMENTS = """
INSERT INTO documents (id, source, path, sha256, encoding, media_type, text, ingested_at, run_id, n_claims,
                       title, url, published, authors)
SELECT id, source, path, sha256, encoding, media_type, text, now(), run_id::BIGINT, n_claims::INTEGER,
       title::VARCHAR, url::VARCHAR, published::DATE, authors::VARCHAR[]
FROM doc_batch
"""
DOCUMENT_COLUMNS = ("id", "source", "title", "url", "published", "authors", "sha256", "chars", "media_type", "claims",
                    "ingested_at")
_META = "title, url, published, coalesce(authors, []::VARCHAR[])"
# A file made before the metadata columns, opened read-only (no migration ran): the same shape with NULLs.
_NO_META = "NULL::VARCHAR, NULL::VARCHAR, NULL::DATE, []::VARCHAR[]"
_DOCUMENT_SELECT = """
SELECT id, source, {meta}, sha256, length(text), media_type, coalesce(n_claims, 0), ingested_at
FROM documents
"""
_DOCUMENTS_WHERE = "WHERE (?::VARCHAR IS NULL OR source = ? OR {url} = ?)"
HAS_DOCUMENT_META = (
    "SELECT count(*) FROM information_schema.columns WHERE table_name = 'documents' AND column_name = 'title'"
)


def documents_queries(with_meta: bool) -> tuple[str, str, str]:
    """(count, page, one) statements for listing documents; fixed text, chosen by the file's schema."""
    select = _DOCUMENT_SELECT.format(meta=_META if with_meta else _NO_META)
    where = _DOCUMENTS_WHERE.format(url="url" if with_meta else "NULL")
    return (f"SELECT count(*) FROM documents {where}",
            f"{select} {where} ORDER BY id LIMIT ? OFFSET ?",
            f"{select} WHERE id = ?")


GET_DOCUMENT_TEXT = "SELECT text FROM documents WHERE id = ?"

INSERT_SECTIONS = 'INSERT INTO sections (doc_id, idx, title, start, "end", subject) VALUES (?, ?, ?, ?, ?, ?)'

# -- claim terms (warehouse/terms.py) ------------------------------------------------
SELECT_TERMS = """
SELECT id, metric, setting, unit, metric_key, unit_key, setting_key, setting_detail, pass_k, maj_k, shots, cot, tools,
       split
FROM claim_terms
"""
INSERT_TERMS = """
INSERT INTO claim_terms (id, metric, setting, unit, metric_key, unit_key, setting_key, setting_detail, pass_k, maj_k,
                         shots, cot, tools, split)
SELECT b.* FROM term_batch b WHERE NOT EXISTS (SELECT 1 FROM claim_terms t WHERE t.id = b.id)
"""
# A file made when every claim carried its terms' ten columns: those columns become ``claim_terms`` rows (ids in the
# order of the first claim of each) and a ``term_id`` per claim (``Warehouse._migrate_terms``, once). DuckDB refuses
# to commit an ALTER and an UPDATE of one table in one transaction, so each step commits on its own; each can be run
# again after a crash (the new terms, the id column and the ids are added where missing; the old columns go together).
CLAIMS_HAVE_TERM_COLUMNS = """
SELECT count(*) FROM information_schema.columns WHERE table_name = 'claims' AND column_name = 'metric_key'
"""
_TERM_KEY_COLUMNS = ("metric", "setting", "unit", "metric_key", "unit_key", "setting_key", "setting_detail", "pass_k",
                     "maj_k", "shots", "cot", "tools", "split")
_SAME_TERM = " AND ".join(f"t.{c} IS NOT DISTINCT FROM {{claim}}.{c}" for c in _TERM_KEY_COLUMNS)
MIGRATE_TERMS: tuple[tuple[str, ...], ...] = (
    ("""
    INSERT INTO claim_terms (id, {cols})
    SELECT (SELECT coalesce(max(id), 0) FROM claim_terms) + row_number() OVER (ORDER BY first), {cols}
    FROM (SELECT {cols}, min(id) AS first FROM claims GROUP BY ALL) s
    WHERE NOT EXISTS (SELECT 1 FROM claim_terms t WHERE {same})
    """.format(cols=", ".join(_TERM_KEY_COLUMNS), same=_SAME_TERM.format(claim="s")),),
    ("ALTER TABLE claims ADD COLUMN IF NOT EXISTS term_id BIGINT",),
    ("UPDATE claims SET term_id = t.id FROM claim_terms t WHERE claims.term_id IS NULL AND "
     + _SAME_TERM.format(claim="claims"),),
    tuple(f"ALTER TABLE claims DROP COLUMN {c}" for c in _TERM_KEY_COLUMNS[3:]),
)

# The one list of a stored claim's columns, in the order ``Warehouse._claim_columns`` builds each row
# (what its metric, setting and unit wording mean is in ``claim_terms``, by ``term_id``: ``warehouse.terms``).
CLAIM_COLUMNS: tuple[str, ...] = (
    "id", "doc_id", "kind", "model", "model_id", "benchmark", "benchmark_id", "metric", "term_id",
    "value", "value_high", "unit", "setting", "baseline", "baseline_id", "relation", "delta",
    "quote", "source", "section", "start", "end", "extractor", "run_id", "review_status", "loser_id",
)
_CLAIM_TYPES = {
    "id": "BIGINT", "doc_id": "BIGINT", "model_id": "BIGINT", "benchmark_id": "BIGINT", "baseline_id": "BIGINT",
    "run_id": "BIGINT", "loser_id": "BIGINT", "term_id": "BIGINT", "value": "DOUBLE", "value_high": "DOUBLE",
    "delta": "DOUBLE", "start": "INTEGER", "end": "INTEGER",
}
# Ordered by benchmark: claims of one benchmark lie together, so leaderboard scans skip the rest.
INSERT_CLAIMS = "INSERT INTO claims ({cols}) SELECT {casts} FROM claim_batch ORDER BY benchmark_id, model_id".format(
    cols=", ".join(f'"{c}"' for c in CLAIM_COLUMNS),
    casts=", ".join(f'"{c}"::{_CLAIM_TYPES.get(c, "VARCHAR")}' for c in CLAIM_COLUMNS),
)

# The set-based insert of new documents' claims (``Warehouse._insert_claims_bulk``, ``warehouse.bulk``): the
# batch (``claim_batch``) holds every column already keyed and in benchmark order, so this only copies it;
# the loser of a comparison is derived here. Parameter: the run id.
# What each stored column is computed from (named, so the select follows ``CLAIM_COLUMNS`` whatever its order).
_BULK_EXPRESSIONS = {
    **{c: f'b."{c}"::{_CLAIM_TYPES.get(c, "VARCHAR")}' for c in CLAIM_COLUMNS},
    "extractor": "coalesce(nullif(b.extractor::VARCHAR, ''), b.doc_extractor::VARCHAR)", "run_id": "?::BIGINT",
    "review_status": "'unreviewed'",
    "loser_id": "CASE b.relation::VARCHAR WHEN 'outperforms' THEN b.baseline_id::BIGINT "
                "WHEN 'underperforms' THEN b.model_id::BIGINT END",
}
INSERT_CLAIMS_BULK = "INSERT INTO claims ({cols}) SELECT {exprs} FROM claim_batch b".format(
    cols=", ".join(f'"{c}"' for c in CLAIM_COLUMNS), exprs=", ".join(_BULK_EXPRESSIONS[c] for c in CLAIM_COLUMNS))

# -- claims ------------------------------------------------------------------------
# What a ``StoredClaim`` is read from, in order (``db._stored`` names the values by this list).
STORED_CLAIM_FIELDS: tuple[str, ...] = (
    "id", "kind", "model", "benchmark", "metric", "value", "value_high", "unit", "setting", "baseline", "relation",
    "delta", "quote", "source", "section", "start", "end", "extractor", "review_status",
)
STORED_CLAIM_COLUMNS = ", ".join(f'"{c}"' for c in STORED_CLAIM_FIELDS)
GET_CLAIM = f"SELECT {STORED_CLAIM_COLUMNS} FROM claims WHERE id = ?"
SET_REVIEW = "UPDATE claims SET review_status = ? WHERE id = ?"
CLAIM_DOCUMENT = "SELECT c.doc_id, d.text FROM claims c JOIN documents d ON d.id = c.doc_id WHERE c.id = ?"
ADD_REVIEW = "INSERT INTO reviews (claim_id, status, previous, note, reviewer, reviewed_at) VALUES (?, ?, ?, ?, ?, now())"
REVIEW_HISTORY = "SELECT status, previous, note, reviewer, reviewed_at FROM reviews WHERE claim_id = ? ORDER BY reviewed_at, rowid"
# What to review first: claims on a board row whose sources disagree, then unreviewed claims of the
# boards with most claims (where a wrong number is seen most).
REVIEW_QUEUE = """
WITH board AS (
    SELECT benchmark_id, count(*) AS n FROM claims WHERE kind = 'score' AND benchmark_id IS NOT NULL GROUP BY 1
), disagree AS (
    SELECT c.benchmark_id, c.model_id, t.setting_key, t.unit_key FROM claims c JOIN claim_terms t ON t.id = c.term_id
    WHERE c.kind = 'score' AND c.review_status <> 'rejected' AND c.benchmark_id IS NOT NULL
    GROUP BY ALL HAVING count(DISTINCT round(c.value, 2)) > 1
)
SELECT {cols}, (d.model_id IS NOT NULL) AS in_conflict, coalesce(b.n, 0) AS board_claims
FROM claims c
JOIN claim_terms t ON t.id = c.term_id
LEFT JOIN disagree d ON d.benchmark_id = c.benchmark_id AND d.model_id = c.model_id
    AND d.setting_key = t.setting_key AND d.unit_key = t.unit_key AND c.kind = 'score'
LEFT JOIN board b ON b.benchmark_id = c.benchmark_id
WHERE c.review_status = 'unreviewed'
ORDER BY in_conflict DESC, board_claims DESC, c.id
LIMIT ?
""".format(cols=", ".join(f'c."{c}"' for c in STORED_CLAIM_FIELDS))
# The claims a re-ingest replaces, with what makes them the same claim (``warehouse.fingerprints``):
# a claim whose fingerprint survives the edit keeps its id and its review status.
PREVIOUS_CLAIMS = """
SELECT doc_id, id, review_status, kind, model, benchmark, value, baseline, quote
FROM claims WHERE doc_id IN (SELECT unnest(?::BIGINT[])) ORDER BY id
"""
# Filters are fixed SQL with NULL-able parameters: (? IS NULL OR col = ?).
CLAIMS_WHERE = """
WHERE (?::BIGINT IS NULL OR model_id = ? OR baseline_id = ?)
  AND (?::BIGINT[] IS NULL OR list_contains(?::BIGINT[], benchmark_id))
  AND (?::VARCHAR IS NULL OR kind = ?)
  AND (?::VARCHAR IS NULL OR source = ?)
  AND (?::VARCHAR IS NULL OR review_status = ?)
"""
CLAIMS_COUNT = "SELECT count(*) FROM claims " + CLAIMS_WHERE
# ORDER BY choices are a closed whitelist mapped to fixed text, never user text.
# ``field`` ascending, ``-field`` descending (Datasette's and JSON:API's convention)
CLAIMS_ORDER = {
    "id": "id",
    "-id": "id DESC",
    "value": "value ASC NULLS LAST, id",
    "-value": "value DESC NULLS LAST, id",
    "model": "model, id",
    "-model": "model DESC, id",
    "benchmark": "benchmark NULLS LAST, id",
    "-benchmark": "benchmark DESC NULLS LAST, id",
    "source": "source, start, id",
    "-source": "source DESC, start, id",
}
CLAIMS_PAGE = {
    name: f"SELECT {STORED_CLAIM_COLUMNS} FROM claims {CLAIMS_WHERE} ORDER BY {order} LIMIT ? OFFSET ?"
    for name, order in CLAIMS_ORDER.items()
}

# Entities that claims mention (a name only declared in entities.toml is not listed), with
# how many claims mention each; a model counts as subject or as baseline.
MODEL_COUNTS = """
SELECT e.id, e.name, c.n
FROM entities e
JOIN (
    SELECT eid, count(*) AS n FROM (
        SELECT model_id AS eid FROM claims
        UNION ALL SELECT baseline_id FROM claims WHERE baseline_id IS NOT NULL AND baseline_id <> model_id
    ) GROUP BY eid
) c ON c.eid = e.id
WHERE e.kind = ?
ORDER BY c.n DESC, e.name
"""
BENCHMARK_COUNTS = """
SELECT e.id, e.name, c.n
FROM entities e
JOIN (SELECT benchmark_id AS eid, count(*) AS n FROM claims WHERE benchmark_id IS NOT NULL GROUP BY 1) c
  ON c.eid = e.id
WHERE e.kind = ?
ORDER BY c.n DESC, e.name
"""
ALIAS_SURFACES = "SELECT entity_id, list(DISTINCT surface ORDER BY surface) FROM spellings WHERE kind = ? GROUP BY entity_id"

STATS = """
SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM claims),
       (SELECT count(DISTINCT eid) FROM (SELECT model_id AS eid FROM claims UNION ALL
                                         SELECT baseline_id FROM claims WHERE baseline_id IS NOT NULL)),
       (SELECT count(DISTINCT benchmark_id) FROM claims),
       (SELECT count(*) FROM runs)
"""

# -- leaderboard / beats -----------------------------------------------------------
# Every claim on one benchmark (rows are clustered by benchmark, see INSERT_CLAIMS, so zone
# maps skip the rest of the table); kind, value and review status are filtered by the
# caller. Columns 0-16: ranking.ScoreRow; then kind, loser_id, winner, delta, setting.
BENCHMARK_CLAIMS = """
SELECT c.benchmark_id, c.model_id, t.metric_key, t.unit_key, t.setting_key, t.setting_detail, c.value, c.value_high,
       c.unit, c.metric, c.id, c.source, c.quote, c.section, c.start, c."end", c.review_status, c.kind, c.loser_id,
       CASE WHEN c.relation = 'outperforms' THEN c.model_id ELSE c.baseline_id END AS winner, c.delta, c.setting,
       d.sha256, coalesce(d.published, CAST(d.ingested_at AS DATE)) AS claimed_on
FROM claims c JOIN documents d ON d.id = c.doc_id JOIN claim_terms t ON t.id = c.term_id WHERE c.benchmark_id = ?
"""
# Benchmarks with score claims, most claimed first (the boards the change feed replays).
SCORED_BENCHMARKS = """
SELECT benchmark_id, count(*) AS n FROM claims
WHERE kind = 'score' AND benchmark_id IS NOT NULL AND review_status <> 'rejected'
GROUP BY 1 ORDER BY n DESC, benchmark_id LIMIT ?
"""
# Comparisons stated without a benchmark in which model X is beaten (NULL benchmarks sort
# last in every inserted batch, so these scans are pruned too).
GENERAL_BEATEN_BY = """
SELECT CASE WHEN relation = 'outperforms' THEN model_id ELSE baseline_id END AS winner,
       benchmark_id, delta, unit, metric, setting, id, source, quote, section, start, "end", review_status
FROM claims WHERE benchmark_id IS NULL AND loser_id = ?
"""

# -- boards (precomputed; warehouse/boards.py) --------------------------------------
# Plain SQL over the warehouse's own tables (no registered Python data), so a DuckLake-attached
# catalog can run the same statements. ``board_dirty`` lists the benchmarks to rebuild.
MARK_BOARD_CLAIM = "INSERT INTO board_dirty SELECT benchmark_id FROM claims WHERE id = ? AND benchmark_id IS NOT NULL"
MARK_BOARD_DOCS = """
INSERT INTO board_dirty SELECT DISTINCT benchmark_id FROM claims
WHERE doc_id IN (SELECT unnest(?::BIGINT[])) AND benchmark_id IS NOT NULL
"""
MARK_BOARD_ALL = "INSERT INTO board_dirty SELECT DISTINCT benchmark_id FROM claims WHERE benchmark_id IS NOT NULL"
BOARD_TABLES = ("board_rows", "board_groups", "board_group_map", "board_names", "board_pages", "board_comparisons",
                "board_dirty", "board_family_pages")
DROP_BOARDS = tuple(f"DROP TABLE IF EXISTS {table}" for table in BOARD_TABLES)
BOARD_DIRTY = "SELECT DISTINCT benchmark_id FROM board_dirty"
MARK_BOARDS = "INSERT INTO board_dirty SELECT unnest(?::BIGINT[])"
BOARD_DIRTY_COUNT = "SELECT count(*) FROM board_dirty"
CLEAR_BOARD_DIRTY = "DELETE FROM board_dirty"
DELETE_DIRTY_BOARDS = tuple(
    f"DELETE FROM {table} WHERE benchmark_id IN (SELECT benchmark_id FROM board_dirty)"
    for table in ("board_group_map", "board_groups", "board_rows", "board_pages", "board_comparisons")
)
# The raw comparable groups of the benchmarks to rebuild, in the order of their first claim's id (the order
# ``ranking._scores`` puts them in), with what ``ranking.effective_groups`` and ``on_group_scale`` need. The claim id,
# not the stored order: a batch is stored in benchmark, then model order, so where a load's batches were cut decided
# which of two groups tied on models and claims a claim with an unstated metric or unit joined (round sixteen).
BOARD_RAW_GROUPS = """
SELECT c.benchmark_id, t.metric_key, t.unit_key, t.setting_key, count(DISTINCT c.model_id) AS models, count(*) AS n,
       max(c.value) AS top, min(c.id) AS first
FROM claims c JOIN claim_terms t ON t.id = c.term_id
WHERE c.benchmark_id IN (SELECT DISTINCT benchmark_id FROM board_dirty)
  AND c.kind = 'score' AND c.value IS NOT NULL AND c.review_status <> 'rejected'
GROUP BY c.benchmark_id, t.metric_key, t.unit_key, t.setting_key
ORDER BY benchmark_id, first
"""
INSERT_BOARD_GROUP_MAP = """
INSERT INTO board_group_map SELECT benchmark_id::BIGINT, raw_metric::VARCHAR, raw_unit::VARCHAR, raw_setting::VARCHAR,
    grp::INTEGER, lower::BOOLEAN, scaled::BOOLEAN FROM board_map_batch
"""
INSERT_BOARD_GROUPS = """
INSERT INTO board_groups SELECT benchmark_id::BIGINT, grp::INTEGER, metric_key::VARCHAR, unit_key::VARCHAR,
    setting_key::VARCHAR, models::INTEGER, claims::INTEGER, raw_keys::VARCHAR[], 0,
    page_head::VARCHAR
FROM board_group_batch
"""
# Models of the rebuilt boards whose name is not classified yet (``names.is_named``, decided in Python).
UNCLASSIFIED_NAMES = """
SELECT e.id, e.name FROM entities e
WHERE e.kind = 'model' AND e.id NOT IN (SELECT entity_id FROM board_names)
"""
INSERT_BOARD_NAMES = "INSERT OR REPLACE INTO board_names SELECT entity_id::BIGINT, named::BOOLEAN FROM board_names_batch"
# A claim as a board row's source (``SourceRef``): the value as written in the quote.
SOURCE_STRUCT = """struct_pack(source := c.source, quote := c.quote, section := c.section, start := c.start,
    "end" := c."end", claim_id := c.id, value := c.value, review_status := c.review_status)"""
# Every board row of the benchmarks to rebuild, as ``ranking._model_results`` computes it: values on the
# group's scale (a bare fraction in a 0-100 group x 100), the best one (lowest for lower-is-better metrics;
# ties: lowest claim id), support = distinct document texts, conflict = two values (to 2 places) under one
# setting wording, and the first {k} sources (best value first, then claim id). Rounding is half-to-even,
# as Python's ``round``. Plain aggregates, no window over the claims: the best value is a ``min`` of the
# value signed by direction (``o``), the best claim the lowest id at it, the first sources the {k} smallest
# keys (not at the best value, claim id) of ``min(key, k)`` / ``min_by(source, key, k)``, and a conflict is more distinct
# (setting wording, value) pairs than setting wordings.
# What the build costs (1 M claims) is carrying every claim through two hash aggregates and the rows through
# a window and a sort, so the row JSON is written after the sort. (A source kept as a struct through ``min_by`` and
# written as JSON after it was no faster: a lambda over every row's list.) Places and ranks are one window over the
# rows themselves: ranked over the rows' keys alone and joined back onto the rows (round three), the join of 510 k
# rows with 510 k and the rows' CTE read twice held ~0.26 GB more of DuckDB's memory at its peak (1 M claims: 1.82 ->
# 1.56 GB; a 1 M-claim batch of a 10 M build 2.44 -> 2.11 GB) for the same CPU (``warehouse/README.md``, fourteenth
# round). The claim ids of a row's sources are its keys without the not-best mark for rows of several claims only;
# a row of one claim has that claim's id.
_BOARD_CLAIMS = """
SELECT c.benchmark_id, g.grp, g.lower, c.model_id, c.id, t.setting_detail, c.review_status, c.metric, c.doc_id,
       c.source, c.quote, c.section, c.start, c."end", c.value, c.value_high, c.unit,
       g.scaled AND t.unit_key = '' AND c.value > 0 AND c.value <= 1
           AND (c.value_high IS NULL OR (c.value_high > 0 AND c.value_high <= 1)) AS rescaled
FROM claims c
JOIN claim_terms t ON t.id = c.term_id
JOIN board_group_map g ON g.benchmark_id = c.benchmark_id AND g.raw_metric = t.metric_key
    AND g.raw_unit = t.unit_key AND g.raw_setting = t.setting_key
WHERE c.benchmark_id IN (SELECT DISTINCT benchmark_id FROM board_dirty)
  AND c.kind = 'score' AND c.value IS NOT NULL AND c.review_status <> 'rejected'
"""
_BOARD_SRC = f"""
SELECT c.*, hash(d.sha256) AS content, CASE WHEN c.lower THEN c.v ELSE -c.v END AS o
FROM (SELECT c.benchmark_id, c.grp, c.lower, c.model_id, c.id, c.setting_detail, c.review_status, c.metric,
             c.doc_id, to_json({SOURCE_STRUCT})::VARCHAR AS source,
             CASE WHEN c.rescaled THEN round_even(c.value * 100, 6) ELSE c.value END AS v,
             CASE WHEN c.rescaled AND c.value_high IS NOT NULL THEN round_even(c.value_high * 100, 6)
                  ELSE c.value_high END AS vh,
             CASE WHEN c.rescaled THEN '%' ELSE c.unit END AS shown_unit
      FROM ({_BOARD_CLAIMS}) c) c
JOIN documents d ON d.id = c.doc_id
"""
BOARD_SOURCES = 10
# A board row's JSON up to its sources (``LeaderboardRow``, rank included, without the closing brace), from a
# relation ``r`` holding ``board_rows``' columns and its group's keys and benchmark's name (``unit_key``,
# ``metric_key``, ``setting_key``, ``benchmark``). The build writes it for the rows of default pages only
# (``board_rows.head``: group 0, places up to ``boards.PAGE_ROWS``, what ``board_pages`` and a family's default
# page read); a read of any other page writes it here (``BOARD_PAGE``, ``MEMBER_PAGES``). At 1 M claims 383 k of
# 510 k rows are on no default page, and their JSON was ~0.6 s of the build's CPU and ~80 MB of the file.
ROW_HEAD = """left(to_json(struct_pack(
           rank := r.rnk, model := r.model, benchmark := r.benchmark, value := r.value, value_high := r.value_high,
           unit := coalesce(nullif(r.unit, ''), nullif(r.unit_key, '')),
           metric := coalesce(nullif(r.metric, ''), nullif(r.metric_key, '')), setting := nullif(r.setting_key, ''),
           support := r.support, conflict := r.conflict, "values" := r."values",
           review_status := CASE WHEN r.verified THEN 'verified' ELSE 'unreviewed' END))::VARCHAR, -1)"""
_NOT_BEST = 2**62  # added to a claim id that does not state the best value: such sources come after
BUILD_BOARD_ROWS = f"""
INSERT INTO board_rows
WITH src AS ({_BOARD_SRC}),
best AS (SELECT benchmark_id, grp, model_id, min(o) AS best_o, count(*) AS n FROM src GROUP BY benchmark_id, grp, model_id),
marked AS (
    SELECT s.*, b.best_o, b.n,
           round_even(s.v, 2) = round_even(CASE WHEN s.lower THEN b.best_o ELSE -b.best_o END, 2) AS at_best
    FROM src s JOIN best b USING (benchmark_id, grp, model_id)
),
agg AS (  -- a row of one claim (most rows) is that claim, not aggregated
    SELECT benchmark_id, grp, model_id, lower, struct_pack(v, vh, shown_unit, metric) AS b, 1 AS support,
           false AS conflict, []::DOUBLE[] AS all_values, review_status = 'verified' AS verified, 1 AS sources_total,
           1 AS n_best, [id] AS source_ids, [source] AS sources
    FROM marked WHERE n = 1
    UNION ALL
    SELECT benchmark_id, grp, model_id, any_value(lower) AS lower,
           arg_min(struct_pack(v, vh, shown_unit, metric), id) FILTER (WHERE o = best_o) AS b,
           count(DISTINCT content) AS support,
           count(DISTINCT (setting_detail, round_even(v, 2))) > count(DISTINCT setting_detail) AS conflict,
           list(DISTINCT round_even(v, 4)) AS all_values,
           bool_or(review_status = 'verified' AND at_best) AS verified,
           count(*) AS sources_total,
           count(*) FILTER (WHERE at_best) AS n_best,
           list_transform(min(CASE WHEN at_best THEN id ELSE id + {_NOT_BEST} END, {BOARD_SOURCES}),
                          k -> k % {_NOT_BEST}) AS source_ids,
           min_by(source, CASE WHEN at_best THEN id ELSE id + {_NOT_BEST} END, {BOARD_SOURCES}) AS sources
    FROM marked WHERE n > 1 GROUP BY benchmark_id, grp, model_id
),
rows AS (  -- a named row's place and rank on its board (ties share a rank); other rows have neither
    SELECT a.benchmark_id, a.grp, a.model_id, e.name AS model, n.named, a.lower, a.b.v AS value,
           a.b.vh AS value_high, a.b.shown_unit AS unit, a.b.metric AS metric, a.support, a.conflict,
           CASE WHEN a.conflict THEN list_sort(a.all_values) ELSE [] END AS "values", a.verified, a.sources_total,
           a.n_best, a.source_ids, a.sources,
           CASE WHEN n.named THEN row_number() OVER (PARTITION BY a.benchmark_id, a.grp, n.named
               ORDER BY CASE WHEN a.lower THEN a.b.v ELSE -a.b.v END, a.support DESC, a.model_id) END AS pos,
           CASE WHEN n.named THEN rank() OVER (PARTITION BY a.benchmark_id, a.grp, n.named
               ORDER BY CASE WHEN a.lower THEN a.b.v ELSE -a.b.v END) END AS rnk,
           m.name AS benchmark, g.unit_key, g.metric_key, g.setting_key
    FROM agg a
    JOIN entities e ON e.id = a.model_id
    JOIN board_names n ON n.entity_id = a.model_id
    JOIN board_groups g ON g.benchmark_id = a.benchmark_id AND g.grp = a.grp
    JOIN entities m ON m.id = a.benchmark_id
    ORDER BY a.benchmark_id, a.grp, pos
)
SELECT benchmark_id, grp, model_id, model, named, lower, value, value_high, unit, metric,
       support, conflict, "values", verified, sources_total, n_best, source_ids, pos, rnk,
       CASE WHEN named AND grp = 0 AND pos <= $rows THEN {ROW_HEAD} END AS head,
       sources
FROM rows r
"""
# How many rows each rebuilt board shows (``board_groups.named_rows``: a page past it is empty).
COUNT_BOARD_ROWS = """
UPDATE board_groups SET named_rows = r.n
FROM (SELECT benchmark_id, grp, count(*) AS n FROM board_rows
      WHERE named AND benchmark_id IN (SELECT benchmark_id FROM board_dirty) GROUP BY benchmark_id, grp) r
WHERE board_groups.benchmark_id = r.benchmark_id AND board_groups.grp = r.grp
"""
# Names of the benchmarks to rebuild (the head of their default page).
DIRTY_BENCHMARK_NAMES = "SELECT id, name FROM entities WHERE id IN (SELECT benchmark_id FROM board_dirty)"
# The ready default page of each rebuilt benchmark (``board_pages``): rows 1 to $rows with $sources sources each.
# Rows are put in place order by sorting each page's list of (place, row JSON, model) structs (``list_sort``): an
# ordered aggregate (``list(... ORDER BY pos)``) keeps a sort state per benchmark (1 M claims, the same pages:
# 0.5-0.9 s -> 0.4-0.55 s on a loaded machine).
BUILD_BOARD_PAGES = """
INSERT INTO board_pages
WITH page AS (
    SELECT g.benchmark_id, g.page_head, g.named_rows,
           list_sort(list(struct_pack(
               place := r.pos,
               content := r.head || ',"sources":[' || coalesce(array_to_string(r.sources[1:$sources], ','), '')
                      || '],"sources_total":' || r.sources_total,
               link := CASE WHEN r.sources_total > $sources THEN r.model END))) AS rows
    FROM board_groups g JOIN board_rows r ON r.benchmark_id = g.benchmark_id AND r.grp = g.grp AND r.pos <= $rows
    WHERE g.grp = 0 AND g.benchmark_id IN (SELECT benchmark_id FROM board_dirty)
    GROUP BY g.benchmark_id, g.page_head, g.named_rows
)
SELECT benchmark_id,
       left(page_head, -1) || ',"rows_total":' || named_rows || ',"rows":['
       || array_to_string(list_transform(rows, r -> r.content || ',"more_sources":' || chr(31) || '}'), ',') || ']}',
       to_json(list_transform(rows, r -> r.link))::VARCHAR
FROM page
"""
# The comparisons of the benchmarks to rebuild (``board_comparisons``), by loser and claim id (``ranking.order_beats``
# orders them by claim id).
BUILD_BOARD_COMPARISONS = """
INSERT INTO board_comparisons
SELECT benchmark_id, loser_id, CASE WHEN relation = 'outperforms' THEN model_id ELSE baseline_id END, delta, unit,
       metric, setting, id, source, quote, section, start, "end", review_status
FROM claims
WHERE benchmark_id IN (SELECT benchmark_id FROM board_dirty) AND kind = 'comparison' AND review_status <> 'rejected'
ORDER BY benchmark_id, loser_id, id
"""
# chr(31) marks where a ready page's links go (``boards.LINK_MARK``): JSON writes that character escaped anywhere else.
BOARD_PAGE_READY = "SELECT page, more FROM board_pages WHERE benchmark_id = ?"
# A family's ready default page (``boards._build_family_pages``), by the family's name (``ranking.resolve_benchmark``).
FAMILY_PAGE_READY = "SELECT page, more FROM board_family_pages WHERE family = ?"
CLEAR_FAMILY_PAGES = "DELETE FROM board_family_pages"
DELETE_FAMILY_PAGES = "DELETE FROM board_family_pages WHERE family IN (SELECT unnest(?::VARCHAR[]))"
INSERT_FAMILY_PAGES = ("INSERT INTO board_family_pages SELECT family::VARCHAR, page::VARCHAR, more::VARCHAR "
                       "FROM family_page_batch")
# The effective groups of the benchmarks given, each benchmark's default first. A semi-join on the list, not
# ``list_contains`` per row: a family's ~200 members spread over most ids, so every row of the range is tested, and
# testing it against a 200-entry list took 86 ms at 10 M claims (the semi-join's hash lookup: 10 ms).
BOARD_GROUPS = """
SELECT benchmark_id, metric_key, unit_key, setting_key, models, claims, named_rows FROM board_groups
WHERE benchmark_id IN (SELECT unnest($bids::BIGINT[]))
ORDER BY benchmark_id, grp
"""
# A page of one group's rows (places ``first`` to ``last``, in board order): each row's JSON up to its sources
# (``board_rows.head``: NULL off the default pages, see ``BOARD_PAGE_HEADS``), its first sources as JSON, how many it
# has and its model. Read by key: the rows of a board lie together (stored ordered by benchmark, group and place), so
# zone maps skip all others.
BOARD_PAGE = """
SELECT head, sources[1:?], sources_total, model FROM board_rows
WHERE benchmark_id = ? AND grp = ? AND pos BETWEEN ? AND ?
ORDER BY pos
"""
# ``BOARD_PAGE`` of a page off the default pages: the heads written here (``ROW_HEAD``), with the group's keys and the
# benchmark's name read by key (joining the tables cost more). Writing them costs a page of 100 rows ~0.9 ms and the
# two reads ~0.4 ms (1 M claims: 1.5 -> 2.9 ms); ``boards._page`` uses it only where heads are not stored.
BOARD_PAGE_HEADS = f"""
SELECT coalesce(r.head, {ROW_HEAD}), r.sources[1:$1], r.sources_total, r.model
FROM (SELECT b.*, g.unit_key, g.metric_key, g.setting_key, m.name AS benchmark
      FROM board_rows b,
           (SELECT unit_key, metric_key, setting_key FROM board_groups WHERE benchmark_id = $2 AND grp = $3) g,
           (SELECT name FROM entities WHERE id = $2) m
      WHERE b.benchmark_id = $2 AND b.grp = $3 AND b.pos BETWEEN $4 AND $5) r
ORDER BY r.pos
"""
# Pages of several boards in one statement (a family's members, one after another): for each benchmark of $bids its
# group $grps[i], places $firsts[i] to $lasts[i], as ``BOARD_PAGE`` reads them; ordered by benchmark and place.
# Each statement costs ~0.5-1 ms of planning here however few rows it reads, so slices of 5 members cost ~9.5 ms
# read one by one and ~7 ms in one statement, 200 members ~290-390 ms and ~80-170 ms (10 M claims). The
# ``list_contains`` is evaluated in the scan, before the rows' JSON is read (a semi-join, as in ``BOARD_GROUPS``,
# read every column of the id range first and was slower). ``head`` is NULL past the members' default pages
# (``boards._member_pages`` then reads those slices with ``BOARD_PAGE_HEADS``): writing heads here, with the groups and
# names joined, took a family's default page from ~4 to ~7 ms though its heads are stored.
MEMBER_PAGES = """
WITH wanted AS (
    SELECT unnest($bids::BIGINT[]) AS benchmark_id, unnest($grps::INTEGER[]) AS grp,
           unnest($firsts::INTEGER[]) AS first, unnest($lasts::INTEGER[]) AS last
)
SELECT r.benchmark_id, r.head, r.sources[1:$sources], r.sources_total, r.model
FROM board_rows r JOIN wanted w ON r.benchmark_id = w.benchmark_id AND r.grp = w.grp
WHERE r.benchmark_id BETWEEN list_min($bids::BIGINT[]) AND list_max($bids::BIGINT[])
  AND list_contains($bids::BIGINT[], r.benchmark_id) AND r.pos BETWEEN w.first AND w.last
ORDER BY r.benchmark_id, r.pos
"""
# For beats: model X's rows on a benchmark and, in the same groups, every named model with a better value.
BOARD_BEATING = """
WITH mine AS (
    SELECT benchmark_id, grp, value AS mine FROM board_rows
    WHERE benchmark_id BETWEEN list_min($bids::BIGINT[]) AND list_max($bids::BIGINT[])
      AND list_contains($bids::BIGINT[], benchmark_id) AND model_id = $model
)
SELECT r.benchmark_id, r.grp, r.model_id, r.value, r.unit, r.n_best FROM board_rows r JOIN mine m USING (benchmark_id, grp)
WHERE r.benchmark_id BETWEEN list_min($bids::BIGINT[]) AND list_max($bids::BIGINT[])
  AND list_contains($bids::BIGINT[], r.benchmark_id)
  AND (r.model_id = $model OR (r.named AND ((r.lower AND r.value < m.mine) OR (NOT r.lower AND r.value > m.mine))))
"""
# Everything ``beats`` reads of one benchmark (not a family), in one statement: each DuckDB statement costs
# ~0.3-1 ms here however few rows it reads (most of it planning), so four reads by key as one UNION ALL cost
# ~2.5 ms at 1 M claims where five statements cost ~5 ms. ``part`` says what a row is (``boards.BeatsPart``):
# 'row': X's rows on the benchmark and, in the same groups, every named row with a better value (``BOARD_BEATING``'s
#        rows; a semi-join, not a join, keeps it a read by key), with the sources that state the best value for
#        X's rows and rows placed up to $upto (where a page of winners lies; others are read by
#        ``BOARD_BEST_SOURCES`` if a page needs them);
# 'group': the benchmark's effective groups (metric, unit, setting keys);
# 'comparison' / 'general': comparisons on the benchmark / with no benchmark in which X is beaten
#        (``BENCHMARK_BEATEN_BY`` / ``GENERAL_BEATEN_BY``; general ones only when $general).
BENCHMARK_BEATS = """
SELECT 'row' AS part, model_id, grp, value, unit, NULL AS metric, NULL AS setting, n_best, named, lower,
       CASE WHEN model_id = $model OR pos <= $upto THEN sources[1:least(n_best, $keep)] END AS sources,
       NULL::BIGINT AS benchmark_id, NULL::BIGINT AS claim_id, NULL AS source, NULL AS quote, NULL AS section,
       NULL::INTEGER AS start, NULL::INTEGER AS "end", NULL AS review_status
FROM board_rows r
SEMI JOIN (SELECT grp, value AS mine FROM board_rows WHERE benchmark_id = $bid AND model_id = $model) m
    ON m.grp = r.grp
   AND (r.model_id = $model OR (r.named AND CASE WHEN r.lower THEN r.value < m.mine ELSE r.value > m.mine END))
WHERE r.benchmark_id = $bid
UNION ALL
SELECT 'group', NULL, grp, NULL, unit_key, metric_key, setting_key, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       NULL, NULL, NULL, NULL
FROM board_groups WHERE benchmark_id = $bid
UNION ALL
SELECT 'comparison', winner_id, NULL, delta, unit, metric, setting, NULL, NULL, NULL, NULL, benchmark_id, claim_id, source,
       quote, section, start, "end", review_status
FROM board_comparisons WHERE benchmark_id = $bid AND loser_id = $model
UNION ALL
SELECT 'general', CASE WHEN relation = 'outperforms' THEN model_id ELSE baseline_id END, NULL, delta, unit, metric,
       setting, NULL, NULL, NULL, NULL, benchmark_id, id, source, quote, section, start, "end", review_status
FROM claims WHERE $general AND benchmark_id IS NULL AND loser_id = $model AND review_status <> 'rejected'
"""
# The sources (SourceRef JSON) that state the best value of the given models' rows on one benchmark.
BOARD_BEST_SOURCES = """
SELECT grp, model_id, sources[1:least(n_best, $limit)] FROM board_rows
WHERE benchmark_id = $bid AND list_contains($models::BIGINT[], model_id)
"""
# Comparisons on the benchmarks given (a family's members) in which model X is beaten (in the order of
# ``BENCHMARK_BEATEN_BY``, whose columns they have).
BENCHMARKS_BEATEN_BY = """
SELECT CASE WHEN relation = 'outperforms' THEN model_id ELSE baseline_id END AS winner,
       benchmark_id, delta, unit, metric, setting, id, source, quote, section, start, "end", review_status
FROM claims WHERE benchmark_id BETWEEN list_min($bids::BIGINT[]) AND list_max($bids::BIGINT[])
  AND list_contains($bids::BIGINT[], benchmark_id) AND loser_id = $model AND kind = 'comparison'
  AND review_status <> 'rejected'
ORDER BY id
"""
# Comparisons on one benchmark in which model X is beaten (``GENERAL_BEATEN_BY``'s columns).
BENCHMARK_BEATEN_BY = """
SELECT CASE WHEN relation = 'outperforms' THEN model_id ELSE baseline_id END AS winner,
       benchmark_id, delta, unit, metric, setting, id, source, quote, section, start, "end", review_status
FROM claims WHERE benchmark_id = ? AND loser_id = ? AND kind = 'comparison' AND review_status <> 'rejected'
ORDER BY id
"""

# -- llm cache ---------------------------------------------------------------------
CACHE_GET = "SELECT value FROM llm_cache WHERE key = ?"
CACHE_PUT = """
MERGE INTO llm_cache USING (SELECT ?::VARCHAR AS key, ?::VARCHAR AS value) AS new ON llm_cache.key = new.key
WHEN MATCHED THEN UPDATE SET value = new.value, created_at = now()
WHEN NOT MATCHED THEN INSERT (key, value, created_at) VALUES (new.key, new.value, now())
"""
