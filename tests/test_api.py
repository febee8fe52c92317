"""The API's write route, its token, its limits, and many readers while it writes.

``POST /api/articles`` runs on a copy of the test_server store with a fast pipeline (layout,
dates, tone). The concurrency test runs a real uvicorn server on a free port, with reader
and writer threads talking HTTP to it.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from newsprism.server import ServerOptions, create_app
from newsprism.server.write import MIN_TOKEN, TOKEN_ENV, load_token

from .test_server import build_store

TOKEN = "test-token-abcdefghijklmnop"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
FAST = ("layout", "dates", "tone")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("api") / "corpus.duckdb")


@pytest.fixture
def db(built: Path, tmp_path: Path) -> Path:
    """A fresh copy of the store (and its search index) for a test that writes."""
    shutil.copytree(built.parent, tmp_path, dirs_exist_ok=True)
    return tmp_path / built.name


def writable(db: Path) -> FastAPI:
    return create_app(str(db), ServerOptions(token=TOKEN, stages=FAST))


def story(n: int, source: str = "Harbour Herald") -> dict[str, Any]:
    return {"title": f"Harbour report {n}", "source": source, "date": "2024-03-07",
            "url": f"https://herald.example/{n}",
            "text": f"The harbour master said on Thursday that berth {n} would reopen. "
                    f"Ships queued outside the breakwater for {n} hours."}  # fmt: skip


def count(app: FastAPI, sql: str) -> int:
    cur = app.state.store.con.cursor()
    try:
        return int(cur.execute(sql).fetchone()[0])
    finally:
        cur.close()


# -- the write route -------------------------------------------------------------------------


def test_one_article_is_analysed_stored_and_served(db):
    with TestClient(writable(db)) as c:
        before = c.get("/articles.json").json()["total"]
        r = c.post("/api/articles", json=story(1), headers=AUTH)
        assert r.status_code == 200, r.text
        body = r.json()
        assert (body["stored"], body["existing"], body["problems"]) == (1, 0, 0)
        [item] = body["items"]
        assert item["status"] == "stored" and item["problems"] == []
        article = c.get(f"/articles/{item['id']}.json").json()
        assert article["article"]["title"] == "Harbour report 1"
        assert article["article"]["source"] == "Harbour Herald"
        assert article["article"]["date"] == "2024-03-07"
        assert article["tone"] is not None and article["dates"]  # the pipeline ran
        assert c.get("/articles.json").json()["total"] == before + 1


def test_posting_is_idempotent(db):
    with TestClient(writable(db)) as c:
        first = c.post("/api/articles", json=[story(1), story(2)], headers=AUTH).json()
        again = c.post("/api/articles", json=[story(2), story(1), story(3), story(3)],
                       headers=AUTH).json()  # fmt: skip
        ids = {i["id"] for i in first["items"]}
        assert [i["status"] for i in first["items"]] == ["stored", "stored"]
        assert [i["status"] for i in again["items"]] == ["exists", "exists", "stored", "exists"]
        assert {i["id"] for i in again["items"][:2]} == ids
        assert again["items"][2]["id"] == again["items"][3]["id"]
        assert (again["stored"], again["existing"]) == (1, 3)
        app: FastAPI = c.app  # type: ignore[assignment]
        assert count(app, "SELECT count(*) FROM articles WHERE path = 'api'") == 3


def test_a_broken_article_is_a_problem_and_the_others_are_stored(db):
    with TestClient(writable(db)) as c:
        r = c.post("/api/articles", json=[story(1), {"text": "   \n "}, story(2)], headers=AUTH)
        assert r.status_code == 200
        body = r.json()
        assert [i["status"] for i in body["items"]] == ["stored", "problem", "stored"]
        assert (body["stored"], body["problems"]) == (2, 1)
        problem = body["items"][1]["problems"][0]
        assert problem == {"stage": "read", "message": "no article text", "path": "api",
                           "item": "item 2", "article_id": None}  # fmt: skip
        app: FastAPI = c.app  # type: ignore[assignment]
        assert count(app, "SELECT count(*) FROM problems WHERE path = 'api'") == 1


@pytest.mark.parametrize(("body", "where"), [
    ({"title": "no text"}, ["body", "text"]),
    ([story(1), {"text": 5}], ["body", 1, "text"]),
    ([story(1), {"text": "x", "colour": "red"}], ["body", 1, "colour"]),
    ([], ["body"]),
])  # fmt: skip
def test_malformed_articles_are_a_422_naming_the_field(db, body, where):
    with TestClient(writable(db)) as c:
        r = c.post("/api/articles", json=body, headers=AUTH)
        assert r.status_code == 422
        errors = r.json()["detail"]
        assert [e["loc"] for e in errors] == [where]
        assert all("input" not in e for e in errors)  # the body is not echoed back


# -- the token -------------------------------------------------------------------------------


def test_without_a_token_writes_are_disabled_and_the_store_read_only(built):
    app = create_app(str(built))
    with TestClient(app) as c:
        r = c.post("/api/articles", json=story(1), headers=AUTH)
        assert r.status_code == 403 and "--token-file" in r.json()["detail"]
        with pytest.raises(Exception, match="read-only"):
            app.state.store.con.execute("DELETE FROM articles")


@pytest.mark.parametrize("headers", [
    {}, {"Authorization": "Bearer wrong-token-abcdefghijklm"}, {"Authorization": f"Basic {TOKEN}"},
    {"Authorization": f"Bearer {TOKEN}x"}, {"Authorization": "Bearer"},
])  # fmt: skip
def test_a_missing_or_wrong_token_is_a_401(db, headers):
    with TestClient(writable(db)) as c:
        r = c.post("/api/articles", json=story(1), headers=headers)
        assert r.status_code == 401 and "Bearer" in r.json()["detail"]
        assert r.headers["www-authenticate"] == "Bearer"
        assert c.get("/articles.json", params={"source": "Harbour Herald"}).json()["total"] == 0


def test_the_token_comes_from_a_file_or_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    assert load_token() is None
    monkeypatch.setenv(TOKEN_ENV, f"  {TOKEN}\n")
    assert load_token() == TOKEN
    file = tmp_path / "token"
    file.write_text("from-the-file-0123456789\n")
    assert load_token(file) == "from-the-file-0123456789"  # the file wins
    file.write_text("short")
    with pytest.raises(ValueError, match=f"at least {MIN_TOKEN}"):
        load_token(file)
    with pytest.raises(FileNotFoundError):
        load_token(tmp_path / "missing")


def test_serve_refuses_a_bad_token_file(built, tmp_path):
    from typer.testing import CliRunner

    from newsprism.cli import app

    (tmp_path / "token").write_text("short\n")
    result = CliRunner().invoke(app, ["serve", "--db", str(built), "--token-file",
                                      str(tmp_path / "token")])  # fmt: skip
    assert result.exit_code == 2 and "too short" in result.output


# -- limits ----------------------------------------------------------------------------------


def test_a_body_over_the_limit_is_a_413(db):
    big = b'{"text": "' + b"a" * 10_000_000 + b'"}'
    with TestClient(writable(db)) as c:
        r = c.post(
            "/api/articles", content=big, headers={**AUTH, "Content-Type": "application/json"}
        )
        assert r.status_code == 413 and "at most 10,000,000 bytes" in r.json()["detail"]

        def chunks() -> Iterator[bytes]:  # no Content-Length: cut off while streaming
            yield b'{"text": "'
            for _ in range(11):
                yield b"a" * 1_000_000
            yield b'"}'

        r = c.post("/api/articles", content=chunks(),
                   headers={**AUTH, "Content-Type": "application/json"})  # fmt: skip
        assert r.status_code == 413
        just_under = {"text": "The harbour reopened. " + "a" * 9_000_000}
        assert c.post("/api/articles", json=just_under, headers=AUTH).status_code == 200


def test_too_many_articles_is_a_422(db):
    with TestClient(writable(db)) as c:
        r = c.post("/api/articles", json=[story(n) for n in range(101)], headers=AUTH)
        assert r.status_code == 422
        assert "at most 100 items" in r.json()["detail"][0]["msg"]
        assert c.post("/api/articles", json=[story(n) for n in range(100)],
                      headers=AUTH).json()["stored"] == 100  # fmt: skip


@pytest.mark.parametrize(("path", "params"), [
    ("/search.json", {"q": "ferry " * 100}), ("/articles.json", {"source": "x" * 201}),
    ("/entities.json", {"name": "x" * 201}), ("/quotes.json", {"speaker": "x" * 201}),
    ("/articles.json", {"offset": 10**12}), ("/articles/" + "x" * 201 + ".json", {}),
])  # fmt: skip
def test_long_parameters_are_a_422_with_a_message(built, path, params):
    with TestClient(create_app(str(built))) as c:
        r = c.get(path, params=params)
        assert r.status_code == 422, r.text
        assert r.json()["detail"][0]["msg"].startswith(("String should have at most",
                                                        "Input should be less than"))  # fmt: skip


# -- many readers while writing ---------------------------------------------------------------


@contextmanager
def serving(app: FastAPI) -> Iterator[str]:
    """The app on a real uvicorn server, on a free port, in a thread."""
    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


class SlowPipeline:
    """The real pipeline, with a pause per article, so that POSTs are slow enough to overlap."""

    def __init__(self, pipeline: Any, pause: float):
        self.pipeline, self.pause = pipeline, pause

    def __call__(self, article: Any) -> Any:
        time.sleep(self.pause)
        return self.pipeline(article)


def test_many_readers_while_writing(db):
    from newsprism.pipeline import Pipeline

    app = writable(db)
    app.state.writer._pipeline = SlowPipeline(Pipeline(FAST), 0.02)
    batches = [[story(n, "Quay Courier") for n in range(k, k + 5)] for k in range(0, 40, 5)]
    posted: list[dict[str, Any]] = []  # every POST's answer
    post_spans: list[tuple[float, float]] = []
    reads: list[tuple[float, int]] = []  # (when answered, total) of every GET
    failures: list[str] = []
    writing = threading.Event()

    def write(order: list[list[dict[str, Any]]], base: str) -> None:
        with httpx.Client(base_url=base, headers=AUTH, timeout=60) as http:
            for batch in order:  # both writers post every batch: each must be stored once
                start = time.monotonic()
                writing.set()
                r = http.post("/api/articles", json=batch)
                post_spans.append((start, time.monotonic()))
                if r.status_code != 200:
                    failures.append(f"POST {r.status_code}: {r.text[:200]}")
                else:
                    posted.append(r.json())

    def read(base: str, stop: threading.Event) -> None:
        writing.wait(10)
        last = 0
        with httpx.Client(base_url=base, timeout=60) as http:
            while not stop.is_set():
                r = http.get("/articles.json", params={"source": "Quay Courier", "limit": 100})
                if r.status_code != 200:
                    failures.append(f"GET {r.status_code}: {r.text[:200]}")
                    continue
                if len(reads) % 4 == 0 and http.get("/overview.json").status_code != 200:
                    failures.append("GET /overview.json failed")
                page = r.json()
                if len(page["items"]) != page["total"]:  # the page and its total: one snapshot
                    failures.append(f"{len(page['items'])} items but a total of {page['total']}")
                if page["total"] < last:
                    failures.append(f"the total went back from {last} to {page['total']}")
                last = page["total"]
                reads.append((time.monotonic(), page["total"]))

    with serving(app) as base:
        stop = threading.Event()
        readers = [threading.Thread(target=read, args=(base, stop)) for _ in range(4)]
        writers = [threading.Thread(target=write, args=(order, base))
                   for order in (batches, batches[::-1])]  # fmt: skip
        for t in readers + writers:
            t.start()
        for t in writers:
            t.join(timeout=120)
        stop.set()
        for t in readers:
            t.join(timeout=60)
        final = httpx.get(f"{base}/articles.json",
                          params={"source": "Quay Courier", "limit": 100}).json()  # fmt: skip
        stored = count(app, "SELECT count(*) FROM articles WHERE source = 'Quay Courier'")

    assert not failures, failures[:5]
    assert len(posted) == 2 * len(batches)
    ids = {i["id"] for answer in posted for i in answer["items"]}
    assert len(ids) == 40
    assert sum(answer["stored"] for answer in posted) == 40  # each stored exactly once
    assert {a["id"] for a in final["items"]} == ids and final["total"] == 40
    assert stored == 40
    during = [t for t, _ in reads if any(s < t < e for s, e in post_spans)]
    assert len(during) >= 10, "GETs should be answered while a POST is being analysed"
    assert len({total for _, total in reads}) > 2  # readers saw the corpus grow
