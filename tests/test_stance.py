"""Stance: the model on clear cases, the issue and sides of the seed, aggregation, the corpus query."""

import pytest

from newsprism import Pipeline, Store
from newsprism.corpus.sides import sides
from newsprism.records import Analysis, Article, Issue, Quote, Speaker, Stance
from newsprism.stages import DEFAULT_STAGES
from newsprism.stages.stance import Sides, aggregate, call_stance, from_headline
from newsprism.stance import stance, stances


@pytest.mark.parametrize(
    ("text", "topic", "label"),
    [
        ("Vaccines save millions of lives; making them mandatory protects everyone.",
         "mandatory vaccination", "for"),
        ("Forcing people to get vaccinated violates their freedom and bodily autonomy.",
         "mandatory vaccination", "against"),
        ("Murderers deserve the death penalty; justice demands it.", "the death penalty", "for"),
        ("The death penalty is cruel, irreversible and does not deter crime.",
         "the death penalty", "against"),
        ("We should not ban plastic bags.", "banning plastic bags", "against"),
        ("The museum reopened on Saturday after a two-year renovation of its east wing.",
         "banning plastic bags", "neither"),
    ],
)  # fmt: skip
def test_clear_stances(text, topic, label):
    result = stance(text, topic)
    assert result.label == label
    assert 0.0 < result.score <= 1.0


@pytest.mark.xfail(reason="a frozen sentence encoder sees the topic, not which way an explicit "
                   "'oppose' leans; docs/STANCE.md, limits", strict=True)  # fmt: skip
def test_explicit_opposition_to_a_ban():
    text = "Banning plastic bags is a terrible, misguided idea and I am against it."
    assert stance(text, "banning plastic bags").label == "against"


def test_batched_stances_match_single_ones():
    texts = ["I strongly support the new stadium.", "The stadium is a waste of public money."]
    batched = stances(texts, "build the stadium")
    assert [s.label for s in batched] == [stance(t, "build the stadium").label for t in texts]


@pytest.mark.parametrize(
    ("headline", "issue"),
    [
        ("Iraqis Split on Parliament’s Call to Expel Foreign Troops", "Expel Foreign Troops"),
        ("Eastbrook Divided Over Plan to House 400 Refugees at Former Barracks",
         "House 400 Refugees at Former Barracks"),
        ("Farmers and Beekeepers Clash Over Nationwide Ban on Triflumazole",
         "Nationwide Ban on Triflumazole"),
        ("Ardell Lawmakers Approve Tax on Sugary Drinks", "Tax on Sugary Drinks"),
        ("Storms Bring Snow to the Mountains", None),
    ],
)  # fmt: skip
def test_issue_from_headline(headline, issue):
    assert from_headline(headline) == issue


def quote(text, speaker, label=None, score=0.9, cue="said"):
    st = Stance(label, score) if label else None
    return Quote(text, 0, len(text), "direct", cue, Speaker(speaker, 0, 1, name=speaker), st)


def test_aggregate_sums_each_speakers_stances():
    quotes = [
        quote("a", "Ana", "for", 0.9), quote("b", "Ana", "against", 0.6),
        quote("c", "Ben", "against", 0.8), quote("d", "Cy", "neither", 0.7),
        quote("e", "Ben", "neither", 0.5),
    ]  # fmt: skip
    assert aggregate(quotes) == {"for": ["Ana"], "against": ["Ben"], "neither": ["Cy"]}


@pytest.mark.parametrize(
    ("text", "relevance", "label"),
    [
        ("the government to expel all foreign forces", 0.8, "for"),
        ("parliament to reject the funding", 0.7, "against"),
        ("the government to resign", 0.2, "neither"),
    ],
)
def test_calls_are_read_for_what_they_demand(text, relevance, label):
    assert call_stance(quote(text, "x", cue="called on"), relevance).label == label


@pytest.fixture(scope="module")
def seed_analysis(seed_text_module):
    return Pipeline([*DEFAULT_STAGES, Sides()], strict=True)(
        Article(id="s", text=seed_text_module.strip())
    )


@pytest.fixture(scope="module")
def seed_text_module():
    from .conftest import SEED

    return SEED.read_text(encoding="utf-8")


def test_seed_issue(seed_analysis):
    issue = seed_analysis.issue
    assert issue is not None
    assert issue.text == "expel foreign troops from Iraq"


def test_seed_sides(seed_analysis):
    sides_ = seed_analysis.issue.sides
    assert "Iraqi lawmakers" in sides_["for"]  # "have called on the government to expel ..."
    assert "demonstrators" in sides_["neither"]  # they call for something else
    assert all(q.stance is not None for q in seed_analysis.quotes)


@pytest.mark.xfail(reason="the model misreads the direct quotes: 'We don't want them anymore' "
                   "as against expelling them, Alrawi's 'do not want an American departure' as "
                   "for, the protester as for; docs/STANCE.md, limits")  # fmt: skip
def test_seed_sides_target(seed_analysis):
    sides_ = seed_analysis.issue.sides
    assert "Ahmed al-Kanani" in sides_["for"]
    assert "Khalid Alrawi" in sides_["against"]
    assert "one protester" in sides_["neither"]


def test_no_voices_no_issue():
    body = "The bridge reopened on Monday after repairs, the council said."
    a = Pipeline([*DEFAULT_STAGES, Sides()], strict=True)(
        Article(id="b", text=body, body=body, title="Council Plan to Widen Bridge", layout="exact")
    )
    assert a.issue is None


def stored(aid, source, date, issue, quotes):
    art = Article(id=aid, text="x", body="x", title=aid, source=source, date=date, layout="exact")
    return Analysis(article=art, quotes=tuple(quotes), issue=Issue(issue, aggregate(quotes)))


def test_corpus_sides(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        store.write([
            stored("a1", "Outlet A", "2020-01-06", "expel foreign troops from Iraq", [
                quote("We don't want them.", "Ahmed al-Kanani", "for"),
                quote("They keep us safe.", "Khalid Alrawi", "against")]),
            stored("a2", "Outlet B", "2020-02-10", "expel foreign troops from Iraq", [
                quote("They must leave.", "Ahmed al-Kanani", "for")]),
            stored("a3", "Outlet B", "2020-02-11", "tax on sugary drinks", [
                quote("Good for teeth.", "Olivia Brandt", "for")]),
        ])  # fmt: skip
        result = sides(store, "foreign troops")
    assert [(v.speaker, v.quotes, v.articles) for v in result.voices["for"]] == [
        ("Ahmed al-Kanani", 2, 2)
    ]
    assert result.voices["for"][0].sources == ("Outlet A", "Outlet B")
    assert [v.speaker for v in result.voices["against"]] == ["Khalid Alrawi"]
    assert result.voices["neither"] == []
    assert {(r["month"], r["side"], r["quotes"]) for r in result.timeline} == {
        ("2020-01", "against", 1), ("2020-01", "for", 1), ("2020-02", "for", 1)
    }  # fmt: skip
