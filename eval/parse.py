"""Dev-set evaluation of the news pipeline's tagger, morphologizer, parser and sentence splitter.

Data: UD English EWT dev (2,001 sentences, 25,147 words), gold tokenization; one Doc per EWT
document (``# newdoc``), so sentence splitting is scored over whole documents.

Metrics (punctuation included, as in the CoNLL 2018 UD evaluation):
* ``uas``: share of words with the right head; ``las``: right head and the full UD label
  (subtypes such as ``nmod:poss`` included); ``las_universal``: right head and label before ":".
* ``pos_acc`` (UPOS), ``tag_acc`` (XPOS), ``morph_acc`` (the whole feature set equal),
  ``lemma_acc`` (lookup lemmatizer, case-insensitive).
* ``sents_p/r/f``: sentences as (start, end) spans, exact match (spaCy's ``sents_f`` definition);
  ``sent_boundary_f``: F1 over sentence-start positions, excluding each document's first word.
* ``words_per_s``: words/s of the pipeline on this run (whole machine, informative only).

Run: python -m eval.parse [--model news]; writes eval/results/parse.json.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for p in (str(ROOT), str(ROOT / "src")):
    if p not in sys.path:
        sys.path.insert(0, p)

from spacy.tokens import Doc  # noqa: E402

from eval.data import report  # noqa: E402
from newsprism.models import load  # noqa: E402
from training import corpora  # noqa: E402

DEV = corpora.EWT / "en_ewt-ud-dev.conllu"


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _sent_spans(doc: Doc) -> set[tuple[int, int]]:
    return {(s.start, s.end) for s in doc.sents}


def evaluate(model: str = "news") -> dict[str, float]:
    """Score the named pipeline on EWT dev; returns a flat dict of metrics."""
    nlp = load(model)
    golds = corpora.ud_docs(DEV, nlp.vocab, sents_per_doc=10**9)
    inputs = [
        Doc(nlp.vocab, words=[t.text for t in g], spaces=[bool(t.whitespace_) for t in g])
        for g in golds
    ]
    disable = [name for name in nlp.pipe_names if name == "ner"]
    start = time.perf_counter()
    preds = list(nlp.pipe(inputs, disable=disable, batch_size=64))
    elapsed = time.perf_counter() - start

    n = uas = las = las_u = pos = tag = morph = lemma = 0
    sp_gold = sp_pred = sp_ok = 0
    sb_gold = sb_pred = sb_ok = 0
    for g, p in zip(golds, preds, strict=True):
        for gt, pt in zip(g, p, strict=True):
            n += 1
            gdep, pdep = gt.dep_.lower(), pt.dep_.lower()
            if gt.head.i == pt.head.i:
                uas += 1
                las += gdep == pdep
                las_u += gdep.split(":")[0] == pdep.split(":")[0]
            pos += gt.pos_ == pt.pos_
            tag += gt.tag_ == pt.tag_
            morph += str(gt.morph) == str(pt.morph)
            lemma += gt.lemma_.lower() == pt.lemma_.lower()
        gs, ps = _sent_spans(g), _sent_spans(p)
        sp_gold, sp_pred, sp_ok = sp_gold + len(gs), sp_pred + len(ps), sp_ok + len(gs & ps)
        gb = {s for s, _ in gs if s > 0}
        pb = {s for s, _ in ps if s > 0}
        sb_gold, sb_pred, sb_ok = sb_gold + len(gb), sb_pred + len(pb), sb_ok + len(gb & pb)
    sp, sr = sp_ok / sp_pred, sp_ok / sp_gold
    bp, br = sb_ok / max(sb_pred, 1), sb_ok / max(sb_gold, 1)
    return {
        "uas": round(uas / n, 4),
        "las": round(las / n, 4),
        "las_universal": round(las_u / n, 4),
        "pos_acc": round(pos / n, 4),
        "tag_acc": round(tag / n, 4),
        "morph_acc": round(morph / n, 4),
        "lemma_acc": round(lemma / n, 4),
        "sents_p": round(sp, 4),
        "sents_r": round(sr, 4),
        "sents_f": round(_f1(sp, sr), 4),
        "sent_boundary_f": round(_f1(bp, br), 4),
        "words": n,
        "words_per_s": round(n / elapsed),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="news")
    args = ap.parse_args()
    name = "parse" if args.model == "news" else f"parse@{args.model}"
    report(name, {"model": args.model, **evaluate(args.model)},
           f"python -m eval.parse --model {args.model}")  # fmt: skip


if __name__ == "__main__":
    main()
