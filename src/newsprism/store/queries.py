"""The corpus layer's SQL: writes of duplicate groups and stories, and every read the HTTP
API and dashboard make.

Every value reaches DuckDB as a parameter; the only text spliced into SQL is fixed fragments
chosen in this module (column names, filter clauses), never user input. Tables that a stage
or ``newsprism index`` has not filled yet read as empty, so each view degrades to "nothing
yet" instead of failing, including on a file made before the corpus tables existed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import duckdb
import pyarrow as pa

Con = duckdb.DuckDBPyConnection
Row = dict[str, Any]

_s = pa.string()
_CORPUS_TABLES: dict[str, pa.Schema] = {
    "minhashes": pa.schema([("article_id", _s), ("signature", pa.binary())]),
    "duplicate_groups": pa.schema([
        ("group_id", _s), ("kind", _s), ("size", pa.int32()), ("sources", pa.int32()),
        ("earliest_article_id", _s), ("earliest_source", _s), ("earliest_date", pa.date32()),
        ("title", _s),
    ]),
    "duplicate_members": pa.schema([
        ("group_id", _s), ("article_id", _s), ("similarity", pa.float64()), ("earliest", pa.bool_()),
    ]),
    "stories": pa.schema([
        ("story_id", _s), ("title", _s), ("first_date", pa.date32()), ("last_date", pa.date32()),
        ("size", pa.int32()), ("sources", pa.int32()), ("places", pa.list_(_s)),
        ("voices", pa.list_(_s)), ("entities", pa.list_(_s)), ("method", _s),
    ]),
    "story_articles": pa.schema([("story_id", _s), ("article_id", _s), ("score", pa.float64())]),
}  # fmt: skip


# -- helpers ----------------------------------------------------------------------------------


_IDS = "(SELECT unnest(CAST(? AS VARCHAR[])))"  # a list of ids passed as one parameter


def has_table(con: Con, name: str) -> bool:
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
    ).fetchone()
    return bool(row and row[0])


def _rows(con: Con, sql: str, params: Sequence[Any] = ()) -> list[Row]:
    cur = con.execute(sql, list(params))
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def _one(con: Con, sql: str, params: Sequence[Any] = ()) -> Row | None:
    rows = _rows(con, sql, params)
    return rows[0] if rows else None


def _scalar(con: Con, sql: str, params: Sequence[Any] = ()) -> Any:
    row = con.execute(sql, list(params)).fetchone()
    return row[0] if row else None


def _replace(con: Con, tables: dict[str, list[Row]]) -> None:
    """Replace whole tables in one transaction (Arrow batches, as the store writes)."""
    con.execute("BEGIN TRANSACTION")
    try:
        for name, rows in tables.items():
            con.execute(f"DELETE FROM {name}")  # name from this module's fixed list
            if rows:
                arrow = pa.Table.from_pylist(rows, schema=_CORPUS_TABLES[name])  # noqa: F841
                con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM arrow")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


# -- duplicates -------------------------------------------------------------------------------


def unhashed_bodies(con: Con) -> Iterator[tuple[str, str]]:
    """Articles without a stored MinHash signature yet."""
    cur = con.execute("SELECT a.id, a.body FROM articles a ANTI JOIN minhashes m "
                      "ON a.id = m.article_id ORDER BY a.id")  # fmt: skip
    while chunk := cur.fetchmany(1000):
        yield from chunk


def add_minhashes(con: Con, rows: list[tuple[str, bytes]]) -> None:
    if not rows:
        return
    batch = pa.Table.from_pylist(  # noqa: F841 - read by DuckDB
        [{"article_id": a, "signature": s} for a, s in rows], schema=_CORPUS_TABLES["minhashes"]
    )
    con.execute("INSERT OR IGNORE INTO minhashes BY NAME SELECT * FROM batch")


def minhashes(con: Con) -> Iterator[tuple[str, bytes]]:
    cur = con.execute("SELECT article_id, signature FROM minhashes ORDER BY article_id")
    while chunk := cur.fetchmany(5000):
        yield from chunk


def article_meta(con: Con, ids: Sequence[str]) -> dict[str, Row]:
    """Source, date, title and a sort key (date, then ingest time) for these articles."""
    rows = _rows(con, "SELECT a.id, a.source, a.date, a.title, a.syndicated_from, a.ingested_at "
                      f"FROM articles a WHERE a.id IN {_IDS}", [list(ids)])  # fmt: skip
    return {r["id"]: {**r, "order": (r["date"] is None, r["date"] or 0, r["ingested_at"], r["id"])}
            for r in rows}  # fmt: skip


def replace_duplicates(con: Con, groups: list[Row], members: list[Row]) -> None:
    _replace(con, {"duplicate_groups": groups, "duplicate_members": members})


# -- stories ----------------------------------------------------------------------------------


def story_inputs(con: Con, body_chars: int = 4000) -> list[Row]:
    """Dated articles in date order, with the opening of their body."""
    return _rows(con, "SELECT id, coalesce(title, '') AS title, left(body, ?) AS body, date, source "
                      "FROM articles WHERE date IS NOT NULL ORDER BY date, id", [body_chars])  # fmt: skip


def article_entities(con: Con) -> dict[str, list[str]]:
    """Each article's entity ids (empty until the entity stage has run)."""
    out: dict[str, list[str]] = {}
    for aid, eid in con.execute("SELECT article_id, entity_id FROM entities").fetchall():
        out.setdefault(aid, []).append(eid)
    return out


