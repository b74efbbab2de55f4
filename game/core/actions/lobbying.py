"""Winning people over: lobbying (a secret hold bought with influence) and declaring that hold."""

from __future__ import annotations

from typing import Any

from ..rules.control import add_public_loyalty, add_secret_loyalty, controller, reveal
from ..ruleset import Ruleset
from ..state import GameState
from .records import Declare, Lobby
from .spec import ActionSpec, Preview, Reason, amount_reason, spend_cost


def lobby_gain(rs: Ruleset, character: str, influence: int) -> int:
    """Loyalty gained per influence, shaped by the target's traits."""
    rate = float(rs.rules["lobby_per_influence"])
    for t in rs.characters[character].traits:
        rate *= rs.trait(t).lobby_rate
    return max(1, round(influence * rate))


def bound_elsewhere(rs: Ruleset, character: str, faction: str) -> bool:
    """A leader of another faction: nobody can win him over."""
    d = rs.characters[character]
    return d.leader and d.faction != faction


def check_lobby(rs: Ruleset, state: GameState, a: Lobby) -> Reason | None:
    if a.character not in rs.characters:
        return Reason("character.unknown", {"character": a.character})
    if state.status[rs.ci[a.character]] != "free":
        return Reason("character.not_free")
    if bound_elsewhere(rs, a.character, a.actor):
        return Reason("character.bound", {"character": a.character})
    return amount_reason(rs, a.influence)


def perform_lobby(rs: Ruleset, state: GameState, a: Lobby) -> None:
    gain = lobby_gain(rs, a.character, a.influence)
    add_secret_loyalty(rs, state, a.character, a.actor, gain)
    c, f = rs.ci[a.character], rs.fi[a.actor]
    state.lobbied[c, f] = int(state.lobbied[c, f]) + a.influence
    # The chronicle entry is private to the lobbying faction (the view filters it).
    state.note("lobby.secret", faction=a.actor, character=a.character, influence=a.influence)


def preview_lobby(rs: Ruleset, view: GameState, a: Lobby) -> Preview:
    """gain: the secret loyalty it buys."""
    return {"gain": lobby_gain(rs, a.character, a.influence)}


def check_declare(rs: Ruleset, state: GameState, a: Declare) -> Reason | None:
    if a.character not in rs.characters:
        return Reason("character.unknown", {"character": a.character})
    if int(state.loyalty_secret[rs.ci[a.character], rs.fi[a.actor]]) <= 0:
        return Reason("declare.nothing")
    return None


def perform_declare(rs: Ruleset, state: GameState, a: Declare) -> None:
    won = controller(rs, state, a.character) == a.actor
    if won:
        reveal(rs, state, a.character)
        add_public_loyalty(rs, state, a.character, a.actor, rs.rules["declare_bonus"])
    state.note("declare", faction=a.actor, character=a.character, won=won)


SPECS: tuple[ActionSpec[Any], ...] = (
    ActionSpec(Lobby, check_lobby, perform_lobby, cost=spend_cost, preview=preview_lobby),
    ActionSpec(Declare, check_declare, perform_declare),
)
