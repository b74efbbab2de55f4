"""player_view: the game as one faction may know it (DESIGN §4).

The engine keeps the whole truth. Every screen, every bot and every save shown to a player goes
through this view, which hides other factions' secret influence and lobbying, their hands, the
order of the draw pile, private chronicle entries, pact offers between others, and the dice; and,
to a faction with no one where the real books are kept, the real industrial output (it sees the
reported figure in its place: rules/plan.py).
"""

from __future__ import annotations

from .rng import Rng
from .rules.plan import mask_figures
from .ruleset import Ruleset
from .state import GameState

HIDDEN_CARD = "?"
PRIVATE_KEYS = ("lobby.secret",)


def player_view(rs: Ruleset, state: GameState, faction: str, with_log: bool = True) -> GameState:
    """`with_log=False` drops the chronicle, for quick throwaway views (vote forecasts)."""
    view = state.clone(keep_log=with_log)
    view.view_of = faction
    f = rs.fi[faction]
    keep_secret = view.loyalty_secret[:, f].copy()
    keep_lobbied = view.lobbied[:, f].copy()
    view.loyalty_secret[:] = 0
    view.lobbied[:] = 0
    view.loyalty_secret[:, f] = keep_secret
    view.lobbied[:, f] = keep_lobbied
    for other, fs in view.factions.items():
        if other != faction:
            fs.hand = [HIDDEN_CARD] * len(fs.hand)
    view.deck = [HIDDEN_CARD] * len(view.deck)
    view.rng = Rng(0)
    view.pacts = [p for p in view.pacts if p.accepted or faction in (p.a, p.b)]
    mask_figures(rs, view, faction)
    if with_log:
        view.log = [e for e in view.log if e[1] not in PRIVATE_KEYS or e[2].get("faction") == faction]
    return view
