"""Entities: who and what an article names, with the names of one entity merged.

Mentions come from four sources, longest span first where they overlap:

1. the alias table (``data/aliases.tsv``: canonical name, type, alias), matched case-sensitively,
   so "IS group", "Daesh" and "Islamic State" are one entity and "U.S." is the United States;
2. demonyms ("Iraqi", "Iranians"): GROUP mentions, linked to their country by the Places stage
   and counted there as evidence of the article's geographic focus;
3. the NER model's PERSON/ORG/PLACE/GROUP spans (when the loaded pipeline has an NER);
4. runs of proper nouns from the tagger, typed by rules: a title before them ("President",
   "Gen.") makes a PERSON and is stripped from the name; an organisation word in or after them
   ("Forces", "Ministry", "party") an ORG; a gazetteer name a PLACE; two or more plain words a
   PERSON; a lone word only when it is the surname of a person already found.

Mentions are then merged within the article: same canonical name; an acronym and its expansion
("Popular Mobilization Forces (PMF)", or "PMF" whose letters are the initials of a name found);
a surname and the full name it ends ("Soleimani" -> "Qassem Soleimani"). The title and subtitle
are parsed too; their mentions carry ``field`` "title"/"subtitle" and offsets into those strings.
Salience weighs where an entity is named (title, subtitle, lead) and how often.
"""

from __future__ import annotations

import csv
import functools
import gzip
import hashlib
import os
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..genders import gender_of
from ..geo import DATA, US_ABBREVIATIONS, demonyms, gazetteer
from ..records import Analysis, Entity, Mention
from ..syntax import doc_text

DEFAULT_ALIASES = Path(__file__).resolve().parent.parent / "data" / "aliases.tsv"
MAX_ALIAS_TOKENS = 8
LEAD_CHARS = 400  # the lead: the first paragraph or so
FIELD_WEIGHT = {"title": 3.0, "subtitle": 2.0, "lead": 1.5, "body": 1.0}

HEADLINE_SKIPS = ["parser", "morphologizer", "lemmatizer"]  # what reading a headline's names skips
NER_LABELS = {"PERSON": "PERSON", "PER": "PERSON", "ORG": "ORG", "PLACE": "PLACE",
              "GPE": "PLACE", "LOC": "PLACE", "GROUP": "GROUP", "NORP": "GROUP"}  # fmt: skip
# A name the NER took for a place whose last word makes it a body: "Riverton College"
INSTITUTIONS = frozenset(
    "university college institute school hospital council association agency ministry "
    "committee commission foundation corporation party academy institution society "
    "federation authority project".split()
)
VENUES = frozenset("center centre museum library".split())
BODY_ENDINGS = INSTITUTIONS | VENUES  # a "person" ending so is a body
# a company's legal form ends its name
COMPANIES = frozenset("limited ltd ltd. inc inc. incorporated corp corp. corporation llc plc "
                      "co. gmbh ag s.a. holdings".split())  # fmt: skip
TITLES = set(
    "president vice prime minister secretary general gen. gen lt. col. colonel major maj. "
    "capt. captain sgt. sergeant commander admiral adm. senator sen. representative rep. "
    "governor gov. mayor chancellor king queen prince princess pope ayatollah sheikh imam "
    "dr. dr mr. mr mrs. mrs ms. ms judge justice chief deputy ambassador spokesman "
    "spokeswoman spokesperson director chairman chairwoman ceo mp lawmaker leader top "
    "foreign defense defence interior state former late cardinal bishop rabbi rev. "
    "reverend sir lord lady emir crown supreme first ig".split()  # IG: inspector general
)
ORG_WORDS = set(
    "party forces force ministry council army university group agency parliament court "
    "bank company corp. corp inc. inc ltd committee organization organisation union front "
    "movement brigade brigades militia association institute commission department office "
    "police news times post network coalition church assembly senate congress federation "
    "foundation authority administration board bureau service services guard guards corps "
    "school college hospital airlines club league fund alliance society".split()
)
CONNECTORS = {"of", "al", "bin", "ibn", "de", "la", "der", "van", "von", "du", "and", "-", "for"}
STOP = {"the", "of", "and", "for", "in", "on", "a", "an", "to"}
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|as|ash|ar|at|az|bin|ibn|abu)-[A-Z]")
CALENDAR = set(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)
_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z.]{1,9})\)")


@dataclass(frozen=True, slots=True)
class Alias:
    canonical: str
    type: str


