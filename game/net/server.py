"""The host over HTTP and WebSockets (aiohttp): the pages from assets/web, one socket per device.

One event loop; every message is read by its connection's own task, checked (size, rate, schema)
and handed to the room, which is never entered twice at once. A device over its rate is refused
before its messages are even parsed, so a flood costs the others almost nothing. After any change
a single publisher task lets the bots move, autosaves at each new turn, writes the report when
the game ends, and sends each device its own faction's page (built from the player view, off the
loop in a worker thread) and each board the public board. See docs/NETWORK.md.

Each page is drawn once per change of the game and shared by all its team's devices. It goes out
in two steps: first every page with its motions' odds marked as being worked out (quick), then
each team's odds (most of a page's cost, worked out for all its motions at once) in a small `odds`
message, so no team waits for the others' odds. A device that comes later gets the whole page.
Nothing is sent for a game that has moved on since it was drawn.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import logging
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from aiohttp import WSMsgType, web

from ..core.timeline import Timeline
from ..session.live import Session
from . import protocol as P
from .devices import Bucket
from .pages import Draft, board, draft_page, game_line, odds_message, odds_of, page_text
from .room import Conn, Room

log = logging.getLogger("testament.host")
SOCKET_LIMIT = 64 * 1024  # beyond this aiohttp closes the socket; up to it we answer "too_large"
FLOOD_CLOSE = 300  # messages refused for rate in a row before the socket is closed
PAGES = {"/": "student.html", "/board": "board.html"}
# How often (seconds) a thread drawing pages hands the interpreter to the event loop. Python's 5 ms
# starves a loop that waits for it at every socket write while pages are drawn: 40 devices' pages
# and pings queued behind each other (the convoy effect).
SWITCH_INTERVAL = 0.0005


class Host:
    def __init__(
        self,
        room: Room,
        web_dir: Path,
        after_turn: Callable[[Room], None] | None = None,
        on_report: Callable[[Room], None] | None = None,
    ) -> None:
        self.room = room
        self.web_dir = web_dir
        self.after_turn = after_turn  # autosave and, at the end, the report (the I/O is record.py's)
        self.on_report = on_report
        self.sockets: dict[web.WebSocketResponse, Conn] = {}
        self.dirty = asyncio.Event()
        self.pages: dict[str, str] = {}  # faction (or "board") -> its page as JSON, at `pages_at`
        self.drafts: dict[str, Draft] = {}  # faction -> its page at `pages_at`, while its odds are worked out
        self.pages_at = -1
        self.turns_seen = len(room.session.turn_hashes)
        self.publisher: asyncio.Task | None = None
        self.timekeeper: asyncio.Task | None = None
        self.public_url = ""  # the address teams are told to open, once known (cli/host.py sets it)
        self.menu: dict[str, Any] = {}
        self.menu_key: tuple | None = None
        self.switch_interval = sys.getswitchinterval()  # the process's own, given back when the host stops

    def app(self) -> web.Application:
        app = web.Application(client_max_size=SOCKET_LIMIT)
        for path, name in PAGES.items():
            app.router.add_get(path, self._file(name))
        app.router.add_static("/web/", self.web_dir, show_index=False, follow_symlinks=False)
        app.router.add_get("/ws", self._socket)
        app.router.add_get("/teams", self._teams)
        app.router.add_get("/qr.svg", self._qr)
        app.on_startup.append(self._start)
        app.on_shutdown.append(self._stop)
        return app

    def _file(self, name: str):
        async def handler(_request: web.Request) -> web.FileResponse:
            return web.FileResponse(self.web_dir / name, headers={"Cache-Control": "no-store"})

        return handler

    async def _teams(self, _request: web.Request) -> web.Response:
        """The set-up's teams, for the join form (public: the names on the board)."""
        rs = self.room.session.rs
        return web.json_response([{"id": f, "short": rs.factions[f].short} for f in self.room.session.humans])

    async def _qr(self, request: web.Request) -> web.Response:
        """The join address (with the room code) as a QR code, made here: no outside service."""
        import segno

        buffer = io.BytesIO()
        segno.make(self.join_url(request.host), error="m").save(buffer, kind="svg", scale=6, border=2)
        return web.Response(body=buffer.getvalue(), content_type="image/svg+xml")

    def join_url(self, host: str) -> str:
        """What a team opens: the address announced (or the one this request came to) and the code."""
        return f"{self.public_url or 'http://' + host}/#room={self.room.code}"

    async def _start(self, _app) -> None:
        sys.setswitchinterval(SWITCH_INTERVAL)
        loop = asyncio.get_running_loop()
        self.publisher = loop.create_task(self._publish_forever())
        self.timekeeper = loop.create_task(self._keep_time())
        self.dirty.set()  # the bots may be first to move

    async def _keep_time(self) -> None:
        """Once a second: when the timer has run out on a late team and the set-up ends its turn
        then, wake the publisher (whose `room.step` ends it, in the log)."""
        while True:
            await asyncio.sleep(1.0)
            if self.room.late():
                self.dirty.set()

    async def _stop(self, _app) -> None:
        sys.setswitchinterval(self.switch_interval)
        for ws in list(self.sockets):
            await ws.close(message=b"the host is closing")
        for task in (self.publisher, self.timekeeper):
            if task is not None:
                task.cancel()

    # ---- one socket ----------------------------------------------------------------------------

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(max_msg_size=SOCKET_LIMIT, heartbeat=30)
        await ws.prepare(request)
        loop = asyncio.get_running_loop()
        conn, bucket = Conn(), Bucket(stamp=loop.time())
        self.sockets[ws] = conn
        refused = 0
        try:
            async for message in ws:
                if message.type != WSMsgType.TEXT:
                    if message.type == WSMsgType.BINARY:
                        with contextlib.suppress(ConnectionError):
                            await ws.send_json(P.error("malformed", "Messages are JSON text."))
                    continue
                if not bucket.take(loop.time()):
                    refused += 1
                    if refused == 1:
                        with contextlib.suppress(ConnectionError):
                            await ws.send_json(P.error("rate_limited", "Too many messages: slow down."))
                    if refused >= FLOOD_CLOSE:
                        break
                    continue
                refused = 0
                await self._message(ws, conn, message.data)
        finally:
            self.sockets.pop(ws, None)
            self.room.closed(conn)
        return ws

    async def _message(self, ws: web.WebSocketResponse, conn: Conn, data: str) -> None:
        seq = None
        try:
            msg = P.parse(data)
            seq = msg.get("seq")
            replies = self.room.handle(conn, msg)
        except P.ProtocolError as exc:
            replies = [P.error(exc.code, exc.text, seq)]
            msg = {"type": "refused"}
        except Exception:  # noqa: BLE001 - a bug in the game: this message fails, the class goes on
            log.exception("a message could not be handled")
            replies = [P.error("internal", "The host could not do that (a bug: see the host's log).", seq)]
            msg = {"type": "refused"}
        with contextlib.suppress(ConnectionError):  # the device went away meanwhile
            for reply in replies:
                await ws.send_json(reply)
        kind = msg["type"]
        if kind in ("act", "undo", "control", "vote"):
            await self._close_kicked()
            self.dirty.set()  # everyone's page is drawn again (a vote moves the board's tally)
        elif kind in ("join", "rejoin", "watch", "teacher"):
            if conn.device is not None and conn.device.faction not in self.pages:
                self.dirty.set()  # the first device of its team: its page is drawn now
            else:
                await self._send_one(ws, conn)

    async def _close_kicked(self) -> None:
        ids, self.room.kicked = set(self.room.kicked), []
        for ws, conn in list(self.sockets.items()):
            if conn.device is not None and conn.device.id in ids:
                with contextlib.suppress(ConnectionError):
                    await ws.send_json(P.error("kicked", "The teacher has taken this device out of the game."))
                await ws.close()

    # ---- the publisher ---------------------------------------------------------------------------

    async def _publish_forever(self) -> None:
        while True:
            await self.dirty.wait()
            self.dirty.clear()
            try:
                while self.room.step():
                    await asyncio.sleep(0)  # let the sockets be read between bot moves
                self._turn_check()
                await self._publish()
            except Exception:  # noqa: BLE001 - a bug must not silence the whole class: log it, go on
                log.exception("the host could not bring the pages up to date")

    def _turn_check(self) -> None:
        turns = len(self.room.session.turn_hashes)
        if turns != self.turns_seen:
            self.turns_seen = turns
            if self.after_turn is not None:
                self.after_turn(self.room)
        if self.room.report_asked:
            self.room.report_asked = False
            if self.on_report is not None:
                self.on_report(self.room)

    async def _publish(self) -> None:
        """Draw what changed and send it, a page at a time, most wanted first: the board, the page
        of the team the game waits for, then the teams choosing ahead, each with its odds marked
        as being worked out; then each team's odds; then everyone not yet sent. If the game moves
        meanwhile, start again."""
        at = self.room.move
        if self.pages_at != at:
            self.pages, self.drafts, self.pages_at = {}, {}, at
        wanted = {c.device.faction for c in self.sockets.values() if c.device is not None}
        mover = self.room.session.to_move()
        shot = snapshot(self.room.session)
        sent: set[web.WebSocketResponse] = set()
        teams = [*([mover] if mover in wanted else []), *sorted(wanted - {mover})]
        for key in ["board", *teams]:
            if key not in self.pages and not await self._drawn(at, key, asyncio.to_thread(_draw, shot, key), sent):
                return
        for key in [k for k in teams if k in self.drafts]:
            if not await self._drawn(at, key, asyncio.to_thread(_odds, shot, self.drafts[key], at), sent):
                return
        shared = self.shared()
        for ws, conn in list(self.sockets.items()):
            if ws not in sent:
                await self._send_one(ws, conn, shared)

    async def _drawn(self, at: int, key: str, drawing, sent: set[web.WebSocketResponse]) -> bool:
        """Wait for a page being drawn and send it to its devices (or, once its odds are worked
        out, the odds to the devices that have its draft); False (and draw again) if the game
        moved meanwhile."""
        text, draft, odds = await drawing
        if self.room.move != at:
            self.dirty.set()
            return False
        had_draft = self.drafts.pop(key, None) is not None
        self.pages[key] = text
        if draft is not None:
            self.drafts[key] = draft
        shared = self.shared()
        for ws, conn in list(self.sockets.items()):
            if (conn.device.faction if conn.device is not None else "board") == key:
                sent.add(ws)
                if had_draft and odds is not None and not conn.device.kicked:
                    with contextlib.suppress(ConnectionError):
                        await ws.send_str(odds)
                else:
                    await self._send_one(ws, conn, shared)
        return True

    async def _send_one(self, ws: web.WebSocketResponse, conn: Conn, shared: dict[str, Any] | None = None) -> None:
        text = self.text_for(conn, shared or self.shared())
        if text is None:
            return
        with contextlib.suppress(ConnectionError):  # gone: its own task notices and cleans up
            await ws.send_str(text)

    def shared(self) -> dict[str, Any]:
        """What every page and board is told alongside its own part."""
        room = self.room
        return {
            "v": P.VERSION,
            "at": self.pages_at,
            "game": game_line(room.session),
            "paused": room.paused,
            "timer": room.timer(),
            "teams": room.teams(),
        }

    def teacher_menu(self) -> dict[str, Any]:
        """The teacher's menu, worked out once per change of the game (or of the timer)."""
        key = (self.room.move, self.room.session.options.get("turn_timer"))
        if self.menu_key != key:
            self.menu, self.menu_key = self.room.teacher_menu(), key
        return self.menu

    def text_for(self, conn: Conn, shared: dict[str, Any]) -> str | None:
        """The message this connection gets now, from the pages last drawn (None: nothing yet).
        Each page is serialised once per change and spliced in, not once per device."""
        room = self.room
        if conn.device is not None:
            page = self.pages.get(conn.device.faction)
            if page is None or conn.device.kicked:
                return None
            head: dict[str, Any] = {**shared, "type": "page", "poll": room.open_poll(conn.device)}
            head["you"] = room.you(conn.device.faction)
            return _splice(head, "page", page)
        if conn.teacher or conn.watcher:
            if "board" not in self.pages:
                return None
            head = {**shared, "type": "board", "room": room.code, "join": self.public_url}
            head["polls"] = [p.public() for p in room.polls[-3:]]
            if conn.teacher:
                head["menu"] = self.teacher_menu()
                head["devices"] = room.devices.listing()
                head["record"] = room.record[-15:]
            return _splice(head, "board", self.pages["board"])
        return None


