"""JSON Lines (or one JSON array): one article per object, common field names mapped."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..records import Article, Problem, article_id
from . import Item, ReadOptions, read_limited
from .decode import ReadError, clean_text, decode, normalize_date

# Our field -> the keys news exports use for it, tried in order. ``ReadOptions.field_map``
# puts a user's own key first.
FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "name"),
    "text": ("text", "content", "body", "content_original", "maintext", "article", "story"),
    "date": ("date", "published", "publish_date", "date_publish", "pubDate", "published_at",
             "datetime", "timestamp"),
    "url": ("url", "link", "source_url", "canonical_url"),
    "source": ("source", "source_name", "site", "sitename", "publisher", "outlet", "domain"),
    "authors": ("authors", "author", "byline", "creator"),
}  # fmt: skip


def _field(obj: dict[str, Any], name: str, options: ReadOptions) -> Any:
    keys = FIELDS[name]
    if name in options.field_map:
        keys = (options.field_map[name], *keys)
    for key in keys:
        value = obj.get(key)
        if value not in (None, "", []):
            return value
    return None


def _string(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if v) or None
    if isinstance(value, dict):
        return _string(value.get("name") or value.get("title"))
    return str(value).strip() or None


def to_article(obj: Any, path: str, item: str, options: ReadOptions) -> Item:
    """One JSON object as an Article, or a Problem saying what is missing."""
    if not isinstance(obj, dict):
        return Problem("read", f"expected a JSON object, got {type(obj).__name__}", path, item)
    text = _string(_field(obj, "text", options))
    if not text:
        keys = ", ".join(sorted(obj)[:8])
        return Problem("read", f"no article text (keys: {keys}); map one with --field text=KEY",
                       path, item)  # fmt: skip
    if text.lstrip().startswith("<"):
        from .html import fragment_text

        text = fragment_text(text)
    text = clean_text(text).strip()
    if not text:  # "<Workers at ...": markup with no text in it
        return Problem("read", "the article text is empty once its markup is removed", path, item)
    title = _string(_field(obj, "title", options))
    title = clean_text(title) if title else None
    url = _string(_field(obj, "url", options))
    return Article(
        id=article_id(url, title, text),
        text=text,
        path=path,
        url=url,
        source=_string(_field(obj, "source", options)),
        date=normalize_date(_field(obj, "date", options)) or options.date,
        title=title,
        byline=_string(_field(obj, "authors", options)),
        body=text,
        format="jsonl",
        layout="separated",
    )


def parse(stream: BinaryIO, path: str, options: ReadOptions) -> Iterator[Item]:
    if stream.peek(64).lstrip()[:1] == b"[":  # type: ignore[attr-defined]
        try:
            objects = json.loads(decode(read_limited(stream, options)))
        except json.JSONDecodeError as e:
            raise ReadError(f"malformed JSON: {e}") from e
        except RecursionError as e:  # json recurses per level: [[[[...]]]] exhausts the stack
            raise ReadError("malformed JSON: nested too deeply") from e
        items = objects if isinstance(objects, list) else [objects]
        for n, obj in enumerate(items, 1):
            yield to_article(obj, path, f"item {n}", options)
        return
    for n, line in enumerate(stream, 1):
        if not line.strip():
            continue
        item = f"line {n}"
        if len(line) > options.max_bytes:
            yield Problem(
                "read", f"too large: over the {options.max_bytes:,}-byte limit", path, item
            )
            continue
        try:
            obj = json.loads(decode(line))
        except (json.JSONDecodeError, ReadError) as e:
            yield Problem("read", f"malformed JSON: {e}", path, item)
            continue
        except RecursionError:
            yield Problem("read", "malformed JSON: nested too deeply", path, item)
            continue
        yield to_article(obj, path, item, options)
