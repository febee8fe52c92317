"""Ingest: read, analyse and store a stream of inputs, in batches, resumably.

Each batch is one store transaction. Articles already in the store are skipped before they
are analysed, so a rerun after a crash only does the work that is missing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .pipeline import Pipeline
from .readers import ReadOptions, Source, read_source, sources
from .records import Article, Problem
from .store import Store


@dataclass
class IngestSummary:
    read: int = 0  # articles read
    stored: int = 0  # new articles written
    skipped: int = 0  # already in the store (or read twice in this run)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


# (source being read, bytes read of it so far, summary so far)
Progress = Callable[[Source | None, int, IngestSummary], None]


def ingest(
    paths: Iterable[str | os.PathLike[str]],
    store: Store,
    pipeline: Pipeline,
    options: ReadOptions | None = None,
    batch_size: int = 256,
    progress: Progress | None = None,
) -> IngestSummary:
    """Read every input, analyse what is new, and store it; bad items become problems."""
    options = options or ReadOptions()
    summary = IngestSummary()
    articles: list[Article] = []
    problems: list[Problem] = []

    def flush() -> None:
        ids = [a.id for a in articles]
        known = store.existing(ids)
        fresh = {a.id: a for a in articles if a.id not in known}
        analyses = [pipeline(a) for a in fresh.values()]
        summary.stored += store.write(analyses, problems)
        summary.skipped += len(articles) - len(fresh)
        summary.problems.extend(problems)
        summary.problems.extend(p for a in analyses for p in a.problems)
        articles.clear()
        problems.clear()

    for source in sources(paths):
        if isinstance(source, Problem):
            problems.append(source)
            continue
        for item in read_source(source, options):
            if isinstance(item, Article):
                summary.read += 1
                articles.append(item)
            else:
                problems.append(item)
            if len(articles) + len(problems) >= batch_size:
                flush()
                if progress:
                    progress(source, source.position(), summary)
        if progress:
            progress(source, source.size, summary)
    flush()
    if progress:
        progress(None, 0, summary)
    return summary
