"""A pipeline: named stages run in order on one article or a stream of them.

A stage that raises on an article records a Problem for that article and the rest of the
pipeline (and of the batch) goes on; ``strict=True`` re-raises instead, for tests.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from .records import Analysis, Article, Problem
from .stages import DEFAULT_STAGES, REGISTRY, Stage


class Pipeline:
    def __init__(self, stages: Sequence[str | Stage] = DEFAULT_STAGES, strict: bool = False):
        self.stages: list[Stage] = [self._build(s) for s in stages]
        self.strict = strict
        self._check_order()

    @staticmethod
    def _build(stage: str | Stage) -> Stage:
        if not isinstance(stage, str):
            return stage
        if stage not in REGISTRY:
            known = ", ".join(REGISTRY)
            raise ValueError(f"unknown stage {stage!r}; the stages are: {known}")
        return REGISTRY[stage]()

    def _check_order(self) -> None:
        available = {"article.text", "article.metadata"}
        for stage in self.stages:
            missing = [need for need in stage.requires if need not in available]
            if missing:
                raise ValueError(f"stage {stage.name!r} needs {', '.join(missing)}, "
                                 "which no earlier stage assigns")  # fmt: skip
            available.update(stage.assigns)

    @property
    def names(self) -> list[str]:
        return [f"{s.name}@{s.version}" for s in self.stages]

    def __call__(self, article: Article) -> Analysis:
        analysis = Analysis(article=article)
        for stage in self.stages:
            try:
                analysis = stage(analysis)
            except Exception as e:  # noqa: BLE001 - any stage failure becomes a recorded problem
                if self.strict:
                    raise
                problem = Problem(stage.name, f"{type(e).__name__}: {e}", article.path,
                                  article_id=article.id)  # fmt: skip
                analysis = replace(analysis, problems=(*analysis.problems, problem))
        return replace(analysis, doc=None)  # the parse stays inside the pipeline

    def stream(self, items: Iterable[Article | Problem]) -> Iterator[Analysis | Problem]:
        """Analyse every Article of a stream; Problems pass through unchanged."""
        for item in items:
            yield self(item) if isinstance(item, Article) else item
