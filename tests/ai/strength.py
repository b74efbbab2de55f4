"""How much stronger is the hard AI? Plays seeded all-AI games with one faction at a level and
every other faction standard, and prints that faction's mean score and win rate per level.

    python -m tests.ai.strength --factions bukharin,trotsky --games 40 [--levels standard,hard]

Too slow for the unit tests (a hard game takes seconds); run by hand after tuning `ai.hard` in
data/rules/rules.yaml. Uses every core: each game is independent and seeded.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

from game.ai.rollout import HardConfig
from game.content.build import load_content
from game.session.headless import play_game

ROOT = Path(__file__).resolve().parents[2]
_RS = None


def _one(job: tuple[str, str, str, int, dict]) -> tuple[str, str, int, float, bool, str | None, float, float]:
    global _RS
    if _RS is None:
        _RS = load_content(ROOT / "data").ruleset
    scenario, faction, level, seed, overrides = job
    if overrides:
        _RS.cache["ai_hard_config"] = replace(HardConfig.of(_RS), **overrides)
    started = time.perf_counter()
    record = play_game(_RS, scenario, seed, levels={faction: level}, time_decisions=level == "hard")
    elapsed = time.perf_counter() - started
    s = record.state
    per_turn: dict[tuple[int, str], float] = {}
    for turn, who, ms in record.decisions:
        if who == faction:
            per_turn[(turn, who)] = per_turn.get((turn, who), 0.0) + ms
    worst = max(per_turn.values(), default=0.0)
    return faction, level, seed, s.scores[faction]["total"], s.winner == faction, s.win_reason, elapsed, worst


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factions", default="bukharin,trotsky")
    parser.add_argument("--levels", default="standard,hard")
    parser.add_argument("--games", type=int, default=40)
    parser.add_argument("--first-seed", type=int, default=1)
    parser.add_argument("--scenario", default="succession")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="override a HardConfig field for this run (tuning), e.g. --set rollouts=4",
    )
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    factions = [f for f in args.factions.split(",") if f]
    levels = [v for v in args.levels.split(",") if v]
    seeds = range(args.first_seed, args.first_seed + args.games)
    overrides = {k: json.loads(v) for k, v in (item.split("=", 1) for item in args.set)}
    jobs = [(args.scenario, f, level, seed, overrides) for f in factions for level in levels for seed in seeds]
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        results = list(pool.map(_one, jobs))
    print(
        f"{'faction':18} {'level':9} {'games':>5} {'mean score':>10} {'sd':>6} {'wins':>5} {'win %':>6} {'s/game':>7} {'worst turn ms':>13}"
    )
    for f in factions:
        for level in levels:
            rows = [r for r in results if r[0] == f and r[1] == level]
            scores = [r[3] for r in rows]
            wins = sum(1 for r in rows if r[4])
            print(
                f"{f:18} {level:9} {len(rows):5d} {statistics.mean(scores):10.2f} {statistics.pstdev(scores):6.2f} "
                f"{wins:5d} {100.0 * wins / len(rows):6.1f} {statistics.mean(r[6] for r in rows):7.2f} {max(r[7] for r in rows):13.0f}"
            )
        if len(levels) == 2:
            a = {r[2]: r[3] for r in results if r[0] == f and r[1] == levels[0]}
            b = {r[2]: r[3] for r in results if r[0] == f and r[1] == levels[1]}
            diffs = [b[s] - a[s] for s in seeds]
            better = sum(1 for d in diffs if d > 0)
            se = statistics.stdev(diffs) / len(diffs) ** 0.5 if len(diffs) > 1 else 0.0
            print(
                f"  {levels[1]} - {levels[0]} per seed: mean {statistics.mean(diffs):+.2f} (standard error {se:.2f}), "
                f"better in {better}/{len(diffs)}, worse in {sum(1 for d in diffs if d < 0)}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
