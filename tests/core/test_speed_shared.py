"""This session's speed-ups of issue 12 answer as the plain computation does, and never stale: a
shared player view reads as the copied one and leaves the truth alone - checked over the states of
a traced all-AI game."""

from __future__ import annotations

import pytest

from game.core.state import GameState, state_hash
from game.core.view import player_view
from game.session.headless import play_game

FACTIONS = ("bukharin", "trotsky", "zinoviev_kamenev", "left_sr", "stalin")


@pytest.fixture(scope="module")
def traced(rs) -> list[GameState]:
    """The state at the end of every turn of a short all-AI game."""
    states: list[GameState] = []
    play_game(rs, "succession", 4, on_turn=lambda s: states.append(s.clone()), max_turns=12)
    assert len(states) >= 10
    return states


def test_a_shared_view_reads_as_the_copied_view_and_leaves_the_truth_alone(rs, traced):
    for state in traced:
        before = state_hash(state)
        for faction in FACTIONS:
            for with_log in (True, False):
                copied = player_view(rs, state, faction, with_log=with_log)
                shared = player_view(rs, state, faction, with_log=with_log, shared=True)
                assert shared.view_of == copied.view_of == faction
                assert shared.to_dict() == copied.to_dict()
        assert state_hash(state) == before


def test_a_shared_view_shows_what_the_truth_hides_hidden(rs, traced):
    state = traced[-1]
    shared = player_view(rs, state, "trotsky", shared=True)
    f = rs.fi["trotsky"]
    secret = shared.loyalty_secret.copy()
    assert (secret[:, f] == state.loyalty_secret[:, f]).all()
    secret[:, f] = 0
    assert not secret.any()
    assert all(card == "?" for other, fs in shared.factions.items() if other != "trotsky" for card in fs.hand)
    assert state.deck and all(card != "?" for card in state.deck)
    assert shared.factions["trotsky"].hand == state.factions["trotsky"].hand
