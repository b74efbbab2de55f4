"""Winning (game/core/rules/scoring.py): sole power, program and the final scores."""

from __future__ import annotations

import pytest

from game.core.rules.control import controller
from game.core.rules.scoring import check_sole_power, final_scores, program_now, sole_power_holder

STALIN_POLITBURO = ["stalin", "molotov", "kaganovich", "voroshilov", "trotsky", "zinoviev", "bukharin"]


def rig_for_stalin(rs, state):
    """Stalin's men: General Secretary, OGPU chair, 4 of 7 in the Politburo, 27 of 53 in the CC."""
    state.offices["general_secretary"] = "stalin"
    state.offices[rs.rules["police_office"]] = "yagoda"
    state.seats["politburo"] = list(STALIN_POLITBURO)
    state.blocs["central_committee"] = {"stalin": 27, "bukharin": 10, "trotsky": 8, "independent": 8}
    assert controller(rs, state, "yagoda") == "stalin"
    return state


def test_nobody_holds_sole_power_at_the_start(rs, state):
    assert sole_power_holder(rs, state) is None


def test_a_rigged_state_gives_stalin_sole_power(rs, state):
    rig_for_stalin(rs, state)
    assert sole_power_holder(rs, state) == "stalin"


def test_sole_power_goes_to_whoever_controls_all_four(rs, state):
    state.offices["general_secretary"] = "bukharin"
    state.offices["ogpu_chair"] = "rykov"
    state.seats["politburo"] = ["bukharin", "rykov", "tomsky", "uglanov", "stalin", "trotsky", "zinoviev"]
    state.blocs["central_committee"] = {"bukharin": 30, "stalin": 23}
    assert sole_power_holder(rs, state) == "bukharin"


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda rs, s: s.offices.__setitem__("general_secretary", "rykov"), "general secretary not his"),
        (lambda rs, s: s.offices.__setitem__("general_secretary", None), "no general secretary"),
        (lambda rs, s: s.offices.__setitem__("ogpu_chair", "dzerzhinsky"), "police chief independent"),
        (lambda rs, s: s.offices.__setitem__("ogpu_chair", None), "no police chief"),
        (lambda rs, s: s.seats["politburo"].__setitem__(3, "rykov"), "3 of 7 is no majority"),
        (
            lambda rs, s: s.blocs.__setitem__("central_committee", {"stalin": 26, "bukharin": 27}),
            "26 of 53 is no majority",
        ),
        (
            lambda rs, s: s.blocs.__setitem__("central_committee", {"stalin": 26, "independent": 26}),
            "half is no majority",
        ),
    ],
)
def test_sole_power_needs_every_condition(rs, state, change, why):
    rig_for_stalin(rs, state)
    change(rs, state)
    assert sole_power_holder(rs, state) is None, why


def test_the_politburo_majority_is_counted_against_its_full_size(rs, state):
    rig_for_stalin(rs, state)
    state.seats["politburo"] = ["stalin", "molotov", "kaganovich", "voroshilov"]  # 4 of 7 seats
    assert sole_power_holder(rs, state) == "stalin"
    state.seats["politburo"] = ["stalin", "molotov", "kaganovich"]  # 3 of a 7-seat body
    assert sole_power_holder(rs, state) is None


def test_check_sole_power_needs_consecutive_turns(rs, state):
    n = rs.rules["sole_power_turns"]
    assert n == 4
    rig_for_stalin(rs, state)
    for turn in range(1, n):
        assert check_sole_power(rs, state) is None
        assert state.streak["stalin"] == turn
        assert all(state.streak[f] == 0 for f in rs.faction_ids if f != "stalin")
    assert check_sole_power(rs, state) == "stalin"
    assert state.streak["stalin"] == n


def test_a_broken_streak_starts_again(rs, state):
    rig_for_stalin(rs, state)
    assert check_sole_power(rs, state) is None
    assert check_sole_power(rs, state) is None
    assert check_sole_power(rs, state) is None
    police = state.offices["ogpu_chair"]
    state.offices["ogpu_chair"] = "dzerzhinsky"
    assert check_sole_power(rs, state) is None
    assert state.streak["stalin"] == 0
    state.offices["ogpu_chair"] = police
    for _ in range(3):
        assert check_sole_power(rs, state) is None
    assert check_sole_power(rs, state) == "stalin"


# ---- final scores ---------------------------------------------------------------------------------------


