"""What every executor shares: the batch that travels, the pipeline recipe, the options.

An executor takes batches of Articles and gives each back with its Analyses; it never reads
inputs or writes the store (``ingest`` does both, in one process: DuckDB has one writer).
Stages never import this package: logic does not know how it is scaled.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from ..pipeline import Pipeline
from ..records import Analysis, Article, Problem
from ..stages import DEFAULT_STAGES, REGISTRY, Stage

if TYPE_CHECKING:
    from ..readers import Source

EXECUTORS = ("local", "process", "ray")


@dataclass(frozen=True, slots=True)
class ExecutorOptions:
    """Which executor runs the pipeline and how; ``Settings.executor_options()`` fills it."""

    kind: str = "local"  # local | process | ray
    workers: int = 1
    in_flight: int | None = None  # batches being analysed at once; None: two per worker
    shard_dir: str | None = None  # ray: shards and completion markers; None: beside the store


@dataclass(frozen=True, slots=True)
class PipelineSpec:
    """How to build a Pipeline: what a worker receives instead of a built one.

    Workers build their own pipeline once, so models load once per worker and are never
    pickled. Registered stages travel by name (built with their defaults); other stage
    objects travel as themselves, so they must be picklable.
    """

    stages: tuple[str | Stage, ...] = DEFAULT_STAGES
    strict: bool = False
    timeout_s: float | None = None

    @classmethod
    def of(cls, pipeline: Pipeline) -> PipelineSpec:
        stages = tuple(s.name if type(s) is REGISTRY.get(s.name) else s for s in pipeline.stages)
        return cls(stages, pipeline.strict, pipeline.timeout_s)

    def build(self) -> Pipeline:
        return Pipeline(self.stages, self.strict, self.timeout_s)

    @property
    def fingerprint(self) -> str:
        """Stage names and versions: results made by another pipeline are not reused."""
        names = [_stage_name(s) for s in self.stages]
        return hashlib.sha256(" ".join(names).encode()).hexdigest()[:12]


def share_cores(threads: int) -> None:
    """Cap this worker's math threads (OpenBLAS, OpenMP, torch) at its share of the cores.

    Each library starts a thread per core by default; two workers on two cores would run four
    threads that take turns. Environment variables reach libraries loaded later, threadpoolctl
    the ones already loaded.
    """
    from threadpoolctl import threadpool_limits

    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(threads)
    threadpool_limits(threads)
    if "torch" in sys.modules:
        sys.modules["torch"].set_num_threads(threads)


def _stage_name(stage: str | Stage) -> str:
    if isinstance(stage, str):
        return f"{stage}@{getattr(REGISTRY[stage], 'version', '?')}"
    return f"{stage.name}@{stage.version}"


@dataclass
class Batch:
    """Articles read together and written together, in one store transaction."""

    articles: list[Article]  # to analyse: not stored yet, and each once
    problems: list[Problem]  # problems met while reading; stored with the batch
    key: str = ""  # a hash of every article id read into the batch: stable across reruns
    source: Source | None = None  # for progress: the source being read, and how far
    position: int = 0
    analyses: list[Analysis] = field(default_factory=list)


def batch_key(ids: Sequence[str]) -> str:
    return hashlib.sha256("\n".join(ids).encode()).hexdigest()[:24]


class Executor(Protocol):
    """Runs a pipeline over batches; a context manager that owns its workers."""

    def analyse(self, batches: Iterable[Batch]) -> Iterator[Batch]:
        """Each batch back with ``analyses`` filled in.

        A batch is written after it is yielded, and the generator resumes only once that
        write is done: an executor may clean up a batch's leftovers (shards) then.
        """
        ...

    def __enter__(self) -> Executor: ...

    def __exit__(self, *exc: object) -> None: ...
