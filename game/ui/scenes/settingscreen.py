"""Settings: resolution, fullscreen, UI scale 100-200 %, colour-blind markers, animation speed, and
the content settings (per content tag: texts in full or summarised). Usable by keyboard alone."""

from __future__ import annotations

import pygame
import pygame_gui

from ...content.tags import LABELS, TAGS, toggled
from ...session.settings import save_settings
from .. import assets as K
from ..scene import Scene
from ..summaries import toggle_label
from ..widgets.common import page

RESOLUTIONS = ("1280x720", "1600x900", "1920x1080", "2560x1440")
SCALES = ("100", "125", "150", "175", "200")
SPEEDS = ("0", "50", "100", "200")
# The rows the keyboard focus moves through, in order.
ROWS = (
    "resolution",
    "fullscreen",
    "ui_scale",
    "markers",
    "animation",
    *(f"summarise_{t}" for t in TAGS),
    "save",
    "back",
)


class SettingsScene(Scene):
    """Two columns: the window on the left, the content settings on the right; Save and Back.

    Keyboard: Up/Down or Tab/Shift+Tab move the focus (a thick frame and a ">" marker) from row to
    row, Left/Right change the focused value, Enter or Space change it too (or press the focused
    Save or Back), S saves from anywhere, Esc goes back."""

    def build(self) -> None:
        st = self.app.settings
        w = self.app.size[0]
        x, y = self.s(60), self.s(120)
        row = self.s(56)
        width = self.s(220)
        self.row = getattr(self, "row", 0)
        self.rows = []  # (label, position) to draw
        self.row_rects: dict[str, pygame.Rect] = {}

        def place(name: str, text: str, left: int, top: int, gap: int = 260) -> pygame.Rect:
            self.rows.append((text, (left, top + self.s(8))))
            self.row_rects[name] = pygame.Rect(
                left - self.s(12), top - self.s(6), self.s(gap) + width + self.s(24), self.s(52)
            )
            return pygame.Rect(left + self.s(gap), top, width, self.s(40))

        self.resolution = pygame_gui.elements.UIDropDownMenu(
            list(RESOLUTIONS)
            if f"{st.width}x{st.height}" in RESOLUTIONS
            else [f"{st.width}x{st.height}", *RESOLUTIONS],
            f"{st.width}x{st.height}",
            place("resolution", "Resolution", x, y),
            self.manager,
            object_id="#resolution",
        )
        y += row
        self.fullscreen = self.button(
            place("fullscreen", "Fullscreen", x, y), "On" if st.fullscreen else "Off", "#fullscreen"
        )
        y += row
        # capped by the window: 150 % needs 1920x1080, 200 % 2560x1440
        self.scale = pygame_gui.elements.UIDropDownMenu(
            list(SCALES),
            str(st.ui_scale) if str(st.ui_scale) in SCALES else "100",
            place("ui_scale", "Interface scale (%)", x, y),
            self.manager,
            object_id="#ui_scale",
        )
        y += row
        self.markers = self.button(
            place("markers", "Faction letters on seats", x, y),
            "On" if st.markers else "Off",
            "#markers",
            "Letters mark each faction so colour is never the only clue.",
        )
        y += row
        self.speed = pygame_gui.elements.UIDropDownMenu(
            list(SPEEDS),
            str(st.animation) if str(st.animation) in SPEEDS else "100",
            place("animation", "Animation speed (%)", x, y),
            self.manager,
            object_id="#animation",
        )
        y += row + self.s(20)
        self.save = self.button(pygame.Rect(x, y, self.s(200), self.s(44)), "Save (S)", "#save_settings")
        self.back = self.button(pygame.Rect(x + self.s(220), y, self.s(200), self.s(44)), "Back", "#back")
        self.row_rects["save"] = self.save.rect.inflate(self.s(12), self.s(12))
        self.row_rects["back"] = self.back.rect.inflate(self.s(12), self.s(12))
        # The content settings: each tag's texts in full, or summarised.
        cx = max(w // 2 + self.s(40), x + self.s(560))
        self.content_top = self.s(80)
        self.tag_buttons = {}
        for i, tag in enumerate(TAGS):
            rect = place(f"summarise_{tag}", LABELS[tag], cx, self.s(120) + self.s(40) + i * row, 180)
            self.tag_buttons[
                self.button(
                    rect,
                    toggle_label(tag in st.summarise),
                    f"#summarise_{tag}",
                    "Show tagged texts in full, or a short factual summary",
                )
            ] = tag
        self.content_x = cx
        self.message = getattr(self, "message", "")

    def key(self, k: int, mod: int = 0) -> None:
        """Keyboard: move the focus, change the focused value, save, go back."""
        name = ROWS[self.row]
        if k in (pygame.K_UP, pygame.K_DOWN, pygame.K_TAB):
            back = k == pygame.K_UP or (k == pygame.K_TAB and mod & pygame.KMOD_SHIFT)
            self.row = (self.row + (-1 if back else 1)) % len(ROWS)
        elif k == pygame.K_ESCAPE:
            self.app.pop()
        elif k == pygame.K_s:
            self.apply()
        elif name in ("save", "back"):
            if k in (pygame.K_LEFT, pygame.K_RIGHT):
                self.row = ROWS.index("back" if name == "save" else "save")
            elif k in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                self.apply() if name == "save" else self.app.pop()
        elif k in (pygame.K_LEFT, pygame.K_RIGHT, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            self.change(name, -1 if k == pygame.K_LEFT else 1)

    def change(self, name: str, step: int) -> None:
        """Change one setting by one step (a toggle flips; a list moves to its next option)."""
        st = self.app.settings
        if name == "fullscreen":
            st.fullscreen = not st.fullscreen
        elif name == "markers":
            st.markers = not st.markers
        elif name.startswith("summarise_"):
            st.summarise = toggled(st.summarise, name.removeprefix("summarise_"))
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
        if event.type == pygame.KEYDOWN:
            self.key(event.key, getattr(event, "mod", 0))
        elif event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.back:
                self.app.pop()
            elif event.ui_element is self.fullscreen:
                self.row = ROWS.index("fullscreen")
                st.fullscreen = not st.fullscreen
                self.fullscreen.set_text("On" if st.fullscreen else "Off")
            elif event.ui_element is self.markers:
                self.row = ROWS.index("markers")
                st.markers = not st.markers
                self.markers.set_text("On" if st.markers else "Off")
            elif event.ui_element in self.tag_buttons:
                tag = self.tag_buttons[event.ui_element]
                self.row = ROWS.index(f"summarise_{tag}")
                st.summarise = toggled(st.summarise, tag)
                event.ui_element.set_text(toggle_label(tag in st.summarise))
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
        K.text(surface, "Window", (self.s(60), self.content_top), "bold", self.s(20))
        K.text(surface, "Content", (self.content_x, self.content_top), "bold", self.s(20))
        K.paragraph(
            surface,
            "Texts tagged with a kind of content: shown in full, or as a short factual summary. "
            "The Encyclopedia can always show the full text.",
            pygame.Rect(
                self.content_x,
                self.content_top + self.s(28),
                surface.get_width() - self.content_x - self.s(30),
                self.s(40),
            ),
            "body",
            self.s(14),
            K.GREY,
        )
        for text, pos in self.rows:
            K.text(surface, text, pos, "bold", self.s(18))
        # The focus: a thick black frame and a ">" marker, never colour alone.
        focus = self.row_rects[ROWS[self.row]]
        pygame.draw.rect(surface, K.INK, focus, max(3, self.s(4)))
        K.text(surface, ">", (focus.left - self.s(6), focus.centery), "poster", self.s(28), K.INK, "midright")
        K.text(
            surface,
            "Keys: Up/Down or Tab move, Left/Right or Enter change, S saves, Esc goes back.",
            (self.s(60), surface.get_height() - self.s(30)),
            "body",
            self.s(14),
            K.GREY,
        )
        if getattr(self, "message", ""):
            K.text(surface, self.message, (self.s(60), surface.get_height() - self.s(60)), "bold", self.s(16), K.RED)


def _cycle(options: tuple[str, ...], current: str, step: int) -> str:
    index = options.index(current) if current in options else 0
    return options[(index + step) % len(options)]
