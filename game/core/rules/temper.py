"""The honest odds' calibration: the recalibration per motion kind (`odds: temper` in the rules), fitted
on all-AI games, from the chance the imagined worlds give to the chance a faction is shown; and the
worlds a faction weighs a motion with before proposing it, kept apart from the worlds it is shown."""

from __future__ import annotations

import math
from typing import Any

from ..rng import extend_seed


def tempered(o: dict[str, Any], kind: str, chance: float) -> float:
    """The worlds' chance corrected by the fit of `odds: temper` (a logistic recalibration per motion
    kind, measured on all-AI games: shown = 1 / (1 + exp(-(a + slope * logit(raw)))))."""
    fit = o.get("temper", {})
    a, slope = fit.get(kind, fit.get("default", (0.0, 1.0)))
    if a == 0.0 and slope == 1.0:
        return chance
    q = min(max(chance, 1e-6), 1.0 - 1e-6)
    return 1.0 / (1.0 + math.exp(-(a + slope * math.log(q / (1.0 - q)))))


def weighing_seed(seed_prefix: int) -> int:
    """The stream of worlds a faction weighs a motion with when deciding whether to propose it, from
    the stream (`odds.Basis.seed_prefix`) its odds are shown with. A motion is proposed when its odds
    look good enough, and a few dozen worlds err a few points either way: shown from the very worlds
    that decided it, the odds of the motions proposed erred upward, most where the decision was close
    (a winner's curse; 200 all-AI games: the motions shown at 0.30-0.40, 0.357 on average, passed 25 %
    of the time; the same games' motions shown from other worlds read 0.357 in that range and passed
    33 %). Drawn apart, the shown odds' error is no longer what chose the motion.
    """
    return extend_seed(seed_prefix, "weighing")
