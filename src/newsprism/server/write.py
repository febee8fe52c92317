"""The write side of the API: ``POST /api/articles`` analyses articles and stores them.

Writes are off unless the server is given a token (``newsprism serve --token-file FILE`` or
``NEWSPRISM_API_TOKEN``); then the server opens the store read-write and is its one writer.
A request must carry ``Authorization: Bearer <token>`` (compared in constant time).

Posted articles are read by the JSON Lines reader's own ``to_article`` (same fields, same
ids), analysed by the pipeline and stored with ``Store.write``, exactly as ``ingest`` does:
an article already stored is not analysed again, and a broken one becomes a Problem that is
returned and stored while the others are stored. The writes run one at a time on the
writer's own thread, so a POST waiting its turn holds none of the threads that answer GETs;
readers keep their own cursors, so GETs go on answering (DuckDB's MVCC) while a POST writes.
"""

from __future__ import annotations

import asyncio
import hmac
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..pipeline import Pipeline
from ..readers import ReadOptions
from ..readers.jsonl import to_article
from ..records import Article, Problem
from ..store import Store

MAX_ARTICLES = 100  # articles in one POST
MIN_TOKEN = 16  # characters; a shorter token is refused at start-up
TOKEN_ENV = "NEWSPRISM_API_TOKEN"
PATH = "api"  # the ``path`` that posted articles and their problems are stored under


class ArticleIn(BaseModel):
    """One article to store: the JSON Lines reader's fields under their plain names."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="the article: the body, or a whole article when no title")
    title: str | None = Field(None, max_length=2_000)
    url: str | None = Field(None, max_length=2_000)
    date: str | None = Field(None, max_length=100, description="publication date, e.g. 2024-03-04")
    source: str | None = Field(None, max_length=500, description="the outlet")


ArticlesIn = Annotated[list[ArticleIn], Field(min_length=1, max_length=MAX_ARTICLES)] | ArticleIn


class ProblemOut(BaseModel):
    stage: str
    message: str
    path: str | None = None
    item: str | None = None
    article_id: str | None = None


class ItemOut(BaseModel):
    item: int = Field(description="the article's position in the request, from 1")
    id: str | None = Field(description="the article's id; none when it could not be read")
    status: Literal["stored", "exists", "problem"]
    problems: list[ProblemOut] = Field(description="what went wrong reading or analysing it")


class WriteResult(BaseModel):
    stored: int = Field(description="articles new to the store")
    existing: int = Field(description="articles the store already had (or sent twice)")
    problems: int = Field(description="articles that could not be read")
    items: list[ItemOut]


class Writer:
    """The server's one writer: a read-write store and a pipeline, used by one thread."""

    def __init__(self, store: Store, stages: Sequence[str], timeout_s: float | None = None):
        self.store = store  # used only on the writer's thread
        self.stages = tuple(stages)
        self.timeout_s = timeout_s
        self._pipeline: Pipeline | None = None  # built on the first POST: models load slowly
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="newsprism-writer")

    async def submit(self, posted: Sequence[ArticleIn]) -> WriteResult:
        """``add`` on the writer's thread, after the writes queued before it."""
        return await asyncio.wrap_future(self._thread.submit(self.add, posted))

    def add(self, posted: Sequence[ArticleIn]) -> WriteResult:
        """Analyse and store what is new; call it on the writer's thread (``submit``)."""
        read = [_read(n, a) for n, a in enumerate(posted, 1)]
        if self._pipeline is None:
            self._pipeline = Pipeline(self.stages, timeout_s=self.timeout_s)
        ids = [a.id for a in read if isinstance(a, Article)]
        known = self.store.existing(ids)
        fresh = {a.id: a for a in read if isinstance(a, Article) and a.id not in known}
        analyses = [self._pipeline(a) for a in fresh.values()]
        unread = [p for p in read if isinstance(p, Problem)]
        stored = self.store.write(analyses, unread)
        found = {a.article.id: a.problems for a in analyses}
        items: list[ItemOut] = []
        for n, a in enumerate(read, 1):
            if isinstance(a, Problem):
                items.append(ItemOut(item=n, id=None, status="problem", problems=[_out(a)]))
            else:
                new = found.pop(a.id, None)  # the first copy of a new article is the stored one
                items.append(ItemOut(item=n, id=a.id, status="stored" if new is not None else "exists",
                                     problems=[_out(p) for p in new or ()]))  # fmt: skip
        existing = sum(i.status == "exists" for i in items)
        return WriteResult(stored=stored, existing=existing, problems=len(unread), items=items)

    def close(self) -> None:
        self._thread.shutdown(wait=True)  # the write in progress finishes first
        self.store.close()


def _read(n: int, posted: ArticleIn) -> Article | Problem:
    """A posted article as the JSON Lines reader reads one object."""
    if not posted.text.strip():
        return Problem("read", "no article text", PATH, f"item {n}")
    return to_article(posted.model_dump(), PATH, f"item {n}", ReadOptions())


def _out(p: Problem) -> ProblemOut:
    return ProblemOut(**p.to_dict())


def load_token(token_file: str | os.PathLike[str] | None = None) -> str | None:
    """The API token: the file's content (stripped), else ``$NEWSPRISM_API_TOKEN``, else None."""
    if token_file is not None:
        token = Path(token_file).read_text(encoding="utf-8").strip()
        where = str(token_file)
    else:
        token = os.environ.get(TOKEN_ENV, "").strip()
        where = TOKEN_ENV
        if not token:
            return None
    if len(token) < MIN_TOKEN:
        raise ValueError(f"the API token in {where} is too short: use at least {MIN_TOKEN} "
                         "characters, e.g. `python -c 'import secrets; print(secrets.token_urlsafe())'`")  # fmt: skip
    return token


def token_matches(given: str | None, token: str) -> bool:
    """Whether a request's bearer token is the server's, in constant time."""
    return given is not None and hmac.compare_digest(given.encode(), token.encode())
