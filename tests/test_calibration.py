"""The country model against history (DESIGN §10), per seed: fed the historical policy line of
data/history/lines.yaml (real dates, the record's weather), it must count famine and terror on the
scale historians give in every seed, not only in the median (tests/test_history.py checks the
medians against data/history/tolerances.yaml); fed NEP or the Bukharin line, no famine and no terror (the ordinary courts' sentences only).

The model alone is run here (no bots, no events). If a deliberate change to `country:` in
data/rules/rules.yaml moves the numbers out of a band, recalibrate against FACTS.md §5 rather than
widen the band.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.core.engine import new_game
from game.core.rules import country
from game.session import policy_line as H

ROOT = Path(__file__).resolve().parents[1]
SEEDS = range(1, 7)


def run(rs, line: str, seed: int) -> dict[int, dict[str, float]]:
    chosen = rs.policy_lines[line]
    halves = H.median_run(rs, [H.play(rs, chosen.steps, chosen.weather, seed)])
    return H.years_of(halves)


def added(years, key: str, first: int, last: int) -> float:
    return years[last][key] - years.get(first - 1, {key: 0.0})[key]


@pytest.fixture(scope="module")
def historical(rs):
    return [run(rs, "historical", seed) for seed in SEEDS]


def test_every_seed_of_the_historical_line_starves_millions_in_1931_34_and_none_before(historical):
    for years in historical:
        assert 4000 <= added(years, "famine_deaths", 1931, 1934) <= 9000  # series 5-7 million (FACTS 5.7)
        assert added(years, "famine_deaths", 1924, 1930) == 0
        assert added(years, "famine_deaths", 1935, 1940) < 100  # 1936's drought: cut quotas, no famine


def test_every_seed_of_the_historical_line_shoots_hundreds_of_thousands_in_1937_38(historical):
    for years in historical:
        assert 550 <= added(years, "repression_deaths", 1937, 1938) <= 900  # 681,692-724,000 (FACTS 5.8)
        assert 5 <= added(years, "repression_deaths", 1924, 1929) <= 15  # the courts' 869-2,550 death sentences a year
        assert (
            25 <= added(years, "repression_deaths", 1930, 1932) <= 75
        )  # dekulakisation: 20,201 / 10,651 / 22,728 (FACTS 5.8)
        assert added(years, "repression_deaths", 1939, 1940) < 20  # the halt of November 1938 holds


def test_the_historical_line_follows_the_harvest_and_procurement(historical):
    for years in historical:
        assert years[1931]["grain_harvest"] < 0.85 * years[1925]["grain_harvest"]  # the collectivisation slump
        assert years[1936]["grain_harvest"] < 0.8 * years[1937]["grain_harvest"]  # the 1936 drought, the 1937 record
        assert 16 <= years[1930]["procurement"] <= 26  # about twice 1928 (FACTS 5.2)
        assert years[1926]["procurement"] < 11  # NEP: 7-11 mt


@pytest.mark.parametrize("line", ["nep", "bukharin"])
def test_the_nep_lines_bring_no_famine_and_no_terror(rs, line):
    for seed in SEEDS:
        years = run(rs, line, seed)
        assert years[1940]["famine_deaths"] < 50  # at most a bad year's local hunger, not a famine
        assert years[1940]["repression_deaths"] < 40  # the ordinary courts' ~1.6 thousand a year, no more


def test_mass_operations_kill_on_the_scale_of_1937_38_and_their_end_stops_most_killing(rs):
    """Three half-years of mass operations on the repression of 1936; then the same level without them."""
    state = new_game(rs, "succession", 3)
    state.indicators[rs.ii["repression"]] = 45.0  # about where the collectivised 1930s stood
    for axis, position in (
        ("agriculture", "forced_collectivisation"),
        ("party_regime", "monolithic"),
        ("security", "mass_operations"),
    ):
        state.policies[axis] = rs.axes[axis].index(position)
    for _ in range(3):
        country.step(rs, state)
    killed = float(state.indicators[rs.ii["repression_deaths"]])
    assert 400 <= killed <= 1200, killed
    level = float(state.indicators[rs.ii["repression"]])
    state.policies["security"] = rs.axes["security"].index("normal")
    country.step(rs, state)
    after = float(state.indicators[rs.ii["repression_deaths"]]) - killed
    c = rs.rules["country"]
    assert after < (level - c["killing_threshold"]) ** 2 * c["killing_scale"] * 0.1  # no troikas: a small fraction
