"""Fonts, colours and faction marks for the window: constructivist red, black and paper-cream.

Fonts are PT Sans and PT Sans Narrow (Cyrillic and Latin, ParaType Free Font License) from
assets/fonts; every size is cached. A missing font file falls back to pygame's default font
with a message, so a broken install still shows a window.
"""

from __future__ import annotations

import sys
from functools import lru_cache

import pygame

from ..session.paths import resource_root

PAPER = (236, 226, 200)
PAPER_DARK = (214, 200, 168)
INK = (24, 20, 18)
RED = (190, 30, 34)
RED_DARK = (130, 18, 20)
GREY = (120, 112, 100)
WHITE = (250, 246, 236)
INDEPENDENT = (150, 140, 125)

FONT_FILES = {
    "poster": "PTSansNarrow-Bold.ttf",
    "body": "PTSans-Regular.ttf",
    "bold": "PTSans-Bold.ttf",
}

_warned: set[str] = set()


@lru_cache(maxsize=128)
def font(kind: str, size: int) -> pygame.font.Font:
    path = resource_root() / "assets" / "fonts" / FONT_FILES[kind]
    try:
        return pygame.font.Font(str(path), max(6, size))
    except (FileNotFoundError, OSError):
        if kind not in _warned:
            _warned.add(kind)
            print(f"warning: font {path} is missing; using pygame's default font (reinstall the game)", file=sys.stderr)
        return pygame.font.Font(None, max(6, size))


def theme(scale: float) -> dict:
    """assets/theme.json with font files made absolute and font sizes scaled for the UI scale."""
    import json

    path = resource_root() / "assets" / "theme.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        print(f"warning: {path}: {exc}; using pygame_gui's default look", file=sys.stderr)
        return {}
    fonts = resource_root() / "assets" / "fonts"
    # pygame_gui takes only colours from "defaults": give the widgets that show text our font
    # (else buttons stay in pygame_gui's own 14-point font at every UI scale).
    default_font = data.get("defaults", {}).get("font")
    if default_font:
        for element in ("button", "label", "text_entry_line", "selection_list", "drop_down_menu"):
            data.setdefault(element, {}).setdefault("font", dict(default_font))
        data.setdefault("@small", {}).setdefault("font", dict(default_font, size="13"))  # long button labels
    for block in data.values():
        spec = block.get("font")
        if spec:
            for key in ("regular_path", "bold_path", "italic_path", "bold_italic_path"):
                if key in spec:
                    spec[key] = str(fonts / spec[key])
            spec["size"] = str(int(int(spec.get("size", 16)) * scale))
    tip = data.get("tool_tip", {}).get("misc", {})
    if "rect_width" in tip:  # tooltips wide enough to read (pygame_gui's own are 170 pixels), scaled too
        tip["rect_width"] = str(int(int(tip["rect_width"]) * scale))
    return data


def colour(hex_colour: str) -> tuple[int, int, int]:
    text = hex_colour.lstrip("#")
    try:
        return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)
    except (ValueError, IndexError):
        return INDEPENDENT


@lru_cache(maxsize=2048)
def _render(kind: str, size: int, text: str, rgb: tuple[int, int, int]) -> pygame.Surface:
    return font(kind, size).render(text, True, rgb)


def text(
    surface: pygame.Surface,
    words: str,
    pos: tuple[int, int],
    kind: str = "body",
    size: int = 16,
    rgb: tuple[int, int, int] = INK,
    anchor: str = "topleft",
) -> pygame.Rect:
    """Draw one line of text (cached render); returns the rectangle it took."""
    image = _render(kind, size, words, rgb)
    rect = image.get_rect(**{anchor: pos})
    surface.blit(image, rect)
    return rect


# Every label shortened with an ellipsis and every paragraph that ran out of room is noted here
# (full text -> how often), so a test can render the screens and insist that nothing was cut.
shortened: dict[str, int] = {}


def _note_cut(words: str) -> None:
    if len(shortened) < 500:
        shortened[words] = shortened.get(words, 0) + 1


