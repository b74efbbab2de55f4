"""The main menu: New game, Continue, Load, Encyclopedia, Settings, Mods, Quit."""

from __future__ import annotations

import pygame

from ... import __version__
from ...session.paths import saves_dir
from ...session.saving import list_saves
from .. import assets as K
from ..scene import Scene
from ..widgets.common import ButtonList, Choice, backdrop, heading
from .loadscreen import open_game


class MenuScene(Scene):
    def build(self) -> None:
        w, h = self.app.size
        self.latest = next((path for path, header, _ in list_saves(saves_dir()) if header), None)
        self.error = self.app.settings.problem  # a settings file set aside: say so once
        self.app.settings.problem = ""
        choices = [
            Choice("#new_game", "New game", lambda: self.app.push("new_game"), key=pygame.K_n),
            Choice(
                "#continue",
                "Continue",
                self.resume,
                enabled=self.latest is not None,
                key=pygame.K_c,
                tooltip=f"Resume {self.latest.name}" if self.latest else "No saved game yet",
            ),
            Choice("#load", "Load", lambda: self.app.push("load"), key=pygame.K_l),
            Choice(
                "#open_setup",
                "Open a set-up",
                lambda: self.app.push("setup"),
                key=pygame.K_o,
                tooltip="Start the game a teacher's .testament-setup file describes",
            ),
            Choice("#encyclopedia", "Encyclopedia", lambda: self.app.push("encyclopedia"), key=pygame.K_e),
            Choice("#settings", "Settings", lambda: self.app.push("settings"), key=pygame.K_s),
            Choice("#mods", "Mods", lambda: self.app.push("mods"), key=pygame.K_m),
            Choice("#quit", "Quit", self.quit, key=pygame.K_q),
        ]
        width = self.s(300)
        height = self.s(42)
        rect = pygame.Rect(int(w * 0.62), int(h * 0.18), width, height)
        self.list = ButtonList(self, choices, rect, height, self.s(10))

    def resume(self) -> None:
        if self.latest is not None:
            self.error = open_game(self.app, self.latest)

    def quit(self) -> None:
        self.app.running = False

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.quit()
            return
        self.list.handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        backdrop(surface)
        w, h = surface.get_size()
        heading(surface, "Testament", (int(w * 0.05), int(h * 0.1)), self.s(110), K.WHITE)
        heading(surface, "Завещание", (int(w * 0.05), int(h * 0.1) + self.s(110)), self.s(54), K.INK)
        lines = ["The Soviet succession struggle", "1924 – 1941"]
        y = int(h * 0.62)
        for line in lines:
            K.text(surface, line, (int(w * 0.05), y), "poster", self.s(30), K.WHITE)
            y += self.s(36)
        counts = (
            f"{len(self.app.rs.characters)} people · {len(self.app.rs.events)} events · {len(self.app.rs.cards)} cards"
        )
        mods = self.app.content.active
        note = f"version {__version__} · {counts}" + (f" · mods: {', '.join(mods)}" if mods else "")
        K.text(surface, note, (int(w * 0.62), int(h * 0.89)), "body", self.s(14), K.INK)
        problems = len(self.app.content.mods.disabled)
        if problems:
            K.text(
                surface,
                f"{problems} mod(s) disabled — see Mods",
                (int(w * 0.62), int(h * 0.92)),
                "bold",
                self.s(14),
                K.RED,
            )
        if self.error:
            K.paragraph(
                surface,
                self.error,
                pygame.Rect(int(w * 0.62), int(h * 0.75), int(w * 0.36), self.s(60)),
                "bold",
                self.s(14),
                K.RED,
            )
        self.list.draw_focus(surface)
