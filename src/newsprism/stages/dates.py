"""Dates: time expressions in the body, resolved against the publication date (timex.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..records import Analysis
from ..timex import tag


class Dates:
    """Find dates, times, durations and sets; values in TimeML, resolved as a reader would."""

    name: str = "dates"
    version: int = 1
    requires: tuple[str, ...] = ("article.body",)
    assigns: tuple[str, ...] = ("dates",)

    def __call__(self, analysis: Analysis) -> Analysis:
        a = analysis.article
        dct = date.fromisoformat(a.date) if a.date else None
        return replace(analysis, dates=tuple(tag(a.body, dct)))
