"""The hard AI's leaf value: the projection leaves the position as it was, the fitted weights move
the prediction the way the data says, and a misspelt weight is an error."""

from __future__ import annotations

import pytest

from game.ai.leaf import FEATURES, features, predicted_totals, projected_totals, remaining_share
from game.ai.rollout import HardConfig
from game.core.engine import new_game
from game.core.state import state_hash
from tests.helpers import end_turns_until


def _position(rs):
    return end_turns_until(rs, new_game(rs, "succession", 3), "bukharin")


def test_the_projection_reads_the_position_and_leaves_it_as_it_was(rs):
    state = _position(rs)
    before = state_hash(state)
    base = projected_totals(rs, state)
    assert state_hash(state) == before
    assert set(base) == set(rs.faction_ids)
    assert predicted_totals(rs, state, {}) == base  # no weights: the projection itself
    assert all(len(x) == len(FEATURES) for x in features(rs, state).values())
    assert 0.0 < remaining_share(state) <= 1.0


def test_heat_past_the_threshold_lowers_a_factions_predicted_total(rs):
    state = _position(rs)
    weights = HardConfig.of(rs).leaf
    calm = predicted_totals(rs, state, weights)
    hot = state.clone()
    hot.factions["trotsky"].heat = rs.rules["discipline_heat"] + 20
    assert predicted_totals(rs, hot, weights)["trotsky"] < calm["trotsky"] - 3.0
    assert predicted_totals(rs, hot, weights)["bukharin"] == calm["bukharin"]


def test_a_misspelt_leaf_weight_is_an_error():
    with pytest.raises(ValueError, match="leaf.heet"):
        HardConfig.parse({"leaf": {"heet": 1.0}})
    assert HardConfig.parse({"leaf": {"heat": -2, "faction.trotsky": 3}}).leaf == {"heat": -2.0, "faction.trotsky": 3.0}
