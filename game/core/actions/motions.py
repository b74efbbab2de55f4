"""Putting a motion on the Politburo's agenda: policy steps, appointments and removals,
expulsions, censure and readmission, convening a plenum or congress, publishing the Testament,
naming a compromise figure (Krupskaya: rules/compromise.py).

The motion is voted on when the Politburo meets (`rules.motions`); proposing it records the
proposer's honest odds, and breaks the proposer's pacts with any faction it strikes at.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..flow import congress_due, plenum_due
from ..rules import compromise, odds, pacts, people
from ..ruleset import Ruleset
from ..state import GameState, Motion
from .pacts import pact_breaks
from .records import MOTION_KINDS, Propose
from .spec import ActionSpec, Preview, Reason, party_rung


def propose_cost(rs: Ruleset, a: Propose) -> tuple[int, int]:
    c = rs.rules["costs"]["propose"]
    return int(c["ap"]), int(c["influence"].get(a.motion, 0))  # an unknown kind is refused by its check


def check_propose(rs: Ruleset, state: GameState, a: Propose) -> Reason | None:
    if not rs.factions[a.actor].party or not party_rung(rs, state, a.actor).can_propose:
        return Reason("propose.barred")
    if a.motion not in MOTION_KINDS:
        return Reason("propose.kind", {"motion": a.motion})
    mine = sum(1 for m in state.agenda if m.proposer == a.actor)
    limit = int(rs.rules["max_motions"])
    if mine >= limit:
        return Reason("propose.limit", {"limit": limit})
    params = a.params()
    if any(m.kind == a.motion and m.params == params for m in state.agenda):
        return Reason("propose.duplicate")
    return _MOTION_CHECKS[a.motion](rs, state, a)


def unfit_for_office(rs: Ruleset, state: GameState, character: str) -> Reason | None:
    """Why a free character cannot be appointed to high office (too young, not of the party, incapacitated)."""
    if people.incapacitated(rs, character):
        return Reason("motion.incapacitated", {"character": character})
    age = state.start_year + state.turn // 2 - rs.characters[character].born
    if age < rs.rules["min_age_high_office"]:
        return Reason("motion.too_young", {"character": character, "age": age})
    start = rs.characters[character].faction
    if start is not None and not rs.factions[start].party:
        return Reason("motion.not_party")
    return None


def _policy(rs: Ruleset, state: GameState, a: Propose) -> Reason | None:
    if a.target not in rs.axes or a.step not in (-1, 1):
        return Reason("motion.policy")
    new = state.policies[a.target] + a.step
    if not 0 <= new < len(rs.axes[a.target].positions):
        return Reason("motion.policy_end")
    return None


def _appoint(rs: Ruleset, state: GameState, a: Propose) -> Reason | None:
    office = rs.offices.get(a.office)
    if office is None or office.chosen_by != "politburo":
        return Reason("motion.office")
    if a.target not in rs.characters or state.status[rs.ci[a.target]] != "free":
        return Reason("motion.candidate")
    if state.offices.get(a.office) == a.target:
        return Reason("motion.holds")
    return unfit_for_office(rs, state, a.target)


def _remove(rs: Ruleset, state: GameState, a: Propose) -> Reason | None:
    office = rs.offices.get(a.office)
    if office is None or state.offices.get(a.office) is None:
        return Reason("motion.office_held")
    if office.chosen_by == "central_committee" and not (congress_due(rs, state) or plenum_due(state)):
        return Reason("motion.needs_plenum", {"office": a.office})
    return None


def _expel(rs: Ruleset, state: GameState, a: Propose) -> Reason | None:
    if a.target not in state.seats.get("politburo", []):
        return Reason("motion.not_member")
    return None


def _faction(rs: Ruleset, state: GameState, a: Propose) -> Reason | None:
    if a.target not in rs.factions or a.target == a.actor:
        return Reason("motion.faction")
    if a.motion == "readmit" and state.factions[a.target].rung == 0:
        return Reason("motion.legal")
    if a.motion == "censure" and state.factions[a.target].rung >= len(rs.ladder_of(a.target).rungs) - 1:
        return Reason("motion.bottom")
    return None


def _convene(rs: Ruleset, state: GameState, a: Propose) -> Reason | None:
    if a.target not in ("plenum", "congress"):
        return Reason("motion.meeting")
    if [state.turn + 1, a.target] in state.convene:
        return Reason("motion.convened")
    return None


def _publish(rs: Ruleset, state: GameState, a: Propose) -> Reason | None:
    if a.target != "testament":
        return Reason("motion.document")
    if "testament_published" in state.flags:
        return Reason("motion.published")
    return None


def _compromise(rs: Ruleset, state: GameState, a: Propose) -> Reason | None:
    why = compromise.eligible(rs, state, a.target)
    if why == "not_a_figure":
        return Reason("compromise.not_a_figure", {"character": a.target})
    if why == "not_free":
        return Reason("compromise.not_free", {"character": a.target})
    if why == "already":
        return Reason("compromise.already")
    if why == "retreated":
        return Reason("compromise.retreated")
    return None


_MOTION_CHECKS: dict[str, Callable[[Ruleset, GameState, Propose], Reason | None]] = {
    "policy": _policy,
    "appoint": _appoint,
    "remove": _remove,
    "expel_member": _expel,
    "censure": _faction,
    "readmit": _faction,
    "convene": _convene,
    "publish": _publish,
    "compromise": _compromise,
}


def perform_propose(rs: Ruleset, state: GameState, a: Propose) -> None:
    motion = Motion(a.motion, a.actor, a.params(), state.motion_seq + 1)
    state.motion_seq += 1
    target = pacts.struck(rs, state, motion)
    for pact in pacts.strike_breaks(rs, state, a.actor, target):
        pacts.break_pact(rs, state, pact, a.actor, "motion")
    # The proposer's honest odds now, and each member's chance as it sees them (for the vote report).
    seen = odds.honest(rs, state, motion, a.actor)
    motion.odds = seen.p
    motion.snap = [[m, p, boss] for m, p, boss in seen.members]
    state.agenda.append(motion)
    state.note("motion.proposed", faction=a.actor, kind=a.motion, params=a.params(), motion=motion.id, odds=seen.p)


def preview_propose(rs: Ruleset, view: GameState, a: Propose) -> Preview:
    """p: the proposer's honest chance of passing; could_move: members whose vote it cannot pin
    down; whipped: members who follow the proposer; breaks: the proposer's pacts it would break."""
    motion = Motion(a.motion, a.actor, a.params())
    seen = odds.honest(rs, view, motion, a.actor)
    return {
        "p": seen.p,
        "could_move": list(seen.could_move),
        "whipped": [m for m, _, boss in seen.members if boss == a.actor],
        "breaks": pact_breaks(rs, view, a.actor, pacts.struck(rs, view, motion)),
    }


SPECS: tuple[ActionSpec[Any], ...] = (
    ActionSpec(Propose, check_propose, perform_propose, cost=propose_cost, preview=preview_propose),
)
