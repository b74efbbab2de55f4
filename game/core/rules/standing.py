"""Where each faction stands: the four conditions of sole power (and, for a faction outside the
party, those of the Soviet route) as a given view shows them, how many
turns in a row it has held them all, and the score it would have if the game ended now.

Computed from whatever state it is given: on a player view, control of the members is the view's
own estimate, so rivals' secret holds stay hidden ("as far as you can know").
"""

from __future__ import annotations

from typing import Any

from ..ruleset import Ruleset
from ..state import GameState
from .control import controllers
from .scoring import final_scores, soviet_conditions

CONDITIONS = ("general_secretary", "politburo", "police", "central_committee")


def conditions(rs: Ruleset, state: GameState) -> dict[str, dict[str, bool]]:
    """For each faction, which of the four conditions of sole power it meets in this state."""
    ctrl = dict(zip(rs.character_ids, controllers(rs, state)))
    gen_sec = state.offices.get("general_secretary")
    police = state.offices.get(rs.rules["police_office"])
    seated = state.seats.get("politburo", [])
    cc = state.blocs.get("central_committee", {})
    cc_total = sum(cc.values())
    out = {}
    for f in rs.faction_ids:
        members = sum(1 for m in seated if ctrl.get(m) == f)
        out[f] = {
            "general_secretary": gen_sec is not None and ctrl.get(gen_sec) == f,
            "politburo": members * 2 > rs.bodies["politburo"].seats,
            "police": police is not None and ctrl.get(police) == f,
            "central_committee": cc.get(f, 0) * 2 > cc_total if cc_total else False,
        }
    return out


def standing(rs: Ruleset, state: GameState) -> dict[str, dict[str, Any]]:
    """Each faction's conditions met, the turns it has held all four (of the number needed), and
    its running score (power, program, survival, human cost and total, as if the game ended now)."""
    met = conditions(rs, state)
    soviet = soviet_conditions(rs, state)
    scores = final_scores(rs, state)
    need = int(rs.rules["sole_power_turns"])
    return {
        f: {
            "conditions": met[f],
            "met": sum(met[f].values()),
            # a faction outside the party: the conditions of its own route (rules: soviet_route)
            "soviet": soviet.get(f),
            "held": int(state.streak.get(f, 0)),
            "needed": need,
            "score": scores[f],
        }
        for f in rs.faction_ids
    }
