"""Quotes: who said what, direct and reported, attributed to a speaker with role and affiliation.

How a quote is found and attributed, in order:

1. Direct quotes are the text between quotation marks (curly, straight, single, or two
   apostrophes as The New York Times prints them), long enough and sentence-like enough to be
   speech rather than a scare-quoted phrase or a title. A quote left open at the end of a
   paragraph and reopened at the start of the next continues: both parts share a speaker.
2. Its cue is a speech verb (or "according to") in the quote's sentences but outside the
   marks; its speaker is that verb's subject. A quote with no cue of its own continues the
   previous quote's speaker when it follows it closely. A quote interrupted by its own
   attribution ("“The first part,” she said. “The rest.”") is one quote across it.
3. Reported speech is a speech verb with a clause as its complement ("X said that ...",
   "..., saying the strike had been ...", "vowed to ...", "asked Obama what ..."), the clause
   before a cue that follows it ("Turnout was high, officials said.", "..., said Ms. Gil"), or
   around a cue set off by commas ("A new manager, he said, could ..."), what "according to X"
   reports, the noun object of some speech verbs ("announced a new ad"), or a call ("called
   on the government to expel ...", "called the deal a disaster"); a clause holding a short
   quoted fragment makes the quote mixed.
4. Speakers are names, descriptions ("one protester") or bodies ("the Iraqi parliament");
   a title heading a name ("Secretary of State John Kerry") is that name; pronouns and role
   nouns ("he", "the MP") resolve to the last named subject among the last few names outside
   quotes, else the last name.
   Role and affiliation come from appositions ("an MP for the Al Sadiqoun party"), titles
   before a name ("Prime Minister ...") and relative clauses (the description).
"""

from __future__ import annotations

import functools
import gzip
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..genders import first_names, gender_of
from ..geo import DATA, US_ABBREVIATIONS
from ..records import Analysis, Quote, Speaker
from ..syntax import (
    OBJECTS,
    RECIPIENTS,
    clause_end,
    comma_before,
    dateline,
    doc_text,
    entity_at,
    passive_subject,
    phrase,
    prep_object,
    prep_objects,
    sentence_before,
    subject,
)
from .entities import GENERATIONS, ORG_WORDS, PARTY_TAG, title_gender

SPEECH = frozenset(
    """say tell add state claim report write explain announce argue ask insist note respond reply
    declare tweet warn suggest acknowledge admit deny confirm recall complain concede contend predict
    promise assert maintain stress emphasize emphasise observe remark testify vow allege boast quip
    joke scoff shout mention describe indicate answer comment reiterate caution counter conclude
    estimate told post posted write interject exclaim retort lament muse""".split()
)
CALLS = frozenset("call urge demand appeal press plead".split())  # reported calls: "called on X to"
# what one says of another in quoted words: "X accused the ministry of “...”", "called it “...”"
CHARACTERISES = frozenset("accuse call describe condemn brand label dub liken denounce".split())
ASKERS = frozenset("tell ask warn promise assure remind inform urge".split())  # take a recipient
SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})  # speak for someone
# who works for a person, whose name is then the affiliation: "a Trump aide", "a lawyer for Cohen"
SERVES = SPOKESPEOPLE | frozenset(
    "aide adviser advisor lawyer attorney ally surrogate staffer".split()
)
# "a spokesman", "one lawmaker", "other officials", "no other senator": someone new
INDEFINITE = frozenset({"a", "an", "another", "one", "some", "other", "no"})
# what a pronoun of each kind may stand for: "it" a body or a country ("China said it would
# respond"), "they" a body or a group
PRONOUN_REFERENTS: dict[str, tuple[str, ...]] = {"GROUP": ("ORG", "GROUP"), "ORG": ("ORG", "PLACE")}
PRONOUNS = {"he": "PERSON", "she": "PERSON", "him": "PERSON", "her": "PERSON", "they": "GROUP",
            "it": "ORG", "i": "PERSON", "we": "GROUP"}  # fmt: skip
TITLES = frozenset(
    """councillor councilor councilman councilwoman alderman commissioner superintendent sheriff
    inspector captain trustee dean provost vicar reverend rev. lord lady sir dame envoy mep
    assemblyman assemblywoman congressman congresswoman
    president vice prime minister secretary senator sen. rep. representative gov. governor mayor
    chancellor king queen prince general gen. col. colonel lt. sgt. commander chief director chairman
    chairwoman chair ceo spokesman spokeswoman spokesperson ambassador judge justice mp lawmaker
    leader speaker premier pope cardinal bishop rabbi imam sheikh dr. mr. mrs. ms. dr mr mrs ms professor
    executive officer
    prof. deputy foreign defense defence interior finance health attorney sen gov""".split()
)
# a party's member named by party, "the Ohio Republican said": the person named before
# US states by name, to their postal codes: "the Nevada Democrat" is tied to NV
_STATES = """AL Alabama|AK Alaska|AZ Arizona|AR Arkansas|CA California|CO Colorado|CT Connecticut|
DE Delaware|FL Florida|GA Georgia|HI Hawaii|ID Idaho|IL Illinois|IN Indiana|IA Iowa|KS Kansas|
KY Kentucky|LA Louisiana|ME Maine|MD Maryland|MA Massachusetts|MI Michigan|MN Minnesota|
MS Mississippi|MO Missouri|MT Montana|NE Nebraska|NV Nevada|NH New Hampshire|NJ New Jersey|
NM New Mexico|NY New York|NC North Carolina|ND North Dakota|OH Ohio|OK Oklahoma|OR Oregon|
PA Pennsylvania|RI Rhode Island|SC South Carolina|SD South Dakota|TN Tennessee|TX Texas|UT Utah|
VT Vermont|VA Virginia|WA Washington|WV West Virginia|WI Wisconsin|WY Wyoming"""
STATE_NAMES = {name: code for code, name in (s.strip().split(" ", 1) for s in _STATES.split("|"))}
US_CODES = frozenset(STATE_NAMES.values())
_STATE_NAME = re.compile(r"\b(?:" + "|".join(sorted(STATE_NAMES, key=len, reverse=True)) + r")\b")
HONORIFICS = frozenset("Mr Mr. Mrs Mrs. Ms Ms. Miss Mx Mx.".split())
PARTY_MEMBERS = frozenset("republican democrat independent conservative liberal tory".split())
GENERIC_HEADS = (
    "party",
    "group",
    "movement",
    "faction",
    "organisation",
    "organization",
    "coalition",
)
BREAKS = frozenset({",", "--", "—", "–"})  # what parts a clause from a cue after it
CUE_LEFT = frozenset({"nsubj", "nsubj:pass", "aux", "aux:pass", "advmod", "neg", "expl"})
CUE_RIGHT = frozenset({"nsubj", "nsubj:pass", "obl", "obl:tmod", "obl:npmod", "advmod", "iobj",
                       "nmod:tmod", "npadvmod", "prep", "agent", "obl:agent"})  # fmt: skip
MARKS = frozenset({"”", '"', "''", "’", "'", "»"})  # closing quotation marks
# speech verbs whose noun object is seldom what was said: "wrote a book", "maintained control"
NOT_OBJECT = frozenset("say tell write add maintain claim admit state concede answer".split())
WH_WORDS = frozenset("what whether how why who whom when where which if".split())
TIMES = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday
    tonight spring summer fall autumn winter week month year minutes hours moments days weeks
    months years""".split()
)
_BODIES = ("ORG", "GROUP", "PLACE")
NAMED_DEPS = frozenset({"flat", "flat:name", "appos", "compound", "nmod:desc"})  # title -> name
PASSIVE_AUX = frozenset({"aux:pass", "auxpass"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "expl", "csubj"})
_OPEN = {"“": "”", '"': '"', "«": "»", "‘": "’"}
SAYS = frozenset(
    "said says say wrote writes write tweeted added told asked replied declared "
    "shouted yelled posted chanted read reads".split()
)  # before speech, not a title
MIN_WORDS = 2  # a quote with a cue: one quoted word is a term, not a quote
MIN_UNATTRIBUTED_WORDS = 8  # shorter quoted text with no cue or speaker is a title or phrase
MIN_REPORTED_WORDS = 2  # shorter reported "speech" is a misparse ("said Monday")
MIXED_WORDS = 2  # words of reported speech around a quote that make it a mixed quote
INTERRUPTION = 200  # characters: an attribution this short between two quotes joins them
# what carries a source's words, not the source: "according to data from the CDC"
CONDUITS = frozenset("reporting report data datum figure document statement estimate analysis "
                     "survey poll study record filing account".split())  # fmt: skip
ANTECEDENTS = 3  # names back that a pronoun speaker may stand for
FAR_ANTECEDENTS = 12  # and where none of those may be, how far back it may look
GENDERS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
CONTINUE_WITHIN = 600  # characters: a following cue-less quote continues the last speaker


@dataclass
class Found:
    """A quote before it is frozen into a record."""

    start: int
    end: int
    kind: str
    cue: Any = None  # the cue token (or "according")
    speaker: Any = None  # the speaker token
    chain: int | None = None  # multi-paragraph quote id


@functools.lru_cache(maxsize=4)  # one article's text is read by entities and quotes, twice
def direct_spans(text: str) -> tuple[tuple[int, int, int | None], ...]:
    """(start, end, chain) of the text inside quotation marks; chain links paragraph parts."""
    return tuple(_direct_spans(text))


def _direct_spans(text: str) -> list[tuple[int, int, int | None]]:
    out: list[tuple[int, int, int | None]] = []
    chain_id = 0
    open_at: int | None = None
    closer = ""
    i = 0
    para_start = 0
    while i < len(text):
        c = text[i]
        if text.startswith("\n\n", i):
            if open_at is not None:  # an open quote at the end of a paragraph
                nxt = text[i:].lstrip("\n")
                j = len(text) - len(nxt)
                mark = 2 if nxt.startswith("''") else 1 if nxt[:1] in _OPEN else 0
                if mark:  # ... reopened: the quote goes on
                    out.append((open_at, i, chain_id))
                    open_at, i = j + mark, j + mark
                    continue
                open_at = None
            i += 2
            para_start = i
            continue
        if text.startswith("''", i):  # two apostrophes: a double mark (The New York Times)
            if open_at is None:
                open_at, closer = i + 2, "''"
                chain_id += 1
            elif closer in ("''", '"', "”"):  # also "...'' (Newsmax); ''' closes a single
                # quote inside, then the double one
                end = i + 1 if text.startswith("'''", i) else i
                out.append((open_at, end, chain_id))
                open_at, i = None, end + 2
                continue
            i += 2
            continue
        if open_at is None and c in _OPEN:
            if c == "‘" and not _opens_single(text, i):
                i += 1
                continue
            if c == '"' and i > para_start and text[i - 1].isalnum():
                i += 1  # inch marks and the like
                continue
            open_at, closer = i + 1, _OPEN[c]
            chain_id += 1
        elif open_at is not None and _closes(text, i, closer):
            out.append((open_at, i, chain_id))
            open_at = None
        i += 1
    # chains of one part are plain quotes
    counts: dict[int | None, int] = {}
    for _, _, ch in out:
        counts[ch] = counts.get(ch, 0) + 1
    return [(s, e, ch if counts[ch] > 1 else None) for s, e, ch in out]


def _closes(text: str, i: int, closer: str) -> bool:
    """Whether the mark at i closes a quote: its closer, or any double mark closing a double quote
    (“...", "...”, and “...“ before a space or punctuation)."""
    c = text[i]
    if c == closer:
        return not (c == "’" and _apostrophe(text, i))
    after = text[i + 1 : i + 2]
    return closer in '”"' and (c in '”"' or (c == "“" and not after.isalnum()))


def _phrase_like(text: str, start: int, end: int) -> bool:
    """A title ("This Week", "Neocons For Hillary") or a few words quoted inside a sentence
    ("called it a “market accident”"), rather than speech."""
    quoted = text[start:end].strip()
    words = quoted.split()
    before = text[:start].rstrip("“\"‘'«").rstrip(" ")
    if not words:
        return False
    if quoted.rstrip("'’”\"").endswith((".", "!", "?")):  # a sentence, unless a title ends one:
        # 'Trump appeared on the “Tonight Show.”', 'the 2010 campaign “Pledge to America.”'
        last = before.rsplit(None, 1)[-1] if before else ""
        capitalised = [w for w in words if len(w) > 3]
        # (or after an outlet's possessive: 'told Fox News’ “America’s Newsroom.”')
        return (quoted.endswith(".") and len(words) <= 8 and len(capitalised) >= 2
                and all(w[0].isupper() for w in capitalised)
                and (last.isalpha() and last.islower() and last not in SAYS
                     or last[:1].isupper() and last.endswith(("’", "'", "’s", "'s"))))  # fmt: skip
    title = len(words) <= 6 and all(w[0].isupper() for w in words if len(w) > 3)
    inside = before[-1:].isalpha() and words[0][0].islower()
    return title or (inside and len(words) <= 3)


def _opens_single(text: str, i: int) -> bool:
    return (i == 0 or not text[i - 1].isalnum()) and text[i + 1 : i + 2].isalpha()


def _apostrophe(text: str, i: int) -> bool:
    """’ between letters (don’t) or after a plural s (voters’) is an apostrophe, not a close."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalpha() and after.isalpha()


def _verbal(tok: Any) -> bool:
    """A verb, or a word the tagger missed as one but the parser gave a subject or a clause."""
    return tok.pos_ in ("VERB", "AUX") or any(
        c.dep_ in ("nsubj", "ccomp", "parataxis") for c in tok.children
    )


def _is_cue(tok: Any) -> bool:
    if tok.lemma_.lower() == "read" and tok.pos_ == "VERB":
        return _document_reads(tok)
    if tok.tag_ == "JJ" and tok.dep_ == "amod":
        return False  # "the alleged message"
    return (tok.lemma_.lower() in SPEECH or tok.lower_ in SPEECH) and _verbal(tok)


def _characterises(verb: Any, start: int, end: int) -> bool:
    """A verb that says what someone or something is, in the quoted words: "Its spokeswoman,
    Hanne Dijkstra, accused the ministry of “signing away a national reserve”", "condemned the
    test as a “grave threat”" (not in the passive: "he was accused of “...”")."""
    return (
        verb.lemma_.lower() in CHARACTERISES
        and verb.pos_ == "VERB"
        and passive_subject(verb) is None
        and verb.left_edge.idx <= start
        and end <= verb.right_edge.idx + len(verb.right_edge) + 1
    )


# what a text "reads" as its words: "“...,” the statement reads", "reads the website of ..."
DOCUMENTS = frozenset("statement message letter note sign website site post tweet email memo "
                      "banner headline caption placard card text release notice".split())  # fmt: skip


def _document_reads(verb: Any) -> bool:
    """Whether "read" quotes a document ("the statement read", "reads the website of ...";
    not "read this story", "she read the letter aloud")."""
    return _document_read(verb) is not None and not any(
        c.dep_ in ("obj", "dobj") and c.i > verb.i and c.lemma_.lower() not in DOCUMENTS
        for c in verb.children
    )


def _document_read(verb: Any) -> Any | None:
    """The document that "reads": the verb's subject ("the statement reads", "a portion of
    the message read"), or its object after the quote ("“...,” reads the website of ...")."""
    found = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if found is None and _inverted(verb):
        found = next((c for c in verb.rights if c.dep_ in ("obj", "dobj")), None)
    if found is not None and found.lemma_.lower() in ("portion", "part", "excerpt"):
        found = prep_object(found, "of")
    return found if found is not None and found.lemma_.lower() in DOCUMENTS else None


# when something was said, before the "that" of what was: "said Thursday that ...", "told
# reporters late Friday that ...", "said last August that ..."
_WHEN_SAID = re.compile(
    r"(?:(?:on|last|this|next|earlier|later|late|early|privately|publicly|again|also|"
    r"afterwards?|yesterday|today|tonight|recently|morning|afternoon|evening|night|day|week|"
    r"month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|"
    r"march|april|may|june|july|august|september|october|november|december),?\s+){1,4}"
    r"that\s+(?!(?:may|might|will|would|could|should|can|is|was|has|have|had)\b)",
    re.IGNORECASE,
)  # (not a relative "that": "spoke publicly that may have helped ...")


