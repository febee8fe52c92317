from datetime import date

import pytest

from newsprism import analyze
from newsprism.timex import duration, number, tag

DCT = date(2020, 1, 21)  # a Tuesday


def values(text, dct=DCT):
    return [(d.text, d.type, d.value) for d in tag(text, dct)]


def test_the_seed_dates(seed_text):
    got = {d.text: d.value for d in analyze(seed_text, date="2020-01-21").dates}
    assert got["January 5"] == "2020-01-05"
    assert got["two days earlier"] == "2020-01-03"
    assert got["earlier this month"] == "2020-01"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It happened on March 3, 2019.", ("March 3, 2019", "DATE", "2019-03-03")),
        ("It happened on 3 March 2019.", ("3 March 2019", "DATE", "2019-03-03")),
        ("Filed 2019-11-02 in court.", ("2019-11-02", "DATE", "2019-11-02")),
        ("The vote was held yesterday.", ("yesterday", "DATE", "2020-01-20")),
        ("He spoke on Thursday.", ("on Thursday", "DATE", "2020-01-16")),
        ("She will speak on Thursday.", ("on Thursday", "DATE", "2020-01-23")),
        ("Talks resume next week.", ("next week", "DATE", "2020-W05")),
        ("Sales rose last month.", ("last month", "DATE", "2019-12")),
        ("It closed three years ago.", ("three years ago", "DATE", "2017")),
        ("In December, prices fell.", ("December", "DATE", "2019-12")),
        ("The talks lasted two weeks.", ("two weeks", "DURATION", "P2W")),
        ("The clinic opens daily.", ("daily", "SET", "P1D")),
        ("Markets closed at 4 p.m. Friday.", ("4 p.m. Friday", "TIME", "2020-01-17T16:00")),
        ("Prices are rising now.", ("now", "DATE", "PRESENT_REF")),
        ("Profit fell in the third quarter.", ("the third quarter", "DATE", "2019-Q3")),
        ("Growth slowed in the 1990s.", ("the 1990s", "DATE", "199")),
        ("This morning the rain stopped.", ("This morning", "TIME", "2020-01-21TMO")),
        ("Shops close on Christmas Day.", ("Christmas Day", "DATE", "2019-12-25")),
    ],
)
def test_values(text, expected):
    assert expected in values(text)


def test_anaphoric_expressions_follow_the_story():
    text = "The summit opened on March 3, 2019. The next day, talks broke down. A week later they resumed."
    got = [v for _, _, v in values(text)]
    assert got == ["2019-03-03", "2019-03-04", "2019-03-10"]


def test_without_a_publication_date_unknowns_stay_unknown():
    assert ("January 5", "DATE", "XXXX-01-05") in values("On January 5 it rained.", None)
    assert values("It rained yesterday.", None) == [("yesterday", "DATE", "XXXX-XX-XX")]


@pytest.mark.parametrize(
    "text", ["He is a 52-year-old teacher.", "May I ask?", "It was the 1500 block."]
)
def test_not_time_expressions(text):
    assert [v for v in values(text) if v[1] != "DATE" or v[2] != "1500"] == []


def test_helpers():
    assert number("twenty-four") == 24 and number("several") is None
    assert duration(3, "hours") == "PT3H" and duration(2, "decades") == "P20Y"
