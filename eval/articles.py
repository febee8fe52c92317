"""Evaluate quotes, speakers and dates on the team's hand-annotated articles.

eval/gold/articles/*.json (12 articles; guidelines in its README): each quote with its kind, cue, speaker,
resolved name, role, affiliation and side; each date with its TimeML value. A gold quote is
found when a predicted quote covers more than 30% of its characters; precision is the share
of predicted quotes that cover more than 30% of a gold one. Speaker, role and affiliation are
scored over found quotes (exact match, case and a leading "the" ignored); a speaker counts as
right when the predicted resolved name (or, for a described speaker, its words) equals the
gold name (or words). Dates: a gold date is right when a predicted date overlaps it with the
same value. The ``articles_heldout_*`` figures are the same measures on the 12 articles of
eval/gold/articles_heldout, written and annotated after the rules and not looked at while
writing them until 2026-12-07 (tenth session), when two of their speaker errors led to a
rule (docs/QUOTES.md): how well the figures on the first 12 carry to new text.

    python -m eval.articles
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from eval.data import report  # noqa: E402

GOLD = REPO / "eval" / "gold" / "articles"
HELD_OUT = REPO / "eval" / "gold" / "articles_heldout"


def _norm(value: str | None) -> str:
    v = " ".join((value or "").lower().split())
    return v[4:] if v.startswith("the ") else v


def gold_articles(folder: Path = GOLD) -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


def evaluate() -> dict[str, float]:
    held_out = scores(gold_articles(HELD_OUT))
    return {**scores(gold_articles()),
            **{k.replace("articles_", "articles_heldout_", 1): v for k, v in held_out.items()}}  # fmt: skip


def scores(golds: list[dict[str, Any]]) -> dict[str, float]:
    from dataclasses import replace

    from newsprism.pipeline import Pipeline
    from newsprism.readers import read
    from newsprism.stages.parse import Parse
    from newsprism.stages.quotes import Quotes

    pipeline = Pipeline(["layout", Parse(), "dates", "entities", Quotes()])  # as shipped
    n = dict.fromkeys(["gold", "found", "pred", "right", "kind", "speaker", "role_n", "role",
                       "aff_n", "aff", "dates", "dates_ok"], 0)  # fmt: skip
    for g in golds:
        (article,) = list(read([REPO / g["path"]]))
        analysis = pipeline(replace(article, date=g["date"]))
        body = analysis.article.body
        preds = analysis.quotes
        n["pred"] += len(preds)
        gold_spans = []
        for q in g["quotes"]:
            start = body.find(q["text"])
            gold_spans.append(set(range(start, start + len(q["text"]))) if start >= 0 else set())
        for p in preds:
            pc = set(range(p.start, p.end))
            n["right"] += any(gs and len(pc & gs) > 0.3 * len(gs) for gs in gold_spans)
        for q, gs in zip(g["quotes"], gold_spans, strict=True):
            n["gold"] += 1
            best = max(preds, key=lambda p: len(gs & set(range(p.start, p.end))), default=None)
            if (
                best is None
                or not gs
                or len(gs & set(range(best.start, best.end))) <= 0.3 * len(gs)
            ):
                continue
            n["found"] += 1
            n["kind"] += best.kind == q["kind"]
            sp = best.speaker
            said = _norm(sp.name or sp.text) if sp else ""
            n["speaker"] += said in (_norm(q["speaker_name"]), _norm(q["speaker"])) and said != ""
            if q["role"]:
                n["role_n"] += 1
                n["role"] += bool(sp and _norm(sp.role) == _norm(q["role"]))
            if q["affiliation"]:
                n["aff_n"] += 1
                n["aff"] += bool(sp and _norm(sp.affiliation) == _norm(q["affiliation"]))
        for d in g["dates"]:
            n["dates"] += 1
            start = body.find(d["text"])
            n["dates_ok"] += any(
                t.start < start + len(d["text"]) and start < t.end and t.value == d["value"]
                for t in analysis.dates
            )

    def ratio(a: str, b: str) -> float:
        return n[a] / n[b] if n[b] else 0.0

    precision, recall = ratio("right", "pred"), ratio("found", "gold")
    return {
        "articles_quote_precision": precision, "articles_quote_recall": recall,
        "articles_quote_f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "articles_kind_accuracy": ratio("kind", "found"), "articles_speaker_accuracy": ratio("speaker", "found"),
        "articles_role_accuracy": ratio("role", "role_n"), "articles_affiliation_accuracy": ratio("aff", "aff_n"),
        "articles_date_value_accuracy": ratio("dates_ok", "dates"),
    }  # fmt: skip


def main() -> None:
    report("articles", evaluate())


if __name__ == "__main__":
    main()
