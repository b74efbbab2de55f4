"""Fixtures for the rules-engine unit tests: one ruleset per session, a fresh game per test."""

from __future__ import annotations

import pytest

from game.core.engine import new_game
from tests.helpers import settle_chronicle

SCENARIO = "succession"
SEED = 1924


@pytest.fixture(scope="session")
def _fresh_state(rs):
    return new_game(rs, SCENARIO, SEED)


@pytest.fixture
def state(_fresh_state):
    """A new game (turn 0, chronicle phase), cloned so each test may change it freely."""
    return _fresh_state.clone()


@pytest.fixture(scope="session")
def _intrigue_state(rs, _fresh_state):
    return settle_chronicle(rs, _fresh_state)


@pytest.fixture
def intrigue_state(_intrigue_state):
    """A new game after its chronicle choices (the first of each), at the first intrigue move."""
    return _intrigue_state.clone()
