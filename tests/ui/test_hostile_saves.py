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
    from game.sim import play_game
    from game.ui.scenes.loadscreen import LoadScene
    from game.ui.scenes.menu import MenuScene

    rs = app.rs
    record = play_game(rs, "scissors", 2, max_turns=1)
    header = make_header(record.state, rs.content_hash, [], [], "2026-01-01T00:00:00")
    good = json.loads(encode(SaveData(header, record.state, list(record.actions), [], {"humans": [], "levels": {}, "options": {}})))
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
