"""Time each analysis stage against the model pass (the "parse" stage), in the same run.

Every stage runs on the same AllSides articles; the table gives milliseconds per article and
each stage's cost as a share of the model pass, the ratio the issues set budgets on (dates +
events + tone and quotes at most 25% each of the model pass).

    python benchmarks/bench_stages.py [--n 100]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "src")]

from eval.data import allsides  # noqa: E402
from newsprism.readers import ReadOptions  # noqa: E402
from newsprism.readers.jsonl import to_article  # noqa: E402
from newsprism.records import Analysis, Article  # noqa: E402
from newsprism.stages import DEFAULT_STAGES, REGISTRY  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100, help="AllSides dev articles")
    args = parser.parse_args()
    stages = [REGISTRY[name]() for name in DEFAULT_STAGES]
    articles = [
        to_article(d, "allsides", str(i), ReadOptions())
        for i, d in enumerate(allsides("dev", args.n))
    ]
    words = 0
    seconds = dict.fromkeys(DEFAULT_STAGES, 0.0)
    stages[1](
        stages[0](
            Analysis(article=Article(id="w", text="Warm up.", body="Warm up.", layout="exact"))
        )
    )
    if "stance" in DEFAULT_STAGES:  # load the encoder, which only an article with an issue needs
        from newsprism.stance import stances

        stances(["A warm-up quote."], "load the encoder")
    for article in articles:
        analysis = Analysis(article=article)  # type: ignore[arg-type]
        for stage in stages:
            start = time.perf_counter()
            analysis = stage(analysis)
            seconds[stage.name] += time.perf_counter() - start
        words += len(analysis.article.body.split())
    n = len(articles)
    model = seconds["parse"]
    print(f"{n} articles, {words / n:.0f} words each on average")
    print(f"{'stage':10s} {'ms/article':>11s} {'x model pass':>13s}")
    for name, s in seconds.items():
        print(f"{name:10s} {1000 * s / n:11.1f} {s / model:13.3f}")
    total = sum(seconds.values())
    print(f"{'all':10s} {1000 * total / n:11.1f} {total / model:13.3f}")
    print(
        f"\nmodel pass: {words / model:,.0f} words/s; whole pipeline: {n / total:.1f} articles/s on one core"
    )
    print(
        f"dates + events + tone: {(seconds['dates'] + seconds['events'] + seconds['tone']) / model:.3f} x model pass"
    )
    print(f"quotes: {seconds['quotes'] / model:.3f} x model pass")


if __name__ == "__main__":
    main()
