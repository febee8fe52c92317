"""The embedded store: one DuckDB file. All of newsprism's SQL lives in this package.

Writes go in Arrow batches, one transaction per batch, keyed by article id: a rerun adds
nothing it already has, and a run killed half-way loses only its unfinished batch, which
the next run writes.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ..records import Analysis, Problem
from .schema import MIGRATIONS, TABLES

KEYED = ("articles", "problems")  # tables with a primary key


def problem_id(p: Problem) -> str:
    """The same problem found again on a rerun gets the same id, so it is stored once."""
    key = "\x1f".join(str(v) for v in (p.path, p.item, p.article_id, p.stage, p.message))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


class Store:
    """A newsprism DuckDB file: ``Store(path)`` to write, ``Store(path, read_only=True)`` to query."""

    def __init__(self, path: str | os.PathLike[str] = "newsprism.duckdb", read_only: bool = False):
        self.path = str(path)
        if read_only and not Path(self.path).exists():
            raise FileNotFoundError(
                f"no newsprism database at {self.path}; run `newsprism ingest` first"
            )
        self.con = duckdb.connect(self.path, read_only=read_only)
        if not read_only:
            self.migrate()

    def close(self) -> None:
        self.con.close()

    def cursor(self) -> Store:
        """This store on a connection of its own to the same database, for another thread."""
        other = Store.__new__(Store)
        other.path, other.con = self.path, self.con.cursor()
        return other

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema ---------------------------------------------------------------------------

    def migrate(self) -> int:
        """Apply the migrations this file has not had yet; returns the schema version."""
        self.con.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                         "(version INTEGER PRIMARY KEY, applied_at TIMESTAMP)")  # fmt: skip
        row = self.con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()
        current = int(row[0]) if row else 0
        for version, sql in enumerate(MIGRATIONS, 1):
            if version <= current:
                continue
            self.con.execute("BEGIN TRANSACTION")
            self.con.execute(sql)
            self.con.execute("INSERT INTO schema_migrations VALUES (?, ?)", [version, _now()])
            self.con.execute("COMMIT")
            current = version
        return current

    # -- writes ---------------------------------------------------------------------------

    def existing(self, ids: Sequence[str]) -> set[str]:
        """Which of these article ids are stored already."""
        if not ids:
            return set()
        wanted = pa.table({"id": pa.array(list(ids), pa.string())})  # noqa: F841 - read by DuckDB
        rows = self.con.execute(
            "SELECT a.id FROM articles a JOIN wanted w ON a.id = w.id"
        ).fetchall()
        return {r[0] for r in rows}

    def write(self, analyses: Iterable[Analysis], problems: Iterable[Problem] = ()) -> int:
        """Store analyses (and problems) in one transaction; returns how many articles were new."""
        batch = {a.article.id: a for a in analyses}  # one row per id, even if read twice
        fresh = [batch[i] for i in batch.keys() - self.existing(list(batch))]
        fresh.sort(key=lambda a: a.article.id)
        rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
        now = _now()
        for a in fresh:
            for name, table_rows in _rows(a, now).items():
                rows[name].extend(table_rows)
        all_problems = [*problems, *(p for a in fresh for p in a.problems)]
        rows["problems"] = [_problem_row(p, now) for p in all_problems]
        self.con.execute("BEGIN TRANSACTION")
        try:
            for name, table_rows in rows.items():
                if table_rows:
                    arrow = pa.Table.from_pylist(table_rows, schema=TABLES[name])  # noqa: F841
                    keyed = "OR IGNORE" if name in KEYED else ""  # the rest hang off new articles
                    self.con.execute(f"INSERT {keyed} INTO {name} BY NAME SELECT * FROM arrow")
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return len(fresh)

    # -- reads ----------------------------------------------------------------------------

    def count(self, table: str = "articles") -> int:
        if table not in TABLES:
            raise ValueError(f"unknown table {table!r}")
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def get(self, article_id: str) -> dict[str, Any] | None:
        """The stored analysis of one article, as the JSON object of the contract."""
        rows = list(self._analyses("WHERE id = ?", [article_id]))
        if not rows:  # allow a unique prefix, as git does
            rows = list(self._analyses("WHERE starts_with(id, ?) LIMIT 2", [article_id]))
            if len(rows) != 1:
                return None
        return rows[0]

    def analyses(self) -> Iterator[dict[str, Any]]:
        """Every stored analysis, in ingest order."""
        return self._analyses("ORDER BY ingested_at, id", [])

    def _analyses(self, where: str, params: list[Any]) -> Iterator[dict[str, Any]]:
        cur = self.con.execute(f"SELECT analysis, body FROM articles {where}", params)
        while chunk := cur.fetchmany(500):
            for analysis, body in chunk:
                d = json.loads(analysis)
                d["article"]["body"] = body
                yield d

    def corpus_entities(self, limit: int = 50, type_: str | None = None) -> list[dict[str, Any]]:
        """Entities across the corpus, most mentioned first, with their sources and dates."""
        cur = self.con.execute(
            "SELECT entity_id, name, type, articles, mentions, first_seen, last_seen, sources, aliases "
            "FROM corpus_entities WHERE ? IS NULL OR type = ? ORDER BY mentions DESC, name LIMIT ?",
            [type_, type_, limit],
        )
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]

    def problems(self, limit: int = 100) -> list[dict[str, Any]]:
        cur = self.con.execute(
            "SELECT path, item, article_id, stage, message, recorded_at FROM problems "
            "ORDER BY recorded_at DESC, path, item LIMIT ?", [limit])  # fmt: skip
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]

    def export(self, fmt: str, out: str | os.PathLike[str]) -> list[str]:
        """Write the store out: ``jsonl`` (one analysis per line) or ``parquet`` (a file a table)."""
        target = Path(out)
        if fmt == "jsonl":
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "w", encoding="utf-8") as f:
                for d in self.analyses():
                    f.write(json.dumps(d, ensure_ascii=False) + "\n")
            return [str(target)]
        if fmt == "parquet":
            target.mkdir(parents=True, exist_ok=True)
            written = []
            for name in TABLES:
                file = target / f"{name}.parquet"
                self.con.execute(f"COPY {name} TO '{_sql_path(file)}' (FORMAT parquet)")
                written.append(str(file))
            return written
        if fmt == "gkg":  # a GDELT GKG-like TSV (newsprism.corpus.gkg)
            from ..corpus.gkg import write_gkg

            return write_gkg(self.analyses(), target)
        raise ValueError(f"unknown export format {fmt!r}; use jsonl, parquet or gkg")


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _problem_row(p: Problem, now: datetime) -> dict[str, Any]:
    return {"id": problem_id(p), "article_id": p.article_id, "path": p.path, "item": p.item,
            "stage": p.stage, "message": p.message, "recorded_at": now}  # fmt: skip


def _rows(a: Analysis, now: datetime) -> dict[str, list[dict[str, Any]]]:
    """One analysis as rows of each table."""
    art = a.article
    d = a.to_dict()
    d["article"].pop("body")  # stored once, in its own column
    aid = art.id
    return {
        "articles": [{
            "id": aid, "path": art.path, "url": art.url, "source": art.source,
            "date": _date(art.date), "title": art.title, "subtitle": art.subtitle,
            "byline": art.byline, "image_credits": list(art.image_credits),
            "syndicated_from": art.syndicated_from, "language": art.language, "body": art.body,
            "format": art.format, "off_topic": json.dumps(d["article"]["off_topic"]),
            "tone": json.dumps(d["tone"]) if a.tone else None,
            "issue": json.dumps(d["issue"]) if a.issue else None,
            "analysis": json.dumps(d, ensure_ascii=False), "ingested_at": now,
        }],
        "entities": [{
            "article_id": aid, "entity_id": e.id, "name": e.name, "type": e.type,
            "aliases": list(e.aliases), "salience": e.salience, "mentions": len(e.mentions),
            "place_name": e.place.name if e.place else None,
            "lat": e.place.lat if e.place else None, "lon": e.place.lon if e.place else None,
            "country": e.place.country if e.place else None,
            "geonameid": e.place.geonameid if e.place else None,
            "feature": e.place.feature if e.place else None,
        } for e in a.entities],
        "mentions": [{
            "article_id": aid, "entity_id": e.id, "text": m.text, "start": m.start, "end": m.end,
            "field": m.field,
        } for e in a.entities for m in e.mentions],
        "quotes": [{
            "article_id": aid, "quote_index": i, "text": q.text, "start": q.start, "end": q.end,
            "kind": q.kind, "cue": q.cue,
            "speaker_text": q.speaker.text if q.speaker else None,
            "speaker_name": q.speaker.name if q.speaker else None,
            "speaker_entity_id": q.speaker.entity_id if q.speaker else None,
            "speaker_role": q.speaker.role if q.speaker else None,
            "speaker_affiliation": q.speaker.affiliation if q.speaker else None,
            "stance_label": q.stance.label if q.stance else None,
            "stance_score": q.stance.score if q.stance else None, "sentiment": q.sentiment,
        } for i, q in enumerate(a.quotes)],
        "dates": [{
            "article_id": aid, "text": t.text, "start": t.start, "end": t.end, "type": t.type,
            "value": t.value,
        } for t in a.dates],
        "events": [{
            "article_id": aid, "actor": e.actor, "action": e.action, "target": e.target,
            "place": e.place, "date": e.date, "start": e.start, "end": e.end,
            "trigger": e.trigger, "main": e.main,
        } for e in a.events],
    }  # fmt: skip


def _date(value: str | None) -> Any:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        return None


__all__ = ["Store", "problem_id"]