def _past_when(text: str, start: int, end: int) -> int:
    """Where reported speech starts once a leading time and its "that" are left out."""
    m = _WHEN_SAID.match(text, start, end)
    return m.end() if m and m.end() < end else start


def _non_speaker(tok: Any) -> bool:
    """A common noun news almost never makes a source ("time", "chances", "the failure";
    training/build_non_speakers.py), not a part ("a number of them"), a document or a noun
    with a name in it."""
    if tok.pos_ != "NOUN" or tok.ent_type_ or tok.lower_ not in non_speakers():
        return False
    if tok.is_title and not tok.is_sent_start:  # a name the NER missed: "Freedom From Facebook"
        return False
    forms = {tok.lower_, tok.lemma_.lower(), tok.lower_.removesuffix("s")}
    named = any(
        t.ent_type_ and t.dep_ in ("compound", "conj", "flat", "appos", "nmod") for t in tok.subtree
    )  # "Texas and 19 other states", not "Facebook's action"
    return not (forms & PARTS or forms & CONDUITS or named)


@functools.cache
def non_speakers() -> frozenset[str]:
    with gzip.open(DATA / "non_speakers.txt.gz", "rt", encoding="utf-8") as f:
        return frozenset(line.strip() for line in f if not line.startswith("#"))


def _subject(verb: Any) -> Any | None:
    """The speaker of a cue verb: its subject, the agent of a passive, or its head's subject."""
    after = _after_comma(verb)
    if after is not None:
        return after
    # what a document "reads": "a portion of the message read", "“...,” reads the website of"
    found = _document_read(verb) if verb.lemma_.lower() == "read" else subject(verb)
    if found is not None and _quoted(found) and not _quoted(verb):
        # “I am — like many of my former colleagues — alive today,” said ...: not "many"
        found = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and not _quoted(c)), None)
    if found is None and passive_subject(verb) is not None:
        found = prep_object(verb, "by")
    if found is not None and found.tag_ in ("VBG", "VBN"):  # "Looking back, McLoone, ... said":
        found = next((c for c in found.children if c.pos_ in ("PROPN", "NOUN") and c.dep_ in (
            "vocative", "appos", "dep", "nsubj")), None)  # fmt: skip
    if found is not None and (found.is_space or found.is_punct or found.lower_ in TIMES
                              or _non_speaker(found) and verb.lemma_.lower() != "read"):  # fmt: skip
        found = None  # a misparse: "Tuesday said ...", a line break, "only time will tell"
    if found is not None and found.ent_type_ != "PERSON":
        found = _person_in_subject(found)
    named = _name_before_commas(verb) if found is None or _nameless(found) else None
    if named is not None and (
        found is None or found.pos_ == "VERB" or named.i not in {t.i for t in found.subtree}
    ):  # (not "Another parent, Daniel Cho, whose son ..., said": the parent's name is his)
        found = named
    dash = dateline(found) if found is not None else None
    if found is not None and dash is not None:
        # "WASHINGTON — Sen. Bernie Sanders ... defended": the name after the dash
        found = next((t for t in found.doc[dash + 1 : verb.i]
                      if t.dep_ in ("appos", *SUBJECT_DEPS)), None)  # fmt: skip
    if found is not None and found.lower_ in ("who", "which", "that"):
        clause = verb
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head  # "who met him and said ..."
        if clause.dep_.startswith(("acl", "relcl")):
            noun = clause.head  # "lawmakers who called for ..."
            if noun.like_num and noun.dep_ == "appos":
                noun = noun.head  # "Kraut, 31, who says ...": the age's owner
            return noun
        if found.lower_ == "which":
            found = None  # "Which prompted Biden to ...": what prompted speaks not
    if found is not None:
        return found
    if _inverted(verb) and verb.tag_ in ("VBD", "VBZ", "VBP"):
        # “...?” asked Mr. Manafort: the name the parser took for an object (not "telling Fox")
        after = next((c for c in verb.children if c.left_edge.i == verb.i + 1), None)
        if after is not None and after.pos_ == "PROPN":
            return after
    named = _named_after_quote(verb) or _named_after_cue(verb) or _appositive_before(verb)
    if named is not None:
        return named
    head = verb.head
    if head.i == verb.i:
        return None
    if (
        verb.dep_ == "conj"
        and head.dep_ == "ccomp"
        and head.head.lemma_.lower() in SPEECH
        and verb.lemma_.lower() in SPEECH | CALLS
    ):  # "X said the levy would cost jobs, and called on ...": X calls, not the levy (the
        return _subject(head.head)  # parser joins the second verb to what was said)
    quoted = next((c for c in head.children if c.dep_ in ("obj", "dobj")), None)
    if (
        head.lemma_.lower() in ("quote", "cite")
        and quoted is not None
        and any(c.lower_ == "as" for c in verb.children if c.dep_ == "mark")
    ):
        return quoted  # "it quoted a military official as saying": the official
    if verb.dep_ in ("advcl", "xcomp", "conj", "ccomp", "parataxis") and head.pos_ in (
        "VERB",
        "AUX",
    ):
        return _subject(head)
    if verb.dep_.startswith("acl") and head.head.i != head.i:  # "a resolution calling on ..."
        found = _subject(head.head)  # but not the noun itself: "There's been a rush to write"
        return None if found is not None and found.i == head.i else found
    return None


def _appositive_before(verb: Any) -> Any | None:
    """The name a description in commas sets right before a cue the parser left with no
    subject: "Watchful Eye, a civil liberties group, called on ...", "and the Friends of
    Kessering, a campaign group, said". Not a participle's (", arguing that": its doer is its
    clause's subject), unless the parser hung the cue on that very name."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != "," or verb.tag_ == "VBG":
        return None
    described = doc[verb.i - 2]
    while described.dep_ != "appos" and described.i > described.head.i:
        described = described.head  # "a campaign group": from "group" up to the appositive
    if described.dep_ != "appos" or described.head.pos_ != "PROPN":
        return None
    name = described.head
    if verb.dep_.startswith(("advcl", "xcomp")) or (
        verb.dep_.startswith("acl") and verb.head.i != name.i
    ):
        return None
    while name.dep_ in ("flat", "compound") and name.head.i > name.i:
        name = name.head  # "Watchful Eye": the name's last word heads it
    while name.dep_ == "flat" and name.head.i < name.i:
        name = name.head  # or its first
    return name


PARENTHETICAL = frozenset("who whose a an the its his her their".split())  # ", the airport's ..."
PARENTHETICAL_WORDS = 20  # the longest description in commas read between a name and its cue


def _nameless(tok: Any) -> bool:
    """A subject naming no one up to its head: "the airport's chief executive" (not "she",
    "Mr. Smith", "Texas and 19 other states")."""
    if tok.pos_ in ("VERB", "AUX"):
        return True  # a misparse: "..., who farms 300 hectares near Brenfield, told"
    return tok.pos_ not in ("PROPN", "PRON") and not any(
        t.pos_ == "PROPN" or t.ent_type_ for t in tok.doc[tok.left_edge.i : tok.i + 1]
    )


def _name_before_commas(verb: Any) -> Any | None:
    """The name right before a description or relative clause in commas that ends at the cue,
    read from the words where the parser lost it: "Councillor Agnes Whitlow, whose group of
    six independents holds the balance, said" (no subject), "Martin Kowalczyk, who farms 300
    hectares near Brenfield, told" ("hectares" the subject); or the person a relative clause
    describes: "one skipper, who asked not to be named, said". The name must be one the NER
    found ("Rachel Okonjo, the airport's chief executive, said" stays the executive's where
    it did not)."""
    doc = verb.doc
    if verb.i < 4 or doc[verb.i - 1].text != ",":
        return None
    opening = next((j for j in range(verb.i - 2, max(verb.i - 2 - PARENTHETICAL_WORDS, 0), -1)
                    if doc[j].text in (",", ".", ";", ":", "“", '"')), None)  # fmt: skip
    if opening is None or doc[opening].text != "," or doc[opening + 1].lower_ not in PARENTHETICAL:
        return None
    name = doc[opening - 1]
    # a person described, before a relative clause: "one skipper, who asked not to be named,"
    described = (name.tag_ in ("NN", "NNS") and doc[opening + 1].lower_ in ("who", "whose")
                 and not _non_speaker(name))  # fmt: skip
    if name.ent_type_ not in ("PERSON", "ORG") and not described:
        return None
    if any(t.is_sent_start for t in doc[opening : verb.i]):
        return None
    start = name.left_edge if described else name
    while (
        start.i > 0
        and not start.is_sent_start
        and (start.ent_iob_ == "I" or doc[start.i - 1].pos_ == "PROPN")
    ):  # back over the name and its titles
        start = doc[start.i - 1]
    if start.i > 0 and doc[start.i - 1].tag_ in ("IN", "TO") and not start.is_sent_start:
        return None  # "In a letter to Smith, the union's leaders, who ..., said": the leaders
    return name


def _quoted(tok: Any) -> bool:
    """A token inside a direct quotation's marks."""
    return any(s <= tok.idx < e for s, e, _ in direct_spans(doc_text(tok.doc)))


def _person_in_subject(found: Any) -> Any:
    """The person a misparsed subject holds: the name that opens it before a comma ("Jehan
    Hakim, a mother and civil rights advocate from Hayward, said": the parser made
    "advocate" the subject), or the one before a body read as the subject through its
    preposition ("said Judy Cordova, outside of Oakland Technical High School")."""
    first = found.left_edge
    if (first.ent_type_ == "PERSON" and first.i < found.i and first.head.i == found.i
            and any(t.text == "," for t in found.doc[first.i : found.i])):  # fmt: skip
        return first
    if any(c.dep_ == "case" for c in found.children):
        named = [c for c in found.lefts if c.ent_type_ == "PERSON"]
        if named:
            return named[-1]
    return found


def _named_after_quote(verb: Any) -> Any | None:
    """“...,” Lt. Gen. Howard Bromberg, the Army's personnel chief, told USA TODAY: a person
    named right after the closing mark, then only an aside before the cue (the parser, lost
    in the titles and the aside, gave the cue no subject)."""
    doc = verb.doc
    marks = [t for t in doc[verb.sent.start : verb.i] if t.text in MARKS]
    if not marks or marks[-1].i + 1 >= verb.i:
        return None
    first = doc[marks[-1].i + 1]
    named = entity_at(first) if first.ent_type_ == "PERSON" else None
    if named is None or named.start != first.i:
        return None
    between = doc[named.end : verb.i]
    if any(t.pos_ in ("VERB", "AUX") for t in between) or (len(between) and between[0].text != ","):
        return None
    return named.root


def _named_after_cue(verb: Any) -> Any | None:
    """“...,” said John Foley, his eyes tearing and his voice catching: the person named right
    after a cue that follows the closing mark (the parser gave the name to "catching")."""
    doc = verb.doc
    if verb.i == 0 or verb.i + 1 >= len(doc) or doc[verb.i - 1].text not in MARKS:
        return None
    if verb.tag_ not in ("VBD", "VBZ") or verb.lemma_.lower() not in SPEECH:
        return None
    named = entity_at(doc[verb.i + 1]) if doc[verb.i + 1].ent_type_ == "PERSON" else None
    return named.root if named is not None and named.start == verb.i + 1 else None


def _after_comma(verb: Any) -> Any | None:
    """The speaker of a cue that follows its content and a comma, speaker last: "..., said
    Michael O'Hanlon, a fellow at ..." (the parser often takes the content's subject for the
    cue's, or the name for an object)."""
    doc = verb.doc
    i = verb.i
    if i < 5 or i + 1 >= len(doc) or doc[i - 1].text != "," or doc[i + 1].is_punct:
        return None
    if doc[i + 1].pos_ == "ADP":  # "X, a fellow at Y, said of RT": a subject before the cue
        return None
    if verb.lemma_.lower() not in SPEECH or verb.lemma_.lower() in ASKERS:
        return None  # "..., telling reporters": a recipient follows, not the speaker
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None  # "..., saying the city ...": a participle starts what was said
    name = next((c for c in verb.children if c.left_edge.i == i + 1), None)
    if name is None or not (
        name.pos_ in ("PROPN", "NOUN") or name.lower_ in ("he", "she", "they", "we", "i")
    ):
        return None
    # the name ends the sentence or comes before an aside; not "X, a fellow at Y, said the
    # plan would ..." (a subject before the cue, a clause after it) or "..., said Thursday"
    words = phrase(name)
    if words.end < len(doc) and doc[words.end].text not in (",", ".", ";", "(", "—", "–", "--"):
        return None
    if any(t.lower_ in TIMES or t.text in MARKS for t in words):
        return None
    left = subject(verb)
    if (
        left is not None
        and left.i < i
        and (left.pos_ in ("PROPN", "PRON") or any(c.dep_ == "appos" for c in left.children))
    ):
        return None  # "Adam Schiff, a Democrat of California, said the announcement ..."
    return name


def _generic(speaker: Any) -> bool:
    """No one in particular: a generic "you" ("if you ask a senator", "what would you say")
    or a question's "who" ("Who could say that ...?")."""
    if speaker.lower_ == "you":
        return True
    question = speaker.i == speaker.sent.start or speaker.sent.text.rstrip().endswith("?")
    return speaker.lower_ == "who" and question


def _inverted(verb: Any) -> bool:
    """A cue right after a quote, its speaker after it: “...,” said Mr. Regalado."""
    before = verb.doc[max(verb.i - 2, 0) : verb.i].text.replace(" ", "")
    found = subject(verb)
    return before.endswith(tuple(MARKS)) and (found is None or found.i > verb.i)


def _according(sent: Any, lo: int, hi: int) -> tuple[Any, Any] | None:
    """'according to X' between offsets lo and hi: (the word 'according', X)."""
    for tok in sent:
        if (
            tok.lower_ == "according"
            and lo <= tok.idx < hi
            and (target := _source(tok)) is not None
        ):
            return tok, target
    return None


def _source(according: Any) -> Any | None:
    """X in "according to X"; the body behind a conduit: "according to reporting from Wired",
    "according to a report by the Congressional Budget Office", "according to World Health
    Organization data" (Wired, the Office, the Organization)."""
    if according.dep_ == "case":  # UD: X -case-> according
        found = according.head if according.head.i > according.i else None
    else:
        to = next((c for c in according.children if c.lower_ == "to"), None)
        found = prep_object(according, "to") or (
            next((g for g in to.children if g.dep_ == "pobj"), None) if to else None
        )
    if found is not None and (found.lemma_.lower() in CONDUITS or found.lower_ in CONDUITS):
        behind = prep_object(found, "from") or prep_object(found, "by")
        if behind is None:  # "according to World Health Organization data": the name before
            behind = next((c for c in found.lefts if c.dep_ == "compound" and c.ent_type_), None)
        if behind is not None and behind.text[:1].isupper():  # a name: "Wired", "the CDC"
            return behind
    return found


def _according_content(tok: Any) -> tuple[int, int] | None:
    """What "according to X" reports: the rest of its sentence."""
    source = _source(tok) if tok.lower_ == "according" else None
    if source is None:
        return None
    words = [t for t in tok.sent if not (t.is_punct or t.is_space)]
    before = [t for t in words if t.i < tok.i]
    after = [t for t in words if t.i > source.right_edge.i]
    both = len(before) >= 3 and len(after) >= 3  # "X, according to Y, did Z"
    part = before + after if both else max(before, after, key=len)
    if len(part) < 4 or any(_is_cue(t) and _subject(t) is not None for t in part):
        return None  # too short, or a statement with its own speaker: "“...,” Obama said,
        # according to Business Insider" (the conduit, not the voice)
    return part[0].idx, part[-1].idx + len(part[-1].text)


