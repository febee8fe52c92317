"""Train the stance classifier (src/newsprism/models/stance/stance.npz) from ../shared/data.

    python training/train_stance.py [--data ../shared/data] [--sources vast,ibm,...]

Every dataset becomes (text, topic, label) pairs with label for / against / neither:

- VAST (comment, topic): pro -> for, con -> against, neutral -> neither. Train split to
  train; the dev split (reduced columns) picks the epoch and is reported.
- IBM claim stance (claim, debate topic): PRO -> for, CON -> against (both splits).
- PERSPECTRUM (perspective, claim): SUPPORT -> for, UNDERMINE -> against (train + dev).
- FNC-1 (article body, headline): agree -> for, disagree -> against, discuss and unrelated
  -> neither (a body that only reports, or is about something else, takes no side);
  discuss and unrelated are subsampled so that they do not swamp the rest.
- BASIL quotes (quoted phrase, target entity): pos -> for, neg -> against; events whose
  triplet id hashes to 0 mod 5 are held out for eval/stance.py.
- unrelated (optional, for the cross-encoder: `--sources ...,unrelated`): a VAST
  comment or a PERSPECTRUM perspective paired with another one's topic -> neither.

Embeddings are cached under training/work/stance/ so that reruns only retrain. Seeds are
fixed; the result is deterministic on one machine (torch CPU).
"""

from __future__ import annotations

import argparse
import csv
import glob
import hashlib
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

from newsprism.records import STANCE_LABELS
from newsprism.stance import MODEL_DIR, StanceModel, embed, features, hypotheses

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "training" / "work" / "stance"
SEED = 13
Pair = tuple[str, str, str]  # text, topic, label

csv.field_size_limit(sys.maxsize)


def _csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def vast(data: Path, split: str, topic: str = "new_topic") -> list[Pair]:
    """VAST pairs; the train topic is ``new_topic`` (as written), ``topic_str`` (lemmas, no
    stop words: the form of the dev file's topics) or ``both`` (one pair of each)."""
    if split == "train":
        rows = _csv(data / "vast" / "vast_train.csv")
        code = {"0": "against", "1": "for", "2": "neither"}
        columns = ["new_topic", "topic_str"] if topic == "both" else [topic]
        return [(r["post"], r[c], code[r["label"]]) for r in rows for c in columns]
    rows = _csv(data / "vast" / "vast_dev.reduced_columns.csv")
    code = {"AGAINST": "against", "FAVOR": "for", "NONE": "neither"}
    return [(r["Tweet"], r["Target 1"], code[r["Stance 1"]]) for r in rows]


def ibm(data: Path) -> list[Pair]:
    path = data / "ibm_claim_stance" / "claim_stance_dataset_v1.csv"
    code = {"PRO": "for", "CON": "against"}
    return [(r["claims.claimCorrectedText"], r["topicText"].removeprefix("This house "),
             code[r["claims.stance"]]) for r in _csv(path)]  # fmt: skip


def perspectrum(data: Path) -> list[Pair]:
    base = data / "perspectrum" / "data" / "dataset"
    claims = json.loads((base / "perspectrum_with_answers_v1.0.json").read_text())
    pool = {p["pId"]: p["text"] for p in json.loads((base / "perspective_pool_v1.0.json").read_text())}  # fmt: skip
    split = json.loads((base / "dataset_split_v1.0.json").read_text())
    code = {"SUPPORT": "for", "UNDERMINE": "against"}
    pairs = []
    for claim in claims:
        if split.get(str(claim["cId"])) == "test":
            continue
        for cluster in claim["perspectives"]:
            label = code.get(cluster["stance_label_3"])
            if label:
                pairs += [
                    (pool[pid], claim["text"], label) for pid in cluster["pids"] if pid in pool
                ]
    return pairs


def fnc(data: Path, per_neither: int = 3000) -> list[Pair]:
    bodies = {r["Body ID"]: r["articleBody"][:1500]
              for r in _csv(data / "fnc1" / "train_bodies.csv")}  # fmt: skip
    rows = _csv(data / "fnc1" / "train_stances.csv")
    random.Random(SEED).shuffle(rows)
    code = {"agree": "for", "disagree": "against", "discuss": "neither", "unrelated": "neither"}
    taken: dict[str, int] = {}
    pairs = []
    for r in rows:
        kind = r["Stance"]
        if kind in ("discuss", "unrelated") and taken.get(kind, 0) >= per_neither:
            continue
        taken[kind] = taken.get(kind, 0) + 1
        pairs.append((bodies[r["Body ID"]], r["Headline"], code[kind]))
    return pairs


