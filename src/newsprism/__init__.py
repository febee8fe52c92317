"""newsprism: who said what, where, when, and on which side, across thousands of articles."""

from __future__ import annotations

from .api import analyze, read
from .config import Settings, load_settings
from .pipeline import Pipeline
from .readers import ReadOptions
from .records import (
    Analysis,
    Article,
    DateRef,
    Entity,
    Event,
    Issue,
    Mention,
    OffTopic,
    Place,
    Problem,
    Quote,
    Speaker,
    Stance,
    Tone,
)
from .stance import stance
from .store import Store

__version__ = "0.1.0"
__all__ = [
    "Analysis", "Article", "DateRef", "Entity", "Event", "Issue", "Mention", "OffTopic",
    "Pipeline", "Place", "Problem", "Quote", "ReadOptions", "Settings", "Speaker", "Stance",
    "Store", "Tone", "analyze", "load_settings", "read", "stance",
]  # fmt: skip
