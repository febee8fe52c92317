"""Polite, robust HTTP fetching: robots.txt, a per-host rate limit, retries, size limits.

The rules, in the order a request meets them:

1. robots.txt is fetched once per host per round (a ``Fetcher`` lives for one round) and
   obeyed; one that is missing (4xx) allows everything, one that fails (5xx, no answer)
   forbids the host for the round, as the robots.txt standard (RFC 9309) asks.
2. At most ``per_host`` requests run at once against one host, and consecutive requests to
   a host start at least ``delay`` seconds apart (longer if robots.txt sets a crawl-delay).
3. 429 and 5xx answers and connection errors are retried with exponential backoff; a
   ``Retry-After`` header is honoured up to ``max_retry_after`` seconds.
4. Redirects are followed hop by hop (each hop meets rules 1 and 2) and recorded.
5. The body is streamed and abandoned past ``max_bytes``; pages must be HTML.
"""

from __future__ import annotations

import email.utils
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from .. import __version__
from .urls import host_of

USER_AGENT = f"newsprism/{__version__} (+https://github.com/newsprism/newsprism)"
ROBOTS_AGENT = "newsprism"  # the token robots.txt rules name
HTML_TYPES = ("text/html", "application/xhtml+xml")
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """How politely and how patiently to fetch; tests set the delays to about zero."""

    user_agent: str = USER_AGENT
    timeout: float = 20.0  # seconds to connect, and between bytes read
    delay: float = 1.0  # minimum seconds between the starts of two requests to one host
    concurrency: int = 8  # requests in flight in all
    per_host: int = 2  # requests in flight to one host
    retries: int = 3  # further attempts after a 429, a 5xx or a connection error
    backoff: float = 1.0  # seconds before the first retry, doubled before each next one
    max_retry_after: float = 120.0  # a longer Retry-After is cut to this
    max_redirects: int = 10
    max_bytes: int = 10_000_000  # a larger body is abandoned with a problem