def test_final_scores_subtract_the_same_human_cost_from_everyone(rs, state):
    s = rs.rules["scoring"]
    state.indicators[rs.ii["famine_deaths"]] = 3000.0  # thousands
    state.indicators[rs.ii["repression_deaths"]] = 1000.0
    expected_cost = 4.0 * s["human_cost_per_million"]
    assert expected_cost == 8.0
    state.turn = 9
    state.factions["bukharin"].power = 3.0
    state.factions["bukharin"].program = 5.0
    scores = final_scores(rs, state, 10)  # the game's end: turns 0-9 have accrued
    assert set(scores) == set(rs.faction_ids)
    for f, row in scores.items():
        assert row["human_cost"] == expected_cost, f
        assert row["total"] == pytest.approx(row["power"] + row["program"] + row["survival"] - expected_cost, abs=2e-3)
    b = scores["bukharin"]
    scale = rs.factions["bukharin"].score_scale
    start = state.factions["bukharin"]
    kept = s["start_discount"]
    power = s["power"] * scale.get("power", 1.0) * (3.0 / 10 - kept * start.start_power)  # 10 turns played
    program = s["program"] * scale.get("program", 1.0) * (5.0 / 10 - kept * start.start_program)
    assert b["power"] == pytest.approx(power, abs=2e-3)
    assert b["program"] == pytest.approx(program, abs=2e-3)
    assert b["survival"] == s["survival"]
    assert b["total"] == pytest.approx(power + program + s["survival"] - 8.0, abs=2e-3)


def test_scores_average_over_the_turns_accrued(rs, state):
    """Mid-game (the standing table) the turns before this one have accrued; before any has, the
    present rates stand for the average: a faction scores where it stands now, less its start."""
    from game.core.rules.scoring import power_shares, program_rate

    s = rs.rules["scoring"]
    kept = s["start_discount"]
    fs = state.factions["trotsky"]
    scale = rs.factions["trotsky"].score_scale["power"]
    now = final_scores(rs, state)["trotsky"]
    share = power_shares(rs, state)["trotsky"]
    assert now["power"] == pytest.approx(s["power"] * scale * (share - kept * fs.start_power), abs=2e-3)
    rate = program_rate(rs, state, "trotsky") - kept * fs.start_program
    assert now["program"] == pytest.approx(
        s["program"] * rs.factions["trotsky"].score_scale["program"] * rate, abs=2e-3
    )
    state.turn, fs.power = 4, 2.0  # turns 0-3 accrued, a share of 0.5 on average
    assert final_scores(rs, state)["trotsky"]["power"] == pytest.approx(
        s["power"] * scale * (0.5 - kept * fs.start_power), abs=2e-3
    )
    assert final_scores(rs, state, 5)["trotsky"]["power"] < final_scores(rs, state)["trotsky"]["power"]


def test_sole_power_ends_the_game_with_the_remaining_years_counted_as_the_winners(rs, state):
    """A rival's sole power in mid-game does not leave the others holding their place until 1941:
    the scenario's remaining turns count as all the power to the winner and none to the rest."""
    s = rs.rules["scoring"]
    state.turn = 9  # the game ends in turn 9: turns 0-9 accrued, the rest of the scenario still to come
    for fs in state.factions.values():
        fs.power, fs.program = 2.0, 3.0
    left = state.last_turn - 9
    assert left > 0
    plain = final_scores(rs, state, 10)
    ended = final_scores(rs, state, 10, sole="stalin")
    scale = rs.factions["trotsky"].score_scale["power"]
    kept = s["start_discount"] * state.factions["trotsky"].start_power
    assert ended["trotsky"]["power"] == pytest.approx(s["power"] * scale * (2.0 / (10 + left) - kept), abs=2e-3)
    assert ended["trotsky"]["total"] < plain["trotsky"]["total"]
    assert ended["stalin"]["power"] > plain["stalin"]["power"]
    state.turn = state.last_turn  # ending on the last turn: nothing remains, the scores are the plain ones
    assert final_scores(rs, state, state.last_turn + 1, sole="stalin") == final_scores(rs, state, state.last_turn + 1)


def test_score_scales_from_the_faction_file_multiply_power_and_program(rs, state):
    state.turn = 9
    for f in ("bukharin", "left_sr"):
        state.factions[f].power = 2.0
        state.factions[f].program = 4.0
        state.factions[f].start_power = 0.1  # the same start for both: only the scales differ
        state.factions[f].start_program = 0.3
    scores = final_scores(rs, state, 10)
    ratio = rs.factions["left_sr"].score_scale["power"] / rs.factions["bukharin"].score_scale["power"]
    assert scores["left_sr"]["power"] == pytest.approx(scores["bukharin"]["power"] * ratio, abs=2e-3)


