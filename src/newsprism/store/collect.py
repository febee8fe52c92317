"""Collection state: the sources' health and every URL `newsprism collect` has seen.

All the SQL of collection lives here. ``sources`` holds one row per feed, sitemap or page
(child sitemaps of an index included, with their ``parent``): when it was last fetched, its
last status, the validators for the next conditional GET, error and article counts.
``seen_urls`` holds one row per normalised article URL: the article's canonical URL, the
final URL after redirects, what became of it, and the stored article's id.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import duckdb
import pyarrow as pa

from . import Store

# What became of a seen URL; only "retry" URLs are fetched again (up to max_attempts times).
SEEN_STATUSES = ("stored", "duplicate", "retry", "failed")


@dataclass(frozen=True, slots=True)
class SourceState:
    """What the store remembers of one source."""

    url: str
    kind: str | None
    etag: str | None
    last_modified: str | None


@dataclass(frozen=True, slots=True)
class SourceFetch:
    """The outcome of fetching one source in a round; ``error`` is None when it worked."""

    url: str
    kind: str | None
    parent: str | None = None
    status: int | None = None  # HTTP status (304: unchanged); None when there was no answer
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class SeenUrl:
    """The outcome of one article URL in a round."""

    url: str  # normalised, as discovered
    source: str
    status: str  # one of SEEN_STATUSES
    canonical_url: str | None = None
    final_url: str | None = None
    article_id: str | None = None


class CollectState:
    """Reads and writes the collection tables of a writable Store."""

    def __init__(self, store: Store):
        self.con = store.con

    def source(self, url: str) -> SourceState | None:
        row = self.con.execute(
            "SELECT url, kind, etag, last_modified FROM sources WHERE url = ?", [url]
        ).fetchone()
        return SourceState(*row) if row else None

    def children(self, url: str) -> list[str]:
        """The sitemaps a sitemap index listed when it last changed."""
        rows = self.con.execute("SELECT url FROM sources WHERE parent = ? ORDER BY url", [url])
        return [r[0] for r in rows.fetchall()]

    def record_fetch(self, fetch: SourceFetch) -> None:
        """Remember a source fetch; validators survive a 304 and a failure."""
        failed = int(fetch.error is not None)
        self.con.execute(
            """
            INSERT INTO sources (url, kind, parent, last_fetch, last_status, etag, last_modified,
                                 errors, articles, last_error)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
            ON CONFLICT (url) DO UPDATE SET
                kind = coalesce(EXCLUDED.kind, kind), parent = coalesce(EXCLUDED.parent, parent),
                last_fetch = EXCLUDED.last_fetch, last_status = EXCLUDED.last_status,
                etag = coalesce(EXCLUDED.etag, etag),
                last_modified = coalesce(EXCLUDED.last_modified, last_modified),
                errors = errors + EXCLUDED.errors,
                last_error = coalesce(EXCLUDED.last_error, last_error)
            """,
            [fetch.url, fetch.kind, fetch.parent, _now(), fetch.status, fetch.etag,
             fetch.last_modified, failed, fetch.error],
        )  # fmt: skip

    def add_articles(self, counts: Mapping[str, int]) -> None:
        """Add to the sources' counts of stored articles."""
        for url, n in counts.items():
            if n:
                self.con.execute("UPDATE sources SET articles = articles + ? WHERE url = ?",
                                 [n, url])  # fmt: skip

    def unseen(self, urls: Sequence[str], max_attempts: int) -> set[str]:
        """Which of these URLs still need fetching: never seen, or transiently failed."""
        if not urls:
            return set()
        wanted = pa.table({"url": pa.array(sorted(set(urls)), pa.string())})  # noqa: F841
        rows = self.con.execute(
            """
            SELECT w.url FROM wanted w
            WHERE NOT EXISTS (
                SELECT 1 FROM seen_urls s
                WHERE (s.url = w.url OR s.canonical_url = w.url)
                  AND (s.status <> 'retry' OR s.attempts >= ?)
            )
            """,
            [max_attempts],
        ).fetchall()
        return {r[0] for r in rows}

    def stored_canonicals(self, urls: Sequence[str]) -> set[str]:
        """Which of these canonical URLs already belong to a stored article."""
        if not urls:
            return set()
        wanted = pa.table({"url": pa.array(sorted(set(urls)), pa.string())})  # noqa: F841
        rows = self.con.execute(
            "SELECT DISTINCT s.canonical_url FROM seen_urls s JOIN wanted w "
            "ON s.canonical_url = w.url WHERE s.status = 'stored'"
        ).fetchall()
        return {r[0] for r in rows}

    def mark_seen(self, seen: Sequence[SeenUrl]) -> None:
        """Record what became of these URLs, in one transaction; attempts count up."""
        if not seen:
            return
        now = _now()
        batch = {s.url: s for s in seen}  # the last word on a URL wins
        rows = pa.Table.from_pylist([{  # noqa: F841 - read by DuckDB
            "url": s.url, "canonical_url": s.canonical_url, "final_url": s.final_url,
            "source": s.source, "first_seen": now, "last_fetched": now, "status": s.status,
            "attempts": 1, "article_id": s.article_id,
        } for s in batch.values()])  # fmt: skip
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute(
                """
                INSERT INTO seen_urls BY NAME SELECT * FROM rows
                ON CONFLICT (url) DO UPDATE SET
                    canonical_url = EXCLUDED.canonical_url, final_url = EXCLUDED.final_url,
                    last_fetched = EXCLUDED.last_fetched, status = EXCLUDED.status,
                    attempts = attempts + 1, article_id = EXCLUDED.article_id
                """
            )
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def health(self) -> list[dict[str, Any]]:
        """Every source's health, listed sources first, then the sitemaps they led to."""
        try:
            cur = self.con.execute(
                "SELECT url, kind, parent, last_fetch, last_status, errors, articles, last_error "
                "FROM sources ORDER BY coalesce(parent, url), parent IS NOT NULL, url"
            )
        except duckdb.CatalogException:  # a store written before collection existed
            return []
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]

    def seen(self, url: str) -> dict[str, Any] | None:
        """The seen-URL row of one normalised URL (for tests and debugging)."""
        cur = self.con.execute("SELECT * FROM seen_urls WHERE url = ?", [url])
        row = cur.fetchone()
        return dict(zip([c[0] for c in cur.description], row, strict=True)) if row else None


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