def story_details(con: Con, ids: Sequence[str]) -> dict[str, dict[str, list[str]]]:
    """Per article: its places, its non-place entities and its voices (quote speakers)."""
    out: dict[str, dict[str, list[str]]] = {"places": {}, "entities": {}, "voices": {}}
    for aid, name, place in con.execute(
        "SELECT e.article_id, e.name, coalesce(e.place_name, CASE WHEN e.type = 'PLACE' "
        f"THEN e.name END) FROM entities e WHERE e.article_id IN {_IDS}",
        [list(ids)],
    ).fetchall():
        out["places" if place else "entities"].setdefault(aid, []).append(place or name)
    for aid, voice in con.execute(
        "SELECT q.article_id, coalesce(q.speaker_name, q.speaker_text) FROM quotes q WHERE q.article_id "
        f"IN {_IDS} AND coalesce(q.speaker_name, q.speaker_text) IS NOT NULL",
        [list(ids)],
    ).fetchall():
        out["voices"].setdefault(aid, []).append(voice)
    return out


def replace_stories(con: Con, stories: list[Row], members: list[Row]) -> None:
    _replace(con, {"stories": stories, "story_articles": members})


# -- filters ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    """Filters shared by the article list and search; None means "any"."""

    source: str | None = None
    date_from: str | None = None  # YYYY-MM-DD, inclusive
    date_to: str | None = None
    entity: str | None = None  # an entity id or an exact name (any case)
    speaker: str | None = None  # a quote speaker's name (any case)
    side: str | None = None  # a quote's stance: for | against | neither
    story: str | None = None  # a story id

    def where(self, con: Con, alias: str = "a") -> tuple[str, list[Any]]:
        """A WHERE clause over ``articles AS alias`` and its parameters."""
        clauses: list[str] = ["TRUE"]
        params: list[Any] = []
        if self.source:
            clauses.append(f"{alias}.source = ?")
            params.append(self.source)
        if self.date_from:
            clauses.append(f"{alias}.date >= CAST(? AS DATE)")
            params.append(self.date_from)
        if self.date_to:
            clauses.append(f"{alias}.date <= CAST(? AS DATE)")
            params.append(self.date_to)
        if self.entity:
            clauses.append(f"{alias}.id IN (SELECT article_id FROM entities "
                           "WHERE entity_id = ? OR lower(name) = lower(?))")  # fmt: skip
            params += [self.entity, self.entity]
        if self.speaker or self.side:
            clauses.append(f"{alias}.id IN (SELECT article_id FROM quotes WHERE "
                           "(CAST(? AS VARCHAR) IS NULL OR lower(coalesce(speaker_name, speaker_text)) = lower(?)) "
                           "AND (CAST(? AS VARCHAR) IS NULL OR stance_label = ?))")  # fmt: skip
            params += [self.speaker, self.speaker, self.side, self.side]
        if self.story:
            if not has_table(con, "story_articles"):
                clauses.append("FALSE")
            else:
                clauses.append(
                    f"{alias}.id IN (SELECT article_id FROM story_articles WHERE story_id = ?)"
                )
                params.append(self.story)
        return " AND ".join(clauses), params

    def is_empty(self) -> bool:
        return not any((self.source, self.date_from, self.date_to, self.entity, self.speaker,
                        self.side, self.story))  # fmt: skip


