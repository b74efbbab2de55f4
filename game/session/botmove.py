"""Let a bot move: the one place that builds a faction's view and its thinking stream.

The stream is derived from the game's seed, the faction and the length of the chronicle, so the same
game gives the same bot the same dice however it is run (a window, `simulate`, a network host) -
determinism depends on every caller going through here.
"""

from __future__ import annotations

import importlib

from ..ai.bots import make_bot
from ..core import actions as A
from ..core.legality import check
from ..core.rng import Rng, derive_seed
from ..core.ruleset import Ruleset
from ..core.state import GameState
from ..core.view import player_view


def bot_action(rs: Ruleset, state: GameState, faction: str, bot) -> A.Action:
    """The action `bot`, playing `faction`, chooses now from its own player view (a plan in
    progress takes its next step without one: it was made from that view)."""

    def legal(a: A.Action) -> bool:
        return check(rs, state, a) is None

    planned = getattr(bot, "planned", None)
    action = planned(state, legal) if planned is not None else None
    if action is None:
        view = player_view(rs, state, faction, shared=True)  # read while the truth stands still
        action = bot.choose(view, Rng(derive_seed(state.seed, "bot", faction, len(state.log))), legal)
    return action


SCRIPTED_PREFIX = "tests.ai."  # scripted strategies for measurement live with the tests


def bot_for(rs: Ruleset, faction: str, level: str, think: int = 1):
    """The bot for a level name, or for a scripted strategy named `tests.ai.MODULE:CLASS` (the
    strength tool measures those against the real levels). `think`: the hard level's budget, multiplied."""
    if ":" not in level:
        return make_bot(rs, faction, level, think)
    module, _, name = level.partition(":")
    if not module.startswith(SCRIPTED_PREFIX):
        raise ValueError(f"a scripted strategy must live under {SCRIPTED_PREFIX}: '{level}'")
    if rs.factions[faction].apparatus:
        return make_bot(rs, faction)  # the apparatus keeps its own personality
    return getattr(importlib.import_module(module), name)(rs, faction)
