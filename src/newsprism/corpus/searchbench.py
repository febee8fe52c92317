"""Measure the embedded full-text engines on a store: SQLite FTS5 against tantivy.

``python -m newsprism.corpus.searchbench --db /tmp/allsides.duckdb`` builds each index in a
temporary folder from the stored articles and times the same queries (median and 95th
percentile of several runs, top 20 hits, BM25). Neither engine needs the network; DuckDB's
own ``fts`` extension does (``INSTALL fts``), so it is not a candidate here.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import duckdb

QUERIES = [
    "immigration", "supreme court", '"border wall"', "climate change policy", "tax reform",
    '"health care" republicans', "russia investigation mueller", "gun control", "iran deal",
    "election fraud", "police shooting", "trade tariffs china", "abortion", "north korea",
    "minimum wage", '"white house" press', "refugees", "opioid crisis", "impeachment", "brexit",
]  # fmt: skip
SOURCE_FILTER = "CNN (Web News)"


def _articles(db: str) -> list[tuple[str, str, str, str, str]]:
    con = duckdb.connect(db, read_only=True)
    rows = con.execute(
        "SELECT id, coalesce(title, ''), body, coalesce(source, ''), coalesce(CAST(date AS VARCHAR), '') "
        "FROM articles ORDER BY id"
    ).fetchall()
    con.close()
    return rows


def _timed(fn: Callable[[], Any], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def _summary(name: str, ms: list[float]) -> dict[str, Any]:
    ms.sort()
    return {"engine": name, "median_ms": round(statistics.median(ms), 2),
            "p95_ms": round(ms[int(0.95 * (len(ms) - 1))], 2), "max_ms": round(ms[-1], 2)}  # fmt: skip


def _size(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


def bench_fts5(
    rows: list[tuple[str, str, str, str, str]], folder: Path, runs: int
) -> dict[str, Any]:
    path = folder / "fts5"
    path.mkdir()
    t = time.perf_counter()
    con = sqlite3.connect(path / "index.sqlite")
    con.execute(
        "CREATE TABLE docs (rowid INTEGER PRIMARY KEY, id TEXT UNIQUE, source TEXT, date TEXT)"
    )
    con.execute("CREATE VIRTUAL TABLE fts USING fts5(title, body, content='', "
                "tokenize='porter unicode61 remove_diacritics 2')")  # fmt: skip
    con.executemany("INSERT INTO docs VALUES (?, ?, ?, ?)",
                    [(i, r[0], r[3], r[4]) for i, r in enumerate(rows, 1)])  # fmt: skip
    con.executemany("INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)",
                    [(i, r[1], r[2]) for i, r in enumerate(rows, 1)])  # fmt: skip
    con.commit()
    build = time.perf_counter() - t
    sql = ("SELECT d.id, bm25(fts, 3.0, 1.0) AS s FROM fts JOIN docs d ON d.rowid = fts.rowid "
           "WHERE fts MATCH ? {f} ORDER BY s LIMIT 20")  # fmt: skip

    def run(query: str, source: str | None) -> Any:
        if source:
            return con.execute(sql.format(f="AND d.source = ?"), [query, source]).fetchall()
        return con.execute(sql.format(f=""), [query]).fetchall()

    plain = [_timed(partial(run, q, None), runs) for q in QUERIES]
    filt = [_timed(partial(run, q, SOURCE_FILTER), runs) for q in QUERIES]
    return {**_summary("sqlite-fts5", sum(plain, [])),
            "filtered_median_ms": _summary("", sum(filt, []))["median_ms"],
            "filtered_p95_ms": _summary("", sum(filt, []))["p95_ms"],
            "build_s": round(build, 1), "size_mib": round(_size(path), 1)}  # fmt: skip


def bench_tantivy(
    rows: list[tuple[str, str, str, str, str]], folder: Path, runs: int
) -> dict[str, Any]:
    import tantivy

    path = folder / "tantivy"
    path.mkdir()
    t = time.perf_counter()
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("id", stored=True, tokenizer_name="raw")
    sb.add_text_field("title", tokenizer_name="en_stem")
    sb.add_text_field("body", tokenizer_name="en_stem")
    sb.add_text_field("source", tokenizer_name="raw")
    sb.add_text_field("date", tokenizer_name="raw")
    schema = sb.build()
    index = tantivy.Index(schema, path=str(path))
    writer = index.writer(heap_size=200_000_000, num_threads=1)
    for r in rows:
        writer.add_document(
            tantivy.Document(id=r[0], title=r[1], body=r[2], source=r[3], date=r[4])
        )
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    build = time.perf_counter() - t
    searcher = index.searcher()

    def run(q: str, source: str | None) -> Any:
        query = index.parse_query(q, ["title", "body"], field_boosts={"title": 3.0})
        if source:
            query = tantivy.Query.boolean_query([
                (tantivy.Occur.Must, query),
                (tantivy.Occur.Must, tantivy.Query.term_query(schema, "source", source)),
            ])  # fmt: skip
        return [searcher.doc(a)["id"] for _, a in searcher.search(query, 20).hits]

    plain = [_timed(partial(run, q, None), runs) for q in QUERIES]
    filt = [_timed(partial(run, q, SOURCE_FILTER), runs) for q in QUERIES]
    return {**_summary("tantivy", sum(plain, [])),
            "filtered_median_ms": _summary("", sum(filt, []))["median_ms"],
            "filtered_p95_ms": _summary("", sum(filt, []))["p95_ms"],
            "build_s": round(build, 1), "size_mib": round(_size(path), 1)}  # fmt: skip


def bench_newsprism(db: str, folder: Path, runs: int) -> dict[str, Any]:
    """The shipped SearchIndex end to end: query parsing, BM25 top 20 and the total count."""
    from ..store import Store
    from ..store.queries import ArticleFilter
    from .search import SearchIndex, SearchOptions

    with Store(db, read_only=True) as store, SearchIndex(folder / "newsprism") as index:
        t = time.perf_counter()
        index.update(store)
        build = time.perf_counter() - t
        t = time.perf_counter()
        index.update(store)
        noop = time.perf_counter() - t
        by_source = SearchOptions(filter=ArticleFilter(source=SOURCE_FILTER))
        plain = [_timed(partial(index.search, store.con, q), runs) for q in QUERIES]
        filt = [_timed(partial(index.search, store.con, q, by_source), runs) for q in QUERIES]
    return {**_summary("newsprism SearchIndex (FTS5, with total count)", sum(plain, [])),
            "filtered_median_ms": _summary("", sum(filt, []))["median_ms"],
            "filtered_p95_ms": _summary("", sum(filt, []))["p95_ms"],
            "build_s": round(build, 1), "update_noop_s": round(noop, 1),
            "size_mib": round(_size(folder / "newsprism"), 1)}  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default="/tmp/allsides.duckdb")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    rows = _articles(args.db)
    print(f"{len(rows):,} articles, {sum(len(r[2]) for r in rows) / 2**20:.0f} MiB of body text, "
          f"{len(QUERIES)} queries x {args.runs} runs, top 20")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        print(bench_fts5(rows, Path(tmp), args.runs))
        try:
            print(bench_tantivy(rows, Path(tmp), args.runs))
        except ImportError:
            print("tantivy is not installed (pip install tantivy) - skipped")
        print(bench_newsprism(args.db, Path(tmp), args.runs))


if __name__ == "__main__":
    main()
