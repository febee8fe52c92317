"""Ingest: read, analyse and store a stream of inputs, in batches, resumably.

This process reads the inputs and cuts them into batches; an executor analyses them (here,
in a process pool, or on Ray: ``newsprism.executors``); this process writes each batch as
one store transaction, so the store has a single writer. Articles already in the store are
skipped before they are analysed, so a rerun after a crash only does the work that is
missing, and the store's keyed writes make every article stored exactly once.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from . import executors
from .executors import Batch, ExecutorOptions, PipelineSpec, batch_key
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
    pipeline: Pipeline | PipelineSpec,
    options: ReadOptions | None = None,
    batch_size: int = 256,
    progress: Progress | None = None,
    executor: ExecutorOptions | None = None,
) -> IngestSummary:
    """Read every input, analyse what is new, and store it; bad items become problems.

    ``executor`` says where the pipeline runs (default: in this process). Give a
    ``PipelineSpec`` rather than a built Pipeline when workers build their own, so that
    models are not also loaded here.
    """
    options = options or ReadOptions()
    summary = IngestSummary()
    batches = _batches(paths, store, options, batch_size, _Reading(summary, progress))
    with executors.create(pipeline, executor or ExecutorOptions(), store.path) as runner:
        for batch in runner.analyse(batches):
            summary.stored += store.write(batch.analyses, batch.problems)
            summary.problems.extend(batch.problems)
            summary.problems.extend(p for a in batch.analyses for p in a.problems)
            summary.skipped = summary.read - summary.stored
            if progress and batch.source:
                progress(batch.source, batch.position, summary)
    summary.skipped = summary.read - summary.stored
    if progress:
        progress(None, 0, summary)
    return summary


@dataclass
class _Reading:
    """What the reading side reports into while batches are cut."""

    summary: IngestSummary
    progress: Progress | None


def _batches(
    paths: Iterable[str | os.PathLike[str]],
    store: Store,
    options: ReadOptions,
    batch_size: int,
    reading: _Reading,
) -> Iterator[Batch]:
    """The inputs as batches of ``batch_size`` items, stored articles already left out."""
    articles: list[Article] = []
    problems: list[Problem] = []

    def cut(source: Source | None) -> Batch:
        ids = [a.id for a in articles]
        known = store.existing(ids)
        fresh = {a.id: a for a in articles if a.id not in known}  # each id once
        position = source.position() if source else 0
        batch = Batch(list(fresh.values()), list(problems), batch_key(ids), source, position)
        articles.clear()
        problems.clear()
        return batch

    for source in sources(paths):
        if isinstance(source, Problem):
            problems.append(source)
            continue
        for item in read_source(source, options):
            if isinstance(item, Article):
                reading.summary.read += 1
                articles.append(item)
            else:
                problems.append(item)
            if len(articles) + len(problems) >= batch_size:
                yield cut(source)
        if reading.progress:
            reading.progress(source, source.size, reading.summary)
    if articles or problems:
        yield cut(None)
