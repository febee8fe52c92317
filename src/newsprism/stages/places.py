"""Places: put the article's PLACE entities on the map, and link demonym groups to countries.

Each PLACE entity is resolved with the gazetteer (``newsprism.geo``) together with the others,
so that "Richmond" next to "Virginia" and "Alexandria" in an article about Louisiana land where
they should. The article's geographic focus weighs in too: the countries its demonyms name
("Iraqi lawmakers", "Iranian general") count as extra evidence for places in those countries.
GROUP entities named by a demonym ("Iraqis") get their country as ``place``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..geo import Candidate, Toponym, demonyms, gazetteer, resolve
from ..records import Analysis, Entity, Place

_WORD = re.compile(r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)?")


def demonym_focus(text: str) -> dict[str, float]:
    """Countries named by the demonyms in a text, weighted by how often they occur."""
    table = demonyms()
    counts: Counter[str] = Counter()
    for m in _WORD.finditer(text):
        word = m.group(0)
        iso = table.get(word) or table.get(word.split()[0])
        if iso:
            counts[iso] += 1
    return {iso: n / 2 for iso, n in counts.items()}


def to_place(c: Candidate) -> Place | None:
    if c.lat is None or c.lon is None:
        return None
    return Place(c.name, round(c.lat, 5), round(c.lon, 5), c.country, c.geonameid, c.feature)


class Places:
    name: str = "places"
    version: int = 1
    requires: tuple[str, ...] = ("entities",)
    assigns: tuple[str, ...] = ("entities.place",)

    def __init__(self, min_city_population: int = 15000) -> None:
        self.gaz = gazetteer(min_city_population)  # built here, once per process

    def __call__(self, analysis: Analysis) -> Analysis:
        table = demonyms()
        body = analysis.article.body
        focus: dict[str, float] = {}
        for e in analysis.entities:
            if e.type == "GROUP" and e.name in table:
                focus[table[e.name]] = focus.get(table[e.name], 0.0) + len(e.mentions) / 2
        places = [e for e in analysis.entities if e.type == "PLACE"]
        toponyms = [self._toponym(e) for e in places]
        picks = dict(zip((e.id for e in places), resolve(toponyms, body, focus, self.gaz),
                         strict=True))  # fmt: skip
        out = []
        for e in analysis.entities:
            pick = picks.get(e.id)
            if pick is None and e.type == "GROUP" and e.name in table:
                pick = self.gaz.country(table[e.name])
            out.append(replace(e, place=to_place(pick)) if pick else e)
        return replace(analysis, entities=tuple(out))

    def _toponym(self, e: Entity) -> Toponym:
        """The entity's name, at its first body mention (where a qualifier may follow)."""
        body = [m for m in e.mentions if m.field == "body"]
        names = [e.name, *(m.text for m in body)]
        name = next((n for n in names if self.gaz.lookup(n)), e.name)
        for m in body:
            return Toponym(name, m.start, m.end)
        return Toponym(name)
