"""Genders that given names tell: read so that "he" and "she" are not resolved to a person of the
other gender. Plain Python (no spaCy), so that importing a stage stays cheap in a process that
only reads and writes, such as a pool's parent.
"""

from __future__ import annotations

import functools
from pathlib import Path

FIRST_NAMES = Path(__file__).parent / "data" / "first_names.tsv"


@functools.cache
def first_names() -> dict[str, str]:
    """Given name -> "m" or "f", for names almost always one gender in news (data/first_names.tsv)."""
    rows = (line.rstrip("\n").split("\t") for line in FIRST_NAMES.open(encoding="utf-8"))
    return {row[0]: row[1] for row in rows if len(row) == 2 and not row[0].startswith("#")}


def gender_of(name: str) -> str | None:
    """ "m" or "f" by a full name's first word ("Joe Biden": m), else None."""
    first = name.split()[0] if name.split() else ""
    return first_names().get(first)
