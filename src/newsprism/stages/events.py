"""Events: who did what to whom, where and when, read off the dependency parse.

An event is a verb (or an event noun: "the killing of", "an air strike") whose lemma belongs
to one of a small set of action classes in the spirit of CAMEO. Its actor is the subject (the
agent of a passive), its target the object (the subject of a passive, or what "of" introduces
after an event noun), its place a place named where it happened ("in", "at", "near" ... a place,
in its own clause, not in a clause below it: "said ... cut jobs in France" places the cuts, not
the saying; "the US killing" and "US automaker" name no place), its date the nearest resolved
date in its own clause, else in the clause it hangs in (unless that clause reports it), else
in its sentence. The article's main event is the first deed of the lead (see _main).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..records import Analysis, DateRef, Entity, Event, Quote
from ..syntax import (
    OBJECTS,
    comma_before,
    dateline,
    doc_text,
    obj,
    passive_subject,
    phrase,
    prep_object,
    subject,
)

# Action classes: verbs by lemma. A statement class keeps "who said" events apart from deeds.
ACTIONS: dict[str, frozenset[str]] = {
    "statement": frozenset(
        "say state announce tell claim declare explain insist note comment confirm "
        "stress argue acknowledge admit report".split()
    ),  # fmt: skip
    "appeal": frozenset("urge demand ask appeal request plead petition implore".split()),
    "threaten": frozenset("threaten warn vow".split()),
    "protest": frozenset("protest demonstrate rally march boycott picket".split()),
    "attack": frozenset(
        "kill attack bomb shoot shell assassinate invade murder wound injure raid "
        "execute massacre ambush stab behead strike".split()
    ),  # fmt: skip
    "coerce": frozenset(
        "arrest detain expel deport sanction ban seize jail imprison sentence charge "
        "indict fine suspend evict".split()
    ),  # fmt: skip
    "agree": frozenset("agree sign negotiate cooperate reconcile settle accept".split()),
    "meet": frozenset("meet visit host".split()),
    "legislate": frozenset(
        "pass vote approve adopt enact ratify veto legislate elect amend repeal".split()
    ),
    "reject": frozenset(
        "reject refuse oppose condemn criticize criticise accuse blame denounce deny "
        "dismiss".split()
    ),  # fmt: skip
    "support": frozenset("endorse praise commend back welcome applaud".split()),  # CAMEO 051
    "resign": frozenset("resign quit".split()),
    "investigate": frozenset("investigate probe examine inquire".split()),
}
VERB_ACTION = {lemma: action for action, lemmas in ACTIONS.items() for lemma in lemmas}
# Event nouns: the noun, and the words one of its modifiers must be for it to count
NOUN_ACTION: dict[str, str] = {
    "killing": "attack", "assassination": "attack", "attack": "attack", "bombing": "attack",
    "shooting": "attack", "invasion": "attack", "raid": "attack", "airstrike": "attack",
    "strike": "attack", "protest": "protest", "demonstration": "protest", "rally": "protest",
    "arrest": "coerce", "sanction": "coerce", "agreement": "agree", "deal": "agree",
    "treaty": "agree", "summit": "meet", "vote": "legislate", "election": "legislate",
    "resignation": "resign", "investigation": "investigate", "probe": "investigate",
}  # fmt: skip
# verbs whose object does what the infinitive after it says: "urged Iraq to leave" (Iraq
# leaves); after any other verb the subject does: "used the power of the state to investigate"
OBJECT_CONTROL = frozenset(
    """ask urge call tell order force persuade encourage allow permit enable invite pressure
    push press require compel instruct direct authorize authorise advise warn expect want help
    lead convince get beg implore petition challenge dare""".split()
)
_STRIKE_KINDS = {"air", "drone", "missile", "military", "rocket", "aerial", "artillery"}
# Verbs whose object decides the sense: "struck a deal" is an agreement, "struck a balance"
# nothing; "executed a prisoner" an attack, "executed a strategy" nothing; "adopted a
# resolution" legislation, "adopted a child" or "a phrase" nothing
AGREEMENTS = frozenset(
    """deal agreement bargain compromise accord pact truce ceasefire contract memorandum treaty
    declaration pledge partnership protocol convention charter communique""".split()
)
NOT_STRUCK = frozenset("balance tone chord note pose nerve fear blow match optimistic".split())
PEOPLE = frozenset(
    "prisoner inmate man woman people person hostage civilian soldier journalist dissident "
    "convict criminal murderer activist protester spy".split()
)
# particles that give a verb another sense: "struck down" (a ruling), "backed off", "signed up"
PHRASAL = {
    "strike": frozenset({"down"}), "back": frozenset({"off", "down", "up", "away"}),
    "sign": frozenset({"up", "on", "off"}), "pass": frozenset({"away", "up", "on", "out"}),
    "settle": frozenset({"down", "in"}), "meet": frozenset({"up"}),
}  # fmt: skip
# what is signed into law or adopted: "signed the legislation", "an executive order"
LEGISLATION = frozenset(
    """bill law legislation measure resolution amendment act budget package reform proposal plan
    motion ordinance referendum initiative ban rule statute provision version appropriation
    spending order proclamation directive decree policy regulation platform guideline
    constitution""".split()
)
# what is asked for when "asked" takes it as its object: "asked forgiveness"
REQUESTS = frozenset(
    """forgiveness permission help assistance aid money support mercy pardon clemency funding
    funds resignation protection asylum""".split()
)
NOT_SETTLED = frozenset("debt score scores nerves dust question matter".split())
# what "meet" names that is no meeting: "meets the eye", "meet the threshold", "Meet the Press"
NOT_MET = frozenset(
    """eye threshold standard requirement criterion criteria goal target deadline demand need
    expectation obligation end fate death challenge press quota benchmark test condition bar
    mark definition""".split()
)
# "met with scepticism": a reception, no meeting
REACTIONS = frozenset(
    """scepticism skepticism criticism resistance opposition approval applause silence derision
    protest outrage anger disbelief laughter boo cheer praise suspicion concern condemnation
    backlash success failure hostility indifference""".split()
)
# what is passed that is no law: "passing the buck", "passes its expiration date"
NOT_PASSED = frozenset(
    """buck mark milestone threshold date deadline test exam ball torch point level number figure
    record muster time baton hat""".split()
)
# words that attack in words: "slander and attack China"
REBUKES = frozenset("slander insult smear criticize criticise denounce mock ridicule disparage "
                    "vilify condemn berate blast lambaste".split())  # fmt: skip
# things that require rather than ask: "a policy demanding ...", "laws calling for ..."
REQUIRING = frozenset("policy law rule regulation provision statute trade-off requirement "
                      "legislation".split())  # fmt: skip
IMPRESSIONS = frozenset("fact way number extent degree contrast irony sense how".split())
# what a threat vows: "vowed to defeat ...", "vowed revenge"
HOSTILE_ACTS = frozenset(
    """defeat destroy fight stop block kill retaliate punish repeal crush eliminate wipe avenge
    sue oppose veto attack strike bomb invade arrest jail prosecute impeach deport expel ban
    sanction overturn reverse dismantle abolish fire resist challenge filibuster hit
    obliterate annihilate eradicate""".split()
)
HOSTILE_THINGS = frozenset(
    "filibuster fight war attack strike lawsuit veto boycott retaliation revenge vengeance "
    "response consequence price".split()
)  # fmt: skip
CROWDS = frozenset(
    """protester demonstrator supporter crowd thousand hundred dozen student worker resident
    activist people opponent marcher""".split()
)
MODALS = frozenset("would will should shall must 'll".split())
WORKERS = frozenset(
    """worker employee teacher nurse union driver miner staff doctor member pilot workforce
    docker guard""".split()
)
PERSONAL = frozenset("me him her us them you anyone everyone someone each".split())
PRONOUNS = PERSONAL | {"i", "we", "he", "she", "they", "his", "their", "our", "my"}
VIOLENCE = frozenset(
    """kill die dead death gun shoot shot shooting stab knife bomb explosive weapon wound injure
    hospital gunman attacker assault armed militant troops military soldier police
    terrorist terror blood beat punch missile rocket strike airstrike poison chemical nerve
    explosion""".split()
)
_NAMED = ("PLACE", "ORG", "PERSON", "GROUP")
# prepositions that say where: "in Paris", "near the airport"; not "from", "to", "for"
LOCATIVE = frozenset(
    "in at near on inside outside across throughout around within along off beside".split()
)
# dependencies that open a clause of its own: a place below one belongs to that clause's event
_CLAUSAL = frozenset(
    "ccomp xcomp advcl acl relcl acl:relcl csubj csubj:pass parataxis conj".split()
)
_TIME_UNITS = frozenset("minute hour day night week weekend month year decade".split())
_WHEN_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december morning afternoon evening noon "
    "midnight dawn time moment weekend".split()
)
_DAYS = _WHEN_WORDS | {"today", "yesterday", "tomorrow", "tonight"}
_RELATIVE = ("relcl", "acl:relcl")
_PARTY_STATE = re.compile(r"[RDI]-[A-Z]")  # "Ron Johnson, R-Wis., who ...": not the antecedent
# nouns that do nothing themselves: "the nature of detaining families", "a video showing ..."
ABSTRACT = frozenset(
    """nature chance success model way effort attempt ability right need possibility idea risk
    cost video footage image photo picture""".split()
)
PASSED_PRONOUNS = frozenset("it this that anything something nothing".split())  # "it passed"
_SUBJECT = ("nsubj", "nsubj:pass", "nsubjpass")
_REPORTED = frozenset("ccomp csubj csubj:pass parataxis".split())


def _verb_roles(verb: Any) -> tuple[Any | None, Any | None]:
    """(actor, target) tokens of a verb, passives and 'attack on X' included."""
    actor, target = subject(verb), obj(verb)
    passive = passive_subject(verb)
    if passive is not None:
        actor, target = prep_object(verb, "by"), passive
    if target is None:
        target = prep_object(verb, "on", "upon", "against", "at")
        if target is None and verb.lemma_ == "call":
            target = prep_object(verb, "for")  # "called for the government to resign"
    if target is not None and (target.lower_ in _DAYS or target.lemma_.lower() in _TIME_UNITS):
        target = None  # "on Saturday", "at night", "meet Friday": when, not whom
    if actor is None and passive is None and verb.tag_ == "VBN" and verb.dep_ != "acl":
        actor = prep_object(verb, "by")  # "if approved by lawmakers"
    if (
        actor is None
        and passive is None
        and verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.lemma_.lower() != "oppose"  # "those opposed" oppose
        and not any(c.dep_.startswith("aux") for c in verb.children)  # "chance of being enacted"
    ):
        # "the budget agreement passed by Congress": the noun is what is done, "by" who does it
        return prep_object(verb, "by"), target or verb.head
    if (
        actor is None
        and passive is None
        and verb.dep_ in ("xcomp", "advcl", "conj", "acl", "relcl", "acl:relcl")
    ):
        head = verb.head
        # "called on the government to expel ...", "urged Iraq to leave": the one asked acts
        asked = (prep_object(head, "on", "upon", "for") if head.lemma_ == "call"
                 else obj(head) or next((c for c in head.children if c.dep_ == "iobj"), None))  # fmt: skip
        if (
            verb.dep_ in ("xcomp", "advcl")
            and _infinitive(verb)
            and asked is not None
            and (head.lemma_.lower() in OBJECT_CONTROL)
        ):
            actor = asked
        elif verb.dep_ in ("xcomp", "advcl") and _infinitive(verb) and head.pos_ == "VERB":
            # "used the power of the state to investigate": the user; "Obama is scheduled to
            # meet": the one scheduled
            actor = _main_subject(head)
            if actor is None and not any(c.dep_ in ("aux:pass", "auxpass") for c in verb.children):
                actor = passive_subject(head)
        elif verb.dep_ == "acl" and _infinitive(verb) and head.pos_ in ("NOUN", "PROPN"):
            # "his decision to step down", "Trump took steps to ban ...": whose, or who took them
            actor = next((c for c in head.children if c.dep_ in ("nmod:poss", "poss")), None)
            if any(c.dep_ == "case" and c.lower_ == "for" for c in head.children):
                actor = head  # "called for the minister to resign": the minister
            elif actor is None and head.head.pos_ in ("VERB", "AUX") and head.dep_ in OBJECTS:
                actor = _main_subject(head.head)
        elif verb.tag_ == "VBG" and verb.dep_ == "advcl" and comma_before(verb):
            actor = _main_subject(head)  # "..., saying ...": the main clause's subject says it
        elif head.lemma_ in _TIME_UNITS and head.head.pos_ in ("VERB", "AUX"):
            actor = subject(head.head)  # "demonstrators have spent weeks calling for ..."
        elif head.pos_ in ("VERB", "AUX"):
            actor = subject(head)  # "the air strike had also killed ...": its head's subject
        elif verb.dep_ != "conj" and head.lemma_.lower() not in ABSTRACT:
            actor = head  # "a man wanted for murder", not "a video showing ... shooting"
    if actor is not None and actor.lower_ in ("who", "which", "that"):
        # "the lawmakers who had called for ...": the lawmakers; where the parser hung the
        # clause elsewhere ("introduced a bill Thursday that would ban ..."), the nearest noun
        # before it that is not a time
        actor = _relative_head(verb) if verb.dep_ in _RELATIVE else _antecedent(actor)
    elif actor is not None and actor.lower_ in ("it", "they"):
        actor = _reporter(verb) or actor  # "The department announced that it has indicted"
    if actor is not None and (actor.lower_ in _DAYS or actor.lemma_.lower() in _TIME_UNITS):
        actor = None  # "Apple today announced", the parser having made "today" the subject
    if actor is not None and actor.pos_ == "ADJ" and actor.i != verb.i:
        # "described the claims as “deceptive,” demanding an apology": the parser hung the
        # participle on the adjective; who demands is the subject above it
        actor = _main_subject(actor)
        if actor is not None and actor.lower_ in ("who", "which", "that"):
            actor = _antecedent(actor)  # "Republicans who are inclined to back the deal"
    if actor is not None and (dash := dateline(actor)) is not None and dash < verb.i:
        # "CLEVELAND — Eric Trump, who ..., said": the name after the dash, not the dateline
        actor = next((t for t in verb.doc[dash + 1 : verb.i]
                      if t.dep_ in ("appos", "nsubj", "nsubj:pass")), None)  # fmt: skip
    if target is not None and target.lower_ in ("who", "which", "that"):
        # "the bill, which is opposed by Democrats", "cuts that were enacted": the noun; a
        # "that" outside a relative clause is a conjunction or points back ("said that")
        if verb.dep_ in _RELATIVE:
            target = _relative_head(verb)
        else:
            target = _antecedent(target) if target.lower_ != "that" else None
        if target is not None and (target.lower_ in _DAYS or target.lemma_.lower() in _TIME_UNITS):
            target = None  # "this week, which ..."
    if (
        verb.lemma_.lower() == "pass"
        and target is None
        and actor is not None
        and (actor.lemma_.lower() in LEGISLATION | AGREEMENTS | PASSED_PRONOUNS)
    ):
        actor, target = None, actor  # "a plan that can pass in the House": what is passed
    return actor, target


def _relative_head(verb: Any) -> Any:
    """The noun a relative clause hangs on, past a party and state after a name ("Ron Johnson,
    R-Wis., who opposed ...": Ron Johnson)."""
    head = verb.head
    if _PARTY_STATE.match(head.text) and head.dep_ == "appos":
        return head.head
    return head


def _antecedent(relative: Any) -> Any | None:
    """The noun a relative pronoun stands for: the nearest one before it in its sentence."""
    for tok in reversed(relative.doc[relative.sent.start : relative.i]):
        if (
            tok.pos_ in ("NOUN", "PROPN")
            and tok.lower_ not in _WHEN_WORDS | _TIME_UNITS
            and not _PARTY_STATE.match(tok.text)
        ):
            return tok
    return None


def _reporter(verb: Any) -> Any | None:
    """Who reports the clause a verb heads, when named ("Google said it would ..."): "it" and
    "they" there are the speaker."""
    head = verb
    while head.dep_ in ("conj", "xcomp") and head.head.i != head.i:
        head = head.head
    if head.dep_ != "ccomp" or VERB_ACTION.get(head.head.lemma_.lower()) != "statement":
        return None
    speaker = subject(head.head)
    if speaker is None or speaker.pos_ == "PRON":
        return None
    return speaker


def _main_subject(tok: Any) -> Any | None:
    """The subject of the nearest clause above ``tok`` that has one (a participle set off by a
    comma, "passed a resolution calling on the government to expel ..., saying ...", speaks
    for the sentence's subject wherever the parser hangs it)."""
    while True:
        found = subject(tok) if tok.pos_ in ("VERB", "AUX") else None
        if found is not None or tok.head.i == tok.i:
            return found
        tok = tok.head


def _infinitive(verb: Any) -> bool:
    return any(c.dep_ in ("mark", "aux") and c.lower_ == "to" for c in verb.children)


def _noun_roles(noun: Any) -> tuple[Any | None, Any | None]:
    """(actor, target) of an event noun: 'the US killing of X', 'Israel's attack on Y'."""
    actor = next((c for c in noun.lefts if c.ent_type_ in _NAMED
                  and c.dep_ in ("poss", "nmod:poss", "compound", "amod", "obj", "nsubj")), None)  # fmt: skip
    before = noun.doc[noun.i - 1] if noun.i > 0 else None
    if actor is None and noun.pos_ == "VERB" and before is not None and before.ent_type_ in _NAMED:
        # "the US killing of X" read as "the US" + a verb "killing": the name is its actor
        actor = before
    target = prep_object(noun, "of", "on", "against")
    if target is not None and (target.lower_ in _DAYS or target.lemma_.lower() in _TIME_UNITS):
        target = None  # "the elections on Tuesday": when, not whom
    if (
        target is None
        and actor is not None
        and actor.ent_type_ == "PERSON"
        and actor.dep_ not in ("poss", "nmod:poss")
        and NOUN_ACTION.get(noun.lemma_.lower(), VERB_ACTION.get(noun.lemma_.lower())) == "attack"
    ):
        actor, target = None, actor  # "the George Floyd killing": whom, not who
    return actor, target


def _nominal(tok: Any) -> bool:
    """An event noun, or a gerund used as one ('the US killing of ...')."""
    if tok.pos_ in ("NOUN", "PROPN"):
        return True
    return (
        tok.lower_.endswith("ing")
        and subject(tok) is None
        and (prep_object(tok, "of") is not None or _a_gerund_noun(tok))
    )


def _a_gerund_noun(tok: Any) -> bool:
    """An event noun in -ing the parser read as a verb: "condemned the Khashoggi killing"."""
    return tok.lower_ in NOUN_ACTION and any(c.dep_ == "det" for c in tok.children)


def _particles(tok: Any) -> set[str]:
    """A phrasal verb's particles: "struck (the rule) down", "backed off", "signed up"."""
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None  # "backed off the lines"
    return {
        c.lower_ for c in tok.children if c.dep_ in ("compound:prt", "prt") or c.tag_ == "RP"
    } | ({after.lower_} if after is not None and after.tag_ == "RP" else set())


def _a_number(tok: Any) -> bool:
    """A quantity ("passed 4,000", "the 100,000 mark"), not "one of those bills"."""
    return tok.like_num and prep_object(tok, "of") is None


def _to_clause(tok: Any) -> bool:
    """An infinitive below the verb: "asked Iraq to leave", "elected not to publish", "if the
    President-elect asked him to"."""
    return any(
        (c.dep_ in ("xcomp", "advcl") and _infinitive(c))
        or (c.lower_ == "to" and c.i > tok.i and not any(c.children))  # "asked him to."
        for c in tok.children
    )


def _that(tok: Any) -> bool:
    """A "that" clause below the verb: "have asked that Congress ban ...", a demand."""
    return any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in tok.children
    )


