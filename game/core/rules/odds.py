"""Honest odds (DESIGN §7): the chance a faction is shown that a motion passes, given what it may know.

A faction cannot see its rivals' secret holds (nor their sizes), the whips they have not shown,
nor the lobbying still to come this turn. So it imagines `worlds` versions of what it cannot see,
drawn from its own player view with a stream seeded from the game and the motion (never the
game's dice): in each, every rival may hold any member in secret (more likely if it has still to
act this turn), and may give its members a free vote rather than its evident stance. In each world
the vote's chance is exact (Poisson-binomial); the honest chance is their mean. Members whose vote
differs much between worlds are the ones that "could still move".

What does not depend on the motion (the view, whom the viewer believes each member follows, the
loyalty rows, the chances of hidden holds) is a `Basis`, built once and shared by every motion a
faction weighs in one decision. All worlds and members are computed at once, as numpy arrays.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from ..rng import derive_seed, extend_seed
from ..ruleset import Ruleset
from ..state import GameState, Motion
from ..view import player_view
from .control import CONTROL_MARGIN, CONTROL_MIN, bound_faction, estimates, total_loyalty
from .stance import inclination
from .strength import strengths
from .temper import tempered
from .votes import (
    OWN_FATE_KINDS,
    Facts,
    VoteContext,
    chair_of,
    character_terms,
    context,
    directed_p,
    free_p,
    members,
    own_fate,
)
from .worldmath import columns, grid, mean_std, pass_probabilities, remembered_streams

_KEEP_SALT = 0x5F3759DF  # the stream of "still follows whom he showed" draws


@dataclass(frozen=True, slots=True)
class Odds:
    p: float  # the honest chance of passing
    members: tuple[tuple[str, float, str | None], ...]  # (member, chance he votes yes, whom he seems to follow)
    could_move: tuple[str, ...]  # members whose vote the viewer cannot pin down, most uncertain first


def still_to_act(state: GameState, viewer: str) -> list[str]:
    """Factions that may still lobby this turn, other than the viewer."""
    if state.phase != "intrigue":
        return []
    waiting = state.order if state.rounds else state.order[state.acting :]  # in rounds everyone not done acts again
    return [f for f in waiting if f != viewer and not state.factions[f].done]


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


@dataclass(slots=True)
class Basis:
    """What `viewer`'s forecasts share whatever the motion: build once per decision with `basis`."""

    view: GameState  # the viewer's player view
    viewer: str
    pending: list[str]  # rivals still to act this turn
    seated: list[str]
    weights: dict[str, float]  # strengths, as the viewer sees them
    bosses: dict[str, str | None]  # whom the viewer believes each character follows
    loyalty: np.ndarray  # [characters, factions] as the viewer knows them
    rows: np.ndarray  # [members, factions] float: the members' loyalty rows
    hold_chance: np.ndarray  # [members, factions]: the chance a rival holds him in secret, in a world
    shown: list[tuple[int, int]]  # (member, 1 + the faction he showed, 0: none) where the viewer believes otherwise
    bound: list[tuple[int, int]]  # (member, 1 + the faction he leads)
    facts: list[Facts]  # per member, what bears on his vote whatever the motion (lean and own fate left unset)
    chair_index: int | None
    seed_prefix: int  # the worlds' stream seed before the motion's key


