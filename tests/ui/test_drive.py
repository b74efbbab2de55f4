"""A real game driven through the window with posted mouse and keyboard events: main menu, new
game, an event choice, a lobby, a motion and its vote, on to the third turn."""

from __future__ import annotations

import pygame

from game.core import actions as A
from game.core.state import state_hash
from tests.ui.conftest import click, click_at, key


def test_drive_a_game_from_the_menu_to_the_third_turn(app):
    from game.ui.scenes.event import EventOverlay
    from game.ui.scenes.game import GameScene
    from game.ui.scenes.handover import HandoverOverlay
    from game.ui.scenes.menu import MenuScene
    from game.ui.scenes.newgame import NewGameScene
    from game.ui.scenes.votereport import VoteOverlay

    app.push(MenuScene)
    app.frame()
    click(app, app.scene.element("#new_game"))
    assert isinstance(app.scene, NewGameScene)
    seed = app.scene.element("#seed")
    seed.set_text("42")
    click(app, app.scene.element("#scenario_succession"))
    assert app.scene.scenario == "succession"
    humans = app.scene.humans
    assert humans == ["bukharin"], humans  # the first faction is a person by default
    click(app, app.scene.element("#start"))
    assert isinstance(app.scene, (GameScene, EventOverlay))
    game = next(s for s in app.stack if isinstance(s, GameScene))
    session = game.session
    assert session.state.seed == 42 and session.humans == ["bukharin"]

    from game.ui.scenes.inbox import InboxOverlay

    chose_event = lobbied = proposed = voted = whipped = inbox_vote = False
    for _ in range(4000):
        app.frame(0.02)
        scene = app.scene
        if isinstance(scene, EventOverlay):
            before = len(session.state.fired)
            key(app, pygame.K_1)  # choose the first option by keyboard
            # the choice is taken; events the computer players choose next may resolve at once
            assert len(session.state.fired) >= before + 1
            chose_event = True
        elif isinstance(scene, VoteOverlay):
            voted = voted or any(p.get("proposer") == "bukharin" for _, _, p in scene.votes)
            click(app, scene.element("#continue"))
        elif isinstance(scene, HandoverOverlay):
            click(app, scene.element("#ready"))
        elif isinstance(scene, InboxOverlay):
            # at the start of the turn: before its event, if it has one, else before its first move
            assert session.state.phase in ("chronicle", "intrigue") and session.human_to_move() == "bukharin"
            vote = next((rect for rect, line in scene.rows if line.tag == "VOTE"), None)
            if vote is not None and not inbox_vote:
                click_at(app, vote.center)  # a vote line opens that vote's report
                assert isinstance(app.scene, VoteOverlay) and app.scene.votes[0][1] == "vote.held"
                key(app, pygame.K_ESCAPE)
                assert app.scene is scene
                inbox_vote = True
            key(app, pygame.K_ESCAPE)
            assert not isinstance(app.scene, InboxOverlay)
        elif (
            isinstance(scene, GameScene) and session.human_to_move() == "bukharin" and session.state.phase == "session"
        ):
            if not whipped:
                button = game.element("#whip_0")
                motion = session.state.agenda[0]
                before = session.state.whips.get("bukharin", {}).get(str(motion.id))
                click(app, button)
                after = session.state.whips.get("bukharin", {}).get(str(motion.id))
                assert after is not None and after != before, "the whip click did not reach the session"
                assert any(isinstance(a, A.Whip) and a.motion == motion.id for a in session.timeline.log)
                whipped = True
            assert game.end_turn.text == "To the vote"
            key(app, pygame.K_e)  # to the vote, by keyboard
        elif (
            isinstance(scene, GameScene) and session.human_to_move() == "bukharin" and session.state.phase == "intrigue"
        ):
            if not lobbied:
                target = (
                    next(h for h in game.hits if h.kind == "person" and h.id == "kalinin")
                    if any(h.id == "kalinin" for h in game.hits)
                    else next(h for h in game.hits if h.kind == "person" and h.id == "rykov")
                )
                click_at(app, target.rect.center)
                assert game.selected == ("person", target.id)
                secret_before = int(session.state.loyalty_secret[app.rs.ci[target.id], app.rs.fi["bukharin"]])
                lobby = next(b for b, opt in game.option_buttons.items() if opt.label.startswith("Lobby (2)"))
                click(app, lobby)
                after = int(session.state.loyalty_secret[app.rs.ci[target.id], app.rs.fi["bukharin"]])
                assert after > secret_before, "the lobby click did not reach the game"
                lobbied = True
            elif not proposed:
                click(app, game.element("#tab_policy"))
                motion = next(
                    b for b, opt in game.option_buttons.items() if b.is_enabled and "Agriculture" in opt.label
                )
                agenda = len(session.state.agenda)
                click(app, motion)
                assert len(session.state.agenda) == agenda + 1
                proposed = True
            else:
                key(app, pygame.K_e)  # end the turn by keyboard
        if session.state.turn >= 2 and lobbied and proposed and voted and whipped and inbox_vote:
            break
    assert chose_event and lobbied and proposed and voted and whipped and inbox_vote
    assert session.state.turn >= 2
    assert state_hash(session.state)