def _commits(tok: Any) -> bool:
    """A clause below the verb that says what will be done: "the leaders agreed the talks
    would serve ...", not "economists agree that infrastructure is ..."."""
    return any(
        c.dep_ == "ccomp" and any(a.lower_ in MODALS for a in c.children) for c in tok.children
    )


def _verb_class(tok: Any, lemma: str) -> str | None:
    """The action class of a verb in the lexicon, or None where its sense here is another: the
    object, a particle or the clause below it decides ("struck a deal" is an agreement, "was
    asked whether" a question, "demonstrated that" a showing, "passed 4,000" no vote)."""
    passive = passive_subject(tok)
    thing = obj(tok) if passive is None else passive
    if thing is None and tok.dep_ == "acl" and tok.tag_ == "VBN":
        thing = tok.head  # "a statement signed by him", "the agreement passed by Congress"
    what = thing.lemma_.lower() if thing is not None else None
    said_that = any(c.dep_ == "ccomp" or (c.dep_ == "obj" and c.lower_ == "that")
                    for c in tok.children)  # fmt: skip
    if lemma in PHRASAL and _particles(tok) & PHRASAL[lemma]:
        return "reject" if lemma == "strike" else None  # "struck down", "backed off", "signed up"
    if lemma == "strike":
        by = prep_object(tok, "by")
        if said_that or (by is not None and by.lemma_.lower() in IMPRESSIONS):
            return None  # "he was struck that ...", "struck by the fact that ...": impressed
        if thing is None:  # "workers struck": a labour strike; "Israel has struck inside Syria"
            striker = subject(tok)
            if striker is None or {striker.lemma_.lower(), striker.lower_.rstrip("s")} & WORKERS:
                return "protest"
            return "attack" if striker.ent_type_ in _NAMED else None  # not "lightning struck"
        return "agree" if what in AGREEMENTS else None if what in NOT_STRUCK else "attack"
    if lemma == "execute" and not (
        thing is not None and (thing.ent_type_ in ("PERSON", "PER") or what in PEOPLE)
    ):
        return None
    if lemma == "adopt" and what not in LEGISLATION | AGREEMENTS:
        return None
    if lemma == "demonstrate" and (thing is not None or said_that):
        return None  # "demonstrated his gratitude", "has demonstrated that he will lie"
    if lemma == "ask" and not (_to_clause(tok) or what in REQUESTS or _asked_for(tok)):
        return None  # "was asked whether", "asked questions": a question, no appeal
    if lemma == "plead" and not (_to_clause(tok) or prep_object(tok, "for", "with") is not None):
        return None  # "pleaded guilty", "plead their cases"
    if (
        lemma == "appeal"
        and prep_object(tok, "to") is not None
        and not (_to_clause(tok) or thing is not None or prep_object(tok, "for") is not None)
    ):
        return None  # "tries to appeal to conservatives"; not "appealed to them to stay calm"
    if lemma in ("elect", "settle", "inquire") and passive is None and _to_clause(tok):
        return None  # "elected not to publish": chose
    if lemma in ("agree", "settle", "inquire") and said_that and not _commits(tok):
        return None  # "agreed that the settlement applied": an opinion; "to settle whether"
    if lemma == "pass" and thing is not None and (what in NOT_PASSED or _a_number(thing)):
        return None  # "the death toll passed 4,000", "passing the buck"
    if lemma == "sign" and what not in AGREEMENTS and thing is not None and thing.pos_ != "PRON":
        return "legislate" if what in LEGISLATION else None  # not "signed a statement"
    if lemma == "settle" and what in NOT_SETTLED:
        return None
    if lemma == "reconcile" and thing is not None and thing.ent_type_ not in _NAMED:
        return None  # "reconcile his words and actions"
    if lemma == "meet" and (what in NOT_MET or _met_with(tok)):
        return None  # "meets the eye", "met with scepticism"
    if lemma == "vow" and not _hostile(tok):
        return None  # a promise ("vowed to appoint justices"), no threat
    if lemma == "seize" and prep_object(tok, "on", "upon") is not None:
        return None  # "seized on her remark"
    if lemma == "rally" and not _rallies(tok, thing):
        return None  # "rallied the 34 votes", "Democrats could rally in the Senate"
    if lemma == "charge" and thing is None and prep_object(tok, "with") is None:
        return None  # "charged straight in"
    if lemma == "kill" and what in LEGISLATION | AGREEMENTS:
        return "reject"  # "wants to kill the Iran deal"
    if lemma == "attack" and _in_words(tok, thing):
        return "reject"  # "attacked the school as a 'liberal, disgraceful institution'"
    return VERB_ACTION[lemma]


