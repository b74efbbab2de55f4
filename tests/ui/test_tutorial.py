"""Learn to play, driven to its end by posted input events as a newcomer would: the menu entry, each
prompt's Next, the opening events, picking a member, lobbying, a motion, a card, ending the turn,
whips and the vote, the autumn turn, and the last prompt - then it is remembered in the settings."""

from __future__ import annotations

import pygame

from tests.ui.conftest import click, click_at, key


def _option(game, tag: str):
    return next((b for b, o in game.option_buttons.items() if o.action.tag == tag and b.is_enabled), None)


def _step(app) -> None:
    """One thing a player would do now for the prompt on screen."""
    guide, game = app.guide, app.game_scene()
    kind, arg = guide.step.until
    if kind == "next":  # read the prompt, then Next (Enter), even over a dialog
        key(app, pygame.K_RETURN)
        return
    if app.scene is not game:  # a dialog on top: decide an event, or read and close a report
        name = type(app.scene).__name__
        key(app, pygame.K_1 if name == "EventOverlay" else pygame.K_ESCAPE)
        return
    if kind == "select":
        seat = next(h for h in game.hits if h.kind == "person" and h.id in ("kalinin", "rykov"))
        click_at(app, seat.rect.center)
    elif kind == "action":
        tab = {"propose": "Policy", "play_card": "Hand"}.get(arg)
        if tab and game.tab != tab:
            click(app, next(b for b, t in game.tab_buttons.items() if t == tab))
            return
        button = _option(game, arg)
        assert button is not None, f"nothing to {arg} on the {game.tab} tab"
        click(app, button)
    else:  # intrigue, session, turn N: play on - end the turn, then to the vote
        if game.end_turn.is_enabled:
            click(app, game.end_turn)
        else:
            app.frame(0.05)


def test_learn_to_play_runs_from_the_menu_to_its_end(app):
    app.push("menu")
    app.frame()
    key(app, pygame.K_t)  # Learn to play
    app.frame()
    guide = app.guide
    assert guide is not None and app.game_scene() is not None
    seen = []
    for _ in range(400):
        if app.guide is None:
            break
        if not seen or seen[-1] != guide.step.id:
            seen.append(guide.step.id)
        _step(app)
    assert app.guide is None, f"the tutorial stopped at '{guide.step.id}'"
    assert seen == [s.id for s in app.rs.tutorial], seen
    assert app.settings.tutorial_done
    session = app.game_scene().session
    assert session.state.turn >= 2 and "bukharin" in session.humans  # the game goes on after the guide
    tags = {a.tag for a in session.timeline.log if a.actor == "bukharin"}
    assert {"lobby", "propose", "play_card"} <= tags


def test_the_tutorial_can_be_skipped_and_started_again(app):
    app.push("menu")
    app.frame()
    key(app, pygame.K_t)
    app.frame()
    click_at(app, app.guide.buttons["skip"].center)
    assert app.guide is None and app.settings.tutorial_done
    app.reset_to("menu")
    app.frame()
    key(app, pygame.K_t)
    app.frame()
    assert app.guide is not None and app.guide.index == 0
