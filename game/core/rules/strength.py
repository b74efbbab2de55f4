"""A faction's visible weight in the apparatus, used by stances, the apparatus AI and power scores.

Counted from what everyone can see: Politburo seats held by its people, its share of the Central
Committee, the prestige of the offices its people hold, the regional secretaries it placed and its
share of the Congress of Soviets.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ..ruleset import Ruleset
from ..state import GameState
from .control import controller_table


def strengths(rs: Ruleset, state: GameState, shares: np.ndarray | None = None) -> dict[str, float]:
    """Every faction's strength in one pass over the loyalty matrix. Each person counts wholly for
    his controller (the control rule); `shares` ([characters, factions], 0-1) counts people partly
    instead — the hard AI's reckoning of lobbying that has not yet tipped anyone."""
    w = rs.rules["strength_weights"]
    out = {f: 0.0 for f in rs.faction_ids}
    count = _counted_by_controller(rs, state, out) if shares is None else _counted_in_shares(rs, shares, out)
    for member in state.seats.get("politburo", []):
        count(member, w["politburo_seat"])
    for body, key in (("central_committee", "cc_share"), ("congress_of_soviets", "soviet_share")):
        blocs = state.blocs.get(body, {})
        size = sum(blocs.values()) or 1
        for f, n in blocs.items():
            if f in out:
                out[f] += w[key] * n / size
    for office, holder in state.offices.items():
        if holder is not None:
            count(holder, w["office_prestige"] * rs.offices[office].prestige)
    for sec in state.secretaries.values():
        if sec is not None:
            out[sec] += w["secretary"]
    return out


Count = Callable[[str, float], None]  # credit a person's weight to whoever he counts for


def _counted_by_controller(rs: Ruleset, state: GameState, out: dict[str, float]) -> Count:
    ctrl, ci = controller_table(rs, state), rs.ci

    def count(cid: str, weight: float) -> None:
        f = ctrl[ci[cid]]
        if f is not None:
            out[f] += weight

    return count


def _counted_in_shares(rs: Ruleset, shares: np.ndarray, out: dict[str, float]) -> Count:
    def count(cid: str, weight: float) -> None:
        for f, share in zip(rs.faction_ids, shares[rs.ci[cid]].tolist()):
            out[f] += weight * share

    return count


def strength(rs: Ruleset, state: GameState, faction: str) -> float:
    return strengths(rs, state)[faction]
