"""The constituencies (army, workers, peasants...): campaigning for standing with one, and
publishing a platform that speaks to every sympathetic one at the price of heat."""

from __future__ import annotations

from typing import Any

from ..effects import clamp
from ..rules.control import controller
from ..ruleset import Ruleset
from ..state import GameState
from .records import Campaign, Platform
from .spec import ActionSpec, Preview, Reason, add_heat, amount_reason, spend_cost


def check_campaign(rs: Ruleset, state: GameState, a: Campaign) -> Reason | None:
    if a.base not in rs.bases:
        return Reason("base.unknown", {"base": a.base})
    return amount_reason(rs, a.influence)


def perform_campaign(rs: Ruleset, state: GameState, a: Campaign) -> None:
    b, f = rs.bi[a.base], rs.fi[a.actor]
    rate = rs.rules["campaign_per_influence"]
    base = rs.bases[a.base]
    press_holder = state.offices.get(rs.rules["press_office"])
    if press_holder is not None and controller(rs, state, press_holder) == a.actor:
        rate *= rs.rules["press_discount"]
    closeness = max(0.25, 1.0 - rs.factions[a.actor].ideology.distance(base.ideology) / 100.0)
    gain = max(1, round(a.influence * rate * closeness))
    state.standing[b, f] = int(clamp(int(state.standing[b, f]) + gain, 0, 100))
    state.note("campaign", faction=a.actor, base=a.base, gain=gain)


def check_platform(rs: Ruleset, state: GameState, a: Platform) -> Reason | None:
    if f"platform:{a.actor}" in state.flags and state.flags[f"platform:{a.actor}"] == state.turn:
        return Reason("platform.once")
    return None


def perform_platform(rs: Ruleset, state: GameState, a: Platform) -> None:
    fdef = rs.factions[a.actor]
    r = rs.rules
    for base_id, base in rs.bases.items():
        if fdef.ideology.distance(base.ideology) <= r["platform_sympathy"]:
            b, f = rs.bi[base_id], rs.fi[a.actor]
            state.standing[b, f] = int(clamp(int(state.standing[b, f]) + r["platform_standing"], 0, 100))
    for shares in state.sentiment.values():
        shares[a.actor] = int(clamp(shares.get(a.actor, 0) + r["platform_sentiment"], 0, 100))
    add_heat(state, a.actor, r["platform_heat"])
    state.flags[f"platform:{a.actor}"] = state.turn
    state.note("platform", faction=a.actor)


def preview_platform(rs: Ruleset, view: GameState, a: Platform) -> Preview:
    """standing: what each sympathetic constituency gives; heat: what it adds to the actor's."""
    return {"standing": int(rs.rules["platform_standing"]), "heat": int(rs.rules["platform_heat"])}


SPECS: tuple[ActionSpec[Any], ...] = (
    ActionSpec(Campaign, check_campaign, perform_campaign, cost=spend_cost),
    ActionSpec(Platform, check_platform, perform_platform, preview=preview_platform),
)
