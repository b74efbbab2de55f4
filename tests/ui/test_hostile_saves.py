"""The window over a saves folder full of planted files: the menu opens, the Load screen lists
every file — the unreadable ones disabled with their reason — and opening one that only looks
sound shows a message; the window never stops."""

from __future__ import annotations

import json
import os

import pygame
import pygame_gui

from game.persistence.codec import sign


def plant(folder, good: dict) -> None:
    (folder / "deep.testament.json").write_text("[" * 100_000 + "]" * 100_000)
    (folder / "folder.testament.json").mkdir()
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.testament.json")
    wrong = json.loads(json.dumps(good))
    wrong["header"].update(turn="soon", factions={"a": 1}, scenario=["x"])
    (folder / "header.testament.json").write_text(json.dumps(sign(wrong)))
    damaged = json.loads(json.dumps(good))
    damaged["state"]["factions"] = [1, 2]
    damaged["header"].pop("state_hash")
    (folder / "state.testament.json").write_text(json.dumps(sign(damaged)))


def test_the_menu_and_load_screen_survive_planted_saves(app, tmp_path, monkeypatch):
    from game.persistence.codec import SaveData, encode, make_header
    from game.session.headless import play_game
    from game.ui.scenes.loadscreen import LoadScene
    from game.ui.scenes.menu import MenuScene

    rs = app.rs
    record = play_game(rs, "scissors", 2, max_turns=1)
    header = make_header(record.state, rs.content_hash, [], [], "2026-01-01T00:00:00")
    good = json.loads(
        encode(SaveData(header, record.state, list(record.actions), [], {"humans": [], "levels": {}, "options": {}}))
    )
    monkeypatch.setenv("TESTAMENT_SAVES_DIR", str(tmp_path))
    plant(tmp_path, good)

    app.push(MenuScene)
    app.frame()
    assert app.running and app.scene.latest.name == "state.testament.json"  # the only one whose header reads
    app.push(LoadScene)
    app.frame()
    rows = {path.name: button for button, path in app.scene.rows.items()}
    expected = {"deep", "folder", "header", "state"} | ({"pipe"} if hasattr(os, "mkfifo") else set())
    assert set(rows) == {f"{n}.testament.json" for n in expected}
    for name in expected - {"state"}:
        assert not rows[f"{name}.testament.json"].is_enabled
    assert "nested more than" in rows["deep.testament.json"].tool_tip_text
    state_row = rows["state.testament.json"]
    assert state_row.is_enabled  # its header reads; the damage shows only when it is opened
    pygame.event.post(pygame.event.Event(pygame_gui.UI_BUTTON_PRESSED, {"ui_element": state_row}))
    app.frame()
    app.frame()
    assert app.running and "the game state is damaged" in app.scene.error


def test_the_mods_screen_and_the_mods_command_agree(tmp_path, monkeypatch):
    """A mod loaded for this window (with --mods) but not enabled in the settings: both say 'off'
    for the settings, and the screen adds that it is loaded now — never a plain 'Off' alone."""
    import subprocess
    import sys
    from pathlib import Path

    from game.content.loader import load_game
    from game.session.settings import Settings
    from game.ui.app import App
    from game.ui.scenes.modscreen import ModsScene

    root = Path(__file__).resolve().parents[2]
    monkeypatch.setenv("TESTAMENT_USER_DIR", str(tmp_path))
    content = load_game(root / "data", ["example_workers_opposition"], [root / "mods", tmp_path / "mods"])
    app = App(content, Settings(width=1280, height=720, content_notice_seen=True), (1280, 720))
    app.push(ModsScene)
    app.frame()
    button = app.scene.element("#mod_example_workers_opposition")
    assert button.text == "Off" and app.scene.status("example_workers_opposition").endswith("loaded now")
    out = subprocess.run([sys.executable, "-m", "game", "mods"], capture_output=True, text=True, cwd=root, timeout=120)
    assert "[off] example_workers_opposition" in out.stdout
    assert app.scene.states["example_workers_opposition"] == ("off", "")


def test_the_setup_screen_lists_a_dangling_link_and_refuses_it(app, tmp_path, monkeypatch):
    from game.ui.scenes.setupscreen import SetupScene

    monkeypatch.setenv("TESTAMENT_SAVES_DIR", str(tmp_path))
    if hasattr(os, "symlink"):
        os.symlink(tmp_path / "gone", tmp_path / "dangling.testament-setup")
    (tmp_path / "deep.testament-setup").write_text("[" * 100_000 + "]" * 100_000)
    app.push(SetupScene)
    app.frame()
    for button in list(app.scene.rows):
        pygame.event.post(pygame.event.Event(pygame_gui.UI_BUTTON_PRESSED, {"ui_element": button}))
        app.frame()
        assert app.running and app.scene.error and "\n" not in app.scene.error
