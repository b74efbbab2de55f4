"""The content notice: before the first game, a few sober lines on what the game depicts, and one
switch per content tag between showing tagged texts in full and summarising them.

`before_game` is the one door into a game (new game, a set-up, Continue, Load): it goes straight
through once the notice has been read, else it shows the notice first and goes on from its
Continue. Keyboard: Up/Down or Tab/Shift+Tab move the focus, Left/Right, Space or Enter switch
the focused tag, Enter on Continue goes on, Esc goes back.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

import pygame
import pygame_gui

from ...content.tags import LABELS, TAGS, in_force, toggled
from ...session.settings import save_settings
from .. import assets as K
from ..scene import Scene
from ..summaries import toggle_label
from ..widgets.common import page

WHAT = {
    "famine": "the famines and hunger in the villages, with their death tolls",
    "repression": "arrests, deportations, purges, show trials and the camps",
    "execution": "death sentences and shootings",
    "violence": "wars, massacres and killings",
}

NOTICE = (
    "Testament is a game about real history: the struggle over Lenin's succession, 1924-1941. It depicts famine, "
    "political repression, show trials and executions, which cost millions of lives. The game never plays them for "
    "laughs. It counts them: famine and repression deaths are indicators of the country and are subtracted from every "
    "faction's score, and every event and card says what really happened, with its sources.",
    "Some of it is alternate history: in the game the Left Socialist Revolutionaries survive as a legal party. In "
    "reality their party was crushed after 1918, and its leaders spent their lives in prison and exile or were shot.",
    "Texts that deal with these subjects carry content tags. For each tag, choose whether to show such texts in full "
    "or as a short, factual summary. The full texts stay in the Encyclopedia, and Settings can change this later.",
)


def before_game(app, proceed: Callable[[], None]) -> None:
    """Go on into a game now, or after the content notice if it has not been read yet."""
    if app.settings.content_notice_seen:
        proceed()
    else:
        app.push(ContentNoticeScene, proceed)


class ContentNoticeScene(Scene):
    def __init__(self, app, proceed: Callable[[], None]) -> None:
        self.proceed = proceed
        self.focus = len(TAGS)  # on Continue: Enter goes on, as everywhere else
        super().__init__(app)

    def build(self) -> None:
        w, h = self.app.size
        size = self.s(17)
        width = w - self.s(100)
        lines = sum(len(K.wrap(p, "body", size, width)) for p in NOTICE)
        y = self.s(84) + lines * int(size * 1.2) + len(NOTICE) * self.s(8) + self.s(44)
        self.rows_top = y - self.s(34)
        self.toggles: dict = {}
        self.row_rects: list[pygame.Rect] = []
        x = self.s(80)
        for tag in TAGS:
            b = self.button(
                pygame.Rect(x + self.s(640), y, self.s(220), self.s(40)),
                toggle_label(tag in self.app.settings.summarise),
                f"#notice_{tag}",
                f"{LABELS[tag]}: show tagged texts in full, or a short summary",
            )
            self.toggles[b] = tag
            self.row_rects.append(pygame.Rect(x - self.s(40), y - self.s(4), self.s(640 + 220 + 50), self.s(48)))
            y += self.s(52)
        self.go = self.button(
            pygame.Rect(w - self.s(300), h - self.s(100), self.s(240), self.s(54)),
            "Continue",
            "#notice_continue",
            "Save these choices and start (Enter)",
        )
        self.back = self.button(
            pygame.Rect(w - self.s(560), h - self.s(100), self.s(240), self.s(54)), "Back", "#notice_back", "Esc"
        )
        self.row_rects += [self.go.rect.inflate(self.s(12), self.s(12)), self.back.rect.inflate(self.s(12), self.s(12))]

    # ---- input -------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.go:
                self.go_on()
            elif event.ui_element is self.back:
                self.app.pop()
            elif event.ui_element in self.toggles:
                self.focus = list(TAGS).index(self.toggles[event.ui_element])
                self.switch(self.toggles[event.ui_element])
        elif event.type == pygame.KEYDOWN:
            self.key(event.key, event.mod if hasattr(event, "mod") else 0)

    def key(self, k: int, mod: int = 0) -> None:
        rows = len(TAGS) + 2
        if k == pygame.K_ESCAPE:
            self.app.pop()
        elif k in (pygame.K_DOWN, pygame.K_UP, pygame.K_TAB):
            back = k == pygame.K_UP or (k == pygame.K_TAB and mod & pygame.KMOD_SHIFT)
            self.focus = (self.focus + (-1 if back else 1)) % rows
        elif self.focus < len(TAGS) and k in (
            pygame.K_LEFT,
            pygame.K_RIGHT,
            pygame.K_SPACE,
            pygame.K_RETURN,
            pygame.K_KP_ENTER,
        ):
            self.switch(TAGS[self.focus])
        elif k in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            if self.focus == len(TAGS):
                self.go_on()
            else:
                self.app.pop()
        elif k in (pygame.K_LEFT, pygame.K_RIGHT) and self.focus >= len(TAGS):
            self.focus = len(TAGS) + (1 if self.focus == len(TAGS) else 0)

    def switch(self, tag: str) -> None:
        st = self.app.settings
        st.summarise = toggled(st.summarise, tag)
        button = next(b for b, t in self.toggles.items() if t == tag)
        button.set_text(toggle_label(tag in st.summarise))

    def go_on(self) -> None:
        """Remember the choices (the notice is not shown again) and go into the game."""
        self.app.settings.content_notice_seen = True
        with contextlib.suppress(OSError):  # the game goes on; the notice just shows again next time
            save_settings(self.app.settings)
        self.app.pop()
        self.proceed()

    # ---- drawing -------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        page(surface, "Before you play", self.s)
        w, h = surface.get_size()
        box = pygame.Rect(self.s(50), self.s(84), w - self.s(100), h)
        for para in NOTICE:
            box.top = K.paragraph(surface, para, box, "body", self.s(17)) + self.s(8)
        K.text(surface, "Each kind of content:", (self.s(50), self.rows_top), "bold", self.s(18))
        for i, tag in enumerate(TAGS):
            rect = self.row_rects[i]
            K.text(surface, LABELS[tag], (rect.left + self.s(40), rect.top + self.s(12)), "bold", self.s(18))
            K.text(
                surface,
                K.fit(WHAT[tag], "body", self.s(15), self.s(440)),
                (rect.left + self.s(190), rect.top + self.s(14)),
                "body",
                self.s(15),
                K.GREY,
            )
        # The focus: a thick black frame and a marker, never colour alone.
        focus = self.row_rects[self.focus]
        pygame.draw.rect(surface, K.INK, focus, max(3, self.s(4)))
        K.text(surface, ">", (focus.left - self.s(22), focus.centery), "poster", self.s(28), K.INK, "midleft")
        K.text(
            surface,
            "Keys: Up/Down or Tab move, Left/Right or Enter switch, Enter on Continue starts, Esc goes back.",
            (self.s(50), h - self.s(30)),
            "body",
            self.s(14),
            K.GREY,
        )
        summarised = in_force(self.app.settings.summarise)
        state = (
            "Summarised: " + ", ".join(LABELS[t] for t in summarised) if summarised else "Everything is shown in full."
        )
        K.text(surface, state, (self.s(50), h - self.s(80)), "bold", self.s(16))
