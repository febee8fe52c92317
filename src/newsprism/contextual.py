"""Contextual word features from MiniLM, for the optional ``news-accurate`` pipeline.

The default ``news`` pipeline embeds each token from its own form (hashed NORM, PREFIX,
SUFFIX, SHAPE and floret vectors) and gets context only from a four-layer CNN. The accurate
pipeline adds what a transformer has read around each word: the hidden states of the offline
MiniLM encoder (``newsprism.minilm``, all-MiniLM-L6-v2), kept frozen, are averaged over each
spaCy token's wordpieces and concatenated to the hashed embeddings before the CNN
(``newsprism.MiniLMEmbed.v1``, named in the pipeline's config).

An article longer than one window (254 wordpieces) is read in overlapping windows, and each
wordpiece takes its states from the window it sits nearest the middle of. A Doc's features are
computed once and kept in ``doc.user_data``, so the tagger/parser tok2vec and the NER's own
tok2vec share them, and the pipeline's last component (``newsprism_release_minilm``) drops
them; training, which sees the same sentences every epoch, also keeps them by text
(``NEWSPRISM_MINILM_CACHE`` entries; none by default).
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Maxout, Model, chain, concatenate, with_array

WIDTH = 384  # MiniLM's hidden size
WINDOW = 254  # wordpieces per window; [CLS] and [SEP] make 256, the model's max_seq_length
STRIDE = WINDOW // 2
BATCH = 16  # windows per forward pass


_PREFIX = "newsprism.minilm."


def user_data_key(layers: tuple[int, ...]) -> str:
    """Where a Doc keeps its features (float16), in ``doc.user_data``."""
    return _PREFIX + ",".join(map(str, layers))


class MiniLMFeatures:
    """Per-token MiniLM states for Docs: ``features(docs, layers)`` -> one float32 array each."""

    def __init__(self) -> None:
        self._encoder = None
        self._tokenizer = None
        self._lock = threading.Lock()
        self.cache: OrderedDict[tuple[str, tuple[int, ...], tuple[int, ...]], np.ndarray] = (
            OrderedDict()
        )
        self.cache_size = int(os.environ.get("NEWSPRISM_MINILM_CACHE", "0"))

    def _load(self):
        with self._lock:
            if self._encoder is None:
                from tokenizers import Tokenizer

                from newsprism.minilm import model_dir, shared

                tokenizer = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
                tokenizer.no_truncation()
                tokenizer.no_padding()
                self._tokenizer = tokenizer
                self._encoder = shared()
        return self._encoder, self._tokenizer

    def __call__(self, docs: Sequence[Doc], layers: tuple[int, ...]) -> list[np.ndarray]:
        user_key = user_data_key(layers)
        keys = [  # for the training cache only: the same text may come tokenized two ways
            (doc.text, tuple(t.idx for t in doc), layers) if self.cache_size else None
            for doc in docs
        ]
        out: list[np.ndarray] = []
        todo: list[int] = []
        for i, doc in enumerate(docs):
            found = doc.user_data.get(user_key)
            key = keys[i]
            if found is None and key is not None:
                found = self.cache.get(key)
            if found is None or len(found) != len(doc):  # none yet, or retokenized since
                todo.append(i)
                found = np.zeros((0, 0), np.float16)
            out.append(found)
        if todo:
            for i, feats in zip(todo, self._compute([docs[i] for i in todo], layers), strict=True):
                out[i] = feats
                key = keys[i]
                if key is not None:
                    self.cache[key] = feats
                    while len(self.cache) > self.cache_size:
                        self.cache.popitem(last=False)
        for doc, feats in zip(docs, out, strict=True):
            doc.user_data[user_key] = feats
        return [f.astype(np.float32) for f in out]

    def _compute(self, docs: Sequence[Doc], layers: tuple[int, ...]) -> list[np.ndarray]:
        encoder, tokenizer = self._load()
        torch = encoder.torch
        cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
        encodings = tokenizer.encode_batch([doc.text for doc in docs], add_special_tokens=False)

        # Cut each Doc's wordpieces into windows; remember where each window's rows go.
        windows: list[tuple[int, int, int]] = []  # (doc index, first wordpiece, last + 1)
        for d, enc in enumerate(encodings):
            n = len(enc.ids)
            starts = list(range(0, max(n - WINDOW, 0) + 1, STRIDE))
            if starts[-1] + WINDOW < n:
                starts.append(n - WINDOW)
            windows.extend((d, s, min(s + WINDOW, n)) for s in starts)

        piece_states = [np.zeros((len(e.ids), WIDTH * len(layers)), np.float16) for e in encodings]
        best = [np.full(len(e.ids), np.inf) for e in encodings]  # distance to a window's middle
        order = sorted(range(len(windows)), key=lambda w: windows[w][1] - windows[w][2])
        with torch.inference_mode():
            for b in range(0, len(order), BATCH):
                batch = [windows[w] for w in order[b : b + BATCH]]
                length = max(end - start for _, start, end in batch) + 2
                ids = torch.zeros((len(batch), length), dtype=torch.long)
                mask = torch.zeros((len(batch), length), dtype=torch.bool)
                for row, (d, start, end) in enumerate(batch):
                    pieces = [cls, *encodings[d].ids[start:end], sep]
                    ids[row, : len(pieces)] = torch.tensor(pieces)
                    mask[row, : len(pieces)] = True
                states = encoder.layer_states(ids, mask)
                joined = torch.cat([states[k - 1] for k in layers], dim=-1).numpy()
                for row, (d, start, end) in enumerate(batch):
                    middle = (start + end - 1) / 2
                    dist = np.abs(np.arange(start, end) - middle)
                    take = dist < best[d][start:end]
                    best[d][start:end][take] = dist[take]
                    piece_states[d][start:end][take] = joined[row, 1 : 1 + end - start][take]

        return [
            _to_tokens(doc, enc.offsets, states)
            for doc, enc, states in zip(docs, encodings, piece_states, strict=True)
        ]


def _to_tokens(doc: Doc, offsets: list[tuple[int, int]], states: np.ndarray) -> np.ndarray:
    """Average wordpiece rows over the spaCy token each wordpiece starts in."""
    out = np.zeros((len(doc), states.shape[1]), np.float32)
    if not len(doc) or not len(offsets):
        return out.astype(np.float16)
    token_starts = np.array([t.idx for t in doc])
    piece_starts = np.array([s for s, _ in offsets])
    token_of = np.searchsorted(token_starts, piece_starts, side="right") - 1
    np.add.at(out, token_of, states.astype(np.float32))
    counts = np.bincount(token_of, minlength=len(doc)).astype(np.float32)
    out /= np.maximum(counts, 1)[:, None]
    return out.astype(np.float16)


FEATURES = MiniLMFeatures()
RELEASE = "newsprism_release_minilm"


@Language.component(RELEASE)
def release_minilm(doc: Doc) -> Doc:
    """The last component of a pipeline that reads MiniLM: forget the Doc's states (about 1.5 kB
    per token, which spaCy would also refuse, with a warning, when joining Docs)."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith(_PREFIX)]:
        del doc.user_data[key]
    return doc


