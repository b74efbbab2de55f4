"""Checks on the votes and pacts of `simulate --json`: are the proposers' odds calibrated, do whipped
members stay with their own faction, are pacts made and refused?

    python -m game simulate --games 200 --seed 1 --json > sim.json
    python -m tests.ai.votecheck sim.json
"""

from __future__ import annotations

import json
import sys


def calibration(votes: list[dict], key: str = "p_at_proposal", bins: int = 10) -> tuple[float, list[dict]]:
    """Brier score and decile bins: forecasts, share passed, count."""
    pairs = [(v[key], 1.0 if v["passed"] else 0.0) for v in votes if v.get(key) is not None]
    if not pairs:
        return 0.0, []
    brier = sum((p - y) ** 2 for p, y in pairs) / len(pairs)
    table = []
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        inside = [(p, y) for p, y in pairs if low <= p < high or (b == bins - 1 and p == 1.0)]
        if inside:
            table.append(
                {
                    "bin": f"{low:.1f}-{high:.1f}",
                    "n": len(inside),
                    "forecast": sum(p for p, _ in inside) / len(inside),
                    "passed": sum(y for _, y in inside) / len(inside),
                }
            )
    return brier, table


def reliability(votes: list[dict], key: str = "p_at_proposal", bins: int = 10) -> tuple[float, float, float]:
    """The forecasts' reliability - each decile bin's gap between its mean forecast and its share
    passed, squared and weighted by its motions - with what honest odds' dice alone give on average
    (a bin's mean of p(1 - p) per motion) and the standard deviation of that."""
    pairs = [(v[key], 1.0 if v["passed"] else 0.0) for v in votes if v.get(key) is not None]
    gap = expected = variance = 0.0
    for b in range(bins):
        inside = [(p, y) for p, y in pairs if b / bins <= p < (b + 1) / bins or (b == bins - 1 and p == 1.0)]
        if inside:
            n = len(inside)
            gap += n * (sum(p for p, _ in inside) / n - sum(y for _, y in inside) / n) ** 2
            dice = sum(p * (1.0 - p) for p, _ in inside) / n
            expected, variance = expected + dice, variance + 2.0 * dice * dice
    total = max(1, len(pairs))
    return gap / total, expected / total, variance**0.5 / total


def own_defections(votes: list[dict]) -> tuple[int, int]:
    """(ballots against the proposer's own motion by its own whipped members, all such ballots)."""
    bad = total = 0
    for v in votes:
        for b in v["ballots"]:
            if b["faction"] == v["proposer"] and b["whip"] == "for":
                total += 1
                bad += 0 if b["vote"] else 1
    return bad, total


def pact_counts(games: list[dict]) -> tuple[int, int, int]:
    """(games in which some offered pact was accepted, offers made, offers accepted)."""
    with_accept = offers = accepted = 0
    for g in games:
        offered = [p for p in g["pacts"] if not p.get("opening")]
        offers += len(offered)
        acc = [p for p in offered if p["accepted"]]
        accepted += len(acc)
        with_accept += 1 if acc else 0
    return with_accept, offers, accepted


def report(doc: dict) -> str:
    games = doc["games"]
    votes = [v for g in games for v in g["votes"]]
    lines = [f"{len(games)} games, {len(votes)} votes"]
    for key in ("p_at_proposal", "p_at_vote_view", "p_true"):
        brier, table = calibration(votes, key)
        lines.append(f"{key}: Brier {brier:.4f}")
        for row in table:
            flag = "" if row["n"] < 30 or abs(row["forecast"] - row["passed"]) <= 0.08 else "  <-- off"
            lines.append(
                f"  {row['bin']}: n={row['n']:4d} forecast {row['forecast']:.3f} passed {row['passed']:.3f}{flag}"
            )
    bad, total = own_defections(votes)
    lines.append(f"own whipped members against own motion: {bad} of {total} ({100 * bad / max(1, total):.2f} %)")
    with_accept, offers, accepted = pact_counts(games)
    lines.append(f"pacts: accepted in {with_accept} of {len(games)} games; {accepted} of {offers} offers accepted")
    return "\n".join(lines)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        print(report(json.load(f)))
