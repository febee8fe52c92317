"""Vega-Lite specifications for the dashboard's charts, built from the views' rows.

The pages hand each spec to vega-embed (vendored in ``static/vendor``), so the charts draw
offline; a chart with no rows is not drawn at all and the page says so instead.
"""

from __future__ import annotations

from typing import Any

Spec = dict[str, Any]
SIDE_COLORS = {"domain": ["for", "against", "neither", "unknown"],
               "range": ["#1b9e77", "#d95f02", "#7570b3", "#999999"]}  # fmt: skip


def _base(rows: list[dict[str, Any]], mark: Any, encoding: Spec, height: int = 220) -> Spec | None:
    if not rows:
        return None
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "data": {"values": [{k: _plain(v) for k, v in r.items()} for r in rows]},
        "mark": mark, "encoding": encoding, "width": "container", "height": height,
    }  # fmt: skip


def _plain(v: Any) -> Any:
    return v.isoformat() if hasattr(v, "isoformat") else v


def per_day_by(rows: list[dict[str, Any]], count: str, by: str, title: str) -> Spec | None:
    """Stacked bars: a count per day, coloured by a category (source, side)."""
    color: Spec = {"field": by, "type": "nominal", "title": by}
    if by == "side":
        color["scale"] = SIDE_COLORS
    return _base(rows, {"type": "bar", "tooltip": True}, {
        "x": {"field": "date", "type": "temporal", "title": None},
        "y": {"field": count, "type": "quantitative", "aggregate": "sum", "title": title},
        "color": color,
    })  # fmt: skip


def bars(rows: list[dict[str, Any]], label: str, count: str, by: str | None = None) -> Spec | None:
    """Horizontal bars, largest first (outlets, voices), optionally coloured by side."""
    enc: Spec = {
        "y": {"field": label, "type": "nominal", "sort": "-x", "title": None},
        "x": {"field": count, "type": "quantitative", "aggregate": "sum", "title": count},
    }
    if by:
        enc["color"] = {"field": by, "type": "nominal", "scale": SIDE_COLORS}
    return _base(
        rows,
        {"type": "bar", "tooltip": True},
        enc,
        height=max(60, 18 * len({r[label] for r in rows})),
    )


def timeline(points: list[dict[str, Any]]) -> Spec | None:
    """Dates on a time axis, labelled: an article's dates, a story's articles."""
    return _base(points, {"type": "point", "filled": True, "size": 80, "tooltip": True}, {
        "x": {"field": "date", "type": "temporal", "title": None},
        "y": {"field": "kind", "type": "nominal", "title": None},
        "color": {"field": "kind", "type": "nominal", "legend": None},
    }, height=max(60, 16 * len({p['kind'] for p in points})))  # fmt: skip
