"""The honest odds' recalibration (`odds: temper` in the rules): a logistic map per motion kind,
fitted on all-AI games, from the chance the imagined worlds give to the chance a faction is shown."""

from __future__ import annotations

import math
from typing import Any


def tempered(o: dict[str, Any], kind: str, chance: float) -> float:
    """The worlds' chance corrected by the fit of `odds: temper` (a logistic recalibration per motion
    kind, measured on all-AI games): the worlds draw each rival's reply on its own, while rivals in
    fact answer a motion together, so the raw chance is surer than the votes bear out."""
    fit = o.get("temper", {})
    a, slope = fit.get(kind, fit.get("default", (0.0, 1.0)))
    if a == 0.0 and slope == 1.0:
        return chance
    q = min(max(chance, 1e-6), 1.0 - 1e-6)
    return 1.0 / (1.0 + math.exp(-(a + slope * math.log(q / (1.0 - q)))))
