"""What a legal action does to the state: pay its cost, then its module's effect (`actions.table`).

Legality is checked before. Each effect mutates the (already cloned) state and writes a chronicle
entry in key+params form.
"""

from __future__ import annotations

from .actions.records import Action
from .actions.table import spec_of
from .ruleset import Ruleset
from .state import GameState


def perform(rs: Ruleset, state: GameState, action: Action) -> None:
    spec = spec_of(action)
    ap, influence = spec.cost(rs, action)
    if ap or influence:  # the free ones include a teacher's, who is no faction
        fs = state.factions[action.actor]
        fs.ap -= ap
        fs.influence -= influence
    spec.perform(rs, state, action)
