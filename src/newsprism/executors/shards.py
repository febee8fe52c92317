"""Shards on disk for the Ray executor: input batches, analysed results, completion markers.

A shard is one batch, named by its key (a hash of the article ids read into it and of the
pipeline's stages), so a rerun over the same input finds the same shards. Files are written
under a temporary name and renamed, so a shard is either whole or absent; ``<key>.done`` is
written last and marks a shard whose results are complete. Once the results are in the
store the shard is removed: from then on the store is the record of what is done.

Records travel as pickles in a Parquet column: an internal, same-version format between
newsprism's own processes, not an export (``newsprism export --format parquet`` is that).
"""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq


class Shards:
    def __init__(self, root: str | os.PathLike[str]):
        self.root = Path(root)

    def input(self, key: str) -> Path:
        return self.root / f"{key}.in.parquet"

    def output(self, key: str) -> Path:
        return self.root / f"{key}.out.parquet"

    def marker(self, key: str) -> Path:
        return self.root / f"{key}.done"

    def is_done(self, key: str) -> bool:
        return self.marker(key).exists()

    def write(self, path: Path, records: list[Any]) -> None:
        """Records to a Parquet file, atomically."""
        path.parent.mkdir(parents=True, exist_ok=True)
        table = pa.table({"record": pa.array([pickle.dumps(r) for r in records], pa.binary())})
        tmp = path.with_name(path.name + ".tmp")
        pq.write_table(table, tmp)
        os.replace(tmp, path)

    def read(self, path: Path) -> list[Any]:
        return [pickle.loads(b) for b in pq.read_table(path).column("record").to_pylist()]

    def mark_done(self, key: str, summary: dict[str, Any]) -> None:
        tmp = self.marker(key).with_suffix(".tmp")
        tmp.write_text(json.dumps(summary), encoding="utf-8")
        os.replace(tmp, self.marker(key))

    def remove(self, key: str) -> None:
        for path in (self.marker(key), self.output(key), self.input(key)):
            path.unlink(missing_ok=True)
