"""Content settings in the window, driven by posted key events: the notice before the first game,
summaries in the event dialog, the hand and the encyclopedia, and the settings screen by keyboard."""

from __future__ import annotations

import pygame

from game.session.settings import Settings, load_settings
from tests.ui.conftest import key


def _app(content, tmp_path, monkeypatch, **settings):
    from game.ui.app import App

    monkeypatch.setenv("TESTAMENT_USER_DIR", str(tmp_path))
    return App(content, Settings(width=1280, height=720, **settings), (1280, 720))


def test_the_notice_comes_before_the_first_game_and_keeps_the_choices(content, tmp_path, monkeypatch):
    from game.ui.scenes.contentnotice import ContentNoticeScene
    from game.ui.scenes.game import GameScene
    from game.ui.scenes.menu import MenuScene
    from game.ui.scenes.newgame import NewGameScene

    app = _app(content, tmp_path, monkeypatch)
    app.push(MenuScene)
    app.frame()
    key(app, pygame.K_n)
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, ContentNoticeScene)
    key(app, pygame.K_ESCAPE)  # back: nothing saved, nothing started
    assert isinstance(app.scene, NewGameScene) and not (tmp_path / "settings.json").exists()
    key(app, pygame.K_RETURN)
    notice = app.scene
    assert isinstance(notice, ContentNoticeScene) and notice.focus == 4  # on Continue
    key(app, pygame.K_TAB)  # Back
    key(app, pygame.K_TAB)  # famine
    key(app, pygame.K_RIGHT)  # summarise famine
    key(app, pygame.K_DOWN)
    key(app, pygame.K_DOWN)  # execution
    key(app, pygame.K_RETURN)  # summarise executions too
    key(app, pygame.K_RETURN)  # ...and show them in full again
    key(app, pygame.K_DOWN)  # violence
    key(app, pygame.K_SPACE)
    assert app.settings.summarise == ["famine", "violence"]
    assert (
        notice.element("#notice_famine").text == "Summarise"
        and notice.element("#notice_execution").text == "Show in full"
    )
    pygame.event.post(
        pygame.event.Event(pygame.KEYDOWN, key=pygame.K_TAB, mod=pygame.KMOD_SHIFT, unicode="", scancode=0)
    )
    app.frame(0.05)
    assert notice.focus == 2
    key(app, pygame.K_DOWN)
    key(app, pygame.K_DOWN)  # Continue
    key(app, pygame.K_RETURN)
    assert any(isinstance(s, GameScene) for s in app.stack) and not any(
        isinstance(s, ContentNoticeScene) for s in app.stack
    )
    saved = load_settings(tmp_path / "settings.json")
    assert saved.content_notice_seen is True and saved.summarise == ["famine", "violence"]
    # Once read, the notice is not shown again.
    app.reset_to(MenuScene)
    app.frame()
    key(app, pygame.K_n)
    key(app, pygame.K_RETURN)
    assert any(isinstance(s, GameScene) for s in app.stack) and not isinstance(app.scene, ContentNoticeScene)


def test_opening_a_setup_also_shows_the_notice_first(content, tmp_path, monkeypatch):
    from game.session.setupfile import Setup, write_setup
    from game.ui.scenes.contentnotice import ContentNoticeScene
    from game.ui.scenes.game import GameScene
    from game.ui.scenes.menu import MenuScene
    from game.ui.scenes.setupscreen import start_from_setup
    from game.ui.summaries import tags_for

    app = _app(content, tmp_path, monkeypatch)
    app.push(MenuScene)
    path = write_setup(tmp_path / "lesson", Setup("scissors", 3, None, ["trotsky"], summarise=["execution"]))
    assert start_from_setup(app, path) == ""
    assert isinstance(app.scene, ContentNoticeScene)
    key(app, pygame.K_RETURN)
    game = app.stack[0]
    assert isinstance(game, GameScene)
    assert tags_for(app) == ["execution"] and app.settings.summarise == []  # the set-up's choice, for this game only


def _event_overlay(app, event_id: str):
    from game.session.live import Session
    from game.ui.scenes.event import EventOverlay
    from game.ui.scenes.game import GameScene

    session = Session.start(app.rs, "succession", 5, ["bukharin"])
    session.state.event_queue[:] = [event_id]  # only drawn, never chosen
    app.reset_to(GameScene, session)
    overlay = app.push(EventOverlay, session, "bukharin")
    app.frame()
    return overlay, app.screen.copy()


