"""Discovery: which article URLs a feed or a sitemap lists, and what kind a fetched source is.

Sitemaps are read with lxml by local element name, so the namespaces of ordinary sitemaps,
news sitemaps (``news:publication_date``) and sitemap indexes need no special cases; a
gzipped sitemap is unpacked first. A date found next to a link is kept as a fallback for
pages that carry none.
"""

from __future__ import annotations

import calendar
import gzip
import zlib
from dataclasses import dataclass

from lxml import etree

from ..readers.decode import ReadError, normalize_date


@dataclass(frozen=True, slots=True)
class Link:
    """An article URL found in a feed or a sitemap, with the date listed beside it."""

    url: str
    date: str | None = None  # YYYY-MM-DD


@dataclass(frozen=True, slots=True)
class Listing:
    """What one feed or sitemap lists: article links, and (for an index) more sitemaps."""

    links: tuple[Link, ...] = ()
    sitemaps: tuple[str, ...] = ()


def detect_kind(body: bytes) -> str:
    """``feed``, ``sitemap`` or ``page``, from the first bytes of a fetched source."""
    head = _unzip(body)[:4096].lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        return "sitemap"
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return "feed"
    return "page"


def read_feed(body: bytes) -> Listing:
    """The item links of an RSS or Atom feed."""
    import feedparser

    parsed = feedparser.parse(body)
    if not parsed.entries and parsed.get("bozo"):
        raise ReadError(f"malformed feed: {parsed.get('bozo_exception')}")
    links = []
    for entry in parsed.entries:
        url = entry.get("link")
        if not url:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        date = normalize_date(calendar.timegm(stamp)) if stamp else None
        links.append(Link(str(url), date))
    return Listing(links=tuple(links))


def read_sitemap(body: bytes) -> Listing:
    """The page links of a sitemap (news sitemaps included) or the sitemaps of an index."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(_unzip(body), parser)
    except etree.XMLSyntaxError as e:
        raise ReadError(f"malformed sitemap: {e}") from e
    if root is None:
        raise ReadError("empty sitemap")
    kind = etree.QName(root).localname
    if kind == "sitemapindex":
        locs = [_child_text(node, "loc") for node in _children(root, "sitemap")]
        return Listing(sitemaps=tuple(loc for loc in locs if loc))
    if kind != "urlset":
        raise ReadError(f"not a sitemap: the root element is <{kind}>")
    links = []
    for node in _children(root, "url"):
        loc = _child_text(node, "loc")
        if not loc:
            continue
        published = node.xpath(".//*[local-name()='publication_date']/text()")
        lastmod = _child_text(node, "lastmod")
        date = normalize_date(str(published[0]).strip() if published else lastmod)
        links.append(Link(loc, date))
    return Listing(links=tuple(links))


def _unzip(body: bytes) -> bytes:
    if not body.startswith(b"\x1f\x8b"):
        return body
    try:
        return gzip.decompress(body)
    except (EOFError, OSError, zlib.error) as e:
        raise ReadError(f"corrupt gzip: {e}") from e


def _children(node: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in node if isinstance(c.tag, str) and etree.QName(c).localname == name]


def _child_text(node: etree._Element, name: str) -> str | None:
    for child in _children(node, name):
        if child.text and child.text.strip():
            return child.text.strip()
    return None
