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


def roles_of(pipeline, text, key="text"):
    """(role, affiliation) of each speaker, keyed by the speaker's ``key`` field."""
    return {getattr(q.speaker, key): (q.speaker.role, q.speaker.affiliation)
            for q in quotes_of(pipeline, text)}  # fmt: skip


def speaker_name(pipeline, text, said):
    """The resolved name of the speaker of the quote that holds ``said``."""
    return next(q for q in quotes_of(pipeline, text) if said in q.text).speaker.name


def test_direct_spans_handle_marks_and_continued_paragraphs():
    text = "“We will win,” she said.\n\n“The first part.\n\n“The second part,” he said. It’s the voters’ choice."
    spans = [(text[s:e], chain) for s, e, chain in direct_spans(text)]
    assert spans[0] == ("We will win,", None)
    assert [t for t, _ in spans[1:]] == ["The first part.", "The second part,"]
    assert spans[1][1] == spans[2][1] is not None


def test_direct_spans_read_two_apostrophes_and_mixed_marks():
    text = "''I would call it 'old-school,''' he said. “Let’s be clear: it was them.\" Then."
    assert [text[s:e] for s, e, _ in direct_spans(text)] == [
        "I would call it 'old-school,'",
        "Let’s be clear: it was them.",
    ]
    text = "\"Not even close. Texas is red,'' Perry said. \"Never.''\n\nNext."  # Newsmax
    assert [text[s:e] for s, e, _ in direct_spans(text)] == [
        "Not even close. Texas is red,",
        "Never.",
    ]


def test_a_quoted_title_ending_a_sentence_is_no_quote(pipeline):
    text = (
        "Afterwards, the candidate appeared on the “Tonight Show.” The host asked him, “Can I "
        "mess your hair up?” He had promised it in the 2010 campaign “Pledge to America.”"
    )
    assert [q.text for q in quotes_of(pipeline, text) if q.kind == "direct"] == [
        "Can I mess your hair up?"
    ]


def test_a_common_noun_that_is_never_a_source_is_no_speaker(pipeline):
    text = (
        "Only time and further testing will tell if his lungs will recover, doctors said. "
        "The environment suggests the vote will be close."
    )
    speakers = {q.text: q.speaker and q.speaker.text for q in quotes_of(pipeline, text)}
    assert speakers.get("the vote will be close") is None
    assert "time" not in speakers.values()


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
    # what the parliament asks for ends before ", saying ...", its reason
    asks = [q.text for q in reported if q.speaker.text == "the Iraqi parliament"]
    assert "the government to expel the US-led international coalition in Iraq" in asks
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
        ("In Ohio, turnout was the second highest in a decade, election officials said.", "indirect",
         "election officials", "said"),
        ("According to the police report, the driver had been speeding for several miles.", "indirect",
         "the police report", "according to"),
        ("The senator vowed to block the nomination in committee.", "indirect", "The senator", "vowed"),
        ("The company announced a new plan to cut emissions by half.", "indirect", "The company",
         "announced"),
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


def test_an_interrupted_quote_is_one_quote(pipeline):
    text = "“We will not give up,” said Anna Berg, the coach. “The team has trained for months.”"
    (q,) = quotes_of(pipeline, text)
    assert q.text.startswith("We will not") and q.text.endswith("for months.")
    assert q.speaker.name == "Anna Berg"


def test_a_title_names_its_speaker(pipeline):
    text = "Obama spoke first. Secretary of State John Kerry said that the talks had failed badly."
    (q,) = quotes_of(pipeline, text)
    assert q.speaker.name == "John Kerry"


def test_quoted_titles_are_not_quotes(pipeline):
    text = "She said it on “Fox News Sunday” last week."
    assert quotes_of(pipeline, text) == ()


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # the cue after the content and a comma, the speaker last
        ("The new ferry is too slow for the morning crossing, said Tomas Rivera, a harbor pilot.",
         "The new ferry is too slow for the morning crossing", "Tomas Rivera"),
        # the parser often ends the sentence at the comma before the cue's subject
        ("Many of the stallholders were unhappy with the new rents, Ms. Okafor said. She left early.",
         "Many of the stallholders were unhappy with the new rents", "Okafor"),
        # a cue between commas inside the content
        ("A new harbor master, she said, could restore trust in the port.",
         "A new harbor master, she said, could restore trust in the port", "she"),
    ],
)  # fmt: skip
def test_reported_speech_with_the_cue_after_it(pipeline, text, content, speaker):
    (q,) = quotes_of(pipeline, text)
    assert (q.kind, q.text) == ("indirect", content)
    assert (q.speaker.name or q.speaker.text) == speaker


def test_a_subject_before_its_apposition_and_cue_stays_the_speaker(pipeline):
    text = (
        "Leonard Moss, director of the Harbor Policy Center, said the ferry plan would cost more."
    )
    (q,) = quotes_of(pipeline, text)
    assert q.speaker.name == "Leonard Moss" and q.text == "the ferry plan would cost more"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the parser made the name the root and hung the cue on it
        ("Watchful Eye, a civil liberties group, called on the council to halt the plan.",
         "Watchful Eye"),
        # the parser joined the name to the clause before, leaving the cue no subject
        ("Hundreds of people marched through the district capital of Olm on Saturday, and the "
         "Friends of Kessering, a campaign group, said it would challenge the licence in court.",
         "Friends of Kessering"),
        # a participle after a place's appositive is the sentence subject's, not the place's
        ("Hillary Clinton spoke out Tuesday about the death of Terence Crutcher in Tulsa, "
         "Oklahoma, arguing that the epidemic of police shootings should be intolerable.",
         "Hillary Clinton"),
    ],
)  # fmt: skip
def test_a_name_described_in_commas_before_a_subjectless_cue_speaks(pipeline, text, speaker):
    (q,) = quotes_of(pipeline, text)
    assert (q.speaker.name or q.speaker.text).startswith(speaker)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the parser hung the name on the relative clause, leaving the cue no subject
        ("Councillor Agnes Whitlow, whose group of six independents holds the balance on the "
         "45-seat council, said she had not decided how to vote.", "Agnes Whitlow"),
        # the parser made a word of the relative clause the cue's subject
        ("Its president, Martin Kowalczyk, who farms 300 hectares near Brenfield, told the Daily "
         "Ledger that many members had not been consulted.", "Martin Kowalczyk"),
        # a person described before a relative clause, the parser's apposition of a time
        ("On the quay on Wednesday morning, one skipper, who asked not to be named, said survey "
         "vessels had already pushed his boat off the bank twice since January.", "one skipper"),
        # the parser's subject holds the name: its own reading stands
        ("Another parent, Daniel Cho, whose son is due to sit exams in the spring, said the "
         "strike was punishing the wrong people.", "Daniel Cho"),
    ],
)  # fmt: skip
def test_a_name_before_a_clause_in_commas_speaks(pipeline, text, speaker):
    (q,) = quotes_of(pipeline, text)  # one: "asked not to be named" is a source's terms
    assert (q.speaker.name or q.speaker.text) == speaker


def test_a_characterisation_quoted_is_its_authors(pipeline):
    text = ("Minister Jan Berg said the mine would bring jobs. Its spokeswoman, Hanne Dijkstra, "
            "accused the ministry of “signing away a national reserve behind closed doors”.")  # fmt: skip
    quoted = [q for q in quotes_of(pipeline, text) if q.kind == "direct"]
    assert [(q.text, q.speaker.name) for q in quoted] == [
        ("signing away a national reserve behind closed doors", "Hanne Dijkstra")
    ]
    text = "President Obama condemned the test as a “grave threat to regional stability”."
    assert [q.speaker.name for q in quotes_of(pipeline, text)] == ["Obama"]
    # the accused, quoted, is no speaker; nor is one word called something a quote
    text = "Mr. Berg was accused of “signing away a national reserve behind closed doors”."
    assert all(q.speaker is None for q in quotes_of(pipeline, text))
    assert all(
        q.kind != "direct" for q in quotes_of(pipeline, "Clinton called them “deplorables.”")
    )


