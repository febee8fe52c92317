"""MiniLM's contextual states as token features (newsprism.contextual, the news-accurate model)."""

from __future__ import annotations

import numpy as np
import pytest
import spacy

from newsprism import contextual
from newsprism.contextual import FEATURES, WIDTH, minilm_embed, user_data_key

LAYERS = (3, 6)


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


def test_one_row_per_token_and_none_for_whitespace(nlp):
    doc = nlp("Iraq's parliament voted on Sunday.\n\nThe U.S. said nothing.")
    (feats,) = FEATURES([doc], LAYERS)
    assert feats.shape == (len(doc), WIDTH * len(LAYERS))
    assert feats.dtype == np.float32
    for token, row in zip(doc, feats, strict=True):
        assert (np.abs(row).sum() == 0) == token.is_space, token.text


def test_context_changes_a_words_features(nlp):
    river = nlp("They sat on the bank of the river.")
    money = nlp("They robbed the bank on Friday.")
    a = FEATURES([river], LAYERS)[0][4]
    b = FEATURES([money], LAYERS)[0][3]
    assert not np.allclose(a, b, atol=1e-3)


def test_features_are_kept_on_the_doc(nlp, monkeypatch):
    doc = nlp("Kanani said the vote was binding.")
    first = FEATURES([doc], LAYERS)[0]
    assert user_data_key(LAYERS) in doc.user_data

    def fail(*args):
        raise AssertionError("computed twice")

    monkeypatch.setattr(FEATURES, "_compute", fail)
    np.testing.assert_array_equal(FEATURES([doc], LAYERS)[0], first)


def test_a_long_article_is_read_in_windows(nlp, monkeypatch):
    sentence = "The parliament in Baghdad voted to expel foreign troops from Iraq. "
    doc = nlp(sentence * 60)  # about 900 wordpieces: several windows
    monkeypatch.setattr(contextual, "BATCH", 2)
    (feats,) = FEATURES([doc], LAYERS)
    words = [i for i, t in enumerate(doc) if not t.is_space]
    assert np.all(np.abs(feats[words]).sum(axis=1) > 0)
    # The same sentence far from either end reads alike in every window it falls in.
    n = len(nlp(sentence.strip()))
    middle = feats[20 * n : 21 * n]
    later = feats[40 * n : 41 * n]
    cos = (middle * later).sum() / np.linalg.norm(middle) / np.linalg.norm(later)
    assert cos > 0.95


def test_embed_architecture_feeds_the_cnn_its_width(nlp):
    model = minilm_embed(32, ["NORM", "SHAPE"], [100, 50], include_static_vectors=False)
    docs = [nlp("Soleimani was killed near Baghdad airport."), nlp("No.")]
    model.initialize(X=docs)
    out = model.predict(docs)
    assert [o.shape for o in out] == [(len(d), 32) for d in docs]


def test_training_cache_tells_tokenizations_apart(nlp, monkeypatch):
    from spacy.tokens import Doc

    monkeypatch.setattr(FEATURES, "cache_size", 10)
    monkeypatch.setattr(FEATURES, "cache", type(FEATURES.cache)())
    two = Doc(nlp.vocab, words=["New", "York", "voted"], spaces=[True, True, False])
    one = Doc(nlp.vocab, words=["New York", "voted"], spaces=[True, False])
    assert two.text == one.text
    assert [len(f) for f in FEATURES([two, one], LAYERS)] == [3, 2]
    assert len(FEATURES.cache) == 2


def test_release_forgets_the_states(nlp):
    doc = nlp("The vote was held on Sunday.")
    FEATURES([doc], LAYERS)
    contextual.release_minilm(doc)
    assert not any(str(k).startswith("newsprism.minilm") for k in doc.user_data)
