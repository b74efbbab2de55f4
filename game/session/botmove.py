"""Let a bot move: the one place that builds a faction's view and its thinking stream.

The stream is derived from the game's seed, the faction and the length of the chronicle, so the same
game gives the same bot the same dice however it is run (a window, `simulate`, a network host) -
determinism depends on every caller going through here.
"""

from __future__ import annotations

from ..core import actions as A
from ..core.legality import check
from ..core.rng import Rng, derive_seed
from ..core.ruleset import Ruleset
from ..core.state import GameState
from ..core.view import player_view


def bot_action(rs: Ruleset, state: GameState, faction: str, bot) -> A.Action:
    """The action `bot`, playing `faction`, chooses now from its own player view."""
    view = player_view(rs, state, faction)
    rng = Rng(derive_seed(state.seed, "bot", faction, len(state.log)))
    return bot.choose(view, rng, lambda a: check(rs, state, a) is None)
