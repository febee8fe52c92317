"""Stance: the model on clear cases, the issue and sides of the seed, aggregation, the corpus query."""

import numpy as np
import pytest

from newsprism import Pipeline, Store
from newsprism.corpus.sides import sides
from newsprism.records import Analysis, Article, Issue, Quote, Speaker, Stance
from newsprism.stages import DEFAULT_STAGES
from newsprism.stages.stance import (
    Sides,
    _nlp,
    aggregate,
    backs,
    call_stance,
    decider,
    from_demand,
    from_headline,
    from_lead,
    headline_decider,
    is_call,
    lean,
    same_voices,
    speaker_key,
)
from newsprism.stance import stance, stances
from newsprism.stance_rules import NEUTRAL_SCORE, RULE_SCORE, frame, read


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


def test_explicit_opposition_to_a_ban():
    """The feature classifier alone called this `for` (a frozen sentence encoder sees the
    topic, not which way an explicit 'against' leans); the cross-encoder reads it."""
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
        ("Trump administration moves to make tougher U.S. visa vetting permanent",
         "make tougher U.S. visa vetting permanent"),
        # the headline's own verb ends the proposal
        ("Immigration effort to protect Dreamers collapses in US Senate", "protect Dreamers"),
        # a list of actions on one object; a place inside the action of a "let"
        ("Calls to reform, defund, dismantle and abolish the police, explained.",
         "reform, defund, dismantle and abolish the police"),
        ("GOP Split Over Bill To Let Immigrants In U.S. Illegally Serve In Military",
         "Let Immigrants In U.S. Illegally Serve In Military"),
        # an announced action, without its time; a lone verb acts on the headline's subject
        ("Obama to halt part of NSA phone program", "halt part of NSA phone program"),
        ("House Likely to Pass Continuing Resolution on Thursday", "Pass Continuing Resolution"),
        ("Riverside Clinic to Close as Patients Move to Hillford", "Close Riverside Clinic"),
        ("Parliament Moves Closer to Capping Rent Rises", "Capping Rent Rises"),
        ("Town to License and Cap Holiday Lets as Locals Are Priced Out",
         "License and Cap Holiday Lets"),
        ("Trump threatens to end insurance payments if no healthcare bill",
         "end insurance payments if no healthcare bill"),
        ("US to deploy up to 3,000 military personnel to fight Ebola in West Africa",
         "deploy up to 3,000 military personnel to fight Ebola"),
        ("Trump Says Program to Protect ‘Dreamers’ is ‘Probably Dead’", "Protect ‘Dreamers’"),
        ("Republicans challenge authority to delay, 'ignore' ObamaCare provision", None),
        ("Committee to Protect Journalists: Attacks on Media Will Be Felt", None),
        ("High school cafeteria worker tried to stop gunman", None),
        ("Islamic State appears to release chilling threat", None),
        ("Electoral College poised to make Trump win official – but not without drama", None),
        # a decision on a measure the headline names
        ("Senate committee approves assault weapons ban", "assault weapons ban"),
        ("Two Colleges Unveil Merger Plan", "Merger Plan"),
        ("Fishermen Vow to Fight Offshore Wind Farm", "Offshore Wind Farm"),
        ("Senate Approves Trump's Pick", None),
        ("Next Challenge for the Health Law: Getting the Public to Buy In", None),
    ],
)  # fmt: skip
def test_issue_from_headline(headline, issue):
    assert from_headline(headline) == issue


def test_a_voice_leans_to_a_side_unless_the_model_is_sure_of_neither():
    labels = ("for", "against", "neither")
    assert lean(np.array([0.2, 0.25, 0.55]), labels) == Stance("against", 0.25)
    assert lean(np.array([0.3, 0.1, 0.6]), labels).label == "for"
    assert lean(np.array([0.1, 0.1, 0.8]), labels) == Stance("neither", 0.8)
    assert lean(np.array([0.7, 0.2, 0.1]), labels) == Stance("for", 0.7)


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
        # a call to halt something the issue does not name still opposes the measure
        ("the authority to suspend work until a new valuation is done", 0.2, "against"),
        ("the mayor to publish the full loan agreement", 0.2, "neither"),
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


