"""The classroom's actions: a teacher's controls (pause, end a team's turn, skip or bring in an
event, recover a faction wiped out early, the record of an undone turn) and the class vote the
team at the controls enters before its choice. What each does is `rules.teacher`'s."""

from __future__ import annotations

from typing import Any

from ..conditions import Ctx, holds
from ..flow import whose_move
from ..rules import teacher
from ..ruleset import Ruleset
from ..state import GameState
from .records import ClassVote, TeacherAction
from .spec import ACTOR_GATE, NO_GATE, ActionSpec, Reason, free


def check_teacher(rs: Ruleset, state: GameState, a: TeacherAction) -> Reason | None:
    if a.kind not in teacher.KINDS:
        return Reason("teacher.unknown", {"kind": a.kind})
    if state.phase == "over" and a.kind != "undo_turn":
        return Reason("teacher.over")
    if a.kind == "skip" and not state.event_queue:
        return Reason("teacher.nothing_to_skip")
    if a.kind == "advance":
        if state.event_queue:
            return Reason("teacher.event_waiting")
        if state.acting_faction is None:
            return Reason("teacher.no_team")
    if a.kind == "rounds" and state.rounds:
        return Reason("teacher.rounds_already")
    if a.kind == "hotseat" and not state.rounds:
        return Reason("teacher.hotseat_already")
    if a.kind == "inject":
        return _check_inject(rs, state, a.event)
    if a.kind == "recover":
        if a.faction not in state.factions or a.faction == rs.scenarios[state.scenario].apparatus:
            return Reason("teacher.not_a_team")
        if not teacher.is_down(rs, state, a.faction):
            return Reason("teacher.not_down", {"faction": a.faction})
    return None


def _check_inject(rs: Ruleset, state: GameState, event_id: str) -> Reason | None:
    ev = rs.events.get(event_id)
    if ev is None:
        return Reason("teacher.no_such_event", {"event": event_id})
    if ev.once and event_id in state.fired:
        return Reason("teacher.event_fired", {"event": event_id})
    if event_id in state.event_queue:
        return Reason("teacher.event_queued", {"event": event_id})
    if not holds(rs, state, ev.conditions, Ctx()):
        return Reason("teacher.event_not_now", {"event": event_id})
    return None


def perform_teacher(rs: Ruleset, state: GameState, a: TeacherAction) -> None:
    teacher.apply_teacher(rs, state, a)


def check_class_vote(rs: Ruleset, state: GameState, a: ClassVote) -> Reason | None:
    if whose_move(rs, state) != a.actor:
        return Reason("class_vote.not_yours")
    if not a.subject:
        return Reason("class_vote.subject")
    counts = teacher.parse_counts(a.counts)
    if counts is None:
        return Reason("class_vote.counts", {"counts": a.counts})
    if not counts:
        return Reason("class_vote.no_counts")
    return None


def perform_class_vote(rs: Ruleset, state: GameState, a: ClassVote) -> None:
    teacher.apply_class_vote(state, a)


SPECS: tuple[ActionSpec[Any], ...] = (
    ActionSpec(TeacherAction, check_teacher, perform_teacher, cost=free, gate=NO_GATE),
    ActionSpec(ClassVote, check_class_vote, perform_class_vote, cost=free, gate=ACTOR_GATE),
)
