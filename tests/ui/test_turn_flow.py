"""A turn that flows: after the opening event closes, the panel offers actions and End turn works
without clicking a tab first."""

from __future__ import annotations

import pygame

from tests.ui.conftest import click, key


def test_after_the_opening_event_the_panel_offers_actions_and_end_turn_works(app):
    from game.session.live import Session
    from game.ui.scenes.game import GameScene

    session = Session.start(app.rs, "succession", 3, ["bukharin"])
    session.run_bots()
    game = app.reset_to(GameScene, session)
    for _ in range(50):  # the game screen opens each event for the person to decide
        app.frame()
        if app.scene is not game:
            key(app, pygame.K_1)  # the first option, as a player would press it
            app.frame()
        elif session.state.phase == "intrigue" and session.human_to_move() == "bukharin":
            break
    assert session.state.phase == "intrigue" and session.human_to_move() == "bukharin"
    app.frame()
    assert game.option_buttons, "the panel is empty after the event closed"
    assert game.end_turn.is_enabled, "End turn is greyed after the event closed"
    click(app, game.end_turn)
    assert session.human_to_move() != "bukharin" or session.state.phase != "intrigue", "End turn did nothing"
