"""The end of a lesson and of the game: the epilogue, the charts, and the after-action report."""

from __future__ import annotations

import html

import pygame
import pygame_gui

from ...persistence.atomic import write_atomic
from ...report.html import build_report
from ...session.saving import to_save
from ...text.narrate import epilogue_lines
from .. import assets as K
from ..summaries import tags_for
from ..widgets import projector as PJ
from ..widgets.charts import line_chart
from ..widgets.common import closes, heading
from .overlay import Overlay


class EndOverlay(Overlay):
    projector = True

    def __init__(self, app, session) -> None:
        self.session = session
        super().__init__(app)

    def fits(self, k: float, frame: pygame.Rect) -> bool:
        return PJ.end_fits(k, frame)

    def build(self) -> None:
        r = self.frame_rect()
        self.box = pygame_gui.elements.UITextBox(
            "<br>".join(html.escape(line) for line in epilogue_lines(self.app.rs, self.session.state)),
            pygame.Rect(r.left + self.s(20), r.top + self.s(70), int(r.width * 0.58), r.height - self.s(140)),
            self.manager,
            object_id="#epilogue",
        )
        self.menu = self.button(
            pygame.Rect(r.right - self.s(260), r.bottom - self.s(60), self.s(240), self.s(44)), "Main menu", "#to_menu"
        )
        self.report = self.button(
            pygame.Rect(r.right - self.s(520), r.bottom - self.s(60), self.s(240), self.s(44)),
            "Write the report (R)",
            "#report",
            "A printable page for the debrief: timeline, history, charts, questions",
        )
        self.go_menu = lambda: self.app.reset_to("menu")
        self.note = ""

    def write_report(self) -> None:
        saver = self.app.game_scene().saver
        try:
            saver.beside_report()
            path = saver.folder / f"{saver.report_stamp()}-report.html"
            write_atomic(
                path,
                build_report(
                    self.app.rs, to_save(self.session, self.app.content), summarise=tags_for(self.app, self.session)
                ),
            )
            self.note = f"Report written: {path} — open it in any web browser."
        except OSError as exc:
            self.note = f"Could not write the report: {exc.strerror}"

    def handle(self, event) -> None:
        if closes(event, self.menu, (pygame.K_RETURN, pygame.K_ESCAPE)):
            self.go_menu()
        elif closes(event, self.report, (pygame.K_r,)):
            self.write_report()

    def draw(self, surface) -> None:
        super().draw(surface)
        r = self.frame_rect()
        heading(surface, "The end", (r.left + self.s(16), r.top + self.s(6)), self.s(38), K.WHITE)
        if self.note:
            K.paragraph(
                surface,
                self.note,
                pygame.Rect(r.left + self.s(20), r.bottom - self.s(62), r.width - self.s(560), self.s(60)),
                "bold",
                self.s(13),
                K.RED,
            )
        rs, state = self.app.rs, self.session.state
        left = r.left + self.s(40) + int(r.width * 0.58)
        width = r.right - left - self.s(20)
        shown = ("grain_harvest", "industrial_output", "famine_deaths", "repression_deaths")
        height = (r.height - self.s(150)) // len(shown)
        for i, ind in enumerate(shown):
            rect = pygame.Rect(left, r.top + self.s(70) + i * height, width, height - self.s(8))
            line_chart(
                surface,
                rect,
                [row[rs.ii[ind]] for row in state.history],
                rs.indicators[ind].name,
                state.start_year,
                self.s(13),
            )


class LessonEndOverlay(Overlay):
    """A unit's lesson ends on a clean save point: the game is saved under the lesson's name."""

    projector = True

    def __init__(self, app, session, lesson: int) -> None:
        """Saved once, as the dialog opens (never again when a resize lays it out anew)."""
        self.session, self.lesson = session, lesson
        saver = app.game_scene().saver
        self.name = saver.lesson_name(lesson)
        try:
            self.note = f"Saved as {saver.lesson_end(lesson).name}: next lesson, choose Continue or Load."
        except OSError as exc:
            self.note = f"Could not save: {exc.strerror}"
        super().__init__(app)

    def fits(self, k: float, frame: pygame.Rect) -> bool:
        note = f"Saved as {self.name}: next lesson, choose Continue or Load."
        return PJ.note_fits(f"End of lesson {self.lesson}", note, k, frame)

    def build(self) -> None:
        r = self.frame_rect()
        self.ok = self.button(
            pygame.Rect(r.right - self.s(260), r.bottom - self.s(60), self.s(240), self.s(44)), "Play on", "#play_on"
        )
        self.report = self.button(
            pygame.Rect(r.right - self.s(520), r.bottom - self.s(60), self.s(240), self.s(44)),
            "Write the report (R)",
            "#report",
        )

    def handle(self, event) -> None:
        if closes(event, self.ok, (pygame.K_RETURN, pygame.K_ESCAPE)):
            self.app.pop()
        elif closes(event, self.report, (pygame.K_r,)):
            EndOverlay.write_report(self)  # the same page as at the end of the game

    def draw(self, surface) -> None:
        super().draw(surface)
        r = self.frame_rect()
        heading(surface, f"End of lesson {self.lesson}", (r.left + self.s(16), r.top + self.s(6)), self.s(38), K.WHITE)
        K.paragraph(
            surface,
            self.note,
            pygame.Rect(r.left + self.s(30), r.top + self.s(90), r.width - self.s(60), self.s(200)),
            "body",
            self.s(20),
        )
