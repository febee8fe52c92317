"""Fuzzing: every reader and the pipeline under random, broken and hostile inputs.

Random bytes, the team's example files mutated (cut short, bytes flipped, control characters
and foreign encodings spliced in), deep nesting and giant lines: no crash, no hang, and
everything that cannot be read comes back as a Problem. Stages run strictly here, so that a
stage raising on odd text fails the test instead of hiding as a recorded problem.

The CI run tries a few thousand cases; ``--runslow`` runs each property ten times longer.
"""

from __future__ import annotations

import gzip
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism import Pipeline
from newsprism.readers import ReadOptions, read
from newsprism.records import Analysis, Article, Problem

from .conftest import EXAMPLES

STAGES = ("layout", "dates", "tone")  # the parse stage needs the model; fuzz it elsewhere
HANG_S = 30  # a case running longer than this is a hang, not a slow machine
SUFFIX = {"text": ".txt", "jsonl": ".jsonl", "html": ".html", "feed": ".rss", "warc": ".warc",
          "text.gz": ".txt.gz", "warc.gz": ".warc.gz"}  # fmt: skip


def _seeds() -> dict[str, list[bytes]]:
    warcs = [p.read_bytes() for p in sorted((EXAMPLES / "warc").glob("*.warc.gz"))]
    texts = [p.read_bytes() for p in sorted((EXAMPLES / "text").glob("*.txt"))]
    return {
        "text": texts,
        "jsonl": [p.read_bytes() for p in sorted((EXAMPLES / "jsonl").glob("*.jsonl"))],
        "html": [p.read_bytes() for p in sorted((EXAMPLES / "html").glob("*.html"))],
        "feed": [p.read_bytes() for p in sorted((EXAMPLES / "feed").glob("*"))],
        "warc": [gzip.decompress(w) for w in warcs],
        "text.gz": [gzip.compress(t, mtime=0) for t in texts],
        "warc.gz": warcs,
    }


SEEDS = _seeds()
PIPELINE = Pipeline(STAGES, strict=True)
DEFAULT_READ = ReadOptions()
CONTROLS = st.binary(min_size=1, max_size=8).map(lambda b: bytes(x % 32 for x in b))
NASTY = st.sampled_from([b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\xe2\x80", b"\r", b"\x85",
                         "\u2028".encode(), b"<", b"]]>", b"{", b'"',
                         b"\\u0000", b"&#0;", b"&#x110000;", b"<![CDATA[", b"WARC/1.0\r\n"])  # fmt: skip
ENCODINGS = st.sampled_from(["cp1252", "latin-1", "utf-16", "utf-16-be", "shift_jis", "koi8-r",
                             "utf-32", "gb18030"])  # fmt: skip


@contextmanager
def hang_guard(seconds: int = HANG_S) -> Iterator[None]:
    """Fail a case that runs too long: hypothesis's deadline only fires after it returns."""

    def fire(signum: int, frame: object) -> None:
        raise TimeoutError(f"hung for over {seconds} s")

    previous = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check_analysis(a: Analysis) -> None:
    body = a.article.body
    assert isinstance(body, str)
    for d in a.dates:
        assert 0 <= d.start <= d.end <= len(body) and body[d.start : d.end] == d.text
    if a.tone is not None:
        assert a.tone.words >= 0


def read_and_analyse(tmp: Path, fmt: str, data: bytes, options: ReadOptions) -> None:
    """The property: reading gives Articles and Problems only, and each Article analyses."""
    path = tmp / f"case{SUFFIX[fmt]}"
    path.write_bytes(data)
    with hang_guard():
        items = list(read([path], options))
        for item in items:
            assert isinstance(item, (Article, Problem)), item
            if isinstance(item, Problem):
                assert item.message and item.path == str(path)
                continue
            assert item.text.strip() and len(item.id) == 16
            check_analysis(PIPELINE(item))


