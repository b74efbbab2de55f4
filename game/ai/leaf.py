"""The hard AI's leaf value: each faction's final score predicted from a position mid-game.

The prediction starts from the scoring rules themselves - the score as it would stand if today's
power share and program held to the scenario's end (`projected_totals`) - and corrects it with a
small linear model over what the scoring rules do not see yet but the next turns will (`FEATURES`):
how far today's share and program persist, influence in hand, heat and heat past the Control
Commission's threshold, the rung of the ladder, lobbying that has not yet tipped anyone, and a
per-faction drift. (Influence and heat are counted in tens, untipped lobbying in points of the
share of strength.) Each correction is scaled by the share of the game still to play, since the
score averages over the turns. The weights are fitted offline on all-AI games
(`python -m tests.ai.leaffit`) and kept in rules.yaml `ai: hard: leaf:`.

Everything here reads one state (a sampled world: the truth of that world) and is pure.
"""

from __future__ import annotations

import numpy as np

from ..core.rules.control import CONTROL_MARGIN, CONTROL_MIN, bound_faction, total_loyalty
from ..core.rules.scoring import final_scores, power_shares, program_rate
from ..core.ruleset import Ruleset
from ..core.state import GameState

FEATURES = ("share", "program", "influence", "heat", "heat_over", "rung", "latent")
LATENT_WIDTH = 15.0  # loyalty points over which a person counts as partly controlled, for `latent`


def remaining_share(world: GameState) -> float:
    """The share of the scenario's turns still to be scored (this one included)."""
    total = world.last_turn + 1
    return max(0, world.last_turn - world.turn + 1) / max(1, total)


def features(rs: Ruleset, world: GameState) -> dict[str, list[float]]:
    """Each faction's features, in `FEATURES` order (not yet scaled by the game still to play)."""
    hard = power_shares(rs, world)
    soft = power_shares(rs, world, soft_control_shares(rs, world, LATENT_WIDTH))
    threshold = rs.rules["discipline_heat"]
    out = {}
    for f, fs in world.factions.items():
        out[f] = [
            hard[f],
            program_rate(rs, world, f),
            fs.influence / 10.0,
            fs.heat / 10.0,
            max(0, fs.heat - threshold) / 10.0,
            float(fs.rung),
            100.0 * (soft[f] - hard[f]),
        ]
    return out


def projected_totals(rs: Ruleset, world: GameState) -> dict[str, float]:
    """Final totals if today's power shares and programs held to the end (`world` is left as it was)."""
    if world.phase == "over":
        return {f: v["total"] for f, v in world.scores.items()}
    shares = power_shares(rs, world)
    ahead = max(0, world.last_turn - world.turn + 1)
    kept = [(fs, fs.power, fs.program) for fs in world.factions.values()]
    for f, fs in world.factions.items():
        fs.power += shares[f] * ahead
        fs.program += program_rate(rs, world, f, shares[f]) * ahead
    try:  # turns 0..turn-1 have accrued, and `ahead` more
        return {f: v["total"] for f, v in final_scores(rs, world, world.turn + ahead).items()}
    finally:
        for fs, power, program in kept:
            fs.power, fs.program = power, program


def predicted_totals(rs: Ruleset, world: GameState, weights: dict[str, float]) -> dict[str, float]:
    """Each faction's predicted final total: the projection, corrected by the fitted weights
    (`weights`: one per name in FEATURES, and `faction.<id>` for a faction's drift)."""
    base = projected_totals(rs, world)
    if world.phase == "over":
        return base
    left = remaining_share(world)
    coef = [weights.get(name, 0.0) for name in FEATURES]
    out = {}
    for f, x in features(rs, world).items():
        correction = sum(w * v for w, v in zip(coef, x)) + weights.get(f"faction.{f}", 0.0)
        out[f] = base[f] + left * correction
    return out


def soft_control_shares(rs: Ruleset, world: GameState, width: float) -> np.ndarray:
    """[characters, factions]: how far each faction controls each person, 0 well short of the
    control rule's line (CONTROL_MIN, and CONTROL_MARGIN clear of the next), 1 well past it, linear
    over `width` loyalty points around it. Leaders are their faction's."""
    loyalty = total_loyalty(world).astype(np.float64)
    if loyalty.shape[1] < 2:
        return np.ones_like(loyalty)
    order = np.sort(loyalty, axis=1)
    best, second = order[:, -1:], order[:, -2:-1]
    others = np.where(loyalty >= best, second, best)  # each faction's strongest competitor
    need = np.maximum(CONTROL_MIN, others + CONTROL_MARGIN)
    share = np.clip((loyalty - need) / width + 0.5, 0.0, 1.0)
    for cid in rs.character_ids:
        bound = bound_faction(rs, cid)
        if bound is not None:
            share[rs.ci[cid]] = 0.0
            share[rs.ci[cid], rs.fi[bound]] = 1.0
    return share
