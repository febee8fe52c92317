"""Write AllSides paragraphs as JSON Lines for ``spacy pretrain`` (the tok2vec's pretraining).

The first N articles of the (already shuffled) AllSides corpus, a subset of those the floret
vectors are trained on, one ``{"text": paragraph}`` per line, into
``training/work/pretrain.jsonl``. One pass over 4,000 articles (about 4M words) takes about
35 minutes on one core.

Usage: python training/pretrain_text.py [--articles 4000]
"""

from __future__ import annotations

import argparse
import json

from make_vectors import WORK, paragraphs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=4000)
    args = ap.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    out_path = WORK / "pretrain.jsonl"
    tmp = out_path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf8") as out:
        for para in paragraphs(args.articles):
            out.write(json.dumps({"text": para}) + "\n")
    tmp.rename(out_path)


if __name__ == "__main__":
    main()
