"""MEANTIME (120 Wikinews articles, token-level CAT XML): loader and evaluations.

Nothing in newsprism was tuned on MEANTIME; it is used whole as a news-domain check.

- time expressions: relaxed-extent F1 and value F1, as in eval/timex.py;
- events: for the events newsprism extracts, the share whose action word is an annotated
  event mention (precision), the share of annotated verbal event mentions of the action
  classes' verbs that are found (recall), and, for matched events, whether the actor and
  target overlap the annotated Arg0 and Arg1 participants (an actor that is what an annotated
  relative pronoun stands for counts: "the company, which declared");
- event places: of the matched events given a place, the share whose place overlaps the
  annotated location (Argm-LOC; an event with none counts wrong), and of the matched events
  with an annotated location, the share given it;
- event dates: a matched event that a temporal link ties to a time expression of its own
  (IS_INCLUDED, INCLUDES, SIMULTANEOUS, DURING; the creation time left out) is dated. Of
  the dated events given a date, the share whose date is that expression's (its annotated
  value, or the value newsprism reads off the same words), and of all dated events, the
  share given it.

    python -m eval.meantime
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from eval.data import DATA, report  # noqa: E402

CORPUS = DATA / "meantime_en" / "intra-doc_annotation"
_NO_SPACE_BEFORE = re.compile(r"^(?:[.,;:!?%)\]}]|'s|n't|'re|'ve|'ll|'d|'m|''|”|’)$")
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "“", "‘"}
_WITHIN = ("IS_INCLUDED", "SIMULTANEOUS", "DURING")  # the event happens in the time


@dataclass
class Doc:
    name: str
    text: str
    dct: date
    timexes: list[tuple[int, int, str, str]]  # start, end, type, value
    events: dict[str, tuple[int, int, str]]  # m_id -> start, end, pos
    participants: dict[str, dict[str, tuple[int, int]]] = field(
        default_factory=dict
    )  # event -> role -> span
    annotated: tuple[int, int] = (0, 0)  # MEANTIME annotates the first sentences only
    dct_span: tuple[int, int] = (0, 0)
    anchors: dict[str, tuple[int, int, str]] = field(
        default_factory=dict
    )  # event -> the time expression it happens in: start, end, value


def load(path: Path) -> Doc:
    root = ET.parse(path).getroot()
    spans: dict[str, tuple[int, int]] = {}
    sentence_of: dict[str, int] = {}
    text = ""
    prev = ""
    for tok in root.iter("token"):
        word = tok.text or ""
        if text and not _NO_SPACE_BEFORE.match(word) and prev not in _NO_SPACE_AFTER:
            text += " "
        spans[tok.get("t_id", "")] = (len(text), len(text) + len(word))
        sentence_of[tok.get("t_id", "")] = int(tok.get("sentence", "0"))
        text += word
        prev = word

    def extent(node: ET.Element) -> tuple[int, int] | None:
        ids = [a.get("t_id", "") for a in node.iter("token_anchor")]
        if not ids:
            return None
        return spans[ids[0]][0], spans[ids[-1]][1]

    markables = root.find("Markables")
    assert markables is not None
    timexes, events, mentions, times = [], {}, {}, {}
    # The creation time is marked, or (in two documents) it is the date the others anchor to.
    anchors = Counter(
        n.get("anchorTimeID") for n in markables if n.tag == "TIMEX3" and n.get("anchorTimeID")
    )
    marked = [n for n in markables if n.get("functionInDocument") == "CREATION_TIME"]
    dct_id = marked[0].get("m_id") if marked else anchors.most_common(1)[0][0]
    dct = None
    for node in markables:
        ext = extent(node)
        if node.tag == "TIMEX3":
            if node.get("m_id") == dct_id:
                dct = _date(node.get("value", ""))
                dct_span = ext or (0, 0)
            elif ext:
                timexes.append((*ext, node.get("type", ""), node.get("value", "")))
                times[node.get("m_id", "")] = (*ext, node.get("value", ""))
        elif node.tag == "EVENT_MENTION" and ext:
            events[node.get("m_id", "")] = (*ext, node.get("pos", ""))
        elif ext:
            mentions[node.get("m_id", "")] = ext
    participants: dict[str, dict[str, tuple[int, int]]] = {}
    relations = root.find("Relations")
    anchors: dict[str, tuple[int, int, str]] = {}
    for rel in relations if relations is not None else []:
        src, tgt = rel.find("source"), rel.find("target")
        if rel.tag == "TLINK" and src is not None and tgt is not None:
            ids = (src.get("m_id", ""), tgt.get("m_id", ""))
            kind = rel.get("reltype", "")
            if kind == "INCLUDES":  # the time includes the event: read it the other way
                ids, kind = ids[::-1], "IS_INCLUDED"
            if kind in _WITHIN and ids[0] in events and ids[1] in times:
                anchors[ids[0]] = times[ids[1]]
        if rel.tag != "HAS_PARTICIPANT":
            continue
        if src is None or tgt is None or tgt.get("m_id") not in mentions:
            continue
        participants.setdefault(src.get("m_id", ""), {})[rel.get("sem_role", "")] = mentions[
            tgt.get("m_id", "")
        ]
    assert dct is not None, path
    last = max(sentence_of[a.get("t_id", "")] for n in markables for a in n.iter("token_anchor"))
    end = max(e for t, (_, e) in spans.items() if sentence_of[t] == last)
    return Doc(path.stem, text, dct, timexes, events, participants, (0, end), dct_span, anchors)


def _date(value: str) -> date:
    """A creation date; one document writes it day first (03-02-2009)."""
    if re.match(r"\d\d-\d\d-\d{4}$", value):
        return datetime.strptime(value, "%d-%m-%Y").date()
    return date.fromisoformat(value[:10])


def documents() -> list[Doc]:
    return [load(p) for p in sorted(CORPUS.glob("*/*.xml"))]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate_timex(docs: list[Doc]) -> dict[str, float]:
    from newsprism.timex import tag

    gold_n = pred_n = relaxed = valued = 0
    for d in docs:
        lo, hi = d.dct_span
        pred = [
            p
            for p in tag(d.text, d.dct)
            if p.end <= d.annotated[1] and not (p.start < hi and lo < p.end)
        ]
        gold_n += len(d.timexes)
        pred_n += len(pred)
        used: set[int] = set()
        for start, end, _, value in d.timexes:
            hit = next(
                (
                    i
                    for i, p in enumerate(pred)
                    if i not in used and p.start < end and start < p.end
                ),
                None,
            )
            if hit is not None:
                used.add(hit)
                relaxed += 1
                valued += pred[hit].value == value
    return {"meantime_timex_relaxed_f1": _f1(relaxed / pred_n, relaxed / gold_n),
            "meantime_timex_value_f1": _f1(valued / pred_n, valued / gold_n)}  # fmt: skip


def _locate(text: str, part: str | None, start: int, end: int) -> tuple[int, int] | None:
    if not part:
        return None
    i = text.find(part, start, end)
    return (i, i + len(part)) if i >= 0 else None


def _near(text: str, part: str | None, at: tuple[int, int]) -> tuple[int, int] | None:
    """Where ``part`` occurs nearest to ``at`` within 300 characters either side."""
    if not part:
        return None
    lo = max(0, at[0] - 300)
    hits = [m.start() + lo for m in re.finditer(re.escape(part), text[lo : at[1] + 300])]
    i = min(hits, key=lambda h: abs(h - at[0]), default=None)
    return (i, i + len(part)) if i is not None else None


def _same_actor(text: str, ours: tuple[int, int] | None, gold: tuple[int, int]) -> bool:
    """Our actor overlaps the annotated Arg0, or the annotation is a relative pronoun and ours
    is the phrase it stands for ("Yamato Life, which declared": MEANTIME marks "which")."""
    if _overlaps(ours, gold):
        return True
    relative = text[gold[0] : gold[1]].lower() in ("who", "which", "that")
    return relative and ours is not None and 0 <= gold[0] - ours[1] <= 3


def _overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def evaluate_events(docs: list[Doc]) -> dict[str, float]:
    """Events against MEANTIME's event mentions and their Arg0/Arg1 participants."""
    from newsprism.models import load
    from newsprism.stages.events import NOUN_ACTION, VERB_ACTION, events_of
    from newsprism.timex import tag

    nlp = load()
    ours = hits = in_scope = found = 0
    actor_right = actor_n = target_right = target_n = 0
    placed = placed_right = located = located_found = 0
    dated = dated_given = dated_right = 0
    for d in docs:
        doc = nlp(d.text[: d.annotated[1]])
        dates = tuple(tag(doc.text, d.dct))
        events = events_of(doc, dates)
        gold = {m: span for m, span in d.events.items()}
        matched: set[str] = set()
        for e in events:
            trig = _locate(d.text, e.trigger, e.start, e.end + 1)
            m_id = next((m for m, (s, t, _) in gold.items() if _overlaps(trig, (s, t))), None)
            ours += 1
            if m_id is None:
                continue
            hits += 1
            matched.add(m_id)
            roles = d.participants.get(m_id, {})
            if "Arg0" in roles and e.actor:
                actor_n += 1
                actor_right += _same_actor(
                    d.text, _locate(d.text, e.actor, e.start, e.end + 1), roles["Arg0"]
                )
            if "Arg1" in roles and e.target:
                target_n += 1
                target_right += _overlaps(
                    _locate(d.text, e.target, e.start, e.end + 1), roles["Arg1"]
                )
            where = _near(d.text, e.place, trig or (e.start, e.end))
            right = _overlaps(where, roles.get("Argm-LOC"))
            placed += e.place is not None
            placed_right += right
            located += "Argm-LOC" in roles
            located_found += right
            if m_id in d.anchors:
                start, end, value = d.anchors[m_id]
                ours_there = {r.value for r in dates if r.start < end and start < r.end}
                dated += 1
                dated_given += e.date is not None
                dated_right += e.date is not None and e.date in ours_there | {value}
        for m_id, (s, t, _) in gold.items():
            lemmas = {
                tok.lemma_.lower() for tok in doc.char_span(s, t, alignment_mode="expand") or []
            }
            if lemmas & (VERB_ACTION.keys() | NOUN_ACTION.keys()):
                in_scope += 1
                found += m_id in matched
    return {
        "meantime_event_precision": hits / ours if ours else 0.0,
        "meantime_event_recall_in_scope": found / in_scope if in_scope else 0.0,
        "meantime_event_actor_accuracy": actor_right / actor_n if actor_n else 0.0,
        "meantime_event_target_accuracy": target_right / target_n if target_n else 0.0,
        "meantime_event_place_precision": placed_right / placed if placed else 0.0,
        "meantime_event_place_recall": located_found / located if located else 0.0,
        "meantime_event_places": placed,
        "meantime_event_located": located,
        "meantime_event_date_precision": dated_right / dated_given if dated_given else 0.0,
        "meantime_event_date_recall": dated_right / dated if dated else 0.0,
        "meantime_event_dated": dated,
        "meantime_events": ours,
    }


def evaluate() -> dict[str, float]:
    docs = documents()
    return {**evaluate_timex(docs), **evaluate_events(docs)}


def main() -> None:
    report("meantime", evaluate())


if __name__ == "__main__":
    main()
