"""The sides of an issue across a corpus: the speakers for, against and neither, how often,
in which outlets and over time.

A query is an issue or a topic in plain words ("foreign troops", "sugar tax"); it matches the
issues the stance stage found in articles and the text of the quotes themselves. The SQL is
in ``store/sides.py``; this module shapes its rows into one record for the CLI and the API.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..records import STANCE_LABELS
from ..store import Store
from ..store import sides as sql

_WORD = re.compile(r"[\w'’-]+")


@dataclass(frozen=True, slots=True)
class Voice:
    """One speaker on one side of the query: how often, where and when."""

    side: str
    speaker: str
    quotes: int
    articles: int
    sources: tuple[str, ...]
    first_date: str | None
    last_date: str | None


@dataclass(frozen=True, slots=True)
class SidesReport:
    """The voices on each side of a query, with quotes per outlet and per month."""

    query: str
    voices: dict[str, list[Voice]] = field(default_factory=dict)
    outlets: list[dict[str, Any]] = field(default_factory=list)  # source, side, quotes
    timeline: list[dict[str, Any]] = field(default_factory=list)  # month, side, quotes


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def sides(store: Store, query: str, limit: int = 50) -> SidesReport:
    """Who is for, against or neither on ``query``, across every article in ``store``."""
    words = _WORD.findall(query.lower())
    voices: dict[str, list[Voice]] = {label: [] for label in STANCE_LABELS}
    for r in sql.speakers(store.con, words, limit):
        voice = Voice(r["side"], r["speaker"], r["quotes"], r["articles"],
                      tuple(r["sources"] or ()), _iso(r["first_date"]), _iso(r["last_date"]))  # fmt: skip
        voices.setdefault(voice.side, []).append(voice)
    return SidesReport(query, voices, sql.outlets(store.con, words), sql.timeline(store.con, words))