def basis(
    rs: Ruleset,
    state: GameState,
    viewer: str,
    pending: list[str] | None = None,
    weights: dict[str, float] | None = None,
) -> Basis:
    """The motion-free part of `viewer`'s honest odds on `state` (the truth or its own view).
    `pending`: rivals still to act this turn (by default, from the view's order); `weights`: the
    strengths on the viewer's view, if the caller has them."""
    public_log = state.log  # votes are public: the true chronicle and the viewer's agree on them
    view = state if state.view_of == viewer else player_view(rs, state, viewer, with_log=False, shared=True)
    seated = members(view)
    o = rs.rules["odds"]
    fids = rs.faction_ids
    pending = still_to_act(view, viewer) if pending is None else pending
    weights = weights if weights is not None else strengths(rs, view)
    bosses = dict(zip(rs.character_ids, estimates(rs, view, viewer)))
    loyalty = total_loyalty(view)
    index = [rs.ci[m] for m in seated]
    rows = loyalty[index].astype(np.float64)
    chance = np.array(
        [0.0 if f == viewer else o["hold_chance"] + (o["pending_hold_chance"] if f in pending else 0.0) for f in fids]
    )
    # A man the viewer holds only by what it paid in secret is contested: rivals are likelier to have paid too.
    bought = view.loyalty_secret[index, rs.fi[viewer]] > 0
    hold_chance = np.where(
        bought[:, None], np.maximum(chance, o["contested_hold_chance"]) * (chance > 0), chance[None, :]
    )
    # A member who at his last vote followed someone other than the viewer believes has shown
    # that the viewer's estimate is stale: in most worlds he still follows whom he showed.
    last = shown_at_last_vote(public_log, seated)
    shown = [
        (i, 0 if (followed := last[m]) is None else rs.fi[followed] + 1)
        for i, m in enumerate(seated)
        if m in last and last[m] != bosses[m]
    ]
    bound = [(i, rs.fi[b] + 1) for i, b in enumerate(bound_faction(rs, m) for m in seated) if b is not None]
    member_facts = []
    for m, row in zip(seated, loyalty[index].tolist()):
        traits, mult, leads = character_terms(rs, m)
        member_facts.append(Facts(m, 0.0, traits, mult, False, leads, tuple(row)))
    chair = chair_of(rs, view, seated)
    return Basis(
        view,
        viewer,
        pending,
        seated,
        weights,
        bosses,
        loyalty,
        rows,
        hold_chance,
        shown,
        bound,
        member_facts,
        seated.index(chair) if chair is not None else None,
        derive_seed(view.seed, viewer, view.turn),
    )


def _seed(b: Basis, motion: Motion) -> int:
    """The stream's seed: the game, the turn, the viewer and the motion — nothing hidden."""
    key = "|".join([motion.kind, motion.proposer, *(f"{k}={v}" for k, v in sorted(motion.params.items()))])
    return _extended(b.seed_prefix, key)


@lru_cache(maxsize=4096)
def _extended(prefix: int, key: str) -> int:
    """extend_seed by a motion's key, remembered: a turn's forecasts of a motion share its seed
    (the bot's, the proposal's), and the fold is a loop over every byte."""
    return extend_seed(prefix, zlib.crc32(key.encode("utf-8")))