def test_a_stray_space_before_the_speaker_is_not_the_subject(pipeline):
    text = "The talks were secret. “They misled us,” said  Ilan Dorsey, a former adviser."
    (q,) = quotes_of(pipeline, text)
    assert q.speaker.name == "Ilan Dorsey"


def test_a_participle_after_the_cue_is_not_what_was_said(pipeline):
    text = "“We will reopen the mill,” said Dana Whitfield, gripping the lectern with both hands."
    assert [q.kind for q in quotes_of(pipeline, text)] == ["direct"]


@pytest.mark.parametrize(
    ("text", "role", "affiliation"),
    [
        ("“Prices keep rising,” one shopkeeper said.", "shopkeeper", None),
        ("“It is a disgrace,” said a retired teacher.", "retired teacher", None),
        ("Olm's mayor said the bridge would reopen in May.", "mayor", "Olm"),
        ("Campaigners said the plan would destroy the valley.", "campaigners", None),
        # a named body among its words is whose the role is
        ("U.S. military officials said the base had been hit twice.", "military officials",
         "U.S."),
        ("“We are reviewing it,” a Twitter spokesperson said.", "spokesperson", "Twitter"),
        # not the title of the man it belongs to
        ("The daughter of Iran’s Gen. Qassem Soleimani says the death of her father will not "
         "break them.", "daughter", "Qassem Soleimani"),
        # what a text is "of" is its topic, not its owner
        ("Most calls were not about crime, according to an analysis of public records.",
         "analysis", None),
    ],
)  # fmt: skip
def test_a_described_speaker_has_its_noun_as_role(pipeline, text, role, affiliation):
    (q,) = quotes_of(pipeline, text)
    assert (q.speaker.name, q.speaker.role, q.speaker.affiliation) == (None, role, affiliation)


@pytest.mark.parametrize(
    ("text", "name", "role", "affiliation"),
    [
        (
            "Shares in Pell Foods fell on Monday. Its chief executive, Marta Oyelaran, said the "
            "closures were painful.",
            "Marta Oyelaran", "chief executive", "Pell Foods",
        ),
        (
            "The Northern Fishing Federation has fought the levy for a year. “The levy is "
            "unfair,” said Ruth Kane, the federation's director general.",
            "Ruth Kane", "director general", "Northern Fishing Federation",
        ),
        (
            "“We need more buses,” said Omar Reyes, who chairs the Eastside Residents' "
            "Association.",
            "Omar Reyes", "chair", "Eastside Residents' Association",
        ),
        (  # the name in apposition is another player, not a role
            "Miami Dolphins players Kenny Stills, Albert Wilson and Robert Quinn knelt. Stills "
            "said it had not been easy.",
            "Kenny Stills", None, None,
        ),
        (  # an age is no role
            "“We question everything now,” said Aaron Dunigan, 30, after the service.",
            "Aaron Dunigan", None, None,
        ),
        (  # nor how the speaker looked, though the parser gave the name to "catching"
            "“He was an inspiration for us and so many others,” said John Foley, his eyes "
            "tearing and his voice catching.",
            "John Foley", None, None,
        ),
        (  # what a critic criticises is no body they belong to
            "Ruth Kane, a vocal critic of the council's handling of the floods, said the levy "
            "was unfair.",
            "Ruth Kane", "vocal critic", None,
        ),
        (  # nor is whose target a speaker is
            "Jon Tate, a frequent target of the mayor's wrath, said he would stay.",
            "Jon Tate", "frequent target", None,
        ),
        (  # nor is where the speaker is now
            "Donald Trump and Hillary Clinton, now at the starting line of a general election "
            "race, traded barbs in Washington on Friday. “She will raise your taxes,” Trump said.",
            "Donald Trump", None, None,
        ),
        (  # nor is a state in brackets
            "Sens. Dianne Feinstein (CA) and Amy Klobuchar (MN) backed the bill. “We need it,” "
            "Feinstein said.",
            "Dianne Feinstein", None, None,
        ),
        (  # nor is "the area" a body
            "Nora Pike, a resident of the area around the depot, said the trucks never stop.",
            "Nora Pike", "resident", None,
        ),
        (  # a party member of a state of two words is no role either, but the party
            "“We need to find a way,” said Sen. Tim Scott, South Carolina Republican.",
            "Tim Scott", "Sen.", "Republican Party",
        ),
        (  # a word that opens the sentence is no part of the title
            "When President Donald Trump spoke on Friday, he said the economy was strong.",
            "Donald Trump", "President", None,
        ),
        (  # "its": the body named in the paragraph before
            "Halden Energy, which operates the plant, said it was deeply disappointed.\n\nIts "
            "chief executive, Ingrid Solberg, told staff that the company had invested heavily.",
            "Ingrid Solberg", "chief executive", "Halden Energy",
        ),
        (  # "the group": the body an apposition called a group
            "Public Citizen, a consumer advocacy group, opposed the bill.\n\n“This bill is a "
            "giveaway to the banks,” said Robert Weissman, the group's president.",
            "Robert Weissman", "president", "Public Citizen",
        ),
        (  # a common noun joined to the name before it is the role, a body before it its owner
            "“A speech is a lot like a song,” said GOP strategist and NBC contributor Alex "
            "Castellanos.",
            "Alex Castellanos", "contributor", "NBC",
        ),
        (  # the institution, not the field
            "Jane Hall, a professor of communications at American University, said the "
            "candidate was being himself.",
            "Jane Hall", "professor", "American University",
        ),
        (  # a surname that is also a title is no role
            "“This may take impeachment in a new direction,” said John Dean.",
            "John Dean", None, None,
        ),
        (  # the parser hung the name and its apposition on the title
            "Archbishop Vincent Nichols, the president of the Bishops' Conference, said the "
            "decision surprised everyone.",
            "Vincent Nichols", "president", "Bishops' Conference",
        ),
        (  # the place, not its kind
            "“We were not asked,” said Samuel Ochieng, an elder in the village of Kora.",
            "Samuel Ochieng", "elder", "Kora",
        ),
    ],
)  # fmt: skip
def test_a_named_speaker_gets_role_and_body_from_the_sentence(
    pipeline, text, name, role, affiliation
):
    q = quotes_of(pipeline, text)[-1]
    assert (q.speaker.name, q.speaker.role, q.speaker.affiliation) == (name, role, affiliation)


def test_a_quote_over_two_paragraphs_is_its_own_speakers(pipeline):
    """The first paragraph has no cue and follows another speaker's quote: the cue at the
    end of the chain names its speaker, not the quote before it."""
    text = (
        "“The quarry will bring jobs,” Hal Brenner said.\n\n"
        '"Nobody can rebuild a wetland once it is drained. The frogs live nowhere else.\n\n'
        '"If this goes ahead, they are finished," said Ines Varga, a biologist.'
    )
    quotes = quotes_of(pipeline, text)
    assert quotes[0].speaker.name == "Hal Brenner"
    assert [q.speaker.name for q in quotes[1:]] == ["Ines Varga"] * (len(quotes) - 1)


def test_according_to_is_not_part_of_the_speaker(pipeline):
    text = "The talks will resume on Friday, according to the union."
    (q,) = quotes_of(pipeline, text)
    assert q.speaker.text == "the union"


