"""Honest odds (DESIGN §7): the chance a faction is shown that a motion passes, given what it may know.

A faction cannot see its rivals' secret holds (nor their sizes), the whips they have not shown,
nor the lobbying still to come this turn. So it imagines `worlds` versions of what it cannot see,
drawn from its own player view with a stream seeded from the game and the motion (never the
game's dice): in each, every rival may hold any member in secret (more likely if it has still to
act this turn), and may give its members a free vote rather than its evident stance. In each world
the vote's chance is exact (Poisson-binomial); the honest chance is their mean. Members whose vote
differs much between worlds are the ones that "could still move".
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..rng import derive_seed
from ..ruleset import Ruleset
from ..state import GameState, Motion
from ..view import player_view
from .control import CONTROL_MARGIN, CONTROL_MIN, bound_faction, estimates
from .strength import strengths
from .votes import chair_of, context, directed_p, facts, free_logit, members

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


@dataclass(frozen=True, slots=True)
class Odds:
    p: float  # the honest chance of passing
    members: tuple[tuple[str, float, str | None], ...]  # (member, chance he votes yes, whom he seems to follow)
    could_move: tuple[str, ...]  # members whose vote the viewer cannot pin down, most uncertain first


def uniforms(seed: int, n: int) -> np.ndarray:
    """n floats in [0, 1) from SplitMix64 in integer arithmetic: the same on every machine and numpy."""
    idx = np.arange(1, n + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        z = np.uint64(seed) + idx * _GOLDEN
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) / float(1 << 53)


def still_to_act(state: GameState, viewer: str) -> list[str]:
    """Factions that may still lobby this turn, other than the viewer."""
    if state.phase != "intrigue":
        return []
    return [f for f in state.order[state.acting :] if f != viewer and not state.factions[f].done]


def pass_probabilities(p: np.ndarray, chair_index: int | None) -> np.ndarray:
    """pass_probability for each row of p [worlds, members] at once."""
    k, n = p.shape
    if n == 0:
        return np.zeros(k)
    even_chair = chair_index is not None and n % 2 == 0
    cols = [i for i in range(n) if not (even_chair and i == chair_index)]
    dist = np.zeros((k, len(cols) + 1))
    dist[:, 0] = 1.0
    for j, i in enumerate(cols, start=1):
        q = p[:, i : i + 1]
        dist[:, 1 : j + 1] = dist[:, 1 : j + 1] * (1.0 - q) + dist[:, 0:j] * q
        dist[:, 0] *= 1.0 - p[:, i]
    if not even_chair:
        majority: np.ndarray = dist[:, n // 2 + 1 :].sum(axis=1)
        return majority
    half = n // 2
    pc = p[:, chair_index]
    with_chair: np.ndarray = pc * dist[:, max(half - 1, 0) :].sum(axis=1) + (1.0 - pc) * dist[:, half + 1 :].sum(axis=1)
    return with_chair


def _seed(state: GameState, viewer: str, motion: Motion) -> int:
    """The stream's seed: the game, the turn, the viewer and the motion — nothing hidden."""
    key = "|".join([motion.kind, motion.proposer, *(f"{k}={v}" for k, v in sorted(motion.params.items()))])
    return derive_seed(state.seed, viewer, state.turn, zlib.crc32(key.encode("utf-8")))


def shown_at_last_vote(log: list[list[Any]], seated: list[str], lookback: int = 600) -> dict[str, str | None]:
    """Whom each member followed at the last vote he cast, from the public chronicle (a vote
    shows whom a man follows, or that he follows nobody)."""
    out: dict[str, str | None] = {}
    for _turn, key, p in reversed(log[-lookback:]):
        if key == "vote.held":
            for row in p.get("why", []):
                if row[0] not in out:
                    out[row[0]] = row[2]
            if all(m in out for m in seated):
                break
    return out


