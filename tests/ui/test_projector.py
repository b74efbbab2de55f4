"""The projector (DESIGN §16) and 'no text cut off' (at 1280x720 and at 200 %): the dialogs use the
UI scale the player asked for as far as the panel fits the window; no label on any main screen
is shortened with an ellipsis, no paragraph runs out of room, no button's label is wider than
the button, and the apparatus's pieces do not overlap."""

from __future__ import annotations

import pygame
import pygame_gui
import pytest

from game.session.settings import Settings

# Texts that may still be shortened (each with its full text in a tooltip), and why. Empty: the
# game's own content fits everywhere. A mod's very long name would belong here.
WHITELIST: set[str] = set()


def _app(content, size, percent):
    from game.ui.app import App

    return App(content, Settings(width=size[0], height=size[1], ui_scale=percent), size)


def _game_with_event(app, content, seed=7):
    from game.session.live import Session
    from game.ui.scenes.game import GameScene

    session = Session.start(content.ruleset, "succession", seed, ["bukharin"])
    session.run_bots()
    app.push(GameScene, session)
    return session


def _inside(rect: pygame.Rect, outer: pygame.Rect) -> bool:
    return outer.contains(rect)


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_event_dialog_is_larger_at_200_percent_and_stays_inside(content, size):
    from game.ui.scenes.event import EventOverlay

    scales = {}
    for percent in (100, 200):
        app = _app(content, size, percent)
        session = _game_with_event(app, content)
        assert session.state.event_queue, "the test needs an event waiting"
        overlay = app.push(EventOverlay, session, session.human_to_move())
        app.frame()
        k = overlay.scene_scale()
        scales[percent] = k
        frame = overlay.frame_rect()
        assert _inside(frame, pygame.Rect((0, 0), size)), "the panel spills off the window"
        placed = overlay.placed
        assert placed.fits, f"the event does not fit at {k}"
        blocks = placed.blocks()
        assert all(_inside(b, frame) for b in blocks), "something is drawn outside the panel"
        for i, a in enumerate(blocks):
            for b in blocks[i + 1 :]:
                assert not a.colliderect(b), f"{a} overlaps {b}"
        for button in overlay.list.buttons:  # the buttons are where the layout put them, in the panel's type
            assert _inside(button.rect, frame)
            assert button.font.point_size == int(16 * k)
            assert button.font.size(button.text)[0] <= button.rect.width - 4
    assert scales[100] == 1.0
    assert scales[200] >= 1.4, scales  # clearly larger: a 1280x720 projector used to get 100 %
    if size == (1920, 1080):
        assert scales[200] == 2.0


def test_every_event_fits_at_100_percent_and_is_large_at_200(content):
    from game.ui.scenes.event import EventOverlay

    for percent, least in ((100, 1.0), (200, 1.3)):
        app = _app(content, (1280, 720), percent)
        session = _game_with_event(app, content)
        for eid in content.ruleset.events:
            session.state.event_queue[:] = [eid]
            overlay = app.push(EventOverlay, session, "bukharin")
            assert overlay.placed.fits and overlay.scene_scale() >= least, (eid, percent, overlay.scene_scale())
            app.pop()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_other_projector_dialogs_grow_and_stay_inside(content, size):
    from game.session.live import Session
    from game.ui.scenes.ending import EndOverlay, LessonEndOverlay
    from game.ui.scenes.game import GameScene
    from game.ui.scenes.handover import HandoverOverlay
    from game.ui.scenes.votereport import VoteOverlay

    finished = Session.start(content.ruleset, "scissors", 3, [])
    finished.run_bots()
    playing = Session.start(content.ruleset, "scissors", 3, ["trotsky", "bukharin"])
    made = {  # how each is pushed, and the least scale it must reach at 200 % in a 1280x720 window
        "votes": (lambda app: app.push(VoteOverlay, playing, []), 1.8),
        "handover": (lambda app: app.push(HandoverOverlay, playing, "trotsky"), 1.5),
        "lesson": (lambda app: app.push(LessonEndOverlay, playing, 1), 1.5),
        "end": (lambda app: app.push(EndOverlay, finished), 1.2),  # the epilogue shares the panel with four charts
    }
    for name, (push, least) in made.items():
        scales = {}
        for percent in (100, 200):
            app = _app(content, size, percent)
            app.push(GameScene, finished if name == "end" else playing)
            overlay = push(app)
            app.frame()
            scales[percent] = overlay.scene_scale()
            frame = overlay.frame_rect()
            assert _inside(frame, pygame.Rect((0, 0), size)), name
            for el in overlay.manager.get_sprite_group().sprites():
                if isinstance(el, (pygame_gui.elements.UIButton, pygame_gui.elements.UITextBox)) and el.visible:
                    assert _inside(el.rect, frame), (name, el.get_object_ids(), el.rect, frame)
        assert scales[100] == 1.0 and scales[200] >= (least if size == (1280, 720) else 1.8), (name, scales)


