"""Stance rules: what a voice wants or rejects, applied to which thing, composed with the issue.

In news, a voice's side on a proposal is compositional. "We don't want them anymore", said of
foreign troops in an article about expelling them, is *for* the expulsion: a wanting
predicate (want), negated (don't), applied to a thing (them -> the troops), composed with
what the issue does to that thing (expel removes it). Each part is read from the parse:

1. **The issue frame** (:func:`frame`): the issue's act and what it does to its object
   ("expel foreign troops": act *expel*, effect -1 on *troops*), the words that name the
   object (the head words and their group: troops = forces = soldiers), the proper names the
   article gives it ("American troops", "the US-led coalition" -> United States), and the
   nouns that name the measure itself (the act's nominals, "the ban", "the plan", "the bill").
2. **The value of a thing** (:func:`Reader.value`) to the issue: +1 when having it is the issue
   (the measure, or the object of a creating act), -1 when having it is what the issue
   removes (the object of a removing act), ``None`` when it is not about the issue. An act
   is its effect times the value of its object ("the trial" is +1, "halt the trial" is -1;
   "an American departure" removes the troops: -1 x -1 = +1); an act of the issue's own
   kind (departure, withdrawal for expel) with no object of its own is the issue (+1).
   Pronouns are resolved to the nearest earlier noun phrase of the right number in the
   quote, then in the sentences before it (the speaker's sentence); "this" with no such
   antecedent is the matter at hand, the measure.
3. **The attitude** (:meth:`Reader.decisions`): a wanting (+1: want, support, back, welcome,
   need, demand, "call for", "vote yes", "for it") or rejecting (-1: oppose, reject,
   refuse, "don't want", "against", "no to", "without") predicate whose subject is the
   speaker (I, we, "90 percent of us"; he, she, it, they in reported speech), times -1 for
   each negation ("not", "never", a rhetorical "why would we ...?"), times the value of
   its complement. An evaluation ("X is essential", "a regressive tax") is its polarity
   times the value of what it evaluates. A reported call's demand is wanted.
4. **Consequences** (:meth:`Reader.consequences`), read only where no attitude is: what
   the measure, or a thing the issue acts on, does to something worth having or worth less
   of. "The ban would cut yields" is against the ban: the ban (+1) cuts (-1) yields (+1);
   "the closure would push emissions up" is against it (+1 x +1 x -1); "the troops
   protect us" is against expelling them (-1 x +1, a helping verb's object being worth
   having). A generic measure noun ("the plan", "the proposal") is no subject here: in a
   story of several measures it is often another one. A conditional ("if it catches the
   thieves, good") says nothing; readings that disagree ("It will reduce the floods. It will
   not stop them") are a mixed position.
5. **Neither** (:meth:`Reader.neutral`): a voice that takes no side ("no position", "it
   depends"), speaks of both sides ("neither side", "both sides"), rejects two parties at
   once ("without the US and without Iran", "not the bees and not the farmers"), backs
   something only on a condition ("only if", "on condition that"), or wants one part but not
   another ("supported the goal but not the design"), or whose own decisions disagree.

The words come from ``data/stance_lexicon.tsv`` (hand-curated, documented there). The rules
return ``None`` when they find nothing that bears on the issue; the caller then falls back to
the stance model. Nothing here is downloaded or embedded: it reads the parse the pipeline
already made.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"
LEXICON = DATA / "stance_lexicon.tsv"

FIRST_PERSON = frozenset({"i", "we", "us", "me", "our", "my"})
THIRD_PERSON = frozenset({"he", "she", "it", "they"})
PLURAL_PRONOUNS = frozenset({"them", "they", "these", "those"})
SINGULAR_PRONOUNS = frozenset({"it", "this", "that"})
NEGATIONS = frozenset({"not", "n't", "never", "no", "n’t"})
# "call for", "vote against": a verb whose preposition carries the attitude
PREPOSITIONAL = frozenset(
    "call ask push campaign vote fight lobby press argue speak stand rally plead appeal".split()
)
ATTITUDE_PREPOSITIONS = {"for": 1, "against": -1}
_STOP = frozenset(
    """a an the of to in on for and or with by at from as is are be up its their this that
    these those all any some new""".split()
)
# an issue's object ends where a preposition or a time begins
_OBJECT_END = frozenset(
    """from in on at with by until through to for into across near over pending before after
    during under within without between""".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’-]*")
_BALANCE = re.compile(
    r"\b(?:neither|both|either)\s+(?:of\s+(?:them|the\s+\w+)|sides?|camps?|part(?:y|ies)|"
    r"governments?|directions?|things|views|arguments)\b"
    r"|\bneither\b[^.?!]{1,80}\bnor\b"
    r"|\bwithout\b[^.?!]{1,80}\band\s+without\b"
    r"|\bnot\s+(?:the\s+)?[\w-]+\s+(?:and|or|,)\s*not\s+(?:the\s+)?[\w-]+",
    re.IGNORECASE,
)
_CONDITION = re.compile(
    r"\b(?:only\s+if|only\s+when|on\s+(?:the\s+)?condition|provided\s+that|as\s+long\s+as|"
    r"so\s+long\s+as)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Lexicon:
    """The curated words of ``stance_lexicon.tsv``, by class."""

    attitude: dict[str, int]  # want +1, reject -1
    act: dict[str, int]  # transitive: what the verb does to its object
    leave: dict[str, int]  # intransitive: what the verb does to its subject
    nominal: dict[str, str]  # noun -> the verb it names
    measure: frozenset[str]
    group: dict[str, str]
    evaluation: dict[str, int]
    neutral: re.Pattern[str]
    harm: dict[str, int]  # hurt -1, help +1: whatever the object
    worth: dict[str, int]  # jobs +1, emissions -1

    def effect(self, verb: str) -> int | None:
        return self.act.get(verb, self.leave.get(verb))

    def family(self, verb: str) -> str:
        """Acts that come to the same: expel, withdraw, depart, leave all take a party out;
        close and shut (down) both end a place's working."""
        if self.effect(verb) == -1 and verb in REMOVAL:
            return "removal"
        if self.effect(verb) == -1 and verb in CLOSURE:
            return "closure"
        return verb


