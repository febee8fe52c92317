"""MiniLM encoder speed, float32 against bfloat16 products, on AllSides sentences, one thread.

Prints sentences/s for each, the ratio, and how close the bfloat16 sentence vectors are to the
float32 ones (cosine). bfloat16 is what newsprism uses where the CPU has native support
(``newsprism.minilm.native_bf16``); on a CPU without it the bfloat16 figure is emulated.

    python benchmarks/bench_minilm.py [--n 400]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks")]

import numpy as np  # noqa: E402
import torch  # noqa: E402
from bench_models import read_texts  # noqa: E402

from newsprism.minilm import MiniLM, native_bf16  # noqa: E402


def timed(encoder: MiniLM, sentences: list[str]) -> tuple[np.ndarray, float]:
    encoder.encode(sentences[:16])  # warm up
    start = time.perf_counter()
    vectors = encoder.encode(sentences)
    return vectors, time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=400, help="sentences")
    args = ap.parse_args()
    torch.set_num_threads(1)
    sentences = [
        s for text in read_texts(60) for s in re.split(r"(?<=[.!?])\s+", text) if len(s) > 40
    ][: args.n]
    fp32, t32 = timed(MiniLM(bf16=False), sentences)
    bf16, t16 = timed(MiniLM(bf16=True), sentences)
    cos = (fp32 * bf16).sum(1) / np.linalg.norm(bf16, axis=1)
    n = len(sentences)
    print(f"{n} AllSides sentences, 1 thread; native bfloat16 here: {native_bf16()}")
    print(f"{n / t32:10,.0f} sentences/s  float32")
    print(f"{n / t16:10,.0f} sentences/s  bfloat16 products")
    print(f"ratio bfloat16 / float32: {t32 / t16:.2f}x speed")
    print(f"cosine to float32: min {cos.min():.5f}, mean {cos.mean():.6f}")


if __name__ == "__main__":
    main()
