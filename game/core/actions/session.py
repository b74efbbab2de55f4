"""A faction's own turn: ending it, and, while the Politburo meets, whipping its members on each
motion (for, against or a free vote)."""

from __future__ import annotations

from typing import Any

from ..ruleset import Ruleset
from ..state import GameState
from .records import EndTurn, Whip
from .spec import TURN_GATE, ActionSpec, Reason, free

WHIPS = ("for", "against", "free")


def check_whip(rs: Ruleset, state: GameState, a: Whip) -> Reason | None:
    if state.phase == "intrigue":
        return Reason("whip.not_yet")
    if a.whip not in WHIPS:
        return Reason("whip.kind")
    if not any(m.id == a.motion for m in state.agenda):
        return Reason("whip.motion")
    return None


def perform_whip(rs: Ruleset, state: GameState, a: Whip) -> None:
    state.whips.setdefault(a.actor, {})[str(a.motion)] = a.whip


def check_end_turn(rs: Ruleset, state: GameState, a: EndTurn) -> Reason | None:
    return None  # always open on one's own move


def perform_end_turn(rs: Ruleset, state: GameState, a: EndTurn) -> None:
    state.factions[a.actor].done = True


SPECS: tuple[ActionSpec[Any], ...] = (
    ActionSpec(Whip, check_whip, perform_whip, session=True),
    ActionSpec(EndTurn, check_end_turn, perform_end_turn, cost=free, gate=TURN_GATE),
)
