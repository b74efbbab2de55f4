"""The room: the host's single authority over a networked class, with no network in it.

It owns the live `Session` and everything the room adds around it: the room code, the devices and
their tokens, the teacher's key, pause, the turn timer, the class polls and the record of which
device did what. `handle` takes one checked message from one connection and returns the replies;
it changes the game only through the session's own methods, and only for the faction whose move
the engine says it is (`whose_move`): teams read and prepare in parallel, but actions are applied
one at a time in the engine's order, so the log, the per-turn hashes and `replay` are exactly
those of the same actions played hotseat. The server (server.py) feeds it from many sockets on
one event loop, so it is never entered twice at once.
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..core import actions as A
from ..core.calendar import pretty_date
from ..session.live import Session
from ..text.chronicle import Text
from . import protocol as P
from .devices import Device, Devices, room_code
from .protocol import ProtocolError

MAX_DEVICES = 200  # a class with phones and spares; beyond it, joins are refused (a join flood ends here)


@dataclass(slots=True)
class Conn:
    """One open connection: which device (or the teacher) it speaks for."""

    device: Device | None = None
    teacher: bool = False
    watcher: bool = False  # a board on a projector: public information only
    last_seq: int = -1  # the teacher's message numbers (a device keeps its own)


@dataclass(slots=True)
class Poll:
    id: int
    subject: str
    options: list[str]
    votes: dict[str, str] = field(default_factory=dict)  # device id -> option
    open: bool = True

    def counts(self) -> dict[str, int]:
        return {o: sum(1 for v in self.votes.values() if v == o) for o in self.options}

    def public(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "subject": self.subject,
            "options": self.options,
            "counts": self.counts(),
            "open": self.open,
        }


@dataclass(slots=True)
class Room:
    session: Session
    code: str = field(default_factory=room_code)
    teacher_key: str = field(default_factory=lambda: secrets.token_urlsafe(12))
    clock: Callable[[], float] = time.monotonic
    devices: Devices = field(default_factory=Devices)
    move: int = 0  # changes of the game so far: a page's `at` must match it
    paused: bool = False
    polls: list[Poll] = field(default_factory=list)
    record: list[dict[str, Any]] = field(default_factory=list)  # which device did what
    kicked: list[str] = field(default_factory=list)  # device ids whose connections the server must close
    turn_started: float = 0.0
    turn_key: tuple | None = None
    paused_at: float = 0.0
    report_asked: bool = False  # the teacher asked for the report now (the server writes it)

    # ---- the messages -------------------------------------------------------------------------

    def handle(self, conn: Conn, msg: dict[str, Any]) -> list[dict[str, Any]]:
        """Replies to one checked message; ProtocolError for a refusal (nothing has changed)."""
        kind = msg["type"]
        if kind == "ping":  # is the host there? (pages use it after a lid opens; the benchmark times it)
            return [{"v": P.VERSION, "type": "pong", "id": msg.get("id", 0)}]
        if kind == "join":
            return [self._join(conn, msg)]
        if kind == "rejoin":
            return [self._rejoin(conn, msg["token"])]
        if kind == "watch":  # the board on the projector: public information (and the room code)
            conn.watcher = True
            return [{"v": P.VERSION, "type": "welcome", "watch": True, "room": self.code}]
        if kind == "teacher":
            if not hmac.compare_digest(msg["key"].encode(), self.teacher_key.encode()):
                raise ProtocolError("forged", "That is not this room's teacher key.")
            conn.teacher = True
            return [{"v": P.VERSION, "type": "welcome", "teacher": True, "room": self.code}]
        if kind == "control":
            if not conn.teacher:
                raise ProtocolError("forged", "Only the teacher's board sends controls.")
            self._sequence(conn, msg["seq"])
            return [self._control(msg)]
        device = conn.device
        if device is None:
            raise ProtocolError("not_joined", "Join the room first (room code and team).")
        if device.kicked:
            raise ProtocolError("kicked", "The teacher has taken this device out of the game.")
        self._sequence(device, msg["seq"])
        if kind == "vote":
            return [self._vote(device, msg)]
        if self.paused:
            raise ProtocolError("paused", "The class is paused.")
        if msg["at"] != self.move:
            raise ProtocolError("stale", "The game has moved on since your page was drawn; look again.")
        mover = self.session.to_move()
        if mover != device.faction:
            who = self.session.rs.factions[mover].short if mover in self.session.rs.factions else "nobody"
            raise ProtocolError("not_your_turn", f"Waiting for {who}: it is not your move.")
        if kind == "undo":
            undone = self.session.undo(device.faction)
            if undone is None:
                raise ProtocolError("illegal", "There is nothing of yours to take back.")
            self._changed(device, f"took back: {_words(undone)}")
            return [_ok(msg["seq"])]
        action = P.page_action(msg["action"], device.faction)
        result = self.session.submit(action)
        if not result.ok:
            reason = result.reason
            raise ProtocolError("illegal", self.session.words(reason) or "That cannot be done now.")
        said = [s for s in (Text(self.session.rs).entry(k, p) for _t, k, p in result.events) if s]
        self._changed(device, _words(action), said)
        return [_ok(msg["seq"])]

    def _sequence(self, who: Device | Conn, seq: int) -> None:
        if seq <= who.last_seq:
            raise ProtocolError("replayed", f"Message {seq} was already received (the last was {who.last_seq}).")
        who.last_seq = seq

    def _join(self, conn: Conn, msg: dict[str, Any]) -> dict[str, Any]:
        if msg["room"].strip().upper() != self.code:
            raise ProtocolError("bad_room", "That is not this room's code: look at the board.")
        faction = msg["faction"]
        if faction not in self.session.humans:
            teams = ", ".join(self.session.rs.factions[f].short for f in self.session.humans)
            raise ProtocolError("bad_faction", f"The teams in this game are: {teams}.")
        if len(self.devices.by_id) >= MAX_DEVICES:
            raise ProtocolError("room_full", f"This room has its {MAX_DEVICES} devices: ask the teacher.")
        name = " ".join(msg.get("name", "").split())[:40] or f"device {len(self.devices.by_id) + 1}"
        device = self.devices.add(name, faction)
        self._attach(conn, device)
        return self._welcome(device)

    def _rejoin(self, conn: Conn, token: str) -> dict[str, Any]:
        device = self.devices.token(token)
        if device is None:
            raise ProtocolError("unknown_token", "This device is not known here: join again with the room code.")
        if device.kicked:
            raise ProtocolError("kicked", "The teacher has taken this device out of the game.")
        self._attach(conn, device)
        return self._welcome(device)

    def _attach(self, conn: Conn, device: Device) -> None:
        """This connection now speaks for `device` (and no longer for any other)."""
        if conn.device is device:
            return
        self.closed(conn)
        conn.device = device
        device.connected += 1

    def _welcome(self, device: Device) -> dict[str, Any]:
        return {
            "v": P.VERSION,
            "type": "welcome",
            "token": device.token,
            "device": device.id,
            "name": device.name,
            "faction": device.faction,
            "seq": device.last_seq,
            "room": self.code,
        }

    def closed(self, conn: Conn) -> None:
        if conn.device is not None:
            conn.device.connected = max(0, conn.device.connected - 1)

    def _vote(self, device: Device, msg: dict[str, Any]) -> dict[str, Any]:
        poll = next((p for p in self.polls if p.id == msg["poll"] and p.open), None)
        if poll is None:
            raise ProtocolError("no_poll", "That class vote is closed.")
        if device.id in poll.votes:
            raise ProtocolError("already_voted", "This device has voted already: one vote per device.")
        if msg["option"] not in poll.options:
            raise ProtocolError("malformed", "That is not one of the vote's options.")
        poll.votes[device.id] = msg["option"]
        return _ok(msg["seq"])

    # ---- the teacher ----------------------------------------------------------------------------

    def _control(self, msg: dict[str, Any]) -> dict[str, Any]:
        kind, s = msg["control"], self.session
        if kind not in P.CONTROLS:
            raise ProtocolError("malformed", f"There is no control '{kind}'.")
        if kind == "pause":
            if not self.paused:
                self._teacher("pause")
                self.paused, self.paused_at = True, self.clock()
        elif kind == "resume":
            if self.paused:
                self.paused = False
                self.turn_started += self.clock() - self.paused_at
        elif kind in ("advance", "skip"):
            self._teacher(kind)
        elif kind in ("kick", "readmit", "swap"):
            device = self.devices.by_id.get(msg.get("device", ""))
            if device is None:
                raise ProtocolError("malformed", "No such device.")
            if kind == "swap":
                if msg.get("faction") not in s.humans:
                    raise ProtocolError("bad_faction", "Swap to one of the teams.")
                device.faction = msg["faction"]
            else:
                device.kicked = kind == "kick"
                if device.kicked:
                    self.kicked.append(device.id)
        elif kind == "open_vote":
            self._open_poll(msg.get("subject", ""), msg.get("options", []))
        elif kind == "close_vote":
            self._close_poll()
        elif kind == "report":
            self.report_asked = True
        return _ok(msg["seq"])

    def _teacher(self, kind: str) -> None:
        result = self.session.teacher(kind)
        if not result.ok:
            raise ProtocolError("illegal", self.session.words(result.reason) or "Not now.")
        self._changed(None, f"teacher: {kind}")

    def _open_poll(self, subject: str, options: list[str]) -> None:
        if any(p.open for p in self.polls):
            raise ProtocolError("illegal", "Close the open class vote first.")
        rs, state = self.session.rs, self.session.state
        if not subject and state.event_queue:
            ev = rs.events[state.event_queue[0]]
            subject, options = f"the event {ev.title}", [c.label for c in ev.choices]
        options = [o.replace("=", "-").replace(";", ",") for o in options] or ["Yes", "No"]
        if not subject:
            raise ProtocolError("malformed", "A class vote needs a question.")
        self.polls.append(Poll(len(self.polls) + 1, subject, options))

    def _close_poll(self) -> None:
        poll = next((p for p in self.polls if p.open), None)
        if poll is None:
            raise ProtocolError("illegal", "No class vote is open.")
        poll.open = False
        counts = poll.counts()
        chosen = max(poll.options, key=lambda o: counts[o])
        mover = self.session.to_move()
        if mover is not None:  # the tally goes in the chronicle and the report, as in hotseat
            text = ";".join(f"{o}={n}" for o, n in counts.items())
            if self.session.submit(A.ClassVote(mover, poll.subject, text, chosen)).ok:
                self._changed(None, f"class vote: {poll.subject}")

    # ---- what changed -------------------------------------------------------------------------

    def _changed(self, device: Device | None, what: str, said: list[str] | None = None) -> None:
        self.move += 1
        state = self.session.state
        self.record.append(
            {
                "device": device.id if device else "teacher",
                "name": device.name if device else "teacher",
                "faction": device.faction if device else "",
                "turn": state.turn,
                "date": pretty_date(state.turn, state.start_year),
                "did": what,
                "result": list(said or [])[:3],
            }
        )

    def step_bot(self) -> bool:
        """One bot move if a bot is to move and the class is not paused; True if one moved."""
        if self.paused:
            return False
        result = self.session.step_bot()
        if result is None or not result.ok:
            return False
        self.move += 1
        return True

    def timer(self) -> dict[str, Any]:
        """Seconds left of the acting team's turn (None without a timer)."""
        minutes = int(self.session.options.get("turn_timer", 0) or 0)
        key = (self.session.state.turn, self.session.state.phase, self.session.to_move())
        now = self.paused_at if self.paused else self.clock()
        if key != self.turn_key:
            self.turn_key, self.turn_started = key, now
        if not minutes or self.session.to_move() not in self.session.humans:
            return {"minutes": minutes, "left": None}
        return {"minutes": minutes, "left": max(0, int(minutes * 60 - (now - self.turn_started)))}

    def teams(self) -> list[dict[str, Any]]:
        """Each team: at the controls, done this turn, or still to act; and how many devices."""
        s = self.session
        mover = s.to_move()
        out = []
        for f in s.humans:
            fs = s.state.factions[f]
            status = "acting" if f == mover else ("done" if fs.done else "to act")
            devices = [d for d in self.devices.by_id.values() if d.faction == f and not d.kicked]
            out.append(
                {
                    "id": f,
                    "short": s.rs.factions[f].short,
                    "status": status,
                    "devices": len(devices),
                    "online": sum(1 for d in devices if d.connected),
                }
            )
        return out

    def open_poll(self, device: Device | None = None) -> dict[str, Any] | None:
        poll = next((p for p in reversed(self.polls) if p.open), None)
        if poll is None:
            return None
        out = {"id": poll.id, "subject": poll.subject, "options": poll.options}
        if device is not None:
            out["voted"] = poll.votes.get(device.id)
        return out


def _ok(seq: int) -> dict[str, Any]:
    return {"v": P.VERSION, "type": "ok", "seq": seq}


def _words(action: A.Action) -> str:
    fields = {k: v for k, v in P.action_fields(action).items() if k != "type" and v not in ("", 0)}
    return action.tag.replace("_", " ") + (" " + ", ".join(f"{k} {v}" for k, v in fields.items()) if fields else "")
