"""Parse: run newsprism's trained spaCy pipeline (tagger, parser, NER) over the body once.

Paragraphs are parsed one by one and joined back into one Doc over the exact body text: the
models were trained on sentences, and a paragraph break inside the parser's input makes it
attach words across paragraphs. Later stages (entities, quotes, events) read the parse from
``Analysis.doc``; the pipeline drops it before the analysis leaves, so only plain records
travel and get stored.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..records import Analysis
from ..syntax import remember_text

MAX_CHARS = 200_000  # a longer body is parsed up to here (spaCy's cost grows with length)
_PARAGRAPH = re.compile(r".+?(?:\n\s*\n|$)", re.S)


def parse(nlp: Any, text: str) -> Any:
    """One Doc over ``text``, each paragraph (with the blank line after it) parsed alone."""
    from spacy.tokens import Doc

    parts = [m.group() for m in _PARAGRAPH.finditer(text) if m.group()]
    if len(parts) <= 1:
        doc = nlp(text)
    else:
        doc = Doc.from_docs(list(nlp.pipe(parts)), ensure_whitespace=False)
    end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    assert end == len(text), "the parse does not cover the text it was made from"
    remember_text(doc, text)  # later stages read doc_text(doc) instead of rebuilding it
    return doc


class Parse:
    name: str = "parse"
    version: int = 1
    requires: tuple[str, ...] = ("article.body",)
    assigns: tuple[str, ...] = ("doc",)

    def __init__(self, model: str | None = None) -> None:
        from ..models import load

        self.nlp = load(model)  # fails here, at build time, when the model is missing

    def __call__(self, analysis: Analysis) -> Analysis:
        return replace(analysis, doc=parse(self.nlp, analysis.article.body[:MAX_CHARS]))
