"""Fit the honest odds' recalibration (rules.yaml `odds: temper`) on the votes of all-AI games.

Reads `simulate --json` files played with the rules as they are: behind each proposer's shown odds
is the worlds' raw chance (the present temper inverted); against the votes' results, per motion
kind, the raw chances are binned in log-odds (each bin at least `MIN_BIN` motions), the share passed
made monotone by pooling adjacent violators, and the bins' centres become the [raw, shown] pairs
(straight between them in log-odds). Kinds with fewer than `OWN_FIT` motions take the default,
fitted on all. Fit on some seeds, check on others:

    python -m game simulate --games 200 --seed 1 --json > held_in.json
    python -m game simulate --games 200 --seed 7001 --json > held_out.json
    python -m tests.ai.temperfit held_in.json --held-out held_out.json

The check re-reads the held-out votes as the new fit would have shown them (the bots weigh their
odds on worlds of their own, so a refit moves their choices little); a real simulate confirms.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

from game.content.build import load_content
from game.core.rules.temper import tempered, untempered

from .votecheck import calibration

OWN_FIT = 150  # motions a kind needs for a fit of its own
MIN_BIN = 80  # motions a bin needs
STEP = 0.4  # the finest bins' width in log-odds


def _logit(p: float) -> float:
    q = min(max(p, 1e-6), 1.0 - 1e-6)
    return math.log(q / (1.0 - q))


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def bins(pairs: list[tuple[float, bool]]) -> list[list[float]]:
    """[sum of raw log-odds, motions, passed] per bin: fine bins of width STEP, merged upward until
    each holds MIN_BIN motions (a short last bin joins the one before)."""
    out: list[list[float]] = []
    edge = None
    for x, passed in sorted(pairs):
        if out and (out[-1][1] < MIN_BIN or x < edge):
            out[-1][0] += x
            out[-1][1] += 1
            out[-1][2] += passed
        else:
            out.append([x, 1, float(passed)])
            edge = STEP * math.floor(x / STEP) + STEP
    if len(out) > 1 and out[-1][1] < MIN_BIN:
        last = out.pop()
        out[-1] = [a + b for a, b in zip(out[-1], last)]
    return out


def pooled(blocks: list[list[float]]) -> list[list[float]]:
    """Adjacent bins pooled until the share passed rises strictly from bin to bin."""
    out: list[list[float]] = []
    for block in blocks:
        out.append(list(block))
        while len(out) > 1 and (out[-1][2] + 0.5) / (out[-1][1] + 1) <= (out[-2][2] + 0.5) / (out[-2][1] + 1):
            last = out.pop()
            out[-1] = [a + b for a, b in zip(out[-1], last)]
    return out


def knots(pairs: list[tuple[float, bool]]) -> list[list[float]]:
    """The [raw, shown] pairs of one kind: each pooled bin's mean raw chance and its share passed
    (a half vote either way, so no share is 0 or 1), both rising strictly once rounded."""
    out: list[list[float]] = []
    for total, n, passed in pooled(bins(pairs)):
        raw, shown = round(_sigmoid(total / n), 4), round((passed + 0.5) / (n + 1), 3)
        if not out or (raw > out[-1][0] and shown > out[-1][1]):
            out.append([raw, shown])
    return out


def refit(o: dict, votes: list[dict]) -> dict[str, list[list[float]]]:
    """A fresh `odds: temper` from votes shown with the rules' `odds:` o."""
    by_kind: dict[str, list[tuple[float, bool]]] = {}
    for v in votes:
        raw = untempered(o, v["kind"], v["p_at_proposal"])
        by_kind.setdefault(v["kind"], []).append((_logit(raw), bool(v["passed"])))
    fit = {"default": knots([pair for kind in sorted(by_kind) for pair in by_kind[kind]])}
    for kind in sorted(by_kind):
        if len(by_kind[kind]) >= OWN_FIT:
            fit[kind] = knots(by_kind[kind])
    return fit


def votes_in(paths: list[str]) -> list[dict]:
    """The votes of `simulate --json` files that carry the proposer's odds."""
    votes = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            votes += [v for g in json.load(f)["games"] for v in g["votes"] if v.get("p_at_proposal") is not None]
    return votes


def retempered(o: dict, fit: dict, votes: list[dict]) -> list[dict]:
    """The votes as the temper `fit` would have shown them, from what the rules' `odds:` o showed."""
    new = {**o, "temper": fit}
    return [
        {**v, "p_at_proposal": tempered(new, v["kind"], untempered(o, v["kind"], v["p_at_proposal"]))} for v in votes
    ]


def report(label: str, votes: list[dict]) -> str:
    brier, table = calibration(votes)
    off = sum(1 for r in table if r["n"] >= 30 and abs(r["passed"] - r["forecast"]) > 0.08)
    lines = [f"{label}: Brier {brier:.4f}, bins off {off}"]
    for r in table:
        lines.append(f"    {r['bin']}: n={r['n']:5d} forecast {r['forecast']:.3f} passed {r['passed']:.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.ai.temperfit")
    parser.add_argument("held_in", nargs="+", help="simulate --json files to fit on")
    parser.add_argument("--held-out", nargs="*", default=[], help="simulate --json files to check the fit on")
    parser.add_argument("--data", default="data")
    args = parser.parse_args(argv)
    o = dict(load_content(Path(args.data)).ruleset.rules["odds"])
    votes, others = votes_in(args.held_in), votes_in(args.held_out)
    fit = refit(o, votes)
    print("  temper:")
    for kind, pairs in fit.items():
        print(f"    {kind}: {json.dumps(pairs)}")
    print(report("held in, as shown", votes))
    print(report("held in, refitted", retempered(o, fit, votes)))
    if others:
        print(report("held out, as shown", others))
        print(report("held out, refitted", retempered(o, fit, others)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
