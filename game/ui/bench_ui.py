"""Window measurements for `bench`: process start to menu drawn, and frame times of the
apparatus screen at 1600x900 under the dummy video driver (software rendering)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

from ..content.loader import GameContent


def menu_startup_s() -> float:
    """Wall time of a fresh process that loads everything, draws the main menu once and exits."""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", TESTAMENT_STARTUP_PROBE="1")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "game", "--mods", ""], env=env, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - started


def frame_times(content: GameContent, frames: int = 300) -> tuple[float, float]:
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    import pygame

    from ..session.live import Session
    from ..session.settings import Settings
    from .app import App
    from .scenes.game import GameScene

    app = App(content, Settings(width=1600, height=900), (1600, 900))
    rs = content.ruleset
    human = rs.scenarios["succession"].playable[0]
    session = Session.start(rs, "succession", 11, [human])
    session.run_bots()
    from ..core import actions as A

    while session.state.phase == "chronicle" and session.human_to_move():  # answer the opening events
        event = rs.events[session.state.event_queue[0]]
        session.submit(A.ChooseOption(human, event.id, event.choices[0].id))
        session.run_bots()
    game = app.push(GameScene, session)
    game.shown_human = human
    for _ in range(20):  # warm the caches
        app.frame(1 / 60)
    app.frame_times.clear()
    for i in range(frames):
        x = 40 + (i * 37) % 1500
        y = 80 + (i * 23) % 760
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=(x, y), rel=(1, 1), buttons=(0, 0, 0)))
        # Keep the screen on the apparatus: dismiss any dialog the game pushes.
        while app.scene is not game:
            app.pop()
        app.frame(1 / 60)
    times = sorted(app.frame_times)
    pygame.display.quit()
    return statistics.median(times), times[int(len(times) * 0.95)]