def test_no_deaths_no_human_cost(rs, state):
    scores = final_scores(rs, state)
    assert all(row["human_cost"] == 0.0 for row in scores.values())


def test_survival_is_zero_when_all_leaders_are_dead(rs, state):
    s = rs.rules["scoring"]
    state.status[rs.ci["trotsky"]] = "dead"
    state.status[rs.ci["zinoviev"]] = "dead"
    scores = final_scores(rs, state)
    assert scores["trotsky"]["survival"] == 0.0
    assert scores["zinoviev_kamenev"]["survival"] == s["survival"] / 2  # one of two leaders left
    state.status[rs.ci["kamenev"]] = "exiled"
    scores = final_scores(rs, state)
    assert scores["zinoviev_kamenev"]["survival"] == 0.0  # exiled is not free either
    assert scores["stalin"]["survival"] == s["survival"] > 0


# ---- program -----------------------------------------------------------------------------------------------


def _meet_agenda(rs, state, faction):
    fdef = rs.factions[faction]
    for item in fdef.agenda_policies:
        state.policies[item.axis] = item.target
    for item in fdef.agenda_indicators:
        if item.above is not None:
            value = item.above + 1
        else:
            value = item.below - 1
        state.indicators[rs.ii[item.indicator]] = value


@pytest.mark.parametrize("faction", ["bukharin", "trotsky", "zinoviev_kamenev", "left_sr", "stalin"])
def test_program_is_one_when_the_agenda_is_met(rs, state, faction):
    _meet_agenda(rs, state, faction)
    assert program_now(rs, state, faction) == pytest.approx(1.0, abs=1e-12)


def test_program_counts_policies_and_indicators_by_weight(rs, state):
    _meet_agenda(rs, state, "bukharin")
    fdef = rs.factions["bukharin"]
    pol = sum(i.weight for i in fdef.agenda_policies)
    ind = sum(i.weight for i in fdef.agenda_indicators)
    assert (pol, ind) == (11.0, 4.0)
    state.indicators[rs.ii["peasant_mood"]] = 55.0  # "above 55" is strict: now unmet (weight 2)
    assert program_now(rs, state, "bukharin") == pytest.approx(13.0 / 15.0)
    state.indicators[rs.ii["famine_deaths"]] = 100.0  # "below 100" is strict: now unmet (weight 2)
    assert program_now(rs, state, "bukharin") == pytest.approx(11.0 / 15.0)
    # agriculture (weight 3, five positions) two steps from its target: 3 * (1 - 2/4) = 1.5 lost
    state.policies["agriculture"] = 0
    assert program_now(rs, state, "bukharin") == pytest.approx(9.5 / 15.0)


def test_the_war_test_only_ends_games_that_reach_1941(rs):
    from game.session.headless import play_game

    short = play_game(rs, "scissors", 4).state
    assert short.phase == "over" and short.war_outcome is None


def test_the_score_counts_what_a_faction_added_to_where_it_started(rs, state):
    """A faction that only keeps its starting share and program scores far less than one that
    doubled them: where it started is discounted (`start_discount`), not rewarded."""
    assert 0.4 <= rs.rules["scoring"]["start_discount"] <= 1.0
    state.turn = 9
    fs = state.factions["bukharin"]
    assert fs.start_power > 0.1 and fs.start_program > 0.3  # noted when the game began
    fs.power, fs.program = fs.start_power * 10, fs.start_program * 10
    kept = final_scores(rs, state)["bukharin"]
    fs.power, fs.program = fs.start_power * 20, fs.start_program * 20
    doubled = final_scores(rs, state)["bukharin"]
    gained = kept["power"] + kept["program"]
    assert doubled["power"] + doubled["program"] > 2.5 * gained > 0


# ---- the Soviet route ------------------------------------------------------------------------------


def rig_soviets_for_the_left_srs(rs, state):
    state.blocs["congress_of_soviets"] = {"left_sr": 24, "stalin": 12, "bukharin": 4}
    for base in rs.rules["soviet_route"]["bases"]:
        state.standing[rs.bi[base], rs.fi["left_sr"]] = 90
    return state