@st.composite
def mutated(draw: st.DrawFn, fmt: str) -> bytes:
    """An example file of the format, damaged in one to four ways."""
    data = bytearray(draw(st.sampled_from(SEEDS[fmt])))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        how = draw(st.sampled_from(["cut", "flip", "insert", "controls", "duplicate", "encode"]))
        if how == "cut":
            del data[at:]
        elif how == "flip" and at < len(data):
            data[at] ^= draw(st.integers(1, 255))
        elif how == "insert":
            data[at:at] = draw(st.one_of(NASTY, st.binary(max_size=64)))
        elif how == "controls":
            data[at:at] = draw(CONTROLS)
        elif how == "duplicate":
            end = draw(st.integers(at, min(len(data), at + 2048)))
            data[end:end] = data[at:end]
        elif how == "encode":
            text = bytes(data).decode("utf-8", "replace")
            data = bytearray(text.encode(draw(ENCODINGS), "replace"))
    return bytes(data)


def hostile(fmt: str) -> st.SearchStrategy[bytes]:
    """Deep nesting, giant lines and floods of markup, shaped for the format."""
    n = st.integers(1, 50_000)
    deep = {
        "jsonl": n.map(lambda k: b"[" * k + b"]" * k),
        "html": n.map(lambda k: b"<html><body>" + b"<div><p>word " * k),
        "feed": n.map(lambda k: b"<rss><channel>" + b"<item><description>x" * k),
    }.get(fmt, n.map(lambda k: b"(" * k))
    giant = st.integers(100_000, 2_000_000).map(lambda k: b"Title\n\n" + b"word " * (k // 5))
    one_line = st.integers(100_000, 1_000_000).map(lambda k: b'{"text": "' + b"a" * k + b'"}')
    return st.one_of(deep, giant, one_line)


def fuzz(strategy: st.SearchStrategy[bytes], fmt: str, examples: int, tmp: Path,
         options: ReadOptions = DEFAULT_READ) -> None:  # fmt: skip
    @settings(max_examples=examples, deadline=timedelta(seconds=HANG_S), database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                     HealthCheck.large_base_example])  # fmt: skip
    @given(strategy)
    def run(data: bytes) -> None:
        read_and_analyse(tmp, fmt, data, options)

    run()


def scale(ci: int) -> list[object]:
    """The CI count, and ten times that behind --runslow."""
    return [ci, pytest.param(10 * ci, marks=pytest.mark.slow, id="long")]


@pytest.fixture(scope="module")
def tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.mark.parametrize("examples", scale(100))
@pytest.mark.parametrize("fmt", list(SUFFIX))
def test_random_bytes(fmt: str, examples: int, tmp: Path) -> None:
    fuzz(st.binary(max_size=4096), fmt, examples, tmp)


@pytest.mark.parametrize("examples", scale(250))
@pytest.mark.parametrize("fmt", list(SUFFIX))
def test_damaged_examples(fmt: str, examples: int, tmp: Path) -> None:
    fuzz(mutated(fmt), fmt, examples, tmp)


@pytest.mark.parametrize("examples", scale(10))
@pytest.mark.parametrize("fmt", ["text", "jsonl", "html", "feed"])
def test_deep_nesting_and_giant_lines(fmt: str, examples: int, tmp: Path) -> None:
    fuzz(hostile(fmt), fmt, examples, tmp, ReadOptions(max_bytes=1_500_000))


ARTICLE_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from("\n\r\t .,-—“”'"),
    max_size=3000,
)


@pytest.mark.parametrize("examples", scale(500))
@pytest.mark.parametrize("layout", ["raw", "separated", "exact"])
def test_the_pipeline_on_any_text(layout: str, examples: int) -> None:
    @settings(max_examples=examples, deadline=timedelta(seconds=HANG_S), database=None,
              suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
    @given(ARTICLE_TEXT, st.one_of(st.none(), st.dates().map(str)))
    def run(text: str, date: str | None) -> None:
        article = Article(id="x", text=text, body="" if layout == "raw" else text, date=date,
                          title=None if layout == "raw" else "T", layout=layout)  # fmt: skip
        with hang_guard():
            check_analysis(PIPELINE(article))

    run()