def _cue_for(
    doc: Any, start: int, end: int, quoted: Sequence[tuple[int, int, int | None]] = ()
) -> tuple[Any, Any] | None:
    """The cue and speaker of a direct quote: a speech verb in its sentences, outside its marks
    and those of the ``quoted`` spans beside it ("“If we tell everyone ...,” X told me, “but
    ...”": the second part's cue is "told", not the first part's "tell")."""
    sents = [
        s
        for s in doc.sents
        if start - 2 < s.end_char
        and (s.start_char < end + 2 or (s.start_char <= end + 3 and s[0].is_lower))
    ]  # a sentence that starts in lower case right after the marks is the quote's own: split
    # there by the parser ("... in Iraq?,” | one protester told FRANCE 24.)
    if not sents:
        return None
    # the sentence after the quote, when the quote ends its own sentence ("...," he said.)
    near = [(s, e) for s, e, _ in quoted if s < end + 400 and start - 400 < e] + [(start, end)]
    outside = lambda t: not any(s - 1 <= t.idx < e + 1 for s, e in near)  # noqa: E731
    for sent in sents:
        for tok in sent:
            if outside(tok) and (_is_cue(tok) or _characterises(tok, start, end)):
                return tok, _subject(tok) or _named_before(tok)
        found = _according(sent, sent.start_char, start - 1) or _according(
            sent, end + 1, sent.end_char
        )
        if found:
            return found
    # a quote that ends its own sentence, its cue in the next with nothing else to report:
    # "“... that he wants?’” Mr. Reid said on NBC’s “Meet the Press” program."
    # (or ends on a comma where the parser split the sentence: "“...,” Rep. Trent Franks,
    # R-Ariz., told Fox News’ “America’s Newsroom.”")
    after = next((s for s in doc.sents if end < s.start_char <= end + 3), None)
    # (a cue further than six words in only as the sentence's own verb: "Democratic Sen. Dave
    # Hansen of Green Bay said", "Joshua Wong, a 17-year-old student leader, said Sunday.",
    # not "These reports come after CIA officials told")
    ending = doc_text(doc)[end - 2 : end].rstrip("’'\"”")[-1:]
    if after is not None and ending in (".", "?", "!", ","):
        for tok in after[:AFTER_CUE_WORDS]:
            if tok.i - after.start >= 6 and tok.dep_ != "ROOT":
                continue
            if outside(tok) and _is_cue(tok) and _reports_nothing_after(tok):
                speaker = _subject(tok)
                if (
                    speaker is not None
                    and tok.i - after.start >= 8
                    and not (speaker.pos_ == "PROPN" or speaker.ent_type_ in ("PERSON", "ORG"))
                ):
                    continue  # far in, only a name: not "Since ..., agencies have asked"
                if speaker is not None and speaker.i < tok.i:
                    return tok, speaker
    # "He told reporters:" and then the quote, in the same paragraph or the next one
    before = doc_text(doc)[:start].rstrip(" \n\t“\"‘«'")
    if before.endswith(":"):
        intro = [s for s in doc.sents if s.start_char < len(before) <= s.end_char + 1]
        for tok in intro[-1] if intro else []:
            if _is_cue(tok):
                return tok, _subject(tok) or _named_before(tok)
        opening = [t for t in intro[-1] if t.idx < len(before)] if intro else []
        if len(opening) > 2 and opening[0].text in ("Said", "Says") and opening[-1].text == ":":
            # "Said Gen. Mundy:" ("Said" a noun to the tagger): names only, the last speaks
            named = [t for t in opening[1:-1] if t.pos_ == "PROPN"]
            if len(named) == len(opening) - 2:
                return opening[0], named[-1]
    return None


ANONYMITY = re.compile(r"not to be (?:identified|named|quoted)\b", re.I)
AFTER_CUE_WORDS = 16  # how far into the sentence after a quote its cue may stand


def _reports_nothing_after(cue: Any) -> bool:
    """Whether a cue reports no clause of its own after it ("Mr. Reid said on NBC.", not "Mr.
    Reid said the plan would fail.")."""
    content = _reported(cue)
    return content is None or content[0] < cue.idx


def _named_before(cue: Any) -> Any | None:
    """The name a cue the tagger took for a noun carries before it: "From Istanbul, NPR's
    Peter Kenyon reports:" (no subject; "Kenyon" hangs on "reports")."""
    return next((c for c in reversed(list(cue.lefts)) if c.ent_type_ in ("PERSON", "PER")), None)


def find(doc: Any) -> list[Found]:
    """Direct, indirect and mixed quotes of a parsed body, in text order."""
    text = doc_text(doc)
    found: list[Found] = []
    fragments: list[tuple[int, int]] = []
    last: Found | None = None
    chain_speaker: dict[int, Found] = {}
    carried: set[int] = set()  # parts whose speaker is the previous quote's, not their own
    quoted = direct_spans(text)
    for start, end, chain in quoted:
        words = len(text[start:end].split())
        cue = _cue_for(doc, start, end, quoted)
        if cue is not None and cue[1] is not None and _generic(cue[1]):
            cue = (cue[0], None)  # "if you asked a senator, the answer was, “...”"
        said = cue is not None and cue[1] is not None  # a cue with no one saying is no source
        spoken = said and cue is not None and _is_cue(cue[0])  # not "called them “deplorables.”"
        if spoken and text[start:end].rstrip("'’").endswith((",", ".", "!", "?")):
            words = max(words, MIN_WORDS)  # a one-word answer: “No,” she said.
        if not said and words >= 4 and text[start:end].rstrip("'’").endswith((",", ".", "!", "?")):
            words = max(words, MIN_UNATTRIBUTED_WORDS)
        if _phrase_like(text, start, end):
            words = min(words, MIN_WORDS - 1)
        if words < (MIN_WORDS if said else MIN_UNATTRIBUTED_WORDS) and chain is None and not (
            last is not None and last.speaker is not None and start - last.end < CONTINUE_WITHIN
            and words >= MIN_WORDS
        ):  # fmt: skip
            fragments.append((start, end))  # a term, a title, a scare-quoted phrase
            continue
        q = Found(start, end, "direct", chain=chain)
        if cue:
            q.cue, q.speaker = cue
        elif chain is not None and chain in chain_speaker:
            q.cue, q.speaker = chain_speaker[chain].cue, chain_speaker[chain].speaker
        elif last is not None and last.speaker is not None and start - last.end < CONTINUE_WITHIN:
            q.cue, q.speaker = last.cue, last.speaker  # the previous speaker goes on
            carried.add(start)
        if chain is not None and q.speaker is not None and start not in carried:
            chain_speaker.setdefault(chain, q)
        found.append(q)
        last = q
    # Chains: a part before its speaker was named takes the speaker found later in the chain,
    # over the previous quote's speaker it was given for want of one.
    for q in found:
        if (q.speaker is None or q.start in carried) and q.chain in chain_speaker:
            q.cue, q.speaker = chain_speaker[q.chain].cue, chain_speaker[q.chain].speaker
    within = [(q.start, q.end) for q in found]  # before quotes interrupted by a cue join
    found = _join_interrupted(found, text)
    for tok in doc:
        if any(start <= tok.idx < end for start, end in within):
            continue  # "“We will respond,” ...": the quoted words' own verbs report nothing
        content = _reported(tok)
        if content is None:
            continue
        c_start, c_end = content
        if len(text[c_start:c_end].split()) < MIN_REPORTED_WORDS:
            continue  # "said Monday": a misparse, not what was said
        if ANONYMITY.match(text[c_start:c_end]):
            continue  # "who asked not to be identified": a source's terms, not what was said
        speaker = _source(tok) if tok.lower_ == "according" else _subject(tok)
        if speaker is not None and _generic(speaker):
            continue  # "What would you say was the reason ...?": a question, no report
        if (
            speaker is not None
            and speaker.lower_ in ("this", "that", "these", "those")
            and not any(speaker.children)  # "those close to him" are voices
        ):
            continue  # "That could indicate that he had gone AWOL": an inference, not a voice
        inner = [
            q for q in found if q.kind == "direct" and c_start - 2 <= q.start and q.end <= c_end + 2
        ]
        if inner and len(_words_around(text, c_start, c_end, inner)) < MIXED_WORDS:
            continue  # the complement is itself a direct quote
        if inner and speaker is not None and _named_right_after(text, inner, speaker):
            continue  # “...,” Lt. Gen. X, the ... chief, told: the parser ran quote and speaker together
        if any(
            q.kind == "direct" and q.start < c_end and c_start < q.end
            for q in found
            if q not in inner
        ):
            continue
        # reported speech around a quoted part: "Trump said the party 'did everything it could.'"
        kind = (
            "mixed"
            if inner or any(c_start <= s and e <= c_end for s, e in fragments)
            else "indirect"
        )
        found = [q for q in found if q not in inner]
        found.append(Found(c_start, c_end, kind, tok, speaker))
    found.sort(key=lambda q: q.start)
    return found


def _words_around(text: str, start: int, end: int, inner: list[Found]) -> list[str]:
    """The words of start..end outside the quotes ``inner``, but a "that": 'that “...”' is
    the quote alone, 'he was “killing people ...”' a mixed quote."""
    cuts = [start, *(x for q in inner for x in (q.start, q.end)), end]
    outside = " ".join(text[a:b] for a, b in zip(cuts[::2], cuts[1::2], strict=True))
    return [w for w in outside.split() if w.strip("\"“”‘’'") and w.lower() != "that"]


def _named_right_after(text: str, inner: list[Found], speaker: Any) -> bool:
    """The speaker's name starts right after a direct quote's closing mark."""
    named = entity_at(speaker) if speaker.ent_type_ else None
    start = named.start_char if named is not None else speaker.idx
    end = max(q.end for q in inner)
    return end <= start and not any(c.isalnum() for c in text[end:start])


def _join_interrupted(found: list[Found], text: str) -> list[Found]:
    """One quote where its attribution interrupts it: "“The first part,” she said. “The rest.”"."""
    out: list[Found] = []
    for q in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.cue is not None
            and q.cue is not None
            and prev.cue.i == q.cue.i
            and q.start - prev.end <= INTERRUPTION
            and (
                not any(c.isalpha() for c in text[prev.end : q.start])
                or ("\n\n" not in text[prev.end : q.start] and prev.end <= q.cue.idx < q.start)
            )
        ):
            prev.end = q.end
        else:
            out.append(q)
    return out


def _start(tok: Any) -> int:
    """Where a phrase starts, its preposition left out."""
    first = next(t for t in tok.subtree if t.dep_ != "case" or t.head.i != tok.i)
    return int(first.idx)


def _reported(tok: Any) -> tuple[int, int] | None:
    """The char span of the clause a speech verb reports, or of what a call asks for."""
    lemma = tok.lemma_.lower()
    if tok.lower_ == "according":
        return _according_content(tok)
    if not (lemma in SPEECH or lemma in CALLS) or not _verbal(tok):
        return None
    if lemma in CALLS:
        # "called on the government to expel ...", "called for new elections"
        target = prep_object(tok, "on", "upon")
        goal = next(
            (c for c in tok.children if c.dep_ in ("xcomp", "advcl", "ccomp") and c.i > tok.i), None
        )
        if target is not None and goal is None:
            goal = next((c for c in target.children if c.dep_ in ("xcomp", "acl")), None)
        if target is not None and goal is not None:
            return _start(target), _asked_end(goal)
        wish = prep_object(tok, "for")
        if wish is not None:  # "called for the government to resign"
            return _start(wish), max(clause_end(wish), clause_end(goal) if goal is not None else 0)
        if lemma == "call" and (named := _naming(tok)) is not None:
            return named
        recipient = next((c for c in tok.rights if c.dep_ in OBJECTS | RECIPIENTS), None)
        if recipient is None:
            return None
        if goal is not None:  # "urged voters to ..."
            return _start(recipient), clause_end(goal)
        if any(c.dep_ in ("acl", "xcomp", "appos") for c in recipient.children):
            return _start(recipient), clause_end(recipient)  # "urged voters to", "called it a deal"
        return None
    if lemma not in SPEECH:
        return None
    if _inverted(tok):
        return None  # “...,” said Mr. Regalado, who was born in Havana: no clause after the cue
    if _after_comma(tok) is not None:  # "Turnout was high, said Ms. Gil, with ...": before it
        words = [t for t in tok.doc[tok.sent.start : tok.i - 1] if not (t.is_punct or t.is_space)]
        if len(words) >= 4 and any(t.pos_ in ("VERB", "AUX") for t in words):
            return words[0].idx, words[-1].idx + len(words[-1].text)
        return None
    if lemma in ASKERS and (asked := _asked(tok)) is not None:
        return asked
    comp = next((c for c in tok.children if c.dep_ in ("ccomp", "parataxis") and c.i > tok.i), None)
    if comp is None:  # a clause the parser took for an object: "said Trump would win"
        comp = next((c for c in tok.children if c.dep_ in ("xcomp", "obj", "dobj") and c.i > tok.i
                     and any(t.dep_ in ("nsubj", "nsubj:pass") for t in c.children)), None)  # fmt: skip
    if comp is None and lemma == "say":  # "said the minister stood by ..." read as object + acl
        comp = next(
            (c for c in tok.rights if c.dep_ in ("obj", "dobj") and len(list(c.subtree)) > 3), None
        )
    if comp is None and not any(c.dep_ in PASSIVE_AUX for c in tok.children):
        # "vowed to repeal the law", "asked the bankers to suspend foreclosures"
        comp = next((c for c in tok.children if c.dep_ == "xcomp" and c.i > tok.i), None)
    if comp is not None and (comp.lower_ in TIMES or comp.left_edge.lower_ in TIMES):
        comp = None  # "Turnout was high, Hollande said Tuesday in Paris": a time, not a clause
    if comp is not None and (_in_title(comp) or comp.left_edge.pos_ == "ADP"
                             and any(_in_title(t) for t in comp.subtree)):  # fmt: skip
        return _that_clause(tok)  # "said on NBC’s “Meet the Press” program": a title, no clause
    if comp is None:
        return _that_clause(tok) or _object(tok, lemma) or _before_cue(tok)
    # The clause starts right after the cue (and its recipient: "told reporters", and where it
    # was said: "says on Twitter that"), even where the parser hung the clause's subject on
    # the cue.
    skip = {t.i for c in tok.children
            if c.dep_ in RECIPIENTS or (c.dep_ in ("obj", "dobj") and lemma in ASKERS)
            or (c.dep_ in ("obl", "obl:tmod", "advmod") and c.right_edge.i < comp.left_edge.i
                and any(g.dep_ == "case" for g in c.children))
            for t in c.subtree}  # fmt: skip
    first = next((t for t in tok.doc[tok.i + 1 : comp.i + 1] if t.i not in skip and not t.is_punct
                  and t.dep_ not in ("prt", "compound:prt")), comp)  # fmt: skip
    if first.lower_ == "that" and first.dep_ == "mark" and first.i + 1 < len(tok.doc):
        first = tok.doc[first.i + 1]
    first = _after_when(first, comp)
    if comp.tag_ == "VBG" and tok.doc[comp.left_edge.i - 1].text == ",":
        return None  # "said Biden, clutching the lectern": not what was said
    more = [c for c in tok.rights if c.dep_ == "ccomp" and c.i > comp.i]  # "that X, that Y"
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == ",":
        # the cue set off by commas inside what it reports, the part before it read as a
        # clause of its own: "A new harbor master, she said, could restore trust ..."
        before = next((c for c in tok.lefts if c.dep_ in ("ccomp", "parataxis")
                       and c.left_edge.i == tok.sent.start), None)  # fmt: skip
        if before is not None:
            first = before.left_edge
    end = max(clause_end(c) for c in [comp, *more])
    # a second cue the parser hung on the clause ends it: "denied playing any role and called
    # the issue “...”" (the calling is his, not what he denied)
    second = next((c for c in comp.children if c.dep_ == "conj" and c.pos_ == "VERB"
                   and (_is_cue(c) or c.lemma_.lower() in CALLS)
                   and not any(g.dep_ in SUBJECT_DEPS for g in c.children)), None)  # fmt: skip
    if second is not None and second.left_edge.i > first.i + 1:
        end = clause_end(tok.doc[second.left_edge.i - 1])
        if tok.doc[second.left_edge.i - 1].dep_ == "cc":
            end = clause_end(tok.doc[second.left_edge.i - 2])
    return first.idx, end


