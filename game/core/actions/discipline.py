"""Party discipline between factions: denouncing a rival (heat to them, prestige and some heat of
its own from the denouncer - an open attack is a factional act - and the pacts it strikes through)
and recanting (halving one's own heat). A faction with no prestige left to spend is not heard."""

from __future__ import annotations

from typing import Any

from ..rules import discipline, pacts
from ..ruleset import Ruleset
from ..state import GameState
from .pacts import pact_breaks
from .records import Denounce, Recant
from .spec import ActionSpec, Preview, Reason, add_heat


def check_denounce(rs: Ruleset, state: GameState, a: Denounce) -> Reason | None:
    if a.target not in rs.factions or a.target == a.actor:
        return Reason("denounce.target")
    if state.factions[a.actor].prestige < rs.rules["denounce_prestige"]:
        return Reason("denounce.prestige", {"need": int(rs.rules["denounce_prestige"])})
    return None


def perform_denounce(rs: Ruleset, state: GameState, a: Denounce) -> None:
    for pact in pacts.strike_breaks(rs, state, a.actor, a.target):
        pacts.break_pact(rs, state, pact, a.actor, "denounce")
    add_heat(state, a.target, rs.rules["denounce_heat"])
    add_heat(state, a.actor, rs.rules["denounce_self_heat"])
    fs = state.factions[a.actor]
    fs.prestige = max(0, fs.prestige - rs.rules["denounce_prestige"])
    state.note("denounce", faction=a.actor, target=a.target)


def preview_denounce(rs: Ruleset, view: GameState, a: Denounce) -> Preview:
    """heat: added to the target's; own_heat: added to the denouncer's; prestige: lost by the
    denouncer; breaks: its pacts it breaks."""
    return {
        "heat": int(rs.rules["denounce_heat"]),
        "own_heat": int(rs.rules["denounce_self_heat"]),
        "prestige": int(rs.rules["denounce_prestige"]),
        "breaks": pact_breaks(rs, view, a.actor, a.target),
    }


def check_recant(rs: Ruleset, state: GameState, a: Recant) -> Reason | None:
    if state.factions[a.actor].heat <= 0:
        return Reason("recant.nothing")
    return None


def perform_recant(rs: Ruleset, state: GameState, a: Recant) -> None:
    discipline.recant(state, a.actor, rs.rules["recant_credibility"])
    state.note("recant", faction=a.actor)


SPECS: tuple[ActionSpec[Any], ...] = (
    ActionSpec(Denounce, check_denounce, perform_denounce, preview=preview_denounce),
    ActionSpec(Recant, check_recant, perform_recant),
)
