"""Rounds: the core rule (the move passes after each action, in this turn's fixed order, wrapping
round the teams that have not ended their turn) and the room built on it (every team chooses its
next action at once; the room plays the choices in the engine's order, bots in their places; an
action out of its team's turn or phase is refused with a clear error)."""

from __future__ import annotations

import pytest

from game.core import actions as A
from game.core.state import state_hash
from game.net.pages import team_page
from game.net.protocol import ProtocolError, page_action
from game.net.room import Conn, Room

from .harness import TEAMS, choose, lesson, teacher_controls


def _next_open(state, start: int) -> str | None:
    n = len(state.order)
    for step in range(n):
        f = state.order[(start + step) % n]
        if not state.factions[f].done:
            return f
    return None


def test_in_rounds_the_move_passes_after_every_action_and_the_log_replays(rs):
    session = lesson(rs, seed=3)
    assert "rounds" not in session.state.to_dict()  # a game without rounds saves and hashes as before
    assert session.teacher("rounds").ok and session.state.rounds
    passes = 0
    while not session.over:
        state = session.state
        mover = session.to_move()
        if mover in session.humans:
            action = page_action(choose(team_page(session, mover)), mover)
        else:
            session.step_bot()
            action = None
        if action is not None:
            assert session.submit(action).ok
        after = session.state
        in_turn = not state.event_queue and state.phase in ("intrigue", "session") and action is not None
        if in_turn and (after.turn, after.phase) == (state.turn, state.phase) and not after.event_queue:
            assert session.to_move() == _next_open(after, state.acting + 1)  # the next in order, wrapping
            passes += 1
    assert passes > 20
    replayed = lesson(rs, seed=3)
    for action in session.timeline.log:
        assert replayed.submit(action).ok
    assert replayed.turn_hashes == session.turn_hashes and state_hash(replayed.state) == state_hash(session.state)


def _room_in_intrigue(rs, seed: int = 5) -> tuple[Room, dict[str, Conn]]:
    """A room with a device per team, on to the first moment a team is to move in intrigue."""
    room = Room(lesson(rs, seed))
    conns = {f: Conn() for f in TEAMS}
    for f, conn in conns.items():
        room.handle(conn, {"v": 1, "type": "join", "room": room.code, "faction": f})
    while True:
        while room.step():
            pass
        mover = room.session.to_move()
        if not room.session.state.event_queue and room.session.state.phase == "intrigue":
            return room, conns
        _act(room, conns[mover], choose(team_page(room.session, mover)))


def _act(room: Room, conn: Conn, action: dict, at: int | None = None) -> dict:
    seq = conn.device.last_seq + 1
    msg = {"v": 1, "type": "act", "seq": seq, "at": room.move if at is None else at, "action": action}
    return room.handle(conn, msg)[0]


def _code(room: Room, conn: Conn, action: dict) -> tuple[str, str]:
    try:
        _act(room, conn, action)
    except ProtocolError as refused:
        return refused.code, refused.text
    return "ok", ""


def test_teams_choose_at_once_and_are_played_in_the_engines_order(rs):
    room, conns = _room_in_intrigue(rs)
    state = room.session.state
    mover = room.session.to_move()
    waiting = [f for f in reversed(TEAMS) if f != mover]
    for f in waiting:  # the others choose first, in any order: nothing is played yet
        page = team_page(room.session, f)
        assert page["your_move"] and any(g["title"] == "People" for g in page["groups"])
        lobby = next(o for g in page["groups"] for o in g["options"] if o["ok"] and o["action"]["type"] == "lobby")
        assert _act(room, conns[f], lobby["action"])["type"] == "ok"
        assert room.session.state is state and room.you(f)["chosen"].startswith("lobby")
    statuses = {t["id"]: t["status"] for t in room.teams()}
    assert statuses == {**{f: "ready" for f in waiting}, mover: "acting"}
    log_before = len(room.session.timeline.log)
    assert _act(room, conns[mover], {"type": "end_turn"})["type"] == "ok"  # the round can go on now
    while room.step():
        pass
    played = [a.actor for a in room.session.timeline.log[log_before:]]
    start = state.order.index(mover)
    expected = [state.order[(start + k) % len(state.order)] for k in range(len(state.order))]
    assert played == expected  # one action each, in this turn's order from the mover, bots in their places
    assert room.session.to_move() == expected[1]  # back to the first team after the mover: it chooses again
    assert room.rounds.choices == {} and {t["status"] for t in room.teams()} <= {"acting", "choosing", "done"}
    assert room.status(mover) == "done" and not room.you(mover)["may_act"]  # its page: turn ended
    assert all(room.you(f)["may_act"] and room.you(f)["chosen"] is None for f in waiting)  # theirs: choose again


