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
    # the main event: "the US killing of ... Soleimani on Iraqi soil": the US is who, not where
    # (where, Iraq, needs the entities and places stages: below)
    (main,) = [e for e in events if e.main]
    assert (main.actor, main.target, main.place) == ("US", "Qassem Soleimani", None)
    appeals = {(e.actor, e.target) for e in events if e.action == "appeal"}
    assert ("Iraqi lawmakers", "the government") in appeals
    expel = [e for e in events if e.trigger == "expel"]
    assert expel and expel[0].actor == "the government"
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
        ("The committee approved the budget.", "legislate", "The committee", "the budget"),
        (
            "Police and soldiers arrested a driver and his son.",
            "coerce",
            "Police and soldiers",
            "a driver and his son",
        ),
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


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        ("The airline signed the agreement in Paris on June 15.", "signed", "Paris"),
        ("The US automaker General Motors announced 10,000 job cuts.", "announced", None),
        ("Officials from China have agreed to buy 60 aircraft.", "agreed", None),
        # the place of the cuts, not of the saying
        ("Louis Gallois said the company will cut 4,300 jobs in France.", "said", None),
        ("The second-largest bank in the United States has announced losses.", "announced", None),
        ("The G7 nations had met in Washington on Friday.", "met", "Washington"),
    ],
)
def test_event_place_is_where_it_happened(pipeline, text, trigger, place):
    (e,) = [e for e in events_of(pipeline, text) if e.trigger == trigger]
    assert e.place == place


@pytest.mark.parametrize(
    ("text", "trigger", "date"),
    [
        # the date of the clause the saying hangs in, not of what it says
        (
            "On January 5, the parliament passed a resolution, saying the air strike near the "
            "airport two days earlier had been a breach of sovereignty.",
            "saying",
            "2020-01-05",
        ),
        (
            "The ministry said on Friday that police arrested him on January 2.",
            "said",
            "2020-01-17",
        ),
        (
            "The ministry said on Friday that police arrested him on January 2.",
            "arrested",
            "2020-01-02",
        ),
    ],
)
def test_event_date_is_its_own_clause(pipeline, text, trigger, date):
    (e,) = [e for e in events_of(pipeline, text) if e.trigger == trigger]
    assert e.date == date


def test_events_with_entities_and_quotes(seed_text):
    """With the other stages: "he said" and "I would say" are the speakers the quotes stage
    named, and "on Iraqi soil" is Iraq, the country the places stage gave the Iraqis."""
    art = Pipeline(["layout"])(Article(id="s", text=seed_text.strip(), date="2020-01-21")).article
    stages = ["layout", "parse", "dates", "entities", "places", "quotes", "events"]
    full = Pipeline(stages)(art)
    actors = {e.actor for e in full.events if e.action == "statement"}
    assert {"Ahmed al-Kanani", "Khalid Alrawi"} <= actors
    assert not actors & {"he", "I"}
    # "In Iraqi Kurdistan ..., I would say that ...": the quote's own words, not an event
    assert not [e for e in full.events if e.action == "statement" and e.place == "Iraqi Kurdistan"]
    (main,) = [e for e in full.events if e.main]
    assert (main.actor, main.target, main.place) == ("US", "Qassem Soleimani", "Iraq")
    # "..., saying the deadly air strike ...": the parliament says it, whichever verb the
    # parser hangs "saying" on; "told FRANCE 24" is the name the entities stage found
    (saying,) = [e for e in full.events if e.trigger == "saying"]
    assert (saying.actor, saying.date) == ("the Iraqi parliament", "2020-01-05")
    (told,) = [e for e in full.events if e.trigger == "told"]
    assert (told.actor, told.target) == ("one protester", "FRANCE 24")


