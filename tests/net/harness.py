"""A host on 127.0.0.1 (any free port) and protocol clients of our own, for the network tests
and the 40-client benchmark. Also the test teams' policy: a deterministic choice made from the
page alone, so the same policy can play hotseat through the Session directly."""

from __future__ import annotations

import asyncio
import contextlib
import json
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

from game.net.protocol import ProtocolError
from game.net.room import Conn, Room
from game.net.server import Host
from game.session.live import Session

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "assets" / "web"
TEAMS = ["bukharin", "trotsky", "zinoviev_kamenev", "left_sr"]


@contextlib.asynccontextmanager
async def serving(room: Room, after_turn=None, on_report=None):
    """The host running in this event loop; yields (host, base URL)."""
    host = Host(room, WEB, after_turn, on_report)
    runner = web.AppRunner(host.app(), handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    try:
        yield host, f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


class Client:
    """One device: a socket, the messages it received, and its message numbers."""

    def __init__(self, http: aiohttp.ClientSession, url: str) -> None:
        self.http, self.url = http, url
        self.ws: aiohttp.ClientWebSocketResponse | None = None
        self.received: list[dict[str, Any]] = []
        self.raw: list[str] = []
        self.seq = 0
        self.token: str | None = None
        self.page: dict[str, Any] | None = None

    async def connect(self) -> None:
        self.ws = await self.http.ws_connect(self.url + "/ws")

    async def send(self, message: dict[str, Any] | str) -> None:
        await self.ws.send_str(message if isinstance(message, str) else json.dumps(message))

    async def recv(self, timeout: float = 30.0) -> dict[str, Any]:
        msg = await self.ws.receive(timeout=timeout)
        if msg.type != aiohttp.WSMsgType.TEXT:
            raise ConnectionError(f"socket closed ({msg.type})")
        self.raw.append(msg.data)
        data = json.loads(msg.data)
        self.received.append(data)
        if data["type"] == "page":
            self.page = data
        if data["type"] == "welcome" and "token" in data:
            self.token, self.seq = data["token"], data["seq"] + 1
        return data

    async def until(self, predicate, timeout: float = 60.0) -> dict[str, Any]:
        """Read messages until one satisfies `predicate`."""
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                raise TimeoutError("no such message")
            data = await self.recv(left)
            if predicate(data):
                return data

    async def join(self, code: str, faction: str, name: str = "") -> dict[str, Any]:
        await self.connect()
        await self.send({"v": 1, "type": "join", "room": code, "faction": faction, "name": name or faction})
        return await self.until(lambda d: d["type"] in ("welcome", "error"))

    async def act(self, action: dict[str, Any], at: int) -> dict[str, Any]:
        self.seq += 1
        seq = self.seq
        await self.send({"v": 1, "type": "act", "seq": seq, "at": at, "action": action})
        return await self.until(lambda d: d.get("seq") == seq and d["type"] in ("ok", "error"))

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()


def choose(page: dict[str, Any]) -> dict[str, Any]:
    """The test teams' policy: decide an event by its first choice, play cards and lobby while
    action points last (the first legal option), then end the turn."""
    groups = {g["title"]: g["options"] for g in page["groups"]}
    for title, options in groups.items():
        if title.startswith("Decide"):
            return next(o for o in options if o["ok"])["action"]
    ap = page["numbers"]["ap"]
    if ap > 0:
        for title in ("People", "Your hand") if ap % 2 else ("Your hand", "People"):
            legal = [o for o in groups.get(title, []) if o["ok"]]
            if legal:
                return legal[(ap * 7) % len(legal)]["action"]
    return {"type": "end_turn"}


def lesson(rs, seed: int = 5) -> Session:
    return Session.start(rs, "scissors", seed, list(TEAMS), preset="one_lesson")


def teacher_controls(room: Room):
    """A teacher's device on `room` (no network): control(name, **fields) gives "ok" or the refusal's code."""
    teacher = Conn(teacher=True)
    seq = iter(range(1, 1000))

    def control(name: str, **fields) -> str:
        try:
            room.handle(teacher, {"v": 1, "type": "control", "seq": next(seq), "control": name, **fields})
        except ProtocolError as exc:
            return exc.code
        return "ok"

    return control