def filtered_ids(con: Con, f: ArticleFilter) -> set[str]:
    where, params = f.where(con)
    return {
        r[0] for r in con.execute(f"SELECT a.id FROM articles a WHERE {where}", params).fetchall()
    }


# -- articles ---------------------------------------------------------------------------------

# no body here: reading DuckDB's long body column for scattered rows costs ~10 ms a row
_ARTICLE_COLS = "a.id, a.title, a.source, a.date, a.url, a.byline, a.syndicated_from"


def list_articles(con: Con, f: ArticleFilter, limit: int, offset: int) -> tuple[list[Row], int]:
    where, params = f.where(con)
    total = _scalar(con, f"SELECT count(*) FROM articles a WHERE {where}", params)
    rows = _rows(con, f"SELECT {_ARTICLE_COLS} FROM articles a WHERE {where} "
                      "ORDER BY a.date DESC NULLS LAST, a.id LIMIT ? OFFSET ?", [*params, limit, offset])  # fmt: skip
    return rows, int(total or 0)


def articles_by_id(con: Con, ids: Sequence[str]) -> dict[str, Row]:
    rows = _rows(con, f"SELECT {_ARTICLE_COLS} FROM articles a WHERE a.id IN {_IDS}", [list(ids)])
    return {r["id"]: r for r in rows}


def article_corpus(con: Con, article_id: str) -> Row:
    """What the corpus layer knows about one article: its copies, its story, its places."""
    out: Row = {"duplicates": None, "story": None}
    if has_table(con, "duplicate_members"):
        group = _one(con, "SELECT g.* FROM duplicate_groups g JOIN duplicate_members m USING (group_id) "
                          "WHERE m.article_id = ?", [article_id])  # fmt: skip
        if group:
            group["members"] = _rows(con, "SELECT m.article_id, m.similarity, m.earliest, a.title, "
                                          "a.source, a.date FROM duplicate_members m JOIN articles a "
                                          "ON a.id = m.article_id WHERE m.group_id = ? ORDER BY a.date, a.id",
                                     [group["group_id"]])  # fmt: skip
        out["duplicates"] = group
        out["story"] = _one(con, "SELECT s.story_id, s.title, s.size FROM stories s JOIN story_articles "
                                 "m USING (story_id) WHERE m.article_id = ?", [article_id])  # fmt: skip
    out["places"] = _rows(con, "SELECT coalesce(place_name, name) AS name, lat, lon, country FROM entities "
                               "WHERE article_id = ? AND lat IS NOT NULL AND lon IS NOT NULL", [article_id])  # fmt: skip
    return out


# -- overview ---------------------------------------------------------------------------------


def overview(con: Con, top: int = 10) -> Row:
    """The corpus at a glance: sizes, articles per day and source, top voices, copies, stories."""
    corpus = has_table(con, "stories")
    totals = _one(con, "SELECT (SELECT count(*) FROM articles) AS articles, "
                       "(SELECT count(DISTINCT source) FROM articles) AS sources, "
                       "(SELECT min(date) FROM articles) AS first_date, (SELECT max(date) FROM articles) AS last_date, "
                       "(SELECT count(DISTINCT entity_id) FROM entities) AS entities, "
                       "(SELECT count(*) FROM quotes) AS quotes, (SELECT count(*) FROM problems) AS problems")  # fmt: skip
    assert totals is not None
    totals["stories"] = _scalar(con, "SELECT count(*) FROM stories") if corpus else 0
    totals["duplicate_groups"] = (
        _scalar(con, "SELECT count(*) FROM duplicate_groups") if corpus else 0
    )
    sources = _rows(con, "SELECT source, count(*) AS articles FROM articles WHERE source IS NOT NULL "
                         "GROUP BY source ORDER BY articles DESC, source LIMIT ?", [top])  # fmt: skip
    # A few wrong dates (year 1, 2050) would squash the chart: plot the central 99% of them,
    # per day over a few months, per week over two years, else per month.
    lo, hi = con.execute(
        "SELECT quantile_disc(date, 0.005), quantile_disc(date, 0.995) FROM articles"
    ).fetchone() or (None, None)
    period = (
        "day"
        if lo is None or (hi - lo).days <= 120
        else "week"
        if (hi - lo).days <= 730
        else "month"
    )
    per_day = _rows(con, "WITH top AS (SELECT source FROM articles WHERE source IS NOT NULL GROUP BY source "
                         "ORDER BY count(*) DESC, source LIMIT 8) SELECT CAST(date_trunc(?, a.date) AS DATE) AS date, "
                         "CASE WHEN t.source IS NULL THEN 'other' ELSE a.source END AS source, count(*) AS articles "
                         "FROM articles a LEFT JOIN top t ON a.source = t.source WHERE a.date BETWEEN ? AND ? "
                         "GROUP BY ALL ORDER BY 1, 2", [period, lo, hi])  # fmt: skip
    return {
        "totals": totals, "sources": sources, "articles_per_day": per_day, "period": period,
        "voices": top_voices(con, top), "entities": list_entities(con, None, None, top, 0)[0],
        "duplicates": list_duplicates(con, top, 0)[0], "stories": list_stories(con, top, 0)[0],
    }  # fmt: skip


