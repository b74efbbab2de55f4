"""Load: every save in the saves folder, newest first, with its date, turn, scenario and who
plays each faction; a damaged save is listed with the reason it cannot load."""

from __future__ import annotations

import pygame
import pygame_gui

from ...persistence.codec import SaveError
from ...session.paths import saves_dir
from ...session.saving import list_saves, load_session
from .. import assets as K
from ..scene import Scene
from ..widgets.common import closes, page
from .contentnotice import before_game


def open_game(app, path) -> str:
    """Load a save into a game screen; returns an error line, or '' when it worked."""
    try:
        session = load_session(path, app.content)
    except SaveError as exc:
        return str(exc)
    before_game(app, lambda: app.reset_to("game", session))
    return ""


class LoadScene(Scene):
    def build(self) -> None:
        w, h = self.app.size
        self.saves = list_saves(saves_dir())
        self.rows = {}
        y = self.s(90)
        shown = max(1, min(14, (h - self.s(170)) // self.s(42)))  # as many as fit above Back
        for path, header, problem in self.saves[:shown]:
            if header:
                scen = self.app.rs.scenarios.get(header.get("scenario"))
                name = scen.name if scen else header.get("scenario", "?")
                saved = str(header.get("saved_at", "")).replace("T", " ")[:16]
                label = f"{path.name.replace('.testament.json', '')} — saved {saved} — {header.get('date')} (turn {header.get('turn', 0) + 1}) — {name}"
            else:
                label = f"{path.name} — damaged or unreadable: {problem.removeprefix(path.name + ': ')}"
            tip = "Players: " + "; ".join(header.get("factions", [])) if header else problem
            text, small = K.button_label(label, self.s(16), self.s(13), w - self.s(100))
            b = pygame_gui.elements.UIButton(
                pygame.Rect(self.s(40), y, w - self.s(80), self.s(36)),
                text,
                self.manager,
                object_id=pygame_gui.core.ObjectID(f"#save_{len(self.rows)}", "@small" if small else None),
                tool_tip_text=f"{label}\n{tip}",
            )
            if not header:
                b.disable()
            self.rows[b] = path
            y += self.s(42)
        self.back = self.button(pygame.Rect(self.s(40), h - self.s(70), self.s(160), self.s(44)), "Back", "#back")
        self.error = ""

    def handle(self, event) -> None:
        if closes(event, self.back):
            self.app.pop()
        elif event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element in self.rows:
            self.error = open_game(self.app, self.rows[event.ui_element])
        elif event.type == pygame.KEYDOWN and pygame.K_1 <= event.key <= pygame.K_9:
            enabled = [b for b in self.rows if b.is_enabled]
            index = event.key - pygame.K_1
            if index < len(enabled):
                self.error = open_game(self.app, self.rows[enabled[index]])

    def draw(self, surface) -> None:
        page(surface, "Load a game", self.s)
        if not self.saves:
            K.text(surface, f"No saved games yet in {saves_dir()}.", (self.s(40), self.s(90)), "bold", self.s(18))
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
