"""The live game: the timeline, which factions people hold, the bots' moves, and subscribers.

No pygame here. The window reads the session and submits actions; bots go through the very same
`submit`. Each bot move is one call to `step_bot`, so the window can advance them a frame at a
time and never freeze.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..ai.bots import make_bot
from ..ai.standard import StandardBot
from ..content.tags import OPTION_PREFIX
from ..core import actions as A
from ..core.engine import Result, apply, legal_actions, new_game, whose_move
from ..core.legality import Reason, check
from ..core.ruleset import Ruleset
from ..core.state import GameState, state_hash
from ..core.timeline import Timeline
from ..core.view import player_view
from ..text.reasons import why_not
from .botmove import bot_action

# The table's options and their defaults: how the game is shown and run in the room, never its rules.
TABLE_OPTIONS: dict[str, bool | int] = {
    "handover": True,
    "vote_reports": True,
    "rotate_driver": False,
    "class_vote": False,
    "turn_timer": 0,
    "timer_ends_turn": False,  # on the network: when the timer runs out, the host ends each late team's turn
}
TIMER_LIMIT = 60  # minutes
TIMER_STEPS = (0, 3, 5, 8)  # the timer's choices on screen (a set-up file may give any 0-60)


def option_problem(key: str, value) -> str | None:
    """Why a table option from a file cannot be used, or None."""
    if key.startswith(OPTION_PREFIX):  # a set-up's content settings (see content/tags.py)
        return None if isinstance(value, bool) else f"{key} is true or false"
    if key not in TABLE_OPTIONS:
        return f"unknown option '{key}' (the options are: {', '.join(TABLE_OPTIONS)})"
    if key == "turn_timer":
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= TIMER_LIMIT:
            return f"turn_timer is minutes per team turn, 0 (off) to {TIMER_LIMIT}"
    elif not isinstance(value, bool):
        return f"{key} is true or false"
    return None


@dataclass(slots=True)
class Session:
    rs: Ruleset
    timeline: Timeline
    humans: list[str]
    bots: dict[str, StandardBot] = field(default_factory=dict)
    watchers: list[Callable[[], None]] = field(default_factory=list, repr=False, compare=False)  # see subscribe
    last_human: str | None = None  # who was at the controls last (for the hotseat hand-over)
    # Table options from the new-game screen: they change how the game is shown, never its rules.
    options: dict[str, bool | int] = field(default_factory=lambda: dict(TABLE_OPTIONS))
    levels: dict[str, str] = field(default_factory=dict)
    turn_hashes: list[str] = field(default_factory=list)  # the state hash at the end of each turn

    @staticmethod
    def start(
        rs: Ruleset,
        scenario: str,
        seed: int,
        humans: list[str],
        levels: dict[str, str] | None = None,
        preset: str | None = None,
    ) -> Session:
        """A new game; `levels` gives an AI level (easy, standard, hard) for factions no person holds;
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
        options = table.get("options", {})
        if isinstance(options, dict):  # an option this version does not know is left out, not fatal
            session.options.update({k: v for k, v in options.items() if option_problem(k, v) is None})
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
        return self.words(check(self.rs, self.state, action))

    def words(self, reason: Reason | None) -> str | None:
        """A refusal in words for the player (None: no refusal)."""
        return why_not(self.rs, reason)

    def submit(self, action: A.Action) -> Result:
        turn = self.state.turn
        result = self.timeline.submit(action)
        if result.ok and (self.state.turn != turn or self.state.phase == "over"):
            self.turn_hashes.append(state_hash(self.state))
        if result.ok:
            if action.actor in self.humans:
                self.last_human = action.actor
            self.changed()
        return result

    def step_bot(self) -> Result | None:
        """Let the bot whose move it is make one move; None if a person is to move or it is over."""
        mover = self.to_move()
        if mover is None or mover in self.humans:
            return None
        return self.submit(bot_action(self.rs, self.state, mover, self.bots[mover]))

    def run_bots(self, limit: int = 10_000) -> int:
        """Play bot moves until a person must decide or the game ends; returns how many."""
        moves = 0
        while moves < limit and self.step_bot() is not None:
            moves += 1
        return moves

    def can_undo(self, faction: str) -> bool:
        return self.timeline.can_undo(faction)

    def undo(self, faction: str) -> A.Action | None:
        undone = self.timeline.undo(faction)
        if undone is not None:
            self.changed()
        return undone

    # ---- who is told of changes -------------------------------------------------------------

    def subscribe(self, watcher: Callable[[], None]) -> None:
        """Call `watcher` after every change of the state: an action, a bot's move, an undo, a
        teacher's rewind (a screen redraws then, instead of asking each frame)."""
        self.watchers.append(watcher)

    def unsubscribe(self, watcher: Callable[[], None]) -> None:
        if watcher in self.watchers:
            self.watchers.remove(watcher)

    def changed(self) -> None:
        for watcher in list(self.watchers):
            watcher()

    # ---- the teacher's controls ------------------------------------------------------------

    def teacher(self, kind: str, **fields) -> Result:
        """A teacher control (pause, advance, skip, inject, recover) as a logged action."""
        return self.submit(A.TeacherAction(A.TEACHER, kind, **fields))

    def undo_whole_turn(self) -> Result | None:
        """Wind the game back to the start of the previous turn (or of this one, in the first
        turn) by replaying the log, then record it; None if there is nothing to undo."""
        state = self.state
        target = max(0, state.turn - 1)
        replay = new_game(self.rs, state.scenario, state.seed, state.preset)
        cut, hashes = 0, []
        if replay.turn < target:
            for i, action in enumerate(self.timeline.log):
                turn = replay.turn
                result = apply(self.rs, replay, action)
                if not result.ok:
                    return None  # the log no longer replays (content changed): refuse rather than guess
                replay = result.state
                if replay.turn != turn:
                    hashes.append(state_hash(replay))
                if replay.turn >= target:
                    cut = i + 1
                    break
        if cut == len(self.timeline.log) and replay.turn == state.turn:
            return None
        undone = state.turn
        self.timeline = Timeline(self.rs, replay, list(self.timeline.log[:cut]))
        self.turn_hashes = hashes
        return self.teacher("undo_turn", turn=undone)
