"""Pacts between factions (DESIGN §6, §7): what each kind binds, trust, breaking and expiry.

A pact's kind (rules.yaml `pact_kinds`) states what each side undertakes: whose members vote for
whose motions of which kinds, whether neither may strike at the other, and whether the pair stands
together against a named third faction. `binding` turns that into a faction's whip on a motion —
never against its own faction or its own people, whatever the pact says. Breaking a pact costs the
breaker prestige and the trust of its partner (and some of everyone else's); a pact that runs its
course builds trust.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..actions import MOTION_KINDS
from ..ruleset import Ruleset
from ..state import GameState, Motion, Pact
from .control import controller

STRIKES = ("censure", "remove", "expel_member")
SUPPORT = ("none", "offerer", "mutual")


@dataclass(frozen=True, slots=True)
class PactKind:
    id: str
    name: str
    support: str  # none | offerer | mutual
    kinds: tuple[str, ...]  # motion kinds the support covers
    no_strike: bool
    against: bool
    turns: tuple[int, int]
    break_prestige: int
    break_trust: int


def pact_kinds(rs: Ruleset) -> dict[str, PactKind]:
    cached = rs.cache.get("pact_kinds")
    if cached is None:
        cached = {k: _kind(k, v) for k, v in (rs.rules.get("pact_kinds") or {}).items()}
        rs.cache["pact_kinds"] = cached
    return cached


def _kind(kid: str, d: dict[str, Any]) -> PactKind:
    low, high = d.get("turns", [1, 4])
    brk = d.get("break", {})
    return PactKind(
        kid,
        d.get("name", kid),
        d.get("support", "none"),
        tuple(d.get("kinds", ())),
        bool(d.get("no_strike")),
        bool(d.get("against")),
        (int(low), int(high)),
        int(brk.get("prestige", 0)),
        int(brk.get("trust", 0)),
    )


def kind_problems(rules: dict[str, Any]) -> list[str]:
    """What is wrong with rules.yaml's pact_kinds (the content checker reports each)."""
    out = []
    kinds = rules.get("pact_kinds")
    if not isinstance(kinds, dict) or not kinds:
        return ["pact_kinds: expected a mapping of pact kinds"]
    for kid, d in kinds.items():
        if not isinstance(d, dict):
            out.append(f"pact_kinds.{kid}: expected a mapping")
            continue
        unknown = set(d) - {"name", "support", "kinds", "no_strike", "against", "turns", "break"}
        if unknown:
            out.append(f"pact_kinds.{kid}: unknown keys {sorted(unknown)}")
        if d.get("support", "none") not in SUPPORT:
            out.append(f"pact_kinds.{kid}.support: one of {', '.join(SUPPORT)}")
        for k in d.get("kinds", []) or []:
            if k not in MOTION_KINDS:
                out.append(f"pact_kinds.{kid}.kinds: unknown motion kind '{k}'")
        turns = d.get("turns", [1, 4])
        if not (
            isinstance(turns, list)
            and len(turns) == 2
            and all(isinstance(t, int) for t in turns)
            and 1 <= turns[0] <= turns[1] <= 20
        ):
            out.append(f"pact_kinds.{kid}.turns: [fewest, most], 1-20")
        brk = d.get("break", {})
        if not isinstance(brk, dict) or any(
            k not in ("prestige", "trust") or not isinstance(v, int) or v < 0 for k, v in brk.items()
        ):
            out.append(f"pact_kinds.{kid}.break: {{prestige: n, trust: n}}, whole numbers 0 or more")
    return out


# ---- who a motion strikes at --------------------------------------------------------------


def struck(rs: Ruleset, state: GameState, motion: Motion) -> str | None:
    """The faction a censure, removal or expulsion strikes at (its people's controller), if any —
    and an appointment to an office one of its people holds, which puts him out of it."""
    p = motion.params
    if motion.kind == "censure":
        censured: str = p["faction"]
        return censured
    if motion.kind in ("remove", "expel_member"):
        target = p.get("character") or state.offices.get(p.get("office", ""))
        return controller(rs, state, target) if target else None
    if motion.kind == "appoint":
        holder = state.offices.get(p.get("office", ""))
        if holder is not None and holder != p.get("character"):
            who = controller(rs, state, holder)
            return who if who != controller(rs, state, p["character"]) else None
    return None


def partner_of(pact: Pact, faction: str) -> str | None:
    if pact.a == faction:
        return pact.b
    if pact.b == faction:
        return pact.a
    return None


