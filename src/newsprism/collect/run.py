"""A collection round, and the loop that repeats it.

A round (``collect_round``):

1. fetches each listed feed and sitemap with a conditional GET (a 304 means nothing new),
   follows sitemap indexes to their sitemaps, and detects the kind of unlabelled sources;
2. normalises every discovered URL and keeps those the store has not seen (a URL whose
   fetch failed transiently is tried again, up to ``max_attempts`` rounds);
3. fetches those pages politely (``fetch.Fetcher``), a batch at a time on a thread pool;
4. extracts each page with the HTML reader, keyed by its canonical URL so that one article
   reached by two links is stored once, runs the pipeline and stores the batch;
5. remembers what became of every URL and every source, for the next round and for
   ``newsprism sources``.

Every failure is a ``Problem(stage="collect")`` stored in the problems table; a URL that
robots.txt forbids is counted and skipped.
"""

from __future__ import annotations

import re
import signal
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType

from ..pipeline import Pipeline
from ..readers import ReadOptions
from ..readers.decode import ReadError
from ..readers.html import extract, page_text
from ..records import Article, Problem
from ..store import Store
from ..store.collect import CollectState, SeenUrl, SourceFetch
from .discover import Listing, detect_kind, read_feed, read_sitemap
from .fetch import (
    HTML_TYPES,
    Fetched,
    Fetcher,
    FetchError,
    FetchOptions,
    RobotsForbidden,
    Validators,
)
from .sources import SourceEntry
from .urls import canonical_link, normalize_url


@dataclass(frozen=True, slots=True)
class CollectOptions:
    """How to collect: fetching rules, batch size and how long to keep trying a URL."""

    fetch: FetchOptions = field(default_factory=FetchOptions)
    batch_size: int = 64  # pages fetched, analysed and stored per store transaction
    max_attempts: int = 3  # rounds in which a transiently failing URL is tried
    max_sitemap_depth: int = 3  # sitemap indexes nested deeper than this are not followed


@dataclass
class RoundSummary:
    """What one round did."""

    sources: int = 0  # listed sources
    unchanged: int = 0  # feeds and sitemaps that answered 304 Not Modified
    discovered: int = 0  # new URLs to fetch
    fetched: int = 0  # pages fetched
    stored: int = 0  # new articles stored
    duplicates: int = 0  # pages whose canonical article was already stored
    robots_skipped: int = 0  # URLs robots.txt forbids
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Candidate:
    """An article URL to fetch: normalised, with the source that listed it."""

    url: str
    source: str
    date: str | None = None  # the date the feed or sitemap lists, a fallback for the page's
    prefetched: Fetched | None = None  # an unlabelled source that turned out to be a page


def collect_round(
    entries: Sequence[SourceEntry],
    store: Store,
    pipeline: Pipeline,
    options: CollectOptions | None = None,
    stop: threading.Event | None = None,
) -> RoundSummary:
    """Discover, fetch, analyse and store what is new in the sources (see the module doc)."""
    options = options or CollectOptions()
    with Fetcher(options.fetch) as fetcher:
        return _Round(store, pipeline, options, fetcher).run(entries, stop or threading.Event())


def collect(
    entries: Sequence[SourceEntry],
    store: Store,
    pipeline: Pipeline,
    options: CollectOptions | None = None,
    every: float | None = None,
    report: Callable[[RoundSummary], None] | None = None,
    stop: threading.Event | None = None,
) -> RoundSummary:
    """One round, or (with ``every`` seconds) rounds until ``stop`` is set; the last summary."""
    stop = stop or threading.Event()
    while True:
        summary = collect_round(entries, store, pipeline, options, stop)
        if report:
            report(summary)
        if every is None or stop.wait(every):
            return summary


@contextmanager
def stop_on_interrupt() -> Iterator[threading.Event]:
    """An Event that Ctrl-C sets (the round in progress ends after its batch); twice aborts."""
    stop = threading.Event()
    previous = signal.getsignal(signal.SIGINT)

    def handler(signum: int, frame: FrameType | None) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    signal.signal(signal.SIGINT, handler)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)


