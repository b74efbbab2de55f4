"""Issue 10 in the window: the whip panel cycles a motion's whip by click and keyboard, Relations
opens by key and accepts an offer by click, and pacts and votes read as words."""

from __future__ import annotations

import pygame

from game.core import actions as A
from game.core.state import Pact
from tests.ui.conftest import click, key, play_to


def _scene(app, session):
    from game.ui.scenes.game import GameScene

    game = app.reset_to(GameScene, session)
    game.shown_human, game.seen_log = session.humans[0], len(session.state.log)
    app.frame()
    assert app.scene is game
    return game


def test_whip_buttons_cycle_the_whip_by_click_and_key(app):
    from game.session.live import Session

    session = Session.start(app.rs, "succession", 7, ["bukharin"])
    play_to(session, app.rs, lambda m: m == "bukharin" and session.state.phase == "session")
    game = _scene(app, session)
    motion = session.state.agenda[0]
    assert game.end_turn.text == "To the vote"
    seen = []
    for _ in range(3):
        click(app, game.element("#whip_0"))
        seen.append(session.state.whips["bukharin"][str(motion.id)])
    assert sorted(seen) == ["against", "for", "free"], seen
    key(app, pygame.K_1)  # the keyboard cycles it too
    assert session.state.whips["bukharin"][str(motion.id)] != seen[-1]
    game.select(("person", "kalinin"))  # selecting something keeps the whips on the panel
    app.frame()
    assert game.element("#whip_0") is not None and game.whip_blocks
    key(app, pygame.K_e)
    assert session.state.phase != "session" or session.human_to_move() != "bukharin"


def test_relations_opens_by_key_and_accepts_an_offer_by_click(app):
    from game.session.live import Session
    from game.ui.scenes.relations import RelationsOverlay

    session = Session.start(app.rs, "succession", 5, ["bukharin"])
    play_to(session, app.rs, lambda m: m == "bukharin" and session.state.phase == "intrigue")
    state = session.state
    state.pacts.append(Pact("trotsky", "bukharin", "alliance", state.turn + 2, False, 0, None, state.turn))
    game = _scene(app, session)
    key(app, pygame.K_r)
    assert isinstance(app.scene, RelationsOverlay)
    accept = app.scene.element("#rel_0")
    assert accept.text.startswith("Accept")
    click(app, accept)
    assert any(isinstance(a, A.AnswerPact) and a.accept for a in session.timeline.log)
    assert any(p.accepted and {p.a, p.b} == {"trotsky", "bukharin"} for p in session.state.pacts)
    assert any(b.text.startswith("Break with") for b in app.scene.list.buttons), "a pact in force offers its Break"
    key(app, pygame.K_ESCAPE)
    assert app.scene is game


def test_pacts_say_what_they_bind_and_answers_say_why(content):
    from game.text.pacts import answer, terms

    rs = content.ruleset
    words = terms(rs, "bloc", "stalin", "zinoviev_kamenev", 3, 1924, "trotsky")
    assert "Autumn 1925" in words and rs.factions["trotsky"].short in words and "40 trust" in words
    assert "vote against itself" in words
    assert answer(rs, "trotsky", False, "stronger") == "The Left refuses: you are stronger than they are."
    assert answer(rs, "trotsky", True, "common_enemy") == "The Left accepts: a common enemy."
    assert (
        answer(rs, "trotsky", False, "stronger", "bukharin", "stalin")
        == "The Left refuses: the Right is stronger than they are."
    )
    assert "the Right's agenda" in answer(rs, "trotsky", False, "agenda_far", "bukharin", "stalin")


def test_a_vote_reads_as_words(content):
    from game.text.votes import VoteWords

    rs = content.ruleset
    w = VoteWords(rs)
    p = {
        "proposer": "trotsky",
        "p_proposed": 0.64,
        "p_view": 0.58,
        "p_pass": 0.71,
        "passed": True,
        "changes": [
            ["before", "revealed", {"character": "kalinin", "faction": "stalin"}, -0.14],
            ["hidden", "secret_hold", {"character": "rykov", "faction": "stalin"}, 0.2],
        ],
        "ballots": [["rykov", False]],
        "why": [["rykov", 0.8, "bukharin", [["whip", 1.0], ["chance", 0.008], ["ideology", -0.12]], "for"]],
    }
    assert w.odds(p) == ("When proposed 64 %; on the eve of the vote, as the Left saw it, 58 %; the true chance 71 %.")
    changes = w.changes(p)
    assert "Mikhail Kalinin's allegiance" in changes[0] and "\u221214 points" in changes[0]
    assert "+20 points" in changes[1]
    member = w.members(p)[0]
    assert "DEFECTED" in member and "his ideology is far from this motion: \u221212 points" in member


def test_a_pact_that_binds_the_whip_says_so_and_what_breaking_costs(content):
    from game.core.engine import new_game
    from game.core.state import Motion
    from game.core.view import player_view
    from game.views.whips import pact_note

    rs = content.ruleset
    state = new_game(rs, "succession", 3)
    view = player_view(rs, state, "bukharin")
    assert any(p.accepted and {p.a, p.b} == {"stalin", "bukharin"} for p in view.pacts), (
        "the scenario's non-aggression pact"
    )
    censure = Motion("censure", "trotsky", {"faction": "stalin"}, id=99)
    kept, broken = pact_note(rs, view, "bukharin", censure, "against"), pact_note(rs, view, "bukharin", censure, "for")
    assert kept.startswith("bound by your pact with") and "prestige" in kept and "trust" in kept
    assert broken.startswith("BREAKS your pact with")


def test_inbox_lines_open_what_they_name(app):
    from game.session.live import Session
    from game.ui.scenes.inbox import InboxOverlay
    from game.ui.scenes.relations import RelationsOverlay
    from tests.ui.conftest import click_at

    session = Session.start(app.rs, "succession", 5, ["bukharin"])
    play_to(session, app.rs, lambda m: m == "bukharin" and session.state.phase == "intrigue")
    game = _scene(app, session)
    entries = [
        [
            0,
            "pact.offered",
            {"faction": "trotsky", "partner": "bukharin", "kind": "alliance", "turns": 2, "price": 0, "against": None},
        ],
        [0, "person.died", {"character": "kalinin", "cause": "natural"}],
    ]
    inbox = app.push(InboxOverlay, session, "bukharin", entries)
    app.frame()
    assert [line.tag for line in inbox.lines] == ["OFFER", "DEATH"]
    click_at(app, inbox.rows[0][0].center)  # the offer opens Relations
    assert isinstance(app.scene, RelationsOverlay)
    key(app, pygame.K_ESCAPE)
    app.frame()
    click_at(app, inbox.rows[1][0].center)  # a person: selected on the apparatus screen
    assert app.scene is game and game.selected == ("person", "kalinin")


def test_a_game_opened_mid_way_reports_only_the_last_turns_votes(app):
    from game.session.live import Session
    from game.ui.scenes.game import GameScene

    session = Session.start(app.rs, "succession", 7, ["bukharin"])
    play_to(
        session, app.rs, lambda m: m == "bukharin" and session.state.turn >= 4 and session.state.phase == "intrigue"
    )
    votes = [e for e in session.state.log if e[1] == "vote.held"]
    assert any(e[0] < session.state.turn - 1 for e in votes), "the test needs votes from turns long past"
    game = app.reset_to(GameScene, session)  # as a loaded save opens
    game.collect_votes()
    reported = [e for e in game.pending_votes["bukharin"] if e[1] == "vote.held"]
    assert reported == [e for e in votes if e[0] >= session.state.turn - 1]
