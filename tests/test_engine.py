"""The engine's contract: legal actions are accepted, illegal ones explained, apply is pure,
undo takes back only what it may, and whole games reach an end."""

from __future__ import annotations

import pytest

from game.core import actions as A
from game.core.engine import apply, legal_actions, new_game, whose_move
from game.core.legality import check
from game.core.state import state_hash
from game.core.timeline import Timeline
from game.text.reasons import reason_text
from tests.helpers import end_turns_until, settle_chronicle
from tests.invariants import check_invariants


def test_every_legal_action_is_accepted(rs):
    state = new_game(rs, "succession", 11)
    for _ in range(40):  # decisions across the first turns, every kind of legal action tried
        faction = whose_move(rs, state)
        if faction is None:
            break
        options = legal_actions(rs, state, faction)
        assert options, f"{faction} has no legal action"
        for action in options:
            result = apply(rs, state, action)
            assert result.ok, f"{action} was listed as legal but refused: {result.reason}"
            check_invariants(rs, result.state)
        # move on with a cheap, varied choice
        state = apply(rs, state, options[len(options) // 2]).state


def test_not_your_move_is_refused_with_a_reason(rs):
    state = settle_chronicle(rs, new_game(rs, "succession", 1))
    mover = state.acting_faction
    other = next(f for f in rs.faction_ids if f != mover)
    result = apply(rs, state, A.Lobby(other, "kalinin", 2))
    assert not result.ok
    assert result.reason.key == "turn.not_yours"
    assert mover in reason_text(rs, result.reason)


def test_apply_does_not_touch_its_input(rs):
    state = settle_chronicle(rs, new_game(rs, "succession", 2))
    before = state_hash(state)
    apply(rs, state, A.Lobby(state.acting_faction, "kalinin", 2))
    assert state_hash(state) == before


@pytest.mark.parametrize(
    ("action", "key"),
    [
        (lambda f: A.Lobby(f, "nobody", 2), "character.unknown"),
        (lambda f: A.Lobby(f, "kalinin", 7), "amount.range"),
        (lambda f: A.Propose(f, "policy", "agriculture", step=5), "motion.policy"),
        (lambda f: A.PlayCard(f, "not_a_card", "event"), "card.not_in_hand"),
        (lambda f: A.Denounce(f, f), "denounce.target"),
    ],
)
def test_illegal_actions_say_why(rs, action, key):
    state = settle_chronicle(rs, new_game(rs, "succession", 3))
    reason = check(rs, state, action(state.acting_faction))
    assert reason is not None and reason.key == key and reason_text(rs, reason)


def test_bound_leaders_cannot_be_lobbied(rs):
    state = end_turns_until(rs, new_game(rs, "succession", 4), "bukharin")
    reason = check(rs, state, A.Lobby("bukharin", "trotsky", 2))
    assert reason is not None and reason.key == "character.bound"


def test_undo_takes_back_a_lobby_but_not_a_played_card(rs):
    state = end_turns_until(rs, new_game(rs, "succession", 5), "bukharin")
    timeline = Timeline(rs, state)
    before = state_hash(timeline.state)
    result = timeline.submit(A.Lobby("bukharin", "kalinin", 2))
    assert result.ok and result.undoable
    assert timeline.undo("bukharin") == A.Lobby("bukharin", "kalinin", 2)
    assert state_hash(timeline.state) == before and timeline.log == []
    card = timeline.state.factions["bukharin"].hand[0]
    mode = "influence"
    assert timeline.submit(A.PlayCard("bukharin", card, mode)).ok
    assert not timeline.can_undo("bukharin")
    assert timeline.undo("bukharin") is None


def test_undo_is_only_for_the_faction_that_acted(rs):
    state = end_turns_until(rs, new_game(rs, "succession", 6), "bukharin")
    timeline = Timeline(rs, state)
    timeline.submit(A.Campaign("bukharin", "peasantry", 2))
    assert timeline.undo("trotsky") is None
    assert timeline.can_undo("bukharin")


def test_a_passed_turn_cannot_be_undone(rs):
    state = end_turns_until(rs, new_game(rs, "succession", 7), "bukharin")
    timeline = Timeline(rs, state)
    timeline.submit(A.Campaign("bukharin", "peasantry", 2))
    timeline.submit(A.EndTurn("bukharin"))
    assert timeline.undo("bukharin") is None


def test_end_turn_passes_the_move_and_the_apparatus_acts_last(rs):
    state = settle_chronicle(rs, new_game(rs, "succession", 8))
    assert state.order[-1] == "stalin"
    assert len(state.order) == 5
    first = state.acting_faction
    state = apply(rs, state, A.EndTurn(first)).state
    assert state.acting_faction != first
