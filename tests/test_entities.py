"""The Entities stage: mentions, merged aliases, titles, acronyms, and the seed."""

from __future__ import annotations

import pytest

from newsprism.pipeline import Pipeline
from newsprism.records import Article
from newsprism.stages.entities import Entities, entity_id, initials, title_case
from newsprism.stages.parse import Parse

from .conftest import SHARED

SEED = SHARED / "seed" / "000_b9e8d1aa8b426156.txt"


@pytest.fixture(scope="module")
def analyze():
    pipe = Pipeline(["layout", Parse(), Entities()], strict=True)

    def run(body: str, title: str = ""):
        art = Article(id="t", text=body, title=title, body=body, layout="exact")
        return {e.name: e for e in pipe(art).entities}

    return run


def test_initials():
    assert initials("Popular Mobilization Forces") == "PMF"
    assert initials("Organization of the Petroleum Exporting Countries") == "OPEC"


def test_ids_are_stable_and_typed():
    assert entity_id("PERSON", "Qassem Soleimani") == entity_id("PERSON", "qassem  soleimani")
    assert entity_id("PERSON", "Georgia") != entity_id("PLACE", "Georgia")


def test_surname_joins_full_name(analyze):
    ents = analyze("Maria Kovacs, a trade envoy, arrived on Monday. Kovacs said talks went well.")
    assert ents["Maria Kovacs"].type == "PERSON"
    assert [m.text for m in ents["Maria Kovacs"].mentions] == ["Maria Kovacs", "Kovacs"]


def test_two_people_sharing_a_surname_stay_apart(analyze):
    ents = analyze(
        "Mitt Romney said he was moving on. His wife, Ann, agreed. Ann Romney told Wallace she "
        "was disappointed. Romney said he would stay in politics. Mrs. Romney said she would not."
    )
    mitt, ann = ents["Mitt Romney"], ents["Ann Romney"]
    assert "Ann Romney" not in mitt.aliases and "Ann" in ann.aliases
    surnames = {m.start: name for name, e in ents.items() for m in e.mentions if m.text == "Romney"}
    # the lone surname is the principal, named first; "Mrs." makes it the wife
    assert [surnames[at] for at in sorted(surnames)] == ["Mitt Romney", "Ann Romney"]


def test_title_is_stripped(analyze):
    ents = analyze("President Trump met Gen. Tomas Ruiz in Madrid. Ruiz said little.")
    assert "Donald Trump" in ents and ents["Donald Trump"].mentions[0].text == "Trump"
    assert "Tomas Ruiz" in ents and len(ents["Tomas Ruiz"].mentions) == 2


def test_acronym_definition_merges(analyze):
    body = ("The Northern Farmers Alliance (NFA) rejected the plan. "
            "A spokesman for the NFA said the vote was rushed.")  # fmt: skip
    ents = analyze(body)
    nfa = ents["Northern Farmers Alliance"]
    assert nfa.type == "ORG"
    assert sorted(m.text for m in nfa.mentions) == ["NFA", "NFA", "Northern Farmers Alliance"]


@pytest.mark.parametrize("alias", ["ISIS", "Daesh", "ISIL", "Islamic State group"])
def test_known_alternative_names(analyze, alias):
    ents = analyze(f"The Islamic State lost ground. Officials said {alias} fighters fled.")
    assert {m.text for m in ents["Islamic State"].mentions} == {"Islamic State", alias}


def test_demonym_is_a_group_linked_to_country(analyze):
    ents = analyze("Iranian officials met Iraqi lawmakers in Baghdad.")
    assert ents["Iranians"].type == "GROUP" and ents["Iraqis"].type == "GROUP"


def test_title_mentions_index_the_title(analyze):
    title = "Kovacs Wins Vote in Budapest"
    ents = analyze("Maria Kovacs won the vote in Budapest on Sunday.", title=title)
    m = [m for m in ents["Maria Kovacs"].mentions if m.field == "title"][0]
    assert title[m.start : m.end] == "Kovacs"
    assert ents["Maria Kovacs"].salience == 1.0


