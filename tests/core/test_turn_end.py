"""Spending the last action point does not end a turn: the faction keeps its free actions until it
ends the turn itself (issue 13: the player sees the result and may still declare a hold)."""

from __future__ import annotations

from game.core import actions as A
from game.core.engine import apply, whose_move


def test_the_last_action_point_leaves_the_turn_open(rs, intrigue_state):
    state = intrigue_state
    me = whose_move(rs, state)
    state.factions[me].ap = 1
    state.factions[me].influence = 10
    target = next(c for c in rs.character_ids if state.status[rs.ci[c]] == "free" and not rs.characters[c].faction)
    result = apply(rs, state, A.Lobby(me, target, 2))
    assert result.ok, result.reason
    after = result.state
    assert after.factions[me].ap == 0
    assert whose_move(rs, after) == me, "the turn ended by itself when the last action point was spent"
    declared = apply(rs, after, A.Declare(me, target))  # a free action, still open
    assert declared.ok, declared.reason
    ended = apply(rs, declared.state, A.EndTurn(me))
    assert ended.ok and whose_move(rs, ended.state) != me
