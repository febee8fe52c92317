"""Geocoding on LGL (Lieberman et al. 2010): 588 local-news articles, 5,088 gold toponyms.

Resolution is measured from the gold toponym spans (the article text is the context, with the
countries of its demonyms as focus, as the Places stage has them), so the figure is about
choosing the right place, not about finding the names. Toponyms whose gold has no GeoNames
entry are left out. Metrics: exact GeoNames id match, and accuracy within 161 km (100 miles),
over all gold toponyms (a name missing from the gazetteer counts as wrong).

    python -m eval.geo
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET

from newsprism.geo import Toponym, distance_km, gazetteer, resolve
from newsprism.stages.places import demonym_focus

from .data import DATA, report

LGL = DATA / "geoparsing_news" / "data" / "Corpora" / "lgl.xml"


def load() -> list[tuple[str, list[tuple[Toponym, int, float, float]]]]:
    """(text, [(toponym, gold geonameid, gold lat, gold lon)]) per article."""
    articles = []
    for art in ET.parse(LGL).getroot().iter("article"):
        text = art.findtext("text") or ""
        gold = []
        for t in art.iter("toponym"):
            g = t.find("gaztag")
            if g is None or g.findtext("lat") is None:
                continue
            start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            gold.append((Toponym(t.findtext("phrase") or "", start, end),
                         int(g.get("geonameid") or 0), float(g.findtext("lat") or 0),
                         float(g.findtext("lon") or 0)))  # fmt: skip
        articles.append((text, gold))
    return articles


def evaluate() -> dict[str, float]:
    gaz = gazetteer()
    started = time.perf_counter()
    n = exact = near = found = 0
    for text, gold in load():
        picks = resolve([g[0] for g in gold], text, demonym_focus(text), gaz)
        for (_, gid, lat, lon), pick in zip(gold, picks, strict=True):
            n += 1
            if pick is None:
                continue
            found += 1
            exact += pick.geonameid == gid
            if pick.lat is not None and pick.lon is not None:
                near += distance_km(pick.lat, pick.lon, lat, lon) <= 161
    seconds = time.perf_counter() - started
    return {
        "lgl_acc_161km": round(near / n, 4),
        "lgl_exact_geonameid": round(exact / n, 4),
        "lgl_in_gazetteer": round(found / n, 4),
        "lgl_toponyms": float(n),
        "ms_per_article": round(1000 * seconds / 588, 2),
    }


if __name__ == "__main__":
    report("geo", evaluate())
