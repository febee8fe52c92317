"""HTML pages: main text and metadata with trafilatura; photo credits from captions."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

import lxml.html
from lxml import etree

from ..records import Article, article_id
from . import Item, ReadOptions, read_limited
from .decode import ReadError, clean_text, decode, normalize_date

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
_CREDIT = re.compile(r"(?:photo|image|picture)s?\s*(?:credits?)?\s*[:/]|credit\s*:|\bgetty\b|"
                     r"\breuters\b|\bap photo\b|\bafp\b|©", re.I)  # fmt: skip
_CREDIT_LABEL = re.compile(
    r"^\s*(?:(?:photo|image|picture)s?\s*(?:credits?)?|credits?)\s*[:/]\s*", re.I
)
_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr",
           "section", "article", "br", "figcaption", "dd", "dt"}  # fmt: skip


def page_text(data: bytes, declared: str | None = None) -> str:
    """Decode a page, honouring its ``<meta charset>`` when it has one."""
    if declared is None and (m := _CHARSET.search(data[:4096])):
        declared = m.group(1).decode("ascii", "replace")
    return decode(data, declared)


def image_credits(tree: lxml.html.HtmlElement) -> list[str]:
    """Photo credits from figure captions and elements whose class names a credit."""
    found: list[str] = []
    nodes = tree.xpath(
        "//figcaption | //*[contains(@class,'credit')] | //*[contains(@class,'caption')]"
    )
    for node in nodes:
        text = " ".join(node.text_content().split())
        if not text or len(text) > 300 or not _CREDIT.search(text):
            continue
        # a caption often ends with its credit: "Crowds gather in Nairobi. Photo: J. Doe/AP"
        label = re.search(
            r"(?:(?:photo|image|picture)s?\s*(?:credits?)?|credits?)\s*[:/]\s*(.+)$", text, re.I
        )
        credit = label.group(1).strip() if label else text
        if credit and credit not in found and not any(credit in f for f in found):
            found.append(credit)
    return found


def fragment_text(html: str) -> str:
    """The text of an HTML fragment (feed content, JSON fields), one paragraph per block."""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return html
    for bad in root.xpath("//script | //style"):
        bad.drop_tree()
    parts: list[str] = []
    current: list[str] = []

    def walk(node: lxml.html.HtmlElement) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _BLOCKS:
            flush()
        if node.text and tag:
            current.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                current.append(child.tail)
        if tag in _BLOCKS:
            flush()

    def flush() -> None:
        text = " ".join("".join(current).split())
        if text:
            parts.append(text)
        current.clear()

    walk(root)
    flush()
    return "\n\n".join(parts)


def extract(html: str, path: str, url: str | None, options: ReadOptions, fmt: str = "html",
            crawl_date: str | None = None) -> Article:  # fmt: skip
    """One page as an Article: main text, title, author, date, site name and photo credits."""
    import trafilatura

    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as e:
        raise ReadError(f"unparseable HTML: {e}") from e
    credits = image_credits(tree)
    doc = trafilatura.bare_extraction(
        tree, url=url, fast=True, include_comments=False, include_tables=False,
        with_metadata=True,
    )  # fmt: skip
    if not isinstance(doc, trafilatura.settings.Document) or not (doc.text or "").strip():
        raise ReadError("no article text found in the page")
    # trafilatura gives one block per line; newsprism bodies separate paragraphs by a blank line
    body = "\n\n".join(
        line.strip() for line in clean_text(doc.text or "").split("\n") if line.strip()
    )
    title = clean_text(doc.title).strip() if doc.title else None
    url = url or doc.url
    return Article(
        id=article_id(url, title, body),
        text=body,
        path=path,
        url=url,
        source=doc.sitename or doc.hostname,
        date=normalize_date(doc.date) or crawl_date or options.date,
        title=title,
        byline=doc.author,
        image_credits=tuple(credits),
        body=body,
        format=fmt,
        layout="separated",
    )


def parse(stream: BinaryIO, path: str, options: ReadOptions) -> Iterator[Item]:
    yield extract(page_text(read_limited(stream, options)), path, None, options)
