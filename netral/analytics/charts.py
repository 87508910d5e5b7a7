"""Simple server-side charts as SVG strings (for the PDF report; no JavaScript, no external files).

`bar_chart` draws horizontal bars with labels and values; `line_chart` a weekly series. Text is escaped;
the output is safe to mark as safe in a template.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from django.utils.safestring import SafeString, mark_safe

INK = "#1f2933"
BAR = "#2f6f73"
GRID = "#d9dee3"
FONT = "font-family:DejaVu Sans,Arial,sans-serif"


def _empty(width: int, height: int, text: str) -> SafeString:
    return mark_safe(  # noqa: S308 - built from escaped text only
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img">'
        f'<text x="10" y="24" style="{FONT};font-size:12px" fill="{INK}">{escape(text)}</text></svg>'
    )


def bar_chart(
    rows: Sequence[tuple[str, int]], width: int = 640, bar_height: int = 18, label_width: int = 240
) -> SafeString:
    """Horizontal bars: one row per (label, value)."""
    if not rows:
        return _empty(width, 40, "—")
    gap = 6
    height = len(rows) * (bar_height + gap) + gap
    top = max((value for _label, value in rows), default=0) or 1
    room = width - label_width - 60
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img">'
    ]
    for index, (label, value) in enumerate(rows):
        y = gap + index * (bar_height + gap)
        length = round(room * value / top)
        text = label if len(label) <= 38 else label[:37] + "…"
        parts.append(
            f'<text x="{label_width - 6}" y="{y + bar_height - 5}" text-anchor="end" '
            f'style="{FONT};font-size:11px" fill="{INK}">{escape(text)}</text>'
            f'<rect x="{label_width}" y="{y}" width="{max(length, 1)}" height="{bar_height}" fill="{BAR}"/>'
            f'<text x="{label_width + length + 4}" y="{y + bar_height - 5}" '
            f'style="{FONT};font-size:11px" fill="{INK}">{value}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - built from escaped text and numbers only


def line_chart(points: Sequence[tuple[str, int]], width: int = 640, height: int = 200) -> SafeString:
    """A line over (label, value) points in order, with the first and last label under the axis."""
    if not points:
        return _empty(width, 40, "—")
    left, right, top_pad, bottom = 40, 10, 10, 30
    top = max(value for _label, value in points) or 1
    span = max(len(points) - 1, 1)
    inner_w, inner_h = width - left - right, height - top_pad - bottom

    def xy(index: int, value: int) -> tuple[float, float]:
        return left + inner_w * index / span, top_pad + inner_h * (1 - value / top)

    coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in (xy(i, v) for i, (_l, v) in enumerate(points)))
    base = top_pad + inner_h
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img">',
        f'<line x1="{left}" y1="{base}" x2="{width - right}" y2="{base}" stroke="{GRID}"/>',
        f'<line x1="{left}" y1="{top_pad}" x2="{left}" y2="{base}" stroke="{GRID}"/>',
        f'<text x="{left - 4}" y="{top_pad + 10}" text-anchor="end" style="{FONT};font-size:10px" '
        f'fill="{INK}">{top}</text>',
        f'<polyline points="{coords}" fill="none" stroke="{BAR}" stroke-width="2"/>',
        f'<text x="{left}" y="{height - 8}" style="{FONT};font-size:10px" fill="{INK}">'
        f"{escape(points[0][0])}</text>",
        f'<text x="{width - right}" y="{height - 8}" text-anchor="end" style="{FONT};font-size:10px" '
        f'fill="{INK}">{escape(points[-1][0])}</text>',
        "</svg>",
    ]
    return mark_safe("".join(parts))  # noqa: S308 - built from escaped text and numbers only
