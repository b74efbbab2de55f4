"""Hypothesis plays random legal actions through whole games; after each game a save and a load
give an equal state, and a replay gives the same hashes."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content.loader import load_game
from game.core.engine import legal_actions
from game.core.state import state_hash
from game.persistence.codec import read_save
from game.persistence.replay import replay
from game.session.live import Session
from game.session.saving import save_session

ROOT = Path(__file__).resolve().parents[2]
CONTENT = load_game(ROOT / "data", [], [ROOT / "mods"])


@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(seed=st.integers(0, 100_000), picks=st.lists(st.integers(0, 10_000), min_size=10, max_size=50))
def test_random_games_save_load_and_replay(tmp_path_factory, seed, picks):
    rs = CONTENT.ruleset
    human = rs.scenarios["scissors"].playable[seed % len(rs.scenarios["scissors"].playable)]
    session = Session.start(rs, "scissors", seed, [human])
    i = 0
    while not session.over:
        if session.human_to_move() is None:
            session.step_bot()
            continue
        options = legal_actions(rs, session.state, human)
        pick = picks[i % len(picks)]
        i += 1
        action = options[0] if pick % 3 == 0 else options[pick % len(options)]
        assert session.submit(action).ok
    path = save_session(tmp_path_factory.mktemp("fuzz") / "g.testament.json", session, CONTENT)
    data = read_save(path)
    assert state_hash(data.state) == state_hash(session.state)
    result = replay(rs, data)
    assert result.ok, result.message
