"""A faction's visible weight in the apparatus, used by stances, the apparatus AI and power scores.

Counted from what everyone can see: Politburo seats held by its people, its share of the Central
Committee, the prestige of the offices its people hold, the regional secretaries it placed and its
share of the Congress of Soviets.
"""

from __future__ import annotations

from ..ruleset import Ruleset
from ..state import GameState
from .control import controllers


def strengths(rs: Ruleset, state: GameState) -> dict[str, float]:
    """Every faction's strength in one pass over the loyalty matrix."""
    w = rs.rules["strength_weights"]
    ctrl = dict(zip(rs.character_ids, controllers(rs, state)))
    out = {f: 0.0 for f in rs.faction_ids}
    for member in state.seats.get("politburo", []):
        if ctrl[member] is not None:
            out[ctrl[member]] += w["politburo_seat"]
    for body, key in (("central_committee", "cc_share"), ("congress_of_soviets", "soviet_share")):
        blocs = state.blocs.get(body, {})
        size = sum(blocs.values()) or 1
        for f, n in blocs.items():
            if f in out:
                out[f] += w[key] * n / size
    for office, holder in state.offices.items():
        if holder is not None and ctrl[holder] is not None:
            out[ctrl[holder]] += w["office_prestige"] * rs.offices[office].prestige
    for sec in state.secretaries.values():
        if sec is not None:
            out[sec] += w["secretary"]
    return out


def strength(rs: Ruleset, state: GameState, faction: str) -> float:
    return strengths(rs, state)[faction]