@pytest.mark.parametrize("spokesman", ["A spokesman", "The spokesman"])
def test_a_spokesman_speaks_for_someone_not_as_the_last_name(pipeline, spokesman):
    text = (
        f"Farm minister Ewa Lindahl visited the site on Monday. {spokesman} said the ministry "
        "would publish its plan in June."
    )
    (q,) = quotes_of(pipeline, text)
    assert (q.speaker.text, q.speaker.name) == (spokesman, None)


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON — Sen. Dana Whitfield defended the plan on Saturday, saying the new jobs "
        "would outweigh the losses.",
        "LONDON (Reuters) - Dana Whitfield said she was unlikely to back the plan.",
    ],
)
def test_a_dateline_is_not_the_speaker(pipeline, text):
    (q,) = quotes_of(pipeline, text)
    assert q.speaker.name == "Dana Whitfield"


def test_a_title_before_a_name_gives_role_and_body_by_its_full_name():
    """The parser splits "Aurex | chief executive Simon Kraal" into two subjects; the body
    takes the name the article gives it in full."""
    from newsprism import analyze

    text = (
        "Aurex Minerals won the licence on Monday. Aurex chief executive Simon Kraal said the "
        "mine would create 900 jobs."
    )
    (q,) = analyze(text).quotes
    assert (q.speaker.name, q.speaker.role, q.speaker.affiliation) == (
        "Simon Kraal", "chief executive", "Aurex Minerals",
    )  # fmt: skip


def test_a_time_is_not_the_speaker(pipeline):
    text = (
        "Minutes after the voting began, Colorado’s delegation chairman announced four votes for "
        "Trump, 31 for Senator Ted Cruz and two abstentions, a result which drew murmurs from "
        "the assembled delegates."
    )
    (q,) = quotes_of(pipeline, text)
    assert q.speaker is None or q.speaker.text != "Minutes"


def test_where_it_was_said_is_not_what_was_said(pipeline):
    text = "The mayor says on local radio that the ferry is “far too slow” for commuters."
    (q,) = quotes_of(pipeline, text)
    assert q.text.startswith("the ferry is “far too slow") and q.speaker.text == "The mayor"


def test_a_time_after_the_cue_leaves_the_clause_before_it(pipeline):
    text = "The harbour plan is a mistake, Greta Holm said Tuesday in Malmo."
    (q,) = quotes_of(pipeline, text)
    assert (q.text, q.speaker.name) == ("The harbour plan is a mistake", "Greta Holm")


def test_a_titled_name_after_the_quote_is_the_speaker(pipeline):
    """The parser loses the cue's subject among the titles and the aside."""
    text = (
        '"We\'d be lying if we said we had fully understood this problem," Lt. Gen. Howard '
        "Bromberg, the Army's personnel chief, told USA TODAY in an interview."
    )
    (q,) = quotes_of(pipeline, text)
    assert (q.kind, q.speaker.name, q.cue) == ("direct", "Howard Bromberg", "told")
    assert q.text.startswith("We'd be lying") and q.text.endswith("this problem,")


def test_a_title_speaker_is_not_a_name_in_what_it_said(pipeline):
    text = (
        "The Army will not ignore any misconduct by Sgt. Bowe Bergdahl, but he should be "
        "considered innocent until proven guilty, the chairman of the Joint Chiefs of Staff said."
    )
    (q,) = quotes_of(pipeline, text)
    assert q.speaker.name is None
    assert q.speaker.text == "the chairman of the Joint Chiefs of Staff"


def test_an_inference_is_not_a_voice(pipeline):
    text = "He walked off the base. That could indicate that he had gone absent without leave."
    assert quotes_of(pipeline, text) == ()
    said = quotes_of(pipeline, "Those close to him say that he would have to consider the offer.")
    assert [q.speaker.text.split()[0] for q in said] == ["Those"]


def test_a_name_the_ner_missed_is_an_antecedent():
    """The entities stage finds "Trump" by the name given before; the NER did not tag it."""
    from newsprism import Pipeline as Full

    text = (
        "President Donald Trump met Attorney General William Barr.\n\nBarr said he would issue "
        "his redacted version by mid-April or sooner.\n\nTrump on Monday took aim at Democrats "
        "in the aftermath of the Mueller probe.\n\n“No matter what information is given to the "
        "crazed Democrats, it will never be good enough,” the president said on Twitter."
    )
    art = Article(id="t", text=text, body=text, layout="exact")
    quotes = Full(["layout", "parse", "entities", "quotes"])(art).quotes
    assert [q.speaker.name for q in quotes] == ["William Barr", "Donald Trump"]


@pytest.fixture(scope="module")
def with_entities():
    return Pipeline(["layout", "parse", "dates", "entities", "quotes"])


def test_a_pronoun_speaker_is_not_the_person_its_own_clause_names(with_entities):
    text = (
        "Jane Doe, a former contestant, spoke to reporters on Friday. Donald Trump denied the "
        "story. She is daring Trump to sue her, saying that she has worse stories to share."
    )
    quotes = quotes_of(with_entities, text)
    daring = next(q for q in quotes if "worse stories" in q.text)
    assert daring.speaker.text == "She" and daring.speaker.name == "Jane Doe"


def test_the_writers_own_we_is_no_one_named(with_entities):
    text = (
        "The World Health Organization says antibodies offer no lasting protection. In our "
        "study, we argue that businesses should reopen by sector."
    )
    reopen = next(q for q in quotes_of(with_entities, text) if "reopen" in q.text)
    assert reopen.speaker.text == "we" and reopen.speaker.name is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The new towers were dangerous, according to reporting from Wired.", "Wired"),
        ("Unemployment rose to 9 percent in March, according to data from the Labor Department.",
         "Labor Department"),
        ("The strike was legal and fair, according to the union.", "the union"),
    ],
)  # fmt: skip
def test_according_to_names_the_body_behind_a_report(pipeline, text, speaker):
    (quote,) = [q for q in quotes_of(pipeline, text) if q.cue == "according to"]
    assert quote.speaker.text == speaker


@pytest.mark.parametrize(
    ("text", "said", "name"),
    [
        # a party's member by party: the person named before, not the party
        ("House Speaker John Boehner met President Obama on Friday. “There is a stalemate. "
         "Let’s not kid ourselves,” the Ohio Republican said.", "stalemate", "John Boehner"),
        # a title: the person the article gave it, not the last person named
        ("Jay Carney, the White House press secretary, said officials had met on Thursday. "
         "Mitt Romney had questioned London’s readiness for the Games. The press secretary "
         "replied: “I’m just trying to fill you in on the president’s day.”", "fill you in",
         "Jay Carney"),
        # a title the article gave in short: "Gov." is the governor
        ("Gov. Jay Nixon ordered the curfew. Michael Brown was buried on Monday. “We will "
         "restore order,” the governor said.", "restore order", "Jay Nixon"),
        # a title that says whose it is names no one the article gave another title: the
        # next item of a live report, not the general of the item before
        ("Iranian Gen. Qassem Soleimani was killed in a U.S. drone strike in Baghdad.\n\n"
         "Turkey’s president says the slaying of a top commander will not go unanswered.",
         "unanswered", None),
        ("The U.S. killed Soleimani on Friday.\n\nThe leader of Lebanon’s Hezbollah group "
         "says U.S. bases are fair targets.", "fair targets", None),
        # a title's rank: the vice president is not the president
        ("President Donald Trump skipped the service. Vice President Mike Pence praised the "
         "senator. “He served his country honorably,” the vice president said.",
         "honorably", "Mike Pence"),
        # "one lawmaker" is someone new, not the last man named
        ("The bill hinges on a meeting between Donald Trump and the caucus. “If this goes down, "
         "we're all screwed,” said one Republican lawmaker.", "screwed", None),
    ],
)  # fmt: skip
def test_a_described_speaker_is_the_person_it_describes(with_entities, text, said, name):
    assert speaker_name(with_entities, text, said) == name


