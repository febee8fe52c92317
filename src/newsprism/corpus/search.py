"""Full-text search with BM25 ranking, phrases and filters, in an SQLite FTS5 index.

Why FTS5: measured on the 37,554-article AllSides corpus (``python -m
newsprism.corpus.searchbench``, figures in docs/CORPUS.md) it answers in a few milliseconds,
needs nothing beyond Python's standard library and no network (DuckDB's ``fts`` extension
must be downloaded), and takes incremental inserts. tantivy was faster still but adds a
compiled dependency for a gain nobody can see at these sizes.

The index is one SQLite file in a folder beside the DuckDB file (``corpus.duckdb.search/``).
It is contentless: the text lives in DuckDB, the index keeps only postings plus each
article's id, source, date and opening (for snippets: DuckDB reads a long string column
slowly for scattered rows), which the date and source filters use directly; entity,
speaker, side and story filters are answered by DuckDB and passed in as a set of ids.

Query syntax: words (all must match, English stemming), ``"exact phrases"``, ``-word`` to
exclude, ``prefix*``. Anything else is ignored rather than raising a syntax error.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

from ..store import Store
from ..store import queries as q

OPENING = 400  # characters of each body kept in the index for snippets
VERSION = 1  # bump when the index layout changes: the next `newsprism index` rebuilds it
TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')
WORD = re.compile(r"\w+")


class QueryError(ValueError):
    """A query with nothing to search for (only exclusions, or only punctuation)."""


@dataclass(frozen=True, slots=True)
class SearchOptions:
    limit: int = 20
    offset: int = 0
    filter: q.ArticleFilter = field(default_factory=q.ArticleFilter)
    title_weight: float = 3.0  # BM25 weight of a title match against a body match


@dataclass(frozen=True, slots=True)
class Hit:
    id: str
    score: float  # BM25, higher is better
    opening: str  # the start of the body, for a snippet without reading DuckDB's body column


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    match: str  # the FTS5 expression that ran
    total: int
    hits: tuple[Hit, ...]
    terms: tuple[str, ...]  # the words and phrases searched for, to highlight


def index_path(db: str | os.PathLike[str]) -> Path:
    """Where the search index of a DuckDB file lives."""
    return Path(f"{db}.search")


def parse_query(text: str) -> tuple[str, tuple[str, ...]]:
    """A user's query as an FTS5 expression, and its positive terms."""
    positive: list[str] = []
    negative: list[str] = []
    terms: list[str] = []
    for m in TOKEN.finditer(text):
        neg_phrase, phrase, neg_word, word = m.groups()
        if phrase is not None:
            words, prefix, negated = WORD.findall(phrase), False, bool(neg_phrase)
        else:
            words, prefix, negated = WORD.findall(word), word.endswith("*"), bool(neg_word)
            if word.upper() in ("AND", "OR", "NOT"):
                continue
        if not words:
            continue
        expr = '"' + " ".join(words) + '"' + (" *" if prefix and len(words) == 1 else "")
        (negative if negated else positive).append(expr)
        if not negated:
            terms.append(" ".join(words))
    if not positive:
        raise QueryError(f"nothing to search for in {text!r}")
    match = " AND ".join(positive) + "".join(f" NOT {n}" for n in negative)
    return match, tuple(terms)


