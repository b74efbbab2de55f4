"""The honest odds' calibration: the recalibration per motion kind (`odds: temper` in the rules), fitted
on all-AI games, from the chance the imagined worlds give to the chance a faction is shown; and the
worlds a faction weighs a motion with before proposing it, kept apart from the worlds it is shown."""

from __future__ import annotations

import math
from typing import Any

from ..rng import extend_seed

_EDGE = 1e-6  # chances are kept this far from 0 and 1 before their logit is taken


def _logit(p: float) -> float:
    q = min(max(p, _EDGE), 1.0 - _EDGE)
    return math.log(q / (1.0 - q))


def _through(knots: list[tuple[float, float]], x: float, low_slope: float) -> float:
    """The line through (logit, logit) knots at x: straight between knots; beyond the last, parallel to
    the identity; below the first, `low_slope` times as steep."""
    if x <= knots[0][0]:
        return knots[0][1] + (x - knots[0][0]) * low_slope
    for (x0, y0), (x1, y1) in zip(knots, knots[1:]):
        if x <= x1:
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return knots[-1][1] + x - knots[-1][0]


def _knots(o: dict[str, Any], kind: str) -> list[tuple[float, float]]:
    fit = o.get("temper", {})
    return [(_logit(raw), _logit(shown)) for raw, shown in fit.get(kind, fit.get("default", ()))]


def tempered(o: dict[str, Any], kind: str, chance: float) -> float:
    """The worlds' chance as `odds: temper` corrects it: per motion kind, [raw, shown] pairs measured on
    all-AI games (a monotone map, straight between them in log-odds, parallel to the identity beyond
    the last, `odds: temper_low_slope` times as steep below the first). The worlds draw each rival's
    reply on its own while rivals answer a motion together, and motions are proposed where their odds
    look good enough: the raw chance is surer than the votes bear out, the more so the lower it is."""
    knots = _knots(o, kind)
    if not knots:
        return chance
    return 1.0 / (1.0 + math.exp(-_through(knots, _logit(chance), o.get("temper_low_slope", 1.0))))


def untempered(o: dict[str, Any], kind: str, shown: float) -> float:
    """The worlds' chance behind a shown one: `tempered` inverted (its pairs rise strictly)."""
    knots = [(y, x) for x, y in _knots(o, kind)]
    if not knots:
        return shown
    return 1.0 / (1.0 + math.exp(-_through(knots, _logit(shown), 1.0 / o.get("temper_low_slope", 1.0))))


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
