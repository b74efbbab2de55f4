"""A team's page is its own player view and nothing more: scrambling every other faction's secrets
in the true state (secret holds, lobbying, hands, the draw pile, the dice, offers between others)
leaves the page exactly as it was; and the public board does not change either. A page drafted with
its odds to come gets, when they are worked out together, the very words worked out one by one."""

from __future__ import annotations

import asyncio
import json

import aiohttp
import numpy as np

from game.core.actions.table import preview_of
from game.core.state import Pact
from game.core.timeline import Timeline
from game.net.pages import ODDS_PENDING, board, draft_page, page_text, team_page, with_odds
from game.net.protocol import page_action
from game.net.room import Room
from game.session.live import Session
from game.views.whips import could_move

from .harness import TEAMS, Client, choose, lesson, serving


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


def test_a_draft_marks_the_odds_and_working_them_out_together_says_what_one_at_a_time_says(rs):
    session = _mid_game(rs)
    faction = next(f for f in TEAMS if draft_page(session, f).motions)
    draft = draft_page(session, faction)
    quick, full = page_text(draft), with_odds(rs, draft)
    assert not quick["odds_ready"] and full["odds_ready"] and full == team_page(session, faction)
    view = session.view(faction)
    marked = 0
    for quick_group, full_group in zip(quick["groups"], full["groups"], strict=True):
        for was, now in zip(quick_group["options"], full_group["options"], strict=True):
            assert {**was, "preview": now["preview"]} == now  # only the odds are filled in
            if ODDS_PENDING not in was["preview"]:
                assert was["preview"] == now["preview"]
                continue
            marked += 1
            seen = preview_of(rs, view, page_action(was["action"], faction))  # the window's way, one by one
            words = f"now: {round(seen['p'] * 100)} %" + could_move(rs, seen["could_move"], seen["whipped"])
            assert now["preview"] == was["preview"].replace(ODDS_PENDING, words)
    assert marked == len(draft.motions) > 10


def test_the_host_sends_each_page_at_once_then_its_odds(rs):
    async def body() -> tuple[list[dict], dict]:
        room = Room(lesson(rs))
        async with serving(room) as (_host, url), aiohttp.ClientSession() as http:
            clients = {f: Client(http, url) for f in TEAMS}
            for faction, client in clients.items():
                await client.join(room.code, faction)
            while True:  # the events decided, on to intrigue, where the pages have motions
                mover = room.session.to_move()
                if mover not in TEAMS:
                    await asyncio.sleep(0.05)
                    continue
                data = await clients[mover].until(lambda d: d["type"] == "page" and d["at"] == room.move)
                if not room.session.state.event_queue:
                    break
                await clients[mover].act(data["page"]["groups"][0]["options"][0]["action"], data["at"])
            at = room.move
            await clients[mover].until(lambda d: d["type"] == "odds" and d["at"] == at)
            whole = team_page(room.session, mover)  # the game waits for this team: nothing has moved
            for client in clients.values():
                await client.close()
            return [d for d in clients[mover].received if d.get("at") == at and d["type"] in ("page", "odds")], whole

    (page, odds), whole = asyncio.run(body())  # the page at once, then its odds
    assert page["type"] == "page" and not page["page"]["odds_ready"] and odds["type"] == "odds"
    assert len(odds["odds"]) > 10 and len(json.dumps(odds)) < len(json.dumps(whole)) / 3  # a small message
    for option in (o for g in page["page"]["groups"] for o in g["options"] if "odds" in o):  # as the page fills them
        option["preview"] = option["preview"].replace(odds["pending"], odds["odds"][str(option["odds"])])
    assert {**page["page"], "odds_ready": True} == whole


def test_the_host_gives_the_process_its_thread_switch_interval_back_when_it_stops(rs):
    """The host shortens the interpreter's switch interval so drawing pages does not starve its event
    loop; the window that hosted goes on at the process's own once the host has stopped."""
    import sys

    from game.net.server import SWITCH_INTERVAL

    own = sys.getswitchinterval()
    assert own != SWITCH_INTERVAL

    async def host_a_while() -> float:
        async with serving(Room(lesson(rs))):
            return sys.getswitchinterval()

    assert asyncio.run(host_a_while()) == SWITCH_INTERVAL
    assert sys.getswitchinterval() == own