@pytest.mark.skipif(not SEED.exists(), reason="needs ../shared/seed")
def test_seed():
    from newsprism.stages.places import Places

    pipe = Pipeline(["layout", Parse(), "dates", Entities(), Places()], strict=True)
    a = pipe(Article(id="seed", text=SEED.read_text(encoding="utf-8")))
    ents = {e.name: e for e in a.entities}
    texts = {name: {m.text for m in e.mentions} for name, e in ents.items()}
    assert texts["Qassem Soleimani"] == {"Qassem Soleimani", "Soleimani"}
    assert texts["Khalid Alrawi"] == {"Khalid Alrawi", "Alrawi"}
    assert {"IS group", "Islamic State", "Daesh"} <= texts["Islamic State"]
    assert {"US", "United States"} <= texts["United States"]
    assert sum(1 for e in a.entities if e.name == "United States") == 1
    baghdad, anbar = ents["Baghdad"].place, ents["Al Anbar"].place
    assert baghdad and baghdad.country == "IQ" and anbar and anbar.country == "IQ"


def mentions(entity) -> list[str]:
    return [m.text for m in entity.mentions]


def test_pronouns_and_nominal_references_link_where_clear(analyze):
    body = (
        "Labour Minister Ana Ruiz said she would resign. The minister gave no reason. "
        "The Harbour Workers Council said the council would strike.\n\n"
        '"We are tired," said Tom Berg, a docker. He said the port was unsafe.'
    )
    ents = analyze(body)
    assert mentions(ents["Ana Ruiz"]) == ["Ana Ruiz", "she", "The minister"]
    assert mentions(ents["Harbour Workers Council"]) == ["Harbour Workers Council", "the council"]
    assert mentions(ents["Tom Berg"]) == ["Tom Berg", "He"]


def test_pronouns_stay_unlinked_when_two_people_are_in_play(analyze):
    ents = analyze("Maria Kovacs met Ivan Petrov in Vienna. He said the talks went well.")
    assert "He" not in mentions(ents["Ivan Petrov"]) + mentions(ents["Maria Kovacs"])
    ents = analyze("Ms. Kovacs spoke first. He disagreed.")
    assert mentions(ents["Kovacs"]) == ["Kovacs"]  # a title gave her gender
    # a subject pronoun is not the person its own sentence names after it
    ents = analyze("Donald Trump denied it. She is daring Trump to sue her.")
    assert "She" not in mentions(ents["Donald Trump"])
    ents = analyze("Donald Trump denied it. He said the story was false.")
    assert "He" in mentions(ents["Donald Trump"])


def test_another_countrys_institution_is_not_the_us_one(analyze):
    ents = analyze("Australia's Senate rejected the bill. The Senate in Washington did not vote.")
    assert "United States Senate" in ents
    assert [m.text for m in ents["United States Senate"].mentions] == ["Senate"]
    ents = analyze("The Australian Senate rejected the bill.")
    assert "United States Senate" not in ents


def test_a_named_institution_is_an_organisation(analyze):
    """The NER reads "Riverton College" as a place; its last word makes it a body."""
    ents = analyze(
        "Dr Naomi Feld, a criminologist at Riverton College, said the evidence was thin."
    )
    assert ents["Riverton College"].type == "ORG"
    # an adjective the NER took in is no part of the name
    ents = analyze("Hundreds came since the national Resettlement Agency announced the scheme.")
    assert "Resettlement Agency" in ents


def test_laws_days_and_tags_are_not_people(analyze):
    ents = analyze(
        "Sen. Patrick Leahy (D-Vt.) said the Clean Air Act and the Voting Rights Act were never "
        "debated on Election Day, and the House Speaker agreed. Leahy spoke for an hour."
    )
    people = {name for name, e in ents.items() if e.type == "PERSON"}
    assert people == {"Patrick Leahy"}


def test_a_phrase_of_common_words_is_no_person(analyze):
    ents = analyze(
        "Trump wants to end Birthright Citizenship and Temporary Protected Status, and defend "
        "the Travel Ban, Sen. Lindsey Graham said. The book, Chaos Monkeys, was written by "
        "Antonio Garcia Martinez."
    )
    people = {name for name, e in ents.items() if e.type == "PERSON"}
    assert people == {"Donald Trump", "Lindsey Graham", "Antonio Garcia Martinez"}