@dataclass(frozen=True, slots=True)
class Validators:
    """What a conditional GET sends: the ETag and Last-Modified of the last 200 answer."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class Fetched:
    """One answered request, after redirects; ``status`` 304 means unchanged (no body)."""

    url: str  # as asked
    final_url: str  # after redirects
    status: int
    body: bytes = b""
    content_type: str = ""
    charset: str | None = None
    redirects: tuple[str, ...] = ()  # the URLs that answered with a redirect, in order
    validators: Validators = field(default_factory=Validators)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(Exception):
    """A URL that could not be fetched; ``transient`` failures are worth trying again later."""

    def __init__(self, message: str, status: int | None = None, transient: bool = False,
                 retry_after: float = 0.0):  # fmt: skip
        super().__init__(message)
        self.status = status
        self.transient = transient
        self.retry_after = retry_after  # seconds the server asked us to wait


class RobotsForbidden(Exception):
    """robots.txt forbids this URL: a counted skip, not a problem."""


class _Host:
    """Per-host politeness: a slot count, the earliest next start, and its robots.txt rules."""

    def __init__(self, per_host: int, delay: float):
        self.slots = threading.Semaphore(per_host)
        self.lock = threading.Lock()  # guards next_start
        self.robots_lock = threading.Lock()  # one robots.txt request, however many threads ask
        self.delay = delay
        self.next_start = 0.0
        self.robots: RobotFileParser | None = None

    def wait_turn(self, sleep: Callable[[float], None]) -> None:
        with self.lock:
            now = time.monotonic()
            start = max(now, self.next_start)
            self.next_start = start + self.delay
        if start > now:
            sleep(start - now)


class Fetcher:
    """Fetches URLs politely for one collection round; safe to share between threads."""

    def __init__(self, options: FetchOptions, transport: httpx.BaseTransport | None = None):
        self.options = options
        self.client = httpx.Client(
            headers={"User-Agent": options.user_agent},
            timeout=httpx.Timeout(options.timeout),
            follow_redirects=False,  # followed by hand, so each hop meets robots and rate rules
            transport=transport,
        )
        self._hosts: dict[str, _Host] = {}
        self._hosts_lock = threading.Lock()
        self.sleep: Callable[[float], None] = time.sleep

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(
        self, url: str, validators: Validators | None = None, html_only: bool = False
    ) -> Fetched:
        """GET a URL politely; raises FetchError (after retries) or RobotsForbidden."""
        redirects: list[str] = []
        current = url
        for _ in range(self.options.max_redirects + 1):
            if not self.allowed(current):
                raise RobotsForbidden(current)
            fetched = self._get_with_retries(current, validators, html_only)
            if isinstance(fetched, str):  # a redirect's target
                redirects.append(current)
                current = fetched
                continue
            return Fetched(fetched.url, current, fetched.status, fetched.body,
                           fetched.content_type, fetched.charset, tuple(redirects),
                           fetched.validators)  # fmt: skip
        raise FetchError(f"more than {self.options.max_redirects} redirects")

    # -- robots.txt -----------------------------------------------------------------------

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets newsprism fetch this URL (robots.txt itself always may)."""
        if urlsplit(url).path == "/robots.txt":
            return True
        host = self._host(url)
        with host.robots_lock:
            if host.robots is None:
                host.robots = self._robots(url)
                crawl_delay = host.robots.crawl_delay(ROBOTS_AGENT)
                if crawl_delay:
                    host.delay = max(host.delay, float(crawl_delay))
        return host.robots.can_fetch(ROBOTS_AGENT, url)

    def _robots(self, url: str) -> RobotFileParser:
        """This host's rules: as served; all allowed when missing; none when it fails."""
        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        parser = RobotFileParser(robots_url)
        try:
            fetched = self._get_with_retries(robots_url, None, False, gated=False)
        except FetchError as e:
            unreachable = e.status is None or e.status >= 500 or e.status == 429
            parser.parse(["User-agent: *", "Disallow: /"] if unreachable else [])
            return parser
        if isinstance(fetched, str):  # a redirected robots.txt is not followed: allow all
            parser.parse([])
        else:
            parser.parse(fetched.body.decode("utf-8", errors="replace").splitlines())
        return parser

    # -- one URL, with retries ------------------------------------------------------------

    def _host(self, url: str) -> _Host:
        key = host_of(url)
        with self._hosts_lock:
            if key not in self._hosts:
                self._hosts[key] = _Host(self.options.per_host, self.options.delay)
            return self._hosts[key]

    def _get_with_retries(self, url: str, validators: Validators | None, html_only: bool,
                          gated: bool = True) -> Fetched | str:  # fmt: skip
        """The answer to one URL (or the target of its redirect), retrying what is transient."""
        host = self._host(url)
        attempts = self.options.retries + 1
        for attempt in range(attempts):
            wait = self.options.backoff * 2**attempt
            try:
                with host.slots:
                    if gated:
                        host.wait_turn(self.sleep)
                    return self._get_once(url, validators, html_only)
            except FetchError as e:
                if not e.transient or attempt == attempts - 1:
                    if e.transient and attempts > 1:
                        raise FetchError(f"{e} (after {attempts} attempts)", e.status,
                                         transient=True) from e  # fmt: skip
                    raise
                wait = max(wait, e.retry_after)
            self.sleep(min(wait, self.options.max_retry_after))
        raise AssertionError("unreachable")

    def _get_once(self, url: str, validators: Validators | None, html_only: bool) -> Fetched | str:
        headers = {}
        if validators and validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators and validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                return self._answer(url, response, html_only)
        except httpx.TimeoutException as e:
            raise FetchError(f"timed out ({type(e).__name__})", transient=True) from e
        except httpx.TransportError as e:
            raise FetchError(f"connection failed: {type(e).__name__}: {e}", transient=True) from e

    def _answer(self, url: str, response: httpx.Response, html_only: bool) -> Fetched | str:
        status = response.status_code
        if status in (301, 302, 303, 307, 308) and "location" in response.headers:
            return urljoin(url, response.headers["location"])
        if status in _RETRY_STATUS:
            wait = _retry_after(response.headers.get("retry-after"))
            raise FetchError(f"HTTP {status}", status, transient=True, retry_after=wait)
        if status == 304:
            return Fetched(url, url, status)
        if status != 200:
            raise FetchError(f"HTTP {status}", status)
        content_type = response.headers.get("content-type", "")
        mime = content_type.split(";")[0].strip().lower()
        if html_only and mime and mime not in HTML_TYPES:
            raise FetchError(f"not an HTML page: content type {mime}", status)
        body = self._read_limited(response)
        validators = Validators(response.headers.get("etag"), response.headers.get("last-modified"))
        return Fetched(url, url, status, body, mime, response.charset_encoding, (), validators)

    def _read_limited(self, response: httpx.Response) -> bytes:
        limit = self.options.max_bytes
        too_large = FetchError(f"too large: over the {limit:,}-byte limit per article", 200)
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise too_large
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise too_large
            chunks.append(chunk)
        return b"".join(chunks)


def _retry_after(value: str | None) -> float:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return 0.0
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return 0.0
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
