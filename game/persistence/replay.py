"""Replay: play a save's action log again from the start and check the state hash at the end of
every turn against the hashes recorded while it was played. Same content + seed + actions must
give the same game, bit for bit."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.engine import apply_in_place, new_game
from ..core.legality import Reason, check
from ..core.ruleset import Ruleset
from ..core.state import state_hash
from .codec import SaveData


@dataclass(frozen=True, slots=True)
class ReplayResult:
    ok: bool
    turns_checked: int
    message: str
    refusal: Reason | None = None  # the action the log could not replay was refused: why (to be worded)


def replay(rs: Ruleset, data: SaveData) -> ReplayResult:
    state = new_game(rs, data.state.scenario, data.state.seed, data.state.preset)
    hashes: list[str] = []
    turn = state.turn
    for i, action in enumerate(data.log):
        reason = check(rs, state, action)
        if reason is not None:
            return ReplayResult(
                False,
                len(hashes),
                f"action {i + 1} ({action.tag} by {action.actor}) is refused at turn {state.turn} ({reason.key})",
                reason,
            )
        apply_in_place(rs, state, action)
        if state.turn != turn or state.phase == "over":
            hashes.append(state_hash(state))
            k = len(hashes) - 1
            if k < len(data.turn_hashes) and hashes[k] != data.turn_hashes[k]:
                return ReplayResult(
                    False, k, f"the game diverges at turn {k + 1}: its state hash differs from the saved one"
                )
            turn = state.turn
    if state_hash(state) != state_hash(data.state):
        return ReplayResult(False, len(hashes), "the replayed game ends in a different state from the saved one")
    if len(hashes) < len(data.turn_hashes):
        return ReplayResult(False, len(hashes), "the log ends before the recorded turns do")
    return ReplayResult(True, len(hashes), f"replayed {len(data.log)} actions: all {len(hashes)} turn hashes match")
