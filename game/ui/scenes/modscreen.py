"""Mods and Mod problems: what is installed, what is enabled, and what was disabled and why.

Each mod's state comes from `content.mods.mod_states`, as in `python -m game mods`, so the screen and
the command agree; the On/Off button is what the settings hold for the next start, and beside it
the screen says whether the mod is loaded in this window now.
"""

from __future__ import annotations

import html

import pygame
import pygame_gui

from ...content.mods import discover, mod_states
from ...session.paths import mod_roots
from ...session.settings import save_settings
from .. import assets as K
from ..scene import Scene
from ..widgets.common import closes, page


class ModsScene(Scene):
    def build(self) -> None:
        w, h = self.app.size
        self.found = discover(mod_roots())
        self.states = mod_states(self.found, self.app.settings.mods, self.app.content.mods.disabled)
        self.toggles = {}
        y = self.s(90)
        for mod_id in self.found.available:
            on = mod_id in self.app.settings.mods
            b = self.button(pygame.Rect(self.s(40), y, self.s(90), self.s(34)), "On" if on else "Off", f"#mod_{mod_id}")
            self.toggles[b] = mod_id
            y += self.s(44)
        problems = list(self.app.content.problems) + list(self.found.problems)
        disabled = {**self.found.disabled, **self.app.content.mods.disabled}
        lines = [f"<b>{html.escape(m)}</b>: {html.escape(why)}" for m, why in disabled.items()]
        lines += [html.escape(str(p)) for p in problems if p.severity == "error"]
        text = "<br>".join(lines) if lines else "No problems: every enabled mod loaded."
        top = max(y + self.s(20), int(h * 0.45))
        self.problems = pygame_gui.elements.UITextBox(
            "<b>Mod problems</b><br>" + text,
            pygame.Rect(self.s(40), top, w - self.s(80), h - top - self.s(90)),
            self.manager,
            object_id="#mod_problems",
        )
        self.back = self.button(pygame.Rect(self.s(40), h - self.s(70), self.s(160), self.s(44)), "Back", "#back")
        self.note = (
            "Changes apply to the next game started after a restart of the window."
            if self.toggles
            else ("No mods installed. Put mod folders in: " + "  |  ".join(str(r) for r in mod_roots()))
        )

    def handle(self, event: pygame.event.Event) -> None:
        if closes(event, self.back):
            self.app.pop()
        elif event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element in self.toggles:
            mod_id = self.toggles[event.ui_element]
            mods = self.app.settings.mods
            if mod_id in mods:
                mods.remove(mod_id)
            else:
                mods.append(mod_id)
            event.ui_element.set_text("On" if mod_id in mods else "Off")
            try:
                save_settings(self.app.settings)
            except OSError as exc:
                self.note = f"Could not save the settings: {exc.strerror}"

    def draw(self, surface: pygame.Surface) -> None:
        page(surface, "Mods", self.s)
        for b, mod_id in self.toggles.items():
            K.text(
                surface,
                self.status(mod_id),
                (b.rect.right + self.s(16), b.rect.top + self.s(6)),
                "bold",
                self.s(17),
                K.RED if self.states[mod_id][0] == "bad" else K.INK,
            )
        K.text(surface, self.note, (self.s(40), self.s(66)), "body", self.s(14), K.GREY)

    def status(self, mod_id: str) -> str:
        """The line beside a mod's On/Off button: what it is, and whether this window loaded it."""
        info = self.found.available[mod_id]
        version = ".".join(map(str, info.version))
        if mod_id in self.app.content.active:
            now = "loaded now"
        else:
            now = "cannot load — see Mod problems" if self.states[mod_id][0] == "bad" else "not loaded now"
        return f"{info.name}  ({mod_id} {version}) — {now}"