@functools.cache
def alias_table(path: str | None = None) -> dict[str, Alias]:
    """alias (and canonical name) -> Alias; the file is ``NEWSPRISM_ALIASES`` when set."""
    file = Path(path or os.environ.get("NEWSPRISM_ALIASES") or DEFAULT_ALIASES)
    table: dict[str, Alias] = {}
    with open(file, encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t"):
            if len(row) != 3 or row[0].startswith("#"):
                continue
            canonical, typ, alias = (c.strip() for c in row)
            table.setdefault(canonical, Alias(canonical, typ))
            table[alias] = Alias(canonical, typ)
    return table


def entity_id(type_: str, name: str) -> str:
    """Stable across the corpus: the same (type, canonical name) always gets the same id."""
    key = f"{type_}\x1f{' '.join(name.lower().split())}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def initials(name: str) -> str:
    """The acronym a name would have: "Popular Mobilization Forces" -> "PMF"."""
    words = re.split(r"[\s-]+", name)
    return "".join(w[0].upper() for w in words if w and w.lower() not in STOP and w[0].isalpha())


def _first_words(names: list[str]) -> frozenset[str]:
    """Every way a name's first token can read, however the tokenizer splits it at
    punctuation: "al-Qaeda" -> {"al-Qaeda", "al", "al-"}, "U.S." -> {"U.S.", "U", "U."}."""
    out: set[str] = set()
    for name in names:
        first = name.split()[0] if name.split() else ""
        out.add(first)
        for k, ch in enumerate(first):
            if k and not ch.isalnum():
                out.update((first[:k], first[: k + 1]))
    return frozenset(out)


@dataclass(slots=True)
class Span:
    """A mention found in one field, before merging."""

    text: str
    start: int
    end: int
    field: str
    type: str
    canonical: str | None = None  # from the alias table or the demonym table
    strength: int = 0  # 3 alias table, 2 NER, 1 rule: decides the type on conflicts
    link: int = -1  # index of a span this one is known to co-refer with (acronyms)
    gender: str | None = None  # "m" or "f" where a title before it says so ("Mrs. Hart")


class Entities:
    name: str = "entities"
    version: int = 1
    requires: tuple[str, ...] = ("doc",)
    assigns: tuple[str, ...] = ("entities",)

    def __init__(self, aliases: str | os.PathLike[str] | None = None, model: str | None = None):
        from ..models import load

        self.nlp = load(model)
        self.aliases = alias_table(str(aliases) if aliases else None)
        self.demonyms = demonyms()
        self.plurals = _plurals()
        self.gaz = gazetteer()
        self.max_tokens = max(len(a.split()) for a in self.aliases) + 1
        self.starts = _first_words([*self.aliases, *self.demonyms])

    def __call__(self, analysis: Analysis) -> Analysis:
        art = analysis.article
        doc = analysis.doc if analysis.doc is not None else self.nlp(art.body)
        spans = self.find(doc, "body")
        known = {s.text: s.type for s in spans if len(s.text) >= 3}
        fields = [f for f in ("title", "subtitle") if (getattr(art, f) or "").strip()]
        # a headline needs tags and names, not a parse: the parser is a third of the model pass
        headlines = self.nlp.pipe([getattr(art, f) for f in fields], disable=HEADLINE_SKIPS)
        for field, headline in zip(fields, headlines, strict=True):
            spans += self.find(headline, field, known)
        entities = self.merge(spans)
        return replace(analysis, entities=tuple(link_references(doc, entities)))

    # -- finding mentions ---------------------------------------------------------------

    def find(self, doc: Any, field: str, known: dict[str, str] | None = None) -> list[Span]:
        """Mentions in one parsed field; ``known`` (body names) marks a headline's names."""
        taken = [False] * len(doc)
        spans: list[Span] = []

        def claim(i: int, j: int, span: Span) -> None:
            if not any(taken[i:j]):
                taken[i:j] = [True] * (j - i)
                spans.append(span)

        n = len(doc)
        # plain strings, not Span objects: this loop looks up every token window
        words = [t.text for t in doc]
        starts = [t.idx for t in doc]
        full = doc_text(doc)
        # surnames of people named in full: "Bloomberg" after "Michael Bloomberg" is no agency
        surnames = {e[-1].text for e in getattr(doc, "ents", ()) if len(e) > 1
                    and NER_LABELS.get(e.label_) == "PERSON"}  # fmt: skip
        surnames |= {k.split()[-1] for k, v in (known or {}).items() if v == "PERSON" and " " in k}
        # bodies the NER read whole that hold a place or a people: "U.S. Steel", "Los Angeles
        # Times", "American Enterprise Institute", "National Iranian American Council"
        # (in running text: a title-case headline makes bodies of phrases, "Russian Hackers")
        bodies = {k: (e.start, e.end) for e in getattr(doc, "ents", ()) if len(e) > 1
                  and NER_LABELS.get(e.label_) == "ORG" and field == "body"
                  for k in range(e.start, e.end)}  # fmt: skip
        for i in range(n):  # alias table, demonyms, known names; longest first
            # a name starts with a capital or with the first word of a name the tables know
            can_start = field != "body" or words[i][:1].isupper() or words[i] in self.starts
            for j in range(min(n, i + self.max_tokens), i, -1) if can_start else ():
                text = full[starts[i] : starts[j - 1] + len(words[j - 1])]
                hit = self._lookup(text, field, known, words[i:j])
                if hit and hit[0] == "PERSON" and j - i == 1 and _another_first_name(words, i, hit):
                    continue  # "Michelle Obama": not the table's "Obama", Barack
                body = bodies.get(i)
                if (
                    hit
                    and hit[0] in ("PLACE", "GROUP")
                    and body is not None
                    and body[1] >= j
                    and body[1] - body[0] > j - i
                    and _a_body(doc[body[0] : body[1]])
                ):
                    # the body's name, not the place it opens with; the table's where it knows
                    # the rest ("U.S. House": the House of Representatives)
                    end = body[1]
                    rest = self._lookup(full[starts[j] : starts[end - 1] + len(words[end - 1])],
                                        field, known) if body[0] == i and end > j else None  # fmt: skip
                    if rest and rest[0] == "ORG" and rest[1]:
                        claim(i, end, self._span(doc, i, end, field, *rest))
                    break
                if hit and hit[0] == "ORG" and j - i == 1 and words[i] in surnames:
                    continue  # "Michael Bloomberg", "Rep. Ann Wagner": not the table's body
                if hit and hit[0] == "PERSON" and j < n and words[j] in GENERATIONS:
                    continue  # "Donald Trump Jr.": not the table's Donald Trump, his father
                if hit and not self._other_country(words, i, hit[1]):
                    claim(i, j, self._span(doc, i, j, field, *hit))
                    break
            else:
                head, dash, tail = words[i].partition("-")  # "US-led", "Iran-backed"
                at = starts[i]
                if head.lower() in ("then", "ex") and tail:  # "then-Russian Ambassador"
                    head, at = tail, at + len(head) + 1
                hit = self._lookup(head, field, known) if dash and head else None
                if hit and not taken[i]:
                    taken[i] = True
                    spans.append(Span(head, at, at + len(head), field, *hit))
        within: list[tuple[int, int]] = []  # bodies the NER read whole, the tables in part
        for ent in getattr(doc, "ents", ()):
            label = NER_LABELS.get(ent.label_)
            if label == "PLACE" and len(ent) > 1 and ent[-1].lower_ in INSTITUTIONS:
                label = "ORG"  # "Riverton College" is a body
            elif (
                label == "PERSON"
                and len(ent) > 1
                and (ent[-1].lower_ in BODY_ENDINGS or ent[-1].lower_.startswith("news-"))
            ):  # "Simon Wiesenthal Center", "Springfield News-Leader" (a "Barclays Center" is a place)
                label = "ORG"
            elif label in ("PERSON", "PLACE") and len(ent) > 1 and ent[-1].lower_ in COMPANIES:
                label = "ORG"  # "Mahanagar Telephone Nigam Limited" is a company
            if label == "PERSON" and not _person_like(ent):
                label = _thing(ent)  # "Korean War", "Hurricane Katrina"; else no name at all
            elif label in ("ORG", "GROUP", "PLACE") and (thing := _thing(ent)):
                label = thing  # "Hurricane Maria" and "the World Cup" the NER made bodies
            if label:
                label = self._in_capitals(ent.text, label, from_ner=True)
            if label:
                i, j = self._trim(doc, ent.start, ent.end)
                if i < j:
                    claim(i, j, self._span(doc, i, j, field, label, None, 2))
                if label == "ORG" and i < j and not taken[i] and any(taken[i:j]):
                    # the NER ran two bodies together, the table knows the second: "the Joint
                    # Committee on Taxation and Congressional Budget Office"
                    k = next(k for k in range(i, j) if taken[k])
                    second = next((s for s in spans if s.start == doc[k].idx), None)
                    if second is not None and second.type == "ORG":
                        while k > i and doc[k - 1].lower_ in ("and", "&", ",", "of", "on", "for"):
                            k -= 1
                        if k - i >= 2 and any(t.lower_ in ORG_WORDS for t in doc[i:k]):
                            claim(i, k, self._span(doc, i, k, field, label, None, 2))
                if label in ("ORG", "GROUP") and any(taken[ent.start : ent.end]):
                    within.append((ent.start, ent.end))
        for i, j in self._proper_runs(doc):
            if any(taken[i:j]):
                continue
            typ, i, j = self._classify(doc, i, j, field, known)
            if typ in ("PERSON", "SURNAME?") and (
                not _person_like(doc[i:j]) or any(a <= i and j <= b for a, b in within)
            ):  # (the rest of a body the tables know in part is no person: "Senate Foreign
                typ = None  # Relations" is no "Relations")
            if typ:
                typ = self._in_capitals(doc[i:j].text, typ)
            if typ:
                claim(i, j, self._span(doc, i, j, field, typ, None, 1))
        surnames = {s.text.split()[-1] for s in spans if s.type == "PERSON"}
        surnames |= {k.split()[-1] for k, v in (known or {}).items() if v == "PERSON"}
        keep = [s.type != "SURNAME?" or s.text in surnames for s in spans]
        spans = [s for s, k in zip(spans, keep, strict=True) if k and _a_name(s.text)]
        openers = {s.start_char for s in doc.sents} if doc.has_annotation("SENT_START") else set()
        spans = _without_capitalised_words(
            spans, known, field != "body" and title_case(full), openers
        )
        if field == "body" and (m := _DATELINE.match(full)):  # "EASLEY, S.C. —": a place
            for s in spans:
                if s.start == 0 and s.end == m.end("place"):
                    s.type = "PLACE"
        for s in spans:
            if s.type == "SURNAME?":
                s.type = "PERSON"
            s.gender = title_gender(full[max(0, s.start - 6) : s.start])
            if s.canonical and s.gender and gender_of(s.canonical) not in (None, s.gender):
                s.canonical, s.strength = None, 2  # "Mrs. Obama" is not the table's Barack
        spans.sort(key=lambda s: s.start)
        return self._acronyms(full, spans, field)

    def _other_country(self, words: Sequence[str], i: int, canonical: str | None) -> bool:
        """Whether a country's institution ("Senate" -> "United States Senate") is named with
        another country's words before it: "Australia's Senate", "the Australian Senate"."""
        if not canonical or " " not in canonical or i == 0:
            return False
        owner = next((c for c in self.gaz.lookup(" ".join(canonical.split()[:2]))
                      if c.feature == "PCLI"), None)  # fmt: skip
        if owner is None:
            return False
        before = words[i - 1]
        if before in ("'s", "’s") and i >= 2:
            before = words[i - 2]
        country = self.demonyms.get(before) or next(
            (c.country for c in self.gaz.lookup(before) if c.feature == "PCLI"), None
        )
        return country is not None and country != owner.country

    def _lookup(
        self, text: str, field: str, known: dict[str, str] | None, tokens: Sequence[str] = ()
    ) -> tuple[str, str | None, int] | None:
        """(type, canonical, strength) of a name the tables know, else None."""
        hit = self.aliases.get(text)
        if hit:
            return hit.type, hit.canonical, 3
        if text in self.demonyms and text[:1].isupper():
            return "GROUP", self.plurals.get(text, text), 3
        if known and field != "body":
            if text in known:
                return known[text], None, 2
            if any(v == "PERSON" and k.split()[-1] == text for k, v in known.items()):
                return "PERSON", None, 2  # a surname in a headline
        words = list(tokens)
        capitalised = all(w[:1].isupper() and w.isalpha() for w in words)
        if len(words) >= 2 and capitalised and words[0] != "The" and self._is_place(text):
            return "PLACE", None, 2
        return None

    def _span(self, doc: Any, i: int, j: int, field: str, typ: str, canon: str | None,
              strength: int) -> Span:  # fmt: skip
        return Span(doc[i:j].text, doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text), field,
                    typ, canon, strength)  # fmt: skip

    @staticmethod
    def _trim(doc: Any, i: int, j: int) -> tuple[int, int]:
        """Drop leading titles, "the" and lower-case adjectives ("the national Resettlement
        Agency"; not "9th Circuit" or "super PAC"), and a trailing possessive or function word,
        from a span."""
        while i < j and j - i > 1 and (doc[i].lower_ in TITLES or doc[i].lower_ == "the"
                                       or (doc[i].is_lower and doc[i].is_alpha and doc[i].pos_
                                           == "ADJ" and doc[i].lower_ != "super")
                                       or (doc[i].text in ("Said", "Says")  # "Said Gen. Mundy:"
                                           and (doc[i + 1].lower_ in TITLES  # "Said Ryan: “...”"
                                                or j < len(doc) and doc[j].text == ":"))):  # fmt: skip
            i += 1
        while j > i and (doc[j - 1].text in ("'s", "’s", "'", "’") or doc[j - 1].is_space):
            j -= 1  # (and a line break the NER took in: "WFAA\n\n")
        while j - i > 1 and doc[j - 1].lower_ in STOP:  # "Mirasol Recovery Centers and"
            j -= 1
        return i, j

    @staticmethod
    def _proper_runs(doc: Any) -> list[tuple[int, int]]:
        """Maximal runs of proper nouns, allowing "of", "al-", "bin" between them."""

        def proper(t: Any) -> bool:
            if t.text in CALENDAR or t.is_space:  # (a line break the tagger read as NNP)
                return False
            acronym = len(t.text) >= 2 and t.text.isupper() and t.text.isalpha()
            return t.tag_ in ("NNP", "NNPS") or acronym or bool(_ARABIC_ARTICLE.match(t.text))

        runs, i, n = [], 0, len(doc)
        while i < n:
            if not proper(doc[i]):
                i += 1
                continue
            j = i + 1
            while j < n:
                if proper(doc[j]):
                    j += 1
                elif doc[j].lower_ in CONNECTORS and j + 1 < n and proper(doc[j + 1]):
                    j += 2
                else:
                    break
            k = i  # a capitalised adjective opens the name: "Northern Farmers Alliance"
            while k > 0 and doc[k - 1].text.istitle() and not doc[k - 1].is_sent_start and (
                doc[k - 1].tag_ in ("JJ", "NN", "NNS", "VBN", "VBG")
                and doc[k - 1].lower_ not in TITLES
            ):  # fmt: skip
                k -= 1
            runs.append((k, j))
            i = j
        return runs

    def _classify(
        self, doc: Any, i: int, j: int, field: str, known: dict[str, str] | None
    ) -> tuple[str | None, int, int]:
        """The type of a proper-noun run by rules (None: not confident enough)."""
        titled = i > 0 and doc[i - 1].lower_ in TITLES
        while j - i > 1 and doc[i].lower_ in TITLES:  # "President Trump": the title goes
            i, titled = i + 1, True
        i, j = self._trim(doc, i, j)
        # words before a title and a first name are no part of the name: "Liberal Justice Ruth
        # Bader Ginsburg"
        cut = [k for k in range(i, j - 1) if doc[k].lower_ in TITLES and gender_of(doc[k + 1].text)]
        if cut:
            i, titled = cut[-1] + 1, True
        if i >= j or all(t.lower_.removesuffix("-elect") in TITLES for t in doc[i:j]):
            return None, i, j  # ("Vice President-elect came out": no name)
        words = [t.text for t in doc[i:j]]
        text = doc[i:j].text
        if field != "body":  # headlines capitalise everything: only names seen elsewhere
            return ("PLACE" if self._is_place(text) else None), i, j
        after = doc[j].lower_ if j < len(doc) else ""
        if any(w.lower() in ORG_WORDS for w in words) or words[-1].lower() in VENUES:
            return "ORG", i, j
        if thing := _thing(words):
            if words[0] == "Storm" and i > 0 and doc[i - 1].text == "Tropical":
                i -= 1  # "Tropical Storm Harvey" opening a sentence: the run left out "Tropical"
            return thing, i, j  # before "the World War II service of ..." makes it a body
        if after in ORG_WORDS:
            return "ORG", i, j
        if (after in TITLES and len(words) >= 2 and not titled and gender_of(text) is None
                and words[-1].lower() not in ("majority", "minority")):  # fmt: skip
            # a body before a title: "House Intelligence Chairman Adam Schiff"
            return ("PLACE" if self._is_place(text) else "ORG"), i, j
        if titled:
            return "PERSON", i, j
        if self._is_place(text):
            return "PLACE", i, j
        if len(words) >= 2 and all(
            w[:1].isupper() or w.lower() in CONNECTORS or _ARABIC_ARTICLE.match(w) for w in words
        ):
            return "PERSON", i, j
        if len(words) == 1 and text.isupper() and len(text) >= 2:
            return "ORG", i, j  # an acronym: merged with its expansion if one is found
        if len(words) == 1:
            return "SURNAME?", i, j  # kept only if it ends a person's name (see find)
        return None, i, j

    def _in_capitals(self, text: str, label: str, from_ner: bool = False) -> str | None:
        """The type of a name read in a line of capitals ("LIBYA", "COURT BREAKDOWN"), where
        its shape tells little: what the tables know its usual spelling as; else the label for
        one word, the NER's for a two- or three-word person ("BERNIE SANDERS"), nothing for
        another phrase. A name not in capitals keeps its label."""
        if not (text.isupper() and any(len(w) >= 4 for w in text.split())):
            return label
        titled = text.title()
        if hit := self.aliases.get(titled):
            return hit.type
        if any(c.feature in ("PCLI", "ADM1") for c in self.gaz.lookup(titled)):
            return "PLACE"
        words = len(text.split())
        if words == 1 or from_ner and label == "PERSON" and words <= 3:
            return label
        return None

    def _is_place(self, text: str) -> bool:
        """A gazetteer name under its main spelling (alternate spellings are too noisy)."""
        return any(not c.alternate or c.feature in ("PCLI", "ADM1") for c in self.gaz.lookup(text))

    def _acronyms(self, text: str, spans: list[Span], field: str) -> list[Span]:
        """Link "Popular Mobilization Forces (PMF)": the bracketed acronym is the same entity."""
        out = list(spans)
        by_start = {s.start: k for k, s in enumerate(out)}
        for k, s in enumerate(spans):
            m = _ACRONYM.match(text, s.end)
            if not m:
                continue
            acr = m.group(1).replace(".", "")
            if not acr.isupper() or initials(s.canonical or s.text) != acr:
                continue
            start = m.start(1)
            if start in by_start:
                out[by_start[start]].link = k
            else:
                out.append(Span(m.group(1), start, m.end(1), field, s.type, None, s.strength, k))
        return out

    # -- merging ------------------------------------------------------------------------

    def merge(self, spans: list[Span]) -> list[Entity]:
        """Group mentions into entities (union-find over the merge rules) and score them."""
        parent = list(range(len(spans)))

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        def union(a: int, b: int) -> None:
            parent[find(a)] = find(b)

        shared = _shared_surnames(spans)
        # words of people's full names: "Jordan" may be Michael Jordan's and the country
        name_words = {_key(w) for s in spans if s.type == "PERSON" and " " in s.text
                      for w in (s.text.split()[0], s.text.split()[-1])}  # fmt: skip
        by_key: dict[tuple[str, str], int] = {}
        for k, s in enumerate(spans):
            canonical = s.canonical
            if canonical is None and s.text.isupper() and (hit := self.aliases.get(s.text.title())):
                canonical = hit.canonical  # "TRUMP" in a capitals line is the table's Trump
            name = _key(canonical or s.text)
            # one name is one thing, whatever type each mention got ("J Street" a place
            # here, a person there; "Monsanto"), unless a person's name holds the word
            key = (_family(s.type), name) if name in name_words else ("", name)
            if s.text in shared:
                pass  # "Romney" is Mitt here and Ann there: _merge_surnames decides each
            elif key in by_key:
                union(k, by_key[key])
            else:
                by_key[key] = k
            if s.link >= 0:
                union(k, s.link)
        self._merge_acronyms(spans, union)
        self._merge_surnames(spans, union)
        groups: dict[int, list[Span]] = defaultdict(list)
        for k, s in enumerate(spans):
            groups[find(k)].append(s)
        entities = [e for g in groups.values() if not _lone_acronym(g)
                    and not _common_phrase((e := self._entity(g)), g)
                    and not self._common_word(e, g)]  # fmt: skip
        top = max((e.salience for e in entities), default=1.0) or 1.0
        entities = [replace(e, salience=round(e.salience / top, 3)) for e in entities]
        return sorted(entities, key=lambda e: (-e.salience, e.name))

    def _common_word(self, entity: Entity, group: list[Span]) -> bool:
        """A 'person' or 'place' that is one word news writes in lower case, no first name and
        no place the gazetteer knows: a capitalised word the NER took for a name ("Jury",
        "Gratitude", "Remain"), not "Buffalo" or "Hope"."""
        name = entity.name
        return (
            entity.type in ("PERSON", "PLACE")
            and " " not in name
            and name[1:].islower()
            and _key(name) in common_words()
            and all(s.canonical is None and s.gender is None for s in group)
            and gender_of(name) is None
            and not (entity.type == "PLACE" and self._is_place(name))
        )

    @staticmethod
    def _merge_acronyms(spans: list[Span], union: Any) -> None:
        """An all-capitals mention joins the name whose initials it spells."""
        expansions: dict[str, int] = {}
        for k, s in enumerate(spans):
            name = s.canonical or s.text
            if s.type in ("ORG", "GROUP", "PLACE") and not name.isupper() and len(name) > 4:
                expansions.setdefault(initials(name), k)
        for k, s in enumerate(spans):
            acr = s.text.replace(".", "")
            if acr.isupper() and s.canonical is None and acr in expansions:
                union(k, expansions[acr])

    @staticmethod
    def _merge_surnames(spans: list[Span], union: Any) -> None:
        """A shorter person name joins the full name it ends ("Soleimani" -> "Qassem
        Soleimani"). When two people share the surname, a title's gender chooses ("Mrs.
        Romney" is Ann Romney, not Mitt), else the one the body named first: the story's
        principal, whom news style calls by surname alone, while relatives and namesakes
        introduced later go by their first names. A lone first name joins the one full
        name it begins ("Ann" -> "Ann Romney")."""
        people = [(k, s) for k, s in enumerate(spans) if s.type == "PERSON"]
        first = {"body": 0, "title": 1, "subtitle": 2}
        for k, s in enumerate(spans):
            if s.type != "PERSON" and (s.strength == 3 or " " in s.text):
                continue  # the model may call a lone surname an ORG: it still joins
            words = _name_words(s.text.title() if s.text.isupper() else s.text)  # "DERSHOWITZ"
            ending = [(k2, s2) for k2, s2 in people if _shorter_name(words, _name_words(s2.text))
                      and not (s.gender and gender_of(s2.text) not in (None, s.gender))]  # fmt: skip
            if s.canonical:  # the alias table's "Obama" is Barack, not Michelle named first
                given = s.canonical.split()[0]
                ending = [c for c in ending if c[1].text.split()[0] == given]
            # a namesake with a generation's mark only when no one else has the name: "King" is
            # Coretta Scott King, not Martin Luther King Jr., where both are named
            ending = [c for c in ending if c[1].text.split()[-1] not in GENERATIONS] or ending
            if ending:
                union(k, min(ending, key=lambda c: (first[c[1].field], c[1].start))[0])
            elif len(words) == 1 and (s.type == "PERSON" or s.type == "ORG" and s.strength < 3
                                      and not s.text.isupper()):  # fmt: skip
                # (a first name the NER took for a body too: "Oprah" of Oprah Winfrey)
                named = {_key(s2.text): k2 for k2, s2 in people
                         if " " in s2.text and s2.text.split()[0] == words[0]}  # fmt: skip
                if len(named) == 1:
                    union(k, next(iter(named.values())))
        # a storm goes by its name alone too: "Harvey" is Tropical Storm Harvey
        storms = {s.text.split()[-1]: k for k, s in enumerate(spans)
                  if s.type == "EVENT" and _storm(s.text.split())}  # fmt: skip
        for k, s in enumerate(spans):
            if s.text in storms and s.strength < 3:
                union(k, storms[s.text])
        # a newspaper goes by its last word: "the Times" is The New York Times, where the
        # article names no other Times
        papers: dict[str, dict[str, int]] = defaultdict(dict)  # last word -> name -> a span
        for k, s in enumerate(spans):
            if s.type == "ORG" and " " in s.text and s.text.split()[-1] in PAPER_WORDS:
                papers[s.text.split()[-1]].setdefault(_key(s.text), k)
        for k, s in enumerate(spans):
            if s.type == "ORG" and s.text in PAPER_WORDS and len(papers[s.text]) == 1:
                union(k, next(iter(papers[s.text].values())))

    def _type(self, group: list[Span]) -> str:
        """The type the strongest source gives (alias table, then NER, then rules) to the
        longest mention ("Ruth Bader Ginsburg" over "Ginsburg"); where such mentions differ,
        the most frequent type, a tie going to a place the gazetteer knows ("Pyongyang", once
        a person to the NER). A storm is an event whatever its lone name was taken for
        ("Maria", an organisation to the NER, is Hurricane Maria)."""
        if any(s.type == "EVENT" and _storm(s.text.split()) for s in group):
            return "EVENT"
        top = max((s.strength, len(s.text)) for s in group)
        best = [s for s in group if (s.strength, len(s.text)) == top]
        if " " not in best[0].text and any(
            s.type == "PERSON" and " " in s.text and gender_of(s.text) for s in group
        ):  # a full name with a first name outweighs its surname's type: "Ginsburg", an ORG
            return "PERSON"  # to the NER, is Ruth Bader Ginsburg's
        counts = Counter(s.type for s in best)
        tied = [t for t, c in counts.items() if c == max(counts.values())]
        if len(tied) > 1 and any(s.type == "PLACE" and self._is_place(s.text) for s in best):
            return "PLACE"
        if tied[0] in ("PERSON", "ORG") and all(" " not in s.text for s in group):
            if tied[0] == "PERSON" and self._country_or_capital(group[0].text):
                return "PLACE"  # "Pyongyang said ...": the NER's person is the capital's state
            if group[0].text in US_ABBREVIATIONS:
                return "PLACE"  # "Mich.", as in "(D-Mich.)"
        word = group[0].text
        if (
            tied[0] == "PLACE"
            and all(s.text == word for s in group)
            and re.fullmatch(r"[A-Z][a-z]+(?:ians|ans|ers)", word)
            and not self._is_place(word)
        ):
            return "GROUP"  # "Texans", "Carolinians": the people of a place
        return tied[0]

    def _country_or_capital(self, word: str) -> bool:
        """A country or capital by its main name that is no one's first name ("Lesotho",
        "Pyongyang"; not "Sam", "Jordan")."""
        return gender_of(word) is None and any(
            not c.alternate and c.feature in ("PCLI", "PPLC") for c in self.gaz.lookup(word)
        )

    def _entity(self, group: list[Span]) -> Entity:
        typ = self._type(group)
        canon = next((s.canonical for s in group if s.canonical), None)
        if canon is None:
            names = [s.text for s in group if not s.text.isupper()] or [s.text for s in group]
            canon = max(names, key=lambda t: (len(t.split()), len(t)))
            canon = re.sub(r"^(?:the|The)\s+", "", canon)
            if canon.isupper() and typ in ("PERSON", "PLACE") and len(canon) >= 4:
                canon = canon.title()  # a dateline's "EASLEY", a caption's "HARRY REID"
        order = {"title": 0, "subtitle": 1, "body": 2}
        mentions = sorted(
            {(s.text, s.start, s.end, s.field) for s in group},
            key=lambda m: (order[m[3]], m[1]),
        )
        score = sum(FIELD_WEIGHT["lead" if f == "body" and a < LEAD_CHARS else f]
                    for _, a, _, f in mentions)  # fmt: skip
        aliases = sorted({m[0] for m in mentions} - {canon})
        return Entity(entity_id(typ, canon), canon, typ, tuple(aliases), score,
                      tuple(Mention(*m) for m in mentions))  # fmt: skip


