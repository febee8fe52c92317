"""Check the hand-annotated articles: every quote text, speaker and date text occurs verbatim
in its article, each article has a voice for each side and at least four quotes.

    python eval/gold/articles/check.py [folder]   # default: this folder
"""

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
SIDES = ("for", "against", "neither")
KINDS = ("direct", "indirect", "mixed")


def main(folder: Path = HERE) -> int:
    problems = []
    for ann_path in sorted(folder.glob("*.json")):
        ann = json.loads(ann_path.read_text(encoding="utf-8"))
        text = (REPO / ann["path"]).read_text(encoding="utf-8")
        name = ann_path.name
        if len(ann["quotes"]) < 4:
            problems.append(f"{name}: fewer than 4 quotes")
        for q in ann["quotes"]:
            if q["kind"] not in KINDS or q["side"] not in SIDES:
                problems.append(f"{name}: bad kind/side in {q['text'][:40]!r}")
            for key in ("text", "speaker"):
                if q[key] is not None and q[key] not in text:
                    problems.append(f"{name}: {key} not in text: {q[key][:60]!r}")
        for side in SIDES:
            if not ann["sides"].get(side):
                problems.append(f"{name}: no voice for {side!r}")
        for d in ann["dates"]:
            if d["text"] not in text:
                problems.append(f"{name}: date not in text: {d['text']!r}")
    print("\n".join(problems) or "ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else HERE))
