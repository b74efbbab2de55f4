"""Pieces every screen uses: a vertical list of buttons that works by mouse and keyboard, and
the poster-style backdrop and headings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame
import pygame_gui

from .. import assets as K


@dataclass
class Choice:
    object_id: str
    label: str
    act: Callable[[], None]
    enabled: bool = True
    tooltip: str | None = None
    key: int | None = None  # a shortcut key


class ButtonList:
    """Buttons stacked in a column; Up/Down move the highlight, Enter presses, shortcut keys too."""

    def __init__(
        self,
        scene,
        choices: list[Choice],
        rect: pygame.Rect,
        height: int,
        gap: int,
        rects: list[pygame.Rect] | None = None,
    ) -> None:
        """Buttons of `height` from rect's top, `gap` apart; or at `rects`, one for each choice."""
        self.scene = scene
        self.choices = choices
        self.buttons: list[pygame_gui.elements.UIButton] = []
        self.focus = next((i for i, c in enumerate(choices) if c.enabled), 0)
        y = rect.top
        for i, c in enumerate(choices):
            place = rects[i] if rects and i < len(rects) else pygame.Rect(rect.left, y, rect.width, height)
            b = scene.button(place, c.label, c.object_id, c.tooltip)
            if not c.enabled:
                b.disable()
            self.buttons.append(b)
            y = place.bottom + gap
        self.bottom = y

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            for b, c in zip(self.buttons, self.choices):
                if event.ui_element is b:
                    c.act()
                    return True
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_DOWN, pygame.K_TAB):
                self._move(1)
                return True
            if event.key == pygame.K_UP:
                self._move(-1)
                return True
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                c = self.choices[self.focus]
                if c.enabled:
                    c.act()
                return True
            for c in self.choices:
                if c.key is not None and event.key == c.key and c.enabled:
                    c.act()
                    return True
        return False

    def _move(self, step: int) -> None:
        n = len(self.choices)
        for _ in range(n):
            self.focus = (self.focus + step) % n
            if self.choices[self.focus].enabled:
                return

    def draw_focus(self, surface: pygame.Surface) -> None:
        if self.buttons:
            r = self.buttons[self.focus].rect.inflate(8, 8)
            pygame.draw.rect(surface, K.INK, r, 3)


def backdrop(surface: pygame.Surface) -> None:
    """Paper, a red wedge and black bars: the constructivist frame of the menus."""
    w, h = surface.get_size()
    surface.fill(K.PAPER)
    pygame.draw.polygon(surface, K.RED, [(0, 0), (int(w * 0.42), 0), (int(w * 0.18), h), (0, h)])
    pygame.draw.rect(surface, K.INK, (0, int(h * 0.86), w, int(h * 0.02)))
    pygame.draw.line(surface, K.INK, (int(w * 0.42), 0), (int(w * 0.18), h), 6)


def heading(surface: pygame.Surface, words: str, pos: tuple[int, int], size: int, rgb=K.INK) -> pygame.Rect:
    return K.text(surface, words.upper(), pos, "poster", size, rgb)


def closes(event: pygame.event.Event, button, keys: tuple[int, ...] = (pygame.K_ESCAPE,)) -> bool:
    """True if this event closes the screen: its button pressed, or one of its keys."""
    if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is button:
        return True
    return event.type == pygame.KEYDOWN and event.key in keys


def page(surface: pygame.Surface, title: str, s) -> None:
    """Paper with a red title bar: the frame of the full-screen pages."""
    surface.fill(K.PAPER)
    pygame.draw.rect(surface, K.RED, (0, 0, surface.get_width(), s(60)))
    heading(surface, title, (s(30), s(8)), s(40), K.WHITE)
