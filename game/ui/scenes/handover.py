"""Hotseat: the hand-over between two players at the same screen, saying what waits for the team
taking over (the votes held and the news since its last turn, which open right after)."""

from __future__ import annotations

import pygame

from ...text import names
from .. import assets as K
from ..widgets import projector as PJ
from ..widgets.common import closes, heading
from .overlay import Overlay


class HandoverOverlay(Overlay):
    """Hotseat: the screen goes dark until the next player takes the controls."""

    opaque = True

    def __init__(self, app, session, faction: str, news: str = "") -> None:
        self.session, self.faction, self.news = session, faction, news  # news: what waits after it
        super().__init__(app)

    projector = True

    def stack(self, k: float, frame: pygame.Rect) -> tuple[list, pygame.Rect, bool]:
        """Who takes over (and, with a rotating driver, who drives) under the faction's mark."""
        items = [
            (f"Pass the controls to {names.possessive(self.app.rs, self.faction)} player.", "poster", 34, K.INK),
            ("Nobody else should look at the screen now.", "body", 18, K.GREY),
        ]
        if self.news:  # the votes and news since this team last played, shown right after
            items.append((self.news, "bold", 20, K.INK))
        if self.session.options.get("rotate_driver"):
            items.append(
                (
                    f"New driver: the next student of the team takes the mouse (turn {self.session.state.turn + 1}).",
                    "bold",
                    20,
                    K.RED,
                )
            )
        return PJ.centred_stack("Hand over", items, k, frame)

    def fits(self, k: float, frame: pygame.Rect) -> bool:
        return self.stack(k, frame)[2]

    def build(self) -> None:
        self.lines, button, _ = self.stack(self.scene_scale(), self.frame_rect())
        self.ok = self.button(button, "I am ready", "#ready", "Enter also continues")

    def handle(self, event) -> None:
        if closes(event, self.ok, (pygame.K_RETURN, pygame.K_SPACE)):
            self.app.pop()

    def draw(self, surface) -> None:
        super().draw(surface)
        r = self.frame_rect()
        f = self.app.rs.factions[self.faction]
        heading(surface, "Hand over", (r.left + self.s(16), r.top + self.s(6)), self.s(38), K.WHITE)
        first = self.lines[0][4][1] if self.lines else r.centery
        K.marker(surface, (r.centerx, first - self.s(74)), self.s(50), K.colour(f.colour), f.marker, self.s(48))
        for words, kind, size, rgb, pos in self.lines:  # who takes over, and (with a rotating driver) who drives
            K.text(surface, words, pos, kind, size, rgb, "midtop")
