"""How people and factions lean on a motion.

`inclination` is a member's own ideological leaning, -1 (against) to +1 (for). `stance` is how a
faction whips its members: for its own motions, for what moves policy toward its agenda, against
what harms its people. Pacts of vote support bind the partner. The apparatus has its own
personality (DESIGN §12): it sides with the weaker of its rivals against the stronger.
"""

from __future__ import annotations

from typing import Any

from ..conditions import Ctx, holds
from ..defs import AgendaPolicy
from ..ruleset import Ruleset
from ..state import GameState, Motion
from .control import controller
from .pacts import binding, struck
from .strength import strengths


def pursued_policies(
    rs: Ruleset, state: GameState, faction: str, weights: dict[str, float] | None = None
) -> tuple[AgendaPolicy, ...]:
    """The policy targets a faction pursues now: its agenda, where on each axis the first item of
    its `line` whose conditions hold takes over (the apparatus's turn once it dominates)."""
    fdef = rs.factions[faction]
    if not fdef.line:
        return fdef.agenda_policies
    ctx = Ctx(faction, faction, faction, weights)
    active: dict[str, AgendaPolicy] = {}
    seen: dict[str, bool] = {}  # items often share a condition (the same share of strength)
    for item in fdef.line:
        if item.axis in active:
            continue
        key = repr(item.when)
        if key not in seen:
            seen[key] = holds(rs, state, item.when, ctx)
        if seen[key]:
            active[item.axis] = AgendaPolicy(item.axis, item.target, item.weight)
    if not active:
        return fdef.agenda_policies
    kept = tuple(active.pop(a.axis, a) for a in fdef.agenda_policies)
    return kept + tuple(active.values())


def policy_step(rs: Ruleset, state: GameState, params: dict[str, Any]) -> tuple[int, int]:
    """(current, new) position indices of a policy motion, clamped to the axis."""
    axis = rs.axes[params["axis"]]
    old = state.policies[params["axis"]]
    return old, max(0, min(len(axis.positions) - 1, old + params["step"]))


def inclination(rs: Ruleset, state: GameState, motion: Motion, member: str) -> float:
    ideo = rs.characters[member].ideology
    p = motion.params
    kind = motion.kind
    if kind == "policy":
        axis = rs.axes[p["axis"]]
        old, new = policy_step(rs, state, p)
        if new == old:
            return 0.0
        x = ideo.get(axis.ideology_axis)
        v_old, v_new = axis.positions[old].ideology, axis.positions[new].ideology
        return max(-1.0, min(1.0, (abs(x - v_old) - abs(x - v_new)) / max(1.0, abs(v_new - v_old))))
    if kind == "appoint":
        if p["character"] == member:
            return 1.0
        return 0.6 * (50.0 - ideo.distance(rs.characters[p["character"]].ideology)) / 50.0
    if kind in ("remove", "expel_member"):
        target = p.get("character") or state.offices.get(p.get("office", ""))
        if target is None:
            return 0.0
        if target == member:
            return -1.0
        return -0.6 * (50.0 - ideo.distance(rs.characters[target].ideology)) / 50.0 - 0.2
    if kind in ("censure", "readmit"):
        sign = -1.0 if kind == "censure" else 1.0
        return sign * 0.8 * (50.0 - ideo.distance(rs.factions[p["faction"]].ideology)) / 50.0
    if kind == "publish":
        return (ideo.democracy - 50) / 50.0
    if kind == "compromise":  # the democrats welcome her, and those close to her in outlook
        closeness = (50.0 - ideo.distance(rs.characters[p["figure"]].ideology)) / 50.0
        return max(-1.0, min(1.0, 0.5 * (ideo.democracy - 50) / 50.0 + 0.4 * closeness))
    return 0.0  # convening a meeting is procedure