PRONOUNS = {"he", "she", "him", "his"}  # "her" is left out: object or possessive, often both
ROLE_NOUNS = set(
    "president minister secretary senator governor mayor chancellor spokesman spokeswoman "
    "spokesperson commander general ambassador chairman chairwoman mp lawmaker leader judge "
    "director ceo executive prosecutor official officer".split()
)
GROUP_NOUNS = {"group", "organisation", "organization", "party", "movement", "militia"}
# organisation words that name their organisation after "the" ("the council"), not a common
# noun of the story ("the news", "the post", "the office")
NOMINAL_ORG_WORDS = ORG_WORDS - set("news times post office service services school hospital "
                                    "club network police".split())  # fmt: skip
REFERENCE_REACH = 600  # characters back to a pronoun's antecedent


def link_references(doc: Any, entities: list[Entity]) -> list[Entity]:
    """Add the pronouns and nominal references ("he", "the minister", "the council", "the
    group") whose entity is clear to that entity's mentions; aliases and salience stay as the
    names made them. Only outside direct quotes, and only where one reading stands out:

    - "he"/"she"/"his"/"him": the nearest person named before it outside quotes (within
      ``REFERENCE_REACH`` characters), when no other person is named from that person's
      sentence on (from the sentence before, when that person is not the subject) and that
      person's gender, where a title or an earlier pronoun gave it, agrees;
    - "the minister" (a role noun): the nearest person before it whose title or apposition
      holds that noun ("Resources Minister Peter Clarke", "Ahmed al-Kanani, an MP for ...");
    - "the council" (an organisation word): the nearest organisation whose name holds it;
      "the group"/"the party": the one organisation named in the sentence before it and its
      own, when there is exactly one.
    """
    from .quotes import direct_spans  # the quotes stage's own reading of quotation marks

    text = doc_text(doc)
    quoted = [(a, b) for a, b, _ in direct_spans(text)]
    named = sorted(
        (m.start, m.end, k) for k, e in enumerate(entities) for m in e.mentions
        if m.field == "body" and not _inside(m.start, quoted)
    )  # fmt: skip
    if not named:
        return entities
    names = [(a, b) for a, b, _ in named]
    added: dict[int, list[Mention]] = defaultdict(list)
    gender = _genders(named, text)
    for n, e in enumerate(entities):  # else a first name that says it: "Joe Biden"
        if e.type == "PERSON" and n not in gender and (g := gender_of(e.name)):
            gender[n] = g
    subjects: set[int] | None = None  # named mentions that are their clause's subject, on demand
    for tok in doc:
        low = tok.lower_
        pronoun = low in PRONOUNS and tok.pos_ == "PRON"
        nominal = (low in ROLE_NOUNS or low in NOMINAL_ORG_WORDS) and tok.i > 0
        if not (pronoun or nominal) or _inside(tok.idx, quoted) or _inside(tok.idx, names):
            continue
        k = None
        if pronoun:
            if subjects is None:
                subjects = {
                    a for a, b, _ in named
                    if any(t.dep_.startswith("nsubj")
                           for t in doc.char_span(a, b, alignment_mode="expand") or ())
                }  # fmt: skip
            k = _pronoun_antecedent(tok.idx, low, named, entities, text, gender, subjects)
            if k is not None and _names_later_in_clause(tok, k, named):
                k = None  # "She is daring Trump to sue her": not Trump
            span = (tok.idx, tok.idx + len(tok.text))
        elif doc[tok.i - 1].lower_ == "the" and tok.dep_ != "compound":
            start = doc[tok.i - 1].idx
            span = (start, tok.idx + len(tok.text))
            sent = tok.sent.start_char if doc.has_annotation("SENT_START") else 0
            subject = tok.dep_.startswith("nsubj")
            k = _nominal_antecedent(low, start, sent, named, entities, text, subject)
        if k is not None:
            added[k].append(Mention(text[span[0] : span[1]], span[0], span[1]))
    out = []
    for k, e in enumerate(entities):
        if added[k]:
            mentions = sorted(e.mentions + tuple(added[k]),
                              key=lambda m: (m.field != "title", m.field != "subtitle", m.start))  # fmt: skip
            e = replace(e, mentions=tuple(mentions))
        out.append(e)
    return out


