"""Convert the shared datasets into spaCy training files under training/work/corpus/.

Usage: python training/convert.py
Writes ewt_{train,dev}.spacy (tagger/morphologizer/parser/senter) and ner_{train,dev}.spacy.
NER train = CoNLL-2003 train + UNER EWT train + wikigold + WNUT17 train + 40% of BTC (seed 0);
NER dev = CoNLL++ dev + UNER EWT dev (used only to pick the best checkpoint).
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

from spacy.tokens import DocBin
from spacy.vocab import Vocab

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from training import corpora  # noqa: E402

OUT = ROOT / "training" / "work" / "corpus"


def save(docs, name: str) -> None:
    db = DocBin(store_user_data=False)
    for d in docs:
        db.add(d)
    db.to_disk(OUT / name)
    n_tok = sum(len(d) for d in docs)
    ents = Counter(e.label_ for d in docs for e in d.ents)
    print(f"{name}: {len(docs)} docs, {n_tok} tokens, ents={dict(ents)}")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    vocab = Vocab()
    save(corpora.ud_docs(corpora.EWT / "en_ewt-ud-train.conllu", vocab), "ewt_train.spacy")
    save(corpora.ud_docs(corpora.EWT / "en_ewt-ud-dev.conllu", vocab), "ewt_dev.spacy")
    train = (
        corpora.conll_docs("train", vocab)
        + corpora.uner_docs("train", vocab)
        + corpora.wikigold_docs(vocab)
        + corpora.wnut_docs(vocab)
        + corpora.btc_docs(vocab)
    )
    random.Random(0).shuffle(train)
    save(train, "ner_train.spacy")
    save(corpora.conll_docs("dev", vocab) + corpora.uner_docs("dev", vocab, False), "ner_dev.spacy")


if __name__ == "__main__":
    main()
