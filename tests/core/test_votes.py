"""Politburo votes (game/core/rules/votes.py): exact pass chances, tallies, forecasts, the roll."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from game.core.rng import Rng
from game.core.rules.control import controller, estimates
from game.core.rules.votes import (
    chair_of,
    forecast,
    pass_probability,
    poisson_binomial,
    resolve,
    tally,
)
from game.core.state import Motion

AGRI_UP = Motion("policy", "bukharin", {"axis": "agriculture", "step": 1})


def brute_force(ps: list[float], chair: int | None) -> float:
    """Sum the probability of every one of the 2^n ballots that passes."""
    n = len(ps)
    total = 0.0
    for outcome in itertools.product((False, True), repeat=n):
        prob = 1.0
        for p, yes in zip(ps, outcome):
            prob *= p if yes else 1.0 - p
        yes = sum(outcome)
        no = n - yes
        if yes > no or (yes == no and chair is not None and outcome[chair]):
            total += prob
    return total


# ---- pass_probability ---------------------------------------------------------------------------


def _cases():
    gen = np.random.default_rng(12345)
    cases = []
    for n in range(1, 9):
        for draw in range(3):
            ps = [float(x) for x in gen.random(n)]
            for chair in [None, *range(n)]:
                cases.append(pytest.param(ps, chair, id=f"n{n}-d{draw}-chair{chair}"))
    return cases


@pytest.mark.parametrize(("ps", "chair"), _cases())
def test_pass_probability_matches_brute_force(ps, chair):
    assert pass_probability(ps, chair) == pytest.approx(brute_force(ps, chair), abs=1e-12)


def test_pass_probability_with_certain_voters_matches_brute_force():
    gen = np.random.default_rng(99)
    for n in range(1, 9):
        for _ in range(10):
            ps = [float(x) for x in gen.choice([0.0, 1.0, 0.5, 0.25, 0.9], size=n)]
            for chair in [None, *range(n)]:
                assert pass_probability(ps, chair) == pytest.approx(brute_force(ps, chair), abs=1e-12), (ps, chair)


@pytest.mark.parametrize(
    ("ps", "chair", "expected"),
    [
        ([1.0, 1.0, 0.0, 0.0], 0, 1.0),  # a 2-2 tie and the chair voted yes
        ([1.0, 1.0, 0.0, 0.0], 2, 0.0),  # a 2-2 tie and the chair voted no
        ([1.0, 1.0, 0.0, 0.0], None, 0.0),  # no chair: a tie fails
        ([1.0, 0.0], 0, 1.0),
        ([1.0, 0.0], 1, 0.0),
        ([1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0], 0, 0.0),  # 3-4: odd, the chair does not matter
        ([1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0], 6, 1.0),  # 4-3
        ([0.0] * 7, None, 0.0),
        ([1.0] * 8, 3, 1.0),
        ([1.0], None, 1.0),
        ([0.0], 0, 0.0),
        ([0.5], None, 0.5),
        ([0.5, 0.5], 0, 0.5),  # passes iff the chair says yes
        ([0.5, 0.5], None, 0.25),  # passes iff both say yes
        ([], None, 0.0),
    ],
)
def test_pass_probability_edge_cases(ps, chair, expected):
    assert pass_probability(ps, chair) == pytest.approx(expected, abs=1e-12)


# ---- poisson_binomial -----------------------------------------------------------------------------


def test_poisson_binomial_sums_to_one_and_is_exact():
    gen = np.random.default_rng(5)
    for n in range(0, 10):
        ps = [float(x) for x in gen.random(n)]
        dist = poisson_binomial(ps)
        assert len(dist) == n + 1
        assert float(dist.sum()) == pytest.approx(1.0, abs=1e-12)
        assert (dist >= 0).all()
        assert float(np.dot(np.arange(n + 1), dist)) == pytest.approx(sum(ps), abs=1e-12)  # the mean
    assert poisson_binomial([0.5, 0.5]).tolist() == [0.25, 0.5, 0.25]
    assert poisson_binomial([1.0, 0.0, 1.0]).tolist() == [0.0, 0.0, 1.0, 0.0]


# ---- tally ------------------------------------------------------------------------------------------


def test_tally_majorities_and_ties():
    assert tally([("a", True), ("b", True), ("c", False)], "c") == (True, 2, 1)
    assert tally([("a", False), ("b", False), ("c", True)], "c") == (False, 1, 2)
    tie = [("a", True), ("b", False), ("c", True), ("d", False)]
    assert tally(tie, "a") == (True, 2, 2)
    assert tally(tie, "b") == (False, 2, 2)
    assert tally(tie, None) == (False, 2, 2)
    assert tally(tie, "nobody") == (False, 2, 2)
    assert tally([], None) == (False, 0, 0)


# ---- forecast on the opening Politburo --------------------------------------------------------------


def test_chair_is_the_sovnarkom_chair_when_he_sits(rs, state):
    seated = list(state.seats["politburo"])
    assert state.offices["sovnarkom_chair"] == "rykov"
    assert chair_of(rs, state, seated) == "rykov"
    assert chair_of(rs, state, [m for m in seated if m != "rykov"]) == seated[0]
    assert chair_of(rs, state, []) is None


def test_forecast_on_a_new_game(rs, state):
    fc = forecast(rs, state, AGRI_UP)
    assert [v.character for v in fc.members] == state.seats["politburo"]
    assert len(fc.members) == 7
    for v in fc.members:
        assert 0.0 <= v.p_yes <= 1.0
        assert v.reasons, f"{v.character} has no reasons"
        assert all(isinstance(k, str) and k for k, _ in v.reasons)
        assert v.boss == controller(rs, state, v.character)
        assert v.whip in ("for", "against", "free", None)
    assert fc.chair == "rykov"
    ps = [v.p_yes for v in fc.members]
    assert fc.p_pass == round(pass_probability(ps, state.seats["politburo"].index("rykov")), 6)
    assert 0.0 <= fc.p_pass <= 1.0
    # Bukharin proposed it: his own men are whipped yes, so each is more likely yes than not.
    for v in fc.members:
        if v.boss == "bukharin":
            assert v.p_yes > 0.5
    assert fc.worth_lobbying == ()  # nobody in the opening Politburo is independent


def _make_independent(rs, state, character: str, level: int = 40) -> None:
    c = rs.ci[character]
    state.loyalty_public[c, :] = level
    state.loyalty_secret[c, :] = 0
    assert controller(rs, state, character) is None


def _independent_member(rs, state) -> str:
    """An independent Politburo member: one already there, or rykov made one."""
    for m in state.seats["politburo"]:
        if controller(rs, state, m) is None:
            return m
    _make_independent(rs, state, "rykov")
    return "rykov"


def test_an_independent_member_gets_the_four_reasons(rs, state):
    member = _independent_member(rs, state)
    fc = forecast(rs, state, AGRI_UP)
    vote = next(v for v in fc.members if v.character == member)
    assert vote.boss is None and vote.whip is None
    assert [k for k, _ in vote.reasons] == ["ideology", "lobbying", "bandwagon", "fear"]
    assert member in fc.worth_lobbying


@pytest.mark.parametrize("other", ["bukharin", "zinoviev_kamenev", "stalin", "left_sr"])
def test_forecast_is_blind_to_another_factions_secret_on_a_member(rs, state, other):
    viewer = "trotsky"
    member = _independent_member(rs, state)
    base = forecast(rs, state, AGRI_UP, viewer)

    rival = state.clone()
    rival.loyalty_secret[rs.ci[member], rs.fi[other]] = 30  # 70 in all: the rival truly controls him
    assert controller(rs, rival, member) == other
    assert forecast(rs, rival, AGRI_UP, viewer) == base

    own = state.clone()
    own.loyalty_secret[rs.ci[member], rs.fi[viewer]] = 30  # now the viewer controls him, and knows it
    mine = forecast(rs, own, AGRI_UP, viewer)
    assert mine != base
    vote = next(v for v in mine.members if v.character == member)
    assert vote.boss == viewer
    assert next(v for v in base.members if v.character == member).boss is None


def test_forecast_by_the_truth_does_see_the_rivals_secret(rs, state):
    member = _independent_member(rs, state)
    base = forecast(rs, state, AGRI_UP, None)
    rival = state.clone()
    rival.loyalty_secret[rs.ci[member], rs.fi["zinoviev_kamenev"]] = 30
    truth = forecast(rs, rival, AGRI_UP, None)
    assert next(v for v in truth.members if v.character == member).boss == "zinoviev_kamenev"
    assert truth != base


def test_forecast_is_blind_to_another_factions_secret_on_the_police_chief(rs, state):
    viewer = "trotsky"
    member = _independent_member(rs, state)
    police = state.offices[rs.rules["police_office"]]
    assert police == "dzerzhinsky" and controller(rs, state, police) is None
    assert float(state.indicators[rs.ii["repression"]]) > 0
    base = forecast(rs, state, AGRI_UP, viewer)

    rival = state.clone()
    rival.loyalty_secret[rs.ci[police], rs.fi["zinoviev_kamenev"]] = 100
    assert controller(rs, rival, police) == "zinoviev_kamenev"
    assert estimates(rs, rival, viewer) == estimates(rs, state, viewer)  # the viewer cannot know
    after = forecast(rs, rival, AGRI_UP, viewer)
    fear_before = dict(next(v for v in base.members if v.character == member).reasons)["fear"]
    fear_after = dict(next(v for v in after.members if v.character == member).reasons)["fear"]
    assert fear_after == fear_before  # regression: the fear term once read the true police master (0.0 -> 0.3)
    assert after == base


def test_forecast_is_blind_to_rivals_secret_strength(rs, state):
    viewer = "bukharin"
    state.indicators[rs.ii["repression"]] = 0.0  # no fear term: isolate the strengths path
    for m in ("rykov", "tomsky"):
        _make_independent(rs, state, m)
    motion = Motion("policy", "zinoviev_kamenev", {"axis": "agriculture", "step": 1})
    base = forecast(rs, state, motion, viewer)

    rival = state.clone()
    for c in ("rykov", "tomsky", "dzerzhinsky", "kalinin"):
        rival.loyalty_secret[rs.ci[c], rs.fi["trotsky"]] = 60
    assert estimates(rs, rival, viewer) == estimates(rs, state, viewer)  # the viewer cannot know
    after = forecast(rs, rival, motion, viewer)
    stalin_before = next(v for v in base.members if v.character == "stalin").p_yes
    stalin_after = next(v for v in after.members if v.character == "stalin").p_yes
    assert stalin_after == stalin_before  # regression: strengths once came from the truth (0.28 -> 0.97)
    assert after == base


# ---- resolve ----------------------------------------------------------------------------------------


def test_resolve_is_deterministic_for_the_same_rng(rs, state):
    _make_independent(rs, state, "rykov")
    _make_independent(rs, state, "tomsky")
    twin = state.clone()
    rng_before = state.rng.state
    a = resolve(rs, state, AGRI_UP)
    b = resolve(rs, twin, AGRI_UP)
    assert a.ballots == b.ballots
    assert (a.passed, a.yes, a.no) == (b.passed, b.yes, b.no)
    assert state.rng.state == twin.rng.state != rng_before
    # Each ballot is one draw of the game's generator against that member's chance, in seat order.
    dice = Rng(rng_before)
    expected = [(v.character, dice.random() < v.p_yes) for v in a.forecast.members]
    assert list(a.ballots) == expected
    assert dice.state == state.rng.state
    assert (a.passed, a.yes, a.no) == tally(expected, a.forecast.chair)
    assert a.yes + a.no == 7


def test_resolve_differs_with_other_dice(rs, state):
    _make_independent(rs, state, "rykov")
    _make_independent(rs, state, "tomsky")
    outcomes = set()
    for k in range(40):
        s = state.clone()
        s.rng.state = 1000 + k
        outcomes.add(resolve(rs, s, AGRI_UP).ballots)
    assert len(outcomes) > 1
