"""Executors: the same pipeline in-process, in a process pool and on Ray stores the same rows;
runs killed half-way resume and store every article exactly once; articles have a time limit."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from newsprism import Pipeline, Store
from newsprism.config import Settings
from newsprism.executors import ExecutorOptions, PipelineSpec
from newsprism.ingest import ingest
from newsprism.records import Analysis, Article

from .conftest import REPO

STAGES = ("layout", "dates", "tone")


def write_corpus(path: Path, n: int, bad_every: int = 0) -> Path:
    """``n`` small JSONL articles with dates and tone words; a malformed line every so often."""
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            if bad_every and i % bad_every == 0:
                f.write("{not json\n")
            text = (f"On March {i % 28 + 1}, 2024, the council of town {i} approved a good plan. "
                    f"Critics called it a terrible mistake last week.\n\nA vote follows in {i % 12 + 1} days.")  # fmt: skip
            art = {"title": f"Plan {i}", "text": text, "url": f"https://example.org/{i}",
                   "date": "2024-03-30"}  # fmt: skip
            f.write(json.dumps(art) + "\n")
        f.write(json.dumps({"title": "Plan 0", "text": "repeated id below"}) + "\n")
    return path


def stored(db: Path) -> dict[str, object]:
    """What a store holds, minus the times of writing."""
    with Store(db, read_only=True) as store:
        con = store.con
        return {
            "analyses": sorted(json.dumps(d, sort_keys=True) for d in store.analyses()),
            "dates": con.execute("SELECT article_id, start, value FROM dates ORDER BY ALL").fetchall(),
            "problems": con.execute("SELECT id, path, item, stage, message FROM problems ORDER BY id").fetchall(),
        }  # fmt: skip


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus") / "in.jsonl", 120, bad_every=25)


@pytest.fixture(scope="module")
def local_result(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    db = tmp_path_factory.mktemp("local") / "db.duckdb"
    with Store(db) as store:
        summary = ingest([corpus], store, Pipeline(STAGES), batch_size=16)
    assert (summary.read, summary.stored, len(summary.problems)) == (121, 121, 5)
    return stored(db)


def test_the_process_pool_stores_what_the_local_run_stores(corpus, local_result, tmp_path):
    db = tmp_path / "db.duckdb"
    with Store(db) as store:
        summary = ingest([corpus], store, PipelineSpec(STAGES), batch_size=16,
                         executor=ExecutorOptions("process", workers=2, in_flight=3))  # fmt: skip
        again = ingest([corpus], store, PipelineSpec(STAGES), batch_size=16,
                       executor=ExecutorOptions("process", workers=2))  # fmt: skip
    assert (summary.stored, again.stored, again.skipped) == (121, 0, 121)
    assert stored(db) == local_result


@pytest.fixture(scope="module")
def ray_cluster():
    """One small local Ray for the module: a Ray start costs seconds and ~800 MiB."""
    import ray

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
             object_store_memory=128 * 2**20)  # fmt: skip
    yield ray
    ray.shutdown()


class StopAfter(Store):
    """A store whose process dies (as under ``kill -9``) after ``n`` article batches."""

    def __init__(self, path: Path, n: int):
        super().__init__(path)
        self.left = n

    def write(self, analyses, problems=()):  # type: ignore[no-untyped-def]
        analyses = list(analyses)
        if analyses:
            if self.left == 0:
                raise KeyboardInterrupt
            self.left -= 1
        return super().write(analyses, problems)


def test_ray_stores_what_the_local_run_stores_and_resumes_from_its_shards(
    ray_cluster, corpus, local_result, tmp_path
):
    db, shards = tmp_path / "db.duckdb", tmp_path / "shards"
    options = ExecutorOptions("ray", workers=2, shard_dir=str(shards))
    with StopAfter(db, 3) as store, pytest.raises(KeyboardInterrupt):
        ingest([corpus], store, PipelineSpec(STAGES), batch_size=16, executor=options)
    done = sorted(shards.glob("*.done"))
    assert done, "the killed run left analysed shards with their completion markers"
    with Store(db) as store:
        summary = ingest([corpus], store, PipelineSpec(STAGES), batch_size=16, executor=options)
        assert store.count() == 121
    assert summary.stored < 121  # some came from the first run
    assert not shards.exists(), "loaded shards are removed"
    assert stored(db) == local_result


def test_without_ray_the_error_names_the_extra(monkeypatch, tmp_path):
    from newsprism.executors import create

    monkeypatch.setitem(sys.modules, "ray", None)
    executor = create(PipelineSpec(STAGES), ExecutorOptions("ray"), str(tmp_path / "db"))
    with pytest.raises(ImportError, match=r"newsprism\[ray\]"), executor:
        pass


DRIVER = """
import sys
from newsprism import Store
from newsprism.executors import ExecutorOptions, PipelineSpec
from newsprism.ingest import ingest

