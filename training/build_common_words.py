"""Build newsprism's table of common lower-case words (src/newsprism/data/common_words.txt.gz).

A word that news prose writes in lower case nearly every time it is not opening a sentence
("gridlock", "message", "sparks") is no name when a headline in title case or a line in
capitals shows it with a capital. The entities stage reads the table to drop such mentions
("GRIDLOCK", "Tariff Waivers"), while "TRUMP" or "Clinton", mostly capitalised in running
text, stay names. Counted over the AllSides train split's bodies (not titles), words after
a sentence's end, a quote or a paragraph break skipped, words in capitals not counted.

Usage: python training/build_common_words.py   (deterministic: same data, same file)
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

MIN_COUNT = 20  # rarer words are left out: a name the table lacks stays a name
MIN_LOWER = 0.9  # the share of running-text uses in lower case
# a word, with what comes before it: a sentence end, an opening quote, a line break
_WORD = re.compile(
    r"(?P<before>[.!?:;\"“‘'(\[\n—–-]\s*|^)?(?P<word>[A-Za-z][a-z'’-]*[a-z]|[A-Za-z])"
)


def main() -> None:
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    n = 0
    for obj in allsides("train"):
        n += 1
        for m in _WORD.finditer(obj["text"]):
            word = m.group("word")
            if m.group("before") is not None or (len(word) > 1 and word.isupper()):
                continue  # a sentence's first word, or an acronym: its case tells nothing
            (lower if word[0].islower() else capital)[word.lower()] += 1
    common = sorted(
        w
        for w, c in lower.items()
        if c + capital[w] >= MIN_COUNT and c / (c + capital[w]) >= MIN_LOWER
    )
    header = (f"{len(common)} words written in lower case in at least {MIN_LOWER:.0%} of their "
              f"uses within sentences, {MIN_COUNT}+ uses, {n} AllSides train articles "
              "(training/build_common_words.py)")  # fmt: skip
    write_word_list("common_words.txt.gz", header, common)


if __name__ == "__main__":
    main()
