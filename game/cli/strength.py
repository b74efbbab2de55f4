"""`strength`: how much better a level plays than a baseline, on paired seeds; `--balance`: who
wins a scenario (or one of its classroom presets) when every faction plays standard."""

from __future__ import annotations

import argparse
import json
import sys

from ..ai import BASELINES, LEVELS


def add_parser(sub) -> None:
    p = sub.add_parser("strength", help="measure an AI level against a baseline on paired seeds, or the balance")
    p.add_argument("--level", default="hard", help=f"the level measured ({', '.join(LEVELS + BASELINES)})")
    p.add_argument("--baseline", default="standard", help="what it is measured against (a level or a baseline)")
    p.add_argument("--factions", default="", metavar="F[,F...]", help="factions to measure (default: the playable)")
    p.add_argument("--games", type=int, default=20, help="seeds per faction (each played at both levels)")
    p.add_argument("--seed", type=int, default=1, help="the first seed; game i uses seed + i")
    p.add_argument("--scenario", default="succession")
    p.add_argument("--preset", default=None, help="a classroom preset of the scenario (with --balance)")
    p.add_argument("--balance", action="store_true", help="every faction standard: the win table")
    p.add_argument("--jobs", type=int, default=None, help="worker processes (default: one per core)")
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p.add_argument("--think", type=int, default=1, help="multiply the hard level's look-ahead budget by N (default 1)")


def run_strength(content, args: argparse.Namespace) -> int:
    from ..session.paths import data_dir, mod_roots
    from ..session.strength import balance, paired  # the game's engine: loaded only when measuring

    rs = content.ruleset
    if args.scenario not in rs.scenarios:
        print(f"unknown scenario '{args.scenario}'; choose one of: {', '.join(rs.scenarios)}", file=sys.stderr)
        return 2
    scen = rs.scenarios[args.scenario]
    if args.games < 1 or args.think < 1:
        print(f"--{'games' if args.games < 1 else 'think'}: at least 1", file=sys.stderr)
        return 2
    source = (args.data or data_dir(), list(content.active), mod_roots())
    if args.balance:
        if args.preset is not None and scen.preset(args.preset) is None:
            presets = ", ".join(p.id for p in scen.presets) or "none"
            print(f"--preset: scenario '{args.scenario}' has no preset '{args.preset}' ({presets})", file=sys.stderr)
            return 2
        report = balance(source, rs, args.scenario, args.games, args.seed, args.preset, args.jobs)
        print(json.dumps(report, indent=2) if args.json else _balance_table(report))
        return 0
    for name in (args.level, args.baseline):
        if name not in LEVELS + BASELINES and not name.startswith("tests.ai."):
            print(f"unknown level '{name}' (the levels are: {', '.join(LEVELS + BASELINES)})", file=sys.stderr)
            return 2
    factions = [f.strip() for f in args.factions.split(",") if f.strip()] or list(scen.playable)
    unknown = [f for f in factions if f not in rs.factions]
    if unknown:
        print(f"--factions: unknown faction '{unknown[0]}' ({', '.join(rs.faction_ids)})", file=sys.stderr)
        return 2
    report = paired(
        source, rs, args.scenario, args.level, args.baseline, factions, args.games, args.seed, args.jobs, args.think
    )
    print(json.dumps(report, indent=2) if args.json else _strength_table(report))
    return 0


def _strength_table(r: dict) -> str:
    lines = [
        f"{r['level']} against {r['baseline']}: {r['games']} paired seeds from {r['seed']} (score: level minus baseline)",
        f"{'faction':<18} {'mean diff':>9}  {'95 % interval':<17} {'wins at level':>13} {'at baseline':>11} {'s/game':>7}",
    ]
    for f, x in r["factions"].items():
        low, high = x["ci95"]
        lines.append(
            f"{f:<18} {x['mean_diff']:>+9.2f}  [{low:+7.2f}, {high:+7.2f}] {100 * x['win_rate_level']:>12.0f}%"
            f" {100 * x['win_rate_baseline']:>10.0f}% {x['s_per_game']:>7.2f}"
        )
    return "\n".join(lines)


def _balance_table(r: dict) -> str:
    where = r["scenario"] + (f" ({r['preset']})" if r["preset"] else "")
    lines = [
        f"balance of {where}: {r['games']} games from seed {r['seed']}, every faction standard",
        f"{'faction':<18} {'wins':>5} {'share':>6} {'by sole power':>13} {'mean score':>10}",
    ]
    for f, x in r["factions"].items():
        lines.append(
            f"{f:<18} {x['wins']:>5} {100 * x['win_rate']:>5.0f}% {x['sole_power']:>13} {x['mean_score']:>10.2f}"
        )
    if r["no_winner"]:
        lines.append(f"no winner in {r['no_winner']} games")
    return "\n".join(lines)