# A "person" the NER found that no person is called: a law ("the Clean Air Act"), a day
# ("Election Day"), a programme ("Social Security"), a chamber or its post ("House Speaker"),
# a party-and-state tag ("D-Vt"), a web address, or words that start in lower case ("frank",
# "lede sentence"; not a name's particle: "al-Kanani", "de Blasio").
NOT_NAME_ENDINGS = frozenset(
    "Act Bill Day Security Medicare Medicaid Amendment Speaker Minority Majority".split()
)
# a name ending in one of these words is an event ("World War II", "World Cups"), a prize or
# a treaty ("Nobel Peace Prize"), never a person; so is a court case ("Roe v. Wade")
THING_WORDS = dict.fromkeys(
    "War Wars Cup Cups Olympics Inquiry Festival Games Summit".split(), "EVENT"
) | dict.fromkeys("Prize Award Awards Treaty Accord Accords Average Index".split(), "OTHER")
STORMS = frozenset("Hurricane Typhoon Cyclone Superstorm Storm".split())
# a title standing alone ("the Secretary said") names nobody by itself
LONE_TITLES = frozenset(
    "President Secretary Senator Governor Chancellor Minister Spokesman Spokeswoman "
    "Spokesperson Chairman Chairwoman Ambassador Director Representative Lawmaker Pope "
    "Mayor Sheriff".split()
) | {"Prime Minister", "Vice President"}
# a newspaper's last word, by which news calls it: "the Times", "the Post", "the Journal"
PAPER_WORDS = frozenset("Times Post Journal Herald Tribune Globe Chronicle Gazette Inquirer "
                        "Register Examiner Observer Telegraph Sentinel Dispatch Courier Bee "
                        "Enquirer Star-Ledger".split())  # fmt: skip
