"""Evaluate the layout stage.

1. Field accuracy on the team's annotated articles (eval/gold/layout.jsonl: the seed and
   examples/text): title, subtitle, byline, image credits, syndication source, off-topic
   segments, and where the clean body starts and ends.
2. Off-topic tails on AllSides dev articles (eval.data.allsides_split): each article once as
   published (any tail removed there counts against precision, though some are real
   boilerplate), and once with a paragraph of an article on another topic appended (the
   republishing-site promo this stage exists to catch). Reports precision, recall, F1 and
   the share of unmodified articles that lost a segment, and ``furniture_free``: the share of
   unmodified articles whose body keeps no short paragraph with a photo credit or a video
   player's marker (``FURNITURE``), no inline reading list (``INLINE_WIDGET``) and no photo
   gallery (``GALLERY``); and ``boilerplate_free``: the share whose body keeps no short
   paragraph repeated in 20 or more train-split articles (``repeated_paragraphs``, a measure
   that knows none of the stage's cues). Only the evidence rule is scored
   here: removals by cue phrase ("Sign up for ...", "ADVERTISEMENT") are mostly real
   boilerplate in AllSides texts and are checked on the gold articles instead.

    python -m eval.layout [--n 1000]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from eval.data import allsides, report  # noqa: E402
from newsprism.readers import ReadOptions, read  # noqa: E402
from newsprism.records import Article, article_id  # noqa: E402
from newsprism.stages.layout import Layout, LayoutOptions  # noqa: E402

FIELDS = ("title", "subtitle", "byline", "image_credits", "syndicated_from", "off_topic",
          "body_first", "body_last")  # fmt: skip


def _norm(value: Any) -> Any:
    if isinstance(value, list):
        return [_norm(v) for v in value]
    return " ".join(str(value).split()).rstrip(".") if value is not None else None


def gold_fields(layout: Layout | None = None) -> dict[str, Any]:
    """Per-field accuracy over the annotated articles, and the mismatches."""
    layout = layout or Layout()
    right = dict.fromkeys(FIELDS, 0)
    misses: list[str] = []
    gold = [json.loads(line) for line in (REPO / "eval/gold/layout.jsonl").open(encoding="utf-8")]
    for g in gold:
        (article,) = [a for a in read([REPO / g["path"]], ReadOptions()) if isinstance(a, Article)]
        a = layout.lay_out(article)
        got = {
            "title": a.title, "subtitle": a.subtitle, "byline": a.byline,
            "image_credits": list(a.image_credits), "syndicated_from": a.syndicated_from,
            "off_topic": [o.text for o in a.off_topic],
            "body_first": a.body[:40], "body_last": a.body[-40:],
        }  # fmt: skip
        for f in FIELDS:
            if _norm(got[f]) == _norm(g[f]):
                right[f] += 1
            else:
                misses.append(f"{g['path']}: {f}: got {got[f]!r}, want {g[f]!r}")
    n = len(gold)
    scores = {f"field_{f}": right[f] / n for f in FIELDS}
    scores["field_all"] = sum(right.values()) / (n * len(FIELDS))
    return {"scores": scores, "misses": misses, "articles": n}


# Page furniture that should not stay in a body: photo credits and captions ("Evan Vucci/AP",
# NPR's "toggle caption"), CNN's video players. A plain marker search, independent of the stage.
FURNITURE = re.compile(
    r"Getty Images|/AP\b|/Reuters\b|/AFP\b|REUTERS/|JUST WATCHED|MUST WATCH|toggle caption"
    r"|Enlarge this image|Media playback is unsupported|as an interest to stay up to date"
)
# The Hill's reading lists, in any paragraph: run into a name, or closing on a party tag
INLINE_WIDGET = re.compile(r"[a-z][A-Z][^\n]{0,400}? MORE\b| MORE \([DRI]-")
GALLERY = re.compile(r"Hide Caption \d+ of \d+")  # CNN's photo galleries, in any paragraph


REPEATED = 20  # a short paragraph in this many train-split articles is a site's furniture


def repeated_paragraphs(min_articles: int = REPEATED) -> set[str]:
    """Short paragraphs (digits as 0) found in at least ``min_articles`` train-split articles'
    raw texts: "Story Continued Below", "Sign up for Daily Newsletters", "6 years ago". A
    measure independent of the stage's cues; it also holds some real section headings
    ("What's happening")."""
    counts: Counter[str] = Counter()
    for d in allsides("train"):
        counts.update({_digits(p) for p in d["text"].split("\n") if 0 < len(p.strip()) < 200})
    return {p for p, n in counts.items() if n >= min_articles}


def _digits(paragraph: str) -> str:
    return re.sub(r"\d", "0", paragraph.strip())


def spliced_tails(
    n: int = 1000, options: LayoutOptions | None = None, seed: int = 13
) -> dict[str, float]:
    """Off-topic tail detection on AllSides dev articles with and without a spliced tail."""
    layout = Layout(options)
    docs = [d for d in allsides("dev", limit=n * 2) if d["text"].count("\n\n") >= 3][:n]
    rng = random.Random(seed)
    repeated = repeated_paragraphs()
    tp = fp = fn = clean_touched = furniture = unrepeated = 0
    for d in docs:
        other = rng.choice([o for o in docs[:200] if o["topic"] != d["topic"]] or docs)
        paras = [p for p in other["text"].split("\n\n") if 80 <= len(p) <= 400]
        tail = paras[0] if paras else other["text"][:300]
        for spliced in (False, True):
            text = d["text"] + ("\n\n" + tail if spliced else "")
            art = Article(id=article_id(None, d["title"], text), text=text, title=d["title"],
                          layout="separated")  # fmt: skip
            # cue removals are judged by the gold articles; here only the evidence rule counts,
            # though a spliced tail that leaves the body another way (a photo credit or
            # caption, a video player's line: some first paragraphs are) is found all the same
            laid = layout.lay_out(art)
            moved = [o.text for o in laid.off_topic if o.reason.startswith("off-topic")]
            if spliced:
                found = tail.strip() not in laid.body
                tp += found
                fn += not found
                fp += sum(m != tail.strip() for m in moved)
            else:
                fp += len(moved)
                clean_touched += bool(moved)
                furniture += not (INLINE_WIDGET.search(laid.body) or GALLERY.search(laid.body)
                                  or any(FURNITURE.search(p) and len(p) < 300
                                         for p in laid.body.split("\n\n")))  # fmt: skip
                unrepeated += not any(_digits(p) in repeated for p in laid.body.split("\n\n"))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tail_precision": precision, "tail_recall": recall, "tail_f1": f1,
            "unmodified_touched": clean_touched / len(docs), "tail_articles": len(docs),
            "furniture_free": furniture / len(docs),
            "boilerplate_free": unrepeated / len(docs)}  # fmt: skip


def evaluate(n: int = 600) -> dict[str, float]:
    return {**gold_fields()["scores"], **spliced_tails(n)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="AllSides dev articles to splice")
    args = parser.parse_args()
    gold = gold_fields()
    for miss in gold["misses"]:
        print("miss:", miss)
    result = {**gold["scores"], **spliced_tails(args.n)}
    report("layout", result, f"python -m eval.layout --n {args.n}")


if __name__ == "__main__":
    main()
