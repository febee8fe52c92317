"""newsprism's trained spaCy pipelines, shipped inside the package.

``load()`` returns the combined ``news`` pipeline (news tokenizer, tagger, morphologizer,
parser with sentence boundaries, lookup lemmatizer, NER with PERSON/ORG/PLACE/GROUP). It reads
only files under this directory; nothing is downloaded. Each model directory has a MODEL_CARD.md
with data, licences, label mapping and dev scores; ``training/`` rebuilds them.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["MODELS_DIR", "ModelNotFoundError", "available", "load", "model_path"]

MODELS_DIR = Path(__file__).resolve().parent


class ModelNotFoundError(FileNotFoundError):
    """A model artifact is not in the package (not trained, or not shipped)."""


def available() -> list[str]:
    """Names of the model artifacts present in the package."""
    return sorted(p.name for p in MODELS_DIR.iterdir() if (p / "config.cfg").is_file())


def model_path(name: str = "news") -> Path:
    """Directory of the named model; raises ModelNotFoundError when it is missing."""
    path = MODELS_DIR / name
    if not (path / "config.cfg").is_file() or not (path / "meta.json").is_file():
        raise ModelNotFoundError(
            f"newsprism model {name!r} not found at {path}. Available: {available() or 'none'}. "
            "Build it with `make models` (see training/README.md)."
        )
    return path


@functools.cache
def load(name: str = "news") -> Language:
    """Load a shipped pipeline by name, once per process (the result is cached and shared)."""
    import spacy

    # The pipeline's config names the news tokenizer; importing the module registers it.
    import newsprism.tokenizer  # noqa: F401

    return spacy.load(model_path(name))
