"""Host on the network from the window: New game's button turns the window into the board (room
code, address, QR code, teams), a team joins from a client of our own on 127.0.0.1, the teacher's
Pause reaches its page, F10 says where the teacher's controls are while hosting, and Stop hosting
closes the host with an autosave; a networked game continued in the window goes on as hotseat,
even when an undo winds it back to before it came to the window."""

from __future__ import annotations

import asyncio
import json

import aiohttp

from .conftest import click, key


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
        key(app, pygame.K_F10)  # no window teacher menu behind the host's back: the board says where they are
        assert app.stack[-1] is board and "teacher's board in your browser" in board.note
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


def test_a_network_game_continued_in_the_window_is_hotseat_even_after_an_undo(app):
    import pygame

    from game.core import actions as A
    from game.session.live import Session
    from game.ui.scenes.game import GameScene

    session = Session.start(app.rs, "scissors", 4, ["bukharin", "trotsky"], preset="one_lesson")
    session.options.update({"handover": False, "vote_reports": False})
    assert session.teacher("rounds").ok  # as the host starts a class (its save keeps the rounds)
    while session.state.turn < 2:
        mover = session.human_to_move()
        if mover is None:
            session.run_bots()
        else:
            session.submit(session.legal(mover)[0] if session.state.event_queue else A.EndTurn(mover))
    game = app.push(GameScene, session)
    assert not session.state.rounds and session.timeline.log[-1] == A.TeacherAction(A.TEACHER, "hotseat")
    assert "one at a time" in game.message
    app.frame(0.05)
    key(app, pygame.K_F10)
    key(app, pygame.K_u)  # back to the start of the previous turn, when the game was in rounds
    assert session.state.turn == 1 and not session.state.rounds  # and still one team at a time
    assert [a.kind for a in session.timeline.log[-2:]] == ["undo_turn", "hotseat"]
    for _ in range(5):
        app.frame(0.05)
