"""The sources file: feeds, sitemaps and pages to collect from, one per line, or an OPML file.

A line is a URL, optionally after its kind (``feed``, ``sitemap`` or ``page``); blank lines
and lines starting with ``#`` are skipped. Without a kind, the kind is detected from the
fetched content. An OPML file (a feed reader's export) lists feeds in ``xmlUrl`` attributes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .urls import normalize_url

KINDS = ("feed", "sitemap", "page")


class SourcesError(ValueError):
    """The sources file cannot be used; the message names the file and the line."""


@dataclass(frozen=True, slots=True)
class SourceEntry:
    """One listed source; ``kind`` is None when it is to be detected from the content."""

    url: str
    kind: str | None = None


def load_sources(path: str | os.PathLike[str]) -> list[SourceEntry]:
    """The sources listed in a text or OPML file, in file order, each listed once."""
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as e:
        raise SourcesError(f"{file}: cannot read: {e.strerror or e}") from e
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    entries = _opml(data, file) if b"<opml" in head else _lines(data, file)
    unique: dict[str, SourceEntry] = {}
    for entry in entries:
        unique.setdefault(entry.url, entry)
    return list(unique.values())


def _lines(data: bytes, file: Path) -> list[SourceEntry]:
    entries = []
    for n, raw in enumerate(data.decode("utf-8-sig", errors="replace").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        words = line.split()
        kind = words[0].lower() if len(words) == 2 and words[0].lower() in KINDS else None
        if len(words) != (2 if kind else 1):
            raise SourcesError(f"{file}:{n}: expected 'URL' or 'KIND URL' (KIND: "
                               f"{', '.join(KINDS)}), got {line!r}")  # fmt: skip
        url = normalize_url(words[-1])
        if url is None:
            raise SourcesError(f"{file}:{n}: not an http(s) URL: {words[-1]!r}")
        entries.append(SourceEntry(url, kind))
    return entries


def _opml(data: bytes, file: Path) -> list[SourceEntry]:
    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as e:
        raise SourcesError(f"{file}: malformed OPML: {e}") from e
    entries = []
    for outline in root.iter("outline"):
        url = normalize_url(outline.get("xmlUrl") or "")
        if url:
            entries.append(SourceEntry(url, "feed"))
    return entries
