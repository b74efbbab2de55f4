"""The teacher's controls over the network, as the window's teacher menu has them: pause and
resume, end the acting team's turn, skip the waiting event or bring one in, recovery for a faction
wiped out early, undo the last whole turn, the turn timer, kick / re-admit / swap a device, class
votes, and the report now. Each is one checked `control` message (protocol.py); the rules' own
controls are the engine's teacher actions, so they are in the log, the chronicle and the report.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..core import actions as A
from ..core.legality import check
from ..session.live import option_problem
from .polls import end_poll, start_poll
from .protocol import CONTROLS, ProtocolError

if TYPE_CHECKING:
    from .room import Room

EVENTS_LISTED = 40  # the events the teacher's board offers to bring in (those that can happen now)


def control(room: Room, msg: dict[str, Any]) -> None:
    """Carry out one control; ProtocolError (nothing changed) when it cannot be done."""
    kind, s = msg["control"], room.session
    if kind not in CONTROLS:
        raise ProtocolError("malformed", f"There is no control '{kind}'.")
    if kind == "pause":
        if not room.paused:
            room.teacher_action("pause")
            room.paused, room.paused_at = True, room.clock()
    elif kind == "resume":
        if room.paused:
            room.paused = False
            room.turn_started += room.clock() - room.paused_at
    elif kind in ("advance", "skip"):
        room.teacher_action(kind)
    elif kind == "inject":
        room.teacher_action("inject", event=_needs(msg, "event", "Which event? Give its id."))
    elif kind == "recover":
        room.teacher_action("recover", faction=_needs(msg, "faction", "Recovery for which faction?"))
    elif kind == "undo_turn":
        room.undo_turn()
    elif kind == "timer":
        minutes = msg.get("minutes")
        problem = option_problem("turn_timer", minutes) if minutes is not None else "Give the minutes."
        if problem:
            raise ProtocolError("malformed", problem)
        s.options["turn_timer"] = minutes
        room.note_teacher(f"turn timer: {minutes} min" if minutes else "turn timer: off")
    elif kind in ("kick", "readmit", "swap"):
        _device_control(room, kind, msg)
    elif kind == "open_vote":
        start_poll(room, msg.get("subject", ""), msg.get("options", []))
    elif kind == "close_vote":
        end_poll(room)
    elif kind == "report":
        room.report_asked = True


def _needs(msg: dict[str, Any], name: str, text: str) -> str:
    value = msg.get(name, "")
    if not value:
        raise ProtocolError("malformed", text)
    return value


def _device_control(room: Room, kind: str, msg: dict[str, Any]) -> None:
    device = room.devices.by_id.get(msg.get("device", ""))
    if device is None:
        raise ProtocolError("malformed", "No such device.")
    if kind == "swap":
        if msg.get("faction") not in room.session.humans:
            raise ProtocolError("bad_faction", "Swap to one of the teams.")
        choice = room.rounds.choices.get(device.faction)
        if choice is not None and choice.device is device:  # its choice was for its old team
            room.rounds.withdraw(device.faction)
        device.faction = msg["faction"]
    else:
        device.kicked = kind == "kick"
        if device.kicked:
            room.kicked.append(device.id)


def teacher_menu(room: Room) -> dict[str, Any]:
    """What the teacher's board offers now: events that can be brought in, factions that can be
    recovered, whether a turn can be undone, the timer (the same checks as the window's menu)."""
    rs, state, s = room.session.rs, room.session.state, room.session
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