def unrelated(data: Path, per_source: int = 3000) -> list[Pair]:
    """Texts paired with a topic from another text, labelled neither: a VAST comment with
    another comment's topic, a PERSPECTRUM perspective with another claim. A quote that is
    about something else takes no side, which the labelled sets rarely show."""
    rng = random.Random(SEED)
    pairs = []
    for source in (vast(data, "train", "both"), perspectrum(data)):
        topics_of: dict[str, set[str]] = {}
        for text, topic, _ in source:
            topics_of.setdefault(text, set()).add(topic)
        texts, topics = sorted(topics_of), sorted({t for ts in topics_of.values() for t in ts})
        for text in rng.sample(texts, min(per_source, len(texts))):
            topic = rng.choice(topics)
            while topic in topics_of[text]:
                topic = rng.choice(topics)
            pairs.append((text, topic, "neither"))
    return pairs


def basil_held_out(triplet: str) -> bool:
    return int(hashlib.sha1(triplet.encode()).hexdigest(), 16) % 5 == 0


def basil(data: Path, held_out: bool) -> list[Pair]:
    """Quoted bias spans with a polarity toward a named target."""
    pairs = []
    for path in sorted(glob.glob(str(data / "basil" / "annotations" / "*" / "*_ann.json"))):
        triplet = Path(path).name.split("_")[0]
        if basil_held_out(triplet) != held_out:
            continue
        ann = json.loads(Path(path).read_text())
        for p in ann.get("phrase-level-annotations", []):
            if p.get("quote") != "yes" or p.get("polarity") not in ("pos", "neg"):
                continue
            target = p.get("target", "").replace("_", " ").strip()
            if target and p.get("txt", "").strip():
                pairs.append((p["txt"].strip(), target, "for" if p["polarity"] == "pos" else "against"))  # fmt: skip
    return pairs


def cached_embed(strings: list[str]) -> dict[str, np.ndarray]:
    """Embeddings of every distinct string, cached on disk by content hash."""
    WORK.mkdir(parents=True, exist_ok=True)
    unique = sorted(set(strings))
    key = hashlib.sha1("\x1e".join(unique).encode()).hexdigest()[:16]
    path = WORK / f"emb_{key}.npy"
    if path.exists():
        vecs = np.load(path)
    else:
        started = time.perf_counter()
        vecs = embed(unique)
        np.save(path, vecs)
        print(f"embedded {len(unique)} strings in {time.perf_counter() - started:.0f} s")
    return dict(zip(unique, vecs, strict=True))


