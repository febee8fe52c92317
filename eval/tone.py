"""Evaluate sentence sentiment (the per-quote score of the tone stage) on NewsMTSC.

NewsMTSC labels the tone of news sentences toward a person (negative, neutral, positive).
Our per-quote score is VADER's sentence sentiment, not target-dependent, so this measures how
far a sentence's overall tone goes as a proxy: the compound score is cut at +-CUT into
three classes (the cut, 0.2, chosen on the first half of train, reported on the second half, the
part of train used as dev here: NewsMTSC ships no dev split, its devtest files are its test).
Sentences with targets of mixed polarity are skipped. Published target-dependent models
reach macro-F1 of about 0.83 (RoBERTa + GRU); VADER is a lexicon and far from that.

    python -m eval.tone
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from eval.data import DATA, report  # noqa: E402
from newsprism.stages.tone import sentiment  # noqa: E402

LABELS = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
CUT = 0.2


def examples(part: str) -> list[tuple[str, str]]:
    rows = (DATA / "newsmtsc" / "train.jsonl").read_text(encoding="utf-8").splitlines()
    half = len(rows) // 2
    out = []
    for line in rows[half:] if part == "dev" else rows[:half]:
        d = json.loads(line)
        polarities = {t["polarity"] for t in d["targets"]}
        if len(polarities) == 1:
            out.append((d["sentence_normalized"], LABELS[polarities.pop()]))
    return out


def label(score: float, cut: float = CUT) -> str:
    return "positive" if score >= cut else "negative" if score <= -cut else "neutral"


def macro_f1(gold: list[str], pred: list[str]) -> float:
    f1s = []
    for c in ("negative", "neutral", "positive"):
        tp = sum(g == p == c for g, p in zip(gold, pred, strict=True))
        fp = sum(p == c != g for g, p in zip(gold, pred, strict=True))
        fn = sum(g == c != p for g, p in zip(gold, pred, strict=True))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s)


def evaluate() -> dict[str, float]:
    data = examples("dev")
    gold = [g for _, g in data]
    pred = [label(sentiment(text)) for text, _ in data]
    accuracy = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)
    return {"sentiment_macro_f1": macro_f1(gold, pred), "sentiment_accuracy": accuracy,
            "sentiment_sentences": len(gold)}  # fmt: skip


def main() -> None:
    report("tone", evaluate())


if __name__ == "__main__":
    main()
