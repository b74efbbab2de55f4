"""Headless games: every faction played by a bot, through the engine's own actions.

`play_game` is what `simulate` and `bench` run. Bots see only their player view and think with
their own seeded streams, so the game's dice never depend on how long a bot thinks.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from .ai.apparatus import make_bot
from .core import actions as A
from .core.engine import apply_in_place, new_game, whose_move
from .core.legality import check
from .core.rng import Rng, derive_seed
from .core.ruleset import Ruleset
from .core.state import GameState, state_hash
from .core.view import player_view


@dataclass(slots=True)
class GameRecord:
    seed: int
    state: GameState
    actions: list[A.Action] = field(default_factory=list)
    turn_hashes: list[str] = field(default_factory=list)
    decision_ms: list[float] = field(default_factory=list)
    # (turn, faction, ms) of every decision, when timed: a faction-turn's thinking is their sum
    decisions: list[tuple[int, str, float]] = field(default_factory=list)


def play_game(
    rs: Ruleset,
    scenario: str,
    seed: int,
    on_turn: Callable[[GameState], None] | None = None,
    time_decisions: bool = False,
    hash_turns: bool = False,
    levels: dict[str, str] | None = None,
    max_turns: int | None = None,
) -> GameRecord:
    """`levels` gives a faction's AI level (easy, standard, hard; default standard); `max_turns`
    stops the game early, unfinished, after that many turns (for measuring)."""
    state = new_game(rs, scenario, seed)
    levels = levels or {}
    bots = {f: make_bot(rs, f, levels.get(f, "standard")) for f in rs.faction_ids}
    record = GameRecord(seed, state)
    turn = state.turn
    guard = 0
    while state.phase != "over":
        guard += 1
        if guard > 20000:
            raise RuntimeError(f"game {seed} did not finish: stuck at turn {state.turn} ({state.phase})")
        faction = whose_move(rs, state)
        assert faction is not None
        started = time.perf_counter() if time_decisions else 0.0
        view = player_view(rs, state, faction)
        rng = Rng(derive_seed(seed, "bot", faction, len(state.log)))
        action = bots[faction].choose(view, rng, lambda a: check(rs, state, a) is None)
        if time_decisions:
            ms = (time.perf_counter() - started) * 1000.0
            record.decision_ms.append(ms)
            record.decisions.append((state.turn, faction, ms))
        apply_in_place(rs, state, action)
        record.actions.append(action)
        if state.turn != turn or state.phase == "over":
            if hash_turns:
                record.turn_hashes.append(state_hash(state))
            if on_turn is not None:
                on_turn(state)
            turn = state.turn
            if max_turns is not None and turn >= max_turns:
                break
    return record
