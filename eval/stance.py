"""Evaluate stance: the model on VAST and BASIL, and the sides stage on the team's articles.

- ``vast_dev_macro_f1``: macro-F1 over for / against / neither on the VAST dev split
  (2,062 pairs, reduced columns; the training script picks its epoch on it, so it is a dev
  figure, not a test figure). Published on VAST test: TGA-Net 0.666, JointCL about 0.72.
  The shipped probabilities are the mean of the feature classifier's and the cross-encoder's
  (``stance.with_cross``); each alone is reported beside them.
- ``vast_dev_macro_f1_zero_shot`` / ``_few_shot``: the same on dev pairs whose topic VAST's
  training split lacks (1,019) or has (1,043; the same lemma string, ``topic_str``).
- ``unrelated_sentence_neither``: news sentences (AllSides dev) each paired with a VAST topic
  drawn at random, which they are not about: the share judged ``neither``.
- ``basil_quote_accuracy``: BASIL quoted bias spans toward a named target, polarity pos ->
  for, neg -> against, on the held-out fifth of events (triplet id hash 0 mod 5, never trained
  on); the model's larger of P(for) and P(against) decides, as BASIL has no neutral spans.
- ``gold_quote_side_accuracy``: each annotated quote of eval/gold/articles, placed in its
  article's parse and judged by the stage (the stance rules, then the model) toward the gold
  issue text.
- ``gold_speaker_side_accuracy``: each gold speaker's side from the full pipeline with our
  own extracted issue; a gold speaker we did not find, or found no issue for, counts wrong.
- ``gold_issue_found``: the share of gold articles for which an issue was extracted.
- ``allsides_issue_*``: the issues found in 200 real AllSides articles and the share a hand
  judgment (eval/gold/issue_judgments.json) calls a proposition in dispute.
- ``off_issue_speaker_neither``: each speaker of the 24 team articles (both sets), judged by
  the stage toward another article's gold issue (the article five on), which none of their
  quotes is about: the share the stage puts on ``neither``. The stage leans a voice to a
  side unless the model is sure it is off the issue (``stages.stance.lean``), which the gold
  sides above reward; this figure shows what that costs where a voice is off the issue.
- ``..._odd`` / ``..._even``: the two gold figures on the odd- and even-numbered articles
  alone, a split-half check that the rules were not written for one half.
- ``..._heldout``: the three gold figures on the 12 articles of eval/gold/articles_heldout,
  written and annotated after the stage's rules and constants were set (never tuned on).

    python -m eval.stance
"""

from __future__ import annotations

import csv
import functools
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

from eval.articles import HELD_OUT, gold_articles  # noqa: E402
from eval.data import DATA, allsides, report  # noqa: E402
from newsprism.pipeline import Pipeline  # noqa: E402
from newsprism.readers import ReadOptions  # noqa: E402
from newsprism.readers.decode import clean_text  # noqa: E402
from newsprism.readers.jsonl import to_article  # noqa: E402
from newsprism.records import STANCE_LABELS, Analysis, Article, Quote, article_id  # noqa: E402
from newsprism.stages import DEFAULT_STAGES, REGISTRY  # noqa: E402
from newsprism.stages.stance import RULE_WEIGHT, Sides, aggregate, find_issue  # noqa: E402
from newsprism.stance import CROSS_WEIGHT, classifier_probabilities, mix  # noqa: E402
from newsprism.stance_cross import CrossStance  # noqa: E402
from training.train_stance import basil, macro_f1, vast  # noqa: E402

ISSUE_JUDGMENTS = REPO / "eval" / "gold" / "issue_judgments.json"


