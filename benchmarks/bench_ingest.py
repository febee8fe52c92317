"""Ingest throughput of the layout-only pipeline, against a plain JSON read of the same file.

Each figure is measured in this run on the first N AllSides articles, so the ratios hold on
any machine: the baseline is `json.loads` of each line of the gzipped file, nothing else.

    python benchmarks/bench_ingest.py [--n 3000]
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "src")]

from eval.data import ALLSIDES  # noqa: E402
from newsprism import Pipeline, ReadOptions, Store  # noqa: E402
from newsprism.ingest import ingest  # noqa: E402
from newsprism.readers import read  # noqa: E402


def timed(fn: Callable[[], int]) -> tuple[float, int]:
    start = time.perf_counter()
    n = fn()
    return time.perf_counter() - start, n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=3000, help="articles to use")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl.gz"
        with gzip.open(ALLSIDES, "rt", encoding="utf-8") as src, gzip.open(sample, "wt") as dst:
            dst.writelines(itertools.islice(src, args.n))

        def plain_json() -> int:
            with gzip.open(sample, "rt", encoding="utf-8") as f:
                return sum(1 for line in f if json.loads(line))

        def readers_only() -> int:
            return sum(1 for _ in read([sample], ReadOptions()))

        def layout() -> int:
            pipeline = Pipeline(["layout"])
            return sum(1 for _ in pipeline.stream(read([sample], ReadOptions())))

        def full_ingest() -> int:
            with Store(Path(tmp) / "bench.duckdb") as store:
                return ingest([sample], store, Pipeline(["layout"])).stored

        rows = [(name, *timed(fn)) for name, fn in (
            ("plain JSON read (baseline)", plain_json), ("newsprism readers", readers_only),
            ("readers + layout stage", layout), ("ingest into DuckDB", full_ingest),
        )]  # fmt: skip
    base = rows[0][1]
    print(
        f"{'step':30s} {'articles':>9s} {'seconds':>8s} {'articles/s':>11s} {'x baseline time':>16s}"
    )
    for name, seconds, n in rows:
        print(f"{name:30s} {n:9d} {seconds:8.2f} {n / seconds:11.0f} {seconds / base:16.1f}")
    ingest_rate = rows[-1][2] / rows[-1][1]
    print(f"\ningest/plain-read throughput ratio: {ingest_rate / (rows[0][2] / base):.3f}")


if __name__ == "__main__":
    main()