@pytest.mark.parametrize(
    ("text", "trigger", "actor", "target"),
    [
        # "call on X to Y": an appeal by the caller to X; X would do Y
        (
            "Lawmakers called on the government to expel the troops.",
            "called",
            "Lawmakers",
            "the government",
        ),
        (
            "Lawmakers called on the government to expel the troops.",
            "expel",
            "the government",
            "the troops",
        ),
        # a relative pronoun stands for its noun; a span of time is not an actor; what is
        # called for is the call's target
        (
            "He was one of the lawmakers who had called for the vote.",
            "called",
            "the lawmakers",
            "the vote",
        ),
        (
            "Protesters have spent weeks calling for the minister to resign.",
            "calling",
            "Protesters",
            "the minister",
        ),
        ("Protesters called for the minister to resign.", "resign", "the minister", None),
        # a dateline the parser made the subject is where, not who; a name in capitals
        # followed by its apposition is who
        (
            "CLEVELAND — Eric Trump, who will speak on Wednesday, said he wrote the speech.",
            "said",
            "Eric Trump",
            None,
        ),
        # a participle the parser hung on an adjective is its clause subject's
        (
            "Mitt Romney described the claims as “deceptive,” demanding an apology.",
            "demanding",
            "Mitt Romney",
            "an apology",
        ),
        (
            "GNYHA – a lobbying group for hospitals – said it drafted the provision.",
            "said",
            "GNYHA",
            None,
        ),
    ],
)
def test_event_actor_in_control_and_relative_clauses(pipeline, text, trigger, actor, target):
    (e,) = [e for e in events_of(pipeline, text) if e.trigger == trigger]
    assert (e.actor, e.target) == (actor, target)


def test_a_time_is_not_a_target(pipeline):
    (event,) = events_of(pipeline, "On Saturday, the rebels attacked at dawn.")
    assert event.action == "attack" and event.target is None


@pytest.mark.parametrize(
    ("text", "trigger", "action"),
    [
        ("The president hopes to strike a bipartisan deal with Congress.", "strike", "agree"),
        ("The court struck down the state's voting law.", "struck", "reject"),
        ("She struck a conciliatory tone in her speech.", "struck", None),
        ("A missile struck the base near the airport.", "struck", "attack"),
        ("The regime executed two prisoners on Monday.", "executed", "attack"),
        ("Republicans executed a strategy to win the vote.", "executed", None),
        ("The council adopted the resolution on Monday.", "adopted", "legislate"),
        ("The couple adopted a baby last year.", "adopted", None),
        # a word that names another thing is no event: the court, not an appeal
        ("A U.S. appeals court on Wednesday ordered the case dropped.", "appeals", None),
        # a particle: a ruling, or no event
        ("The justices could strike the rule down.", "strike", "reject"),
        ("Even if the rule gets struck down, the plants have closed.", "struck", "reject"),
        ("The U.S. backed off its red lines.", "backed", None),
        # struck with no object: a labour strike by workers, an attack by a named party
        ("The fuel depots were struck from the north.", "struck", "attack"),
        ("Israel has struck inside Syria dozens of times.", "struck", "attack"),
        ("Nurses struck for better pay.", "struck", "protest"),
        ("The company demonstrated its new phone.", "demonstrated", None),
        ("Thousands demonstrated outside the embassy.", "demonstrated", "protest"),
        # a question is no appeal; a request to do something is
        ("She was asked whether she backed the invasion.", "asked", None),
        ("The mayor asked residents to stay home.", "asked", "appeal"),
        ("Doctors have asked that Congress ban the therapy.", "asked", "appeal"),
        ("It would only happen if the governor asked him to.", "asked", "appeal"),
        ("He pleaded guilty to fraud.", "pleaded", None),
        ("The mother pleaded for her son's release.", "pleaded", "appeal"),
        ("The new policy demanding costly fences was dropped.", "demanding", None),
        # an attack in words is a rebuke
        ("The senator attacked the university as a disgraceful institution.", "attacked", "reject"),
        ("Gunmen attacked the university on Monday.", "attacked", "attack"),
        ("Al-Qaeda attacked the US in 2001.", "attacked", "attack"),  # "US" is no "us"
        ("We were hit by missiles. So we will attack whoever attacked us.", "attacked", "attack"),
        ("We were struck by the fact that the talks failed.", "struck", None),
        ("The president wants to kill the nuclear deal.", "kill", "reject"),
        (
            "Polls fell after Trump's attacks on the family of the late Capt. Khan.",
            "attacks",
            "reject",
        ),
        ("Israel's attack on Gaza killed dozens.", "attack", "attack"),
        (
            "Britain says Russia is behind the attack on Skripal and his daughter.",
            "attack",
            "attack",
        ),
        # a vow is a threat only of something hostile
        ("She vowed to defeat the Islamic State group.", "vowed", "threaten"),
        ("He vowed to roll back marriage equality.", "vowed", "threaten"),
        ("Erdogan vowed that those responsible will pay a heavy price.", "vowed", "threaten"),
        ("He has vowed to appoint justices who would overturn the ruling.", "vowed", None),
        # what is passed or signed: a law, or no event
        ("The death toll passed 4,000 on Tuesday.", "passed", None),
        ("The Senate passed the bill on Tuesday.", "passed", "legislate"),
        ("The governor signed the legislation on Friday.", "signed", "legislate"),
        ("Both ministers signed the agreement in Oslo.", "signed", "agree"),
        ("The inspector spoke in a statement signed by him.", "signed", None),
        # a meeting with someone, not a reception; a choice is no election
        ("His remarks met with scepticism.", "met", None),
        ("The president met the Iranian leader in Geneva.", "met", "meet"),
        ("The newspaper elected not to publish the story.", "elected", None),
        # agreeing on what will be done, not sharing an opinion
        ("Most economists agree that roads are worth building.", "agree", None),
        ("The leaders agreed the talks would resume in May.", "agreed", "agree"),
        ("She told a rally in Ohio that she would win.", "rally", None),
        ("Protesters held a rally against the war.", "rally", "protest"),
        ("Thousands rallied outside the embassy on Sunday.", "rallied", "protest"),
        ("Senate Democrats have rallied the 34 votes they need.", "rallied", None),
        ("Pro-life groups seized on the report.", "seized", None),
        ("Police seized weapons.", "seized", "coerce"),
    ],
)
def test_verbs_whose_object_decides_the_sense(pipeline, text, trigger, action):
    actions = {e.action for e in events_of(pipeline, text) if e.trigger == trigger}
    assert actions == ({action} if action else set())