DAY_PARTS = frozenset("morning afternoon evening night".split())


def _after_when(first: Any, comp: Any) -> Any:
    """The clause's first word after a day the parser hung on it: "said Tuesday she would
    vote" reports "she would vote"; "said Monday night that ..." (not "today's changes")."""
    doc = first.doc
    if first.lower_ not in TIMES or first.i >= comp.left_edge.i and first.i == comp.i:
        return first
    nxt = first.i + 1
    while nxt < comp.i and (doc[nxt].lower_ in DAY_PARTS or doc[nxt].text == ","):
        nxt += 1
    if nxt < len(doc) and doc[nxt].lower_ == "that" and doc[nxt].dep_ == "mark":
        nxt += 1
    while nxt < comp.i and doc[nxt].text == ",":  # "that, if the election were held ..."
        nxt += 1
    if nxt >= len(doc) or doc[nxt].tag_ == "POS" or nxt > comp.i:
        return first
    return doc[nxt]


def _in_title(tok: Any) -> bool:
    """A word inside a short quoted title: “Meet the Press”, “Fox News Sunday”."""
    text = doc_text(tok.doc)
    for start, end, _ in direct_spans(text):
        if start <= tok.idx < end:
            words = text[start:end].split()
            long = [w for w in words if len(w) > 3]
            return 2 <= len(words) <= 6 and all(w[0].isupper() for w in long) and bool(long)
    return False


def _asked_end(goal: Any) -> int:
    """Where what a call asks for ends: before a participle set off by a comma, which says why
    ("... to expel the coalition in Iraq, saying the air strike ...": the reason, not the ask),
    wherever the parser hangs it."""
    for t in goal.subtree:
        if t.i > goal.i and t.tag_ == "VBG" and t.dep_ == "advcl" and t.left_edge.i > goal.i:
            comma = comma_before(t)
            if comma is not None:
                return clause_end(t.doc[comma.i - 1])
    return clause_end(goal)


def _naming(tok: Any) -> tuple[int, int] | None:
    """What a name-calling names: "called the system “rotten to the core”", "calling him a loser"."""
    args = [c for c in tok.rights if c.dep_ in ("obj", "dobj", "iobj", "xcomp", "oprd")]
    if not args:
        return None
    named = any(c.dep_ in ("amod", "appos", "acl", "xcomp") for c in args[0].rights)
    if len(args) < 2 and not named:
        return None
    return _start(args[0]), max(clause_end(a) for a in args)


def _asked(tok: Any) -> tuple[int, int] | None:
    """What an asker asks or tells: "asked Obama what he thought", "told voters to stay home"."""
    for c in tok.rights:
        if c.dep_ in ("obj", "dobj") and c.lower_ in WH_WORDS:
            return c.idx, clause_end(c)
        told = _told_clause(c) if c.dep_ in OBJECTS | RECIPIENTS else None
        if told is not None:  # "told the council (that) the US would act": not the council
            first = told.left_edge
            if first.lower_ == "that" and first.dep_ == "mark":
                first = tok.doc[first.i + 1]
            return first.idx, clause_end(told)
        if c.dep_ in OBJECTS | RECIPIENTS and any(
            g.dep_.startswith(("acl", "xcomp")) for g in c.rights
        ):
            return _start(c), clause_end(c)
        if c.dep_ == "advcl" and any(g.lower_ in ("if", "whether") for g in c.children):
            return c.left_edge.idx, clause_end(c)
    return None


def _told_clause(recipient: Any) -> Any | None:
    """What was told, where the parser hung it on the recipient as a relative clause with a
    subject of its own: "told lawmakers that the bill would pass" (not "told the man who ...")."""
    return next((g for g in recipient.rights if g.dep_ in ("acl:relcl", "relcl") and any(
        s.dep_.startswith("nsubj") and s.lower_ not in WH_WORDS | {"that"} for s in g.children
    )), None)  # fmt: skip


def _that_clause(tok: Any) -> tuple[int, int] | None:
    """A "that" clause the parser hung elsewhere: "said in an interview last week that ..."."""
    doc = tok.doc
    for t in doc[tok.i + 1 : min(tok.i + 12, tok.sent.end - 1)]:
        if t.pos_ in ("VERB", "AUX") or t.is_punct or t.head.i < tok.i:
            return None
        if t.lower_ == "that" and doc[t.i + 1].pos_ in ("PRON", "PROPN", "DET", "NOUN", "ADJ"):
            end = clause_end(t.head) if t.head.i > t.i else clause_end(tok.sent.root)
            return doc[t.i + 1].idx, max(end, clause_end(doc[t.i + 1]))
    return None


def _object(tok: Any, lemma: str) -> tuple[int, int] | None:
    """What a speech verb names as its object: "announced a small ad buy in Nevada"."""
    if lemma in NOT_OBJECT or lemma in ASKERS:
        return None
    target = next((c for c in tok.children if c.dep_ in ("obj", "dobj") and c.i > tok.i), None)
    if target is None or target.pos_ == "PRON" or len(list(target.subtree)) < 2:
        return None
    rest = [c for c in tok.rights if c.i >= target.i and c.dep_ in ("obj", "dobj", "xcomp", "obl")]
    return _start(target), max(clause_end(c) for c in rest)


def _before_cue(tok: Any) -> tuple[int, int] | None:
    """The clause a cue after it reports: "Turnout was high, officials said." (to the comma) or
    "Turnout, officials said, was high." (the sentence around the cue)."""
    doc, sent = tok.doc, tok.sent
    if tok.dep_.startswith("acl"):  # "the outbreak, which has claimed 700 lives" reports nothing
        return None
    left = [c for c in tok.lefts if c.dep_ in CUE_LEFT]
    # where the cue's own words start: its subject and auxiliaries, or (where the parser hung
    # a clause on the subject) the subject's noun phrase
    for lead in (min([tok.i] + [c.left_edge.i for c in left]),
                 min([tok.i] + [phrase(c).start if c.dep_ in SUBJECT_DEPS else c.i for c in left])):  # fmt: skip
        comma = lead - 1 - (doc[lead - 1].text in MARKS)  # "... sooner,'' said Mr. Jäger"
        if sent.start < comma and doc[comma].text in BREAKS:
            break
        if lead == sent.start and comma > 0 and doc[comma].text == ",":
            # the parser ended the sentence at the comma: "Turnout was high, | officials said."
            sent = doc[comma].sent
            break
    else:
        return None
    tail = max([tok.i] + [c.right_edge.i for c in tok.rights if c.dep_ in CUE_RIGHT])
    rest = [t for t in doc[tail + 1 : sent.end] if not (t.is_punct or t.is_space)]
    last = rest[-1].i if rest and doc[tail + 1].text in BREAKS else comma - 1
    words = [t for t in doc[sent.start : last + 1] if not (t.is_punct or t.is_space)]
    clause = [t for t in words if not lead <= t.i <= tail]
    aside = last > tail  # "Turnout, officials said, was high."
    if len(clause) < 4 or not any(
        t.dep_ in SUBJECT_DEPS or (aside and t.pos_ in ("VERB", "AUX")) for t in clause
    ):
        return None
    return words[0].idx, words[-1].idx + len(words[-1].text)


# -- who the speaker is --------------------------------------------------------------------


def profile(root: Any, start: int, end: int) -> tuple[str | None, str | None, str | None]:
    """(role, affiliation, description) of a speaker whose words are tokens start..end.

    From an apposition ("Ahmed al-Kanani, an MP for the Al Sadiqoun party"), the titles
    before a name ("Agriculture Minister Rosa Delgado", "Kesh Mayor Andrei Popa") or inside
    the named span, and a relative clause ("who fled the IS group ...").
    """
    doc = root.doc
    role = affiliation = description = None
    if root.dep_ in ("flat", "compound") and start > 0 and root.head.i == start - 1:
        root = root.head  # the parser hung the name on its title: "Archbishop Vincent Nichols"
    # an apposition that is a person's name is another person ("Kenny Stills, Albert Wilson")
    # (nor is a party tag a role: "Sen. Bernie Sanders (I-VT)")
    # (nor is an age, "Aaron Dunigan, 30,", a time, or a body's part: "said John Foley, his eyes
    # tearing")
    # (nor is a verb or what follows a colon: "Kelly Anne Conway: “What the President is ...”")
    appos = next((c for c in root.children if c.dep_ == "appos" and c.ent_type_ != "PERSON"
                  and not _party_tag_part(c) and not (c.like_num and _partitive(c) is None)
                  and not _own_body_part(c) and c.pos_ not in ("VERB", "AUX", "PRON")
                  and c.ent_type_ != "PLACE"  # "Dianne Feinstein (CA)", "Biden himself"
                  and not {c.lower_, *(g.lower_ for g in c.lefts)} & TIMES  # "Tuesday night"
                  and not any(g.dep_ == "case" and g.lower_ in WHERE_NOW for g in c.lefts)
                  and not any(t.text in (":", "“", '"') or t.is_space
                              for t in doc[root.i : c.i + 1])), None)  # fmt: skip
    # the parser made a body the apposition and the role its modifier: "a Rochester Institute
    # of Technology researcher" (researcher, Rochester Institute of Technology)
    body = tail = None
    if appos is not None and appos.ent_type_ in _BODIES:
        body = entity_at(appos)
        end = body.end if body is not None else -1
        tail = next((c for c in appos.children if c.pos_ == "NOUN" and c.i == end), None)
    if appos is not None and body is not None and tail is not None:
        role, affiliation = tail.text, _body_name(body)
        rel = next((c for c in appos.children if c.dep_.startswith(("acl", "relcl"))), None)
        description = _span_text(rel) if rel is not None else None
        appos = None
    elif (
        appos is not None and body is not None and body.label_ == "ORG" and appos.i == body.end - 1
    ):
        affiliation, appos = _body_name(body), None  # "Glen Bolger, of Public Opinion Strategies"
    if appos is not None:
        whole = _partitive(appos)  # "one of Rubio's South Carolina campaign co-chairs"
        appos, one = (whole, appos.lower_ == "one") if whole is not None else (appos, False)
        single = one or root.ent_type_ == "PERSON"  # a named person is one: "both members of"
        words = _modified(appos, joined=not one)
        # a body named among the words is the affiliation: "the White House chief of staff"
        named = [t for t in words if t.i < appos.i and t.ent_type_ == "ORG"
                 and appos.lower_ not in PARTY_MEMBERS]  # fmt: skip
        served = _served(appos) if not named else None  # "a longtime Trump aide": of Trump
        if served is not None and served.start < appos.i:
            named = [served[-1]]
        if named:  # (its adjectives kept: "former CNN contributor")
            words = [t for t in words if t.i > named[-1].i or (t.pos_ == "ADJ" and t.is_lower)]
        role = " ".join(_singular(t) if single and t.i == appos.i else t.text for t in words)
        if (held := _office_of(appos)) is not None:
            role += f" of {held.text}"  # "chief of staff", "chief of police"
        # ("a vocal critic of the administration's handling": what is criticised, no body)
        org = None if appos.lemma_.lower() in STANCE_NOUNS else _body_of(appos)
        if held is not None and org is not None and org.i == held.i:
            org = prep_object(held, "of")  # "chief of staff of the Army": the Army
        if org is not None and (field := _field(appos, org)) is not None:
            # "director of development for America First Policies": the field completes the
            # role, the body named after it is the affiliation
            role += f" of {field}"
            org = _body_after_field(appos, org)
        if named and (org is None or not org.ent_type_):
            org = named[-1]
        if org is None:  # "the council's director general": the owner may hang on a modifier
            org = _owner(appos)
        if org is None:  # "chair of the Southern Beekeepers' Association", the "of" read as
            org = next(  # the possessor's: the named body the title hangs on
                (c for c in appos.children if c.dep_ == "nmod" and c.ent_type_ in _BODIES), None
            )
        if served is not None:
            affiliation = strip_titles(served.text)[0]  # "President Barack Obama": the name
        elif org is not None:
            affiliation = _affiliation(org)
        rel = next((c for c in appos.children if c.dep_.startswith(("acl", "relcl"))), None)
        if rel is not None:
            description = _span_text(rel)
    if role is None:
        title, place = _title_before(doc, start)
        # (not one of whose it is: "The daughter of Iran's Gen. Qassem Soleimani")
        inside = [t for t in doc[start:end] if t.lower_ in TITLES and not _in_owner(t, root)
                  and not _surname(t, start, end)]  # fmt: skip
        opening = [t for t in inside if t.i - start == inside.index(t)]  # "Justice John Roberts"
        if title and opening:  # "Supreme Court Chief" + "Justice John Roberts"
            role = " ".join([title, *(t.text for t in opening)])
        else:
            role = title or (" ".join(t.text for t in inside) if inside else None)
        affiliation = affiliation or place
    rel = next((c for c in root.children if c.dep_.startswith(("acl", "relcl"))), None)
    if rel is not None and description is None:
        description = _span_text(rel)
    if rel is not None and (role is None or affiliation is None):
        rel_role, rel_body = _relative_role(rel)
        role, affiliation = role or rel_role, affiliation or rel_body
    return role, affiliation, description


# what an "of" completes a role with rather than names its body: "chief of staff", "chief of
# police", "secretary of state", "director of communications"
OFFICES = frozenset("staff police state defense defence protocol operations "
                    "mission security".split())  # fmt: skip


def _office_of(role: Any) -> Any | None:
    held = prep_object(role, "of")  # ("the Chief of Staff of the Army" in capitals)
    if held is None or not (held.is_lower or held.is_title and role.is_title):
        return None
    return held if held.lower_ in OFFICES else None


def _field(role: Any, obj: Any) -> str | None:
    """The field a role is "of", where the object is one: a bare common noun that names no
    body ("professor of medicine", "director of social policy and politics"; not "member of
    parliament", "head of the group", "chief of staff"), with the nouns joined to it."""
    of = prep_object(role, "of")
    if of is None or of.i != obj.i or not obj.is_lower or obj.ent_type_ or obj.like_num:
        return None
    if obj.pos_ != "NOUN" or obj.lemma_.lower() in _BODY_NOUNS | CONTAINERS | OFFICES:
        return None
    if any(c.dep_ in ("det", "poss", "nmod:poss", "nummod") for c in obj.children):
        return None
    last = max([obj.i, *(c.i for c in obj.children if c.dep_ == "conj" and c.pos_ == "NOUN")])
    first = min([obj.i, *(c.left_edge.i for c in obj.lefts if c.dep_ != "case")])
    words = obj.doc[first : last + 1]
    if any(not (t.is_lower or t.is_punct) or t.lower_ in PARTS for t in words):
        return None  # "of many Bush war on terror policies", "of Virginia law professor"
    return str(words.text)


def _body_after_field(role: Any, field: Any) -> Any | None:
    """The named body a role of a field is "for", "at", "with" or "in", on the role, the
    field or its conjuncts, or one step deeper ("professor of medicine specializing in
    ventilation at the University of North Carolina"); else None."""
    heads = [role, field, *(c for c in field.children if c.dep_ == "conj")]
    heads += [c for h in heads for c in h.children if c.dep_ == "acl"]
    objects = [o for h in heads for p, o in prep_objects(h) if p in ("for", "at", "with", "in")]
    objects += [o for h in objects for p, o in prep_objects(h) if p == "at"]
    # (or the owner of a school the NER missed: "at Wichita State's W. Frank Barton School")
    objects += [c for o in objects for c in o.children if c.dep_ in ("poss", "nmod:poss")]
    return next((o for o in objects if o.ent_type_ == "ORG"), None)


def _surname(tok: Any, start: int, end: int) -> bool:
    """A title word that ends a name after a given name is a surname: "John Dean", "Bernice
    King" (not "the President"); one that is also a given name opens a name of two words:
    "Dean Baquet", "Major Garrett"."""
    if tok.lower_ in GIVEN_TITLES and tok.i == end - 2 and tok.i == start:
        return True
    before = tok.doc[tok.i - 1] if tok.i > start else None
    if end - start > 2 and tok.doc[end - 1].text in GENERATIONS:
        end -= 1  # "Martin Luther King Jr."
    return (
        tok.i == end - 1
        and before is not None
        and before.pos_ == "PROPN"
        and (before.lower_ not in TITLES)
    )