def test_a_surname_the_alias_table_knows_keeps_to_its_first_name_and_title(analyze):
    ents = analyze(
        "First lady Michelle Obama told People magazine about a shopper at Target. Mrs. Obama "
        "laughed. President Obama said nothing. Barack Obama left."
    )
    assert ents["Michelle Obama"].type == ents["Barack Obama"].type == "PERSON"
    michelle = {m.start for m in ents["Michelle Obama"].mentions}
    barack = {m.start for m in ents["Barack Obama"].mentions}
    text = "First lady Michelle Obama told People magazine about a shopper at Target. Mrs. "
    assert len(text) in michelle  # "Mrs. Obama" is Michelle
    assert not michelle & barack and len(barack) == 2  # "President Obama", "Barack Obama"


@pytest.mark.parametrize(
    ("name", "type_", "dropped"),
    [
        ("Jury", "PERSON", True),  # a capitalised common word the NER took for a name
        ("Remain", "PLACE", True),
        ("Buffalo", "PLACE", False),  # a place the gazetteer knows
        ("Grace", "PERSON", False),  # a first name
        ("Target", "ORG", False),  # a body may well be a common word
    ],
)
def test_one_common_word_is_no_person_or_place(name, type_, dropped):
    from newsprism.records import Entity, Mention
    from newsprism.stages.entities import Span

    group = [Span(name, 0, len(name), "body", type_, strength=2)]
    entity = Entity(entity_id(type_, name), name, type_, (), 1.0, (Mention(name, 0, len(name)),))
    assert Entities()._common_word(entity, group) is dropped


def test_the_people_of_a_place_are_a_group():
    from newsprism.stages.entities import Span

    entities = Entities()
    assert entities._type([Span("Texans", 0, 6, "body", "PLACE", strength=2)]) == "GROUP"
    assert entities._type([Span("Texas", 0, 5, "body", "PLACE", strength=2)]) == "PLACE"


def test_a_disease_is_no_organisation(analyze):
    ents = analyze("Sixteen cadets tested positive for COVID-19, the Army said. Covid cases rose.")
    assert ents["COVID-19"].type == "OTHER" and ents["COVID-19"].aliases == ("Covid",)


def test_a_company_by_its_legal_form(analyze):
    ents = analyze("India told Mahanagar Telephone Nigam Limited to use local gear.")
    assert ents["Mahanagar Telephone Nigam Limited"].type == "ORG"


def test_one_name_of_several_words_is_one_entity_and_feasts_are_none(analyze):
    ents = analyze(
        "J Street said it was proud of its role. Critics of J Street called the group a front. "
        "At Easter, J Street staff were on holiday."
    )
    assert [name for name in ents if "Street" in name] == ["J Street"] and "Easter" not in ents


def test_party_and_state_tags_are_no_entities(analyze):
    ents = analyze(
        "Sen. Dianne Feinstein (D-Calif.) and Rep. Val Demings (D-Fla.) wrote to Gov. Greg "
        "Abbott (R-Texas) on Friday. State Sen. Dennis Kruse (R-14) replied on Nov. 3."
    )
    assert not [name for name in ents if name.startswith(("D-", "R-", "Nov"))]


def test_one_word_is_one_entity_unless_a_persons_name_holds_it():
    from newsprism.stages.entities import Span

    spans = [
        Span("Monsanto", 0, 8, "body", "ORG", strength=2),
        Span("Monsanto", 40, 48, "body", "PERSON", strength=2),
        Span("Michael Jordan", 60, 74, "body", "PERSON", strength=2),
        Span("Jordan", 83, 89, "body", "PLACE", strength=3),
        Span("Jordan", 100, 106, "body", "PERSON", strength=2),
    ]
    found = sorted((e.name, e.type, len(e.mentions)) for e in Entities().merge(spans))
    assert found == [
        ("Jordan", "PLACE", 1),
        ("Michael Jordan", "PERSON", 2),
        ("Monsanto", "ORG", 2),
    ]


def test_names_in_a_line_of_capitals(analyze):
    ents = analyze(
        "Trump tweeted on Saturday. SO DANGEROUS! IRAN, LIBYA and SUDAN are on the list. "
        "NO COLLUSION, NO CRIME."
    )
    types = {name: e.type for name, e in ents.items()}
    assert types["Libya"] == types["Sudan"] == "PLACE"  # the gazetteer knows them; named so
    assert "SO DANGEROUS" not in types and "NO CRIME" not in types


