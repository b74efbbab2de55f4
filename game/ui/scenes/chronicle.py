"""The chronicle: everything the viewer's faction has seen happen, by date."""

from __future__ import annotations

import html

import pygame
import pygame_gui

from ...core.calendar import pretty_date
from ...text.chronicle import Text
from .. import assets as K
from ..widgets.common import closes, heading
from .overlay import Overlay


class ChronicleOverlay(Overlay):
    def __init__(self, app, session, viewer: str) -> None:
        self.session, self.viewer = session, viewer
        super().__init__(app)

    def build(self) -> None:
        r = self.frame_rect()
        t = Text(self.app.rs)
        view = self.session.view(self.viewer)
        lines, turn = [], None
        for entry_turn, key, p in view.log:
            line = t.entry(key, p, t.dated(view.start_year, entry_turn))
            if not line:
                continue
            if entry_turn != turn:
                turn = entry_turn
                lines.append(f"<b>{pretty_date(turn, view.start_year)}</b>")
            lines.append(html.escape(line))
        self.box = pygame_gui.elements.UITextBox(
            "<br>".join(lines[-400:]) or "Nothing yet.",
            pygame.Rect(r.left + self.s(20), r.top + self.s(70), r.width - self.s(40), r.height - self.s(140)),
            self.manager,
            object_id="#chronicle_text",
        )
        self.box.scroll_bar and self.box.scroll_bar.set_scroll_from_start_percentage(1.0)
        self.ok = self.button(
            pygame.Rect(r.right - self.s(200), r.bottom - self.s(60), self.s(180), self.s(44)), "Close", "#close"
        )

    def handle(self, event) -> None:
        if closes(event, self.ok, (pygame.K_ESCAPE, pygame.K_c, pygame.K_RETURN)):
            self.app.pop()

    def draw(self, surface) -> None:
        super().draw(surface)
        r = self.frame_rect()
        heading(surface, "Chronicle", (r.left + self.s(16), r.top + self.s(6)), self.s(38), K.WHITE)
