"""The pause menu: resume, the encyclopedia, settings, a quick save, the teacher's menu, or back to
the main menu."""

from __future__ import annotations

import pygame

from .. import assets as K
from ..widgets.common import ButtonList, Choice
from .overlay import MenuOverlay


class PauseOverlay(MenuOverlay):
    title = "Paused"

    def build(self) -> None:
        r = self.frame_rect()
        choices = [
            Choice("#resume", "Resume", self.app.pop, key=pygame.K_r),
            Choice("#pause_encyclopedia", "Encyclopedia", lambda: self.app.push("encyclopedia")),
            Choice("#pause_settings", "Settings", lambda: self.app.push("settings")),
            Choice("#quick_save", "Save (F5)", self.save, key=pygame.K_s),
            Choice(
                "#pause_teacher",
                "Teacher (F10)",
                self.teacher,
                key=pygame.K_t,
                tooltip="Pause the class, skip or bring in an event, undo a whole turn, recovery, timer",
            ),
            Choice(
                "#to_menu",
                "Quit to the main menu",
                lambda: self.app.reset_to("menu"),
                tooltip="The game was autosaved at the start of this turn; Save keeps this very moment",
            ),
        ]
        height = self.s(46)
        self.list = ButtonList(
            self,
            choices,
            pygame.Rect(r.centerx - self.s(180), r.top + self.s(120), self.s(360), height),
            height,
            self.s(10),
        )

    def teacher(self) -> None:
        self.app.pop()
        self.app.open_teacher_menu()

    def save(self) -> None:
        game = self.app.game_scene()
        if game is not None:
            game.quick_save()
            self.note = game.message

    def draw_body(self, surface, r: pygame.Rect) -> None:
        if getattr(self, "note", ""):
            K.text(surface, self.note, (r.centerx, r.bottom - self.s(60)), "bold", self.s(16), K.RED, "center")
