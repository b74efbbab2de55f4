"""How a bot values things: people, offices, regions, and the effects of events and cards.

Everything here reads a player view (never the truth) and returns plain numbers; the bots weigh
them with the personality in their faction file.
"""

from __future__ import annotations

from ..core.conditions import Ctx, resolve_one
from ..core.defs import Clause
from ..core.rules.control import public_estimate
from ..core.rules.stance import pursued_policies
from ..core.ruleset import Ruleset
from ..core.state import GameState


def office_prestige(rs: Ruleset, view: GameState) -> dict[str, int]:
    """Each office holder's total office prestige."""
    out: dict[str, int] = {}
    for office, holder in view.offices.items():
        if holder is not None:
            out[holder] = out.get(holder, 0) + rs.offices[office].prestige
    return out


def importance(rs: Ruleset, view: GameState, character: str, posts: dict[str, int] | None = None) -> float:
    """How much a person's vote and posts are worth to whoever controls him."""
    return importances(rs, view, [character], posts)[0]


def importances(
    rs: Ruleset, view: GameState, characters: list[str], posts: dict[str, int] | None = None
) -> list[float]:
    """`importance` of each of several people, the seats looked up once."""
    politburo, orgburo = set(view.seats.get("politburo", [])), set(view.seats.get("orgburo", []))
    posts = posts if posts is not None else office_prestige(rs, view)
    out = []
    for character in characters:
        value = 0.3
        if character in politburo:
            value += 3.0
        if character in orgburo:
            value += 0.7
        out.append(value + posts.get(character, 0) * 0.5)
    return out


def agenda_pull(rs: Ruleset, view: GameState, faction: str, axis: str, step: int, current: int) -> float:
    """+weight if a policy step moves toward the target the faction pursues on that axis, -weight if away."""
    for item in pursued_policies(rs, view, faction):
        if item.axis == axis:
            before, after = abs(current - item.target), abs(current + step - item.target)
            return item.weight * (1 if after < before else -1 if after > before else 0)
    return 0.0


def indicator_pull(rs: Ruleset, faction: str, indicator: str, amount: float) -> float:
    pull = 0.0
    for item in rs.factions[faction].agenda_indicators:
        if item.indicator == indicator:
            sign = 1.0 if item.above is not None else -1.0
            pull += sign * item.weight * amount / 10.0
    if indicator in ("legitimacy", "peasant_mood", "worker_mood"):
        pull += amount / 40.0
    if indicator in ("famine_deaths", "repression_deaths"):
        pull -= amount / 500.0  # every faction pays the human cost at the end
    return pull


def effects_value(rs: Ruleset, view: GameState, faction: str, effects: tuple[Clause, ...], ctx: Ctx) -> float:
    total = 0.0
    threshold = rs.rules["discipline_heat"]
    for name, p in effects:
        total += _one(rs, view, faction, name, p, ctx, threshold)
    return total


def _targets(rs: Ruleset, ref: str, ctx: Ctx) -> list[str]:
    if ref == "all":
        return list(rs.faction_ids)
    who = resolve_one(ref, ctx)
    return [who] if who else []


def _one(rs: Ruleset, view: GameState, me: str, name: str, p, ctx: Ctx, threshold: int) -> float:
    if name in ("influence", "heat", "prestige", "standing", "sentiment", "loyalty", "rung"):
        value = 0.0
        for f in _targets(rs, p["faction"], ctx):
            mine = f == me
            amount = p.get("add", p.get("move", 0))
            if name == "influence":
                value += amount * (1.0 if mine else -0.3)
            elif name == "heat":
                now = view.factions[f].heat
                amount = min(100, max(0, now + amount)) - now  # heat stays in 0-100: a cut below nothing is no gain
                danger = 3.0 if now + amount >= threshold else 1.0
                value += -0.12 * amount * danger if mine else 0.05 * amount
            elif name == "prestige":
                value += amount * (0.5 if mine else -0.2)
            elif name in ("standing", "sentiment"):
                value += amount * (0.1 if mine else -0.04)
            elif name == "loyalty":
                value += amount / 20.0 * importance(rs, view, p["character"]) * (1.0 if mine else -0.4)
            else:  # rung
                value += -5.0 * amount if mine else 1.5 * amount
        return value
    if name == "indicator":
        return indicator_pull(rs, me, p["id"], p["add"])
    if name == "policy":
        axis = rs.axes[p["axis"]]
        current = view.policies[p["axis"]]
        target = axis.index(p["set"]) if "set" in p else current + p.get("step", 0)
        step = (target > current) - (target < current)
        return agenda_pull(rs, view, me, p["axis"], step, current) * (abs(target - current) or 0)
    if name in ("kill", "exile", "arrest"):
        who = p["character"] if isinstance(p, dict) else p
        owner = public_estimate(rs, view, who, me)
        return -4.0 if owner == me else 0.5 if owner is not None else 0.0
    if name == "grip":
        return p["add"] / 3.0 if rs.factions[me].apparatus else -p["add"] / 5.0
    if name == "propose_compromise":
        # A figure above the factions: her sponsor's prestige, and turns of a looser grip and less heat.
        return -2.5 if rs.factions[me].apparatus else 2.5
    return 0.0