def test_seed_sides_target(seed_analysis):
    sides_ = seed_analysis.issue.sides
    assert "Ahmed al-Kanani" in sides_["for"]  # "We don't want them anymore": them = US forces
    assert "Khalid Alrawi" in sides_["against"]  # "do not want an American departure"
    assert "one protester" in sides_["neither"]  # "without the United States and without Iran"
    assert "Iraqi lawmakers" in sides_["for"]
    assert "the lawmakers" not in sides_["for"]  # the same voice as "Iraqi lawmakers"


def test_same_voices():
    def quote(who):
        return Quote(text="x", start=0, end=1, kind="direct", speaker=Speaker(who, 0, 1))

    quotes = [quote(w) for w in ("Iraqi lawmakers", "the lawmakers", "one protester",
                                 "pro-government protesters", "anti-war protesters", "the protesters")]  # fmt: skip
    # "the protesters" could be either kind: left alone; "one protester" has another head word
    assert same_voices(quotes) == {"the lawmakers": "Iraqi lawmakers"}


def test_seed_quotes_are_read_by_the_rules(seed_analysis):
    by_speaker = {speaker_key(q): q.stance for q in seed_analysis.quotes}
    assert by_speaker["Ahmed al-Kanani"] == Stance("for", RULE_SCORE)
    assert by_speaker["Khalid Alrawi"] == Stance("against", RULE_SCORE)
    assert by_speaker["one protester"] == Stance("neither", NEUTRAL_SCORE)


@pytest.mark.parametrize(
    ("issue", "act", "effect", "objects"),
    [
        ("expel foreign troops from Iraq", "expel", -1, {"troop", "force", "soldier"}),
        ("Nationwide Ban on Triflumazole", "ban", -1, {"triflumazole"}),
        ("build the new stadium", "build", 1, {"stadium"}),
        ("house up to 400 refugees at the barracks", "house", 1, {"refugee", "migrant"}),
        ("Tax on Sugary Drinks", "tax", -1, {"drink"}),
    ],
)  # fmt: skip
def test_issue_frame(issue, act, effect, objects):
    f = frame(issue)
    assert (f.act, f.effect) == (act, effect)
    assert objects <= f.objects


def test_a_phrasal_act_keeps_its_particle_out_of_the_object():
    """'shut down X' is a closure of X: 'down' is no object, and 'the shutdown' or 'the
    closure' is the measure itself."""
    f = frame("shut down the Halden Point power station")
    assert (f.act, f.effect) == ("shut", -1)
    assert "down" not in f.objects and {"station", "power"} <= f.objects
    assert {"shutdown", "closure"} <= f.measures
    assert read(f, _nlp()("We welcome the closure.")[:], "direct")[0] == "for"


TROOPS = "expel foreign troops from the country"


@pytest.mark.parametrize(
    ("text", "issue", "label"),
    [
        # wanting or rejecting the issue's object, composed with what the issue does to it
        ("The soldiers have been here for years. We don't want them anymore.", TROOPS, "for"),
        ("We want the troops to stay.", TROOPS, "against"),
        ("We want the troops to leave.", TROOPS, "for"),
        ("We need these forces here.", TROOPS, "against"),
        # the issue's act under another name, negated
        ("Most of us do not want a withdrawal.", TROOPS, "against"),
        ("We demand the expulsion of the troops.", TROOPS, "for"),
        # the measure itself
        ("I fully support the ban.", "ban plastic bags", "for"),
        ("We are against the ban.", "ban plastic bags", "against"),
        ("We will never accept this plan.", "build the new stadium", "against"),
        ("We oppose the stadium.", "build the new stadium", "against"),
        ("The plan is a mistake.", "build the new stadium", "against"),
        ("This is long overdue.", "build the new stadium", "for"),
        ("I'll vote yes.", "hold a referendum on independence", "for"),
        # neither: no side, both sides, conditions
        ("Neither side has made its case.", "build the new stadium", "neither"),
        ("I would back the plan only if the club pays for it.", "build the new stadium",
         "neither"),
        ("We took no position on the stadium.", "build the new stadium", "neither"),
        # nothing that bears on the issue, or someone else's attitude: the model decides
        ("The museum reopened on Saturday.", "build the new stadium", None),
        ("They oppose the stadium, but they are wrong.", "build the new stadium", None),
        ("We want better buses.", "build the new stadium", None),
    ],
)  # fmt: skip
def test_rules_read_what_a_voice_wants(text, issue, label):
    result = read(frame(issue), _nlp()(text)[:], "direct")
    assert (result[0] if result else None) == label


