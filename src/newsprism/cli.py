"""The command line: each command parses its arguments and calls the library.

Exit status: 0 when every article was analysed, 1 when some had problems (each reported,
the others still done), 2 on a usage error.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from . import readers
from .config import Settings, load_settings
from .executors import PipelineSpec
from .ingest import IngestSummary, ingest
from .pipeline import Pipeline
from .readers import ReadOptions, Source
from .readers.decode import normalize_date
from .readers.jsonl import FIELDS as JSON_FIELDS
from .records import Analysis, Problem
from .store import Store

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="newsprism: who said what, where, when, and on which side, across news articles.",
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

PathsArg = Annotated[
    list[str], typer.Argument(help="Files, directories, .gz files, or - for stdin.")
]
DbOpt = Annotated[str | None, typer.Option("--db", help="DuckDB file [default: newsprism.duckdb].")]
FormatOpt = Annotated[
    str | None, typer.Option("--format", help="text|html|json|jsonl|feed|warc (default: detect).")
]
DateOpt = Annotated[
    str | None,
    typer.Option("--date", help="Publication date where the input has none (YYYY-MM-DD)."),
]
FieldOpt = Annotated[
    list[str] | None,
    typer.Option("--field", help="JSON field mapping OURS=THEIRS, e.g. text=story (repeatable)."),
]
ConfigOpt = Annotated[str | None, typer.Option("--config", help="A newsprism.toml settings file.")]
StagesOpt = Annotated[
    str | None, typer.Option("--stages", help="Comma-separated stages to run [default: all].")
]


def _settings(config: str | None, stages: str | None = None) -> Settings:
    try:
        settings = load_settings(config)
    except (OSError, ValueError) as e:
        raise typer.BadParameter(str(e), param_hint="--config") from e
    settings.apply()  # before the check below builds the stages
    if stages:
        names = tuple(n.strip() for n in stages.split(",") if n.strip())
        try:
            Pipeline(names)
        except ValueError as e:
            raise typer.BadParameter(str(e), param_hint="--stages") from e
        settings = dataclasses.replace(settings, stages=names)
    return settings


def _read_options(
    fmt: str | None, date: str | None, fields: list[str] | None, s: Settings
) -> ReadOptions:
    if fmt == "json":
        fmt = "jsonl"
    if fmt is not None and fmt not in readers.FORMATS:
        raise typer.BadParameter(f"{fmt!r} is not one of text, html, json, jsonl, feed, warc",
                                 param_hint="--format")  # fmt: skip
    if date is not None and normalize_date(date) is None:
        raise typer.BadParameter(f"{date!r} is not a date (YYYY-MM-DD)", param_hint="--date")
    mapping = {}
    for spec in fields or []:
        ours, sep, theirs = spec.partition("=")
        if not sep or not theirs or ours not in JSON_FIELDS:
            known = ", ".join(JSON_FIELDS)
            raise typer.BadParameter(f"{spec!r}: use OURS=THEIRS with OURS one of {known}",
                                     param_hint="--field")  # fmt: skip
        mapping[ours] = theirs
    return ReadOptions(format=fmt, date=normalize_date(date), field_map=mapping,
                       max_bytes=s.max_article_bytes)  # fmt: skip


@app.command()
def analyze(
    paths: PathsArg,
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON object per article per line.")
    ] = False,
    fmt: FormatOpt = None,
    date: DateOpt = None,
    field: FieldOpt = None,
    config: ConfigOpt = None,
    stages: StagesOpt = None,
) -> None:
    """Analyse articles and print what was found (nothing is stored)."""
    s = _settings(config, stages)
    options = _read_options(fmt, date, field, s)
    pipeline = Pipeline(s.stages)
    failed = 0
    for item in pipeline.stream(readers.read(paths, options)):
        if isinstance(item, Problem):
            failed += 1
            err.print(f"[red]problem[/red] {escape(item.describe())}")
            continue
        failed += bool(item.problems)
        for p in item.problems:
            err.print(f"[red]problem[/red] {escape(p.describe())}")
        if as_json:
            sys.stdout.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
        else:
            report(item.to_dict())
    raise typer.Exit(1 if failed else 0)


@app.command("ingest")
def ingest_command(
    paths: PathsArg,
    db: DbOpt = None,
    fmt: FormatOpt = None,
    date: DateOpt = None,
    field: FieldOpt = None,
    config: ConfigOpt = None,
    stages: StagesOpt = None,
    executor: Annotated[
        str | None,
        typer.Option("--executor", help="local|process|ray [default: process if --workers > 1]."),
    ] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", help="Worker processes [default: every core].")
    ] = None,
) -> None:
    """Read, analyse and store articles; a rerun stores only what is new."""
    s = _settings(config, stages)
    try:
        s = dataclasses.replace(
            s, executor=executor or s.executor, workers=s.workers if workers is None else workers
        )
    except ValueError as e:
        raise typer.BadParameter(str(e), param_hint="--executor/--workers") from e
    pipeline = PipelineSpec(s.stages, timeout_s=s.article_timeout_s)  # workers build their own
    options = _read_options(fmt, date, field, s)
    total = sum(src.size for src in readers.sources(paths) if isinstance(src, Source))
    done: dict[str, int] = {}
    with Store(db or s.db) as store, Progress(
        TextColumn("[bold]ingest"), BarColumn(), DownloadColumn(), TimeRemainingColumn(),
        TextColumn("{task.fields[counts]}"), console=err, transient=False,
    ) as bar:  # fmt: skip
        task = bar.add_task("ingest", total=total or None, counts="")

        def progress(source: Source | None, position: int, summary: IngestSummary) -> None:
            if source is not None:
                done[source.path] = position
            counts = f"{summary.read:,} read, {summary.stored:,} stored"
            bar.update(task, completed=sum(done.values()), counts=counts)

        summary = ingest(paths, store, pipeline, options, s.batch_size, progress,
                         s.executor_options())  # fmt: skip
        in_db = store.count()
    for p in summary.problems[:50]:
        err.print(f"[red]problem[/red] {escape(p.describe())}")
    if len(summary.problems) > 50:
        err.print(f"... and {len(summary.problems) - 50} more (newsprism problems --db ...)")
    table = Table(title=f"ingest into {db or s.db}", show_header=False)
    for label, value in (("read", summary.read), ("stored", summary.stored),
                         ("skipped: already stored or read twice", summary.skipped),
                         ("problems", len(summary.problems)), ("articles in store", in_db)):  # fmt: skip
        table.add_row(label, f"{value:,}")
    err.print(table)
    raise typer.Exit(0 if summary.ok else 1)


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(help="An article id (or a unique prefix of one).")],
    db: DbOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the JSON object.")] = False,
    config: ConfigOpt = None,
) -> None:
    """Show one stored article's analysis."""
    with _open(db, config) as store:
        found = store.get(article_id)
    if found is None:
        err.print(f"no article {article_id!r} in the store")
        raise typer.Exit(1)
    if as_json:
        sys.stdout.write(json.dumps(found, ensure_ascii=False) + "\n")
    else:
        report(found)


