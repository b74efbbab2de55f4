"""The country model's directions of effect (DESIGN §10). Calibration comes later; these must hold."""

from __future__ import annotations

import pytest

from game.core.engine import new_game
from game.core.rules import country


def run(rs, seed: int, turns: int, **policies: str):
    state = new_game(rs, "succession", seed)
    for axis, position in policies.items():
        state.policies[axis] = rs.axes[axis].index(position)
    for _ in range(turns):
        country.step(rs, state)
        state.turn += 1
    return state


def value(rs, state, indicator: str) -> float:
    return float(state.indicators[rs.ii[indicator]])


NEP = {"agriculture": "nep", "procurement": "market_prices", "industry": "gradual"}
STALIN = {"agriculture": "forced_collectivisation", "procurement": "emergency_measures", "industry": "forced"}


@pytest.mark.parametrize("seed", range(6))
def test_nep_brings_no_famine(rs, seed):
    state = run(rs, seed, 16, **NEP)
    assert value(rs, state, "famine_deaths") == 0
    assert value(rs, state, "peasant_mood") >= 45


@pytest.mark.parametrize("seed", range(6))
def test_forced_collectivisation_with_emergency_procurement_starves_the_villages(rs, seed):
    state = run(rs, seed, 8, **STALIN)
    deaths = value(rs, state, "famine_deaths")
    assert deaths > 1000, "a famine on the historical scale (millions) should follow"
    assert value(rs, state, "collectivisation") > 50
    assert value(rs, state, "peasant_mood") < 30


def test_forced_industry_outgrows_gradual(rs):
    slow = run(rs, 1, 12, **NEP)
    fast = run(rs, 1, 12, agriculture="nep", procurement="administrative_pressure", industry="forced")
    assert value(rs, fast, "industrial_output") > 1.2 * value(rs, slow, "industrial_output")
    assert value(rs, fast, "investment_share") > value(rs, slow, "investment_share")


def test_mass_operations_kill_and_fill_the_camps(rs):
    calm = run(rs, 2, 8, security="restrained")
    terror = run(rs, 2, 8, security="mass_operations")
    assert value(rs, terror, "repression") > value(rs, calm, "repression") + 30
    assert value(rs, terror, "repression_deaths") > 100
    assert value(rs, calm, "repression_deaths") < 5  # the ordinary courts' sentences only
    assert value(rs, terror, "camp_population") > 3 * value(rs, calm, "camp_population")
    assert value(rs, terror, "army_leadership") < value(rs, calm, "army_leadership")


def test_repression_keeps_its_momentum_after_the_order_is_withdrawn(rs):
    state = run(rs, 3, 6, security="mass_operations")
    peak_momentum = state.momentum
    state.policies["security"] = rs.axes["security"].index("normal")
    country.step(rs, state)
    assert 0 < state.momentum < peak_momentum
    assert value(rs, state, "repression") > 40


def test_collective_security_readies_the_country_better_than_world_revolution(rs):
    allies = run(rs, 4, 10, foreign="collective_security")
    alone = run(rs, 4, 10, foreign="world_revolution")
    assert value(rs, allies, "war_readiness") > value(rs, alone, "war_readiness")
    assert value(rs, allies, "international_tension") < value(rs, alone, "international_tension")


def test_party_regime_moves_inner_party_democracy(rs):
    open_party = run(rs, 5, 8, party_regime="tolerated_tendencies")
    closed = run(rs, 5, 8, party_regime="monolithic")
    assert value(rs, open_party, "party_democracy") > value(rs, closed, "party_democracy") + 30


def test_every_indicator_stays_in_range_under_every_extreme(rs):
    for policies in (NEP, STALIN, {"security": "mass_operations", **STALIN}):
        state = run(rs, 6, 34, **policies)
        for i in rs.indicator_ids:
            d = rs.indicators[i]
            assert d.low <= value(rs, state, i) <= d.high


def test_war_readiness_is_a_level_so_what_events_add_to_it_lasts(rs):
    """Issue 15: it was recomputed from scratch each half-year, erasing the Pact, Katyn, the warnings."""
    plain, warned = run(rs, 6, 4), run(rs, 6, 4)
    warned.indicators[rs.ii["war_readiness"]] += 10.0
    for _ in range(3):
        country.step(rs, plain)
        country.step(rs, warned)
    gap = value(rs, warned, "war_readiness") - value(rs, plain, "war_readiness")
    keep = (1.0 - rs.rules["country"]["readiness_rate"]) ** 3
    assert gap == pytest.approx(10.0 * keep, abs=0.05) and gap > 4


def test_industry_keeps_counting_for_war_beyond_nine_times_1928(rs):
    state = new_game(rs, "succession", 1)
    state.indicators[rs.ii["industrial_output"]] = 900.0
    at_nine = country.readiness_target(rs, state)
    state.indicators[rs.ii["industrial_output"]] = 1400.0
    assert country.readiness_target(rs, state) > at_nine + 1


def test_the_purges_cost_war_readiness_through_the_army_and_industry(rs):
    calm = run(rs, 7, 12, industry="forced")
    purged = run(rs, 7, 12, industry="forced", security="mass_operations")
    assert value(rs, purged, "army_leadership") < value(rs, calm, "army_leadership") - 20
    assert value(rs, purged, "industrial_output") < value(rs, calm, "industrial_output")
    assert value(rs, purged, "war_readiness") < value(rs, calm, "war_readiness")