def matrix(pairs: list[Pair], vecs: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    texts, topics, labels = zip(*pairs, strict=True)
    u = np.stack([vecs[t] for t in texts])
    v = np.stack([np.stack([vecs[h] for h in hypotheses(t)]) for t in topics])
    y = np.asarray([STANCE_LABELS.index(label) for label in labels])
    return features(u, v, texts, topics), y


def macro_f1(y: np.ndarray, pred: np.ndarray, n: int = 3) -> float:
    scores = []
    for c in range(n):
        tp = np.sum((pred == c) & (y == c))
        p = tp / max(np.sum(pred == c), 1)
        r = tp / max(np.sum(y == c), 1)
        scores.append(2 * p * r / (p + r) if p + r else 0.0)
    return float(np.mean(scores))


def train(x, y, w, x_dev, y_dev, hidden: int, epochs: int, lr: float, decay: float, dropout: float, seed: int = SEED):  # type: ignore[no-untyped-def]  # fmt: skip
    """A one-hidden-layer network; the epoch with the best dev macro-F1 is kept."""
    import torch

    torch.manual_seed(seed)
    torch.set_num_threads(2)
    mean, std = x.mean(0), x.std(0) + 1e-6
    xt = torch.tensor((x - mean) / std)
    xd = torch.tensor((x_dev - mean) / std)
    yt, wt = torch.tensor(y), torch.tensor(w, dtype=torch.float32)
    net = torch.nn.Sequential(torch.nn.Dropout(dropout), torch.nn.Linear(x.shape[1], hidden),
                              torch.nn.ReLU(), torch.nn.Dropout(dropout), torch.nn.Linear(hidden, 3))  # fmt: skip
    opt = torch.optim.AdamW(net.parameters(), lr=lr, weight_decay=decay)
    g = torch.Generator().manual_seed(seed)
    best: tuple[float, int, dict] = (-1.0, 0, {})
    for epoch in range(epochs):
        net.train()
        order = torch.randperm(len(xt), generator=g)
        for i in range(0, len(order), 128):
            b = order[i : i + 128]
            loss = (torch.nn.functional.cross_entropy(net(xt[b]), yt[b], reduction="none") * wt[b]).mean()  # fmt: skip
            opt.zero_grad()
            loss.backward()
            opt.step()
        net.eval()
        with torch.no_grad():
            f1 = macro_f1(y_dev, net(xd).argmax(1).numpy())
        if f1 > best[0]:
            best = (f1, epoch + 1, {k: v.clone() for k, v in net.state_dict().items()})
    f1, epoch, state = best
    weights = {
        "mean": mean, "std": std,
        "w1": state["1.weight"].numpy().T.copy(), "b1": state["1.bias"].numpy(),
        "w2": state["4.weight"].numpy().T.copy(), "b2": state["4.bias"].numpy(),
        "labels": np.asarray(STANCE_LABELS),
    }  # fmt: skip
    return f1, epoch, weights


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--sources", default="vast,ibm,perspectrum,fnc,basil")
    ap.add_argument("--vast-topic", default="new_topic", choices=["new_topic", "topic_str", "both"])
    ap.add_argument("--other-weight", type=float, default=2.0, help="weight of non-VAST pairs")
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--epochs", type=int, default=15)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--decay", type=float, default=1e-2)
    ap.add_argument("--dropout", type=float, default=0.5)
    ap.add_argument("--members", type=int, default=1, help="networks (seeds) averaged")
    ap.add_argument("--out", type=Path, default=MODEL_DIR / "stance.npz")
    args = ap.parse_args()
    random.seed(SEED)
    np.random.seed(SEED)

    loaders = {"vast": lambda: vast(args.data, "train", args.vast_topic), "ibm": lambda: ibm(args.data),
               "perspectrum": lambda: perspectrum(args.data), "fnc": lambda: fnc(args.data),
               "basil": lambda: basil(args.data, held_out=False)}  # fmt: skip
    sets = {name: loaders[name]() for name in args.sources.split(",")}
    dev = vast(args.data, "dev")
    for name, pairs in sets.items():
        counts = {label: sum(p[2] == label for p in pairs) for label in STANCE_LABELS}
        print(f"{name:12} {len(pairs):6} pairs {counts}")
    strings = [s for pairs in [*sets.values(), dev] for p in pairs for s in p[:2]]
    vecs = cached_embed(strings)
    topics = {p[1] for pairs in [*sets.values(), dev] for p in pairs}
    vecs.update(cached_embed([h for t in topics for h in hypotheses(t)[1:]]))

    parts = [(matrix(pairs, vecs), 1.0 if name == "vast" else args.other_weight)
             for name, pairs in sets.items()]  # fmt: skip
    x = np.vstack([xy[0] for xy, _ in parts])
    y = np.concatenate([xy[1] for xy, _ in parts])
    w = np.concatenate([np.full(len(xy[1]), weight) for xy, weight in parts])
    x_dev, y_dev = matrix(dev, vecs)
    members = []
    for k in range(args.members):
        f1, epoch, weights = train(x, y, w, x_dev, y_dev, args.hidden, args.epochs, args.lr,
                                   args.decay, args.dropout, seed=SEED + k)  # fmt: skip
        print(f"member {k + 1}: VAST dev macro-F1 {f1:.4f} (epoch {epoch})")
        members.append(weights)
    if len(members) > 1:  # stacked along a first axis; StanceModel averages their softmax
        for key in ("w1", "b1", "w2", "b2"):
            weights[key] = np.stack([m[key] for m in members])
    f1 = macro_f1(y_dev, StanceModel.from_arrays(weights).probabilities(x_dev).argmax(1))
    print(f"VAST dev macro-F1 {f1:.4f} ({len(members)} member(s)); sources {args.sources}, "
          f"other weight {args.other_weight}, hidden {args.hidden}")  # fmt: skip
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, **{k: np.asarray(v, dtype=np.float32) if k != "labels" else v
                                     for k, v in weights.items()})  # fmt: skip
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
