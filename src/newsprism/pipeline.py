"""A pipeline: named stages run in order on one article or a stream of them.

A stage that raises on an article records a Problem for that article and the rest of the
pipeline (and of the batch) goes on; ``strict=True`` re-raises instead, for tests.

An article may have a time limit (``timeout_s``): a stage still running when it is spent is
interrupted, a Problem says so, the stages after it are skipped, and the article keeps what
the earlier stages found. The interrupt is a ``SIGALRM`` timer, which works in a process's
main thread (the CLI, a pool worker) on Unix; elsewhere the limit is checked between stages,
so a slow stage finishes but the ones after it are skipped.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from types import FrameType

from .records import Analysis, Article, Problem
from .stages import DEFAULT_STAGES, REGISTRY, Stage


class ArticleTimeout(BaseException):
    """The article's time is up. A BaseException, so a stage's ``except Exception`` can't eat it."""


class Pipeline:
    def __init__(
        self,
        stages: Sequence[str | Stage] = DEFAULT_STAGES,
        strict: bool = False,
        timeout_s: float | None = None,
    ):
        self.stages: list[Stage] = [self._build(s) for s in stages]
        self.strict = strict
        self.timeout_s = timeout_s  # per article; None: no limit
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

    def __call__(self, article: Article, timings: dict[str, float] | None = None) -> Analysis:
        """Analyse one article; ``timings``, when given, accumulates seconds per stage name."""
        analysis = Analysis(article=article)
        started = time.perf_counter()
        index = 0
        try:
            with _alarm(self.timeout_s):
                for index, stage in enumerate(self.stages):  # noqa: B007 - read after a timeout
                    if self.timeout_s and time.perf_counter() - started > self.timeout_s:
                        analysis = self._timed_out(analysis, index, interrupted=False)
                        break
                    analysis = self._run(stage, analysis, timings)
                index = len(self.stages)
        except ArticleTimeout:
            if index < len(self.stages):  # else it fired just after the last stage: moot
                analysis = self._timed_out(analysis, index, interrupted=True)
        return replace(analysis, doc=None)  # the parse stays inside the pipeline

    def _run(self, stage: Stage, analysis: Analysis, timings: dict[str, float] | None) -> Analysis:
        start = time.perf_counter()
        try:
            return stage(analysis)
        except Exception as e:  # noqa: BLE001 - any stage failure becomes a recorded problem
            if self.strict:
                raise
            article = analysis.article
            problem = Problem(stage.name, f"{type(e).__name__}: {e}", article.path,
                              article_id=article.id)  # fmt: skip
            return replace(analysis, problems=(*analysis.problems, problem))
        finally:
            if timings is not None:
                timings[stage.name] = timings.get(stage.name, 0.0) + time.perf_counter() - start

    def _timed_out(self, analysis: Analysis, index: int, interrupted: bool) -> Analysis:
        """The article's time is spent in (or before) stage ``index``: say so, skip the rest."""
        skipped = [s.name for s in self.stages[index + int(interrupted) :]]
        message = f"time limit: the article took over {self.timeout_s:g} s"
        if interrupted:
            message += " and this stage was stopped"
        if skipped:
            message += f"; skipped {', '.join(skipped)}"
        if self.strict:
            raise TimeoutError(message)
        article = analysis.article
        problem = Problem(self.stages[index].name, message, article.path, article_id=article.id)
        return replace(analysis, problems=(*analysis.problems, problem))

    def stream(self, items: Iterable[Article | Problem]) -> Iterator[Analysis | Problem]:
        """Analyse every Article of a stream; Problems pass through unchanged."""
        for item in items:
            yield self(item) if isinstance(item, Article) else item


@contextmanager
def _alarm(seconds: float | None) -> Iterator[None]:
    """Raise ArticleTimeout in the running code after ``seconds``, where a timer can do it.

    Only in the main thread (signal handlers run there), on systems with ``setitimer``, and
    when no other timer is running (one we would clobber); otherwise nothing is armed and the
    pipeline's check between stages is the limit.
    """
    usable = (
        seconds
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    )
    if not usable:
        yield
        return
    armed = True

    def fire(signum: int, frame: FrameType | None) -> None:
        nonlocal armed
        if armed:  # once only, and never after the pipeline has left the article
            armed = False
            raise ArticleTimeout

    previous = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, float(seconds or 0))
    try:
        yield
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