def _asked_for(tok: Any) -> bool:
    """Asked "for" something ("what they are asking for"), or that something be done ("have
    asked that Congress ban ...", not "asked about the claim that ...")."""
    if prep_object(tok, "for") is not None or any(c.lower_ == "for" for c in tok.children):
        return True
    return _that(tok) and prep_object(tok, "about") is None


def _hostile(vow: Any) -> bool:
    """A vow of something hostile: "vowed to defeat the Islamic State group", "to roll back
    marriage equality", "to lead a filibuster", "vowed revenge"; not "vowed to appoint"."""
    for c in vow.children:
        if c.dep_ in OBJECTS and c.lemma_.lower() in HOSTILE_THINGS:
            return True
        if c.dep_ in ("xcomp", "ccomp") and not any(n.dep_ == "neg" for n in c.children):
            done = obj(c)
            if c.lemma_.lower() in HOSTILE_ACTS or (
                done is not None and done.lemma_.lower() in HOSTILE_THINGS
            ):
                return True
            after = c.doc[c.i + 1].lower_ if c.i + 1 < len(c.doc) else ""
            if after in ("back", "down"):  # "roll back", "shut down", "hunt down"
                return True
    return False


def _attack_in_words(noun: Any) -> bool:
    """An attack (the noun) in words: a person's on someone, with no violence told near it
    ("Trump's attacks on the family", "his attacks on the media"; not "the attack on Skripal
    and his daughter", a poisoning)."""
    target = prep_object(noun, "on", "against")
    if target is None:
        return False
    by_a_person = any(
        c.dep_ in ("poss", "nmod:poss") and (c.ent_type_ == "PERSON" or c.lower_ in PRONOUNS)
        for c in noun.children
    )
    return by_a_person and target.ent_type_ not in ("PLACE", "ORG") and not _violence_near(noun)


