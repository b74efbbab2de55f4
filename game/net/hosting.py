"""The host inside the window: the same server on its own thread and event loop, so the window
stays the board while the teams play from their browsers.

The room (and through it the session) is touched only on the host's loop: the window reads the
session's current state (a state is never changed once made) and sends the teacher's controls
through `control`, which runs them on the loop like a message from the teacher's board.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
from collections.abc import Callable
from pathlib import Path

from aiohttp import web

from . import protocol as P
from .room import Conn, Room
from .server import Host

PORT = 8765
LOCAL = "127.0.0.1"


def lan_address() -> str:
    """This computer's address on the local network (a UDP 'connect' sends nothing)."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))
        return probe.getsockname()[0]
    except OSError:
        return LOCAL
    finally:
        probe.close()


class HostThread:
    def __init__(self, room: Room, web_dir: Path, after_turn: Callable[[Room], None] | None = None) -> None:
        self.room = room
        self.host = Host(room, web_dir, after_turn)
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="testament-host", daemon=True)
        self.runner: web.AppRunner | None = None
        self.site: web.TCPSite | None = None
        self.port = 0
        self.lan = False
        self.teacher = Conn(teacher=True)
        self.problem = ""  # the last control refused, in words

    def start(self, port: int = PORT) -> str:
        """Listen on this computer only; returns the address the teams open."""
        self.thread.start()
        asyncio.run_coroutine_threadsafe(self._start(port), self.loop).result(timeout=30)
        return self.url

    async def _start(self, port: int) -> None:
        self.runner = web.AppRunner(self.host.app(), handle_signals=False)
        await self.runner.setup()
        try:
            await self._listen(LOCAL, port)
        except OSError:  # the usual port is taken (another host?): any free one
            await self._listen(LOCAL, 0)

    async def _listen(self, address: str, port: int) -> None:
        site = web.TCPSite(self.runner, address, port)
        await site.start()
        self.site = site
        self.port = site._server.sockets[0].getsockname()[1]
        self.host.public_url = self.url

    @property
    def url(self) -> str:
        return f"http://{lan_address() if self.lan else LOCAL}:{self.port}"

    def open_to_lan(self) -> str:
        """Listen on the room's network too (the teacher asked); returns the new address."""
        asyncio.run_coroutine_threadsafe(self._open_to_lan(), self.loop).result(timeout=30)
        return self.url

    async def _open_to_lan(self) -> None:
        if self.lan or self.site is None:
            return
        await self.site.stop()
        self.lan = True
        await self._listen("0.0.0.0", self.port)

    def control(self, name: str, **fields) -> str:
        """A teacher's control from the window; '' if done, else why not."""

        async def run() -> str:
            msg = {"v": P.VERSION, "type": "control", "seq": self.teacher.last_seq + 1, "control": name, **fields}
            try:
                self.room.handle(self.teacher, msg)
            except P.ProtocolError as exc:
                return exc.text
            self.host.dirty.set()
            return ""

        self.problem = asyncio.run_coroutine_threadsafe(run(), self.loop).result(timeout=30)
        return self.problem

    def stop(self) -> None:
        if not self.thread.is_alive():
            return
        if self.runner is not None:
            with contextlib.suppress(Exception):  # closing down: nothing more to tell anyone
                asyncio.run_coroutine_threadsafe(self.runner.cleanup(), self.loop).result(timeout=30)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=10)
