"""Fit the hard AI's leaf value (rules.yaml `ai: hard: leaf:`, game/ai/leaf.py) on all-AI games.

Plays games with every faction standard and, at the start of every turn, notes each faction's
projected total (today's share and program held to the end) and its features; at the end, its
final total. The weights are the least-squares fit of the final total less the projection on the
features scaled by the share of the game still to play (a small ridge keeps them sane). Prints
the weights as a YAML line and how much of the projection's error they remove.

    python -m tests.ai.leaffit --games 160 --seed 5001 --jobs 2
"""

from __future__ import annotations

import argparse
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

from game.ai.leaf import FEATURES, features, projected_totals, remaining_share
from game.content.build import load_content
from game.core.ruleset import Ruleset
from game.session.headless import play_game

RIDGE = 1.0
_RS: dict[str, Ruleset] = {}


def _ruleset() -> Ruleset:
    if "rs" not in _RS:
        _RS["rs"] = load_content(Path("data")).ruleset
    return _RS["rs"]


def game_rows(seed: int, scenario: str = "succession") -> list[tuple]:
    """(faction, share of the game left, projected total, features, final total) at every turn's start."""
    rs = _ruleset()
    noted: list[tuple] = []

    def note(state) -> None:
        if state.phase == "over":
            return
        base, x, left = projected_totals(rs, state), features(rs, state), remaining_share(state)
        noted.extend((f, left, base[f], x[f]) for f in rs.faction_ids)

    final = play_game(rs, scenario, seed, on_turn=note).state.scores
    return [(f, left, base, x, final[f]["total"]) for f, left, base, x in noted]


def fit(rows: list[tuple], factions: tuple[str, ...]) -> tuple[dict[str, float], float, float]:
    """The weights, and the projection's mean squared error before and after the correction."""
    X = np.array([[left * v for v in x] + [left * (f == g) for g in factions] for f, left, _, x, _ in rows])
    y = np.array([final - base for _, _, base, _, final in rows])
    coef = np.linalg.solve(X.T @ X + RIDGE * np.eye(X.shape[1]), X.T @ y)
    names = list(FEATURES) + [f"faction.{g}" for g in factions]
    before, after = float(np.mean(y**2)), float(np.mean((y - X @ coef) ** 2))
    return {n: round(float(c), 2) for n, c in zip(names, coef)}, before, after


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--games", type=int, default=160)
    p.add_argument("--seed", type=int, default=5001)
    p.add_argument("--jobs", type=int, default=2)
    args = p.parse_args()
    seeds = list(range(args.seed, args.seed + args.games))
    with ProcessPoolExecutor(args.jobs) as pool:
        games = list(pool.map(game_rows, seeds, chunksize=4))
    half = len(games) // 2
    factions = _ruleset().faction_ids
    train = [r for g in games[:half] for r in g]
    test = [r for g in games[half:] for r in g]
    weights, _, _ = fit(train, factions)
    _, before, _ = fit(test, factions)
    X = np.array([[left * v for v in x] + [left * (f == g) for g in factions] for f, left, _, x, _ in test])
    y = np.array([final - base for _, _, base, _, final in test])
    held = float(np.mean((y - X @ np.array(list(weights.values()))) ** 2))
    print(f"held-out half: projection's mean squared error {before:.1f}, corrected {held:.1f}")
    weights, before, after = fit(train + test, factions)
    print(f"all games ({len(games)}, {len(train) + len(test)} rows): {before:.1f} -> {after:.1f}")
    print("leaf: {" + ", ".join(f"{k}: {v}" for k, v in weights.items()) + "}")


if __name__ == "__main__":
    main()
