"""The teacher over the host: pause (every page says so and no action is taken), end a team's turn,
kick and re-admit a device, swap a device to another team, a class vote from the pages (one vote
per device, tallied, recorded in the chronicle), and the report naming which device did what."""

from __future__ import annotations

import asyncio

import aiohttp

from game.content.loader import load_game
from game.net.record import write_report
from game.net.room import Room

from .harness import ROOT, TEAMS, Client, lesson, serving


async def _class(rs, body, on_report=None) -> None:
    room = Room(lesson(rs))
    async with serving(room, on_report=on_report) as (_host, url), aiohttp.ClientSession() as http:
        teacher = Client(http, url)
        await teacher.connect()
        await teacher.send({"v": 1, "type": "teacher", "key": room.teacher_key})
        assert (await teacher.until(lambda d: d["type"] == "welcome"))["teacher"]
        clients = {f: Client(http, url) for f in TEAMS}
        for faction, client in clients.items():
            await client.join(room.code, faction, name=f"{faction} phone")
        spare = Client(http, url)  # a second device of the first team: a voter
        await spare.join(room.code, TEAMS[0], name="spare phone")
        await asyncio.wait_for(body(room, teacher, clients, spare, http, url), 120)


async def control(teacher: Client, name: str, **fields) -> dict:
    teacher.seq += 1
    seq = teacher.seq
    await teacher.send({"v": 1, "type": "control", "seq": seq, "control": name, **fields})
    return await teacher.until(lambda d: d.get("seq") == seq)


async def fresh_page(room: Room, client: Client) -> dict:
    return await client.until(lambda d: d["type"] == "page" and d["at"] == room.move)


def test_pause_end_a_turn_kick_readmit_and_swap(rs):
    async def body(room: Room, teacher: Client, clients, spare, http, url):
        while room.session.to_move() not in TEAMS:
            await asyncio.sleep(0.05)
        mover = room.session.to_move()
        assert (await control(teacher, "pause"))["type"] == "ok"
        page = await clients[mover].until(lambda d: d["type"] == "page" and d["paused"])
        assert page["page"]["your_move"]
        before = len(room.session.timeline.log)
        reply = await clients[mover].act({"type": "end_turn"}, page["at"])
        assert reply["code"] == "paused" and len(room.session.timeline.log) == before
        assert (await control(teacher, "resume"))["type"] == "ok"

        if room.session.state.event_queue:
            assert (await control(teacher, "skip"))["type"] == "ok"
        while room.session.state.event_queue or room.session.to_move() not in TEAMS:
            if room.session.state.event_queue:
                await control(teacher, "skip")
            await asyncio.sleep(0.05)
        mover = room.session.to_move()
        assert (await control(teacher, "advance"))["type"] == "ok"
        assert room.session.state.factions[mover].done or room.session.to_move() != mover
        assert any(r["did"] == "teacher: advance" for r in room.record)

        victim = clients[TEAMS[1]]
        device = next(d for d in room.devices.by_id.values() if d.faction == TEAMS[1])
        assert (await control(teacher, "kick", device=device.id))["type"] == "ok"
        assert (await victim.until(lambda d: d["type"] == "error"))["code"] == "kicked"
        back = Client(http, url)
        await back.connect()
        await back.send({"v": 1, "type": "rejoin", "token": victim.token})
        assert (await back.until(lambda d: d["type"] in ("welcome", "error")))["code"] == "kicked"
        assert (await control(teacher, "readmit", device=device.id))["type"] == "ok"
        await back.send({"v": 1, "type": "rejoin", "token": victim.token})
        assert (await back.until(lambda d: d["type"] in ("welcome", "error")))["type"] == "welcome"

        assert (await control(teacher, "swap", device=device.id, faction=TEAMS[2]))["type"] == "ok"
        swapped = await back.until(lambda d: d["type"] == "page" and d["page"]["faction"] == TEAMS[2])
        assert swapped["page"]["faction"] == TEAMS[2]
        assert (await control(teacher, "swap", device=device.id, faction="stalin"))["code"] == "bad_faction"

        board = next(d for d in reversed(teacher.received) if d["type"] == "board")
        assert {d["id"] for d in board["devices"]} == set(room.devices.by_id)
        assert all("token" not in d for d in board["devices"])

    asyncio.run(_class(rs, body))


def test_a_class_vote_from_the_pages_and_the_report(rs, tmp_path):
    async def body(room: Room, teacher: Client, clients, spare, http, url):
        while room.session.to_move() not in TEAMS:
            await asyncio.sleep(0.05)
        reply = await control(teacher, "open_vote", subject="Publish the Testament?", options=["Yes", "No"])
        assert reply["type"] == "ok"
        page = await spare.until(lambda d: d["type"] == "page" and d["poll"])
        poll = page["poll"]
        assert poll["subject"] == "Publish the Testament?" and poll["options"] == ["Yes", "No"]
        for client, option in ((clients[TEAMS[0]], "Yes"), (spare, "Yes"), (clients[TEAMS[1]], "No")):
            client.seq += 1
            await client.send({"v": 1, "type": "vote", "seq": client.seq, "poll": poll["id"], "option": option})
            assert (await client.until(lambda d, s=client.seq: d.get("seq") == s))["type"] == "ok"
        spare.seq += 1
        await spare.send({"v": 1, "type": "vote", "seq": spare.seq, "poll": poll["id"], "option": "No"})
        assert (await spare.until(lambda d: d.get("seq") == spare.seq))["code"] == "already_voted"
        tally = await teacher.until(
            lambda d: d["type"] == "board" and d["polls"] and d["polls"][-1]["counts"]["No"] == 1
        )
        assert tally["polls"][-1]["counts"] == {"Yes": 2, "No": 1}
        assert (await control(teacher, "close_vote"))["type"] == "ok"
        entry = next(e for e in room.session.state.log if e[1] == "class.vote")
        assert entry[2]["counts"] == {"Yes": 2, "No": 1} and entry[2]["chosen"] == "Yes"

        mover = room.session.to_move()
        page = await fresh_page(room, clients[mover])
        first = next(o for g in page["page"]["groups"] for o in g["options"] if o["ok"])
        assert (await clients[mover].act(first["action"], page["at"]))["type"] == "ok"  # the game goes on
        assert (await control(teacher, "report"))["type"] == "ok"
        for _ in range(100):
            if reports:
                break
            await asyncio.sleep(0.05)
        assert reports == [room.code]  # the host was asked to write the report, once

    reports: list[str] = []
    asyncio.run(_class(rs, body, on_report=lambda room: reports.append(room.code)))


def test_the_report_lists_each_device_and_its_decisions(rs, tmp_path):
    content = load_game(ROOT / "data", [], [])
    room = Room(lesson(content.ruleset))
    conn_device = room.devices.add("Anna's phone", TEAMS[0])
    room.session.run_bots()
    from game.net.room import Conn

    conn = Conn(device=conn_device)
    mover = room.session.to_move()
    conn_device.faction = mover
    action = room.session.legal(mover)[0]
    from game.net.protocol import action_fields

    room.handle(conn, {"v": 1, "type": "act", "seq": 1, "at": room.move, "action": action_fields(action)})
    path = write_report(tmp_path, room, content)
    page = path.read_text(encoding="utf-8")
    assert "<h2>On the network</h2>" in page and "Anna&#x27;s phone" in page and room.code in page
    assert room.record[0]["did"] in page
    assert (tmp_path / f"classroom-{room.code}.devices.json").is_file()
