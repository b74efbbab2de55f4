"""The report lists the class's preset and options, and every teacher intervention and class vote."""

from __future__ import annotations

from pathlib import Path

from game.core import actions as A
from game.report.html import build_report
from game.session.live import Session
from game.session.saving import to_save

ROOT = Path(__file__).resolve().parents[2]


def test_teacher_interventions_and_class_votes_are_in_the_report():
    from game.content.loader import load_game

    content = load_game(ROOT / "data", [], [])
    rs = content.ruleset
    session = Session.start(rs, "scissors", 5, ["bukharin"], preset="one_lesson")
    session.options.update(class_vote=True, turn_timer=5)
    chooser = session.to_move()
    event = session.state.event_queue[0]
    assert session.submit(A.ClassVote(chooser, f"the event {event}", "Publish=14;Suppress=9", "Publish")).ok
    assert session.teacher("skip").ok
    session.run_bots()
    while not session.over:
        mover = session.human_to_move()
        if mover is None:
            session.run_bots()
            continue
        session.submit(session.legal(mover)[0] if session.state.event_queue else A.EndTurn(mover))
    page = build_report(rs, to_save(session, content))
    assert "In the classroom" in page and "One lesson (45 minutes)" in page and "Turn timer: 5 minutes" in page
    assert "Class vote for" in page and "Publish 14, Suppress 9" in page
    section = page.split("<h2>In the classroom</h2>")[1].split("<h2>")[0]
    assert "Teacher: the event" in section and "Class vote for" in section  # and again in the timeline, in context