def _hidden_bosses(rs: Ruleset, b: Basis, u: np.ndarray, keep_u: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Whom each member follows in each world of each motion [motions, worlds, members] (0
    independent, 1+f faction f), and the secret holds drawn [motions, worlds, members, factions].
    `keep_u`: each motion's stream of "still follows whom he showed" draws."""
    o = rs.rules["odds"]
    (nmo, _), k, nm, nf = u.shape, int(o["worlds"]), len(b.seated), len(rs.faction_ids)
    block = k * nm * nf
    hold_u = u[:, :block].reshape(nmo, k, nm, nf)
    size_u = u[:, block : 2 * block].reshape(nmo, k, nm, nf)
    low, high = o["hold_amount"]
    holds = (hold_u < b.hold_chance) * (low + (high - low) * size_u)
    lo = holds + b.rows
    np.maximum(lo, 0.0, out=lo)
    np.minimum(lo, 100.0, out=lo)
    top = lo.argmax(axis=3)
    lo.sort(axis=3)  # in place: lo is ours, and only its two highest are read from here on
    best = lo[..., -1]
    ok = (best >= CONTROL_MIN) & (best - lo[..., -2] >= CONTROL_MARGIN)
    boss = np.where(ok, top + 1, 0)
    if b.shown:  # every such member at once (each appears once): whom he showed, where he still follows him
        at, was = columns(tuple(b.shown))
        kept = keep_u[:, : k * nm].reshape(nmo, k, nm)[:, :, at] < o["shown_weight"]
        boss[:, :, at] = np.where(kept, was, boss[:, :, at])
    if b.bound:  # leaders follow their own faction in every world
        at, leads = columns(tuple(b.bound))
        boss[:, :, at] = leads
    return boss, holds


def _chances(
    rs: Ruleset, b: Basis, motion: Motion, ctx: VoteContext, masters: list[list[int]], freed: list[bool]
) -> tuple[list[list[float]], list[list[float]]]:
    """Each member's chance of yes under each master met in some world (column 0: independent),
    whipped; the free vote's chance is column 0's. `freed`: per member, whether some world frees
    his vote (a free vote from his master); his own judgement is weighed only if some world asks it."""
    fids = rs.faction_ids
    out: list[list[float]] = []
    turned: list[list[float]] = []  # the same under the opposite whip, where a rival may turn it
    fateful = motion.kind in OWN_FATE_KINDS
    for i, m in enumerate(b.seated):
        if fateful and own_fate(rs, b.view, motion, m):
            out.append([0.0] * (len(fids) + 1))  # nobody votes for his own removal, in any world
            turned.append([0.0] * (len(fids) + 1))
            continue
        f = b.facts[i]  # his lean left unset: a leader whipped by his own faction follows it whatever he thinks
        met = sorted(set(masters[i]))
        whips = [ctx.whips.get(fids[j - 1], "free") if j else "free" for j in met]
        own_judgement = freed[i] or "free" in whips
        if own_judgement or any(j and fids[j - 1] != f.bound for j in met):
            lean = inclination(rs, b.view, motion, m)
            f = Facts(m, lean, f.traits, f.fear_mult, False, f.bound, f.row)
        ind = 0.0  # never read unless some world asks for his own judgement
        if own_judgement:
            ind = free_p(rs, b.view, f, ctx)
        row = [ind] * (len(fids) + 1)
        flip = [ind] * (len(fids) + 1)
        for j, whip in zip(met, whips):
            if whip != "free":
                row[j] = directed_p(rs, f, fids[j - 1], whip, ctx)
                if fids[j - 1] not in (b.viewer, motion.proposer):  # a rival may still turn its whip
                    flip[j] = directed_p(rs, f, fids[j - 1], "against" if whip == "for" else "for", ctx)
        out.append(row)
        turned.append(flip)
    return out, turned


def honest(
    rs: Ruleset,
    state: GameState,
    motion: Motion,
    viewer: str,
    pending: list[str] | None = None,
    shared: Basis | None = None,
) -> Odds:
    """The honest chance `viewer` has of seeing this motion pass, from its own player view only. `pending`: rivals
    still to act (default: from the view's order); `shared`: this state's basis, if the caller weighs several."""
    return honest_all(rs, state, [motion], viewer, pending, shared)[0]


def honest_all(
    rs: Ruleset,
    state: GameState,
    motions: list[Motion],
    viewer: str,
    pending: list[str] | None = None,
    shared: Basis | None = None,
) -> list[Odds]:
    """`honest` for several motions at once: every motion's worlds in the same arrays."""
    b = shared if shared is not None else basis(rs, state, viewer, pending)
    if not b.seated or not motions:
        return [Odds(0.0, (), ()) for _ in motions]
    p, chance = _worlds(rs, b, motions)
    mean, spread = mean_std(p)
    return [_odds(rs.rules["odds"], b, chance[x], mean[x], spread[x]) for x in range(len(motions))]


def honest_chances(rs: Ruleset, shared: Basis, motions: list[Motion]) -> list[float]:
    """Just the chances `honest_all` shows (`Odds.p`) on this basis, for a caller that needs no more."""
    if not shared.seated or not motions:
        return [0.0 for _ in motions]
    return [round(chance, 4) for chance in _worlds(rs, shared, motions)[1]]


def _worlds(rs: Ruleset, b: Basis, motions: list[Motion]) -> tuple[np.ndarray, list[float]]:
    """Each motion's worlds: every member's chance of yes [motions, worlds, members], and the
    mean chance of passing of each motion."""
    viewer, seated = b.viewer, b.seated
    o = rs.rules["odds"]
    fids = rs.faction_ids
    nf, nm, k, nmo = len(fids), len(seated), int(o["worlds"]), len(motions)
    ctxs = [context(rs, b.view, motion, viewer, b.bosses, b.weights, loyalty=b.loyalty) for motion in motions]

    # The hidden worlds: rivals' secret holds (more likely from those still to act) and free votes.
    seeds = [_seed(b, motion) for motion in motions]
    memo = rs.cache.setdefault("odds_streams", {})
    u = remembered_streams(memo, seeds, k * nm * nf * 2 + k * nf)
    # The "still follows whom he showed" draws: only as many as are read (a stream's start is the
    # same whatever its length).
    keep_u = remembered_streams(memo, [seed ^ _KEEP_SALT for seed in seeds], k * nm) if b.shown else u
    boss, holds = _hidden_bosses(rs, b, u, keep_u)
    # Whips not yet set: a rival may still give a free vote or, after a pact still to come, turn
    # its whip - against a motion it shows support for, or (rarer: that takes a deal with the
    # proposer, who would know of it) for one it opposes. One draw decides which, never both.
    free_u = u[:, 2 * k * nm * nf :].reshape(nmo, k, nf)
    rival = np.array([[f not in (viewer, motion.proposer) for f in fids] for motion in motions])[:, None, :]
    free_chance, turn = o["whip_free_chance"], o["whip_turn_chance"]
    shows_for = np.array([[ctx.whips.get(f) == "for" for f in fids] for ctx in ctxs])[:, None, :]
    turn_chance = np.where(shows_for, turn["against"], turn["for"])
    gives_free = np.zeros((nmo, k, nf + 1), dtype=bool)
    gives_free[:, :, 1:] = (free_u < free_chance) & rival
    turns = np.zeros((nmo, k, nf + 1), dtype=bool)
    turns[:, :, 1:] = (free_u >= free_chance) & (free_u < free_chance + turn_chance) & rival

    # Each world's chance for each member: as his master whips him, free where it gives a free
    # vote, or under the opposite whip where it turns (flat lookups: [motion, world, master] and
    # [motion, member, master]).
    by_world, by_member = grid(nmo, k, nm, nf + 1)
    master_at = by_world + boss
    choice, turned = gives_free.ravel()[master_at], turns.ravel()[master_at]
    masters, freed = boss.transpose(0, 2, 1).tolist(), choice.any(axis=1).tolist()
    both = [_chances(rs, b, motion, ctx, masters[x], freed[x]) for x, (motion, ctx) in enumerate(zip(motions, ctxs))]
    table = np.array([w for w, _ in both]).ravel()  # [motions, members, 1 + factions]; a free vote is column 0's
    flipped = np.array([t for _, t in both]).ravel()
    p = table[by_member + np.where(choice, 0, boss)]  # [motions, worlds, members]
    p = np.where(turned, flipped[by_member + boss], p)

    independent = boss == 0
    if independent.any():
        # Lobbying still to come: a rival yet to act that holds an independent leans on him its way.
        shift = np.zeros((nmo, k, nm))
        lobby = rs.rules["vote_lobby"] * o["pending_lobby"] / 10.0
        for j, f in enumerate(fids):
            signs = [
                {"for": 1.0, "against": -1.0}.get(ctx.whips.get(f, "free"), 0.0) if f in b.pending else 0.0
                for ctx in ctxs
            ]
            if any(signs):
                shift += (np.array(signs) * lobby)[:, None, None] * (holds[..., j] > 0)
        q = np.minimum(np.maximum(p, 1e-9), 1 - 1e-9)
        logit = np.log(q / (1.0 - q))
        p = np.where(independent, 1.0 / (1.0 + np.exp(-(logit + shift))), p)

    passing = pass_probabilities(p.reshape(nmo * k, nm), b.chair_index).reshape(nmo, k)
    means = (np.add.reduce(passing, axis=1) / k).tolist()  # passing.mean(axis=1), without its overhead; then tempered
    return p, [tempered(o, motion.kind, chance) for motion, chance in zip(motions, means)]


def _odds(o: dict[str, Any], b: Basis, chance: float, mean: list[float], spread: list[float]) -> Odds:
    """One motion's odds from its worlds: the mean chance, each member's mean, who could move."""
    rows_out = tuple((m, round(mean[i], 3), b.bosses[m]) for i, m in enumerate(b.seated))
    unsure = [
        (-spread[i], m)
        for i, m in enumerate(b.seated)
        if spread[i] >= o["could_move"] or (b.bosses[m] is None and 0.2 < mean[i] < 0.8)
    ]
    return Odds(round(chance, 4), rows_out, tuple(m for _, m in sorted(unsure)))
