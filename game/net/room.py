"""The room: the host's single authority over a networked class, with no network in it.

It owns the live `Session` and everything the room adds around it: the room code, the devices and
their tokens, the teacher's key, pause, the turn timer, the class polls, the teams' choices for the
round (rounds.py) and the record of which device did what. `handle` takes one checked message from
one connection and returns the replies; it changes the game only through the session's own methods.
A networked game is played in rounds (the core's rule, switched on by a logged teacher action when
the room opens): the teams choose their next actions at the same time and the room plays them one
at a time in the engine's order (`whose_move`), so the log is the order actually played and `replay`
repeats the class. The server (server.py) feeds it from many sockets on one event loop, so it is
never entered twice at once.
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
from ..core.legality import check
from ..session.live import Session
from ..text.chronicle import Text
from . import protocol as P
from .controls import TeacherControls
from .devices import Device, Devices, room_code
from .polls import Poll
from .protocol import ProtocolError
from .rounds import Rounds, as_mover, may_choose

STATUS_WORDS = {
    "acting": "to move now",
    "ready": "ready",
    "choosing": "choosing",
    "done": "turn ended",
    "waiting": "waiting",
}
MAX_DEVICES = 200  # a class with phones and spares; beyond it, joins are refused (a join flood ends here)


@dataclass(slots=True)
class Conn:
    """One open connection: which device (or the teacher) it speaks for."""

    device: Device | None = None
    teacher: bool = False
    watcher: bool = False  # a board on a projector: public information only
    last_seq: int = -1  # the teacher's message numbers (a device keeps its own)


@dataclass(slots=True)
class Room(TeacherControls):
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
    rounds: Rounds = field(default_factory=Rounds)  # each team's next action, waiting for its place

    def __post_init__(self) -> None:
        if not self.session.state.rounds and not self.session.over:
            self.session.teacher("rounds")  # the teams act in rounds from here on (in the log, so replayed)

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
        if kind == "undo":
            return [self._undo(device, msg)]
        action = P.page_action(msg["action"], device.faction)
        state = self.session.state
        if may_choose(state, device.faction):  # its next action in the round: checked now, played in its place
            if self.session.options.get("timer_ends_turn") and self.time_up():
                raise ProtocolError("not_your_turn", "Time is up: your team's turn ends at its place in the round.")
            why = check(self.session.rs, as_mover(state, device.faction), action)
            if why is not None:
                raise ProtocolError("illegal", self.session.words(why) or "That cannot be done now.")
            self.rounds.choose(state, device, action)
            self.play_choices()
            return [_ok(msg["seq"])]
        if msg["at"] != self.move:
            raise ProtocolError("stale", "The game has moved on since your page was drawn; look again.")
        self._their_move(device)
        self._play(device, action)
        return [_ok(msg["seq"])]

    def _their_move(self, device: Device) -> None:
        mover = self.session.to_move()
        if mover == device.faction:
            return
        rs, state = self.session.rs, self.session.state
        who = rs.factions[mover].short if mover in rs.factions else "nobody"
        if state.phase == "over":
            raise ProtocolError("not_your_turn", "The game is over.")
        if state.event_queue:
            raise ProtocolError("not_your_turn", f"Waiting for {who} to decide an event: it is not your move.")
        if state.phase in ("intrigue", "session") and device.faction in state.order:
            raise ProtocolError("not_your_turn", "Your team has ended its turn: wait for the next phase.")
        raise ProtocolError("not_your_turn", f"Waiting for {who}: it is not your move.")

    def _play(self, device: Device, action: A.Action) -> None:
        result = self.session.submit(action)
        if not result.ok:
            raise ProtocolError("illegal", self.session.words(result.reason) or "That cannot be done now.")
        said = [s for s in (Text(self.session.rs).entry(k, p) for _t, k, p in result.events) if s]
        self.changed(device, _words(action), said)

    def _undo(self, device: Device, msg: dict[str, Any]) -> dict[str, Any]:
        """Withdraw the team's choice for the round; else take back its last action (hotseat's undo)."""
        withdrawn = self.rounds.withdraw(device.faction)
        if withdrawn is None:
            if msg["at"] != self.move:
                raise ProtocolError("stale", "The game has moved on since your page was drawn; look again.")
            undone = self.session.undo(device.faction) if self.session.to_move() == device.faction else None
            if undone is None:
                raise ProtocolError("illegal", "There is nothing of yours to take back.")
            self.changed(device, f"took back: {_words(undone)}")
        return _ok(msg["seq"])

    def play_choices(self) -> int:
        """Play the teams' choices while the team whose move it is has one; how many were played.
        A choice that can no longer be made is dropped and its team told why (it chooses again)."""
        played = 0
        while not self.paused:
            choice = self.rounds.due(self.session.state, self.session.to_move())
            if choice is None:
                return played
            try:
                self._play(choice.device, choice.action)
                played += 1
            except ProtocolError as refused:
                self.rounds.dropped[choice.device.faction] = f"{_words(choice.action)}: {refused.text}"
                return played
        return played

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
        self.control(msg)
        self.play_choices()  # a turn ended or an event skipped may bring a team's choice to its place
        return _ok(msg["seq"])

    def teacher_action(self, kind: str, **fields: str) -> None:
        result = self.session.teacher(kind, **fields)
        if not result.ok:
            raise ProtocolError("illegal", self.session.words(result.reason) or "Not now.")
        self.changed(None, f"teacher: {kind}" + "".join(f" {v}" for v in fields.values()))

    def note_teacher(self, what: str) -> None:
        """A teacher's change that is not a rule (the timer): in the record, not the game."""
        self.changed(None, f"teacher: {what}")

    def undo_turn(self) -> None:
        if self.session.undo_whole_turn() is None:
            raise ProtocolError("illegal", "Nothing to undo yet: the game is at its first turn's start.")
        self.rounds = Rounds()
        if not self.session.state.rounds:  # wound back before the rounds began: they begin again
            self.session.teacher("rounds")
        self.changed(None, "teacher: undo the last whole turn")

    # ---- what changed -------------------------------------------------------------------------

    def changed(self, device: Device | None, what: str, said: list[str] | None = None) -> None:
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

    def step(self) -> bool:
        """Play what is due: the teams' choices waiting for their places, else (time being up, if
        the set-up says so) end the turn of the team the round waits for, else one bot move; False
        when the round waits for a team to choose (or the class is paused)."""
        if self.paused:
            return False
        if self.play_choices():
            return True
        if self.late():
            late = self.session.to_move()
            assert self.session.teacher("advance").ok  # `late` checked it can be done
            self.changed(None, f"time is up: {self.session.rs.factions[late].short}'s turn ended")
            return True
        result = self.session.step_bot()
        if result is None or not result.ok:
            return False
        self.move += 1
        return True

    def late(self) -> bool:
        """Is the round waiting for a team whose time is up, and does the set-up end its turn then
        (`timer_ends_turn`: the host ends it as the teacher would, a logged action, so replayed)?"""
        s = self.session
        if not s.options.get("timer_ends_turn") or self.timer()["left"] != 0 or s.to_move() not in s.humans:
            return False
        return s.why_not(A.TeacherAction(A.TEACHER, "advance")) is None

    def time_up(self) -> bool:
        return self.timer()["left"] == 0

    def timer(self) -> dict[str, Any]:
        """Seconds left of the teams' time (None without a timer): in rounds the teams choose at the
        same time, so the minutes per team turn run for the whole phase."""
        s = self.session
        minutes = int(s.options.get("turn_timer", 0) or 0)
        key = (s.state.turn, s.state.phase, None if s.state.rounds else s.to_move())
        now = self.paused_at if self.paused else self.clock()
        if key != self.turn_key:
            self.turn_key, self.turn_started = key, now
        busy = s.to_move() in s.humans or any(may_choose(s.state, f) for f in s.humans)
        ends = bool(s.options.get("timer_ends_turn"))
        if not minutes or not busy:
            return {"minutes": minutes, "left": None, "ends_turn": ends}
        return {"minutes": minutes, "left": max(0, int(minutes * 60 - (now - self.turn_started))), "ends_turn": ends}

    def status(self, faction: str) -> str:
        """acting (the game waits for this team now), ready (its next action is chosen), choosing
        (it may choose), done (it has ended its turn in this phase) or waiting (for someone else)."""
        s = self.session
        if faction == s.to_move():
            return "acting"
        if faction in self.rounds.choices:
            return "ready"
        if may_choose(s.state, faction):
            return "choosing"
        if s.state.phase in ("intrigue", "session") and not s.state.event_queue:
            return "done"
        return "waiting"

    def teams(self) -> list[dict[str, Any]]:
        """Each team: its status (and the words for it), and how many devices it has online."""
        s = self.session
        out = []
        for f in s.humans:
            status = self.status(f)
            devices = [d for d in self.devices.by_id.values() if d.faction == f and not d.kicked]
            out.append(
                {
                    "id": f,
                    "short": s.rs.factions[f].short,
                    "status": status,
                    "says": STATUS_WORDS[status],
                    "devices": len(devices),
                    "online": sum(1 for d in devices if d.connected),
                }
            )
        return out

    def you(self, faction: str) -> dict[str, Any]:
        """For a team's page: may it act now, its choice waiting for its place, why its last choice
        was dropped, and whom the game waits for."""
        choice = self.rounds.choices.get(faction)
        mover = self.session.to_move()
        rs = self.session.rs
        return {
            "status": self.status(faction),
            "may_act": not self.paused and (mover == faction or may_choose(self.session.state, faction)),
            "chosen": _words(choice.action) if choice else None,
            "chosen_action": P.action_fields(choice.action) if choice else None,  # the page shows its own label
            "dropped": self.rounds.dropped.get(faction),
            "waiting_for": rs.factions[mover].short if mover in rs.factions else None,
        }

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
