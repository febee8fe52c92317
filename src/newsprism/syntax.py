"""Reading a dependency parse: subjects, objects, prepositional objects, noun phrases.

spaCy makes a new Token object at each access: compare tokens by ``.i``, never with ``is``.

newsprism's parser is trained on Universal Dependencies (prepositions hang off their noun as
``case``; "of" phrases are ``nmod``), while spaCy's English models use ClearNLP labels (``prep``
heads a ``pobj``). These helpers accept both, so stages read roles, not label sets.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "nsubj:pass", "csubjpass", "csubj:pass"})
OBJECTS = frozenset({"dobj", "obj"})
RECIPIENTS = frozenset({"iobj", "dative"})
_LEFT = frozenset(
    {"det", "amod", "compound", "poss", "nmod:poss", "nummod", "quantmod", "flat", "punct"}
)
_RIGHT = frozenset({"compound", "flat", "flat:name", "nummod", "fixed"})
_CASE = frozenset({"case", "fixed", "mark", "cc"})


def subject(verb: Any) -> Any | None:
    """The verb's subject. The parser never saw whitespace in training and sometimes makes a
    stray space or line break the subject ("said  Yaakov Amidror"): then the word right after
    the space, or a second subject after a finite verb ("...,” said\nAdrian Mapp"), is the
    real one. Two subjects side by side are one phrase the parser split; the second heads it."""
    found = [c for c in verb.children if c.dep_ in SUBJECTS]
    if len(found) > 1 and found[0].right_edge.i + 1 == found[1].left_edge.i < verb.i:
        # one noun phrase split in two: "Aurex | chief executive Simon Kraal said"
        return found[1]
    if not found or not found[0].is_space:
        return found[0] if found else None
    word = next((g for g in found[0].children if g.i == found[0].i + 1 and not g.is_punct), None)
    if word is None and verb.tag_ in ("VBD", "VBZ", "VBP"):
        word = next((c for c in found[1:] if c.i > verb.i and not c.is_space), None)
    return word


def passive_subject(verb: Any) -> Any | None:
    return next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECTS), None)


def obj(verb: Any) -> Any | None:
    return next((c for c in verb.children if c.dep_ in OBJECTS), None)


def prep_objects(tok: Any) -> Iterator[tuple[str, Any]]:
    """(preposition, its object) for each prepositional phrase attached to ``tok``."""
    for child in tok.children:
        if child.dep_ == "prep":  # ClearNLP: prep -> pobj
            for grand in child.children:
                if grand.dep_ in ("pobj", "pcomp"):
                    yield child.lower_, grand
        elif child.dep_.startswith(("obl", "nmod")) and child.dep_ != "nmod:poss":  # UD: case
            case = next((g for g in child.children if g.dep_ == "case"), None)
            if case is not None:
                yield case.lower_, child
        elif child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    yield "by", grand


def prep_object(tok: Any, *words: str) -> Any | None:
    return next((o for p, o in prep_objects(tok) if p in words), None)


def entity_at(tok: Any) -> Any | None:
    """The named entity a token is part of, if any (read from the IOB tags: ``doc.ents``
    builds every entity span anew at each access)."""
    from spacy.tokens import Span

    if tok.ent_iob_ not in ("B", "I"):
        return None
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=tok.ent_type_)


def phrase(tok: Any) -> Any:
    """The noun phrase a token heads, without clauses and appositions; a named entity whole."""
    if tok.ent_type_ and (ent := entity_at(tok)) is not None:
        return ent
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in _LEFT:
            start = min(start, child.left_edge.i)
    end = tok.i + 1
    of = {o.i for p, o in prep_objects(tok) if p == "of"}
    for child in tok.rights:
        if child.i in of:  # "one of its organisers", without what describes the organisers
            end = max(end, phrase(child).end)
        elif child.dep_ in _RIGHT or (child.dep_ == "prep" and child.lower_ == "of"):
            end = max(end, child.right_edge.i + 1)
    span = tok.doc[start:end]
    # a leading comma took in what stands between it and the phrase: ", according to the union"
    while len(span) > 1 and (span[0].is_punct or span[0].is_space or span[0].dep_ in _CASE):
        span = span[1:]
    while len(span) > 1 and (span[-1].is_punct or span[-1].is_space):
        span = span[:-1]
    return span


def comma_before(tok: Any) -> Any | None:
    """The comma that sets a token's phrase off ("..., saying ..."), whether the parser hangs
    it on the phrase or leaves it just before; None when there is none."""
    first = tok.left_edge
    if first.text == ",":
        return first
    return tok.doc[first.i - 1] if first.i > 0 and tok.doc[first.i - 1].text == "," else None


def dateline(tok: Any) -> int | None:
    """Where the dash after a dateline is, when ``tok`` is a place in capitals opening its
    paragraph before one: "WASHINGTON —", "ST. LOUIS --", "LONDON (Reuters) -"."""
    doc = tok.doc
    if not (tok.is_upper and len(tok.text) > 1):
        return None
    start = tok.i
    while start > 0 and not doc[start - 1].is_space:
        if not (doc[start - 1].is_upper or doc[start - 1].is_punct):
            return None
        start -= 1
    i = tok.i + 1
    while i < len(doc) and doc[i].is_upper and doc[i].is_alpha:  # "SAN FRANCISCO (AP) —"
        i += 1
    if i < len(doc) and doc[i].text == "(":  # the agency: "(Reuters)"
        close = next((t.i for t in doc[i : i + 6] if t.text == ")"), None)
        i = close + 1 if close is not None else i
    if i + 1 >= len(doc) or doc[i].text not in ("—", "--", "–", "-") or doc[i + 1].is_lower:
        return None  # "GNYHA – a lobbying group ... – said": a name and its apposition
    return i


def clause_end(tok: Any) -> int:
    """The character offset where a token's subtree ends, trailing punctuation excluded."""
    edge = tok.right_edge
    while (edge.is_punct or edge.is_space) and edge.i > tok.i:
        edge = edge.doc[edge.i - 1]
    return int(edge.idx + len(edge.text))


def lead_sentences(doc: Any, n: int) -> list[Any]:
    """The first ``n`` sentences of a Doc, not counting paragraph breaks ("\n\n"), which the
    parser makes sentences of their own, or anything else without a word."""
    out: list[Any] = []
    for sent in doc.sents:
        if len(out) == n:
            break
        if any(t.is_alpha for t in sent):  # not a break, nor a stray quotation mark
            out.append(sent)
    return out


def sentence_before(sent: Any) -> Any | None:
    """The sentence before ``sent``, past the paragraph breaks the parser makes sentences of
    their own ("\n\n"); None at the start of the text."""
    i = sent.start - 1
    while i >= 0 and sent.doc[i].is_space:
        i -= 1
    return sent.doc[i].sent if i >= 0 else None


_TEXT = "newsprism.text"


def doc_text(doc: Any) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token's text anew at each access."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return str(text)


def remember_text(doc: Any, text: str) -> None:
    """Record the text a Doc was made from, so that ``doc_text`` never has to build it."""
    doc.user_data[_TEXT] = text
