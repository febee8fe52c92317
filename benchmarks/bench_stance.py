"""Cost of the stance stage against the parse stage, on real AllSides articles, one core.

Runs the default stages plus ``stance`` on N articles (after one warm-up article, so model
loading is not counted), sums each stage's seconds, and prints the stance/parse ratio: the
target is at most 0.5 (the stance stage adds at most half of the model pass).

Run: python benchmarks/bench_stance.py [--n 50]
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core: set before numpy and torch are imported

import argparse  # noqa: E402
import itertools  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from eval.data import ALLSIDES  # noqa: E402
from newsprism import read  # noqa: E402
from newsprism.pipeline import Pipeline  # noqa: E402
from newsprism.records import Article  # noqa: E402
from newsprism.stages import DEFAULT_STAGES  # noqa: E402
from newsprism.stages.stance import Sides  # noqa: E402
from newsprism.stance import stances  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=50)
    args = ap.parse_args()
    import torch

    torch.set_num_threads(1)
    articles = [a for a in itertools.islice(read([ALLSIDES]), args.n + 1) if isinstance(a, Article)]
    # the default stages end with stance; a second Sides() would run it twice
    pipeline = Pipeline([*(s for s in DEFAULT_STAGES if s != "stance"), Sides()])
    pipeline(articles[0])  # warm-up: loads the parser
    stances(["A warm-up quote."], "load the encoder")  # and the encoder, which only an issue needs
    timings: dict[str, float] = {}
    quotes = issues = judged = 0
    for article in articles[1:]:
        a = pipeline(article, timings)
        quotes += len(a.quotes)
        issues += a.issue is not None
        judged += len(a.quotes) if a.issue is not None else 0
    n = len(articles) - 1
    for name, seconds in sorted(timings.items(), key=lambda kv: -kv[1]):
        print(f"{name:10s} {seconds:7.2f} s  {1000 * seconds / n:7.1f} ms/article")
    ratio = timings["stance"] / timings["parse"]
    if judged:  # the stage embeds only where it found an issue: project to every article
        per_quote = timings["stance"] / judged
        print(f"stance: {1000 * per_quote:.1f} ms per judged quote; were every article's quotes "
              f"judged: stance / parse = {per_quote * quotes / timings['parse']:.2f}")  # fmt: skip
    print(
        f"{n} articles, {quotes} quotes; {issues} with an issue, whose {judged} quotes were judged"
    )
    print(f"stance / parse = {ratio:.2f} (target <= 0.50)")


if __name__ == "__main__":
    main()
