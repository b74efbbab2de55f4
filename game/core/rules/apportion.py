"""Seat arithmetic shared by congresses and plenums: largest remainder and D'Hondt.

Both are deterministic: ties go to the earlier key in the (ordered) weights.
"""

from __future__ import annotations


def largest_remainder(total: int, weights: dict[str, float]) -> dict[str, int]:
    """Split `total` seats in proportion to `weights`; the counts always add up to `total`."""
    out = {k: 0 for k in weights}
    mass = sum(max(0.0, w) for w in weights.values())
    if total <= 0 or mass <= 0:
        if weights and total > 0:
            out[next(iter(weights))] = total
        return out
    quotas = {k: total * max(0.0, w) / mass for k, w in weights.items()}
    for k, q in quotas.items():
        out[k] = int(q)
    left = total - sum(out.values())
    position = {k: i for i, k in enumerate(weights)}
    order = sorted(weights, key=lambda k: (-(quotas[k] - out[k]), position[k]))
    for k in order[:left]:
        out[k] += 1
    return out


def dhondt(
    seats: int,
    weights: dict[str, float],
    capacity: dict[str, int] | None = None,
    held: dict[str, int] | None = None,
) -> dict[str, int]:
    """Allocate `seats` more seats by highest averages, counting the seats each key already
    `held`; returns the new seats per key, never more than its `capacity` of new seats."""
    out = {k: 0 for k in weights}
    held = held or {}
    keys = list(weights)
    for _ in range(seats):
        best, best_q = None, 0.0
        for k in keys:
            if capacity is not None and out[k] >= capacity.get(k, 0):
                continue
            q = weights[k] / (held.get(k, 0) + out[k] + 1)
            if q > best_q:
                best, best_q = k, q
        if best is None:
            break
        out[best] += 1
    return out
