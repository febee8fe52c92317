"""Train small floret word vectors on AllSides news text, for the tok2vec layers.

Step 1 tokenises the first N articles of the (already shuffled) AllSides corpus with the news
tokenizer, one paragraph per line. Step 2 trains floret (CBOW, hashed subwords only) on one
thread with floret's built-in fixed seed, so that the result is reproducible. Step 3 writes spaCy vectors with
``spacy init vectors --mode floret``.

Usage: python training/make_vectors.py [--articles 20000] [--dim 96] [--bucket 40000]
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from newsprism.tokenizer import customize_tokenizer  # noqa: E402

ALLSIDES = Path("/work/shared/data/allsides_corpus/articles.jsonl.gz")
WORK = Path(__file__).resolve().parent / "work"


def paragraphs(n_articles: int):
    with gzip.open(ALLSIDES, "rt", encoding="utf8") as f:
        for i, line in enumerate(f):
            if i >= n_articles:
                break
            art = json.loads(line)
            for text in (art.get("title") or "", art.get("text") or ""):
                for para in text.split("\n"):
                    para = para.strip()
                    if para:
                        yield para


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=20000)
    ap.add_argument("--dim", type=int, default=96)
    ap.add_argument("--bucket", type=int, default=40000)
    ap.add_argument("--epoch", type=int, default=5)
    ap.add_argument("--out", type=Path, default=WORK / "vectors")
    args = ap.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)

    corpus = WORK / "floret_corpus.txt"
    if not corpus.exists():
        nlp = spacy.blank("en")
        customize_tokenizer(nlp)
        tmp = corpus.with_suffix(".tmp")
        n = 0
        with open(tmp, "w", encoding="utf8") as out:
            for doc in nlp.tokenizer.pipe(paragraphs(args.articles), batch_size=1000):
                words = [t.text for t in doc if not t.is_space]
                n += len(words)
                out.write(" ".join(words) + "\n")
        tmp.rename(corpus)
        print(f"corpus: {n} tokens", flush=True)

    import floret

    model = floret.train_unsupervised(
        str(corpus),
        model="cbow",
        mode="floret",
        hashCount=2,
        bucket=args.bucket,
        minn=4,
        maxn=5,
        dim=args.dim,
        epoch=args.epoch,
        minCount=5,
        thread=1,
        verbose=1,
    )
    floret_txt = WORK / "vectors.floret"
    model.save_floret_vectors(str(floret_txt))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "spacy",
            "init",
            "vectors",
            "en",
            str(floret_txt),
            str(args.out),
            "--mode",
            "floret",
        ],
        check=True,
    )


if __name__ == "__main__":
    main()
