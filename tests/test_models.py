"""Tests for the shipped news pipeline and the news tokenizer (fast: one model load)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import spacy

from newsprism.models import ModelNotFoundError, load, model_path
from newsprism.names import COMPONENT as PERSON_NAMES
from newsprism.names import person_names
from newsprism.tokenizer import customize_tokenizer

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_b9e8d1aa8b426156.txt"
if not SEED.exists():
    SEED = Path("/work/shared/seed/000_b9e8d1aa8b426156.txt")


@pytest.fixture(scope="module")
def news_tokenizer():
    nlp = spacy.blank("en")
    customize_tokenizer(nlp)
    return nlp.tokenizer


@pytest.fixture(scope="module")
def nlp():
    return load()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ahmed al-Kanani said", ["Ahmed", "al-Kanani", "said"]),
        ("the U.S. and Iran", ["the", "U.S.", "and", "Iran"]),
        ("the U.S.-led coalition", ["the", "U.S.-led", "coalition"]),
        ("“We don’t want them.”", ["“", "We", "do", "n’t", "want", "them", ".", "”"]),
        ("‘no’", ["‘", "no", "’"]),
        ("stated explicitly—they ordered", ["stated", "explicitly", "—", "they", "ordered"]),
        ("BAGHDAD (AP) — The", ["BAGHDAD", "(", "AP", ")", "—", "The"]),
        ("Baghdad’s airport", ["Baghdad", "’s", "airport"]),
        ("Lt. Col. Smith", ["Lt.", "Col.", "Smith"]),
        ("1990–2000", ["1990", "–", "2000"]),
        ("Chambliss, R-Ga., said", ["Chambliss", ",", "R-Ga.", ",", "said"]),
    ],
)
def test_news_tokenizer(news_tokenizer, text, expected):
    assert [t.text for t in news_tokenizer(text)] == expected


def test_model_uses_news_tokenizer(nlp):
    assert [t.text for t in nlp.tokenizer("al-Kanani of the U.S.")] == [
        "al-Kanani",
        "of",
        "the",
        "U.S.",
    ]
    # the party tags the loaded pipeline adds to its saved tokenizer's rules
    assert [t.text for t in nlp.tokenizer("(D-Mass.)")] == ["(", "D-Mass.", ")"]


def test_missing_model_has_clear_error():
    with pytest.raises(ModelNotFoundError, match="make models"):
        model_path("no-such-model")


def test_load_is_cached(nlp):
    assert load() is nlp
    assert {"tagger", "morphologizer", "parser", "lemmatizer", "ner"} <= set(nlp.pipe_names)


def test_loads_offline_in_fresh_process():
    code = (
        "import socket\n"
        "def no_net(*a, **k): raise OSError('network used')\n"
        "socket.socket.connect = no_net\n"
        "socket.create_connection = no_net\n"
        "from newsprism.models import load\n"
        "doc = load()('Ahmed al-Kanani met officials in Baghdad.')\n"
        "print([(e.text, e.label_) for e in doc.ents])\n"
    )
    src = str(Path(__file__).resolve().parents[1] / "src")
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": src, "PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1"},
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert "al-Kanani" in out.stdout


@pytest.mark.parametrize("model", ["news", "news-accurate"])
def test_seed_entities(model):
    doc = load(model)(SEED.read_text(encoding="utf8"))
    assert not doc.user_data.get("newsprism.minilm.3,6")  # news-accurate drops MiniLM's states
    ents = {(e.text, e.label_) for e in doc.ents}
    for name in ("Qassem Soleimani", "Abu Mahdi al-Muhandis", "Ahmed al-Kanani", "Khalid Alrawi"):
        assert (name, "PERSON") in ents, name
    orgs = {text for text, label in ents if label == "ORG"}
    assert any("Popular Mobilization Forces" in t for t in orgs), orgs
    assert "Pentagon" in orgs


def test_sentence_splitting(nlp):
    text = (
        "The strike killed Soleimani on Friday. Iraqi lawmakers then voted to expel U.S. troops. "
        "“We don’t want them anymore,” he said. Others disagree."
    )
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents == [
        "The strike killed Soleimani on Friday.",
        "Iraqi lawmakers then voted to expel U.S. troops.",
        "“We don’t want them anymore,” he said.",
        "Others disagree.",
    ]


def test_tags_parse_and_lemmas(nlp):
    doc = nlp("The lawmakers voted to expel the troops.")
    assert [t.pos_ for t in doc][:3] == ["DET", "NOUN", "VERB"]
    assert doc[2].dep_ == "ROOT"
    assert doc[1].head.i == 2
    assert doc[1].lemma_ == "lawmaker" and doc[2].lemma_ == "vote"


def test_speed_up_changes_no_prediction(nlp):
    """OpenBLAS matrix products and the word-vector cache give the same parse as spaCy's defaults."""
    from newsprism.models import WordVectorCache

    assert isinstance(nlp.vocab.vectors, WordVectorCache)
    text = SEED.read_text(encoding="utf8")
    plain = spacy.load(model_path())  # BLIS products, floret hashing on every lookup
    plain.add_pipe(PERSON_NAMES, after="ner")
    assert not isinstance(plain.vocab.vectors, WordVectorCache)

    def analysis(doc):
        return [(t.tag_, str(t.morph), t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]

    assert analysis(nlp(text)) == analysis(plain(text))
    assert analysis(nlp(text)) == analysis(plain(text))  # again, with the cache warm


def test_word_vector_cache_matches_the_table_when_full(nlp):
    from newsprism.models import WordVectorCache

    table = nlp.vocab.vectors.table
    cache = WordVectorCache(table, capacity=4)
    keys = [nlp.vocab.strings.add(w) for w in "the parliament voted to expel the troops".split()]
    for batch in (keys[:3], keys[:3], keys[2:5], keys):  # hits, misses, a refill, too many
        assert (cache.get_batch(batch) == table.get_batch(batch)).all()
    assert len(cache.rows) <= 4


def test_parse_remembers_its_text(nlp):
    from newsprism.stages.parse import parse
    from newsprism.syntax import doc_text

    text = "First paragraph, said Ahmed.\n\n  Second one.\n\nThird\n"
    doc = parse(nlp, text)
    assert doc_text(doc) == doc.text == text
    standalone = nlp("A quote parsed alone.")
    assert doc_text(standalone) == "A quote parsed alone."


def test_the_model_setting_chooses_the_pipeline(monkeypatch):
    from newsprism.config import Settings
    from newsprism.models import default_name

    monkeypatch.setenv("NEWSPRISM_MODEL", "")  # restored afterwards, whatever apply() sets
    assert default_name() == "news"
    with pytest.raises(ModelNotFoundError, match="no-such-model"):
        Settings(model="no-such-model")
    Settings(model="news").apply()
    assert default_name() == "news" and load() is load("news")


def _doc(nlp, text, ents):
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(text.index(t), text.index(t) + len(t), label=lab) for t, lab in ents]
    return doc


