"""The condition vocabulary of events and cards: named, typed, registered checks.

Each entry declares its parameters (see registry.py) so the content loader can check them at load
time and the docs can list them; `holds` evaluates a tuple of (name, params) clauses against the
state. Kinds name what a value refers to (faction, character...).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .calendar import now
from .defs import Clause
from .registry import Registry
from .rules.control import controller
from .rules.strength import strengths
from .ruleset import Ruleset
from .state import GameState


@dataclass(frozen=True, slots=True)
class Ctx:
    """Who the faction placeholders in a clause stand for."""

    chooser: str | None = None
    player: str | None = None
    owner: str | None = None
    weights: dict[str, float] | None = None  # the factions' strengths, when the caller has them already


Check = Callable[[Ruleset, GameState, Any, Ctx], bool]

CONDITIONS: Registry[Check] = Registry()
condition = CONDITIONS.register


def holds(rs: Ruleset, state: GameState, clauses: tuple[Clause, ...], ctx: Ctx = Ctx()) -> bool:
    return all(CONDITIONS[name].fn(rs, state, params, ctx) for name, params in clauses)


def _compare(value: float, p: dict[str, Any]) -> bool:
    return (
        ("above" not in p or value > p["above"])
        and ("below" not in p or value < p["below"])
        and ("at_least" not in p or value >= p["at_least"])
        and ("at_most" not in p or value <= p["at_most"])
    )


@condition("after", "date", "The date is this half-year or later.")
def _after(rs: Ruleset, state: GameState, when: int, ctx: Ctx) -> bool:
    return now(state) >= when


@condition("before", "date", "The date is earlier than this half-year.")
def _before(rs: Ruleset, state: GameState, when: int, ctx: Ctx) -> bool:
    return now(state) < when


@condition("indicator", {"id": "indicator", "above?": "number", "below?": "number"}, "Compare an indicator.")
def _indicator(rs: Ruleset, state: GameState, p: dict[str, Any], ctx: Ctx) -> bool:
    return _compare(float(state.indicators[rs.ii[p["id"]]]), p)


@condition(
    "policy",
    {"axis": "axis", "is?": "position", "at_least?": "position", "at_most?": "position"},
    "A policy axis is at, or at least / at most, a position (positions are ordered).",
)
def _policy(rs: Ruleset, state: GameState, p: dict[str, Any], ctx: Ctx) -> bool:
    axis = rs.axes[p["axis"]]
    pos = state.policies[p["axis"]]
    return (
        ("is" not in p or pos == axis.index(p["is"]))
        and ("at_least" not in p or pos >= axis.index(p["at_least"]))
        and ("at_most" not in p or pos <= axis.index(p["at_most"]))
    )


@condition("flag", "flag", "A flag is set.")
def _flag(rs: Ruleset, state: GameState, flag: Any, ctx: Ctx) -> bool:
    return flag in state.flags


@condition("not_flag", "flag", "A flag is not set.")
def _not_flag(rs: Ruleset, state: GameState, flag: Any, ctx: Ctx) -> bool:
    return flag not in state.flags


@condition("alive", "character", "The character is alive (free, exiled or arrested).")
def _alive(rs: Ruleset, state: GameState, who: Any, ctx: Ctx) -> bool:
    return state.status[rs.ci[who]] != "dead"


@condition("dead", "character", "The character is dead.")
def _dead(rs: Ruleset, state: GameState, who: Any, ctx: Ctx) -> bool:
    return state.status[rs.ci[who]] == "dead"


@condition("holds", {"character": "character", "office": "office"}, "The character holds the office.")
def _holds(rs: Ruleset, state: GameState, p: dict[str, Any], ctx: Ctx) -> bool:
    return bool(state.offices.get(p["office"]) == p["character"])


@condition("controls", {"faction": "faction_ref", "office": "office"}, "The faction controls the office's holder.")
def _controls(rs: Ruleset, state: GameState, p: dict[str, Any], ctx: Ctx) -> bool:
    holder = state.offices.get(p["office"])
    return holder is not None and controller(rs, state, holder) == resolve_one(p["faction"], ctx)


@condition("in_body", {"character": "character", "body": "body"}, "The character sits in a named-seat body.")
def _in_body(rs: Ruleset, state: GameState, p: dict[str, Any], ctx: Ctx) -> bool:
    return p["character"] in state.seats.get(p["body"], [])


@condition("heat", {"faction": "faction_ref", "above?": "number", "below?": "number"}, "Compare a faction's heat.")
def _heat(rs: Ruleset, state: GameState, p: dict[str, Any], ctx: Ctx) -> bool:
    who = resolve_one(p["faction"], ctx)
    return who is not None and _compare(state.factions[who].heat, p)


@condition(
    "strength_share",
    {"faction": "faction_ref", "at_least?": "number", "below?": "number"},
    "Compare a faction's share, in percent, of all the factions' visible strength in the apparatus.",
)
def _strength_share(rs: Ruleset, state: GameState, p: dict[str, Any], ctx: Ctx) -> bool:
    who = resolve_one(p["faction"], ctx)
    if who is None:
        return False
    weights = ctx.weights if ctx.weights is not None else strengths(rs, state)
    return _compare(100.0 * weights[who] / (sum(weights.values()) or 1.0), p)


@condition(
    "rung",
    {"faction": "faction_ref", "at_least?": "int", "at_most?": "int"},
    "Compare a faction's rung on its discipline ladder (0 = legal).",
)
def _rung(rs: Ruleset, state: GameState, p: dict[str, Any], ctx: Ctx) -> bool:
    who = resolve_one(p["faction"], ctx)
    return who is not None and _compare(state.factions[who].rung, p)


@condition("any", "conditions", "At least one of the listed conditions holds.")
def _any(rs: Ruleset, state: GameState, clauses: Any, ctx: Ctx) -> bool:
    return any(holds(rs, state, (c,), ctx) for c in clauses)


@condition("all", "conditions", "Every listed condition holds.")
def _all(rs: Ruleset, state: GameState, clauses: Any, ctx: Ctx) -> bool:
    return holds(rs, state, tuple(clauses), ctx)


@condition("not", "condition", "The condition does not hold.")
def _not(rs: Ruleset, state: GameState, clause: Any, ctx: Ctx) -> bool:
    return not holds(rs, state, (clause,), ctx)


def resolve_one(ref: str, ctx: Ctx) -> str | None:
    """A faction reference in content: an id, or chooser / player / owner."""
    if ref == "chooser":
        return ctx.chooser
    if ref == "player":
        return ctx.player
    if ref == "owner":
        return ctx.owner
    return ref
