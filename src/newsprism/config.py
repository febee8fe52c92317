"""Settings: defaults live here, once; a TOML file overrides only the keys it sets.

``newsprism.toml`` in the working directory (or the file given by ``--config`` or
``NEWSPRISM_CONFIG``) may hold, for example::

    db = "corpus.duckdb"
    stages = ["layout"]
    batch_size = 256
    max_article_bytes = 10000000
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from .stages import DEFAULT_STAGES


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = "newsprism.duckdb"
    stages: tuple[str, ...] = DEFAULT_STAGES
    batch_size: int = 256  # articles analysed and written per store transaction
    max_article_bytes: int = 10_000_000  # larger inputs are refused with a problem


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
