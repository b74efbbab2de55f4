"""The strength table the issue asks for, with the game's own strength tool (game.session.strength):
the measured level against the standard AI, against the baselines, and every scripted strategy
against the standard AI - all on paired seeds.

    python -m tests.ai.strength --games 100 [--level hard] [--factions bukharin,trotsky] [--json]

Too slow for the unit tests (hundreds of games); tests/ai/test_strength.py runs it small.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from game.content.loader import load_game
from game.session.strength import paired
from tests.ai.scripted import STRATEGIES

ROOT = Path(__file__).resolve().parents[2]


def table(level: str, factions: list[str] | None, games: int, seed: int, scenario: str, jobs: int | None) -> list:
    source = (ROOT / "data", [], [])
    rs = load_game(*source).ruleset
    factions = factions or list(rs.scenarios[scenario].playable)
    runs = [(level, "standard"), ("random", "standard"), ("passive", "standard")]
    runs += [(f"tests.ai.scripted:{name}", "standard") for name in STRATEGIES]
    runs += [(level, f"tests.ai.scripted:{name}") for name in STRATEGIES]
    return [paired(source, rs, scenario, a, b, factions, games, seed, jobs) for a, b in runs]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--level", default="hard")
    parser.add_argument("--factions", default="")
    parser.add_argument("--games", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scenario", default="succession")
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    factions = [f for f in args.factions.split(",") if f] or None
    reports = table(args.level, factions, args.games, args.seed, args.scenario, args.jobs)
    if args.json:
        print(json.dumps(reports, indent=2))
        return 0
    from game.cli.strength import _strength_table

    for r in reports:
        print(_strength_table(r) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
