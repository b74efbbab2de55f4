"""The teacher menu and the class vote, driven by posted keys and clicks as a teacher would."""

from __future__ import annotations

import pygame

from game.core import actions as A
from game.core.rules import discipline
from game.session.live import Session
from tests.ui.conftest import click, key


def _game(app, humans, seed=3, scenario="scissors", **options):
    from game.ui.scenes.game import GameScene

    session = Session.start(app.rs, scenario, seed, humans)
    session.options.update({"handover": False, "vote_reports": False, **options})
    app.push(GameScene, session)
    for _ in range(30):
        app.frame(0.05)
    return session


def _teacher_entries(session, kind):
    return [e for e in session.state.log if e[1] == "teacher.action" and e[2]["kind"] == kind]


def _type(app, text: str) -> None:
    for ch in text:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))
    app.frame(0.05)
    app.frame(0.05)


def test_f10_over_an_event_opens_the_teacher_menu_and_s_skips_it(app):
    from game.ui.scenes.event import EventOverlay
    from game.ui.scenes.teacher import TeacherOverlay

    session = _game(app, ["bukharin", "trotsky"])
    assert isinstance(app.scene, EventOverlay)
    waiting = session.state.event_queue[0]
    key(app, pygame.K_F10)
    assert isinstance(app.scene, TeacherOverlay)
    key(app, pygame.K_s)
    assert waiting not in session.state.event_queue and waiting in session.state.fired
    assert _teacher_entries(session, "skip")
    app.frame(0.05)
    assert not isinstance(app.scene, TeacherOverlay)


def test_bring_in_an_event_by_typing_its_name(app):
    from game.ui.scenes.teacher import EventPickerOverlay

    session = _game(app, ["bukharin"], scenario="succession", seed=5)
    while session.state.event_queue:  # settle the opening events first
        key(app, pygame.K_1)
        for _ in range(10):
            app.frame(0.05)
    rs = app.rs
    target = next(e for e, ev in rs.events.items() if not ev.conditions and e not in session.state.fired and ev.once)
    key(app, pygame.K_F10)
    key(app, pygame.K_i)
    assert isinstance(app.scene, EventPickerOverlay)
    _type(app, target)
    assert app.scene.matches()[0] == target
    key(app, pygame.K_RETURN)
    app.frame(0.05)  # the search line reports Enter on the next frame
    assert _teacher_entries(session, "inject")[0][2]["event"] == target
    assert session.state.event_queue[:1] == [target] or target in session.state.fired


def test_recovery_after_a_faction_is_expelled(app):
    from game.ui.scenes.teacher import RecoveryOverlay

    session = _game(app, ["bukharin"])
    state = session.state
    for _ in range(4):
        discipline.move_rung(app.rs, state, "trotsky", 1)
    assert state.factions["trotsky"].exiled
    key(app, pygame.K_F10)
    key(app, pygame.K_r)
    assert isinstance(app.scene, RecoveryOverlay)
    click(app, app.scene.element("#recover_trotsky"))
    fs = session.state.factions["trotsky"]
    assert not fs.exiled and fs.rung == 1
    assert _teacher_entries(session, "recover")
    game = next(s for s in app.stack if type(s).__name__ == "GameScene")
    assert game.message.startswith("Teacher: recovery for")


def test_undo_the_last_whole_turn_from_the_menu(app):
    session = _game(app, ["bukharin"], seed=4)
    while session.state.turn < 2:
        mover = session.human_to_move()
        if mover is None:
            session.run_bots()
            continue
        action = session.legal(mover)[0] if session.state.event_queue else A.EndTurn(mover)
        session.submit(action)
    key(app, pygame.K_F10)
    key(app, pygame.K_u)
    assert session.state.turn == 1
    assert _teacher_entries(session, "undo_turn")[0][2]["turn"] == 2
    for _ in range(5):
        app.frame(0.05)  # the apparatus screen catches up without error


def test_timer_rotate_and_class_vote_options(app):
    session = _game(app, ["bukharin", "trotsky"])
    key(app, pygame.K_F10)
    key(app, pygame.K_t)
    key(app, pygame.K_d)
    key(app, pygame.K_v)
    assert session.options["turn_timer"] == 3 and session.options["rotate_driver"] and session.options["class_vote"]
    key(app, pygame.K_ESCAPE)
    app.frame(0.05)


def test_a_class_vote_on_an_event_records_the_tally_and_enters_the_rooms_choice(app):
    from game.ui.scenes.classvote import ClassVoteOverlay
    from game.ui.scenes.event import EventOverlay

    session = _game(app, ["bukharin", "trotsky"], class_vote=True)
    assert isinstance(app.scene, EventOverlay)
    event = app.rs.events[session.state.event_queue[0]]
    key(app, pygame.K_v)
    assert isinstance(app.scene, ClassVoteOverlay)
    key(app, pygame.K_DOWN)  # the second choice wins 12 to 3
    key(app, pygame.K_1)
    key(app, pygame.K_2)
    key(app, pygame.K_UP)
    key(app, pygame.K_3)
    key(app, pygame.K_RETURN)
    vote = next(e for e in session.state.log if e[1] == "class.vote")
    assert list(vote[2]["counts"].values()) == [3, 12, *([0] * (len(event.choices) - 2))]
    chosen = next(e for e in session.state.log if e[1] == "event.chosen" and e[2]["event"] == event.id)
    assert chosen[2]["option"] == event.choices[1].id


