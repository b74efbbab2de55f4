"""The game's seeded generator (SplitMix64), whose whole state is one integer in GameState.

Python's and numpy's generators may change between releases; a save must replay the same dice
next year, so the game rolls its own. Bots derive separate streams with `derive_seed` so that
thinking never moves the game's dice.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_MASK = (1 << 64) - 1
_GOLDEN = 0x9E3779B97F4A7C15
_UNIT = 1.0 / float(1 << 53)  # exact: a power of two


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
        self.state = z = (self.state + _GOLDEN) & _MASK
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK  # _mix, inlined: the dice are rolled often
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
        return z ^ (z >> 31)

    def random(self) -> float:
        """A float in [0, 1) with 53 bits of precision."""
        return (self.next_u64() >> 11) * _UNIT

    def uniform(self, low: float, high: float) -> float:
        return low + (high - low) * self.random()

    def below(self, n: int) -> int:
        """An integer in [0, n)."""
        if n <= 0:
            raise ValueError("below() needs a positive bound")
        return self.next_u64() % n

    def shuffle(self, items: list[Any]) -> None:
        """Fisher-Yates, in place."""
        for i in range(len(items) - 1, 0, -1):
            j = self.below(i + 1)
            items[i], items[j] = items[j], items[i]

    def copy(self) -> Rng:
        return Rng(self.state)

    def skip(self, n: int) -> None:
        """Move past n draws without making them, for a caller that made the same draws at once
        (`rules.worldmath.streams([state], n)` gives the next n `random()`s)."""
        self.state = (self.state + n * _GOLDEN) & _MASK


def derive_seed(seed: int, *parts: str | int) -> int:
    """A stable seed for a side stream (a bot, a cosmetic effect) from the game seed."""
    if not parts:
        return _mix(seed & _MASK)
    return extend_seed(_derived(seed, *parts[:-1]), parts[-1])


@lru_cache(maxsize=1024)
def _derived(seed: int, *parts: str | int) -> int:
    """derive_seed of all but the last part, remembered: calls share their leading parts (a bot's
    streams differ only in the last), and the fold is a loop over every byte."""
    return extend_seed(_mix(seed & _MASK), *parts)


def extend_seed(acc: int, *parts: str | int) -> int:
    """derive_seed(seed, *a, *b) == extend_seed(derive_seed(seed, *a), *b): a shared prefix once."""
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else str(part).encode("ascii")
        for byte in data:
            z = (acc ^ byte) + _GOLDEN  # _mix, inlined: seeds are derived for every decision
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
            acc = z ^ (z >> 31)
    return acc
