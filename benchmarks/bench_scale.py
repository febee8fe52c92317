"""Scale: the full pipeline in-process, in a process pool of 1 and 2 workers, and on Ray.

Every figure is measured in this run on the first N AllSides articles, so the ratios hold
on any machine: articles/s and words/s per core, 1 -> 2 worker scaling, Ray against the
pool, the per-stage split, the peak memory of the whole process tree (Ray's daemons
included), and what one million articles would cost here.

    python benchmarks/bench_scale.py [--n 500] [--workers 2] [--no-ray] [--stages layout,dates,tone]
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import resource
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "src")]

from eval.data import ALLSIDES  # noqa: E402
from newsprism import Pipeline, ReadOptions, Store  # noqa: E402
from newsprism.executors import ExecutorOptions, PipelineSpec  # noqa: E402
from newsprism.ingest import ingest  # noqa: E402
from newsprism.records import Analysis, Article  # noqa: E402
from newsprism.stages import DEFAULT_STAGES  # noqa: E402

BATCH_SIZE = 25  # small batches: enough of them to keep every worker busy


@dataclass
class Run:
    name: str
    cores: int
    seconds: float
    articles: int
    peak_rss: int  # bytes, this process and all its descendants


class TimedPipeline(Pipeline):
    """The pipeline, keeping seconds per stage across every article it analyses."""

    timings: dict[str, float]

    def __call__(self, article: Article, timings: dict[str, float] | None = None) -> Analysis:
        return super().__call__(article, self.timings)


class PeakRss:
    """Samples the RSS of this process tree every 50 ms (psutil), or reads getrusage."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        try:
            import psutil
        except ImportError:  # peak of this process and its waited-for children, in KiB
            self._stop.wait()
            own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            self.peak = (own + kids) * 1024
            return
        me = psutil.Process()
        while not self._stop.wait(0.05):
            total = 0
            for p in [me, *me.children(recursive=True)]:
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    continue
            self.peak = max(self.peak, total)


def sample(n: int, folder: Path, name: str = "sample") -> tuple[Path, int]:
    """The first n AllSides articles as a JSONL file, and their word count."""
    path = folder / f"{name}.jsonl"
    words = 0
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as src, open(path, "w") as dst:
        for line in itertools.islice(src, n):
            words += len(json.loads(line).get("text", "").split())
            dst.write(line)
    return path, words


def measure(name: str, path: Path, folder: Path, pipeline: Pipeline | PipelineSpec,
            options: ExecutorOptions) -> Run:  # fmt: skip
    db = folder / f"{name.replace(' ', '_')}.duckdb"
    with PeakRss() as rss, Store(db) as store:
        start = time.perf_counter()
        summary = ingest([path], store, pipeline, ReadOptions(), BATCH_SIZE, executor=options)
        seconds = time.perf_counter() - start
    print(f"  {name}: {summary.stored} articles in {seconds:.1f} s", file=sys.stderr)
    return Run(name, options.workers, seconds, summary.stored, rss.peak)


def start_ray(workers: int) -> None:
    """Start Ray before its run: the start (seconds, once per session) is not throughput."""
    import ray

    start = time.perf_counter()
    ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False,
             object_store_memory=256 * 2**20)  # fmt: skip
    print(f"  ray.init: {time.perf_counter() - start:.1f} s (not counted)", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=500, help="articles to use [500]")
    parser.add_argument("--workers", type=int, default=2, help="the larger pool [2]")
    parser.add_argument("--no-ray", action="store_true", help="skip the Ray run")
    parser.add_argument("--stages", default=",".join(DEFAULT_STAGES), help="pipeline stages")
    args = parser.parse_args()
    stages = tuple(args.stages.split(","))
    w = args.workers
    spec = PipelineSpec(stages, timeout_s=30)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path, words = sample(args.n, folder)
        # the pools first, while this process holds no models: their RSS is what a user's is
        runs = [
            measure("process pool, 1 worker", path, folder, spec, ExecutorOptions("process", 1)),
            measure(
                f"process pool, {w} workers", path, folder, spec, ExecutorOptions("process", w)
            ),
        ]
        # a pool worker's start (spawn, imports, models) is paid once per run, not per article
        one, _ = sample(1, folder, "one")
        start = measure("pool start-up", one, folder, spec, ExecutorOptions("process", 1))
        if not args.no_ray:
            start_ray(w)
            runs.append(measure(f"ray, {w} workers", path, folder, spec, ExecutorOptions("ray", w)))
            import ray

            ray.shutdown()  # its daemons are children of this process: not in the next RSS
        local = TimedPipeline(stages, timeout_s=30)  # models load here, before the clock starts
        local.timings = {}
        runs.insert(0, measure("in-process", path, folder, local, ExecutorOptions("local")))
    report(runs, words, local.timings, stages, start.seconds)


def report(runs: list[Run], words: int, timings: dict[str, float], stages: tuple[str, ...],
           start_up: float) -> None:  # fmt: skip
    n = runs[0].articles
    print(f"{n:,} AllSides articles, {words / n:,.0f} words each; stages {', '.join(stages)}; "
          f"{os.cpu_count()} cores\n")  # fmt: skip
    head = f"{'executor':26s} {'seconds':>8s} {'art/s':>7s} {'art/s/core':>10s} "
    print(head + f"{'words/s/core':>12s} {'peak RSS MiB':>12s} {'x in-process':>12s}")
    base = runs[0].articles / runs[0].seconds
    for r in runs:
        rate = r.articles / r.seconds
        print(f"{r.name:26s} {r.seconds:8.1f} {rate:7.1f} {rate / r.cores:10.1f} "
              f"{rate * words / n / r.cores:12,.0f} {r.peak_rss / 2**20:12,.0f} {rate / base:12.2f}")  # fmt: skip
    one, many = runs[1], runs[2]
    print(f"\nscaling 1 -> {many.cores} workers: {one.seconds / many.seconds:.2f}x "
          f"(ideal {many.cores}x; efficiency {one.seconds / many.seconds / many.cores:.0%})")  # fmt: skip
    steady = (one.seconds - start_up) / (many.seconds - start_up)
    print(f"pool start-up (one worker, one article): {start_up:.1f} s; without it, "
          f"1 -> {many.cores} workers: {steady:.2f}x, {n / (many.seconds - start_up):.1f} articles/s")  # fmt: skip
    if len(runs) > 3:
        print(f"ray / process pool, {many.cores} workers: {many.seconds / runs[3].seconds:.2f}x")
    total = sum(timings.values())
    print("\nper stage (in-process run): " + ", ".join(
        f"{k} {v / n * 1000:.1f} ms/article ({v / total:.0%})" for k, v in timings.items()))  # fmt: skip
    best = max(runs, key=lambda r: r.articles / r.seconds)
    hours = 1_000_000 / (best.articles / best.seconds) / 3600
    print(f"one million articles on this machine ({best.name}): {hours:,.1f} hours")


if __name__ == "__main__":
    main()
