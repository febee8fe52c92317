"""Parse: run newsprism's trained spaCy pipeline (tagger, parser, NER) over the body once.

Later stages (entities, quotes, events) read the parse from ``Analysis.doc``; the pipeline
drops it before the analysis leaves, so only plain records travel and get stored.
"""

from __future__ import annotations

from dataclasses import replace

from ..records import Analysis

MAX_CHARS = 200_000  # a longer body is parsed up to here (spaCy's cost grows with length)


class Parse:
    name: str = "parse"
    version: int = 1
    requires: tuple[str, ...] = ("article.body",)
    assigns: tuple[str, ...] = ("doc",)

    def __init__(self, model: str = "news") -> None:
        from ..models import load

        self.nlp = load(model)  # fails here, at build time, when the model is missing

    def __call__(self, analysis: Analysis) -> Analysis:
        return replace(analysis, doc=self.nlp(analysis.article.body[:MAX_CHARS]))