class SearchIndex:
    """An FTS5 index of a store's articles: ``update`` adds what is new, ``search`` ranks."""

    def __init__(self, path: str | os.PathLike[str], read_only: bool = False):
        self.folder = Path(path)
        file = self.folder / "index.sqlite"
        self.read_only = read_only
        if read_only:
            if not file.exists():
                raise FileNotFoundError(f"no search index at {self.folder}; run `newsprism index`")
            self.con = sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True,
                                       check_same_thread=False)  # fmt: skip
        else:
            self.folder.mkdir(parents=True, exist_ok=True)
            self.con = sqlite3.connect(file, check_same_thread=False)
            self._create()
        self._lock = threading.Lock()  # one connection, shared by the server's threads

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _create(self) -> None:
        version = self.con.execute("PRAGMA user_version").fetchone()[0]
        if version != VERSION:
            self.con.executescript("DROP TABLE IF EXISTS docs; DROP TABLE IF EXISTS fts;")
        self.con.executescript(f"""
            CREATE TABLE IF NOT EXISTS docs (rowid INTEGER PRIMARY KEY, id TEXT UNIQUE, source TEXT, date TEXT,
                                             opening TEXT);
            CREATE INDEX IF NOT EXISTS docs_date ON docs (date);
            CREATE INDEX IF NOT EXISTS docs_source ON docs (source);
            CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(title, body, content='',
                tokenize='porter unicode61 remove_diacritics 2');
            PRAGMA user_version = {VERSION};
        """)  # fmt: skip

    def count(self) -> int:
        return int(self.con.execute("SELECT count(*) FROM docs").fetchone()[0])

    def update(self, store: Store, batch: int = 2000) -> int:
        """Index the store's articles that the index does not have yet; returns how many."""
        have = {r[0] for r in self.con.execute("SELECT id FROM docs")}
        next_row = (
            int(self.con.execute("SELECT coalesce(max(rowid), 0) FROM docs").fetchone()[0]) + 1
        )
        cur = store.con.execute("SELECT id, coalesce(title, ''), coalesce(subtitle, ''), body, source, "
                                "CAST(date AS VARCHAR) FROM articles ORDER BY ingested_at, id")  # fmt: skip
        added = 0
        while chunk := cur.fetchmany(batch):
            fresh = [r for r in chunk if r[0] not in have]
            rows = list(enumerate(fresh, next_row))
            self.con.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?)",
                                 [(i, r[0], r[4], r[5], (r[3] or "")[:OPENING]) for i, r in rows])  # fmt: skip
            self.con.executemany("INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)",
                                 [(i, f"{r[1]}\n{r[2]}", r[3] or "") for i, r in rows])  # fmt: skip
            next_row += len(rows)
            added += len(rows)
        self.con.commit()
        return added

    def search(self, con: q.Con, text: str, options: SearchOptions | None = None) -> SearchResult:
        """Rank articles for a query with BM25; ``con`` (DuckDB) answers the richer filters."""
        options = options or SearchOptions()
        match, terms = parse_query(text)
        f = options.filter
        where, params = ["fts MATCH ?"], [match]
        # unary + keeps SQLite from driving the query by the docs indexes: FTS5 leads
        for clause, value in (("+d.source = ?", f.source), ("+d.date >= ?", f.date_from),
                              ("+d.date <= ?", f.date_to)):  # fmt: skip
            if value:
                where.append(clause)
                params.append(value)
        ids = None
        if f.entity or f.speaker or f.side or f.story:
            ids = q.filtered_ids(con, q.ArticleFilter(entity=f.entity, speaker=f.speaker,
                                                      side=f.side, story=f.story))  # fmt: skip
            where.append("d.id IN (SELECT id FROM temp.wanted)")
        sql = f"FROM fts JOIN docs d ON d.rowid = fts.rowid WHERE {' AND '.join(where)}"
        with self._lock:
            try:
                if ids is not None:
                    self.con.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (id TEXT PRIMARY KEY)")
                    self.con.execute("DELETE FROM temp.wanted")
                    self.con.executemany("INSERT INTO temp.wanted VALUES (?)", [(i,) for i in ids])
                total = int(self.con.execute(f"SELECT count(*) {sql}", params).fetchone()[0])
                rows = self.con.execute(
                    f"SELECT d.id, bm25(fts, ?, 1.0) AS s, d.opening {sql} ORDER BY s LIMIT ? OFFSET ?",
                    [options.title_weight, *params, options.limit, options.offset],
                ).fetchall()
            except sqlite3.OperationalError as e:  # a query FTS5 still cannot parse
                raise QueryError(f"cannot search for {text!r}: {e}") from e
        # FTS5's bm25() is negative (lower is better); report the usual positive score
        return SearchResult(
            text, match, total, tuple(Hit(i, -s, o or "") for i, s, o in rows), terms
        )
