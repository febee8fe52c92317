"""Pin eval floors about 0.01 below the measured dev figures (eval/results -> eval/floors).

Usage: python training/pin_floors.py [--model news-accurate]   (run after `make models-eval` or
`make models-accurate-eval`; review the diff: a floor should only go down with a stated reason).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
METRICS = {
    "ner": [
        "conll_f1",
        "conll_per_f1",
        "conll_org_f1",
        "conll_loc_f1",
        "conll_group_f1",
        "uner_f1",
        "uner_per_f1",
        "uner_org_f1",
        "uner_loc_f1",
    ],
    "parse": [
        "uas",
        "las",
        "las_universal",
        "pos_acc",
        "tag_acc",
        "morph_acc",
        "lemma_acc",
        "sents_f",
        "sent_boundary_f",
    ],
}
MARGIN = 0.01


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="news")
    model = ap.parse_args().model
    for name, keys in METRICS.items():
        if model != "news":
            name = f"{name}@{model}"
        results = json.loads((ROOT / "eval" / "results" / f"{name}.json").read_text())
        floors = {k: round(results[k] - MARGIN, 3) for k in keys}
        path = ROOT / "eval" / "floors" / f"{name}.json"
        path.write_text(json.dumps(floors, indent=2) + "\n")
        print(path, floors)


if __name__ == "__main__":
    main()