NOT_NAMES = frozenset({"House", "Senate", "Congress", "Bill", "Obamacare", "Trumpcare", "Brexit"})
# feasts and holidays, which the NER takes for people or places: no entity of ours
HOLIDAYS = frozenset(
    """Easter Christmas Thanksgiving Halloween Hanukkah Passover Ramadan Eid Juneteenth Kwanzaa
    Diwali Lent Advent""".split()
) | {"Easter Sunday", "Christmas Eve", "Christmas Day", "Good Friday", "Yom Kippur",
     "Rosh Hashanah", "New Year's Day", "New Year's Eve", "New Year", "New Year's"}  # fmt: skip
PARTY_TAG = re.compile(r"^[DRI]-[A-Z0-9][A-Za-z0-9.]{0,12}$")  # "D-Vt", "R-Texas", "R-14"
NAME_PARTICLES = frozenset("de del della di da van von der den du le la el al bin ibn abu".split())


MONTHS_SHORT = frozenset("Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec.".split())


# a dateline's place in capitals, opening the body: "EASLEY, S.C. —", "HARRISBURG (AP) -"
_DATELINE = re.compile(r"(?P<place>[A-Z][A-Z.'’ -]*[A-Z.])(?=,\s|\s*\(|\s+[—–-]\s)")


