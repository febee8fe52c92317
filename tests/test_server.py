"""The HTTP API and dashboard, through FastAPI's TestClient over a small store.

The store holds the examples (layout, dates and tone) plus three hand-made articles with
entities, places, quotes, stances and an issue, so every view has real data to show.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism import Pipeline, Store
from newsprism.corpus import build_corpus
from newsprism.ingest import ingest
from newsprism.readers import ReadOptions
from newsprism.records import (
    Analysis,
    Article,
    DateRef,
    Entity,
    Issue,
    Mention,
    Place,
    Quote,
    Speaker,
    Stance,
)  # fmt: skip

from .conftest import EXAMPLES

BODY = (
    "Dock workers in Lisbon walked out on Monday, halting ferries across the Tagus. "
    '"We will not accept another year of frozen pay," said Marta Sousa, the union leader. '
    "The port authority in Lisbon said talks would resume on Wednesday. "
    '"The ferries must run," said Rui Costa, the transport minister. '
    "Commuters queued for buses along the river as the strike entered its second day, and "
    "the ministry said it would publish a timetable of replacement services by the evening."
)

# the same event reported again two days later: shares the quotes, not the wording
LATER = (
    "Ferries across the Tagus stayed in port for a third day as the Lisbon dock strike went on. "
    'Marta Sousa repeated her warning. "We will not accept another year of frozen pay," said '
    'Marta Sousa. "The ferries must run," said Rui Costa. Some commuters switched to the rail '
    "bridge, which ran extra trains through the night."
)


def _mentions(body: str, text: str) -> tuple[Mention, ...]:
    start = body.index(text)
    return (Mention(text, start, start + len(text)),)


def hand_made(article_id: str, source: str, date: str, body: str = BODY) -> Analysis:
    """One analysis as the later stages will fill it: entities, a place, quotes with sides."""
    q1 = body.index('"We will')
    q2 = body.index('"The ferries')
    lisbon = Place("Lisbon", 38.72, -9.14, "PT", 2267057, "PPLC")
    return Analysis(
        article=Article(
            id=article_id,
            text=body,
            body=body,
            title="Lisbon dock strike halts ferries",
            source=source,
            date=date,
            url=f"https://{article_id}.example/strike",
            format="text",
            layout="exact",
        ),  # fmt: skip
        entities=(
            Entity("e-lisbon", "Lisbon", "PLACE", mentions=_mentions(body, "Lisbon"), place=lisbon),
            Entity("e-sousa", "Marta Sousa", "PERSON", mentions=_mentions(body, "Marta Sousa")),
            Entity("e-costa", "Rui Costa", "PERSON", mentions=_mentions(body, "Rui Costa")),
        ),
        quotes=(
            Quote(
                body[q1 : body.index('," said Marta') + 2],
                q1,
                body.index('," said Marta') + 2,
                "direct",
                "said",
                Speaker("Marta Sousa", 0, 0, "Marta Sousa", "e-sousa", "union leader"),
                Stance("for", 0.9),
            ),  # fmt: skip
            Quote(
                body[q2 : body.index('," said Rui') + 2],
                q2,
                body.index('," said Rui') + 2,
                "direct",
                "said",
                Speaker("Rui Costa", 0, 0, "Rui Costa", "e-costa", "transport minister"),
                Stance("against", 0.8),
            ),  # fmt: skip
        ),
        dates=tuple(
            DateRef(w, body.index(w), body.index(w) + len(w), "DATE", v)
            for w, v in (("Monday", date), ("Wednesday", "2024-03-06"))
            if w in body
        ),  # fmt: skip
        issue=Issue(
            "Should the dock strike go on?", {"for": ["Marta Sousa"], "against": ["Rui Costa"]}
        ),
    )


def build_store(path: Path, index: bool = True) -> Path:
    """Examples (layout, dates, tone) plus hand-made articles; corpus tables and index built."""
    with Store(path) as store:
        ingest([EXAMPLES / "text", EXAMPLES / "jsonl" / "articles.jsonl"], store,
               Pipeline(("layout", "dates", "tone")), ReadOptions(), 64)  # fmt: skip
        store.write([
            hand_made("strike-wire", "Wire Agency", "2024-03-04"),
            hand_made("strike-daily", "Daily Tagus", "2024-03-05", BODY + " Union members met at noon."),
            hand_made("strike-later", "Porto Post", "2024-03-06", LATER),
        ])  # fmt: skip
        if index:
            build_corpus(store)
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("server") / "corpus.duckdb")


@pytest.fixture(scope="module")
def client(db: Path):
    from fastapi.testclient import TestClient

    from newsprism.server import create_app

    with TestClient(create_app(str(db))) as c:
        yield c


def test_overview_and_its_twin(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "Lisbon dock strike halts ferries" in page.text
    data = client.get("/overview.json").json()
    assert data["totals"]["articles"] >= 10 and data["totals"]["stories"] >= 1
    assert data["voices"][0]["speaker"] in ("Marta Sousa", "Rui Costa")
    assert client.get("/?format=json").json()["totals"] == data["totals"]


@pytest.mark.parametrize("path", ["/articles", "/entities", "/quotes", "/issues", "/stories",
                                  "/duplicates", "/search?q=ferries"])  # fmt: skip
def test_every_list_has_a_page_and_a_json_twin(client, path):
    html = client.get(path)
    assert html.status_code == 200 and "<html" in html.text
    base, _, query = path.partition("?")
    data = client.get(f"{base}.json" + (f"?{query}" if query else "")).json()
    assert data["total"] >= 1 and data["items"], path
    assert data["limit"] == 20 and data["offset"] == 0


def test_article_page_highlights_entities_and_quotes(client):
    html = client.get("/articles/strike-wire").text
    assert 'class="ent ent-PERSON"' in html and "side-for" in html and "side-against" in html
    assert "union leader" in html  # the hover text names the speaker's role
    assert 'class="map"' in html and "data-spec" in html
    data = client.get("/articles/strike-wire.json").json()
    assert data["article"]["title"] == "Lisbon dock strike halts ferries"
    assert data["places"][0]["name"] == "Lisbon"
    assert data["corpus"]["duplicates"]["size"] == 2 and data["corpus"]["story"]["size"] >= 2
    assert "body_html" in data and "charts" not in data


def test_detail_views(client):
    entity = client.get("/entities/e-sousa.json").json()["entity"]
    assert entity["articles"] == 3 and entity["quotes_by"] and entity["cooccurring"]
    assert {o["source"] for o in entity["outlets"]} == {"Wire Agency", "Daily Tagus", "Porto Post"}
    issue = client.get("/issues/Should the dock strike go on%3F.json").json()["issue"]
    assert issue["sides"]["for"] == ["Marta Sousa"] and issue["by_outlet"]
    story_id = client.get("/stories.json").json()["items"][0]["story_id"]
    story = client.get(f"/stories/{story_id}.json").json()["story"]
    assert story["size"] == 3 and "Lisbon" in story["places"] and "Marta Sousa" in story["voices"]
    assert client.get(f"/stories/{story_id}").status_code == 200
    assert client.get("/entities/e-sousa").status_code == 200


def test_filters_and_paging(client):
    data = client.get("/articles.json", params={"limit": 2, "offset": 1}).json()
    assert len(data["items"]) == 2 and data["next_offset"] == 3
    only = client.get("/articles.json", params={"source": "Porto Post"}).json()
    assert [a["id"] for a in only["items"]] == ["strike-later"]
    sides = client.get("/quotes.json", params={"side": "against"}).json()
    assert {q["speaker"] for q in sides["items"]} == {"Rui Costa"}
    hits = client.get("/search.json", params={"q": '"frozen pay"', "speaker": "Rui Costa",
                                              "date_from": "2024-03-05"}).json()  # fmt: skip
    assert {h["id"] for h in hits["items"]} == {"strike-daily", "strike-later"}
    assert "<mark>" in hits["items"][0]["snippet"] or hits["items"][0]["snippet"]


@pytest.mark.parametrize(("path", "status"), [
    ("/articles.json?limit=101", 422), ("/articles.json?limit=0", 422),
    ("/articles.json?offset=-1", 422), ("/articles.json?date_from=2024-13-45", 400),
    ("/articles.json?date_from=yesterday", 422), ("/quotes.json?side=maybe", 422),
    ("/search.json?q=-only", 400), ("/articles/nope.json", 404), ("/entities/nope.json", 404),
    ("/stories/nope.json", 404), ("/issues/nope.json", 404), ("/articles/nope", 404),
])  # fmt: skip
def test_bad_input_is_a_clear_4xx(client, path, status):
    r = client.get(path)
    assert r.status_code == status, r.text
    if path.split("?")[0].endswith(".json"):
        assert r.json()["detail"]


def test_openapi_lists_the_json_api(client):
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/overview.json", "/articles.json", "/articles/{article_id}.json", "/entities.json",
              "/quotes.json", "/issues.json", "/stories.json", "/search.json", "/duplicates.json"):  # fmt: skip
        assert p in paths
    assert "/articles" not in paths  # HTML pages stay out of the API schema


def test_static_assets_are_served(client):
    for f in (
        "vega.min.js",
        "vega-lite.min.js",
        "vega-embed.min.js",
        "leaflet.js",
        "world-110m.geojson",
    ):
        assert client.get(f"/static/vendor/{f}").status_code == 200


def test_database_is_opened_read_only(db):
    from newsprism.server import create_app

    app = create_app(str(db))
    with pytest.raises(Exception, match="read-only"):
        app.state.store.con.execute("DELETE FROM articles")
    app.state.store.close()


def test_empty_stages_degrade_gracefully(tmp_path):
    from fastapi.testclient import TestClient

    from newsprism.server import create_app

    with Store(tmp_path / "bare.duckdb") as store:  # layout only, never indexed
        ingest([EXAMPLES / "text"], store, Pipeline(("layout",)), ReadOptions(), 64)
    with TestClient(create_app(str(tmp_path / "bare.duckdb"))) as c:
        for path in (
            "/",
            "/entities",
            "/quotes",
            "/issues",
            "/stories",
            "/duplicates",
            "/search?q=ferry",
        ):
            assert c.get(path).status_code == 200, path
        assert "no stories yet" in c.get("/stories").text
        assert c.get("/search.json", params={"q": "ferry"}).json()["note"]
        article = c.get("/articles.json").json()["items"][0]["id"]
        assert "no places found" in c.get(f"/articles/{article}").text
