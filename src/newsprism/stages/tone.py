"""Tone: GDELT-style document tone from the VADER lexicon, and a sentiment score per quote.

GDELT's measures: ``positive`` and ``negative`` are the percentages of the body's words that
carry positive or negative valence, ``tone`` their difference, ``polarity`` their sum, and
``words`` the word count. Each quote gets VADER's compound score (-1 to 1), which handles
negation and intensifiers within a sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

from ..records import Analysis, Tone

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@lru_cache(maxsize=1)
def analyzer() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def document_tone(text: str) -> Tone:
    """Positive and negative word shares of a text, in percent, as GDELT reports them."""
    lexicon = analyzer().lexicon
    words = _WORD.findall(text.lower().replace("’", "'"))
    pos = neg = 0
    for w in words:
        valence = lexicon.get(w)
        if valence is None:
            continue
        if valence > 0:
            pos += 1
        elif valence < 0:
            neg += 1
    n = len(words)
    positive = 100 * pos / n if n else 0.0
    negative = 100 * neg / n if n else 0.0
    return Tone(tone=round(positive - negative, 3), positive=round(positive, 3),
                negative=round(negative, 3), polarity=round(positive + negative, 3), words=n)  # fmt: skip


def sentiment(text: str) -> float:
    """VADER's compound score of a sentence or quote, from -1 (negative) to 1 (positive)."""
    return float(analyzer().polarity_scores(text)["compound"])


class ToneStage:
    name: str = "tone"
    version: int = 1
    requires: tuple[str, ...] = ("article.body",)
    assigns: tuple[str, ...] = ("tone", "quotes.sentiment")

    def __call__(self, analysis: Analysis) -> Analysis:
        quotes = tuple(replace(q, sentiment=round(sentiment(q.text), 4)) for q in analysis.quotes)
        return replace(analysis, tone=document_tone(analysis.article.body), quotes=quotes)