def _body_of(role: Any) -> Any | None:
    """What a role noun is "for", "of", "at" ...: a named body first, also one hung on the
    field ("a professor of communications at American University": the university), else the
    first such object."""
    found = [
        o
        for p, o in prep_objects(role)
        if p in ("for", "of", "at", "with", "from", "in")
        and not o.like_num
        and o.lower_ not in TIMES
    ]  # "commandant from 1991 to 1995"
    deeper = [o for f in found if not f.ent_type_ for p, o in prep_objects(f) if p == "at"]
    return next((o for o in found + deeper if o.ent_type_ in _BODIES), found[0] if found else None)


# an apposition these open says where or how the speaker is, not who: "now at the starting line"
WHERE_NOW = frozenset("at on under near with without after before during amid".split())
# what a text or a figure is "of" is its topic, not its owner
TOPICAL = frozenset(
    """report study analysis summary review survey poll estimate detail filing data finding
    figure video footage fraction percent record account version look count""".split()
)
STANCE_NOUNS = frozenset("critic opponent supporter proponent advocate skeptic sceptic foe "
                         "fan champion backer target victim".split())  # fmt: skip


def _in_owner(tok: Any, root: Any) -> bool:
    """Whether a token lies in a phrase that says whose ``root`` is ("of Iran's Gen. X")."""
    while tok.i != root.i and tok.head.i != tok.i:
        if tok.dep_ in ("nmod", "poss", "nmod:poss", "prep") and tok.head.i == root.i:
            return True
        tok = tok.head
    return False


def _own_body_part(tok: Any) -> bool:
    """ "his eyes tearing", "her voice breaking": how the speaker looked, not who they are."""
    return tok.lower_ in BODY_PARTS and any(c.dep_ in ("poss", "nmod:poss") for c in tok.children)


BODY_PARTS = frozenset("eyes eye voice face hands hand head arms arm hair tears lips".split())


def _party_tag_part(tok: Any) -> bool:
    """A party tag or a piece of one the tokenizer split: "I-VT", "R" or "Tenn." of "R-Tenn."."""
    doc = tok.doc
    split = tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].text in ("R", "D", "I")
    return (
        bool(PARTY_TAG.match(tok.text))
        or tok.text in ("R", "D", "I")
        or split
        or (tok.text in US_ABBREVIATIONS)
    )


# "who chairs the Riverton Traders' Group": the verb names the role, its object the body
ROLE_VERBS = {"chair": "chair", "head": "head", "lead": "leader", "direct": "director",
              "run": "head", "found": "founder", "co-found": "co-founder", "manage": "manager",
              "own": "owner", "edit": "editor"}  # fmt: skip


def _relative_role(rel: Any) -> tuple[str | None, str | None]:
    """(role, affiliation) from a relative clause on a speaker: "who chairs the X Alliance"
    (chair, X Alliance), "who researches migration at Westfield University" (-, the
    university), "who works for the ministry"; only a named body counts ("who runs a café"
    names no affiliation)."""
    obj = next((c for c in rel.children if c.dep_ in ("obj", "dobj")), None)
    if rel.lemma_ in ROLE_VERBS and obj is not None and obj.ent_type_ in _BODIES:
        return ROLE_VERBS[rel.lemma_], _affiliation(obj)
    for verb in [rel, *(c for c in rel.children if c.dep_ == "conj")]:
        body = prep_object(verb, "at", "for", "with")
        if body is not None and body.ent_type_ in _BODIES:
            return None, _affiliation(body)
    # "researches migration at Westfield University", the parser hanging the body on "migration"
    body = next((t for t in rel.subtree if t.ent_type_ == "ORG" and any(
        c.dep_ == "case" and c.lower_ in ("at", "with") for c in t.children)), None)  # fmt: skip
    return None, _affiliation(body) if body is not None else None


def _title_before(doc: Any, start: int) -> tuple[str | None, str | None]:
    """A title right before a name, and the place or body named before it: "Kesh Mayor"."""
    i = start - 1
    words: list[Any] = []
    while i >= 0 and (
        doc[i].lower_ in TITLES  # ("When President Trump ...": no "When")
        or (
            doc[i].is_title
            and not doc[i].ent_type_
            and doc[i].lower_ not in TIMES  # "On Sunday President Trump"
            and doc[i].lower_ not in ("said", "says")  # "Said Gen. Mundy:"
            and (doc[i].tag_ != "VBG" or doc[i].lower_ in TITLE_QUALIFIERS)  # "Following Gov. X"
            and (not doc[i].is_stop or doc[i].lower_ in ("former", "then", "first"))
        )
        # "Secretary of Defense Patrick Shanahan": a title's "of" between two of its words
        or (
            doc[i].lower_ == "of"
            and bool(words)
            and i > 0
            and doc[i - 1].is_title
            and doc[i - 1].lower_ in TITLES
        )  # fmt: skip
    ):
        words.insert(0, doc[i])
        i -= 1
    if not any(w.lower_ in TITLES for w in words):
        return _noun_before(doc, start)
    if (
        i > 2
        and doc[i].lower_ == "the"
        and doc[i - 1].lower_ in ("to", "of")
        and (doc[i - 2].is_title and not doc[i - 2].ent_type_)
    ):  # "Special Assistant to the President Kelly Sadler": the whole title
        i -= 2
        while i > 0 and doc[i - 1].is_title and not doc[i - 1].ent_type_ and not doc[i - 1].is_stop:
            i -= 1
        words = list(doc[i : words[-1].i + 1])
        i -= 1
    first = next(w for w in words if w.lower_ in TITLES)
    if first.i > words[0].i and i > 0 and doc[i].lower_ in ("for", "of") and doc[i - 1].is_title:
        # the words before the title end a body's name: "Club for Growth President"
        k = i - 1
        while k > doc[i].sent.start and (
            doc[k - 1].is_title and not doc[k - 1].is_stop or doc[k - 1].lower_ in ("for", "of")
        ):
            k -= 1
        words = [w for w in words if w.i >= first.i]
        return " ".join(w.text for w in words), str(doc[k : first.i].text)
    title = " ".join(w.text for w in words)
    body = entity_at(doc[i]) if i >= 0 and doc[i].ent_type_ in _BODIES else None
    if body is not None and body.text.lower() in CONTAINERS:  # "State Sen. Jeff Danielson"
        return f"{body.text} {title}", None
    if body is not None:
        return title, body.text
    if i >= 0 and doc[i].pos_ == "NOUN" and doc[i].head.i > i:
        noun = doc[i]
        if noun.lower_ in _BODY_NOUNS or noun.lower_ in CONTAINERS or noun.lower_ == "campaign":
            return title, _affiliation(noun)  # "agency director X", "Biden campaign director X"
        k = i  # the role's own words before the title: "press secretary", "law professor"
        while (
            k > noun.sent.start
            and doc[k - 1].dep_ in ("compound", "amod")
            and (doc[k - 1].head.i > k - 1)
        ):
            k -= 1
        named = [t for t in doc[k:i] if t.ent_type_ in _BODIES]
        own = [t.text for t in doc[k : i + 1] if not named or t.i > named[-1].i]
        body = _body_name(entity_at(named[-1])) if named else None
        if all(w.lower_ in COURTESY for w in words):  # "Lead impeachment manager Rep. Adam Schiff"
            return " ".join(own), body
        return " ".join([*own, title]), body  # "White House press secretary Sarah Sanders"
    return title, None


COURTESY = frozenset("rep. sen. gov. rep sen gov".split())  # titles a role may come before


def _noun_before(doc: Any, start: int) -> tuple[str | None, str | None]:
    """A common noun the parser joined to the name right after it as its role, and the body
    named before the noun: "NBC reporter Alexandra Jaffe" (reporter, NBC), "resource economist
    Joseph Shapiro", "GOP strategist and CNN contributor Alex Castellanos" (contributor, CNN)."""
    i = start - 1
    if i < 0 or not (doc[i].pos_ in ("NOUN", "PROPN") and doc[i].is_lower and doc[i].is_alpha
                     and doc[i].dep_ in ("compound", "nmod:desc") and start <= doc[i].head.i):  # fmt: skip
        return None, None
    words = [doc[i]]
    while (
        i > 0
        and doc[i - 1].is_lower
        and doc[i - 1].dep_ in ("compound", "amod")
        and (doc[i - 1].pos_ in ("NOUN", "ADJ"))
    ):
        i -= 1
        words.insert(0, doc[i])
    if i > 1 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in TITLES:
        i -= 2  # "chief of staff Denis McDonough"
        words[:0] = [doc[i], doc[i + 1]]
    before = doc[i - 1] if i > 0 else None
    role = " ".join(w.text for w in words)
    named = entity_at(before) if before is not None else None
    if named is not None and named.label_ == "PERSON" and _served(words[-1]) is not None:
        return role, str(named.text)  # "Trump aide Hope Hicks": aide, of Trump
    body = named if named is not None and named.label_ in _BODIES else None
    return role, _body_name(body) if body is not None else None


GIVEN_TITLES = frozenset({"dean", "major"})  # titles that are given names too: "Dean Heller"


def strip_titles(name: str) -> tuple[str, str | None]:
    """'Mayor Daniel Okafor' -> ('Daniel Okafor', 'Mayor'); 'Dean Heller' keeps his name."""
    words = name.split()
    titles = []
    while (
        len(words) > 1
        and words[0].lower() in TITLES
        and not (len(words) == 2 and words[0].lower() in GIVEN_TITLES)
    ):
        titles.append(words.pop(0))
    return " ".join(words), " ".join(titles) or None


def _described(
    tok: Any, bodies: tuple[str, ...] = ("ORG", "PLACE"), joined: bool = False
) -> tuple[str | None, str | None]:
    """A described speaker's own noun as the role, its owner as the affiliation: "one
    shopkeeper" -> shopkeeper; "A retired teacher" -> retired teacher; "Olm's mayor" -> mayor,
    Olm; "the vicar of St Anne's" -> vicar, St Anne's; with no owner, a named body of the
    ``bodies`` types among its modifiers: "U.S. military officials" -> military officials,
    United States."""
    tok = _partitive(tok) or tok  # "Sixty-two percent of likely voters": likely voters
    if tok.pos_ == "PROPN" and tok.head.lower_ in PARTS:  # "Half of Republicans"
        return tok.text, None
    if tok.pos_ != "NOUN":
        return None, None
    words = _modified(tok, joined)
    owner = _owner(tok)
    held = _office_of(tok)  # "chief of staff": no body "staff"
    if owner is None or owner.pos_ == "PRON":
        owner = prep_object(tok, *(("at", "for") if held else ("of", "at", "for"))) or owner
    if (
        owner is not None
        and owner.ent_type_ == "PERSON"
        and tok.lower_ in TITLES
        and (owner == prep_object(tok, "of"))
    ):
        owner = None  # the name hung on its title by "of": "chief of staff Denis McDonough"
    if (
        owner is not None
        and tok.lemma_.lower() in TOPICAL
        and owner == prep_object(tok, "of")
        and not owner.ent_type_
    ):
        owner = None  # "an analysis of public records", "a summary of his findings": the topic
    named = [t for t in words if t.i != tok.i and t.ent_type_ in bodies]
    if owner is None and named:  # "a Facebook spokesperson": spokesperson, of Facebook
        owner = named[-1]
        # "Iran's Foreign Ministry spokesman": spokesman; "a senior U.S. official": senior official
        words = [t for t in words if t.i > owner.i or (t.pos_ == "ADJ" and t.is_lower)]
    served = _served(tok) if owner is None else None
    if served is not None and served.start < tok.i:  # "a Hillary Clinton spokesman"
        words = [t for t in words if t.i > served.end - 1 or (t.pos_ == "ADJ" and t.is_lower)]
    role = " ".join(t.lower_ if t.is_sent_start and t.pos_ == "NOUN" else t.text for t in words)
    role += f" of {held.text}" if held is not None else ""
    if served is not None:
        return role, served.text
    return role, _affiliation(owner) if owner is not None else None


def _served(noun: Any) -> Any | None:
    """The named person a staff noun works for, as the entity span: "a Trump aide", "Clinton's
    spokesman", "a lawyer for Michael Cohen"; None for any other noun ("his daughter")."""
    if noun.lemma_.lower() not in SERVES:
        return None
    words = [_owner(noun), *(c for c in noun.lefts if c.dep_ == "compound"),
             prep_object(noun, "for", "to")]  # fmt: skip
    person = next((t for t in words if t is not None and t.ent_type_ == "PERSON"), None)
    if person is None:  # "senior campaign adviser to the president", "the president's aide"
        return next((p for t in words if t is not None and (p := _titled_person(t)) is not None),
                    None)  # fmt: skip
    return entity_at(person) if person is not None else None


def _titled_person(title: Any) -> Any | None:
    """The person named before whom "the president" (governor, mayor ...) stands for: the last
    one the article gave that title before the name or in it, else None."""
    if title.lower_ not in SERVED_TITLES or not any(c.lower_ == "the" for c in title.children):
        return None
    doc = title.doc
    titled = [e for e in doc.ents if e.label_ == "PERSON" and e.end <= title.i and _holds(
        title.lower_, " ".join([_title_before(doc, e.start)[0] or "",
                                *(t.text for t in e if t.lower_ in TITLES)]))]  # fmt: skip
    return titled[-1] if titled else None


def _holds(title: str, role: str | None) -> bool:
    """Whether a role given before a name is that title itself ("President", "U.S. President";
    not "Vice President")."""
    words = [TITLE_WORDS.get(w, w) for w in (role or "").lower().split()]
    return title in words and not TITLE_QUALIFIERS.intersection(words)


RUNNING = frozenset("candidate nominee contender hopeful bid run campaign".split())  # for an office
# places named as "the <container> of <name>": "an elder in the village of Kora" is of Kora
CONTAINERS = frozenset("village town city state county province region district island "
                       "republic kingdom country nation area neighborhood neighbourhood "
                       "community".split())  # fmt: skip
PARTS = frozenset("one some many most half percent majority minority third quarter share "
                  "number all none each several few both handful dozen couple".split())  # fmt: skip


def _partitive(tok: Any) -> Any | None:
    """The whole a part is of: "one of the co-chairs", "62 percent of voters" (the noun)."""
    if tok.lower_ not in PARTS and not tok.like_num:
        return None
    whole = prep_object(tok, "of")
    return whole if whole is not None and whole.pos_ in ("NOUN", "PROPN") else None


def _singular(noun: Any) -> str:
    """ "co-chairs" -> "co-chair", "policies" -> "policy" (the lemma where the tables know it)."""
    if noun.tag_ != "NNS":
        return noun.text
    if noun.lemma_.lower() != noun.lower_:
        return noun.lemma_
    return noun.text[:-1] if noun.text.endswith("s") and not noun.text.endswith("ss") else noun.text


def _owner(noun: Any) -> Any | None:
    """The possessor of a role noun or of one of its modifiers: "Olm's mayor", "the
    council's director general", "its chief executive"."""
    for t in [noun, *(c for c in noun.lefts if c.dep_ in ("compound", "amod"))]:
        owner = next((c for c in t.children if c.dep_ in ("poss", "nmod:poss")), None)
        if owner is not None:
            return owner
    return None


def _modified(noun: Any, joined: bool = False) -> list[Any]:
    """A noun with its compound and adjective modifiers, theirs too ("a secondary school
    teacher", whichever word "secondary" hangs on); not a possessor's ("Olm's mayor");
    ``joined``: and a second noun joined to it, for one person's role ("founder and CEO")."""
    # (not the quotation the parser hung on the noun: "“... not legal ...,” her adviser said")
    words = [t for t in noun.lefts if t.dep_ in ("compound", "amod") and not _quoted(t)]
    own = [noun]
    if words:
        own = [t for t in noun.doc[words[0].left_edge.i : noun.i + 1]
               if (t.dep_ in ("compound", "amod", "advmod") and not _quoted(t)) or t.i == noun.i]  # fmt: skip
    if not joined:
        return own
    # a role of two nouns: "police and crime commissioner"
    both = next((c for c in noun.rights if c.dep_ == "conj" and c.pos_ == "NOUN"
                 and c.i - noun.i <= 4 and not any(t.is_punct for t in noun.doc[noun.i : c.i])),
                None)  # fmt: skip
    return own + list(noun.doc[noun.i + 1 : both.i + 1]) if both is not None else own


