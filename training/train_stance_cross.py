"""Fine-tune a stance cross-encoder (src/newsprism/models/stance/cross*.safetensors).

training/Makefile.stance has the commands for both shipped ones: ``cross.safetensors``, the
general one, and ``cross_quotes.safetensors``, the stance stage's.

    python training/train_stance_cross.py [--data ../shared/data] [--epochs 3]

The (text, topic, label) pairs are those of ``train_stance.py`` (VAST, IBM claim stance,
PERSPECTRUM, FNC-1, BASIL; the same label mapping and held-out parts). MiniLM stays frozen;
low-rank adapters (rank ``--rank``) on every attention and feed-forward matrix and a linear
head are trained with AdamW (each label weighing the same in the loss), a linear warm-up and decay, in batches of similar lengths.
VAST dev macro-F1 of the shipped mix (the mean with the feature classifier's probabilities,
``stance.with_cross``) is measured ``--evals`` times per epoch; the best adapters are kept,
and every evaluated step's beside them (``cross_step{N}.safetensors``).
Seeds are fixed; on one machine a rerun gives the same weights.
"""

from __future__ import annotations

import argparse
import math
import random
import time
from pathlib import Path

import numpy as np
import torch
from train_stance import SEED, Pair, basil, fnc, ibm, macro_f1, perspectrum, unrelated, vast

from newsprism.minilm import MiniLM
from newsprism.records import STANCE_LABELS
from newsprism.stance import classifier_probabilities, mix
from newsprism.stance_cross import WEIGHTS, adapted, logits, merged, pair_tokenizer, tensors

ROOT = Path(__file__).resolve().parents[1]


def encode(tokenizer, pairs: list[Pair]) -> list:  # type: ignore[no-untyped-def]
    return tokenizer.encode_batch(
        [(topic.strip(), text.strip() or ".") for text, topic, _ in pairs]
    )


def batches(lengths: list[int], size: int, rng: random.Random) -> list[list[int]]:
    """Shuffled batches of similar lengths (sorted within windows of 50 batches)."""
    order = list(range(len(lengths)))
    rng.shuffle(order)
    out = []
    window = size * 50
    for start in range(0, len(order), window):
        chunk = sorted(order[start : start + window], key=lambda i: lengths[i])
        out += [chunk[i : i + size] for i in range(0, len(chunk), size)]
    rng.shuffle(out)
    return out


