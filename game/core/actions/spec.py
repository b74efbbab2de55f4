"""The shape every action module fills in, and what its entries share.

A `Reason` is why an action is refused: a key and its parameters (ids and numbers), never words —
`game.text.reasons` words it. An `ActionSpec` holds one action's check, effect, cost and preview;
`gate` says how much of the general gate in `legality` it passes first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from ..defs import RungDef
from ..effects import clamp
from ..ruleset import Ruleset
from ..state import GameState
from .records import Action, Campaign, Lobby, Organise, Speech

# What a preview says: numbers and keys only (ids, amounts, chances); the window words them.
Preview = dict[str, Any]

# How much of the general gate an action passes before its own check:
NO_GATE = "none"  # a teacher's control: nobody's turn, no faction
ACTOR_GATE = "actor"  # a known faction, a game not over (a chronicle choice, a class vote)
TURN_GATE = "turn"  # ... and its own move in the intrigue or session phase (ending the turn)
FULL_GATE = "full"  # ... and the phase, the lesson's preset, exile, action points and influence

ActionT = TypeVar("ActionT", bound=Action)


@dataclass(frozen=True, slots=True)
class Reason:
    """Why an action is refused: `key` names the refusal, `params` its ids and numbers."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)


def table_cost(rs: Ruleset, action: Action) -> tuple[int, int]:
    """(action points, influence) as rules.yaml `costs` states them for this action's tag."""
    entry = rs.rules["costs"].get(action.tag)
    if entry is None:
        return 0, 0
    return int(entry.get("ap", 0)), int(entry.get("influence", 0))


def spend_cost(rs: Ruleset, action: Lobby | Campaign | Organise | Speech) -> tuple[int, int]:
    """The action points of its tag, and the influence the action chooses to spend."""
    return int(rs.rules["costs"][action.tag]["ap"]), action.influence


def free(rs: Ruleset, action: Action) -> tuple[int, int]:
    return 0, 0


def no_preview(rs: Ruleset, view: GameState, action: Action) -> Preview:
    return {}


@dataclass(frozen=True, slots=True)
class ActionSpec(Generic[ActionT]):
    """One action: `check` is None when allowed (after the general gate), else a Reason;
    `perform` changes the (cloned) state, its cost already paid; `cost` is what the gate checks
    and `perform` pays; `full_cost` is the whole price where the action pays part of it itself
    (a special); `preview` is what it would bring, seen from the actor's view.
    `session`: open while the Politburo meets (and left in every lesson preset)."""

    kind: type[ActionT]
    check: Callable[[Ruleset, GameState, ActionT], Reason | None]
    perform: Callable[[Ruleset, GameState, ActionT], None]
    cost: Callable[[Ruleset, ActionT], tuple[int, int]] = table_cost
    preview: Callable[[Ruleset, GameState, ActionT], Preview] = no_preview
    full_cost: Callable[[Ruleset, ActionT], tuple[int, int]] | None = None
    gate: str = FULL_GATE
    session: bool = False

    @property
    def tag(self) -> str:
        return self.kind.tag


def amount_reason(rs: Ruleset, influence: int) -> Reason | None:
    """Influence spent on one action lies between 1 and the rules' `max_spend`."""
    top = int(rs.rules["max_spend"])
    if not 1 <= influence <= top:
        return Reason("amount.range", {"max": top})
    return None


def add_heat(state: GameState, faction: str, amount: int) -> None:
    fs = state.factions[faction]
    fs.heat = int(clamp(fs.heat + amount, 0, 100))


def party_rung(rs: Ruleset, state: GameState, faction: str) -> RungDef:
    """The faction's present rung on its discipline ladder (what it may still do in the party)."""
    return rs.ladder_of(faction).rungs[state.factions[faction].rung]