def test_rules_dialogs_keep_the_apparatus_scale(content):
    """Dialogs that are not for the projector stay at the scale the window can show for everything."""
    from game.ui.scenes.pause import PauseOverlay

    app = _app(content, (1280, 720), 200)
    _game_with_event(app, content)
    pause = app.push(PauseOverlay)
    assert pause.scene_scale() == app.scale == 1.0


def _overflowing_buttons(app) -> list[str]:
    """Buttons (in every scene on the stack) whose label is wider than the button."""
    out = []
    for scene in app.stack:
        for el in scene.manager.get_sprite_group().sprites():
            button = isinstance(el, pygame_gui.elements.UIButton) and el.visible and el.text
            if button and el.font.size(el.text)[0] > el.rect.width - 4:  # less the border
                out.append(f"{type(scene).__name__}: {el.text!r}")
    return out


@pytest.mark.parametrize("size,percent", [((1280, 720), 100), ((1920, 1080), 200), ((1280, 720), 200)])
def test_no_label_is_cut_on_any_screen(content, tmp_path, size, percent):
    from game.ui import assets as K
    from game.ui.screenshots import take_screenshots

    K.shortened.clear()
    overflowing: list[str] = []

    def inspect(name, app):
        overflowing.extend(f"{name}: {label}" for label in _overflowing_buttons(app))

    take_screenshots(content, tmp_path, 7, size, percent, inspect)
    cut = {words for words in K.shortened if words not in WHITELIST}
    assert not cut, f"shortened or cut at {size} {percent} %: {sorted(cut)}"
    assert not overflowing, overflowing


def test_the_load_screen_shows_whole_labels(content, tmp_path, monkeypatch):
    from game.session.live import Session
    from game.session.saving import save_session
    from game.ui import assets as K
    from game.ui.scenes.loadscreen import LoadScene

    monkeypatch.setenv("TESTAMENT_SAVES_DIR", str(tmp_path))
    session = Session.start(content.ruleset, "succession", 7, ["bukharin"])
    for name in ("quicksave", "succession-seed7-lesson12", "autosave-turn-12-a-rather-long-name-for-a-save"):
        save_session(tmp_path / f"{name}.testament.json", session, content)
    for size in ((1280, 720), (1920, 1080)):
        K.shortened.clear()
        app = _app(content, size, 200)
        app.push(LoadScene)
        app.frame()
        assert len(app.scene.rows) == 3
        assert not K.shortened and not _overflowing_buttons(app)
        assert all(b.rect.bottom < app.scene.back.rect.top for b in app.scene.rows)


@pytest.mark.parametrize("size,percent", [((1280, 720), 100), ((1920, 1080), 200), ((1600, 900), 100)])
def test_the_apparatus_pieces_do_not_overlap(content, size, percent):
    from game.session.live import Session
    from game.ui.scenes.game import GameScene

    app = _app(content, size, percent)
    session = Session.start(content.ruleset, "succession", 7, ["bukharin"])
    game = app.push(GameScene, session)
    app.frame()
    hits = [h for h in game.hits if h.kind in ("person", "office", "region", "base")]
    assert len(hits) > 40
    screen = pygame.Rect((0, 0), size)
    for i, a in enumerate(hits):
        assert _inside(a.rect, screen) and a.rect.right <= game.panel.left, a
        for b in hits[i + 1 :]:
            assert not a.rect.colliderect(b.rect), (a, b)
