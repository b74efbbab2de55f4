"""Loyalty and the control rule (DESIGN §4).

A character's loyalty to a faction is the public part plus what that faction invested in secret.
The faction with the highest loyalty controls him if it is at least CONTROL_MIN and CONTROL_MARGIN
clear of the next; otherwise he is independent. Leaders are bound to their own faction.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from ..ruleset import Ruleset
from ..state import GameState

CONTROL_MIN = 50
CONTROL_MARGIN = 10


def _clip100(a: np.ndarray) -> np.ndarray:
    """Clip to 0-100 (np.clip's checks cost more than the work on arrays this small)."""
    clipped: np.ndarray = np.minimum(np.maximum(a, 0), 100)
    return clipped


def total_loyalty(state: GameState) -> np.ndarray:
    """The true loyalty matrix [characters, factions], 0-100."""
    return _clip100(state.loyalty_public + state.loyalty_secret)


def controller_from_row(row: np.ndarray, faction_ids: tuple[str, ...]) -> str | None:
    """Apply the control rule to one character's loyalties."""
    if len(row) == 0:
        return None
    best = int(np.argmax(row))
    top = int(row[best])
    if top < CONTROL_MIN:
        return None
    second = max((int(v) for i, v in enumerate(row) if i != best), default=0)
    if top - second < CONTROL_MARGIN:
        return None
    return faction_ids[best]


def controller(rs: Ruleset, state: GameState, character: str) -> str | None:
    """Who truly directs this character's votes (None = independent)."""
    return _true_controllers(rs, state)[rs.ci[character]]


MEMO_SIZE = 512  # loyalty matrices remembered with their controllers (a game meets a few thousand)


def _remembered(rs: Ruleset, key: tuple[Any, ...], work: Callable[[], Any]) -> tuple[str | None, ...]:
    """The control rule's answer for a loyalty matrix, by the matrix's contents: the many calls on
    one unchanged state (every stance, strength and forecast of a decision) apply the rule once,
    and a changed state can never meet a stale answer."""
    memo = rs.cache.setdefault("controllers", {})
    known: tuple[str | None, ...] | None = memo.get(key)
    if known is None:
        if len(memo) >= MEMO_SIZE:
            memo.clear()
        known = memo[key] = tuple(controllers_of(rs, work()))
    return known


def controllers(rs: Ruleset, state: GameState) -> list[str | None]:
    """Controller of every character, in ruleset order (one vectorised pass over the matrix)."""
    return list(_true_controllers(rs, state))


def controller_table(rs: Ruleset, state: GameState) -> tuple[str | None, ...]:
    """`controllers` as the remembered tuple itself, for a caller that only reads it (no copy)."""
    return _true_controllers(rs, state)


def _true_controllers(rs: Ruleset, state: GameState) -> tuple[str | None, ...]:
    public, secret = state.loyalty_public, state.loyalty_secret
    key = (None, public.shape, public.dtype.num, secret.dtype.num, public.tobytes(), secret.tobytes())
    return _remembered(rs, key, lambda: total_loyalty(state))


def estimates(rs: Ruleset, state: GameState, viewer: str | None) -> list[str | None]:
    """What `viewer` can tell of every character's controller (None viewer: the truth)."""
    if viewer is None:
        return controllers(rs, state)
    f = rs.fi[viewer]
    public, own = state.loyalty_public, state.loyalty_secret[:, f]
    key = (viewer, public.shape, public.dtype.num, own.dtype.num, public.tobytes(), own.tobytes())

    def matrix() -> np.ndarray:
        total = public.astype(np.int32)
        total[:, f] += own
        return _clip100(total)

    return list(_remembered(rs, key, matrix))


def controllers_of(rs: Ruleset, matrix: np.ndarray) -> list[str | None]:
    """The control rule applied to every row of a loyalty matrix; leaders stay bound."""
    if matrix.shape[1] == 0:
        return [None] * matrix.shape[0]
    top = matrix.argmax(axis=1)
    ordered = np.sort(matrix, axis=1)
    best = ordered[:, -1]
    second = ordered[:, -2] if matrix.shape[1] > 1 else np.zeros_like(best)
    ok = (best >= CONTROL_MIN) & (best - second >= CONTROL_MARGIN)
    ids = rs.faction_ids
    bound = _bound_table(rs)
    return [b or (ids[t] if o else None) for b, t, o in zip(bound, top.tolist(), ok.tolist())]


def _bound_table(rs: Ruleset) -> list[str | None]:
    table = rs.cache.get("bound_factions")
    if table is None:
        table = [bound_faction(rs, cid) for cid in rs.character_ids]
        rs.cache["bound_factions"] = table
    return table


def bound_faction(rs: Ruleset, character: str) -> str | None:
    """Leaders are bound to their faction for the whole game."""
    cdef = rs.characters[character]
    if cdef.leader and cdef.faction is not None and cdef.faction in rs.factions:
        return cdef.faction
    return None


def clamp_loyalty(state: GameState, c: int) -> None:
    """Keep public in 0-100 and public+secret within 0-100 for one character."""
    pub = state.loyalty_public[c]
    np.maximum(pub, 0, out=pub)  # np.clip, without its checks (they cost more than the work here)
    np.minimum(pub, 100, out=pub)
    sec = state.loyalty_secret[c]
    np.maximum(sec, -pub, out=sec)
    np.minimum(sec, 100 - pub, out=sec)


def add_public_loyalty(rs: Ruleset, state: GameState, character: str, faction: str, amount: int) -> None:
    c, f = rs.ci[character], rs.fi[faction]
    state.loyalty_public[c, f] = int(state.loyalty_public[c, f]) + amount
    clamp_loyalty(state, c)


def add_secret_loyalty(rs: Ruleset, state: GameState, character: str, faction: str, amount: int) -> None:
    c, f = rs.ci[character], rs.fi[faction]
    state.loyalty_secret[c, f] = int(state.loyalty_secret[c, f]) + amount
    clamp_loyalty(state, c)


def reveal(rs: Ruleset, state: GameState, character: str) -> str | None:
    """The character acted in public: whoever controls him is now known to all.

    The controlling faction's secret investment becomes public; others' stay secret.
    """
    who = controller(rs, state, character)
    if who is not None:
        c, f = rs.ci[character], rs.fi[who]
        state.loyalty_public[c, f] = int(state.loyalty_public[c, f]) + int(state.loyalty_secret[c, f])
        state.loyalty_secret[c, f] = 0
        clamp_loyalty(state, c)
    return who


def public_estimate(rs: Ruleset, state: GameState, character: str, viewer: str | None) -> str | None:
    """What `viewer` can tell of who controls this character: public loyalty plus own secrets."""
    c = rs.ci[character]
    bound = bound_faction(rs, character)
    if bound is not None:
        return bound
    row = state.loyalty_public[c].astype(np.int32)
    if viewer is not None:
        f = rs.fi[viewer]
        row = row.copy()
        row[f] += int(state.loyalty_secret[c, f])
    return controller_from_row(_clip100(row), rs.faction_ids)


def is_active(state: GameState, rs: Ruleset, character: str) -> bool:
    """Alive and free: can hold office, sit, vote."""
    return state.status[rs.ci[character]] == "free"


def loyalty_baseline(rs: Ruleset) -> np.ndarray:
    """Where each character's loyalties drift back to: ideological closeness, plus membership.

    Built once per ruleset from the characters' and factions' ideologies (numbers in rules.yaml).
    """
    cached: np.ndarray | None = rs.cache.get("loyalty_baseline")
    if cached is not None:
        return cached
    p = rs.rules["loyalty_baseline"]
    base = np.zeros((len(rs.character_ids), len(rs.faction_ids)), dtype=np.int32)
    for c, cid in enumerate(rs.character_ids):
        cdef = rs.characters[cid]
        for f, fid in enumerate(rs.faction_ids):
            value = p["level"] - p["per_distance"] * cdef.ideology.distance(rs.factions[fid].ideology)
            if cdef.faction == fid:
                value += p["leader"] if cdef.leader else p["member"]
            base[c, f] = int(round(min(100.0, max(0.0, value))))
    rs.cache["loyalty_baseline"] = base
    return base
