"""The standing track at the top of the Faction tab: one row per faction still in the game, with
its mark, the four conditions of sole power as the viewer can know them (a ticked box in the
faction's colour where it holds one, an empty box where not - never colour alone), the turns in a
row it has held all four and its running score. The rows come from views/standing.py; hovering a
row explains it there, hovering the headings explains the track."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from ...core.ruleset import Ruleset
from ...text.names import label
from ...views.standing import COLUMNS, TrackRow
from .. import assets as K

HEADINGS = (*COLUMNS.values(), "Turns", "Score")


def track_height(s: Callable[[float], int], rows: int) -> int:
    """The box's height for this many rows: a heading line, then one line per faction."""
    return s(8) + s(20) * (rows + 1) + s(6)


def draw_track(
    surface: pygame.Surface, rs: Ruleset, rows: list[TrackRow], box: pygame.Rect, viewer: str, s
) -> list[tuple[pygame.Rect, str]]:
    """Draw the track in `box`; returns the hover targets: (rect, faction id or "#heading")."""
    pygame.draw.rect(surface, K.WHITE, box)
    pygame.draw.rect(surface, K.INK, box, 1)
    inner = box.inflate(-s(12), 0)
    small, size, line = s(12), s(14), s(20)
    head_font = K.font("body", small)
    widths = [max(head_font.size(h)[0], s(16)) + s(8) for h in HEADINGS]
    right = inner.right
    lefts = []
    for w in reversed(widths):
        right -= w
        lefts.insert(0, right)
    name_left, name_width = inner.left + s(22), lefts[0] - inner.left - s(26)
    y = box.top + s(6)
    hits = [(pygame.Rect(box.left, y, box.width, line), "#heading")]
    K.text(surface, "Sole power track", (inner.left, y + s(1)), "bold", size, K.INK)
    for left, w, words in zip(lefts, widths, HEADINGS):
        K.text(surface, words, (left + w // 2, y + s(3)), "body", small, K.GREY, "midtop")
    for row in rows:
        y += line
        rect = pygame.Rect(box.left + 1, y, box.width - 2, line)
        if row.faction == viewer:
            pygame.draw.rect(surface, K.PAPER, rect)
        f = rs.factions[row.faction]
        colour = K.colour(f.colour)
        K.marker(surface, (inner.left + s(8), y + line // 2), s(8), colour, f.marker, s(10))
        fitted, words = K.fit_text(label(rs, row.faction), "body", size, name_width, 1)
        K.text(surface, words[0], (name_left, y + line // 2), "body", fitted, K.INK, "midleft")
        for left, w, met in zip(lefts, widths, row.met):
            _box(surface, pygame.Rect(left + (w - s(14)) // 2, y + (line - s(14)) // 2, s(14), s(14)), met, colour)
        turns = f"{row.held}/{row.needed}"
        K.text(surface, turns, (lefts[-2] + widths[-2] // 2, y + line // 2), "body", size, K.INK, "center")
        K.text(surface, f"{row.score:.0f}", (lefts[-1] + widths[-1] // 2, y + line // 2), "bold", size, K.INK, "center")
        hits.append((rect, row.faction))
    return hits


def _box(surface: pygame.Surface, rect: pygame.Rect, met: bool, colour: tuple[int, int, int]) -> None:
    """A held condition: a box in the faction's colour with a tick; one not held: an empty box."""
    if not met:
        pygame.draw.rect(surface, K.GREY, rect, 1)
        return
    pygame.draw.rect(surface, colour, rect)
    pygame.draw.rect(surface, K.INK, rect, 1)
    tick = K.INK if sum(colour) > 380 else K.WHITE
    points = [
        (rect.left + rect.width * 0.2, rect.top + rect.height * 0.55),
        (rect.left + rect.width * 0.42, rect.top + rect.height * 0.78),
        (rect.left + rect.width * 0.82, rect.top + rect.height * 0.25),
    ]
    pygame.draw.lines(surface, tick, False, points, max(2, rect.width // 6))
