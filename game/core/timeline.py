"""A game's timeline: the states after each action and the action log, with undo.

A faction may take back its own actions within its turn, as long as they rolled no dice and
revealed nothing (`Result.undoable`); the undone action leaves the log, so replaying the log
gives the same game.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .actions import Action
from .engine import Result, apply
from .ruleset import Ruleset
from .state import GameState


@dataclass(slots=True)
class Timeline:
    rs: Ruleset
    state: GameState
    log: list[Action] = field(default_factory=list)
    _undo: list[tuple[GameState, Action]] = field(default_factory=list)

    def submit(self, action: Action) -> Result:
        result = apply(self.rs, self.state, action)
        if not result.ok:
            return result
        if result.undoable:
            self._undo.append((self.state, action))
        else:
            self._undo.clear()
        self.state = result.state
        self.log.append(action)
        return result

    def can_undo(self, faction: str) -> bool:
        return bool(self._undo) and self._undo[-1][1].actor == faction and self.state.acting_faction == faction

    def undo(self, faction: str) -> Action | None:
        """Take back this faction's last action; returns it, or None if it cannot be undone."""
        if not self.can_undo(faction):
            return None
        previous, action = self._undo.pop()
        self.state = previous
        self.log.pop()
        return action
