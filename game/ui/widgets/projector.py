"""Large type for the projector (DESIGN §16): the single-panel dialogs — an event, the votes, the
hand-over, a lesson's end, the end — are drawn at the UI scale the player asked for in Settings
as far as the panel itself fits the window, not at the cap the whole apparatus screen needs
(App.scale: 100 % in a 1280x720 window). A dialog says what fitting means for its content;
`best_scale` finds the largest scale, in steps of 5 %, at which it does.

`panel_frame` is a dialog's rectangle at a scale: the classic 76 % x 84 % of the window up to
the scale the window is made for, then growing with the scale to all but a margin of the window.
`EventLayout` places an event's text, picture and choices at a scale and says whether they fit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pygame

from .. import assets as K

STEP = 0.05
LOWEST = 0.75  # below this nothing is readable; a text that does not fit even here is cut (and noted)
MARGIN = 12


def panel_frame(size: tuple[int, int], k: float) -> pygame.Rect:
    w, h = size
    room = max(1.0, min(w / 1280, h / 720))
    grow = max(1.0, k / room)
    fw = min(w - 2 * MARGIN, int(w * 0.76 * grow))
    fh = min(h - 2 * MARGIN, int(h * 0.84 * grow))
    return pygame.Rect((w - fw) // 2, (h - fh) // 2, fw, fh)


def best_scale(wanted: float, fits: Callable[[float], bool]) -> float:
    """The largest scale from `wanted` down (5 % steps) at which `fits` holds; LOWEST if none."""
    k = round(wanted, 2)
    while k > LOWEST:
        if fits(k):
            return k
        k = round(k - STEP, 2)
    return LOWEST


def title_fits(title: str, frame: pygame.Rect, k: float) -> bool:
    """The dialog's heading (poster type in the red band) fits the band's width."""
    return K.font("poster", int(38 * k)).size(title.upper())[0] <= frame.width - int(32 * k)


def button_font_width(label: str, k: float) -> int:
    """How wide pygame_gui draws a button label at scale k (the theme's PT Sans at 16 points)."""
    return K.font("body", int(16 * k)).size(label)[0]


Line = tuple[str, str, int, tuple[int, int, int], tuple[int, int]]  # words, kind, size, colour, position


def flow(
    words: str, kind: str, size: int, rgb, x: int, y: int, width_at: Callable[[int], int], spacing: float = 1.2
) -> tuple[list[Line], int, bool]:
    """Wrap text from (x, y), each line as wide as `width_at(its y)` allows (narrow beside a
    picture, full width below it). Returns the lines, the y below them, and whether every line
    fits (a single word wider than the column does not)."""
    f = K.font(kind, size)
    step = int(size * spacing)
    out: list[Line] = []
    ok = True
    for part in words.split("\n"):
        line = ""
        for word in part.split():
            trial = f"{line} {word}".strip()
            if not line or f.size(trial)[0] <= width_at(y):
                line = trial
            else:
                ok = ok and f.size(line)[0] <= width_at(y)
                out.append((line, kind, size, rgb, (x, y)))
                y += step
                line = word
        if line:
            ok = ok and f.size(line)[0] <= width_at(y)
            out.append((line, kind, size, rgb, (x, y)))
            y += step
    return out, y, ok


@dataclass
class Row:
    button: pygame.Rect
    lines: list[Line] = field(default_factory=list)


@dataclass
class EventLayout:
    """An event dialog at scale k: the text beside the picture, then one row per choice — its
    button, and beside it what the choice does — anchored to the bottom of the panel."""

    frame: pygame.Rect
    k: float
    art: pygame.Rect
    lines: list[Line]
    rows: list[Row]
    fits: bool

    @classmethod
    def make(
        cls,
        frame: pygame.Rect,
        k: float,
        title: str,
        paragraphs: list[tuple[str, str, int, tuple]],
        tags: str,
        choices: list[tuple[str, str]],
    ) -> EventLayout:
        """paragraphs: (text, font kind, size at 100 %, colour); choices: (button label, what it does)."""

        def s(v: float) -> int:
            return int(v * k)

        top = frame.top + s(68)
        aw = min(s(220), int(frame.width * 0.24))
        art = pygame.Rect(frame.right - s(24) - aw, top, aw, aw * 150 // 220)
        lines: list[Line] = []
        side_bottom = art.bottom
        ok = title_fits(title, frame, k)
        if tags:
            tag_lines, side_bottom, tag_ok = flow(
                tags, "bold", s(13), K.RED, art.left, art.bottom + s(6), lambda _y: aw
            )
            lines += tag_lines
            ok = ok and tag_ok
        x, full = frame.left + s(24), frame.width - s(48)
        narrow = full - aw - s(24)

        def width_at(y: int) -> int:
            return narrow if y < side_bottom + s(6) else full

        y = top
        for words, kind, size, rgb in paragraphs:
            if not words:
                continue
            more, y, more_ok = flow(words, kind, s(size), rgb, x, y, width_at)
            lines += more
            ok = ok and more_ok
            y += s(6)
        text_bottom = max(y, side_bottom + s(6))
        # The choices: buttons as wide as the longest label, what each does beside it.
        widest = max((button_font_width(label, k) for label, _ in choices), default=0)
        bw = max(int(frame.width * 0.22), widest + s(32))
        ok = ok and bw <= int(frame.width * 0.45)
        bh, gap = s(40), s(8)
        dx = x + bw + s(16)
        rows, heights = [], []
        for _label, what in choices:
            desc, bottom, desc_ok = flow(what, "body", s(15), K.GREY, dx, 0, lambda _y: x + full - dx)
            ok = ok and desc_ok
            rows.append(Row(pygame.Rect(x, 0, bw, bh), desc))
            heights.append(max(bh, bottom))
        y = frame.bottom - s(20) - sum(heights) - gap * max(0, len(rows) - 1)
        ok = ok and y >= text_bottom + s(4)
        for row, height in zip(rows, heights):
            row.button.top = y
            row.lines = [(w, kd, sz, rgb, (px, py + y)) for w, kd, sz, rgb, (px, py) in row.lines]
            y += height + gap
        return cls(frame, k, art, lines, rows, ok)

    def draw(self, surface: pygame.Surface) -> None:
        for words, kind, size, rgb, pos in self.lines:
            K.text(surface, words, pos, kind, size, rgb)
        for row in self.rows:
            for words, kind, size, rgb, pos in row.lines:
                K.text(surface, words, pos, kind, size, rgb)

    def blocks(self) -> list[pygame.Rect]:
        """Every drawn thing's rectangle (for the tests: inside the panel, nothing on anything)."""
        out = [self.art]
        for words, kind, size, _rgb, pos in self.lines + [ln for row in self.rows for ln in row.lines]:
            out.append(pygame.Rect(pos, (K.font(kind, size).size(words)[0], int(size * 1.2))))  # the line's box
        return out + [row.button for row in self.rows]


def list_fits(title: str, k: float, frame: pygame.Rect) -> bool:
    """A dialog with a scrolling list (the votes): its list still shows ten lines at once."""
    lines = (frame.height - int(140 * k)) // (int(15 * k) * 4 // 3)  # the list's type is 15 points
    return title_fits(title, frame, k) and lines >= 10


def end_fits(k: float, frame: pygame.Rect) -> bool:
    """The end: the epilogue, four charts beside it and two buttons with the note beside them."""
    chart = (frame.height - int(150 * k)) // 4 - int(8 * k)  # a chart needs room for its title, range and years
    return (
        title_fits("The end", frame, k)
        and frame.width - int(560 * k) >= int(200 * k)
        and chart >= int(92 * k)
        and frame.width - int(60 * k) - int(frame.width * 0.58) >= int(220 * k)
    )


def note_fits(title: str, note: str, k: float, frame: pygame.Rect) -> bool:
    """A lesson's end: its note in 20-point type above two buttons."""
    lines = K.wrap(note, "body", int(20 * k), frame.width - int(60 * k))
    return (
        title_fits(title, frame, k)
        and frame.width >= int(560 * k)
        and int(90 * k) + len(lines) * int(24 * k) <= frame.height - int(80 * k)
    )


def centred_stack(
    title: str, items: list[tuple[str, str, int, tuple]], k: float, frame: pygame.Rect
) -> tuple[list[Line], pygame.Rect, bool]:
    """The hand-over: room for a faction's mark, then lines (words, kind, size at 100 %, colour)
    wrapped to the panel, then a button, centred in the panel at scale k; and whether they fit.
    Lines are placed by their top centre."""

    def s(v: float) -> int:
        return int(v * k)

    width = frame.width - s(60)
    lines = [
        (line, kind, s(size), rgb) for words, kind, size, rgb in items for line in K.wrap(words, kind, s(size), width)
    ]
    ok = title_fits(title, frame, k) and all(K.font(kind, size).size(line)[0] <= width for line, kind, size, _ in lines)
    height = s(124) + sum(int(size * 1.3) for _, _, size, _ in lines) + s(30) + s(56)
    top, bottom = frame.top + s(70), frame.bottom - s(20)
    y = top + max(0, (bottom - top - height) // 2) + s(124)
    placed: list[Line] = []
    for line, kind, size, rgb in lines:
        placed.append((line, kind, size, rgb, (frame.centerx, y)))
        y += int(size * 1.3)
    button = pygame.Rect(frame.centerx - s(160), y + s(30), s(320), s(56))
    return placed, button, ok and button.bottom <= bottom