def _probabilities(pairs: list[tuple[str, str, str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The classifier's and the cross-encoder's probabilities, and the gold labels."""
    texts, topics, labels = zip(*pairs, strict=True)
    p = classifier_probabilities(texts, topics)
    cross = CrossStance().probabilities(texts, topics) if CROSS_WEIGHT else p
    return p, cross, np.asarray([STANCE_LABELS.index(label) for label in labels])


def vast_dev() -> dict[str, float]:
    """Macro-F1 (the shipped mix, and each model alone), each class's precision and recall,
    and the for/against confusions."""
    p_features, p_cross, y = _probabilities(vast(DATA, "dev"))
    pred = mix(p_features, p_cross).argmax(1)
    out = {"vast_dev_macro_f1": macro_f1(y, pred),
           "vast_dev_macro_f1_classifier_alone": macro_f1(y, p_features.argmax(1)),
           "vast_dev_macro_f1_cross_encoder_alone": macro_f1(y, p_cross.argmax(1))}  # fmt: skip
    # VAST's own split: a topic seen in training (few-shot) or not (zero-shot)
    with open(DATA / "vast" / "vast_dev.reduced_columns.csv", encoding="utf-8", newline="") as f:
        seen = np.asarray([r["seen?"] == "1" for r in csv.DictReader(f)])
    out["vast_dev_macro_f1_zero_shot"] = macro_f1(y[~seen], pred[~seen])
    out["vast_dev_macro_f1_few_shot"] = macro_f1(y[seen], pred[seen])
    for c, label in enumerate(STANCE_LABELS):
        hits = float(np.sum((pred == c) & (y == c)))
        out[f"vast_dev_{label}_p"] = hits / max(float(np.sum(pred == c)), 1.0)
        out[f"vast_dev_{label}_r"] = hits / max(float(np.sum(y == c)), 1.0)
    yes, no = STANCE_LABELS.index("for"), STANCE_LABELS.index("against")
    out["vast_dev_for_taken_as_against"] = float(np.sum((y == yes) & (pred == no)))
    out["vast_dev_against_taken_as_for"] = float(np.sum((y == no) & (pred == yes)))
    return out


def unrelated_neither(n: int = 300) -> float:
    """The share of news sentences judged ``neither`` toward a topic they are not about: one
    sentence of 40 to 200 characters from each of ``n`` AllSides dev articles, each with a
    VAST dev topic drawn at random (seeded)."""
    rng = random.Random(7)
    topics = sorted({topic for _, topic, _ in vast(DATA, "dev")})
    pairs = []
    for a in allsides(split="dev", limit=n):
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", a["text"]) if 40 < len(s) < 200]
        if sentences:
            pairs.append((rng.choice(sentences), rng.choice(topics), "neither"))
    p_features, p_cross, y = _probabilities(pairs)
    return float(np.mean(mix(p_features, p_cross).argmax(1) == y))


def basil_quotes() -> tuple[float, int]:
    pairs = basil(DATA, held_out=True)
    p_features, p_cross, y = _probabilities(pairs)
    p = mix(p_features, p_cross)
    for_, against = STANCE_LABELS.index("for"), STANCE_LABELS.index("against")
    pred = np.where(p[:, for_] >= p[:, against], for_, against)
    return float(np.mean(pred == y)), len(pairs)


@functools.cache
def _parser() -> Pipeline:
    return Pipeline([REGISTRY["layout"](), REGISTRY["parse"]()])


def _parsed(g: dict) -> tuple[tuple[Quote, ...], Any]:
    """The gold quotes placed in their article's body, and the body's parse (for context)."""
    text = clean_text((REPO / g["path"]).read_text(encoding="utf-8")).strip()
    article = Article(id=article_id(None, None, text), text=text, format="text")
    analysis = Analysis(article=article)
    for stage in _parser().stages:
        analysis = stage(analysis)
    body, quotes, at = analysis.article.body, [], 0
    for q in g["quotes"]:
        start = body.find(q["text"], at)
        start = body.find(q["text"]) if start < 0 else start
        end = start + len(q["text"]) if start >= 0 else 0
        quotes.append(Quote(q["text"], max(start, 0), end, q["kind"], q["cue"]))
        at = max(at, start)
    return tuple(quotes), analysis.doc


def gold_quotes(golds: list[dict], part: str = "all") -> float:
    """Each gold quote's side toward the gold issue; ``part``: all, even or odd articles."""
    right = total = 0
    for n, g in enumerate(golds, 1):
        if part != "all" and (n % 2 == 0) != (part == "even"):
            continue
        quotes, doc = _parsed(g)
        judged = Sides.judge(quotes, g["issue"], doc)
        for q, gq in zip(judged, g["quotes"], strict=True):
            right += q.stance is not None and q.stance.label == gq["side"]
            total += 1
    return right / total


def same_speaker(ours: str, gold: str) -> bool:
    a, b = ours.lower(), gold.lower()
    return a in b or b in a or a.split()[-1] == b.split()[-1]


def gold_speakers(golds: list[dict], part: str = "all") -> tuple[float, float]:
    """Each gold speaker's side from the whole pipeline; ``part``: all, even or odd articles."""
    pipeline = Pipeline([*DEFAULT_STAGES, Sides()])
    right = total = found = 0
    golds = [g for n, g in enumerate(golds, 1)
             if part == "all" or (n % 2 == 0) == (part == "even")]  # fmt: skip
    for g in golds:
        text = clean_text((REPO / g["path"]).read_text(encoding="utf-8")).strip()
        a = pipeline(Article(id=article_id(None, None, text), text=text, format="text"))
        found += a.issue is not None
        ours = a.issue.sides if a.issue else {}
        for side, speakers in g["sides"].items():
            for speaker in speakers:
                total += 1
                right += any(same_speaker(o, speaker) for o in ours.get(side, []))
    return right / total, found / len(golds)


def off_issue_speakers(golds: list[dict], shift: int = 5) -> float:
    """The share of speakers put on ``neither`` toward an issue none of their quotes is about:
    each article's quotes judged toward the gold issue of the article ``shift`` on."""
    pipeline = Pipeline([name for name in DEFAULT_STAGES if name != "stance"])
    neither = total = 0
    for k, g in enumerate(golds):
        text = clean_text((REPO / g["path"]).read_text(encoding="utf-8")).strip()
        a = pipeline(Article(id=article_id(None, None, text), text=text, format="text"))
        quotes, ruled = Sides.read(a.quotes, golds[(k + shift) % len(golds)]["issue"], a.doc)
        sides = aggregate(quotes, [RULE_WEIGHT if r else 1.0 for r in ruled])
        neither += len(sides["neither"])
        total += sum(map(len, sides.values()))
    return neither / total


def held_out(golds: list[dict]) -> dict[str, float]:
    speakers, found = gold_speakers(golds)
    return {"gold_quote_side_accuracy_heldout": gold_quotes(golds),
            "gold_speaker_side_accuracy_heldout": speakers, "gold_issue_found_heldout": found}  # fmt: skip


def allsides_issues() -> dict[str, float]:
    """The issues extracted from a fixed sample of real AllSides articles, against the hand
    judgments in eval/gold/issue_judgments.json: how many, the share judged a proposition in
    dispute, and how many no one has judged yet (each new one should be judged and added)."""
    gold = json.loads(ISSUE_JUDGMENTS.read_text(encoding="utf-8"))
    judged = {(j["position"], j["issue"]): j["ok"] for j in gold["judgments"]}
    start, every, n = (gold["sample"][k] for k in ("start", "every", "articles"))
    found = ok = unjudged = 0
    for i, d in enumerate(allsides()):
        if i >= start + every * n:
            break
        if i < start or (i - start) % every:
            continue
        analysis = Analysis(article=to_article(d, "allsides", str(i), ReadOptions()))  # type: ignore[arg-type]
        for stage in _parser().stages:
            analysis = stage(analysis)
        issue = find_issue(analysis)
        if issue is None:
            continue
        found += 1
        verdict = judged.get((i, issue[0]))
        ok += bool(verdict)
        unjudged += verdict is None
    judged_n = found - unjudged
    return {
        "allsides_issues_found": float(found),
        "allsides_issue_precision": ok / judged_n if judged_n else 0.0,
        "allsides_issues_unjudged": float(unjudged),
    }


def evaluate() -> dict[str, float]:
    golds = gold_articles()
    basil_acc, basil_n = basil_quotes()
    speakers, found = gold_speakers(golds)
    halves = {f"gold_{what}_side_accuracy_{part}": fn(golds, part)
              for part in ("odd", "even")
              for what, fn in (("quote", gold_quotes), ("speaker", lambda g, p: gold_speakers(g, p)[0]))}  # fmt: skip
    return {
        **vast_dev(),
        "unrelated_sentence_neither": unrelated_neither(),
        "basil_quote_accuracy": basil_acc,
        "basil_quotes": float(basil_n),
        "gold_quote_side_accuracy": gold_quotes(golds),
        "gold_speaker_side_accuracy": speakers,
        "gold_issue_found": found,
        **halves,
        **held_out(gold_articles(HELD_OUT)),
        "off_issue_speaker_neither": off_issue_speakers(golds + gold_articles(HELD_OUT)),
        **allsides_issues(),
    }


def main() -> None:
    report("stance", evaluate())


if __name__ == "__main__":
    main()
