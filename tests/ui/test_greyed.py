"""A greyed option says why: on hover its tooltip gives the engine's own reason, and a click puts
the reason in the status line (pygame_gui gives a disabled button no tooltip of its own)."""

from __future__ import annotations

import pygame

from tests.ui.test_standing import _game_at_turn


def test_a_greyed_option_says_why_on_hover_and_on_click(app):
    session, game = _game_at_turn(app, 2)
    session.state.factions["bukharin"].influence = 0  # nothing that costs influence is possible now
    game.changes += 1
    game.tab = "Faction"
    game.rebuild()
    app.frame()
    assert game.greyed, "the Faction tab should have some option that is not possible now"
    button, (label, reason) = next(iter(game.greyed.items()))
    option = game.option_buttons[button]
    assert reason == session.why_not(option.action)
    pos = button.rect.center
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    app.frame()
    app.frame()
    assert game._tip_lines == [label, f"Not now: {reason}"]
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    app.frame()
    assert reason in game.message and label in game.message