@functools.cache
def common_words() -> frozenset[str]:
    """Words news prose writes in lower case (training/build_common_words.py): "gridlock"."""
    with gzip.open(DATA / "common_words.txt.gz", "rt", encoding="utf-8") as f:
        return frozenset(line.strip() for line in f if not line.startswith("#"))


def title_case(text: str) -> bool:
    """Whether a headline capitalises its words ("Companies Get First Tariff Waivers"), which
    makes every word look like a name."""
    words = re.findall(r"[A-Za-z][a-z'’]{3,}", text)[1:]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _without_capitalised_words(
    spans: list[Span], known: dict[str, str] | None, title_cased: bool, openers: set[int]
) -> list[Span]:
    """Drop mentions that are common words capitalised by a title-case headline, a line in
    capitals or a sentence's start ("Left in Limbo", "GRIDLOCK", "LEADERSHIP STYLE", "Rain
    fell as ..."), unless the article names them otherwise ("TRUMP": "trump" is a word, but
    the body has Donald Trump) or the alias table knows them. ``openers``: where the
    sentences start."""
    common = common_words()

    def opens(s: Span) -> bool:  # one word opening its sentence
        return s.start in openers and " " not in s.text

    if known is None:  # the body: its names as written in running text
        known = {s.text: s.type for s in spans if not (s.text.isupper() or opens(s))}
    names = {_key(w) for k in known for w in k.split()}

    def capitalised_words(s: Span) -> bool:
        words = s.text.split()
        shouting = s.text.isupper() and any(len(w) >= 4 for w in words)
        return (
            (shouting or title_cased or opens(s))
            and s.strength < 3
            and all(_key(w) in common and _key(w) not in names for w in words)
        )

    return [s for s in spans if not capitalised_words(s)]


