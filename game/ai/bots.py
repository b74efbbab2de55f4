"""Which bot plays a faction: the apparatus its own personality, the others at the level chosen."""

from __future__ import annotations

from ..core.ruleset import Ruleset
from .apparatus import ApparatusBot
from .baselines import PassiveBot, RandomBot
from .hard import HardBot
from .standard import StandardBot


def make_bot(rs: Ruleset, faction: str, level: str = "standard", think: int = 1) -> StandardBot:
    """The apparatus always plays at the standard level; other factions at the level chosen.
    `think` multiplies the hard level's look-ahead budget (the command line's --think)."""
    if rs.factions[faction].apparatus:
        return ApparatusBot(rs, faction)
    if level == "hard":
        return HardBot(rs, faction, think)
    if level == "random":
        return RandomBot(rs, faction)  # type: ignore[return-value]
    if level == "passive":
        return PassiveBot(rs, faction)  # type: ignore[return-value]
    return StandardBot(rs, faction, level)
