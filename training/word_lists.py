"""Writing newsprism's word tables (src/newsprism/data/*.txt.gz): one word a line after a
header line that says how the table was made; gzip without a timestamp, so the same data
gives the same file."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "src" / "newsprism" / "data"


def write_word_list(name: str, header: str, words: list[str]) -> Path:
    """Write ``words`` to ``DATA/name`` under ``header``, say so, and return the path."""
    out = DATA / name
    with gzip.GzipFile(out, "wb", mtime=0) as raw, io.TextIOWrapper(raw, "utf-8") as f:
        f.write(f"# {header}\n")
        f.write("\n".join(words) + "\n")
    print(f"{len(words)} words -> {out} ({out.stat().st_size // 1024} KB)")
    return out