def top_voices(con: Con, limit: int) -> list[Row]:
    return _rows(con, "SELECT coalesce(speaker_name, speaker_text) AS speaker, count(*) AS quotes, "
                      "count(DISTINCT article_id) AS articles, count_if(stance_label = 'for') AS side_for, "
                      "count_if(stance_label = 'against') AS side_against FROM quotes "
                      "WHERE coalesce(speaker_name, speaker_text) IS NOT NULL GROUP BY 1 "
                      "ORDER BY quotes DESC, speaker LIMIT ?", [limit])  # fmt: skip


# -- entities ---------------------------------------------------------------------------------


def list_entities(
    con: Con, name: str | None, etype: str | None, limit: int, offset: int
) -> tuple[list[Row], int]:
    where = "(CAST(? AS VARCHAR) IS NULL OR contains(lower(name), lower(?))) AND (CAST(? AS VARCHAR) IS NULL OR type = ?)"
    params = [name, name, etype, etype]
    total = _scalar(con, f"SELECT count(DISTINCT entity_id) FROM entities WHERE {where}", params)
    rows = _rows(con, f"SELECT entity_id, mode(name) AS name, mode(type) AS type, count(DISTINCT article_id) "
                      f"AS articles, sum(mentions) AS mentions FROM entities WHERE {where} GROUP BY entity_id "
                      "ORDER BY articles DESC, entity_id LIMIT ? OFFSET ?", [*params, limit, offset])  # fmt: skip
    return rows, int(total or 0)


def entity(con: Con, entity_id: str, top: int = 15) -> Row | None:
    """One entity: mentions over time, quotes by and about it, co-occurring entities, outlets."""
    head = _one(con, "SELECT entity_id, mode(name) AS name, mode(type) AS type, list(DISTINCT name) AS names, "
                     "count(DISTINCT article_id) AS articles, sum(mentions) AS mentions, any_value(place_name) "
                     "AS place_name, any_value(lat) AS lat, any_value(lon) AS lon, any_value(country) AS country "
                     "FROM entities WHERE entity_id = ? GROUP BY entity_id", [entity_id])  # fmt: skip
    if head is None:
        return None
    art = "(SELECT article_id FROM entities WHERE entity_id = ?)"
    head["over_time"] = _rows(con, "SELECT a.date, count(*) AS articles, sum(e.mentions) AS mentions FROM entities e "
                                   "JOIN articles a ON a.id = e.article_id WHERE e.entity_id = ? AND a.date IS NOT NULL "
                                   "GROUP BY a.date ORDER BY a.date", [entity_id])  # fmt: skip
    head["outlets"] = _rows(con, f"SELECT source, count(*) AS articles FROM articles WHERE id IN {art} "
                                 "GROUP BY source ORDER BY articles DESC, source LIMIT ?", [entity_id, top])  # fmt: skip
    head["cooccurring"] = _rows(con, f"SELECT entity_id, mode(name) AS name, mode(type) AS type, count(DISTINCT "
                                     f"article_id) AS articles FROM entities WHERE article_id IN {art} AND entity_id <> ? "
                                     "GROUP BY entity_id ORDER BY articles DESC, entity_id LIMIT ?",
                                [entity_id, entity_id, top])  # fmt: skip
    head["quotes_by"] = _rows(con, f"SELECT {_QUOTE_COLS} FROM quotes q JOIN articles a ON a.id = q.article_id "
                                   "WHERE q.speaker_entity_id = ? ORDER BY a.date DESC NULLS LAST LIMIT ?",
                              [entity_id, top])  # fmt: skip
    names = [n.lower() for n in head["names"] if n]
    head["quotes_about"] = _rows(con, f"SELECT {_QUOTE_COLS} FROM quotes q JOIN articles a ON a.id = q.article_id "
                                      "WHERE coalesce(q.speaker_entity_id, '') <> ? AND EXISTS (SELECT 1 FROM "
                                      "unnest(?::VARCHAR[]) t(n) WHERE contains(lower(q.text), t.n)) "
                                      "ORDER BY a.date DESC NULLS LAST LIMIT ?", [entity_id, names, top])  # fmt: skip
    head["recent_articles"] = _rows(con, f"SELECT {_ARTICLE_COLS} FROM articles a WHERE a.id IN {art} "
                                         "ORDER BY a.date DESC NULLS LAST, a.id LIMIT ?", [entity_id, top])  # fmt: skip
    return head


