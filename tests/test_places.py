"""The gazetteer and the Places stage: lookups, qualifiers, context, demonyms."""

from __future__ import annotations

import pytest

from newsprism.geo import Toponym, distance_km, gazetteer, normalize, resolve
from newsprism.stages.places import demonym_focus


def one(text: str, name: str, focus=None):
    start = text.index(name)
    return resolve([Toponym(name, start, start + len(name))], text, focus)[0]


def test_normalize():
    assert normalize("the Netherlands") == "netherlands"
    assert normalize("Baghdad’s") == "baghdad"
    assert normalize("Québec") == "quebec"


def test_distance():
    assert 340 < distance_km(51.5074, -0.1278, 48.8566, 2.3522) < 350  # London-Paris


@pytest.mark.parametrize(
    ("text", "name", "country", "admin1"),
    [
        ("He spoke from Richmond, Virginia, on Friday.", "Richmond", "US", "VA"),
        ("He spoke from Richmond, Va., on Friday.", "Richmond", "US", "VA"),
        ("The fair in Richmond, London, drew crowds.", "Richmond", "GB", None),
        ("The fair in Richmond, British Columbia, drew crowds.", "Richmond", "CA", None),
    ],
)
def test_qualifier_decides(text, name, country, admin1):
    pick = one(text, name)
    assert pick is not None and pick.country == country
    if admin1:
        assert pick.admin1 == admin1


def test_context_decides():
    text = "Police in Alexandria and Pineville, Louisiana, said the Red River rose."
    names = ["Alexandria", "Pineville", "Louisiana"]
    topos = [Toponym(n, text.index(n), text.index(n) + len(n)) for n in names]
    picks = resolve(topos, text)
    assert picks[0] is not None and picks[0].country == "US" and picks[0].admin1 == "LA"


def test_population_prior_without_context():
    assert one("She flew to Paris.", "Paris").country == "FR"


def test_focus_from_demonyms():
    focus = demonym_focus("Georgian troops and Russian tanks met near the border.")
    assert focus.keys() == {"GE", "RU"}
    pick = one("Fighting in Georgia went on.", "Georgia", focus)
    assert pick.feature == "PCLI" and pick.country == "GE"
    text = "Voters in Georgia and Atlanta went on."
    topos = [Toponym(n, text.index(n), text.index(n) + len(n)) for n in ("Georgia", "Atlanta")]
    assert resolve(topos, text)[0].country == "US"


def test_countries_states_regions_and_aliases():
    gaz = gazetteer()
    assert any(c.feature == "PCLI" and c.country == "US" for c in gaz.lookup("U.S."))
    assert any(c.country == "IQ" and c.feature == "ADM1" for c in gaz.lookup("Al Anbar"))
    assert gaz.lookup("Baghdad")[0].country == "IQ"
    assert gaz.lookup("Nowhere-on-Earth-xyz") == []


def test_neighbours_support_a_reading():
    # both Huntsvilles and both Walker Counties exist; only in Texas do they lie together
    text = "The burn ban for Walker County was lifted after Huntsville's fire chief met the judge."
    names = ["Walker County", "Huntsville"]
    topos = [Toponym(n, text.index(n), text.index(n) + len(n)) for n in names]
    county, town = resolve(topos, text)
    assert county is not None and county.admin1 == "TX" and county.lat is not None
    assert town is not None and town.admin1 == "TX"
    assert distance_km(county.lat, county.lon, town.lat, town.lon) < 50


def test_small_towns_and_abbreviations():
    assert normalize("Mt. Pleasant") == normalize("Mount Pleasant") == "mount pleasant"
    assert normalize("St. Louis") == normalize("Saint Louis")
    assert normalize("W. Va.") == normalize("W.Va.")
    # a village of a few hundred people, qualified by its state
    pick = one("The fire in Nelsonia, Virginia, was put out.", "Nelsonia")
    assert pick is not None and pick.country == "US" and pick.admin1 == "VA"
    assert one("Hundreds marched in L.A. on Sunday.", "L.A.").admin1 == "CA"


def test_cached_gazetteer_answers_like_the_built_one():
    import pickle

    gaz = gazetteer(15000)
    loaded = pickle.loads(pickle.dumps(gaz))
    for name in ["Baghdad", "Georgia", "Richmond", "Washington", "Kent", "al-Anbar", "Nowhere"]:
        assert loaded.lookup(name) == gaz.lookup(name)
    assert loaded.countries == gaz.countries and loaded.admin1 == gaz.admin1
    # every name, in the compact form (row numbers into columns): the same candidates, None
    # coordinates (US counties placed later by their towns) and ids included
    fresh = pickle.loads(pickle.dumps(gaz))
    assert all(fresh.lookup(k) == gaz.lookup(k) for k in gaz.index)
    assert any(c.lat is None for k in gaz.index for c in gaz.lookup(k))


def test_damaged_gazetteer_cache_is_rebuilt(tmp_path, monkeypatch):
    from newsprism import geo

    monkeypatch.setenv("NEWSPRISM_CACHE", str(tmp_path))
    path = geo._cache_file(15000)
    path.write_bytes(b"not a pickle")
    geo.gazetteer.cache_clear()
    try:
        assert geo.gazetteer(15000).lookup("Baghdad")[0].country == "IQ"
        geo.gazetteer.cache_clear()
        assert geo.gazetteer(15000).lookup("Baghdad")[0].country == "IQ"  # from the new file
        assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no partial file left
    finally:
        geo.gazetteer.cache_clear()
