"""Line charts of the country's indicators, drawn with pygame (no plotting library needed)."""

from __future__ import annotations

import pygame

from .. import assets as K


def line_chart(
    surface: pygame.Surface, rect: pygame.Rect, series: list[float], title: str, start_year: int, size: int = 14
) -> None:
    """A titled chart with its range on the left and a tick each year on the bottom."""
    pygame.draw.rect(surface, K.WHITE, rect)
    pygame.draw.rect(surface, K.INK, rect, 1)
    K.text(surface, title, (rect.left + 6, rect.top + 4), "bold", size)
    plot = pygame.Rect(rect.left + 6 * size // 2, rect.top + size * 2, rect.width - 4 * size, rect.height - size * 4)
    if len(series) < 2 or plot.width < 10 or plot.height < 10:
        K.text(surface, "not enough turns yet", plot.center, "body", size, K.GREY, "center")
        return
    low, high = min(series), max(series)
    if high - low < 1e-9:
        low, high = low - 1, high + 1
    K.text(surface, f"{high:,.0f}", (plot.left - 4, plot.top), "body", size - 2, K.GREY, "topright")
    K.text(surface, f"{low:,.0f}", (plot.left - 4, plot.bottom), "body", size - 2, K.GREY, "bottomright")
    pygame.draw.line(surface, K.GREY, plot.bottomleft, plot.bottomright)
    n = len(series)
    for i in range(0, n, 2):  # a tick each spring
        x = plot.left + int(plot.width * i / (n - 1))
        pygame.draw.line(surface, K.GREY, (x, plot.bottom), (x, plot.bottom + 4))
        if n <= 20 or (i // 2) % 2 == 0:
            K.text(surface, str(start_year + i // 2), (x, plot.bottom + 5), "body", size - 3, K.GREY, "midtop")
    points = [
        (plot.left + int(plot.width * i / (n - 1)), plot.bottom - int(plot.height * (v - low) / (high - low)))
        for i, v in enumerate(series)
    ]
    pygame.draw.lines(surface, K.RED, False, points, 3)
