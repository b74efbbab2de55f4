"""A policy line played through the country model alone, measured against the record.

Used by `python -m game history` (game/cli/history.py) and tests/test_history.py. A line (data:
data/history/lines.yaml) sets policy positions from given half-years; the country model steps
half a year at a time with no factions, events or cards, so what comes out is the model's own
answer to the policies. Medians over seeds are taken at each half-year; a year's figure is its
last half-year's. The comparison with data/history/series.yaml and the checks of
data/history/tolerances.yaml are pure functions of those medians.
"""

from __future__ import annotations

import statistics
from typing import Any

import numpy as np

from ..core.calendar import year_of
from ..core.engine import new_game
from ..core.history_defs import HistorySeriesDef
from ..core.rules import country
from ..core.ruleset import Ruleset

Half = tuple[int, int]  # (year, 0 = January-June / 1 = July-December)


def play(
    rs: Ruleset, steps: dict[Half, dict[str, str]], weather: dict[int, float], seed: int, scenario: str = "succession"
) -> list[list[float]]:
    """The indicators at the end of every half-year of one seeded run of the line."""
    state = new_game(rs, scenario, seed)
    rows = []
    for turn in range(state.last_turn + 1):
        state.turn = turn
        year = year_of(turn, state.start_year)
        for axis, position in steps.get((year, turn % 2), {}).items():
            index = rs.axes[axis].index(position)
            if axis == "security" and index < state.policies[axis]:  # as a motion reining in would
                state.momentum = max(0, state.momentum - rs.rules["rein_in_momentum"])
            state.policies[axis] = index
        country.step(rs, state, weather=weather.get(year))
        rows.append([float(v) for v in state.indicators])
    return rows


def median_run(rs: Ruleset, runs: list[list[list[float]]]) -> list[dict[str, float]]:
    """Per half-year, the median over the runs of every indicator."""
    arr = np.median(np.array(runs, dtype=np.float64), axis=0)
    return [{i: round(float(row[rs.ii[i]]), 3) for i in rs.indicator_ids} for row in arr]


def years_of(halves: list[dict[str, float]], start_year: int = 1924) -> dict[int, dict[str, float]]:
    """Each year's figures: its last half-year's."""
    return {start_year + t // 2: row for t, row in enumerate(halves)}


def at(halves: list[dict[str, float]], when: Half, indicator: str, start_year: int = 1924) -> float:
    return halves[(when[0] - start_year) * 2 + when[1]][indicator]


def war(rs: Ruleset, runs: list[list[list[float]]]) -> dict[str, Any]:
    """The 1941 test on the median readiness of the runs' last half-year."""
    readiness = statistics.median(run[-1][rs.ii["war_readiness"]] for run in runs)
    return {"readiness": round(readiness, 2), "outcome": country.outcome_for(rs, readiness)}


def compare_series(
    years: dict[int, dict[str, float]], series: tuple[HistorySeriesDef, ...], tolerances: dict[str, dict[str, float]]
) -> list[dict[str, Any]]:
    """One row per series and year: the record, the model, the relative error outside the record's
    range (0 inside it) and whether it is within the margin of data/history/tolerances.yaml."""
    rows = []
    for item in series:
        ind, key = item.indicator, item.key
        margin = float(tolerances.get(key, {}).get("margin", 0.2))
        for year, (lo, hi) in sorted(item.points().items()):
            when = year - 1 if item.dated == "jan1" else year
            if when not in years:
                continue
            model = years[when][ind]
            if item.since is not None:
                model -= years.get(item.since - 1, {}).get(ind, 0.0)
            if item.yearly:  # what a cumulative indicator gained in that year
                model -= years.get(when - 1, {}).get(ind, 0.0)
            nearest = lo if model < lo else hi if model > hi else model
            error = 0.0 if nearest == model else (model - nearest) / max(abs(nearest), 1e-9)
            rows.append(
                {
                    "series": key,
                    "indicator": ind,
                    "year": year,
                    "record": (lo, hi),
                    "model": round(model, 2),
                    "error": round(error, 3),
                    "ok": abs(error) <= margin,
                }
            )
    return rows


def series_verdicts(
    rows: list[dict[str, Any]], tolerances: dict[str, dict[str, float]]
) -> dict[str, tuple[int, int, bool]]:
    """Per series (its id, else its indicator): (years passed, years compared, whether enough passed)."""
    out = {}
    for key in dict.fromkeys(r["series"] for r in rows):
        mine = [r for r in rows if r["series"] == key]
        passed = sum(1 for r in mine if r["ok"])
        need = float(tolerances.get(key, {}).get("pass_share", 1.0))
        out[key] = (passed, len(mine), passed >= need * len(mine) - 1e-9)
    return out


def run_checks(
    halves: list[dict[str, float]], checks: tuple[dict[str, Any], ...], start_year: int = 1924
) -> list[dict[str, Any]]:
    """Each check of data/history/tolerances.yaml: its measured value and whether it holds."""
    years = years_of(halves, start_year)

    def gained(ind: str, year: int) -> float:
        return years[year][ind] - years.get(year - 1, {ind: 0.0})[ind]  # cumulative ones start at 0

    out = []
    for c in checks:
        ind, kind = str(c["indicator"]), str(c["what"])
        span = [int(y) for y in c.get("years", [])]
        lo, hi = (float(v) for v in c.get("within", [float("-inf"), float("inf")]))
        if kind == "added":
            value: Any = round(sum(gained(ind, y) for y in range(span[0], span[1] + 1)), 2)
            ok = lo <= value <= hi
        elif kind == "added_each":
            value = [round(gained(ind, y), 2) for y in range(span[0], span[1] + 1)]
            ok = all(lo <= v <= hi for v in value)
        elif kind == "value":
            value = [round(years[y][ind], 2) for y in span]
            ok = all(lo <= v <= hi for v in value)
        elif kind == "peak":
            added = {y: gained(ind, y) for y in range(span[0], span[1] + 1)}
            value = max(added, key=lambda y: added[y])
            ok = value == int(c["equals"])
        elif kind == "ratio":
            first, second = ((int(w[0]), int(w[1])) for w in c["at"])
            value = round(at(halves, second, ind, start_year) / max(at(halves, first, ind, start_year), 1e-9), 3)
            ok = lo <= value <= hi
        else:
            raise ValueError(f"unknown check kind '{kind}'")
        out.append({"id": c["id"], "value": value, "ok": ok, "why": c.get("why", "")})
    return out
