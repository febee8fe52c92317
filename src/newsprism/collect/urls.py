"""URL normalisation: one spelling per address, so the same article is never fetched twice.

Two links to one article differ in ways that do not change the page: the case of the scheme
and host, a default port, a fragment, tracking parameters added by newsletters and social
sites, and the order of the query. ``normalize_url`` removes all of these; the result is the
key of the seen-URL table. A page's ``<link rel="canonical">`` then names the article itself.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import lxml.html
from lxml import etree

# Parameters that only say where a click came from (exact names, then prefixes).
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid",
    "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "ocid", "cmpid",
    "ref_src", "ref_url", "s_cid", "sr_share", "vero_id", "oly_anon_id", "oly_enc_id",
})  # fmt: skip
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def is_tracking(name: str) -> bool:
    """True for a query parameter that only records where a click came from."""
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def normalize_url(url: str, base: str | None = None) -> str | None:
    """The one spelling of an http(s) URL (resolved against ``base``), or None if it is not one.

    Lower-cases the scheme and host, drops a default port, the fragment and tracking
    parameters, sorts what is left of the query, and writes an empty path as ``/``.
    """
    url = url.strip()
    if base:
        url = urljoin(base, url)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:  # a port that is not a number, an unbalanced IPv6 bracket
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if scheme not in _DEFAULT_PORTS or not host:
        return None
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    if parts.username or parts.password:
        userinfo = parts.username or ""
        if parts.password:
            userinfo += f":{parts.password}"
        netloc = f"{userinfo}@{netloc}"
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking(k)
    )
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


def host_of(url: str) -> str:
    """The host and port that politeness rules (rate limit, robots.txt) apply to."""
    return urlsplit(url).netloc.lower()


def canonical_link(html: str, page_url: str) -> str | None:
    """The normalised target of the page's ``<link rel="canonical">``, if it has a usable one."""
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    hrefs = tree.xpath(
        "//link[contains(concat(' ', translate(normalize-space(@rel), 'CANOICL', 'canoicl'), ' '),"
        " ' canonical ')]/@href"
    )
    for href in hrefs:
        if str(href).strip():
            return normalize_url(str(href), base=page_url)
    return None
