"""Small helpers for driving games in tests."""

from __future__ import annotations

from game.core import actions as A
from game.core.engine import apply, legal_actions, whose_move
from game.core.ruleset import Ruleset
from game.core.state import GameState


def settle_chronicle(rs: Ruleset, state: GameState) -> GameState:
    """Take the first choice of every waiting chronicle event."""
    while state.phase == "chronicle":
        faction = whose_move(rs, state)
        result = apply(rs, state, legal_actions(rs, state, faction)[0])
        assert result.ok, result.reason
        state = result.state
    return state


def end_turns_until(rs: Ruleset, state: GameState, faction: str) -> GameState:
    """End other factions' intrigue turns until `faction` is to move."""
    state = settle_chronicle(rs, state)
    guard = 0
    while state.acting_faction != faction:
        guard += 1
        assert guard < 50 and state.phase == "intrigue"
        state = apply(rs, state, A.EndTurn(state.acting_faction)).state
        state = settle_chronicle(rs, state)
    return state


def traced_states(rs: Ruleset, seed: int, turns: int) -> list[GameState]:
    """The state at the end of every turn of a short all-AI game of the Succession."""
    from game.session.headless import play_game

    states: list[GameState] = []
    play_game(rs, "succession", seed, on_turn=lambda s: states.append(s.clone()), max_turns=turns)
    return states