def test_he_said_comes_back_to_the_unnamed_person_who_spoke_before(with_entities):
    text = (
        "Mayor Daniel Okafor said the stadium would bring jobs. One resident, a retired crane "
        "operator, said rents had already risen by a fifth.\n\n“They keep saying regeneration. "
        "Where I live, it means a letter from the landlord,” he said."
    )
    quote = next(q for q in quotes_of(with_entities, text) if "regeneration" in q.text)
    assert quote.speaker.text == "he" and quote.speaker.name is None
    assert quote.speaker.description.startswith("One resident")


def test_a_relative_clause_reports_nothing_before_it(pipeline):
    text = (
        "Speaking at a summit in Washington, Mr. Obama said the outbreak — which has claimed "
        "more than 700 lives thus far — is just another challenge that Africa can overcome."
    )
    assert [q.cue for q in quotes_of(pipeline, text)] == ["said"]


@pytest.mark.parametrize(
    ("text", "said", "name"),
    [
        # a person of the other gender, by a pronoun linked to him
        ("Anna Berg waited outside the court. Tom Reed arrived late, and he looked tired. "
         "“It was a fair hearing,” she said.", "fair hearing", "Anna Berg"),
        # by a first name
        ("Elizabeth Warren campaigned in Ohio. Vice President Joe Biden spoke there on Monday. "
         "“So it’s been a big week,” she said.", "big week", "Elizabeth Warren"),
        # the last few names are names, not the pronouns linked to them ("his")
        ("Mr. Obama said guns had killed officers in Memphis and Topeka. Accompanied by Mr. "
         "Biden, the president signaled his support for new limits. He promised to confront "
         "the pro-gun lobby in Congress.", "pro-gun", "Barack Obama"),
        # her son, named after "She", shares her surname but is not her
        ("Maria Hart told the Ledger the family would support him. She added that their son, "
         "Thomas Hart, would help run any campaign.", "help run", "Maria Hart"),
        # "Mrs." is Michelle, whom the alias table's "Obama" (Barack) does not take
        ("First lady Michelle Obama spoke about a shopper at Target. President Obama said "
         "nothing. “Even as the first lady,” Mrs. Obama said, “no one came up to me.”",
         "first lady", "Michelle Obama"),
        # "he" continues the "he" of the sentence before, whom the entities stage linked
        ("San Diego-based U.S. District Judge Dana Sabraw ordered the administration to reunite "
         "the families that President Donald Trump separated at the border.\n\n\"The reality is "
         "that for every parent who is not located, there will be a permanently orphaned child, "
         "and that is 100 percent the responsibility of the administration,\" Sabraw said. \"The "
         "government has the sole burden and responsibility and obligation to make "
         "(reunifications) happen.\"\n\nHe also scolded administration officials for moving so "
         "slowly to track down the deported parents. He cited an estimate that only about a "
         "dozen of the parents have been found in Guatemala, Honduras and El Salvador, asking, "
         "\"Is that true?\"", "dozen", "Dana Sabraw"),
        # a party tag is no name ("R-Ky." once read as a person)
        ("Senate Majority Leader Mitch McConnell, R-Ky., answered questions about that on "
         "Tuesday.\n\nThere won't be enough votes, he said, to remove the president from "
         "office.", "enough votes", "Mitch McConnell"),
    ],
)  # fmt: skip
def test_a_pronoun_speaker_keeps_to_its_gender(with_entities, text, said, name):
    assert speaker_name(with_entities, text, said) == name


def test_a_noun_is_not_the_speaker_of_its_own_infinitive(pipeline):
    # "a rush to write" reports nothing: the scare-quoted phrases are no quotes
    text = (
        "There’s been an immediate rush to write pieces explaining that, of course, “defund the "
        "police” does not actually mean “defund the police.”"
    )
    assert quotes_of(pipeline, text) == ()
    (q,) = quotes_of(pipeline, "The senator took the opportunity to say that the bill “will "
                     "never pass the House.”")  # fmt: skip
    assert q.speaker.text == "The senator"


def test_according_to_after_a_statement_with_its_speaker_names_the_conduit(pipeline):
    text = "“Everyone has a story that is sacred,” Obama said, according to Business Insider."
    (quote,) = quotes_of(pipeline, text)
    assert quote.speaker.text == "Obama" and quote.cue == "said"


def test_a_generic_you_or_a_questions_who_reports_nothing(pipeline):
    assert quotes_of(pipeline, "What would you say was the main reason they created it?") == ()
    assert quotes_of(pipeline, "Who could say that there was anything unfair about it?") == ()
    (q,) = quotes_of(pipeline, "If you asked a senator about immigration, the answer was, "
                     "“Let's see what Marco comes up with.”")  # fmt: skip
    assert q.speaker is None


@pytest.mark.parametrize(
    ("text", "role", "affiliation"),
    [
        ("“It isn’t the same state,” said Neal Collins, one of Rubio’s South Carolina campaign "
         "co-chairs.", "South Carolina campaign co-chair", "Rubio"),
        ("Sixty-two percent of likely voters say the debates were a factor in their vote.",
         "likely voters", None),
        ("Half of Republicans said members of the other party were immoral.", "Republicans", None),
    ],
)  # fmt: skip
def test_a_part_of_a_whole_speaks_as_the_whole(with_entities, text, role, affiliation):
    (q,) = quotes_of(with_entities, text)
    assert (q.speaker.role, q.speaker.affiliation) == (role, affiliation)


def test_a_title_whose_name_the_parser_hung_on_its_body(with_entities):
    text = (
        "Ms Haley said the US would act.\n\nThe British ambassador to the UN, Matthew Rycroft, "
        "said direct talks with North Korea were only possible if Pyongyang stopped.\n\n"
        "“Dialogue will always be our end goal,” he said.\n\nChina's envoy to the UN, Liu "
        "Jieyi, reiterated a call for all sides to return to negotiations. “The peninsula issue "
        "must be resolved peacefully,” he said."
    )
    said = [(q.speaker.name, q.speaker.role) for q in quotes_of(with_entities, text)]
    assert said == [("Haley", None), ("Matthew Rycroft", "British ambassador"),
                    ("Matthew Rycroft", None), ("Liu Jieyi", "envoy"), ("Liu Jieyi", None)]  # fmt: skip


def test_a_party_tag_or_a_courtesy_title_is_no_role(with_entities):
    text = "Sen. Bernie Sanders (I-VT) said the bill would fail. Ms Haley said it would pass."
    assert [q.speaker.role for q in quotes_of(with_entities, text)] == ["Sen.", None]


def test_a_call_joined_to_what_was_said_is_the_speakers(pipeline):
    text = (
        "The Beverage Producers' Council, which represents bottlers, said the levy would put up "
        "to 800 jobs at risk, and called on the government to delay it."
    )
    assert {q.speaker.text for q in quotes_of(pipeline, text)} == {"Beverage Producers' Council"}