# -- quotes, issues and sides -----------------------------------------------------------------

_QUOTE_COLS = ("q.article_id, q.quote_index, q.text, q.kind, coalesce(q.speaker_name, q.speaker_text) AS speaker, "
               "q.speaker_entity_id, q.speaker_role, q.speaker_affiliation, q.stance_label AS side, "
               "q.stance_score, a.title AS article_title, a.source, a.date")  # fmt: skip


def list_quotes(con: Con, speaker: str | None, side: str | None, article_id: str | None,
                limit: int, offset: int) -> tuple[list[Row], int]:  # fmt: skip
    where = ("(CAST(? AS VARCHAR) IS NULL OR lower(coalesce(q.speaker_name, q.speaker_text)) = lower(?)) "
             "AND (CAST(? AS VARCHAR) IS NULL OR q.stance_label = ?) AND (CAST(? AS VARCHAR) IS NULL OR q.article_id = ?)")  # fmt: skip
    params = [speaker, speaker, side, side, article_id, article_id]
    total = _scalar(con, f"SELECT count(*) FROM quotes q WHERE {where}", params)
    rows = _rows(con, f"SELECT {_QUOTE_COLS} FROM quotes q JOIN articles a ON a.id = q.article_id WHERE {where} "
                      "ORDER BY a.date DESC NULLS LAST, q.article_id, q.quote_index LIMIT ? OFFSET ?",
                 [*params, limit, offset])  # fmt: skip
    return rows, int(total or 0)


def list_issues(con: Con, limit: int, offset: int) -> tuple[list[Row], int]:
    """Issues (the contested question of an article) with their articles and quotes per side."""
    base = ("SELECT json_extract_string(a.issue, '$.text') AS issue, count(DISTINCT a.id) AS articles, "
            "count(q.article_id) AS quotes, count_if(q.stance_label = 'for') AS side_for, "
            "count_if(q.stance_label = 'against') AS side_against, count_if(q.stance_label = 'neither') AS side_neither "
            "FROM articles a LEFT JOIN quotes q ON q.article_id = a.id WHERE a.issue IS NOT NULL "
            "AND json_extract_string(a.issue, '$.text') IS NOT NULL GROUP BY 1")  # fmt: skip
    total = _scalar(con, f"SELECT count(*) FROM ({base})")
    rows = _rows(con, f"{base} ORDER BY articles DESC, issue LIMIT ? OFFSET ?", [limit, offset])
    return rows, int(total or 0)


