"""Bytes to text: UTF-8 first, then charset detection; binary input is refused."""

from __future__ import annotations

import codecs
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import charset_normalizer
import ftfy


class ReadError(Exception):
    """An input item that cannot be read; its message becomes the problem's message."""


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13, 27}
_DROP_CONTROLS = dict.fromkeys([*range(9), 11, 12, *range(14, 32), 127])


def looks_binary(data: bytes) -> bool:
    """True when the first 8 KB hold NUL bytes or many control bytes (images, archives)."""
    head = data[:8192]
    if not head or any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in head:
        return True
    return sum(b in _CONTROL for b in head) > len(head) * 0.05


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode an article's bytes, trying a BOM, the declared charset, UTF-8, then detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    candidates = [declared] if declared else []
    for encoding in [*candidates, "utf-8"]:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if "\x00" in text[:8192]:
            raise ReadError("binary content, not text")
        return text
    if looks_binary(data):
        raise ReadError("binary content, not text")
    matches = charset_normalizer.from_bytes(data[:1_000_000])
    best = matches.best()
    if best is None or best.encoding is None:
        raise ReadError("undecodable bytes: no text encoding fits")
    # Single-byte code pages often tie; Windows-1252 is by far the commonest on the web.
    tied = {m.encoding for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)}
    return data.decode("cp1252" if "cp1252" in tied else best.encoding, errors="replace")


# a character UTF-8 encodes in two or three bytes, decoded as Windows-1252: "Ã©", "â€™"
_MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152-\u0192\u02c6\u02dc\u2013-\u2122]")


def clean_text(text: str) -> str:
    """Normalise line endings, repair text that was UTF-8 read as Windows-1252, once or more
    ("OhioÃ¢â‚¬â„¢s" -> "Ohio’s", by ftfy, only where such a pair occurs), and drop control
    characters that break displays and stores."""
    if _MOJIBAKE.search(text):
        text = ftfy.fix_encoding(text)
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_DROP_CONTROLS)


def normalize_date(value: object) -> str | None:
    """An ISO date (YYYY-MM-DD) from the shapes feeds and exports use, or None."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)):
        if not 0 < value < 4e10:
            return None
        return datetime.fromtimestamp(value, tz=UTC).date().isoformat()
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in ("%Y/%m/%d", "%d.%m.%Y", "%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%Y%m%d"):
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None
