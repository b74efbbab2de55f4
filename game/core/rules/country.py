"""The country model v1 (DESIGN §10): indicators step forward half a year at a time.

Every indicator relaxes toward a target set by the policies in force (per-position target shifts
and drifts are data, in `data/policies/`), as one numpy step. Then the couplings that make the
economy an economy: the harvest and the weather, procurement squeezed out of it, the famine when
too little is left in the villages, industrial growth fed by the towns' bread, repression with
its own momentum, the purge of the army, and war readiness. Their coefficients are data too
(`country:` in `data/rules/rules.yaml`), calibrated so that the historical policy line gives the
famine and the terror on the scale of `data/history/series.yaml` and the NEP line no famine
(tests/test_calibration.py); the directions of effect are tested in tests/test_country.py.
"""

from __future__ import annotations

import numpy as np

from ..calendar import year_of
from ..ruleset import Ruleset
from ..state import GameState


def policy_tables(rs: Ruleset) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(base targets, rates, per-axis target shifts, per-axis drifts) as arrays, built once."""
    cached = rs.cache.get("country_tables")
    if cached is not None:
        return cached
    n = len(rs.indicator_ids)
    base = np.array([rs.indicators[i].base_target for i in rs.indicator_ids], dtype=np.float64)
    rate = np.array([rs.indicators[i].rate for i in rs.indicator_ids], dtype=np.float64)
    width = max(len(a.positions) for a in rs.axes.values())
    shifts = np.zeros((len(rs.axes), width, n))
    drifts = np.zeros((len(rs.axes), width, n))
    for a, axis in enumerate(rs.axes.values()):
        for p, pos in enumerate(axis.positions):
            for ind, v in pos.targets.items():
                shifts[a, p, rs.ii[ind]] = v
            for ind, v in pos.drift.items():
                drifts[a, p, rs.ii[ind]] = v
    tables = (base, rate, shifts, drifts)
    rs.cache["country_tables"] = tables
    return tables


def targets_and_drift(rs: Ruleset, state: GameState) -> tuple[np.ndarray, np.ndarray]:
    base, _, shifts, drifts = policy_tables(rs)
    pos = np.array([state.policies[a] for a in rs.axes], dtype=np.int64)
    rows = np.arange(len(pos))
    return base + shifts[rows, pos].sum(axis=0), drifts[rows, pos].sum(axis=0)


def step(rs: Ruleset, state: GameState) -> None:
    _, rate, _, _ = policy_tables(rs)
    target, drift = targets_and_drift(rs, state)
    x = state.indicators
    cumulative = np.array([rs.indicators[i].cumulative for i in rs.indicator_ids])
    moved = x + rate * (target - x) + drift
    x[:] = np.where(cumulative, x, moved)
    _apply_fading(rs, state)
    _couplings(rs, state)
    lows = np.array([rs.indicators[i].low for i in rs.indicator_ids])
    highs = np.array([rs.indicators[i].high for i in rs.indicator_ids])
    np.clip(x, lows, highs, out=x)
    np.round(x, 3, out=x)
    state.history.append([float(v) for v in x])


def _apply_fading(rs: Ruleset, state: GameState) -> None:
    kept = []
    for ind, amount, left in state.fading:
        state.indicators[rs.ii[ind]] += amount
        if left > 1:
            kept.append([ind, amount, left - 1])
    state.fading = kept


def _couplings(rs: Ruleset, state: GameState) -> None:
    c = rs.rules["country"]
    x = state.indicators
    ii = rs.ii

    def get(k: str) -> float:
        return float(x[ii[k]])

    def put(k: str, v: float) -> None:
        x[ii[k]] = v

    autumn = state.turn % 2 == 1
    proc_pos = rs.axes["procurement"].positions[state.policies["procurement"]].id

    # The harvest is gathered in the autumn; its size follows the peasants' mood, the disruption
    # of collectivising, and the weather (three uniforms: a bell curve from the game's dice).
    if autumn:
        weather = 1.0 + c["weather_spread"] * (sum(state.rng.random() for _ in range(3)) - 1.5) / 1.5
        # On the collective farms the labour-day and the brigade, not the peasant's goodwill, set
        # the work: the mood counts for less the more households are collectivised.
        elasticity = c["harvest_mood"] * (1.0 - c["kolkhoz_mood_damping"] * get("collectivisation") / 100.0)
        mood = 1.0 + (get("peasant_mood") - 50.0) * elasticity
        # Collectivising at speed wrecks the harvest for years: the herds and horses slaughtered,
        # the best farmers deported, the farms run by newcomers.
        pace = max(0.0, get("collectivisation") - state_back(rs, state, "collectivisation", c["disruption_turns"]))
        disruption = max(0.3, 1.0 - pace * c["harvest_disruption"])
        put("grain_harvest", get("grain_harvest") * 0.3 + 0.7 * c["harvest_base"] * mood * disruption * weather)

    # Procurement: a share of the harvest, shrinking at market prices when the scissors open.
    share = c["procurement_share"][proc_pos]
    if proc_pos == "market_prices":
        share *= max(0.4, 1.0 - max(0.0, get("price_scissors") - 100.0) * c["scissors_hoarding"])
    share += get("collectivisation") / 100.0 * c["kolkhoz_delivery"]
    procurement = get("grain_harvest") * share
    put("procurement", procurement)

    # What stays in the villages; below subsistence, people starve. Counted, never hidden.
    left = get("grain_harvest") - procurement
    shortfall = max(0.0, c["rural_need"] - left)
    if shortfall > 0:
        deaths = shortfall * c["famine_per_mt"] / 2.0
        put("famine_deaths", get("famine_deaths") + deaths)
        put("peasant_mood", get("peasant_mood") - shortfall * c["famine_mood"])
        if deaths >= 1:
            state.note("country.famine", deaths=round(deaths), shortfall=round(shortfall, 2))

    # The towns eat what is procured.
    food_target = 50.0 + (procurement - c["urban_need"]) * c["food_per_mt"]
    put("urban_food", get("urban_food") + 0.5 * (food_target - get("urban_food")))
    put("worker_mood", get("worker_mood") + c["food_mood"] * (get("urban_food") - 50.0))

    # Industry grows with the tempo, if the towns are fed.
    ind_pos = rs.axes["industry"].positions[state.policies["industry"]].id
    growth = c["industry_growth"][ind_pos] / 2.0
    fed = min(1.2, max(0.3, get("urban_food") / 55.0))
    put("industrial_output", get("industrial_output") * (1.0 + growth * fed))

    # Repression has momentum from below once the procedures exist.
    sec_pos = rs.axes["security"].positions[state.policies["security"]].id
    if sec_pos == "mass_operations":
        state.momentum = min(100, state.momentum + c["momentum_gain"])
    else:
        state.momentum = max(0, state.momentum - c["momentum_decay"])
    put("repression", get("repression") + state.momentum * c["momentum_push"])
    rep = get("repression")
    # The camps fill fast and empty slowly: sentences ran for years after the arrests stopped.
    camps_target = c["camps_base"] + rep * rep * c["camps_per_point_sq"]
    camps = get("camp_population")
    fill = c["camps_fill_rate"] if camps_target > camps else c["camps_release_rate"]
    put("camp_population", camps + fill * (camps_target - camps))
    # Repression above a threshold kills, more than in proportion; the troikas and quotas of a
    # mass operation kill most, the courts and the Special Board a fraction of that.
    killed = max(0.0, rep - c["killing_threshold"]) ** 2 * c["killing_scale"]
    if sec_pos != "mass_operations":
        killed *= c["killing_outside_operations"]
    if killed > 0:
        put("repression_deaths", get("repression_deaths") + killed)
    # Purges reach the officer corps; the army recovers slowly when they stop.
    if rep > c["army_purge_threshold"]:
        put("army_leadership", get("army_leadership") - (rep - c["army_purge_threshold"]) * c["army_purge_rate"])

    moods = (get("peasant_mood") + get("worker_mood")) / 2.0
    put("legitimacy", get("legitimacy") + 0.1 * (moods - 50.0) - 0.05 * max(0.0, rep - 25.0))
    put("international_tension", get("international_tension") + 0.5 * (exogenous_tension(rs, state) - get("international_tension")))

    wr = c["readiness"]
    industry = min(100.0, get("industrial_output") / c["readiness_industry_full"] * 100.0)
    readiness = (
        wr["industry"] * industry
        + wr["army"] * get("army_leadership")
        + wr["legitimacy"] * get("legitimacy")
        + wr["peasants"] * get("peasant_mood")
        + wr["alliances"] * alliance_score(rs, state)
    )
    put("war_readiness", readiness)


def state_back(rs: Ruleset, state: GameState, indicator: str, turns: int) -> float:
    """The indicator's value `turns` half-years ago (or at the start)."""
    if len(state.history) >= turns:
        return float(state.history[-turns][rs.ii[indicator]])
    if state.history:
        return float(state.history[0][rs.ii[indicator]])
    return float(state.indicators[rs.ii[indicator]])


def exogenous_tension(rs: Ruleset, state: GameState) -> float:
    """The world outside (Hitler, Japan) sets a tension the foreign line can only bend."""
    schedule = rs.scenarios[state.scenario].tension
    year = year_of(state.turn, state.start_year)
    past = [y for y in schedule if y <= year]
    base = schedule[max(past)] if past else 20.0
    foreign = rs.axes["foreign"].positions[state.policies["foreign"]].id
    return base + rs.rules["country"]["foreign_tension"][foreign]


def alliance_score(rs: Ruleset, state: GameState) -> float:
    foreign = rs.axes["foreign"].positions[state.policies["foreign"]].id
    return float(rs.rules["country"]["alliances"][foreign])


def war_outcome(rs: Ruleset, state: GameState) -> str:
    """The 1941 test: readiness decides an outcome tier (data: thresholds, best first)."""
    readiness = float(state.indicators[rs.ii["war_readiness"]])
    for tier in rs.rules["war_tiers"]:
        if readiness >= tier["at_least"]:
            return str(tier["id"])
    return str(rs.rules["war_tiers"][-1]["id"])
