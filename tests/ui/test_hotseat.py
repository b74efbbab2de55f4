"""Hotseat: each team at the shared screen reads the votes counted while another team sat at the
controls, and what happened since its own last turn, right after its next hand-over."""

from __future__ import annotations

import pygame

from tests.ui.conftest import key


def _play(app, turns: int) -> list[tuple]:
    """Two humans end every turn at once; what each dialog showed, to whom, in order."""
    from game.session.live import Session
    from game.ui.scenes.event import EventOverlay
    from game.ui.scenes.game import GameScene
    from game.ui.scenes.handover import HandoverOverlay
    from game.ui.scenes.inbox import InboxOverlay
    from game.ui.scenes.votereport import VoteOverlay

    session = Session.start(app.rs, "succession", 5, ["bukharin", "trotsky"])
    game = app.reset_to(GameScene, session)
    seen: list[tuple] = []
    for _ in range(3000):
        app.frame(0.02)
        scene = app.scene
        if isinstance(scene, HandoverOverlay):
            seen.append(("handover", scene.faction, scene.news))
            key(app, pygame.K_RETURN)
        elif isinstance(scene, VoteOverlay):
            seen.append(("votes", game.shown_human, tuple(e[0] for e in scene.votes if e[1] == "vote.held")))
            key(app, pygame.K_RETURN)
        elif isinstance(scene, InboxOverlay):
            seen.append(("inbox", scene.viewer, tuple(line.tag for line in scene.lines)))
            key(app, pygame.K_RETURN)
        elif isinstance(scene, EventOverlay):
            seen.append(("event", scene.faction))
            key(app, pygame.K_1)
        elif scene is game and session.human_to_move():
            seen.append(("move", session.human_to_move(), session.state.phase, session.state.turn))
            key(app, pygame.K_e)
        if session.state.turn >= turns:
            break
    return seen


def test_the_team_that_ended_first_reads_the_votes_and_its_news_after_its_next_hand_over(app):
    seen = _play(app, 2)
    whips = [s[1] for s in seen if s[0] == "move" and s[2] == "session" and s[3] == 0]
    first, last = whips[0], whips[-1]
    assert first != last, "both teams whip in the first session"
    # The first session's votes: each team sees their report once, at its next move.
    reports = [s for s in seen if s[0] == "votes" and 0 in s[2]]
    assert sorted(s[1] for s in reports) == sorted([first, last])
    # The team that ended first was not at the screen when the votes were counted: its hand-over
    # says what waits, then come the votes, then its inbox (votes and news), before anything else.
    i = seen.index(next(s for s in reports if s[1] == first))
    handover = seen[i - 1]
    assert handover[0] == "handover" and handover[1] == first
    assert handover[2].startswith("Waiting for you: the report of") and "since your last turn" in handover[2]
    inbox = seen[i + 1]
    assert inbox[0] == "inbox" and inbox[1] == first and "VOTE" in inbox[2]
    # Every later first move of a team in a turn comes after its hand-over, its reports and its inbox.
    later = [s for s in seen[i + 2 :] if s[0] in ("event", "move")]
    assert later and later[0][1] == first