def _splice(head: dict[str, Any], key: str, body: str) -> str:
    return json.dumps(head)[:-1] + f', "{key}": {body}}}'


def _draw(shot: Session, key: str) -> tuple[str, Draft | None, None]:
    """A faction's page (or the board) as JSON, off the event loop, and its draft while its odds
    are still to be worked out."""
    if key == "board":
        return json.dumps(board(shot)), None, None
    draft = draft_page(shot, key)
    page = page_text(draft)
    return json.dumps(page), None if page["odds_ready"] else draft, None


def _odds(shot: Session, draft: Draft, at: int) -> tuple[str, None, str]:
    """The draft's odds, off the event loop: the whole page (for devices still to come) and the
    `odds` message for the devices that have the draft, as JSON."""
    odds = odds_of(shot.rs, draft)
    message = {"v": P.VERSION, "type": "odds", "at": at, **odds_message(draft, odds)}
    return json.dumps(page_text(draft, odds)), None, json.dumps(message)


def snapshot(session: Session) -> Session:
    """A copy that shares the (never mutated) current state, for drawing pages off the loop."""
    return Session(session.rs, Timeline(session.rs, session.state), list(session.humans), options=dict(session.options))


def run(host: Host, address: str, port: int, announce: Callable[[str, int], None]) -> None:
    """Serve until Ctrl-C; `announce` is told the address and port actually bound."""

    async def main() -> None:
        runner = web.AppRunner(host.app(), handle_signals=False)
        await runner.setup()
        site = web.TCPSite(runner, address, port)
        await site.start()
        bound = site._server.sockets[0].getsockname()[1] if site._server and site._server.sockets else port
        announce(address, bound)
        stop = asyncio.Event()
        with contextlib.suppress(NotImplementedError, AttributeError):  # no SIGTERM handler on Windows
            asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
        try:
            await stop.wait()
        finally:
            await runner.cleanup()

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(main())
