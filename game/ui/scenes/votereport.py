"""The vote report: after each Politburo session (and from the inbox), for each motion its result
and tally, the three odds (when proposed; on the eve, as the proposer saw it; the true chance),
what changed in between with its cause and points, and each member's ballot with his whip and
his reasons in words; plenums and congresses in a sentence each."""

from __future__ import annotations

import html

import pygame
import pygame_gui

from ...text.chronicle import Text
from ...text.votes import VoteWords
from .. import assets as K
from ..widgets import projector as PJ
from ..widgets.common import closes, heading
from .overlay import Overlay

RED = "#be1e22"


def report_html(rs, votes: list) -> str:
    """The report's text as pygame_gui's HTML subset."""
    t, w = Text(rs), VoteWords(rs)
    parts: list[str] = []
    for _turn, key, p in votes:
        if key != "vote.held":
            parts.append(html.escape(t.entry(key, p) or ""))
            if key == "congress.held":
                hall = ", ".join(
                    f"{t.faction(k) if k != 'uncommitted' else 'uncommitted'} {n}" for k, n in p["delegates"].items()
                )
                reports = ", ".join(f"{t.of(k)} report {n}" for k, n in p["reports"].items())
                parts.append(f"&nbsp;&nbsp;Delegates: {html.escape(hall)}")
                parts.append(f"&nbsp;&nbsp;The political report: {html.escape(reports)}")
            parts.append("")
            continue
        parts.append("<b>" + html.escape(t.vote_verdict(p)) + "</b>")
        parts.append(html.escape(w.odds(p)))
        changes = w.changes(p)
        if changes:
            parts.append("<i>What changed:</i>")
            parts.extend(f"&nbsp;&nbsp;• {html.escape(c)}" for c in changes)
        elif p.get("p_proposed") is not None:
            parts.append("<i>Nothing moved the odds by 3 points or more.</i>")
        if p.get("could_move"):
            names = ", ".join(t.person(c) for c in p["could_move"])
            parts.append(f"<i>Could still have moved, as the proposer saw it:</i> {html.escape(names)}")
        parts.append("<i>How each member voted, and why:</i>")
        for line in w.members(p):
            escaped = html.escape(line).replace("DEFECTED", f"<font color='{RED}'><b>DEFECTED</b></font>")
            parts.append(f"&nbsp;&nbsp;{escaped}")
        parts.append("")
    return "<br>".join(parts) or "No votes."


class VoteOverlay(Overlay):
    """The Politburo's votes: result, the three odds, what changed, and why each member voted so."""

    projector = True

    def __init__(self, app, session, votes: list) -> None:
        self.session, self.votes = session, votes
        super().__init__(app)

    def fits(self, k: float, frame: pygame.Rect) -> bool:
        return PJ.list_fits("Votes and elections", k, frame)

    def build(self) -> None:
        r = self.frame_rect()
        self.box = pygame_gui.elements.UITextBox(
            report_html(self.app.rs, self.votes),
            pygame.Rect(r.left + self.s(20), r.top + self.s(70), r.width - self.s(40), r.height - self.s(140)),
            self.manager,
            object_id="#votes",
        )
        self.ok = self.button(
            pygame.Rect(r.right - self.s(200), r.bottom - self.s(60), self.s(180), self.s(44)), "Continue", "#continue"
        )

    def handle(self, event) -> None:
        if closes(event, self.ok, (pygame.K_RETURN, pygame.K_ESCAPE, pygame.K_SPACE)):
            self.app.pop()

    def draw(self, surface) -> None:
        super().draw(surface)
        r = self.frame_rect()
        heading(surface, "Votes and elections", (r.left + self.s(16), r.top + self.s(6)), self.s(38), K.WHITE)
        K.text(
            surface,
            "Scroll for every member's reasons. Points: how much each thing moved the chance of yes.",
            (r.left + self.s(20), r.bottom - self.s(48)),
            "body",
            self.s(14),
            K.GREY,
        )
