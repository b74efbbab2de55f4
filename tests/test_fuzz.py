"""Property tests: random legal actions, many turns, and the invariants always hold."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.core.engine import apply, legal_actions, new_game, whose_move
from tests.invariants import check_invariants


def play_random(rs, seed: int, picks: list[int], turns: int):
    state = new_game(rs, "succession", seed)
    i = 0
    while state.phase != "over" and state.turn < turns:
        faction = whose_move(rs, state)
        options = legal_actions(rs, state, faction)
        action = options[picks[i % len(picks)] % len(options)]
        if state.phase == "session" and i % 4 == 3:
            action = options[0]  # whips are free: a random whipper must stop some time (EndTurn comes first)
        i += 1
        result = apply(rs, state, action)
        assert result.ok, f"legal action {action} refused: {result.reason}"
        state = result.state
        check_invariants(rs, state)
    return state


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), picks=st.lists(st.integers(0, 10_000), min_size=5, max_size=40))
def test_random_legal_play_keeps_invariants(rs, seed, picks):
    state = play_random(rs, seed, picks, turns=5)
    assert state.turn >= 1 or state.phase == "over"


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), picks=st.lists(st.integers(0, 10_000), min_size=20, max_size=60))
def test_random_play_through_a_whole_classroom_game(rs, seed, picks):
    state = new_game(rs, "scissors", seed)
    i = 0
    while state.phase != "over":
        faction = whose_move(rs, state)
        options = legal_actions(rs, state, faction)
        # Bias toward ending turns so a game of random moves finishes.
        pick = picks[i % len(picks)]
        action = (
            options[0] if pick % 3 == 0 or (state.phase == "session" and i % 4 == 3) else options[pick % len(options)]
        )
        i += 1
        state = apply(rs, state, action).state
        check_invariants(rs, state)
    assert state.scores and set(state.scores) == set(rs.faction_ids)
