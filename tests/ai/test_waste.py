"""The standard AI wastes nothing (issue 12): no turn ended with points and influence that could buy
something, no rival card cashed while rich, removals forecast from the plenum that decides them."""

from __future__ import annotations

import game.ai.standard as standard
from game.ai import thrift
from game.ai.bots import make_bot
from game.core import actions as A
from game.core.engine import apply_in_place, new_game
from game.core.flow import congress_due, plenum_due
from game.core.rng import Rng
from game.core.rules import motions
from game.core.state import Motion
from game.core.view import player_view
from game.session.headless import play_game
from tests.ai.waste import idle_end
from tests.helpers import end_turns_until


def _turn_of(rs, faction: str, seed: int = 3):
    state = end_turns_until(rs, new_game(rs, "succession", seed), faction)
    return state, make_bot(rs, faction)


def test_spare_points_and_influence_are_spent_even_when_nothing_beats_ending_the_turn(rs, monkeypatch):
    state, bot = _turn_of(rs, "stalin")
    state.factions["stalin"].influence = 28
    monkeypatch.setattr(standard, "END_TURN_VALUE", 100.0)  # nothing is worth more than ending the turn
    plan = bot.make_plan(player_view(rs, state, "stalin"), Rng(1))
    assert plan, "a bot with points, influence and useful actions must not plan an empty turn"
    assert sum(standard.total_cost(rs, a)[0] for a in plan) == state.factions["stalin"].ap


def test_no_faction_turn_ends_idle_in_a_played_game(rs):
    record = play_game(rs, "succession", 21, max_turns=5)
    state = new_game(rs, "succession", 21)
    for action in record.actions:
        if isinstance(action, A.EndTurn) and state.phase == "intrigue":
            assert not idle_end(rs, state, action.actor), (state.turn, action.actor, state.factions[action.actor])
        apply_in_place(rs, state, action)
    assert state.turn >= 5  # five turns of five factions looked at


def test_a_rich_bot_keeps_a_rivals_card_whose_event_helps_the_rival(rs):
    state, bot = _turn_of(rs, "bukharin")
    card = "platform_of_the_opposition"  # Trotsky's: sentiment and standing for the Left
    state.factions["bukharin"].hand = [card]
    state.factions["bukharin"].influence = 28
    ranked = bot.rank(player_view(rs, state, "bukharin"), Rng(2))
    assert A.PlayCard("bukharin", card, "influence") not in ranked
    # Broke, its 4 influence are worth more to us than the event to Trotsky.
    state.factions["bukharin"].influence = 0
    view = player_view(rs, state, "bukharin")
    assert [c for _, c in thrift.rival_cards_worth_cashing(rs, view, "bukharin", 1.0)] == [card]
    # Where influence is worth nothing, only a hand full of rivals' cards makes room, with one of them.
    assert thrift.rival_cards_worth_cashing(rs, view, "bukharin", 0.0) == []
    state.factions["bukharin"].hand = [card, "a_plan_before_its_time", "the_china_question"]
    view = player_view(rs, state, "bukharin")
    assert len(thrift.rival_cards_worth_cashing(rs, view, "bukharin", 0.0)) == 1


def test_the_plenum_chance_follows_the_central_committee(rs):
    state = new_game(rs, "succession", 4)
    removal = Motion("remove", "trotsky", {"office": "general_secretary"})
    state.blocs["central_committee"] = {"stalin": 53}
    state.blocs["control_commission"] = {"stalin": 30}
    assert motions.plenum_chance(rs, state, removal) < 0.01
    state.blocs["central_committee"] = {"trotsky": 53}
    state.blocs["control_commission"] = {"trotsky": 30}
    assert motions.plenum_chance(rs, state, removal) > 0.99
    # An even split: the exact chance agrees with the rolled tally.
    state.blocs["central_committee"] = {"trotsky": 20, "stalin": 20, "independent": 13}
    state.blocs["control_commission"] = {"independent": 10}
    p = motions.plenum_chance(rs, state, removal)
    share = rs.rules["remove_office_share"]
    rolls = [motions._plenum_tally(rs, state, removal, motions.PLENUM_BODIES) for _ in range(600)]
    carried = sum(yes > total * share for yes, total in rolls) / len(rolls)
    assert 0.02 < p < 0.98 and abs(carried - p) < 0.07


def test_striking_at_the_general_secretary_is_weighed_by_the_plenum_that_decides_it(rs):
    """Removing a Committee-elected officer (or convening the plenum for it) is forecast from the
    Central Committee and the Control Commission, not from the Politburo alone."""
    state, bot = _turn_of(rs, "bukharin")
    bot.w = dict(bot.w, propose_policy=0.0)  # leave room among the motions it forecasts
    meeting = congress_due(rs, state) or plenum_due(state)
    strike = (
        A.Propose("bukharin", "remove", office="general_secretary")
        if meeting
        else A.Propose("bukharin", "convene", "plenum")
    )

    def value_of_striking(ccc: dict[str, int]) -> float | None:
        state.blocs["central_committee"] = {"stalin": 30, "bukharin": 23}
        state.blocs["control_commission"] = ccc
        bot.forecasts, bot.forecast_turn = {}, -1
        view = player_view(rs, state, "bukharin")
        bot.rank(view, Rng(5))
        return dict((a, v) for v, a in bot.candidates(view)).get(strike)

    # Stalin, the strongest, holds the General Secretaryship; only the Control Commission differs.
    friendly = value_of_striking({"bukharin": 30})
    hostile = value_of_striking({"stalin": 30})
    assert friendly is not None
    assert hostile is None or hostile < friendly - 1.0
