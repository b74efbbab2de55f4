"""Host on the network from the window: New game's button turns the window into the board (room
code, address, QR code, teams), a team joins from a client of our own on 127.0.0.1, the teacher's
Pause reaches its page, and Stop hosting closes the host with an autosave."""

from __future__ import annotations

import asyncio
import json

import aiohttp

from .conftest import click


async def _join(url: str, code: str, faction: str) -> tuple[dict, dict]:
    async with aiohttp.ClientSession() as http, http.ws_connect(url + "/ws") as ws:
        await ws.send_str(json.dumps({"v": 1, "type": "join", "room": code, "faction": faction, "name": "laptop"}))
        welcome = json.loads((await ws.receive(timeout=30)).data)
        page = json.loads((await ws.receive(timeout=60)).data)
        return welcome, page


def test_the_window_hosts_and_is_the_board(app, tmp_path, monkeypatch):
    import pygame

    from game.session.paths import saves_dir
    from game.ui.scenes.hostboard import HostBoardScene
    from game.ui.scenes.newgame import NewGameScene

    scene = app.push(NewGameScene)
    team = scene.humans[0]
    click(app, app.stack[-1].element("#host"))
    board = app.stack[-1]
    assert isinstance(board, HostBoardScene)
    try:
        assert board.url.startswith("http://127.0.0.1:") and not board.hosting.lan
        welcome, page = asyncio.run(_join(board.url, board.room.code, team))
        assert welcome["faction"] == team and page["type"] == "page" and page["page"]["faction"] == team
        click(app, board.element("#host_pause"))
        assert board.room.paused and board.note == ""
        app.frame(0.05)
        shot = tmp_path / "board.png"
        app.screenshot(shot)
        image = pygame.image.load(str(shot))
        qr = image.get_at((image.get_width() - 60, 120))[:3]
        assert qr in ((0, 0, 0), (255, 255, 255))  # the QR code is drawn at the top right
        assert board.room.code in board.join_url() and board.url in board.join_url()
        opened = []
        monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url) or True)
        click(app, board.element("#host_browser"))  # the teacher's board, its key never on the projector
        assert opened == [f"http://127.0.0.1:{board.hosting.port}/board#key={board.room.teacher_key}"]
    finally:
        click(app, board.element("#host_stop"))
    assert not board.hosting.thread.is_alive()
    assert not isinstance(app.stack[-1], HostBoardScene)
    assert (saves_dir() / "network" / "autosave-1.testament.json").is_file()


def test_the_teacher_menu_hands_a_hotseat_game_to_the_network(app):
    from game.session.live import Session
    from game.ui.scenes.game import GameScene
    from game.ui.scenes.hostboard import HostBoardScene

    session = Session.start(app.rs, "scissors", 3, ["bukharin", "trotsky"], preset="one_lesson")
    app.push(GameScene, session)
    app.frame(0.05)
    assert app.open_teacher_menu()
    app.frame(0.05)
    click(app, app.stack[-1].element("#t_host"))
    board = app.stack[-1]
    assert isinstance(board, HostBoardScene) and board.session is session and board.room.session is session
    click(app, board.element("#host_stop"))
    assert not board.hosting.thread.is_alive()