def _a_name(text: str) -> bool:
    """Whether a mention may name an entity at all: not a party-and-state tag ("D-Calif."), a
    feast ("Easter"), a month's abbreviation ("Nov."; a lone "May" may be Theresa May), a lone
    title ("Secretary") or "Center", a bullet ("● Center"), or one word all in lower case
    ("west"; not "al-Kanani")."""
    return not (
        PARTY_TAG.match(text)
        or text in HOLIDAYS
        or text in MONTHS_SHORT
        or text in LONE_TITLES
        or text in THING_WORDS
        or text.lower() in ("center", "centre", "museum", "society")  # alone, no name
        or not (text[:1].isalnum() or text[:1] in "#@")  # "● Center"
        or text.split()[0] in ("of", "and")  # a name's tail: "of the Union", "and Commerce"
        or (" " not in text and text.islower())
        or _state_party_member(text)
        or _CODE.fullmatch(text) is not None  # a wire story's code: "L1N1U519A"
    )


# letters and digits mixed, no vowel run of a word: Reuters' story codes ("L1N1U519A")
_CODE = re.compile(r"(?=\w*\d\w*\d)(?=\w*[A-Z]\w*[A-Z])[A-Z0-9]{7,}")


PARTY_MEMBER_WORDS = frozenset("Republican Republicans Democrat Democrats Independent".split())


def _state_party_member(text: str) -> bool:
    """A US state and a party's member, which describe a person ("Sen. Mitch McConnell,
    Kentucky Republican"), naming no body."""
    words = text.split()
    return (
        len(words) >= 2
        and words[-1] in PARTY_MEMBER_WORDS
        and any(
            c.feature == "ADM1" and c.country == "US"
            for c in gazetteer().lookup(" ".join(words[:-1]))
        )
    )


def _person_like(ent: Any) -> bool:
    text = ent.text
    first = ent[0].text
    return not (
        ent[-1].text in NOT_NAME_ENDINGS
        or _thing(ent) is not None
        or text in NOT_NAMES
        or PARTY_TAG.match(text)
        or "://" in text
        or "/" in text
        or " and " in text  # "Black Caucus and Congressional": two names, or none
        or (first[:1].islower() and first not in NAME_PARTICLES
            and not _ARABIC_ARTICLE.match(first))
    )  # fmt: skip


def _thing(words: Any) -> str | None:
    """EVENT or OTHER for a name ending in a word of THING_WORDS ("Korean War", "World War
    II"; not "War Powers Act"), a storm's ("Hurricane Katrina") or a name holding "v." ("Roe
    v. Wade"), else None."""
    words = [str(w) for w in words]
    if "and" in words:
        return None  # two names, or none: "Nobel Peace Prize and World War II"
    if _storm(words):
        return "EVENT"  # "Hurricane Katrina", "Tropical Storm Harvey"
    while len(words) > 1 and _ORDINAL.match(words[-1]):
        words.pop()
    if words[-1] in THING_WORDS and words[-1] not in NOT_NAME_ENDINGS:
        return THING_WORDS[words[-1]]
    return "OTHER" if "v." in words[1:-1] or "vs." in words[1:-1] else None


def _storm(words: list[str]) -> bool:
    return len(words) > 1 and (words[0] in STORMS or words[:2] == ["Tropical", "Storm"])


_ORDINAL = re.compile(r"^(?:[IVX]+|\d+)$")


def _inside(i: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= i < b for a, b in spans)


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding ``at`` begins, by punctuation (good enough for a window)."""
    return max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1


def _pronoun_antecedent(
    at: int,
    pronoun: str,
    named: list[tuple[int, int, int]],
    entities: list[Entity],
    text: str,
    gender: dict[int, str],
    subjects: set[int],
) -> int | None:
    """The person a "he"/"she" refers to, or None when two people are in play: the nearest
    person named before it, if no other person is named in that person's sentence (or, when
    that person is not a subject there, in the sentence before it either), and no title or
    earlier pronoun gave that person the other gender."""
    people = [(a, k) for a, _, k in named if a < at and entities[k].type == "PERSON"]
    if not people or at - people[-1][0] > REFERENCE_REACH:
        return None
    start, k = people[-1]
    window = _sentence_start(text, start)
    if start not in subjects:  # "Clinton's speech": look further back for the subject
        window = _sentence_start(text, max(window - 2, 0))
    if any(k2 != k and a >= window for a, k2 in people):
        return None
    want = "f" if pronoun == "she" else "m"
    if gender.setdefault(k, want) != want:
        return None
    return k


def _names_later_in_clause(pronoun: Any, k: int, named: list[tuple[int, int, int]]) -> bool:
    """Whether a subject pronoun's sentence names entity ``k`` after it: a subject "he" or
    "she" is never the person its own verb's object or clause names ("He said Smith would
    win" is not Smith)."""
    if not pronoun.dep_.startswith("nsubj") or not pronoun.doc.has_annotation("SENT_START"):
        return False
    end = pronoun.sent.end_char
    return any(k2 == k and pronoun.idx < a < end for a, _, k2 in named)


def _genders(named: list[tuple[int, int, int]], text: str) -> dict[int, str]:
    """Entities whose gender a title gives ("Mr. Sanders", "Ms. Holt")."""
    out = {}
    for a, _, k in named:
        if g := title_gender(text[max(0, a - 6) : a]):
            out[k] = g
    return out


