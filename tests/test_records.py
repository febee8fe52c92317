import dataclasses
import json

import pytest

from newsprism.records import (
    Analysis,
    Article,
    Entity,
    Mention,
    Problem,
    Quote,
    Speaker,
    article_id,
)


def test_article_id_is_stable_and_ignores_whitespace():
    assert article_id("u", "T", "a  b\r\n") == article_id("u", "T", "a b")
    assert article_id("u", "T", "a b") != article_id("v", "T", "a b")
    assert len(article_id(None, None, "x")) == 16


def test_records_are_frozen():
    a = Article(id="1", text="t")
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.title = "x"  # type: ignore[misc]


def test_to_dict_has_the_contract_shape():
    art = Article(id="1", text="raw", body="Ann said hi.", title="T")
    ent = Entity("e1", "Ann", "PERSON", mentions=(Mention("Ann", 0, 3),))
    quote = Quote("hi", 9, 11, "direct", "said", Speaker("Ann", 0, 3, name="Ann", entity_id="e1"))
    d = Analysis(art, entities=(ent,), quotes=(quote,), problems=(Problem("x", "boom"),)).to_dict()
    assert set(d) == {
        "article",
        "entities",
        "quotes",
        "dates",
        "events",
        "issue",
        "tone",
        "problems",
    }
    assert set(d["article"]) == {
        "id", "path", "url", "source", "date", "title", "subtitle", "byline", "image_credits",
        "syndicated_from", "language", "body", "off_topic",
    }  # fmt: skip
    assert d["entities"][0]["mentions"][0] == {"text": "Ann", "start": 0, "end": 3, "field": "body"}
    assert d["quotes"][0]["speaker"]["entity_id"] == "e1"
    assert d["problems"] == [{"stage": "x", "message": "boom"}]
    assert d["issue"] is None and d["tone"] is None
    json.dumps(d)
