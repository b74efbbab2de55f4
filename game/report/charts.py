"""Charts for the after-action report, written as inline SVG.

SVG is text: the report stays one offline file that prints sharply at any size, and the report
layer needs no drawing library (pygame stays in the window). The game's series is a red line; the
historical figures, where the fact sheets have them, are black marks with their range.
"""

from __future__ import annotations

import html

PAPER = "#faf6ec"
INK = "#181412"
RED = "#be1e22"
GREY = "#8c8276"
FONT = "PT Sans, Helvetica, Arial, sans-serif"


def _text(x: float, y: float, words: str, size: int = 13, fill: str = GREY, anchor: str = "start") -> str:
    return (
        f"<text x='{x:.1f}' y='{y:.1f}' font-size='{size}' font-family='{FONT}' fill='{fill}' "
        f"text-anchor='{anchor}'>{html.escape(words)}</text>"
    )


def _line(x1: float, y1: float, x2: float, y2: float, stroke: str, width: int = 1) -> str:
    return f"<line x1='{x1:.1f}' y1='{y1:.1f}' x2='{x2:.1f}' y2='{y2:.1f}' stroke='{stroke}' stroke-width='{width}'/>"


def chart_svg(
    title: str,
    unit: str,
    start_year: int,
    series: list[float],
    history: dict[int, tuple[float, float]],
    width: int = 720,
    height: int = 300,
) -> str:
    """One indicator as an SVG element: the game's half-yearly values and the historical marks."""
    left, top, right, bottom = 70.0, 34.0, width - 20.0, height - 36.0
    values = list(series) + [v for pair in history.values() for v in pair]
    low, high = (min(values), max(values)) if values else (0.0, 1.0)
    if high - low < 1e-9:  # a flat series gets a band from zero (an all-zero one reads 0 to 1)
        low, high = (0.0, max(1.0, 2 * high)) if low >= 0 else (low - 1, high + 1)
    pad = (high - low) * 0.08
    low, high = max(0.0, low - pad) if low >= 0 else low - pad, high + pad
    years = max(1, (max(2, len(series)) - 1) // 2)

    def x_of(year_float: float) -> float:
        return left + (right - left) * (year_float - start_year) / years

    def y_of(v: float) -> float:
        return bottom - (bottom - top) * (v - low) / (high - low)

    label = html.escape(f"{title} ({unit})", quote=True)
    parts = [
        f"<svg class='chart' role='img' aria-label='{label}' width='{width}' height='{height}' "
        f"viewBox='0 0 {width} {height}' xmlns='http://www.w3.org/2000/svg'>",
        f"<rect x='0' y='0' width='{width}' height='{height}' fill='{PAPER}'/>",
        _text(10, 21, f"{title} ({unit})", 15, INK),
        _text(width - 220, 21, "this game", 13, RED),
        _text(width - 140, 21, "history (range)", 13, INK),
        _line(left, bottom, right, bottom, GREY),
        _line(left, bottom, left, top, GREY),
    ]
    for frac in (0.0, 0.5, 1.0):
        v = low + (high - low) * frac
        parts.append(_text(left - 8, y_of(v) + 4, f"{v:,.0f}", anchor="end"))
    step = 1 if years <= 8 else 2
    for k in range(0, years + 1, step):
        x = x_of(start_year + k)
        parts.append(_line(x, bottom, x, bottom + 4, GREY))
        parts.append(_text(x, bottom + 18, str(start_year + k), anchor="middle"))
    if len(series) >= 2:
        points = " ".join(f"{x_of(start_year + i / 2):.1f},{y_of(v):.1f}" for i, v in enumerate(series))
        parts.append(f"<polyline points='{points}' fill='none' stroke='{RED}' stroke-width='3'/>")
    for year, (lo, hi) in sorted(history.items()):
        if start_year <= year <= start_year + years:
            x = x_of(year + 0.5)
            parts.append(_line(x, y_of(lo), x, y_of(hi), INK, 3))
            parts.append(f"<circle cx='{x:.1f}' cy='{y_of((lo + hi) / 2):.1f}' r='4' fill='{INK}'/>")
    parts.append("</svg>")
    return "".join(parts)
