"""Teacher controls: each leaves a valid state and a chronicle entry, replays from the log, and
the recovery option brings back a faction wiped out early."""

from __future__ import annotations

from game.core import actions as A
from game.core.engine import apply, new_game
from game.core.rules import discipline
from game.core.state import state_hash
from game.session.live import Session
from game.text.chronicle import Text
from game.text.reasons import reason_text
from tests.helpers import end_turns_until
from tests.invariants import check_invariants


def teach(rs, state, kind, **fields):
    result = apply(rs, state, A.TeacherAction(A.TEACHER, kind, **fields))
    assert result.ok, result.reason
    check_invariants(rs, result.state)
    entries = [e for e in result.events if e[1] == "teacher.action" and e[2]["kind"] == kind]
    assert entries, f"no chronicle entry for {kind}"
    assert Text(rs).entry("teacher.action", entries[0][2]).startswith("Teacher:")
    return result.state


def test_skip_removes_the_waiting_event_and_it_never_returns(rs, state):
    waiting = state.event_queue[0]
    after = teach(rs, state, "skip")
    assert waiting not in after.event_queue and waiting in after.fired


def test_skip_without_a_waiting_event_is_refused_with_a_reason(rs, intrigue_state):
    result = apply(rs, intrigue_state, A.TeacherAction(A.TEACHER, "skip"))
    assert not result.ok and "No event" in reason_text(rs, result.reason)


def test_inject_mid_turn_makes_the_chooser_decide_before_anything_else(rs, intrigue_state):
    from game.core.legality import whose_move

    event = next(e for e, ev in rs.events.items() if not ev.conditions and e not in intrigue_state.fired)
    acting = intrigue_state.acting_faction
    after = teach(rs, intrigue_state, "inject", event=event)
    assert after.event_queue == [event] and after.phase == "intrigue"
    chooser = whose_move(rs, after)
    blocked = apply(rs, after, A.EndTurn(acting))
    assert not blocked.ok  # the event first
    option = rs.events[event].choices[0].id
    decided = apply(rs, after, A.ChooseOption(chooser, event, option))
    assert decided.ok, decided.reason
    assert not decided.state.event_queue and decided.state.acting_faction == acting
    check_invariants(rs, decided.state)


def test_inject_refuses_unknown_and_spent_events(rs, intrigue_state):
    unknown = apply(rs, intrigue_state, A.TeacherAction(A.TEACHER, "inject", event="no_such_event"))
    assert not unknown.ok and "no event" in reason_text(rs, unknown.reason)
    spent = next(e for e in intrigue_state.fired if rs.events[e].once)  # an opening event, decided
    again = apply(rs, intrigue_state, A.TeacherAction(A.TEACHER, "inject", event=spent))
    assert not again.ok and "already happened" in reason_text(rs, again.reason)


def test_advance_ends_the_acting_teams_turn(rs, intrigue_state):
    acting = intrigue_state.acting_faction
    after = teach(rs, intrigue_state, "advance")
    assert after.acting_faction != acting


def test_pause_is_recorded(rs, intrigue_state):
    after = teach(rs, intrigue_state, "pause")
    assert after.acting_faction == intrigue_state.acting_faction
    assert state_hash(after) != state_hash(intrigue_state)  # the chronicle entry is part of the game


def test_recovery_brings_back_an_exiled_faction(rs, intrigue_state):
    state = intrigue_state
    refused = apply(rs, state, A.TeacherAction(A.TEACHER, "recover", faction="trotsky"))
    assert not refused.ok and "not wiped out" in reason_text(rs, refused.reason)
    for _ in range(4):  # censured, removed, expelled, internal exile
        discipline.move_rung(rs, state, "trotsky", 1)
    assert state.factions["trotsky"].exiled
    assert state.status[rs.ci["trotsky"]] == "exiled"
    after = teach(rs, state, "recover", faction="trotsky")
    fs = after.factions["trotsky"]
    assert not fs.exiled and fs.rung == rs.rules["recovery"]["to_rung"] and fs.heat == 0
    assert after.status[rs.ci["trotsky"]] == "free"
    assert after.blocs["central_committee"].get("trotsky", 0) > 0
    assert fs.influence >= state.factions["trotsky"].influence + 1


def test_class_vote_is_recorded_for_the_report(rs, state):
    from game.core.legality import whose_move

    chooser = whose_move(rs, state)
    result = apply(rs, state, A.ClassVote(chooser, "the opening event", "a=14;b=9", "a"))
    assert result.ok, result.reason
    entry = next(e for e in result.events if e[1] == "class.vote")
    assert entry[2]["counts"] == {"a": 14, "b": 9}
    assert "14" in Text(rs).entry("class.vote", entry[2])
    bad = apply(rs, state, A.ClassVote(chooser, "x", "a=lots"))
    assert not bad.ok and "yes=14" in reason_text(rs, bad.reason)


def test_teacher_actions_survive_the_save_format(rs):
    action = A.TeacherAction(A.TEACHER, "inject", event="lenin_funeral")
    assert A.action_from_dict(action.to_dict()) == action
    vote = A.ClassVote("bukharin", "x", "yes=3;no=2", "yes")
    assert A.action_from_dict(vote.to_dict()) == vote


def test_undo_whole_turn_returns_to_the_start_of_the_previous_turn(rs):
    session = Session.start(rs, "succession", 1924, [])
    starts = {0: state_hash(session.state)}
    while session.state.turn < 3:
        turn = session.state.turn
        session.step_bot()
        if session.state.turn != turn:
            starts[session.state.turn] = state_hash(session.state)
    session.step_bot()  # a move into turn 3
    result = session.undo_whole_turn()
    assert result is not None and result.ok
    assert session.state.turn == 2
    entry = session.state.log[-1]
    assert entry[1] == "teacher.action" and entry[2] == {"kind": "undo_turn", "turn": 3}
    # Without the record the state is exactly the start of turn 2, and the log replays to it.
    replayed = new_game(rs, "succession", 1924)
    for action in session.timeline.log[:-1]:
        replayed = apply(rs, replayed, action).state
    assert state_hash(replayed) == starts[2]
    replayed = apply(rs, replayed, session.timeline.log[-1]).state
    assert state_hash(replayed) == state_hash(session.state)
    assert len(session.turn_hashes) == 2
    check_invariants(rs, session.state)


def test_undo_whole_turn_at_the_very_start_does_nothing(rs):
    session = Session.start(rs, "succession", 1924, ["bukharin"])
    assert session.undo_whole_turn() is None


def test_after_recovery_the_game_plays_on(rs, intrigue_state):
    state = end_turns_until(rs, intrigue_state, "trotsky")
    for _ in range(3):
        discipline.move_rung(rs, state, "trotsky", 1)
    state = teach(rs, state, "recover", faction="trotsky")
    result = apply(rs, state, A.Platform("trotsky"))
    assert result.ok, result.reason
