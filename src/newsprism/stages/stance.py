"""The contested issue and its sides: which voices stand for it, against it, or neither.

1. **The issue** is the proposition in dispute, as a short verb phrase ("expel foreign
   troops from Iraq"). It is read, in order, from the headline, the subtitle and the lead:
   a proposed action ("call to X", "plan to X", "bid to X", "vote on X", "bill to X"), the
   object of a dispute ("split on X", "divided over X", "clash over X", "row over X"), or the
   decision the lead reports ("voted to approve X", "announced it will ban X"), or, failing
   those, what a side of the lead demands ("the union is demanding a 9 percent pay rise"). Words keep
   the case the body gives them, so "Foreign Troops" becomes "foreign troops" and "Iraq"
   stays. An expulsion or withdrawal with no "from" gets the article's most named country.
   A headline may also announce the action ("Vellmark to Ban Phones in Schools", "Senate
   poised to repeal X", "X Moves Closer to Capping Rent Rises") or a decision on a measure
   it names ("Assembly Approves Night Curfew", "House passes tax bill").
   An article with no such pattern, or with fewer than two voices, argues no issue: null.
2. **Each quote's stance** is read first by the rules of ``newsprism.stance_rules`` over the
   article's parse: what the voice wants or rejects ("We don't want them anymore"), applied
   to which thing (them -> the troops), composed with what the issue does to that thing
   (expel removes it): for. Where the rules find nothing that bears on the issue, a reported
   call is read for its demand's relevance and the stance model (``newsprism.stance``)
   judges the rest, with the issue embedded once and those quotes in one batch. A quote the
   model reads is ``neither`` only when the model is sure of it (NEITHER_MIN), else it leans
   to the likelier of for and against: a partisan's factual statement carries its side.
3. **The sides** aggregate the quotes per speaker (the resolved name, else the speaker's
   words): each label's probabilities are summed, a quote the rules read counting twice,
   and the largest wins.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from ..records import STANCE_LABELS, Analysis, Issue, Quote, Stance
from ..syntax import (
    doc_text,
    lead_sentences,
    passive_subject,
    prep_object,
    prep_objects,
    subject,
)
from ..topicwords import content_words

# a phrase runs to a clause break; a dot inside "U.S." or before a letter does not end it, nor
# a dot or comma inside a number ("1.5%", "3,000 troops")
_PHRASE = r"[A-Za-z£$€\d](?:[^,;:.?!]|\.(?=[A-Za-z])|(?<=\b[A-Z])\.|(?<=\d)[.,](?=\d))*"
_PROPOSAL = re.compile(
    r"\b(?:call|plan|bid|push|move|vote|bill|proposal|decision|order|pledge|campaign|effort|"
    rf"attempt|scheme|demand|motion|referendum)s?\s+to\s+(?P<x>{_PHRASE})",
    re.IGNORECASE,
)
_DISPUTE = re.compile(
    r"\b(?:split|splits|divided|divides|clash|clashes|debate|debates|row|rows|fight|fights|"
    r"battle|battles|feud|spar|argue|argues|protest|protests)\s+(?:on|over|about)\s+"
    rf"(?P<x>{_PHRASE})",
    re.IGNORECASE,
)
_VOTE = re.compile(
    rf"\b(?:vote|referendum)\s+on\s+(?P<x>{_PHRASE})",
    re.IGNORECASE,
)
_MEASURE = re.compile(rf"\b(?P<x>(?:ban|tax|levy|curfew|cap|limit)\s+(?:on|for)\s+{_PHRASE})",
                      re.IGNORECASE)  # fmt: skip
# a headline's announced action: "Vellmark to Ban Phones in Schools", "Trump administration
# to restrict visas ...", "Senate poised to repeal ...", "City Votes to Sell Its Port"
_ANNOUNCED = re.compile(
    r"^(?P<who>(?:[\w'’.&-]+\s+){0,5}?(?!(?i:\w+ed|tries|try|refuses?|fails?|needs?|wants?|"
    r"how|way|time|right|hard|able|free|out|committee)\s)[\w'’.&-]+)\s+(?:(?:is|are)\s+)?"
    r"(?:set\s+|poised\s+|ready\s+|expected\s+|likely\s+|votes?\s+|(?i:moves?\s+(?:closer\s+)?)|"
    rf"plans?\s+|agrees?\s+|decides?\s+)?to\s+(?P<x>{_PHRASE})"
)
# a headline's aside after a dash: "... poised to make Trump win official – but not without drama"
_ASIDE = re.compile(r"\s+[—–-]\s.*$")
# when an announced action is to happen: "... From September", "... on Thursday"
_WHEN = re.compile(
    r"\s+(?i:on|from|by|in|next|this|until|before|after)\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)"
    r"day|January|February|March|April|May|June|July|August|September|October|November|"
    r"December|\d{4}|(?i:next|this)\s)(?!\w).*$"
)
# a headline's decision on a measure it names: "Assembly Approves Night Curfew for Under-16s"
_DECIDED = re.compile(
    r"^(?:[\w'’.&-]+\s+){1,6}?(?:(?:vows?\s+to\s+)?(?:approve|back|adopt|unveil|propose|order|"
    r"reject|block|scrap|oppose|fight)s?|pass(?:es)?|votes?\s+(?:for|against|down))\s+"
    rf"(?!(?i:for|on|to|of|in|at|with|over)\s)(?P<x>{_PHRASE})",
    re.IGNORECASE,
)
_CUT_CLAUSE = re.compile(r"\s+(?i:as|amid|after|despite|while|if|when|but|divides|draws|sparks)\s+"
                         r"(?:a\s+)?(?:split|[A-Z]).*$")  # fmt: skip
# a headline clause ends at a conjunction or a circumstance ("... as Pay Talks Collapse")
_CUT = re.compile(r"\s+(?i:as|amid|after|despite|while|if|when|in|with|but|and|divides|draws|"
                  r"sparks)\s+"
                  r"(?:a\s+)?(?:split|[A-Z]).*$"
                  # the headline's own verb: "Effort to Protect Dreamers Collapses in Senate"
                  r"|\s+(?i:collapses|fails|stalls|dies|advances|falters|gains|clears|faces|"
                  r"stumbles|succeeds|survives|moves|heads|goes|wins|loses)\b.*$")  # fmt: skip
DECISIONS = frozenset(
    "approve vote announce unveil confirm grant decide propose plan pass adopt order launch "
    "set agree move seek".split()
)
GRANTS = frozenset("grant begin start launch give approve issue award".split())
# What a granted or begun thing must be: "has granted a mining licence", "have begun a trial",
# not "launched new attacks", "issued a pointed challenge", "gave him a vote of confidence"
GRANTED = frozenset(
    """licence license permit approval permission go-ahead trial pilot construction contract
    funding grant waiver exemption program programme scheme plan ban order moratorium tax levy
    curfew referendum review inquiry consultation""".split()
)
# What a decision in the lead must do to be an issue: act on a policy, a law, a project, a place.
# "agreed to do something nice for its employees", "seek to fend off a defeat", "began to swell"
# report plans and moves, not a proposition in dispute (most of the 26 issues 200 AllSides
# articles gave before this list: eval/gold/issue_judgments.json).
POLICY_ACTIONS = frozenset(
    """approve ban repeal restrict expand cut raise fund build close shut reform end impose lift
    stop block allow require extend expel withdraw dismantle abolish legalize legalise outlaw curb
    bolster restore cap tax privatize privatise remove deport impeach sanction grant house hold
    open create introduce adopt pass enact veto overturn scrap halt suspend delay cancel reinstate
    increase reduce limit protect regulate criminalize decriminalize mandate subsidize sell merge
    deploy invade annex recognize relocate demolish develop mine drill sign ratify join leave exit
    quit resume terminate rescind revoke permit license release pardon prosecute renew replace
    give begin start launch hire arm strike boycott rename prohibit
    """.split()
)
# An announced action is an issue when it is a policy act, not a step, an appearance or a
# personal move ("to release images", "to make UN debut", "to give major speech", "to quit")
ANNOUNCED_ACTS = POLICY_ACTIONS - frozenset(
    """give begin start launch hire arm strike release leave exit quit hold open create
    include stop block resign sign join develop""".split()
) | frozenset("trial pilot cull license licence".split())
POSSESSIVES = frozenset("his her its their our my your".split())
REMOVALS = frozenset("expel withdraw remove deport evict pull oust".split())
STOPPING = re.compile(
    r"\b(?:not|no|never|reject|rejects|rejected|halt|halted|stop|stopped|scrap|scrapped|block|"
    r"drop|abandon|reverse|overturn|cancel|delay|suspend|end|oppose|against)\b",
    re.IGNORECASE,
)
CALL_CUES = ("call", "urge", "demand", "appeal", "press", "plead")
RELEVANT = 0.45  # cosine between a call's demand and the issue above which it is the issue
MIN_VOICES = 2  # an issue needs at least two speakers to be contested


# a headline's list of actions on one object: "Calls to Reform, Defund, Dismantle and Abolish
# the Police"
_MORE_ACTIONS = re.compile(rf"(?:,\s+[A-Za-z-]+)*,?\s+(?:and|or)\s+{_PHRASE}")
# verbs whose object needs its own verb after it: "Let Immigrants In U.S. Illegally Serve"
_COMPLEMENTED = frozenset("let allow help make force".split())


def _phrase(match: re.Match[str] | None, cut: re.Pattern[str] | None = None) -> str | None:
    if match is None:
        return None
    text = match.group("x")
    if len(text.split()) == 1 and (more := _MORE_ACTIONS.match(match.string, match.end())):
        text += more.group()
    text = (cut or _CUT).sub("", text).strip(" '\"‘’“”")
    if cut is None and (
        len(text.split()) == 1  # "To License and Cap Holiday Lets": both actions
        or (len(text.split()) == 2 and text.split()[0].lower() in _COMPLEMENTED)
    ):
        return _phrase(match, _CUT_CLAUSE)  # not cut at "In U.S.": a place in the action
    return text if len(text.split()) >= 1 else None


def from_headline(line: str | None) -> str | None:
    """The disputed action or thing a headline names, as written there."""
    if not line:
        return None
    disputed = _DISPUTE.search(line)
    if disputed and (dispute := _phrase(disputed)):  # "Split on Parliament's Call to Expel
        return _proposal(disputed.group("x")) or dispute  # Foreign Troops": the call's action
    return (
        _proposal(line)
        or _phrase(_VOTE.search(line))
        or _phrase(_MEASURE.search(line))
        or _announced(_ASIDE.sub("", line))
        or _measure(_DECIDED.search(line))
    )


def _announced(line: str) -> str | None:
    """The policy act a headline says someone is to take, without its time ("... From
    September"); a verb alone takes the headline's subject as its object ("Kilbride
    Maternity Unit to Close" -> "close Kilbride Maternity Unit")."""
    phrase = _proposal(line, _ANNOUNCED, ANNOUNCED_ACTS)
    if not phrase:
        return None
    phrase = _MAIN_VERB.sub("", _WHEN.sub("", phrase))
    match = _ANNOUNCED.search(line)
    if len(phrase.split()) == 1 and match:
        rest = line[match.end("x") :].strip()
        if rest and rest[0] in ",;:":  # "authority to delay, 'ignore' ... provision": no issue
            return None
        phrase = f"{phrase} {match.group('who')}"
    return phrase


# the headline's own verb after an announced action: "Program to Protect Dreamers Is Dead"
_MAIN_VERB = re.compile(r"\s+(?i:is|are|was|were|has|have)\s.*$")


def _measure(match: re.Match[str] | None) -> str | None:
    """The measure a headline's decision names, when it names one ("Night Curfew for
    Under-16s", "Plan to Close Maternity Unit"; not "Trump's Pick" or "Deal")."""
    phrase = _phrase(match)
    if not phrase:
        return None
    if proposed := _proposal(phrase):
        return proposed
    words = [w.lower().strip(",'’\"") for w in phrase.split()]
    # the measure's head noun: the word before its first preposition, else the last word
    cut = next((i for i, w in enumerate(words) if i and w in ("on", "for", "to", "of", "in", "at")),
               len(words))  # fmt: skip
    return phrase if words[cut - 1].removesuffix("s") in MEASURES else None


# what a headline's decision may name as a measure in dispute
MEASURES = frozenset(
    """ban tax levy curfew cap limit toll charge fee fine licence license permit plan bill law
    ordinance rule regulation policy reform scheme project expansion closure merger sale cut
    increase hike rise runway pipeline dam mine fence wall cull trial pilot moratorium
    referendum budget subsidy mandate requirement restriction exemption farm plant station road
    bridge stadium airport port site""".split()
)


def _proposal(
    line: str, pattern: re.Pattern[str] = _PROPOSAL, acts: frozenset[str] | None = None
) -> str | None:
    """What a headline's call, plan or bill is to do, when it acts on a policy as a lead's
    decision must ("Call to Expel Foreign Troops"; not "Trump's plan to battle the 15
    investigations facing him"); ``pattern`` finds the action (default: a proposal's),
    ``acts`` are the verbs it may start with (default: POLICY_ACTIONS and HEADLINE_POLICY)."""
    phrase = _phrase(pattern.search(line))
    if not phrase:
        return None
    words = [w.lower().strip(",") for w in phrase.split()]
    verb = words[1] if len(words) > 1 and words[0].endswith("ly") else words[0]  # "immediately"
    if verb == "make" and words[1:2] and words[1] in ("about", "on", "over", "in", "by"):
        return None  # "had a decision to make about ...": the decision is made, not an action
    stems = {verb, verb.removesuffix("s"), verb.removesuffix("e"), verb + "e"}
    if verb.endswith("ing"):  # "Closer to Capping Rent Rises"
        stems |= {verb[:-3], verb[:-3] + "e", verb[:-4]}
    return phrase if stems & (acts or POLICY_ACTIONS | HEADLINE_POLICY) else None


# headline verbs for policy moves beyond the lead's list: "Gut Obamacare", "Defund Police",
# "make ... permanent", "Force Trump to Release Tax Returns", "Resign Over Racist Photo"
HEADLINE_POLICY = frozenset(
    "make keep gut defund de-fund dump freeze force resign fire oust overhaul kill slash boost "
    "reopen re-open rein scale roll shrink replace move avert lower include authorize authorise "
    "restart let eliminate export import combat tighten loosen ease acquit convict punish save "
    "withhold bust seek tackle add prevent explore neuter".split()
)


def from_lead(doc: Any) -> tuple[str, str] | None:
    """The decision the lead sentence reports: 'voted ... to approve X' -> 'approve X'."""
    sents = lead_sentences(doc, 2) if doc is not None and doc.has_annotation("DEP") else []
    for sent in sents:
        for tok in sent:
            if tok.lemma_.lower() not in DECISIONS:
                continue
            for child in tok.children:
                if (child.dep_ in _PROPOSED and child.pos_ == "VERB" and child.i > tok.i
                        and child.lemma_.lower() in POLICY_ACTIONS and not _reports(child)
                        and not _gives_nothing(child) and not _not_what_was_decided(child)):  # fmt: skip
                    # a verb sharing its object with the next takes both ("the plan to
                    # repeal and replace X"); a bare verb is no issue ("decided to leave")
                    phrase = _with_subject(child)
                    joined = next((c for c in child.children if c.dep_ == "conj"
                                   and c.pos_ == "VERB"), None)  # fmt: skip
                    if len(phrase.split()) == 1 and joined is not None:
                        phrase = doc[child.i : joined.right_edge.i + 1].text
                    if len(phrase.split()) > 1:
                        return phrase, sent.text
        root = sent.root  # "has granted a mining licence", "have begun a trial of cameras"
        if root.lemma_.lower() in GRANTS and any(
            c.dep_ in ("obj", "dobj") and c.lemma_.lower() in GRANTED for c in root.children
        ):
            return _verb_phrase(root), sent.text
    return None


# (not "after": "Officers moved in after Ecuador withdrew his asylum" is the decision)
WHEN_MARKS = frozenset("when while as since because if until though although once".split())
INTRODUCED = frozenset("to on that after".split())  # "voted to", "moved in after X withdrew"


def _not_what_was_decided(verb: Any) -> bool:
    """A clause under a decision verb that is not what was decided: one that says when or why
    ("voted for the bill when it passed the chamber in June"), or a verb nothing introduces."""
    if any(c.dep_ in ("mark", "advmod") and c.lower_ in WHEN_MARKS for c in verb.children):
        return True
    if (
        verb.dep_ == "ccomp"
        and verb.tag_ in ("VBD", "VBN")
        and not any(c.dep_.startswith("nsubj") for c in verb.children)
    ):  # a participle the parser took for what was announced: "a hearing on the amendment,
        return True  # introduced earlier this year by Sens. Tom Udall and Michael Bennet"
    # what was decided is introduced ("voted to", "plans on cancelling", "decided that") or
    # a participle ("passed a ban, outlawing ..."); not "moving too far left" ("left" a verb)
    return (
        verb.dep_ != "ccomp"
        and verb.tag_ != "VBG"
        and not any(
            c.dep_ in ("mark", "aux", "case") and c.lower_ in INTRODUCED for c in verb.children
        )
    )


def _gives_nothing(verb: Any) -> bool:
    """ "giving the more moderate wing a possible champion": a "give" grants nothing unless what
    it gives is one of GRANTED (a licence, funding, a waiver ...)."""
    return verb.lemma_.lower() == "give" and not any(
        c.dep_ in ("obj", "dobj") and c.lemma_.lower() in GRANTED for c in verb.children
    )


def from_demand(doc: Any) -> tuple[str, str] | None:
    """What a side of the lead demands, when no proposal or decision names the dispute: "The
    union is demanding a 9 percent pay rise" -> "a 9 percent pay rise" (strikes, protests)."""
    sents = lead_sentences(doc, 3) if doc is not None and doc.has_annotation("DEP") else []
    for sent in sents:
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.pos_ != "VERB" or not any(c.dep_.startswith("nsubj") for c in tok.children):
                continue
            if _agreed(tok):
                continue  # "They both called for ...": what all sides want is not in dispute
            wanted = None
            if lemma == "demand":
                wanted = next((c for c in tok.children if c.dep_ in ("obj", "dobj")), None)
                act = next((c for c in tok.children if c.dep_ in ("xcomp", "ccomp")
                            and c.pos_ == "VERB" and c.i > tok.i), None)  # fmt: skip
                if act is not None and (wanted is None or wanted.ent_type_ or wanted.i < act.i):
                    # "she demands Congress overturn the decision": what is to be done, if a
                    # policy act ("demanded Congress return to the thorny issue" names none)
                    if act.lemma_.lower() in POLICY_ACTIONS | {"resign"}:
                        return _verb_phrase(act), sent.text
                    continue
            elif lemma in ("call", "push", "press", "clamour", "clamor"):
                # what is pressed for, not how long: "pressed for years for tighter gun laws"
                # (nor "for example")
                wanted = prep_object(tok, "for")
                while wanted is not None and wanted.lemma_.lower() in NOT_CALLED_FOR:
                    wanted = prep_object(wanted, "for") or next(  # hung on "years", or on
                        (o for p, o in prep_objects(tok) if p == "for" and o.i > wanted.i), None
                    )  # the verb after it
            if wanted is not None and wanted.pos_ in ("NOUN", "PROPN"):
                first = wanted.left_edge.i  # not the "for" of "pushing for X"
                while first < wanted.i and doc[first].dep_ == "case":
                    first += 1
                return doc[first : wanted.right_edge.i + 1].text, sent.text
    return None


TOGETHER = frozenset("both all jointly together".split())


def _agreed(verb: Any) -> bool:
    """A demand made by all sides at once: "They both called for", "The two leaders jointly
    urged"."""
    subjects = [c for c in verb.children if c.dep_.startswith("nsubj")]
    return any(
        t.lower_ in TOGETHER
        for t in [*verb.children, *(w for s in subjects for w in s.subtree)]
        if t.dep_ in ("advmod", "det", "nsubj", "predet")
    )


REPORTING = frozenset("say confirm announce tell report add state".split())


def _reports(verb: Any) -> bool:
    """'..., the force confirmed on Monday': who reported the decision, not what it is."""
    return verb.lemma_.lower() in REPORTING and any(
        c.dep_ in ("nsubj", "nsubj:pass") for c in verb.children
    )


def _with_subject(verb: Any) -> str:
    """'shut down' alone says too little: an intransitive decision names what it is about."""
    text = _verb_phrase(verb)
    if len(text.split()) > 2:
        return text
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subj is None or subj.pos_ == "PRON":
        return text
    words = [t for t in subj.subtree if not any(a.dep_ in ("acl:relcl", "relcl") and t in
             list(a.subtree) for a in subj.children)]  # fmt: skip
    noun = " ".join(t.text for t in words if not t.is_punct)
    return f"{text} {noun}"


# what "for" takes that is not what is called for: "pressed for years for", "for example"
NOT_CALLED_FOR = frozenset("year month week day decade hour minute time while example instance"
                           .split())  # fmt: skip
_PROPOSED = ("xcomp", "ccomp", "advcl", "acl")  # "voted to approve", "plans to extend"
_OBJECTS = ("obj", "dobj", "iobj", "dative", "obl", "prt", "compound:prt", "attr", "oprd")
_TIME = frozenset("monday tuesday wednesday thursday friday saturday sunday yesterday today "
                  "tonight night morning evening".split())  # fmt: skip


def _verb_phrase(verb: Any) -> str:
    """The verb and its objects, without its subject, times or trailing clauses."""
    keep = [verb]
    for child in verb.children:
        if child.dep_ not in _OBJECTS or child.i < verb.i:
            continue
        if child.ent_type_ in ("DATE", "TIME") or child.lower_ in _TIME:
            continue
        keep.extend(t for t in child.subtree if t.lower_ not in _TIME)
    words = sorted(keep, key=lambda t: t.i)
    end = verb.i + 1
    aside = _parenthesised(verb.doc, words)  # "(£711m)" in "cancelling $929m (£711m) in grants"
    relative = {t.i for w in words if w.dep_ in ("relcl", "acl:relcl") for t in w.subtree}
    words = [t for t in words if t.i not in aside and t.i not in relative]  # "a protest zone
    # that the city's police chief derided": the zone
    for t in words[1:]:  # stop at a gap, a comma or a clause: the phrase stays short
        while end in aside:
            end += 1
        if t.i != end or t.is_punct or t.dep_ in ("relcl", "acl:relcl", "advcl", "appos"):
            break
        after = verb.doc[t.i + 1] if t.i + 1 < len(verb.doc) else t
        if (t.dep_ == "conj" and t.pos_ == "VERB") or (t.dep_ == "cc" and after.pos_ == "VERB"):
            break  # another action: "withdrew his asylum and invited authorities in"
        end = t.i + 1
    while end > verb.i + 1 and verb.doc[end - 1].lower_ in ("that", "which", "who", "whom"):
        end -= 1  # a relative clause's pronoun: "overturn the decision that allows it"
    rest = " ".join("".join(t.text_with_ws for t in verb.doc[verb.i + 1 : end]
                            if t.i not in aside).split())  # fmt: skip
    return f"{verb.lemma_.lower()} {rest}".strip()


def _parenthesised(doc: Any, words: list[Any]) -> set[int]:
    """The token positions of the parenthesised asides among ``words``, brackets included."""
    out: set[int] = set()
    for t in words:
        if t.text == "(":
            close = next((u.i for u in doc[t.i : t.i + 8] if u.text == ")"), None)
            if close is not None:
                out.update(range(t.i, close + 1))
    return out


def cased(phrase: str, body: str) -> str:
    """Each word in the case the body uses for it mid-sentence; lower case by default."""
    out = []
    for word in phrase.split():
        bare = word.strip("'’\"")
        if "." in bare and bare.isupper():  # "U.S.": an abbreviation keeps its capitals
            out.append(word)
        elif re.search(rf"(?<![.!?]\s)(?<!^)\b{re.escape(bare.lower())}\b", body):
            out.append(word.lower())
        elif re.search(rf"(?<!\w){re.escape(bare)}(?!\w)", body) and (
            not bare.isupper() or "." in bare or len(bare) <= 4  # "U.S.", "NATO"; not "EXPEL"
        ):
            out.append(word)
        else:
            out.append(word.lower())
    return " ".join(out).replace("’s", "'s")


def _country(doc: Any) -> str | None:
    """The article's most named country or place, for 'expel troops' -> '... from Iraq'."""
    if doc is None:
        return None
    places = Counter(e.text for e in doc.ents if e.label_ in ("GPE", "LOC", "PLACE"))
    return places.most_common(1)[0][0] if places else None


def find_issue(analysis: Analysis) -> tuple[str, str] | None:
    """The issue phrase and the sentence it was read from, or None."""
    article, doc = analysis.article, analysis.doc
    found: tuple[str, str] | None = None
    for line in (article.title, article.subtitle):
        phrase = from_headline(line)
        if phrase and line:
            found = (cased(phrase, article.body), line)
            break
    if found is None:
        found = from_lead(doc)
    if found is None:
        found = from_demand(doc)
    if found is None:
        return None
    text, sentence = found
    words = text.split()
    if (
        words
        and words[0].lower() in REMOVALS
        and " from " not in f" {text} "
        and not POSSESSIVES & {w.lower() for w in words}
    ):  # not "withdraw his asylum"
        country = _country(doc)
        if country and country.lower() not in text.lower():
            text = f"{text} from {country}"
    return text, sentence


# A decision the lead reports is a stance reported: who approved, banned, granted or began
# what is in dispute stands for it ("The agriculture ministry announced that it will ban
# triflumazole": the ministry and its spokesman are for the ban).
UNDOING = frozenset(
    "block stop halt veto cancel scrap suspend delay overturn revoke rescind".split()
)
BACKING = DECISIONS | GRANTS | (POLICY_ACTIONS - REMOVALS - UNDOING)
_ARTICLES = frozenset("the a an its their".split())


def decider(doc: Any, issue: str) -> list[str] | None:
    """The words naming who made the decision the lead reports, when its sentence is about
    the issue ("The national nuclear regulator confirmed ... must shut down" for "shut down
    the Halden Point power station"); None when the lead reports no such decision."""
    if doc is None or not doc.has_annotation("DEP"):
        return None
    about = content_words(issue)
    for sent in lead_sentences(doc, 2):
        if not about & content_words(sent.text):
            continue
        for tok in sent:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in BACKING:
                continue
            if any(c.dep_ in ("neg", "advmod") and c.lower_ in ("not", "n't", "never")
                   for c in tok.children):  # fmt: skip
                continue
            who = prep_object(tok, "by") if passive_subject(tok) is not None else subject(tok)
            if who is not None and who.pos_ in ("NOUN", "PROPN"):
                return _names(doc[who.left_edge.i : who.i + 1].text)
    return None


def _names(text: str) -> list[str]:
    """A body's name as comparable words: no articles or possessive, nothing after "of" ("The
    regional government of Esterra" -> regional government)."""
    text = re.split(r"\s+of\s+", text.lower().replace("’s", "").replace("'s", ""))[0]
    words = (w.strip("\"“”'‘’") for w in text.split())
    return [w for w in words if w not in _ARTICLES and any(c.isalpha() for c in w)]


# a headline's decider: "Riverton Council Approves Night Curfew", "Regulator Confirms ..."
_DECIDES = re.compile(
    r"^(?P<who>(?:[A-Z][\w'’-]*\s+){1,4}?)(?:Approves|Backs|Bans|Sets|Confirms|Grants|Begins|"
    r"Orders|Passes|Launches|Imposes|Votes\s+to)\b"
)


def headline_decider(title: str | None) -> list[str] | None:
    m = _DECIDES.match(title or "")
    return _names(m.group("who")) if m else None


def backs(quote: Quote, who: list[str]) -> bool:
    """Whether the quote's speaker is the decider or speaks for it: its name, or a body it is
    affiliated to, names the decider or is the decider's head noun with fewer modifiers
    ("the ministry", "a spokesman for the agriculture ministry" for "the agriculture ministry"),
    or its role is a post in it ("council leader")."""
    sp = quote.speaker
    if sp is None:
        return False
    for text in (sp.name, sp.affiliation, sp.text):
        words = _names(text or "")
        if words and words[-1] == who[-1] and (set(words) <= set(who) or set(who) <= set(words)):
            return True
    return who[-1] in _names(sp.role or "")[:-1]  # "council leader" for "the town council"


def speaker_key(quote: Quote) -> str | None:
    """Who a quote counts for: the resolved name, else the speaker's words; for an unnamed
    "he" or "she", the words that described that person when they first spoke."""
    sp = quote.speaker
    if sp is None:
        return None
    if sp.name is None and sp.description and sp.text.lower() in ("he", "she"):
        return sp.description
    return sp.name or sp.text


def is_call(quote: Quote) -> bool:
    """A demand ("called on", "called for", "urged"), not a naming ("called the vote a ...")."""
    cue = (quote.cue or "").lower().split()
    if not cue or not cue[0].startswith(CALL_CUES):
        return False
    return not cue[0].startswith("call") or len(cue) > 1


# a call whose demand is to halt, reject or suspend something: "called on parliament to reject
# the funding", "urged the authority to suspend work until ..."
_HALT_CALL = re.compile(
    r"^(?:\S+\s+){0,6}?to\s+(?:immediately\s+)?(?:reject|suspend|halt|stop|scrap|block|cancel|"
    r"delay|drop|abandon|reverse|overturn|pause|freeze|shelve|postpone)\b",
    re.IGNORECASE,
)


def call_stance(quote: Quote, relevance: float) -> Stance:
    """A reported call, read for what it demands: the issue's action, its stopping, or else.
    A call to halt something the issue's words do not name still opposes it: in an article
    about a measure, what a voice asks to be stopped is the measure or its means (the funding,
    the work)."""
    if relevance < RELEVANT:
        if _HALT_CALL.match(quote.text):
            return Stance("against", 0.6)
        return Stance("neither", round(min(max(1 - relevance, 0.5), 0.99), 4))
    label = "against" if STOPPING.search(quote.text) else "for"
    return Stance(label, round(min(0.5 + relevance / 2, 0.99), 4))


_DETERMINERS = frozenset("the a an these those some".split())


def same_voices(quotes: Sequence[Quote]) -> dict[str, str]:
    """Unnamed speakers' descriptions that are a shorter form of exactly one other description
    with the same head word, to it: "the lawmakers" -> "Iraqi lawmakers"."""
    described = [q.speaker.text for q in quotes if q.speaker is not None and not q.speaker.name]
    words = {d: [w for w in d.lower().split() if w not in _DETERMINERS] for d in described}
    out: dict[str, str] = {}
    for short, ws in words.items():
        if not ws:
            continue
        longer = {d for d, wl in words.items()
                  if wl and wl[-1] == ws[-1] and set(ws) < set(wl)}  # fmt: skip
        if len(longer) == 1:
            out[short] = longer.pop()
    return out


def aggregate(
    quotes: tuple[Quote, ...] | list[Quote],
    weights: Sequence[float] | None = None,
    backers: Sequence[bool] | None = None,
) -> dict[str, list[str]]:
    """Per speaker, the label with the largest (weighted) summed probability, first-seen order.

    ``weights`` (one per quote, default 1) lets a quote whose side the rules read outweigh the
    model's guesses on the same speaker's other, factual quotes; ``backers`` (one per quote)
    marks the voices of the decision's maker, each such quote a vote for worth RULE_WEIGHT.
    """
    totals: dict[str, dict[str, float]] = defaultdict(lambda: dict.fromkeys(STANCE_LABELS, 0.0))
    same = same_voices(quotes)
    for i, q in enumerate(quotes):
        key = speaker_key(q)
        if key is None or q.stance is None:
            continue
        totals[same.get(key, key)][q.stance.label] += q.stance.score * (
            weights[i] if weights else 1.0
        )
        if backers and backers[i]:
            totals[same.get(key, key)]["for"] += RULE_WEIGHT
    sides: dict[str, list[str]] = {label: [] for label in STANCE_LABELS}
    for key, scores in totals.items():
        sides[max(STANCE_LABELS, key=lambda label: scores[label])].append(key)
    return sides


def make_issue(text: str, sentence: str, sides: dict[str, list[str]]) -> Issue:
    """An Issue record; the source sentence goes in where the record has a field for it."""
    names = {f.name for f in dataclasses.fields(Issue)}
    extra = {"sentence": sentence} if "sentence" in names else {}
    return Issue(text, sides, **extra)


class Sides:
    """The issue in dispute, each quote's stance toward it, and the speakers on each side."""

    name: str = "stance"
    version: int = 2
    requires: tuple[str, ...] = ("quotes",)
    assigns: tuple[str, ...] = ("issue", "quotes.stance")

    def __call__(self, analysis: Analysis) -> Analysis:
        voices = {speaker_key(q) for q in analysis.quotes} - {None}
        found = find_issue(analysis) if len(voices) >= MIN_VOICES else None
        if found is None:
            return replace(analysis, issue=None)
        text, sentence = found
        quotes, ruled = self.read(analysis.quotes, text, analysis.doc)
        weights = [RULE_WEIGHT if r else 1.0 for r in ruled]
        who = decider(analysis.doc, text) or headline_decider(analysis.article.title)
        backers = [who is not None and backs(q, who) for q in quotes]
        issue = make_issue(text, sentence, aggregate(quotes, weights, backers))
        return replace(analysis, quotes=quotes, issue=issue)

    @staticmethod
    def judge(quotes: tuple[Quote, ...], issue: str, doc: Any = None) -> tuple[Quote, ...]:
        """Every quote's stance toward the issue (``doc``: the parse the quotes' offsets index)."""
        return Sides.read(quotes, issue, doc)[0]

    @staticmethod
    def read(
        quotes: tuple[Quote, ...], issue: str, doc: Any = None
    ) -> tuple[tuple[Quote, ...], list[bool]]:
        """Each quote's stance, and whether the rules (not the model) decided it.

        The rules (``newsprism.stance_rules``) read what the voice wants or rejects; where they
        find nothing that bears on the issue, a reported call is read for its demand's
        relevance and the model decides the rest. One batch of embeddings, the issue once.
        """
        # imported here: torch loads only when an article has an issue. Names, not the module:
        # the package may re-export the function ``stance`` under the module's name.
        from ..stance import QUOTE_CROSS, embed, hypotheses, model
        from ..stance_rules import frame, read

        if not quotes:
            return quotes, []
        issue_frame = frame(issue, doc)
        ruled = [read(issue_frame, span, q.kind, is_call(q))
                 for q, span in zip(quotes, _spans(quotes, doc), strict=True)]  # fmt: skip
        rest = [i for i, r in enumerate(ruled) if r is None]
        vecs = embed([*hypotheses(issue), *(_head(quotes[i].text) for i in rest)])
        topic, texts = vecs[:3], vecs[3:]
        classifier = model()
        rows = classifier.rows(texts, topic, [quotes[i].text for i in rest], issue, QUOTE_CROSS)
        relevance = np.asarray(texts @ topic[0])
        out = list(quotes)
        for j, i in enumerate(rest):
            stance = lean(rows[j], classifier.labels)
            if is_call(quotes[i]):
                stance = call_stance(quotes[i], float(relevance[j]))
            out[i] = replace(quotes[i], stance=stance)
        for i, r in enumerate(ruled):
            if r is not None:
                out[i] = replace(quotes[i], stance=Stance(r[0], r[1]))
        return tuple(out), [r is not None for r in ruled]


RULE_WEIGHT = 2.0  # a quote the rules read counts twice in its speaker's side
NEITHER_MIN = 0.7  # the model's probability of neither above which a voice is read as neither


def lean(row: np.ndarray, labels: Sequence[str]) -> Stance:
    """A quoted voice's stance from the model's probabilities: ``neither`` only when the model
    gives it at least NEITHER_MIN, else the likelier of for and against. The voices an article
    quotes on its issue mostly take a side, and their factual statements ("talks resume on
    Friday", from the union on strike) lean the speaker's way even where the model finds
    them mostly off the issue; a reader, and the annotators, give such a quote its
    speaker's side."""
    probs = dict(zip(labels, (float(x) for x in row), strict=True))
    if probs["neither"] >= NEITHER_MIN:
        return Stance("neither", round(probs["neither"], 4))
    label = "for" if probs["for"] >= probs["against"] else "against"
    return Stance(label, round(probs[label], 4))


QUOTE_CHARS = 400  # a quote is embedded from its first 400 characters (cost grows with length)


def _head(text: str) -> str:
    """The start of a long quote, cut at a word: where a voice says which way it leans."""
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS].rsplit(" ", 1)[0]


def _spans(quotes: tuple[Quote, ...], doc: Any) -> list[Any]:
    """Each quote's tokens: its span of the article's parse, else its own text parsed alone."""
    spans: list[Any] = []
    text = doc_text(doc) if doc is not None else ""
    for q in quotes:
        span = None
        if doc is not None and q.end > q.start and text[q.start : q.end] == q.text:
            span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None:
            span = _nlp()(q.text)[:]
        spans.append(span)
    return spans


@functools.cache
def _nlp() -> Any:
    """newsprism's parser, for quotes that come without the article's parse."""
    from ..models import load

    return load()