REMOVAL = frozenset("expel withdraw remove deport evict oust leave depart go exit quit".split())
CLOSURE = frozenset("close shut shutter".split())
PARTICLES = frozenset("down off out up back".split())  # "shut down X": part of the verb


@functools.cache
def lexicon(path: Path = LEXICON) -> Lexicon:
    rows: list[tuple[str, str, str]] = []
    with open(path, encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t"):
            if len(row) == 3 and not row[0].startswith("#"):
                rows.append((row[0].strip().lower(), row[1].strip(), row[2].strip()))

    def table(cls: str) -> dict[str, int]:
        return {w: int(v) for w, c, v in rows if c == cls}

    phrases = [w for w, c, _ in rows if c == "neutral"]
    return Lexicon(
        attitude={**table("want"), **table("reject")},
        act=table("act"),
        leave=table("leave"),
        nominal={w: v for w, c, v in rows if c == "nominal"},
        measure=frozenset(w for w, c, _ in rows if c == "measure"),
        group={w: v for w, c, v in rows if c == "group"},
        evaluation={**table("good"), **table("bad")},
        neutral=re.compile(r"\b(?:" + "|".join(map(re.escape, phrases)) + r")\b", re.I),
        harm={**table("harm"), **table("help")},
        worth={**table("asset"), **table("ill")},
    )


@functools.cache
def _names() -> dict[str, str]:
    """Country and place aliases and demonyms to one key ("American", "US" -> United States)."""
    table: dict[str, str] = {}
    try:
        with open(DATA / "aliases.tsv", encoding="utf-8") as f:
            for row in csv.reader(f, delimiter="\t"):
                if len(row) == 3 and not row[0].startswith("#") and row[1] == "PLACE":
                    table[row[2].lower()] = table[row[0].lower()] = row[0].lower()
        with open(DATA / "demonyms.tsv", encoding="utf-8") as f:
            for row in csv.reader(f, delimiter="\t"):
                if len(row) == 3 and not row[0].startswith("#"):
                    key = table.get(row[2].lower(), row[2].lower())
                    table[row[0].lower()] = table[row[1].lower()] = key
    except OSError:  # pragma: no cover - a broken install: names then match literally
        pass
    return table


def name_key(text: str) -> str:
    """One key per country or party: "US-led" -> "united states", "Americans" -> same."""
    t = re.sub(r"(?i)[-‐](?:led|backed|based|run)$|['’]s$", "", text.strip()).lower()
    return _names().get(t, t)


def base(word: str) -> str:
    """A verb's or noun's base form, for the issue's words (no parse): lexicon forms first."""
    lex = lexicon()
    w = word.lower().strip("'’\".,")
    known = (
        lex.attitude.keys() | lex.act.keys() | lex.nominal.keys() | lex.measure | lex.group.keys()
    )
    if w in known:
        return w
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""),
                         ("ing", "e"), ("d", "")):  # fmt: skip
        if w.endswith(suffix) and (stem := w[: -len(suffix)] + repl) in known:
            return stem
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


