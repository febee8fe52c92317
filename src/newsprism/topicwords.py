"""Content words and their rarity: the evidence for "is this segment about the same thing?".

IDF weights come from the AllSides news corpus (``training/build_idf.py``) and ship as
``data/idf.tsv.gz``; a word the table lacks counts as rare.
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from importlib import resources

_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|\d+(?:st|nd|rd|th)?", re.UNICODE)
_STOPWORDS = """
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my myself no nor not now of off on once only or other our ours
ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself yourselves
said says say told tell one two three new like get got make made may might must shall us mr
mrs ms dr it's that's don't we're i'm
"""
STOPWORDS = frozenset(_STOPWORDS.split())


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A crude plural and possessive fold: enough to match 'regions' with 'region'."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def content_words(text: str) -> set[str]:
    """The stemmed, lower-cased content words of a text."""
    return {
        stem(w)
        for w in _WORD.findall(text)
        if (len(w) >= 3 or w[0].isdigit()) and w.lower() not in STOPWORDS
    }


@lru_cache(maxsize=1)
def idf_table() -> tuple[dict[str, float], float]:
    """Word -> IDF, and the IDF given to words the table does not know."""
    table: dict[str, float] = {}
    path = resources.files("newsprism") / "data" / "idf.tsv.gz"
    with gzip.open(str(path), "rt", encoding="utf-8") as f:
        header = f.readline().split("\t")
        unknown = float(header[1])
        for line in f:
            word, value = line.rstrip("\n").split("\t")
            table[word] = float(value)
    return table, unknown


def idf(word: str) -> float:
    table, unknown = idf_table()
    return table.get(word, unknown)
