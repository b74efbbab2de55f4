"""Pacts between factions: offering one (a kind from rules.yaml `pact_kinds`, for some turns, at a
price, perhaps against a third faction), answering an offer, and breaking a pact in force.

What each kind binds, trust and the cost of breaking are the rules' (`rules.pacts`).
"""

from __future__ import annotations

from typing import Any

from ..rules import pacts
from ..ruleset import Ruleset
from ..state import GameState, Pact
from .records import AnswerPact, BreakPact, OfferPact
from .spec import ActionSpec, Preview, Reason


def breaking(rs: Ruleset, pact: Pact) -> Preview:
    """A pact and what breaking it costs the breaker: its kind, the faction it stands against, the
    prestige lost and the partner's trust lost (None: the kind is unknown)."""
    k = pacts.pact_kinds(rs).get(pact.kind)
    return {
        "kind": pact.kind,
        "against": pact.against,
        "prestige": k.break_prestige if k else None,
        "trust": k.break_trust if k else None,
    }


def pact_breaks(rs: Ruleset, view: GameState, actor: str, target: str | None) -> list[Preview]:
    """The actor's pacts that striking at `target` would break, each as `breaking` tells it."""
    return [breaking(rs, pact) for pact in pacts.strike_breaks(rs, view, actor, target)]


def bound_through(state: GameState, pact: Pact) -> int:
    """The last turn an offer binds if it is accepted now: its turns count from acceptance."""
    return state.turn + (pact.until_turn - pact.offered)


def check_offer(rs: Ruleset, state: GameState, a: OfferPact) -> Reason | None:
    if a.partner not in rs.factions or a.partner == a.actor:
        return Reason("pact.partner")
    kinds = pacts.pact_kinds(rs)
    kind = kinds.get(a.kind)
    if kind is None:
        return Reason("pact.kind", {"kinds": list(kinds)})
    low, high = kind.turns
    if not low <= a.turns <= high:
        return Reason("pact.terms", {"kind": a.kind, "low": low, "high": high})
    if not 0 <= a.price <= state.factions[a.actor].influence:
        return Reason("pact.price")
    if kind.against and (a.against not in rs.factions or a.against in (a.actor, a.partner)):
        return Reason("pact.against")
    if not kind.against and a.against:
        return Reason("pact.against_nobody", {"kind": a.kind})
    if any({p.a, p.b} == {a.actor, a.partner} for p in state.pacts):
        return Reason("pact.exists")
    return None


def perform_offer(rs: Ruleset, state: GameState, a: OfferPact) -> None:
    # It binds for `turns` turns counted from the turn it is accepted, that turn included (see bound_through).
    state.pacts.append(
        Pact(a.actor, a.partner, a.kind, state.turn + a.turns - 1, False, a.price, a.against or None, state.turn)
    )
    state.note(
        "pact.offered",
        faction=a.actor,
        partner=a.partner,
        kind=a.kind,
        turns=a.turns,
        price=a.price,
        against=a.against or None,
    )


def offer_cost(rs: Ruleset, a: OfferPact) -> tuple[int, int]:
    return int(rs.rules["costs"]["offer_pact"]["ap"]), 0  # the price is paid on acceptance


def preview_offer(rs: Ruleset, view: GameState, a: OfferPact) -> Preview:
    """through: the last turn it would bind if accepted at once."""
    return {"through": view.turn + a.turns}


def _offer_to(state: GameState, a: AnswerPact) -> Pact | None:
    return next((p for p in state.pacts if p.a == a.proposer and p.b == a.actor and not p.accepted), None)


def check_answer(rs: Ruleset, state: GameState, a: AnswerPact) -> Reason | None:
    if _offer_to(state, a) is None:
        return Reason("pact.no_offer")
    return None


def perform_answer(rs: Ruleset, state: GameState, a: AnswerPact) -> None:
    pact = _offer_to(state, a)
    assert pact is not None, "checked by check_answer"
    if a.accept:
        price = min(pact.price, state.factions[pact.a].influence)
        state.factions[pact.a].influence -= price
        state.factions[pact.b].influence += price
        pact.accepted = True
        pact.until_turn = bound_through(state, pact)
        state.note(
            "pact.accepted",
            faction=a.actor,
            partner=a.proposer,
            kind=pact.kind,
            price=price,
            until=pact.until_turn,
            against=pact.against,
            reason=a.reason,
        )
    else:
        state.pacts.remove(pact)
        state.note("pact.declined", faction=a.actor, partner=a.proposer, kind=pact.kind, reason=a.reason)


def preview_answer(rs: Ruleset, view: GameState, a: AnswerPact) -> Preview:
    """The offer's terms: kind, against, price, and through (the last turn it binds if accepted now)."""
    pact = _offer_to(view, a)
    if pact is None:
        return {}
    return {"kind": pact.kind, "against": pact.against, "price": pact.price, "through": bound_through(view, pact)}


def check_break(rs: Ruleset, state: GameState, a: BreakPact) -> Reason | None:
    if not any(p.accepted and {p.a, p.b} == {a.actor, a.partner} for p in state.pacts):
        return Reason("pact.none")
    return None


def _in_force_with(state: GameState, a: BreakPact) -> Pact | None:
    return next((p for p in pacts.in_force(state, a.actor) if pacts.partner_of(p, a.actor) == a.partner), None)


def perform_break(rs: Ruleset, state: GameState, a: BreakPact) -> None:
    pact = _in_force_with(state, a)
    assert pact is not None, "checked by check_break"
    pacts.break_pact(rs, state, pact, a.actor, "declared")


def preview_break(rs: Ruleset, view: GameState, a: BreakPact) -> Preview:
    """The pact in force with the partner as `breaking` tells it (nothing when there is none)."""
    pact = _in_force_with(view, a)
    return breaking(rs, pact) if pact is not None else {}


SPECS: tuple[ActionSpec[Any], ...] = (
    ActionSpec(OfferPact, check_offer, perform_offer, cost=offer_cost, preview=preview_offer),
    ActionSpec(AnswerPact, check_answer, perform_answer, preview=preview_answer, session=True),
    ActionSpec(BreakPact, check_break, perform_break, preview=preview_break, session=True),
)
