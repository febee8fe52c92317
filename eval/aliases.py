"""Alias merging: pairwise precision/recall/F1 of mention clusters on team-annotated articles.

Each file in eval/gold/aliases/ holds an article (``text``, laid out by the layout stage) and
its gold clusters as lists of mention strings. Every occurrence of a gold string in the body
(word-bounded, longest first) is a gold mention; so is each of the file's ``references``, a
pronoun or nominal reference named by its text, which occurrence of that text it is (``nth``,
from 1) and a name of its cluster. A mention's system cluster is the entity with a mention at
that place (a mention the system missed is a singleton). Pairs of mentions in one cluster are
scored, as in coreference evaluation; ``reference_recall`` is the share of the references
linked to their gold entity.

    python -m eval.aliases
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from typing import Any

from newsprism.pipeline import Pipeline
from newsprism.records import Article
from newsprism.stages.entities import Entities
from newsprism.stages.parse import Parse

from .data import REPO, report

GOLD = REPO / "eval" / "gold" / "aliases"


def _occurrences(body: str, clusters: list[list[str]]) -> dict[tuple[int, int], int]:
    """(start, end) of every gold mention in the body -> its gold cluster."""
    found: dict[tuple[int, int], int] = {}
    strings = sorted(((s, k) for k, c in enumerate(clusters) for s in c), key=lambda x: -len(x[0]))
    for s, k in strings:
        for m in re.finditer(rf"(?<!\w){re.escape(s)}(?!\w)", body):
            if not any(a < m.end() and m.start() < b for a, b in found):
                found[(m.start(), m.end())] = k
    return found


def _references(
    body: str, clusters: list[list[str]], refs: list[dict[str, Any]]
) -> dict[tuple[int, int], int]:
    """(start, end) of each annotated pronoun or nominal reference -> its gold cluster."""
    found = {}
    for ref in refs:
        hits = list(re.finditer(rf"(?<!\w){re.escape(ref['text'])}(?!\w)", body))
        m = hits[ref["nth"] - 1]
        found[(m.start(), m.end())] = next(k for k, c in enumerate(clusters) if ref["cluster"] in c)
    return found


def evaluate() -> dict[str, float]:
    pipe = Pipeline(["layout", Parse(), Entities()])
    tp = n_sys = n_gold = n_refs = linked = 0
    for file in sorted(Path(GOLD).glob("*.json")):
        gold = json.loads(file.read_text(encoding="utf-8"))
        a = pipe(Article(id=file.stem, text=gold["text"]))
        where = {(m.start, m.end): e.id for e in a.entities for m in e.mentions
                 if m.field == "body"}  # fmt: skip
        occ = _occurrences(a.article.body, gold["clusters"])
        refs = _references(a.article.body, gold["clusters"], gold.get("references", []))
        occ.update(refs)
        heads = {k: span for span, k in sorted(occ.items()) if span not in refs}
        for span, k in refs.items():
            n_refs += 1
            linked += (
                k in heads
                and where.get(span) is not None
                and where.get(span) == where.get(heads[k])
            )
        sys_label = {span: where.get(span, f"missed{span}") for span in occ}
        for x, y in itertools.combinations(sorted(occ), 2):
            same_gold, same_sys = occ[x] == occ[y], sys_label[x] == sys_label[y]
            tp += same_gold and same_sys
            n_gold += same_gold
            n_sys += same_sys
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"pairwise_precision": round(p, 4), "pairwise_recall": round(r, 4),
            "pairwise_f1": round(f, 4), "reference_recall": round(linked / max(n_refs, 1), 4),
            "references": float(n_refs), "articles": float(len(list(GOLD.glob("*.json"))))}  # fmt: skip


if __name__ == "__main__":
    report("aliases", evaluate())
