"""How a bot deals with pacts (DESIGN §6, §12): answering offers with a reason a person can read,
offering pacts by the balance of power, the apparatus's switching alliances, and the cost of
breaking a pact weighed before any strike at a partner.

Everything reads the bot's player view. Trust between factions is public (a reputation), so a
bot can also foresee how a partner will answer its own offer.
"""

from __future__ import annotations

from ..core import actions as A
from ..core.rules.pacts import in_force, pact_kinds, partner_of, strike_breaks
from ..core.rules.strength import strengths
from ..core.ruleset import Ruleset
from ..core.state import GameState

TRUST_FLOOR = 30  # below this trust a bot deals with nobody
REOFFER_AFTER = 2  # turns before a bot offers again to a faction that refused it
BALANCE_TURNED = 1.3  # an ally this much stronger than anyone else is a threat, not an ally
ACCEPT_KEYS = ("common_enemy", "protection", "paid", "agenda_close", "trust")
REFUSE_KEYS = ("stronger", "distrust", "agenda_far", "binds_us", "against_friend")


def _party_rivals(rs: Ruleset, view: GameState, me: str) -> list[str]:
    return [f for f in rs.faction_ids if f != me and rs.factions[f].party and view.factions[f].rung < 3]


def judge_offer(
    rs: Ruleset,
    view: GameState,
    me: str,
    offerer: str,
    kind_id: str,
    price: int,
    against: str | None,
    weights: dict[str, float] | None = None,
) -> tuple[bool, str]:
    """Would `me` accept this offer, and the main reason why (a key the text layer words)."""
    kind = pact_kinds(rs).get(kind_id)
    if kind is None:
        return False, "binds_us"
    weights = weights or strengths(rs, view)
    terms: dict[str, float] = {}
    trust = view.trust.get(me, {}).get(offerer, 50)
    if trust < TRUST_FLOOR:
        return False, "distrust"
    terms["trust"] = (trust - 50) / 25.0
    others = sorted((f for f in rs.faction_ids if f not in (me, offerer)), key=lambda f: (-weights[f], f))
    strongest_other = others[0] if others else None
    if weights[offerer] > max(weights[me], weights.get(strongest_other, 0.0)) * 1.15:
        terms["stronger"] = -1.6  # never carry the leader to sole power
    elif strongest_other is not None and weights[strongest_other] > max(weights[me], weights[offerer]):
        terms["common_enemy"] = 1.2
    if weights[offerer] > weights[me] and kind.no_strike:
        terms["protection"] = 0.5
    distance = rs.factions[me].ideology.distance(rs.factions[offerer].ideology)
    if kind.support != "none":
        terms["agenda_far" if distance > 35 else "agenda_close"] = (35 - distance) / 30.0
    if kind.support == "offerer":
        terms["binds_us"] = -0.7  # our members would vote for their motions, and they owe us nothing
    if against is not None:
        mine = [p for p in in_force(view, me) if partner_of(p, me) == against]
        terms["against_friend" if mine else "common_enemy"] = (
            -2.0 if mine else (0.8 if against == strongest_other or weights[against] >= weights[me] else -0.6)
        )
    if price:
        terms["paid"] = price / 3.0
    total = sum(terms.values())
    keys = ACCEPT_KEYS if total > 0 else REFUSE_KEYS
    ranked = sorted(((v if total > 0 else -v), k) for k, v in terms.items() if k in keys)
    reason = ranked[-1][1] if ranked else ("trust" if total > 0 else "distrust")
    return total > 0, reason


def answers(rs: Ruleset, view: GameState, me: str) -> list[A.AnswerPact]:
    """An answer to every offer waiting for this faction."""
    waiting = [pact for pact in view.pacts if pact.b == me and not pact.accepted]
    weights = strengths(rs, view) if waiting else {}
    out = []
    for pact in waiting:
        ok, why = judge_offer(rs, view, me, pact.a, pact.kind, pact.price, pact.against, weights)
        out.append(A.AnswerPact(me, pact.a, ok, why))
    return out


def offers(rs: Ruleset, view: GameState, me: str, weights: dict[str, float]) -> list[tuple[float, A.Action]]:
    """Pacts worth offering now, valued; an offer the partner would refuse is not worth an action."""
    if not rs.factions[me].party:
        return []
    dealt = {partner_of(p, me) for p in view.pacts if me in (p.a, p.b)} | refused_lately(view, me)
    rivals = _party_rivals(rs, view, me)
    if not rivals:
        return []
    strongest = max(rivals, key=lambda f: (weights[f], f))
    out: list[tuple[float, A.Action]] = []
    if rs.factions[me].apparatus:
        # Ally with the weaker rivals against the strongest (DESIGN §12).
        for partner in sorted(rivals, key=lambda f: (weights[f], f)):
            if partner == strongest or partner in dealt:
                continue
            if judge_offer(rs, view, partner, me, "bloc", 0, strongest, weights)[0]:
                out.append((1.4, A.OfferPact(me, partner, "bloc", 3, 0, strongest)))
                break
        return out
    leader = max((f for f in rs.faction_ids if f != me), key=lambda f: (weights[f], f))
    if weights[leader] <= weights[me]:
        return out  # we lead: we need nobody
    for partner in sorted(rivals, key=lambda f: (-weights[f], f)):
        if partner == leader or partner in dealt:
            continue
        if judge_offer(rs, view, partner, me, "bloc", 0, leader, weights)[0]:
            out.append((1.3, A.OfferPact(me, partner, "bloc", 2, 0, leader)))
        elif judge_offer(rs, view, partner, me, "non_aggression", 0, None, weights)[0]:
            out.append((0.7, A.OfferPact(me, partner, "non_aggression", 2, 0)))
        break
    return out


def refused_lately(view: GameState, me: str) -> set[str]:
    """Factions that refused our offer in the last REOFFER_AFTER turns: asking again at once is begging."""
    out = set()
    for turn, key, p in reversed(view.log):
        if view.turn - turn > REOFFER_AFTER:
            break
        if key == "pact.declined" and p.get("partner") == me:
            out.add(p["faction"])
    return out


def turned_allies(rs: Ruleset, view: GameState, me: str, weights: dict[str, float]) -> list[tuple[float, A.Action]]:
    """Drop an ally that has grown into the strongest of all: the balance has turned. The apparatus
    switches to the weaker side (DESIGN §12); an opposition faction will not carry a master to power."""
    others = sorted((f for f in rs.faction_ids if f != me), key=lambda f: (-weights[f], f))
    if len(others) < 2:
        return []
    top, second = others[0], others[1]
    out: list[tuple[float, A.Action]] = []
    for pact in in_force(view, me):
        if partner_of(pact, me) != top:
            continue
        margin = weights[top] / max(weights[second], weights[me], 0.1)
        if margin > BALANCE_TURNED:
            out.append((1.5 * (margin - BALANCE_TURNED) + 0.8, A.BreakPact(me, top)))
    return out


def breaking_cost(rs: Ruleset, view: GameState, me: str, target: str | None) -> float:
    """What striking at `target` would cost in broken pacts (prestige and trust), as a value."""
    kinds = pact_kinds(rs)
    cost = 0.0
    for pact in strike_breaks(rs, view, me, target):
        k = kinds.get(pact.kind)
        if k is not None:
            cost += k.break_prestige * 0.5 + k.break_trust / 15.0
    return cost
