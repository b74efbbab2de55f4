"""What happens to people: death, exile, arrest, and the offices and seats they leave behind.

The invariant kept here: only free, living characters hold an office or sit in a named body.
"""

from __future__ import annotations

from ..ruleset import Ruleset
from ..state import GameState

FATES = ("exiled", "arrested", "dead")


def incapacitated(rs: Ruleset, character: str) -> bool:
    """Disabled by illness (a trait with no_office): keeps his posts, is appointed to none."""
    return any(rs.trait(t).no_office for t in rs.characters[character].traits)


def offices_of(state: GameState, character: str) -> list[str]:
    return [office for office, holder in state.offices.items() if holder == character]


def bodies_of(state: GameState, character: str) -> list[str]:
    return [body for body, members in state.seats.items() if character in members]


def strip_posts(state: GameState, character: str) -> list[str]:
    """Remove a character from every office and seat; returns what he lost."""
    lost = offices_of(state, character)
    for office in lost:
        state.offices[office] = None
    for body in bodies_of(state, character):
        state.seats[body].remove(character)
        lost.append(body)
    return lost


def set_fate(rs: Ruleset, state: GameState, character: str, fate: str, cause: str = "") -> bool:
    """Move a character to exile, arrest or death. Returns False if nothing changed."""
    c = rs.ci[character]
    current = state.status[c]
    if current == "dead" or current == fate:
        return False
    state.status[c] = fate
    lost = strip_posts(state, character)
    if fate == "dead":
        state.deaths.append([character, state.turn, cause or "unknown"])
        state.note("person.died", character=character, cause=cause or "unknown", lost=lost)
    else:
        state.note(f"person.{fate}", character=character, lost=lost)
    return True


def appoint(rs: Ruleset, state: GameState, office: str, character: str) -> str | None:
    """Put a free character in an office; returns who was displaced (or None)."""
    if state.status[rs.ci[character]] != "free":
        return None
    previous = state.offices.get(office)
    if previous == character:
        return None
    state.offices[office] = character  # one holder per office; a person may hold several
    return previous


def seat(state: GameState, body: str, character: str, size: int) -> bool:
    members = state.seats[body]
    if character in members or len(members) >= size:
        return False
    members.append(character)
    return True