def _rallies(tok: Any, thing: Any | None) -> bool:
    """A rally of protest: against or for something, or by a crowd ("Thousands rallied outside
    the embassy"), not "rallied the votes" or "the market rallied"."""
    if thing is not None:
        return False
    if prep_object(tok, "against", "for") is not None:
        return True
    crowd = subject(tok)
    return crowd is not None and (
        crowd.like_num or bool({crowd.lemma_.lower(), crowd.lower_.rstrip("s")} & CROWDS)
    )


def _met_with(tok: Any) -> bool:
    met = prep_object(tok, "with")
    return met is not None and met.lemma_.lower() in REACTIONS


def _in_words(tok: Any, target: Any | None) -> bool:
    """An attack in words: on someone "as" something, beside a rebuke ("slander and attack
    China"), or on a person (by a person on a body) with no violence told in the sentence
    ("someone has convinced you that attacking me is going to help you")."""
    if prep_object(tok, "as") is not None or any(
        c.lemma_.lower() in REBUKES for c in tok.conjuncts
    ):
        return True
    actor = subject(tok)
    by_a_person = actor is not None and (actor.ent_type_ == "PERSON" or actor.lower_ in PRONOUNS)
    on_someone = target is not None and (
        target.ent_type_ == "PERSON"
        or (target.pos_ == "PRON" and target.lower_ in PERSONAL)
        or (target.ent_type_ == "ORG" and by_a_person)
    )
    return on_someone and not _violence_near(tok)


