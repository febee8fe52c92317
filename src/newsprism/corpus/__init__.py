"""Across articles: duplicates and syndication, stories, and full-text search.

``build_corpus(store)`` (what ``newsprism index`` runs) refreshes all three; each module
can also be used alone. Results live in the store's corpus tables (schema migration 3) and,
for search, in an index folder beside the DuckDB file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..store import Store
from .duplicates import DuplicateOptions, DuplicateSummary, find_duplicates
from .search import SearchIndex, SearchOptions, index_path
from .stories import StoryOptions, StorySummary, find_stories


@dataclass(frozen=True, slots=True)
class CorpusOptions:
    duplicates: DuplicateOptions = field(default_factory=DuplicateOptions)
    stories: StoryOptions = field(default_factory=StoryOptions)


@dataclass(frozen=True, slots=True)
class CorpusSummary:
    duplicates: DuplicateSummary
    stories: StorySummary
    indexed: int  # articles added to the search index by this run
    index: str


def build_corpus(store: Store, options: CorpusOptions | None = None) -> CorpusSummary:
    """Find duplicates and stories, and bring the search index up to date."""
    options = options or CorpusOptions()
    dups = find_duplicates(store, options.duplicates)
    stories = find_stories(store, options.stories)
    path = index_path(store.path)
    with SearchIndex(path) as index:
        added = index.update(store)
    return CorpusSummary(dups, stories, added, str(path))


__all__ = [
    "CorpusOptions", "CorpusSummary", "DuplicateOptions", "SearchIndex", "SearchOptions",
    "StoryOptions", "build_corpus", "find_duplicates", "find_stories", "index_path",
]  # fmt: skip
