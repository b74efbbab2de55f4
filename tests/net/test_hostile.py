"""Hostile and broken messages from clients of our own, on 127.0.0.1: each is refused with a clear
error code and changes nothing (the state hash, the log and the room's move count stay put); a
flooding device is slowed and cut off while the others play on; a dropped device rejoins with its
token mid-turn and finds its page, its action points and its message numbers as they were."""

from __future__ import annotations

import asyncio
import json

import aiohttp

from game.core.state import state_hash
from game.net.room import Room

from .harness import TEAMS, Client, lesson, serving


async def _table(rs, body) -> None:
    room = Room(lesson(rs))
    async with serving(room) as (host, url), aiohttp.ClientSession() as http:
        clients = {f: Client(http, url) for f in TEAMS}
        for faction, client in clients.items():
            assert (await client.join(room.code, faction))["type"] == "welcome"
        while True:  # on to a team's own move in intrigue, deciding events on the way
            mover = room.session.to_move()
            if mover not in TEAMS:
                await asyncio.sleep(0.05)
                continue
            data = await clients[mover].until(
                lambda d: d["type"] == "page" and d["page"]["your_move"] and d["at"] == room.move
            )
            if not room.session.state.event_queue:
                break
            choice = data["page"]["groups"][0]["options"][0]["action"]
            assert (await clients[mover].act(choice, data["at"]))["type"] == "ok"
        await body(room, host, clients, mover, http, url)


def _fingerprint(room: Room) -> tuple:
    return state_hash(room.session.state), len(room.session.timeline.log), room.move


async def _refused(client: Client, message, code: str) -> None:
    await client.send(message)
    reply = await client.until(lambda d: d["type"] in ("error", "ok"))
    assert reply["type"] == "error" and reply["code"] == code, reply
    assert reply["text"]


def test_hostile_messages_are_refused_and_change_nothing(rs):
    async def body(room: Room, host, clients, mover, http, url):
        me = clients[mover]
        rival = clients[next(f for f in TEAMS if f != mover)]
        before = _fingerprint(room)
        at = room.move
        lobby = {"type": "lobby", "character": "kalinin", "influence": 1}
        cases = [
            (me, "not json at all", "malformed"),
            (me, "[1, 2]", "malformed"),
            (me, {"v": 2, "type": "act", "seq": 90, "at": at, "action": lobby}, "version"),
            (me, {"v": 1, "type": "shout", "seq": 91}, "unknown_type"),
            (me, {"v": 1, "type": "act", "seq": 92, "at": at}, "malformed"),
            (me, {"v": 1, "type": "act", "seq": 93, "at": at, "action": lobby, "extra": 1}, "malformed"),
            (me, {"v": 1, "type": "act", "seq": "94", "at": at, "action": lobby}, "malformed"),
            (me, {"v": 1, "type": "act", "seq": 95, "at": at, "action": {**lobby, "influence": "lots"}}, "malformed"),
            (me, {"v": 1, "type": "act", "seq": 96, "at": at, "action": {**lobby, "bribe": 3}}, "malformed"),
            (me, {"v": 1, "type": "act", "seq": 97, "at": at, "action": {"type": "rm -rf"}}, "malformed"),
            (me, json.dumps({"v": 1, "type": "join", "room": "X" * 5000, "faction": "f"}), "too_large"),
            (
                me,
                {
                    "v": 1,
                    "type": "act",
                    "seq": 98,
                    "at": at,
                    "action": {**lobby, "actor": rival_faction(clients, rival)},
                },
                "forged",
            ),
            (me, {"v": 1, "type": "act", "seq": 99, "at": at, "action": {"type": "teacher", "kind": "skip"}}, "forged"),
            (
                me,
                {"v": 1, "type": "act", "seq": 100, "at": at, "action": {"type": "class_vote", "subject": "x"}},
                "forged",
            ),
            (me, {"v": 1, "type": "control", "seq": 101, "control": "pause"}, "forged"),
            (me, {"v": 1, "type": "teacher", "key": "guess"}, "forged"),
            (me, {"v": 1, "type": "undo", "seq": 102, "at": at + 5}, "stale"),  # no choice waits: a take-back
            (me, {"v": 1, "type": "act", "seq": 103, "at": at, "action": {**lobby, "influence": 999}}, "illegal"),
            (me, {"v": 1, "type": "act", "seq": 50, "at": at, "action": lobby}, "replayed"),
        ]
        for client, message, code in cases:
            await _refused(client, message, code)
            assert _fingerprint(room) == before, (message, code)

        stranger = Client(http, url)
        await stranger.connect()
        await _refused(stranger, {"v": 1, "type": "act", "seq": 1, "at": at, "action": lobby}, "not_joined")
        await _refused(stranger, {"v": 1, "type": "rejoin", "token": "a" * 32}, "unknown_token")
        await _refused(stranger, {"v": 1, "type": "join", "room": "ZZZZ", "faction": mover}, "bad_room")
        await _refused(stranger, {"v": 1, "type": "join", "room": room.code, "faction": "stalin"}, "bad_faction")
        await stranger.ws.send_bytes(b"\x00\x01")
        assert (await stranger.until(lambda d: d["type"] == "error"))["code"] == "malformed"
        await stranger.send("x" * 100_000)  # beyond the socket's limit: the host closes it
        closed = await stranger.ws.receive(timeout=10)
        assert closed.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSING)
        assert _fingerprint(room) == before

        # The genuine message is taken once; sent again word for word it is a replay.
        me.seq = 300
        message = {"v": 1, "type": "act", "seq": 300, "at": at, "action": lobby}
        await me.send(message)
        assert (await me.until(lambda d: d.get("seq") == 300))["type"] == "ok"
        after = _fingerprint(room)
        assert after != before
        await _refused(me, message, "replayed")
        assert _fingerprint(room) == after

    asyncio.run(_table(rs, body))