_GENDER_TITLE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Lady|Lord)\.?\s+$")


def title_gender(before: str) -> str | None:
    """ "m" or "f" when the text just before a name ends in a gendered title ("Mrs. ")."""
    m = _GENDER_TITLE.search(before)
    return None if m is None else "m" if m.group(1) in ("Mr", "Sir", "Lord") else "f"


GENERATIONS = frozenset("Jr. Jr Sr. Sr II III IV".split())  # "Donald Trump Jr." is not his father


def _name_words(name: str) -> list[str]:
    """A name's words, a hyphen a space: "Ocasio Cortez" ends "Alexandria Ocasio-Cortez"."""
    return name.replace("-", " ").split()


def _shorter_name(short: Sequence[str], full: Sequence[str]) -> bool:
    """Whether a name is a shorter form of a longer one: its end ("Soleimani", "Mitt Romney"
    of "Willard Mitt Romney") or its first and last words ("Hillary Rodham Clinton"; not
    "George W. Bush" of "George H. W. Bush", whose middle differs; a generation's mark
    apart: "Kennedy" ends "Robert F. Kennedy Jr.")."""
    if short[-1] not in GENERATIONS and full[-1] in GENERATIONS:
        full = full[:-1]
    if len(full) <= len(short):
        return False
    return list(full[-len(short) :]) == list(short) or (
        len(short) == 2 and short[0] == full[0] and short[-1] == full[-1]
    )


def _shared_surnames(spans: list[Span]) -> set[str]:
    """Last words that end the full names of two different people in the article ("Mitt
    Romney", "Ann Romney"), a name that ends a longer one ("Willard Mitt Romney") being the
    same person."""
    names = {tuple(s.text.split()) for s in spans if s.type == "PERSON" and " " in s.text}
    people = [n for n in names if not any(_shorter_name(n, m) for m in names)]
    last = [n[-1] for n in people]
    return {w for w in last if last.count(w) > 1}


def _nominal_antecedent(
    noun: str,
    at: int,
    sent: int,
    named: list[tuple[int, int, int]],
    entities: list[Entity],
    text: str,
    subject: bool = False,
) -> int | None:
    """The entity a "the minister", "the council" or "the group" stands for; ``subject``: the
    noun is its own clause's subject, so a name right before it and a comma do not make it an
    apposition ("Accompanied by Mr. Biden, the president signaled ..." is not Biden)."""
    before = [(a, b, k) for a, b, k in named if a < at]
    if noun in ROLE_NOUNS:  # a title right before the name, or an apposition right after
        # "the president" is not "Vice President Joseph Biden" nor a former one
        # (the names after the title in capitals: "President Barack Obama spoke." is no title
        # of the name after "spoke")
        title = re.compile(
            rf"(?i:(?<!vice )(?<!vice-)(?<!deputy )(?<!former )(?<!assistant )\b{noun})"
            rf"\s+(?:[A-Z][\w.'’-]*\s+){{0,3}}$"
        )
        # (not a possessive: "Malia Obama, the president's daughter")
        apposition = re.compile(
            rf",\s+(?:a|an|the)\s[^,.;]{{0,60}}?\b{noun}\b(?!['’]s)", re.IGNORECASE
        )
        for a, b, k in reversed(before):
            appos = apposition.match(text, b)
            if appos and subject and appos.end() > at:
                appos = None  # the match is this very noun, the subject of what follows
            if entities[k].type == "PERSON" and (title.search(text, max(0, a - 40), a) or appos):
                return k
        return None
    for _a, _b, k in reversed(before):
        if entities[k].type in ("ORG", "GROUP") and noun in entities[k].name.lower().split():
            return k
    if noun in GROUP_NOUNS:
        previous = max(text.rfind(". ", 0, max(sent - 2, 0)), text.rfind("\n", 0, max(sent - 1, 0)))
        near = {k for a, _, k in before if a > previous and entities[k].type == "ORG"}
        if len(near) == 1:
            return near.pop()
    return None


def _a_body(span: Any) -> bool:
    """Whether a name the NER read as a body, holding a place or a people, ends as one: "U.S.
    Steel", "the Los Angeles Times", "American Enterprise Institute" (not "U.S. President",
    "Iraq War", "U.S. House", whose place counts too)."""
    last = span[-1]
    return (
        last.text[:1].isupper()
        and last.lower_ not in TITLES
        and _thing(span) is None
        and not (len(span) == 2 and last.lower_ in NATIONAL_BODIES)
    )


# a country's institution named by one word after it: the place and the body both count
# ("U.S. House": the United States and the House the article names again alone)
NATIONAL_BODIES = frozenset("house senate congress army navy military government embassy "
                            "parliament police marines".split())  # fmt: skip


def _lone_acronym(group: list[Span]) -> bool:
    """An unexplained short acronym ("MP", "TV") is not confidently an entity."""
    return all(s.strength == 1 and s.text.isupper() and len(s.text) <= 4 for s in group)


def _another_first_name(words: Sequence[str], i: int, hit: tuple[str, str | None, int]) -> bool:
    """Whether a surname the alias table knows follows a first name not its canonical's
    ("Michelle Obama"; not "Barack Hussein Obama")."""
    start = i
    while start > 0 and words[start - 1][:1].isupper() and words[start - 1].lower() not in TITLES:
        start -= 1
    first = words[start] if start < i else ""
    return bool(hit[1] and gender_of(first)) and not (hit[1] or "").startswith(first + " ")


def _common_phrase(entity: Entity, group: list[Span]) -> bool:
    """A 'person' of two or more words news writes in lower case, none a first name and no
    title before it: a phrase the NER took for a name ("Dark Ages", "Social Justice", "War
    Powers", "Dirty Jobs"), not a person ("Charlie Black", "Mr. Hope Price")."""
    words = entity.name.split()
    common = common_words()
    return (
        entity.type == "PERSON"
        and len(words) >= 2
        and all(s.canonical is None and s.gender is None for s in group)
        and gender_of(words[0]) is None
        and all(_key(w) in common for w in words)
    )


def _key(name: str) -> str:
    name = re.sub(r"^(?:the|The)\s+|['’]s?$", "", name.strip())
    return " ".join(name.lower().replace(".", "").split())


def _family(type_: str) -> str:
    """ORG and GROUP names collide across the model's labels ("Hezbollah"); keep them one."""
    return "ORG" if type_ in ("ORG", "GROUP") else type_


@functools.cache
def _plurals() -> dict[str, str]:
    """Demonym -> the people's name ("Iraqi" -> "Iraqis"), which names the GROUP entity."""
    out: dict[str, str] = {}
    for word in demonyms():
        out.setdefault(word, word)

    with open(DATA / "demonyms.tsv", encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t"):
            if len(row) == 3 and not row[0].startswith("#"):
                out[row[0]] = out[row[1]] = row[1]
    return out
