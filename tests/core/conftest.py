"""Fixtures for the rules-engine unit tests: one ruleset per session, a fresh game per test."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game.content.build import load_content  # noqa: E402
from game.core.engine import apply, legal_actions, new_game, whose_move  # noqa: E402

SCENARIO = "succession"
SEED = 1924


@pytest.fixture(scope="session")
def rs():
    """The base game's ruleset, loaded from data/ once for the whole session."""
    return load_content(ROOT / "data").ruleset


@pytest.fixture(scope="session")
def _fresh_state(rs):
    return new_game(rs, SCENARIO, SEED)


@pytest.fixture
def state(_fresh_state):
    """A new game (turn 0, chronicle phase), cloned so each test may change it freely."""
    return _fresh_state.clone()


@pytest.fixture(scope="session")
def _intrigue_state(rs, _fresh_state):
    s = _fresh_state
    while s.phase == "chronicle":
        faction = whose_move(rs, s)
        result = apply(rs, s, legal_actions(rs, s, faction)[0])
        assert result.ok, result.reason
        s = result.state
    return s


@pytest.fixture
def intrigue_state(_intrigue_state):
    """A new game after its chronicle choices (the first of each), at the first intrigue move."""
    return _intrigue_state.clone()
