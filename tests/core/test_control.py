"""The control rule (game/core/rules/control.py): who directs a character's vote."""

from __future__ import annotations

import numpy as np
import pytest

from game.core.rules.control import (
    CONTROL_MARGIN,
    CONTROL_MIN,
    controller,
    controller_from_row,
    controllers,
    estimates,
    public_estimate,
    reveal,
)

IDS = ("a", "b", "c")


def row(*values: int) -> np.ndarray:
    return np.array(values, dtype=np.int16)


# ---- controller_from_row -------------------------------------------------------------------


def test_the_thresholds_are_the_documented_ones():
    assert CONTROL_MIN == 50
    assert CONTROL_MARGIN == 10


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ((50, 40, 0), "a"),  # exactly at the minimum, exactly at the margin
        ((49, 0, 0), None),  # one short of the minimum, however clear of the rest
        ((49, 39, 0), None),
        ((60, 50, 0), "a"),  # margin 10
        ((60, 51, 0), None),  # margin 9
        ((59, 50, 0), None),  # margin 9 at a higher level
        ((100, 90, 0), "a"),
        ((100, 91, 0), None),
        ((100, 100, 0), None),  # a tie at the top controls nobody
        ((0, 70, 60), "b"),  # the best may sit anywhere in the row
        ((0, 70, 61), None),
        ((10, 20, 55), "c"),
        ((0, 0, 50), "c"),
        ((0, 0, 0), None),
    ],
)
def test_controller_from_row(values, expected):
    assert controller_from_row(row(*values), IDS) == expected


def test_controller_from_row_uses_the_second_highest_not_the_neighbour():
    # The runner-up is the last column here: 70 - 62 = 8 < 10.
    assert controller_from_row(row(70, 0, 62), IDS) is None
    assert controller_from_row(row(70, 0, 60), IDS) == "a"


def test_controller_from_row_single_and_empty_rows():
    assert controller_from_row(row(50), ("a",)) == "a"
    assert controller_from_row(row(49), ("a",)) is None
    assert controller_from_row(np.array([], dtype=np.int16), ()) is None


# ---- leaders ----------------------------------------------------------------------------------


@pytest.mark.parametrize("leader", ["stalin", "trotsky"])
def test_leaders_are_bound_to_their_faction(rs, state, leader):
    c = rs.ci[leader]
    assert controller(rs, state, leader) == leader
    # Even if every other faction owned him body and soul, he stays his faction's leader.
    state.loyalty_public[c, :] = 100
    state.loyalty_public[c, rs.fi[leader]] = 0
    state.loyalty_secret[c, :] = 0
    assert controller(rs, state, leader) == leader
    assert controllers(rs, state)[c] == leader
    for viewer in rs.faction_ids:
        assert public_estimate(rs, state, leader, viewer) == leader


# ---- reveal -------------------------------------------------------------------------------------


def _make_independent(rs, state, character: str, level: int = 30) -> int:
    c = rs.ci[character]
    state.loyalty_public[c, :] = level
    state.loyalty_secret[c, :] = 0
    return c


def test_reveal_publishes_only_the_controllers_secret(rs, state):
    c = _make_independent(rs, state, "kalinin")
    b, t = rs.fi["bukharin"], rs.fi["trotsky"]
    state.loyalty_secret[c, b] = 40  # 70 in all: bukharin controls him
    state.loyalty_secret[c, t] = 10  # 40 in all: a hidden stake that stays hidden
    assert controller(rs, state, "kalinin") == "bukharin"

    assert reveal(rs, state, "kalinin") == "bukharin"

    assert int(state.loyalty_public[c, b]) == 70
    assert int(state.loyalty_secret[c, b]) == 0
    assert int(state.loyalty_public[c, t]) == 30
    assert int(state.loyalty_secret[c, t]) == 10
    # Nothing else moved and control is unchanged.
    for f in rs.faction_ids:
        if f not in ("bukharin", "trotsky"):
            assert int(state.loyalty_public[c, rs.fi[f]]) == 30
            assert int(state.loyalty_secret[c, rs.fi[f]]) == 0
    assert controller(rs, state, "kalinin") == "bukharin"
    # Now everyone can see it.
    for viewer in rs.faction_ids:
        assert public_estimate(rs, state, "kalinin", viewer) == "bukharin"


