"""The store's schema: migrations in order (never edit one that has shipped; add another),
and the Arrow schema of each table's write batches (a test checks that the two agree)."""

from __future__ import annotations

import pyarrow as pa

MIGRATIONS: list[str] = [
    # 1: the first schema
    """
    CREATE TABLE articles (
        id VARCHAR PRIMARY KEY, path VARCHAR, url VARCHAR, source VARCHAR, date DATE,
        title VARCHAR, subtitle VARCHAR, byline VARCHAR, image_credits VARCHAR[],
        syndicated_from VARCHAR, language VARCHAR, body VARCHAR, format VARCHAR,
        off_topic JSON, tone JSON, issue JSON, analysis JSON, ingested_at TIMESTAMP
    );
    CREATE TABLE entities (
        article_id VARCHAR, entity_id VARCHAR, name VARCHAR, type VARCHAR, aliases VARCHAR[],
        salience DOUBLE, mentions INTEGER, place_name VARCHAR, lat DOUBLE, lon DOUBLE,
        country VARCHAR, geonameid BIGINT, feature VARCHAR
    );
    CREATE TABLE mentions (
        article_id VARCHAR, entity_id VARCHAR, text VARCHAR, start INTEGER, "end" INTEGER,
        field VARCHAR
    );
    CREATE TABLE quotes (
        article_id VARCHAR, quote_index INTEGER, text VARCHAR, start INTEGER, "end" INTEGER,
        kind VARCHAR, cue VARCHAR, speaker_text VARCHAR, speaker_name VARCHAR,
        speaker_entity_id VARCHAR, speaker_role VARCHAR, speaker_affiliation VARCHAR,
        stance_label VARCHAR, stance_score DOUBLE, sentiment DOUBLE
    );
    CREATE TABLE dates (
        article_id VARCHAR, text VARCHAR, start INTEGER, "end" INTEGER, type VARCHAR,
        value VARCHAR
    );
    CREATE TABLE events (
        article_id VARCHAR, actor VARCHAR, action VARCHAR, target VARCHAR, place VARCHAR,
        date VARCHAR, start INTEGER, "end" INTEGER, trigger VARCHAR, main BOOLEAN
    );
    CREATE TABLE problems (
        id VARCHAR PRIMARY KEY, article_id VARCHAR, path VARCHAR, item VARCHAR, stage VARCHAR,
        message VARCHAR, recorded_at TIMESTAMP
    );
    CREATE INDEX mentions_article ON mentions (article_id);
    CREATE INDEX entities_article ON entities (article_id);
    CREATE INDEX quotes_article ON quotes (article_id);
    """,
    # 2: collection state (`newsprism collect`): the sources' health, and every URL seen
    """
    CREATE TABLE sources (
        url VARCHAR PRIMARY KEY, kind VARCHAR, parent VARCHAR, last_fetch TIMESTAMP,
        last_status INTEGER, etag VARCHAR, last_modified VARCHAR, errors INTEGER DEFAULT 0,
        articles INTEGER DEFAULT 0, last_error VARCHAR
    );
    CREATE TABLE seen_urls (
        url VARCHAR PRIMARY KEY, canonical_url VARCHAR, final_url VARCHAR, source VARCHAR,
        first_seen TIMESTAMP, last_fetched TIMESTAMP, status VARCHAR, attempts INTEGER,
        article_id VARCHAR
    );
    """,
    # 3: the corpus layer (`newsprism index`): duplicate groups and stories, rebuilt by
    # `newsprism index`; MinHash signatures kept so a rerun only hashes new articles
    """
    CREATE TABLE minhashes (article_id VARCHAR PRIMARY KEY, signature BLOB);
    CREATE TABLE duplicate_groups (
        group_id VARCHAR PRIMARY KEY, kind VARCHAR, size INTEGER, sources INTEGER,
        earliest_article_id VARCHAR, earliest_source VARCHAR, earliest_date DATE, title VARCHAR
    );
    CREATE TABLE duplicate_members (
        group_id VARCHAR, article_id VARCHAR, similarity DOUBLE, earliest BOOLEAN
    );
    CREATE TABLE stories (
        story_id VARCHAR PRIMARY KEY, title VARCHAR, first_date DATE, last_date DATE,
        size INTEGER, sources INTEGER, places VARCHAR[], voices VARCHAR[], entities VARCHAR[],
        method VARCHAR
    );
    CREATE TABLE story_articles (story_id VARCHAR, article_id VARCHAR, score DOUBLE);
    CREATE INDEX duplicate_members_article ON duplicate_members (article_id);
    CREATE INDEX story_articles_article ON story_articles (article_id);
    """,
    # 4: canonical entities across the corpus. Entity ids hash (type, canonical name) after
    # alias resolution, so "IS group" in one article and "Daesh" in another share a row; a
    # view, so it is never stale.
    """
    CREATE VIEW corpus_entities AS
    SELECT e.entity_id, arg_max(e.name, length(e.name)) AS name, e.type,
           count(DISTINCT e.article_id) AS articles, sum(e.mentions) AS mentions,
           min(a.date) AS first_seen, max(a.date) AS last_seen,
           list(DISTINCT a.source) FILTER (WHERE a.source IS NOT NULL) AS sources,
           list_distinct(flatten(list(e.aliases))) AS aliases
    FROM entities e JOIN articles a ON a.id = e.article_id
    GROUP BY e.entity_id, e.type;
    """,
]

_s, _i, _f = pa.string(), pa.int32(), pa.float64()
TABLES: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("id", _s), ("path", _s), ("url", _s), ("source", _s), ("date", pa.date32()),
        ("title", _s), ("subtitle", _s), ("byline", _s), ("image_credits", pa.list_(_s)),
        ("syndicated_from", _s), ("language", _s), ("body", _s), ("format", _s),
        ("off_topic", _s), ("tone", _s), ("issue", _s), ("analysis", _s),
        ("ingested_at", pa.timestamp("us")),
    ]),
    "entities": pa.schema([
        ("article_id", _s), ("entity_id", _s), ("name", _s), ("type", _s),
        ("aliases", pa.list_(_s)), ("salience", _f), ("mentions", _i), ("place_name", _s),
        ("lat", _f), ("lon", _f), ("country", _s), ("geonameid", pa.int64()), ("feature", _s),
    ]),
    "mentions": pa.schema([
        ("article_id", _s), ("entity_id", _s), ("text", _s), ("start", _i), ("end", _i),
        ("field", _s),
    ]),
    "quotes": pa.schema([
        ("article_id", _s), ("quote_index", _i), ("text", _s), ("start", _i), ("end", _i),
        ("kind", _s), ("cue", _s), ("speaker_text", _s), ("speaker_name", _s),
        ("speaker_entity_id", _s), ("speaker_role", _s), ("speaker_affiliation", _s),
        ("stance_label", _s), ("stance_score", _f), ("sentiment", _f),
    ]),
    "dates": pa.schema([
        ("article_id", _s), ("text", _s), ("start", _i), ("end", _i), ("type", _s), ("value", _s),
    ]),
    "events": pa.schema([
        ("article_id", _s), ("actor", _s), ("action", _s), ("target", _s), ("place", _s),
        ("date", _s), ("start", _i), ("end", _i), ("trigger", _s), ("main", pa.bool_()),
    ]),
    "problems": pa.schema([
        ("id", _s), ("article_id", _s), ("path", _s), ("item", _s), ("stage", _s),
        ("message", _s), ("recorded_at", pa.timestamp("us")),
    ]),
}  # fmt: skip
