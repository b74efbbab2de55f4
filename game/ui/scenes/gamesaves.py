"""Saving from the apparatus screen: the autosave at each new turn, F5 quick save and F9 quick
load, all through the session's one saver (session/saving.py GameSaver); this mixin of GameScene
(which provides app, saver, message and rebuild) only says how it went."""

from __future__ import annotations

from ...session.saving import QUICKSAVE
from .loadscreen import open_game


class GameSaves:
    def autosave_if_new_turn(self) -> None:
        """Autosave at the end of every turn (the last five are kept); a failure is shown, not fatal."""
        try:
            self.saver.autosave_if_new_turn()
        except OSError as exc:
            self.message = f"Autosave failed: {exc.strerror}"

    def quick_save(self) -> None:
        try:
            path = self.saver.quick_save()
            self.message = f"Saved to {path.name} (F9 loads it)."
        except OSError as exc:
            self.message = f"Could not save: {exc.strerror}"
        self.rebuild()

    def quick_load(self) -> None:
        path = self.saver.folder / QUICKSAVE
        if not path.is_file():
            self.message = "No quick save yet (F5 saves)."
            self.rebuild()
            return
        error = open_game(self.app, path)
        if error:
            self.message = error
            self.rebuild()