def _affiliation(obj: Any) -> str | None:
    """The body a role belongs to, as named: an entity; "its" or "their" the organisation
    named last before it in its sentence or the one before; "the council" the last named body
    whose name ends in that noun ("the Beverage Producers' Council"), else the words."""
    ent = entity_at(obj)
    if ent is not None and ent.label_ in ("ORG", "GROUP", "PLACE"):
        return _body_name(ent)
    if obj.lower_ in CONTAINERS and obj.is_lower:
        # "the village of Kora": Kora; "Mississippi state Sen.": Mississippi; a bare "state"
        # ("deputy assistant secretary of state") names no body
        candidates = [prep_object(obj, "of"), *(c for c in obj.lefts if c.dep_ == "compound")]
        inner = next((t for t in candidates if t is not None and (
            t.ent_type_ in ("ORG", "GROUP", "PLACE") or t.pos_ == "PROPN")), None)  # fmt: skip
        if inner is None and obj.i > 0 and obj.doc[obj.i - 1].ent_type_ == "PLACE":
            inner = obj.doc[obj.i - 1]
        if inner is not None:
            return _affiliation(inner)
    if obj.pos_ == "PRON":
        if obj.lower_ not in ("its", "their"):
            return None
        named = _body_before(obj, lambda e: e.label_ in ("ORG", "GROUP"), 1)
        return _body_name(named) if named is not None else _titled_body_before(obj)
    if obj.pos_ == "NOUN":  # "the union": the Marlow Teachers' Union named before
        named = _body_before(obj, lambda e: e[-1].lower_ == obj.lower_ and len(e) > 1, 0)
        if named is not None:
            return _body_name(named)
        if (titled := _titled_body_before(obj, obj.lower_)) is not None:
            return titled
        described = _described_as(obj)
        if described is not None:
            return described
        if (kind := _kind_of_body(obj)) is not None:
            return _body_name(kind)
        if (person := _titled_person(obj)) is not None:  # "the president's oldest daughter"
            return strip_titles(person.text)[0]
    words = [t for t in phrase(obj) if t.dep_ != "det"]
    if [t.lower_ for t in words] == [obj.lower_] and (
        obj.lower_ in CONTAINERS or obj.lower_ in TITLES and obj.head.lemma_.lower() in RUNNING
    ):
        return None  # "deputy assistant secretary of state", "candidate for president": no body
    if len(words) > 1 and words[-1].lower_ in GENERIC_HEADS and words[-2].pos_ == "PROPN":
        words = words[:-1]  # "the Al Sadiqoun party" -> "Al Sadiqoun"
    return "".join(t.text_with_ws for t in words).strip()


_BODY_NOUNS = ORG_WORDS | frozenset("group union federation association council".split())
_TITLED_BODY = re.compile(r"(?:[A-Z][\w&-]*(?:s['’]|['’]s)?[ \t]+){1,5}(?P<noun>[A-Z][a-z]+)\b")


def _titled_body_before(tok: Any, noun: str | None = None) -> str | None:
    """A body's name in capitals the NER missed, last before ``tok`` in its sentence or the
    one before, ending in an organisation's noun (``noun`` where given): "its president"
    after "The Growers' Federation", "the union" after "the Marlow Teachers' Union"."""
    before = sentence_before(tok.sent)
    text = doc_text(tok.doc)
    start = before.start_char if before is not None and noun is None else 0
    found = None
    for m in _TITLED_BODY.finditer(text, start, tok.idx):
        last = m.group("noun").lower()
        if last == noun or (noun is None and last in _BODY_NOUNS):
            found = m
    if found is None:
        return None
    words = found.group().split()
    return " ".join(words[1:] if words[0] in ("The", "A", "An") else words)


# a body by its kind, where the article names one body with that word: "police", "the board"
GENERIC_BODIES = frozenset("police board union committee council commission".split())
SERVED_TITLES = frozenset("president governor mayor senator congressman congresswoman".split())
# a body by its kind: "the company's CEO" is the company named last before it, "the paper's
# correspondent" the newspaper
COMPANY_NOUNS = frozenset("company firm retailer chain automaker carmaker airline insurer lender "
                          "manufacturer startup conglomerate".split())  # fmt: skip
NEWS_NOUNS = frozenset("paper newspaper".split())  # ("the network": often another's)
NEWS_WORDS = frozenset("Times Post Journal News Tribune Herald Gazette Globe Chronicle Inquirer "
                       "Observer Guardian Telegraph Magazine Network Radio Press Review Atlantic "
                       "Reuters CNN NBC ABC CBS MSNBC NPR PBS BBC Fox Politico".split())  # fmt: skip
PUBLIC_WORDS = ORG_WORDS - frozenset("company corp. corp inc. inc ltd bank airlines".split())


def _kind_of_body(noun: Any) -> Any | None:
    """The named body "the company" or "the paper" stands for: the last company named in its
    sentence or the two before, the last news outlet named anywhere before; else None."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) or any(
        c.dep_ == "amod" for c in noun.children
    ):
        return None  # ("the biggest U.S. health insurer" describes a body, names none)
    if noun.lower_ in NEWS_NOUNS:
        return _body_before(noun, lambda e: e.label_ == "ORG" and bool(
            NEWS_WORDS.intersection(e.text.split())), 0)  # fmt: skip
    if noun.lower_ in COMPANY_NOUNS:
        return _body_before(noun, lambda e: e.label_ == "ORG" and not PUBLIC_WORDS.intersection(
            e.text.lower().split()) and not NEWS_WORDS.intersection(e.text.split()), 2)  # fmt: skip
    return None


def _described_as(noun: Any) -> str | None:
    """The name an earlier apposition gave this noun's sense: "the group" after "Public
    Citizen, a consumer advocacy group," (the NER may not know the name)."""
    doc = noun.doc
    for t in reversed(doc[: noun.i]):
        if t.dep_ == "appos" and t.lower_ == noun.lower_ and t.head.pos_ == "PROPN":
            start = end = t.head.i
            while start > t.sent.start and (
                doc[start - 1].is_title or doc[start - 1].pos_ == "PROPN"
            ):
                start -= 1
            while end + 1 < t.i and (doc[end + 1].is_title or doc[end + 1].pos_ == "PROPN"):
                end += 1
            return str(doc[start : end + 1].text)
    return None


def _body_name(span: Any) -> str:
    """A named body's words from its first capitalised one: the NER may take in an adjective
    ("the national Resettlement Agency")."""
    first = next((t.i for t in span if not t.is_lower), span.start)
    last = span.end
    while last - first > 1 and span.doc[last - 1].is_lower and span.doc[last - 1].is_stop:
        last -= 1  # nor does it end in a word the NER ran on with: "Catholic Charities of the"
    return str(span.doc[first:last].text)


def _body_before(tok: Any, wanted: Any, sentences: int = 3) -> Any | None:
    """The last organisation, group or place named before ``tok`` that ``wanted`` accepts, in
    its sentence or the ``sentences`` before it (0: anywhere before)."""
    doc = tok.doc
    sent, first = tok.sent, tok.sent.start if sentences else 0
    for _ in range(sentences):
        sent = sentence_before(sent)
        if sent is None:
            break
        first = sent.start
    return next((e for e in reversed(doc.ents) if first <= e.start and e.end <= tok.i
                 and e.label_ in _BODIES and wanted(e)), None)  # fmt: skip


def _span_text(tok: Any) -> str:
    return doc_text(tok.doc)[tok.left_edge.idx : clause_end(tok)].strip(" ,")


def _cue_text(q: Found, text: str) -> str | None:
    """The cue as a reader would name it: "said", "told", "called on", "according to"."""
    if q.cue is None:
        return None
    if q.cue.lower_ == "according":
        return "according to"
    particle = next((c.text for c in q.cue.children if c.dep_ in ("prt", "compound:prt")), "")
    between = text[q.cue.idx + len(q.cue.text) : q.start].strip()
    if between in ("on", "upon", "for"):  # "called on the government to ..."
        particle = between
    return f"{q.cue.text} {particle}".strip()


class Quotes:
    """Find quotes and their speakers; speakers link to entities when the entities stage ran."""

    name: str = "quotes"
    version: int = 1
    requires: tuple[str, ...] = ("doc",)
    assigns: tuple[str, ...] = ("quotes",)

    def __call__(self, analysis: Analysis) -> Analysis:
        doc = analysis.doc
        found = find(doc)
        inside = [(q.start, q.end) for q in found if q.kind == "direct"]
        text = doc_text(doc)
        # (the quoted parts themselves: not the cue between two parts that joined, "“...,”
        # Trump explained. “...”", whose name a later "he said" comes back to)
        people = self._people(doc, analysis, [(s, e) for s, e, _ in direct_spans(text)])
        quotes = []
        described: list[Speaker] = []  # unnamed people who spoke: whom a later "he said" may be
        # a credit line under a quote that runs over paragraphs names the speaker of every part
        credits = {q.chain: c for q in found if q.kind == "direct" and q.chain is not None
                   and (c := _credited(q, text, analysis)) is not None}  # fmt: skip
        parties = _parties(analysis)  # "Harry Reid (D-Nev.)": the party is an affiliation
        for q in found:
            speaker = (self._speaker(q, doc, analysis, people, inside, described)
                       if q.speaker is not None else None)  # fmt: skip
            if speaker is not None and speaker.affiliation is None and speaker.entity_id in parties:
                speaker = replace(speaker, affiliation=parties[speaker.entity_id])
            if speaker is not None and _a_described_person(speaker, q.speaker):
                described.append(speaker)
            if q.kind == "direct" and (speaker is None or speaker.text.lower() in ANYONE):
                chained = credits.get(q.chain) if q.chain is not None else None
                speaker = _credited(q, text, analysis) or chained or speaker
            cue = _cue_text(q, text)
            start = _past_when(text, q.start, q.end) if q.kind != "direct" else q.start
            quotes.append(Quote(text[start : q.end], start, q.end, q.kind, cue, speaker))
        return replace(analysis, quotes=tuple(quotes))

    @staticmethod
    def _people(doc: Any, analysis: Analysis, inside: list[tuple[int, int]]) -> list[Any]:
        """Named mentions outside direct quotes, in order: the antecedents for pronouns. Those
        the NER found, and those the entities stage found by name where the NER did not
        ("Trump on Monday took aim ...", after "President Donald Trump")."""
        from spacy.tokens import Span

        # the NER's spans, typed as the entities stage settled them ("Pyongyang" a place)
        typed = {m.start: e.type for e in analysis.entities for m in e.mentions
                 if m.field == "body"}  # fmt: skip
        found = [
            e for e in doc.ents if typed.get(e.start_char, e.label_) in ("PERSON", "ORG", "GROUP")
        ]
        taken = {i for e in doc.ents for i in range(e.start, e.end)}
        for entity in analysis.entities:
            if entity.type not in ("PERSON", "ORG", "GROUP"):
                continue
            for m in entity.mentions:
                span = doc.char_span(m.start, m.end) if m.field == "body" else None
                if span is not None and not taken & set(range(span.start, span.end)):
                    found.append(Span(doc, span.start, span.end, label=entity.type))
                    taken.update(range(span.start, span.end))
        found.sort(key=lambda e: e.start)
        # (nor a party tag the NER took for a name: "Mitch McConnell, R-Ky., answered")
        return [e for e in found if not any(s <= e.start_char < t for s, t in inside)
                and not PARTY_TAG.match(e.text)]  # fmt: skip

    def _speaker(
        self, q: Found, doc: Any, analysis: Analysis, people: list[Any],
        inside: list[tuple[int, int]], described: Sequence[Speaker] = (),
    ) -> Speaker:  # fmt: skip
        tok = q.speaker
        span = phrase(tok)
        if tok.lower_ == "they" and (ante := _plural_subject(tok, inside)) is not None:
            # "Airline lobbyists opposed the rules. It would be too expensive, they said."
            meant = self._speaker(replace(q, speaker=ante), doc, analysis, people, inside)
            return replace(meant, text=span.text, start=span.start_char, end=span.end_char,
                           description=meant.description or (None if meant.name else meant.text))  # fmt: skip
        if tok.dep_ in SUBJECT_DEPS and any(
            c.dep_ == "nsubj" and c.i < tok.i for c in tok.children
        ):
            # a subject read as a clause of its own: "Those close to him say ..." (not a noun a
            # relative clause hangs on: "Workhorse is a startup that has reported losses")
            span = doc[tok.left_edge.i : tok.right_edge.i + 1]
        inside_marks = [t.i for t in span if t.i < tok.i and _quoted(t)]
        if inside_marks and not _quoted(tok):  # the quotation the parser hung on the speaker
            first = max(inside_marks) + 1
            while first < tok.i and (doc[first].is_punct or doc[first].is_space):
                first += 1
            span = doc[first : span.end]
        member = (
            tok.lower_ in PARTY_MEMBERS
            and tok.tag_ in ("NNP", "NN")
            and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        )
        named = None if member else entity_at(tok) or _named_in(tok, span)
        if named is not None and (titled := _titled_name_after(tok, named)) is not None:
            named = titled  # "Anne Arundel County Deputy Police Chief William Krampf"
        if named is None and not member and (tok.pos_ == "PROPN" or tok.is_upper and len(tok) > 1):
            # a name the NER missed and the entities stage found: "Gary Pike, who chairs the
            # traders' group, said", "according to ICE" (a body only by its whole name: not "Office" of "the Ohio Attorney General's
            # Office", "Committee" of "the nonpartisan Committee for a Responsible ...")
            named = next((e for e in people if e.start <= tok.i < e.end
                          and (e.label_ == "PERSON" or _whole_name(e))), None)  # fmt: skip
        if named is None and tok.pos_ in ("PROPN", "NOUN") and tok.is_title:
            # a surname the NER missed, of a person named in full before: "Pike said"
            named = next((e for e in reversed(people) if e.label_ == "PERSON" and len(e) > 1
                          and e[-1].text == tok.text and e.end_char <= span.start_char), None)  # fmt: skip
        kind = PRONOUNS.get(tok.lower_)
        if tok.lower_ in ("i", "we") and not any(a <= tok.idx < b for a, b in inside):
            kind = None  # the writer's own "I" or "we", outside any quotation
            author = _sole_author(analysis.article.byline)
            if tok.lower_ == "i" and author:  # "I can't explain the motives ...": the byline's
                return Speaker(span.text, span.start_char, span.end_char, author, None, "author",
                               analysis.article.source)  # fmt: skip
        indefinite = any(c.dep_ in ("det", "nummod", "amod") and c.lower_ in INDEFINITE
                         for c in tok.children)  # fmt: skip
        if indefinite and tok.text in PARTIES:  # "one Democrat told POLITICO": a member
            named_after = next((c for c in tok.children if c.dep_ in ("appos", "conj")
                                and c.ent_type_ == "PERSON"), None)  # fmt: skip
            if named_after is not None:  # "a Democrat in the group, Senator Charles Schumer,"
                return self._speaker(replace(q, speaker=named_after), doc, analysis, people,
                                     inside, described)  # fmt: skip
            party = _canonical(PARTIES[tok.text], analysis)
            span = doc[tok.left_edge.i : tok.i + 1]
            return Speaker(span.text, span.start_char, span.end_char, None, None, tok.text, party)
        if (
            kind is not None
            or member
            or (named is None and not indefinite and tok.lower_ in TITLES - SPOKESPEOPLE)
        ):
            # named before the speaker; a title ("the chairman") not by a name in what it said
            # ("X will not ignore misconduct by Sgt. Bowe Bergdahl, ... the chairman said")
            before = [e for e in people if e.end_char <= span.start_char
                      and (kind is not None or not q.start <= e.start_char < q.end)]  # fmt: skip
            labels = PRONOUN_REFERENTS.get(kind or "PERSON", ("PERSON",))
            before = [e for e in before if e.label_ in labels]
            if kind == "PERSON":  # among the last few names (not pronouns), those it may be
                before = [e for e in before if e.text.lower() not in (*PRONOUNS, *GENDERS)]
                # not whom a quote names: "“I don't think that Donald Trump gets it,” he said"
                quoted = _named_inside(q, analysis)

                def fits(names: list[Any], known: bool = False) -> list[Any]:
                    return [e for e in _may_be(tok, names, analysis, known)
                            if _person_key(e, analysis) not in quoted]  # fmt: skip

                # where none of them may be, further back, one known to be of its gender:
                # "Wilson said he got out ... chasing Brown. He said Brown then stopped ... He
                # said he ordered Brown to ...": Wilson
                # (in its paragraph or the one before)
                near = [
                    e for e in before[-FAR_ANTECEDENTS:] if e.start_char >= _paragraphs_back(tok)
                ]
                before = fits(before[-ANTECEDENTS:]) or fits(near, True)[-1:]
            untitled = False
            if kind is None and not member:  # a title: whom the article gave it, if anyone
                titled = _titled(tok, before[-TITLED_REACH:]) or _titled(tok, before)[-1:]
                untitled = not titled
                before = titled or _untitled(tok, before)
            near = doc[max(tok.i - 3, tok.sent.start) : tok.i + 1]
            if kind is None and (state := _state_in(near)):  # "the Nevada Democrat": the one
                homes = _home_states(analysis)  # the article ties to Nevada ("Reid (D-Nev.)")
                before = [e for e in before if state in homes.get(_person_key(e, analysis), ())
                          ] or before  # fmt: skip
            named = _antecedent(before)
            if kind == "PERSON" and (chained := _chained(tok, analysis)) is not None:
                # "He also scolded officials. He cited an estimate, asking, “...?”": the judge
                # the first "He" was linked to, not the president named before it
                mine = [e for e in people if e.end_char <= span.start_char
                        and _entity_at(e, analysis) is chained]  # fmt: skip
                named = (
                    mine[-1] if mine and _person_key(mine[-1], analysis) not in quoted else named
                )
            # "One resident, a retired crane operator, said ... “...,” he said": that resident
            back = (
                _described_before(tok, described, named) if tok.lower_ in GENDERS
                # "said a second Republican senator ... The lawmaker said": that senator
                else _described_title(tok, described) if untitled else None
            )  # fmt: skip
            if back is not None:
                return Speaker(span.text, span.start_char, span.end_char, None, None, back.role,
                               back.affiliation, back.text)  # fmt: skip
        if named is None and (ahead := _named_ahead(tok, people)) is not None:
            # "The top Democrat on the House Intelligence Committee said ...\n\nRep. Adam
            # Schiff, California Democrat, revealed ...": the lead names the speaker later
            meant = self._speaker(replace(q, speaker=ahead.root), doc, analysis, people, inside)
            return replace(meant, text=span.text, start=span.start_char, end=span.end_char)
        if named is None:  # a described speaker: "one resident, a retired crane operator,"
            role, affiliation, description = profile(tok, span.start, span.end)
            own_role, owner = _described(tok)
            if own_role and (role is None or role in own_role.split()):
                role = own_role  # "the acting director": all of it, not "director"
            affiliation = _canonical(affiliation or owner, analysis)
            return Speaker(span.text, span.start_char, span.end_char, None, None, role, affiliation,
                           description)  # fmt: skip
        name = _full_name(named, doc)
        # where the article gives the role: the first mention by full name as the entities
        # stage linked them, else the first span of the longest name ending like this one
        entity = _entity_at(named, analysis)
        linked = _first_mention(named, entity)
        first = next((e for e in doc.ents if e.text == name), named)
        role, affiliation, description = profile(first.root, first.start, first.end)
        if linked is not None and (role is None or linked.start != first.start):
            found = profile(linked.root, linked.start, linked.end)
            if found[0] not in (None, *HONORIFICS) or role is None:
                first, (role, affiliation, description) = linked, found
        if tok.pos_ == "NOUN" and not named.start <= tok.i < named.end:
            # the name hangs on a title: "Its director, Lejla Hodzic," "council leader Fiona Marsh"
            # ("the Arizona senator": his party says more than his state)
            own_role, owner = _described(tok, ("ORG",), joined=True)
            role, affiliation = own_role or role, owner or affiliation
        body = named.label_ != "PERSON"
        name, title = strip_titles(name) if not body else (name, None)
        role = role or title
        role = None if role in HONORIFICS else role  # "Ms Haley": a courtesy, no role
        if body and role and all(w in named.text.split() for w in role.split()):
            role = None  # a word of a body's own name: "World Health Organization" has no role
        if role and _party_and_state(role):
            party_word = next((w.removesuffix("s") for w in role.split()
                           if w.lower().removesuffix("s") in PARTY_MEMBERS), None)  # fmt: skip
            role = title or _title_before(doc, first.start)[0]  # "Iowa Republican": no post
            # ("Sen Susan Collins, one of only two Republicans": the party)
            affiliation = affiliation or PARTIES.get(party_word or "")
        if role and affiliation is None:
            role, affiliation = _named_before_title(role, analysis)
        entity_id = entity.id if entity else None
        name = entity.name if entity else name
        affiliation = _canonical(affiliation, analysis)
        if body and affiliation == name:  # a body is not its own affiliation
            affiliation = None
        return Speaker(span.text, span.start_char, span.end_char, name, entity_id, role,
                       affiliation, description)  # fmt: skip