def test_the_president_is_not_the_vice_president_nor_a_subject_after_a_comma(analyze):
    ents = analyze(
        "The president said he had directed Vice President Joseph Biden to lead the effort. "
        "Accompanied by Mr. Biden, the president signaled his support for new limits."
    )
    biden = next(e for e in ents.values() if "Biden" in e.name)
    assert "the president" not in mentions(biden)


def test_common_words_capitalised_by_a_headline_or_capitals_are_no_names(analyze):
    ents = analyze(
        "EASLEY, S.C. — Donald Trump met Alan Dershowitz on Monday.\n\nGRIDLOCK\n\n"
        "Senators said TRUMP and DERSHOWITZ had talked. LEADERSHIP STYLE mattered.",
        title="Companies Get First Tariff Waivers, but Many More Are Left in Limbo",
    )
    assert {"Tariff Waivers", "Limbo", "GRIDLOCK", "LEADERSHIP STYLE"}.isdisjoint(ents)
    assert "TRUMP" in mentions(ents["Donald Trump"])  # "trump" is a word, Trump a name here
    assert "DERSHOWITZ" in mentions(ents["Alan Dershowitz"])
    assert ents["Easley"].type == "PLACE"  # a dateline


def test_title_case():
    assert title_case("Companies Get First Tariff Waivers, but Many More Are Left in Limbo")
    assert not title_case("Trump says he will pardon conservative commentator D'Souza")


def test_a_common_word_opening_a_sentence_is_no_name_and_a_full_name_keeps_its_type(analyze):
    ents = analyze(
        "Rain fell as the leaders gathered in Paris. Bells tolled across Europe. Justice Ruth "
        "Bader Ginsburg dissented. Ginsburg said the ruling was wrong. Ginsburg wrote more."
    )
    assert "Rain" not in ents and "Bells" not in ents and "Paris" in ents
    assert ents["Ruth Bader Ginsburg"].type == "PERSON"  # the full name's type, however many
    # times the NER read the surname alone as something else


def test_a_name_joined_by_and_is_no_person(analyze):
    ents = analyze("The Black Caucus and Congressional leaders objected. Bruce Morrison spoke.")
    assert all(" and " not in name for name, e in ents.items() if e.type == "PERSON")
    assert ents["Bruce Morrison"].type == "PERSON"


def test_centres_are_bodies_wars_events_and_lone_titles_no_entities(analyze):
    ents = analyze(
        "Rabbi Marvin Hier of the Simon Wiesenthal Center said the Anne Frank Center was wrong. "
        "The Secretary said World War II shaped Roe v. Wade. He won the Nobel Peace Prize. "
        "Hier spoke at the National Museum on Tuesday."
    )
    assert ents["Simon Wiesenthal Center"].type == "ORG"
    assert ents["Anne Frank Center"].type == "ORG"
    people = {name for name, e in ents.items() if e.type == "PERSON"}
    assert people == {"Marvin Hier"}
    assert "Secretary" not in ents
    assert ents["World War II"].type == "EVENT"
    assert ents["Roe v. Wade"].type == ents["Nobel Peace Prize"].type == "OTHER"


def test_a_paper_and_a_project_are_bodies_and_newsom_a_person(analyze):
    ents = analyze(
        "She told the Springfield News-Leader that the Protection Project was helping. "
        "Gavin Newsom agreed."
    )
    assert ents["Springfield News-Leader"].type == ents["Protection Project"].type == "ORG"
    assert ents["Gavin Newsom"].type == "PERSON"


def test_a_capital_or_a_states_abbreviation_the_ner_took_for_someone_is_a_place(analyze):
    ents = analyze(
        "Pyongyang said it would test again. Sen. Gary Peters (D-Mich.) said the launch was a "
        "threat. Jordan Mills, a diplomat, disagreed."
    )
    assert ents["Pyongyang"].type == "PLACE"
    assert "Mich." not in ents or ents["Mich."].type == "PLACE"
    assert ents["Jordan Mills"].type == "PERSON"