def progress(source, position, summary):
    print(summary.stored, flush=True)

with Store(sys.argv[2]) as store:
    ingest([sys.argv[1]], store, PipelineSpec(("layout", "dates", "tone")), batch_size=50,
           progress=progress, executor=ExecutorOptions("process", workers=2))
print("finished", flush=True)
"""


def test_kill_9_mid_run_then_the_same_command_stores_each_article_exactly_once(tmp_path):
    psutil = pytest.importorskip("psutil")
    n = 3000
    path = write_corpus(tmp_path / "in.jsonl", n)
    command = [sys.executable, "-c", DRIVER, str(path), str(tmp_path / "db.duckdb")]
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    run = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    assert run.stdout is not None
    for line in run.stdout:  # kill it once a few batches are in, well before the end
        if line.strip().isdigit() and 300 <= int(line) < n:
            break
    workers = psutil.Process(run.pid).children()
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    _, alive = psutil.wait_procs(workers, timeout=10)
    assert not alive, "pool workers end when their parent is killed"
    with Store(tmp_path / "db.duckdb", read_only=True) as store:
        assert 300 <= store.count() < n, "killed part-way, with whole batches stored"

    again = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert again.returncode == 0 and again.stdout.endswith("finished\n"), again.stderr
    with Store(tmp_path / "db.duckdb", read_only=True) as store:
        con = store.con
        assert store.count() == n + 1
        twice = con.execute("SELECT article_id, start FROM dates GROUP BY ALL "
                            "HAVING count(*) > 1").fetchall()  # fmt: skip
        assert twice == []
        assert con.execute("SELECT count(DISTINCT article_id) FROM dates").fetchone() == (n,)


class Sleepy:
    """A stage that takes ``seconds`` (a stuck regex, a huge parse)."""

    name, version, requires, assigns = "sleepy", 1, ("article.body",), ()

    def __init__(self, seconds: float):
        self.seconds = seconds

    def __call__(self, analysis: Analysis) -> Analysis:
        time.sleep(self.seconds)
        return analysis


ARTICLE = Article(id="1", text="Title\n\nOn Monday the mayor said it was great.")


def test_a_stage_over_the_time_limit_is_stopped_and_the_article_keeps_what_it_has():
    pipeline = Pipeline(["layout", Sleepy(30), "tone"], timeout_s=0.3)
    start = time.perf_counter()
    a = pipeline(ARTICLE)
    assert time.perf_counter() - start < 5
    (problem,) = a.problems
    assert problem.stage == "sleepy" and "time limit" in problem.message
    assert "skipped tone" in problem.message
    assert a.article.title == "Title" and a.tone is None


def test_off_the_main_thread_the_limit_is_checked_between_stages():
    out: list[Analysis] = []
    pipeline = Pipeline(["layout", Sleepy(0.5), "dates", "tone"], timeout_s=0.2)
    thread = threading.Thread(target=lambda: out.append(pipeline(ARTICLE)))
    thread.start()
    thread.join()
    (problem,) = out[0].problems
    assert problem.stage == "dates" and "skipped dates, tone" in problem.message


def test_the_time_limit_holds_in_pool_workers(tmp_path):
    path = write_corpus(tmp_path / "in.jsonl", 3)
    spec = PipelineSpec(("layout", Sleepy(30), "tone"), timeout_s=0.3)
    with Store(tmp_path / "db.duckdb") as store:
        summary = ingest([path], store, spec, executor=ExecutorOptions("process", workers=2))
        assert store.count() == 4
    assert len(summary.problems) == 4 and all("time limit" in p.message for p in summary.problems)


@pytest.mark.parametrize(
    ("executor", "workers", "expected"),
    [(None, None, ("local", 1)), (None, 3, ("process", 3)), ("local", None, ("local", 1)),
     ("process", None, ("process", os.cpu_count())), ("ray", 2, ("ray", 2))],
)  # fmt: skip
def test_executor_defaults_live_in_settings(executor, workers, expected):
    options = Settings(executor=executor, workers=workers).executor_options()
    assert (options.kind, options.workers) == expected


@pytest.mark.parametrize("bad", [{"executor": "spark"}, {"workers": 0}, {"article_timeout_s": 0}])
def test_bad_executor_settings_are_refused(bad):
    with pytest.raises(ValueError):
        Settings(**bad)
