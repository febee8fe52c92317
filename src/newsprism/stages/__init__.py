"""The built-in stages, in one explicit list (no registration by import side effects).

A stage is a callable ``Analysis -> Analysis`` with a ``name``, a ``version``, the fields
it ``requires`` and the fields it ``assigns``; the pipeline checks the order when built.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from ..records import Analysis
from .dates import Dates
from .entities import Entities
from .events import Events
from .layout import Layout
from .parse import Parse
from .places import Places
from .quotes import Quotes
from .stance import Sides
from .tone import ToneStage


class Stage(Protocol):
    name: str
    version: int
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, analysis: Analysis) -> Analysis: ...


# name -> factory; the versioned name ("layout@1") is what a store records for provenance
REGISTRY: dict[str, Callable[..., Stage]] = {
    "layout": Layout,
    "parse": Parse,  # the trained spaCy pipeline: tags, parse, named entities
    "dates": Dates,
    "entities": Entities,
    "places": Places,
    "quotes": Quotes,
    "events": Events,
    "tone": ToneStage,
    "stance": Sides,  # the issue in dispute and the sides its voices take
}
DEFAULT_STAGES: tuple[str, ...] = (
    "layout", "parse", "dates", "entities", "places", "quotes", "events", "tone", "stance",
)  # fmt: skip

__all__ = ["DEFAULT_STAGES", "REGISTRY", "Stage"]