def test_person_names_across_a_document(nlp):
    """A lone first or last name of a person named in full is that person, in any sentence."""
    first = _doc(nlp, "Julius Nyerere met Pirelli in Arusha.",
                 [("Julius Nyerere", "PERSON"), ("Pirelli", "ORG"), ("Arusha", "PLACE")])  # fmt: skip
    second = _doc(nlp, "Nyerere said Julius Baer and Ms Nyerere agreed with Luca Pirelli.",
                  [("Luca Pirelli", "PERSON")])  # fmt: skip
    third = _doc(nlp, "Will Smith won. Will they come?", [("Will Smith", "PERSON")])
    person_names([first, second])
    person_names([third])
    assert [(e.text, e.label_) for e in first.ents] == [
        ("Julius Nyerere", "PERSON"), ("Pirelli", "PERSON"), ("Arusha", "PLACE")]  # fmt: skip
    # "Julius Baer" runs on into another capitalised word; "Ms Nyerere" likewise
    assert [e.text for e in second.ents] == ["Nyerere", "Luca Pirelli"]
    # "Will" is a common word before it is a name
    assert [e.text for e in third.ents] == ["Will Smith"]


def test_person_names_leaves_documents_without_full_names(nlp):
    doc = _doc(nlp, "Jordan beat Nyerere.", [("Jordan", "PLACE")])
    person_names([doc])
    assert [(e.text, e.label_) for e in doc.ents] == [("Jordan", "PLACE")]


def test_person_names_runs_after_the_ner(nlp):
    names = nlp.pipe_names
    assert names.index(PERSON_NAMES) == names.index("ner") + 1
    doc = nlp("Khalid Alrawi, a Sunni lawmaker, spoke. Later Alrawi left for Mosul.")
    assert [e.label_ for e in doc.ents if e.text == "Alrawi"] == ["PERSON"]
