"""The window: pygame set-up, the main loop, and the scene stack (stack.py) with every scene
registered by name (scenes/catalogue.py).

Each scene (scene.py) handles events, updates and draws; a scene may push another (a dialog) or
replace itself. pygame_gui elements live in one UIManager per scene, with stable object ids so
tests can find them. `App.frame()` runs one frame, so tests and the screenshot tool can drive the
window without a loop of their own.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pygame

from ..content.loader import GameContent
from ..session.paths import user_dir
from ..session.settings import Settings
from .scenes.catalogue import SCENES
from .scenes.crash import CrashScene, write_report
from .scenes.game import GameScene
from .scenes.setupscreen import start_from_setup
from .stack import SceneStack


class App(SceneStack):
    def __init__(self, content: GameContent, settings: Settings, size: tuple[int, int] | None = None) -> None:
        super().__init__(SCENES)
        os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
        pygame.display.init()
        pygame.font.init()
        self.content = content
        self.settings = settings
        flags = pygame.RESIZABLE | (pygame.FULLSCREEN if settings.fullscreen else 0)
        self.size = size or (settings.width, settings.height)
        self.screen = pygame.display.set_mode(self.size, flags)
        pygame.display.set_caption("Testament — 1924–1941")
        pygame.key.set_repeat(300, 40)
        self.wanted_scale = settings.ui_scale / 100.0
        self.running = True
        self.clock = pygame.time.Clock()
        self.frame_times: list[float] = []
        self.guide = None  # the guided first year, drawn above every screen while it runs (guide.py)

    @property
    def rs(self):
        return self.content.ruleset

    @property
    def scale(self) -> float:
        """The UI scale in force: the player's choice, as far as the window can show it (a 1280x720
        window shows 100 %, a 1920x1080 one up to 150 %, a 2560x1440 one the full 200 %)."""
        room = max(1.0, min(self.size[0] / 1280, self.size[1] / 720))
        return min(self.wanted_scale, room)

    def set_scale(self, percent: int) -> None:
        self.settings.ui_scale = max(100, min(200, percent))
        self.wanted_scale = self.settings.ui_scale / 100.0
        for scene in self.stack:
            scene.rebuild()

    def resize(self, size: tuple[int, int]) -> None:
        self.size = (max(800, size[0]), max(600, size[1]))
        self.screen = pygame.display.set_mode(self.size, pygame.RESIZABLE)
        for scene in self.stack:
            scene.rebuild()

    def frame(self, dt: float = 1 / 60) -> None:
        started = time.perf_counter()
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                self.running = False
                return
            if event.type == pygame.VIDEORESIZE:
                self.resize((event.w, event.h))
                continue
            if event.type == pygame.KEYDOWN and event.key == pygame.K_F10 and self.open_teacher_menu():
                continue
            if event.type == pygame.KEYDOWN and event.key == pygame.K_F12:
                self.take_screenshot()
                continue
            if self.guide is not None and self.guide.handle(self, event):
                continue
            scene = self.scene
            scene.manager.process_events(event)
            scene.handle(event)
            if not self.running:
                return
        scene = self.scene
        scene.update(dt)
        scene.manager.update(dt)
        for lower in self.stack[:-1]:
            if getattr(scene, "overlay", False):
                lower.draw(self.screen)
                lower.manager.draw_ui(self.screen)
        scene.draw(self.screen)
        scene.manager.draw_ui(self.screen)
        scene.draw_over(self.screen)
        if self.guide is not None:
            self.guide.update(self)
        if self.guide is not None:
            self.guide.draw(self, self.screen)
        pygame.display.flip()
        self.frame_times.append((time.perf_counter() - started) * 1000.0)
        if len(self.frame_times) > 600:
            del self.frame_times[:300]

    def game_scene(self) -> GameScene | None:
        """The apparatus screen under the dialogs, or None when no game is open."""
        return next((s for s in self.stack if isinstance(s, GameScene)), None)

    def open_teacher_menu(self) -> bool:
        """F10 anywhere in a game (an event or vote on screen included) opens the teacher menu."""
        game = self.game_scene()
        if game is None or any(getattr(s, "teacher_dialog", False) for s in self.stack):
            return False
        self.push("teacher", game.session)
        return True

    def run(self) -> None:
        while self.running and self.stack:
            dt = self.clock.tick(60) / 1000.0
            self.safe_frame(dt)
        pygame.quit()

    def safe_frame(self, dt: float) -> None:
        """A frame that cannot take the window down: an unexpected error shows the crash screen."""
        try:
            self.frame(dt)
        except Exception as error:  # noqa: BLE001 - anything at all: report it and keep the window
            if isinstance(self.scene, CrashScene):
                raise  # the crash screen itself failed: nothing safer to show
            game = self.game_scene()
            report = write_report(error, game.session if game is not None else None)
            self.reset_to("crash", error, report)

    def screenshot(self, path: Path) -> None:
        pygame.image.save(self.screen, str(path))

    def take_screenshot(self) -> Path | None:
        """F12: the window as it is now, to screenshots/ in the user's folder (for a worksheet or a
        bug report); the game says where in the status line when it can."""
        folder = user_dir() / "screenshots"
        path = folder / time.strftime("testament-%Y%m%d-%H%M%S.png")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            n = 1
            while path.exists():
                path = folder / time.strftime(f"testament-%Y%m%d-%H%M%S-{n}.png")
                n += 1
            self.screenshot(path)
        except (OSError, pygame.error) as exc:
            print(f"warning: the screenshot could not be saved: {exc}")
            return None
        game = self.game_scene()
        if game is not None:
            game.message, game.message_ok = f"Screenshot saved: {path}", True
        return path


def start_window(content: GameContent, settings: Settings, setup: Path | None = None) -> int:
    """Open the window on the main menu, or straight into the game a set-up file describes."""
    app = App(content, settings)
    app.push("menu")
    if setup is not None:
        error = start_from_setup(app, setup)
        if error:
            print(f"error: {error}")
            pygame.quit()
            return 1
    if os.environ.get("TESTAMENT_STARTUP_PROBE"):  # bench: draw the menu once and stop
        app.frame()
        pygame.quit()
        return 0
    app.run()
    return 0
