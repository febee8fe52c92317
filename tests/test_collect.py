"""`newsprism collect` against real HTTP servers on 127.0.0.1: a generated news site with a
feed, a sitemap index (one news sitemap), plain pages, robots.txt and faulty responses."""

from __future__ import annotations

import hashlib
import random
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from typer.testing import CliRunner

from newsprism import Pipeline, Store
from newsprism.cli import app
from newsprism.collect import (
    CollectOptions,
    FetchOptions,
    SourceEntry,
    SourcesError,
    collect,
    collect_round,
    load_sources,
    normalize_url,
    parse_interval,
)
from newsprism.collect.fetch import Fetcher, FetchError, RobotsForbidden
from newsprism.store.collect import CollectState

N_STORIES = 240  # story-0 .. story-239; story-240 appears before the second round
WORDS = [
    "council", "minister", "river", "budget", "village", "school", "election", "farmers",
    "court", "police", "hospital", "market", "drought", "flood", "teachers", "union", "protest",
    "report", "officials", "residents", "company", "energy", "prices", "water", "road", "bridge",
    "vote", "senator", "governor", "mayor", "health", "contract", "mine", "workers", "harvest",
    "storm", "coast", "border", "trade", "talks", "plan", "law", "judge",
]  # fmt: skip


def story_html(n: int, canonical: str | None, size: int = 0) -> bytes:
    """A real-looking article page: title, byline, dated paragraphs, a canonical link."""
    rng = random.Random(n)
    paras = []
    for _ in range(rng.randint(4, 6)):
        sentences = []
        for _ in range(rng.randint(3, 4)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(9, 16))]
            sentences.append(" ".join(words).capitalize() + ".")
        paras.append(f"<p>{' '.join(sentences)}</p>")
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    padding = f"<!-- {'x' * size} -->" if size else ""
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>Story {n}: "
            f"{rng.choice(WORDS)} and {rng.choice(WORDS)}</title>{link}"
            f"<meta name='date' content='2024-05-{1 + n % 28:02d}'></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/news/'>News</a></nav><article>"
            f"<h1>Story {n}: the {rng.choice(WORDS)} and the {rng.choice(WORDS)}</h1>"
            f"<p class='byline'>By Ana Ribeiro</p>{''.join(paras)}</article>"
            f"<footer>Copyright The Test Herald</footer>{padding}</body></html>").encode()  # fmt: skip


@dataclass
class Hit:
    path: str
    status: int
    headers: dict[str, str]
    at: float


Route = Callable[["Handler"], None]