def rival_faction(clients, rival: Client) -> str:
    return next(f for f, c in clients.items() if c is rival)


def test_a_dropped_device_rejoins_mid_turn_and_loses_nothing(rs):
    async def body(room: Room, host, clients, mover, http, url):
        me = clients[mover]
        page = me.page
        option = next(o for o in _options(page, "People") if o["ok"])
        assert (await me.act(option["action"], page["at"]))["type"] == "ok"
        mid = await me.until(lambda d: d["type"] == "page" and d["at"] == room.move)
        token, seq, devices = me.token, me.seq, len(room.devices.by_id)
        await me.ws.close()  # the lid closes
        await asyncio.sleep(0.2)
        assert not any(d["connected"] for d in room.devices.listing() if d["faction"] == mover)

        again = Client(http, url)
        await again.connect()
        await again.send({"v": 1, "type": "rejoin", "token": token})
        welcome = await again.until(lambda d: d["type"] == "welcome")
        assert welcome["faction"] == mover and welcome["seq"] == seq and len(room.devices.by_id) == devices
        back = await again.until(lambda d: d["type"] == "page")
        assert back["at"] == mid["at"] and back["page"]["numbers"] == mid["page"]["numbers"]
        assert back["page"]["your_move"]
        assert (await again.act({"type": "end_turn"}, back["at"]))["type"] == "ok"
        mine = [r for r in room.record if r["faction"] == mover]
        assert {r["device"] for r in mine} == {welcome["device"]}
        if mover in room.rounds.choices:  # the end of its turn waits for its place in the round
            assert room.rounds.choices[mover].device.id == welcome["device"]
        else:
            assert mine[-1]["did"] == "end turn" and room.session.state.factions[mover].done

    asyncio.run(_table(rs, body))


def test_undo_withdraws_the_devices_own_choice_only(rs):
    async def body(room: Room, host, clients, mover, http, url):
        before = _fingerprint(room)
        rival_faction = next(f for f in TEAMS if f != mover and room.session.state.factions[f].ap > 0)
        rival = clients[rival_faction]
        page = await rival.until(lambda d: d["type"] == "page" and d["page"]["your_move"])
        option = next(o for o in _options(page, "People") if o["ok"] and o["action"]["type"] == "lobby")
        assert (await rival.act(option["action"], page["at"]))["type"] == "ok"  # chosen, not yet played
        assert room.rounds.choices[rival_faction].action.tag == "lobby" and _fingerprint(room) == before
        me = clients[mover]
        me.seq += 1
        await me.send({"v": 1, "type": "undo", "seq": me.seq, "at": room.move})
        assert (await me.until(lambda d: d.get("seq") == me.seq))["code"] == "illegal"  # nothing of its own
        assert rival_faction in room.rounds.choices
        rival.seq += 1
        await rival.send({"v": 1, "type": "undo", "seq": rival.seq, "at": room.move})
        assert (await rival.until(lambda d: d.get("seq") == rival.seq))["type"] == "ok"
        assert rival_faction not in room.rounds.choices and _fingerprint(room) == before

    asyncio.run(_table(rs, body))


def test_a_flood_is_cut_off_and_the_others_play_on(rs):
    async def body(room: Room, host, clients, mover, http, url):
        flooder = clients[next(f for f in TEAMS if f != mover)]
        junk = json.dumps({"v": 1, "type": "vote", "seq": 1, "poll": 1, "option": "x"})
        for _ in range(400):
            await flooder.ws.send_str(junk)
        me = clients[mover]
        reply = await me.act({"type": "end_turn"}, me.page["at"])
        assert reply["type"] == "ok"
        codes = []
        while True:
            msg = await flooder.ws.receive(timeout=20)
            if msg.type != aiohttp.WSMsgType.TEXT:
                break
            data = json.loads(msg.data)
            if data["type"] == "error":
                codes.append(data["code"])
        assert "rate_limited" in codes and codes.count("rate_limited") == 1  # told once, then ignored
        assert len(codes) < 100  # the rest were dropped unread, and the socket closed

    asyncio.run(_table(rs, body))


def _options(page: dict, title: str) -> list[dict]:
    return next(g["options"] for g in page["page"]["groups"] if g["title"] == title)