def test_a_storm_is_an_event_and_goes_by_its_name_alone(analyze):
    ents = analyze(
        "Tropical Storm Harvey refused to go away. Harvey battered Texas, as Hurricane Katrina "
        "had done in 2005. Mayor Sylvester Turner spoke."
    )
    assert ents["Tropical Storm Harvey"].type == ents["Hurricane Katrina"].type == "EVENT"
    assert "Harvey" in ents["Tropical Storm Harvey"].aliases and "Harvey" not in ents
    # whatever its lone name was taken for ("Maria", an organisation to the NER)
    ents = analyze(
        "Washington (CNN) Nearly 3,000 people died in the aftermath of Hurricane Maria in "
        "Puerto Rico. Maria hit in 2017."
    )
    assert ents["Hurricane Maria"].type == "EVENT" and "Maria" in ents["Hurricane Maria"].aliases


def test_the_state_of_the_union_is_an_event_and_a_names_tail_no_name(analyze):
    ents = analyze(
        "President Trump used his first State of the Union address to challenge Democrats. The "
        "State of the Union drew 46 million viewers, the White House said."
    )
    assert ents["State of the Union"].type == "EVENT"
    assert "of the Union" not in ents and ents["White House"].type == "ORG"


def test_a_name_ends_on_a_word_of_its_own_and_titles_alone_are_no_name(analyze):
    ents = analyze(
        "In Arizona, Mirasol Recovery Centers and Desert Star Addiction Recovery Center offer "
        "treatment. Both are to brief members of the House Foreign Affairs and Senate Foreign "
        "Relations committees in private. Minutes later, he and Vice President-elect came out "
        "the door."
    )
    assert "Mirasol Recovery Centers" in ents
    assert not {"Relations", "President-elect", "Mirasol Recovery Centers and"} & set(ents)


def test_one_middle_initial_does_not_make_another_president_the_same(analyze):
    ents = analyze("George H. W. Bush was president before his son George W. Bush.")
    assert {"George H. W. Bush", "George W. Bush"} <= set(ents)


def test_a_body_before_a_title_is_no_person_and_an_opening_said_no_name(analyze):
    ents = analyze(
        "House Intelligence Chairman Adam Schiff said he would widen the inquiry. House "
        'Minority Leader Kevin McCarthy disagreed.\n\nSaid Gen. Morrow: "We are ready."'
    )
    assert ents["House Intelligence"].type == "ORG"
    assert not {"House Minority", "Said Gen. Morrow"} & set(ents)
    assert {"Adam Schiff", "Kevin McCarthy"} <= set(ents)


def test_a_hyphen_in_a_name_is_a_space_when_a_surname_joins_it(analyze):
    ents = analyze(
        "Rep. Alexandria Ocasio-Cortez voted against it. Ocasio Cortez said so. Bashar "
        "al-Assad was silent; Assad rarely speaks."
    )
    assert set(ents["Alexandria Ocasio-Cortez"].aliases) >= {"Ocasio Cortez"}
    assert "Assad" in ents["Bashar al-Assad"].aliases


def test_a_name_in_a_capitals_line_joins_the_table_s_entity(analyze):
    ents = analyze(
        "Trump signed the bill on Friday.\n\nTRUMP PREDICTS REPEAL WILL KILL THE LAW\n\nThe "
        "legislation also lets Trump say he is working to dismantle it."
    )
    assert "TRUMP" in ents["Donald Trump"].aliases
    assert "Trump" not in ents


def test_a_state_and_a_party_member_name_no_body(analyze):
    ents = analyze(
        "Senate Majority Leader Mitch McConnell, the Kentucky Republican, said the bill would "
        "pass. Rep. Tim Ryan, an Ohio Democrat, disagreed."
    )
    assert not {"Kentucky Republican", "Ohio Democrat"} & set(ents)


def test_a_namesake_with_a_generation_mark_is_another_person(analyze):
    ents = analyze(
        "Donald Trump spoke on Monday. His son, Donald Trump Jr., denied it. Trump Jr. was sad, "
        "Trump said. Robert F. Kennedy Jr. spoke too; Kennedy was glad."
    )
    assert ents["Donald Trump"].aliases == ("Trump",)
    assert ents["Donald Trump Jr."].aliases == ("Trump Jr.",)
    assert ents["Robert F. Kennedy Jr."].aliases == ("Kennedy",)


def test_a_name_after_a_title_is_a_person_whatever_its_surname_alone_was(analyze):
    ents = analyze(
        "Liberal Justice Ruth Bader Ginsburg wrote a dissent. Ginsburg said the court erred. "
        "Inspector General Steve Linick was fired. IG Linick had been investigating.\n\n"
        "David A. Graham, The Atlantic\n\nIt was fine, Ann Roe told CNN affiliate WFAA\n\nNo."
    )
    assert ents["Ruth Bader Ginsburg"].type == "PERSON"
    assert ents["Steve Linick"].aliases == ("Linick",)
    assert all("\n" not in name for name in ents)