@dataclass(frozen=True)
class Frame:
    """What the issue does to what: its act, the act's effect, and the words for its object."""

    text: str
    act: str | None = None
    effect: int = 1
    objects: frozenset[str] = frozenset()  # lemmas naming the object, and their group mates
    names: frozenset[str] = frozenset()  # proper names the article gives the object
    measures: frozenset[str] = frozenset()  # nouns naming the measure itself
    groups: frozenset[str] = field(default_factory=frozenset)


def frame(issue: str, doc: Any = None) -> Frame:
    """The issue's act, effect and object, read from its words (a verb phrase or a noun)."""
    lex = lexicon()
    words = _WORD.findall(issue)
    act: str | None = None
    rest: list[str] = []
    if words:
        first = base(words[0])
        if lex.effect(first) is not None or first not in lex.nominal:
            act, rest = first, words[1:]  # a verb phrase: "expel foreign troops from Iraq"
        for i, w in enumerate(words[:3]):  # a measure noun: "Nationwide Ban on Triflumazole"
            after = words[i + 1].lower() if i + 1 < len(words) else ""
            noun = after in ("on", "of", "for")  # "Tax on Sugary Drinks": a noun, not a verb
            if base(w) in lex.nominal and (i > 0 or lex.effect(first) is None or noun):
                act = lex.nominal[base(w)]
                rest = words[i + 2 :] if noun else words[i + 1 :]
                break
    obj: list[str] = []
    for w in rest:
        low = w.lower()
        if low in _OBJECT_END and (obj or low != "to"):  # "house up to 400 refugees at ..."
            break
        if low in _STOP or low == "to" or low[0].isdigit() or (low in PARTICLES and not obj):
            continue
        obj.append(base(w))
    effect = lex.effect(act) if act else None
    groups = frozenset(lex.group[w] for w in obj if w in lex.group)
    objects = frozenset(obj) | frozenset(w for w, g in lex.group.items() if g in groups)
    measures = set(lex.measure)
    if act:
        measures |= {act} | {n for n, v in lex.nominal.items() if lex.family(v) == lex.family(act)}
    return Frame(
        text=issue,
        act=act,
        effect=effect if effect is not None else 1,
        objects=objects,
        names=_object_names(doc, objects) if doc is not None else frozenset(),
        measures=frozenset(measures - objects) if effect == -1 else frozenset(measures),
        groups=groups,
    )


def _object_names(doc: Any, objects: frozenset[str]) -> frozenset[str]:
    """The proper names the article puts on the object: "American troops" -> united states."""
    names: set[str] = set()
    for tok in doc:
        if tok.lemma_.lower() not in objects or (tok.ent_type_ and tok.pos_ == "PROPN"):
            continue
        for child in tok.children:
            if child.dep_ in ("amod", "compound", "nmod:poss", "nmod", "flat") and (
                child.text[:1].isupper() and not doc[child.i].is_sent_start
            ):
                names.add(name_key(child.text))
                for g in child.children:  # "US - led": the name may hang off "led"
                    if g.text[:1].isupper():
                        names.add(name_key(g.text))
    return frozenset(names)


