"""newsprism's trained spaCy pipelines, shipped inside the package.

``load()`` returns the combined ``news`` pipeline (news tokenizer, tagger, morphologizer,
parser with sentence boundaries, lookup lemmatizer, NER with PERSON/ORG/PLACE/GROUP, and
after it newsprism's document-level person-name rule, ``newsprism.names``), or the
pipeline that ``$NEWSPRISM_MODEL`` names (``news-accurate``: the same components reading
MiniLM's contextual states too, slower, see its MODEL_CARD.md). It reads only files under
this directory and the MiniLM wheel; nothing is downloaded. Each model directory has a MODEL_CARD.md
with data, licences, label mapping and dev scores; ``training/`` rebuilds them.
"""

from __future__ import annotations

import functools
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "MODELS_DIR",
    "ModelNotFoundError",
    "WordVectorCache",
    "available",
    "default_name",
    "load",
    "model_path",
    "speed_up",
]

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


def default_name() -> str:
    """The pipeline the stages use: ``$NEWSPRISM_MODEL`` (set from the ``model`` setting), else
    ``news``."""
    return os.environ.get("NEWSPRISM_MODEL") or "news"


def load(name: str | None = None) -> Language:
    """Load a shipped pipeline by name (default: ``default_name()``), once per process; the
    result is cached and shared."""
    return _load(name or default_name())


@functools.cache
def _load(name: str) -> Language:
    import spacy

    # The pipelines' configs name the news tokenizer and, in news-accurate, the MiniLM
    # embedding; importing the modules registers them.
    import newsprism.contextual  # noqa: F401
    import newsprism.tokenizer  # noqa: F401
    from newsprism.names import COMPONENT as PERSON_NAMES

    nlp = spacy.load(model_path(name))
    newsprism.tokenizer.add_special_cases(nlp.tokenizer)  # type: ignore[arg-type]
    speed_up(nlp)
    if "ner" in nlp.pipe_names:  # one document's people named consistently (newsprism/names.py)
        nlp.add_pipe(PERSON_NAMES, after="ner")
    return nlp


def speed_up(nlp: Language) -> None:
    """Make a loaded pipeline faster without changing a single prediction.

    * Matrix products go through numpy (OpenBLAS) instead of thinc's default BLIS, which runs
      at well under half of OpenBLAS's speed on this team's AMD EPYC machines (24 vs 61 GFLOP/s
      on one core, ``benchmarks/bench_models.py`` prints both pipelines).
    * Floret vectors are computed once per word: floret hashes each word's character n-grams in
      Python, and both tok2vecs (core and NER) look up every token of every article.
    """
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _name, component in nlp.components:
        model = getattr(component, "model", None)
        if model is not None:
            for layer in model.walk():
                layer.ops = ops
    vectors = nlp.vocab.vectors
    if getattr(vectors, "mode", None) == "floret" and not isinstance(vectors, WordVectorCache):
        nlp.vocab.vectors = WordVectorCache(vectors)


class WordVectorCache:
    """A floret vectors table that remembers each word's vector after its first lookup.

    spaCy's tok2vec calls ``get_batch`` on any vectors object that has it; everything else
    (mode, shape, serialisation) is the wrapped table's. Keys are string hashes, so a cached
    vector stays right when a memory zone forgets the string. Holds at most ``capacity`` words
    (48 MB at 96 dimensions) and starts afresh when full.
    """

    def __init__(self, table: Any, capacity: int = 1 << 17):
        self.table = table
        self.capacity = capacity
        self.rows: dict[int, int] = {}
        self.lock = threading.Lock()
        self.cache = numpy.empty((capacity, table.shape[1]), dtype="float32")

    def get_batch(self, keys: Any) -> Any:
        with self.lock:  # a pipeline shared by threads shares this table
            return self._get_batch([int(k) for k in keys])

    def _get_batch(self, keys: list[int]) -> Any:
        rows = self.rows
        new = list(dict.fromkeys(k for k in keys if k not in rows))
        if len(rows) + len(new) > self.capacity:  # full: start afresh with this batch's words
            rows.clear()
            new = list(dict.fromkeys(keys))
            if len(new) > self.capacity:
                return self.table.get_batch(keys)
        if new:
            start = len(rows)
            self.cache[start : start + len(new)] = self.table.get_batch(new)
            rows.update(zip(new, range(start, start + len(new)), strict=True))
        return self.cache[[rows[k] for k in keys]]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.table, name)
