"""Teacher controls (DESIGN §16): skip or bring in an event, end a team's turn, pause, the
recovery of a faction wiped out early, and the class vote's record.

They act for nobody and cost nothing, and each writes a public chronicle entry ("teacher.action"
or "class.vote") so the chronicle and the after-action report show every use. Undoing a whole
turn is not a rule: the session winds its timeline back and then records a TeacherAction of kind
"undo_turn" here.
"""

from __future__ import annotations

from ..actions import ClassVote, TeacherAction
from ..conditions import Ctx, holds
from ..ruleset import Ruleset
from ..state import GameState
from . import discipline

KINDS = ("pause", "advance", "skip", "inject", "recover", "undo_turn")


def is_down(rs: Ruleset, state: GameState, faction: str) -> bool:
    """Wiped out: far down its discipline ladder, or its leaders gone."""
    fs = state.factions[faction]
    return fs.exiled or fs.rung >= rs.rules["recovery"]["down_from_rung"]


def check_teacher(rs: Ruleset, state: GameState, a: TeacherAction) -> str | None:
    """None if the intervention can be made now; otherwise why not, in words."""
    if a.kind not in KINDS:
        return f"There is no teacher control '{a.kind}'."
    if state.phase == "over" and a.kind != "undo_turn":
        return "The game is over (undo the last turn to go back into it)."
    if a.kind == "skip" and not state.event_queue:
        return "No event is waiting to be skipped."
    if a.kind == "advance":
        if state.event_queue:
            return "An event is waiting: skip it or let the team decide first."
        if state.acting_faction is None:
            return "No team is in the middle of its turn."
    if a.kind == "inject":
        return _check_inject(rs, state, a.event)
    if a.kind == "recover":
        if a.faction not in state.factions or a.faction == rs.scenarios[state.scenario].apparatus:
            return "Choose one of the players' factions."
        if not is_down(rs, state, a.faction):
            return f"{rs.factions[a.faction].name} is not wiped out: recovery is for a faction expelled or with its leaders gone."
    return None


def _check_inject(rs: Ruleset, state: GameState, event_id: str) -> str | None:
    ev = rs.events.get(event_id)
    if ev is None:
        return f"There is no event '{event_id}'."
    if ev.once and event_id in state.fired:
        return f"'{ev.title}' has already happened in this game."
    if event_id in state.event_queue:
        return f"'{ev.title}' is already waiting."
    if not holds(rs, state, ev.conditions, Ctx()):
        return f"'{ev.title}' cannot happen now: the situation it needs (its conditions) does not hold."
    return None


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
    else:
        state.note("teacher.action", kind=a.kind, turn=a.turn or state.turn)


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


def check_class_vote(state: GameState, a: ClassVote) -> str | None:
    if not a.subject:
        return "A class vote needs the question it was about."
    try:
        parse_counts(a.counts)
    except ValueError as exc:
        return str(exc)
    return None


def parse_counts(counts: str) -> dict[str, int]:
    """ "yes=14;no=9" -> {"yes": 14, "no": 9}; raises ValueError with a readable message."""
    out: dict[str, int] = {}
    for part in filter(None, counts.split(";")):
        name, _, n = part.partition("=")
        if not name or not n.isdigit() or int(n) > 999:
            raise ValueError(f"A class vote's counts look like 'yes=14;no=9', not '{counts}'.")
        out[name] = int(n)
    if not out:
        raise ValueError("A class vote needs at least one count.")
    return out


def apply_class_vote(state: GameState, a: ClassVote) -> None:
    state.note("class.vote", faction=a.actor, subject=a.subject, counts=parse_counts(a.counts), chosen=a.chosen)
