"""The guided first year: a prompt box drawn above every screen of the game that points at part
of the board and waits for the player to do what it says (the steps are data: data/tutorial/).

The App holds at most one guide and gives it every event first (its Next and Skip buttons, the
Enter key) and a frame to check whether its step is done: a step waits for Next, a phase, a turn,
a tab opened, someone picked on the board, or one of the player's own actions in the log.
"""

from __future__ import annotations

import contextlib

import pygame

from ..core.defs import TutorialStepDef
from ..session.settings import save_settings
from . import assets as K

HIGHLIGHT = (236, 178, 36)  # the gold frame around what a prompt points at
# The game the tutorial plays: the first year (spring and autumn 1924) as the Right, on a fixed seed.
SCENARIO, FACTION, SEED = "succession", "bukharin", 1924


class Guide:
    def __init__(self, steps: tuple[TutorialStepDef, ...], faction: str) -> None:
        self.steps = steps
        self.faction = faction
        self.index = 0
        self.done = False
        self.actions_at_start = 0
        self.buttons: dict[str, pygame.Rect] = {}

    @property
    def step(self) -> TutorialStepDef:
        return self.steps[self.index]

    # ---- progress ------------------------------------------------------------------------------

    def my_actions(self, game, tag: str | None = None) -> int:
        log = game.session.timeline.log
        return sum(1 for a in log if a.actor == self.faction and (tag is None or a.tag == tag))

    def satisfied(self, app) -> bool:
        game = app.game_scene()
        if game is None:
            return False
        kind, arg = self.step.until
        state = game.session.state
        if kind == "intrigue":
            return state.phase == "intrigue" and app.scene is game
        if kind == "session":
            return state.phase == "session"
        if kind == "turn":
            return state.turn >= int(arg)
        if kind == "select":
            return game.selected is not None and game.selected[0] == "person"
        if kind == "tab":
            return game.tab == arg
        if kind == "action":
            return self.my_actions(game, arg) > self.actions_at_start
        return False  # next: the player moves on

    def advance(self, app) -> None:
        self.index += 1
        if self.index >= len(self.steps):
            self.finish(app)
            return
        game = app.game_scene()
        kind, arg = self.step.until
        self.actions_at_start = self.my_actions(game, arg) if game is not None and kind == "action" else 0

    def finish(self, app) -> None:
        """Finished or skipped: remembered in the settings, and the game goes on without the guide."""
        self.done = True
        app.guide = None
        app.settings.tutorial_done = True
        with contextlib.suppress(OSError):  # not remembered this time: the tutorial is offered again
            save_settings(app.settings)

    def update(self, app) -> None:
        if app.game_scene() is None:  # the game was closed (back to the menu): the guide goes with it
            app.guide = None
            return
        while not self.done and self.satisfied(app):
            self.advance(app)

    def handle(self, app, event: pygame.event.Event) -> bool:
        """True when the guide took the event (its buttons, Enter for Next)."""
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for name, rect in self.buttons.items():
                if rect.collidepoint(event.pos):
                    self.press(app, name)
                    return True
        enter = event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER)
        if enter and self.step.until[0] == "next":
            self.press(app, "next")
            return True
        return False

    def press(self, app, name: str) -> None:
        if name == "skip":
            self.finish(app)
        elif name == "next" and self.step.until[0] == "next":
            self.advance(app)

    # ---- drawing -------------------------------------------------------------------------------

    def target(self, app) -> pygame.Rect | None:
        game = app.game_scene()
        if game is None:
            return None
        point, s = self.step.point, app.scale
        if point == "top_bar":
            return pygame.Rect(0, 0, app.size[0], int(60 * s))
        if point == "diagram":
            return game.area
        if point == "panel":
            return game.panel
        if point == "end_turn":
            return game.end_turn.rect
        if point.startswith("tab_"):
            name = point[4:].capitalize()
            return next((b.rect for b, tab in game.tab_buttons.items() if tab == name), None)
        if point == "chronicle":
            return next((b.rect for b, oid in game.top_buttons.items() if oid == "#chronicle"), None)
        if point == "politburo":
            seated = set(game.session.state.seats.get("politburo", []))
            rects = [h.rect for h in game.hits if h.kind == "person" and h.id in seated]
            return rects[0].unionall(rects[1:]) if rects else game.area
        if point == "dialog" and app.scene is not game and hasattr(app.scene, "frame_rect"):
            return app.scene.frame_rect()
        return None

    def place(self, app, size, width: int, height: int, target: pygame.Rect | None) -> pygame.Rect:
        """Where the prompt goes: a corner that covers neither what it points at nor an open
        dialog's choices (bottom left, top left, top right, bottom right, in that order)."""
        s, (w, h) = app.scale, size
        margin, top = int(18 * s), int(70 * s)
        corners = [
            (margin, h - height - margin),
            (margin, top),
            (w - width - margin, top),
            (w - width - margin, h - height - margin),
        ]
        dialog = (
            app.scene.frame_rect() if app.scene is not app.game_scene() and hasattr(app.scene, "frame_rect") else None
        )
        avoid = [r for r in (target, dialog) if r is not None and r.width < w * 0.9]
        for x, y in corners:
            box = pygame.Rect(x, y, width, height)
            if not any(box.colliderect(r) for r in avoid):
                return box
        if dialog is not None:  # a wide dialog: over its top right, clear of its choices below
            return pygame.Rect(w - width - margin, top, width, height)
        return pygame.Rect(*corners[0], width, height)

    def draw(self, app, surface: pygame.Surface) -> None:
        s = app.scale
        target = self.target(app)
        if target is not None:
            pygame.draw.rect(surface, HIGHLIGHT, target.inflate(int(8 * s), int(8 * s)), max(3, int(4 * s)))
        width = int(430 * s)
        lines = K.wrap(self.step.text, "body", int(15 * s), width - int(24 * s))
        height = int(58 * s) + len(lines) * int(20 * s) + int(40 * s)
        box = self.place(app, surface.get_size(), width, height, target)
        pygame.draw.rect(surface, K.INK, box)
        pygame.draw.rect(surface, K.RED, box, max(2, int(3 * s)))
        x, y = box.left + int(12 * s), box.top + int(8 * s)
        K.text(
            surface, f"Learn to play · {self.index + 1} of {len(self.steps)}", (x, y), "body", int(13 * s), K.PAPER_DARK
        )
        K.text(surface, self.step.title, (x, y + int(18 * s)), "bold", int(19 * s), K.WHITE)
        y += int(46 * s)
        for line in lines:
            K.text(surface, line, (x, y), "body", int(15 * s), K.PAPER)
            y += int(20 * s)
        self.buttons = {}
        bottom = box.bottom - int(30 * s)
        skip = K.text(surface, "Skip the tutorial", (x, bottom), "bold", int(14 * s), K.PAPER_DARK)
        self.buttons["skip"] = skip.inflate(int(8 * s), int(8 * s))
        if self.step.until[0] == "next":
            nxt = K.text(surface, "Next (Enter) >", (box.right - int(130 * s), bottom), "bold", int(15 * s), K.WHITE)
            self.buttons["next"] = nxt.inflate(int(8 * s), int(8 * s))


def start_tutorial(app) -> str:
    """Learn to play: a new game as the Right with the guide on top; '' or why it cannot start."""
    from ..session.live import Session
    from .scenes.contentnotice import before_game

    steps = app.rs.tutorial
    if not steps or SCENARIO not in app.rs.scenarios or FACTION not in app.rs.factions:
        return "The tutorial is not in this game's content."
    session = Session.start(app.rs, SCENARIO, SEED, [FACTION])

    def begin() -> None:
        app.reset_to("game", session)
        app.guide = Guide(steps, FACTION)

    before_game(app, begin)
    return ""