def minilm_features(layers: tuple[int, ...]) -> Model[list[Doc], list[np.ndarray]]:
    """A thinc layer without weights: Docs -> their frozen MiniLM states (no gradient)."""

    def forward(model: Model, docs: list[Doc], is_train: bool):
        feats = [model.ops.asarray2f(f) for f in FEATURES(docs, layers)]  # type: ignore[arg-type]
        return feats, lambda d_feats: []

    return Model("minilm_features", forward, dims={"nO": WIDTH * len(layers)})


@registry.architectures("newsprism.MiniLMEmbed.v1")
def minilm_embed(
    width: int,
    attrs: list[str],
    rows: list[int],
    include_static_vectors: bool,
    layers: list[int] = [3, 6],  # noqa: B006  (a config default)
) -> Model[list[Doc], list[np.ndarray]]:
    """spaCy's MultiHashEmbed, with frozen MiniLM states of the chosen layers joined in."""
    from spacy.ml.models.tok2vec import MultiHashEmbed

    hashed = MultiHashEmbed(
        width=width, attrs=attrs, rows=rows, include_static_vectors=include_static_vectors
    )
    context = minilm_features(tuple(layers))
    n_in = width + WIDTH * len(layers)
    mix: Model = with_array(Maxout(width, n_in, nP=3, normalize=True, dropout=0.0))
    return chain(concatenate(hashed, context), mix)
