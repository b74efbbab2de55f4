"""A card in words, for the hand, the encyclopedia and the report: what its event does (and when it
can), what its influence buys, and what a rival's card does anyway - so the event-or-influence
choice can be weighed side by side. Pure; the effects themselves come from effects.py.
"""

from __future__ import annotations

from ..core.ruleset import Ruleset
from . import names
from .effects import for_card


def owner_words(rs: Ruleset, card_id: str, viewer: str | None = None) -> str:
    """'your card', "the Left's card", 'a neutral card'."""
    owner = rs.cards[card_id].faction
    if owner not in rs.factions:
        return "a neutral card"
    return "your card" if owner == viewer else f"{names.possessive(rs, owner)} card"


def event_words(rs: Ruleset, card_id: str, viewer: str | None = None, start: bool = True) -> str:
    """'Peasant mood +8; your heat +6 (only if Nikolai Bukharin is alive)'."""
    card = rs.cards[card_id]
    said = for_card(rs, card_id, viewer)
    words = said.effects(card.effects, start)
    if card.conditions:
        words += f" (only if {said.conditions(card.conditions, start=False)}; otherwise nothing happens)"
    return words


def choice_words(rs: Ruleset, card_id: str, viewer: str) -> tuple[str, str]:
    """The two ways to play a card in hand, each with the other beside it: (for its event, for influence)."""
    card = rs.cards[card_id]
    event = event_words(rs, card_id, viewer)
    if card.faction in rs.factions and card.faction != viewer:  # a rival's event fires either way
        whose = names.possessive(rs, card.faction)
        return (
            f"Event: {event}. Played for +{card.value} influence instead, {whose} event happens all the same.",
            f"+{card.value} influence; {whose} event happens all the same: {event_words(rs, card_id, viewer, False)}.",
        )
    return (
        f"Event: {event}. Or play it for +{card.value} influence instead, and the event is lost.",
        f"+{card.value} influence, and the event is lost. Or play it for its event: {event}.",
    )
