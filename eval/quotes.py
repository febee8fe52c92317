"""Evaluate quotes and speakers on PolNeAR dev (84 US election news articles, brat standoff).

Which attributions count as speech: those whose cue contains a speech verb or a call (the
lemmas in ``newsprism.stages.quotes.SPEECH`` and ``CALLS``, plus "according to"), or whose
content holds quotation marks. Attributions of thought and feeling ("believes", "fears",
"wants") are not speech and are not expected; a predicted quote that overlaps one is not
counted as wrong either (it is not in the precision denominator's errors).

The measures follow the Gender Gap Tracker's published method: a gold quote is found when a
predicted quote covers more than 30% of its characters (and, separately, 80%); precision is
the share of predicted quotes that cover more than that share of some gold attribution.
Speaker accuracy (span): over found quotes with a gold source, the predicted speaker span
overlaps the gold source. Speaker accuracy (name): over found quotes whose gold source is a
name or a description ("The mayor"), the predicted speaker's resolved name or its words where
the quote is share a word with it (the entities stage gives canonical names: "Democrats" is
the "Democratic Party", "IMF" the "International Monetary Fund"). Cue accuracy: the
predicted cue's verb is inside the gold cue. The pipeline is the shipped one up to the quotes
(layout, parse, entities, quotes).

    python -m eval.quotes [--limit N] [--split dev|train] [--errors N]

``--errors N`` prints up to N of each kind of error (missed gold quotes, predicted quotes that
match no attribution, wrong speaker names), sampled at random with a fixed seed. Study errors on
``--split train``; dev is for measuring.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from eval.data import DATA, report  # noqa: E402

POLNEAR = DATA / "polnear" / "data"
Spans = list[tuple[int, int]]


@dataclass
class Attribution:
    source: Spans
    cue: Spans
    content: Spans
    source_text: str
    speech: bool = False


def _spans(field: str) -> Spans:
    return [(int(a), int(b)) for a, b in (part.split() for part in field.split(";"))]


def load(split: str = "dev") -> list[tuple[str, str, list[Attribution]]]:
    """(name, text, attributions) for each article; the first annotator's file where several."""
    out = []
    folder = POLNEAR / split
    for text_path in sorted((folder / "text").glob("*.txt")):
        anns = sorted((folder / "attributions").glob(text_path.stem + "_*.ann"))
        if not anns:
            continue
        text = text_path.read_text(encoding="utf-8")
        spans: dict[str, tuple[str, Spans]] = {}
        attributions = []
        for line in anns[0].read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if line.startswith("T") and len(parts) >= 2:
                kind, _, where = parts[1].partition(" ")
                spans[parts[0]] = (kind, _spans(where))
            elif line.startswith("E") and len(parts) >= 2:
                roles = dict(arg.split(":") for arg in parts[1].split()[1:])
                got = {role: spans[t][1] for role, t in roles.items() if t in spans}
                source = got.get("Source", [])
                attributions.append(Attribution(source, got.get("Cue", []), got.get("Content", []),
                                                " ".join(text[a:b] for a, b in source)))  # fmt: skip
        out.append((text_path.stem, text, [a for a in attributions if a.content]))
    return out


def _chars(spans: Spans) -> set[int]:
    return {i for a, b in spans for i in range(a, b)}


