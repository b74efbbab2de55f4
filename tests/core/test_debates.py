"""The seed debates as play (issue 15, deliverable 3): a compromise figure, padded plan figures,
outcomes abroad, scissors that move with policy, and the social axis's moods."""

from __future__ import annotations

from game.core import engine
from game.core.actions import Propose
from game.core.rules import abroad, compromise, country, plan
from game.core.rules.motions import carry_out
from game.core.state import Motion
from game.core.view import player_view


def value(rs, state, indicator: str) -> float:
    return float(state.indicators[rs.ii[indicator]])


def run(rs, state, turns: int, **policies: str):
    for axis, position in policies.items():
        state.policies[axis] = rs.axes[axis].index(position)
    for _ in range(turns):
        country.step(rs, state)
        state.turn += 1
    return state


# ---- Krupskaya as a compromise figure ---------------------------------------------------------


def test_a_compromise_motion_is_legal_for_krupskaya_only(rs, intrigue_state):
    actor = intrigue_state.order[intrigue_state.acting]
    assert engine.check(rs, intrigue_state, Propose(actor, "compromise", "krupskaya")) is None
    refused = engine.check(rs, intrigue_state, Propose(actor, "compromise", "trotsky"))
    assert refused is not None and refused.key == "compromise.not_a_figure"


def test_named_she_frees_debate_loosens_the_grip_and_costs_her_sponsor(rs, state):
    carry_out(rs, state, Motion("compromise", "zinoviev_kamenev", {"figure": "krupskaya"}))
    assert compromise.current(state) == ("krupskaya", "zinoviev_kamenev")
    state.grip, state.factions["trotsky"].heat = 30, 20
    influence = state.factions["zinoviev_kamenev"].influence
    democracy = value(rs, state, "party_democracy")
    compromise.turn_passes(rs, state)
    assert state.grip == 30 - rs.rules["compromise"]["grip_check"]
    assert state.factions["trotsky"].heat == 20 - rs.rules["compromise"]["heat_relief"]
    assert state.factions["zinoviev_kamenev"].influence == influence - rs.rules["compromise"]["upkeep"]
    assert value(rs, state, "party_democracy") > democracy


def test_she_retreats_when_her_sponsor_is_censured_and_is_not_named_again(rs, state):
    carry_out(rs, state, Motion("compromise", "zinoviev_kamenev", {"figure": "krupskaya"}))
    prestige, grip = state.factions["zinoviev_kamenev"].prestige, state.grip
    state.factions["zinoviev_kamenev"].rung = 1
    compromise.turn_passes(rs, state)
    assert compromise.current(state) is None and compromise.RETREATED in state.flags
    assert state.factions["zinoviev_kamenev"].prestige == prestige - rs.rules["compromise"]["retreat_prestige"]
    assert state.grip == grip + rs.rules["compromise"]["retreat_grip"]
    assert compromise.eligible(rs, state, "krupskaya") == "retreated"


def test_the_apparatus_whips_against_her_and_the_weaker_factions_for(rs, state):
    from game.core.rules.stance import stance
    from game.core.rules.strength import strengths

    motion = Motion("compromise", "zinoviev_kamenev", {"figure": "krupskaya"})
    weights = strengths(rs, state)
    strongest = max(weights, key=weights.get)
    assert not stance(rs, state, "stalin", motion)
    weaker = [f for f in ("bukharin", "trotsky") if f != strongest]
    assert weaker
    assert all(stance(rs, state, f, motion) for f in weaker)


# ---- the plan's figures -----------------------------------------------------------------------


def test_padded_figures_run_above_real_output_and_honest_ones_do_not(rs, state):
    padded = run(rs, state.clone(), 6, industry="forced", statistics="figures_on_demand")
    sober = run(rs, state.clone(), 6, industry="forced", statistics="honest_figures")
    assert value(rs, padded, "reported_output") > 1.2 * value(rs, padded, "industrial_output")
    assert value(rs, sober, "reported_output") == value(rs, sober, "industrial_output")
    assert value(rs, padded, "industrial_output") < value(rs, sober, "industrial_output")  # the planners misallocate
    widest = run(rs, state.clone(), 30, industry="forced", statistics="figures_on_demand")
    assert plan.gap(rs, widest) <= rs.rules["country"]["plan_figures"]["most"] + 1e-3


def test_a_wide_gap_is_found_out_at_a_cost_in_legitimacy(rs, state):
    found = 0
    for seed in range(8):
        s = state.clone()
        s.rng.state = seed
        run(rs, s, 10, industry="forced", statistics="figures_on_demand")
        found += plan.FOUND_FLAG in s.flags
    assert found >= 4


def test_only_factions_with_someone_at_the_books_see_the_real_output(rs, state):
    state.offices["gosplan_chair"] = "bukharin"  # a leader, held by his own faction
    state.indicators[rs.ii["reported_output"]] = value(rs, state, "industrial_output") * 1.5
    for faction in rs.faction_ids:
        view = player_view(rs, state, faction)
        seen = value(rs, view, "industrial_output")
        if plan.knows_real_figures(rs, state, faction):
            assert seen == value(rs, state, "industrial_output")
        else:
            assert seen == value(rs, state, "reported_output")
    assert plan.knows_real_figures(rs, state, "bukharin")
    assert not plan.knows_real_figures(rs, state, "trotsky")