def _violence_near(tok: Any) -> bool:
    """Whether the sentence of ``tok`` or the two before it tell of violence ("We were
    attacked by missiles ... we'll attack who attacked us")."""
    start = tok.sent.start
    for _ in range(2):
        if start > 0:
            start = tok.doc[start - 1].sent.start
    return any(t.lemma_.lower() in VIOLENCE for t in tok.doc[start : tok.sent.end])


def _action(tok: Any) -> str | None:
    lemma = tok.lemma_.lower()
    if (tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN")) or (
        tok.pos_ == "VERB"
        and subject(tok) is None
        and any(c.dep_ == "det" for c in tok.children)
        and not _a_gerund_noun(tok)
    ):  # a word naming another thing ("a vote count"), or a noun read as a verb: an article,
        return None  # no subject ("A U.S. appeals court on Wednesday directed ...")
    if tok.dep_ == "amod" and tok.tag_ == "VBG":
        return None  # "warning sirens", "striking images"
    if tok.pos_ in ("VERB", "AUX") and lemma in VERB_ACTION:
        return _verb_class(tok, lemma)
    if (tok.pos_ == "VERB" and lemma == "call" and prep_object(tok, "on", "upon", "for") is not None
            and not (tok.tag_ == "VBN" and tok.dep_ == "acl" and obj(tok) is not None)):  # fmt: skip
        return "appeal"  # (not "a program called AllSides for Schools": a name)
    if lemma == "step" and any(
        c.dep_ == "compound:prt" and c.lower_ == "down" for c in tok.children
    ):
        return "resign"  # "decided to step down"
    if tok.pos_ in ("NOUN", "PROPN") and lemma in NOUN_ACTION:
        if lemma == "strike" and not any(c.lower_ in _STRIKE_KINDS for c in tok.lefts):
            return None
        if lemma == "rally" and not _protest_rally(tok):
            return None  # "a campaign rally", "told a rally in Cleveland"
        if lemma == "attack" and _attack_in_words(tok):
            return "reject"  # "Trump's attacks on the family of the late Capt. Khan"
        return NOUN_ACTION[lemma]
    return None