def stance(
    rs: Ruleset, state: GameState, faction: str, motion: Motion, weights: dict[str, float] | None = None
) -> bool:
    """True if the faction whips its members to vote yes. `weights`: strengths, if already known.

    Its own motions it backs; a motion against itself or its own people it opposes, whatever any
    pact says; otherwise its pacts bind it (pacts.binding), and failing those, its interest."""
    if motion.proposer == faction:
        return True
    target = struck(rs, state, motion)
    if target == faction:
        return False
    bound, _ = binding(rs, state, faction, motion, target)
    if bound is not None:
        return bound
    fdef = rs.factions[faction]
    p = motion.params
    kind = motion.kind
    if not fdef.apparatus and kind in HEGEMONY_KINDS and _hegemon(rs, state, weights) == motion.proposer:
        # Every opposition fears a single master: block the strongest faction's personnel moves.
        return kind == "appoint" and controller(rs, state, p["character"]) == faction
    if fdef.apparatus and kind in ("policy", "censure", "expel_member", "remove", "appoint"):
        verdict = _apparatus_stance(rs, state, faction, motion, weights)
        if verdict is not None:
            return verdict
    if kind == "policy":
        for item in pursued_policies(rs, state, faction, weights):
            if item.axis == p["axis"]:
                old = state.policies[p["axis"]]
                return bool(abs(old + p["step"] - item.target) < abs(old - item.target))
        axis = rs.axes[p["axis"]]
        old, new = policy_step(rs, state, p)
        x = fdef.ideology.get(axis.ideology_axis)
        return abs(x - axis.positions[new].ideology) < abs(x - axis.positions[old].ideology)
    if kind == "appoint":
        return controller(rs, state, p["character"]) == faction
    if kind in ("remove", "expel_member"):
        # Strike at a rival's man when that rival is as strong as you, or far from you in ideology.
        if target is None:
            return False
        weights = weights or strengths(rs, state)
        far = fdef.ideology.distance(rs.factions[target].ideology) > rs.rules["strike_distance"]
        return far or weights[target] >= weights[faction]
    if kind == "censure":
        if p["faction"] == faction:
            return False
        weights = weights or strengths(rs, state)
        return (
            fdef.ideology.distance(rs.factions[p["faction"]].ideology) > 30 or weights[p["faction"]] > weights[faction]
        )
    if kind == "readmit":
        return p["faction"] == faction or fdef.ideology.distance(rs.factions[p["faction"]].ideology) < 25
    if kind == "publish":
        return not fdef.apparatus
    if kind == "compromise":  # a figure above the factions checks the strongest of them
        weights = weights or strengths(rs, state)
        return not fdef.apparatus and weights[faction] < max(weights.values())
    if kind == "convene":
        weights = weights or strengths(rs, state)
        return weights[faction] < weights[motion.proposer]
    return False


HEGEMONY_KINDS = ("appoint", "remove", "expel_member", "censure", "convene")


def _hegemon(rs: Ruleset, state: GameState, weights: dict[str, float] | None) -> str | None:
    """The faction that outweighs the next strongest by half again, if any."""
    weights = weights or strengths(rs, state)
    ranked = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) > 1 and ranked[0][1] > 1.5 * max(ranked[1][1], 0.1):
        return ranked[0][0]
    return None


def _apparatus_stance(
    rs: Ruleset, state: GameState, faction: str, motion: Motion, weights: dict[str, float] | None
) -> bool | None:
    """Side with the weaker rival against the stronger; never let the strongest gain."""
    rivals = [f for f in rs.faction_ids if f != faction and rs.factions[f].party and state.factions[f].rung < 3]
    if not rivals:
        return None
    weights = weights or strengths(rs, state)
    strongest = max(rivals, key=lambda f: (weights[f], f))
    p = motion.params
    if motion.kind == "censure":
        return bool(p["faction"] == strongest or state.factions[p["faction"]].heat >= rs.rules["strike_heat"])
    if motion.kind in ("expel_member", "remove"):
        target = p.get("character") or state.offices.get(p.get("office", ""))
        return target is not None and controller(rs, state, target) in (strongest, *rivals)
    if motion.kind == "appoint":
        return controller(rs, state, p["character"]) == faction
    if motion.proposer == strongest:
        return False
    return None
