"""The inbox: at the start of each of your intrigue turns, what happened since your last one — offers
to you, pacts, votes, appointments, deaths, events. Each line opens the thing it names (a vote its
report, a person or office selected on the apparatus screen, an event in the encyclopedia, a pact
in Relations); the wheel scrolls; Esc or Enter closes it."""

from __future__ import annotations

import pygame

from ...views import inbox as M
from .. import assets as K
from ..widgets.common import closes, heading
from .overlay import Overlay


class InboxOverlay(Overlay):
    def __init__(self, app, session, viewer: str, entries: list) -> None:
        self.session, self.viewer = session, viewer
        self.lines = M.lines(app.rs, entries, viewer, session.state.start_year)
        self.first = 0  # the first line shown (the wheel scrolls)
        self.rows: list[tuple[pygame.Rect, M.Line]] = []
        self.hover = -1
        super().__init__(app)

    def build(self) -> None:
        r = self.frame_rect()
        self.ok = self.button(
            pygame.Rect(r.right - self.s(200), r.bottom - self.s(60), self.s(180), self.s(44)),
            "Close",
            "#close",
            "Esc or Enter closes the inbox",
        )

    def handle(self, event) -> None:
        if closes(event, self.ok, (pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)):
            self.app.pop()
        elif event.type == pygame.MOUSEWHEEL:
            self.first = max(0, min(len(self.lines) - 1, self.first - event.y * 3))
        elif event.type == pygame.MOUSEMOTION:
            self.hover = next((i for i, (rect, _) in enumerate(self.rows) if rect.collidepoint(event.pos)), -1)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            hit = next((line for rect, line in self.rows if rect.collidepoint(event.pos)), None)
            if hit is not None:
                self.open(hit)
        elif event.type == pygame.KEYDOWN and pygame.K_1 <= event.key <= pygame.K_9:
            i = event.key - pygame.K_1
            if i < len(self.rows):
                self.open(self.rows[i][1])

    def open(self, line: M.Line) -> None:
        kind, what = line.target
        game = self.app.game_scene()
        if kind == "vote":
            self.app.push("votes", self.session, [what])
        elif kind == "relations":
            self.app.push("relations", self.session, self.viewer)
        elif kind == "event" and what in self.app.rs.events:
            self.app.push("encyclopedia", "Events", what)
        elif kind in ("person", "office") and what and game is not None:
            self.app.pop()
            game.select((kind, what))
        else:
            self.app.push("chronicle", self.session, self.viewer)

    def draw(self, surface) -> None:
        super().draw(surface)
        r = self.frame_rect()
        heading(surface, "Since your last turn", (r.left + self.s(16), r.top + self.s(6)), self.s(38), K.WHITE)
        body = pygame.Rect(r.left + self.s(20), r.top + self.s(70), r.width - self.s(40), r.height - self.s(140))
        tag_w, size = self.s(110), self.s(15)
        self.rows = []
        if not self.lines:
            K.text(surface, "Nothing new.", body.topleft, "body", self.s(16), K.GREY)
        y = body.top
        for i, line in enumerate(self.lines[self.first :]):
            wrapped = K.wrap(line.text, "body", size, body.width - tag_w - self.s(10))
            height = len(wrapped) * int(size * 1.25) + self.s(6)
            if y + height > body.bottom:
                break
            rect = pygame.Rect(body.left, y, body.width, height)
            if i == self.hover:
                pygame.draw.rect(surface, K.WHITE, rect)
            K.text(surface, line.tag, (body.left + self.s(4), y + self.s(2)), "bold", self.s(14), K.RED)
            for j, part in enumerate(wrapped):
                K.text(surface, part, (body.left + tag_w, y + self.s(2) + j * int(size * 1.25)), "body", size, K.INK)
            self.rows.append((rect, line))
            y += height
        shown = len(self.rows)
        hint = (
            f"Lines {self.first + 1}-{self.first + shown} of {len(self.lines)} (wheel scrolls). "
            if len(self.lines) > shown
            else ""
        )
        K.text(
            surface,
            hint + "Click a line to open what it names.",
            (r.left + self.s(20), r.bottom - self.s(48)),
            "body",
            self.s(14),
            K.GREY,
        )