def _protest_rally(tok: Any) -> bool:
    """A rally against or for something ("a rally against the war", "an anti-war rally")."""
    return prep_object(tok, "against", "for", "over") is not None or any(
        c.lower_ == "protest" or c.lower_.startswith(("anti", "pro-")) for c in tok.lefts
    )


def _a_city(entity: Entity) -> bool:
    return entity.place is not None and (entity.place.feature or "").startswith("PPL")


def _place_before(tok: Any) -> bool:
    """A place named before an event noun: "the Paris attacks", "the Russia investigation"."""
    return tok.ent_type_ == "PLACE" and tok.dep_ in ("compound", "amod")


def _in_clause(tok: Any, start: int, end: int) -> bool:
    return tok.left_edge.idx <= start and end <= tok.right_edge.idx + len(tok.right_edge.text)


def _hops(trigger: Any, tok: Any) -> int | None:
    """How many arcs lead up from a date's word ``tok`` to ``trigger`` inside the trigger's
    own clause (None when ``tok`` is not under it, or lies in a clause of its own below it or
    in its subject: "saying the strike two days earlier was ..." dates the strike).
    The date's own arc may carry a clause's label: the parser reads "said Friday" so too."""
    n = 0
    while tok.i != trigger.i:
        if (n and (tok.dep_ in _CLAUSAL or tok.dep_ in _SUBJECT)) or tok.head.i == tok.i:
            return None
        tok, n = tok.head, n + 1
    return n


