"""Build newsprism's IDF table (src/newsprism/data/idf.tsv.gz) from the AllSides train split.

Usage: python training/build_idf.py   (deterministic: same data, same file)
"""

from __future__ import annotations

import gzip
import math
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "src")]

from eval.data import allsides  # noqa: E402
from newsprism.topicwords import content_words  # noqa: E402

MIN_DF = 5


def main() -> None:
    df: Counter[str] = Counter()
    n = 0
    for obj in allsides("train"):
        df.update(content_words(obj["title"] + "\n" + obj["text"]))
        n += 1
    out = REPO / "src" / "newsprism" / "data" / "idf.tsv.gz"
    unknown = math.log((n + 1) / (MIN_DF + 1))
    rows = sorted((w, c) for w, c in df.items() if c >= MIN_DF)
    with (
        gzip.GzipFile(out, "wb", mtime=0) as raw,
        __import__("io").TextIOWrapper(raw, "utf-8") as f,
    ):
        f.write(f"#unknown\t{unknown:.4f}\t{n} documents\n")
        for word, count in rows:
            f.write(f"{word}\t{math.log((n + 1) / (count + 1)):.3f}\n")
    print(f"{len(rows)} words from {n} articles -> {out} ({out.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