_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.I)
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """Seconds in an interval such as ``30s``, ``15m``, ``1h`` or ``1d`` (bare numbers: s)."""
    match = _INTERVAL.match(text)
    if not match or float(match.group(1)) <= 0:
        raise ValueError(f"{text!r} is not an interval such as 30s, 15m, 1h")
    return float(match.group(1)) * _UNIT_SECONDS[match.group(2).lower()]


class _Round:
    """The state of one round: the store, the fetcher, and the summary being counted."""

    def __init__(self, store: Store, pipeline: Pipeline, options: CollectOptions,
                 fetcher: Fetcher):  # fmt: skip
        self.store = store
        self.state = CollectState(store)
        self.pipeline = pipeline
        self.options = options
        self.fetcher = fetcher
        self.read_options = ReadOptions(max_bytes=options.fetch.max_bytes)
        self.summary = RoundSummary()

    def run(self, entries: Sequence[SourceEntry], stop: threading.Event) -> RoundSummary:
        self.summary.sources = len(entries)
        found: dict[str, _Candidate] = {}
        for entry in entries:
            for candidate in self._discover(entry, parent=None, depth=0):
                found.setdefault(candidate.url, candidate)
        fresh = self.state.unseen(list(found), self.options.max_attempts)
        todo = [c for url, c in found.items() if url in fresh]
        self.summary.discovered = len(todo)
        size = self.options.batch_size
        with ThreadPoolExecutor(max_workers=self.options.fetch.concurrency) as pool:
            for start in range(0, len(todo), size):
                if stop.is_set():
                    break
                batch = todo[start : start + size]
                self._store(batch, list(pool.map(self._fetch_page, batch)))
        return self.summary

    # -- discovery ------------------------------------------------------------------------

    def _discover(self, entry: SourceEntry, parent: str | None, depth: int) -> list[_Candidate]:
        """The article URLs a source lists now (none when it answers 304 or fails)."""
        known = self.state.source(entry.url)
        kind = entry.kind or (known.kind if known else None)
        if kind == "page":
            return [_Candidate(entry.url, entry.url)]
        validators = Validators(known.etag, known.last_modified) if known else None
        try:
            fetched = self.fetcher.get(entry.url, validators)
        except RobotsForbidden:
            self.summary.robots_skipped += 1
            self.state.record_fetch(SourceFetch(entry.url, kind, parent,
                                                error="forbidden by robots.txt"))  # fmt: skip
            return []
        except FetchError as e:
            self._source_failed(entry.url, kind, parent, str(e), e.status)
            return []
        if fetched.not_modified:  # nothing new here, but an index's sitemaps may have changed
            self.summary.unchanged += 1
            self.state.record_fetch(SourceFetch(entry.url, kind, parent, 304))
            return self._follow(self.state.children(entry.url), entry.url, depth)
        kind = kind or detect_kind(fetched.body)
        if kind == "page":  # an unlabelled page: already fetched, so hand it on
            return [_Candidate(entry.url, entry.url, prefetched=fetched)]
        try:
            listing: Listing = (
                read_feed(fetched.body) if kind == "feed" else read_sitemap(fetched.body)
            )
        except ReadError as e:
            self._source_failed(entry.url, kind, parent, str(e), fetched.status)
            return []
        v = fetched.validators
        self.state.record_fetch(SourceFetch(entry.url, kind, parent, fetched.status, v.etag,
                                            v.last_modified))  # fmt: skip
        found = []
        for link in listing.links:
            url = normalize_url(link.url, base=fetched.final_url)
            if url:
                found.append(_Candidate(url, entry.url, link.date))
        children = (normalize_url(child, base=fetched.final_url) for child in listing.sitemaps)
        found.extend(self._follow([c for c in children if c], entry.url, depth))
        return found

    def _follow(self, sitemaps: list[str], parent: str, depth: int) -> list[_Candidate]:
        """The article URLs of the sitemaps an index lists, down to ``max_sitemap_depth``."""
        if depth >= self.options.max_sitemap_depth:
            return []
        found = []
        for url in sitemaps:
            found.extend(self._discover(SourceEntry(url, "sitemap"), parent, depth + 1))
        return found

    def _source_failed(self, url: str, kind: str | None, parent: str | None, message: str,
                       status: int | None) -> None:  # fmt: skip
        self.summary.problems.append(Problem("collect", message, path=url))
        self.state.record_fetch(SourceFetch(url, kind, parent, status, error=message))

    # -- pages ----------------------------------------------------------------------------

    def _fetch_page(self, candidate: _Candidate) -> Fetched | FetchError | RobotsForbidden:
        """Runs on the pool: the page, or the reason it could not be had."""
        if candidate.prefetched is not None:
            return candidate.prefetched
        try:
            return self.fetcher.get(candidate.url, html_only=True)
        except (FetchError, RobotsForbidden) as e:
            return e

    def _store(self, batch: list[_Candidate],
               results: list[Fetched | FetchError | RobotsForbidden]) -> None:  # fmt: skip
        """Extract, analyse and store one batch of fetched pages; record every outcome."""
        seen: list[SeenUrl] = []
        problems: list[Problem] = []
        pages: dict[str, tuple[Article, _Candidate, Fetched]] = {}  # by canonical URL
        for candidate, result in zip(batch, results, strict=True):
            if isinstance(result, RobotsForbidden):
                self.summary.robots_skipped += 1
                continue
            if isinstance(result, FetchError):
                status = "retry" if result.transient else "failed"
                problems.append(Problem("collect", str(result), path=candidate.url))
                seen.append(SeenUrl(candidate.url, candidate.source, status))
                self._page_source(candidate, result.status, str(result))
                continue
            self.summary.fetched += 1
            final = normalize_url(result.final_url) or candidate.url
            try:
                article = self._article(result, candidate)
            except ReadError as e:
                problems.append(Problem("collect", str(e), path=candidate.url))
                seen.append(SeenUrl(candidate.url, candidate.source, "failed", final_url=final))
                self._page_source(candidate, result.status, str(e))
                continue
            self._page_source(candidate, result.status, None)
            key = article.url or final
            if key in pages:  # two links to one article in this batch
                self.summary.duplicates += 1
                seen.append(SeenUrl(candidate.url, candidate.source, "duplicate", key, final,
                                    article.id))  # fmt: skip
                continue
            pages[key] = (article, candidate, result)
        already = self.state.stored_canonicals(list(pages))
        already_ids = self.store.existing([a.id for a, _, _ in pages.values()])
        fresh = []
        per_source: Counter[str] = Counter()
        for key, (article, candidate, result) in pages.items():
            final = normalize_url(result.final_url) or candidate.url
            if key in already or article.id in already_ids:
                self.summary.duplicates += 1
                status = "duplicate"
            else:
                fresh.append(article)
                per_source[candidate.source] += 1
                status = "stored"
            seen.append(SeenUrl(candidate.url, candidate.source, status, key, final, article.id))
        self.summary.stored += self.store.write([self.pipeline(a) for a in fresh], problems)
        self.summary.problems.extend(problems)
        self.state.mark_seen(seen)
        self.state.add_articles(per_source)

    def _article(self, fetched: Fetched, candidate: _Candidate) -> Article:
        """The page as an Article whose URL (and so id) is its canonical URL."""
        if fetched.content_type and fetched.content_type not in HTML_TYPES:
            raise ReadError(f"not an HTML page: content type {fetched.content_type}")
        if len(fetched.body) > self.read_options.max_bytes:
            raise ReadError(f"too large: over the {self.read_options.max_bytes:,}-byte limit")
        html = page_text(fetched.body, fetched.charset)
        final = normalize_url(fetched.final_url) or candidate.url
        url = canonical_link(html, fetched.final_url) or final
        return extract(html, url, url, self.read_options, fmt="html", crawl_date=candidate.date)

    def _page_source(self, candidate: _Candidate, status: int | None, error: str | None) -> None:
        """A listed page is its own source: keep its health like a feed's."""
        if candidate.url == candidate.source:
            self.state.record_fetch(SourceFetch(candidate.url, "page", None, status, error=error))
