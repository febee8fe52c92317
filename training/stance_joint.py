"""Experiment: VAST stance from MiniLM reading topic and text together (joint encoding).

Each pair is read as one sequence, [CLS] topic [SEP] text [SEP]; the mean state of the text's
word pieces and of the topic's, for every layer, are kept (training/work/stance/joint_*.npy).
A one-hidden-layer network on those (and their product and difference) is compared with the
same network on separately-embedded text and topic, VAST train -> VAST dev.

    python training/stance_joint.py [--limit N] [--threads 1]

An experiment, not used by newsprism: on 2026-12-01 (VAST train only, 13,477 pairs; the best
epoch of 30 on VAST dev, 2,062 pairs; about 9 minutes of encoding on one core) the separate
embeddings reached macro-F1 0.398, the joint states 0.351 (layer 6), 0.376 (4), 0.394 (3+6),
0.399 (2+4+6) and 0.399 (all six). Read jointly but frozen, MiniLM does not tell for from
against any better (docs/STANCE.md); the shipped classifier's 0.579 comes from its other
features and data.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT))

from train_stance import SEED, WORK, macro_f1, vast  # noqa: E402

from newsprism.minilm import MAX_TOKENS, MiniLM  # noqa: E402
from newsprism.records import STANCE_LABELS  # noqa: E402


def joint_states(enc: MiniLM, pairs, batch: int = 16) -> np.ndarray:
    """(n, 2, layers, 384) float16: mean text-piece and topic-piece states per layer."""
    import torch

    tok = enc.tokenizer
    tok.enable_truncation(MAX_TOKENS, strategy="only_second")  # cut the text, keep the topic
    out = np.zeros((len(pairs), 2, enc.layers, 384), np.float16)
    encs = [tok.encode(topic, text) for text, topic, _ in pairs]
    order = sorted(range(len(pairs)), key=lambda i: -len(encs[i].ids))
    started = time.perf_counter()
    with torch.inference_mode():
        for b in range(0, len(order), batch):
            rows = order[b : b + batch]
            length = max(len(encs[i].ids) for i in rows)
            ids = torch.zeros((len(rows), length), dtype=torch.long)
            mask = torch.zeros((len(rows), length), dtype=torch.bool)
            seg = torch.zeros((len(rows), length), dtype=torch.long)
            for j, i in enumerate(rows):
                e = encs[i]
                ids[j, : len(e.ids)] = torch.tensor(e.ids)
                mask[j, : len(e.ids)] = True
                seg[j, : len(e.ids)] = torch.tensor(e.type_ids)
            states = torch.stack(enc.layer_states(ids, mask), 1)  # n, L, len, 384
            special = torch.tensor([[t in (101, 102) for t in row] for row in ids.tolist()])
            body = mask & ~special
            for part, want in ((0, 1), (1, 0)):  # 0: text (type 1), 1: topic (type 0)
                m = (body & (seg == want)).float()[:, None, :, None]
                pooled = (states * m).sum(2) / m.sum(2).clamp(min=1.0)
                out[rows, part] = pooled.numpy().astype(np.float16)
            if b % (batch * 50) == 0:
                print(f"{b}/{len(pairs)} {time.perf_counter() - started:.0f}s", flush=True)
    tok.enable_truncation(MAX_TOKENS)
    return out


def separate(enc: MiniLM, pairs) -> np.ndarray:
    strings = sorted({s for p in pairs for s in p[:2]})
    vecs = dict(zip(strings, enc.encode(strings), strict=True))
    return np.stack([np.stack([vecs[t], vecs[p]]) for t, p, _ in pairs])


def feats(a: np.ndarray, layers) -> np.ndarray:
    parts = []
    for layer in layers:
        t, p = a[:, 0, layer].astype(np.float32), a[:, 1, layer].astype(np.float32)
        parts += [t, p, t * p, np.abs(t - p)]
    return np.hstack(parts)


def fit(x, y, xd, yd, hidden=256, epochs=30, lr=1e-3, decay=1e-2, dropout=0.5) -> float:
    import torch

    torch.manual_seed(SEED)
    mean, std = x.mean(0), x.std(0) + 1e-6
    xt, xdt = torch.tensor((x - mean) / std), torch.tensor((xd - mean) / std)
    yt = torch.tensor(y)
    net = torch.nn.Sequential(torch.nn.Dropout(dropout), torch.nn.Linear(x.shape[1], hidden),
                              torch.nn.ReLU(), torch.nn.Dropout(dropout), torch.nn.Linear(hidden, 3))  # fmt: skip
    opt = torch.optim.AdamW(net.parameters(), lr=lr, weight_decay=decay)
    g = torch.Generator().manual_seed(SEED)
    best = 0.0
    for _ in range(epochs):
        net.train()
        order = torch.randperm(len(xt), generator=g)
        for i in range(0, len(order), 128):
            b = order[i : i + 128]
            loss = torch.nn.functional.cross_entropy(net(xt[b]), yt[b])
            opt.zero_grad()
            loss.backward()
            opt.step()
        net.eval()
        with torch.no_grad():
            best = max(best, macro_f1(yd, net(xdt).argmax(1).numpy()))
    return best


def main() -> None:
    import torch

    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    train, dev = vast(args.data, "train"), vast(args.data, "dev")
    if args.limit:
        train, dev = train[: args.limit], dev[: args.limit // 4]
    enc = MiniLM()
    WORK.mkdir(parents=True, exist_ok=True)
    arrays = {}
    for name, pairs in (("train", train), ("dev", dev)):
        path = WORK / f"joint_{name}_{len(pairs)}.npy"
        if not path.exists():
            np.save(path, joint_states(enc, pairs))
        sep = WORK / f"sep_{name}_{len(pairs)}.npy"
        if not sep.exists():
            np.save(sep, separate(enc, pairs))
        arrays[name] = (np.load(path), np.load(sep))
    y = np.asarray([STANCE_LABELS.index(p[2]) for p in train])
    yd = np.asarray([STANCE_LABELS.index(p[2]) for p in dev])
    (jt, st), (jd, sd) = arrays["train"], arrays["dev"]
    sep_f = lambda s: np.hstack([s[:, 0], s[:, 1], s[:, 0] * s[:, 1], np.abs(s[:, 0] - s[:, 1])])  # noqa: E731
    print("separate (last layer, pooled+normalised)", round(fit(sep_f(st), y, sep_f(sd), yd), 4))
    for layers in ((5,), (3,), (2, 5), (1, 3, 5), tuple(range(6))):
        f1 = fit(feats(jt, layers), y, feats(jd, layers), yd)
        print("joint layers", [x + 1 for x in layers], round(f1, 4), flush=True)


if __name__ == "__main__":
    main()
