"""The process-pool executor: whole batches of articles analysed in worker processes.

Workers are spawned (no inherited DuckDB handles or threads), build their pipeline once in
an initializer, receive Article batches and return plain Analysis records: moving spaCy Docs
between processes costs more than making them. At most ``in_flight`` batches are out at a
time, so memory stays bounded however large the input; batches come back in input order, so
a run stores the same rows as the in-process executor.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from ..pipeline import Pipeline
from ..records import Analysis, Article
from .base import Batch, PipelineSpec, share_cores

_pipeline: Pipeline | None = None  # one per worker process, built by _start


def _start(spec: PipelineSpec, threads: int) -> None:
    global _pipeline
    share_cores(threads)
    _pipeline = spec.build()
    parent = os.getppid()
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()


def _exit_with(parent: int) -> None:
    """A worker whose parent died (``kill -9``) would wait for work forever: end it."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def _analyse(articles: list[Article]) -> list[Analysis]:
    assert _pipeline is not None, "worker started without its pipeline"
    return [_pipeline(a) for a in articles]


class ProcessExecutor:
    def __init__(self, spec: PipelineSpec, workers: int, in_flight: int | None = None):
        self.spec = spec
        self.workers = workers
        self.in_flight = in_flight or 2 * workers
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> ProcessExecutor:
        self._pool = ProcessPoolExecutor(
            self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start,
            initargs=(self.spec, max(1, (os.cpu_count() or 1) // self.workers)),
        )
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def analyse(self, batches: Iterable[Batch]) -> Iterator[Batch]:
        if self._pool is None:
            raise RuntimeError("use the executor in a with block: it owns worker processes")
        pending: deque[tuple[Batch, Future[list[Analysis]] | None]] = deque()
        for batch in batches:
            work = self._pool.submit(_analyse, batch.articles) if batch.articles else None
            pending.append((batch, work))
            while len(pending) > self.in_flight:
                yield _finish(*pending.popleft())
        while pending:
            yield _finish(*pending.popleft())


def _finish(batch: Batch, work: Future[list[Analysis]] | None) -> Batch:
    batch.analyses = work.result() if work is not None else []
    return batch
