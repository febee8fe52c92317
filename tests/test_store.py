import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsprism import Pipeline, Store
from newsprism.ingest import ingest
from newsprism.records import Article, Problem
from newsprism.store.schema import MIGRATIONS, TABLES

from .conftest import EXAMPLES


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "t.duckdb") as s:
        yield s


def test_schema_matches_the_arrow_batches(store):
    for name, schema in TABLES.items():
        cols = [r[0] for r in store.con.execute(f"DESCRIBE {name}").fetchall()]
        assert cols == schema.names, name
    assert store.migrate() == len(MIGRATIONS)


def test_write_is_idempotent(store):
    pipeline = Pipeline()
    a = pipeline(Article(id="a1", text="Title\n\nBody text.", path="x.txt"))
    bad = Problem("read", "empty file", "y.txt")
    assert store.write([a, a], [bad]) == 1
    assert store.write([a], [bad]) == 0
    assert store.count() == 1 and store.count("problems") == 1
    got = store.get("a1")
    assert got["article"]["title"] == "Title" and got["article"]["body"] == "Body text."
    assert store.get("a") == got  # a unique prefix


def test_every_table_is_written(store):
    from newsprism.records import (
        Analysis,
        DateRef,
        Entity,
        Event,
        Issue,
        Mention,
        Place,
        Quote,
        Speaker,
        Stance,
        Tone,
    )  # fmt: skip

    art = Pipeline(["layout"])(Article(id="b2", text="Title\n\nAnn said hi in Paris.")).article
    paris = Place("Paris", 48.85, 2.35, "FR", 2988507, "PPLC")
    a = Analysis(
        art,
        entities=(Entity("e1", "Ann", "PERSON", mentions=(Mention("Ann", 0, 3),)),
                  Entity("e2", "Paris", "PLACE", mentions=(Mention("Paris", 15, 20),), place=paris)),
        quotes=(Quote("hi", 9, 11, "direct", "said", Speaker("Ann", 0, 3, "Ann", "e1"),
                      Stance("for", 0.9), 0.2),),
        dates=(DateRef("today", 0, 5, "DATE", "2020-01-01"),),
        events=(Event("Ann", "statement", None, "Paris", None, 0, 20),),
        issue=Issue("hi", {"for": ["Ann"]}),
        tone=Tone(1.0, 2.0, 1.0, 3.0, 5),
    )  # fmt: skip
    assert store.write([a]) == 1
    counts = {t: store.count(t) for t in ("entities", "mentions", "quotes", "dates", "events")}
    assert counts == {"entities": 2, "mentions": 2, "quotes": 1, "dates": 1, "events": 1}
    assert store.get("b2") == a.to_dict()
    assert store.write([a]) == 0 and store.count("mentions") == 2


def test_ingest_examples_then_rerun(tmp_path):
    paths = [EXAMPLES / "text", EXAMPLES / "jsonl" / "articles.jsonl", EXAMPLES / "feed"]
    with Store(tmp_path / "db.duckdb") as store:
        first = ingest(paths, store, Pipeline(), batch_size=3)
        second = ingest(paths, store, Pipeline(), batch_size=3)
        assert first.stored == first.read == 15 and first.ok
        assert second.stored == 0 and second.skipped == 15
        assert store.count() == 15


def test_problems_are_stored_once(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "ok.txt").write_text("T\n\nBody.")
    with Store(tmp_path / "db.duckdb") as store:
        for _ in range(2):
            summary = ingest([tmp_path / "in"], store, Pipeline())
            assert len(summary.problems) == 1
        assert store.count() == 1 and store.count("problems") == 1
        (row,) = store.problems()
        assert row["path"].endswith("empty.txt") and row["message"] == "empty file"


def test_export_jsonl_and_parquet(tmp_path, store):
    ingest([EXAMPLES / "text"], store, Pipeline())
    (jsonl,) = store.export("jsonl", tmp_path / "out.jsonl")
    lines = [json.loads(line) for line in Path(jsonl).read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 6 and all(d["article"]["body"] for d in lines)
    files = store.export("parquet", tmp_path / "pq")
    assert pq.read_table(tmp_path / "pq" / "articles.parquet").num_rows == 6
    assert len(files) == len(TABLES)


def test_read_only_needs_a_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        Store(tmp_path / "none.duckdb", read_only=True)


class CrashAfter:
    """A stage that kills the run (as Ctrl-C or an OOM kill would) after n articles."""

    name, version, requires, assigns = "crash", 1, (), ()

    def __init__(self, n: int):
        self.left = n

    def __call__(self, analysis):
        self.left -= 1
        if self.left < 0:
            raise KeyboardInterrupt
        return analysis


def test_a_killed_run_loses_nothing_and_the_rerun_completes(tmp_path):
    lines = [
        json.dumps({"title": f"T{i}", "text": f"Body {i}.", "url": f"u{i}"}) for i in range(50)
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n")
    with Store(tmp_path / "db.duckdb") as store:
        with pytest.raises(KeyboardInterrupt):
            ingest([path], store, Pipeline(["layout", CrashAfter(25)]), batch_size=10)
        assert store.count() == 20  # two whole batches; the third was rolled back
        again = ingest([path], store, Pipeline(), batch_size=10)
        assert (again.stored, again.skipped, store.count()) == (30, 20, 50)


def test_corpus_entities_merge_aliases_across_articles(tmp_path):
    from newsprism.records import Analysis, Entity, Mention

    def article(aid: str, alias: str, source: str, date: str) -> Analysis:
        art = Pipeline(["layout"])(
            Article(id=aid, text=f"T\n\n{alias} attacked.", source=source, date=date)
        ).article
        ent = Entity(
            "is1",
            "Islamic State",
            "ORG",
            aliases=(alias,),
            mentions=(Mention(alias, 0, len(alias)),),
        )
        return Analysis(art, entities=(ent,))

    with Store(tmp_path / "c.duckdb") as store:
        store.write(
            [
                article("a", "Daesh", "AFP", "2020-01-01"),
                article("b", "IS group", "BBC", "2020-02-01"),
            ]
        )
        (row,) = store.corpus_entities()
    assert (row["name"], row["articles"], row["mentions"]) == ("Islamic State", 2, 2)
    assert sorted(row["aliases"]) == ["Daesh", "IS group"] and sorted(row["sources"]) == [
        "AFP",
        "BBC",
    ]
    assert (str(row["first_seen"]), str(row["last_seen"])) == ("2020-01-01", "2020-02-01")
