"""Silver training data for the fast ``news`` pipeline, labelled by ``news-accurate``.

Distillation: the accurate pipeline (CoNLL++ dev F1 0.936 against the fast one's 0.897; EWT
dev UAS 0.872 against 0.835, before distillation) reads text that no evaluation and no benchmark uses, and what it
finds is written as fully annotated training Docs, one paragraph each, for the fast pipeline's
own training runs (``make models`` trains on the gold corpus plus these files).

Text: AllSides news paragraphs (train split by hashed id, file positions from 20,000, after
the articles the floret vectors were trained on, before the 30,000th, where the benchmarks
begin) and, with ``--comments``, VAST's training comments (New York Times readers' posts: web
text, as EWT is) taken by turns with the news until they run out, then news alone, up to
``--words`` tokens. ``ner`` keeps the teacher's entities, ``core`` its tags, morphology,
dependencies and sentence boundaries. The shipped models use (training/Makefile.models)

    python training/distill.py core --comments --words 294666   # until the comments run out
    python training/distill.py ner --comments --words 1500000

Writes training/work/corpus/silver_TASK/silver.spacy (or ``--out``) and links the gold training
file beside it, so that the directory is one training corpus.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
import time
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

from spacy.tokens import Doc, DocBin

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from eval.data import ALLSIDES, DATA, allsides_split  # noqa: E402
from newsprism.models import load  # noqa: E402

CORPUS = ROOT / "training" / "work" / "corpus"
GOLD = {"ner": "ner_train.spacy", "core": "ewt_train.spacy"}
MIN_WORDS = 6  # shorter lines are mostly captions, datelines and boilerplate


def _clean(text: str) -> Iterator[str]:
    for para in text.split("\n"):
        para = " ".join(para.split())
        if len(para.split()) >= MIN_WORDS:
            yield para


def news(start: int = 20_000, stop: int = 30_000) -> Iterator[str]:
    """Paragraphs of the train-split AllSides articles at file positions [start, stop)."""
    with gzip.open(ALLSIDES, "rt", encoding="utf8") as f:
        for i, line in enumerate(f):
            if i >= stop:
                return
            if i < start:
                continue
            art = json.loads(line)
            if allsides_split(art["id"]) == "train":
                yield from _clean(art.get("text") or "")


def comments() -> Iterator[str]:
    """VAST's training comments (New York Times readers' posts), each once."""
    seen: set[str] = set()
    with open(DATA / "vast" / "vast_train.csv", encoding="utf8", newline="") as f:
        for row in csv.DictReader(f):
            if row["post"] not in seen:
                seen.add(row["post"])
                yield from _clean(row["post"])


def _interleave(*streams: Iterator[str]) -> Iterator[str]:
    for group in zip(*streams, strict=False):
        yield from group


def silver(task: str, doc: Doc) -> Doc:
    """A fresh Doc with the teacher's annotation for TASK only."""
    words = [t.text for t in doc]
    spaces = [bool(t.whitespace_) for t in doc]
    if task == "ner":
        out = Doc(doc.vocab, words=words, spaces=spaces)
        out.ents = [out.char_span(e.start_char, e.end_char, e.label_) for e in doc.ents]
        return out
    return Doc(
        doc.vocab,
        words=words,
        spaces=spaces,
        tags=[t.tag_ for t in doc],
        pos=[t.pos_ for t in doc],
        morphs=[str(t.morph) for t in doc],
        heads=[t.head.i for t in doc],
        deps=[t.dep_ for t in doc],
        sent_starts=[bool(t.is_sent_start) for t in doc],
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("task", choices=sorted(GOLD))
    ap.add_argument("--words", type=int, default=600_000, help="stop after this many tokens")
    ap.add_argument("--teacher", default="news-accurate")
    ap.add_argument("--comments", action="store_true", help="VAST comments beside the news")
    ap.add_argument("--out", default=None, help="directory name under training/work/corpus")
    args = ap.parse_args()

    nlp = load(args.teacher)
    keep = {"ner"} if args.task == "ner" else {"tok2vec", "tagger", "morphologizer", "parser"}
    keep.add("newsprism_release_minilm")
    paragraphs = news()  # news and comments by turns while both last, then news
    texts = chain(_interleave(paragraphs, comments()) if args.comments else (), paragraphs)
    disable = [name for name in nlp.pipe_names if name not in keep]
    out = CORPUS / (args.out or f"silver_{args.task}")
    out.mkdir(parents=True, exist_ok=True)
    db = DocBin(store_user_data=False)
    n_words = n_docs = 0
    started = time.perf_counter()
    for doc in nlp.pipe(texts, disable=disable, batch_size=64):
        db.add(silver(args.task, doc))
        n_docs += 1
        n_words += len(doc)
        if n_words >= args.words:
            break
    db.to_disk(out / "silver.spacy")
    gold = out / GOLD[args.task]
    if not gold.is_symlink():
        gold.symlink_to(CORPUS / GOLD[args.task])
    seconds = time.perf_counter() - started
    print(f"{args.task}: {n_docs} paragraphs, {n_words} tokens, {n_words / seconds:.0f} tokens/s")


if __name__ == "__main__":
    main()
