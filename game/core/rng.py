"""The game's seeded generator (SplitMix64), whose whole state is one integer in GameState.

Python's and numpy's generators may change between releases; a save must replay the same dice
next year, so the game rolls its own. Bots derive separate streams with `derive_seed` so that
thinking never moves the game's dice.
"""

from __future__ import annotations

from typing import Any

_MASK = (1 << 64) - 1
_GOLDEN = 0x9E3779B97F4A7C15


def _mix(z: int) -> int:
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return z ^ (z >> 31)


class Rng:
    """A SplitMix64 stream. `state` is the only thing it remembers."""

    __slots__ = ("state",)

    def __init__(self, state: int) -> None:
        self.state = state & _MASK

    def next_u64(self) -> int:
        self.state = (self.state + _GOLDEN) & _MASK
        return _mix(self.state)

    def random(self) -> float:
        """A float in [0, 1) with 53 bits of precision."""
        return (self.next_u64() >> 11) / float(1 << 53)

    def below(self, n: int) -> int:
        """An integer in [0, n)."""
        if n <= 0:
            raise ValueError("below() needs a positive bound")
        return self.next_u64() % n

    def uniform(self, low: float, high: float) -> float:
        return low + (high - low) * self.random()

    def shuffle(self, items: list[Any]) -> None:
        """Fisher-Yates, in place."""
        for i in range(len(items) - 1, 0, -1):
            j = self.below(i + 1)
            items[i], items[j] = items[j], items[i]

    def copy(self) -> Rng:
        return Rng(self.state)


def derive_seed(seed: int, *parts: str | int) -> int:
    """A stable seed for a side stream (a bot, a cosmetic effect) from the game seed."""
    acc = _mix(seed & _MASK)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else str(part).encode("ascii")
        for byte in data:
            acc = _mix((acc ^ byte) + _GOLDEN)
    return acc
