"""player_view: the game as one faction may know it (DESIGN §4).

The engine keeps the whole truth. Every screen, every bot and every save shown to a player goes
through this view, which hides other factions' secret influence and lobbying, their hands, the
order of the draw pile, private chronicle entries, pact offers between others, and the dice; and,
to a faction with no one where the real books are kept, the real industrial output (it sees the
reported figure in its place: rules/plan.py).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .records import share_record
from .rng import Rng
from .rules.plan import mask_figures
from .ruleset import Ruleset
from .state import GameState

HIDDEN_CARD = "?"
PRIVATE_KEYS = ("lobby.secret",)


def player_view(rs: Ruleset, state: GameState, faction: str, with_log: bool = True, shared: bool = False) -> GameState:
    """`with_log=False` drops the chronicle, for quick throwaway views (vote forecasts). `shared=True`
    copies only what the view hides (secret loyalty and lobbying, hands, the deck, offers, the books)
    and shares the rest with the truth, as it is: for a reader that never changes the view and lets it
    go before the truth changes (a bot's decision, a forecast). The two views read the same."""
    if shared:
        return _shared_view(rs, state, faction, with_log)
    view = state.clone(keep_log=False)
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
        view.log = list(_public_log(rs, state.log, faction))
    return view


def _shared_view(rs: Ruleset, state: GameState, faction: str, with_log: bool) -> GameState:
    """`player_view(shared=True)`: new containers only where the view differs from the truth."""
    f = rs.fi[faction]
    secret, lobbied = np.zeros_like(state.loyalty_secret), np.zeros_like(state.lobbied)
    secret[:, f] = state.loyalty_secret[:, f]
    lobbied[:, f] = state.lobbied[:, f]
    factions = {
        other: fs if other == faction else share_record(fs, hand=[HIDDEN_CARD] * len(fs.hand))
        for other, fs in state.factions.items()
    }
    view = share_record(
        state,
        loyalty_secret=secret,
        lobbied=lobbied,
        factions=factions,
        deck=[HIDDEN_CARD] * len(state.deck),
        rng=Rng(0),
        pacts=[p for p in state.pacts if p.accepted or faction in (p.a, p.b)],
        log=list(_public_log(rs, state.log, faction)) if with_log else [],
        view_of=faction,
    )
    mask_figures(rs, view, faction)
    return view


def _visible(entry: list[Any], faction: str) -> bool:
    return bool(entry[1] not in PRIVATE_KEYS or entry[2].get("faction") == faction)


def _public_log(rs: Ruleset, log: list[list[Any]], faction: str) -> list[list[Any]]:
    """The chronicle as `faction` may read it. The chronicle only grows (entries are never changed
    once appended), so what was sifted for this faction's last view of the same chronicle is kept
    and only the new entries are sifted. The list kept is never changed, only replaced."""
    memo = rs.cache.setdefault("public_logs", {})
    seen = memo.get(faction)
    if seen is not None and seen[0] is log and 0 < seen[1] <= len(log) and log[seen[1] - 1] is seen[2]:
        kept: list[list[Any]] = seen[3] + [e for e in log[seen[1] :] if _visible(e, faction)]
    else:
        kept = [e for e in log if _visible(e, faction)]
    if log:
        memo[faction] = (log, len(log), log[-1], kept)
    return kept
