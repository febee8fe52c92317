"""The Ray Data executor, for corpora that outgrow one machine.

1. The reader side (this process) cuts the input into shards, one per batch, and skips
   shards a killed run already analysed (their completion marker is there).
2. Ray Data hands the pending shards to a pool of actors; each builds its pipeline once,
   analyses a shard and writes the results as a Parquet shard, then its marker.
3. As shards finish, this process loads them into DuckDB, the single writer, and removes
   them. A run killed at any point resumes: loaded articles are skipped by id, analysed
   shards are loaded without being analysed again.

Ray is imported only here, and only when used; without it the error names the extra.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..records import Article
from .base import Batch, PipelineSpec, share_cores
from .shards import Shards

OBJECT_STORE_BYTES = 256 * 2**20  # shards travel as file names; the object store stays small


def _ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError as e:
        raise ImportError("the ray executor needs Ray Data: pip install 'newsprism[ray]'") from e
    return ray


class _ShardWorker:
    """A Ray actor: builds the pipeline once, then analyses shard after shard."""

    def __init__(self, spec: PipelineSpec, root: str):
        share_cores(1)  # each actor holds one CPU (num_cpus=1)
        self.pipeline = spec.build()
        self.shards = Shards(root)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        keys = [str(k) for k in batch["shard"]]
        for key in keys:
            start = time.perf_counter()
            articles: list[Article] = self.shards.read(self.shards.input(key))
            analyses = [self.pipeline(a) for a in articles]
            self.shards.write(self.shards.output(key), analyses)
            seconds = time.perf_counter() - start
            self.shards.mark_done(key, {"articles": len(analyses), "seconds": seconds})
        return {"shard": keys}


class RayExecutor:
    def __init__(self, spec: PipelineSpec, workers: int, shard_dir: str | os.PathLike[str]):
        self.spec = spec
        self.workers = workers
        self.shards = Shards(shard_dir)
        self._started = False

    def __enter__(self) -> RayExecutor:
        ray = _ray()
        if not ray.is_initialized():
            if os.environ.get("RAY_ADDRESS"):  # a cluster to join: it has its own resources
                ray.init(log_to_driver=False)
            else:
                ray.init(num_cpus=self.workers, include_dashboard=False, log_to_driver=False,
                         object_store_memory=OBJECT_STORE_BYTES, logging_level=logging.WARNING)  # fmt: skip
            self._started = True
        logging.getLogger("ray.data").setLevel(logging.ERROR)  # lines per dataset otherwise
        ray.data.DataContext.get_current().enable_progress_bars = False
        return self

    def __exit__(self, *exc: object) -> None:
        if self._started:
            _ray().shutdown()
            self._started = False
        with contextlib.suppress(OSError):  # nothing left to resume: no empty folder either
            self.shards.root.rmdir()

    def analyse(self, batches: Iterable[Batch]) -> Iterator[Batch]:
        todo: list[str] = []
        finished: list[str] = []
        for batch in batches:
            if batch.problems or not batch.articles:  # read problems are stored right away
                yield Batch([], batch.problems, batch.key, batch.source, batch.position)
            if not batch.articles:
                continue
            key = f"{batch.key}-{self.spec.fingerprint}"
            if self.shards.is_done(key):
                finished.append(key)  # analysed by a run that died before storing it
            else:
                self.shards.write(self.shards.input(key), batch.articles)
                todo.append(key)
        for key in finished:
            yield from self._load(key)
        if todo:
            for row in self._dataset(todo).iter_rows():
                yield from self._load(row["shard"])

    def _dataset(self, keys: list[str]) -> Any:
        ray = _ray()
        shards = ray.data.from_items([{"shard": k} for k in keys], override_num_blocks=len(keys))
        return shards.map_batches(
            _ShardWorker,
            fn_constructor_args=(self.spec, str(self.shards.root)),
            batch_size=1,
            num_cpus=1,
            compute=ray.data.ActorPoolStrategy(size=min(self.workers, len(keys))),
        )

    def _load(self, key: str) -> Iterator[Batch]:
        analyses = self.shards.read(self.shards.output(key))
        yield Batch([a.article for a in analyses], [], key, analyses=analyses)
        self.shards.remove(key)  # resumed after the store has written the batch


def default_shard_dir(db_path: str) -> Path:
    return Path(f"{db_path}.shards")
