"""Dev-set evaluation of the news pipeline's named entities: exact-span P/R/F1 per type.

Data (gold tokenization):
* CoNLL++ dev (CoNLL-2003 testa, 3,250 sentences): predictions mapped back to CoNLL labels
  (PERSON->PER, ORG->ORG, PLACE->LOC); scored on PER, ORG, LOC (``conll_*``). newsprism has no
  MISC, so MISC is not scored; GROUP is scored separately (``conll_group_*``) against the MISC
  spans that training/corpora.py maps to GROUP (nationality/religion/party words).
* UNER English EWT dev (2,001 sentences): PER, ORG, LOC (``uner_*``); predicted GROUP ignored.

A predicted entity counts only if its start, end and label all equal a gold entity's.
``*_f1`` without a type is the micro average over PER, ORG and LOC. The pipeline's document-level
person-name rule (newsprism/names.py) runs over the sentences of each gold document
(``-DOCSTART-``, ``# newdoc``); ``*_f1_ner_alone`` is the score without it. One Doc per sentence,
as the datasets are distributed and as the NER was trained (multi-sentence Docs let list-like
EWT lines run into each other and cost UNER about 0.1 F1).

Run: python -m eval.ner [--model news]; writes eval/results/ner.json.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for p in (str(ROOT), str(ROOT / "src")):
    if p not in sys.path:
        sys.path.insert(0, p)

from spacy.tokens import Doc  # noqa: E402

from eval.data import report  # noqa: E402
from newsprism.models import load  # noqa: E402
from newsprism.names import person_names  # noqa: E402
from training import corpora  # noqa: E402
from training.group_words import is_group_span  # noqa: E402

TYPES = ("PER", "ORG", "LOC")
SENTS_PER_DOC = 1
Spans = set[tuple[int, int, int, str]]  # (doc index, start, end, label)


def _gold(sents_iter) -> tuple[list[list[str]], list[int], Spans]:
    """One Doc (word list) per gold sentence, as in the CoNLL and UNER evaluations, the gold
    document each belongs to, and the spans."""
    docs: list[list[str]] = []
    doc_ids: list[int] = []
    spans: Spans = set()
    words: list[str] = []
    n_sents = 0
    n_docs = 0

    def flush() -> None:
        nonlocal words, n_sents
        if words:
            docs.append(words)
            doc_ids.append(n_docs)
        words, n_sents = [], 0

    for new_doc, sent in sents_iter:
        if words and (new_doc or n_sents >= SENTS_PER_DOC):
            flush()
        if new_doc and docs:
            n_docs += 1
        offset = len(words)
        sent_words = [w for w, _ in sent]
        for start, end, lab in corpora.iob_spans([t for _, t in sent]):
            if lab == "MISC" and is_group_span(sent_words[start:end]):
                lab = "GROUP"
            spans.add((len(docs), offset + start, offset + end, lab))
        words += sent_words
        n_sents += 1
    flush()
    return docs, doc_ids, spans


def _predict(model: str, docs: list[list[str]], doc_ids: list[int]) -> tuple[Spans, Spans]:
    """Predicted spans with the document-level person-name rule, and the NER's alone."""
    nlp = load(model)
    # the NER, and a shared tok2vec when the NER listens to one (training/configs/ner_shared.cfg)
    keep = {"ner"} | {name for name, pipe in nlp.pipeline
                      if "ner" in getattr(pipe, "listening_components", ())}  # fmt: skip
    disable = [name for name in nlp.pipe_names if name not in keep]
    inputs = [Doc(nlp.vocab, words=words) for words in docs]
    parsed = list(nlp.pipe(inputs, disable=disable, batch_size=64))
    alone = _spans(parsed)
    by_document: dict[int, list[Doc]] = {}
    for doc, doc_id in zip(parsed, doc_ids, strict=True):
        by_document.setdefault(doc_id, []).append(doc)
    for sents in by_document.values():  # what the pipeline's component does to a whole article
        person_names(sents)
    return _spans(parsed), alone


def _spans(docs: list[Doc]) -> Spans:
    return {(i, ent.start, ent.end, corpora.TO_SOURCE.get(ent.label_, ent.label_))
            for i, doc in enumerate(docs) for ent in doc.ents}  # fmt: skip


def _prf(gold: Spans, pred: Spans, prefix: str, types: tuple[str, ...]) -> dict[str, float]:
    out: dict[str, float] = {}
    tp, n_gold, n_pred = Counter(), Counter(), Counter()
    for s in gold:
        n_gold[s[3]] += 1
    for s in pred:
        n_pred[s[3]] += 1
        tp[s[3]] += s in gold
    for label in (*types, None):
        keys = types if label is None else (label,)
        t = sum(tp[k] for k in keys)
        p = t / max(sum(n_pred[k] for k in keys), 1)
        r = t / max(sum(n_gold[k] for k in keys), 1)
        name = prefix if label is None else f"{prefix}_{label.lower()}"
        out[f"{name}_p"] = round(p, 4)
        out[f"{name}_r"] = round(r, 4)
        out[f"{name}_f1"] = round(2 * p * r / (p + r) if p + r else 0.0, 4)
    return out


def evaluate(model: str = "news") -> dict[str, float]:
    """Score the named pipeline on CoNLL++ dev and UNER EWT dev; flat dict of metrics."""
    scores: dict[str, float] = {}
    docs, doc_ids, gold = _gold(corpora.read_columns(corpora.CONLL / "conllpp_dev.txt", 0, 3))
    pred, alone = _predict(model, docs, doc_ids)
    scores.update(_prf(gold, pred, "conll", TYPES))
    scores["conll_f1_ner_alone"] = _prf(gold, alone, "conll", TYPES)["conll_f1"]
    # GROUP comes back as MISC; score it against the MISC spans that training maps to GROUP.
    pred_group = {(*s[:3], "GROUP") for s in pred if s[3] == "MISC"}
    group = _prf({s for s in gold if s[3] == "GROUP"}, pred_group, "conll", ("GROUP",))
    scores.update({k: v for k, v in group.items() if k.startswith("conll_group_")})
    uner_path = corpora.UNER / "en_ewt-ud-dev.iob2"
    docs, doc_ids, gold = _gold(
        corpora.read_columns(uner_path, 1, 2, comment="#", newdoc="# newdoc")
    )
    pred, alone = _predict(model, docs, doc_ids)
    scores.update(_prf(gold, pred, "uner", TYPES))
    scores["uner_f1_ner_alone"] = _prf(gold, alone, "uner", TYPES)["uner_f1"]
    return scores


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="news")
    args = ap.parse_args()
    name = "ner" if args.model == "news" else f"ner@{args.model}"
    report(name, {"model": args.model, **evaluate(args.model)},
           f"python -m eval.ner --model {args.model}")  # fmt: skip


if __name__ == "__main__":
    main()
