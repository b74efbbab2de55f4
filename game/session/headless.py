"""Headless games: every faction played by a bot, through the engine's own actions.

`play_game` is what `simulate` and `bench` run. Bots see only their player view and think with
their own seeded streams, so the game's dice never depend on how long a bot thinks.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from ..core import actions as A
from ..core.engine import apply_in_place, new_game, whose_move
from ..core.ruleset import Ruleset
from ..core.state import GameState, state_hash
from .botmove import bot_action, bot_for


@dataclass(slots=True)
class GameRecord:
    seed: int
    state: GameState
    actions: list[A.Action] = field(default_factory=list)
    turn_hashes: list[str] = field(default_factory=list)
    decision_ms: list[float] = field(default_factory=list)
    # (turn, faction, ms) of every decision, when timed: a faction-turn's thinking is their sum
    decisions: list[tuple[int, str, float]] = field(default_factory=list)
    iterations: int = 0  # the hard bots' rollouts (look-ahead iterations) in this game


def play_game(
    rs: Ruleset,
    scenario: str,
    seed: int,
    on_turn: Callable[[GameState], None] | None = None,
    time_decisions: bool = False,
    hash_turns: bool = False,
    levels: dict[str, str] | None = None,
    max_turns: int | None = None,
    preset: str | None = None,
    think: int = 1,
) -> GameRecord:
    """`levels` gives a faction's AI level (easy, standard, hard; default standard); `max_turns`
    stops the game early, unfinished, after that many turns (for measuring); `preset` is a classroom
    preset of the scenario; `think` multiplies the hard level's look-ahead budget."""
    state = new_game(rs, scenario, seed, preset)
    levels = levels or {}
    bots = {f: bot_for(rs, f, levels.get(f, "standard"), think) for f in rs.faction_ids}
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
        action = bot_action(rs, state, faction, bots[faction])
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
    record.iterations = sum(getattr(bot, "iterations", 0) for bot in bots.values())
    return record


def votes_of(state: GameState) -> list[dict]:
    """Every Politburo vote of a game from its chronicle: the three chances and each ballot."""
    out = []
    for turn, key, p in state.log:
        if key != "vote.held":
            continue
        whips = {row[0]: row for row in p.get("why", [])}
        ballots = []
        for member, yes in p["ballots"]:
            row = whips.get(member, [member, 0.0, None, [], None])
            whip = row[4] if len(row) > 4 else None
            defected = (whip == "for" and not yes) or (whip == "against" and yes)
            ballots.append(
                {
                    "member": member,
                    "faction": row[2],
                    "whip": whip or "independent",
                    "vote": bool(yes),
                    "defected": defected,
                    "reasons": [list(r) for r in row[3]],
                }
            )
        out.append(
            {
                "turn": turn,
                "proposer": p["proposer"],
                "kind": p["kind"],
                "params": dict(p["params"]),
                "p_at_proposal": p.get("p_proposed"),
                "p_at_vote_view": p.get("p_view"),
                "p_true": p["p_pass"],
                "passed": bool(p["passed"]),
                "changes": p.get("changes", []),
                "ballots": ballots,
            }
        )
    return out


def pacts_of(state: GameState) -> list[dict]:
    """Every pact offered (or in force from the start) in a game, and what became of it."""
    out: list[dict] = []
    open_: dict[tuple[str, str], dict] = {}
    for turn, key, p in state.log:
        if key in ("pact.offered", "pact.opened"):
            rec = {
                "turn": turn,
                "from": p["faction"],
                "to": p["partner"],
                "kind": p["kind"],
                "against": p.get("against"),
                "accepted": key == "pact.opened",
                "broken_turn": None,
                "opening": key == "pact.opened",
            }
            out.append(rec)
            open_[(p["faction"], p["partner"])] = rec
        elif key == "pact.accepted":
            rec = open_.get((p["partner"], p["faction"]))
            if rec is not None:
                rec["accepted"] = True
        elif key == "pact.broken":
            rec = open_.get((p["faction"], p["partner"])) or open_.get((p["partner"], p["faction"]))
            if rec is not None and rec["accepted"] and rec["broken_turn"] is None:
                rec["broken_turn"] = turn
    return out


def game_summary(rs: Ruleset, record: GameRecord) -> dict:
    """One game of `simulate --json`: the result, the final indicators, its votes and pacts."""
    s = record.state
    return {
        "seed": record.seed,
        "winner": s.winner,
        "how": s.win_reason,
        "turns": s.turn + 1,
        "scores": {f: v["total"] for f, v in s.scores.items()},
        "war": s.war_outcome,
        "indicators": {i: round(float(s.indicators[rs.ii[i]]), 2) for i in rs.indicator_ids},
        "state_hash": state_hash(s),
        "votes": votes_of(s),
        "pacts": pacts_of(s),
    }