def test_an_action_out_of_turn_or_phase_is_refused_with_a_clear_error(rs):
    room, conns = _room_in_intrigue(rs)
    mover = room.session.to_move()
    other = next(f for f in TEAMS if f != mover)
    assert _act(room, conns[mover], {"type": "end_turn"})["type"] == "ok"
    code, text = _code(room, conns[mover], {"type": "end_turn"})
    assert code == "not_your_turn" and "ended its turn" in text
    code, text = _code(room, conns[other], {"type": "whip", "motion": 1, "whip": "for"})
    assert code == "illegal" and text  # the engine's reason: no whips in intrigue
    teacher = Conn(teacher=True)
    event = room.teacher_menu()["events"][0]["id"]
    room.handle(teacher, {"v": 1, "type": "control", "seq": 1, "control": "inject", "event": event})
    chooser = room.session.to_move()
    bystander = next(f for f in TEAMS if f not in (chooser, mover))
    code, text = _code(room, conns[bystander], {"type": "end_turn"})
    assert code == "not_your_turn" and "decide an event" in text
    room.handle(teacher, {"v": 1, "type": "control", "seq": 2, "control": "pause"})
    assert _code(room, conns[bystander], {"type": "end_turn"})[0] == "paused"


def test_a_choice_overtaken_by_the_round_is_dropped_and_the_team_told(rs):
    room, conns = _room_in_intrigue(rs)
    mover = room.session.to_move()
    order = room.session.state.order
    start = order.index(mover)
    team = next(f for f in (order[(start + k) % len(order)] for k in range(1, len(order))) if f in TEAMS)
    ap = room.session.state.factions[team].ap
    assert _act(room, conns[team], {"type": "lobby", "character": "kalinin", "influence": 1})["type"] == "ok"
    room.session.state.factions[team].ap = 0  # (a test's shortcut: as if the round had used its points)
    _act(room, conns[mover], {"type": "end_turn"})
    while room.step():
        pass
    assert team not in room.rounds.choices and "lobby" in room.you(team)["dropped"]
    assert room.session.to_move() == team and room.status(team) == "acting"  # it chooses again
    room.session.state.factions[team].ap = ap


def test_the_teachers_new_controls(rs):
    room, _conns = _room_in_intrigue(rs)
    control = teacher_controls(room)

    menu = room.teacher_menu()
    assert menu["events"] and menu["recover"] == [] and menu["undo_turn"] and menu["timer"] == 0
    assert control("inject") == "malformed" and control("inject", event="no_such_event") == "illegal"
    event = menu["events"][0]["id"]
    assert control("inject", event=event) == "ok" and room.session.state.event_queue[0] == event
    assert room.record[-1]["did"] == f"teacher: inject {event}"
    assert control("recover", faction=TEAMS[0]) == "illegal"  # not wiped out
    down = rs.rules["recovery"]["down_from_rung"]
    room.session.state.factions[TEAMS[3]].rung = down  # (a test's shortcut: as if expelled by the party)
    assert room.teacher_menu()["recover"] == [{"id": TEAMS[3], "short": rs.factions[TEAMS[3]].short}]
    assert control("recover", faction=TEAMS[3]) == "ok" and room.session.state.factions[TEAMS[3]].rung < down
    assert control("timer") == "malformed" and control("timer", minutes=99) == "malformed"
    assert control("timer", minutes=5) == "ok" and room.session.options["turn_timer"] == 5
    assert room.timer()["minutes"] == 5
    turn = room.session.state.turn
    assert control("undo_turn") == "ok" and room.session.state.turn <= turn
    assert room.session.state.rounds and "undo_turn" in [a.kind for a in room.session.timeline.log[-2:]]


