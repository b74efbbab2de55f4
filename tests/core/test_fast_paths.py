"""The engine's fast paths give what the plain computation gives (issue 12: a faster engine, same games)."""

from __future__ import annotations

import pytest

from game.ai.standard import StandardBot
from game.core import actions as A
from game.core.engine import apply_in_place
from game.core.rng import Rng
from game.core.rules import odds
from game.core.rules.control import controllers, controllers_of, estimates, total_loyalty
from game.core.state import Motion
from game.core.view import player_view

MOTIONS = [
    Motion("policy", "bukharin", {"axis": "agriculture", "step": 1}),
    Motion("censure", "bukharin", {"faction": "trotsky"}),
    Motion("appoint", "bukharin", {"office": "sovnarkom_chair", "character": "rykov"}),
    Motion("publish", "bukharin", {"document": "testament"}),
]


def test_motions_forecast_together_get_the_odds_they_get_alone(rs, intrigue_state):
    view = player_view(rs, intrigue_state, "bukharin")
    shared = odds.basis(rs, view, "bukharin")
    together = odds.honest_all(rs, view, MOTIONS, "bukharin", shared=shared)
    alone = [odds.honest(rs, intrigue_state, m, "bukharin") for m in MOTIONS]
    assert together == alone
    assert odds.honest_chances(rs, shared, MOTIONS) == [o.p for o in alone]
    assert len({o.p for o in alone}) > 1  # the motions do differ


def test_remembered_controllers_follow_every_change_of_loyalty(rs, state):
    before = controllers(rs, state)
    c = next(
        i for i, who in enumerate(before) if who is not None and rs.characters[rs.character_ids[i]].leader is False
    )
    state.loyalty_public[c, :] = 0  # nobody holds him now
    after = controllers(rs, state)
    assert after[c] is None and after == controllers_of(rs, total_loyalty(state))
    f = rs.fi["trotsky"]
    state.loyalty_secret[c, f] = 90
    assert estimates(rs, state, "trotsky")[c] == "trotsky" and estimates(rs, state, "bukharin")[c] is None
    assert controllers(rs, state)[c] == "trotsky"


def test_a_view_sifts_the_chronicle_as_it_grows(rs, state):
    state.note("lobby.secret", faction="trotsky", character="rykov")
    assert [e for e in player_view(rs, state, "bukharin").log if e[1] == "lobby.secret"] == []
    state.note("lobby.secret", faction="bukharin", character="rykov")
    state.note("plain.entry")
    seen = player_view(rs, state, "bukharin").log
    assert seen == [e for e in state.log if e[1] != "lobby.secret" or e[2]["faction"] == "bukharin"]
    other = state.clone()  # another chronicle of the same length: sifted on its own
    other.log[-1] = [other.turn, "lobby.secret", {"faction": "trotsky"}]
    assert player_view(rs, other, "bukharin").log == seen[:-1]


def test_a_plan_in_progress_is_played_without_a_view(rs, intrigue_state):
    faction = intrigue_state.acting_faction
    bot, twin = StandardBot(rs, faction), StandardBot(rs, faction)
    legal = lambda a: True  # noqa: E731
    assert bot.planned(intrigue_state, legal) is None  # no plan yet: it must look
    view = player_view(rs, intrigue_state, faction)
    first = bot.choose(view, Rng(1), legal)
    assert first == twin.choose(player_view(rs, intrigue_state, faction), Rng(1), legal)
    assert bot.planned(intrigue_state, legal) == twin.choose(view, Rng(2), legal)
    apply_in_place(rs, intrigue_state, A.EndTurn(faction))
    assert bot.planned(intrigue_state, legal) is None  # another faction's move: not its plan


def test_the_rules_are_read_only(rs):
    with pytest.raises(TypeError):
        rs.rules["discipline_heat"] = 0
    with pytest.raises(TypeError):
        rs.rules.update(discipline_heat=0)
    assert rs.rules.get("no_such_rule", 7) == 7