# ---- the scissors and the social axis ---------------------------------------------------------


def test_the_scissors_stay_open_without_a_price_policy_and_close_with_one(rs, state):
    kept = run(rs, state.clone(), 6, industry="forced", procurement="emergency_measures")
    closed = run(rs, state.clone(), 6, industry="gradual", procurement="market_prices")
    assert value(rs, kept, "price_scissors") > 120 > 110 > value(rs, closed, "price_scissors")


def test_the_social_codes_move_the_workers_and_peasants_moods(rs, state):
    progressive = run(rs, state.clone(), 4, social="progressive_codes")
    conservative = run(rs, state.clone(), 4, social="conservative_turn")
    assert value(rs, progressive, "worker_mood") > value(rs, conservative, "worker_mood")
    assert value(rs, progressive, "peasant_mood") < value(rs, conservative, "peasant_mood")


# ---- outcomes abroad --------------------------------------------------------------------------


def test_a_juncture_is_rolled_on_its_date_and_recorded(rs, state):
    state.turn = 2 * (1932 - 1924) + 1  # 1932-autumn: Germany
    abroad.junctures(rs, state)
    won, lost = "abroad_germany_1933_won" in state.flags, "abroad_germany_1933_lost" in state.flags
    assert won != lost
    assert value(rs, state, "comintern_record") == (1.0 if won else -1.0)


def test_the_line_sets_the_odds_abroad_and_a_win_lowers_the_worlds_tension(rs, state):
    wins = {}
    for line in ("collective_security", "world_revolution"):
        wins[line] = 0
        for seed in range(40):
            s = state.clone()
            s.rng.state = seed
            s.turn = 2 * (1932 - 1924) + 1
            s.policies["foreign"] = rs.axes["foreign"].index(line)
            abroad.junctures(rs, s)
            wins[line] += "abroad_germany_1933_won" in s.flags
    assert wins["collective_security"] > wins["world_revolution"]
    s = state.clone()
    s.turn = 2 * (1933 - 1924)
    before = country.exogenous_tension(rs, s)
    s.flags["abroad_germany_1933_won"] = s.turn
    assert country.exogenous_tension(rs, s) < before


# ---- Lenin lives --------------------------------------------------------------------------------


def test_lenin_lives_only_in_his_scenario_and_dies_later_there(rs):
    from game.core.rules.health import death_chance

    assert engine.new_game(rs, "succession", 1).status[rs.ci["lenin"]] == "dead"
    state = engine.new_game(rs, "lenin_lives", 1)
    assert state.status[rs.ci["lenin"]] == "free" and "lenin" in state.seats["politburo"]
    early = death_chance(rs, state, "lenin")
    assert early < 0.1  # his historical death (January 1924) is moved to the scenario's death_dates
    state.turn = rs.scenarios["lenin_lives"].death_dates["lenin"] - 2 * 1924
    assert death_chance(rs, state, "lenin") > early + 0.2


def test_lenin_presses_his_letter_instead_of_the_testament_being_read(rs):
    from tests.helpers import settle_chronicle

    fired = settle_chronicle(rs, engine.new_game(rs, "lenin_lives", 1)).fired
    assert "lenin_demands_a_new_secretary" in fired and "lenins_testament" not in fired
    assert "lenins_testament" in settle_chronicle(rs, engine.new_game(rs, "succession", 1)).fired


def test_the_country_screen_shows_the_board_and_the_uninformed_the_reported_figure(rs, state):
    state.indicators[rs.ii["reported_output"]] = value(rs, state, "industrial_output") + 30
    state.offices["gosplan_chair"] = "bukharin"
    real = value(rs, state, "industrial_output")
    for viewer, expected in ((None, real + 30), ("trotsky", real + 30), ("bukharin", real)):
        values, history, masked = plan.seen_figures(rs, state, viewer)
        assert float(values[rs.ii["industrial_output"]]) == expected
        assert masked == (viewer != "bukharin")
    assert value(rs, state, "industrial_output") == real  # the truth itself is untouched


def test_a_win_under_an_activist_line_brings_a_red_scare_and_under_collective_security_less(rs, state):
    backlash = {}
    for line in ("world_revolution", "collective_security"):
        for seed in range(200):
            s = state.clone()
            s.rng.state = seed
            s.turn = 2 * (1927 - 1924)  # 1927-spring: China
            s.policies["foreign"] = rs.axes["foreign"].index(line)
            s.fading = []
            abroad.junctures(rs, s)
            if "abroad_china_1927_won" in s.flags:
                backlash[line] = sum(
                    amount * turns for ind, amount, turns in s.fading if ind == "international_tension"
                )
                break
    assert backlash["world_revolution"] > backlash["collective_security"] > 0


def test_she_retreats_when_one_faction_dominates(rs, state):
    carry_out(rs, state, Motion("compromise", "zinoviev_kamenev", {"figure": "krupskaya"}))
    stalin = rs.fi["stalin"]
    for member in state.seats["politburo"]:  # the apparatus takes every Politburo member
        state.loyalty_public[rs.ci[member], stalin] = 100
    compromise.turn_passes(rs, state)
    assert compromise.current(state) is None and compromise.RETREATED in state.flags