@pytest.mark.parametrize(
    ("text", "issue", "label"),
    [
        # the measure's act on a thing worth having, or worth less of
        ("The ban would cut sugar beet yields by up to 30 percent.", "ban the insecticide",
         "against"),
        ("The closure would push national emissions up by 3 million tonnes.",
         "close the power station", "against"),
        # a generic measure noun may be another measure of the story
        ("The plan would hurt consumers.", "force a net neutrality vote", None),
        # a relative clause's subject is the noun it describes, not the nearest noun before
        ("Jobs went abroad because of trade deals that hurt American workers.", "keep jobs",
         None),
        ("The mine would create 900 permanent jobs.", "open the gold mine", "for"),
        ("The dam would not create jobs.", "build the dam", "against"),
        # a harming or helping verb needs no listed object; the issue's object as the subject
        ("The tax will hurt small shops.", "tax sugary drinks", "against"),
        ("The foreign troops protect us from the militias.", TROOPS, "against"),
        # readings that disagree; a pronoun takes the quote's nearest noun with a worth
        ("The dam is sound. It will reduce floods. It will not stop them.", "build the dam",
         "neither"),
        # a conditional, or a subject the issue does not name: nothing read
        ("If it cuts obesity, good.", "tax sugary drinks", None),
        ("The weather will hurt small shops.", "tax sugary drinks", None),
        # an attitude outranks a consequence
        ("We back the ban even though it will cut yields.", "ban the insecticide", "for"),
    ],
)  # fmt: skip
def test_rules_read_a_measures_consequences(text, issue, label):
    result = read(frame(issue), _nlp()(text)[:], "indirect")
    assert (result[0] if result else None) == label


@pytest.mark.parametrize(
    ("lead", "issue"),
    [
        ("City officials have begun a three-month trial of electric buses on two routes, "
         "the council confirmed on Friday.", "begin a three-month trial of electric buses"),
        ("The council voted on Tuesday to approve a new tram line.", "approve a new tram line"),
        # past a paragraph break (a sentence of its own to the parser) to the second sentence
        ("Protests went on for a third day.\n\nThe council voted on Tuesday to approve a new "
         "tram line.", "approve a new tram line"),
        # an aside in brackets is left out, the rest kept
        ("The administration plans on cancelling $929m (£711m) in grants for the rail project.",
         "cancel $929m in grants"),
        # a verb that shares its object with the next one takes both
        ("Democrats have decried the plan to repeal and replace ObamaCare.",
         "repeal and replace ObamaCare"),
        # one action, not the next one the sentence adds
        ("Officers moved in after Ecuador withdrew his asylum and invited authorities into the "
         "embassy.", "withdraw his asylum"),
    ],
)  # fmt: skip
def test_issue_from_lead(lead, issue):
    """The decision the lead reports, not the verb that reports it."""
    found = from_lead(_nlp()(lead))
    assert found is not None and found[0].startswith(issue)