def test_the_left_srs_take_power_through_the_soviets(rs, state):
    assert not rs.factions["left_sr"].party
    rig_soviets_for_the_left_srs(rs, state)
    assert sole_power_holder(rs, state) == "left_sr"


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda rs, s: s.blocs.__setitem__("congress_of_soviets", {"left_sr": 20, "stalin": 20}), "half the soviets"),
        (
            lambda rs, s: s.standing.__setitem__((rs.bi["peasantry"], rs.fi["bukharin"]), 95),
            "the Right leads the village",
        ),
        (
            lambda rs, s: s.standing.__setitem__((rs.bi["cooperatives"], rs.fi["left_sr"]), 40),
            "too weak in the cooperatives",
        ),
        (lambda rs, s: setattr(s.factions["left_sr"], "rung", 1), "no longer the government's partner"),
    ],
)
def test_the_soviet_route_needs_every_condition(rs, state, change, why):
    rig_soviets_for_the_left_srs(rs, state)
    change(rs, state)
    assert sole_power_holder(rs, state) is None, why


def test_a_party_faction_has_no_soviet_route(rs, state):
    state.blocs["congress_of_soviets"] = {"stalin": 30, "left_sr": 10}
    for base in rs.rules["soviet_route"]["bases"]:
        state.standing[rs.bi[base], rs.fi["stalin"]] = 100
    assert sole_power_holder(rs, state) is None


def test_a_scenario_and_its_preset_scale_the_score_on_top_of_the_faction(rs):
    from game.core.engine import new_game

    scenario = rs.scenarios["scissors"]
    preset = scenario.preset("one_lesson")
    assert scenario.score_scale["stalin"]["power"] != 1.0 and preset.score_scale["stalin"]["power"] != 1.0
    state = new_game(rs, "scissors", 1, "one_lesson")
    state.turn = 4
    for fs in state.factions.values():
        fs.power, fs.start_power = 2.5, 0.0
    scores = final_scores(rs, state, 5)
    s = rs.rules["scoring"]
    for f in ("stalin", "bukharin"):
        scale = rs.factions[f].score_scale.get("power", 1.0)
        scale *= scenario.score_scale.get(f, {}).get("power", 1.0) * preset.score_scale.get(f, {}).get("power", 1.0)
        assert scores[f]["power"] == pytest.approx(s["power"] * scale * 2.5 / 5, abs=2e-3)


def test_the_standing_track_shows_the_soviet_route_for_a_faction_outside_the_party(rs, state):
    from game.core.rules.standing import standing
    from game.core.view import player_view
    from game.views.standing import top_bar, track

    rig_soviets_for_the_left_srs(rs, state)
    state.blocs["congress_of_soviets"] = {"left_sr": 20, "stalin": 20}  # half is not a majority
    row = standing(rs, state)["left_sr"]
    assert row["soviet"] == {"soviets": False, "lead_peasantry": True, "lead_cooperatives": True, "partner": True}
    assert standing(rs, state)["stalin"]["soviet"] is None
    view = player_view(rs, state, "left_sr")
    assert top_bar(rs, view, "left_sr")[1] == "Sole power 3/4"
    tip = next(r for r in track(rs, view, "left_sr") if r.faction == "left_sr").tip
    assert "Lacks: a majority of the Congress of Soviets." in tip and any("Soviet route" in t for t in tip)


def test_the_running_score_before_the_first_turn_counts_is_where_a_faction_stands(rs):
    from game.core.engine import new_game
    from game.core.rules.scoring import final_scores

    state = new_game(rs, "succession", 1)
    scores = final_scores(rs, state)
    assert all(s["power"] > 0 and s["program"] >= 0 for s in scores.values()), scores


def test_a_program_counts_as_far_as_the_faction_kept_its_say(rs, state):
    from game.core.rules.scoring import power_shares, program_rate

    say = rs.rules["scoring"]["program_say"]
    assert say > 0
    _meet_agenda(rs, state, "bukharin")
    fs = state.factions["bukharin"]
    share = power_shares(rs, state)["bukharin"]
    fs.start_power = share  # as strong as it started: the whole program
    assert program_rate(rs, state, "bukharin") == pytest.approx(1.0)
    fs.start_power = share * 2  # half the weight it started with
    assert program_rate(rs, state, "bukharin") == pytest.approx(0.5**say)
    fs.start_power = share / 2  # stronger than at the start: still the whole program, no more
    assert program_rate(rs, state, "bukharin") == pytest.approx(1.0)
