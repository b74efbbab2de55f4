"""Seat arithmetic (game/core/rules/apportion.py) and congresses (game/core/rules/congress.py)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from game.core.rules import congress as C
from game.core.rules.apportion import dhondt, largest_remainder

# ---- largest remainder ----------------------------------------------------------------------------


def test_largest_remainder_always_sums_to_the_total_and_stays_proportional():
    gen = np.random.default_rng(31)
    for _ in range(300):
        k = int(gen.integers(1, 9))
        total = int(gen.integers(0, 800))
        weights = {f"k{i}": float(w) for i, w in enumerate(gen.random(k) * 100)}
        out = largest_remainder(total, weights)
        assert list(out) == list(weights)  # same keys, same order
        assert sum(out.values()) == total
        mass = sum(weights.values())
        for key, w in weights.items():
            quota = total * w / mass
            assert math.floor(quota) <= out[key] <= math.floor(quota) + 1, (total, weights, out)


@pytest.mark.parametrize(
    ("total", "weights", "expected"),
    [
        (10, {"a": 1, "b": 1, "c": 3}, {"a": 2, "b": 2, "c": 6}),  # exact quotas
        (10, {"a": 50, "b": 30, "c": 20}, {"a": 5, "b": 3, "c": 2}),
        # quotas 4.7 / 3.3 / 2.0: the one seat left goes to the largest remainder
        (10, {"a": 47, "b": 33, "c": 20}, {"a": 5, "b": 3, "c": 2}),
        # quotas 2.333 each: the one seat left over goes to the first key
        (7, {"a": 1, "b": 1, "c": 1}, {"a": 3, "b": 2, "c": 2}),
        (7, {"c": 1, "b": 1, "a": 1}, {"c": 3, "b": 2, "a": 2}),
        # quotas 1.6 each: two left over, to the first two keys
        (8, {"a": 1, "b": 1, "c": 1, "d": 1, "e": 1}, {"a": 2, "b": 2, "c": 2, "d": 1, "e": 1}),
        (1, {"x": 1, "y": 1}, {"x": 1, "y": 0}),
        (1, {"y": 1, "x": 1}, {"y": 1, "x": 0}),
        (5, {"a": -3, "b": 1}, {"a": 0, "b": 5}),  # a negative weight counts as nothing
        (0, {"a": 1, "b": 2}, {"a": 0, "b": 0}),
        (4, {"a": 0, "b": 0}, {"a": 4, "b": 0}),  # no mass: all to the first key
        (4, {}, {}),
    ],
)
def test_largest_remainder_examples(total, weights, expected):
    assert largest_remainder(total, weights) == expected


def test_largest_remainder_is_deterministic():
    weights = {"a": 1.0, "b": 1.0, "c": 1.0, "d": 1.0}
    first = largest_remainder(6, weights)
    assert first == {"a": 2, "b": 2, "c": 1, "d": 1}
    assert all(largest_remainder(6, dict(weights)) == first for _ in range(5))


# ---- D'Hondt ----------------------------------------------------------------------------------------


def test_dhondt_classic_example():
    # Quotients: a 100, 50, 33.3, 25 · b 80, 40, 26.7, 20 · c 30, 15 · d 20.
    # The seven highest: 100a 80b 50a 40b 33.3a 30c 26.7b -> a 3, b 3, c 1, d 0.
    assert dhondt(7, {"a": 100, "b": 80, "c": 30, "d": 20}) == {"a": 3, "b": 3, "c": 1, "d": 0}


def test_dhondt_more_seats():
    # Seat 8 goes to a (25 > 20 = b's fourth and d's first).
    assert dhondt(8, {"a": 100, "b": 80, "c": 30, "d": 20}) == {"a": 4, "b": 3, "c": 1, "d": 0}


def test_dhondt_respects_capacity():
    # a is capped at 1; then b 80, b 40, c 30, b 26.7, b 20 (tie with d, earlier key), d 20.
    out = dhondt(7, {"a": 100, "b": 80, "c": 30, "d": 20}, {"a": 1, "b": 10, "c": 10, "d": 10})
    assert out == {"a": 1, "b": 4, "c": 1, "d": 1}
    # Keys missing from the capacity table get nothing; seats run out with the room.
    out = dhondt(7, {"a": 100, "b": 80, "c": 30}, {"a": 2, "c": 1})
    assert out == {"a": 2, "b": 0, "c": 1}
    gen = np.random.default_rng(3)
    for _ in range(100):
        weights = {f"k{i}": float(w) + 0.01 for i, w in enumerate(gen.random(5) * 50)}
        cap = {k: int(c) for k, c in zip(weights, gen.integers(0, 4, size=5))}
        seats = int(gen.integers(0, 15))
        out = dhondt(seats, weights, cap)
        assert all(out[k] <= cap[k] for k in weights)
        assert sum(out.values()) == min(seats, sum(cap.values()))


def test_dhondt_ties_go_to_the_earlier_key():
    assert dhondt(1, {"a": 10, "b": 10}) == {"a": 1, "b": 0}
    assert dhondt(1, {"b": 10, "a": 10}) == {"b": 1, "a": 0}
    assert dhondt(0, {"a": 10}) == {"a": 0}


# ---- delegations ---------------------------------------------------------------------------------------


def test_region_delegations_sum_to_the_congress(rs, state):
    assert rs.rules["congress_delegates"] == 750
    delegations = C.region_delegations(rs, state)
    assert list(delegations) == list(rs.regions)
    assert sum(sum(d.values()) for d in delegations.values()) == 750
    # Each region sends its largest-remainder share of the membership.
    per_region = largest_remainder(750, {r: float(d.membership) for r, d in rs.regions.items()})
    for region, blocs in delegations.items():
        assert sum(blocs.values()) == per_region[region]
        assert all(n >= 0 for n in blocs.values())
    assert sum(C.hall(rs, state).values()) == 750


def test_full_grip_hands_each_delegation_to_the_secretarys_faction(rs, state):
    state.grip = 100
    delegations = C.region_delegations(rs, state)
    party = set(C.party_factions(rs, state))
    placed = [r for r, sec in state.secretaries.items() if sec in party]
    assert len(placed) >= 5
    for region in placed:
        sec = state.secretaries[region]
        blocs = delegations[region]
        assert blocs[sec] == sum(blocs.values()) > 0
        assert all(n == 0 for k, n in blocs.items() if k != sec)
    # Regions without a party secretary follow their rank and file.
    for region, sec in state.secretaries.items():
        if sec is None:
            assert delegations[region]["uncommitted"] > 0


def test_zero_grip_follows_sentiment(rs, state):
    state.grip = 0
    delegations = C.region_delegations(rs, state)
    for region, blocs in delegations.items():
        weights = {k: float(v) for k, v in state.sentiment[region].items()}
        assert blocs == largest_remainder(sum(blocs.values()), weights)


def test_a_non_party_secretary_commits_nobody(rs, state):
    state.grip = 100
    state.secretaries["ukraine"] = "left_sr"
    blocs = C.region_delegations(rs, state)["ukraine"]
    assert blocs.get("left_sr", 0) == 0
    assert blocs["uncommitted"] > 0


def test_an_expelled_faction_loses_its_delegations(rs, state):
    state.grip = 100
    state.factions["zinoviev_kamenev"].rung = 3  # expelled from the party
    delegations = C.region_delegations(rs, state)
    assert "zinoviev_kamenev" not in C.party_factions(rs, state)
    for blocs in delegations.values():
        assert blocs.get("zinoviev_kamenev", 0) == 0
    assert sum(sum(d.values()) for d in delegations.values()) == 750


# ---- committees -----------------------------------------------------------------------------------------


def test_elect_committee_keeps_the_seat_count_and_gives_the_winners_bonus(rs):
    assert rs.bodies["central_committee"].seats == 53
    bonus = rs.rules["winner_bonus"]
    assert round(53 * bonus) == 3
    # 50 seats split 30 / 20, then the winner takes the 3 off the top.
    assert C.elect_committee(rs, "central_committee", {"stalin": 600.0, "bukharin": 400.0}, bonus) == {
        "stalin": 33,
        "bukharin": 20,
    }
    without = C.elect_committee(rs, "central_committee", {"stalin": 600.0, "bukharin": 400.0}, 0.0)
    assert without == {"stalin": 32, "bukharin": 21}


def test_elect_committee_random_slates(rs):
    gen = np.random.default_rng(17)
    bonus = rs.rules["winner_bonus"]
    keys = ["bukharin", "trotsky", "zinoviev_kamenev", "stalin", C.INDEPENDENT]
    for _ in range(100):
        slates = {k: float(w) for k, w in zip(keys, gen.integers(0, 300, size=len(keys)))}
        if not any(slates.values()):
            continue
        cc = C.elect_committee(rs, "central_committee", slates, bonus)
        assert sum(cc.values()) == 53
        assert all(n > 0 for n in cc.values())
        assert all(slates[k] > 0 for k in cc)
        winner = max((k for k in slates if slates[k] > 0), key=lambda k: (slates[k], -keys.index(k)))
        live = {k: v for k, v in slates.items() if v > 0}
        extra = 3 if winner != C.INDEPENDENT else 0
        assert cc.get(winner, 0) == largest_remainder(53 - extra, live)[winner] + extra


def test_an_independent_winner_gets_no_bonus(rs):
    cc = C.elect_committee(rs, "central_committee", {C.INDEPENDENT: 600.0, "stalin": 400.0}, 0.05)
    assert cc == {C.INDEPENDENT: 32, "stalin": 21}


def test_elect_committee_with_nothing_to_elect(rs):
    assert C.elect_committee(rs, "central_committee", {"stalin": 0.0}, 0.05) == {C.INDEPENDENT: 53}
    assert C.elect_committee(rs, "control_commission", {}, 0.0) == {C.INDEPENDENT: 30}


# ---- the congress -----------------------------------------------------------------------------------------


def test_run_congress_keeps_the_central_committee_at_53(rs, state):
    result = C.run_congress(rs, state)
    assert sum(result.cc.values()) == 53
    assert state.blocs["central_committee"] == result.cc
    assert sum(state.blocs["control_commission"].values()) == 30
    assert sum(state.blocs["congress_of_soviets"].values()) == rs.bodies["congress_of_soviets"].seats
    assert sum(result.delegates.values()) == 750
    assert result.majority == "stalin"
    assert result.failed_co_reports == ()
    assert result.report_votes == {"stalin": 750}


def test_a_co_report_under_a_quarter_fails_raises_heat_and_halves_the_slate(rs, state):
    for shares in state.sentiment.values():
        shares["trotsky"] = 5  # tiny sentiment
    state.factions["trotsky"].co_report = True
    heat_before = state.factions["trotsky"].heat
    control = state.clone()
    control.factions["trotsky"].co_report = False

    delegates = C.hall(rs, state)
    share = delegates["trotsky"] / 750
    assert 0 < share < rs.rules["co_report_floor"]
    slates = {f: float(n) for f, n in delegates.items() if f != C.UNCOMMITTED}
    slates["trotsky"] *= rs.rules["co_report_slate_penalty"]
    slates[C.INDEPENDENT] = float(delegates[C.UNCOMMITTED])
    majority = max(slates.values()) * 2 > sum(delegates.values())  # only a majority of the hall takes the bonus
    expected_cc = C.elect_committee(rs, "central_committee", slates, rs.rules["winner_bonus"] if majority else 0.0)

    result = C.run_congress(rs, state)
    plain = C.run_congress(rs, control)

    assert result.failed_co_reports == ("trotsky",)
    assert result.report_votes["trotsky"] == delegates["trotsky"]
    assert state.factions["trotsky"].heat == min(100, heat_before + rs.rules["co_report_heat"]) == heat_before + 15
    assert control.factions["trotsky"].heat == heat_before
    assert result.cc == expected_cc
    assert sum(result.cc.values()) == 53
    assert result.cc.get("trotsky", 0) < plain.cc.get("trotsky", 0)  # the halved slate shows
    assert state.factions["trotsky"].co_report is False  # spent
    assert any(e[1] == "congress.co_report_failed" and e[2]["faction"] == "trotsky" for e in state.log)


def test_only_a_majority_of_the_hall_takes_the_winners_bonus(rs, state):
    """The largest bloc takes the winner's bonus only if it holds more than half the hall: a
    plurality is elected in proportion, like everyone else."""
    bonus = rs.rules["winner_bonus"]
    assert round(53 * bonus) > 0
    for grip, majority in ((40, False), (45, True)):  # in the second the apparatus holds every secretary
        congress_state = state.clone()
        congress_state.grip = grip
        for shares in congress_state.sentiment.values():
            shares[C.UNCOMMITTED] = 0  # a hall of blocs only: the apparatus's is the largest
        if majority:
            congress_state.secretaries = {region: "stalin" for region in congress_state.secretaries}
        hall = C.hall(rs, congress_state)
        assert (max(n for k, n in hall.items() if k != C.UNCOMMITTED) * 2 > 750) is majority
        slates = {k: float(n) for k, n in hall.items() if k != C.UNCOMMITTED}
        slates[C.INDEPENDENT] = float(hall[C.UNCOMMITTED])
        with_bonus = C.elect_committee(rs, "central_committee", slates, bonus)
        without = C.elect_committee(rs, "central_committee", slates, 0.0)
        assert with_bonus != without
        assert C.run_congress(rs, congress_state).cc == (with_bonus if majority else without)


def test_a_co_report_over_a_quarter_holds(rs, state):
    for shares in state.sentiment.values():
        shares["trotsky"] = 100
    state.factions["trotsky"].co_report = True
    heat, prestige = state.factions["trotsky"].heat, state.factions["trotsky"].prestige
    result = C.run_congress(rs, state)
    assert result.report_votes["trotsky"] / 750 >= 0.25
    assert result.failed_co_reports == ()
    assert state.factions["trotsky"].heat == heat
    assert state.factions["trotsky"].prestige == min(20, prestige + 2)


def test_dhondt_counts_seats_already_held():
    # b already holds 2 seats, so the next seat goes to a (100/1 > 80/3).
    assert dhondt(1, {"a": 100, "b": 80}, held={"b": 2}) == {"a": 1, "b": 0}
    assert dhondt(3, {"a": 100, "b": 80}, held={"a": 3}) == {"a": 0, "b": 3}  # 80/1, 80/2, 80/3 beat 100/4
