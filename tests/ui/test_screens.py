"""Every screen renders at 1280x720 and 1920x1080 (and at 200 % scale), and not blank."""

from __future__ import annotations

import pygame
import pytest

from game.session.settings import Settings
from game.ui.screenshots import take_screenshots

EXPECTED = {
    "01_menu",
    "02_new_game",
    "04_apparatus",
    "05_hand",
    "06_policy",
    "06_faction",
    "07_votes",
    "08_chronicle",
    "09_country",
    "10_handover",
    "11_pause",
    "12_encyclopedia",
    "13_settings",
    "14_mods",
    "15_end",
}


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_every_screen_renders_and_is_not_blank(content, tmp_path, size):
    paths = take_screenshots(content, tmp_path, 7, size)
    names = {p.stem for p in paths}
    assert names >= EXPECTED, EXPECTED - names
    for path in paths:
        image = pygame.image.load(str(path))
        assert image.get_size() == size
        colours = {image.get_at((x, y))[:3] for x in range(0, size[0], 37) for y in range(0, size[1], 29)}
        assert len(colours) > 3, f"{path.name} looks blank"


def test_the_apparatus_renders_at_double_scale(content):
    from game.session.live import Session
    from game.ui.app import App
    from game.ui.scenes.game import GameScene

    app = App(content, Settings(width=2560, height=1440, ui_scale=200), (2560, 1440))
    session = Session.start(content.ruleset, "scissors", 3, [])
    game = app.push(GameScene, session)
    game.select(("person", "bukharin"))
    app.frame()
    assert app.scale == 2.0 and game.hits
    assert all(0 <= h.rect.bottom <= 1440 and 0 <= h.rect.right <= 2560 for h in game.hits), (
        "something drawn off screen"
    )


def test_the_scale_is_capped_by_what_the_window_can_show(content):
    from game.ui.app import App

    small = App(content, Settings(width=1280, height=720, ui_scale=200), (1280, 720))
    assert small.scale == 1.0
    projector = App(content, Settings(width=1920, height=1080, ui_scale=200), (1920, 1080))
    assert projector.scale == 1.5


def test_settings_change_the_ui_scale(content):
    from game.ui.app import App
    from game.ui.scenes.settingscreen import SettingsScene

    app = App(content, Settings(width=1280, height=720), (1280, 720))
    app.push(SettingsScene)
    app.set_scale(150)
    app.frame()
    assert app.wanted_scale == 1.5 and app.settings.ui_scale == 150


def test_settings_by_keyboard(content, tmp_path, monkeypatch):
    from game.ui.app import App
    from game.ui.scenes.settingscreen import SettingsScene
    from tests.ui.conftest import key

    monkeypatch.setenv("TESTAMENT_USER_DIR", str(tmp_path))
    app = App(content, Settings(width=1280, height=720), (1280, 720))
    app.push(SettingsScene)
    app.frame()
    key(app, pygame.K_DOWN)  # fullscreen
    key(app, pygame.K_DOWN)  # scale
    key(app, pygame.K_RIGHT)
    assert app.settings.ui_scale == 125
    key(app, pygame.K_DOWN)  # markers
    key(app, pygame.K_RIGHT)
    assert app.settings.markers is False
    key(app, pygame.K_s)  # S saves from any row (Enter changes the focused row)
    assert (tmp_path / "settings.json").is_file()


def test_an_unexpected_error_shows_the_crash_screen_and_keeps_the_saves(content, tmp_path, monkeypatch):
    import os
    from pathlib import Path

    from game.session.live import Session
    from game.ui.app import App
    from game.ui.scenes.crash import CrashScene
    from game.ui.scenes.game import GameScene
    from tests.ui.conftest import click

    monkeypatch.setenv("TESTAMENT_USER_DIR", str(tmp_path))
    app = App(content, Settings(width=1280, height=720), (1280, 720))
    session = Session.start(content.ruleset, "scissors", 2, ["trotsky"])
    game = app.push(GameScene, session)
    app.safe_frame(0.02)
    saves = sorted(Path(os.environ["TESTAMENT_SAVES_DIR"]).glob("*.json"))
    before = {p.name: p.read_bytes() for p in saves}

    def boom(*args):
        raise RuntimeError("a bug")

    monkeypatch.setattr(game, "draw", boom)
    app.safe_frame(0.02)
    assert isinstance(app.scene, CrashScene)
    reports = list((tmp_path / "crashes").glob("crash-*.txt"))
    assert reports and "RuntimeError: a bug" in reports[0].read_text() and "Last actions" in reports[0].read_text()
    assert {p.name: p.read_bytes() for p in saves} == before
    app.safe_frame(0.02)
    click(app, app.scene.element("#crash_menu"))
    from game.ui.scenes.menu import MenuScene

    assert isinstance(app.scene, MenuScene)


def test_the_end_screen_writes_the_report(content):
    import os
    from pathlib import Path

    from game.session.live import Session
    from game.ui.app import App
    from game.ui.scenes.ending import EndOverlay
    from game.ui.scenes.game import GameScene
    from tests.ui.conftest import key

    app = App(content, Settings(width=1280, height=720), (1280, 720))
    session = Session.start(content.ruleset, "scissors", 2, [])
    session.run_bots()
    app.push(GameScene, session)
    app.push(EndOverlay, session)
    app.frame()
    key(app, pygame.K_r)
    reports = list(Path(os.environ["TESTAMENT_SAVES_DIR"]).glob("*-report.html"))
    assert reports and "What really happened" in reports[0].read_text(encoding="utf-8")