@dataclass
class Reader:
    """Reads one quote's span of the parse for its stance toward the issue frame."""

    frame: Frame
    span: Any  # the quote's tokens (a spaCy Span)
    kind: str = "direct"
    call: bool = False
    context: int = 2  # sentences before the quote searched for a pronoun's antecedent
    lex: Lexicon = field(default_factory=lexicon)

    # -- the value of a thing to the issue -------------------------------------------------

    def value(self, tok: Any, depth: int = 0) -> int | None:
        """+1: having it is the issue; -1: having it is what the issue removes; None: unrelated."""
        if depth > 4:
            return None
        lemma = tok.lemma_.lower()
        low = tok.lower_
        if tok.pos_ == "PRON" or low in PLURAL_PRONOUNS | SINGULAR_PRONOUNS:
            if low in FIRST_PERSON or low in ("he", "she", "him", "her", "you"):
                return None
            ref = self.antecedent(tok, depth)
            if ref is not None:
                return ref
            return 1 if low in ("this", "that") and tok.i == self._sent_start(tok) else None
        if lemma in self.lex.nominal:  # "an American departure", "the ban", "halt of the trial"
            v = self.act_value(self.lex.nominal[lemma], self._nominal_thing(tok), depth)
            if v is not None:
                return v
        if lemma in self.frame.measures:
            return 1
        if self.is_object(tok):
            return self.frame.effect
        for conj in tok.children:  # "the US and the Pentagon": any conjunct
            if conj.dep_ == "conj" and conj.i > tok.i:
                v = self.value(conj, depth + 1)
                if v is not None:
                    return v
        return None

    def is_object(self, tok: Any) -> bool:
        words = [tok, *(c for c in tok.children if c.dep_ in ("compound", "flat", "amod"))]
        for w in words:
            named = w.lemma_.lower() in self.frame.objects or w.lower_ in self.frame.objects
            if named and (w.i == tok.i or w.pos_ in ("NOUN", "PROPN")):
                return True
            if w.text[:1].isupper() and name_key(w.text) in self.frame.names:
                return True
        return False

    def _nominal_thing(self, tok: Any) -> Any | None:
        """The party a nominal act is about: 'departure of the troops', 'American departure'."""
        for child in tok.children:
            if child.dep_ in ("nmod", "nmod:poss", "poss") or (
                child.dep_ in ("amod", "compound") and child.text[:1].isupper()
            ):
                return child
        return None

    def act_value(self, verb: str, thing: Any | None, depth: int = 0) -> int | None:
        """An act's value: its effect on its object times the object's value."""
        effect = self.lex.effect(verb)
        same = self.frame.act is not None and self.lex.family(verb) == self.lex.family(
            self.frame.act
        )
        if thing is None:
            return 1 if same else None
        v = self.value(thing, depth + 1)
        if v is None or effect is None:
            return 1 if same else None
        return effect * v

    def verb_value(self, verb: Any, controller: Any | None, depth: int = 0) -> int | None:
        """A clause's value: 'expel the troops', 'them to leave', 'the trial to be halted'."""
        lemma = verb.lemma_.lower()
        if lemma in self.lex.attitude:  # "want to reject X": attitudes compose
            inner = self.complement_value(verb, depth + 1)
            return None if inner is None else self.lex.attitude[lemma] * inner
        obj = next((c for c in verb.children if c.dep_ in ("obj", "dobj")), None)
        if lemma in self.lex.leave:
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
            return self.act_value(lemma, subj or controller, depth)
        if obj is None:
            obj = next((c for c in verb.children if c.dep_ in ("nsubj:pass", "nsubjpass")), None)
        return self.act_value(lemma, obj, depth) if self.lex.effect(lemma) is not None else (
            self.value(obj, depth + 1) if obj is not None and lemma in ("have", "get") else None
        )  # fmt: skip

    def complement_value(self, pred: Any, depth: int = 0) -> int | None:
        """What a wanting or rejecting predicate is about, valued; None when nothing is."""
        values: list[int] = []
        obj = next((c for c in pred.children if c.dep_ in ("obj", "dobj")), None)
        for child in pred.children:
            if child.dep_ in ("xcomp", "ccomp") or (
                child.dep_ == "advcl" and any(g.lower_ == "to" for g in child.children)
            ):
                v = self.verb_value(child, obj, depth)
                if v is not None:
                    values.append(v)
        if not values and obj is not None:  # "want the troops to leave" (parsed as acl)
            for child in obj.children:
                if child.dep_ in ("acl", "xcomp") and any(g.lower_ == "to" for g in child.children):
                    v = self.verb_value(child, obj, depth)
                    if v is not None:
                        values.append(v)
        if not values and obj is not None:
            v = self.value(obj, depth + 1)
            if v is not None:
                values.append(v)
        if not values:
            for prep, thing in _preps(pred):
                if (
                    prep in ("for", "to", "with")
                    and (v := self.value(thing, depth + 1)) is not None
                ):
                    values.append(v)
        if not values:
            return None
        return values[0] if all(v == values[0] for v in values) else 0

    # -- pronouns ------------------------------------------------------------------------

    def antecedent(self, pron: Any, depth: int) -> int | None:
        """The value of the nearest earlier noun phrase a pronoun can refer to that has one."""
        plural = pron.lower_ in PLURAL_PRONOUNS
        doc = pron.doc
        start = _sent_start(doc, self.span.start)
        for _ in range(self.context):
            if start <= 0:
                break
            start = _sent_start(doc, start - 1)
        for i in range(pron.i - 1, start - 1, -1):
            cand = doc[i]
            if cand.pos_ not in ("NOUN", "PROPN") or cand.dep_ in ("compound", "flat", "amod"):
                continue
            is_plural = "Number=P" in str(cand.morph) or any(
                c.dep_ == "conj" for c in cand.children
            ) or cand.ent_type_ in ("GROUP", "ORG", "NORP")  # fmt: skip
            if cand.ent_type_ == "PERSON" or (plural != is_plural and cand.ent_type_ not in (
                    "GROUP", "ORG", "NORP", "PLACE", "GPE")):  # fmt: skip
                continue
            v = self.value(cand, depth + 1)
            if v is not None:
                return v
        return None

    def _sent_start(self, tok: Any) -> int:
        start = max(_sent_start(tok.doc, tok.i), self.span.start)
        while start < tok.i and (tok.doc[start].is_punct or tok.doc[start].is_space):
            start += 1
        return int(start)

    # -- the speaker's attitudes ---------------------------------------------------------

    def speaker_subject(self, pred: Any) -> bool:
        """Whether a predicate's subject is the speaker (or it has none of its own)."""
        head = pred
        while True:
            subj = next((c for c in head.children if c.dep_ in ("nsubj", "csubj")), None)
            if subj is not None or head.dep_ not in ("xcomp", "conj") or head.head.i == head.i:
                break
            head = head.head
        if subj is None:
            return True
        words = {t.lower_ for t in subj.subtree}
        if words & FIRST_PERSON:
            return True
        return self.kind != "direct" and subj.lower_ in THIRD_PERSON

    def negated(self, pred: Any) -> bool:
        flips = sum(c.lower_ in NEGATIONS and c.dep_ in ("advmod", "neg", "det")
                    for c in pred.children)  # fmt: skip
        subj = next((c for c in pred.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ in ("nobody", "none", "no-one"):
            flips += 1
        if any(c.lower_ == "why" for c in pred.children) and (
            pred.sent.text.rstrip(" ”\"'’").endswith("?")
        ):
            flips += 1  # "Why would I want a border?": a rhetorical question rejects
        return flips % 2 == 1

    def decisions(self) -> Iterator[int]:
        """+1 / -1 for each attitude of the speaker that bears on the issue; 0 for a mixed one."""
        if self.call:
            yield from self._call()
        for tok in self.span:
            lemma = tok.lemma_.lower()
            if (
                lemma in self.lex.attitude
                and tok.pos_ in ("VERB", "AUX", "NOUN")
                and (self.speaker_subject(tok))
            ):
                v = self.complement_value(tok)
                if v is not None:
                    yield self.lex.attitude[lemma] * (-1 if self.negated(tok) else 1) * v
            elif lemma in PREPOSITIONAL and tok.pos_ == "VERB" and self.speaker_subject(tok):
                yield from self._prepositional(tok, -1 if self.negated(tok) else 1)
            elif tok.dep_ == "case" and tok.lower_ in ATTITUDE_PREPOSITIONS:
                head = tok.head  # "I'm for it", "we are against the ban"
                if any(c.dep_ == "cop" for c in head.children) and self.speaker_subject(head):
                    v = self.value(head)
                    if v is not None:
                        sign = -1 if self.negated(head) else 1
                        yield ATTITUDE_PREPOSITIONS[tok.lower_] * sign * v
            elif (
                tok.lower_ in ("no", "yes")
                and tok.head.i != tok.i
                and any(c.lower_ == "to" and c.dep_ == "case" for c in tok.head.children)
            ):  # "No to the dam"
                v = self.value(tok.head)
                if v is not None:
                    yield (1 if tok.lower_ == "yes" else -1) * v
            elif lemma in self.lex.evaluation:
                yield from self._evaluation(tok)
            if tok.lower_ == "without" and tok.dep_ == "case":
                v = self.value(tok.head)  # "We want to be free, without the United States"
                if v is not None and self._wanted(tok):
                    yield -v

    def _call(self) -> Iterator[int]:
        """A reported call's demand ("the government to expel all foreign forces") is wanted."""
        for tok in self.span:
            if tok.pos_ == "VERB" and (tok.head.i == tok.i or tok.head.i not in self._indices()):
                v = self.verb_value(tok, None)
                if (
                    v is None
                    and (obj := next((c for c in tok.children if c.dep_ in ("obj", "dobj")), None))
                    is not None
                ):
                    v = self.value(obj)  # fmt: skip
                if v is not None:
                    yield -v if self.negated(tok) else v
                return
            if tok.pos_ in ("NOUN", "PROPN") and tok.head.i not in self._indices():
                v = self.value(tok)  # "called for the resolution"
                if v is not None:
                    yield v
                    return

    def _indices(self) -> range:
        return range(self.span.start, self.span.end)

    def _prepositional(self, verb: Any, sign: int) -> Iterator[int]:
        for prep, thing in _preps(verb):
            if prep in ATTITUDE_PREPOSITIONS and (v := self.value(thing)) is not None:
                yield ATTITUDE_PREPOSITIONS[prep] * sign * v
        if verb.lemma_.lower() == "vote":  # "I'll vote yes", "he would vote no"
            for c in verb.children:
                if c.lower_ in ("yes", "no") and c.dep_ in ("obj", "dobj", "advmod", "discourse"):
                    yield sign * (1 if c.lower_ == "yes" else -1)

    def _evaluation(self, tok: Any) -> Iterator[int]:
        """'X is essential', 'This is long overdue', 'a regressive tax' (of the issue)."""
        polarity = self.lex.evaluation[tok.lemma_.lower()]
        if tok.dep_ == "amod":  # "a regressive tax": the noun it qualifies
            target = tok.head
            sign = -1 if self.negated(tok.head) else 1
        else:
            target = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
            sign = -1 if self.negated(tok) else 1
            if target is None or not any(c.dep_ == "cop" for c in tok.children):
                return
        v = self.value(target)
        if v is not None:
            yield polarity * sign * v

    def _wanted(self, tok: Any) -> bool:
        """Whether a 'without X' phrase sits under a wanting predicate of the speaker."""
        head = tok.head
        while head.head.i != head.i:
            head = head.head
            if head.lemma_.lower() in self.lex.attitude:
                return self.lex.attitude[head.lemma_.lower()] > 0 and self.speaker_subject(head)
        return False

    # -- consequences --------------------------------------------------------------------

    def consequences(self) -> Iterator[int]:
        """+1 / -1 for each good or bad effect the span gives the measure (module docstring)."""
        for tok in self.span:
            if tok.pos_ not in ("VERB", "AUX") or _conditional(tok):
                continue
            change = self._change(tok)
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is not None and tok.dep_ in ("relcl", "acl:relcl") and subj.tag_ == "WDT":
                subj = tok.head  # "trade deals that hurt American workers": the deals
            obj = next((c for c in tok.children if c.dep_ in ("obj", "dobj")), None)
            if not change or subj is None or obj is None or subj.lemma_.lower() in self.lex.measure:
                continue  # "the plan", "the proposal": in a story of many, maybe another one
            worth = self._worth(obj)
            if worth is None and tok.lemma_.lower() in self.lex.harm:
                worth = 1  # what one harms or helps is worth having
            if worth is None or (who := self.value(subj)) is None:
                continue
            doubted = self.negated(tok) or any(c.lower_ in _SELDOM for c in tok.children)
            if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("unlikely", "fail"):
                doubted = not doubted  # "was unlikely to cause shortages"
            yield who * change * worth * (-1 if doubted else 1)

    def _change(self, verb: Any) -> int:
        """What a verb does to its object: +1 ("create", "help", "push ... up"), -1 ("cut",
        "hurt", "drive ... down"), 0 when it is no such verb."""
        lemma = verb.lemma_.lower()
        if lemma in _MOVERS:
            particle = next((c.lower_ for c in verb.children if c.dep_ in ("compound:prt", "prt")), "")  # fmt: skip
            if particle in _UP_DOWN:
                return _UP_DOWN[particle]
        return self.lex.harm.get(lemma) or self.lex.act.get(lemma, 0)

    def _worth(self, thing: Any) -> int | None:
        """+1 / -1 for a thing worth having or worth less of; a pronoun ("will not stop them")
        takes the nearest earlier noun of the quote that has a worth."""
        if thing.lower_ not in PLURAL_PRONOUNS | SINGULAR_PRONOUNS:
            return self.lex.worth.get(thing.lemma_.lower())
        for i in range(thing.i - 1, self.span.start - 1, -1):
            cand = thing.doc[i]
            if cand.pos_ == "NOUN" and cand.lemma_.lower() in self.lex.worth:
                return self.lex.worth[cand.lemma_.lower()]
        return None

    # -- neither ---------------------------------------------------------------------------

    def neutral(self) -> bool:
        """No side taken, both sides named, two parties rejected, or support on a condition."""
        text = self.span.text
        if self.lex.neutral.search(text) or _BALANCE.search(text):
            return True
        if _CONDITION.search(text) and any(
            t.lemma_.lower() in self.lex.attitude for t in self.span
        ):
            return True
        for tok in self.span:  # "supported the goal but not the design"
            if tok.lemma_.lower() in self.lex.attitude and self.speaker_subject(tok):
                obj = next((c for c in tok.children if c.dep_ in ("obj", "dobj")), None)
                conjs = obj.children if obj is not None else ()
                if any(c.dep_ == "conj" and any(g.lower_ == "not" for g in c.children)
                       for c in conjs):  # fmt: skip
                    return True
        return False


_MOVERS = frozenset("push drive send bring force".split())  # "push emissions up"
_UP_DOWN = {"up": 1, "down": -1}
_SELDOM = frozenset("seldom rarely hardly".split())


def _conditional(tok: Any) -> bool:
    """Whether a verb sits in an "if" or "unless" clause (its own or a head's, up the tree)."""
    while True:
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children):
            return True
        if tok.head.i == tok.i or tok.dep_ not in ("conj", "xcomp", "ccomp", "advcl"):
            return False
        tok = tok.head


def _sent_start(doc: Any, i: int) -> int:
    """The index of the first token of the sentence holding token ``i`` (cheaper than .sent)."""
    while i > 0 and not doc[i].is_sent_start:
        i -= 1
    return i


def _preps(tok: Any) -> Iterable[tuple[str, Any]]:
    from .syntax import prep_objects

    return prep_objects(tok)


RULE_SCORE = 0.9  # the score a rule's reading gets (the model's probabilities are rarely this high)
NEUTRAL_SCORE = 0.8


def read(
    frame_: Frame, span: Any, kind: str = "direct", call: bool = False
) -> tuple[str, float] | None:
    """The stance one quote's span takes toward the issue frame, or None when the rules see none."""
    reader = Reader(frame_, span, kind=kind, call=call)
    if reader.neutral():
        return "neither", NEUTRAL_SCORE
    found = [d for d in reader.decisions()] or [d for d in reader.consequences()]
    if not found:
        return None
    if 0 in found or (1 in found and -1 in found):
        return "neither", NEUTRAL_SCORE  # the voice's own readings disagree: a mixed position
    return ("for" if found[0] > 0 else "against"), RULE_SCORE