@pytest.mark.parametrize("kind", ["event", "minutes"])
def test_control_fields_are_checked(rs, kind):
    from game.net.protocol import parse

    with pytest.raises(ProtocolError) as refused:
        parse(f'{{"v": 1, "type": "control", "seq": 1, "control": "timer", "{kind}": [1]}}')
    assert refused.value.code == "malformed"


def test_a_whole_turn_undone_to_the_start_keeps_the_rounds(rs):
    session = lesson(rs)
    room = Room(session)
    assert session.timeline.log[0] == A.TeacherAction(A.TEACHER, "rounds")
    room.undo_turn()  # back to the game's start: the log is cut before the rounds, which begin again
    assert session.state.rounds


def test_back_to_one_team_at_a_time_mid_round(rs):
    session = lesson(rs, seed=5)
    assert session.teacher("hotseat").reason.key == "teacher.hotseat_already"
    assert session.teacher("rounds").ok
    while not (session.state.phase == "intrigue" and session.state.acting > 0 and not session.state.event_queue):
        mover = session.to_move()
        if mover in session.humans:
            assert session.submit(page_action(choose(team_page(session, mover)), mover)).ok
        else:
            session.step_bot()
    state = session.state
    first = next(f for f in state.order if not state.factions[f].done)
    assert first != session.to_move()  # in rounds the move has gone past a team with moves still to make
    assert session.teacher("hotseat").ok and not session.state.rounds
    assert session.to_move() == first  # the first team still to finish its turn plays it through
    lobby = next(A.Lobby(first, c, 1) for c in rs.character_ids if session.why_not(A.Lobby(first, c, 1)) is None)
    assert session.submit(lobby).ok and session.to_move() == first  # hotseat: the move stays with the team
    replayed = lesson(rs, seed=5)
    for action in session.timeline.log:
        assert replayed.submit(action).ok
    assert state_hash(replayed.state) == state_hash(session.state)


@pytest.mark.parametrize("ends_turn", [False, True])
def test_when_the_time_is_up_every_page_says_so_and_the_set_up_may_end_the_late_turns(rs, ends_turn):
    room, conns = _room_in_intrigue(rs)
    now = [1000.0]
    room.clock = lambda: now[0]
    room.session.options.update({"turn_timer": 1, "timer_ends_turn": ends_turn})
    assert room.timer() == {"minutes": 1, "left": 60, "ends_turn": ends_turn} and not room.late()
    now[0] += 61
    assert room.timer()["left"] == 0 and room.time_up()  # the pages and the board show "Time is up"
    state = room.session.state
    teams = [f for f in state.order if f in TEAMS and not state.factions[f].done]
    if not ends_turn:  # off by default: the teacher decides, the round waits
        assert not room.late() and not room.step() and room.session.to_move() in TEAMS
        assert _act(room, conns[teams[-1]], {"type": "end_turn"})["type"] == "ok"
        return
    assert room.late()
    code, text = _code(room, conns[teams[-1]], {"type": "end_turn"})
    assert code == "not_your_turn" and text.startswith("Time is up")  # no new choice once the time is up
    turn, phase = state.turn, state.phase
    while room.step() and (room.session.state.turn, room.session.state.phase) == (turn, phase):
        pass
    assert (room.session.state.turn, room.session.state.phase) != (turn, phase)  # every late turn was ended
    ended = [r["did"] for r in room.record if r["did"].startswith("time is up")]
    assert len(ended) >= len(teams)  # each team at its place (again after a choice it had in)
    replayed = lesson(rs)
    for action in room.session.timeline.log:  # the host's ending of a turn is in the log: replay repeats it
        assert replayed.submit(action).ok
    assert state_hash(replayed.state) == state_hash(room.session.state)
