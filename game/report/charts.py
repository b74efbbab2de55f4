"""Charts for the after-action report, drawn with pygame into PNG bytes.

pygame is already in the game, so the report adds nothing to the bundle (a plotting library
would add tens of megabytes for a handful of line charts). The game's series is a red line; the
historical figures, where the fact sheets have them, are black marks with their range.
"""

from __future__ import annotations

import io
import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

from ..session.paths import resource_root  # noqa: E402

PAPER = (250, 246, 236)
INK = (24, 20, 18)
RED = (190, 30, 34)
GREY = (140, 130, 118)


def _font(size: int, bold: bool = False) -> pygame.font.Font:
    if not pygame.font.get_init():
        pygame.font.init()
    name = "PTSans-Bold.ttf" if bold else "PTSans-Regular.ttf"
    path = resource_root() / "assets" / "fonts" / name
    try:
        return pygame.font.Font(str(path), size)
    except (FileNotFoundError, OSError):
        return pygame.font.Font(None, size)


def chart_png(
    title: str,
    unit: str,
    start_year: int,
    series: list[float],
    history: dict[int, tuple[float, float]],
    width: int = 720,
    height: int = 300,
) -> bytes:
    """A PNG of one indicator: the game's half-yearly values and the historical marks."""
    surf = pygame.Surface((width, height))
    surf.fill(PAPER)
    small, bold = _font(13), _font(15, True)
    surf.blit(bold.render(f"{title} ({unit})", True, INK), (10, 6))
    plot = pygame.Rect(70, 34, width - 90, height - 70)
    values = list(series) + [v for pair in history.values() for v in pair]
    low, high = (min(values), max(values)) if values else (0.0, 1.0)
    if high - low < 1e-9:
        low, high = low - 1, high + 1
    pad = (high - low) * 0.08
    low, high = max(0.0, low - pad) if low >= 0 else low - pad, high + pad
    n = max(2, len(series))
    years = max(1, (n - 1) // 2)

    def x_of(year_float: float) -> int:
        return plot.left + int(plot.width * (year_float - start_year) / max(1, years))

    def y_of(v: float) -> int:
        return plot.bottom - int(plot.height * (v - low) / (high - low))

    pygame.draw.line(surf, GREY, plot.bottomleft, plot.bottomright)
    pygame.draw.line(surf, GREY, plot.bottomleft, plot.topleft)
    for frac in (0.0, 0.5, 1.0):
        v = low + (high - low) * frac
        label = small.render(f"{v:,.0f}", True, GREY)
        surf.blit(label, (plot.left - 8 - label.get_width(), y_of(v) - 8))
    step = 1 if years <= 8 else 2
    for k in range(0, years + 1, step):
        x = x_of(start_year + k)
        pygame.draw.line(surf, GREY, (x, plot.bottom), (x, plot.bottom + 4))
        label = small.render(str(start_year + k), True, GREY)
        surf.blit(label, (x - label.get_width() // 2, plot.bottom + 6))
    if len(series) >= 2:
        points = [(x_of(start_year + i / 2), y_of(v)) for i, v in enumerate(series)]
        pygame.draw.lines(surf, RED, False, points, 3)
    for year, (lo, hi) in history.items():
        if start_year <= year <= start_year + years:
            x = x_of(year + 0.5)
            pygame.draw.line(surf, INK, (x, y_of(lo)), (x, y_of(hi)), 3)
            pygame.draw.circle(surf, INK, (x, y_of((lo + hi) / 2)), 4)
    key_game = small.render("this game", True, RED)
    key_hist = small.render("history (range)", True, INK)
    surf.blit(key_game, (width - 220, 10))
    surf.blit(key_hist, (width - 140, 10))
    buffer = io.BytesIO()
    pygame.image.save(surf, buffer, "report.png")
    return buffer.getvalue()
