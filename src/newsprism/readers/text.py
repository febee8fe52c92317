"""Plain text: one article per file, laid out later by the layout stage."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from ..records import Article, article_id
from . import Item, ReadOptions, read_limited
from .decode import ReadError, clean_text, decode


def parse(stream: BinaryIO, path: str, options: ReadOptions) -> Iterator[Item]:
    text = clean_text(decode(read_limited(stream, options))).strip()
    if not text:
        raise ReadError("no text in file")
    yield Article(
        id=article_id(None, None, text), text=text, path=path, date=options.date, format="text"
    )
