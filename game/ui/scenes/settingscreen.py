"""Settings: resolution, fullscreen, UI scale 100-200 %, colour-blind markers, animation speed."""

from __future__ import annotations

import pygame
import pygame_gui

from ...settings import save_settings
from .. import assets as K
from ..app import Scene
from .common import closes, page

RESOLUTIONS = ("1280x720", "1600x900", "1920x1080", "2560x1440")
SCALES = ("100", "125", "150", "175", "200")
SPEEDS = ("0", "50", "100", "200")


class SettingsScene(Scene):
    def build(self) -> None:
        st = self.app.settings
        x, y = self.s(60), self.s(110)
        row = self.s(56)
        width = self.s(220)
        self.rows = []

        def label(text: str) -> None:
            self.rows.append((text, (x, y + self.s(8))))

        label("Resolution")
        current = f"{st.width}x{st.height}"
        self.resolution = pygame_gui.elements.UIDropDownMenu(
            list(RESOLUTIONS) if current in RESOLUTIONS else [current, *RESOLUTIONS], current,
            pygame.Rect(x + self.s(260), y, width, self.s(40)), self.manager, object_id="#resolution")
        y += row
        label("Fullscreen")
        self.fullscreen = self.button(pygame.Rect(x + self.s(260), y, width, self.s(40)), "On" if st.fullscreen else "Off", "#fullscreen")
        y += row
        label("Interface scale (%)")  # capped by the window: 150 % needs 1920x1080, 200 % 2560x1440
        self.scale = pygame_gui.elements.UIDropDownMenu(
            list(SCALES), str(st.ui_scale) if str(st.ui_scale) in SCALES else "100",
            pygame.Rect(x + self.s(260), y, width, self.s(40)), self.manager, object_id="#ui_scale")
        y += row
        label("Faction letters on seats")
        self.markers = self.button(pygame.Rect(x + self.s(260), y, width, self.s(40)), "On" if st.markers else "Off", "#markers",
                                   "Letters mark each faction so colour is never the only clue.")
        y += row
        label("Animation speed (%)")
        self.speed = pygame_gui.elements.UIDropDownMenu(
            list(SPEEDS), str(st.animation) if str(st.animation) in SPEEDS else "100",
            pygame.Rect(x + self.s(260), y, width, self.s(40)), self.manager, object_id="#animation")
        y += row + self.s(20)
        self.save = self.button(pygame.Rect(x, y, self.s(200), self.s(44)), "Save", "#save_settings")
        self.back = self.button(pygame.Rect(x + self.s(220), y, self.s(200), self.s(44)), "Back", "#back")
        self.message = ""

    ROWS = ("resolution", "fullscreen", "ui_scale", "markers", "animation")

    def key(self, k: int) -> None:
        """Up/Down pick a setting, Left/Right change it, Enter saves."""
        st = self.app.settings
        self.row = getattr(self, "row", 0)
        if k in (pygame.K_UP, pygame.K_DOWN):
            self.row = (self.row + (1 if k == pygame.K_DOWN else -1)) % len(self.ROWS)
            return
        if k in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.apply()
            return
        step = 1 if k == pygame.K_RIGHT else -1
        name = self.ROWS[self.row]
        if name == "fullscreen":
            st.fullscreen = not st.fullscreen
        elif name == "markers":
            st.markers = not st.markers
        elif name == "ui_scale":
            self.app.set_scale(int(_cycle(SCALES, str(st.ui_scale), step)))
            return  # set_scale rebuilt the screen
        elif name == "animation":
            st.animation = int(_cycle(SPEEDS, str(st.animation), step))
        else:
            st.width, st.height = (int(v) for v in _cycle(RESOLUTIONS, f"{st.width}x{st.height}", step).split("x"))
        self.rebuild()

    def handle(self, event: pygame.event.Event) -> None:
        st = self.app.settings
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT,
                                                           pygame.K_RETURN, pygame.K_KP_ENTER):
            self.key(event.key)
        elif closes(event, self.back):
            self.app.pop()
        elif event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.fullscreen:
                st.fullscreen = not st.fullscreen
                self.fullscreen.set_text("On" if st.fullscreen else "Off")
            elif event.ui_element is self.markers:
                st.markers = not st.markers
                self.markers.set_text("On" if st.markers else "Off")
            elif event.ui_element is self.save:
                self.apply()
        elif event.type == pygame_gui.UI_DROP_DOWN_MENU_CHANGED:
            if event.ui_element is self.scale:
                self.app.set_scale(int(event.text))
            elif event.ui_element is self.speed:
                st.animation = int(event.text)
            elif event.ui_element is self.resolution:
                w, h = (int(v) for v in event.text.split("x"))
                st.width, st.height = w, h

    def apply(self) -> None:
        try:
            save_settings(self.app.settings)
            self.message = "Saved."
        except OSError as exc:
            self.message = f"Could not save the settings: {exc.strerror}"
        self.app.resize((self.app.settings.width, self.app.settings.height))

    def draw(self, surface: pygame.Surface) -> None:
        page(surface, "Settings", self.s)
        for i, (text, pos) in enumerate(self.rows):
            mark = "› " if i == getattr(self, "row", 0) else ""
            K.text(surface, mark + text, pos, "bold", self.s(18), K.RED if mark else K.INK)
        K.text(surface, "Keys: Up/Down choose, Left/Right change, Enter saves, Esc goes back.",
               (self.s(60), surface.get_height() - self.s(30)), "body", self.s(14), K.GREY)
        if getattr(self, "message", ""):
            K.text(surface, self.message, (self.s(60), surface.get_height() - self.s(60)), "bold", self.s(16), K.RED)


def _cycle(options: tuple[str, ...], current: str, step: int) -> str:
    index = options.index(current) if current in options else 0
    return options[(index + step) % len(options)]
