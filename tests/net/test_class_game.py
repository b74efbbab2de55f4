"""A host and four clients play a whole One-lesson game through the protocol, on 127.0.0.1: its
per-turn hashes equal the same game played hotseat through the Session, the host's autosave
replays (`python -m game replay`'s check) and the report is written at the end, and no
message a client received holds another faction's hand (checked against the true state)."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest

from game.content.loader import load_game
from game.net.pages import team_page
from game.net.protocol import page_action
from game.net.record import after_turn
from game.net.room import Room
from game.persistence.codec import read_save
from game.persistence.replay import replay

from .harness import ROOT, TEAMS, Client, choose, lesson, serving


def hotseat(rs) -> list[str]:
    session = lesson(rs)
    session.run_bots()
    while not session.over:
        mover = session.human_to_move()
        if mover is None:
            session.run_bots()
            continue
        result = session.submit(page_action(choose(team_page(session, mover)), mover))
        assert result.ok, result.reason
    return session.turn_hashes


async def play_team(client: Client, leaks: list[str], held: dict[str, set[str]]) -> None:
    acted = -1
    while True:
        data = await client.recv(timeout=120)
        if data["type"] == "error":
            assert data["code"] == "stale", data  # a page drawn before the last change: wait for the next
            continue
        if data["type"] != "page":
            continue
        leaks += _leaks(held, client.raw[-1], data["page"]["faction"])
        if data["game"]["over"]:
            return
        if data["page"]["your_move"] and data["at"] > acted and not data["paused"]:
            acted = data["at"]
            client.seq += 1
            await client.send(
                {"v": 1, "type": "act", "seq": client.seq, "at": data["at"], "action": choose(data["page"])}
            )


def _leaks(held: dict[str, set[str]], raw: str, faction: str) -> list[str]:
    """Card ids in a message that this faction has never held: only another hand can have put them
    there (the pages name a card by id only in the owner's own actions)."""
    others = set().union(*(cards for f, cards in held.items() if f != faction)) - held[faction]
    return [f"{faction} saw {card}" for card in sorted(others) if f'"{card}"' in raw]


def _holding(room: Room) -> dict[str, set[str]]:
    """Every card each faction has held so far, kept up to date by a session watcher."""
    held = {f: set(fs.hand) for f, fs in room.session.state.factions.items()}

    def note() -> None:
        for f, fs in room.session.state.factions.items():
            held[f].update(fs.hand)

    room.session.subscribe(note)
    return held


async def network_game(rs, hook=None) -> tuple[Room, list[str]]:
    room = Room(lesson(rs))
    held = _holding(room)
    leaks: list[str] = []
    async with serving(room, hook) as (_host, url), aiohttp.ClientSession() as http:
        clients = [Client(http, url) for _ in TEAMS]
        for client, faction in zip(clients, TEAMS):
            welcome = await client.join(room.code, faction)
            assert welcome["type"] == "welcome" and welcome["faction"] == faction
        await asyncio.gather(*(play_team(c, leaks, held) for c in clients))
        for client in clients:
            await client.close()
    return room, leaks


@pytest.mark.slow
def test_a_networked_lesson_is_the_hotseat_lesson(rs, tmp_path):
    content = load_game(ROOT / "data", [], [])
    rs = content.ruleset
    room, leaks = asyncio.run(network_game(rs, after_turn(tmp_path, content)))
    assert room.session.over
    assert room.session.turn_hashes == hotseat(rs)
    saved = read_save(tmp_path / "autosave-1.testament.json")  # the host's own autosave at the end
    assert saved.turn_hashes == room.session.turn_hashes
    assert replay(rs, saved).ok, replay(rs, saved).message
    assert (tmp_path / f"classroom-{room.code}.report.html").is_file()
    assert len(room.session.turn_hashes) >= 6
    assert leaks == []
    assert {r["faction"] for r in room.record} == set(TEAMS)  # every team's device is in the record