def test_a_festival_a_summit_and_a_market_index_are_no_people(analyze):
    ents = analyze(
        "The Dow Jones Industrial Average fell 300 points. Leaders met at the Inter Korean "
        "Summit on Friday."
    )
    assert ents["Dow Jones Industrial Average"].type == "OTHER"
    assert all(e.type != "PERSON" for e in ents.values())


def test_a_first_name_the_ner_took_for_a_body_joins_the_full_name(analyze):
    ents = analyze(
        "Oprah Winfrey spoke at the Golden Globes.\n\nAddressing victims of sexual abuse, Oprah "
        "noted that the recent revelations go well beyond the entertainment industry."
    )
    assert ents["Oprah Winfrey"].aliases == ("Oprah",) and "Oprah" not in ents


def test_said_before_a_name_and_a_colon_is_the_verb(analyze):
    ents = analyze("Paul Ryan spoke. Said Ryan: “Leaders change polls.” Said Jalili met the envoy.")
    assert "Said Ryan" not in ents and ents["Paul Ryan"].aliases == ("Ryan",)


def test_a_wire_story_code_is_no_name():
    from newsprism.stages.entities import _a_name

    # Reuters' "[L1N1U519A]" after a paragraph; names with digits stay names
    assert not _a_name("L1N1U519A") and not _a_name("L2N2CA27E")
    assert all(_a_name(n) for n in ("G20", "COVID-19", "MH17", "H1N1", "A320neo"))


def test_a_body_the_table_knows_by_a_surname_is_the_person_named_in_full(analyze):
    ents = analyze(
        "Michael Bloomberg has had a week of bad press. In 2012, Bloomberg launched the Latch "
        "On NYC initiative. Hoyer traveled to Israel with Rep. Steve Israel."
    )
    assert ents["Michael Bloomberg"].aliases == ("Bloomberg",) and "Bloomberg News" not in ents
    assert ents["Israel"].type == "PLACE"  # a country stays a country
    assert analyze("Bloomberg reported the deal.")["Bloomberg News"].type == "ORG"


def test_two_bodies_the_ner_ran_together_are_two(analyze):
    ents = analyze(
        "Analysis by the Joint Committee on Taxation and Congressional Budget Office undercuts "
        "such beliefs."
    )
    assert {"Joint Committee on Taxation", "Congressional Budget Office"} <= set(ents)


def test_a_body_named_after_its_place_is_the_body(analyze):
    ents = analyze(
        "The Los Angeles Times and U.S. Steel agreed, said the U.S. Trade Commission. The U.S. "
        "House voted."
    )
    assert {"Los Angeles Times", "U.S. Steel", "U.S. Trade Commission"} <= set(ents)
    assert "Los Angeles" not in ents
    assert ents["United States"].type == "PLACE"  # a country's house: the place counts too


def test_a_paper_by_its_last_word_and_no_lone_title_or_new_year(analyze):
    ents = analyze(
        "The Wall Street Journal said Democrats are tuning out. The Journal reported more. "
        "Pope Francis spoke on New Year's Day. The Pope said the New Year would be good."
    )
    assert ents["The Wall Street Journal"].aliases == ("Journal",)
    assert not {"Pope", "New Year"} & set(ents)


def test_the_president_is_whom_a_title_names_not_the_name_after_a_sentence(analyze):
    ents = analyze(
        "President Donald Trump spoke. Jane Roe smiled at the president. Sarah Lee, the "
        "president's aide, left."
    )
    assert "the president" in [m.text for m in ents["Donald Trump"].mentions]
    assert all(m.text != "the president" for m in ents["Jane Roe"].mentions)
    assert all(m.text != "the president" for m in ents["Sarah Lee"].mentions)


def test_a_body_holding_a_people_is_the_body(analyze):
    ents = analyze(
        "The American Enterprise Institute and the American Medical Association agreed. The "
        "National Iranian American Council objected. Americans voted."
    )
    assert {"American Enterprise Institute", "American Medical Association",
            "National Iranian American Council", "Americans"} <= set(ents)  # fmt: skip