def issue(con: Con, text: str, top: int = 15) -> Row | None:
    """One issue: the voices on each side, over time and by outlet."""
    arts = "(SELECT id FROM articles WHERE json_extract_string(issue, '$.text') = ?)"
    n = _scalar(con, f"SELECT count(*) FROM {arts}", [text])
    if not n:
        return None
    sides: dict[str, list[str]] = {"for": [], "against": [], "neither": []}
    for (raw,) in con.execute(f"SELECT issue FROM articles WHERE id IN {arts}", [text]).fetchall():
        for side, voices in (json.loads(raw).get("sides") or {}).items():
            sides.setdefault(side, []).extend(v for v in voices if v not in sides.get(side, []))
    side_expr = "coalesce(q.stance_label, 'unknown')"
    return {
        "issue": text, "articles": int(n), "sides": sides,
        "voices": _rows(con, f"SELECT coalesce(q.speaker_name, q.speaker_text) AS speaker, {side_expr} AS side, "
                             f"count(*) AS quotes FROM quotes q WHERE q.article_id IN {arts} AND coalesce(q.speaker_name, "
                             "q.speaker_text) IS NOT NULL GROUP BY ALL ORDER BY quotes DESC, speaker LIMIT ?", [text, top * 3]),
        "over_time": _rows(con, f"SELECT a.date, {side_expr} AS side, count(*) AS quotes FROM quotes q JOIN articles a "
                                f"ON a.id = q.article_id WHERE q.article_id IN {arts} AND a.date IS NOT NULL GROUP BY ALL "
                                "ORDER BY 1, 2", [text]),
        "by_outlet": _rows(con, f"SELECT a.source, {side_expr} AS side, count(*) AS quotes FROM quotes q JOIN articles a "
                                f"ON a.id = q.article_id WHERE q.article_id IN {arts} GROUP BY ALL ORDER BY 3 DESC, 1, 2 "
                                "LIMIT ?", [text, top * 3]),
        "recent_articles": _rows(con, f"SELECT {_ARTICLE_COLS} FROM articles a WHERE a.id IN {arts} "
                                      "ORDER BY a.date DESC NULLS LAST, a.id LIMIT ?", [text, top]),
    }  # fmt: skip


# -- stories and duplicates -------------------------------------------------------------------


def list_stories(con: Con, limit: int, offset: int) -> tuple[list[Row], int]:
    if not has_table(con, "stories"):
        return [], 0
    total = _scalar(con, "SELECT count(*) FROM stories")
    rows = _rows(con, "SELECT * FROM stories ORDER BY size DESC, sources DESC, story_id LIMIT ? OFFSET ?",
                 [limit, offset])  # fmt: skip
    return rows, int(total or 0)


def story(con: Con, story_id: str) -> Row | None:
    if not has_table(con, "stories"):
        return None
    head = _one(con, "SELECT * FROM stories WHERE story_id = ?", [story_id])
    if head is None:
        return None
    head["articles"] = _rows(con, f"SELECT {_ARTICLE_COLS}, m.score FROM story_articles m JOIN articles a "
                                  "ON a.id = m.article_id WHERE m.story_id = ? ORDER BY a.date, m.score DESC, a.id",
                             [story_id])  # fmt: skip
    head["quotes"] = _rows(con, f"SELECT {_QUOTE_COLS} FROM quotes q JOIN articles a ON a.id = q.article_id "
                                "WHERE q.article_id IN (SELECT article_id FROM story_articles WHERE story_id = ?) "
                                "ORDER BY a.date, q.article_id, q.quote_index LIMIT 50", [story_id])  # fmt: skip
    head["place_points"] = _rows(con, "SELECT coalesce(place_name, name) AS name, avg(lat) AS lat, avg(lon) AS lon, "
                                      "count(*) AS mentions FROM entities WHERE article_id IN (SELECT article_id FROM "
                                      "story_articles WHERE story_id = ?) AND lat IS NOT NULL GROUP BY 1 ORDER BY 4 DESC",
                                 [story_id])  # fmt: skip
    return head


def list_duplicates(con: Con, limit: int, offset: int) -> tuple[list[Row], int]:
    if not has_table(con, "duplicate_groups"):
        return [], 0
    total = _scalar(con, "SELECT count(*) FROM duplicate_groups")
    rows = _rows(con, "SELECT * FROM duplicate_groups ORDER BY size DESC, earliest_date, group_id "
                      "LIMIT ? OFFSET ?", [limit, offset])  # fmt: skip
    return rows, int(total or 0)


def sources(con: Con) -> list[str]:
    return [r[0] for r in con.execute("SELECT DISTINCT source FROM articles WHERE source IS NOT NULL "
                                      "ORDER BY 1").fetchall()]  # fmt: skip
