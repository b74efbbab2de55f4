"""Fit the honest odds' recalibration (rules.yaml `odds: temper`) on the votes of all-AI games.

Reads `simulate --json` files played with the rules as they are: behind each proposer's shown odds
is the worlds' raw chance (the present temper inverted); against the votes' results, per motion
kind, the raw chances are binned in log-odds (each bin at least `MIN_BIN` motions, none across an
empty stretch of `GAP`), the share passed made monotone by pooling adjacent violators, and the bins'
centres become the [raw, shown] pairs (straight between them in log-odds; flat to a bin's edge where
a gap follows). Kinds with fewer than `OWN_FIT` motions take the default,
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
GAP = 1.0  # a stretch of log-odds without motions that parts two bins


def _logit(p: float) -> float:
    q = min(max(p, 1e-6), 1.0 - 1e-6)
    return math.log(q / (1.0 - q))


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _joined(a: list[float], b: list[float]) -> list[float]:
    """Two adjacent bins as one: [sum of raw log-odds, motions, passed, lowest, highest]."""
    return [a[0] + b[0], a[1] + b[1], a[2] + b[2], min(a[3], b[3]), max(a[4], b[4])]


def bins(pairs: list[tuple[float, bool]]) -> list[list[float]]:
    """[sum of raw log-odds, motions, passed, lowest, highest] per bin: fine bins of width STEP, merged
    upward until each holds MIN_BIN motions (a short last bin joins the one before), but never across
    a stretch of GAP in log-odds without a motion (where a kind's chances fall in separate clusters)."""
    out: list[list[float]] = []
    edge = None
    for x, passed in sorted(pairs):
        if out and x - out[-1][4] <= GAP and (out[-1][1] < MIN_BIN or x < edge):
            out[-1] = _joined(out[-1], [x, 1, float(passed), x, x])
        else:
            out.append([x, 1, float(passed), x, x])
            edge = STEP * math.floor(x / STEP) + STEP
    if len(out) > 1 and out[-1][1] < MIN_BIN and out[-1][3] - out[-2][4] <= GAP:
        last = out.pop()
        out[-1] = _joined(out[-1], last)
    return out


def _share(block: list[float]) -> float:
    """A bin's share passed, with a half vote either way (so no share is 0 or 1)."""
    return (block[2] + 0.5) / (block[1] + 1)


def pooled(blocks: list[list[float]]) -> list[list[float]]:
    """Adjacent bins pooled until the share passed rises strictly from bin to bin."""
    out: list[list[float]] = []
    for block in blocks:
        out.append(list(block))
        while len(out) > 1 and _share(out[-1]) <= _share(out[-2]):
            last = out.pop()
            out[-1] = _joined(out[-1], last)
    return out


def knots(pairs: list[tuple[float, bool]]) -> list[list[float]]:
    """The [raw, shown] pairs of one kind: each pooled bin's mean raw chance and its share passed,
    both rising strictly once rounded; where a stretch of GAP without motions parts two bins, the
    map keeps each bin's share to its edge (a point either way) and rises across the gap."""
    points: list[tuple[float, float]] = []
    blocks = pooled(bins(pairs))
    for i, (total, n, _, low, high) in enumerate(blocks):
        share = _share(blocks[i])
        if i and low - blocks[i - 1][4] > GAP:
            points.append((low, share - 0.001))
        points.append((total / n, share))
        if i + 1 < len(blocks) and blocks[i + 1][3] - high > GAP:
            points.append((high, share + 0.001))
    out: list[list[float]] = []
    for x, share in points:
        raw, shown = round(_sigmoid(x), 4), round(share, 3)
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
