"""Judge the events newsprism reads from real news: are their action classes right?

MEANTIME (eval/meantime.py) says whether an event's word is an annotated event and whether its
actor and target are the annotated participants, but it has no action classes. Here the deeds
(every event but statements) newsprism reads from a fixed sample of AllSides train articles are
held against hand judgments (eval/gold/event_judgments.json): whether the action class fits what
the sentence says ("attacked the Ivy League school as a liberal institution" is no attack, "the
Court could strike the rule down" no attack either), and whether the actor and target, where
given, are the right parties. Two samples: one the event rules were written from, one judged
afterwards (the file's "about" says how). An event is known by its article, the offset of its trigger word
and its class; one no one has judged yet is counted apart (judge it and add it), and judged
right events that are no longer read are counted as lost.

    python -m eval.events
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from eval.data import allsides, allsides_split, report  # noqa: E402

JUDGMENTS = REPO / "eval" / "gold" / "event_judgments.json"
STAGES = ("layout", "parse", "dates", "entities", "places", "quotes", "events")


def trigger_at(body: str, event: Any) -> int:
    """Where an event's trigger word stands in the body (the first time inside its span)."""
    return body.find(event.trigger or "", event.start, event.end)


def deeds(start: int, every: int, articles: int) -> list[dict[str, Any]]:
    """The deed events of the sample's articles: every ``every``-th train article of the AllSides
    file from position ``start``, ``articles`` of them (dev articles skipped)."""
    from newsprism import Pipeline
    from newsprism.readers import ReadOptions
    from newsprism.readers.jsonl import to_article

    pipeline = Pipeline(STAGES)
    out: list[dict[str, Any]] = []
    done = 0
    for position, d in enumerate(allsides()):
        if done >= articles:
            break
        if position < start or (position - start) % every or allsides_split(d["id"]) == "dev":
            continue
        done += 1
        analysis = pipeline(to_article(d, "allsides", str(position), ReadOptions()))
        body = analysis.article.body or ""
        out.extend(
            {"position": position, "trigger_at": trigger_at(body, e), "trigger": e.trigger,
             "action": e.action, "actor": e.actor, "target": e.target}
            for e in analysis.events if e.action != "statement"
        )  # fmt: skip
    return out


def _key(e: dict[str, Any]) -> tuple[int, int, str]:
    return e["position"], e["trigger_at"], e["action"]


def evaluate() -> dict[str, float]:
    gold = json.loads(JUDGMENTS.read_text(encoding="utf-8"))
    classes = {_key(j): j["action_ok"] for j in gold["judgments"]}
    parties = {(*_key(j), j["actor"], j["target"]): j["parties_ok"] for j in gold["judgments"]}
    found = [e for sample in gold["samples"] for e in deeds(**sample)]
    judged = [classes[_key(e)] for e in found if _key(e) in classes]
    judged_parties = [v for e in found
                      if (v := parties.get((*_key(e), e["actor"], e["target"]))) is not None]  # fmt: skip
    kept = {_key(e) for e in found}
    lost = sum(ok and key not in kept for key, ok in classes.items())
    return {
        "allsides_deeds": float(len(found)),
        "allsides_deed_action_precision": sum(judged) / len(judged) if judged else 0.0,
        "allsides_deed_parties_precision": (
            sum(judged_parties) / len(judged_parties) if judged_parties else 0.0
        ),
        "allsides_deeds_unjudged": float(len(found) - len(judged)),
        "allsides_deeds_parties_unjudged": float(len(found) - len(judged_parties)),
        "allsides_right_deeds_lost": float(lost),
    }


def main() -> None:
    report("events", evaluate())


if __name__ == "__main__":
    main()
