"""Fit the honest odds' hidden-world numbers (rules.yaml `odds:`) to what all-AI games do.

Plays games with the rules as they are and, at every proposal, asks what the proposer's honest
odds would have been under each candidate set of numbers; the vote's result is then known. The
games themselves are not changed (the bots weigh their own odds with the numbers in data), so a
fit found here is checked afterwards by a real `simulate --json` and `tests.ai.votecheck`.

    python -m tests.ai.oddsfit --games 60 --seed 1 --grid hold_chance=0.3,0.35,0.4 pending_lobby=4,6,9

The recalibration of the worlds' chance (`odds: temper`) is fitted by `tests.ai.temperfit`.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
from pathlib import Path

from game.content.build import load_content
from game.core import actions as A
from game.core.defs import Rules
from game.core.engine import apply_in_place, new_game, whose_move
from game.core.rules import odds
from game.core.ruleset import Ruleset
from game.core.state import Motion
from game.session.botmove import bot_action, bot_for

from .votecheck import calibration


def variant(rs: Ruleset, changes: dict[str, object]) -> Ruleset:
    """The ruleset with some `odds:` numbers changed."""
    rules = dict(rs.rules)
    rules["odds"] = {**rs.rules["odds"], **changes}
    return dataclasses.replace(rs, rules=Rules(rules))


def parse_value(text: str) -> object:
    """A number, or a list of numbers written a:b, or {against: a, for: b} written a/b."""
    if "/" in text:
        against, for_ = text.split("/")
        return {"against": float(against), "for": float(for_)}
    if ":" in text:
        return [float(x) for x in text.split(":")]
    return float(text)


def collect(rs: Ruleset, variants: list[Ruleset], games: int, seed: int, scenario: str) -> list[list[dict]]:
    """Per variant, one vote record per motion voted: {kind, proposer, p_at_proposal, passed}."""
    out: list[list[dict]] = [[] for _ in variants]
    for g in range(games):
        state = new_game(rs, scenario, seed + g)
        bots = {f: bot_for(rs, f, "standard") for f in rs.faction_ids}
        asked: dict[int, tuple[Motion, list[float]]] = {}
        seen_log = 0
        while state.phase != "over":
            faction = whose_move(rs, state)
            assert faction is not None
            action = bot_action(rs, state, faction, bots[faction])
            if isinstance(action, A.Propose):
                motion = Motion(action.motion, action.actor, action.params(), state.motion_seq + 1)
                chances = [odds.honest(v, state, motion, action.actor).p for v in variants]
                asked[motion.id] = (motion, chances)
            apply_in_place(rs, state, action)
            for _, key, params in state.log[seen_log:]:
                if key == "vote.held" and params.get("motion") in asked:
                    motion, chances = asked.pop(params["motion"])
                    for x, p in enumerate(chances):
                        out[x].append(
                            {
                                "kind": motion.kind,
                                "proposer": motion.proposer,
                                "p_at_proposal": p,
                                "passed": params["passed"],
                            }
                        )
            seen_log = len(state.log)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.ai.oddsfit")
    parser.add_argument("--games", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scenario", default="succession")
    parser.add_argument("--data", default="data")
    parser.add_argument("--grid", nargs="*", default=[], help="NAME=V1,V2,... (a:b for a range, a/b for against/for)")
    args = parser.parse_args(argv)
    rs = load_content(Path(args.data)).ruleset
    axes = [(name, [parse_value(v) for v in values.split(",")]) for name, values in (g.split("=") for g in args.grid)]
    combos = [dict(zip([n for n, _ in axes], vs)) for vs in itertools.product(*[v for _, v in axes])] or [{}]
    records = collect(rs, [variant(rs, c) for c in combos], args.games, args.seed, args.scenario)
    for combo, votes in zip(combos, records):
        brier, table = calibration(votes)
        off = [row for row in table if row["n"] >= 30 and abs(row["passed"] - row["forecast"]) > 0.08]
        worst = max((abs(r["passed"] - r["forecast"]) for r in table if r["n"] >= 30), default=0.0)
        print(f"{combo}  Brier {brier:.4f}  bins off {len(off)}  worst {worst:.3f}")
        for row in table:
            flag = "  <-- off" if row in off else ""
            print(f"    {row['bin']}: n={row['n']:5d} forecast {row['forecast']:.3f} passed {row['passed']:.3f}{flag}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