def test_a_title_gives_a_persons_gender(with_entities):
    text = "Mr Rycroft spoke after Ms Haley at the council on Monday. “We will not wait,” she said."
    (q,) = quotes_of(with_entities, text)
    assert q.speaker.name == "Haley"  # not the subject before: "Mr" says he is no "she"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Ms Haley told the council the US would act.", "the US would act"),
        ("He told lawmakers that the bill would pass.", "the bill would pass"),
    ],
)
def test_what_was_told_leaves_out_the_recipient(pipeline, text, said):
    (q,) = quotes_of(pipeline, text)
    assert q.text == said


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a credit line under the quoted paragraph; a board is that paper's board
            "From the Left\n\nThe left opposes Brexit.\n\n“Think of all the stockpiling and "
            "worrying that businesses have done over years of being nagged to get ready for "
            "Brexit.”\n\nGaby Hinsliff, The Guardian\n\nSome argue, “Britain’s fight about "
            "Brexit is best understood as a civil war over the country’s culture.\n\n“Leavers, "
            "by contrast, feel that these institutions have come to be dominated by an "
            "establishment.”\n\nEditorial Board, Wall Street Journal",
            [("Gaby Hinsliff", "The Guardian"),
             ("Wall Street Journal editorial board", "Wall Street Journal"),
             ("Wall Street Journal editorial board", "Wall Street Journal")],
        ),
        (  # the credit right after a quote that ends its paragraph
            "Others point out that “the court has taken a relatively lax attitude toward "
            "precedent, and the future of Roe is uncertain at best.” B Jessie Hill, The "
            "Guardian\n\nSome note that “both measures rely on the concept of natural law, "
            "which courts have not embraced.” The Editors, National Review",
            [("Jessie Hill", "The Guardian"), ("National Review editors", "National Review")],
        ),
    ],
)  # fmt: skip
def test_a_digests_credit_names_the_speaker_of_the_quote_before_it(with_entities, text, expected):
    said = [(q.speaker.name, q.speaker.affiliation) for q in quotes_of(with_entities, text)]
    assert said == expected


def test_the_state_in_a_description_picks_the_person_the_article_ties_to_it(with_entities):
    text = (
        "Senate Majority Leader Harry Reid (D-Nev.) set aside the gun bill on Thursday. "
        "President Barack Obama called the vote a shameful day.\n\n“This debate is not over,” "
        "the Nevada Democrat declared.\n\nKentucky Sen. Rand Paul spoke later. Sen. Ted Cruz "
        "of Texas agreed. “We won today,” the Kentucky Republican said."
    )
    assert [q.speaker.name for q in quotes_of(with_entities, text)] == ["Harry Reid", "Rand Paul"]


def test_a_speech_verb_inside_the_first_part_is_not_the_second_parts_cue(pipeline):
    text = (
        "The agency said the stockpile was low.\n\n“I fear that if we tell everyone to buy masks, "
        "it will add to the shortage,” Jaimie Meyer, an expert at Yale University, told me, “but "
        "it will also give a false sense of a ‘quick fix’ for protection.”"
    )
    direct = [q for q in quotes_of(pipeline, text) if q.kind == "direct"]
    assert [(q.speaker.name, q.cue) for q in direct] == [("Jaimie Meyer", "told")]
    assert direct[0].text.endswith("for protection.")


def test_a_correspondents_report_introduced_with_a_colon_is_theirs(with_entities):
    text = (
        "Iran's president spoke on Thursday.\n\nFrom Istanbul, NPR's Peter Kenyon reports:\n\n"
        '"Today is national nuclear technology day in Iran, and President Hassan Rouhani used '
        "the occasion to tout Iran's achievements.\""
    )
    (q,) = quotes_of(with_entities, text)
    assert q.speaker is not None and q.speaker.name == "Peter Kenyon"


def test_a_split_party_tag_is_no_role(with_entities):
    text = (
        "Several senators objected, including Sen. Bob Corker (Tenn.), who are drawing red "
        "lines.\n\nCorker, a fiscal hawk, has vowed he won’t vote for “one penny’s worth of "
        "deficits.”"
    )
    roles = {q.speaker.role for q in quotes_of(with_entities, text) if q.speaker}
    assert not roles & {"R", "Tenn.", "R-Tenn."}


def test_the_writers_own_i_is_the_sole_author_of_the_byline(pipeline):
    body = (
        "Officials have been cautious.\n\nI can’t explain the motives behind the agency’s stance, "
        "but experts told me that officials have likely sown distrust."
    )

    def speakers(byline):
        art = Article(id="t", text=body, title="Masks", body=body, byline=byline, source="Vox",
                      layout="exact")  # fmt: skip
        return [(q.speaker.name, q.speaker.role) for q in pipeline(art).quotes if q.speaker]

    assert ("German Lopez", "author") in speakers("German Lopez")
    assert all(role != "author" for _, role in speakers("Ann Roe, Bo Li"))


def test_a_body_behind_data_speaks_and_its_own_name_gives_no_role(with_entities):
    text = (
        "Vaccination rates are falling. America is 115th worldwide in terms of Hepatitis B "
        "vaccination, according to World Health Organization data, well behind Libya. The "
        "Justice Department said it would appeal."
    )
    said = [(q.speaker.name, q.speaker.role) for q in quotes_of(with_entities, text)]
    assert said == [("World Health Organization", None), ("Department of Justice", None)]


def test_a_party_tag_or_description_gives_the_party_as_affiliation(with_entities):
    text = (
        "The highway bill stalled. “This is a departure from what we’ve done,” said Sen. "
        "Richard J. Durbin, Illinois Democrat.\n\nSen. Chuck Grassley, Iowa Republican, said the "
        "IRS could use the help. Sen. Dianne Feinstein (D-Calif.) said the plan was flawed. Sen. "
        "Bernie Sanders (I-Vt.) said it was a scam."
    )
    said = [(q.speaker.name, q.speaker.role, q.speaker.affiliation)
            for q in quotes_of(with_entities, text)]  # fmt: skip
    assert said == [
        ("Richard J. Durbin", "Sen.", "Democratic Party"),
        ("Chuck Grassley", "Sen.", "Republican Party"),
        ("Dianne Feinstein", "Sen.", "Democratic Party"),
        ("Bernie Sanders", "Sen.", None),
    ]


def test_a_pronoun_speaker_is_not_a_person_the_quote_names(with_entities):
    text = (
        "Geoff Betts, a distributor of hair products, said he came because he wanted to hear "
        "what Donald Trump would say.\n\n“I just couldn't take it anymore,” he said. “I don't "
        "think that Donald Trump gets it.”"
    )
    art = Article(id="t", text=text, body=text, layout="exact")
    (q,) = [q for q in with_entities(art).quotes if q.kind == "direct"]
    assert q.speaker.name == "Geoff Betts"


def test_a_title_of_two_words_keeps_its_body_not_the_name(pipeline):
    """However the parser hangs "chief of staff" on the name, the body is the White House."""
    for said in ("said the administration would find partners.", "said, “We will see.”"):
        text = f"In Washington, White House chief of staff Denis McDonough {said}"
        q = quotes_of(pipeline, text)[-1]
        assert q.speaker.name == "Denis McDonough"
        assert q.speaker.role.startswith("chief") and q.speaker.affiliation == "White House"


def test_reported_speech_starts_after_when_it_was_said(pipeline):
    text = "The senator told reporters late Friday that the ruling would be appealed."
    (q,) = quotes_of(pipeline, text)
    assert q.text == "the ruling would be appealed"
    assert text[q.start : q.end] == q.text


def test_roles_read_whole_and_for_one_person(with_entities):
    text = (
        "“I think it is appropriate,” said Supreme Court Chief Justice John Roberts.\n\n"
        "Veteran diplomat Thomas Pickering and former Joint Chiefs of Staff Chairman Adm. Mike "
        "Mullen, both members of the review board, said “The solution requires a more serious "
        "commitment.”\n\n"
        "Charlene Lamb, deputy assistant secretary of state, said she had rejected requests."
    )
    said = [(q.speaker.name, q.speaker.role, q.speaker.affiliation)
            for q in quotes_of(with_entities, text)]  # fmt: skip
    assert said[0][1] == "Chief Justice"
    assert said[1][:3] == ("Mike Mullen", "member", "review board")
    assert said[2] == ("Charlene Lamb", "deputy assistant secretary of state", None)