def test_reveal_of_an_independent_changes_nothing(rs, state):
    c = _make_independent(rs, state, "kalinin")
    state.loyalty_secret[c, rs.fi["bukharin"]] = 15  # 45: not enough to control
    before_pub, before_sec = state.loyalty_public.copy(), state.loyalty_secret.copy()
    assert reveal(rs, state, "kalinin") is None
    assert np.array_equal(state.loyalty_public, before_pub)
    assert np.array_equal(state.loyalty_secret, before_sec)


# ---- public_estimate ------------------------------------------------------------------------------


def test_public_estimate_sees_own_secrets_but_not_others(rs, state):
    c = _make_independent(rs, state, "kalinin")
    state.loyalty_secret[c, rs.fi["bukharin"]] = 40
    assert controller(rs, state, "kalinin") == "bukharin"  # the truth
    assert public_estimate(rs, state, "kalinin", "bukharin") == "bukharin"
    assert public_estimate(rs, state, "kalinin", "trotsky") is None
    assert public_estimate(rs, state, "kalinin", "stalin") is None
    assert public_estimate(rs, state, "kalinin", None) is None  # public part only


def test_public_estimate_can_be_wrong_both_ways(rs, state):
    # Publicly trotsky's man; stalin's secret stake makes him nobody's in truth.
    c = _make_independent(rs, state, "kalinin", level=20)
    state.loyalty_public[c, rs.fi["trotsky"]] = 60
    state.loyalty_secret[c, rs.fi["stalin"]] = 35  # 55 in all, 5 short of the margin
    assert controller(rs, state, "kalinin") is None
    assert public_estimate(rs, state, "kalinin", "trotsky") == "trotsky"
    assert public_estimate(rs, state, "kalinin", "bukharin") == "trotsky"
    assert public_estimate(rs, state, "kalinin", "stalin") is None


def test_secret_loyalty_is_clipped_to_100_in_estimates(rs, state):
    c = _make_independent(rs, state, "kalinin", level=0)
    state.loyalty_public[c, rs.fi["trotsky"]] = 95
    state.loyalty_public[c, rs.fi["bukharin"]] = 85
    state.loyalty_secret[c, rs.fi["trotsky"]] = 30  # 125 clipped to 100: 15 clear
    assert public_estimate(rs, state, "kalinin", "trotsky") == "trotsky"
    assert controller(rs, state, "kalinin") == "trotsky"


# ---- vectorised controllers ------------------------------------------------------------------------


def _one_by_one(rs, state):
    return [controller(rs, state, cid) for cid in rs.character_ids]


def test_controllers_agrees_with_controller_on_a_new_game(rs, state):
    ctrl = controllers(rs, state)
    assert len(ctrl) == len(rs.character_ids)
    assert ctrl == _one_by_one(rs, state)
    # A few fixed points of the scenario, so agreement is not agreement on nonsense.
    assert ctrl[rs.ci["molotov"]] == "stalin"
    assert ctrl[rs.ci["rykov"]] == "bukharin"
    assert ctrl[rs.ci["kalinin"]] is None
    assert ctrl[rs.ci["dzerzhinsky"]] is None


def test_controllers_agrees_with_controller_after_random_secret_changes(rs, state):
    gen = np.random.default_rng(20240611)
    n_c, n_f = state.loyalty_secret.shape
    # Values chosen so that ties, the minimum and the margin are hit often.
    values = np.array([-60, -20, -10, -1, 0, 1, 5, 9, 10, 11, 20, 30, 50, 80], dtype=np.int16)
    independents_seen = controlled_seen = 0
    for _ in range(40):
        s = state.clone()
        mask = gen.random((n_c, n_f)) < 0.4
        s.loyalty_secret[mask] = gen.choice(values, size=int(mask.sum()))
        truth = _one_by_one(rs, s)
        assert controllers(rs, s) == truth
        independents_seen += sum(1 for x in truth if x is None)
        controlled_seen += sum(1 for x in truth if x is not None)
        for viewer in ("bukharin", "stalin", "left_sr"):
            assert estimates(rs, s, viewer) == [public_estimate(rs, s, cid, viewer) for cid in rs.character_ids]
    assert independents_seen > 0 and controlled_seen > 0


def test_controllers_agrees_on_random_public_rows(rs, state):
    gen = np.random.default_rng(7)
    n_c, n_f = state.loyalty_public.shape
    for _ in range(30):
        s = state.clone()
        s.loyalty_public[:] = gen.integers(0, 101, size=(n_c, n_f)).astype(np.int16)
        s.loyalty_secret[:] = gen.integers(-20, 21, size=(n_c, n_f)).astype(np.int16)
        assert controllers(rs, s) == _one_by_one(rs, s)
