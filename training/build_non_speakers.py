"""Build newsprism's table of nouns that are no speakers (src/newsprism/data/non_speakers.txt.gz).

The parser gives a speech verb whatever subject the sentence has, and news is full of
sentences whose subject only looks like a source: "only time and further testing will tell",
"The failure shows ...". A word that news writing uses often and almost never as a source is
no speaker: counted over the AllSides train split's bodies,
a word qualifies when it is common (MIN_COUNT uses) and both its share of uses right before
a speech or report verb ("officials said", "the study found") or after "according to (the)"
and its share of uses before "who" ("voters who", "people who") are under MAX_SHARE. People
and sources clear one of the two easily (officials 15% / 3%, citizens 0.1% / 4%, report 10% /
0%), words such as "time" (0.1% / 0.05%), "decision", "chances" or "environment" clear
neither. Rare words are left out: a speaker the table does not know stays a speaker, and so
are the BODIES below, which speak in their other sense ("The authority said on Wednesday").

Usage: python training/build_non_speakers.py   (deterministic: same data, same file)
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "src")]

from eval.data import allsides  # noqa: E402
from training.word_lists import write_word_list  # noqa: E402

MIN_COUNT = 300  # uses over the train split
# bodies that speak, whose other senses outnumber them: "the authority to", "the state of"
BODIES = frozenset(
    "authority regime legislature cabinet party school state town crowd public".split()
)
MAX_SHARE = 0.005  # of those uses as a source and before "who", each
VERBS = """said says say told tells added adds wrote writes argued argues warned warns noted notes
    stated states claimed claims insisted explained announced reported reports shows show showed
    found finds suggested suggests estimated estimates predicted concluded acknowledged agreed
    asked replied tweeted declared""".split()
_WORD = re.compile(r"\b[a-z][a-z-]+\b")
_BEFORE_VERB = re.compile(r"\b([a-z][a-z-]+) (?:" + "|".join(VERBS) + r")\b")
_ACCORDING = re.compile(
    r"\baccording to (?:the |a |an |one |some |two |three |several |many )?(?:[a-z-]+ )?"
    r"([a-z][a-z-]+)\b"
)
_BEFORE_WHO = re.compile(r"\b([a-z][a-z-]+),? who\b")


def main() -> None:
    uses: Counter[str] = Counter()
    source: Counter[str] = Counter()
    who: Counter[str] = Counter()
    n = 0
    for obj in allsides("train"):
        n += 1
        text = obj["text"]
        uses.update(_WORD.findall(text))
        source.update(_BEFORE_VERB.findall(text))
        source.update(_ACCORDING.findall(text))
        who.update(_BEFORE_WHO.findall(text))
    words = sorted(
        w
        for w, c in uses.items()
        if c >= MIN_COUNT
        and source[w] / c < MAX_SHARE
        and who[w] / c < MAX_SHARE
        and w not in BODIES
    )
    header = (f"{len(words)} words used {MIN_COUNT}+ times and under {MAX_SHARE:.1%} of them "
              f"as a source or before 'who', {n} AllSides train articles "
              "(training/build_non_speakers.py)")  # fmt: skip
    write_word_list("non_speakers.txt.gz", header, words)


if __name__ == "__main__":
    main()
