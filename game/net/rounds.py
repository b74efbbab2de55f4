"""Rounds on the network: every team chooses its next action at the same time, and the host plays
the choices in the engine's fixed order.

A networked class plays with the core's rounds rule (`flow.pass_move`, switched on by the teacher
action "rounds" when the room opens, so it is in the log and `replay` repeats it): in intrigue and
in the Politburo session the move passes after every action to the next faction of this turn's
order that has not ended its turn (the rotating order, the apparatus last). While a team still has
moves to make in the phase, its page may send its next action at any time; the host keeps one
choice per team (a new one replaces it, `undo` withdraws it) and plays it when the engine comes to
that team, the bots moving at their own places. A choice is judged again when it is played, against
the game as it then is: one that can no longer be made is dropped, and the team is told why and
chooses again. The log is the order actually played, so the same log gives the same game.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from ..core import actions as A
from ..core.state import GameState
from .devices import Device


@dataclass(slots=True)
class Choice:
    """A team's next action, waiting for its place in the round."""

    device: Device
    action: A.Action
    turn: int
    phase: str


@dataclass(slots=True)
class Rounds:
    choices: dict[str, Choice] = field(default_factory=dict)  # faction -> its next action
    dropped: dict[str, str] = field(default_factory=dict)  # faction -> why its last choice could not be made

    def choose(self, state: GameState, device: Device, action: A.Action) -> None:
        self.choices[device.faction] = Choice(device, action, state.turn, state.phase)
        self.dropped.pop(device.faction, None)

    def withdraw(self, faction: str) -> Choice | None:
        return self.choices.pop(faction, None)

    def due(self, state: GameState, mover: str | None) -> Choice | None:
        """The mover's choice if it has one, taking it out; choices that can no longer be played
        (the team's turn was ended by the teacher, or the phase is over) are forgotten first."""
        for faction in [f for f, c in self.choices.items() if not _still_open(state, f, c)]:
            del self.choices[faction]
        return self.choices.pop(mover, None) if mover is not None else None


def may_choose(state: GameState, faction: str) -> bool:
    """May this team send its next action now (the game is in rounds, in intrigue or the session,
    no event is waiting, and the team has not ended its turn)?"""
    return (
        state.rounds
        and state.phase in ("intrigue", "session")
        and not state.event_queue
        and faction in state.order
        and not state.factions[faction].done
    )


def as_mover(state: GameState, faction: str) -> GameState:
    """The state as if it were `faction`'s move (a shallow copy, never changed): what its page's
    options and a choice are checked against before the choice's place in the round comes."""
    if state.acting_faction == faction or faction not in state.order:
        return state
    probe = copy.copy(state)
    probe.acting = state.order.index(faction)
    return probe


def _still_open(state: GameState, faction: str, choice: Choice) -> bool:
    return (state.turn, state.phase) == (choice.turn, choice.phase) and may_choose(state, faction)
