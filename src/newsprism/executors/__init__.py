"""Executors run one Pipeline over batches of articles: in this process, in a local process
pool, or on Ray Data. ``ingest`` reads and writes; the executor only analyses.

``create`` picks one from ``ExecutorOptions``; see docs/SCALE.md for when to use which.
"""

from __future__ import annotations

from ..pipeline import Pipeline
from .base import EXECUTORS, Batch, Executor, ExecutorOptions, PipelineSpec, batch_key
from .local import LocalExecutor
from .process import ProcessExecutor


def create(
    pipeline: Pipeline | PipelineSpec,
    options: ExecutorOptions,
    store_path: str = "newsprism.duckdb",
) -> Executor:
    """The executor ``options`` names, running ``pipeline`` (built here only when local).

    ``store_path`` places the Ray executor's shards beside the store unless
    ``options.shard_dir`` says where.
    """
    if options.kind not in EXECUTORS:
        raise ValueError(f"executor {options.kind!r}: use one of {', '.join(EXECUTORS)}")
    if options.kind == "local":
        return LocalExecutor(pipeline if isinstance(pipeline, Pipeline) else pipeline.build())
    spec = pipeline if isinstance(pipeline, PipelineSpec) else PipelineSpec.of(pipeline)
    if options.kind == "process":
        return ProcessExecutor(spec, options.workers, options.in_flight)
    from .ray import RayExecutor, default_shard_dir  # Ray itself is imported when started

    return RayExecutor(spec, options.workers, options.shard_dir or default_shard_dir(store_path))


__all__ = [
    "EXECUTORS",
    "Batch",
    "Executor",
    "ExecutorOptions",
    "LocalExecutor",
    "PipelineSpec",
    "ProcessExecutor",
    "batch_key",
    "create",
]
