"""The honest odds' arithmetic over arrays (odds.py): the worlds' seeded streams, the exact chance of a
majority in every world at once, and the small index tables the lookups by master reuse.

Everything here is numpy in a fixed order of operations, so a forecast is the same bits on every
machine, and the same for a motion whether it is forecast alone or with others.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MIX1, _MIX2, _S11, _S27, _S30, _S31 = (np.uint64(v) for v in (0xBF58476D1CE4E5B9, 0x94D049BB133111EB, 11, 27, 30, 31))


class _Steps:
    """idx * golden for idx = 1..n: SplitMix64's counter, the same for every stream (grown on demand)."""

    table = np.zeros(0, dtype=np.uint64)

    @classmethod
    def first(cls, n: int) -> np.ndarray:
        if len(cls.table) < n:
            cls.table = np.arange(1, max(n, 4096) + 1, dtype=np.uint64) * _GOLDEN
        return cls.table[:n]


def streams(seeds: list[int], n: int) -> np.ndarray:
    """n floats in [0, 1) for each seed [seeds, n], from SplitMix64 in integer arithmetic: the same
    on every machine and numpy."""
    z = _Steps.first(n)[None, :] + np.array(seeds, dtype=np.uint64)[:, None]  # uint64 arrays wrap silently
    shifted = np.empty_like(z)  # one scratch array for the shifts
    z ^= np.right_shift(z, _S30, out=shifted)
    z *= _MIX1
    z ^= np.right_shift(z, _S27, out=shifted)
    z *= _MIX2
    z ^= np.right_shift(z, _S31, out=shifted)
    z >>= _S11
    return z.astype(np.float64) / float(1 << 53)


STREAMS_KEPT = 256  # streams remembered by (seed, length): a turn's forecasts of a motion share its seed (14 kB each)


def remembered_streams(memo: dict[tuple[int, int], np.ndarray], seeds: list[int], n: int) -> np.ndarray:
    """`streams(seeds, n)`, each seed's row kept in `memo` (read-only) and reused: the proposer's
    odds when it proposes and on the eve of the vote draw the same worlds its bot drew when weighing
    the motion. A row is a pure function of (seed, n), so a kept one is never stale."""
    rows: dict[int, np.ndarray] = {}
    missing: list[int] = []
    for seed in seeds:
        row = memo.get((seed, n))
        if row is not None:
            rows[seed] = row
        elif seed not in missing:
            missing.append(seed)
    if missing:
        if len(memo) + len(missing) > STREAMS_KEPT:
            memo.clear()
        for seed, fresh in zip(missing, streams(missing, n)):
            fresh.flags.writeable = False
            rows[seed] = memo[seed, n] = fresh
    if len(seeds) == 1:
        return rows[seeds[0]][None, :]
    return np.stack([rows[seed] for seed in seeds])


def uniforms(seed: int, n: int) -> np.ndarray:
    """One stream of `streams`."""
    stream: np.ndarray = streams([seed], n)[0]
    return stream


def pass_probabilities(p: np.ndarray, chair_index: int | None) -> np.ndarray:
    """pass_probability for each row of p [worlds, members] at once."""
    k, n = p.shape
    if n == 0:
        return np.zeros(k)
    even_chair = chair_index is not None and n % 2 == 0
    cols = [i for i in range(n) if not (even_chair and i == chair_index)]
    # dist[1 + y]: each row's chance of y yes votes so far, rows along the second axis (each step
    # then works on whole contiguous rows); dist[0] stays zero (no votes below none).
    dist = np.zeros((len(cols) + 2, k))
    yes = p.T.copy()
    stay = 1.0 - yes
    if cols:  # the first member's step from certainty is exact: no votes `stay`, one vote `yes`
        dist[1], dist[2] = stay[cols[0]], yes[cols[0]]
    else:
        dist[1] = 1.0
    for j, i in enumerate(cols[1:], start=2):
        moved = dist[0 : j + 1] * yes[i]
        np.add(dist[1 : j + 2] * stay[i], moved, out=dist[1 : j + 2])
    dist = np.ascontiguousarray(dist[1:].T)  # summed along rows, as numpy sums them
    if not even_chair:
        majority: np.ndarray = dist[:, n // 2 + 1 :].sum(axis=1)
        return majority
    half = n // 2
    pc = p[:, chair_index]
    with_chair: np.ndarray = pc * dist[:, max(half - 1, 0) :].sum(axis=1) + (1.0 - pc) * dist[:, half + 1 :].sum(axis=1)
    return with_chair


@lru_cache(maxsize=256)
def columns(pairs: tuple[tuple[int, int], ...]) -> tuple[np.ndarray, np.ndarray]:
    """(members, values) of (member, value) pairs as index and value arrays, remembered (read-only)."""
    return _frozen(np.array([i for i, _ in pairs], dtype=np.intp)), _frozen(
        np.array([v for _, v in pairs], dtype=np.int64)
    )


@lru_cache(maxsize=64)
def grid(nmo: int, k: int, nm: int, width: int) -> tuple[np.ndarray, np.ndarray]:
    """Flat offsets of a row of `width` masters in arrays [motions, worlds, width] (broadcast over
    members) and [motions, members, width] (broadcast over worlds), for lookups by master."""
    at = np.arange(nmo)[:, None, None]
    return _frozen((at * k + np.arange(k)[None, :, None]) * width), _frozen(
        (at * nm + np.arange(nm)[None, None, :]) * width
    )


def _frozen(a: np.ndarray) -> np.ndarray:
    """`a` made read-only: a remembered array is shared by every later call."""
    a.flags.writeable = False
    return a


def mean_std(p: np.ndarray) -> tuple[list[list[float]], list[list[float]]]:
    """p.mean(axis=1) and p.std(axis=1) of p [motions, worlds, members] as lists: numpy's own
    steps (the same bits), without their overhead."""
    k = p.shape[1]
    mean = np.add.reduce(p, axis=1) / k
    dev = p - mean[:, None, :]
    np.multiply(dev, dev, out=dev)
    return mean.tolist(), np.sqrt(np.add.reduce(dev, axis=1) / k).tolist()