@pytest.mark.parametrize(
    ("text", "trigger", "actor", "target"),
    [
        # a relative pronoun stands for its noun, past a party and state after a name
        ("The bill, which is opposed by Democrats, failed.", "opposed", "Democrats", "The bill"),
        ("Congress cut programs that were enacted in 2011.", "enacted", None, "programs"),
        ("Ron Johnson, R-Wis., who opposed the bill, spoke.", "opposed", "Ron Johnson", "the bill"),
        # what passes is passed, not the one passing it
        ("A plan that can pass in the House is needed.", "pass", None, "A plan"),
        # the "by" phrase of a participle acts; the one scheduled meets; a day is no one met
        ("He would sign it if approved by lawmakers.", "approved", "lawmakers", None),
        ("Obama is scheduled to meet Friday with congressional leaders.", "meet", "Obama", None),
        # a thing that does nothing itself is no actor
        ("The footage shows an officer shooting a man.", "shooting", "an officer", "a man"),
        ("He spoke of the cruel nature of detaining families.", "detaining", None, "families"),
        # a person named before a killing is its victim ("killing" read as a verb, too)
        ("Officials condemned the Khashoggi killing.", "killing", None, "Khashoggi"),
    ],
)
def test_parties_of_relative_clauses_participles_and_passes(pipeline, text, trigger, actor, target):
    (event,) = [e for e in events_of(pipeline, text) if e.trigger == trigger]
    assert (event.actor, event.target) == (actor, target)


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        ("The president urged Iraq to expel the troops.", "expel", "Iraq"),  # the one urged
        # after a verb that is no request, the subject acts, not the object
        ("Georgia officials continue to use the power of the state to investigate rivals.",
         "investigate", "Georgia officials"),
    ],
)  # fmt: skip
def test_who_does_what_an_infinitive_says(pipeline, text, trigger, actor):
    (e,) = [e for e in events_of(pipeline, text) if e.trigger == trigger]
    assert e.actor == actor


