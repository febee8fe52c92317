"""Collection: discover article URLs in feeds, sitemaps and pages, fetch them politely, store them.

``collect(entries, store, pipeline, options)`` runs one round or, with ``every``, a round
every so many seconds; ``newsprism collect`` is a thin layer over it. See docs/COLLECT.md.
"""

from __future__ import annotations

from .fetch import USER_AGENT, FetchOptions
from .run import (
    CollectOptions,
    RoundSummary,
    collect,
    collect_round,
    parse_interval,
    stop_on_interrupt,
)
from .sources import KINDS, SourceEntry, SourcesError, load_sources
from .urls import normalize_url

__all__ = [
    "KINDS",
    "USER_AGENT",
    "CollectOptions",
    "FetchOptions",
    "RoundSummary",
    "SourceEntry",
    "SourcesError",
    "collect",
    "collect_round",
    "load_sources",
    "normalize_url",
    "parse_interval",
    "stop_on_interrupt",
]
