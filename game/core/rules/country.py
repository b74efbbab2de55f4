"""The country model (DESIGN §10): indicators step forward half a year at a time.

Every indicator relaxes toward a target set by the policies in force (per-position target shifts
and drifts are data, in `data/policies/`), as one numpy step. Then the couplings that make the
economy an economy: the price scissors and the plan's reported figures (rules/plan.py); the herds and the steppe famine; the harvest and the weather; the year's
procurement squeezed out of it, exports, private trade and the towns; the villages' reserves
between harvests and the famine when they run out; industry; repression with its own momentum,
the camps as a stock, the killing, the purge of the army; and war readiness as a level drifting
toward what the country could field. Their coefficients are data too (`country:` in
`data/rules/rules.yaml`), calibrated with `python -m game history` so that the historical line
of data/history/lines.yaml follows data/history/series.yaml within data/history/tolerances.yaml
(tests/test_history.py, tests/test_calibration.py) and NEP kept brings no famine; the directions
of effect are tested in tests/test_country.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from ..calendar import year_of
from ..ruleset import Ruleset
from ..state import GameState
from . import plan

Tables = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]
Get = Callable[[str], float]  # an indicator's value by id
Put = Callable[[str, float], None]  # set an indicator (clamped, rounded)
Position = Callable[[str], str]  # an axis's position id


def policy_tables(rs: Ruleset) -> Tables:
    """(base targets, rates, per-axis target shifts, per-axis drifts) as arrays, built once."""
    cached: Tables | None = rs.cache.get("country_tables")
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


def step(rs: Ruleset, state: GameState, weather: float | None = None) -> None:
    """Half a year. `weather` replaces the autumn's drawn weather (the record's, for `history`)."""
    _, rate, _, _ = policy_tables(rs)
    target, drift = targets_and_drift(rs, state)
    x = state.indicators
    before = x.copy()
    cumulative = np.array([rs.indicators[i].cumulative for i in rs.indicator_ids])
    moved = x + rate * (target - x) + drift
    x[:] = np.where(cumulative, x, moved)
    _apply_fading(rs, state)
    _couplings(rs, state, before, target, weather)
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


def _couplings(rs: Ruleset, state: GameState, before: np.ndarray, target: np.ndarray, weather: float | None) -> None:
    c = rs.rules["country"]
    x = state.indicators
    ii = rs.ii

    def get(k: str) -> float:
        return float(x[ii[k]])

    def put(k: str, v: float) -> None:
        x[ii[k]] = v

    def was(k: str) -> float:
        return float(before[ii[k]])

    def position(axis: str) -> str:
        return rs.axes[axis].positions[state.policies[axis]].id

    # The scissors move with the prices the policies set, the goods famine and the harvest (rules/plan.py).
    plan.scissors(rs, state, float(target[ii["price_scissors"]]))
    # Peasants leave the collective farms faster than they were driven in (spring 1930).
    if target[ii["collectivisation"]] < was("collectivisation"):
        put(
            "collectivisation",
            was("collectivisation")
            + c["collectivisation_exit_rate"] * (target[ii["collectivisation"]] - was("collectivisation")),
        )
    # The herds are slaughtered when households are driven into the farms (rather than hand them
    # over), and regrow slowly; on the steppe the nomads who lost them starve (the Kazakh famine).
    gained = max(0.0, get("collectivisation") - was("collectivisation"))
    herds = get("livestock") - gained * c["slaughter_per_point"].get(position("agriculture"), 0.0)
    put("livestock", herds + c["herd_regrowth"] * (100.0 - herds))
    herd_loss = state_back(rs, state, "livestock", 4) - state_back(rs, state, "livestock", 3)  # lost 1.5 years ago
    steppe = max(0.0, herd_loss - c["herd_turnover"]) * c["steppe_deaths_per_point"]
    if steppe > 0:
        put("kazakh_famine_deaths", get("kazakh_famine_deaths") + steppe)
        put("famine_deaths", get("famine_deaths") + steppe)

    _harvest_and_grain(rs, state, c, get, put, position, weather)

    # Industry grows with the tempo (faster while pre-war plant is restored), a little slower when
    # the towns go hungry, and stalls when the managers and engineers are arrested.
    growth = c["industry_growth"][position("industry")] / 2.0 + c["restoration"] * max(
        0.0, 1.0 - get("industrial_output") / 100.0
    )
    fed = min(c["fed_most"], max(c["fed_least"], get("urban_food") / 55.0))
    growth = growth * fed - c["purge_drag"] * max(0.0, get("repression") - c["killing_threshold"]) / 100.0
    # Padded figures: the planners work from worse data every year (rules/plan.py).
    padded, pad, misallocation = plan.padding_and_drag(rs, state, position)
    put("industrial_output", get("industrial_output") * (1.0 + growth - misallocation))
    plan.report(rs, state, padded, pad)

    forced = position("agriculture") in c["slaughter_per_point"]
    _repression(rs, state, c, get, put, position, gained if forced else 0.0)

    moods = (get("peasant_mood") + get("worker_mood")) / 2.0
    put("legitimacy", get("legitimacy") + 0.1 * (moods - 50.0) - 0.05 * max(0.0, get("repression") - 25.0))
    put(
        "international_tension",
        get("international_tension") + 0.5 * (exogenous_tension(rs, state) - get("international_tension")),
    )
    # War readiness is a level: it drifts toward what the country could field, so what events and
    # cards add to it lasts (fading at the drift rate) instead of being recomputed away.
    ready = get("war_readiness")
    put("war_readiness", ready + c["readiness_rate"] * (readiness_target(rs, state) - ready))


def _harvest_and_grain(
    rs: Ruleset, state: GameState, c: dict[str, Any], get: Get, put: Put, position: Position, weather: float | None
) -> None:
    autumn = state.turn % 2 == 1
    # The harvest is gathered in the autumn; its size follows the peasants' mood, the disruption
    # of collectivising, the tractors of the MTS, and the weather (three uniforms: a bell curve).
    if autumn:
        bell = (sum(state.rng.random() for _ in range(3)) - 1.5) / 1.5
        w = 1.0 + c["weather_spread"] * bell if weather is None else weather + c["recorded_weather_spread"] * bell
        # On the collective farms the labour-day and the brigade, not the peasant's goodwill, set
        # the work: the mood counts for less the more households are collectivised.
        elasticity = c["harvest_mood"] * (1.0 - c["kolkhoz_mood_damping"] * get("collectivisation") / 100.0)
        mood = 1.0 + (get("peasant_mood") - 50.0) * elasticity
        # Collectivising at speed wrecks the harvest for years: the herds and horses slaughtered,
        # the best farmers deported, the farms run by newcomers.
        pace = max(0.0, get("collectivisation") - state_back(rs, state, "collectivisation", c["disruption_turns"]))
        disruption = max(0.3, 1.0 - pace * c["harvest_disruption"])
        tractors = 1.0 + c["mechanisation"] * get("collectivisation") / 100.0 * max(
            0.0, np.log(get("industrial_output") / 100.0)
        )
        put("grain_harvest", c["harvest_base"] * mood * disruption * w * tractors)

    # Procurement: the year's plan is set on the harvest, in the autumn, as a share of it. At market
    # prices the peasants sell less when the scissors open, when there are no goods to buy
    # (investment starves light industry) and when the fear of war rises (the 1927 war scare): the
    # procurement crisis of 1927-28. Short of emergency measures the state takes no more than
    # leaves the villages their need (the seed loans and cut quotas of 1936); under them it does.
    proc = position("procurement")
    if autumn:
        share = c["procurement_share"][proc]
        towns = c["urban_need"] * (get("industrial_output") / 100.0) ** c["urban_growth"]
        if proc == "market_prices":
            # Growing towns bid for more grain: the peasants sell a larger share as demand rises.
            share *= towns / c["urban_need"]
            holding = (
                max(0.0, get("price_scissors") - 100.0) * c["scissors_hoarding"]
                + max(0.0, get("investment_share") - c["goods_famine_from"]) * c["goods_famine"]
                + max(0.0, get("international_tension") - state_back(rs, state, "international_tension", 2))
                * c["war_scare"]
            )
            share *= max(0.4, 1.0 - holding)
        share += get("collectivisation") / 100.0 * c["kolkhoz_delivery"]
        procurement = get("grain_harvest") * share
        if proc != "emergency_measures":
            procurement = min(procurement, max(0.0, get("village_reserves") + get("grain_harvest") - c["rural_need"]))
        put("procurement", procurement)
    procurement = get("procurement")
    # Grain sold abroad pays for the machines: a share of what the state takes (NEP and the
    # emergency years exported; the fixed quotas of 1933-40 kept it for the towns and the army).
    exports = procurement * c["export_share"][proc]
    put("grain_exports", exports)

    # The villages: the harvest comes in in the autumn; each half-year they hand over half the
    # year's procurement and eat half their need; what is left over by the next harvest is a
    # reserve (seed, a store, livestock to sell), up to a cap. When it runs out, people starve.
    stock = get("village_reserves") + (get("grain_harvest") if autumn else 0.0) - (procurement + c["rural_need"]) / 2.0
    if stock < 0:
        deaths = -stock * c["famine_per_mt"]
        put("famine_deaths", get("famine_deaths") + deaths)
        put("peasant_mood", get("peasant_mood") + stock * c["famine_mood"])
        if deaths >= 1:
            state.note("country.famine", deaths=round(deaths), shortfall=round(-stock, 2))
        stock = 0.0
    put("village_reserves", stock if autumn else min(stock, c["reserve_cap"]))

    # The towns eat what is procured and not exported, and what private traders bring while the
    # market is allowed; they grow with industry.
    towns = c["urban_need"] * (get("industrial_output") / 100.0) ** c["urban_growth"]
    # From the Manchurian crisis on, the state also stocked grain for the army as war neared (FACTS 5.7).
    army = max(0.0, get("international_tension") - c["army_stock_from"]) * c["army_stock"]
    supply = procurement - exports - army + towns * c["private_trade"][proc]
    food_target = 50.0 + (supply - towns) * c["food_per_mt"]
    put("urban_food", get("urban_food") + 0.5 * (food_target - get("urban_food")))
    put("worker_mood", get("worker_mood") + c["food_mood"] * (get("urban_food") - 50.0))


def _repression(
    rs: Ruleset, state: GameState, c: dict[str, Any], get: Get, put: Put, position: Position, driven: float
) -> None:
    # Repression has momentum from below once the procedures exist.
    operations = position("security") == "mass_operations"
    if operations:
        state.momentum = min(100, state.momentum + c["momentum_gain"])
    else:
        state.momentum = max(0, state.momentum - c["momentum_decay"])
    put("repression", get("repression") + state.momentum * c["momentum_push"])
    rep = get("repression")
    # The camps are a stock: sentences flow in with repression, more than in proportion, and
    # leave slowly (terms of 3-10 years, deaths), so they kept filling after the arrests fell.
    inflow = c["camps_inflow"] + max(0.0, rep - c["camps_from"]) ** 2 * c["camps_inflow_sq"]
    camps = get("camp_population")
    put("camp_population", camps + inflow - c["camps_release_rate"] * camps)
    # Repression above a threshold kills, more than in proportion; the troikas and quotas of a
    # mass operation kill most, the courts and the Special Board a small fraction of that.
    killed = max(0.0, rep - c["killing_threshold"]) ** 2 * c["killing_scale"]
    if not operations:
        killed *= c["killing_outside_operations"]
    # Besides: the death sentences of the courts and the OGPU collegium in ordinary years, and the
    # "first category" kulaks shot as households are driven into the farms.
    killed += min(rep, c["courts_full_at"]) * c["courts_killing"] + driven * c["dekulakisation_shot"]
    if killed > 0:
        put("repression_deaths", get("repression_deaths") + killed)
    # Purges reach the officer corps; the army recovers slowly when they stop.
    if rep > c["army_purge_threshold"]:
        put("army_leadership", get("army_leadership") - (rep - c["army_purge_threshold"]) * c["army_purge_rate"])


def readiness_target(rs: Ruleset, state: GameState) -> float:
    """What the country could field in a war now (0-100): the weights of `country: readiness`."""
    c = rs.rules["country"]
    wr = c["readiness"]
    x, ii = state.indicators, rs.ii
    # Industry counts with diminishing returns but never stops counting (1 - e^-gain/scale).
    gain = max(0.0, float(x[ii["industrial_output"]]) - 100.0)
    industry = 100.0 * (1.0 - np.exp(-gain / c["readiness_industry_scale"]))
    return float(
        wr["industry"] * industry
        + wr["army"] * float(x[ii["army_leadership"]])
        + wr["warnings"] * float(x[ii["party_democracy"]])
        + wr["legitimacy"] * float(x[ii["legitimacy"]])
        + wr["peasants"] * float(x[ii["peasant_mood"]])
        + wr["alliances"] * alliance_score(rs, state)
    )


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
    # A win abroad (a united front that stopped Hitler) may lower the world's tension for good.
    base -= sum(j["relief"] for j in rs.rules["abroad"]["junctures"] if f"abroad_{j['id']}_won" in state.flags)
    foreign = rs.axes["foreign"].positions[state.policies["foreign"]].id
    tension: float = base + rs.rules["country"]["foreign_tension"][foreign]
    return tension


def alliance_score(rs: Ruleset, state: GameState) -> float:
    foreign = rs.axes["foreign"].positions[state.policies["foreign"]].id
    return float(rs.rules["country"]["alliances"][foreign])


def war_outcome(rs: Ruleset, state: GameState) -> str:
    """The 1941 test: readiness decides an outcome tier (data: thresholds, best first) - unless a
    win abroad kept Hitler from power (`war_averted` in data): then no German invasion comes."""
    averted = rs.rules["war_averted"]
    if any(f"abroad_{j}_won" in state.flags for j in averted["by"]):
        return str(averted["outcome"])
    return outcome_for(rs, float(state.indicators[rs.ii["war_readiness"]]))


def outcome_for(rs: Ruleset, readiness: float) -> str:
    for tier in rs.rules["war_tiers"]:
        if readiness >= tier["at_least"]:
            return str(tier["id"])
    return str(rs.rules["war_tiers"][-1]["id"])
