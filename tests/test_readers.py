import gzip
import json
import os

import pytest

from newsprism.readers import ReadOptions, detect_format, read
from newsprism.records import Article, Problem

from .conftest import EXAMPLES, SEED


def articles(*paths, **options):
    items = list(read([str(p) for p in paths], ReadOptions(**options)))
    return [i for i in items if isinstance(i, Article)], [
        i for i in items if isinstance(i, Problem)
    ]


@pytest.mark.parametrize(
    ("name", "head", "fmt"),
    [
        ("a.txt", b"Title\n\nBody", "text"),
        ("a.html", b"", "html"),
        ("a.jsonl.gz", b'{"title": 1}', "jsonl"),
        ("feed.xml", b'<?xml version="1.0"?><rss version="2.0">', "feed"),
        ("page", b"<!DOCTYPE html><html>", "html"),
        ("x.warc.gz", b"WARC/1.0\r\n", "warc"),
        ("x.json", b"[{}]", "jsonl"),
        ("notes", b"Just some words", "text"),
    ],
)
def test_detect_format(name, head, fmt):
    assert detect_format(name, head) == fmt


def test_text_reader_reads_the_seed():
    (a,), problems = articles(SEED)
    assert not problems and a.format == "text" and a.layout == "raw"
    assert a.text.startswith("Iraqis Split")


def test_every_example_format_reads(tmp_path):
    got, problems = articles(
        EXAMPLES / "text", EXAMPLES / "html", EXAMPLES / "jsonl" / "articles.jsonl",
        EXAMPLES / "feed", EXAMPLES / "warc",
    )  # fmt: skip
    assert not problems
    formats = {a.format for a in got}
    assert formats == {"text", "html", "jsonl", "feed", "warc"}
    warc = [a for a in got if a.format == "warc"]
    assert len(warc) == 3 and all(a.url and a.url.startswith("https://") for a in warc)
    html = {a.id for a in got if a.format == "html"}
    assert {a.id for a in warc} == html  # the same page read twice gets the same id


def test_html_reader_metadata_and_credits():
    (a,), _ = articles(EXAMPLES / "html" / "01_valley_rail_reopens.html")
    assert a.title == "Valley Rail Line Reopens Eight Years After Closure"
    assert a.byline == "Fiona MacLeod" and a.date == "2024-03-14"
    assert a.source == "The Northern Ledger"
    assert a.image_credits == ("Iain Drummond / The Northern Ledger",)
    assert "Most read" not in a.body and "newsletter" not in a.body.lower()


def test_feed_items_have_dates_links_and_authors():
    got, problems = articles(EXAMPLES / "feed" / "world.rss")
    assert len(got) == 3 and not problems
    assert all(a.url and a.date and a.title and a.source for a in got)
    assert all("\n\n" in a.body for a in got)


def test_json_field_mapping():
    got, problems = articles(
        EXAMPLES / "jsonl" / "custom_fields.jsonl", field_map={"text": "story", "title": "headline"}
    )
    assert len(got) == 2 and not problems
    assert all(a.title and a.url and a.source and a.date for a in got)


def test_cp1252_text_is_decoded():
    (a,), _ = articles(EXAMPLES / "text" / "05_valencia_fishermen_protest.txt")
    assert "José Ramírez" in a.text and "“" in a.text


