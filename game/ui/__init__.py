"""The window: the only package that imports pygame or pygame_gui. It reads the session's player
views through presenters and submits actions; it never changes the game state itself."""

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # keep stdout clean (bench --json)
