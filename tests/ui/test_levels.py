"""The new-game screen: a faction's button cycles Human -> AI standard -> AI easy -> AI hard -> Human,
and the game starts with the levels chosen."""

from __future__ import annotations

from tests.ui.conftest import click


def test_the_side_button_cycles_through_the_ai_levels(app):
    from game.ai.hard import HardBot
    from game.ui.scenes.game import GameScene
    from game.ui.scenes.menu import MenuScene
    from game.ui.scenes.newgame import NewGameScene

    app.push(MenuScene)
    app.frame()
    click(app, app.scene.element("#new_game"))
    scene = app.scene
    assert isinstance(scene, NewGameScene)
    click(app, scene.element("#scenario_scissors"))
    assert scene.side_label("bukharin") == "Human"
    seen = []
    for _ in range(4):
        click(app, scene.element("#side_bukharin"))
        seen.append(scene.element("#side_bukharin").text)
    assert seen == ["AI: standard", "AI: easy", "AI: hard", "Human"]
    for _ in range(3):
        click(app, scene.element("#side_bukharin"))
    assert scene.levels["bukharin"] == "hard" and "bukharin" not in scene.humans
    for _ in range(3):  # Trotsky starts as the computer (standard): easy, hard, then a person
        click(app, scene.element("#side_trotsky"))
    assert scene.humans == ["trotsky"]
    click(app, scene.element("#start"))
    game = next(s for s in app.stack if isinstance(s, GameScene))
    assert game.session.humans == ["trotsky"] and isinstance(game.session.bots["bukharin"], HardBot)