def _when(trigger: Any, dates: list[tuple[Any, DateRef]], nominal: bool) -> DateRef | None:
    """The date of an event: the nearest one in its own clause ("announced Monday"), else the
    date of a clause it hangs in ("On January 5, ... passed a resolution, saying the strike two
    days earlier ...": the saying is January 5) unless that clause reports it, else the nearest
    date in the sentence ("the air strike ... two days earlier", an event noun, is dated by its
    own words or its neighbours, not by the verb that mentions it)."""
    head = trigger
    while True:
        own = [(n, abs(tok.i - trigger.i), d) for tok, d in dates
               if (n := _hops(head, tok)) is not None]  # fmt: skip
        if own:
            return min(own, key=lambda o: o[:2])[2]
        if nominal or head.head.i == head.i or head.dep_ in _REPORTED:
            break  # what a clause reports ("showed the company passed ...") has its own time
        head = head.head
    return min((d for _, d in dates), key=lambda d: abs(d.start - trigger.idx), default=None)


def _where(trigger: Any, place: Any, direct: bool = False) -> bool:
    """Whether a place entity says where ``trigger`` happened: the object of a locative
    preposition, itself or the noun it modifies ("near Baghdad's airport", "at its Cupertino
    headquarters"), under the trigger with no clause of its own and no subject in between; or,
    ``direct``, a dependent of the trigger itself (a statement's place)."""
    tok = place.root
    while (
        tok.dep_ in ("compound", "nmod:poss", "poss", "flat", "appos", "conj")
        and tok.head.i != tok.i
    ):
        tok = tok.head
    ud = any(c.dep_ == "case" and c.lower_ in LOCATIVE for c in tok.children)
    if not (ud or (tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE)):
        return False
    if direct and tok.head.i != trigger.i:
        return False  # "saying the air strike near Baghdad's airport ...": the strike's place
    while tok.i != trigger.i:
        if tok.dep_ in _CLAUSAL or tok.dep_ == "nsubj" or tok.head.i == tok.i:
            # another clause's place, the actor's description ("the largest bank in the
            # United States has announced"), or not under the trigger at all
            return False
        tok = tok.head
    return True


def _party(tok: Any) -> Any:
    """The phrase a token heads with its conjuncts: "The US and Pentagon stated ..."."""
    first = phrase(tok)
    later = [c for c in tok.conjuncts if c.i > tok.i]
    if not later:
        return first
    return tok.doc[first.start : max(phrase(c).end for c in later)]


def _text(tok: Any, mentions: list[tuple[int, int]]) -> str:
    """A party's words; a token inside a longer name the entities stage found is that name
    ("told FRANCE 24", the NER having taken only "FRANCE" and the parser "24" as the object)."""
    span = _party(tok)
    for start, end in mentions:
        if start <= span.start_char and span.end_char <= end and end - start > len(span.text):
            return doc_text(tok.doc)[start:end]
    return str(span.text)


def _own_words(actor: Any, quotes: tuple[Quote, ...]) -> bool:
    """A first-person actor inside a direct quote ("I would say", "we think")."""
    return actor.lower_ in ("i", "we") and any(
        q.kind == "direct" and q.start <= actor.idx < q.end for q in quotes
    )


def _speaker_name(actor: Any, quotes: tuple[Quote, ...]) -> str | None:
    """The name the quotes stage resolved for an actor that is a quote's speaker ("he said":
    Ahmed al-Kanani), or for "I" inside a direct quote (its speaker)."""
    start, end = _party(actor).start_char, _party(actor).end_char
    for q in quotes:
        s = q.speaker
        if s is not None and s.name and s.start < end and start < s.end:
            return s.name
        if s is not None and s.name and actor.lower_ in ("i", "me") and q.start <= start < q.end:
            return s.name
    return None


NEAR_CUE = 80  # characters between a cue and its speaker's name


def _cue_speaker(cue: Any, sent: Any, quotes: tuple[Quote, ...]) -> str | None:
    """The named speaker the quotes stage found next to this cue in its sentence: "...,
    said Frank Merschman, who owns the development", where the parser made the development
    the verb's subject (not a verb inside a quotation: "“... Harry Truman said ...,” Obama
    said")."""
    if any(q.kind == "direct" and q.start <= cue.idx < q.end for q in quotes):
        return None
    near = [(min(abs(s.start - cue.idx), abs(s.end - cue.idx)), s.name) for q in quotes
            if (s := q.speaker) is not None and s.name and q.cue and q.cue.split()[0] == cue.text
            and sent.start_char <= s.start < sent.end_char]  # fmt: skip
    best = min(near, default=None)
    return best[1] if best is not None and best[0] <= NEAR_CUE else None


REFERENCES = frozenset("he she him his".split())  # the pronouns the entities stage links
TERRITORY = frozenset("soil territory land lands airspace waters".split())


def _places(doc: Any, entities: tuple[Entity, ...]) -> list[tuple[Any, str]]:
    """(span, name) of each place named in the parse: the place entities, and a people's
    territory ("on Iraqi soil": Iraq), named by the country the entities stage placed the
    people in."""
    out = [(e, e.text) for e in doc.ents if e.label_ == "PLACE"]
    country = {m.start: e.place.name for e in entities if e.type == "GROUP" and e.place
               for m in e.mentions if m.field == "body"}  # fmt: skip
    for tok in doc:
        if tok.idx in country and tok.dep_ == "amod" and tok.head.lemma_.lower() in TERRITORY:
            out.append((doc[tok.head.i : tok.head.i + 1], country[tok.idx]))
    return sorted(out, key=lambda p: p[0].start)


