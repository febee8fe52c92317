"""Throughput of the news pipeline vs its tokenizer alone, on real AllSides articles, one core.

Prints words/s for spaCy's blank English tokenizer, the news tokenizer, the full ``news``
pipeline as newsprism loads it (piped in batches of ``--batch-size`` articles, and as the parse
stage runs it: each article's paragraphs piped, joined into one Doc), and the same pipeline as
plain ``spacy.load`` gives it (without ``newsprism.models.speed_up``), over the same N articles
(title + body), and the ratios.
Words = non-space tokens. With ``--baseline news`` the second pipeline timed is that shipped
model instead (``--model news-accurate --baseline news``: what the accurate pipeline costs).

Run: python benchmarks/bench_models.py [--n 300] [--model news] [--baseline M] [--batch-size 64]
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core: set before numpy is imported

import argparse  # noqa: E402
import gzip  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import spacy  # noqa: E402

from newsprism.models import load, model_path  # noqa: E402
from newsprism.names import COMPONENT as PERSON_NAMES  # noqa: E402

ALLSIDES = Path("/work/shared/data/allsides_corpus/articles.jsonl.gz")


def read_texts(n: int, skip: int = 30000) -> list[str]:
    """N articles from the end of the (shuffled) corpus, away from the vectors' training part."""
    texts: list[str] = []
    with gzip.open(ALLSIDES, "rt", encoding="utf8") as f:
        for i, line in enumerate(f):
            if i < skip:
                continue
            art = json.loads(line)
            texts.append(f"{art.get('title') or ''}\n\n{art.get('text') or ''}")
            if len(texts) >= n:
                break
    return texts


def time_tokenizer(tokenizer, texts: list[str], repeats: int = 3) -> tuple[int, float]:
    times, words = [], 0
    for _ in range(repeats):
        start = time.perf_counter()
        words = sum(sum(1 for t in tokenizer(text) if not t.is_space) for text in texts)
        times.append(time.perf_counter() - start)
    return words, statistics.median(times)


def time_pipeline(nlp, texts: list[str], batch_size: int) -> tuple[int, float]:
    for _doc in nlp.pipe(texts[:5]):  # warm up
        pass
    start = time.perf_counter()
    words = 0
    for doc in nlp.pipe(texts, batch_size=batch_size):
        words += sum(1 for t in doc if not t.is_space)
    return words, time.perf_counter() - start


def time_parse_stage(nlp, texts: list[str]) -> tuple[int, float]:
    """The model pass as newsprism runs it on an article (``newsprism.stages.parse.parse``)."""
    from newsprism.stages.parse import parse

    start = time.perf_counter()
    words = sum(sum(1 for t in parse(nlp, text) if not t.is_space) for text in texts)
    return words, time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--model", default="news")
    ap.add_argument("--baseline", default=None, help="time this shipped model against it")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--json", type=Path, default=None, help="also write the figures here")
    ap.add_argument("--by-component", action="store_true", help="also time each component")
    args = ap.parse_args()

    texts = read_texts(args.n)
    nlp = load(args.model)
    blank = spacy.blank("en")

    w_blank, t_blank = time_tokenizer(blank.tokenizer, texts)
    w_news, t_news = time_tokenizer(nlp.tokenizer, texts)
    w_full, t_full = time_pipeline(nlp, texts, args.batch_size)
    w_stage, t_stage = time_parse_stage(nlp, texts)
    if args.baseline:
        other, other_name = load(args.baseline), f"the '{args.baseline}' pipeline"
    else:  # the same pipeline as spaCy loads it (BLIS matrix products, floret hashing per lookup)
        other, other_name = spacy.load(model_path(args.model)), "the same, as spaCy loads it"
        other.add_pipe(PERSON_NAMES, after="ner")  # newsprism's rule, in both
    w_plain, t_plain = time_pipeline(other, texts, args.batch_size)

    rows = [
        ("blank English tokenizer", w_blank, t_blank),
        ("news tokenizer", w_news, t_news),
        (f"full '{args.model}' pipeline {nlp.pipe_names}", w_full, t_full),
        ("the same, as the parse stage runs it (an article's paragraphs)", w_stage, t_stage),
        (other_name, w_plain, t_plain),
    ]
    print(f"{len(texts)} AllSides articles, {w_news} words, 1 thread")
    for name, words, secs in rows:
        print(f"{words / secs:>12,.0f} words/s  {name}")
    print(f"ratio news tokenizer / blank tokenizer: {t_blank / t_news:.2f}x speed")
    print(
        f"ratio full pipeline / news tokenizer:   {(w_news / t_news) / (w_full / t_full):.1f}x slower"
    )
    print(f"ratio full pipeline / {other_name}: {t_plain / t_full:.2f}x speed")
    by_component: dict[str, int] = {}
    if args.by_component:
        docs = [nlp.make_doc(text) for text in texts]
        for name, proc in nlp.pipeline:
            start = time.perf_counter()
            if hasattr(proc, "pipe"):
                docs = list(proc.pipe(docs, batch_size=args.batch_size))
            else:  # a function component
                docs = [proc(doc) for doc in docs]
            by_component[name] = round(w_news / (time.perf_counter() - start))
            print(f"{by_component[name]:>12,} words/s  component {name}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        figures = {
            "articles": len(texts),
            "words": w_news,
            "blank_tokenizer_wps": round(w_blank / t_blank),
            "news_tokenizer_wps": round(w_news / t_news),
            "full_pipeline_wps": round(w_full / t_full),
            "parse_stage_wps": round(w_stage / t_stage),
            ("baseline_wps" if args.baseline else "spacy_default_wps"): round(w_plain / t_plain),
            "baseline": args.baseline,
            "pipeline": nlp.pipe_names,
            "by_component_wps": by_component,
        }
        args.json.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
