"""Invariants every reachable game state must satisfy (used by the fuzz and engine tests)."""

from __future__ import annotations

import numpy as np

from game.core.ruleset import Ruleset
from game.core.state import GameState


def check_invariants(rs: Ruleset, state: GameState) -> None:
    for office, holder in state.offices.items():
        if holder is not None:
            assert state.status[rs.ci[holder]] == "free", (
                f"{holder} holds {office} but is {state.status[rs.ci[holder]]}"
            )
    for body, members in state.seats.items():
        assert len(members) == len(set(members)), f"someone sits twice in {body}"
        assert len(members) <= rs.bodies[body].seats, f"{body} has too many members"
        for m in members:
            assert state.status[rs.ci[m]] == "free", f"{m} sits in {body} but is not free"
    for body, blocs in state.blocs.items():
        assert sum(blocs.values()) == rs.bodies[body].seats, f"{body} seat count changed: {blocs}"
        assert all(n >= 0 for n in blocs.values())
    pub = state.loyalty_public.astype(np.int32)
    total = pub + state.loyalty_secret.astype(np.int32)
    assert pub.min() >= 0 and pub.max() <= 100, "public loyalty out of 0-100"
    assert total.min() >= 0 and total.max() <= 100, "loyalty out of 0-100"
    for f, fs in state.factions.items():
        assert fs.influence >= 0, f"{f} has negative influence"
        assert 0 <= fs.heat <= 100, f"{f} heat {fs.heat}"
        assert 0 <= fs.rung < len(rs.ladder_of(f).rungs)
        assert fs.ap >= 0
    standing = state.standing
    assert standing.min() >= 0 and standing.max() <= 100
    for ind in rs.indicator_ids:
        d = rs.indicators[ind]
        v = float(state.indicators[rs.ii[ind]])
        assert d.low <= v <= d.high, f"{ind} = {v} outside {d.low}-{d.high}"
