"""Readers that turn the shared datasets into spaCy ``Doc`` objects with gold annotation.

Used by ``training/convert.py`` (to write .spacy files) and by ``eval/`` (to score dev sets).
Label mapping for NER (newsprism labels PERSON, ORG, PLACE, GROUP):

* CoNLL-2003 / CoNLL++ and wikigold: PER->PERSON, ORG->ORG, LOC->PLACE; MISC->GROUP when every
  token of the span is a nationality, religious or political group word (``group_words.py``),
  otherwise MISC->O (events, works, products, languages... are outside newsprism's labels).
* UNER EWT, BTC: PER->PERSON, ORG->ORG, LOC->PLACE. Their guidelines leave nationalities
  unannotated, so O tokens that are group words are marked *missing* rather than O.
* WNUT17: person->PERSON, location->PLACE, corporation->ORG, group->ORG (teams, bands, parties);
  product and creative-work -> O; group words handled as for UNER.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from training.group_words import is_group_span, is_group_word

DATA = Path("/work/shared/data")
EWT = DATA / "ud_english_ewt"
UNER = DATA / "uner_english_ewt"
CONLL = DATA / "conll2003_conllpp"
MISC = DATA / "ner_open_misc" / "data"

SENTS_PER_DOC = 10

# Source label -> newsprism label; None means "O" (a negative), "MISC" is resolved per span.
LABELS_CONLL = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE", "MISC": "MISC"}
LABELS_UNER = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE"}
LABELS_WNUT = {
    "person": "PERSON",
    "location": "PLACE",
    "corporation": "ORG",
    "group": "ORG",
    "product": None,
    "creative-work": None,
}
# newsprism label -> CoNLL/UNER label, used by the evaluation to score on the source labels.
TO_SOURCE = {"PERSON": "PER", "ORG": "ORG", "PLACE": "LOC", "GROUP": "MISC"}


# ---------------------------------------------------------------- UD (CoNLL-U)


def read_conllu(path: Path) -> Iterator[tuple[str | None, list[list[str]]]]:
    """Yield (newdoc id or None, rows of the 10 CoNLL-U columns) per sentence; words only."""
    newdoc: str | None = None
    rows: list[list[str]] = []
    with open(path, encoding="utf8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if rows:
                    yield newdoc, rows
                    newdoc, rows = None, []
                continue
            if line.startswith("#"):
                if line.startswith("# newdoc"):
                    newdoc = line.split("=", 1)[-1].strip() if "=" in line else "doc"
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue  # multiword-token ranges and empty nodes
            rows.append(cols)
    if rows:
        yield newdoc, rows


def _ud_doc(vocab: Vocab, sents: list[list[list[str]]]) -> Doc:
    words, spaces, tags, pos, morphs, lemmas, heads, deps = [], [], [], [], [], [], [], []
    offset = 0
    for rows in sents:
        for cols in rows:
            words.append(cols[1])
            spaces.append("SpaceAfter=No" not in cols[9])
            lemmas.append(cols[2])
            pos.append(cols[3])
            tags.append(cols[4])
            morphs.append("" if cols[5] == "_" else cols[5])
            head = int(cols[6])
            heads.append(offset + head - 1 if head else offset + int(cols[0]) - 1)
            deps.append("ROOT" if cols[7] == "root" else cols[7])
        offset += len(rows)
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        tags=tags,
        pos=pos,
        morphs=morphs,
        lemmas=lemmas,
        heads=heads,
        deps=deps,
    )


def ud_docs(path: Path, vocab: Vocab, sents_per_doc: int = SENTS_PER_DOC) -> list[Doc]:
    """UD sentences grouped into Docs of up to ``sents_per_doc`` sentences within a document."""
    docs: list[Doc] = []
    group: list[list[list[str]]] = []
    for newdoc, rows in read_conllu(path):
        if group and (newdoc is not None or len(group) >= sents_per_doc):
            docs.append(_ud_doc(vocab, group))
            group = []
        group.append(rows)
    if group:
        docs.append(_ud_doc(vocab, group))
    return docs


# ---------------------------------------------------------------- NER (IOB columns)


def read_columns(
    path: Path,
    word_col: int,
    tag_col: int,
    comment: str | None = None,
    newdoc: str | None = None,
) -> Iterator[tuple[bool, list[tuple[str, str]]]]:
    """Yield (starts_new_document, [(word, tag)]) per sentence from a column file; documents
    start at ``-DOCSTART-`` lines and, when ``newdoc`` is given, at comments that start so."""
    new_doc = True
    sent: list[tuple[str, str]] = []
    with open(path, encoding="utf8") as f:
        for line in f:
            line = line.rstrip("\n")
            if comment and line.startswith(comment):
                new_doc = new_doc or bool(newdoc and line.startswith(newdoc))
                continue
            cols = line.split("\t") if "\t" in line else line.split()
            if not line.strip() or not cols:
                if sent:
                    yield new_doc, sent
                    new_doc, sent = False, []
                continue
            if cols[0] == "-DOCSTART-":
                new_doc = True
                continue
            if len(cols) <= max(word_col, tag_col) or not cols[word_col].strip():
                continue  # a few BTC rows have an empty token
            sent.append((cols[word_col].strip(), cols[tag_col]))
    if sent:
        yield new_doc, sent


def iob_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) spans from IOB1 or IOB2 tags."""
    spans: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, lab = tag.partition("-")
        if prefix not in ("B", "I") or not lab:
            prefix, lab = "O", ""
        if start is not None and (prefix != "I" or lab != label):
            spans.append((start, i, label))
            start, label = None, None
        if prefix == "B" or (prefix == "I" and start is None):
            start, label = i, lab
    return spans


