"""``export --format gkg``: a GDELT Global Knowledge Graph-like TSV, one article a row.

The columns follow GKG 2.1's names and delimiters where newsprism has the same thing
(``;`` between items, ``#`` and ``,`` inside one), so GKG tooling can read the file:
V1Persons, V1Organizations, V1Locations (``type#name#country#adm1#lat#lon#featureid``),
V1.5Tone (``tone,positive,negative,polarity,activity,selfgroup,words``; the two reference
densities newsprism does not compute are 0), V2.1EnhancedDates, V2.1Quotations
(``offset#length#verb#quote``) and V2.1AllNames; the title goes in V2ExtrasXML as GDELT does.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

COLUMNS = ("GKGRECORDID", "V2.1DATE", "V2SourceCollectionIdentifier", "V2SourceCommonName",
           "V2DocumentIdentifier", "V1Persons", "V1Organizations", "V1Locations", "V1.5Tone",
           "V2.1EnhancedDates", "V2.1Quotations", "V2.1AllNames", "V2ExtrasXML")  # fmt: skip


def _clean(text: str | None) -> str:
    """GKG fields cannot hold its own delimiters, tabs or newlines."""
    return " ".join((text or "").replace("#", " ").replace(";", ",").split())


def _location(e: dict[str, Any]) -> str:
    p = e["place"]
    # GKG location types: 1 country, 4 world city, 3 US city, 2 US state, 5 world state
    kind = "1" if p.get("feature") in ("PCLI", "A.PCLI") else "4"
    return "#".join([kind, _clean(p["name"]), p.get("country") or "", "", str(p["lat"]), str(p["lon"]),
                     str(p.get("geonameid") or "")])  # fmt: skip


def row(d: dict[str, Any]) -> list[str]:
    """One analysis (the contract's JSON object) as a GKG row."""
    a, ents = d["article"], d["entities"]
    tone = d.get("tone")
    tone_field = ",".join(str(v) for v in (tone["tone"], tone["positive"], tone["negative"],
                                           tone["polarity"], 0, 0, tone["words"])) if tone else ""  # fmt: skip
    quotes = [
        f"{q['start']}#{q['end'] - q['start']}#{_clean(q.get('cue'))}#{_clean(q['text'])}"
        for q in d["quotes"]
    ]
    names = [f"{_clean(e['name'])},{m['start']}" for e in ents for m in e["mentions"][:1]
             if e["type"] in ("PERSON", "ORG", "GROUP", "EVENT", "WORK")]  # fmt: skip
    return [
        a["id"], (a.get("date") or "").replace("-", ""), "1", _clean(a.get("source")), a.get("url") or "",
        ";".join(_clean(e["name"]) for e in ents if e["type"] == "PERSON"),
        ";".join(_clean(e["name"]) for e in ents if e["type"] in ("ORG", "GROUP")),
        ";".join(_location(e) for e in ents if e.get("place")),
        tone_field,
        ";".join(f"1#{_clean(t['value'])}#{t['start']}" for t in d["dates"]),
        ";".join(quotes), ";".join(names),
        f"<PAGE_TITLE>{_clean(a.get('title'))}</PAGE_TITLE>" if a.get("title") else "",
    ]  # fmt: skip


def write_gkg(analyses: Iterable[dict[str, Any]], out: str | os.PathLike[str]) -> list[str]:
    """Write analyses as a GKG-like TSV with a header line; returns the file written."""
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "w", encoding="utf-8", newline="") as f:
        f.write("\t".join(COLUMNS) + "\n")
        for d in analyses:
            f.write("\t".join(row(d)) + "\n")
    return [str(target)]


__all__ = ["COLUMNS", "row", "write_gkg"]