@app.command()
def problems(
    db: DbOpt = None,
    limit: Annotated[int, typer.Option(help="How many to list.")] = 100,
    config: ConfigOpt = None,
) -> None:
    """List the problems recorded in the store, newest first."""
    with _open(db, config) as store:
        rows = store.problems(limit)
    for r in rows:
        where = r["path"] or r["article_id"] or "<input>"
        item = f" [{r['item']}]" if r["item"] else ""
        out.print(f"{escape(where)}{escape(item)}: {r['stage']}: {escape(r['message'])}")
    if not rows:
        out.print("no problems recorded")


@app.command()
def export(
    out_path: Annotated[
        str, typer.Argument(metavar="OUT", help="Output file (jsonl) or folder (parquet).")
    ],
    fmt: Annotated[str, typer.Option("--format", help="jsonl | parquet")] = "jsonl",
    db: DbOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Export the store: JSON Lines of analyses, or one Parquet file per table."""
    if fmt not in ("jsonl", "parquet", "gkg"):
        raise typer.BadParameter(f"{fmt!r}: use jsonl, parquet or gkg", param_hint="--format")
    with _open(db, config) as store:
        files = store.export(fmt, out_path)
    for f in files:
        err.print(f"wrote {f}")


@app.command("collect")
def collect_command(
    sources_file: Annotated[
        str,
        typer.Argument(metavar="SOURCES", help="Feed, sitemap and page URLs, one a line; or OPML."),
    ],
    db: DbOpt = None,
    once: Annotated[
        bool, typer.Option("--once", help="One round, then stop (the default).")
    ] = False,
    every: Annotated[
        str | None, typer.Option("--every", help="A round every 30s, 15m, 1h... until Ctrl-C.")
    ] = None,
    delay: Annotated[
        float | None, typer.Option("--delay", help="Seconds between requests to one host [1].")
    ] = None,
    config: ConfigOpt = None,
) -> None:
    """Collect new articles from feeds, sitemaps and pages, fetched politely."""
    from dataclasses import replace

    from . import collect as collection  # imported here: httpx is only needed to collect

    if once and every:
        raise typer.BadParameter("use --once or --every, not both", param_hint="--every")
    try:
        interval = collection.parse_interval(every) if every else None
    except ValueError as e:
        raise typer.BadParameter(str(e), param_hint="--every") from e
    try:
        entries = collection.load_sources(sources_file)
    except collection.SourcesError as e:
        raise typer.BadParameter(str(e), param_hint="SOURCES") from e
    s = _settings(config)
    fetch = collection.FetchOptions(max_bytes=s.max_article_bytes)
    if delay is not None:
        fetch = replace(fetch, delay=delay)
    options = collection.CollectOptions(fetch=fetch, batch_size=s.batch_size)

    def report(r: collection.RoundSummary) -> None:
        for p in r.problems[:20]:
            err.print(f"[red]problem[/red] {escape(p.describe())}")
        if len(r.problems) > 20:
            err.print(f"... and {len(r.problems) - 20} more (newsprism problems --db ...)")
        err.print(f"{len(entries)} sources ({r.unchanged} unchanged): {r.discovered:,} new URLs, "
                  f"{r.fetched:,} fetched, {r.stored:,} stored, {r.duplicates:,} duplicates, "
                  f"{r.robots_skipped:,} forbidden by robots.txt, {len(r.problems):,} problems")  # fmt: skip

    with Store(db or s.db) as store, collection.stop_on_interrupt() as stop:
        pipeline = Pipeline(s.stages)
        last = collection.collect(entries, store, pipeline, options, interval, report, stop)
    raise typer.Exit(1 if last.problems and interval is None else 0)


@app.command("sources")
def sources_command(db: DbOpt = None, config: ConfigOpt = None) -> None:
    """Show the collected sources' health: last fetch, status, articles, errors."""
    from .store.collect import CollectState

    with _open(db, config) as store:
        rows = CollectState(store).health()
    if not rows:
        out.print("no sources collected yet (newsprism collect SOURCES)")
        return
    table = Table(title="sources")
    for column in ("source", "kind", "last fetch", "status", "articles", "errors", "last error"):
        table.add_column(column, overflow="fold")
    for r in rows:
        name = r["url"] if r["parent"] is None else f"  {r['url']}"
        fetched = r["last_fetch"].strftime("%Y-%m-%d %H:%M") if r["last_fetch"] else "-"
        table.add_row(escape(name), r["kind"] or "?", fetched, str(r["last_status"] or "-"),
                      f"{r['articles']:,}", f"{r['errors']:,}", escape(r["last_error"] or ""))  # fmt: skip
    out.print(table)


@app.command("index")
def index_command(db: DbOpt = None, config: ConfigOpt = None) -> None:
    """Find duplicates and stories, and build or update the search index beside the DB."""
    from .corpus import build_corpus  # imported here: datasketch and scipy only for the corpus

    with Store(db or _settings(config).db) as store:
        r = build_corpus(store)
    err.print(f"duplicates: {r.duplicates.groups:,} groups of {r.duplicates.articles:,} articles "
              f"({r.duplicates.hashed:,} newly hashed); stories: {r.stories.stories:,} of "
              f"{r.stories.articles:,} articles (by {'text and entities' if r.stories.used_entities else 'text'}); "
              f"search: {r.indexed:,} articles added to {r.index}")  # fmt: skip


TOKEN_HELP = ("A file holding the token that enables POST /api/articles "
              "[default: $NEWSPRISM_API_TOKEN; none: read-only].")  # fmt: skip


@app.command("serve")
def serve_command(
    db: DbOpt = None,
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    host: Annotated[str, typer.Option("--host", help="Address to bind.")] = "127.0.0.1",
    token_file: Annotated[str | None, typer.Option("--token-file", help=TOKEN_HELP)] = None,
    config: ConfigOpt = None,
) -> None:
    """Serve the HTTP API and the dashboard over a store (read-only unless given a token)."""
    try:
        from .server import ServerOptions, serve
        from .server.write import load_token
    except ImportError as e:  # fastapi/uvicorn are dependencies, but say so if they are missing
        err.print(f"the server needs fastapi, uvicorn and jinja2: {e}")
        raise typer.Exit(2) from e
    settings = _settings(config)
    path = db or settings.db
    _open(path, config).close()  # a clear message (exit 2) when there is no database
    try:
        token = load_token(token_file)
    except (OSError, ValueError) as e:
        err.print(f"error: {escape(str(e))}")
        raise typer.Exit(2) from e
    writes = "writes enabled: POST /api/articles" if token else "read-only"
    err.print(f"newsprism dashboard on http://{host}:{port}/  (API schema: /docs; {writes})")
    serve(path, ServerOptions(host=host, port=port, token=token, stages=settings.stages,
                              article_timeout_s=settings.article_timeout_s))  # fmt: skip


@app.command("sides")
def sides_command(
    query: Annotated[str, typer.Argument(help="An issue or topic, e.g. 'foreign troops'.")],
    db: DbOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Show the speakers for, against and neither on an issue: how often, where, when."""
    from .corpus.sides import sides

    with _open(db, config) as store:
        result = sides(store, query)
    if not any(result.voices.values()):
        out.print(f"no quotes with a stance match {query!r} (the stance stage fills them)")
        return
    table = Table(title=f"sides: {escape(query)}")
    for column in ("side", "speaker", "quotes", "articles", "outlets", "first", "last"):
        table.add_column(column, overflow="fold")
    for side, voices in result.voices.items():
        for v in voices:
            table.add_row(side, escape(v.speaker), str(v.quotes), str(v.articles),
                          escape(", ".join(v.sources)), v.first_date or "-", v.last_date or "-")  # fmt: skip
    out.print(table)


@app.command("entities")
def entities_command(
    db: DbOpt = None,
    type_: Annotated[
        str | None, typer.Option("--type", help="PERSON, ORG, PLACE, GROUP ...")
    ] = None,
    limit: Annotated[int, typer.Option(help="How many to list.")] = 30,
    config: ConfigOpt = None,
) -> None:
    """List the corpus's entities, aliases merged across articles, most mentioned first."""
    with _open(db, config) as store:
        rows = store.corpus_entities(limit, type_)
    table = Table("entity", "type", "articles", "mentions", "first seen", "last seen", "aliases")
    for r in rows:
        aliases = ", ".join((r["aliases"] or [])[:4])
        table.add_row(escape(r["name"]), r["type"], str(r["articles"]), str(r["mentions"]),
                      str(r["first_seen"] or ""), str(r["last_seen"] or ""), escape(aliases))  # fmt: skip
    out.print(table)


def _open(db: str | None, config: str | None) -> Store:
    path = db or _settings(config).db
    try:
        return Store(path, read_only=True)
    except FileNotFoundError as e:
        err.print(str(e))
        raise typer.Exit(2) from e


def report(d: dict[str, Any]) -> None:
    """A readable report of one analysis."""
    a = d["article"]
    out.rule(f"[bold]{escape(a['title'] or '(no title)')}")
    for label, key in (("subtitle", "subtitle"), ("byline", "byline"), ("date", "date"),
                       ("source", "source"), ("syndicated from", "syndicated_from"),
                       ("url", "url"), ("language", "language"), ("id", "id")):  # fmt: skip
        if a.get(key):
            out.print(f"[bold]{label}:[/bold] {escape(str(a[key]))}")
    for credit in a["image_credits"]:
        out.print(f"[bold]image credit:[/bold] {escape(credit)}")
    words = len(a["body"].split())
    paragraphs = a["body"].split("\n\n")
    out.print(f"[bold]body:[/bold] {words:,} words in {len(paragraphs)} paragraphs")
    for para in paragraphs[:3]:
        out.print(f"  {escape(para[:300])}{'…' if len(para) > 300 else ''}")
    for seg in a["off_topic"]:
        out.print(
            f"[bold yellow]off-topic[/bold yellow] ({escape(seg['reason'])}): {escape(seg['text'][:200])}"
        )
    for e in d["entities"]:
        place = e.get("place")
        where = f" at {place['lat']:.2f}, {place['lon']:.2f} ({place['country']})" if place else ""
        out.print(f"[bold]entity:[/bold] {escape(e['name'])} ({e['type']}){where}")
    for q in d["quotes"]:
        who = q["speaker"]["name"] or q["speaker"]["text"] if q["speaker"] else "?"
        out.print(f"[bold]quote:[/bold] {escape(str(who))}: {escape(q['text'][:160])}")
    for t in d["dates"]:
        out.print(f"[bold]date:[/bold] {escape(t['text'])} -> {t['value']}")
    for ev in d["events"]:
        who = " ".join(f"{k}={ev[k]}" for k in ("actor", "target", "place", "date") if ev.get(k))
        out.print(
            f"[bold]event{' (main)' if ev.get('main') else ''}:[/bold] {ev['action']}: {escape(who)}"
        )
    if d["issue"]:
        out.print(f"[bold]issue:[/bold] {escape(d['issue']['text'])}")
        for side, voices in d["issue"]["sides"].items():
            if voices:
                out.print(f"  [bold]{side}:[/bold] {escape(', '.join(voices))}")
    if d["tone"]:
        t = d["tone"]
        out.print(
            f"[bold]tone:[/bold] {t['tone']:+.2f} (positive {t['positive']:.1f}%, negative {t['negative']:.1f}%)"
        )
    if d["problems"]:
        for p in d["problems"]:
            out.print(f"[red]problem[/red] {p['stage']}: {escape(p['message'])}")
    out.print()


def main() -> None:
    """Entry point; usage errors exit 2 (click's convention, kept)."""
    app()


def _analysis_report(a: Analysis) -> None:  # used by the demo script
    report(a.to_dict())


if __name__ == "__main__":
    main()