def events_of(
    doc: Any,
    dates: tuple[DateRef, ...],
    quotes: tuple[Quote, ...] = (),
    entities: tuple[Entity, ...] = (),
) -> list[Event]:
    """Every event in a parsed body, in text order; the first deed of the lead is marked main.
    ``quotes`` and ``entities`` (with offsets into the same text) name the actors that are
    speakers and the territories of peoples ("on Iraqi soil")."""
    out: list[Event] = []
    places = _places(doc, entities)
    cities = {m.start for e in entities if _a_city(e) for m in e.mentions if m.field == "body"}
    names = [(m.start, m.end) for e in entities for m in e.mentions if m.field == "body"]
    # "he", "the minister": the entity the entities stage linked the reference to
    linked = {(m.start, m.end): e.name for e in entities for m in e.mentions
              if m.field == "body" and (m.text.lower() in REFERENCES
                                        or m.text.lower().startswith("the "))}  # fmt: skip

    def name(tok: Any) -> str:
        span = _party(tok)
        return linked.get((span.start_char, span.end_char)) or _text(tok, names)

    for sent in doc.sents:
        sent_dates = [
            (span.root, d)
            for d in dates
            if sent.start_char <= d.start < sent.end_char and d.type in ("DATE", "TIME")
            if (span := doc.char_span(d.start, d.end, alignment_mode="expand")) is not None
        ]
        sent_places = [p for p in places if sent.start <= p[0].start < sent.end]
        for tok in sent:
            action = _action(tok)
            if action is None:
                continue
            nominal = _nominal(tok)
            actor, target = _noun_roles(tok) if nominal else _verb_roles(tok)
            actor = None if actor is None or actor.is_space or actor.is_punct else actor
            target = None if target is None or target.is_space or target.is_punct else target
            if action == "appeal" and actor is not None and actor.lemma_.lower() in REQUIRING:
                continue  # "a policy demanding such expensive infrastructure": a requirement
            direct = action == "statement"
            place = next((name for p, name in sent_places if _where(tok, p, direct)), None)
            if nominal and actor is not None and _place_before(actor):
                # "the Paris attacks", "the Paris climate agreement": a city names where;
                # "the Russia investigation": what is investigated
                if _party(actor).start_char in cities:
                    place, actor = place or name(actor), None
                elif action == "investigate":
                    target, actor = target or actor, None
            dated = any(_in_clause(tok, d.start, d.end) for _, d in sent_dates)
            if actor is None and target is None and not (nominal and (place or dated)):
                continue  # "an air strike near the airport" stands alone; a bare verb does not
            if direct and actor is not None and _own_words(actor, quotes):
                continue  # "I would say ..." inside a quote: the speaker's words, not an event
            when = _when(tok, sent_dates, nominal)
            tokens = [t for t in (tok, actor, target) if t is not None]
            start = min(_party(t).start_char if t.i != tok.i else t.idx for t in tokens)
            end = max(_party(t).end_char if t.i != tok.i else t.idx + len(t) for t in tokens)
            said = _cue_speaker(tok, sent, quotes) if direct else None
            if said is not None:  # the speaker the quotes stage found for this very cue
                actor_name: str | None = said
                if target is not None and said.split()[-1] in name(target):
                    target = None  # the speaker the parser made the object: "noted Balogh"
            else:
                actor_name = None if actor is None else _speaker_name(actor, quotes) or name(actor)
            out.append(Event(
                actor=actor_name,
                action=action,
                target=name(target) if target is not None else None,
                place=place,
                date=when.value if when is not None else None,
                start=start, end=end, trigger=tok.text,
            ))  # fmt: skip
    prose = (s for s in doc.sents if sum(t.is_alpha for t in s) >= 4)  # not "Story highlights"
    main = _main(out, [s.end_char for s, _ in zip(prose, range(LEAD_SEARCH), strict=False)])
    if main is not None:
        out[main] = replace(out[main], main=True)
    return out


LEAD = 2  # sentences of four words or more: the lead, where the main event is told
LEAD_SEARCH = 6  # such sentences: how far a main event is looked for when the lead tells none


def _main(events: list[Event], sent_ends: list[int]) -> int | None:
    """The article's main event: the first deed of the lead, else the lead's first statement of
    something ("The CDC has announced new guidelines ..."), else the first deed of the first
    few sentences; a deed with an actor or a target before a bare one ("the election"); None
    rather than a deed from deep in the story."""
    if not sent_ends:
        return None
    lead_end = sent_ends[min(LEAD, len(sent_ends)) - 1]
    deeds = [i for i, e in enumerate(events) if e.action != "statement" and e.start < sent_ends[-1]]
    told = [i for i, e in enumerate(events)
            if e.action == "statement" and e.target is not None and e.start < lead_end]  # fmt: skip
    in_lead = [i for i in deeds if events[i].start < lead_end]

    def with_parties(ids: list[int]) -> list[int]:  # who did it or to whom, not a bare "election"
        return [i for i in ids if events[i].actor is not None or events[i].target is not None]

    return next(
        iter(with_parties(in_lead) or told or with_parties(deeds) or in_lead or deeds), None
    )


class Events:
    name: str = "events"
    version: int = 3
    requires: tuple[str, ...] = ("doc", "dates")
    assigns: tuple[str, ...] = ("events",)

    def __call__(self, analysis: Analysis) -> Analysis:
        return replace(
            analysis,
            events=tuple(
                events_of(analysis.doc, analysis.dates, analysis.quotes, analysis.entities)
            ),
        )
