"""A team's page is its own player view and nothing more: scrambling every other faction's secrets
in the true state (secret holds, lobbying, hands, the draw pile, the dice, offers between others)
leaves the page exactly as it was; and the public board does not change either."""

from __future__ import annotations

import numpy as np

from game.core.state import Pact
from game.core.timeline import Timeline
from game.net.pages import board, team_page
from game.net.protocol import page_action
from game.session.live import Session

from .harness import TEAMS, choose, lesson


def _mid_game(rs) -> Session:
    session = lesson(rs, seed=11)
    session.run_bots()
    moves = 0
    while moves < 40 and not session.over:  # into the second turn, cards played and people lobbied
        mover = session.human_to_move()
        if mover is None:
            session.run_bots()
            continue
        assert session.submit(page_action(choose(team_page(session, mover)), mover)).ok
        moves += 1
    return session


def _scrambled(rs, session: Session, keep: str) -> Session:
    state = session.state.clone()
    f = rs.fi[keep]
    noise = np.random.default_rng(3)
    for other in rs.faction_ids:
        if other == keep:
            continue
        g = rs.fi[other]
        state.loyalty_secret[:, g] = noise.integers(0, 40, size=state.loyalty_secret.shape[0])
        state.lobbied[:, g] = noise.integers(0, 5, size=state.lobbied.shape[0])
        state.factions[other].hand = list(reversed(state.deck[: len(state.factions[other].hand)]))
    state.deck = list(reversed(state.deck))
    state.rng.state ^= 0x5DEECE66D
    others = [o for o in rs.faction_ids if o != keep]
    state.pacts = [*state.pacts, Pact(others[0], others[1], "non_aggression", state.turn + 2, offered=state.turn)]
    assert state.loyalty_secret[:, f].tolist() == session.state.loyalty_secret[:, f].tolist()
    return Session(rs, Timeline(rs, state), list(session.humans), options=dict(session.options))


def test_a_page_does_not_move_when_other_factions_secrets_do(rs):
    session = _mid_game(rs)
    assert session.state.turn >= 1 and any(int(v) for v in session.state.loyalty_secret.flatten())
    for faction in TEAMS:
        page = team_page(session, faction)
        assert team_page(_scrambled(rs, session, faction), faction) == page, faction
    assert board(_scrambled(rs, session, "stalin")) == board(session)


def test_the_mover_sees_its_actions_and_the_others_wait(rs):
    session = _mid_game(rs)
    while session.human_to_move() is None or session.state.event_queue:
        mover = session.human_to_move()
        if mover is None:
            session.run_bots()
        else:
            session.submit(page_action(choose(team_page(session, mover)), mover))
    mover = session.human_to_move()
    page = team_page(session, mover)
    titles = [g["title"] for g in page["groups"]]
    assert page["your_move"] and "Your hand" in titles and "People" in titles
    option = next(o for g in page["groups"] for o in g["options"] if o["action"]["type"] == "lobby")
    assert option["cost"] and option["preview"] and "actor" not in option["action"]
    illegal = [o for g in page["groups"] for o in g["options"] if not o["ok"]]
    assert illegal and all(o["why"] for o in illegal)  # some are refused now, and every refusal says why
    for other in TEAMS:
        if other != mover:
            waiting = team_page(session, other)
            assert not waiting["your_move"] and waiting["groups"] == [] and waiting["hand"]
