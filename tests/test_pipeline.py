import pytest

from newsprism import Pipeline
from newsprism.records import Analysis, Article, Problem


class Boom:
    name, version, requires, assigns = "boom", 1, ("article.body",), ("nothing",)

    def __call__(self, analysis: Analysis) -> Analysis:
        raise RuntimeError("kaput")


def test_a_failing_stage_becomes_a_problem_and_the_batch_goes_on():
    pipeline = Pipeline(["layout", Boom()])
    items = [Article(id="1", text="T\n\nBody one."), Problem("read", "empty file", "x.txt"),
             Article(id="2", text="T\n\nBody two.")]  # fmt: skip
    out = list(pipeline.stream(items))
    assert [type(o).__name__ for o in out] == ["Analysis", "Problem", "Analysis"]
    assert out[0].problems[0].stage == "boom" and "kaput" in out[0].problems[0].message
    assert out[2].article.body == "Body two."


def test_strict_mode_reraises():
    with pytest.raises(RuntimeError):
        Pipeline(["layout", Boom()], strict=True)(Article(id="1", text="x"))


def test_stage_order_is_checked():
    with pytest.raises(ValueError, match="needs article.body"):
        Pipeline([Boom()])


def test_unknown_stage():
    with pytest.raises(ValueError, match="unknown stage"):
        Pipeline(["nope"])


def test_registry_snapshot():
    from newsprism.stages import DEFAULT_STAGES, REGISTRY

    assert set(DEFAULT_STAGES) <= set(REGISTRY)
    assert Pipeline().names == [f"{n}@{REGISTRY[n]().version}" for n in DEFAULT_STAGES]
