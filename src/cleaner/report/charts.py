"""Inline SVG charts (no scripts, no network): horizontal bars and one stacked bar.

Labels are HTML-escaped: rule ids and layer names come from records, which are data.

>>> svg = bars([("menus", 30, "#1f77b4"), ("<b>", 10, "#ff7f0e")], unit="chars")
>>> svg.startswith("<svg") and "&lt;b&gt;" in svg and "<b>" not in svg
True
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

__all__ = ["PALETTE", "bars", "colour", "stacked"]

#: Colours for rules and layers (Tableau 10 and its lighter half), assigned in order.
PALETTE = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94",
    "#f7b6d2", "#c7c7c7", "#dbdb8d", "#9edae5",
)
#: Bar chart geometry, in SVG user units (pixels at 100 % zoom).
LABEL_WIDTH = 180
BAR_WIDTH = 280
ROW_HEIGHT = 22
BAR_HEIGHT = 16
VALUE_WIDTH = 120


def colour(index: int) -> str:
    """The palette colour of the ``index``-th rule or layer (cycling)."""
    return PALETTE[index % len(PALETTE)]


def _number(value: int) -> str:
    return f"{value:,}"


def bars(rows: Sequence[tuple[str, int, str]], *, unit: str, title: str = "") -> str:
    """A horizontal bar chart of ``(label, value, colour)`` rows, scaled to the largest."""
    top = max((value for _, value, _ in rows), default=0) or 1
    total = sum(value for _, value, _ in rows) or 1
    height = ROW_HEIGHT * max(len(rows), 1) + 4
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    parts = [f'<svg class="chart" role="img" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
             f"<title>{escape(title)}</title>" if title else ""]
    for n, (label, value, fill) in enumerate(rows):
        y = n * ROW_HEIGHT + 2
        length = max(round(BAR_WIDTH * value / top), 1 if value else 0)
        share = 100 * value / total
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + BAR_HEIGHT - 3}" text-anchor="end">'
            f"{escape(label)}</text>"
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR_HEIGHT}" '
            f'fill="{escape(fill)}"><title>{escape(label)}: {_number(value)} {escape(unit)}'
            f"</title></rect>"
            f'<text x="{LABEL_WIDTH + length + 6}" y="{y + BAR_HEIGHT - 3}">'
            f"{_number(value)} ({share:.1f}%)</text>")
    parts.append("</svg>")
    return "".join(parts)


def stacked(parts: Sequence[tuple[str, int, str]], *, unit: str, title: str = "") -> str:
    """One bar split into ``(label, value, colour)`` parts, with a legend under it."""
    total = sum(value for _, value, _ in parts) or 1
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    out = [f'<svg class="chart" role="img" width="{width}" height="56" '
           f'viewBox="0 0 {width} 56" xmlns="http://www.w3.org/2000/svg">',
           f"<title>{escape(title)}</title>" if title else ""]
    x = 0.0
    legend_x = 0
    for label, value, fill in parts:
        length = (width - 2) * value / total
        text = f"{escape(label)}: {_number(value)} {escape(unit)} ({100 * value / total:.1f}%)"
        out.append(f'<rect x="{x:.1f}" y="2" width="{length:.1f}" height="22" '
                   f'fill="{escape(fill)}"><title>{text}</title></rect>'
                   f'<rect x="{legend_x}" y="36" width="12" height="12" fill="{escape(fill)}"/>'
                   f'<text x="{legend_x + 16}" y="46">{text}</text>')
        x += length
        legend_x += width // max(len(parts), 1)
    out.append("</svg>")
    return "".join(out)
