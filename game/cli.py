"""The command line: play (default), simulate, bench, validate.

`python -m game` and the `testament` console script both land here.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from . import __version__
from .paths import data_dir


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="testament", description="Testament: the Soviet succession struggle, 1924-1941.")
    parser.add_argument("--version", action="version", version=f"testament {__version__}")
    parser.add_argument("--data", type=Path, default=None, help="content folder (default: the bundled data/)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the game to play")
    parser.add_argument("--scenario", default="succession", help="scenario id (succession, scissors)")
    sub = parser.add_subparsers(dest="command")

    sub.add_parser("play", help="play a game (until the window exists: one narrated all-AI game)")

    sim = sub.add_parser("simulate", help="play all-AI games headless")
    sim.add_argument("--games", type=int, default=1)
    sim.add_argument("--seed", type=int, default=1, help="seed of the first game; game i uses seed + i")
    sim.add_argument("--scenario", default="succession")
    sim.add_argument("--json", action="store_true", help="print one JSON document")
    sim.add_argument("--trace", action="store_true", help="narrate each turn")

    bench = sub.add_parser("bench", help="measure the performance budgets of DESIGN §19")
    bench.add_argument("--games", type=int, default=20)
    bench.add_argument("--json", action="store_true")

    sub.add_parser("validate", help="check the content and report every problem")
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:  # `... | head` closed the pipe: not an error for the user
        sys.stderr.close()
        return 0


def _main(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    command = args.command or "play"
    if command == "validate":
        from .validate import run_validate

        return run_validate(args.data or data_dir())
    rs = _load(args.data)
    if rs is None:
        return 1
    if command == "play":
        from .narrate import narrate_game

        narrate_game(rs, args.scenario, args.seed, sys.stdout)
        return 0
    if command == "simulate":
        return _simulate(rs, args)
    if command == "bench":
        from .bench import run_bench

        return run_bench(rs, args.data or data_dir(), args.games, args.json)
    return 2


def _load(folder: Path | None):
    from .content.build import ContentError, load_content

    try:
        return load_content(folder or data_dir()).ruleset
    except ContentError as exc:
        print("The game's content has errors:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return None


def _simulate(rs, args) -> int:
    from .narrate import Narrator
    from .sim import play_game

    if args.scenario not in rs.scenarios:
        print(f"unknown scenario '{args.scenario}'; choose one of: {', '.join(rs.scenarios)}", file=sys.stderr)
        return 2
    games = []
    started = time.perf_counter()
    per_game_ms = []
    for i in range(args.games):
        seed = args.seed + i
        narrator = Narrator(rs, sys.stdout) if args.trace and not args.json else None
        t0 = time.perf_counter()
        record = play_game(rs, args.scenario, seed, on_turn=narrator.turn if narrator else None)
        per_game_ms.append((time.perf_counter() - t0) * 1000.0)
        if narrator:
            narrator.ending(record.state)
        games.append(summary(rs, record))
    elapsed = time.perf_counter() - started
    if args.json:
        doc = {
            "scenario": args.scenario,
            "content_hash": rs.content_hash,
            "games": games,
            "timing": {"total_s": round(elapsed, 3), "game_ms": [round(x, 1) for x in per_game_ms]},
        }
        print(json.dumps(doc, indent=2))
    elif not args.trace:
        for g in games:
            print(f"seed {g['seed']}: winner {g['winner'] or 'none'} ({g['how']}) after {g['turns']} turns")
    return 0


def summary(rs, record) -> dict:
    from .core.state import state_hash

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
    }
