"""Evaluate time expressions on TimeML (TempEval-3 TBAQ-cleaned: TimeBank + AQUAINT).

The documents are split by a hash of their id: a fifth is dev (reported), the rest train
(looked at while writing the rules). Measures, as in TempEval-3 Task A: relaxed-extent
precision/recall/F1 (a predicted expression overlaps a gold one), strict-extent F1 (same
span), type accuracy over relaxed matches, and value F1 (a relaxed match whose normalised
value equals the gold value counts; precision over all predictions, recall over all gold).
Document creation times are inputs, not targets.

    python -m eval.timex [--split dev|train|all] [--errors N]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from eval.data import DATA, report  # noqa: E402
from newsprism.timex import tag  # noqa: E402

TBAQ = DATA / "tempeval3" / "Training" / "TBAQ-cleaned"
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    type: str
    value: str
    text: str


def split_of(doc_id: str) -> str:
    return "dev" if int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 5 == 0 else "train"


def parse(path: Path) -> tuple[str, date, list[Gold]]:
    """The plain text of a .tml document, its creation date, and its gold TIMEX3s."""
    raw = path.read_text(encoding="utf-8")
    dct_tag = re.search(r"<DCT>\s*(<TIMEX3[^>]*>)", raw)
    attrs = dict(_ATTR.findall(dct_tag.group(1))) if dct_tag else {}
    dct = date.fromisoformat(attrs.get("value", "")[:10]) if attrs else None
    body = raw[raw.index("<TEXT>") + 6 : raw.index("</TEXT>")]
    text, gold, pos, open_timex = [], [], 0, None
    for m in _TAG.finditer(body):
        text.append(body[pos : m.start()])
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        length = sum(map(len, text))
        if m.group(1) == "":
            open_timex = (length, dict(_ATTR.findall(m.group(3))))
        elif open_timex:
            start, a = open_timex
            gold.append(Gold(start, length, a.get("type", ""), a.get("value", ""), ""))
            open_timex = None
    text.append(body[pos:])
    plain = "".join(text)
    gold = [Gold(g.start, g.end, g.type, g.value, plain[g.start : g.end]) for g in gold]
    assert dct is not None, path
    return plain, dct, gold


def documents(split: str) -> list[Path]:
    paths = sorted((TBAQ / "TimeBank").glob("*.tml")) + sorted((TBAQ / "AQUAINT").glob("*.tml"))
    return [p for p in paths if split == "all" or split_of(p.stem) == split]


def evaluate(split: str = "dev", errors: list[str] | None = None) -> dict[str, float]:
    n_gold = n_pred = relaxed = strict = typed = valued = 0
    matched_pred = 0
    for path in documents(split):
        text, dct, gold = parse(path)
        pred = tag(text, dct)
        n_gold += len(gold)
        n_pred += len(pred)
        used: set[int] = set()
        for g in gold:
            hit = next((i for i, p in enumerate(pred) if i not in used and p.start < g.end and g.start < p.end),
                       None)  # fmt: skip
            if hit is None:
                if errors is not None:
                    errors.append(f"missed  {g.text!r} {g.type} {g.value}")
                continue
            used.add(hit)
            p = pred[hit]
            relaxed += 1
            strict += (p.start, p.end) == (g.start, g.end)
            typed += p.type == g.type
            valued += p.value == g.value
            if errors is not None and p.value != g.value:
                errors.append(
                    f"value   {g.text!r} gold {g.value} got {p.value} ({p.text!r}) dct {dct}"
                )
        matched_pred += len(used)
        if errors is not None:
            errors.extend(
                f"spurious {p.text!r} {p.value}" for i, p in enumerate(pred) if i not in used
            )
    precision, recall = relaxed / n_pred, relaxed / n_gold
    vp, vr = valued / n_pred, valued / n_gold
    sp, sr = strict / n_pred, strict / n_gold
    return {
        "timex_relaxed_precision": precision, "timex_relaxed_recall": recall,
        "timex_relaxed_f1": 2 * precision * recall / (precision + recall),
        "timex_strict_f1": 2 * sp * sr / (sp + sr) if sp + sr else 0.0,
        "timex_type_accuracy": typed / relaxed, "timex_value_f1": 2 * vp * vr / (vp + vr) if vp + vr else 0.0,
        "timex_gold": n_gold, "timex_predicted": n_pred,
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="dev", choices=["dev", "train", "all"])
    parser.add_argument("--errors", type=int, default=0, help="print this many errors")
    args = parser.parse_args()
    errors: list[str] = []
    result = evaluate(args.split, errors)
    for e in errors[: args.errors]:
        print(e)
    if args.split == "dev":
        report("timex", result)
    else:  # train figures are for writing rules, never written over the dev figures
        print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
