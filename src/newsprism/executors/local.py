"""The in-process executor: the pipeline runs in this process, one article after another."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..pipeline import Pipeline
from .base import Batch


class LocalExecutor:
    def __init__(self, pipeline: Pipeline):
        self.pipeline = pipeline

    def analyse(self, batches: Iterable[Batch]) -> Iterator[Batch]:
        for batch in batches:
            batch.analyses = [self.pipeline(a) for a in batch.articles]
            yield batch

    def __enter__(self) -> LocalExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        pass
