"""Where the shared datasets live, and the fixed splits newsprism uses for them."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSPRISM_SHARED", REPO.parent / "shared"))
DATA = SHARED / "data"
ALLSIDES = DATA / "allsides_corpus" / "articles.jsonl.gz"


def allsides_split(article_id: str) -> str:
    """AllSides has no dev split for newsprism's uses: one sixteenth, by hashed id, is dev."""
    return "dev" if hashlib.sha1(article_id.encode()).hexdigest()[0] == "0" else "train"


def allsides(split: str | None = None, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """AllSides articles as dicts (id, source, date, title, text, topic, ...), in file order."""
    n = 0
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as f:
        for line in f:
            obj = json.loads(line)
            if split and allsides_split(obj["id"]) != split:
                continue
            yield obj
            n += 1
            if limit and n >= limit:
                return


def report(name: str, result: dict[str, Any], command: str | None = None) -> None:
    """Print an evaluation's figures and write them, with the command, to eval/results/NAME.json."""
    width = max(map(len, result), default=0) + 2
    for key, value in result.items():
        print(
            f"{key:{width}s} {value:.3f}" if isinstance(value, float) else f"{key:{width}s} {value}"
        )
    out = REPO / "eval" / "results" / f"{name}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps({"command": command or f"python -m eval.{name}", **result}, indent=1) + "\n"
    )
