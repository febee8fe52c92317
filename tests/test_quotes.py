"""Quotes on hand-built sentences and the seed article (needs the shipped model)."""

import pytest

from newsprism import Pipeline
from newsprism.records import Article
from newsprism.stages.quotes import direct_spans


@pytest.fixture(scope="module")
def pipeline():
    from newsprism.stages.parse import Parse
    from newsprism.stages.quotes import Quotes

    return Pipeline(["layout", Parse(), "dates", Quotes()])


def quotes_of(pipeline, text):
    return pipeline(Article(id="t", text=text, body=text, layout="exact")).quotes


def test_direct_spans_handle_marks_and_continued_paragraphs():
    text = "“We will win,” she said.\n\n“The first part.\n\n“The second part,” he said. It’s the voters’ choice."
    spans = [(text[s:e], chain) for s, e, chain in direct_spans(text)]
    assert spans[0] == ("We will win,", None)
    assert [t for t, _ in spans[1:]] == ["The first part.", "The second part,"]
    assert spans[1][1] == spans[2][1] is not None


def test_seed_quotes(pipeline, seed_text):
    from newsprism import analyze  # noqa: F401 - the layout gives the clean body

    art = Pipeline(["layout"])(Article(id="s", text=seed_text.strip())).article
    quotes = pipeline(art).quotes
    direct = [q for q in quotes if q.kind == "direct"]
    speakers = [(q.speaker.name or q.speaker.text) for q in direct]
    assert speakers == ["Ahmed al-Kanani", "one protester", "Khalid Alrawi"]
    kanani = direct[0].speaker
    assert (kanani.role, kanani.affiliation) == ("MP", "Al Sadiqoun")
    assert direct[1].cue == "told"
    reported = [q for q in quotes if q.kind != "direct"]
    callers = {
        q.speaker.text for q in reported if q.cue and q.cue.startswith(("called", "calling"))
    }
    assert {"Iraqi lawmakers", "the Iraqi parliament"} <= callers
    for q in quotes:
        assert art.body[q.start : q.end] == q.text


@pytest.mark.parametrize(
    ("text", "kind", "speaker", "cue"),
    [
        ("“The bridge is unsafe,” said Maria Lopez, a city engineer.", "direct", "Maria Lopez", "said"),
        ("The minister said that the talks had collapsed on Monday.", "indirect", "The minister", "said"),
        ("According to the union, “nobody was consulted at all before the vote.”", "direct", "the union",
         "according to"),
        ("Residents called on the council to reopen the library.", "indirect", "Residents", "called on"),
        ("The mayor said the plan was “a waste of money” and would be dropped.", "mixed", "The mayor", "said"),
    ],
)  # fmt: skip
def test_quote_shapes(pipeline, text, kind, speaker, cue):
    (q,) = quotes_of(pipeline, text)
    assert (q.kind, q.speaker.text, q.cue) == (kind, speaker, cue)


def test_a_cueless_quote_continues_the_last_speaker(pipeline):
    text = "“We are ready,” said Anna Berg, the coach.\n\n“The team has trained for months.”"
    first, second = quotes_of(pipeline, text)
    assert second.speaker is not None and second.speaker.name == first.speaker.name == "Anna Berg"


def test_scare_quotes_are_not_quotes(pipeline):
    assert quotes_of(pipeline, "The so-called “reform” passed without debate.") == ()
