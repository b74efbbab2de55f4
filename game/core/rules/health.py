"""Ageing, illness and natural deaths, from the characters' data; deaths in custody.

Each turn a living character may die of natural causes: a small chance that grows with age and
with traits such as Ailing, and a much larger one once the date of a historical natural death has
come — or the date a scenario moves it to (`death_dates`: Lenin lives). A death under surgery
(Frunze's) is not rolled here: it comes only with its chronicle event, where the choice decides it.
Executions and murders in history are never automatic: in this game they happen only if the game's
politics bring them about. A prisoner's chance of dying is higher (`hazard_arrested`), and his death
is recorded as a death in custody, not a natural one.
"""

from __future__ import annotations

from ..calendar import now
from ..ruleset import Ruleset
from ..state import GameState
from . import people


def death_chance(rs: Ruleset, state: GameState, character: str) -> float:
    r = rs.rules
    cdef = rs.characters[character]
    age = state.start_year + state.turn // 2 - cdef.born
    p = r["hazard_base"] + max(0, age - r["hazard_age"]) * r["hazard_per_year"]
    p += sum(rs.trait(t).hazard for t in cdef.traits)
    died = rs.scenarios[state.scenario].death_dates.get(character, cdef.died_turn)
    if cdef.died_cause == "natural" and died is not None and now(state) >= died:
        p += r["hazard_historical"]
    if state.status[rs.ci[character]] == "arrested":
        p += r["hazard_arrested"]
    hazard: float = min(max(p, 0.0), 0.95)
    return hazard


def health_phase(rs: Ruleset, state: GameState) -> None:
    for cid in rs.character_ids:
        if state.status[rs.ci[cid]] == "dead":
            continue
        if state.rng.random() < death_chance(rs, state, cid):
            held = state.status[rs.ci[cid]] == "arrested"  # a prisoner's death is not told as a natural one
            people.set_fate(rs, state, cid, "dead", "in_custody" if held else "natural")
