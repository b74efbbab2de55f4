"""The Relations panel's view-model (pure, no pygame): a faction's pacts in force with their terms,
turns left and trust both ways; offers standing to and from it; other factions' public pacts; and
each rival's attitude as far as the faction can tell from public things — trust, pacts, recent
denunciations and censure motions against it in the chronicle, and relative strength.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core import actions as A
from ..core.actions.pacts import bound_through
from ..core.actions.table import preview_of
from ..core.rules.pacts import partner_of
from ..core.rules.strength import strengths
from ..core.ruleset import Ruleset
from ..core.state import GameState
from ..text.names import possessive
from ..text.pacts import phrase, short, terms, until

RECENT = 4  # turns of the chronicle a rival's hostility is remembered for


@dataclass(frozen=True, slots=True)
class Item:
    text: str  # a paragraph
    actions: tuple[tuple[str, A.Action, str], ...] = ()  # (button label, action, tooltip)


def pacts_in_force(rs: Ruleset, view: GameState, viewer: str) -> list[Item]:
    out = []
    for pact in view.pacts:
        partner = partner_of(pact, viewer)
        if not pact.accepted or partner is None:
            continue
        left = pact.until_turn - view.turn + 1
        action = A.BreakPact(viewer, partner)
        price = preview_of(rs, view, action)
        known = price.get("prestige") is not None
        words = terms(rs, pact.kind, pact.a, pact.b, pact.until_turn, view.start_year, pact.against)
        trust = f"Trust: yours in them {view.trust.get(viewer, {}).get(partner, '?')}, theirs in you {view.trust.get(partner, {}).get(viewer, '?')}."
        text = f"With {short(rs, partner)} ({left} turn{'s' if left != 1 else ''} left): {words} {trust}"
        cost = f"{price['prestige']} prestige, {price['trust']} of their trust" if known else "prestige and trust"
        out.append(
            Item(
                text,
                (
                    (
                        f"Break with {short(rs, partner)}: −{price['prestige'] if known else '?'} prestige, "
                        f"−{price['trust'] if known else '?'} trust",
                        action,
                        f"Break it now: you lose {cost}; everyone else trusts you a little less.",
                    ),
                ),
            )
        )
    return out


def offers(rs: Ruleset, view: GameState, viewer: str) -> list[Item]:
    out = []
    for pact in view.pacts:
        if pact.accepted:
            continue
        words = terms(
            rs, pact.kind, pact.a, pact.b, bound_through(view, pact), view.start_year, pact.against, pact.price
        )
        if pact.b == viewer:
            who, whose = short(rs, pact.a, start=True), possessive(rs, pact.a)
            out.append(
                Item(
                    f"{who} offers you: {words}",
                    (
                        (f"Accept {whose} offer", A.AnswerPact(viewer, pact.a, True), words),
                        (f"Refuse {whose} offer", A.AnswerPact(viewer, pact.a, False), "Say no; they will know."),
                    ),
                )
            )
        elif pact.a == viewer:
            out.append(Item(f"You offered {short(rs, pact.b)}: {words} They answer on their next turn."))
    return out


def others_pacts(rs: Ruleset, view: GameState, viewer: str) -> list[str]:
    return [
        f"{short(rs, p.a, start=True)} and {short(rs, p.b)}: {phrase(rs, p.kind, p.against)}, through {until(p.until_turn, view.start_year)}."
        for p in view.pacts
        if p.accepted and viewer not in (p.a, p.b)
    ]


def attitudes(rs: Ruleset, view: GameState, viewer: str) -> list[str]:
    """Each rival's attitude as far as `viewer` can tell."""
    power = strengths(rs, view)
    mine = power.get(viewer, 0.0)
    out = []
    for other in rs.faction_ids:
        if other == viewer:
            continue
        trust = view.trust.get(other, {}).get(viewer)
        hostile = []
        for turn, key, p in view.log:
            if turn < view.turn - RECENT:
                continue
            if key == "denounce" and p.get("faction") == other and p.get("target") == viewer:
                hostile.append("denounced you")
            elif (
                key == "motion.proposed"
                and p.get("faction") == other
                and p.get("kind") == "censure"
                and p.get("params", {}).get("faction") == viewer
            ):
                hostile.append("moved to censure you")
            elif key == "pact.broken" and p.get("faction") == other and p.get("partner") == viewer:
                hostile.append("broke a pact with you")
            elif key == "pact.declined" and p.get("faction") == other and p.get("partner") == viewer:
                hostile.append("refused your offer")
        bound = any(p.accepted and {p.a, p.b} == {viewer, other} for p in view.pacts)
        if hostile or (trust is not None and trust < 35):
            mood = "hostile"
        elif bound or (trust is not None and trust >= 65):
            mood = "friendly"
        else:
            mood = "wary"
        theirs = power.get(other, 0.0)
        balance = (
            "stronger than you"
            if theirs > mine * 1.15
            else "weaker than you"
            if theirs < mine * 0.85
            else "about as strong as you"
        )
        bits = [f"trusts you {trust}" if trust is not None else "trust unknown", balance]
        if bound:
            bits.append("in a pact with you")
        if hostile:
            bits.append("lately " + ", ".join(dict.fromkeys(hostile)))
        out.append(f"{short(rs, other, start=True)}: {mood} — " + "; ".join(bits) + ".")
    return out
