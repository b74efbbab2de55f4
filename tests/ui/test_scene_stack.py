"""The scene stack and what hangs on it: screens open each other by name, a game screen listens
to its session while it is on the stack and no longer, and every save of a game in play goes
through the session's one saver - a resize never saves."""

from __future__ import annotations

import ast
import os
from pathlib import Path

import pygame

from game.core import actions as A
from game.session.live import Session
from tests.ui.conftest import click, key

UI = Path(__file__).resolve().parents[2] / "game" / "ui"


def _is_the_app(node: ast.expr) -> bool:
    """`app`, `self.app`, or `self` in the app itself (not a string's `replace`)."""
    if isinstance(node, ast.Name):
        return node.id in ("app", "self")
    return isinstance(node, ast.Attribute) and node.attr == "app"


def _names_opened() -> dict[str, str]:
    """Every scene name the window's source opens (`push("pause")`), with where."""
    found = {}
    for path in UI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("push", "replace", "reset_to")
                and _is_the_app(node.func.value)
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found[node.args[0].value] = f"{path.name}:{node.lineno}"
    return found


def test_every_scene_opened_by_name_is_registered():
    from game.ui.scenes.catalogue import SCENES

    opened = _names_opened()
    assert {"menu", "game", "pause", "event", "crash"} <= set(opened)  # the scan sees the source
    unknown = {name: where for name, where in opened.items() if name not in SCENES}
    assert not unknown, f"opened but not in scenes/catalogue.py: {unknown}"


def test_a_name_opens_its_scene_and_an_unknown_name_is_an_error(app):
    from game.ui.scenes.menu import MenuScene

    assert isinstance(app.push("menu"), MenuScene)
    try:
        app.push("no_such_screen")
    except KeyError as error:
        assert "no_such_screen" in str(error)
    else:
        raise AssertionError("an unknown scene name was accepted")


def _game_at_a_free_move(app, seed: int):
    """A game screen with bukharin to move in the intrigue phase, no dialog over it."""
    from game.ui.scenes.game import GameScene

    session = Session.start(app.rs, "scissors", seed, ["bukharin"])
    while session.run_bots() or session.state.phase != "intrigue":  # the events first, then a free move
        assert session.submit(session.legal("bukharin")[0]).ok
    game = app.push(GameScene, session)
    for _ in range(3):  # the inbox and the vote reports of the story so far, closed unread
        app.frame()
        while app.scene is not game:
            app.pop()
    return session, game


def test_the_game_screen_listens_to_its_session_while_on_the_stack(app):
    session, game = _game_at_a_free_move(app, 2)
    seen, view = game.changes, game.current_view("bukharin")
    action = next(a for a in session.legal("bukharin") if isinstance(a, A.Lobby))  # one that can be undone
    assert session.submit(action).ok
    assert game.changes == seen + 1  # told, not polled
    assert game.current_view("bukharin") is not view  # and the view is made anew from the new state
    assert session.undo("bukharin") == action and game.changes == seen + 2
    app.reset_to("menu")
    assert session.watchers == []  # a screen that is gone listens no more


def _saves() -> dict[str, int]:
    folder = Path(os.environ["TESTAMENT_SAVES_DIR"])
    return {p.name: p.stat().st_mtime_ns for p in folder.glob("*.testament.json")}


def _resize(app, size) -> None:
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=size[0], h=size[1], size=size))
    app.frame(0.05)


def test_every_save_goes_through_the_saver_and_a_resize_never_saves(app, monkeypatch):
    from game.session.saving import GameSaver

    written: list[str] = []
    save = GameSaver.save

    def recorded(self, name):
        written.append(name)
        return save(self, name)

    monkeypatch.setattr(GameSaver, "save", recorded)
    session, game = _game_at_a_free_move(app, 4)
    before = _saves()
    _resize(app, (1400, 800))
    assert written == [] and _saves() == before
    key(app, pygame.K_F5)
    assert written == ["quicksave.testament.json"]
    key(app, pygame.K_ESCAPE)
    click(app, app.scene.element("#quick_save"))  # the pause menu's Save
    assert written == ["quicksave.testament.json"] * 2
    app.pop()
    lesson = app.push("lesson_end", session, 1)
    assert written[-1] == "scissors-seed4-lesson1.testament.json" and "Saved as" in lesson.note
    before, count = _saves(), len(written)
    _resize(app, (1280, 720))
    _resize(app, (1600, 900))
    assert len(written) == count and _saves() == before  # laid out anew, not saved anew
    app.pop()
    turn = session.state.turn
    for _ in range(500):  # the person ends each turn or takes the first choice; the bots play
        if session.state.turn != turn:
            break
        viewer = session.human_to_move()
        if viewer is None:
            session.step_bot()
            continue
        legal = session.legal(viewer)
        assert session.submit(next((a for a in legal if a.tag in ("end_turn", "choose")), legal[0])).ok
    assert session.state.turn != turn
    written.clear()
    app.frame()
    assert written[:1] == ["autosave-1.testament.json"]