def test_a_body_named_before_a_title_is_the_affiliation(pipeline):
    text = (
        "Heritage Action and the Club for Growth have backed him. Club for Growth President "
        "Chris Chocola said his group is in the process of examining races."
    )
    (q,) = quotes_of(pipeline, text)
    assert (q.speaker.name, q.speaker.role, q.speaker.affiliation) == (
        "Chris Chocola",
        "President",
        "Club for Growth",
    )


def test_quoted_as_saying_names_the_source_and_quoted_verbs_report_nothing(pipeline):
    text = "The agency quoted a military official as saying, “We will respond to any attack.”"
    (q,) = quotes_of(pipeline, text)
    assert q.kind == "direct" and q.speaker.text == "a military official"


def test_answering_questions_is_no_quote(pipeline):
    text = (
        "He would not answer questions about his plans. Pollsters say they simply sample "
        "people who answer their phones."
    )
    assert [q.text for q in quotes_of(pipeline, text)] == [
        "they simply sample people who answer their phones"
    ]


def test_an_opening_participle_is_no_speaker(pipeline):
    text = (
        "Looking back, McLoone, who worked at a food shelf before he went into addiction care, "
        "said it was his time at the bench that led him to a new career."
    )
    (q,) = quotes_of(pipeline, text)
    assert q.speaker.text == "McLoone"


def test_the_body_a_noun_refers_back_to_may_be_a_name_the_ner_missed(pipeline):
    text = (
        "Tenants marched on Monday, organised by the Hollow Creek Renters' Union. \"We will "
        "not move,\" said Dana Whyte, the union's general secretary."
    )
    (q,) = quotes_of(pipeline, text)
    assert q.speaker.affiliation == "Hollow Creek Renters' Union"


def test_an_office_completes_the_role_and_a_named_body_is_the_affiliation(with_entities):
    text = (
        "John Kelly, the White House chief of staff, said it would stay in effect.\n\n"
        "Robert Smith, the city's chief of police, said the curfew would hold.\n\n"
        "Carly Fiorina, the former Hewlett-Packard CEO, said the plan was wrong."
    )
    said = [(q.speaker.name, q.speaker.role, q.speaker.affiliation)
            for q in quotes_of(with_entities, text)]  # fmt: skip
    assert said[0] == ("John Kelly", "chief of staff", "White House")
    assert said[1][1] == "chief of police"
    assert said[2][1:] == ("former CEO", "Hewlett-Packard")


def test_a_place_named_before_a_title_is_the_affiliation(with_entities):
    text = (
        "The fence will run past the old customs post at Brelovo, near the river.\n\n"
        "Brelovo Mayor Ivo Kras said he understood both sides. Agriculture Minister Rosa "
        "Delgado said the farms would be paid."
    )
    said = [(q.speaker.role, q.speaker.affiliation) for q in quotes_of(with_entities, text)]
    assert said == [("Mayor", "Brelovo"), ("Agriculture Minister", None)]


def test_a_verb_the_parser_hung_on_a_name_is_no_role(pipeline):
    text = (
        'Kelly Anne Conway: "What the President is saying is that there is no indication Kim '
        'knew what happened." Conway said the president agrees with the family.'
    )
    assert all(q.speaker.role != "saying" for q in quotes_of(pipeline, text) if q.speaker)


def test_a_pronoun_comes_back_to_the_speaker_named_between_two_quoted_parts(with_entities):
    text = (
        '"So you would go after her?" host John Dickerson asked Trump. "I would go after a lot '
        'of people and find out whether or not they knew," Trump explained. "We have to stop '
        'terrorism."\n\nWhen he said, "I\'d be able to find out," it was not hard to imagine.'
    )
    q = next(q for q in quotes_of(with_entities, text) if q.text.startswith("I'd be able"))
    assert q.speaker.name == "Donald Trump"


def test_an_opening_said_with_a_colon_and_a_weekday_before_a_title(with_entities):
    text = (
        '"The budget is sound," Mr. Hale said.\n\nSaid Gen. Morrow: "My greatest concern is the '
        'morale of the soldiers we send abroad."\n\nOn Sunday Governor Ada Brill visited the base. '
        '"We owe them more than thanks," Brill said.'
    )
    said = [(q.speaker.text, q.speaker.role) for q in quotes_of(with_entities, text)]
    assert said[1] == ("Morrow", "Gen.")
    assert said[2] == ("Brill", "Governor")


def test_a_cue_in_the_sentence_after_a_quote_and_a_show_title_is_no_speech(pipeline):
    text = (
        "“The changes we are making are very minimal. Shouldn’t the mayor have someone working "
        "for him that he wants?” Mr. Dorn said on WBX’s “Meet the Voters” program as he "
        "defended the change."
    )
    (q,) = quotes_of(pipeline, text)
    assert (q.kind, q.speaker.text) == ("direct", "Dorn")


def test_a_body_the_parser_made_the_apposition_and_years_are_no_body(with_entities):
    text = (
        "Lena Ostrova, a Rochester Institute of Technology researcher who studies deepfakes, "
        'said the process cannot be automated.\n\n"There is too much focus on social issues," '
        "said retired Gen. Carl Pruitt, Marine Corps commandant from 1991 to 1995."
    )
    said = [(q.speaker.role, q.speaker.affiliation) for q in quotes_of(with_entities, text)]
    assert said == [
        ("researcher", "Rochester Institute of Technology"),
        ("commandant", "Marine Corps"),
    ]


def test_a_second_cue_ends_the_first_clause_and_words_around_a_quote_make_it_mixed(pipeline):
    text = (
        'He denied playing any management role at the fund after 1999 and called the issue "an '
        'effort by the campaign to divert attention from the economy."\n\nThe witness said the '
        'man was yelling about pensions, and told the senator that he was "killing people with '
        'his views."'
    )
    found = [(q.kind, q.text) for q in quotes_of(pipeline, text)]
    assert ("indirect", "playing any management role at the fund after 1999") in found
    assert ("mixed", 'he was "killing people with his views') in found


def test_the_person_a_misparsed_subject_holds_speaks(with_entities):
    text = (
        "Jehan Hakim, a Muslim-American mother and civil rights advocate from Hayward, said she "
        "worries about bullying in schools.\n\n“It’s like the country is going back to the "
        "1800s,” said 16-year-old Judy Cordova, outside of Oakland Technical High School, where "
        "hundreds left class Wednesday morning."
    )
    names = [q.speaker.name for q in quotes_of(with_entities, text)]
    assert names == ["Jehan Hakim", "Judy Cordova"]


def test_a_subject_inside_the_quotation_is_not_its_speaker(with_entities):
    text = (
        "“I am — like many of my former colleagues — alive today because of the A-10,” said "
        'retired Master Sgt. Eric Brandenburg, who served in Iraq.\n\n"It is not surprising '
        'that a majority approve of the mayor," said Kendall.'
    )
    names = [q.speaker.name for q in quotes_of(with_entities, text)]
    assert names == ["Eric Brandenburg", "Kendall"]


def test_roles_before_a_title_and_offices_in_capitals(with_entities):
    text = (
        "Lead impeachment manager Rep. Adam Schiff said the trial was rigged. White House press "
        "secretary Sarah Sanders said it was wrong. Syracuse University law professor Nina Kohn "
        "said it was an outlier.\n\nSenate Democratic Leader Chuck Schumer, D-N.Y.; Sen. Dianne "
        "Feinstein, D-Calif., and Sen. Kamala Harris, D-Calif., called for an investigation.\n\n"
        "George Marshall, the Chief of Staff of the Army, said the war would end."
    )
    said = [(q.speaker.name, q.speaker.role, q.speaker.affiliation)
            for q in quotes_of(with_entities, text)]  # fmt: skip
    assert said[0] == ("Adam Schiff", "Lead impeachment manager", None)
    assert said[1] == ("Sarah Sanders", "press secretary", "White House")
    assert said[2] == ("Nina Kohn", "law professor", "Syracuse University")
    assert said[3][0] == "Chuck Schumer"
    assert said[4] == ("George Marshall", "Chief of Staff", "Army")


