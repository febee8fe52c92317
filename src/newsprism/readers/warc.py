"""WARC web archives (warcio): each HTML response record is a page, read like an HTML file."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from ..records import Problem
from . import Item, ReadOptions
from .decode import ReadError, normalize_date
from .html import extract, page_text

# What warcio raises on a record whose headers are cut or garbled, besides its own error:
# it reads a missing header as None, or a bad number with int().
_CORRUPT = (AttributeError, ValueError, IndexError, KeyError, TypeError)


def _records(stream: BinaryIO) -> Iterator[Any]:
    """The archive's records; a corrupt one ends the archive with a ReadError."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    records = iter(ArchiveIterator(stream))
    n = 0
    while True:
        try:
            record = next(records, None)
        except (ArchiveLoadFailed, *_CORRUPT) as e:
            raise ReadError(f"truncated or corrupt WARC after {n} records: {e}") from e
        if record is None:
            return
        n += 1
        yield record


def parse(stream: BinaryIO, path: str, options: ReadOptions) -> Iterator[Item]:
    n = 0
    for record in _records(stream):
        if record.rec_type != "response" or record.http_headers is None:
            continue
        ctype = record.http_headers.get_header("Content-Type") or ""
        if "html" not in ctype.lower():
            continue
        n += 1
        uri = record.rec_headers.get_header("WARC-Target-URI")
        item = f"record {n} ({uri})"
        try:
            data = record.content_stream().read(options.max_bytes + 1)
        except _CORRUPT as e:  # a garbled chunked or compressed payload
            yield Problem("read", f"corrupt WARC record: {e}", path, item)
            continue
        if getattr(record.raw_stream, "limit", 0) and len(data) <= options.max_bytes:
            # warcio hands over a cut-off record as if it were whole: its Content-Length tells
            raise ReadError(f"truncated WARC: {item} ends early")
        if len(data) > options.max_bytes:
            yield Problem(
                "read", f"too large: over the {options.max_bytes:,}-byte limit", path, item
            )
            continue
        charset = ctype.lower().partition("charset=")[2].strip(' ;"') or None
        try:
            crawl = normalize_date(record.rec_headers.get_header("WARC-Date"))
            yield extract(page_text(data, charset), path, uri, options, "warc", crawl)
        except ReadError as e:
            yield Problem("read", str(e), path, item)
