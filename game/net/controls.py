"""The teacher's controls over the network, as the window's teacher menu has them: pause and
resume, end the acting team's turn, skip the waiting event or bring one in, recovery for a faction
wiped out early, undo the last whole turn, the turn timer, kick / re-admit / swap a device, class
votes, and the report now. Each is one checked `control` message (protocol.py); the rules' own
controls are the engine's teacher actions, so they are in the log, the chronicle and the report.
A part of the room (`Room` takes it in), kept apart so that neither file grows too long.
"""

from __future__ import annotations

from typing import Any

from ..core import actions as A
from ..core.legality import check
from ..session.live import option_problem
from .polls import end_poll, start_poll
from .protocol import CONTROLS, ProtocolError

EVENTS_LISTED = 40  # the events the teacher's board offers to bring in (those that can happen now)


class TeacherControls:
    """The room's teacher controls (the room's own fields: session, paused, devices, rounds...)."""

    __slots__ = ()

    def control(self, msg: dict[str, Any]) -> None:
        """Carry out one control; ProtocolError (nothing changed) when it cannot be done."""
        kind, s = msg["control"], self.session
        if kind not in CONTROLS:
            raise ProtocolError("malformed", f"There is no control '{kind}'.")
        if kind == "pause":
            if not self.paused:
                self.teacher_action("pause")
                self.paused, self.paused_at = True, self.clock()
        elif kind == "resume":
            if self.paused:
                self.paused = False
                self.turn_started += self.clock() - self.paused_at
        elif kind in ("advance", "skip"):
            self.teacher_action(kind)
        elif kind == "inject":
            self.teacher_action("inject", event=_needs(msg, "event", "Which event? Give its id."))
        elif kind == "recover":
            self.teacher_action("recover", faction=_needs(msg, "faction", "Recovery for which faction?"))
        elif kind == "undo_turn":
            self.undo_turn()
        elif kind == "timer":
            minutes = msg.get("minutes")
            problem = option_problem("turn_timer", minutes) if minutes is not None else "Give the minutes."
            if problem:
                raise ProtocolError("malformed", problem)
            s.options["turn_timer"] = minutes
            self.note_teacher(f"turn timer: {minutes} min" if minutes else "turn timer: off")
        elif kind in ("kick", "readmit", "swap"):
            self._device_control(kind, msg)
        elif kind == "open_vote":
            start_poll(self.polls, s, msg.get("subject", ""), msg.get("options", []))
        elif kind == "close_vote":
            entered = end_poll(self.polls, s)
            if entered:
                self.changed(None, f"class vote: {entered}")
        elif kind == "report":
            self.report_asked = True

    def _device_control(self, kind: str, msg: dict[str, Any]) -> None:
        device = self.devices.by_id.get(msg.get("device", ""))
        if device is None:
            raise ProtocolError("malformed", "No such device.")
        if kind == "swap":
            if msg.get("faction") not in self.session.humans:
                raise ProtocolError("bad_faction", "Swap to one of the teams.")
            choice = self.rounds.choices.get(device.faction)
            if choice is not None and choice.device is device:  # its choice was for its old team
                self.rounds.withdraw(device.faction)
            device.faction = msg["faction"]
        else:
            device.kicked = kind == "kick"
            if device.kicked:
                self.kicked.append(device.id)

    def teacher_menu(self) -> dict[str, Any]:
        """What the teacher's board offers now: events that can be brought in, factions that can be
        recovered, whether a turn can be undone, the timer (the same checks as the window's menu)."""
        rs, state, s = self.session.rs, self.session.state, self.session
        events = [
            {"id": e, "title": ev.title}
            for e, ev in sorted(rs.events.items(), key=lambda item: (item[1].first_turn, item[0]))
            if check(rs, state, A.TeacherAction(A.TEACHER, "inject", event=e)) is None
        ][:EVENTS_LISTED]
        down = [
            {"id": f, "short": rs.factions[f].short}
            for f in rs.faction_ids
            if check(rs, state, A.TeacherAction(A.TEACHER, "recover", faction=f)) is None
        ]
        return {"events": events, "recover": down, "undo_turn": bool(s.timeline.log), "timer": s.options["turn_timer"]}


def _needs(msg: dict[str, Any], name: str, text: str) -> str:
    value = msg.get(name, "")
    if not value:
        raise ProtocolError("malformed", text)
    return value
