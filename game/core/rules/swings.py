"""Why the odds moved between a motion's proposal and its vote (DESIGN §7, the vote report).

Three chances are kept for every motion: the proposer's honest odds when proposing, its honest odds
just before the vote, and the true chance the vote was cast with. Between each pair, members' chances
moved; swapping them in one member at a time splits the change exactly among the members, and each
member's share is given the cause that moved him: a hold revealed or declared, a pact, a whip, a
death or an arrest, lobbying — or, between the proposer's view and the truth, a secret hold it could
not see, a rival's whip, a rival's lobbying. What no member explains is what the uncertainty settled.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..ruleset import Ruleset
from ..state import GameState, Motion
from .odds import Odds
from .votes import Forecast, chair_of
from .worldmath import pass_probabilities

SMALL = 0.03  # shares of a change smaller than this are not reported


def _split(
    before: dict[str, float], after: dict[str, float], order: list[str], chair_index: int | None
) -> dict[str, float]:
    """Each member's share of the change in the chance of passing, swapping them in one at a time."""
    # Row i: the first i members swapped in; every row's chance in one vectorised pass.
    steps = [
        [after[m] if j < i else before.get(m, after[m]) for j, m in enumerate(order)] for i in range(len(order) + 1)
    ]
    chances = pass_probabilities(np.array(steps, dtype=np.float64).reshape(len(steps), len(order)), chair_index)
    chances = chances.tolist()
    return {m: chances[i + 1] - chances[i] for i, m in enumerate(order)}


def _group(
    shares: list[tuple[str, dict[str, Any], float]],
    total: float,
    rest_cause: str,
    rest_params: dict[str, Any] | None = None,
) -> list[list[Any]]:
    """Sum the shares by cause; what they leave unexplained goes to `rest_cause`."""
    grouped: dict[tuple[Any, ...], list[Any]] = {}
    for key, params, delta in shares:
        k = (key, tuple(sorted(params.items())))
        if k in grouped:
            grouped[k][2] += delta
        else:
            grouped[k] = [key, dict(params), delta]
    rest = total - sum(g[2] for g in grouped.values())
    if abs(rest) >= SMALL:  # added to what members already gave this cause, not in its place
        params = rest_params or {}
        grouped.setdefault((rest_cause, tuple(sorted(params.items()))), [rest_cause, dict(params), 0.0])[2] += rest
    out = [[k, p, round(d, 3)] for k, p, d in grouped.values() if abs(d) >= SMALL]
    out.sort(key=lambda g: -abs(g[2]))
    return out


def before_vote(rs: Ruleset, state: GameState, motion: Motion, seen: Odds) -> list[list[Any]]:
    """From the proposal to the eve of the vote, as the proposer saw it."""
    seated = [m for m, _, _ in seen.members]
    snap = {m: (p, boss) for m, p, boss in motion.snap}
    after = {m: p for m, p, _ in seen.members}
    before = {m: snap[m][0] if m in snap else after[m] for m in seated}
    chair = chair_of(rs, state, seated)
    shares = _split(before, after, seated, seated.index(chair) if chair in seated else None)
    out: list[tuple[str, dict[str, Any], float]] = []
    for m, _, boss in seen.members:
        if m not in snap:
            out.append(("joined", {"character": m}, shares[m]))
        elif snap[m][1] != boss:
            out.append(("revealed", {"character": m, "faction": boss}, shares[m]))
        else:
            out.append(_moved_cause(rs, state, motion, m, boss, shares[m]))
    total = seen.p - motion.odds
    left = [m for m in snap if m not in after]  # died, arrested or expelled since: his vote is gone
    if left:  # an emptied seat moves the odds through everyone's arithmetic: it takes what no member explains
        return _group(out, total, "left", {"character": left[0], "status": state.status[rs.ci[left[0]]]})
    return _group(out, total, "settled")


def _moved_cause(
    rs: Ruleset, state: GameState, motion: Motion, member: str, boss: str | None, delta: float
) -> tuple[str, dict[str, Any], float]:
    """Same master as at the proposal: a pact or a whip moved him, or lobbying, or rivals acting."""
    if boss is not None and boss != motion.proposer:
        for pact in state.pacts:
            if pact.accepted and boss in (pact.a, pact.b) and motion.proposer in (pact.a, pact.b, pact.against):
                return "pact", {"faction": boss, "partner": pact.b if pact.a == boss else pact.a}, delta
    if boss is None and int(state.lobbied[rs.ci[member], rs.fi[motion.proposer]]) > 0:
        return "lobbying", {"character": member}, delta
    return "settled", {}, delta


def at_vote(
    rs: Ruleset, state: GameState, motion: Motion, seen: Odds, truth: Forecast, assumed: dict[str, str]
) -> list[list[Any]]:
    """From the proposer's view on the eve of the vote to the truth the vote was cast with.
    `assumed`: the whip the proposer took each faction to give."""
    seated = [v.character for v in truth.members]
    believed = {m: (p, boss) for m, p, boss in seen.members}
    after = {v.character: v.p_yes for v in truth.members}
    before = {m: believed[m][0] if m in believed else after[m] for m in seated}
    chair_index = seated.index(truth.chair) if truth.chair in seated else None
    shares = _split(before, after, seated, chair_index)
    out: list[tuple[str, dict[str, Any], float]] = []
    for v in truth.members:
        m = v.character
        thought = believed.get(m, (None, None))[1]
        if v.boss != thought and v.boss is not None:
            out.append(("secret_hold", {"character": m, "faction": v.boss}, shares[m]))
        elif v.boss != thought:
            out.append(("not_held", {"character": m, "faction": thought}, shares[m]))
        elif v.boss is not None and v.whip != assumed.get(v.boss):
            out.append(("whip", {"faction": v.boss, "whip": v.whip}, shares[m]))
        elif v.boss is None and any(
            int(state.lobbied[rs.ci[m], rs.fi[f]]) for f in rs.faction_ids if f != motion.proposer
        ):
            out.append(("rival_lobbying", {"character": m}, shares[m]))
        else:
            out.append(("hidden", {}, shares[m]))
    return _group(out, truth.p_pass - seen.p, "hidden")
