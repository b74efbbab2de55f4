"""A policy in words: an axis's positions in order with where it stands now, and what a proposed
step would change in the country model (from the positions' data: each shifts the level some
indicators move toward, and some add a little every half-year)."""

from __future__ import annotations

from ..core.rules.country import policy_tables
from ..core.ruleset import Ruleset
from ..core.state import GameState
from .names import signed

HORIZON = 4  # half-years over which a move's expected effect is shown


def axis_line(rs: Ruleset, state: GameState, axis_id: str) -> str:
    """'Requisition · [NEP — now] · Cooperatives · Voluntary collectives · Forced collectivisation'."""
    axis, now = rs.axes[axis_id], state.policies[axis_id]
    return " · ".join(f"[{p.name} - now]" if i == now else p.name for i, p in enumerate(axis.positions))


def move_lines(rs: Ruleset, state: GameState, axis_id: str, step: int) -> list[str]:
    """What moving `axis_id` one step does: the direction, the new position's meaning, and the
    expected change of each indicator it touches after HORIZON half-years and in the long run."""
    axis, now = rs.axes[axis_id], state.policies[axis_id]
    here, there = axis.positions[now], axis.positions[now + step]
    end = axis.positions[-1 if step > 0 else 0]
    lines = [
        f"{axis.name}: {axis.description}",
        axis_line(rs, state, axis_id),
        f"One step from {here.name} to {there.name}"
        + (", the end of the scale" if there is end else f", toward {end.name}")
        + f": {there.text}",
    ]
    _, rate, _, _ = policy_tables(rs)
    effects = []
    for ind in dict.fromkeys([*here.targets, *there.targets, *here.drift, *there.drift]):
        i = rs.ii[ind]
        name = rs.indicators[ind].name.lower()
        shift = there.targets.get(ind, 0.0) - here.targets.get(ind, 0.0)
        drift = there.drift.get(ind, 0.0) - here.drift.get(ind, 0.0)
        soon = shift * (1.0 - (1.0 - float(rate[i])) ** HORIZON) + drift * HORIZON
        if abs(shift) < 0.05 and abs(drift) < 0.05:
            continue
        tail = f" (in the long run {signed(shift, 0)})" if abs(shift) >= 0.05 and abs(soon - shift) >= 0.5 else ""
        tail += f" (and {signed(drift, 1)} every half-year)" if abs(drift) >= 0.05 else ""
        effects.append(f"{name} {signed(soon, 0)} in two years{tail}")
    lines.append(
        ("If it passes: " + "; ".join(effects)) if effects else "If it passes: no change in the country model."
    )
    return lines
