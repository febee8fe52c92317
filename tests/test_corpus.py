"""The corpus layer on small hand-made corpora: duplicates, stories, search with filters."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism import Store
from newsprism.corpus import (
    DuplicateOptions,
    SearchIndex,
    StoryOptions,
    find_duplicates,
    find_stories,
    index_path,
)  # fmt: skip
from newsprism.corpus.search import QueryError, SearchOptions, parse_query
from newsprism.records import Analysis, Article, Entity, Mention, Quote, Speaker, Stance
from newsprism.store import queries as q

FLOOD = ("Heavy rain flooded the river valley overnight, forcing hundreds of families from their "
         "homes as water rose above the old stone bridge. Emergency crews used boats to reach "
         "villages cut off by the flood, and the regional council opened schools as shelters. "
         "Forecasters expect more rain over the weekend, and the army has sent trucks with sandbags "
         "to protect the power station downstream, officials said on Tuesday evening.")  # fmt: skip
BUDGET = ("The finance minister presented a budget that raises spending on hospitals and schools "
          "while cutting fuel subsidies, a plan opposition leaders called reckless. Parliament will "
          "vote next month after committee hearings, and economists warned that growth forecasts "
          "behind the plan look optimistic given slowing exports and rising interest rates at the "
          "central bank, which meets again in the spring to decide on borrowing costs.")  # fmt: skip


def analysis(aid: str, title: str, body: str, source: str, date: str | None, **kw) -> Analysis:
    art = Article(id=aid, text=body, body=body, title=title, source=source, date=date,
                  format="text", layout="exact")  # fmt: skip
    return Analysis(article=art, **kw)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "c.duckdb") as s:
        s.write([
            analysis("flood-wire", "River floods valley villages", FLOOD, "Wire", "2024-05-01"),
            analysis("flood-copy", "Floods force families from homes", FLOOD + " Read more at our site.",
                     "Valley Times", "2024-05-02"),
            analysis("flood-later", "Valley flood: army sends sandbags",
                     "The army sent sandbags to the flooded river valley as more rain was forecast for "
                     "the weekend. Families forced from their homes by the flood stayed in schools "
                     "opened as shelters by the regional council, and emergency crews with boats "
                     "kept reaching villages cut off by the water.", "Herald", "2024-05-03"),
            analysis("budget", "Minister presents budget", BUDGET, "Herald", "2024-05-02",
                     quotes=(Quote("reckless", 0, 8, "direct", "called",
                                   Speaker("Ana Reis", 0, 0, "Ana Reis"), Stance("against", 0.9)),)),
            analysis("flood-old", "River floods valley villages", FLOOD, "Archive", "2023-01-10"),
            analysis("undated", "Budget debate", BUDGET[:200], "Blog", None),
        ])  # fmt: skip
        yield s


def test_duplicates_group_copies_with_their_earliest_source(store):
    summary = find_duplicates(store)
    assert summary.hashed == 6 and summary.groups == 1
    group = q.list_duplicates(store.con, 10, 0)[0][0]
    assert group["size"] == 3 and group["kind"] == "syndicated"
    assert group["earliest_article_id"] == "flood-old" and group["earliest_source"] == "Archive"
    assert find_duplicates(store).hashed == 0  # signatures are kept: a rerun only hashes new ones


def test_short_bodies_are_not_called_copies(store):
    assert find_duplicates(store, DuplicateOptions(min_words=1000)).groups == 0


def test_stories_group_one_event_within_the_window(store):
    summary = find_stories(store)
    assert summary.stories == 1 and not summary.used_entities
    s = q.list_stories(store.con, 10, 0)[0][0]
    members = {r["id"] for r in q.story(store.con, s["story_id"])["articles"]}
    assert members == {
        "flood-wire",
        "flood-copy",
        "flood-later",
    }  # not the 2023 copy: out of window
    assert s["sources"] == 3 and str(s["first_date"]) == "2024-05-01"


def test_stories_use_entities_when_present(tmp_path):
    # two short reports with little wording in common, tied together by the same entities
    a = "Officials met in Geneva to discuss the ceasefire plan for the region."
    b = "The ceasefire talks in Geneva ended without an agreement on monitoring."
    ents = (Entity("geneva", "Geneva", "PLACE", mentions=(Mention("Geneva", 0, 6),)),
            Entity("un", "United Nations", "ORG"), Entity("envoy", "Jan Berg", "PERSON"))  # fmt: skip
    with Store(tmp_path / "e.duckdb") as s:
        s.write([analysis("a", "Talks open", a, "X", "2024-02-01", entities=ents),
                 analysis("b", "Talks end", b, "Y", "2024-02-02", entities=ents)])  # fmt: skip
        assert find_stories(s, StoryOptions(entity_weight=0)).stories == 0
        summary = find_stories(s)
        assert summary.stories == 1 and summary.used_entities
        assert q.list_stories(s.con, 5, 0)[0][0]["places"] == ["Geneva"]


@pytest.mark.parametrize(("text", "match"), [
    ("flood valley", '"flood" AND "valley"'),
    ('"river valley" -budget', '"river valley" NOT "budget"'),
    ("sand*", '"sand" *'),
    ("o'brien: (x)", '"o brien" AND "x"'),  # a word split by punctuation stays a phrase
])  # fmt: skip
def test_query_syntax_becomes_safe_fts5(text, match):
    assert parse_query(text)[0] == match


@pytest.mark.parametrize("text", ["", "-budget", '""', "!!!"])
def test_queries_with_nothing_to_find_are_errors(text):
    with pytest.raises(QueryError):
        parse_query(text)


def test_search_ranks_and_filters(store, tmp_path):
    find_stories(store)
    with SearchIndex(index_path(store.path)) as index:
        assert index.update(store) == 6 and index.update(store) == 0  # incremental
        hits = index.search(store.con, "flood")
        assert hits.total == 4 and hits.hits[0].score > 0
        assert index.search(store.con, '"old stone bridge"').total == 3
        f = q.ArticleFilter
        herald = index.search(store.con, "flood", SearchOptions(filter=f(source="Herald")))
        assert [h.id for h in herald.hits] == ["flood-later"]
        dated = index.search(
            store.con,
            "flood",
            SearchOptions(filter=f(date_from="2024-05-02", date_to="2024-05-03")),
        )
        assert {h.id for h in dated.hits} == {"flood-copy", "flood-later"}
        side = index.search(
            store.con, "budget", SearchOptions(filter=f(side="against", speaker="ana reis"))
        )
        assert [h.id for h in side.hits] == ["budget"]
        story = q.list_stories(store.con, 1, 0)[0][0]["story_id"]
        in_story = index.search(store.con, "flood", SearchOptions(filter=f(story=story)))
        assert {h.id for h in in_story.hits} == {"flood-wire", "flood-copy", "flood-later"}
        assert index.search(store.con, "flood", SearchOptions(limit=2, offset=3)).hits[0].id
    with SearchIndex(index_path(store.path), read_only=True) as ro:
        assert ro.search(store.con, "budget -flood").total == 2


def test_gkg_export(store, tmp_path):
    from newsprism.corpus.gkg import COLUMNS

    out = store.export("gkg", tmp_path / "gkg.tsv")
    lines = Path(out[0]).read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == list(COLUMNS) and len(lines) == 7
    assert all(len(line.split("\t")) == len(COLUMNS) for line in lines)
