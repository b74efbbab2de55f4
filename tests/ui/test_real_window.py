"""The real window: the game under Xvfb (a real X server), driven by real key presses through the X
server (xdotool's XTEST), not posted pygame events. It opens Learn to play from the menu, reads past
the content notice, decides the opening events, ends the first turn and goes to the vote, then
saves a screenshot with F12 and checks the picture is not blank and the game reached its next turn.

Needs Debian's xvfb and xdotool (.ci/run installs them). Locally: `apt-get install xvfb xdotool`,
then `pytest tests/ui/test_real_window.py`. Without them it is skipped, unless
TESTAMENT_REQUIRE_XVFB=1 (as in CI), when it fails.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DISPLAY = ":93"


def _tools() -> bool:
    found = all(shutil.which(tool) for tool in ("Xvfb", "xdotool"))
    if not found and os.environ.get("TESTAMENT_REQUIRE_XVFB") == "1":
        pytest.fail("Xvfb and xdotool are required (apt-get install xvfb xdotool)")
    return found


pytestmark = pytest.mark.skipif(not _tools(), reason="needs Debian's xvfb and xdotool")


def _until(check, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if check():
            return True
        time.sleep(0.25)
    return False


def _turn_saved(saves: Path) -> int:
    turns = []
    for path in saves.glob("autosave-*.testament.json"):
        with contextlib.suppress(OSError, ValueError, KeyError):  # being written: read it next time
            turns.append(int(json.loads(path.read_text(encoding="utf-8"))["header"]["turn"]))
    return max(turns, default=-1)


def test_the_real_window_plays_the_tutorials_first_turn(tmp_path):
    env = dict(os.environ, DISPLAY=DISPLAY, SDL_AUDIODRIVER="dummy")
    env.pop("SDL_VIDEODRIVER", None)  # the real X11 driver, not the dummy one the other tests use
    env.update(TESTAMENT_USER_DIR=str(tmp_path / "user"), TESTAMENT_SAVES_DIR=str(tmp_path / "saves"))
    server = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1600x900x24", "-nolisten", "tcp"])
    game = None
    try:
        assert _until(
            lambda: subprocess.run(["xdotool", "getmouselocation"], env=env, capture_output=True).returncode == 0, 10
        )
        game = subprocess.Popen([sys.executable, "-m", "game"], cwd=ROOT, env=env)
        window = []

        def found() -> bool:
            out = subprocess.run(["xdotool", "search", "--pid", str(game.pid)], env=env, capture_output=True, text=True)
            window[:] = out.stdout.split()
            return bool(window)

        assert _until(found, 60), "the window never opened"
        time.sleep(3)  # the menu draws

        def keys(*names: str, pause: float = 0.8) -> None:
            for name in names:
                subprocess.run(["xdotool", "windowfocus", window[-1]], env=env, capture_output=True)
                subprocess.run(["xdotool", "key", name], env=env, check=True)
                time.sleep(pause)

        keys("t", "Return", "Return")  # Learn to play; past the content notice; the first prompt's Next
        keys(*["1"] * 6)  # the opening events (a key with nothing to decide acts on the first option)
        keys("e", pause=6)  # end the turn: the other factions move
        keys("e", pause=4)  # to the vote
        keys("Escape", "Escape")  # close the vote report (and the inbox, if any)
        assert _until(lambda: _turn_saved(tmp_path / "saves") >= 1, 60), "the game never reached its second turn"
        keys("F12")
        shots = tmp_path / "user" / "screenshots"
        assert _until(lambda: any(shots.glob("*.png")), 10), "F12 saved no screenshot"
        assert game.poll() is None, "the game closed"
    finally:
        if game is not None:
            game.terminate()
            game.wait(10)
        server.terminate()
        server.wait(10)
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    picture = pygame.image.load(str(next(shots.glob("*.png"))))
    assert picture.get_size() == (1600, 900)
    colours = {picture.get_at((x, y))[:3] for x in range(0, 1600, 40) for y in range(0, 900, 30)}
    assert len(colours) > 20, "the screenshot is blank"
