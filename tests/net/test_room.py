"""The room without the network: joining and its limits, a device bound to one connection at a
time, and the teacher's controls refusing what they cannot do."""

from __future__ import annotations

import pytest

from game.net import room as R
from game.net.protocol import ProtocolError
from game.net.room import Conn, Room

from .harness import TEAMS, lesson, teacher_controls


def _join(room: Room, conn: Conn, faction: str = TEAMS[0]) -> dict:
    return room.handle(
        conn, {"v": 1, "type": "join", "room": room.code.lower(), "faction": faction, "name": "  Anna  "}
    )[0]


def test_joining_rejoining_and_the_limit(rs, monkeypatch):
    room = Room(lesson(rs))
    first, second = Conn(), Conn()
    welcome = _join(room, first)
    assert welcome["name"] == "Anna" and welcome["faction"] == TEAMS[0] and welcome["seq"] == -1
    device = room.devices.token(welcome["token"])
    assert device.connected == 1
    room.handle(second, {"v": 1, "type": "rejoin", "token": welcome["token"]})
    assert device.connected == 2
    _join(room, second, TEAMS[1])  # the second connection now speaks for a new device only
    assert device.connected == 1 and second.device is not device
    room.closed(first)
    assert device.connected == 0
    monkeypatch.setattr(R, "MAX_DEVICES", 2)
    with pytest.raises(ProtocolError) as refused:
        _join(room, Conn())
    assert refused.value.code == "room_full" and len(room.devices.by_id) == 2


def test_controls_refuse_what_they_cannot_do(rs):
    room = Room(lesson(rs))
    control = teacher_controls(room)

    assert control("shout") == "malformed"
    assert control("kick", device="d9") == "malformed"
    assert control("close_vote") == "illegal"
    assert control("open_vote", subject="Now?") == "ok"
    assert control("open_vote", subject="Again?") == "illegal"  # one open vote at a time
    assert room.polls[0].options == ["Yes", "No"]
    assert control("close_vote") == "ok" and not room.polls[0].open
    room.session.run_bots()
    assert control("pause") == "ok" and room.paused
    assert control("resume") == "ok" and not room.paused
