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
        ("They partied on New Years Eve.", ("New Years Eve", "DATE", "2019-12-31")),
        ("He lost the 2016 election.", ("2016", "DATE", "2016")),  # not "the 2016"
        # a phrasal verb's "through" looks back, as a deadline's "through Friday" does not
        ("The deal fell through on Friday.", ("on Friday", "DATE", "2020-01-17")),
        # a past verb right before the day wins over a "will" elsewhere in the sentence
        (
            "Since the ruling was announced Friday, they have said they will appeal.",
            ("Friday", "DATE", "2020-01-17"),
        ),
        ("The vote was postponed until Friday.", ("Friday", "DATE", "2020-01-24")),
        ("By Friday, the police had reported 21 fires.", ("Friday", "DATE", "2020-01-17")),
        ("The law must be signed by Friday.", ("Friday", "DATE", "2020-01-24")),
        (
            "The ministry on Wednesday unveiled plans to extend the fence.",
            ("on Wednesday", "DATE", "2020-01-15"),
        ),
        ("They were planning to march on Friday.", ("on Friday", "DATE", "2020-01-24")),
        ("It will meet before the end of the month.", ("the end of the month", "DATE", "2020-01")),
        ("At the moment I have a job.", ("At the moment", "DATE", "PRESENT_REF")),
    ],
)
def test_values(text, expected):
    assert expected in values(text)


def test_anaphoric_expressions_follow_the_story():
    text = "The summit opened on March 3, 2019. The next day, talks broke down. A week later they resumed."
    got = [v for _, _, v in values(text)]
    assert got == ["2019-03-03", "2019-03-04", "2019-03-10"]


def test_quarterly_report_language():
    dct = date(1989, 10, 26)
    text = (
        "Net income rose in this year's third quarter. Analysts see losses through the third"
        " quarter of 1990. In the year-ago period, the company earned less; for the quarter a"
        " year ago, sales were flat, as in the corresponding period last year and in last"
        " year's quarter. Listing is expected in next year's first quarter."
    )
    got = [(t, v) for t, _, v in values(text, dct)]
    assert ("this year's third quarter", "1989-Q3") in got
    assert ("the third quarter of 1990", "1990-Q3") in got
    # the forecast quarter is not the one being reported
    assert ("the year-ago period", "1988-Q3") in got
    assert ("the quarter a year ago", "1988-Q3") in got
    assert ("the corresponding period last year", "1988-Q3") in got
    assert ("last year's quarter", "1988-Q3") in got
    assert ("next year's first quarter", "1990-Q1") in got


def test_a_season_ahead_in_november_is_next_years():
    got = values("His son is due to sit exams in the spring.", date(2023, 11, 8))
    assert ("the spring", "DATE", "2024-SP") in got
    got = values("Paul won't decide on a run until the spring.", date(2014, 11, 9))
    assert ("the spring", "DATE", "2015-SP") in got
    got = values("He has not said. A decision is not expected until the spring.", date(2014, 11, 9))
    assert ("the spring", "DATE", "2015-SP") in got
    got = values("The deal was signed in the spring.", date(2014, 11, 9))
    assert ("the spring", "DATE", "2014-SP") in got


def test_a_day_an_until_clause_waits_for_lies_ahead():
    got = values(
        "Both seem prepared to stick it out until polls close on Nov. 8.", date(2016, 8, 24)
    )
    assert ("Nov. 8", "DATE", "2016-11-08") in got
    got = values("He stayed until police arrived on Nov. 8.", date(2016, 8, 24))
    assert ("Nov. 8", "DATE", "2015-11-08") in got


def test_without_a_publication_date_unknowns_stay_unknown():
    assert ("January 5", "DATE", "XXXX-01-05") in values("On January 5 it rained.", None)
    assert values("It rained yesterday.", None) == [("yesterday", "DATE", "XXXX-XX-XX")]


@pytest.mark.parametrize(
    "text",
    [
        "He is a 52-year-old teacher.",
        "May I ask?",
        "It was the 1500 block.",
        "The city has two thousand years of history.",
    ],
)
def test_not_time_expressions(text):
    assert [v for v in values(text) if v[1] != "DATE" or v[2] != "1500"] == []


