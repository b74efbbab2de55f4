"""Bots return legal actions through the same engine; levels differ; the easy level plans less."""

from __future__ import annotations

from game.ai.apparatus import ApparatusBot
from game.ai.bots import make_bot
from game.core import actions as A
from game.core.legality import check
from game.core.rng import Rng
from game.session.live import Session
from tests.helpers import end_turns_until


def test_bots_only_submit_legal_actions(rs):
    session = Session.start(rs, "scissors", 12, [])
    moves = session.run_bots()
    assert session.over and moves > 50
    assert all(entry for entry in session.timeline.log)


def test_easy_bots_plan_fewer_actions(rs):
    from game.core.engine import new_game

    state = end_turns_until(rs, new_game(rs, "succession", 3), "trotsky")
    view = state
    easy = make_bot(rs, "trotsky", "easy").make_plan(view, Rng(1))
    standard = make_bot(rs, "trotsky", "standard").make_plan(view, Rng(1))
    assert len(easy) <= 2 < len(standard) + 1
    assert all(check(rs, state, a) is None or a.tag == "end_turn" for a in standard[:1])


def test_the_apparatus_has_its_own_personality(rs):
    assert isinstance(make_bot(rs, "stalin"), ApparatusBot)
    assert not isinstance(make_bot(rs, "bukharin"), ApparatusBot)


def test_levels_change_the_game(rs):
    a = Session.start(rs, "scissors", 9, [], {"trotsky": "easy", "bukharin": "easy"})
    b = Session.start(rs, "scissors", 9, [])
    a.run_bots()
    b.run_bots()
    assert a.timeline.log != b.timeline.log


def _apparatus_to_move(rs, heat: int, denounced_by: str | None):
    from game.core.engine import new_game
    from game.core.view import player_view

    state = end_turns_until(rs, new_game(rs, "succession", 3), "stalin")
    state.factions["stalin"].heat = heat
    state.factions["stalin"].influence = 12
    if denounced_by is not None:
        state.note("denounce", faction=denounced_by, target="stalin")
    return player_view(rs, state, "stalin")


def test_a_denunciation_does_not_distract_the_apparatus_from_its_appointments(rs):
    """The standard AI plus a denunciation of Stalin a turn must not break the game: the denouncer
    pays in heat and prestige (the rules), and the apparatus does not spend the turns that build its
    machine answering in kind or recanting while its heat is short of a censure."""
    quiet = make_bot(rs, "stalin").make_plan(_apparatus_to_move(rs, 10, None), Rng(1))
    answered = make_bot(rs, "stalin").make_plan(_apparatus_to_move(rs, 30, "trotsky"), Rng(1))
    assert answered == quiet
    assert isinstance(answered[0], A.AppointSecretary)


def test_the_apparatus_recants_before_its_heat_invites_a_censure(rs):
    recant_heat = rs.rules["ai"]["apparatus"]["recant_heat"]
    assert recant_heat <= rs.rules["strike_heat"] - 5  # at the latest when the rivals move to censure it
    hot = recant_heat + 5
    assert rs.factions["stalin"].ai["recant"] > 0
    assert A.Recant("stalin") in make_bot(rs, "stalin").make_plan(_apparatus_to_move(rs, hot, None), Rng(1))
    assert A.Recant("stalin") not in make_bot(rs, "stalin").make_plan(_apparatus_to_move(rs, 5, None), Rng(1))


def test_a_new_turn_is_planned_afresh_not_around_last_turns_steps(rs):
    """What a bot tried last turn is forgotten before it plans the next: lobbying the same member
    or proposing the same motion again is as open to it as to a bot that never played."""
    from game.core.engine import new_game
    from game.core.view import player_view

    view = player_view(rs, end_turns_until(rs, new_game(rs, "succession", 3), "trotsky"), "trotsky")
    fresh = make_bot(rs, "trotsky").make_plan(view, Rng(4))
    assert fresh
    bot = make_bot(rs, "trotsky")
    bot.plan_key, bot.tried = (view.turn - 1, view.acting), set(fresh)  # as if it had played them last turn
    first = bot.choose(view, Rng(4), lambda action: True)
    assert [first, *bot.plan] == fresh
