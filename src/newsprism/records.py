"""The plain records that flow through newsprism.

Every record is a frozen, slotted dataclass. Offsets are character offsets into
``Article.body`` unless a record says otherwise, so any result can be highlighted.
Stages never mutate a record: they return a new one with ``dataclasses.replace``.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any

ENTITY_TYPES = ("PERSON", "ORG", "PLACE", "GROUP", "EVENT", "WORK", "OTHER")
QUOTE_KINDS = ("direct", "indirect", "mixed")
DATE_TYPES = ("DATE", "TIME", "DURATION", "SET")
STANCE_LABELS = ("for", "against", "neither")


def _plain(value: Any) -> Any:
    """Turn records, tuples and lists into JSON-ready values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


class Record:
    """Mixin: ``to_dict()`` gives the JSON object of CONTRACT.md."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)  # type: ignore[no-any-return]


def article_id(url: str | None, title: str | None, text: str) -> str:
    """A stable id: the same article read twice gets the same id.

    The URL is part of the key so that syndicated copies at two addresses stay two
    articles (the corpus layer groups them); whitespace is normalised so that line
    endings and trailing spaces do not change the id.
    """
    key = "\x1f".join([url or "", " ".join((title or "").split()), " ".join(text.split())])
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Problem(Record):
    """Something that went wrong with one item: the batch goes on without it."""

    stage: str
    message: str
    path: str | None = None
    item: str | None = None  # line number, feed entry or WARC record within the path
    article_id: str | None = None

    def describe(self) -> str:
        where = self.path or "<input>"
        if self.item:
            where += f" [{self.item}]"
        return f"{where}: {self.stage}: {self.message}"


@dataclass(frozen=True, slots=True)
class OffTopic(Record):
    """A segment moved out of the body; offsets index ``Article.text`` (the text as read)."""

    text: str
    start: int
    end: int
    reason: str


@dataclass(frozen=True, slots=True)
class Article(Record):
    """One news article: metadata from the reader, layout fields from the layout stage.

    ``text`` is the article text as read (before layout); ``body`` is the clean text
    that the analysis stages work on.
    """

    id: str
    text: str
    path: str | None = None
    url: str | None = None
    source: str | None = None
    date: str | None = None  # ISO 8601 date, YYYY-MM-DD
    title: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    image_credits: tuple[str, ...] = ()
    syndicated_from: str | None = None
    language: str | None = None
    body: str = ""
    off_topic: tuple[OffTopic, ...] = ()
    format: str = "text"
    # "raw": title, subtitle and credits are still inside ``text`` (plain text files);
    # "separated": the reader split off the title (JSON, HTML, feeds), the body is cleaned;
    # "exact": the caller gave the body, which is analysed exactly as given.
    layout: str = "raw"

    def to_dict(self) -> dict[str, Any]:
        d = _plain(self)
        for internal in ("text", "format", "layout"):
            d.pop(internal)
        return d  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class Place(Record):
    name: str
    lat: float
    lon: float
    country: str | None = None  # ISO 3166-1 alpha-2
    geonameid: int | None = None
    feature: str | None = None


@dataclass(frozen=True, slots=True)
class Mention(Record):
    text: str
    start: int
    end: int
    field: str = "body"  # body | title | subtitle


@dataclass(frozen=True, slots=True)
class Entity(Record):
    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    salience: float = 0.0
    mentions: tuple[Mention, ...] = ()
    place: Place | None = None


@dataclass(frozen=True, slots=True)
class Speaker(Record):
    text: str
    start: int
    end: int
    name: str | None = None
    entity_id: str | None = None
    role: str | None = None
    affiliation: str | None = None
    description: str | None = None  # what the article says of the speaker ("who fled ...")


@dataclass(frozen=True, slots=True)
class Stance(Record):
    label: str  # for | against | neither
    score: float


@dataclass(frozen=True, slots=True)
class Quote(Record):
    text: str
    start: int
    end: int
    kind: str  # direct | indirect | mixed
    cue: str | None = None
    speaker: Speaker | None = None
    stance: Stance | None = None
    sentiment: float | None = None  # VADER compound score, -1 to 1


@dataclass(frozen=True, slots=True)
class DateRef(Record):
    text: str
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TimeML value


@dataclass(frozen=True, slots=True)
class Event(Record):
    actor: str | None
    action: str
    target: str | None
    place: str | None
    date: str | None
    start: int
    end: int
    trigger: str | None = None  # the word that names the action
    main: bool = False  # the article's main event


@dataclass(frozen=True, slots=True)
class Issue(Record):
    text: str
    sides: dict[str, list[str]] = field(default_factory=dict)
    sentence: str | None = None  # the headline or lead sentence the issue was read from


@dataclass(frozen=True, slots=True)
class Tone(Record):
    tone: float
    positive: float
    negative: float
    polarity: float
    words: int


@dataclass(frozen=True, slots=True)
class Analysis(Record):
    """Everything newsprism found in one article; stages fill it in turn."""

    article: Article
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateRef, ...] = ()
    events: tuple[Event, ...] = ()
    issue: Issue | None = None
    tone: Tone | None = None
    problems: tuple[Problem, ...] = ()
    # The parsed body (a spaCy Doc) while stages run; never stored or serialised.
    doc: Any = field(default=None, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        d = _plain(self)
        d.pop("doc")
        d["article"] = self.article.to_dict()
        d["problems"] = [{"stage": p.stage, "message": p.message} for p in self.problems]
        return d  # type: ignore[no-any-return]
