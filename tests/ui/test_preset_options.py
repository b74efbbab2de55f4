"""In a classroom preset, the actions it leaves out of the game are hidden from the panel, not greyed."""

from __future__ import annotations

from game.core import actions as A


def test_actions_outside_the_preset_are_not_offered(app):
    from game.session.live import Session
    from game.ui.scenes.game import GameScene

    rs = app.rs
    preset = rs.scenarios["scissors"].preset("one_lesson")
    session = Session.start(rs, "scissors", 4, ["bukharin"], preset="one_lesson")
    for _ in range(500):
        mover = session.human_to_move()
        if session.state.phase == "intrigue" and mover == "bukharin":
            break
        if mover is None:
            session.step_bot()
        else:
            event = rs.events[session.state.event_queue[0]]
            session.submit(A.ChooseOption(mover, event.id, event.choices[0].id))
    game = app.reset_to(GameScene, session)
    seen = set()
    for tab in ("Faction", "Policy", "Hand"):
        game.tab = tab
        game.rebuild()
        app.frame()
        seen |= {o.action.tag for o in game.option_buttons.values()}
        assert all(
            session.why_not(o.action) is None or o.action.tag in preset.actions for o in game.option_buttons.values()
        )
    assert seen and seen <= set(preset.actions), seen - set(preset.actions)
    assert "platform" not in seen  # the Faction tab offers a platform outside the preset
