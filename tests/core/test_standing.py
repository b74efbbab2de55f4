"""The standing track: sole power's four conditions per faction, the turns held, the running score."""

from __future__ import annotations

from game.core.rules.scoring import sole_power_holder
from game.core.rules.standing import CONDITIONS, standing
from game.core.view import player_view


def test_a_faction_meeting_all_four_is_the_sole_power_holder(rs, state):
    table = standing(rs, state)
    holder = sole_power_holder(rs, state)
    for f, row in table.items():
        assert set(row["conditions"]) == set(CONDITIONS)
        assert (row["met"] == 4) == (f == holder)
        assert row["needed"] == rs.rules["sole_power_turns"]
        assert set(row["score"]) == {"power", "program", "survival", "human_cost", "total"}


def test_the_general_secretary_counts_for_his_faction(rs, state):
    table = standing(rs, state)
    holders = [f for f, row in table.items() if row["conditions"]["general_secretary"]]
    assert holders == ["stalin"]  # Stalin is General Secretary in January 1924
    state.offices["general_secretary"] = None
    assert not any(row["conditions"]["general_secretary"] for row in standing(rs, state).values())


def test_a_view_shows_only_what_its_faction_can_know(rs, state):
    # A rival's secret hold on the police chief is invisible in another faction's view.
    chief = state.offices[rs.rules["police_office"]]
    c = rs.ci[chief]
    state.loyalty_public[c, :] = 0
    state.loyalty_secret[c, rs.fi["trotsky"]] = 100
    truth = standing(rs, state)
    seen = standing(rs, player_view(rs, state, "bukharin"))
    assert truth["trotsky"]["conditions"]["police"]
    assert not seen["trotsky"]["conditions"]["police"]


def test_a_faction_holding_all_four_is_counted_with_its_streak(rs, state):
    from game.core.rules.control import controllers

    me = "stalin"
    state.seats["politburo"] = ["stalin", "molotov", "kaganovich", "kalinin", "trotsky"]  # four of seven seats his
    for m in {"molotov", "kaganovich", "kalinin", state.offices[rs.rules["police_office"]]}:
        state.loyalty_public[rs.ci[m], :] = 0
        state.loyalty_public[rs.ci[m], rs.fi[me]] = 100
    state.blocs["central_committee"] = {me: 40, "bukharin": 10}
    state.streak[me] = 3
    owners = dict(zip(rs.character_ids, controllers(rs, state)))
    assert [owners[m] for m in state.seats["politburo"]].count(me) == 4
    row = standing(rs, state)[me]
    assert row["met"] == 4 and all(row["conditions"].values())
    assert row["held"] == 3 and sole_power_holder(rs, state) == me
