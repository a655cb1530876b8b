-- benchclaims warehouse schema (DuckDB). Idempotent: every statement is IF NOT EXISTS.
-- A DuckLake lake runs the same text without its keys and indexes (sql.lake_schema: DuckLake has neither;
-- the warehouse's statements never rely on them). No sequences: ids are taken inside write transactions.
-- Claims carry their provenance and pre-resolved entity ids so leaderboards never join on text.

CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR
);

CREATE TABLE IF NOT EXISTS runs (
    id BIGINT PRIMARY KEY,
    backend VARCHAR NOT NULL,
    params JSON,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    files_ok INTEGER,
    files_failed INTEGER,
    problems JSON,
    stats JSON
);

CREATE TABLE IF NOT EXISTS documents (
    id BIGINT PRIMARY KEY,
    source VARCHAR NOT NULL UNIQUE,
    path VARCHAR,
    sha256 VARCHAR NOT NULL,
    encoding VARCHAR,
    media_type VARCHAR,
    text VARCHAR,
    ingested_at TIMESTAMP NOT NULL,
    run_id BIGINT,
    n_claims INTEGER
);
-- n_claims arrived after the first files were made: add it to those too.
ALTER TABLE documents ADD COLUMN IF NOT EXISTS n_claims INTEGER;
-- Document metadata (title, url, publication date, authors) arrived later still: additive too.
ALTER TABLE documents ADD COLUMN IF NOT EXISTS title VARCHAR;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS url VARCHAR;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS published DATE;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS authors VARCHAR[];

CREATE TABLE IF NOT EXISTS sections (
    doc_id BIGINT NOT NULL,
    idx INTEGER NOT NULL,
    title VARCHAR,
    start INTEGER,
    "end" INTEGER,
    subject VARCHAR
);

-- kind: 'model' | 'benchmark'. family: display name of a benchmark's family (AIME for AIME 2024).
-- pinned: comes from data/entities.toml (user override), never renamed automatically.
CREATE TABLE IF NOT EXISTS entities (
    id BIGINT PRIMARY KEY,
    kind VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    key VARCHAR NOT NULL,
    family VARCHAR,
    family_key VARCHAR,
    pinned BOOLEAN DEFAULT false
);

-- Every folded spelling seen or declared, pointing at its entity.
CREATE TABLE IF NOT EXISTS aliases (
    kind VARCHAR NOT NULL,
    key VARCHAR NOT NULL,
    entity_id BIGINT NOT NULL,
    surface VARCHAR,
    PRIMARY KEY (kind, key)
);

-- Every spelling seen or declared, as written (what users recognise as "the aliases").
CREATE TABLE IF NOT EXISTS spellings (
    kind VARCHAR NOT NULL,
    entity_id BIGINT NOT NULL,
    surface VARCHAR NOT NULL,
    PRIMARY KEY (kind, surface)
);
INSERT INTO spellings (kind, entity_id, surface)
SELECT DISTINCT ON (kind, surface) kind, entity_id, surface FROM aliases
WHERE surface IS NOT NULL AND NOT EXISTS (SELECT 1 FROM spellings);

-- What a claim's metric, setting and unit wording mean, kept once per distinct wording (a few hundred in a
-- million claims) instead of in ten columns of every claim: writing and compressing those columns was ~1 s of
-- DuckDB's CPU per million claims. ``warehouse/terms.py`` gives each new wording its id in the order claims
-- meet it; keys are those of ``names.metric_key`` / ``unit_key`` and ``setting_parse.parse_setting``.
CREATE TABLE IF NOT EXISTS claim_terms (
    id BIGINT PRIMARY KEY,
    metric VARCHAR,
    setting VARCHAR,
    unit VARCHAR,
    metric_key VARCHAR NOT NULL,
    unit_key VARCHAR NOT NULL,
    setting_key VARCHAR NOT NULL,
    setting_detail VARCHAR NOT NULL,
    pass_k INTEGER,
    maj_k INTEGER,
    shots INTEGER,
    cot BOOLEAN,
    tools BOOLEAN,
    split VARCHAR
);