@pytest.mark.parametrize(
    ("text", "trigger", "actor", "target"),
    [  # a relative pronoun the parser hung away from its noun; a participle after its noun
        ("Sen. Lindsey Graham introduced a bill Thursday that would ban most abortions.",
         "ban", "a bill", "most abortions"),
        ("Obama signed the budget agreement passed by Congress before the break.",
         "passed", "Congress", "the budget agreement"),
        # the one challenged acts
        ("Trump used his speech to challenge Democrats to reject the politics of revenge.",
         "reject", "Democrats", "the politics of revenge"),
        # "it" in what a named body reports is that body
        ("The department announced that it has indicted 14 people.",
         "indicted", "The department", "14 people"),
    ],
)  # fmt: skip
def test_actor_and_target_behind_pronouns_and_participles(pipeline, text, trigger, actor, target):
    (event,) = [e for e in events_of(pipeline, text) if e.trigger == trigger]
    assert (event.actor, event.target) == (actor, target)


def test_a_linked_pronoun_acts_as_its_person():
    events = Pipeline(["layout", "parse", "dates", "entities", "quotes", "events"])(
        Article(
            id="t",
            text="",
            body=(
                "Mayor Anna Ruiz spoke on Monday. Later she condemned the decision of the board."
            ),
            layout="exact",
        )
    ).events
    (condemned,) = [e for e in events if e.trigger == "condemned"]
    assert condemned.actor == "Anna Ruiz"


def test_the_main_event_is_told_early_or_not_at_all(pipeline):
    lead = "The agency announced new guidelines on masks. Officials said supplies were short. "
    events = events_of(pipeline, lead + "Experts agreed. " * 6 + "Rebels attacked the city.")
    (main,) = [e for e in events if e.main]
    assert (main.action, main.target) == ("statement", "new guidelines")
    late = events_of(
        pipeline, "Officials said supplies were short. " * 8 + "Rebels attacked the city."
    )
    assert not any(e.main for e in late)


def test_an_infinitive_after_a_noun_is_done_by_its_owner(pipeline):
    text = "Pope Benedict XVI surprised the world with his decision to step down."
    (step,) = [e for e in events_of(pipeline, text) if e.trigger == "step"]
    assert step.action == "resign" and step.actor != "his decision"


def test_the_main_event_has_someone_doing_it(pipeline):
    text = "Days before the elections on Tuesday, the Senate approved the new attorney general."
    (main,) = [e for e in events_of(pipeline, text) if e.main]
    assert (main.actor, main.trigger) == ("Senate", "approved")


def test_a_statement_is_by_the_speaker_the_quotes_stage_found():
    pipe = Pipeline(["layout", "parse", "dates", "entities", "quotes", "events"])
    text = (
        "The community is a fly-in development named Jumbolair, said Frank Merschman, who owns "
        "the development. “As president, I am responsible, and Harry Truman said the buck stops "
        "with you,” Obama said."
    )
    events = pipe(Article(id="t", text=text, body=text, layout="exact")).events
    said = {(e.trigger, e.actor) for e in events if e.action == "statement"}
    assert ("said", "Frank Merschman") in said
    assert ("said", "Harry Truman") in said  # a verb inside the quotation keeps its own subject


def test_a_thing_called_by_a_name_is_no_appeal(pipeline):
    text = (
        "Teachers there use a program called AllSides for Schools in class. All candidates "
        "called on the mayor to resign."
    )
    appeals = [e for e in events_of(pipeline, text) if e.action == "appeal"]
    assert [e.trigger for e in appeals] == ["called"]
    assert appeals[0].start > text.index("All candidates")


def test_a_city_before_an_event_noun_is_where_not_who():
    from newsprism import analyze

    a = analyze(
        "The Paris attacks shocked France. The Russia investigation went on for two years. "
        "The FBI investigation ended in May.",
        title="",
        date="2020-01-21",
    )
    by_word = {(e.trigger, e.start): e for e in a.events}
    attack = next(e for (t, _), e in by_word.items() if t == "attacks")
    assert (attack.actor, attack.place) == (None, "Paris")
    probes = sorted(
        (e for (t, _), e in by_word.items() if t == "investigation"), key=lambda e: e.start
    )
    assert (probes[0].actor, probes[0].target) == (None, "Russia")  # what is investigated
    assert probes[1].actor == "FBI"  # a body investigates
