"""The live game: the timeline, which factions people hold, the bots' moves, and subscribers.

No pygame here. The window reads the session and submits actions; bots go through the very same
`submit`. Each bot move is one call to `step_bot`, so the window can advance them a frame at a
time and never freeze.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .ai.apparatus import make_bot
from .ai.standard import StandardBot
from .core import actions as A
from .core.engine import Result, legal_actions, new_game, whose_move
from .core.legality import check
from .core.rng import Rng, derive_seed
from .core.ruleset import Ruleset
from .core.state import GameState, state_hash
from .core.timeline import Timeline
from .core.view import player_view


@dataclass(slots=True)
class Session:
    rs: Ruleset
    timeline: Timeline
    humans: list[str]
    bots: dict[str, StandardBot] = field(default_factory=dict)
    listeners: list[Callable[[Result], None]] = field(default_factory=list)
    last_human: str | None = None  # who was at the controls last (for the hotseat hand-over)
    # Table options from the new-game screen: they change how the game is shown, never its rules.
    options: dict[str, bool] = field(default_factory=lambda: {"handover": True, "vote_reports": True})
    levels: dict[str, str] = field(default_factory=dict)
    turn_hashes: list[str] = field(default_factory=list)  # the state hash at the end of each turn

    @staticmethod
    def start(rs: Ruleset, scenario: str, seed: int, humans: list[str], levels: dict[str, str] | None = None,
              preset: str | None = None) -> Session:
        """A new game; `levels` gives an AI level (easy, standard) for factions no person holds;
        `preset` a classroom preset of the scenario."""
        timeline = Timeline(rs, new_game(rs, scenario, seed, preset))
        levels = levels or {}
        bots = {f: make_bot(rs, f, levels.get(f, "standard")) for f in rs.faction_ids if f not in humans}
        return Session(rs, timeline, list(humans), bots, levels=dict(levels))

    @staticmethod
    def resume(rs: Ruleset, state: GameState, log: list[A.Action], turn_hashes: list[str], table: dict) -> Session:
        """A saved game, exactly where it was left (undo history is not saved)."""
        humans = [f for f in table.get("humans", []) if f in rs.factions]
        levels = dict(table.get("levels", {}))
        timeline = Timeline(rs, state, list(log))
        bots = {f: make_bot(rs, f, levels.get(f, "standard")) for f in rs.faction_ids if f not in humans}
        session = Session(rs, timeline, humans, bots, levels=levels, turn_hashes=list(turn_hashes))
        session.options.update(table.get("options", {}))
        return session

    def table(self) -> dict:
        return {"humans": list(self.humans), "levels": dict(self.levels), "options": dict(self.options)}

    @property
    def state(self) -> GameState:
        return self.timeline.state

    @property
    def over(self) -> bool:
        return self.state.phase == "over"

    def to_move(self) -> str | None:
        return whose_move(self.rs, self.state)

    def human_to_move(self) -> str | None:
        mover = self.to_move()
        return mover if mover in self.humans else None

    def view(self, faction: str) -> GameState:
        return player_view(self.rs, self.state, faction)

    def legal(self, faction: str) -> list[A.Action]:
        return legal_actions(self.rs, self.state, faction)

    def why_not(self, action: A.Action) -> str | None:
        reason = check(self.rs, self.state, action)
        return reason.text if reason else None

    def submit(self, action: A.Action) -> Result:
        turn = self.state.turn
        result = self.timeline.submit(action)
        if result.ok and (self.state.turn != turn or self.state.phase == "over"):
            self.turn_hashes.append(state_hash(self.state))
        if result.ok:
            if action.actor in self.humans:
                self.last_human = action.actor
            for listener in self.listeners:
                listener(result)
        return result

    def step_bot(self) -> Result | None:
        """Let the bot whose move it is make one move; None if a person is to move or it is over."""
        mover = self.to_move()
        if mover is None or mover in self.humans:
            return None
        view = player_view(self.rs, self.state, mover)
        rng = Rng(derive_seed(self.state.seed, "bot", mover, len(self.state.log)))
        action = self.bots[mover].choose(view, rng, lambda a: check(self.rs, self.state, a) is None)
        return self.submit(action)

    def run_bots(self, limit: int = 10_000) -> int:
        """Play bot moves until a person must decide or the game ends; returns how many."""
        moves = 0
        while moves < limit and self.step_bot() is not None:
            moves += 1
        return moves

    def can_undo(self, faction: str) -> bool:
        return self.timeline.can_undo(faction)

    def undo(self, faction: str) -> A.Action | None:
        return self.timeline.undo(faction)