CREATE TABLE IF NOT EXISTS claims (
    id BIGINT NOT NULL,
    doc_id BIGINT NOT NULL,
    kind VARCHAR NOT NULL,
    model VARCHAR NOT NULL,
    model_id BIGINT NOT NULL,
    benchmark VARCHAR,
    benchmark_id BIGINT,
    metric VARCHAR,
    term_id BIGINT NOT NULL,  -- the keys of its metric, unit and setting wording (claim_terms)
    value DOUBLE,
    value_high DOUBLE,
    unit VARCHAR,
    setting VARCHAR,
    baseline VARCHAR,
    baseline_id BIGINT,
    relation VARCHAR,
    delta DOUBLE,
    quote VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    section VARCHAR,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    extractor VARCHAR NOT NULL,
    run_id BIGINT,
    review_status VARCHAR NOT NULL DEFAULT 'unreviewed',
    loser_id BIGINT
);
-- loser_id: the model a comparison claim says is beaten (baseline of "outperforms", subject of
-- "underperforms"), so "who beats X" is one index lookup.
ALTER TABLE claims ADD COLUMN IF NOT EXISTS loser_id BIGINT;
-- No indexes: every batch is inserted ordered by benchmark, so zone maps skip the rest of the
-- table, and a scan of clustered rows beats random index fetches (measured at 10^6 claims).
DROP INDEX IF EXISTS claims_benchmark_idx;
DROP INDEX IF EXISTS claims_loser_idx;

