"""Events on the seed and on hand-built sentences (needs the shipped model)."""

import pytest

from newsprism import Pipeline
from newsprism.records import Article


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(["layout", "parse", "dates", "events"])


def events_of(pipeline, text, date="2020-01-21"):
    return pipeline(Article(id="t", text=text, body=text, layout="exact", date=date)).events


def test_seed_events(pipeline, seed_text):
    art = Pipeline(["layout"])(Article(id="s", text=seed_text.strip(), date="2020-01-21")).article
    events = pipeline(art).events
    passed = [e for e in events if e.action == "legislate" and e.trigger == "passed"]
    assert passed and passed[0].actor == "the Iraqi parliament" and passed[0].date == "2020-01-05"
    strikes = [e for e in events if e.action == "attack" and e.trigger == "strike"]
    assert strikes and strikes[0].place == "Baghdad" and strikes[0].date == "2020-01-03"
    kills = [e for e in events if e.trigger in ("killing", "killed")]
    assert {"Qassem Soleimani", "Abu Mahdi al-Muhandis"} <= {e.target for e in kills}
    assert sum(e.main for e in events) == 1
    for e in events:
        assert 0 <= e.start < e.end <= len(art.body)


@pytest.mark.parametrize(
    ("text", "action", "actor", "target"),
    [
        (
            "Police arrested three protesters in Lyon on Tuesday.",
            "coerce",
            "Police",
            "three protesters",
        ),
        ("The senate approved the budget.", "legislate", "The senate", "the budget"),
        (
            "Two soldiers were killed by a roadside bomb.",
            "attack",
            "a roadside bomb",
            "Two soldiers",
        ),
    ],
)
def test_event_roles(pipeline, text, action, actor, target):
    (e,) = [e for e in events_of(pipeline, text) if e.action == action]
    assert (e.actor, e.target) == (actor, target)
