"""The class vote: before the driver enters an event's choice or puts a motion, the room votes.
The driver types the show of hands for each option (digits, or +/- and Left/Right), and the
room's choice is entered; the tally goes in the chronicle and the after-action report.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame
import pygame_gui

from ...core import actions as A
from .. import assets as K
from ..widgets.common import closes, heading
from .overlay import Overlay


def room_choice(counts: list[int]) -> int | None:
    """The option with the most hands, or None on a tie or an empty room."""
    best = max(counts, default=0)
    if best == 0 or counts.count(best) > 1:
        return None
    return counts.index(best)


class ClassVoteOverlay(Overlay):
    def __init__(
        self,
        app,
        session,
        faction: str,
        subject: str,
        question: str,
        options: list[tuple[str, str]],
        then: Callable[[str], None],
    ) -> None:
        self.session, self.faction, self.subject, self.question = session, faction, subject, question
        self.options, self.then = options, then
        self.counts = [0] * len(options)
        self.focus = 0
        self.note = ""
        super().__init__(app)

    def build(self) -> None:
        r = self.frame_rect()
        self.rows = []
        y = r.top + self.s(170)
        row = self.s(58)
        for oid, _label in self.options:
            minus = self.button(
                pygame.Rect(r.right - self.s(250), y, self.s(56), self.s(48)),
                "–",
                f"#cv_minus_{oid}",
                "One hand fewer (Left)",
            )
            plus = self.button(
                pygame.Rect(r.right - self.s(90), y, self.s(56), self.s(48)),
                "+",
                f"#cv_plus_{oid}",
                "One hand more (Right)",
            )
            self.rows.append((y, minus, plus))
            y += row
        self.enter = self.button(
            pygame.Rect(r.right - self.s(380), r.bottom - self.s(70), self.s(350), self.s(50)),
            "Enter the room's choice",
            "#cv_enter",
            "Enter",
        )
        self.cancel = self.button(
            pygame.Rect(r.left + self.s(30), r.bottom - self.s(70), self.s(200), self.s(50)),
            "Cancel",
            "#cv_cancel",
            "Esc",
        )
        self.refresh()

    def refresh(self) -> None:
        if room_choice(self.counts) is None:
            self.enter.disable()
        else:
            self.enter.enable()

    def set_count(self, i: int, value: int) -> None:
        self.counts[i] = max(0, min(999, value))
        self.focus = i
        self.refresh()

    def change(self, i: int, delta: int) -> None:
        self.set_count(i, self.counts[i] + delta)

    def handle(self, event) -> None:
        if closes(event, self.cancel):
            self.app.pop()
            return
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            for i, (_y, minus, plus) in enumerate(self.rows):
                if event.ui_element is minus:
                    self.change(i, -1)
                elif event.ui_element is plus:
                    self.change(i, 1)
            if event.ui_element is self.enter:
                self.commit()
            return
        if event.type != pygame.KEYDOWN:
            return
        k = event.key
        if k in (pygame.K_UP, pygame.K_DOWN, pygame.K_TAB):
            self.focus = (self.focus + (-1 if k == pygame.K_UP else 1)) % len(self.options)
        elif k in (pygame.K_LEFT, pygame.K_MINUS, pygame.K_KP_MINUS):
            self.change(self.focus, -1)
        elif k in (pygame.K_RIGHT, pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS):
            self.change(self.focus, 1)
        elif pygame.K_0 <= k <= pygame.K_9 or pygame.K_KP0 <= k <= pygame.K_KP9:
            digit = k - (pygame.K_0 if k <= pygame.K_9 else pygame.K_KP0)
            self.set_count(self.focus, self.counts[self.focus] * 10 + digit)  # typing appends the digit
        elif k == pygame.K_BACKSPACE:
            self.set_count(self.focus, self.counts[self.focus] // 10)
        elif k in (pygame.K_RETURN, pygame.K_KP_ENTER):
            if room_choice(self.counts) is None:
                self.note = "A tie, or no hands counted: vote again, or the teacher decides."
            else:
                self.commit()

    def commit(self) -> None:
        winner = room_choice(self.counts)
        if winner is None:
            return
        chosen_id, chosen_label = self.options[winner]
        counts = ";".join(
            f"{label.replace(';', ',').replace('=', '-')}={n}" for (_oid, label), n in zip(self.options, self.counts)
        )
        result = self.session.submit(A.ClassVote(self.faction, self.subject, counts, chosen_label))
        if not result.ok:
            self.note = self.session.words(result.reason)
            return
        self.app.pop()
        self.then(chosen_id)

    def draw(self, surface) -> None:
        super().draw(surface)
        r = self.frame_rect()
        heading(surface, "Class vote", (r.left + self.s(16), r.top + self.s(6)), self.s(38), K.WHITE)
        K.paragraph(
            surface,
            self.question,
            pygame.Rect(r.left + self.s(30), r.top + self.s(70), r.width - self.s(60), self.s(90)),
            "bold",
            self.s(20),
        )
        for i, ((_oid, label), (y, _m, _p)) in enumerate(zip(self.options, self.rows)):
            if i == self.focus:
                pygame.draw.rect(
                    surface, K.INK, (r.left + self.s(22), y - self.s(4), r.width - self.s(44), self.s(56)), 3
                )
                K.text(surface, ">", (r.left + self.s(30), y + self.s(6)), "poster", self.s(28))
            K.paragraph(
                surface,
                label,
                pygame.Rect(r.left + self.s(60), y + self.s(10), r.width - self.s(330), self.s(44)),
                "body",
                self.s(20),
            )
            K.text(
                surface,
                str(self.counts[i]),
                (r.right - self.s(145), y + self.s(24)),
                "poster",
                self.s(36),
                K.RED,
                "center",
            )
        hint = (
            self.note
            or "Count the hands for each option: type the number, or use + and –. Up and Down move between options."
        )
        K.paragraph(
            surface,
            hint,
            pygame.Rect(r.left + self.s(30), r.bottom - self.s(130), r.width - self.s(60), self.s(50)),
            "bold" if self.note else "body",
            self.s(15),
            K.RED if self.note else K.GREY,
        )
