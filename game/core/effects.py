"""The effect vocabulary of events, cards and specials: named, typed, registered changes.

Like conditions, each entry declares its parameters for load-time checking and documentation.
`apply_effects` runs a tuple of (name, params) clauses on the state, in order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .conditions import Ctx, resolve_one
from .defs import Clause
from .registry import Registry
from .rules import compromise, people, plan
from .rules.control import add_public_loyalty
from .ruleset import Ruleset
from .state import GameState, Motion

Apply = Callable[[Ruleset, GameState, Any, Ctx], None]

EFFECTS: Registry[Apply] = Registry()
effect = EFFECTS.register


def apply_effects(rs: Ruleset, state: GameState, clauses: tuple[Clause, ...], ctx: Ctx) -> None:
    for name, params in clauses:
        EFFECTS[name].fn(rs, state, params, ctx)


def factions_of(rs: Ruleset, ref: str, ctx: Ctx) -> list[str]:
    if ref == "all":
        return list(rs.faction_ids)
    who = resolve_one(ref, ctx)
    return [who] if who is not None and who in rs.factions else []


def clamp(value: float, low: float, high: float) -> float:
    return low if value < low else high if value > high else value


def add_indicator(rs: Ruleset, state: GameState, indicator: str, amount: float) -> None:
    i = rs.ii[indicator]
    d = rs.indicators[indicator]
    state.indicators[i] = round(clamp(float(state.indicators[i]) + amount, d.low, d.high), 3)


@effect(
    "indicator",
    {"id": "indicator", "add": "number", "over_turns?": "int"},
    "Add to an indicator, at once or spread over several turns (fading public memory).",
)
def _indicator(rs: Ruleset, state: GameState, p: dict[str, Any], ctx: Ctx) -> None:
    turns = int(p.get("over_turns", 1))
    if turns <= 1:
        add_indicator(rs, state, p["id"], p["add"])
    else:
        state.fading.append([p["id"], round(p["add"] / turns, 4), turns])


@effect("influence", {"faction": "faction_ref", "add": "int"}, "Give or take influence (never below 0).")
def _influence(rs: Ruleset, state: GameState, p: dict[str, Any], ctx: Ctx) -> None:
    for f in factions_of(rs, p["faction"], ctx):
        fs = state.factions[f]
        fs.influence = max(0, fs.influence + int(p["add"]))


@effect("heat", {"faction": "faction_ref", "add": "int"}, "Raise or lower a faction's heat (0-100).")
def _heat(rs: Ruleset, state: GameState, p: dict[str, Any], ctx: Ctx) -> None:
    for f in factions_of(rs, p["faction"], ctx):
        fs = state.factions[f]
        fs.heat = int(clamp(fs.heat + int(p["add"]), 0, 100))


@effect("prestige", {"faction": "faction_ref", "add": "int"}, "Raise or lower a faction's prestige (0-20).")
def _prestige(rs: Ruleset, state: GameState, p: dict[str, Any], ctx: Ctx) -> None:
    for f in factions_of(rs, p["faction"], ctx):
        fs = state.factions[f]
        fs.prestige = int(clamp(fs.prestige + int(p["add"]), 0, 20))


@effect(
    "loyalty",
    {"character": "character", "faction": "faction_ref", "add": "int"},
    "Move a character's public loyalty to a faction.",
)
def _loyalty(rs: Ruleset, state: GameState, p: dict[str, Any], ctx: Ctx) -> None:
    for f in factions_of(rs, p["faction"], ctx):
        add_public_loyalty(rs, state, p["character"], f, int(p["add"]))


@effect(
    "standing",
    {"base": "base", "faction": "faction_ref", "add": "int"},
    "Move a faction's standing with a constituency.",
)
def _standing(rs: Ruleset, state: GameState, p: dict[str, Any], ctx: Ctx) -> None:
    b = rs.bi[p["base"]]
    for f in factions_of(rs, p["faction"], ctx):
        fi = rs.fi[f]
        state.standing[b, fi] = int(clamp(int(state.standing[b, fi]) + int(p["add"]), 0, 100))


@effect(
    "sentiment",
    {"region": "region_or_all", "faction": "faction_ref", "add": "int"},
    "Move rank-and-file sentiment in a region (or all regions) toward or away from a faction.",
)
def _sentiment(rs: Ruleset, state: GameState, p: dict[str, Any], ctx: Ctx) -> None:
    regions = list(rs.regions) if p["region"] == "all" else [p["region"]]
    for f in factions_of(rs, p["faction"], ctx):
        for r in regions:
            shares = state.sentiment[r]
            shares[f] = int(clamp(shares.get(f, 0) + int(p["add"]), 0, 100))


@effect("policy", {"axis": "axis", "set?": "position", "step?": "int"}, "Set a policy position or step along the axis.")
def _policy(rs: Ruleset, state: GameState, p: dict[str, Any], ctx: Ctx) -> None:
    axis = rs.axes[p["axis"]]
    if "set" in p:
        new = axis.index(p["set"])
    else:
        new = int(clamp(state.policies[p["axis"]] + int(p.get("step", 0)), 0, len(axis.positions) - 1))
    if new != state.policies[p["axis"]]:
        state.policies[p["axis"]] = new
        state.note("policy.changed", axis=p["axis"], position=axis.positions[new].id)


@effect("set_flag", "flag", "Set a flag (remembered with the turn it was set).")
def _set_flag(rs: Ruleset, state: GameState, flag: Any, ctx: Ctx) -> None:
    state.flags.setdefault(flag, state.turn)


@effect("clear_flag", "flag", "Clear a flag.")
def _clear_flag(rs: Ruleset, state: GameState, flag: Any, ctx: Ctx) -> None:
    state.flags.pop(flag, None)


@effect("kill", {"character": "character", "cause": "cause"}, "A character dies; his offices and seats fall vacant.")
def _kill(rs: Ruleset, state: GameState, p: dict[str, Any], ctx: Ctx) -> None:
    people.set_fate(rs, state, p["character"], "dead", p["cause"])


@effect("exile", "character", "A character is sent into exile; his offices and seats fall vacant.")
def _exile(rs: Ruleset, state: GameState, who: Any, ctx: Ctx) -> None:
    people.set_fate(rs, state, who, "exiled")


@effect("arrest", "character", "A character is arrested; his offices and seats fall vacant.")
def _arrest(rs: Ruleset, state: GameState, who: Any, ctx: Ctx) -> None:
    people.set_fate(rs, state, who, "arrested")


@effect("vacate", "office", "An office falls vacant.")
def _vacate(rs: Ruleset, state: GameState, office: Any, ctx: Ctx) -> None:
    if state.offices.get(office) is not None:
        state.note("office.vacated", office=office, holder=state.offices[office])
        state.offices[office] = None


@effect("appoint", {"office": "office", "character": "character"}, "Put a (free) character in an office.")
def _appoint(rs: Ruleset, state: GameState, p: dict[str, Any], ctx: Ctx) -> None:
    if state.status[rs.ci[p["character"]]] == "free":
        people.appoint(rs, state, p["office"], p["character"])
        state.note("office.filled", office=p["office"], holder=p["character"])


@effect(
    "fill_if_vacant",
    {"office": "office", "character": "character"},
    "Put a (free) character in an office only if nobody holds it (a successor after a death).",
)
def _fill_if_vacant(rs: Ruleset, state: GameState, p: dict[str, Any], ctx: Ctx) -> None:
    if state.offices.get(p["office"]) is None:
        _appoint(rs, state, p, ctx)


@effect("remove_from_body", {"character": "character", "body": "body"}, "Take a character's seat in a named body.")
def _remove_from_body(rs: Ruleset, state: GameState, p: dict[str, Any], ctx: Ctx) -> None:
    members = state.seats.get(p["body"], [])
    if p["character"] in members:
        members.remove(p["character"])
        state.note("body.removed", body=p["body"], character=p["character"])


@effect("rung", {"faction": "faction_ref", "move": "int"}, "Move a faction down (+) or up (-) its discipline ladder.")
def _rung(rs: Ruleset, state: GameState, p: dict[str, Any], ctx: Ctx) -> None:
    from .rules.discipline import move_rung  # discipline uses effects too

    for f in factions_of(rs, p["faction"], ctx):
        move_rung(rs, state, f, int(p["move"]))


@effect("grip", {"add": "int"}, "Change the apparatus's grip on congress delegations (0-100).")
def _grip(rs: Ruleset, state: GameState, p: dict[str, Any], ctx: Ctx) -> None:
    state.grip = int(clamp(state.grip + int(p["add"]), 0, 100))


@effect("repression_momentum", {"add": "int"}, "Change the momentum of repression from below (0-100).")
def _momentum(rs: Ruleset, state: GameState, p: dict[str, Any], ctx: Ctx) -> None:
    state.momentum = int(clamp(state.momentum + int(p["add"]), 0, 100))


@effect("convene", "meeting", "Convene a plenum or a congress this turn.")
def _convene(rs: Ruleset, state: GameState, what: Any, ctx: Ctx) -> None:
    if [state.turn, what] not in state.convene:
        state.convene.append([state.turn, what])


@effect("add_card", "card", "Shuffle a card into the draw pile.")
def _add_card(rs: Ruleset, state: GameState, card: Any, ctx: Ctx) -> None:
    if card not in state.deck:
        state.deck.append(card)


@effect("remove_card", "card", "Take a card out of the game (draw pile, discards and hands).")
def _remove_card(rs: Ruleset, state: GameState, card: Any, ctx: Ctx) -> None:
    for pile in [state.deck, state.discard, *(fs.hand for fs in state.factions.values())]:
        while card in pile:
            pile.remove(card)


@effect(
    "propose_compromise",
    {"figure": "character", "faction": "faction_ref"},
    "Put a motion naming a compromise figure on the Politburo agenda in the faction's name (if she may be named).",
)
def _propose_compromise(rs: Ruleset, state: GameState, p: Any, ctx: Ctx) -> None:
    for f in factions_of(rs, p["faction"], ctx):
        params = {"figure": p["figure"]}
        if compromise.eligible(rs, state, p["figure"]) or any(m.params == params for m in state.agenda):
            continue
        state.motion_seq += 1
        state.agenda.append(Motion("compromise", f, params, state.motion_seq))
        state.note("motion.proposed", faction=f, kind="compromise", params=params, motion=state.motion_seq, odds=-1.0)


@effect(
    "correct_figures", {"share": "number"}, "Bring the plan's reported output this share of the way back to the real."
)
def _correct_figures(rs: Ruleset, state: GameState, p: Any, ctx: Ctx) -> None:
    plan.correct(rs, state, float(p["share"]))