def test_a_title_to_someone_is_read_whole(with_entities):
    text = (
        "The remark came from Special Assistant to the President Kelly Sadler. Ms Sadler said "
        "she had called the senator's daughter."
    )
    (q,) = quotes_of(with_entities, text)
    assert q.speaker.role == "Special Assistant to the President"


def test_a_time_after_a_name_is_no_role(with_entities):
    text = (
        "Obama met his challenger, former Gov. Mitt Romney, Tuesday night in Hempstead. Romney "
        "said the debate was fair."
    )
    (q,) = quotes_of(with_entities, text)
    assert q.speaker.role != "Tuesday night" and q.speaker.affiliation != "Hempstead"


def test_it_speaks_for_a_body_or_a_country_never_a_person(with_entities):
    text = (
        "Sen. Ed Markey wrote to the Acme Learning Corporation on Monday. It said it does not "
        "share personal information with third parties."
    )
    (q,) = [q for q in quotes_of(with_entities, text) if q.speaker.text == "It"]
    assert q.speaker.name == "Acme Learning Corporation"


def test_a_bare_state_before_a_title_and_a_line_break_are_no_body_or_role(with_entities):
    text = (
        "This year, said State Sen. Jeff Danielson, it is quiet.\n\nPlay Video 0:40 ‘I’ve seen "
        "things that made me uncomfortable’, says Trump aide – video\n\nIn an interview on "
        "Thursday, she told the host that the reports were false."
    )
    said = roles_of(with_entities, text)
    assert said["Jeff Danielson"] == ("State Sen.", None)
    assert "\n" not in (said["Trump aide"][0] or "")


def test_a_quotation_the_parser_hung_on_the_speaker_is_no_part_of_it(with_entities):
    text = (
        "\"The checkpoints are not legal, and if they don't come down, the state will take the "
        'matter to federal court, as Governor Noem noted in her Friday letter," her senior '
        "adviser and policy director, Maggie Seidel, said in an email."
    )
    (q,) = quotes_of(with_entities, text)
    assert q.speaker.text == "her senior adviser"
    assert q.speaker.role == "senior adviser and policy director"


def test_a_dateline_of_two_words_is_no_speaker(with_entities):
    text = (
        "SAN FRANCISCO (AP) — On the heels of the president's claims of bias, the White House "
        "has launched a form asking people to share their experiences of being silenced online."
    )
    (q,) = quotes_of(with_entities, text)
    assert q.speaker.name == "White House"


def test_a_people_named_as_affiliation_is_its_country():
    with_places = Pipeline(["layout", "parse", "dates", "entities", "places", "quotes"])
    text = (
        "French Foreign Minister Laurent Fabius said it was high time to resume talks. Israeli "
        "President Shimon Peres said a state would be better reached through an agreement."
    )
    said = [q.speaker.affiliation for q in quotes_of(with_places, text)]
    assert said == ["France", "Israel"]


def test_a_person_s_staff_take_that_person_as_affiliation(with_entities):
    text = (
        "Donald Trump spoke on Monday. “This is a witch hunt,” a Trump aide said. “It is over,” "
        "said Hope Hicks, a longtime aide to President Trump. “We won,” a Hillary Clinton "
        "spokesman said."
    )
    said = roles_of(with_entities, text)
    assert said["a Trump aide"] == ("aide", "Donald Trump")
    assert said["Hope Hicks"] == ("longtime aide", "Donald Trump")
    assert said["a Hillary Clinton spokesman"] == ("spokesman", "Hillary Clinton")


def test_they_stands_for_the_plural_subject_before_it(with_entities):
    text = (
        "The Centers for Disease Control proposed new rules in 2005. Airline lobbyists "
        "vehemently opposed the regulations. It would be too expensive, they said.\n\n"
        "Hillary Clinton and Bernie Sanders met in Flint. They both called for a federal "
        "investigation."
    )
    said = {q.text: q.speaker for q in quotes_of(with_entities, text)}
    lobbyists = said["It would be too expensive"]
    assert (lobbyists.name, lobbyists.role) == (None, "airline lobbyists")
    assert said["a federal investigation"].name == "Hillary Clinton"


def test_a_title_no_one_named_holds_comes_back_to_the_described_speaker(with_entities):
    text = (
        "Trump is calling on Congress to let the law fail.\n\n“He’s the president. These people "
        "are looking to him,” said a second Republican senator who requested anonymity to "
        "discuss Trump’s stance.\n\nThe lawmaker said that Trump can’t simply let the law fail."
    )
    said = {q.text: q.speaker for q in quotes_of(with_entities, text)}
    lawmaker = said["Trump can’t simply let the law fail"]
    assert (lawmaker.name, lawmaker.role) == (None, "second Republican senator")


def test_a_title_that_is_a_given_name_opens_a_name_of_two_words(with_entities):
    text = (
        "“We have to do better,” said Times executive editor Dean Baquet. Sen. Dean Heller "
        "spoke later. “We will vote no,” Heller said."
    )
    said = {q.speaker.name: q.speaker.role for q in quotes_of(with_entities, text)}
    assert said == {"Dean Baquet": "executive editor", "Dean Heller": "Sen."}


def test_he_is_the_main_clause_subject_not_the_one_it_reports(with_entities):
    text = (
        "Cummings, from Lamoni, Iowa, said he is concerned about the prospect of Obama's "
        "Supreme Court nominee, Judge Merrick Garland, changing the balance of the court.\n\n"
        '"Our number one purpose of being here is supporting the senators," he said.'
    )
    assert speaker_name(with_entities, text, "number one purpose") == "Cummings"


def test_one_party_member_is_described_unless_named_after(with_entities):
    text = (
        "“Romney still has ground to make up,” one Democrat told POLITICO. But a Democrat in the "
        "bipartisan group, Senator Charles E. Schumer of New York, said that all remaining "
        "hurdles had been removed."
    )
    said = [(q.speaker.text, q.speaker.name, q.speaker.role, q.speaker.affiliation)
            for q in quotes_of(with_entities, text)]  # fmt: skip
    assert said[0] == ("one Democrat", None, "Democrat", "Democratic Party")
    assert said[1][1] == "Charles E. Schumer"


def test_a_party_by_its_member_and_a_body_after_of_are_affiliations(with_entities):
    text = (
        "Wisconsin Republican congressman Sean Duffy introduced a bill. Duffy said he is a free "
        "trader. “They are more loyal to Mr. Trump,” said Glen Bolger, of Public Opinion "
        "Strategies."
    )
    said = roles_of(with_entities, text, key="name")
    assert said["Sean Duffy"] == ("congressman", "Republican Party")
    assert said["Glen Bolger"] == (None, "Public Opinion Strategies")


def test_a_party_tag_and_a_show_title_leave_the_quote_its_speaker(with_entities):
    text = (
        "“There's a right way to do this,” Sen. Saxby Chambliss, R-Ga., said Sunday.\n\n"
        "“ObamaCare is absolutely imploding,” Rep. Trent Franks, R-Ariz., told Fox News’ "
        "“America’s Newsroom.”"
    )
    said = [(q.text, q.speaker.name if q.speaker else None) for q in quotes_of(with_entities, text)]
    assert said == [
        ("There's a right way to do this,", "Saxby Chambliss"),
        ("ObamaCare is absolutely imploding,", "Trent Franks"),
    ]


def test_a_surname_before_a_generation_mark_is_no_title(with_entities):
    text = "Martin Luther King Jr. wrote a letter. “We are a nation gorged on money,” he wrote."
    (q,) = quotes_of(with_entities, text)
    assert (q.speaker.name, q.speaker.role) == ("Martin Luther King Jr.", None)