@dataclass
class Site:
    """What the test server answers: a route per path, and a log of every request."""

    routes: dict[str, Route] = field(default_factory=dict)
    log: list[Hit] = field(default_factory=list)
    base: str = ""

    def page(self, path: str, body: bytes, status: int = 200, ctype: str = "text/html",
             headers: dict[str, str] | None = None) -> None:  # fmt: skip
        def route(h: Handler) -> None:
            h.answer(status, body, {"Content-Type": ctype, **(headers or {})})

        self.routes[path] = route

    def paths(self, since: int = 0) -> list[str]:
        return [h.path for h in self.log[since:]]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: Server

    def do_GET(self) -> None:  # noqa: N802 - the http.server convention
        route = self.server.site.routes.get(urlsplit(self.path).path)
        if route is None:
            self.answer(404, b"not found", {"Content-Type": "text/plain"})
        else:
            route(self)

    def answer(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self.server.site.log.append(Hit(self.path, status, dict(self.headers), time.monotonic()))
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status != 304:
            self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True
    site: Site

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that timed out and left: not the test's concern


@pytest.fixture
def serve() -> Iterator[Callable[[Site], Site]]:
    servers: list[Server] = []

    def start(site: Site) -> Site:
        server = Server(("127.0.0.1", 0), Handler)
        server.site = site
        site.base = f"http://127.0.0.1:{server.server_address[1]}"
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        servers.append(server)
        return site

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def conditional(site: Site, path: str, make: Callable[[], bytes], ctype: str, by: str) -> None:
    """A feed or sitemap answering 304 to a matching If-None-Match / If-Modified-Since."""

    versions: dict[str, int] = {}  # each distinct body a later time stamp: never the same

    def route(h: Handler) -> None:
        body = make()
        tag = hashlib.sha1(body).hexdigest()[:12]
        stamp = f"Wed, 01 May 2024 {versions.setdefault(tag, len(versions)) % 24:02d}:00:00 GMT"
        if by == "etag":
            headers, fresh = {"ETag": f'"{tag}"'}, h.headers.get("If-None-Match") == f'"{tag}"'
        else:
            headers, fresh = {"Last-Modified": stamp}, h.headers.get("If-Modified-Since") == stamp
        h.answer(304 if fresh else 200, body, {"Content-Type": ctype, **headers})

    site.routes[path] = route


def flaky(first: int, then: bytes, headers: dict[str, str] | None = None) -> Route:
    """A first answer with status ``first``, then the page."""
    calls = {"n": 0}

    def route(h: Handler) -> None:
        calls["n"] += 1
        if calls["n"] == 1:
            h.answer(first, b"try again", {"Content-Type": "text/plain", **(headers or {})})
        else:
            h.answer(200, then, {"Content-Type": "text/html; charset=utf-8"})

    return route


def slow(h: Handler) -> None:
    time.sleep(2.5)  # past the 1 s timeout of the tests
    h.answer(200, story_html(9999, None), {"Content-Type": "text/html"})


def garbage(h: Handler) -> None:
    h.server.site.log.append(Hit(h.path, 0, dict(h.headers), time.monotonic()))
    h.close_connection = True
    h.wfile.write(b"this is not HTTP at all\r\n\r\n")


MAX_BYTES = 100_000
FAULTY = ("/broken.html", "/slow.html", "/huge.html", "/report.pdf", "/garbage.html",
          "/empty.html", "/gone.html")  # fmt: skip
TRANSIENT = ("/broken.html", "/slow.html", "/garbage.html")


def news_site(site: Site) -> dict[str, list[int]]:
    """Fill ``site`` with the generated newspaper; returns which stories each listing has."""
    b = site.base
    for n in range(N_STORIES + 1):
        canonical = f"/news/story-{n}.html" if n % 3 == 0 else f"{b}/news/story-{n}.html"
        site.page(f"/news/story-{n}.html", story_html(n, canonical))
    site.page("/amp/story-5.html", story_html(5, f"{b}/news/story-5.html"))  # an alias
    for k in range(5):
        site.page(f"/private/story-{k}.html", story_html(1000 + k, None))
    site.page("/robots.txt", b"User-agent: *\nDisallow: /private/\n", ctype="text/plain")
    listed = {"feed": list(range(80)), "news": list(range(80, 140)), "pages": list(range(140, 230))}

    def feed() -> bytes:
        items = "".join(
            f"<item><title>Story {n}</title><link>{b}/news/story-{n}.html"
            f"{'?utm_source=rss&amp;utm_medium=feed' if n < 10 else ''}</link>"
            f"<pubDate>Wed, 01 May 2024 10:00:00 GMT</pubDate></item>"
            for n in listed["feed"]
        )
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>The Test Herald'
                f"</title><link>{b}/</link>{items}</channel></rss>").encode()  # fmt: skip

    def index() -> bytes:
        return (f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/'
                f'sitemap/0.9"><sitemap><loc>{b}/sitemaps/news.xml</loc></sitemap>'
                f"<sitemap><loc>{b}/sitemaps/pages.xml</loc></sitemap></sitemapindex>").encode()  # fmt: skip

    def urlset(locs: list[str], news: bool) -> bytes:
        ns = 'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' if news else ""
        extra = ("<news:news><news:publication><news:name>Herald</news:name><news:language>en"
                 "</news:language></news:publication><news:publication_date>2024-05-02"
                 "</news:publication_date><news:title>t</news:title></news:news>") if news else ""  # fmt: skip
        urls = "".join(f"<url><loc>{loc}</loc>{extra}</url>" for loc in locs)
        return (f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/'
                f'0.9" {ns}>{urls}</urlset>').encode()  # fmt: skip

    def news() -> bytes:
        locs = [f"{b}/news/story-{n}.html" for n in listed["news"]]
        locs += [f"{b}/news/story-{n}.html?fbclid=abc&amp;gclid=x" for n in range(5)]
        locs += [f"{b}/amp/story-5.html", f"{b.upper().replace('HTTP', 'http')}/news/story-6.html"]
        return urlset(locs, news=True)

    def pages() -> bytes:
        locs = [f"{b}/news/story-{n}.html" for n in listed["pages"]]
        locs += [f"{b}/private/story-{k}.html" for k in range(5)]
        locs += [f"{b}{p}" for p in (*FAULTY, "/flaky.html", "/busy.html", "/old/moved.html")]
        return urlset(locs, news=False)

    conditional(site, "/feed.xml", feed, "application/rss+xml", "etag")
    conditional(site, "/sitemap.xml", index, "application/xml", "last-modified")
    conditional(site, "/sitemaps/news.xml", news, "application/xml", "etag")
    conditional(site, "/sitemaps/pages.xml", pages, "application/xml", "last-modified")
    site.routes["/flaky.html"] = flaky(500, story_html(2001, None))
    site.routes["/busy.html"] = flaky(429, story_html(2002, None), {"Retry-After": "0"})
    site.page("/broken.html", b"<h1>Internal error</h1>", status=500)
    site.routes["/slow.html"] = slow
    site.page("/huge.html", story_html(2003, None, size=MAX_BYTES))
    site.page("/report.pdf", b"%PDF-1.4 not a page", ctype="application/pdf")
    site.routes["/garbage.html"] = garbage
    site.page("/empty.html", b"<html><head><title>x</title></head><body></body></html>")
    site.page("/old/moved.html", b"", status=301, headers={"Location": "/old/moved2.html"})
    site.page("/old/moved2.html", b"", status=301, headers={"Location": f"{b}/news/final.html"})
    site.page("/news/final.html", story_html(2004, None))
    return listed


