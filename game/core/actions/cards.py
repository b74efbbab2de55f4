"""Playing a card from the hand: for its event, or for its influence (a rival's event then fires
for its owner all the same)."""

from __future__ import annotations

from typing import Any

from ..conditions import Ctx, holds
from ..rules import cards
from ..ruleset import Ruleset
from ..state import GameState
from .records import PlayCard
from .spec import ActionSpec, Preview, Reason


def check_play_card(rs: Ruleset, state: GameState, a: PlayCard) -> Reason | None:
    if a.card not in state.factions[a.actor].hand:
        return Reason("card.not_in_hand")
    if a.mode not in ("event", "influence"):
        return Reason("card.mode")
    if a.mode == "event":
        card = rs.cards[a.card]
        if not holds(rs, state, card.conditions, Ctx(a.actor, a.actor, card.faction or a.actor)):
            return Reason("card.not_now", {"card": a.card})
    return None


def perform_play_card(rs: Ruleset, state: GameState, a: PlayCard) -> None:
    hand = state.factions[a.actor].hand
    hand.remove(a.card)
    state.discard.append(a.card)
    card = rs.cards[a.card]
    if a.mode == "influence":
        state.factions[a.actor].influence += card.value
        state.note("card.influence", faction=a.actor, card=a.card, value=card.value)
        if cards.fires_for_rival(rs, a.card, a.actor):
            fired = cards.play_event(rs, state, a.card, a.actor)
            state.note("card.rival_event", faction=a.actor, card=a.card, owner=card.faction, fired=fired)
    else:
        cards.play_event(rs, state, a.card, a.actor)
        state.note("card.event", faction=a.actor, card=a.card)


def preview_play_card(rs: Ruleset, view: GameState, a: PlayCard) -> Preview:
    """value: the influence it gives; owner: whose card (None: neutral); rival_fires: played for
    influence, a rival's event fires for its owner."""
    card = rs.cards[a.card]
    return {"value": card.value, "owner": card.faction, "rival_fires": card.faction not in (None, a.actor)}


SPECS: tuple[ActionSpec[Any], ...] = (
    ActionSpec(PlayCard, check_play_card, perform_play_card, preview=preview_play_card),
)