@pytest.mark.parametrize(
    "lead",
    [
        "American Airlines agreed this week to do something nice for its employees.",
        "As opposition to Common Core began to swell in Tennessee, Jeb Bush showed up to a forum.",
        "President Trump is launching new attacks on Speaker Nancy Pelosi on Friday.",
        "The stakes are high in Virginia as Democrats seek to fend off a devastating defeat.",
        "The governor announced a bid on Monday, giving the moderate wing a possible champion.",
        # when the bill passed is no decision: what was voted for is a bill, no action
        "Every Democrat voted for the Senate's immigration bill when it passed the chamber in June.",
        "Candidates reacted to a warning by Obama against moving too far left in politics.",
        "Senior correspondent Adam Housley has decided to leave, former colleagues said.",
        # a participle the parser took for what was announced
        "Reid announced on the Senate floor that the Judiciary Committee would soon hold a "
        "hearing on the amendment, introduced earlier this year by Democratic Sens. Tom Udall of "
        'New Mexico and Michael Bennet of Colorado, and that the full "Senate will vote on that '
        'legislation."',
    ],
)
def test_a_lead_without_a_policy_act_argues_no_issue(lead):
    """Moves, plans of a campaign and starts are no proposition in dispute."""
    assert from_lead(_nlp()(lead)) is None


def test_issue_from_what_a_side_demands():
    lead = ("More than 6,000 teachers walked out on Tuesday. The union is demanding a 9 percent "
            "pay rise this year, arguing that salaries have fallen behind inflation.")  # fmt: skip
    found = from_demand(_nlp()(lead))
    assert found is not None and found[0].startswith("a 9 percent pay rise")
    assert from_demand(_nlp()("The bridge reopened on Monday after repairs.")) is None
    found = from_demand(_nlp()("Activists called for a ban on fracking."))
    assert found is not None and found[0] == "a ban on fracking"  # not "for a ban ..."
    found = from_demand(_nlp()("The lawmakers have pressed for years for tighter gun laws."))
    assert found is not None and found[0] == "tighter gun laws"  # not "years"
    lead = "Larson, for example, called for Congress to pass measures requiring background checks."
    found = from_demand(_nlp()(lead))
    assert found is None or "example" not in found[0]
    found = from_demand(
        _nlp()("So she demands Congress overturn the court decision that allows it.")
    )
    assert found is not None and found[0] == "overturn the court decision"  # not "Congress"
    # what all sides call for is not in dispute
    for lead in ("They both called for a massive federal intervention in Flint.",
                 "The two leaders jointly called for a ceasefire."):  # fmt: skip
        assert from_demand(_nlp()(lead)) is None


def test_a_naming_is_not_a_call():
    assert is_call(quote("x", "y", cue="called on"))
    assert not is_call(quote("the vote a turning point", "y", cue="called"))


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


def test_minilm_matches_sentence_transformers():
    """tests/data/minilm_reference.json: all-MiniLM-L6-v2 embeddings from sentence-transformers
    6.2.0 (``encode(texts, normalize_embeddings=True)``), which newsprism no longer imports."""
    import json
    from pathlib import Path

    import numpy as np

    from newsprism.minilm import MiniLM

    ref = json.loads((Path(__file__).parent / "data" / "minilm_reference.json").read_text())
    want = np.asarray(ref["vectors"], dtype=np.float32)
    got = MiniLM(bf16=False).encode(ref["texts"], batch_size=2)  # mixed lengths: padding
    assert got.shape == (len(ref["texts"]), 384)
    assert np.abs(got - want).max() < 1e-5
    # bfloat16 products (the default where the CPU has them): the same directions
    fast = MiniLM(bf16=True).encode(ref["texts"], batch_size=2)
    assert (fast * want).sum(axis=1).min() > 0.9995


def test_minilm_segment_ids():
    """A pair's second text reads with segment id 1 (the stance cross-encoder); without
    segment ids every token is segment 0, as in sentence embedding."""
    import torch

    from newsprism.minilm import MiniLM

    enc = MiniLM(bf16=False)
    e = enc.tokenizer.encode("expel foreign troops", "We don't want them anymore.")
    assert set(e.type_ids) == {0, 1}
    ids = torch.tensor([e.ids])
    mask = torch.ones_like(ids, dtype=torch.bool)
    plain = enc.layer_states(ids, mask)[-1]
    zeros = enc.layer_states(ids, mask, torch.zeros_like(ids))[-1]
    pair = enc.layer_states(ids, mask, torch.tensor([e.type_ids]))[-1]
    assert torch.equal(plain, zeros)
    assert not torch.allclose(plain, pair)


