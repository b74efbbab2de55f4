"""Open a set-up file: every `.testament-setup` in the saves folder, to start the same game as
every other group of the class."""

from __future__ import annotations

import pygame
import pygame_gui

from ...session.paths import saves_dir
from ...session.saving import mtime
from ...session.setupfile import SUFFIX, SetupError, read_setup
from .. import assets as K
from ..scene import Scene
from ..widgets.common import closes, page
from .contentnotice import before_game


def start_from_setup(app, path) -> str:
    """Start the game a set-up file describes; returns an error line, or ''."""
    try:
        setup = read_setup(path, app.rs)
    except SetupError as exc:
        return str(exc)
    session = setup.start(app.rs)
    before_game(app, lambda: app.reset_to("game", session))
    return ""


class SetupScene(Scene):
    def build(self) -> None:
        w, h = self.app.size
        try:
            found = list(saves_dir().glob(f"*{SUFFIX}"))
        except OSError:
            found = []
        self.files = sorted(found, key=mtime, reverse=True)
        self.rows = {}
        y = self.s(90)
        for path in self.files[:14]:
            b = self.button(
                pygame.Rect(self.s(40), y, w - self.s(80), self.s(36)), path.name, f"#setup_{len(self.rows)}"
            )
            self.rows[b] = path
            y += self.s(42)
        self.back = self.button(pygame.Rect(self.s(40), h - self.s(70), self.s(160), self.s(44)), "Back", "#back")
        self.error = ""

    def handle(self, event) -> None:
        if closes(event, self.back):
            self.app.pop()
        elif event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element in self.rows:
            self.error = start_from_setup(self.app, self.rows[event.ui_element])

    def draw(self, surface) -> None:
        page(surface, "Open a set-up", self.s)
        if not self.files:
            K.text(
                surface,
                f"No set-up files in {saves_dir()}: a teacher exports one from New game.",
                (self.s(40), self.s(90)),
                "bold",
                self.s(17),
            )
        if self.error:
            K.paragraph(
                surface,
                self.error,
                pygame.Rect(
                    self.s(230), surface.get_height() - self.s(70), surface.get_width() - self.s(270), self.s(60)
                ),
                "bold",
                self.s(15),
                K.RED,
            )
