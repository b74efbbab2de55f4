"""The temper's fit (tests.ai.temperfit): monotone pairs from votes, pooled where the share passed
falls, and kept to a cluster's edge where a kind's chances fall in two clusters."""

from __future__ import annotations

import math

from game.core.rules.temper import tempered, untempered
from tests.ai.temperfit import knots


def _logit(p: float) -> float:
    return math.log(p / (1.0 - p))


def test_pairs_rise_strictly_and_pool_a_dip():
    # raw 0.3: 30 % pass; raw 0.4: 20 % (a dip, pooled with the bin before); raw 0.55: 70 %
    pairs = [(_logit(raw), i < share * 100) for raw, share in ((0.3, 0.3), (0.4, 0.2), (0.55, 0.7)) for i in range(100)]
    fit = knots(pairs)
    assert len(fit) == 2 and abs(fit[0][1] - 0.25) < 0.01 and abs(fit[1][1] - 0.70) < 0.01
    assert all(a[0] < b[0] and a[1] < b[1] for a, b in zip(fit, fit[1:]))


def test_a_cluster_keeps_its_share_to_its_edge():
    # Two clusters of raw chances far apart: 0.10-0.35 passing 8 %, 0.75-0.90 passing all.
    low = [(_logit(0.10 + 0.25 * i / 99), i % 12 == 0) for i in range(100)]
    high = [(_logit(0.75 + 0.15 * i / 99), True) for i in range(100)]
    o = {"temper": {"compromise": knots(low + high)}}
    assert tempered(o, "compromise", 0.34) < 0.12  # not drawn up toward the other cluster
    assert tempered(o, "compromise", 0.76) > 0.95
    for p in (0.2, 0.5, 0.8):
        assert abs(untempered(o, "compromise", tempered(o, "compromise", p)) - p) < 1e-3