def test_a_lead_that_describes_its_speaker_names_them_next(with_entities):
    text = (
        "A federal judge on Tuesday blocked the rule, saying it was unlawful.\n\n"
        "U.S. District Judge William Orrick ruled that the administration had overstepped."
    )
    assert speaker_name(with_entities, text, "unlawful") == "William Orrick"
    text = (
        "A federal judge on Tuesday blocked the rule, saying it was unlawful.\n\n"
        "Lawyer Ann Bell welcomed the ruling."
    )  # the next name holds no such title: the judge stays unnamed
    assert speaker_name(with_entities, text, "unlawful") is None


def test_a_relative_clause_on_an_age_is_its_owner(with_entities):
    text = "Adam Kraut spoke. Kraut, 31, who says he grew up in a house without guns, writes."
    assert speaker_name(with_entities, text, "grew up") == "Adam Kraut"


def test_a_field_completes_the_role_and_the_body_after_it_is_the_affiliation(with_entities):
    text = (
        "Joseph Ahearn, the director of development for America First Policies, said the "
        "message was sent. “Bigger isn't always better,” Cheney, the architect of many Bush war "
        "on terror policies, said."
    )
    roles = roles_of(with_entities, text)
    assert roles["Joseph Ahearn"] == ("director of development", "America First Policies")
    assert roles["Cheney"][0] == "architect"  # no field of "many ... policies"


def test_the_paper_and_the_company_are_the_bodies_named_before(with_entities):
    text = (
        "Last week, The New York Times reported that Stuxnet was built by the US. The Pentagon "
        "declined to comment.\n\n“It was new,” wrote David Sanger, the paper's chief Washington "
        "correspondent.\n\nApple sold more phones. “We saw sales rise,” said Tim Cook, the "
        "company's chief executive. “It was good,” said Jane Roe, the chief executive of the "
        "biggest U.S. health insurer."
    )
    roles = roles_of(with_entities, text)
    assert roles["David Sanger"] == ("chief Washington correspondent", "The New York Times")
    assert roles["Tim Cook"] == ("chief executive", "Apple")
    assert roles["Jane Roe"][1] != "The New York Times"  # a described body names none


def test_a_day_after_the_cue_is_no_part_of_what_was_said(with_entities):
    text = (
        "Sen. Susan Collins said Tuesday she would vote to acquit. Barack Obama said Monday "
        "night that, if the election were held today, he would win."
    )
    said = [q.text for q in quotes_of(with_entities, text)]
    assert said == ["she would vote to acquit", "if the election were held today, he would win"]


def test_a_party_member_is_no_role_and_first_lady_is_one(with_entities):
    text = (
        "WASHINGTON – Sen Susan Collins, one of only two Republicans to join Democrats in "
        "seeking testimony, said Tuesday she would vote to acquit. First Lady Melania Trump wrapped up her tour by "
        "telling the media to just be better."
    )
    roles = roles_of(with_entities, text)
    assert roles["Sen Susan Collins"] == ("Sen", "Republican Party")
    assert roles["Melania Trump"] == ("First Lady", None)


def test_a_body_the_ner_missed_is_named_by_its_whole_name(with_entities):
    text = (
        "Last week, 18 new applications were approved, according to ICE. Immigration and "
        "Customs Enforcement (ICE) continues to conduct targeted enforcement.\n\nAccording to "
        "an estimate from the nonpartisan Committee for a Responsible Federal Budget, the "
        "framework calls for tax cuts."
    )
    names = {q.speaker.text: q.speaker.name for q in quotes_of(with_entities, text)}
    assert names["ICE"] == "Immigration and Customs Enforcement"
    assert names["the nonpartisan Committee"] is None  # not "Committee"


def test_he_looks_further_back_in_the_paragraph_when_no_near_name_may_be_him(with_entities):
    text = (
        "Officer Darren Wilson said he got out of the car and began chasing Michael Brown. He "
        "said Brown then stopped. He said he ordered Brown to get on the ground. He said Brown "
        "ran back toward him."
    )
    named = {q.text: q.speaker.name for q in quotes_of(with_entities, text)}
    assert named["Brown ran back toward him"] == "Darren Wilson"


def test_a_given_name_of_either_gender_keeps_no_he_from_its_bearer(with_entities):
    text = (
        "Rep. Lynn Westmoreland, R-Ga., helped John Boehner survive that earlier challenge. He "
        "says two dozen votes could be enough to make things dicey for Boehner again."
    )
    assert speaker_name(with_entities, text, "two dozen") == "Lynn Westmoreland"


def test_a_body_opening_with_a_place_is_the_body_not_the_place(with_entities):
    text = (
        "In 2009, according to a recent report by the U.S. Trade Commission, the food industry "
        "spent $1.8 billion advertising food products to children. The US Army Special Forces "
        "left the base.\n\n“We will win,” said U.S. President Donald Trump."
    )
    named = {q.speaker.text: (q.speaker.name, q.speaker.affiliation)
             for q in quotes_of(with_entities, text)}  # fmt: skip
    assert named["U.S. Trade Commission"][0] == "U.S. Trade Commission"
    assert named["Donald Trump"][1] != "US Army Special Forces"


def test_an_affiliation_in_quotation_marks_is_its_name(with_entities):
    text = "Nancy Pelosi, a member of the “Gang of Eight,” said she had not been informed."
    assert roles_of(with_entities, text)["Nancy Pelosi"] == ("member", "Gang of Eight")


def test_a_title_with_of_is_whole_and_the_president_is_whom_the_article_calls_so(with_entities):
    text = (
        "Acting Secretary of Defense Patrick Shanahan said the plan was ready. President Barack "
        "Obama spoke on Tuesday. Vice President Joe Biden agreed.\n\n“It is a fight,” David "
        "Axelrod, the president’s senior campaign adviser, said. “It is over,” said "
        "then-Russian Ambassador Sergey Kislyak."
    )
    roles = roles_of(with_entities, text)
    assert roles["Acting Secretary of Defense Patrick Shanahan"] == (
        "Acting Secretary of Defense",
        None,
    )
    assert roles["David Axelrod"] == ("senior campaign adviser", "Barack Obama")
    assert roles["Sergey Kislyak"] == ("Ambassador", "Russians")  # Russia, once placed


def test_a_document_reads_and_a_cue_after_a_long_apposition_names_the_speaker(with_entities):
    text = (
        "Apple sued.\n\n“Apple’s intellectual property is at the core of our growth,” the "
        "statement reads.\n\nA portion of the alleged message read, “I don't want to make this "
        "into an issue.”\n\n“We just want democracy!” Joshua Wong, a 17-year-old student "
        "leader, said Sunday.\n\n“It reminds me of old movie theaters,” Ron Wyden mused.\n\n"
        "She read this story aloud. “Read this story,” the sign said."
    )
    named = {q.text: q.speaker.text for q in quotes_of(with_entities, text) if q.speaker}
    assert named["Apple’s intellectual property is at the core of our growth,"] == "the statement"
    assert named["I don't want to make this into an issue."] == "the alleged message"
    assert named["We just want democracy!"] == "Joshua Wong"
    assert named["It reminds me of old movie theaters,"] == "Ron Wyden"
    assert "this story aloud" not in " ".join(named)  # reading a story is no quote


def test_police_or_the_board_is_the_one_such_body_the_article_names(with_entities):
    text = (
        "A gunman opened fire, the Metro Nashville Police Department said. “There is a chance "
        "that he is at large,” police spokesman Don Aaron said."
    )
    assert roles_of(with_entities, text)["Don Aaron"] == (
        "spokesman",
        "Metro Nashville Police Department",
    )
