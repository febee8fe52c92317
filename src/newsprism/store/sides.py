"""SQL for the sides of an issue across a corpus: who is for, against or neither, where, when.

A query matches an article when every one of its words occurs in the article's issue text,
or a quote when every word occurs in the quote itself (so a topic that was never an
article's headline issue still finds the voices that spoke about it). Values reach DuckDB as
parameters only; the clause text is built here from fixed fragments.
"""

from __future__ import annotations

from typing import Any

import duckdb

Con = duckdb.DuckDBPyConnection
Row = dict[str, Any]


def _match(words: list[str]) -> tuple[str, list[Any]]:
    """A WHERE clause: every word in the article's issue text, or every word in the quote."""
    if not words:
        return "q.stance_label IS NOT NULL", []
    issue = " AND ".join(
        ["coalesce(json_extract_string(a.issue, '$.text'), '') ILIKE ?"] * len(words)
    )
    quote = " AND ".join(["q.text ILIKE ?"] * len(words))
    patterns = [f"%{w}%" for w in words]
    return f"q.stance_label IS NOT NULL AND (({issue}) OR ({quote}))", patterns * 2


_MATCHED = (
    "SELECT q.stance_label AS side, coalesce(q.speaker_name, q.speaker_text) AS speaker, "
    "q.article_id, q.text, a.source, a.date, json_extract_string(a.issue, '$.text') AS issue "
    "FROM quotes q JOIN articles a ON a.id = q.article_id WHERE {where}"
)


def speakers(con: Con, words: list[str], limit: int = 50) -> list[Row]:
    """Per side and speaker: quotes, articles, outlets, first and last date; most quoted first."""
    where, params = _match(words)
    sql = (
        f"WITH m AS ({_MATCHED.format(where=where)}) "
        "SELECT side, speaker, count(*) AS quotes, count(DISTINCT article_id) AS articles, "
        "list(DISTINCT source ORDER BY source) FILTER (WHERE source IS NOT NULL) AS sources, "
        "min(date) AS first_date, max(date) AS last_date FROM m WHERE speaker IS NOT NULL "
        "GROUP BY side, speaker ORDER BY quotes DESC, articles DESC, speaker LIMIT ?"
    )
    cur = con.execute(sql, [*params, limit])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def timeline(con: Con, words: list[str]) -> list[Row]:
    """Quotes per month and side, for the issue over time."""
    where, params = _match(words)
    sql = (
        f"WITH m AS ({_MATCHED.format(where=where)}) "
        "SELECT strftime(date_trunc('month', date), '%Y-%m') AS month, side, count(*) AS quotes "
        "FROM m WHERE date IS NOT NULL GROUP BY month, side ORDER BY month, side"
    )
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def outlets(con: Con, words: list[str]) -> list[Row]:
    """Quotes per outlet and side: which outlets give which side a voice."""
    where, params = _match(words)
    sql = (
        f"WITH m AS ({_MATCHED.format(where=where)}) "
        "SELECT coalesce(source, '') AS source, side, count(*) AS quotes FROM m "
        "GROUP BY source, side ORDER BY source, side"
    )
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