def test_helpers():
    assert number("twenty-four") == 24 and number("several") is None
    assert duration(3, "hours") == "PT3H" and duration(2, "decades") == "P20Y"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the day after publication is the coming one (DCT is a Tuesday)
        ("The council votes Wednesday.", ("Wednesday", "DATE", "2020-01-22")),
        # 'before'/'after' with a clause after them are prepositions: the expression is a duration
        ("He resigned two days after he was charged.", ("two days", "DURATION", "P2D")),
        ("He left three weeks after the vote.", ("three weeks", "DURATION", "P3W")),
        # fractions go to the next smaller unit
        ("The trial took 2 1/2 years.", ("2 1/2 years", "DURATION", "P2Y6M")),
        (
            "The flight lasted five and a half hours.",
            ("five and a half hours", "DURATION", "PT5H30M"),
        ),
        ("It took a minute and a half.", ("a minute and a half", "DURATION", "PT1M30S")),
        # centuries and spelled decades
        ("It was the worst war of the 20th century.", ("the 20th century", "DATE", "19")),
        ("Crime fell through the nineties.", ("the nineties", "DATE", "199")),
        # the present, the past
        ("The current rules stand.", ("current", "DATE", "PRESENT_REF")),
        ("Prices were lower in the past.", ("the past", "DATE", "PAST_REF")),
        # the year: a date, or a stretch of one when it ends on a day
        ("Revenue for the year ended March 31 rose.", ("the year ended", "DURATION", "P1Y")),
        ("Sales fell earlier in the year.", ("earlier in the year", "DATE", "2020")),
        # the weekend just gone
        ("Protesters marched over the weekend.", ("over the weekend", "DATE", "2020-W03-WE")),
        # stretches of unknown length: only the unit is the expression, not 'for'
        ("They have fought for years.", ("years", "DURATION", "PXY")),
        ("Talks resume in the coming weeks.", ("the coming weeks", "DURATION", "PXW")),
        ("It ended a decades-long feud.", ("a decades-long", "DURATION", "PXY")),
        ("It was a day-long strike.", ("a day-long", "DURATION", "P1D")),
        # a year before a noun ending in -ion is still a year
        ("Sanctions followed its 1990 invasion of Kuwait.", ("1990", "DATE", "1990")),
        # 'May' the month after a preposition (the modal is left alone)
        ("The plant closed in May.", ("May", "DATE", "2019-05")),
        ("Profit rose in the latest period.", ("the latest period", "DATE", "2019-Q4")),
        ("They met at midday.", ("midday", "TIME", "2020-01-21T12:00")),
        # a season named alone is the nearest in the sentence's direction, as a month is
        ("Sales slowed over the summer.", ("the summer", "DATE", "2019-SU")),
        ("Exams are due to start in the spring.", ("the spring", "DATE", "2020-SP")),
        # a month named after 'payable', 'effective', 'through' lies ahead (DCT is January)
        ("The bank extended loans through November.", ("November", "DATE", "2020-11")),
        ("The dividend is payable Dec. 2.", ("Dec. 2", "DATE", "2020-12-02")),
        ("Prices fell in November.", ("November", "DATE", "2019-11")),
        # 'the previous Friday' is the Friday before the day the story is on
        (
            "On Jan. 15 the board met; it had met the previous Friday.",
            ("the previous Friday", "DATE", "2020-01-10"),
        ),
        # a couple is two; 'two thousand years' is no year
        ("It closed a couple of years ago.", ("a couple of years ago", "DATE", "2018")),
    ],
)
def test_timeml_conventions(text, expected):
    assert expected in values(text)


def test_numbers_are_whole_words():
    """'$1.2 a share ... a year earlier' counts one year, not '2 a year'; 'seven a year ago' too."""
    got = values("It earned $1.2 a share, up from 90 cents a year earlier.")
    assert got == [("a year earlier", "DATE", "2019")]
    assert values("Sales were seven a year ago.") == [("a year ago", "DATE", "2019")]


def test_may_the_modal_is_not_a_month():
    assert values("Prices may rise. He may not go.") == []


def test_usa_today_is_a_newspaper_not_a_date():
    text = "Army data obtained by USA TODAY show the numbers today."
    found = tag(text, date(2014, 6, 8))
    assert [(d.text, d.value) for d in found] == [("today", "2014-06-08")]


def test_an_ordinal_second_and_a_day_no_year_names():
    assert values("She may seek a second term. He launched a second bid.") == []
    assert values("Wait a second, he said.") == [("a second", "DURATION", "PT1S")]
    assert values("It has been legal since 2001. That day was a milestone.") == [
        ("2001", "DATE", "2001"),
        ("That day", "DATE", "XXXX-XX-XX"),
    ]


def test_what_did_not_happen_until_a_day_is_behind():
    dct = date(2020, 1, 23)  # a Thursday
    said = values("He angered them by not sharing the text until Monday evening.", dct)
    assert [v for _, _, v in said] == ["2020-01-20TEV"]
    assert values("The store will not reopen until Monday.", dct)[0][2] == "2020-01-27"
