"""The Relations panel (top-bar button "Relations", key R): your pacts in force with their terms,
turns left and trust both ways, with a Break button that states its cost; offers to you (accept or
refuse) and from you; other factions' pacts; and each rival's attitude as far as you can tell."""

from __future__ import annotations

import html

import pygame
import pygame_gui

from ...text import names
from .. import assets as K
from .. import relations_model as R
from ..widgets.common import ButtonList, Choice, closes, heading
from .overlay import Overlay


class RelationsOverlay(Overlay):
    def __init__(self, app, session, viewer: str) -> None:
        self.session, self.viewer = session, viewer
        self.note = ""
        super().__init__(app)

    def build(self) -> None:
        rs, r = self.app.rs, self.frame_rect()
        view = self.session.view(self.viewer)
        mine, offers = R.pacts_in_force(rs, view, self.viewer), R.offers(rs, view, self.viewer)
        parts = [f"<b>Your pacts in force ({html.escape(names.label(rs, self.viewer))})</b>"]
        parts += [html.escape(i.text) for i in mine] or ["None."]
        parts += ["", "<b>Offers</b>"] + (
            [html.escape(i.text) for i in offers] or ["No offers standing to or from you."]
        )
        parts += ["", "<b>Each rival, as far as you can tell</b>"] + [
            html.escape(x) for x in R.attitudes(rs, view, self.viewer)
        ]
        others = R.others_pacts(rs, view, self.viewer)
        parts += ["", "<b>Other pacts (public)</b>"] + ([html.escape(x) for x in others] or ["None."])
        text_w = int(r.width * 0.6)
        self.box = pygame_gui.elements.UITextBox(
            "<br>".join(parts),
            pygame.Rect(r.left + self.s(20), r.top + self.s(70), text_w, r.height - self.s(140)),
            self.manager,
            object_id="#relations_text",
        )
        choices = []
        human = self.session.human_to_move() == self.viewer
        for item in offers + mine:
            for label, action, tip in item.actions:
                why = self.session.why_not(action) if human else "Not your turn."
                oid = f"#rel_{len(choices)}"
                words, small = K.button_label(label, self.s(16), self.s(13), r.right - r.left - text_w - self.s(72))
                choices.append(
                    Choice(
                        pygame_gui.core.ObjectID(oid, "@small" if small else None),
                        words,
                        lambda a=action: self.act(a),
                        enabled=why is None,
                        tooltip=tip + (f"\nNot now: {why}" if why else ""),
                    )
                )
        left = r.left + text_w + self.s(36)
        self.list = ButtonList(
            self, choices, pygame.Rect(left, r.top + self.s(70), r.right - left - self.s(20), 0), self.s(40), self.s(8)
        )
        self.ok = self.button(
            pygame.Rect(r.right - self.s(200), r.bottom - self.s(60), self.s(180), self.s(44)),
            "Close",
            "#close",
            "Esc or R closes",
        )

    def act(self, action) -> None:
        result = self.session.submit(action)
        self.note = self.session.words(result.reason) or "Done."
        self.rebuild()
        game = self.app.game_scene()
        if game is not None:
            game.rebuild()

    def handle(self, event) -> None:
        if closes(event, self.ok, (pygame.K_ESCAPE, pygame.K_r)):
            self.app.pop()
            return
        self.list.handle(event)

    def draw(self, surface) -> None:
        super().draw(surface)
        r = self.frame_rect()
        heading(surface, "Relations", (r.left + self.s(16), r.top + self.s(6)), self.s(38), K.WHITE)
        if not self.list.buttons:
            K.paragraph(
                surface,
                "Nothing to answer or break now.",
                pygame.Rect(
                    r.left + int(r.width * 0.6) + self.s(36), r.top + self.s(76), int(r.width * 0.3), self.s(60)
                ),
                "body",
                self.s(15),
                K.GREY,
            )
        else:
            self.list.draw_focus(surface)
        if self.note:
            K.text(surface, self.note, (r.left + self.s(20), r.bottom - self.s(48)), "bold", self.s(15), K.RED)