def in_force(state: GameState, faction: str) -> list[Pact]:
    return [p for p in state.pacts if p.accepted and faction in (p.a, p.b)]


def binding(
    rs: Ruleset, state: GameState, faction: str, motion: Motion, target: str | None
) -> tuple[bool | None, Pact | None]:
    """How the faction's pacts in force oblige it to whip on this motion: (True for / False
    against / None free to choose, the pact that binds). `target` is `struck(...)`; the caller has
    already ruled out motions against the faction itself."""
    kinds = pact_kinds(rs)
    for pact in state.pacts:
        if not pact.accepted:
            continue
        partner = partner_of(pact, faction)
        if partner is None:
            continue
        k = kinds.get(pact.kind)
        if k is None:
            continue
        if k.no_strike and target is not None and target == partner:
            return False, pact
        if k.against and pact.against is not None:
            if target is not None and target == pact.against:
                return True, pact
            if motion.proposer == pact.against:
                return False, pact
        supports = k.support == "mutual" or (k.support == "offerer" and faction == pact.b)
        if supports and motion.proposer == partner and motion.kind in k.kinds:
            return True, pact
    return None, None


def strike_breaks(rs: Ruleset, state: GameState, actor: str, target: str | None) -> list[Pact]:
    """The actor's pacts that striking at `target` (a censure, a removal, a denunciation) breaks."""
    kinds = pact_kinds(rs)
    out = []
    for pact in in_force(state, actor):
        k = kinds.get(pact.kind)
        if k is not None and k.no_strike and target is not None and partner_of(pact, actor) == target:
            out.append(pact)
    return out


# ---- trust, breaking, expiry --------------------------------------------------------------


def start_trust(rs: Ruleset, state: GameState) -> None:
    t = rs.rules["trust"]
    state.trust = {f: {g: int(t["start"]) for g in rs.faction_ids if g != f} for f in rs.faction_ids}


def add_trust(state: GameState, who: str, of: str, amount: int) -> None:
    row = state.trust.setdefault(who, {})
    row[of] = max(0, min(100, row.get(of, 50) + amount))


def break_pact(rs: Ruleset, state: GameState, pact: Pact, breaker: str, how: str) -> None:
    """The breaker pays the kind's stated cost; the partner's trust falls, and everyone else's a little."""
    if pact not in state.pacts:
        return
    state.pacts.remove(pact)
    partner = partner_of(pact, breaker) or pact.b
    k = pact_kinds(rs).get(pact.kind)
    prestige = k.break_prestige if k else rs.rules["pact_break_prestige"]
    trust = k.break_trust if k else 0
    fs = state.factions[breaker]
    fs.prestige = max(0, fs.prestige - prestige)
    add_trust(state, partner, breaker, -trust)
    onlookers = rs.rules["trust"]["onlookers"]
    for other in rs.faction_ids:
        if other not in (breaker, partner):
            add_trust(state, other, breaker, -onlookers)
    state.note("pact.broken", faction=breaker, partner=partner, kind=pact.kind, how=how, prestige=prestige, trust=trust)


def end_of_turn(rs: Ruleset, state: GameState) -> None:
    """Pacts that ran their course build trust; unanswered offers lapse."""
    t = rs.rules["trust"]
    kept = []
    for pact in state.pacts:
        if pact.accepted and pact.until_turn <= state.turn:
            add_trust(state, pact.a, pact.b, t["kept"])
            add_trust(state, pact.b, pact.a, t["kept"])
            state.note("pact.ended", faction=pact.a, partner=pact.b, kind=pact.kind)
        elif not pact.accepted and state.turn >= pact.offered + t["offer_expires"]:
            state.note("pact.lapsed", faction=pact.a, partner=pact.b, kind=pact.kind)
        else:
            kept.append(pact)
    state.pacts = kept


def open_scenario_pacts(rs: Ruleset, state: GameState) -> None:
    """The historical alignments a scenario opens on, already accepted."""
    bonus = rs.rules["trust"]["pact_bonus"]
    for sp in rs.scenarios[state.scenario].pacts:
        state.pacts.append(Pact(sp.a, sp.b, sp.kind, sp.turns - 1, True, 0, sp.against, 0))
        state.note("pact.opened", faction=sp.a, partner=sp.b, kind=sp.kind, against=sp.against, until=sp.turns - 1)
        add_trust(state, sp.a, sp.b, bonus)
        add_trust(state, sp.b, sp.a, bonus)