def options(**fetch: float) -> CollectOptions:
    settings = {"delay": 0.0, "timeout": 1.0, "retries": 2, "backoff": 0.01,
                "max_retry_after": 0.05, "max_bytes": MAX_BYTES, "concurrency": 4, **fetch}  # fmt: skip
    return CollectOptions(fetch=FetchOptions(**settings), batch_size=64)  # type: ignore[arg-type]


@pytest.fixture
def herald(serve, tmp_path):
    site = serve(Site())
    listed = news_site(site)
    b = site.base
    plain = [SourceEntry(f"{b}/news/story-{n}.html", "page" if n % 2 else None)
             for n in range(230, N_STORIES)]  # fmt: skip
    entries = [SourceEntry(f"{b}/feed.xml", "feed"), SourceEntry(f"{b}/sitemap.xml"), *plain]
    return site, listed, entries


def test_a_round_stores_every_allowed_article_once_then_only_what_changed(herald, tmp_path):
    site, listed, entries = herald
    b = site.base
    pipeline = Pipeline()
    with Store(tmp_path / "c.duckdb") as store:
        first = collect_round(entries, store, pipeline, options())
        expected = N_STORIES + 3  # flaky, busy and the redirected page
        assert (first.stored, store.count()) == (expected, expected)
        urls = [r[0] for r in store.con.execute("SELECT url FROM articles").fetchall()]
        assert len(set(urls)) == expected
        assert f"{b}/news/story-0.html" in urls and f"{b}/news/final.html" in urls
        assert not any("utm_" in u or "fbclid" in u or "/amp/" in u for u in urls)
        assert first.robots_skipped == 5
        assert not any(p.startswith("/private/") for p in site.paths())
        problems = {p["path"]: p["message"] for p in store.problems() if p["stage"] == "collect"}
        assert set(problems) == {f"{b}{p}" for p in FAULTY}
        assert "too large" in problems[f"{b}/huge.html"]
        assert "content type application/pdf" in problems[f"{b}/report.pdf"]
        assert "timed out" in problems[f"{b}/slow.html"]
        assert "HTTP 500" in problems[f"{b}/broken.html"] and "404" in problems[f"{b}/gone.html"]
        state = CollectState(store)
        moved = state.seen(f"{b}/old/moved.html")
        assert moved and moved["final_url"] == f"{b}/news/final.html"
        assert moved["status"] == "stored"
        alias = state.seen(f"{b}/amp/story-5.html")
        assert alias and alias["status"] == "duplicate"
        assert alias["canonical_url"] == f"{b}/news/story-5.html"
        assert all(h.headers["User-Agent"].startswith("newsprism/") for h in site.log)
        assert site.paths().count("/robots.txt") == 1

        # the second round: one new page in one sitemap; everything else is unchanged
        listed["pages"].append(N_STORIES)
        mark = len(site.log)
        second = collect_round(entries, store, pipeline, options())
        hits = {h.path: h.status for h in site.log[mark:]}
        assert hits["/feed.xml"] == 304 and hits["/sitemaps/news.xml"] == 304
        assert hits["/sitemap.xml"] == 304 and hits["/sitemaps/pages.xml"] == 200
        pages = {p for p in hits if p.endswith(".html") or p.endswith(".pdf")}
        assert pages == {f"/news/story-{N_STORIES}.html", *TRANSIENT}
        assert second.stored == 1 and store.count() == expected + 1
        assert second.unchanged == 3
        health = {r["url"]: r for r in state.health()}
        assert health[f"{b}/feed.xml"]["kind"] == "feed"
        assert health[f"{b}/feed.xml"]["articles"] == len(listed["feed"])
        assert health[f"{b}/sitemaps/news.xml"]["parent"] == f"{b}/sitemap.xml"
        assert health[f"{b}/news/story-230.html"]["kind"] == "page"