def fit(words: str, kind: str, size: int, width: int) -> str:
    """The text, shortened with an ellipsis until it fits `width` pixels (the last resort: the
    screens lay labels out so this never happens with the game's own content; see `fit_text`)."""
    f = font(kind, size)
    if f.size(words)[0] <= width:
        return words
    _note_cut(words)
    while words and f.size(words + "…")[0] > width:
        words = words[:-1]
    return words.rstrip() + "…"


def fit_text(
    words: str, kind: str, size: int, width: int, lines: int = 1, floor: int | None = None
) -> tuple[int, list[str]]:
    """The largest font size from `size` down to `floor` (default: 80 % of `size`) at which the
    text wraps into at most `lines` lines of `width` pixels: (size, lines). Only if even the
    floor is too big is the last line shortened with an ellipsis (and noted)."""
    floor = max(6, min(size, floor if floor is not None else int(size * 0.8)))
    for trial in range(size, floor - 1, -1):
        out = wrap(words, kind, trial, width)
        if len(out) <= lines and all(font(kind, trial).size(line)[0] <= width for line in out):
            return trial, out
    out = wrap(words, kind, floor, width)
    rest = " ".join(out[lines - 1 :])
    return floor, [fit(line, kind, floor, width) for line in out[: lines - 1]] + [fit(rest, kind, floor, width)]


def button_label(words: str, size: int, small: int, width: int) -> tuple[str, bool]:
    """A pygame_gui button's label: in the theme's type if it fits, else in the "@small" class's
    type (size `small`); (label, whether small)."""
    if font("body", size).size(words)[0] <= width:
        return words, False
    return fit(words, "body", small, width), True


def text_height(paragraphs: list[tuple[str, str, int]], width: int, spacing: float = 1.2) -> int:
    """How tall these paragraphs (words, kind, size) are when `paragraph` draws them `width` wide."""
    return sum(len(wrap(words, kind, size, width)) * int(size * spacing) for words, kind, size in paragraphs)


def fit_block(
    words: str, kind: str, size: int, width: int, height: int, floor: int | None = None, spacing: float = 1.1
) -> tuple[int, int, list[str]]:
    """Like `fit_text` for a box: as many lines as `height` holds at each size (at least one).
    Returns (size, line step, lines)."""
    floor = max(6, min(size, floor if floor is not None else int(size * 0.8)))

    def room(trial: int) -> int:  # lines whose full height (descenders too) is inside the box
        return max(1, (height - font(kind, trial).get_height()) // int(trial * spacing) + 1)

    for trial in range(size, floor - 1, -1):
        out = wrap(words, kind, trial, width)
        if len(out) <= room(trial) and all(font(kind, trial).size(line)[0] <= width for line in out):
            return trial, int(trial * spacing), out
    return floor, int(floor * spacing), fit_text(words, kind, floor, width, room(floor), floor)[1]


def wrap(words: str, kind: str, size: int, width: int) -> list[str]:
    """Split text into lines no wider than `width` pixels."""
    f = font(kind, size)
    lines: list[str] = []
    for paragraph in words.split("\n"):
        line = ""
        for word in paragraph.split():
            trial = f"{line} {word}".strip()
            if f.size(trial)[0] <= width or not line:
                line = trial
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def paragraph(
    surface: pygame.Surface,
    words: str,
    rect: pygame.Rect,
    kind: str = "body",
    size: int = 16,
    rgb: tuple[int, int, int] = INK,
    spacing: float = 1.2,
) -> int:
    """Draw wrapped text inside rect; returns the y below the last line."""
    y = rect.top
    step = int(size * spacing)
    for line in wrap(words, kind, size, rect.width):
        if y + step > rect.bottom + step // 2:
            _note_cut(words)  # out of room: the rest is not drawn
            break
        text(surface, line, (rect.left, y), kind, size, rgb)
        y += step
    return y


def marker(
    surface: pygame.Surface, centre: tuple[int, int], radius: int, fill: tuple[int, int, int], letter: str, size: int
) -> None:
    """A faction mark that does not rely on colour alone: a disc with the faction's letter."""
    pygame.draw.circle(surface, fill, centre, radius)
    pygame.draw.circle(surface, INK, centre, radius, 1)
    light = sum(fill) > 380
    text(surface, letter, centre, "bold", size, INK if light else WHITE, "center")