def honest(rs: Ruleset, state: GameState, motion: Motion, viewer: str, pending: list[str] | None = None) -> Odds:
    """The honest chance `viewer` has of seeing this motion pass, from its own player view only.
    `pending`: rivals still to act this turn (by default, from the view's order)."""
    public_log = state.log  # votes are public: the true chronicle and the viewer's agree on them
    view = state if state.view_of == viewer else player_view(rs, state, viewer, with_log=False)
    seated = members(view)
    if not seated:
        return Odds(0.0, (), ())
    o = rs.rules["odds"]
    fids = rs.faction_ids
    nf, nm, k = len(fids), len(seated), int(o["worlds"])
    weights = strengths(rs, view)
    known = estimates(rs, view, viewer)
    bosses = dict(zip(rs.character_ids, known))
    ctx = context(rs, view, motion, viewer, bosses, weights)
    pending = still_to_act(view, viewer) if pending is None else pending

    rows = np.array([ctx.loyalty[rs.ci[m]] for m in seated], dtype=np.float64)  # [members, factions]
    bound = [bound_faction(rs, m) for m in seated]

    # The hidden worlds: rivals' secret holds (more likely from those still to act) and free votes.
    u = uniforms(_seed(view, viewer, motion), k * nm * nf * 2 + k * nf)
    hold_u = u[: k * nm * nf].reshape(k, nm, nf)
    size_u = u[k * nm * nf : 2 * k * nm * nf].reshape(k, nm, nf)
    free_u = u[2 * k * nm * nf :].reshape(k, nf)
    chance = np.array(
        [0.0 if f == viewer else o["hold_chance"] + (o["pending_hold_chance"] if f in pending else 0.0) for f in fids]
    )
    # A man the viewer holds only by what it paid in secret is contested: rivals are likelier to have paid too.
    fv = rs.fi[viewer]
    bought = np.array([int(view.loyalty_secret[rs.ci[m], fv]) > 0 for m in seated])
    per_member = np.where(
        bought[:, None], np.maximum(chance, o["contested_hold_chance"]) * (chance > 0), chance[None, :]
    )
    low, high = o["hold_amount"]
    holds = (hold_u < per_member[None, :, :]) * (low + (high - low) * size_u)
    lo = np.minimum(np.maximum(rows[None, :, :] + holds, 0.0), 100.0)  # [worlds, members, factions]
    ordered = np.sort(lo, axis=2)
    top = lo.argmax(axis=2)
    ok = (ordered[:, :, -1] >= CONTROL_MIN) & (ordered[:, :, -1] - ordered[:, :, -2] >= CONTROL_MARGIN)
    boss = np.where(ok, top + 1, 0)  # [worlds, members]: 0 independent, 1+f faction f
    # A member who at his last vote followed someone other than the viewer believes has shown
    # that the viewer's estimate is stale: in most worlds he still follows whom he showed.
    shown = shown_at_last_vote(public_log, seated)
    keep_u = uniforms(_seed(view, viewer, motion) ^ 0x5F3759DF, k * nm).reshape(k, nm)
    for i, m in enumerate(seated):
        if m in shown and shown[m] != bosses[m]:
            followed = shown[m]
            was = 0 if followed is None else rs.fi[followed] + 1
            boss[:, i] = np.where(keep_u[:, i] < o["shown_weight"], was, boss[:, i])
    for i, b in enumerate(bound):
        if b is not None:
            boss[:, i] = rs.fi[b] + 1
    # Whips not yet set: a rival may still give a free vote or, won over by a pact still to come,
    # turn its whip against what its stance shows (the same draw decides which, never both).
    rival = np.array([f not in (viewer, motion.proposer) for f in fids])[None, :]
    none = np.zeros((k, 1), dtype=bool)
    gives_free = np.concatenate([none, (free_u < o["whip_free_chance"]) & rival], axis=1)
    # Turning on a motion one showed support for is likelier than coming round to it (that takes
    # a bargain with the proposer, which the proposer would know of).
    turn = o["whip_turn_chance"]
    shows_for = np.array([ctx.whips.get(f) == "for" for f in fids])[None, :]
    turn_chance = np.where(shows_for, turn["against"], turn["for"])
    lo_u = o["whip_free_chance"]
    turns = np.concatenate([none, (free_u >= lo_u) & (free_u < lo_u + turn_chance) & rival], axis=1)

    # What each member would do under each master met in some world (column 0: independent).
    whipped = np.zeros((nm, nf + 1))
    turned = np.zeros((nm, nf + 1))
    free = np.zeros((nm, nf + 1))
    for i, m in enumerate(seated):
        f = facts(rs, view, motion, m, ctx)
        if f.own_fate:
            continue  # nobody votes for his own removal, in any world
        ind = 1.0 / (1.0 + math.exp(-sum(v for _, v in free_logit(rs, view, f, ctx))))
        whipped[i, :] = turned[i, :] = free[i, :] = ind
        for j in set(boss[:, i].tolist()) - {0}:
            fid = fids[j - 1]
            whip = ctx.whips.get(fid, "free")
            if whip != "free":
                whipped[i, j] = directed_p(rs, f, fid, whip, ctx)
                turned[i, j] = directed_p(rs, f, fid, "against" if whip == "for" else "for", ctx)
    idx = np.arange(nm)[None, :]
    worlds = np.arange(k)[:, None]
    p = np.where(gives_free[worlds, boss], free[idx, boss], whipped[idx, boss])
    p = np.where(turns[worlds, boss], turned[idx, boss], p)

    # Lobbying still to come: a rival yet to act that holds an independent leans on him its way.
    shift = np.zeros((k, nm))
    lobby = rs.rules["vote_lobby"] * o["pending_lobby"] / 10.0
    for j, fid in enumerate(fids):
        if fid in pending and ctx.whips.get(fid) in ("for", "against"):
            sign = 1.0 if ctx.whips[fid] == "for" else -1.0
            shift += sign * lobby * (holds[:, :, j] > 0)
    independent = boss == 0
    if independent.any():
        q = np.minimum(np.maximum(p, 1e-9), 1 - 1e-9)
        logit = np.log(q / (1.0 - q))
        p = np.where(independent, 1.0 / (1.0 + np.exp(-(logit + shift))), p)

    chair = chair_of(rs, view, seated)
    chair_index = seated.index(chair) if chair is not None else None
    p_pass = float(pass_probabilities(p, chair_index).mean())
    mean, spread = p.mean(axis=0), p.std(axis=0)
    rows_out = tuple((m, round(float(mean[i]), 3), bosses[m]) for i, m in enumerate(seated))
    unsure = [
        (-float(spread[i]), m)
        for i, m in enumerate(seated)
        if spread[i] >= o["could_move"] or (bosses[m] is None and 0.2 < mean[i] < 0.8)
    ]
    return Odds(round(p_pass, 4), rows_out, tuple(m for _, m in sorted(unsure)))