def test_robots_txt_that_fails_forbids_and_one_that_is_missing_allows(serve):
    down, missing = serve(Site()), serve(Site())
    for site in (down, missing):
        site.page("/a.html", story_html(1, None))
    down.page("/robots.txt", b"oops", status=503)
    with Fetcher(options().fetch) as fetcher:
        with pytest.raises(RobotsForbidden):
            fetcher.get(f"{down.base}/a.html")
        assert fetcher.get(f"{missing.base}/a.html").status == 200
    assert "/a.html" not in down.paths()


def test_retry_after_is_honoured_but_capped_and_hosts_are_rate_limited(serve):
    site = serve(Site())
    site.routes["/busy.html"] = flaky(503, story_html(1, None), {"Retry-After": "30"})
    for n in range(4):
        site.page(f"/p{n}.html", story_html(n, None))
    waits: list[float] = []
    with Fetcher(options(delay=0.1, max_retry_after=0.05).fetch) as fetcher:
        fetcher.sleep = lambda s: (waits.append(s), time.sleep(s))  # type: ignore[func-returns-value]
        assert fetcher.get(f"{site.base}/busy.html").status == 200
        assert 0.05 in waits  # Retry-After: 30, cut to max_retry_after
        for n in range(4):
            fetcher.get(f"{site.base}/p{n}.html")
    starts = [h.at for h in site.log if h.path.startswith("/p")]
    assert len(starts) == 4 and starts[-1] - starts[0] >= 0.25  # three gaps of 0.1 s