def test_adapters_merge_into_their_own_matrices():
    """LoRA: an adapted matrix W becomes W + scale * B @ A; every other weight is the base's."""
    import torch

    from newsprism.stance_cross import merged

    base = {"l.q.weight": torch.ones(4, 3), "l.q.bias": torch.zeros(4), "l.k.weight": torch.ones(4, 3)}  # fmt: skip
    a, b = torch.arange(6.0).view(2, 3), torch.arange(8.0).view(4, 2)
    out = merged(base, {"l.q.lora_a": a, "l.q.lora_b": b}, scale=0.5)
    assert torch.equal(out["l.q.weight"], torch.ones(4, 3) + 0.5 * b @ a)
    assert out["l.k.weight"] is base["l.k.weight"] and out["l.q.bias"] is base["l.q.bias"]
    assert torch.equal(base["l.q.weight"], torch.ones(4, 3))  # the base is left as it was


def test_cross_encoder_reads_topic_and_text_together():
    """The shipped adapters load offline; the pair order matters (topic first, text cut)."""
    import numpy as np

    from newsprism.stance_cross import MAX_TOKENS, model

    cross = model()
    long_text = "We want the stadium built. " * 200
    p = cross.probabilities(["I strongly support the new stadium.", long_text, "."], ["build the stadium"] * 3)  # fmt: skip
    assert p.shape == (3, 3)
    assert np.allclose(p.sum(axis=1), 1.0, atol=1e-5)
    e = cross.tokenizer.encode("build the stadium", long_text)
    assert len(e.ids) == MAX_TOKENS and e.tokens[1:4] == ["build", "the", "stadium"]


def test_the_maker_of_the_decision_stands_for_it():
    lead = ("The agriculture ministry announced on Monday that it will ban triflumazole, one of "
            "the country's most used insecticides, from January 1.")  # fmt: skip
    who = decider(_nlp()(lead), "ban triflumazole")
    assert who == ["agriculture", "ministry"]
    assert decider(_nlp()(lead), "build a dam") is None  # the lead is about something else
    assert decider(_nlp()("The ministry did not ban triflumazole."), "ban triflumazole") is None
    assert headline_decider("Riverton Council Approves Night Curfew") == ["riverton", "council"]

    def by(text, role=None, affiliation=None):
        sp = Speaker(text, 0, 1, role=role, affiliation=affiliation)
        return Quote("x", 0, 1, "direct", "said", sp)

    assert backs(by("the ministry"), who) and backs(
        by("a spokesman", "spokesman", "agriculture ministry"), who
    )
    assert backs(by("Fiona Marsh", "council leader"), ["town", "council"])
    assert not backs(by("the finance ministry"), who) and not backs(by("Growers' Federation"), who)
    # a backer's quote is a vote for worth two quotes the model read
    quotes = [quote("a", "Ana", "against", 0.9), quote("b", "Ana", "against", 0.6)]
    assert aggregate(quotes, backers=[True, False]) == {
        "for": ["Ana"],
        "against": [],
        "neither": [],
    }


def test_a_headline_plan_must_act_on_a_policy():
    from newsprism.stages.stance import from_headline

    assert from_headline("Inside Trump's plan to battle the 15 investigations facing him") is None
    assert from_headline("Democrats launch bid to win over progressives") is None
    assert from_headline("Governor had decision to make about filling the vacant seat") is None
    assert from_headline("How To Argue About Title IX If The Rule Makes You Livid") == "Title IX"
    assert (
        from_headline("House Passes Bill to Defund Planned Parenthood")
        == "Defund Planned Parenthood"
    )
