"""Bots return legal actions through the same engine; levels differ; the easy level plans less."""

from __future__ import annotations

from game.ai.apparatus import ApparatusBot
from game.ai.bots import make_bot
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