def _whole_name(span: Any) -> bool:
    """Whether a name span takes in all the capitalised words of its name."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and (before.tag_ == "POS" or before.text == "&" or (
            before.is_title and before.i != before.sent.start and not before.is_stop)):  # fmt: skip
        return False
    if after is not None and after.text in ("&", "of", "for"):  # "Committee for a Responsible"
        k = after.i + 1
        while k < len(doc) and doc[k].lower_ in ("a", "an", "the"):
            k += 1
        after = doc[k] if k < len(doc) else None
    return after is None or not (after.is_title or after.is_upper and after.is_alpha)


def _named_before_title(role: str, analysis: Analysis) -> tuple[str, str | None]:
    """A title read with the name of a place the article names elsewhere before it ("Kesh
    Mayor", Kesh a place the article names at its border post): that place is the
    affiliation ("Agriculture Minister" names none)."""
    words = role.split()
    first = next((k for k, w in enumerate(words) if w.lower() in TITLES), 0)
    if first == 0:
        return role, None
    before = " ".join(words[:first])
    if before in STATE_NAMES:  # "Arizona senator": the party says more (see _parties)
        return role, None
    named = any(e.type == "PLACE" and (e.name == before or before in e.aliases)
                for e in analysis.entities)  # fmt: skip
    return (" ".join(words[first:]), before) if named else (role, None)


def _party_and_state(role: str) -> bool:
    """Whether a 'role' is only a party member and a state: "Iowa Republican", "South Carolina
    Republican", "N.Y. Democrat"."""
    words = [w for w in role.split() if w.lower().removesuffix("s") not in PARTY_MEMBERS]
    place = " ".join(words)
    return not words or place in STATE_NAMES or all(w in US_ABBREVIATIONS for w in words)


def _sole_author(byline: str | None) -> str | None:
    """The one person a byline names ("German Lopez"), else None (several, or none)."""
    if not byline or re.search(r",|;|&|\band\b|\|", byline):
        return None
    words = byline.split()
    return byline if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) else None


# A digest's credit under a quoted paragraph: "Gaby Hinsliff, The Guardian" (The Flip Side and
# others: 1,384 in 448 AllSides articles)
_CREDIT_LINE = re.compile(
    r"(?:[ \t]*\n\s*\n|[ \t]+)(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}), "
    r"(?P<outlet>(?:[Tt]he )?[A-Z][\w.'’&-]*(?: (?:of |for |and )?[A-Z&][\w.'’&-]*){0,4})[ \t]*(?:\n|$)"
)
ANYONE = frozenset({"some", "others", "many", "critics", "one", "someone"})


def _credited(q: Found, text: str, analysis: Analysis) -> Speaker | None:
    """The speaker a credit line under a quote's paragraph names, when the quote ends the
    paragraph (or the credit ends it, right after the quote: "... at best.” B Jessie Hill,
    The Guardian"): the person (as the entities stage named them), with the outlet."""
    end = q.end + 1 if q.end < len(text) and text[q.end] in MARKS else q.end
    m = _CREDIT_LINE.match(text, end)
    if m is None:
        return None
    start, stop = m.span("name")
    entity = next((e for e in analysis.entities if e.type == "PERSON" and any(
        mn.field == "body" and start <= mn.start < mn.end <= stop for mn in e.mentions)), None)  # fmt: skip
    if entity is not None:
        return Speaker(m["name"], start, stop, entity.name, entity.id, None, m["outlet"])
    # not a person: "Editorial Board, Wall Street Journal" is the Wall Street Journal
    # editorial board, not any paper's
    board = f"{m['outlet'].removeprefix('The ')} {m['name'].lower().removeprefix('the ')}"
    return Speaker(m["name"], start, stop, board, None, None, m["outlet"])


def _us_state(word: str) -> str | None:
    """The postal code of a US state named in full, AP style or by code: "Nevada", "Nev.",
    "NV" -> NV."""
    if word in US_ABBREVIATIONS:
        return US_ABBREVIATIONS[word]
    if len(word) == 2 and word in US_CODES:
        return word
    return STATE_NAMES.get(word)


def _state_in(span: Any) -> str | None:
    """The US state a speaker's words name: "the Nevada Democrat", "the Kentucky senator"."""
    found = _STATE_NAME.search(span.text)
    return STATE_NAMES[found.group()] if found else None


# a party tag after a name ("Harry Reid (D-Nev.)", "Rand Paul, R-Ky.") or "of <State>" after it
_TAG_AFTER = re.compile(
    r"\s*[(,]\s*[DRI]-(?P<tag>[A-Z][A-Za-z.]*(?:\s?[A-Z]\.)?)|\s+of\s+(?P<of>[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
)


def _home_states(analysis: Analysis) -> dict[str, set[str]]:
    """Each person's US state, as the article ties them to one: a party tag or "of <State>"
    after a name, or the state right before it ("Kentucky Sen. Rand Paul")."""
    body = analysis.article.body
    out: dict[str, set[str]] = {}
    for entity in analysis.entities:
        if entity.type != "PERSON":
            continue
        for m in entity.mentions:
            if m.field != "body":
                continue
            states = out.setdefault(entity.id, set())
            if (after := _TAG_AFTER.match(body, m.end)) and (
                state := _us_state(after["tag"] or after["of"])
            ):
                states.add(state)
            if before := list(_STATE_NAME.finditer(body, max(0, m.start - 30), m.start)):
                states.add(STATE_NAMES[before[-1].group()])
    return out


PARTIES = {"D": "Democratic Party", "R": "Republican Party", "Democrat": "Democratic Party",
           "Republican": "Republican Party", "Democratic": "Democratic Party"}  # fmt: skip
# a party after a name: a tag ("Harry Reid (D-Nev.)", "Rand Paul, R-Ky.") or a description
# ("Chuck Grassley, Iowa Republican", "Sen. Joe Manchin, a West Virginia Democrat")
_PARTY_AFTER = re.compile(
    r"\s*[(,]\s*(?P<tag>[DR])-[A-Z]|,\s+(?:an?\s+)?(?:(?:" + _STATE_NAME.pattern + r")\s+)?"
    r"(?P<member>Republican|Democrat)\b(?!\s+(?:Party|National|Governors|Senator)\b)"
)


def _parties(analysis: Analysis) -> dict[str, str]:
    """Each person's party, as a party tag or description right after their name gives it."""
    body = analysis.article.body
    out: dict[str, str] = {}
    for entity in analysis.entities:
        if entity.type != "PERSON":
            continue
        for m in entity.mentions:
            if m.field == "body" and (after := _PARTY_AFTER.match(body, m.end)):
                out.setdefault(entity.id, PARTIES[after["tag"] or after["member"]])
    return out


def _canonical(body: str | None, analysis: Analysis) -> str | None:
    """A body's name as the entities stage gives it, aliases merged, and a short form of one
    longer name the article gives in full: "Aurex" -> "Aurex Minerals"."""
    if body is None:
        return None
    if body.count("“") != body.count("”") or body.count('"') % 2:  # "the “Gang of Eight,”"
        body = body.strip('“”" ') or None  # (not "the “We can't breathe” vigil")
    if body is not None and body.lower().startswith(("then-", "ex-")):
        body = body.split("-", 1)[1]  # "then-Russian Ambassador Sergey Kislyak": Russia
    if body is None:
        return None
    # a party by its member or adjective: "Wisconsin Republican congressman Sean Duffy"
    body = PARTIES.get(body, body)
    bodies = [e for e in analysis.entities if e.type != "PERSON"]
    if body in GENERIC_BODIES:  # "police spokesman Don Aaron": the one police force named
        named = {e.name for e in bodies if e.type == "ORG" and body in e.name.lower().split()}
        if len(named) == 1:
            return named.pop()
    known = next((e.name for e in bodies if e.type == "ORG" and body in e.aliases), None)
    if known is not None:  # another name of an organisation: "House" is the House, not the
        return known  # "House Budget Committee" named elsewhere
    # (a place keeps to places: "Kingsmere" the town is not Kingsmere University, nor "Dallas"
    # the Dallas West Church of Christ the NER took for a place)
    place = any(e.type == "PLACE" and (e.name == body or body in e.aliases) for e in bodies)
    longer = {e.name for e in bodies if e.name.startswith(body + " ") and (not place or (
        e.type == "PLACE" and not ORG_WORDS.intersection(e.name.lower().split())))}  # fmt: skip
    if len(longer) == 1:
        return longer.pop()
    # a people is its country: "French Foreign Minister Laurent Fabius" is France's
    country = next((e.place.name for e in bodies if e.type == "GROUP" and e.place is not None
                    and (e.name == body or body in e.aliases)), None)  # fmt: skip
    if country is not None:
        return country
    known = next((e.name for e in bodies if body in e.aliases), None)
    # a person served, by another of their names: "a Trump aide" is Donald Trump's
    people = (e.name for e in analysis.entities if e.type == "PERSON" and body in e.aliases)
    return known or next(people, body)


def _named_in(tok: Any, span: Any) -> Any | None:
    """The name a title heads ("Secretary of State John Kerry", "Representative Steve
    Israel"), or the name it describes when the parser hangs the title on the name
    ("according to council leader Fiona Marsh")."""
    for child in tok.rights:
        named = entity_at(child) if child.dep_ in NAMED_DEPS else None
        if named is not None and named.label_ in ("PERSON", "ORG", "GROUP"):
            return named
        if child.dep_ == "nmod" and tok.pos_ == "PROPN" and child.ent_type_ == "PERSON":
            # a body's titled head, the body's name read as the subject: "Club for Growth
            # President Chris Chocola"
            named = entity_at(child)
            if named is not None and tok.doc[named.start - 1].lower_ in TITLES:
                return named
        if child.dep_ == "nmod":  # "The British ambassador to the UN, Matthew Rycroft,": the
            for appos in child.rights:  # parser hangs the name on the body, not the title
                named = entity_at(appos) if appos.dep_ == "appos" else None
                if named is not None and named.label_ == "PERSON" and child.ent_type_ != "PERSON":
                    return named
    if tok.dep_ in NAMED_DEPS and tok.i < tok.head.i:
        named = entity_at(tok.head)
        if named is not None and named.label_ == "PERSON":
            return named
    return next((e for e in span.ents if e.label_ == "PERSON" and e.end == span.end
                 and not _owns(e.root, tok)), None)  # fmt: skip


