"""Where you stand, in the top bar: the running score and the sole-power track, each explained on hover."""

from __future__ import annotations

import pygame

from game.core.rules.standing import standing
from game.text.names import label
from game.views.standing import SHORT
from tests.ui.conftest import play_to


def _game_at_turn(app, turn: int):
    from game.session.live import Session
    from game.ui.scenes.game import GameScene

    rs = app.rs
    session = Session.start(rs, "succession", 7, ["bukharin"])
    play_to(session, rs, lambda m: session.state.turn >= turn and m == "bukharin" and session.state.phase == "intrigue")
    game = app.reset_to(GameScene, session)
    game.shown_human, game.seen_log = "bukharin", len(session.state.log)
    app.frame()
    app.frame()
    return session, game


def _hover(app, game, key: str) -> list[str]:
    rect = next(r for r, k in game.stat_hits if k == key)
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=rect.center, rel=(0, 0), buttons=(0, 0, 0)))
    app.frame()
    app.frame()
    return game._tip_lines


def test_the_top_bar_shows_the_score_and_the_sole_power_track_with_their_parts(app):
    session, game = _game_at_turn(app, 3)
    view = session.view("bukharin")
    row = standing(app.rs, view)["bukharin"]
    score = _hover(app, game, "score")
    assert score[0].startswith("The score if the game ended now")
    s = row["score"]
    assert f"The Right: {s['total']:.1f} = power {s['power']:.1f} + program {s['program']:.1f}" in "\n".join(score)
    assert len([line for line in score if " = power " in line]) == len(app.rs.faction_ids)
    power = _hover(app, game, "power")
    assert power[0].startswith("Sole power: hold all four")
    assert any(line.startswith(f"The Right: {row['met']}/4") for line in power)


def test_the_faction_tab_shows_every_faction_on_the_track_with_its_score_parts_on_hover(app):
    from tests.ui.conftest import click

    session, game = _game_at_turn(app, 3)
    click(app, game.element("#tab_selection"))
    assert not game.track_hits  # the track belongs to the Faction tab
    click(app, game.element("#tab_faction"))
    view = session.view("bukharin")
    table = standing(app.rs, view)
    rows = [f for _rect, f in game.track_hits if f != "#heading"]
    assert rows == [f for f in app.rs.faction_ids if not view.factions[f].exiled]
    options_top = min(b.rect.top for b in game.option_buttons)
    assert options_top >= max(rect.bottom for rect, _f in game.track_hits)  # the options start below it
    for faction in ("bukharin", "stalin"):
        rect = next(r for r, f in game.track_hits if f == faction)
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=rect.center, rel=(0, 0), buttons=(0, 0, 0)))
        app.frame()
        app.frame()
        assert game.hover == ("track", faction)
        s, row = table[faction]["score"], table[faction]
        tip = game._tip_lines
        assert tip[0].startswith(label(app.rs, faction) + (" (you)" if faction == "bukharin" else "") + ": score")
        assert f"score {s['total']:.1f} if the game ended now" in tip[0]
        assert tip[1] == (
            f"= power {s['power']:.1f} + program {s['program']:.1f} + survival {s['survival']:.1f}"
            f" - human cost {s['human_cost']:.1f}"
        )
        assert f"for {row['held']} of the {row['needed']} turns" in "\n".join(tip)
        held = [c for c, met in row["conditions"].items() if met]
        assert tip[2] == (
            f"Holds: {', '.join(SHORT[c] for c in held)}."
            if held
            else "Holds none of the four conditions of sole power."
        )
    heading = next(r for r, f in game.track_hits if f == "#heading")
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=heading.center, rel=(0, 0), buttons=(0, 0, 0)))
    app.frame()
    app.frame()
    assert game._tip_lines[0].startswith("Sole power: hold all four")
