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


def test_an_action_confirms_itself_in_the_status_line(app):
    from tests.ui.conftest import click

    session, game = _game_at_turn(app, 2)
    game.tab = "Faction"
    game.rebuild()
    app.frame()
    button = next(b for b, o in game.option_buttons.items() if b.is_enabled and o.action.tag == "special")
    before = len(session.state.log)
    click(app, button)
    assert len(session.state.log) > before, "the action was not taken"
    assert game.message.startswith("Done: ") and game.message_ok


def test_the_mouse_wheel_moves_the_options_a_useful_amount(app, monkeypatch):
    session, game = _game_at_turn(app, 2)
    game.tab = "Faction"
    game.rebuild()
    app.frame()
    bar = game.scroller.vert_scroll_bar
    assert bar is not None, "the Faction tab's list should be long enough to scroll"
    first = next(iter(game.option_buttons))
    top = first.rect.top
    pos = game.scroller.rect.center
    monkeypatch.setattr(pygame.mouse, "get_pos", lambda: pos)  # pygame_gui reads the pointer, not the events
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    app.frame()
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, precise_x=0.0, precise_y=-1.0, flipped=False))
    for _ in range(30):
        app.frame(0.05)
    now = next(iter(game.option_buttons))
    assert now is first, "the list was rebuilt while scrolling"
    assert top - first.rect.top >= 2 * first.rect.height, (top, first.rect.top, bar.scroll_position)
