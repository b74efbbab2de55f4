"""Teacher controls (DESIGN §16): skip or bring in an event, end a team's turn, pause, the
recovery of a faction wiped out early, play in rounds (a networked class) and back to one team at a time
(the game continued in the window), and the class vote's record.

They act for nobody and cost nothing, and each writes a public chronicle entry ("teacher.action"
or "class.vote") so the chronicle and the after-action report show every use. Undoing a whole
turn is not a rule: the session winds its timeline back and then records a TeacherAction of kind
"undo_turn" here. When each may be made is `actions.classroom`'s.
"""

from __future__ import annotations

from ..actions import ClassVote, TeacherAction
from ..ruleset import Ruleset
from ..state import GameState
from . import discipline

KINDS = ("pause", "advance", "skip", "inject", "recover", "undo_turn", "rounds", "hotseat")


def is_down(rs: Ruleset, state: GameState, faction: str) -> bool:
    """Wiped out: far down its discipline ladder, or its leaders gone."""
    fs = state.factions[faction]
    return fs.exiled or fs.rung >= rs.rules["recovery"]["down_from_rung"]


def apply_teacher(rs: Ruleset, state: GameState, a: TeacherAction) -> None:
    if a.kind == "skip":
        event = state.event_queue.pop(0)
        state.fired[event] = state.turn  # skipped means it does not happen in this game
        state.note("teacher.action", kind="skip", event=event)
    elif a.kind == "inject":
        state.event_queue.insert(0, a.event)  # the chooser decides it next, before anything else
        state.note("teacher.action", kind="inject", event=a.event)
    elif a.kind == "advance":
        faction = state.acting_faction
        assert faction is not None, "the teacher advances only a faction that is acting"
        state.factions[faction].done = True
        state.note("teacher.action", kind="advance", faction=faction)
    elif a.kind == "recover":
        _recover(rs, state, a.faction)
    elif a.kind == "rounds":
        state.rounds = True  # from now on the move passes after every action (flow.pass_move)
        state.note("teacher.action", kind="rounds")
    elif a.kind == "hotseat":
        _hotseat(state)
    else:
        state.note("teacher.action", kind=a.kind, turn=a.turn or state.turn)


def _hotseat(state: GameState) -> None:
    """Back from rounds to one team at a time, each through its whole turn: the move goes to the
    first faction of this turn's order that has not ended its turn (it may be earlier in the order
    than the one whose place in the round it was), and on from there as in hotseat."""
    state.rounds = False
    if state.phase in ("intrigue", "session") and state.acting < len(state.order):
        state.acting = next((i for i, f in enumerate(state.order) if not state.factions[f].done), state.acting)
    state.note("teacher.action", kind="hotseat")


def _recover(rs: Ruleset, state: GameState, faction: str) -> None:
    r = rs.rules["recovery"]
    fs = state.factions[faction]
    ladder = rs.ladder_of(faction)
    fs.rung = min(fs.rung, r["to_rung"], len(ladder.rungs) - 1)
    fs.heat = 0
    fs.influence = min(rs.rules["max_influence"], fs.influence + r["influence"])
    freed = []
    for leader in rs.factions[faction].leaders:
        c = rs.ci[leader]
        if state.status[c] in ("exiled", "arrested"):
            state.status[c] = "free"
            freed.append(leader)
    if fs.exiled and freed:
        fs.exiled = False
    seats = 0
    cc = state.blocs.get("central_committee")
    if rs.factions[faction].party and ladder.rungs[fs.rung].party_member and cc:
        seats = min(r["cc_seats"], cc.get("independent", 0))
        cc["independent"] = cc.get("independent", 0) - seats
        cc[faction] = cc.get(faction, 0) + seats
    discipline.update_exile(rs, state, faction)
    state.note(
        "teacher.action",
        kind="recover",
        faction=faction,
        freed=freed,
        seats=seats,
        rung=ladder.rungs[fs.rung].id,
        influence=r["influence"],
    )


def parse_counts(counts: str) -> dict[str, int] | None:
    """ "yes=14;no=9" -> {"yes": 14, "no": 9}; None when it is not written that way."""
    out: dict[str, int] = {}
    for part in filter(None, counts.split(";")):
        name, _, n = part.partition("=")
        if not name or not (n.isascii() and n.isdigit()) or int(n) > 999:
            return None
        out[name] = int(n)
    return out


def apply_class_vote(state: GameState, a: ClassVote) -> None:
    counts = parse_counts(a.counts)
    assert counts, "checked by the class vote's check"
    state.note("class.vote", faction=a.actor, subject=a.subject, counts=counts, chosen=a.chosen)
