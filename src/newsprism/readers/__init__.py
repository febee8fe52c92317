"""Readers turn files into Articles: plain text, JSON Lines, HTML, RSS/Atom feeds and WARC.

``read(paths)`` walks files and directories, opens ``.gz`` transparently, detects each
file's format from its name and its first bytes, and yields ``Article`` records. An item
that cannot be read becomes a ``Problem`` in the same stream, so one bad file or line
never stops a batch.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from ..records import Article, Problem
from .decode import ReadError

FORMATS = ("text", "html", "jsonl", "feed", "warc")
_EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "jsonl", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".rss": "feed", ".atom": "feed", ".rdf": "feed",
    ".warc": "warc", ".arc": "warc",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read inputs; one object instead of keyword arguments passed down every reader."""

    format: str | None = None  # force a format instead of detecting it
    date: str | None = None  # publication date where the input carries none
    field_map: dict[str, str] = field(default_factory=dict)  # JSON: our name -> their key
    max_bytes: int = 10_000_000  # one article larger than this is refused with a problem


Item = Article | Problem
Parser = Callable[[BinaryIO, str, ReadOptions], Iterator[Item]]


@dataclass
class Source:
    """One input file (or standard input), opened lazily; ``position`` drives progress bars."""

    path: str
    size: int = 0
    _raw: BinaryIO | None = None

    def open(self) -> BinaryIO:
        if self.path == "-":
            self._raw = sys.stdin.buffer
            stream: BinaryIO = self._raw
        else:
            self._raw = open(self.path, "rb")  # noqa: SIM115 - closed by close()
            stream = self._raw
        if self.path.endswith((".warc.gz", ".arc.gz")):
            return stream  # warcio reads record by record, each record its own gzip member
        if self.path.endswith((".gz", ".tgz")):
            return gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[return-value]
        return stream

    def position(self) -> int:
        try:
            return self._raw.tell() if self._raw and self._raw is not sys.stdin.buffer else 0
        except (OSError, ValueError):
            return 0

    def close(self) -> None:
        if self._raw is not None and self._raw is not sys.stdin.buffer:
            self._raw.close()


def sources(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Source | Problem]:
    """Expand files and directories (recursively, sorted, hidden names skipped) into Sources."""
    for p in paths:
        path = str(p)
        if path == "-":
            yield Source("-")
            continue
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path, onerror=None):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield from sources([os.path.join(root, name)])
            continue
        try:
            st = os.stat(path)
        except OSError as e:
            yield Problem("read", f"cannot open: {e.strerror or e}", path=path)
            continue
        if not os.path.isfile(path):
            yield Problem("read", "not a regular file", path=path)
            continue
        yield Source(path, st.st_size)


def detect_format(path: str, head: bytes) -> str:
    """The format from the file name, else from the first bytes."""
    name = path[:-3] if path.endswith(".gz") else path
    ext = _EXTENSIONS.get(Path(name).suffix.lower())
    if ext and ext != "jsonl":
        return ext
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:2048].lower()
    if start.startswith(b"warc/"):
        return "warc"
    if start[:1] in (b"{", b"["):
        return "jsonl"
    if b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start:
        return "feed"
    if start.startswith((b"<!doctype html", b"<html")) or b"<html" in start[:512]:
        return "html"
    return ext or "text"


def _parser(fmt: str) -> Parser:
    from . import feed, html, jsonl, text, warc

    parsers: dict[str, Parser] = {
        "text": text.parse,
        "html": html.parse,
        "jsonl": jsonl.parse,
        "feed": feed.parse,
        "warc": warc.parse,
    }
    return parsers[fmt]


def read_source(source: Source, options: ReadOptions) -> Iterator[Item]:
    """Yield the Articles of one source, then a Problem if it broke part-way."""
    try:
        stream = source.open()
    except OSError as e:
        yield Problem("read", f"cannot open: {e.strerror or e}", path=source.path)
        return
    try:
        buffered: Any = stream if hasattr(stream, "peek") else io.BufferedReader(stream)  # type: ignore[type-var]
        head = buffered.peek(4096)[:4096]
        if not head:
            yield Problem("read", "empty file", path=source.path)
            return
        fmt = options.format or detect_format(source.path, head)
        yield from _parser(fmt)(buffered, source.path, options)
    except (EOFError, zlib.error, gzip.BadGzipFile) as e:
        yield Problem("read", f"truncated or corrupt compressed file: {e}", path=source.path)
    except ReadError as e:
        yield Problem("read", str(e), path=source.path)
    except OSError as e:
        yield Problem("read", f"read failed: {e.strerror or e}", path=source.path)
    finally:
        source.close()


def read(
    paths: Iterable[str | os.PathLike[str]], options: ReadOptions | None = None
) -> Iterator[Item]:
    """Every Article (and every Problem) in the given files, directories or ``-``."""
    options = options or ReadOptions()
    for source in sources(paths):
        if isinstance(source, Problem):
            yield source
        else:
            yield from read_source(source, options)


def read_limited(stream: BinaryIO, options: ReadOptions) -> bytes:
    """The whole stream, refused when it is over the size limit (a 50 MB page is no article)."""
    data = stream.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        raise ReadError(f"too large: over the {options.max_bytes:,}-byte limit per article")
    return data


__all__ = [
    "FORMATS",
    "Item",
    "ReadOptions",
    "Source",
    "detect_format",
    "read",
    "read_source",
    "sources",
]
