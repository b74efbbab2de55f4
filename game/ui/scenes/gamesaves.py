"""Saving from the apparatus screen: the autosave at the end of every turn, F5 quick save and F9
quick load. A mixin of GameScene (which provides app, session, message and rebuild)."""

from __future__ import annotations


class GameSaves:
    def autosave_if_new_turn(self) -> None:
        """Autosave at the end of every turn (the last five are kept); a failure is shown, not fatal."""
        from ...session.paths import saves_dir
        from ...session.saving import autosave

        turn = self.session.state.turn
        if getattr(self, "_saved_turn", turn) != turn or (self.session.over and not getattr(self, "_saved_end", False)):
            try:
                autosave(saves_dir(), self.session, self.app.content)
            except OSError as exc:
                self.message = f"Autosave failed: {exc.strerror}"
            self._saved_end = self.session.over
        self._saved_turn = turn

    def quick_save(self) -> None:
        from ...session.paths import saves_dir
        from ...session.saving import save_session

        try:
            path = save_session(saves_dir() / "quicksave.testament.json", self.session, self.app.content)
            self.message = f"Saved to {path.name} (F9 loads it)."
        except OSError as exc:
            self.message = f"Could not save: {exc.strerror}"
        self.rebuild()

    def quick_load(self) -> None:
        from ...session.paths import saves_dir
        from .loadscreen import open_game

        path = saves_dir() / "quicksave.testament.json"
        if not path.is_file():
            self.message = "No quick save yet (F5 saves)."
            self.rebuild()
            return
        error = open_game(self.app, path)
        if error:
            self.message = error
            self.rebuild()
