"""The session tells its watchers of every change of the state - an action, a bot's move, an undo
- and of nothing else; a watcher that unsubscribes hears no more."""

from __future__ import annotations

from game.core import actions as A
from game.session.live import Session


def test_watchers_hear_each_change_and_only_changes(rs):
    session = Session.start(rs, "scissors", 2, ["bukharin"])
    while session.run_bots() or session.state.phase != "intrigue":  # the events first, then a free move
        assert session.submit(session.legal("bukharin")[0]).ok
    heard: list[int] = []

    def watcher() -> None:
        heard.append(session.state.turn)

    session.subscribe(watcher)
    action = next(a for a in session.legal("bukharin") if isinstance(a, A.Lobby))  # one that can be undone
    assert session.submit(action).ok and len(heard) == 1
    assert not session.submit(A.EndTurn("trotsky")).ok and len(heard) == 1  # refused: nothing changed
    assert session.undo("bukharin") == action and len(heard) == 2
    assert session.undo("bukharin") is None and len(heard) == 2
    assert session.submit(A.EndTurn("bukharin")).ok and len(heard) == 3
    moved = session.run_bots(limit=3)
    assert moved and len(heard) == 3 + moved  # each bot's move too
    session.unsubscribe(watcher)
    session.run_bots(limit=3)
    assert len(heard) == 3 + moved
    session.unsubscribe(watcher)  # twice is harmless