def test_a_class_vote_that_says_no_keeps_the_motion_back(app):
    from game.ui.scenes.classvote import ClassVoteOverlay
    from game.ui.scenes.game import GameScene

    session = _game(app, ["bukharin"], class_vote=True)
    while session.state.event_queue:
        key(app, pygame.K_1)  # the first choice, straight (the class vote is offered, not forced)
        for _ in range(10):
            app.frame(0.05)
    while session.human_to_move() is None:
        app.frame(0.05)
    game = next(s for s in app.stack if isinstance(s, GameScene))
    motion = next(a for a in session.legal("bukharin") if isinstance(a, A.Propose))
    game.act(motion)
    assert isinstance(app.scene, ClassVoteOverlay)
    key(app, pygame.K_DOWN)
    key(app, pygame.K_9)
    key(app, pygame.K_RETURN)
    assert not any(e[1] == "motion.proposed" for e in session.state.log)
    assert next(e for e in session.state.log if e[1] == "class.vote")[2]["chosen"] == "No"
    assert "not to put" in game.message


def test_the_class_clock_stops_while_paused():
    from game.ui.clock import ClassClock, mm_ss

    clock = ClassClock(lesson_started=0)
    clock.start_turn((0, "bukharin"), 1000)
    assert clock.turn_seconds_left(3, 61_000) == 120
    clock.paused(30_000)
    assert clock.turn_seconds_left(3, 61_000) == 150
    assert clock.lesson_minutes_left(45, 30 * 60_000 + 30_000) == 15
    clock.start_turn((0, "bukharin"), 90_000)  # the same team: the timer keeps running
    assert clock.turn_seconds_left(3, 61_000) == 150
    assert mm_ss(75) == "1:15"


def test_the_new_game_screen_sets_the_classroom_options(app):
    from game.ui.scenes.newgame import NewGameScene

    scene = app.push(NewGameScene)
    app.frame(0.05)
    click(app, scene.element("#option_turn_timer"))
    click(app, scene.element("#option_turn_timer"))
    click(app, scene.element("#option_rotate_driver"))
    assert scene.options["turn_timer"] == 5 and scene.options["rotate_driver"]
    assert scene.element("#option_turn_timer").text == "Turn timer: 5 min"
    assert scene.current_setup().options["turn_timer"] == 5


def test_a_one_lesson_game_end_to_end_with_two_hotseat_teams(app):
    """The whole one-lesson preset through the window: hand-overs, events, votes, actions by key."""
    from game.ui.scenes.ending import EndOverlay
    from game.ui.scenes.event import EventOverlay
    from game.ui.scenes.game import GameScene
    from game.ui.scenes.handover import HandoverOverlay
    from game.ui.scenes.inbox import InboxOverlay
    from game.ui.scenes.votereport import VoteOverlay

    session = Session.start(app.rs, "scissors", 11, ["bukharin", "trotsky"], preset="one_lesson")
    app.push(GameScene, session)
    handovers = decisions = 0
    acted: set[tuple[int, str]] = set()
    for _ in range(4000):
        app.frame(0.05)
        scene = app.scene
        if isinstance(scene, EndOverlay):
            break
        if isinstance(scene, HandoverOverlay):
            handovers += 1
            key(app, pygame.K_RETURN)
        elif isinstance(scene, EventOverlay):
            decisions += 1
            key(app, pygame.K_1)
        elif isinstance(scene, (VoteOverlay, InboxOverlay)):
            key(app, pygame.K_RETURN)
        elif isinstance(scene, GameScene) and session.human_to_move() and session.state.phase == "session":
            key(app, pygame.K_e)  # to the vote, with the default whips
        elif isinstance(scene, GameScene) and session.human_to_move() and session.state.phase == "intrigue":
            mover = session.human_to_move()
            if (session.state.turn, mover) not in acted:  # one action, then end the turn
                acted.add((session.state.turn, mover))
                key(app, pygame.K_1)
            else:
                key(app, pygame.K_e)
            decisions += 1
    assert isinstance(app.scene, EndOverlay), "the lesson did not reach its end"
    assert session.state.turn == session.state.last_turn == 5
    assert handovers >= 6 and decisions >= 24
    assert {(t, f) for t, f in acted} >= {(t, f) for t in range(6) for f in ("bukharin", "trotsky")}
    played = [
        a for a in session.timeline.log if a.actor in ("bukharin", "trotsky") and a.tag not in ("end_turn", "choose")
    ]
    assert len(played) >= 10, "the keys did not act"


def test_the_pause_menus_teacher_button_opens_the_teacher_menu(app):
    from game.ui.scenes.pause import PauseOverlay
    from game.ui.scenes.teacher import TeacherOverlay

    session = _game(app, ["bukharin"])
    app.push(PauseOverlay)
    app.frame(0.05)
    click(app, app.scene.element("#pause_teacher"))
    assert isinstance(app.scene, TeacherOverlay) and not any(isinstance(s, PauseOverlay) for s in app.stack)
    key(app, pygame.K_F10)  # already open: F10 does not stack a second one
    assert sum(isinstance(s, TeacherOverlay) for s in app.stack) == 1
    assert app.scene.session is session
