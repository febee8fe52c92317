"""An article body as HTML with its entity mentions and quotes marked up.

Mentions and quotes may overlap (a quote names people), so the body is cut at every span
boundary and each piece carries the classes of every span that covers it: no nesting to
get wrong, and the text is escaped piece by piece.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape


def _title(q: dict[str, Any]) -> str:
    sp = q.get("speaker") or {}
    who = sp.get("name") or sp.get("text") or "unknown speaker"
    role = ", ".join(v for v in (sp.get("role"), sp.get("affiliation")) if v)
    side = (q.get("stance") or {}).get("label")
    return f"{who}{f' ({role})' if role else ''}{f' — side: {side}' if side else ''}"


def highlight(body: str, entities: list[dict[str, Any]], quotes: list[dict[str, Any]]) -> Markup:
    spans: list[tuple[int, int, str, str]] = []  # start, end, classes, hover text
    for e in entities:
        for m in e.get("mentions") or []:
            if m.get("field", "body") == "body" and 0 <= m["start"] < m["end"] <= len(body):
                spans.append(
                    (m["start"], m["end"], f"ent ent-{e['type']}", f"{e['name']} ({e['type']})")
                )
    for q in quotes:
        if 0 <= q["start"] < q["end"] <= len(body):
            side = (q.get("stance") or {}).get("label") or "none"
            spans.append((q["start"], q["end"], f"quote side-{side}", _title(q)))
    cuts = sorted({0, len(body), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = [s for s in spans if s[0] <= a and b <= s[1]]
        text = escape(body[a:b])
        if not covering:
            out.append(text)
            continue
        classes = " ".join(dict.fromkeys(c for s in covering for c in s[2].split()))
        hover = " | ".join(dict.fromkeys(s[3] for s in covering))
        out.append(Markup('<mark class="{}" title="{}">{}</mark>').format(classes, hover, text))
    return Markup("").join(out)
