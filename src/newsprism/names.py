"""One document's people named consistently: a fix the NER cannot make sentence by sentence.

A reporter names a person in full once ("Julius Nyerere") and by one name after that
("Nyerere said"). The NER reads each word in a window of a few words around it, so it can miss
the lone name, or call it an organisation or a place ("Pirelli", "Chechnya" and "Ruch" are all
three in CoNLL sports and business pages). ``person_names`` reads the whole document: a single
word that is the first or last word of a person the NER found in full is that person wherever it
stands alone (first names count for names written family name first, "Xiao Zhiyong").

The pipeline runs it after ``ner`` on each article (component ``newsprism_person_names``, added by
``newsprism.models.load``); ``eval/ner.py`` runs it on the sentences of each gold document.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span

PERSON = "PERSON"
COMPONENT = "newsprism_person_names"


def person_names(docs: Sequence[Doc]) -> None:
    """Label the lone first and last names of the documents' full PERSON names PERSON, in place.

    ``docs`` are the parts (sentences, fields) of one document, or one Doc for the whole of it.
    A lone name already inside another entity keeps it when that entity is longer; a free one is
    added unless it runs into other capitalised words (then it is part of a name the NER missed)
    or is a common word ("Such", "Will").
    """
    names = {
        part
        for doc in docs
        for ent in doc.ents
        if ent.label_ == PERSON and len(ent) > 1
        for part in (ent[0].text, ent[-1].text)
    }
    if not names:
        return
    for doc in docs:
        _name_people(doc, names)


def _name_people(doc: Doc, names: set[str]) -> None:
    ents = [
        Span(doc, e.start, e.end, label=PERSON)
        if len(e) == 1 and e.label_ != PERSON and e.text in names
        else e
        for e in doc.ents
    ]
    taken = [False] * len(doc)
    for e in ents:
        taken[e.start : e.end] = [True] * len(e)

    def free_capital(i: int) -> bool:
        return 0 <= i < len(doc) and not taken[i] and doc[i].text[:1].isupper()

    for tok in doc:
        i, text = tok.i, tok.text
        if (
            text in names
            and not taken[i]
            and len(text) > 1
            and not text.isupper()
            and text.lower() not in STOP_WORDS
            and not free_capital(i - 1)
            and not free_capital(i + 1)
        ):
            ents.append(Span(doc, i, i + 1, label=PERSON))
            taken[i] = True
    doc.ents = sorted(ents, key=lambda e: e.start)


@Language.component(COMPONENT)
def person_names_component(doc: Doc) -> Doc:
    """The pipeline component: ``person_names`` over one whole article."""
    person_names([doc])
    return doc
