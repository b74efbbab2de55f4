"""UI tests run under SDL's dummy video driver: a real window surface, no screen."""

from __future__ import annotations

import os

import pytest

from game.core import actions as A

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"


@pytest.fixture
def content():
    from pathlib import Path

    from game.content.loader import load_game

    root = Path(__file__).resolve().parents[2]
    return load_game(root / "data", [], [root / "mods"])


@pytest.fixture
def app(content):
    from game.session.settings import Settings
    from game.ui.app import App

    # The content notice before the first game has its own tests; here it has been read.
    application = App(content, Settings(width=1280, height=720, content_notice_seen=True), (1280, 720))
    yield application
    import pygame

    pygame.display.quit()


def click(app, element) -> None:
    """Press and release the left button over a widget, as a person would."""
    import pygame

    pos = element.rect.center
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    app.frame(0.05)
    app.frame(0.05)


def click_at(app, pos) -> None:
    import pygame

    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    app.frame(0.05)


def key(app, k: int) -> None:
    import pygame

    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=k, mod=0, unicode="", scancode=0))
    app.frame(0.05)


def play_to(session, rs, done) -> None:
    """Play a session on (bots, first event options, humans end their turns) until `done(mover)`."""
    for _ in range(20000):
        mover = session.human_to_move()
        if session.over or done(mover):
            return
        if mover is None:
            session.step_bot()
        elif session.state.phase == "chronicle":
            event = rs.events[session.state.event_queue[0]]
            session.submit(A.ChooseOption(mover, event.id, event.choices[0].id))
        else:
            session.submit(A.EndTurn(mover))
    raise AssertionError("never got there")
