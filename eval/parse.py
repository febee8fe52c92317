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
* ``*_paragraphs``: the same measures with each paragraph (EWT's ``# newpar``) parsed alone and
  the parses joined, as ``newsprism.stages.parse`` reads an article (a paragraph break is a
  sentence break there), and as the CoNLL 2018 shared task's raw text kept paragraph breaks.
  The plain measures read each document as one run of text with no paragraph breaks.

Run: python -m eval.parse [--model news]; writes eval/results/parse.json.
"""

from __future__ import annotations

import argparse
import sys
import time
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for p in (str(ROOT), str(ROOT / "src")):
    if p not in sys.path:
        sys.path.insert(0, p)

from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc, Span  # noqa: E402

from eval.data import report  # noqa: E402
from newsprism.models import load  # noqa: E402
from training import corpora  # noqa: E402

DEV = corpora.EWT / "en_ewt-ud-dev.conllu"


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _sent_spans(doc: Doc) -> set[tuple[int, int]]:
    return {(s.start, s.end) for s in doc.sents}


def _paragraph_starts(path: Path) -> list[list[bool]]:
    """Per document, per sentence: whether it opens a paragraph (``# newpar``)."""
    docs: list[list[bool]] = []
    opens = False
    with open(path, encoding="utf8") as f:
        for line in f:
            if line.startswith("# newdoc"):
                docs.append([])
                opens = True
            elif line.startswith("# newpar"):
                opens = True
            elif line.startswith("# sent_id"):
                docs[-1].append(opens)
                opens = False
    return docs


def _words(g: Doc | Span) -> Doc:
    """The words of ``g`` as a fresh, unannotated Doc."""
    return Doc(g.vocab, words=[t.text for t in g], spaces=[bool(t.whitespace_) for t in g])


def _by_paragraph(nlp: Language, golds: list[Doc], disable: list[str]) -> list[Doc]:
    """Each gold document's paragraphs parsed alone and joined back into one Doc."""
    preds = []
    for g, opens in zip(golds, _paragraph_starts(DEV), strict=True):
        sents = list(g.sents)
        cuts = sorted({0, len(g)} | {s.start for s, o in zip(sents, opens, strict=True) if o})
        parts = [_words(g[a:b]) for a, b in pairwise(cuts)]
        preds.append(Doc.from_docs(list(nlp.pipe(parts, disable=disable)), ensure_whitespace=False))
    return preds


def evaluate(model: str = "news") -> dict[str, float]:
    """Score the named pipeline on EWT dev; returns a flat dict of metrics."""
    nlp = load(model)
    golds = corpora.ud_docs(DEV, nlp.vocab, sents_per_doc=10**9)
    disable = [name for name in nlp.pipe_names if name == "ner"]
    start = time.perf_counter()
    preds = list(nlp.pipe([_words(g) for g in golds], disable=disable, batch_size=64))
    elapsed = time.perf_counter() - start
    by_paragraph = _score(golds, _by_paragraph(nlp, golds, disable))
    return {
        **_score(golds, preds),
        **{f"{k}_paragraphs": by_paragraph[k] for k in PARAGRAPH_MEASURES},
        "words": sum(map(len, golds)),
        "words_per_s": round(sum(map(len, golds)) / elapsed),
    }


PARAGRAPH_MEASURES = ("uas", "las", "sents_f", "sent_boundary_f")


def _score(golds: list[Doc], preds: list[Doc]) -> dict[str, float]:
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