def test_undo_button_takes_back_a_lobby(app):
    from game.session.live import Session
    from game.ui.scenes.game import GameScene

    session = Session.start(app.rs, "scissors", 5, ["trotsky"])
    session.run_bots()
    while session.state.phase == "chronicle":
        from game.core import actions as A

        event = app.rs.events[session.state.event_queue[0]]
        session.submit(A.ChooseOption(session.to_move(), event.id, event.choices[0].id))
        session.run_bots()
    game = app.reset_to(GameScene, session)
    game.shown_human = "trotsky"
    app.frame()
    game.select(("person", "kalinin"))
    before = state_hash(session.state)
    lobby = next(b for b, opt in game.option_buttons.items() if opt.label.startswith("Lobby (2)"))
    click(app, lobby)
    assert state_hash(session.state) != before
    click(app, game.element("#undo"))
    assert state_hash(session.state) == before


def test_hovering_a_number_explains_it(app):
    from game.session.live import Session
    from game.ui.scenes.game import GameScene

    session = Session.start(app.rs, "scissors", 5, ["trotsky"])
    game = app.reset_to(GameScene, session)
    app.frame()
    while app.scene is not game:
        app.pop()
    rect, _ = next((r, k) for r, k in game.stat_hits if k == "heat")
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=rect.center, rel=(0, 0), buttons=(0, 0, 0)))
    app.frame()
    assert game.hover == ("stat", "heat")
    assert any("Control Commission strikes" in line for line in game._tip_lines)


def test_a_turn_by_keyboard_alone(app):
    from game.ui.scenes.encyclopedia import EncyclopediaScene
    from game.ui.scenes.event import EventOverlay
    from game.ui.scenes.game import GameScene
    from game.ui.scenes.handover import HandoverOverlay
    from game.ui.scenes.menu import MenuScene
    from game.ui.scenes.newgame import NewGameScene
    from game.ui.scenes.votereport import VoteOverlay

    app.push(MenuScene)
    app.frame()
    key(app, pygame.K_e)
    assert isinstance(app.scene, EncyclopediaScene)
    key(app, pygame.K_DOWN)
    assert app.scene.entry is not None
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_n)
    assert isinstance(app.scene, NewGameScene)
    key(app, pygame.K_RETURN)
    from game.ui.scenes.inbox import InboxOverlay

    game = next(s for s in app.stack if isinstance(s, GameScene))
    session = game.session
    human = session.humans[0]
    acted = False
    for _ in range(3000):
        app.frame(0.02)
        scene = app.scene
        if isinstance(scene, EventOverlay):
            key(app, pygame.K_1)
        elif isinstance(scene, (VoteOverlay, HandoverOverlay, InboxOverlay)):
            key(app, pygame.K_RETURN)
        elif scene is game and session.human_to_move() == human and session.state.phase == "session":
            key(app, pygame.K_e)
        elif scene is game and session.human_to_move() == human and session.state.phase == "intrigue":
            if not acted:
                before = session.state.factions[human].ap
                key(app, pygame.K_TAB)  # select the first thing on the apparatus
                assert game.selected is not None
                key(app, pygame.K_RIGHT)  # the Faction tab
                key(app, pygame.K_1)  # its first enabled action
                assert session.state.factions[human].ap < before or session.state.phase != "intrigue"
                acted = True
            else:
                key(app, pygame.K_e)
        if acted and session.state.turn >= 1:
            break
    assert acted and session.state.turn >= 1


def test_quick_save_continue_and_load_from_the_menu(app):
    import os
    from pathlib import Path

    from game.session.live import Session
    from game.ui.scenes.game import GameScene
    from game.ui.scenes.loadscreen import LoadScene
    from game.ui.scenes.menu import MenuScene

    session = Session.start(app.rs, "scissors", 8, ["left_sr"])
    game = app.reset_to(GameScene, session)
    app.frame()
    key(app, pygame.K_F5)
    saved = Path(os.environ["TESTAMENT_SAVES_DIR"]) / "quicksave.testament.json"
    assert saved.is_file()
    from game.persistence.codec import read_save

    kept = read_save(saved)  # the computer players may move on in the frames after F5: compare with the file
    app.reset_to(MenuScene)
    app.frame()
    click(app, app.scene.element("#continue"))
    resumed = next(s for s in app.stack if isinstance(s, GameScene))
    assert resumed is not game
    assert resumed.session.timeline.log[: len(kept.log)] == kept.log  # resumed exactly there, perhaps moved on since
    app.reset_to(MenuScene)
    app.frame()
    click(app, app.scene.element("#load"))
    assert isinstance(app.scene, LoadScene) and app.scene.rows


def test_a_damaged_save_shows_a_message_and_the_game_goes_on(app):
    import os
    from pathlib import Path

    from game.ui.scenes.loadscreen import LoadScene

    folder = Path(os.environ["TESTAMENT_SAVES_DIR"])
    (folder / "broken.testament.json").write_text('{"header": {"format": 2}, "log": [')
    app.push(LoadScene)
    app.frame()
    broken = [b for b, p in app.scene.rows.items() if p.name == "broken.testament.json"]
    assert broken and not broken[0].is_enabled  # listed, with its reason, but cannot be opened
    assert app.running
