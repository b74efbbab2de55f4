"""A faction's own special actions (from its faction file): each states its cost in action points
and influence, its heat, how often it may be used, its conditions and its effects. A special pays
its own cost, so the general gate sees it as free and its check says when it is too dear."""

from __future__ import annotations

from typing import Any

from ..conditions import Ctx, holds
from ..defs import SpecialDef
from ..effects import apply_effects
from ..ruleset import Ruleset
from ..state import GameState
from .records import Special
from .spec import ActionSpec, Reason, add_heat, free


def special_of(rs: Ruleset, a: Special) -> SpecialDef | None:
    return next((s for s in rs.factions[a.actor].specials if s.id == a.special), None)


def special_cost(rs: Ruleset, a: Special) -> tuple[int, int]:
    """The special's own price: what a planner must budget for."""
    spec = special_of(rs, a)
    return (spec.ap, spec.influence) if spec else (0, 0)


def check_special(rs: Ruleset, state: GameState, a: Special) -> Reason | None:
    spec = special_of(rs, a)
    if spec is None:
        return Reason("special.unknown")
    fs = state.factions[a.actor]
    last = fs.specials_used.get(spec.id)
    if last is not None and state.turn - last < max(1, spec.once_per_turns):
        return Reason("special.used", {"faction": a.actor, "special": spec.id})
    if fs.ap < spec.ap or fs.influence < spec.influence:
        return Reason(
            "special.cost", {"faction": a.actor, "special": spec.id, "ap": spec.ap, "influence": spec.influence}
        )
    if not holds(rs, state, spec.conditions, Ctx(a.actor, a.actor, a.actor)):
        return Reason("special.not_now", {"faction": a.actor, "special": spec.id})
    return None


def perform_special(rs: Ruleset, state: GameState, a: Special) -> None:
    spec = special_of(rs, a)
    assert spec is not None, "checked by check_special"
    fs = state.factions[a.actor]
    fs.ap -= spec.ap
    fs.influence -= spec.influence
    add_heat(state, a.actor, spec.heat)
    fs.specials_used[spec.id] = state.turn
    apply_effects(rs, state, spec.effects, Ctx(a.actor, a.actor, a.actor))
    state.note("special", faction=a.actor, special=spec.id)


SPECS: tuple[ActionSpec[Any], ...] = (
    ActionSpec(Special, check_special, perform_special, cost=free, full_cost=special_cost),
)
