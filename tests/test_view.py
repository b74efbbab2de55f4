"""A player view never contains another faction's secrets (DESIGN §4)."""

from __future__ import annotations

import json

from game.core import actions as A
from game.core.engine import apply, new_game
from game.core.rules.votes import forecast
from game.core.state import Motion
from game.core.view import HIDDEN_CARD, player_view
from game.session.headless import play_game
from tests.helpers import end_turns_until


def test_view_hides_other_factions_secret_influence(rs):
    state = end_turns_until(rs, new_game(rs, "succession", 3), "bukharin")
    state = apply(rs, state, A.Lobby("bukharin", "kalinin", 4)).state
    c, fb = rs.ci["kalinin"], rs.fi["bukharin"]
    assert int(state.loyalty_secret[c, fb]) > 0
    for viewer in rs.faction_ids:
        view = player_view(rs, state, viewer)
        for f in rs.faction_ids:
            column = view.loyalty_secret[:, rs.fi[f]]
            lobbied = view.lobbied[:, rs.fi[f]]
            if f != viewer:
                assert not column.any(), f"{viewer} can see {f}'s secret loyalty"
                assert not lobbied.any(), f"{viewer} can see {f}'s lobbying"
        if viewer == "bukharin":
            assert int(view.loyalty_secret[c, fb]) == int(state.loyalty_secret[c, fb])
        text = json.dumps(view.to_dict())
        secret_lines = [e for e in view.log if e[1] == "lobby.secret" and e[2]["faction"] != viewer]
        assert not secret_lines
        assert view.rng.state == 0
        assert "lobby.secret" not in text or viewer == "bukharin"


def test_view_hides_hands_and_the_deck(rs):
    state = play_game(rs, "scissors", 4).state
    view = player_view(rs, state, "trotsky")
    for f, fs in view.factions.items():
        if f != "trotsky":
            assert all(card == HIDDEN_CARD for card in fs.hand)
    assert all(card == HIDDEN_CARD for card in view.deck)
    assert view.factions["trotsky"].hand == state.factions["trotsky"].hand


def test_whole_games_never_leak_secrets_into_views(rs):
    record = play_game(rs, "scissors", 8)
    state = record.state
    for viewer in rs.faction_ids:
        view = player_view(rs, state, viewer)
        others = [rs.fi[f] for f in rs.faction_ids if f != viewer]
        assert not view.loyalty_secret[:, others].any()


def test_forecast_is_blind_to_rivals_secrets(rs):
    state = new_game(rs, "succession", 2)
    motion = Motion("policy", "bukharin", {"axis": "agriculture", "step": 1})
    before = forecast(rs, player_view(rs, state, "trotsky"), motion, "trotsky").p_pass
    for m in state.seats["politburo"]:
        state.loyalty_secret[rs.ci[m], rs.fi["zinoviev_kamenev"]] = 40
    after = forecast(rs, player_view(rs, state, "trotsky"), motion, "trotsky").p_pass
    assert before == after