def test_an_event_with_a_summarised_tag_shows_its_summary(content, tmp_path, monkeypatch):
    famine = content.ruleset.events["famine_1932_33"]
    app = _app(content, tmp_path, monkeypatch, content_notice_seen=True)
    overlay, full_picture = _event_overlay(app, "famine_1932_33")
    assert overlay.shown == famine.text
    app.settings.summarise = ["famine"]
    overlay, short_picture = _event_overlay(app, "famine_1932_33")
    assert overlay.shown == famine.summary and famine.summary != famine.text
    assert pygame.image.tobytes(full_picture, "RGB") != pygame.image.tobytes(short_picture, "RGB")
    app.settings.summarise = ["violence"]  # a tag the event does not carry
    overlay, _ = _event_overlay(app, "famine_1932_33")
    assert overlay.shown == famine.text


def test_the_hand_and_the_encyclopedia_summarise_and_show_the_full_text_on_request(content, tmp_path, monkeypatch):
    from game.session.live import Session
    from game.ui.scenes.encyclopedia import EncyclopediaScene
    from game.ui.scenes.game import GameScene

    rs = content.ruleset
    app = _app(content, tmp_path, monkeypatch, content_notice_seen=True, summarise=["execution"])
    session = Session.start(rs, "succession", 5, ["bukharin"])
    session.state.factions["bukharin"].hand[:] = ["bukharin_in_paris", "enrich_yourselves"]
    game = app.reset_to(GameScene, session)
    game.tab = "Hand"
    previews = " ".join(o.preview for o in game.current_options("bukharin") if o.label.endswith("for its event"))
    assert rs.cards["bukharin_in_paris"].summary in previews and rs.cards["bukharin_in_paris"].text not in previews
    assert "Summarised (content settings: execution)" in previews
    assert rs.cards["enrich_yourselves"].text in previews  # untagged: in full

    book = app.push(EncyclopediaScene, "Cards", "bukharin_in_paris")
    app.frame()
    assert rs.cards["bukharin_in_paris"].summary in book.render(
        "bukharin_in_paris"
    ) and "What really happened" not in book.render("bukharin_in_paris")
    assert book.show_full.visible
    key(app, pygame.K_f)
    assert "What really happened" in book.render("bukharin_in_paris") and "Full text shown" in book.render(
        "bukharin_in_paris"
    )
    key(app, pygame.K_f)
    assert "What really happened" not in book.render("bukharin_in_paris")


def test_the_settings_screen_by_keyboard_alone(content, tmp_path, monkeypatch):
    from game.ui.scenes.menu import MenuScene
    from game.ui.scenes.settingscreen import ROWS, SettingsScene

    app = _app(content, tmp_path, monkeypatch)
    app.push(MenuScene)
    app.frame()
    key(app, pygame.K_s)
    screen = app.scene
    assert isinstance(screen, SettingsScene) and ROWS[screen.row] == "resolution"
    key(app, pygame.K_TAB)  # fullscreen
    key(app, pygame.K_RETURN)
    assert app.settings.fullscreen is True
    key(app, pygame.K_LEFT)
    assert app.settings.fullscreen is False
    for _ in range(4):
        key(app, pygame.K_DOWN)  # ui_scale, markers, animation, summarise famine
    assert ROWS[app.scene.row] == "summarise_famine"
    key(app, pygame.K_RIGHT)
    key(app, pygame.K_DOWN)
    key(app, pygame.K_DOWN)  # executions
    key(app, pygame.K_RETURN)
    assert app.settings.summarise == ["famine", "execution"]
    key(app, pygame.K_UP)
    key(app, pygame.K_UP)
    key(app, pygame.K_UP)  # animation
    key(app, pygame.K_RIGHT)
    assert app.settings.animation == 200
    for _ in range(5):
        key(app, pygame.K_TAB)  # famine, repression, execution, violence, Save
    assert ROWS[app.scene.row] == "save"
    key(app, pygame.K_RETURN)
    saved = load_settings(tmp_path / "settings.json")
    assert saved.summarise == ["famine", "execution"] and saved.animation == 200 and saved.fullscreen is False
    key(app, pygame.K_RIGHT)  # Back
    assert ROWS[app.scene.row] == "back"
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, MenuScene)
    key(app, pygame.K_s)
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, MenuScene)
