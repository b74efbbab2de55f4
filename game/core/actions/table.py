"""The one table of actions: each action's tag -> its spec (check, perform, cost, preview), built
from the theme modules. `legality` and `perform` dispatch through it; the window asks it for costs
and previews, the bots for what a plan must budget."""

from __future__ import annotations

from typing import Any

from ..ruleset import Ruleset
from ..state import GameState
from . import (
    cards,
    chronicle,
    classroom,
    congress,
    constituencies,
    discipline,
    lobbying,
    motions,
    pacts,
    regions,
    session,
    specials,
)
from .records import Action
from .spec import ActionSpec, Preview

THEMES = (chronicle, cards, lobbying, regions, motions, constituencies, pacts, session, discipline, specials, congress)
SPECS: dict[str, ActionSpec[Any]] = {spec.tag: spec for theme in (*THEMES, classroom) for spec in theme.SPECS}


def spec_of(action: Action) -> ActionSpec[Any]:
    return SPECS[action.tag]


def cost_of(rs: Ruleset, action: Action) -> tuple[int, int]:
    """(action points, influence) the general gate checks and `perform` pays."""
    return spec_of(action).cost(rs, action)


def total_cost(rs: Ruleset, action: Action) -> tuple[int, int]:
    """(action points, influence) the action takes in all, including what it pays itself."""
    spec = spec_of(action)
    return (spec.full_cost or spec.cost)(rs, action)


def preview_of(rs: Ruleset, view: GameState, action: Action) -> Preview:
    """What the action would bring, from the actor's view: numbers and keys for the window to word."""
    return spec_of(action).preview(rs, view, action)
