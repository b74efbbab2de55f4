"""At a party congress (this turn's): speeches to sway the uncommitted delegates, and standing an
opposition co-report against the political report."""

from __future__ import annotations

from typing import Any

from ..flow import congress_due
from ..rules.control import controller
from ..ruleset import Ruleset
from ..state import GameState
from .records import CoReport, Speech
from .spec import ActionSpec, Reason, add_heat, amount_reason, party_rung, spend_cost


def _delegates_reason(rs: Ruleset, state: GameState, actor: str) -> Reason | None:
    """Why the faction has no voice at a congress now (none meets, or it has no delegates)."""
    if not congress_due(rs, state):
        return Reason("congress.none")
    if not rs.factions[actor].party or not party_rung(rs, state, actor).party_member:
        return Reason("congress.not_party")
    return None


def check_speech(rs: Ruleset, state: GameState, a: Speech) -> Reason | None:
    return _delegates_reason(rs, state, a.actor) or amount_reason(rs, a.influence)


def perform_speech(rs: Ruleset, state: GameState, a: Speech) -> None:
    state.factions[a.actor].speech += a.influence
    state.note("congress.speech", faction=a.actor, influence=a.influence)


def check_co_report(rs: Ruleset, state: GameState, a: CoReport) -> Reason | None:
    why = _delegates_reason(rs, state, a.actor)
    if why is not None:
        return why
    if state.factions[a.actor].co_report:
        return Reason("co_report.already")
    holder = state.offices.get("general_secretary")
    if holder is not None and controller(rs, state, holder) == a.actor:
        return Reason("co_report.majority")
    return None


def perform_co_report(rs: Ruleset, state: GameState, a: CoReport) -> None:
    state.factions[a.actor].co_report = True
    add_heat(state, a.actor, rs.rules["co_report_stand_heat"])
    state.note("congress.co_report", faction=a.actor)


SPECS: tuple[ActionSpec[Any], ...] = (
    ActionSpec(Speech, check_speech, perform_speech, cost=spend_cost),
    ActionSpec(CoReport, check_co_report, perform_co_report),
)
