"""Choosing one of a chronicle event's options: the faction the event names decides it."""

from __future__ import annotations

from typing import Any

from ..flow import chooser_of, resolve_event
from ..ruleset import Ruleset
from ..state import GameState
from .records import ChooseOption
from .spec import ACTOR_GATE, ActionSpec, Reason, free


def check_choose(rs: Ruleset, state: GameState, a: ChooseOption) -> Reason | None:
    if not state.event_queue:
        return Reason("event.none")
    if state.event_queue[0] != a.event:
        return Reason("event.other")
    if chooser_of(rs, state, a.event) != a.actor:
        return Reason("event.not_chooser")
    if a.option not in [c.id for c in rs.events[a.event].choices]:
        return Reason("event.no_option", {"option": a.option})
    return None


def perform_choose(rs: Ruleset, state: GameState, a: ChooseOption) -> None:
    resolve_event(rs, state, a.event, a.option, a.actor)


SPECS: tuple[ActionSpec[Any], ...] = (
    ActionSpec(ChooseOption, check_choose, perform_choose, cost=free, gate=ACTOR_GATE),
)