def probabilities(encoder, weights, head, encodings, size: int = 32) -> np.ndarray:  # type: ignore[no-untyped-def]
    order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids))
    out = np.zeros((len(encodings), 3), dtype=np.float32)
    with torch.no_grad():
        for start in range(0, len(order), size):
            rows = order[start : start + size]
            batch = tensors([encodings[i] for i in rows])
            out[rows] = torch.softmax(logits(encoder, weights, head, batch), 1).numpy()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--sources", default="vast,ibm,perspectrum,fnc,basil", help="also: unrelated")
    ap.add_argument("--vast-topic", default="new_topic", choices=["new_topic", "topic_str", "both"])
    ap.add_argument("--other-weight", type=float, default=1.0, help="weight of non-VAST pairs")
    ap.add_argument("--fnc-neither", type=int, default=1500, help="FNC discuss/unrelated pairs of each kind")  # fmt: skip
    ap.add_argument("--rank", type=int, default=16)
    ap.add_argument("--epochs", type=float, default=3.0)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=5e-4)
    ap.add_argument("--max-tokens", type=int, default=192, help="pair length in training")
    ap.add_argument("--evals", type=int, default=3, help="VAST dev evaluations per epoch")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", type=Path, default=WEIGHTS)
    args = ap.parse_args()
    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    torch.set_num_threads(args.threads)

    loaders = {"vast": lambda: vast(args.data, "train", args.vast_topic), "ibm": lambda: ibm(args.data),
               "perspectrum": lambda: perspectrum(args.data),
               "fnc": lambda: fnc(args.data, per_neither=args.fnc_neither),
               "basil": lambda: basil(args.data, held_out=False),
               "unrelated": lambda: unrelated(args.data)}  # fmt: skip
    pairs: list[Pair] = []
    weights_of: list[float] = []
    for name in args.sources.split(","):
        part = loaders[name]()
        print(f"{name:12} {len(part):6} pairs", flush=True)
        pairs += part
        weights_of += [1.0 if name == "vast" else args.other_weight] * len(part)
    dev = vast(args.data, "dev")
    # each label weighs the same in all: VAST and the others have few neither pairs, and a
    # model that never says neither scores 0.34 on VAST dev, where a third of pairs are
    totals = {label: sum(wt for p, wt in zip(pairs, weights_of, strict=True) if p[2] == label)
              for label in STANCE_LABELS if any(p[2] == label for p in pairs)}  # fmt: skip
    mean_total = sum(totals.values()) / len(totals)
    weights_of = [wt * mean_total / totals[p[2]] for p, wt in zip(pairs, weights_of, strict=True)]
    print("label weights", {k: round(mean_total / v, 2) for k, v in totals.items()}, flush=True)

    encoder = MiniLM()
    tokenizer = pair_tokenizer()
    tokenizer.enable_truncation(args.max_tokens, strategy="only_second")
    train_enc = encode(tokenizer, pairs)
    tokenizer.enable_truncation(256, strategy="only_second")
    dev_enc = encode(tokenizer, dev)
    y = torch.tensor([STANCE_LABELS.index(p[2]) for p in pairs])
    w = torch.tensor(weights_of)
    y_dev = np.asarray([STANCE_LABELS.index(p[2]) for p in dev])
    # the shipped probabilities are the mean with the feature classifier's: pick by that
    texts, topics, _ = zip(*dev, strict=True)
    p_classifier = classifier_probabilities(texts, topics)

    scale = 2.0  # LoRA alpha / rank, with alpha = 2 * rank
    adapters: dict[str, torch.Tensor] = {}
    for name in adapted(encoder.layers):
        out_dim, in_dim = encoder.w[f"{name}.weight"].shape
        a = torch.empty(args.rank, in_dim)
        torch.nn.init.kaiming_uniform_(a, a=math.sqrt(5))
        adapters[f"{name}.lora_a"] = a.requires_grad_(True)
        adapters[f"{name}.lora_b"] = torch.zeros(out_dim, args.rank, requires_grad=True)
    head = (torch.zeros(3, 384).normal_(0, 0.02).requires_grad_(True), torch.zeros(3, requires_grad=True))  # fmt: skip
    params = [*adapters.values(), *head]
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    rng = random.Random(SEED)
    lengths = [len(e.ids) for e in train_enc]
    per_epoch = math.ceil(len(pairs) / args.batch)
    total = int(per_epoch * args.epochs)
    warmup = max(1, total // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warmup, max(0.0, (total - s) / max(1, total - warmup)))
    )
    every = max(1, per_epoch // args.evals)
    dropout = torch.nn.Dropout(0.1)
    best = -1.0
    started = time.perf_counter()
    step, running = 0, 0.0
    while step < total:
        for rows in batches(lengths, args.batch, rng):
            if step >= total:
                break
            batch = tensors([train_enc[i] for i in rows])
            out = logits(encoder, merged(encoder.w, adapters, scale), head, batch, dropout)
            loss = (torch.nn.functional.cross_entropy(out, y[rows], reduction="none") * w[rows]).mean()  # fmt: skip
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            step += 1
            running = 0.98 * running + 0.02 * loss.item()
            if step % 100 == 0:
                rate = step * args.batch / (time.perf_counter() - started)
                print(f"step {step}/{total} loss {running:.3f} ({rate:.1f} pairs/s)", flush=True)
            if step % every == 0 or step == total:
                with torch.no_grad():
                    frozen = merged(encoder.w, adapters, scale)
                    p_cross = probabilities(encoder, frozen, head, dev_enc)
                alone = macro_f1(y_dev, p_cross.argmax(1))
                f1 = macro_f1(y_dev, mix(p_classifier, p_cross).argmax(1))
                print(f"step {step} ({step / per_epoch:.2f} epochs): VAST dev macro-F1 {alone:.4f} alone, "
                      f"{f1:.4f} with the classifier", flush=True)  # fmt: skip
                save(args.out.with_name(f"{args.out.stem}_step{step}.safetensors"), adapters, head, scale)  # fmt: skip
                if f1 > best:
                    best = f1
                    save(args.out, adapters, head, scale)
    print(f"best VAST dev macro-F1 with the classifier {best:.4f}; wrote {args.out}")


def save(path: Path, adapters: dict[str, torch.Tensor], head: tuple, scale: float) -> None:
    from safetensors.torch import save_file

    tensors_out = {k: v.detach().to(torch.float16).contiguous() for k, v in adapters.items()}
    tensors_out["head.weight"] = head[0].detach().contiguous()
    tensors_out["head.bias"] = head[1].detach().contiguous()
    tensors_out["scale"] = torch.tensor(scale)
    path.parent.mkdir(parents=True, exist_ok=True)
    save_file(tensors_out, str(path))


if __name__ == "__main__":
    main()
