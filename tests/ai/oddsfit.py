"""Fit the honest odds' hidden-world numbers (rules.yaml `odds:`) to what all-AI games do.

Plays games with the rules as they are and, at every proposal, asks what the proposer's honest
odds would have been under each candidate set of numbers; the vote's result is then known. The
games themselves are not changed (the bots weigh their own odds with the numbers in data), so a
fit found here is checked afterwards by a real `simulate --json` and `tests.ai.votecheck`.

    python -m tests.ai.oddsfit --games 60 --seed 1 --grid hold_chance=0.3,0.35,0.4 pending_lobby=4,6,9

Or refit the recalibration (`odds: temper`) on the votes of `simulate --json`: the raw chance behind
each shown one (the temper inverted), against the vote's result, a logistic fit per motion kind:

    python -m tests.ai.oddsfit --refit sim.json --held-out other_seeds.json
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import math
from pathlib import Path

from game.content.build import load_content
from game.core import actions as A
from game.core.defs import Rules
from game.core.engine import apply_in_place, new_game, whose_move
from game.core.rules import odds
from game.core.rules.temper import tempered
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


OWN_FIT = 150  # motions a kind needs for a fit of its own; the rarer kinds take the default, fitted on all


def raw_logit(temper: dict, kind: str, shown: float) -> float:
    """The logit of the worlds' chance behind a shown one: `odds: temper` inverted (shown to 3 places)."""
    a, slope = temper.get(kind, temper.get("default", (0.0, 1.0)))
    q = min(max(shown, 5e-4), 1.0 - 5e-4)
    return (math.log(q / (1.0 - q)) - a) / slope


def logistic_fit(pairs: list[tuple[float, float]], ridge: float = 1.0) -> tuple[float, float]:
    """(a, slope) of P(passed) = 1 / (1 + exp(-(a + slope * x))) by Newton's method, gently held to
    the identity (0, 1) by `ridge`."""
    a, slope = 0.0, 1.0
    for _ in range(50):
        ga, gs, haa, has, hss = ridge * a, ridge * (slope - 1.0), ridge, 0.0, ridge
        for x, y in pairs:
            p = 1.0 / (1.0 + math.exp(-(a + slope * x)))
            w = p * (1.0 - p)
            ga, gs = ga + p - y, gs + (p - y) * x
            haa, has, hss = haa + w, has + w * x, hss + w * x * x
        det = haa * hss - has * has
        da, ds = (hss * ga - has * gs) / det, (haa * gs - has * ga) / det
        a, slope = a - da, slope - ds
        if abs(da) + abs(ds) < 1e-9:
            break
    return round(a, 3), round(slope, 3)


def refit(rs: Ruleset, votes: list[dict]) -> dict[str, tuple[float, float]]:
    """A fresh `odds: temper` from the votes shown with the present one."""
    temper = rs.rules["odds"].get("temper", {})
    pairs: dict[str, list[tuple[float, float]]] = {}
    for v in votes:
        if v.get("p_at_proposal") is not None:
            x = raw_logit(temper, v["kind"], v["p_at_proposal"])
            pairs.setdefault(v["kind"], []).append((x, 1.0 if v["passed"] else 0.0))
    fit = {"default": logistic_fit([pair for kind in sorted(pairs) for pair in pairs[kind]])}
    for kind in sorted(pairs):
        if len(pairs[kind]) >= OWN_FIT:
            fit[kind] = logistic_fit(pairs[kind])
    return fit


def votes_in(paths: list[str]) -> list[dict]:
    """The votes of `simulate --json` files."""
    votes = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            votes += [v for g in json.load(f)["games"] for v in g["votes"] if v.get("p_at_proposal") is not None]
    return votes


def retempered(temper: dict, fit: dict, votes: list[dict]) -> list[dict]:
    """The votes as the new fit would have shown them (the same games: the bots weigh the odds on
    worlds of their own, so a refit moves their choices little; a real simulate confirms)."""
    out = []
    for v in votes:
        raw = 1.0 / (1.0 + math.exp(-raw_logit(temper, v["kind"], v["p_at_proposal"])))
        out.append({**v, "p_at_proposal": tempered({"temper": fit}, v["kind"], raw)})
    return out


def print_refit(rs: Ruleset, held_in: list[str], held_out: list[str]) -> None:
    """Fit on the held-in files' votes; show the bins as shown and as refitted, held in and held out."""
    votes, others = votes_in(held_in), votes_in(held_out)
    temper = rs.rules["odds"].get("temper", {})
    fit = refit(rs, votes)
    print("  temper:")
    for kind, (a, slope) in fit.items():
        print(f"    {kind}: [{a}, {slope}]")
    for label, shown in (
        ("held in, as shown", votes),
        ("held in, refitted", retempered(temper, fit, votes)),
        ("held out, as shown", others),
        ("held out, refitted", retempered(temper, fit, others)),
    ):
        if not shown:
            continue
        brier, table = calibration(shown)
        off = sum(1 for r in table if r["n"] >= 30 and abs(r["passed"] - r["forecast"]) > 0.08)
        print(f"{label}: Brier {brier:.4f}, bins off {off}")
        for row in table:
            print(f"    {row['bin']}: n={row['n']:5d} forecast {row['forecast']:.3f} passed {row['passed']:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.ai.oddsfit")
    parser.add_argument("--games", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scenario", default="succession")
    parser.add_argument("--data", default="data")
    parser.add_argument("--grid", nargs="*", default=[], help="NAME=V1,V2,... (a:b for a range, a/b for against/for)")
    parser.add_argument("--refit", nargs="*", metavar="SIM_JSON", help="refit odds: temper on simulate --json votes")
    parser.add_argument("--held-out", nargs="*", default=[], metavar="SIM_JSON", help="votes to check a refit on")
    args = parser.parse_args(argv)
    rs = load_content(Path(args.data)).ruleset
    if args.refit:
        print_refit(rs, args.refit, args.held_out)
        return 0
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
