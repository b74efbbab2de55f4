"""Is an action legal now? The general gate — a known faction, a game not over, its own move in the
right phase, the lesson's preset, exile, action points and influence — then the action's own check
from its module (`actions.table`). Every refusal is a Reason: a key and parameters, worded by the
text layer (`game.text.reasons`), never by the core. Checks read the true state but never put
another faction's secrets into a reason.
"""

from __future__ import annotations

from .actions.records import Action
from .actions.spec import ACTOR_GATE, NO_GATE, TURN_GATE, Reason
from .actions.table import cost_of, spec_of
from .flow import whose_move
from .ruleset import Ruleset
from .state import GameState

__all__ = ["Reason", "check", "whose_move"]


def check(rs: Ruleset, state: GameState, action: Action) -> Reason | None:
    """None if legal; otherwise why not."""
    spec = spec_of(action)
    if spec.gate == NO_GATE:
        return spec.check(rs, state, action)
    if action.actor not in state.factions:
        return Reason("actor.unknown", {"actor": action.actor})
    if state.phase == "over":
        return Reason("game.over")
    if spec.gate == ACTOR_GATE:
        return spec.check(rs, state, action)
    if state.event_queue:
        return Reason("phase.event_waiting")
    if state.phase not in ("intrigue", "session"):
        return Reason("phase.not_intrigue")
    if state.acting_faction != action.actor:
        return Reason("turn.not_yours", {"acting": state.acting_faction, "actor": action.actor})
    if spec.gate == TURN_GATE:
        return spec.check(rs, state, action)
    if state.phase == "session" and not spec.session:
        return Reason("phase.session")
    preset = rs.scenarios[state.scenario].preset(state.preset)
    if preset and preset.actions and action.tag not in preset.actions and not spec.session:
        return Reason("preset.left_out", {"scenario": state.scenario, "preset": preset.id})
    fs = state.factions[action.actor]
    if fs.exiled and action.tag not in rs.rules["exiled_actions"]:
        return Reason("faction.exiled")
    ap, influence = cost_of(rs, action)
    if fs.ap < ap:
        return Reason("cost.ap", {"need": ap, "have": fs.ap})
    if fs.influence < influence:
        return Reason("cost.influence", {"need": influence, "have": fs.influence})
    return spec.check(rs, state, action)
