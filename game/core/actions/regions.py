"""The party's regions: the Secretariat naming a regional secretary, and organising the rank and
file (sentiment, at the price of heat)."""

from __future__ import annotations

from typing import Any

from ..effects import clamp
from ..rules.control import controller
from ..ruleset import Ruleset
from ..state import GameState
from .records import AppointSecretary, Organise
from .spec import ActionSpec, Preview, Reason, add_heat, amount_reason, spend_cost


def check_appoint(rs: Ruleset, state: GameState, a: AppointSecretary) -> Reason | None:
    if a.region not in rs.regions:
        return Reason("region.unknown", {"region": a.region})
    holder = state.offices.get(rs.rules["appointing_office"])
    if holder is None or controller(rs, state, holder) != a.actor:
        return Reason("appoint.not_secretariat")
    if state.secretaries.get(a.region) == a.actor:
        return Reason("appoint.already")
    limit = int(rs.rules["secretaries_per_turn"])
    if state.factions[a.actor].appointments >= limit:
        return Reason("appoint.limit", {"limit": limit})
    return None


def perform_appoint(rs: Ruleset, state: GameState, a: AppointSecretary) -> None:
    previous = state.secretaries.get(a.region)
    state.secretaries[a.region] = a.actor
    state.factions[a.actor].appointments += 1
    shares = state.sentiment[a.region]
    shares[a.actor] = int(clamp(shares.get(a.actor, 0) + rs.rules["secretary_sentiment"], 0, 100))
    state.note("appoint.secretary", faction=a.actor, region=a.region, previous=previous)


def organise_gain(rs: Ruleset, influence: int) -> int:
    return round(influence * float(rs.rules["organise_per_influence"]))


def check_organise(rs: Ruleset, state: GameState, a: Organise) -> Reason | None:
    if a.region not in rs.regions:
        return Reason("region.unknown", {"region": a.region})
    return amount_reason(rs, a.influence)


def perform_organise(rs: Ruleset, state: GameState, a: Organise) -> None:
    shares = state.sentiment[a.region]
    gain = organise_gain(rs, a.influence)
    shares[a.actor] = int(clamp(shares.get(a.actor, 0) + gain, 0, 100))
    add_heat(state, a.actor, rs.rules["organise_heat"])
    state.note("organise", faction=a.actor, region=a.region, gain=gain)


def preview_organise(rs: Ruleset, view: GameState, a: Organise) -> Preview:
    """sentiment: the share it adds in the region; heat: what it adds to the actor's."""
    return {"sentiment": organise_gain(rs, a.influence), "heat": int(rs.rules["organise_heat"])}


SPECS: tuple[ActionSpec[Any], ...] = (
    ActionSpec(AppointSecretary, check_appoint, perform_appoint),
    ActionSpec(Organise, check_organise, perform_organise, cost=spend_cost, preview=preview_organise),
)
