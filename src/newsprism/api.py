"""The library functions the CLI, the server and users call."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import lru_cache

from .pipeline import Pipeline
from .readers import Item, ReadOptions
from .readers import read as _read
from .readers.decode import clean_text, normalize_date
from .records import Analysis, Article, article_id


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    return Pipeline()


def analyze(
    text: str,
    title: str | None = None,
    date: str | None = None,
    url: str | None = None,
    source: str | None = None,
) -> Analysis:
    """Analyse one article.

    ``title=None``: ``text`` is a whole article and its layout is detected.
    ``title=""`` or a string: ``text`` is the body exactly as given; offsets index it.
    """
    if title is None:
        text = clean_text(text).strip()
        article = Article(id=article_id(url, None, text), text=text, url=url, source=source,
                          date=normalize_date(date), format="text")  # fmt: skip
    else:
        article = Article(id=article_id(url, title, text), text=text, body=text, url=url,
                          source=source, date=normalize_date(date), title=title or None,
                          format="text", layout="exact")  # fmt: skip
    return default_pipeline()(article)


def read(
    paths: Iterable[str | os.PathLike[str]], options: ReadOptions | None = None
) -> Iterator[Item]:
    """Articles (and Problems) from files, directories, ``.gz`` files or ``-``."""
    return _read(paths, options)