-- Every review decision, oldest first: who set which status when, and why. A claim keeps its id across
-- re-ingests of an unchanged statement (warehouse/fingerprints.py), so its history stays attached.
CREATE TABLE IF NOT EXISTS reviews (
    claim_id BIGINT NOT NULL,
    status VARCHAR NOT NULL,
    previous VARCHAR NOT NULL,
    note VARCHAR,
    reviewer VARCHAR,
    reviewed_at TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS llm_cache (
    key VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL
);

-- Files made before loser_id / n_claims existed: fill them once (later opens match no rows).
UPDATE claims SET loser_id = CASE WHEN relation = 'outperforms' THEN baseline_id ELSE model_id END
WHERE loser_id IS NULL AND relation IN ('outperforms', 'underperforms')
  AND (relation = 'underperforms' OR baseline_id IS NOT NULL);
UPDATE documents SET n_claims = (SELECT count(*) FROM claims c WHERE c.doc_id = documents.id) WHERE n_claims IS NULL;

-- Boards, precomputed (warehouse/boards.py): what a leaderboard or a beats query reads, kept current by
-- ingest and review through ``board_dirty`` (the benchmarks whose claims changed since the last build;
-- written in the same transaction as the change, so a crash leaves the marker and the board is rebuilt).
CREATE TABLE IF NOT EXISTS board_dirty (
    benchmark_id BIGINT NOT NULL
);
-- Which effective comparable group each raw key (metric_key, unit_key, setting_key) of a benchmark joins
-- (ranking.effective_groups), and whether bare fractions are put on the group's 0-100 scale.
CREATE TABLE IF NOT EXISTS board_group_map (
    benchmark_id BIGINT NOT NULL,
    raw_metric VARCHAR NOT NULL,
    raw_unit VARCHAR NOT NULL,
    raw_setting VARCHAR NOT NULL,
    grp INTEGER NOT NULL,
    lower BOOLEAN NOT NULL,
    scaled BOOLEAN NOT NULL
);
-- A benchmark's effective groups in the order a leaderboard offers them (grp 0: the default board).
CREATE TABLE IF NOT EXISTS board_groups (
    benchmark_id BIGINT NOT NULL,
    grp INTEGER NOT NULL,
    metric_key VARCHAR NOT NULL,
    unit_key VARCHAR NOT NULL,
    setting_key VARCHAR NOT NULL,
    models INTEGER NOT NULL,
    claims INTEGER NOT NULL,
    raw_keys VARCHAR[] NOT NULL,
    named_rows INTEGER,  -- how many rows the board shows (named models), set once board_rows is built
    page_head VARCHAR  -- grp 0: the Leaderboard JSON of the benchmark's default board without its rows
);
-- One row per benchmark x effective group x model: the best value and what a board row shows, with the
-- claim ids of its first sources in board order (best-value ones first, then by claim id).
-- Whether a model's name is a particular model (names.is_named): boards leave out organisations and
-- generic phrases. Filled for new entities by every board build, emptied when names or the vocabulary change.
CREATE TABLE IF NOT EXISTS board_names (
    entity_id BIGINT PRIMARY KEY,
    named BOOLEAN NOT NULL
);
CREATE TABLE IF NOT EXISTS board_rows (
    benchmark_id BIGINT NOT NULL,
    grp INTEGER NOT NULL,
    model_id BIGINT NOT NULL,
    model VARCHAR NOT NULL,  -- the entity's name and names.is_named of it, as of the build (renames rebuild)
    named BOOLEAN NOT NULL,
    lower BOOLEAN NOT NULL,
    value DOUBLE NOT NULL,
    value_high DOUBLE,
    unit VARCHAR,
    metric VARCHAR,
    support INTEGER NOT NULL,
    conflict BOOLEAN NOT NULL,
    "values" DOUBLE[] NOT NULL,
    verified BOOLEAN NOT NULL,
    sources_total INTEGER NOT NULL,
    n_best INTEGER NOT NULL,
    source_ids BIGINT[] NOT NULL,
    -- What a page of the board reads (rows are stored in board order, so a page is a range of pos):
    pos INTEGER,  -- place among the group's named rows, from 1 (NULL: not named, never shown)
    rnk INTEGER,  -- rank among the group's named rows (ties share it; NULL: not named)
    head VARCHAR,  -- rows of a default page (grp 0, pos <= boards.PAGE_ROWS): the row as JSON (LeaderboardRow,
                   -- rank included) up to its sources, without the closing brace (sql.ROW_HEAD); NULL otherwise
    sources VARCHAR[] NOT NULL  -- the first source_ids as SourceRef JSON objects
);
-- The comparisons on each board's benchmark ("Y outperforms X" / "X underperforms Y"), not rejected, with what
-- ``beats`` shows of them: a beats read takes the ones of its benchmark and loser from this small table (a tenth of
-- the claims) instead of scanning the benchmark's claims (``sql.BENCHMARK_BEATS``). Rebuilt with the board.
CREATE TABLE IF NOT EXISTS board_comparisons (
    benchmark_id BIGINT NOT NULL,
    loser_id BIGINT,
    winner_id BIGINT,
    delta DOUBLE,
    unit VARCHAR,
    metric VARCHAR,
    setting VARCHAR,
    claim_id BIGINT NOT NULL,
    source VARCHAR,
    quote VARCHAR,
    section VARCHAR,
    start INTEGER,
    "end" INTEGER,
    review_status VARCHAR
);

-- The page most requests ask for, ready: a benchmark's default board (grp 0), its first rows with their first
-- sources (boards.PAGE_ROWS, boards.PAGE_SOURCES), as JSON that needs only the links to more sources. Two strings,
-- not lists: DuckDB hands a list to Python as one object per entry (~0.1 ms of a ~0.25 ms read by key).
CREATE TABLE IF NOT EXISTS board_pages (
    benchmark_id BIGINT PRIMARY KEY,
    page VARCHAR NOT NULL,  -- the Leaderboard JSON, each row's more_sources value a chr(31) (JSON escapes it elsewhere)
    more VARCHAR NOT NULL  -- JSON array, per row: the model whose row has more sources than shown, else null
);
-- A family's default page, ready (boards._build_family_pages): as board_pages, by the family's name; ``more`` lists
-- per row [model, member] or null.
CREATE TABLE IF NOT EXISTS board_family_pages (
    family VARCHAR PRIMARY KEY,
    page VARCHAR NOT NULL,
    more VARCHAR NOT NULL
);