def evaluate(
    limit: int | None = None, split: str = "dev", errors: dict[str, list[str]] | None = None
) -> dict[str, float]:
    """The measures over a split; with ``errors``, each error's description is appended to it."""
    from newsprism.models import load as load_model
    from newsprism.pipeline import Pipeline
    from newsprism.records import Article
    from newsprism.stages.parse import Parse
    from newsprism.stages.quotes import CALLS, SPEECH, Quotes

    # as shipped: the entities stage gives names, genders and mentions the NER missed
    pipeline = Pipeline(["layout", Parse(), "entities", Quotes()])  # layout keeps the exact body
    nlp = load_model()
    speech_words = SPEECH | CALLS | {"according"}
    totals = dict.fromkeys(["gold", "found30", "found80", "pred", "right30", "right80", "spk_n",
                            "spk_ok", "name_n", "name_ok", "cue_n", "cue_ok"], 0)  # fmt: skip
    errors = {} if errors is None else errors
    for key in ("missed", "spurious", "speaker"):
        errors.setdefault(key, [])

    def show(spans: Spans, width: int = 160) -> str:
        shown = " ... ".join(text[a:b] for a, b in spans).replace("\n", " ")
        return shown if len(shown) <= width else shown[: width - 3] + "..."

    for name, text, gold in load(split)[:limit]:
        for g in gold:
            cue_words = {t.lemma_.lower() for a, b in g.cue for t in nlp.make_doc(text[a:b])}
            cue_lemmas = {t.lemma_.lower() for a, b in g.cue for t in nlp(text[a:b])} | cue_words
            quoted = any(c in text[a:b] for a, b in g.content for c in '“”"')
            g.speech = bool(cue_lemmas & speech_words) or quoted
        analysis = pipeline(Article(id=name, text=text, body=text, layout="exact"))
        preds = analysis.quotes
        gold_chars = [_chars(g.content) for g in gold]
        totals["pred"] += len(preds)
        for q in preds:
            qc = set(range(q.start, q.end))
            share = max((len(qc & gc) / len(gc) for gc in gold_chars if gc), default=0.0)
            totals["right30"] += share > 0.3
            if share <= 0.3:
                who = q.speaker.text if q.speaker else None
                errors["spurious"].append(f"{name} [{q.kind} cue={q.cue!r} speaker={who!r} "
                                          f"covers={share:.0%}] {show([(q.start, q.end)])}")  # fmt: skip
            totals["right80"] += any(len(qc & gc) > 0.8 * len(gc) for gc in gold_chars if gc)
        for g, gc in zip(gold, gold_chars, strict=True):
            if not g.speech:
                continue
            totals["gold"] += 1
            best = max(preds, key=lambda q: len(gc & set(range(q.start, q.end))), default=None)
            cover = len(gc & set(range(best.start, best.end))) if best else 0
            if cover <= 0.3 * len(gc) or best is None:
                errors["missed"].append(f"{name} [cue={show(g.cue)!r} source={g.source_text!r} "
                                        f"covered={cover / len(gc):.0%}] {show(g.content)}")  # fmt: skip
                continue
            totals["found30"] += 1
            totals["found80"] += cover > 0.8 * len(gc)
            if g.source and best.speaker:
                totals["spk_n"] += 1
                sc = _chars(g.source)
                totals["spk_ok"] += bool(sc & set(range(best.speaker.start, best.speaker.end)))
                if re.search(r"\b[A-Z][a-z]", g.source_text) and g.source_text.split()[0].lower() not in (
                    "he", "she", "they", "it", "we", "i",
                ):  # fmt: skip
                    totals["name_n"] += 1
                    said = (best.speaker.name or best.speaker.text).lower()
                    gold_words = {
                        w for w in re.findall(r"\w+", g.source_text.lower()) if len(w) > 2
                    }
                    # the resolved name, or the words that name the speaker where the quote is
                    # ("The mayor" resolved to "Bill de Blasio"; "IMF" to its full name)
                    words = re.findall(r"\w+", f"{said} {best.speaker.text.lower()}")
                    name_ok = bool(gold_words & set(words))
                    totals["name_ok"] += name_ok
                    if not name_ok:
                        errors["speaker"].append(f"{name} [gold={g.source_text!r} said={said!r} "
                                                 f"span={best.speaker.text!r} cue={best.cue!r}] "
                                                 f"{show(g.content, 100)}")  # fmt: skip
            elif g.source:
                totals["spk_n"] += 1  # a found quote with no speaker is a wrong speaker
            if g.cue and best.cue:
                totals["cue_n"] += 1
                verb = best.cue.split()[0]
                totals["cue_ok"] += any(verb in text[a:b] for a, b in g.cue)

    def ratio(a: str, b: str) -> float:
        return totals[a] / totals[b] if totals[b] else 0.0

    p30, r30 = ratio("right30", "pred"), ratio("found30", "gold")
    p80, r80 = ratio("right80", "pred"), ratio("found80", "gold")
    return {
        "quote_precision_30": p30, "quote_recall_30": r30,
        "quote_f1_30": 2 * p30 * r30 / (p30 + r30) if p30 + r30 else 0.0,
        "quote_precision_80": p80, "quote_recall_80": r80,
        "quote_f1_80": 2 * p80 * r80 / (p80 + r80) if p80 + r80 else 0.0,
        "speaker_accuracy_span": ratio("spk_ok", "spk_n"), "speaker_accuracy_name": ratio("name_ok", "name_n"),
        "cue_accuracy": ratio("cue_ok", "cue_n"), "gold_speech_quotes": totals["gold"],
        "predicted_quotes": totals["pred"],
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--errors", type=int, default=0, help="print N errors of each kind")
    args = parser.parse_args()
    errors: dict[str, list[str]] = {}
    result = evaluate(args.limit, args.split, errors)
    for kind, lines in errors.items() if args.errors else ():
        picked = sorted(random.Random(0).sample(range(len(lines)), min(args.errors, len(lines))))
        print(f"-- {kind}: {len(lines)}, {len(picked)} shown")
        for i in picked:
            print(lines[i])
    if args.limit is None and args.split == "dev":
        report("quotes", result)
    else:  # a partial run is printed, never written over the dev figures
        print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
