"""Measuring sticks, not opponents: `random` plays a uniformly random legal action, `passive` ends
every turn (and takes an event's first option). They are what the strength tool measures the real
levels against, and they are kept off the New-game menu.
"""

from __future__ import annotations

from collections.abc import Callable

from ..core import actions as A
from ..core.engine import legal_actions
from ..core.rng import Rng
from ..core.ruleset import Ruleset
from ..core.state import GameState

MAX_FREE_MOVES = 12  # a random player still ends its turn: free actions (whips, answers) are not a loop


class PassiveBot:
    """Ends every turn; when an event must be decided, takes its first option."""

    def __init__(self, rs: Ruleset, faction: str) -> None:
        self.rs = rs
        self.faction = faction

    def choose(self, view: GameState, rng: Rng, legal: Callable[[A.Action], bool]) -> A.Action:
        if view.event_queue:
            event = self.rs.events[view.event_queue[0]]
            return A.ChooseOption(self.faction, event.id, event.choices[0].id)
        return A.EndTurn(self.faction)


class RandomBot:
    """A uniformly random legal action from the engine's own list, seen from its player view."""

    def __init__(self, rs: Ruleset, faction: str) -> None:
        self.rs = rs
        self.faction = faction
        self.moves: dict[tuple[int, str, int], int] = {}

    def choose(self, view: GameState, rng: Rng, legal: Callable[[A.Action], bool]) -> A.Action:
        options = [a for a in self._listed(view) if legal(a)]
        key = (view.turn, view.phase, view.acting)
        made = self.moves.get(key, 0)
        self.moves = {key: made + 1}
        if not options:
            return A.EndTurn(self.faction)
        if made >= MAX_FREE_MOVES and not view.event_queue:
            return A.EndTurn(self.faction)
        return options[rng.below(len(options))]

    def _listed(self, view: GameState) -> list[A.Action]:
        """The engine's list; an event it is asked to decide is answered by one of its options even
        when its player view would name another chooser (who decides an office's event can hang on
        a rival's secret hold, which the view hides; the engine asks the true chooser)."""
        if view.event_queue:
            event = self.rs.events[view.event_queue[0]]
            return [A.ChooseOption(self.faction, event.id, c.id) for c in event.choices]
        return legal_actions(self.rs, view, self.faction)
