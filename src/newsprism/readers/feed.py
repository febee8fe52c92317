"""RSS and Atom feeds (feedparser): one article per item, its full content where given."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..records import Article, Problem, article_id
from . import Item, ReadOptions, read_limited
from .decode import ReadError, clean_text, decode, normalize_date
from .html import fragment_text

_CHAR_REF = re.compile(rb"&#(x[0-9a-f]+|[0-9]+);", re.I)


def _valid_ref(m: re.Match[bytes]) -> bytes:
    """A character reference past U+10FFFF (feedparser raises on it) becomes U+FFFD."""
    ref = m.group(1)
    code = int(ref[1:], 16) if ref[:1] in (b"x", b"X") else int(ref)
    return m.group(0) if code <= 0x10FFFF else b"&#xFFFD;"


def _date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return normalize_date(calendar.timegm(parsed))
    return normalize_date(entry.get("published") or entry.get("updated"))


def parse(stream: BinaryIO, path: str, options: ReadOptions) -> Iterator[Item]:
    import feedparser

    data = _CHAR_REF.sub(_valid_ref, read_limited(stream, options))
    try:
        parsed = feedparser.parse(data)
    except (UnicodeDecodeError, LookupError):
        # feedparser trips over a garbled encoding declaration; decoded text it parses as is
        parsed = feedparser.parse(decode(data))
    except ValueError as e:  # feedparser means never to raise; where it does, say why
        raise ReadError(f"unparseable feed: {e}") from e
    if not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise ReadError(f"no feed items found{f' ({reason})' if reason else ''}")
    site = parsed.feed.get("title")
    for n, entry in enumerate(parsed.entries, 1):
        item = f"entry {n}"
        contents = entry.get("content") or []
        html = contents[0].get("value") if contents else entry.get("summary", "")
        text = clean_text(fragment_text(html or "")).strip()
        if not text:
            yield Problem("read", "feed item has no text", path, item)
            continue
        title = entry.get("title")
        url = entry.get("link")
        author = _author(entry)
        yield Article(
            id=article_id(url, title, text),
            text=text,
            path=path,
            url=url,
            source=site,
            date=_date(entry) or options.date,
            title=title,
            byline=author or None,
            body=text,
            format="feed",
            layout="separated",
        )


def _author(entry: Any) -> str:
    """The entry's byline: its author, else the names of its authors (a damaged feed may give
    an author without a name)."""
    names = (a.get("name") for a in entry.get("authors") or [])
    return entry.get("author") or ", ".join(name for name in names if name)