def _titled_name_after(tok: Any, named: Any) -> Any | None:
    """The person a title after a name names, where the parser hung them on that name: the
    NER took the county of "Anne Arundel County Deputy Police Chief William Krampf" for a
    person; the speaker is Krampf. Not a list: "Chuck Schumer, D-N.Y.; Sen. Kamala Harris"."""
    doc = tok.doc
    for c in tok.rights:
        if (c.dep_ == "flat" and c.ent_type_ == "PERSON" and c.ent_iob_ == "B" and c.i > named.end
                and any(doc[k].lower_ in TITLES for k in range(named.end, c.i))
                and not any(doc[k].is_punct or doc[k].lower_ == "and"
                            for k in range(named.end, c.i))):  # fmt: skip
            return entity_at(c)
    return None


def _owns(name: Any, title: Any) -> bool:
    """Whether a name is whose the noun is: "The daughter of Gen. Qassem Soleimani" is not
    Soleimani, nor is "Soleimani's daughter" (but "Secretary of State John Kerry" is Kerry:
    a title heads its bearer's name)."""
    return (
        title.lower_ not in TITLES
        and name.head.i == title.i
        and name.dep_ in ("nmod", "poss", "nmod:poss", "pobj")
    )


def _paragraphs_back(tok: Any, n: int = 1) -> int:
    """Where the paragraph ``n`` before a token's own begins (a character offset)."""
    text = doc_text(tok.doc)
    start = tok.idx
    for _ in range(n + 1):  # back over the break before each paragraph
        start = text.rfind("\n\n", 0, start)
        if start < 0:
            return 0
    return start + 2


def _may_be(pronoun: Any, before: list[Any], analysis: Analysis, known: bool = False) -> list[Any]:
    """The people a "he" or "she" may stand for: not one of the other gender (by the pronouns
    the entities stage linked to them; ``known``: only those of a known gender), and, for a
    subject, not one its own sentence names after it ("She is daring Trump to sue her" is not
    Trump)."""
    want = GENDERS.get(pronoun.lower_)  # "I" has none
    later = set()  # the people named after a subject pronoun in its sentence, by entity
    if pronoun.dep_.startswith("nsubj"):
        later = {_person_key(e, analysis) for e in pronoun.sent.ents
                 if e.label_ == "PERSON" and e.start > pronoun.i}  # fmt: skip
    genders = _pronoun_genders(analysis) if want else {}

    def may_be(e: Any) -> bool:
        entity = _entity_at(e, analysis)
        # a name no entity holds by its first name ("first lady Michelle Obama")
        unknown = None if known else want
        gender = genders.get(entity.id, unknown) if entity else gender_of(e.text) or unknown
        return _person_key(e, analysis) not in later and gender == want

    return [e for e in before if may_be(e)]


TITLED_REACH = 10  # names back to the person a title speaker ("the press secretary") was given
DESCRIBED_REACH = 600  # characters back to the unnamed speaker a "he said" may come back to
# singular speakers that are no people: "a report said", "a statement added"
NOT_PEOPLE = frozenset(
    """report study statement survey poll document analysis letter article data research paper
    filing record website memo email post video release note book story review audit ruling
    order complaint lawsuit suit indictment""".split()
)
FEMALE = frozenset("woman mother girl wife daughter sister grandmother widow lady".split())
MALE = frozenset("man father boy husband son brother grandfather widower".split())


def _a_described_person(speaker: Speaker, tok: Any) -> bool:
    """Whether a speaker is one person the article describes but does not name: "one
    resident, a retired crane operator", "a fishmonger"."""
    return (speaker.name is None and tok.pos_ == "NOUN" and tok.tag_ == "NN"
            and tok.lower_ not in NOT_PEOPLE and tok.lower_ not in PRONOUNS)  # fmt: skip


def _described_before(pronoun: Any, described: Sequence[Speaker], named: Any) -> Speaker | None:
    """The unnamed person a "he" or "she" speaker comes back to: the last one who spoke before
    it, nearer than the last person named and of no other gender by their words."""
    at = pronoun.idx
    want = GENDERS.get(pronoun.lower_)
    for d in reversed(described):
        if d.start >= at or at - d.start > DESCRIBED_REACH:
            continue
        if named is not None and named.start_char > d.start:
            return None
        words = set(d.text.lower().split())
        gender = "f" if words & FEMALE else "m" if words & MALE else None
        return d if gender in (None, want) else None
    return None


LEGISLATORS = frozenset("lawmaker legislator senator congressman representative".split())


def _described_title(title: Any, described: Sequence[Speaker]) -> Speaker | None:
    """The unnamed speaker a title no one named holds comes back to: the last one who spoke
    before it, within reach, whose role ends in that title or, for a lawmaker, in another
    lawmaker's ("a second Republican senator ... The lawmaker said")."""
    noun = TITLE_WORDS.get(title.lemma_.lower(), title.lemma_.lower())
    kin = LEGISLATORS if noun in LEGISLATORS else {noun}
    last = next((d for d in reversed(described) if d.start < title.idx), None)
    if last is None or title.idx - last.start > DESCRIBED_REACH or not last.role:
        return None
    head = last.role.split()[-1].lower()
    return last if TITLE_WORDS.get(head, head) in kin else None


def _named_ahead(title: Any, people: list[Any]) -> Any | None:
    """The person a lead that describes its speaker before anyone is named names next, in
    the two sentences after, when the name's role holds the title's noun ("A federal judge
    on Tuesday blocked ... U.S. District Judge William Orrick ruled"); else None."""
    if title.pos_ not in ("NOUN", "PROPN") or title.tag_ not in ("NN", "NNP"):
        return None
    if any(e.start < title.i for e in people if e.label_ == "PERSON"):
        return None  # someone is named before: the usual antecedents decide
    doc = title.doc
    end = title.sent.end
    for _ in range(2):  # its sentence and the two after
        end = doc[end].sent.end if end < len(doc) else end
    first = next((e for e in people if e.label_ == "PERSON" and title.i < e.start < end), None)
    if first is None or len(first) < 2:
        return None
    role = profile(first.root, first.start, first.end)[0] or _title_before(doc, first.start)[0]
    words = {TITLE_WORDS.get(w, w) for w in (role or "").lower().split()}
    return first if TITLE_WORDS.get(title.lower_, title.lower_) in words else None


def _titled(title: Any, people: list[Any]) -> list[Any]:
    """The people among ``people`` whose role, as the article gives it, holds the title's noun:
    "The press secretary replied" is "Jay Carney, the White House press secretary", named
    before, not the candidate named since."""
    owner = _owner(title) or _named_owner(title)
    owner_words = set(_span_text(owner).split()) if owner is not None else set()
    # and its rank: "the vice president" is not "President Donald Trump"
    qualifiers = {c.lower_ for c in title.lefts if c.lower_ in TITLE_QUALIFIERS}
    out = []
    for e in people:
        role, body, _ = profile(e.root, e.start, e.end)
        role, body = (role, body) if role else _title_before(e.doc, e.start)
        words = {TITLE_WORDS.get(w, w) for w in (role or "").lower().split()}
        # and the same owner, where the title names one: "the slain leader Qassem Soleimani"
        # is no "leader of Lebanon's Hezbollah group"
        if (
            TITLE_WORDS.get(title.lower_, title.lower_) in words
            and qualifiers <= words
            and (not owner_words or owner_words & set((body or "").split()))
        ):
            out.append(e)
    return out


TITLE_QUALIFIERS = frozenset("vice deputy assistant associate acting former lieutenant".split())
# a title's short form or other word, as a later title names it: "Gov. Jay Nixon" is "the
# governor", "Rep. Jerrold Nadler" "the congressman"
TITLE_WORDS = {"gov.": "governor", "sen.": "senator", "rep.": "congressman",
               "representative": "congressman", "congresswoman": "congressman",
               "gen.": "general", "col.": "colonel", "sgt.": "sergeant", "lt.": "lieutenant",
               "rev.": "reverend", "chairwoman": "chairman", "chair": "chairman",
               "spokeswoman": "spokesman", "spokesperson": "spokesman"}  # fmt: skip


def _untitled(title: Any, people: list[Any]) -> list[Any]:
    """Whom a title the article gave nobody may stand for: nobody when the title says whose
    it is ("Turkey's president called ...", "the deputy leader of Hezbollah says", a new
    item of a live report, not the general named before), else the people named before
    with no other title ("Sen. Grassley" is no "chairman" the article did not call him)."""
    if _owner(title) is not None or _named_owner(title) is not None:
        return []
    titled = {e.text.split()[-1] for e in people
              if profile(e.root, e.start, e.end)[0] or _title_before(e.doc, e.start)[0]}  # fmt: skip
    return [e for e in people if e.text.split()[-1] not in titled]


def _named_owner(title: Any) -> Any | None:
    """The phrase after a title that names whose it is ("leader of Lebanon's Hezbollah
    group"); not one that is part of the title ("the former secretary of state")."""
    return next((c for c in title.children if c.dep_ in ("nmod", "prep")
                 and any(t.ent_type_ for t in c.subtree)), None)  # fmt: skip


def _named_inside(q: Found, analysis: Analysis) -> set[str]:
    """The people a direct quote names (their entity ids), not by a pronoun."""
    if q.kind != "direct":
        return set()
    return {e.id for e in analysis.entities if e.type == "PERSON" and any(
        m.field == "body" and q.start <= m.start < q.end and m.text[:1].isupper()
        and m.text.lower() not in (*PRONOUNS, "i") for m in e.mentions)}  # fmt: skip


def _person_key(name: Any, analysis: Analysis) -> str:
    """Who a named span is: its entity, else its last word ("Smith" and "John Smith")."""
    entity = _entity_at(name, analysis)
    return entity.id if entity else name.text.split()[-1]


def _pronoun_genders(analysis: Analysis) -> dict[str, str]:
    """Each person's gender where a title gives it ("Ms Haley"), else where the pronouns the
    entities stage linked to them agree, else where the first name tells it."""
    out: dict[str, str] = {}
    body = analysis.article.body
    for entity in analysis.entities:
        said = {GENDERS[m.text.lower()] for m in entity.mentions if m.text.lower() in GENDERS}
        titled = {title_gender(body[max(0, m.start - 6) : m.start]) for m in entity.mentions
                  if m.field == "body"} - {None}  # fmt: skip
        if entity.type == "PERSON" and len(titled) == 1:  # "Ms Haley": a title says it outright
            out[entity.id] = titled.pop()  # type: ignore[assignment]
        elif entity.type == "PERSON" and len(said) == 1:
            out[entity.id] = said.pop()
        elif entity.type == "PERSON" and not said and (first := gender_of(entity.name)):
            out[entity.id] = first  # no pronoun yet: the first name ("Joe Biden")
    return out


def _entity_at(span: Any, analysis: Analysis) -> Any | None:
    """The entity one of whose body mentions holds the span's start, else the one whose
    mention is the span but for its titles ("President Obama", whose mention is "Obama")."""
    text = analysis.article.body or ""
    for entity in analysis.entities:
        for m in entity.mentions:
            if m.field != "body" or not m.start < span.end_char or not span.start_char < m.end:
                continue
            if entity.type == "PLACE" and m.end < span.end_char and span.label_ != "PLACE":
                continue  # "the U.S. Trade Commission" is no "U.S."
            before = text[span.start_char : m.start].split()
            if m.start <= span.start_char or (
                entity.type == "PERSON" and all(w.lower() in TITLES for w in before)
            ):
                return entity
    return None


def _plural_subject(pronoun: Any, inside: list[tuple[int, int]]) -> Any | None:
    """The people a "they" speaker stands for: the last plural subject before it, outside
    quotations, in its sentence or the one before ("Airline lobbyists opposed the rules. It
    would be too expensive, they said"; "As those critics try to repeal it, they assert"),
    or the one before that where a "they" is the subject between."""
    sent, own = pronoun.sent, True
    for _ in range(3):  # its sentence, the one before, and one more past a "they"
        if sent is None:
            return None
        # (of a main clause, or in its own sentence of a clause on its verb: not "given that
        # primary voters cite it", "Though polls showed how voters felt, they ...")
        subjects = [t for t in sent if t.i < pronoun.i and t.dep_ in SUBJECT_DEPS
                    and not any(a <= t.idx < b for a, b in inside)
                    and (_main_clause(t.head) or own and t.head.head.i == pronoun.head.i)]  # fmt: skip
        plural = [t for t in subjects if t.pos_ != "PRON" and (
            t.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" and any(
                g.lower_ == "and" for g in c.children) for c in t.children))]  # fmt: skip
        if plural:
            return plural[-1]
        if not own and not any(t.lower_ == "they" for t in subjects):
            return None
        sent, own = sentence_before(sent), False
    return None


def _main_clause(verb: Any) -> bool:
    """Whether a verb heads its sentence's main clause, or one joined to it."""
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def _antecedent(before: list[Any]) -> Any | None:
    """What a pronoun speaker stands for: the last named subject in the last few names, as in
    "Smith met Jones. 'We agreed,' he said." (Smith), else the last name."""
    subjects = []
    for e in reversed(before[-ANTECEDENTS:]):
        head, appos, modifier = e.root, False, False
        # up to the clause: "The British ambassador to the UN, Matthew Rycroft, said", the
        # name hung on the body ("UN"), the body on the subject
        while (head.dep_ in ("flat", "compound", "appos", "conj") or appos and head.dep_ == "nmod"
               ) and head.head.i != head.i:  # fmt: skip
            appos = head.dep_ == "appos"
            modifier = modifier or head.dep_ == "compound"
            head = head.head
        if head.dep_ in SUBJECT_DEPS:
            subjects.append((e, _main_clause(head.head) and not modifier))
    # a main clause's subject before one inside what it reports: "Cummings said he is
    # concerned about the nominee, Judge Merrick Garland, changing ...": Cummings (not a
    # name that only modifies the subject: "the Obama campaign has ..., while Romney")
    main = next((e for e, is_main in subjects if is_main), None)
    if main is not None and subjects[0][0].sent.start == main.sent.start:
        return main
    return subjects[0][0] if subjects else before[-1] if before else None


def _chained(pronoun: Any, analysis: Analysis) -> Any | None:
    """The person a "he" or "she" continues from the sentence before, whose subject is the
    same pronoun and whom the entities stage linked it to."""
    if pronoun.lower_ not in GENDERS:
        return None
    if any(e.label_ == "PERSON" and e.end <= pronoun.i for e in pronoun.sent.ents):
        return None  # "Doyle McManus is right when he claims ...": the name in its sentence
    before = sentence_before(pronoun.sent)
    if before is None:
        return None
    subj = next((c for c in before.root.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None or subj.lower_ != pronoun.lower_:
        return None
    return next((e for e in analysis.entities if e.type == "PERSON"
                 and any(m.field == "body" and m.start == subj.idx for m in e.mentions)), None)  # fmt: skip


def _first_mention(named: Any, entity: Any | None) -> Any | None:
    """The NER's span of a person's first mention by full name, as the entities stage linked
    them (``entity``: "Michelle Obama", not "President Obama", for "Mrs. Obama said"): where
    the article gives the role."""
    if entity is None or entity.type != "PERSON":
        return None
    starts = {m.start for m in entity.mentions if m.field == "body" and m.text[:1].isupper()
              and m.text.lower() not in PRONOUNS}  # fmt: skip
    spans = [e for e in named.doc.ents if any(e.start_char <= a < e.end_char for a in starts)]
    longest = max((len(strip_titles(e.text)[0].split()) for e in spans), default=0)
    return next((e for e in spans if len(strip_titles(e.text)[0].split()) == longest), None)


def _full_name(named: Any, doc: Any) -> str:
    """'Alrawi' is the 'Khalid Alrawi' the article named before (or after)."""
    if named.label_ != "PERSON":
        return str(named.text)
    last = named.text.split()[-1]
    given = [w for w in named.text.split()[:-1] if w in first_names()]  # "Zeinab Soleimani" is
    fuller = [e.text for e in doc.ents if e.label_ == "PERSON"  # not "Qassem Soleimani"
              and e.text.split()[-1] == last and all(w in e.text.split() for w in given)]  # fmt: skip
    return max(fuller, key=len, default=named.text)
