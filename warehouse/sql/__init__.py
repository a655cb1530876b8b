"""Every SQL statement of the warehouse, in one place.

All values travel as ``?`` parameters; nothing here is ever formatted with user input.
The DDL is in ``schema.sql`` beside this file.
"""

from __future__ import annotations

import re
from pathlib import Path

SCHEMA = (Path(__file__).resolve().parent / "schema.sql").read_text(encoding="utf-8")


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


LAKE_WRITES_SCHEMA = """
CREATE TABLE IF NOT EXISTS lake_writes (version BIGINT NOT NULL);
INSERT INTO lake_writes SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM lake_writes);
"""
LAKE_SCHEMA = lake_schema(SCHEMA + "\n")
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
       title::VARCHAR, url::VARCHAR, published::DATE, from_json(authors::VARCHAR, '["VARCHAR"]')
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

# The one list of a stored claim's columns, in the order ``Warehouse._claim_columns`` builds each row
# (the setting columns follow metric_key: they are parsed together).
CLAIM_COLUMNS: tuple[str, ...] = (
    "id", "doc_id", "kind", "model", "model_id", "benchmark", "benchmark_id", "metric",
    "metric_key", "setting_key", "setting_detail", "pass_k", "maj_k", "shots", "cot", "tools", "split",
    "value", "value_high", "unit", "unit_key", "setting", "baseline", "baseline_id", "relation", "delta",
    "quote", "source", "section", "start", "end", "extractor", "run_id", "review_status", "loser_id",
)
_CLAIM_TYPES = {
    "id": "BIGINT", "doc_id": "BIGINT", "model_id": "BIGINT", "benchmark_id": "BIGINT", "baseline_id": "BIGINT",
    "run_id": "BIGINT", "loser_id": "BIGINT", "value": "DOUBLE", "value_high": "DOUBLE", "delta": "DOUBLE", "pass_k": "INTEGER",
    "maj_k": "INTEGER", "shots": "INTEGER", "start": "INTEGER", "end": "INTEGER", "cot": "BOOLEAN",
    "tools": "BOOLEAN",
}
# Ordered by benchmark: claims of one benchmark lie together, so leaderboard scans skip the rest.
INSERT_CLAIMS = "INSERT INTO claims ({cols}) SELECT {casts} FROM claim_batch ORDER BY benchmark_id, model_id".format(
    cols=", ".join(f'"{c}"' for c in CLAIM_COLUMNS),
    casts=", ".join(f'"{c}"::{_CLAIM_TYPES.get(c, "VARCHAR")}' for c in CLAIM_COLUMNS),
)

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
    SELECT benchmark_id, model_id, setting_key, unit_key FROM claims
    WHERE kind = 'score' AND review_status <> 'rejected' AND benchmark_id IS NOT NULL
    GROUP BY ALL HAVING count(DISTINCT round(value, 2)) > 1
)
SELECT {cols}, (d.model_id IS NOT NULL) AS in_conflict, coalesce(b.n, 0) AS board_claims
FROM claims c
LEFT JOIN disagree d ON d.benchmark_id = c.benchmark_id AND d.model_id = c.model_id
    AND d.setting_key = c.setting_key AND d.unit_key = c.unit_key AND c.kind = 'score'
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
SELECT c.benchmark_id, c.model_id, c.metric_key, c.unit_key, c.setting_key, c.setting_detail, c.value, c.value_high,
       c.unit, c.metric, c.id, c.source, c.quote, c.section, c.start, c."end", c.review_status, c.kind, c.loser_id,
       CASE WHEN c.relation = 'outperforms' THEN c.model_id ELSE c.baseline_id END AS winner, c.delta, c.setting,
       d.sha256, coalesce(d.published, CAST(d.ingested_at AS DATE)) AS claimed_on
FROM claims c JOIN documents d ON d.id = c.doc_id WHERE c.benchmark_id = ?
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

# -- llm cache ---------------------------------------------------------------------
CACHE_GET = "SELECT value FROM llm_cache WHERE key = ?"
CACHE_PUT = """
MERGE INTO llm_cache USING (SELECT ?::VARCHAR AS key, ?::VARCHAR AS value) AS new ON llm_cache.key = new.key
WHEN MATCHED THEN UPDATE SET value = new.value, created_at = now()
WHEN NOT MATCHED THEN INSERT (key, value, created_at) VALUES (new.key, new.value, now())
"""
