"""When something goes wrong in the window: say so plainly, keep the player's autosaves as they
are, write a crash report to the user's folder, and offer the way back to the menu."""

from __future__ import annotations

import datetime as _dt
import traceback
from pathlib import Path

import pygame

from ... import __version__
from ...session.paths import user_dir
from .. import assets as K
from ..scene import Scene
from ..widgets.common import ButtonList, Choice, heading


def write_report(error: BaseException, session) -> Path | None:
    """version, traceback and the last actions of the game on screen (its session, or None when no
    game is open); None if the report cannot be written."""
    lines = [f"Testament {__version__} crash report, {_dt.datetime.now().isoformat(timespec='seconds')}", ""]
    lines += traceback.format_exception(type(error), error, error.__traceback__)
    if session is not None:
        state = session.state
        lines += [
            "",
            f"Game: scenario {state.scenario}, seed {state.seed}, turn {state.turn}, phase {state.phase}",
            "Last actions:",
        ]
        lines += [f"  {a.to_dict()}" for a in session.timeline.log[-20:]]
    folder = user_dir() / "crashes"
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for n in range(100):
            path = folder / (f"crash-{stamp}.txt" if n == 0 else f"crash-{stamp}-{n}.txt")
            try:
                # "x": a new file only — never through a link or over a file planted under that name
                with open(path, "x", encoding="utf-8") as out:
                    out.write("\n".join(lines))
                return path
            except FileExistsError:
                continue
        return None
    except OSError:
        return None


class CrashScene(Scene):
    def __init__(self, app, error: BaseException, report: Path | None) -> None:
        self.error, self.report = error, report
        super().__init__(app)

    def build(self) -> None:
        w, h = self.app.size
        choices = [
            Choice("#crash_menu", "Back to the main menu", lambda: self.app.reset_to("menu"), key=pygame.K_RETURN),
            Choice("#crash_quit", "Quit", self.quit, key=pygame.K_q),
        ]
        height = self.s(46)
        self.list = ButtonList(
            self, choices, pygame.Rect(self.s(60), h - self.s(170), self.s(360), height), height, self.s(10)
        )

    def quit(self) -> None:
        self.app.running = False

    def handle(self, event) -> None:
        self.list.handle(event)

    def draw(self, surface) -> None:
        surface.fill(K.INK)
        heading(surface, "Something went wrong", (self.s(60), self.s(50)), self.s(54), K.RED)
        text = (
            f"The game met an error it did not expect: {type(self.error).__name__}: {self.error}. "
            "Your saves are untouched: the autosave from the start of this turn is in the Load screen. "
        )
        text += (
            f"A report was written to {self.report} — please send it to the developers."
            if self.report
            else "No report could be written."
        )
        K.paragraph(
            surface,
            text,
            pygame.Rect(self.s(60), self.s(140), surface.get_width() - self.s(120), self.s(300)),
            "body",
            self.s(18),
            K.WHITE,
        )
        self.list.draw_focus(surface)
