"""Near-duplicate and syndicated copies across articles, grouped with MinHash LSH.

Each article body becomes a set of word 5-shingles, summarised by a 128-permutation MinHash
(datasketch); locality-sensitive hashing proposes candidate pairs whose estimated Jaccard
similarity is then checked against the threshold, and linked pairs are merged into groups.
A group spanning several sources (or whose copies name an agency) is *syndicated*, one
within a single source a *duplicate*. Each group names its earliest copy (by date, then by
when it was stored): the likely original.

Signatures are kept in the ``minhashes`` table, so a rerun only hashes new articles; the
groups themselves are recomputed (LSH over 37k signatures takes seconds).
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..store import Store
from ..store import queries as q

WORD = re.compile(r"\w+")
SCHEME = "affine32"  # datasketch's permutation scheme; stored signatures are its uint32 values


@dataclass(frozen=True, slots=True)
class DuplicateOptions:
    threshold: float = 0.7  # estimated Jaccard similarity of 5-shingle sets to link two copies
    shingle: int = 5  # words per shingle
    num_perm: int = 128
    min_words: int = 30  # shorter bodies carry too little text to call them copies


@dataclass(frozen=True, slots=True)
class DuplicateSummary:
    hashed: int  # signatures computed by this run (the rest were stored)
    groups: int
    articles: int  # articles in some group


def shingles(text: str, size: int) -> set[bytes]:
    """The word ``size``-shingles of a text, lowercased, as bytes for hashing."""
    words = WORD.findall(text.lower())
    return {" ".join(words[i : i + size]).encode() for i in range(max(0, len(words) - size + 1))}


def _crc32(b: bytes) -> int:
    # stable across processes (unlike hash()), 32 bits as MinHash expects, and C-fast
    return zlib.crc32(b)


def signature(text: str, options: DuplicateOptions) -> np.ndarray | None:
    """The MinHash signature of a body, or None when it is too short to compare."""
    from datasketch import MinHash

    if len(WORD.findall(text)) < options.min_words:
        return None
    m = MinHash(num_perm=options.num_perm, hashfunc=_crc32, scheme=SCHEME)
    m.update_batch(list(shingles(text, options.shingle)))
    return np.asarray(m.hashvalues, dtype=np.uint32)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        root = self.parent.setdefault(x, x)
        while root != self.parent[root]:
            root = self.parent[root]
        while x != root:  # path compression
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[str]]:
        out: dict[str, list[str]] = {}
        for x in self.parent:
            out.setdefault(self.find(x), []).append(x)
        return [g for g in out.values() if len(g) > 1]


def find_duplicates(store: Store, options: DuplicateOptions | None = None) -> DuplicateSummary:
    """Hash new articles, regroup every copy, and replace the duplicate tables."""
    from datasketch import LeanMinHash, MinHashLSH

    options = options or DuplicateOptions()
    hashed = 0
    new_rows: list[tuple[str, bytes]] = []
    reader = store.con.cursor()  # streams bodies while batches are written on the main connection
    for article_id, body in q.unhashed_bodies(reader):
        sig = signature(body or "", options)
        new_rows.append((article_id, sig.tobytes() if sig is not None else b""))
        hashed += 1
        if len(new_rows) == 2000:  # stored as we go: an interrupted run keeps its work
            q.add_minhashes(store.con, new_rows)
            new_rows = []
    q.add_minhashes(store.con, new_rows)
    reader.close()

    sigs: dict[str, Any] = {}
    for article_id, blob in q.minhashes(store.con):
        values = np.frombuffer(blob, dtype=np.uint32)
        if len(values) == options.num_perm:
            sigs[article_id] = LeanMinHash(seed=1, hashvalues=values, scheme=SCHEME)
    lsh = MinHashLSH(threshold=options.threshold, num_perm=options.num_perm)
    with lsh.insertion_session() as session:
        for article_id, m in sigs.items():
            session.insert(article_id, m)
    links = _UnionFind()
    for article_id, m in sigs.items():
        for other in lsh.query(m):
            if other != article_id and m.jaccard(sigs[other]) >= options.threshold:
                links.union(article_id, other)

    meta = q.article_meta(store.con, [a for g in links.groups() for a in g])
    group_rows, member_rows = [], []
    for members in links.groups():
        ordered = sorted(members, key=lambda a: meta[a]["order"])
        first = meta[ordered[0]]
        sources = {meta[a]["source"] for a in members if meta[a]["source"]}
        agency = any(meta[a]["syndicated_from"] for a in members)
        group_id = hashlib.sha256(ordered[0].encode()).hexdigest()[:12]
        group_rows.append({
            "group_id": group_id, "kind": "syndicated" if len(sources) > 1 or agency else "duplicate",
            "size": len(members), "sources": len(sources), "earliest_article_id": ordered[0],
            "earliest_source": first["source"], "earliest_date": first["date"], "title": first["title"],
        })  # fmt: skip
        for a in ordered:
            sim = 1.0 if a == ordered[0] else sigs[ordered[0]].jaccard(sigs[a])
            member_rows.append({"group_id": group_id, "article_id": a, "similarity": float(sim),
                                "earliest": a == ordered[0]})  # fmt: skip
    q.replace_duplicates(store.con, group_rows, member_rows)
    return DuplicateSummary(hashed, len(group_rows), len(member_rows))
