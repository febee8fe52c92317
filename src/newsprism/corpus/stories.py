"""Stories: articles about the same event across outlets.

Each article becomes a TF-IDF vector of its title (counted twice: headlines name the event)
and the opening of its body, plus one token per entity when the entity stage has filled the
``entities`` table, so shared people, organisations and places pull articles together and the
method still works on text alone. Two articles are linked when their cosine similarity reaches
the threshold and their dates lie within the window; linked articles form a story (connected
components; the window and a fairly high threshold keep chains short). Undated articles are
left out: an event needs a time.

A story is named after its most central article (closest to the story's centroid) and lists
its dates, outlets, places, entities and voices (the speakers of its quotes, when present).
Stories are recomputed on every run: the sparse products over a sliding date window take
seconds even on the 37k-article AllSides corpus.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from scipy import sparse

from ..store import Store
from ..store import queries as q

WORD = re.compile(r"[^\W\d_]{3,}")


@dataclass(frozen=True, slots=True)
class StoryOptions:
    threshold: float = 0.35  # cosine similarity to link two articles
    window_days: int = 3  # how far apart two articles about one event may be published
    body_words: int = 250  # the opening of the body; later paragraphs drift to background
    entity_weight: int = 3  # an entity token counts as this many words
    min_size: int = 2
    top: int = 8  # places, entities and voices listed per story


@dataclass(frozen=True, slots=True)
class StorySummary:
    stories: int
    articles: int
    used_entities: bool


def _stopwords() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | {"said", "says", "told", "also", "would", "could", "new"}


def _tokens(title: str, body: str, entities: list[str], options: StoryOptions) -> list[str]:
    stop = _stopwords()
    words = [w for w in WORD.findall(title.lower()) if w not in stop] * 2
    words += [w for w in WORD.findall(body.lower())[: options.body_words] if w not in stop]
    return words + [f"entity:{e}" for e in entities] * options.entity_weight


def tfidf(docs: list[list[str]]) -> sparse.csr_matrix:
    """Sublinear TF-IDF rows, L2-normalised, so a row product is a cosine similarity."""
    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, doc in enumerate(docs):
        for term, n in Counter(doc).items():
            rows.append(i)
            cols.append(vocab.setdefault(term, len(vocab)))
            vals.append(1.0 + math.log(n))
    m = sparse.csr_matrix((vals, (rows, cols)), shape=(len(docs), max(1, len(vocab))))
    df = np.bincount(m.indices, minlength=m.shape[1])
    idf = np.log((1 + len(docs)) / (1 + df)) + 1.0
    m = m @ sparse.diags(idf)
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ m)


def _links(x: sparse.csr_matrix, days: np.ndarray, options: StoryOptions) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j in date order, within the window and over the threshold."""
    pairs = []
    starts = np.searchsorted(days, np.unique(days))
    for s in starts:
        e = np.searchsorted(days, days[s], side="right")
        w = np.searchsorted(days, days[s] + options.window_days, side="right")
        sims = (x[s:e] @ x[s:w].T).tocoo()
        for r, c, v in zip(sims.row, sims.col, sims.data, strict=True):
            i, j = s + int(r), s + int(c)
            if i < j and v >= options.threshold:
                pairs.append((i, j))
    return pairs


def _components(n: int, pairs: list[tuple[int, int]]) -> list[list[int]]:
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    out: dict[int, list[int]] = {}
    for i in range(n):
        out.setdefault(find(i), []).append(i)
    return list(out.values())


def find_stories(store: Store, options: StoryOptions | None = None) -> StorySummary:
    """Group the stored articles into stories and replace the story tables."""
    options = options or StoryOptions()
    articles = q.story_inputs(store.con)  # dated articles, in date order
    entities = q.article_entities(store.con)
    docs = [_tokens(a["title"], a["body"], entities.get(a["id"], []), options) for a in articles]
    if not docs:
        q.replace_stories(store.con, [], [])
        return StorySummary(0, 0, bool(entities))
    x = tfidf(docs)
    days = np.array([date.toordinal(a["date"]) for a in articles])
    groups = [g for g in _components(len(articles), _links(x, days, options))
              if len(g) >= options.min_size]  # fmt: skip
    details = q.story_details(store.con, [articles[i]["id"] for g in groups for i in g])
    story_rows: list[dict[str, Any]] = []
    member_rows: list[dict[str, Any]] = []
    for g in groups:
        centroid = np.asarray(x[g].mean(axis=0)).ravel()
        scores = x[g] @ centroid
        order = [g[k] for k in np.argsort(-scores, kind="stable")]
        ids = [articles[i]["id"] for i in g]
        story_id = hashlib.sha256(min(ids).encode()).hexdigest()[:12]
        members = [articles[i] for i in g]
        story_rows.append({
            "story_id": story_id, "title": articles[order[0]]["title"],
            "first_date": min(a["date"] for a in members), "last_date": max(a["date"] for a in members),
            "size": len(g), "sources": len({a["source"] for a in members if a["source"]}),
            "places": _top(details["places"], ids, options.top),
            "voices": _top(details["voices"], ids, options.top),
            "entities": _top(details["entities"], ids, options.top),
            "method": "text+entities" if entities else "text",
        })  # fmt: skip
        for k, i in enumerate(g):
            member_rows.append({"story_id": story_id, "article_id": articles[i]["id"],
                                "score": float(scores[k])})  # fmt: skip
    q.replace_stories(store.con, story_rows, member_rows)
    return StorySummary(len(story_rows), len(member_rows), bool(entities))


def _top(per_article: dict[str, list[str]], ids: list[str], n: int) -> list[str]:
    counts = Counter(v for i in ids for v in set(per_article.get(i, [])))
    return [v for v, _ in counts.most_common(n)]