def test_a_redirect_loop_and_a_404_are_errors_not_retried(serve):
    site = serve(Site())
    site.page("/loop.html", b"", status=302, headers={"Location": "/loop.html"})
    with Fetcher(options().fetch) as fetcher:
        with pytest.raises(FetchError, match="redirects"):
            fetcher.get(f"{site.base}/loop.html")
        with pytest.raises(FetchError, match="404") as e:
            fetcher.get(f"{site.base}/nothing.html")
    assert not e.value.transient and site.paths().count("/nothing.html") == 1


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTP://Example.COM:80/a?b=2&a=1#top", "http://example.com/a?a=1&b=2"),
        ("https://example.com:443", "https://example.com/"),
        ("https://example.com:8443/x", "https://example.com:8443/x"),
        ("https://e.com/a?utm_source=x&UTM_Medium=y&fbclid=1&gclid=2&mc_cid=3&id=7", "https://e.com/a?id=7"),
        ("https://e.com/a?q=&z=1", "https://e.com/a?q=&z=1"),
        ("ftp://e.com/a", None),
        ("mailto:someone@e.com", None),
        ("https://e.com:notaport/", None),
    ],
)  # fmt: skip
def test_normalize_url(url, expected):
    assert normalize_url(url) == expected


def test_normalize_url_resolves_relative_links():
    assert normalize_url("../b.html#x", base="https://e.com/news/a/") == "https://e.com/news/b.html"


@pytest.mark.parametrize(("text", "seconds"), [("30s", 30), ("15m", 900), ("1h", 3600), ("2", 2)])
def test_parse_interval(text, seconds):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "0m", "-5m", "5 minutes"])
def test_parse_interval_refuses(text):
    with pytest.raises(ValueError):
        parse_interval(text)


def test_load_sources_text_and_opml(tmp_path):
    text = tmp_path / "sources.txt"
    text.write_text("# news\nfeed https://E.com/rss\n\nhttps://e.com/sitemap.xml\n"
                    "page https://e.com/a?utm_source=x\nhttps://e.com/a\n")  # fmt: skip
    assert load_sources(text) == [
        SourceEntry("https://e.com/rss", "feed"),
        SourceEntry("https://e.com/sitemap.xml", None),
        SourceEntry("https://e.com/a", "page"),
    ]
    opml = tmp_path / "feeds.opml"
    opml.write_text('<?xml version="1.0"?><opml version="2.0"><body><outline text="news">'
                    '<outline text="A" type="rss" xmlUrl="https://a.org/feed"/></outline>'
                    "</body></opml>")  # fmt: skip
    assert load_sources(opml) == [SourceEntry("https://a.org/feed", "feed")]
    bad = tmp_path / "bad.txt"
    bad.write_text("blog https://e.com x\n")
    with pytest.raises(SourcesError, match=r"bad.txt:1"):
        load_sources(bad)


def test_cli_collect_once_then_sources(serve, tmp_path):
    site = serve(Site())
    site.page("/a.html", story_html(1, None))
    site.page("/b.html", b"%PDF", ctype="application/pdf")
    listing = tmp_path / "sources.txt"
    listing.write_text(f"{site.base}/a.html\npage {site.base}/b.html\n")
    db = str(tmp_path / "cli.duckdb")
    runner = CliRunner()
    result = runner.invoke(app, ["collect", str(listing), "--db", db, "--once", "--delay", "0"])
    assert result.exit_code == 1, result.output  # b.html is not a page: a problem
    assert "1 stored" in result.output
    result = runner.invoke(app, ["sources", "--db", db], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    assert "a.html" in result.output and "application/pdf" in result.output
    bad = runner.invoke(app, ["collect", str(listing), "--db", db, "--every", "soon"])
    assert bad.exit_code == 2


def test_every_repeats_rounds_until_stopped(serve, tmp_path):
    site = serve(Site())
    site.page("/a.html", story_html(1, None))
    stop = threading.Event()
    rounds = []

    def report(summary):
        rounds.append(summary)
        if len(rounds) == 2:
            stop.set()

    with Store(tmp_path / "e.duckdb") as store:
        entries = [SourceEntry(f"{site.base}/a.html")]
        collect(entries, store, Pipeline(), options(), every=0.01, report=report, stop=stop)
    assert [r.stored for r in rounds] == [1, 0]
    assert site.paths().count("/a.html") == 1  # seen: not fetched again
