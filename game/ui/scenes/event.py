"""An event of the chronicle: its text and picture, then each choice with what it does (or a class
vote on the choices first)."""

from __future__ import annotations

import pygame

from ...content.tags import note, shown_text
from ...core import actions as A
from ...text.effects import for_event
from .. import assets as K
from ..summaries import tags_for
from ..widgets import projector as PJ
from ..widgets.common import ButtonList, Choice, heading
from ..widgets.illustration import illustration
from .overlay import Overlay


def event_content(app, session, event, faction: str, class_vote: bool) -> tuple[str, list, list[tuple[str, str]]]:
    """An event's text as shown (the summary if the content settings say so), its paragraphs, and
    each choice's row: its button label and what it does."""
    rs, said = app.rs, for_event(app.rs, faction)
    shown, hidden = shown_text(event, tags_for(app, session))  # full text, or the summary
    paragraphs = [(f"{rs.factions[faction].name} decides.", "bold", 16, K.INK), (shown, "body", 18, K.INK)]
    if hidden:  # a summary says so, so nobody takes it for the whole text
        paragraphs.append((note(hidden) + ". The full text is in the Encyclopedia.", "bold", 14, K.RED_DARK))
    rows = []
    for i, c in enumerate(event.choices):
        rows.append((f"{i + 1}. {c.label}", f"{c.text} — {said.effects(c.effects)}"))
    if class_vote:
        rows.append(("Class vote first (V)", "The room votes on the choices; the driver enters the result."))
    return shown, paragraphs, rows


class EventOverlay(Overlay):
    """A chronicle event: its text, then each choice with what it does."""

    projector = True

    def __init__(self, app, session, faction: str) -> None:
        self.session, self.faction = session, faction
        self.event = app.rs.events[session.state.event_queue[0]]
        super().__init__(app)

    def layout(self, k: float, frame: pygame.Rect) -> PJ.EventLayout:
        if not hasattr(self, "_content"):  # the text shown (perhaps the summary), and each choice's row
            self.shown, *self._content = event_content(
                self.app, self.session, self.event, self.faction, bool(self.session.options.get("class_vote"))
            )
        paragraphs, rows = self._content
        tags = "Content: " + ", ".join(self.event.content_tags) if self.event.content_tags else ""
        return PJ.EventLayout.make(frame, k, self.event.title, paragraphs, tags, rows)

    def fits(self, k: float, frame: pygame.Rect) -> bool:
        return self.layout(k, frame).fits

    def build(self) -> None:
        said = for_event(self.app.rs, self.faction)
        self.placed = self.layout(self.scene_scale(), self.frame_rect())
        choices = []
        for i, c in enumerate(self.event.choices):
            does = said.effects(c.effects)
            label = f"{i + 1}. {c.label}"
            choices.append(
                Choice(
                    f"#choice_{c.id}",
                    label,
                    lambda cid=c.id: self.choose(cid),
                    tooltip=f"{c.text}\nEffects: {does}",
                    key=pygame.K_1 + i,
                )
            )
        if self.session.options.get("class_vote"):
            choices.append(
                Choice(
                    "#class_vote",
                    "Class vote first (V)",
                    self.class_vote,
                    key=pygame.K_v,
                    tooltip="The room votes on the choices; the driver enters the result",
                )
            )
        rects = [row.button for row in self.placed.rows]  # each choice's button, beside what it does
        self.list = ButtonList(self, choices, pygame.Rect(0, 0, 0, 0), 0, 0, rects=rects)

    def class_vote(self) -> None:
        options = [(c.id, c.label) for c in self.event.choices]
        self.app.push(
            "class_vote",
            self.session,
            self.faction,
            f"the event “{self.event.title}”",
            f"{self.event.title}: which choice does the room make?",
            options,
            self.choose,
        )

    def choose(self, option: str) -> None:
        result = self.session.submit(A.ChooseOption(self.faction, self.event.id, option))
        if result.ok:
            self.app.pop()

    def handle(self, event) -> None:
        self.list.handle(event)

    def draw(self, surface) -> None:
        super().draw(surface)
        r = self.frame_rect()
        heading(surface, self.event.title, (r.left + self.s(16), r.top + self.s(6)), self.s(38), K.WHITE)
        art = self.placed.art
        surface.blit(illustration(self.event.illustration or self.event.id, art.width, art.height), art)
        self.placed.draw(surface)  # the text, the content tags and what each choice does
        self.list.draw_focus(surface)
