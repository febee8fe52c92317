"""Score the HTML reader's body text against hand-made gold texts.

Pages: examples/html/*.html (gold in eval/gold/html/NN_*.txt) and the evaluation-only pages
eval/gold/html/*.html. Measure: bag-of-words precision, recall and F1 of the extracted body
against the gold main text (the measure of the Scrapinghub article-extraction benchmark),
micro-averaged over pages, plus the share of pages whose title came out right.

    python -m eval.html
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from eval.data import report  # noqa: E402
from newsprism.readers import ReadOptions, read  # noqa: E402
from newsprism.records import Article  # noqa: E402
from newsprism.stages.layout import Layout  # noqa: E402

GOLD = REPO / "eval" / "gold" / "html"


def words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.lower()))


def pages() -> list[tuple[Path, Path]]:
    found = []
    for gold in sorted(GOLD.glob("*.txt")):
        for folder in (REPO / "examples" / "html", GOLD):
            page = folder / (gold.stem + ".html")
            if page.exists():
                found.append((page, gold))
    return found


def evaluate() -> dict[str, float]:
    layout = Layout()
    tp = got = want = 0
    titles = 0
    listed = pages()
    for page, gold in listed:
        (article,) = [a for a in read([page], ReadOptions()) if isinstance(a, Article)]
        body = layout.lay_out(article).body
        g, b = words(gold.read_text(encoding="utf-8")), words(body)
        tp += sum((g & b).values())
        got += sum(b.values())
        want += sum(g.values())
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", page.read_text(encoding="utf-8"), re.S)
        titles += bool(h1 and article.title and words(h1.group(1)) == words(article.title))
    precision, recall = tp / got, tp / want
    return {"html_precision": precision, "html_recall": recall,
            "html_f1": 2 * precision * recall / (precision + recall),
            "html_title_accuracy": titles / len(listed), "html_pages": len(listed)}  # fmt: skip


def main() -> None:
    report("html", evaluate())


if __name__ == "__main__":
    main()
