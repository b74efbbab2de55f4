"""The deck (DESIGN §5): eras, dealing, and what a card does when played.

A card is played for its event or for its influence. Played for influence, a rival's card fires
its event anyway, for its owner — so a hand full of a rival's cards is a problem.
"""

from __future__ import annotations

from ..calendar import year_of
from ..conditions import Ctx, holds
from ..effects import apply_effects
from ..ruleset import Ruleset
from ..state import GameState


def era_of(rs: Ruleset, state: GameState) -> int:
    year = year_of(state.turn, state.start_year)
    era = 1
    for number, first_year in sorted((int(k), v) for k, v in rs.rules["era_starts"].items()):
        if year >= first_year:
            era = number
    return era


def enter_era(rs: Ruleset, state: GameState) -> None:
    """At a new era, the old era's undealt cards leave and the new era's are shuffled in."""
    era = era_of(rs, state)
    if era == state.era and state.deck:
        return
    in_hands = {c for fs in state.factions.values() for c in fs.hand}
    fresh = [cid for cid, c in rs.cards.items() if c.era == era and cid not in in_hands]
    state.deck = fresh
    state.discard = []
    state.rng.shuffle(state.deck)
    if era != state.era:
        state.note("era.began", era=era)
    state.era = era


def deal(rs: Ruleset, state: GameState) -> None:
    size = rs.rules["hand_size"]
    for faction in state.order or list(state.factions):
        hand = state.factions[faction].hand
        while len(hand) < size:
            if not state.deck:
                if not state.discard:
                    break
                state.deck = [c for c in state.discard if rs.cards[c].era == state.era]
                state.discard = []
                state.rng.shuffle(state.deck)
                if not state.deck:
                    break
            hand.append(state.deck.pop())


def fires_for_rival(rs: Ruleset, card_id: str, player: str) -> bool:
    owner = rs.cards[card_id].faction
    return owner is not None and owner != player


def play_event(rs: Ruleset, state: GameState, card_id: str, player: str) -> bool:
    """Run the card's event. Returns False if its conditions do not hold (then nothing happens)."""
    card = rs.cards[card_id]
    ctx = Ctx(chooser=player, player=player, owner=card.faction or player)
    if not holds(rs, state, card.conditions, ctx):
        return False
    apply_effects(rs, state, card.effects, ctx)
    return True
