"""Settings: defaults live here, once; a TOML file overrides only the keys it sets.

``newsprism.toml`` in the working directory (or the file given by ``--config`` or
``NEWSPRISM_CONFIG``) may hold, for example::

    db = "corpus.duckdb"
    stages = ["layout"]
    batch_size = 256
    max_article_bytes = 10000000
    article_timeout_s = 30
    executor = "process"   # local | process | ray (docs/SCALE.md)
    workers = 2
    model = "news-accurate"  # the language pipeline: news (default) | news-accurate
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from .executors.base import EXECUTORS, ExecutorOptions
from .stages import DEFAULT_STAGES


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = "newsprism.duckdb"
    stages: tuple[str, ...] = DEFAULT_STAGES
    batch_size: int = 256  # articles analysed and written per store transaction
    max_article_bytes: int = 10_000_000  # larger inputs are refused with a problem
    article_timeout_s: float | None = 30.0  # a stage still running then is cut off; None: no limit
    executor: str | None = None  # local | process | ray; None: see executor_options()
    workers: int | None = None  # None: 1 for local, every core for process and ray
    model: str | None = None  # language pipeline; None: $NEWSPRISM_MODEL, else "news"

    def __post_init__(self) -> None:
        if self.executor is not None and self.executor not in EXECUTORS:
            raise ValueError(f"executor {self.executor!r}: use one of {', '.join(EXECUTORS)}")
        if self.workers is not None and self.workers < 1:
            raise ValueError(f"workers must be at least 1, not {self.workers}")
        if self.article_timeout_s is not None and self.article_timeout_s <= 0:
            raise ValueError(f"article_timeout_s must be positive, not {self.article_timeout_s}")
        if self.model is not None:
            from .models import model_path

            model_path(self.model)  # ModelNotFoundError (an OSError) names the ones there are

    def apply(self) -> None:
        """Make the settings that the stages read from the environment take effect here and in
        the workers started from here (pool processes and Ray inherit the environment)."""
        if self.model is not None:
            os.environ["NEWSPRISM_MODEL"] = self.model

    def executor_options(self) -> ExecutorOptions:
        """The executor and its workers: "process" when more than one worker is asked for,
        else "local"; the process pool and Ray use every core unless told otherwise."""
        kind = self.executor or ("process" if (self.workers or 1) > 1 else "local")
        workers = self.workers or (1 if kind == "local" else os.cpu_count() or 1)
        return ExecutorOptions(kind, workers)


def load_settings(path: str | os.PathLike[str] | None = None) -> Settings:
    """Defaults, overridden by the TOML file at ``path`` (or the usual places) if there is one."""
    candidate = path or os.environ.get("NEWSPRISM_CONFIG") or "newsprism.toml"
    file = Path(candidate)
    if not file.exists():
        if path:
            raise FileNotFoundError(f"config file not found: {file}")
        return Settings()
    data = tomllib.loads(file.read_text(encoding="utf-8"))
    known = {f.name for f in fields(Settings)}
    unknown = set(data) - known
    if unknown:
        raise ValueError(f"{file}: unknown settings {', '.join(sorted(unknown))}; "
                         f"known: {', '.join(sorted(known))}")  # fmt: skip
    if "stages" in data:
        data["stages"] = tuple(data["stages"])
    return Settings(**data)