def test_mojibake_is_repaired_and_good_text_kept(tmp_path):
    # an export whose titles went through a wrong decode twice, as 284 AllSides articles did
    path = tmp_path / "a.jsonl"
    rows = [
        {"title": "Romney, Obama locked in a duel for OhioÃ¢â‚¬â„¢s voters", "text": "Body."},
        {"title": "Voters Who Are Ã¢â‚¬â€\x9d Literally Ã¢â‚¬â€\x9d Done", "text": "It isnâ€™t."},
        {"title": "Café’s São Paulo déjà vu – “Olé”", "text": "Body."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    got, _ = articles(path)
    assert [a.title for a in got] == [
        "Romney, Obama locked in a duel for Ohio’s voters",
        "Voters Who Are — Literally — Done",
        "Café’s São Paulo déjà vu – “Olé”",
    ]
    assert got[1].text == "It isn’t."


def test_utf16_with_bom(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Título\n\nCuerpo del artículo.".encode("utf-16"))
    (a,), _ = articles(path)
    assert a.text.startswith("Título")


def test_gz_is_transparent(tmp_path):
    path = tmp_path / "a.jsonl.gz"
    with gzip.open(path, "wt") as f:
        f.write(json.dumps({"title": "T", "text": "Body text here."}) + "\n")
    (a,), _ = articles(path)
    assert a.body == "Body text here."


def test_stdin(monkeypatch, tmp_path):
    import io
    import sys

    fake = io.TextIOWrapper(io.BufferedReader(io.BytesIO(b'{"title": "T", "text": "B"}\n')))
    monkeypatch.setattr(sys, "stdin", fake)
    (a,), _ = articles("-")
    assert a.title == "T" and a.path == "-"


# -- bad input: each a clear one-line problem naming the item; the rest is still read ----


def _one_problem(problems, contains):
    assert len(problems) == 1, problems
    p = problems[0]
    assert contains in p.message and "\n" not in p.describe()
    return p


def test_empty_file_and_good_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_text("Title\n\nA body.")
    got, problems = articles(tmp_path)
    assert len(got) == 1
    assert _one_problem(problems, "empty file").path.endswith("empty.txt")


def test_binary_file(tmp_path):
    (tmp_path / "image.txt").write_bytes(bytes(range(256)) * 40)
    got, problems = articles(tmp_path)
    assert not got
    _one_problem(problems, "binary")


def test_undecodable_bytes(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\x81\x8d\x8f\x90\x9d" * 50 + b"\xff\xfe\xfd" * 50)
    got, problems = articles(tmp_path)
    assert not got
    assert problems[0].stage == "read"


def test_truncated_gzip_keeps_what_was_read(tmp_path):
    lines = [json.dumps({"title": f"T{i}", "text": f"Body number {i}. " * 200}) for i in range(300)]
    data = gzip.compress("\n".join(lines).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    got, problems = articles(path)
    assert 0 < len(got) < 300
    _one_problem(problems, "truncated")


def test_malformed_json_lines(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(
        '{"title": "A", "text": "ok"}\n{"title": \n[1, 2]\n{"title": "B"}\n{"text": "ok too"}\n'
    )
    got, problems = articles(path)
    assert len(got) == 2
    assert [p.item for p in problems] == ["line 2", "line 3", "line 4"]
    assert "malformed JSON" in problems[0].message
    assert "no article text" in problems[2].message


def test_markup_with_no_text_is_a_problem(tmp_path):
    """Found by the fuzz test: a story that opens like a tag ("<Workers at ...") and holds no
    text once the markup is removed is recorded, not stored as an empty article."""
    path = tmp_path / "a.jsonl"
    path.write_text('{"title": "A", "story": "<Workers at a mine"}\n{"title": "B", "text": "ok"}\n')
    got, problems = articles(path)
    assert [a.title for a in got] == ["B"]
    assert [p.item for p in problems] == ["line 1"] and "empty" in problems[0].message


def test_oversized_page_is_refused(tmp_path):
    path = tmp_path / "huge.html"
    path.write_bytes(b"<html><body>" + b"<p>word word word</p>" * 2_500_000 + b"</body></html>")
    assert path.stat().st_size > 50_000_000
    (tmp_path / "ok.txt").write_text("Title\n\nBody.")
    got, problems = articles(tmp_path)
    assert len(got) == 1
    _one_problem(problems, "too large")


def test_truncated_warc(tmp_path):
    data = (EXAMPLES / "warc" / "pages.warc.gz").read_bytes()
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: int(len(data) * 0.6)])
    got, problems = articles(path)
    assert len(got) >= 1
    assert len(problems) == 1 and problems[0].stage == "read"


def test_unreadable_entries_in_a_directory(tmp_path):
    (tmp_path / "good.txt").write_text("Title\n\nBody.")
    os.symlink(tmp_path / "missing.txt", tmp_path / "dangling.txt")
    got, problems = articles(tmp_path)
    assert len(got) == 1
    p = _one_problem(problems, "cannot open")
    assert p.path.endswith("dangling.txt")


def test_missing_path():
    got, problems = articles("/nonexistent/file.txt")
    assert not got
    _one_problem(problems, "cannot open")


def test_feed_without_items(tmp_path):
    path = tmp_path / "x.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>'
    )
    got, problems = articles(path)
    _one_problem(problems, "no feed items")


def test_feed_authors_without_names_do_not_break_the_byline():
    from newsprism.readers.feed import _author

    assert _author({"authors": [{"name": None}, {}, {"name": "Ann Lee"}]}) == "Ann Lee"
    assert _author({"author": "Bo Chen", "authors": [{"name": None}]}) == "Bo Chen"
    assert _author({"authors": None}) == ""