def _ner_doc(
    vocab: Vocab, sents: list[list[tuple[str, str]]], mapping: dict, group_words_missing: bool
) -> Doc:
    words = [w for s in sents for w, _ in s]
    tags = [t for s in sents for _, t in s]
    doc = Doc(vocab, words=words)
    sent_starts = []
    for s in sents:
        sent_starts += [True] + [False] * (len(s) - 1)
    for tok, ss in zip(doc, sent_starts, strict=True):
        tok.is_sent_start = ss
    ents: list[Span] = []
    covered: set[int] = set()
    for start, end, lab in iob_spans(tags):
        covered.update(range(start, end))
        target = mapping.get(lab)
        if target == "MISC":
            target = "GROUP" if is_group_span(words[start:end]) else None
        if target:
            ents.append(Span(doc, start, end, label=target))
    missing = []
    if group_words_missing:
        missing = [
            doc[i : i + 1] for i, w in enumerate(words) if i not in covered and is_group_word(w)
        ]
    # Entities are gold, the listed group words are unknown, everything else is O.
    doc.set_ents(ents, missing=missing, default="outside")
    return doc


def ner_docs(
    sents: Iterator[tuple[bool, list[tuple[str, str]]]],
    vocab: Vocab,
    mapping: dict,
    group_words_missing: bool,
    sents_per_doc: int = SENTS_PER_DOC,
) -> list[Doc]:
    docs: list[Doc] = []
    group: list[list[tuple[str, str]]] = []
    for new_doc, sent in sents:
        if group and (new_doc or len(group) >= sents_per_doc):
            docs.append(_ner_doc(vocab, group, mapping, group_words_missing))
            group = []
        group.append(sent)
    if group:
        docs.append(_ner_doc(vocab, group, mapping, group_words_missing))
    return docs


def conll_docs(split: str, vocab: Vocab) -> list[Doc]:
    """CoNLL-2003 train (``train``) or CoNLL++ dev (``dev``)."""
    path = CONLL / f"conllpp_{split}.txt"
    return ner_docs(read_columns(path, 0, 3), vocab, LABELS_CONLL, False)


def uner_docs(split: str, vocab: Vocab, group_words_missing: bool = True) -> list[Doc]:
    name = (
        "en_ewt-ud-train.EARLY-2022-12.cleaned.iob2" if split == "train" else "en_ewt-ud-dev.iob2"
    )
    return ner_docs(
        read_columns(UNER / name, 1, 2, comment="#"), vocab, LABELS_UNER, group_words_missing
    )


def wikigold_docs(vocab: Vocab) -> list[Doc]:
    path = MISC / "wikigold" / "CONLL-format" / "data" / "wikigold.conll.txt"
    return ner_docs(read_columns(path, 0, 1), vocab, LABELS_CONLL, False)


def wnut_docs(vocab: Vocab) -> list[Doc]:
    path = MISC / "WNUT17" / "CONLL-format" / "data" / "train" / "wnut17train.conll"
    return ner_docs(read_columns(path, 0, 1), vocab, LABELS_WNUT, True)


def btc_docs(vocab: Vocab, fraction: float = 0.4, seed: int = 0) -> list[Doc]:
    """A fixed-seed sample of the Broad Twitter Corpus (tweets are far from news; keep it small)."""
    docs: list[Doc] = []
    for sec in "abefgh":
        path = MISC / "BTC" / "CONLL-format" / "data" / f"{sec}.conll"
        docs += ner_docs(read_columns(path, 0, 1), vocab, LABELS_UNER, True)
    rng = random.Random(seed)
    return [d for d in docs if rng.random() < fraction]
