"""Quality is gated: each evaluation must stay at or above its pinned floors.

Floors live in eval/floors/<name>.json and are raised, never silently lowered, when a
stage improves; eval/results/<name>.json holds the figures last measured. A file named
<name>@<model>.json gates the evaluation of another shipped pipeline (``evaluate(model)``).
"""

import importlib
import json

import pytest

from .conftest import REPO, SHARED

FLOORS = sorted((REPO / "eval" / "floors").glob("*.json"))


@pytest.mark.skipif(not (SHARED / "data").exists(), reason="needs ../shared/data")
@pytest.mark.parametrize("floors", FLOORS, ids=lambda p: p.stem)
def test_scores_stay_above_floors(floors):
    name, _, model = floors.stem.partition("@")
    module = importlib.import_module(f"eval.{name}")
    scores = module.evaluate(model) if model else module.evaluate()
    below = {
        metric: (scores.get(metric), floor)
        for metric, floor in json.loads(floors.read_text()).items()
        if scores.get(metric, float("-inf")) < floor
    }
    assert not below, f"below the pinned floor (got, floor): {below}"


@pytest.mark.parametrize("folder", ["articles", "articles_heldout"])
def test_team_annotations_are_consistent(folder, capsys):
    """Every annotated quote, speaker and date occurs in its article, and each article has
    four quotes and a voice on each side (eval/gold/articles/check.py)."""
    from eval.gold.articles.check import main

    path = REPO / "eval" / "gold" / folder
    assert len(list(path.glob("*.json"))) == 12
    assert main(path) == 0, capsys.readouterr().out
