"""Politburo votes (DESIGN §7): each member's chance to vote yes, its reasons, the exact chance a
motion passes, and the seeded roll that decides it.

A controlled member votes as his faction directs, with a small chance to defect when the motion is
far from his ideology. An independent's chance grows with ideological agreement, lobbying this
turn, the expected winner (bandwagon) and fear. Members vote independently, so the number of yes
votes is Poisson-binomial: its distribution is an exact numpy convolution. Ties go to the chair.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..ruleset import Ruleset
from ..state import GameState, Motion
from ..view import player_view
from .control import controllers, estimates
from .stance import inclination, stance
from .strength import strengths


@dataclass(frozen=True, slots=True)
class MemberVote:
    character: str
    p_yes: float
    whip: str | None  # the faction directing him, or None for an independent
    reasons: tuple[tuple[str, float], ...]  # (reason key, contribution to the chance)


@dataclass(frozen=True, slots=True)
class Forecast:
    members: tuple[MemberVote, ...]
    chair: str | None
    p_pass: float
    worth_lobbying: tuple[str, ...]  # independents whose vote is closest to a coin flip


@dataclass(frozen=True, slots=True)
class VoteResult:
    motion: Motion
    forecast: Forecast
    ballots: tuple[tuple[str, bool], ...]
    passed: bool
    yes: int
    no: int


def members(state: GameState) -> list[str]:
    return list(state.seats.get("politburo", []))


def chair_of(rs: Ruleset, state: GameState, seated: list[str]) -> str | None:
    """The chair breaks ties: the holder of the chairing office if he sits, else the first member."""
    holder = state.offices.get(rs.rules["politburo_chair_office"])
    if holder in seated:
        return holder
    return seated[0] if seated else None


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def member_vote(
    rs: Ruleset, state: GameState, motion: Motion, member: str, whip: str | None, ctx: _VoteContext
) -> MemberVote:
    """One member's chance to vote yes and why."""
    r = rs.rules
    lean = inclination(rs, state, motion, member)
    cdef = rs.characters[member]
    if whip is not None:
        direct = ctx.stances[whip]
        against = max(0.0, -lean) if direct else max(0.0, lean)
        defect = r["defect_base"] + r["defect_scale"] * against
        defect += sum(rs.trait(t).defect for t in cdef.traits)
        defect = min(max(defect, 0.0), 0.45)
        p = 1.0 - defect if direct else defect
        reasons = (("loyalty", round(p - 0.5, 3)), ("ideology", round(-defect if direct else defect, 3)))
        return MemberVote(member, round(p, 6), whip, reasons)
    c = rs.ci[member]
    lobby = 0.0
    for f in rs.faction_ids:
        spent = int(state.lobbied[c, rs.fi[f]])
        if spent and (ctx.viewer is None or f == ctx.viewer):
            lobby += spent if ctx.stances[f] else -spent
    fear = ctx.fear_sign
    for t in cdef.traits:
        fear *= rs.trait(t).fear
    parts = (
        ("ideology", r["vote_ideology"] * lean),
        ("lobbying", r["vote_lobby"] * lobby / 10.0),
        ("bandwagon", r["vote_bandwagon"] * (ctx.yes_share - 0.5) * 2.0),
        ("fear", r["vote_fear"] * fear),
    )
    p = _sigmoid(sum(v for _, v in parts))
    return MemberVote(member, round(p, 6), None, tuple((k, round(v, 3)) for k, v in parts))


@dataclass(slots=True)
class _VoteContext:
    """What every member's vote on one motion shares: the factions' whips, fear, the bandwagon."""

    viewer: str | None
    stances: dict[str, bool]
    fear_sign: float
    yes_share: float


def _context(
    rs: Ruleset,
    state: GameState,
    motion: Motion,
    viewer: str | None,
    whips: list[str | None],
    weights: dict[str, float] | None,
) -> _VoteContext:
    weights = weights or strengths(rs, state)
    stances = {f: stance(rs, state, f, motion, weights) for f in rs.faction_ids}
    fear_sign = 0.0
    police = state.offices.get(rs.rules["police_office"])
    if police is not None:
        boss = controllers(rs, state)[rs.ci[police]]
        if boss is not None:
            # Fear pushes toward whoever commands the secret police, scaled by repression.
            repression = float(state.indicators[rs.ii["repression"]]) / 100.0
            fear_sign = (1.0 if stances[boss] else -1.0) * repression
    whipped = [stances[w] for w in whips if w is not None]
    yes_share = (sum(whipped) / len(whipped)) if whipped else 0.5
    return _VoteContext(viewer, stances, fear_sign, yes_share)


def poisson_binomial(ps: list[float]) -> np.ndarray:
    """dist[k] = probability of exactly k successes among independent trials with chances ps."""
    dist = np.array([1.0])
    for p in ps:
        dist = np.convolve(dist, np.array([1.0 - p, p]))
    return dist


def pass_probability(ps: list[float], chair_index: int | None) -> float:
    """Exact chance that yes > no, a tie going the chair's way."""
    n = len(ps)
    if n == 0:
        return 0.0
    if chair_index is None or n % 2 == 1:
        dist = poisson_binomial(ps)
        return float(dist[n // 2 + 1 :].sum())
    others = [p for i, p in enumerate(ps) if i != chair_index]
    dist = poisson_binomial(others)  # yes votes among the others
    pc = ps[chair_index]
    half = n // 2
    # chair yes: pass if others' yes + 1 >= half (a tie counts as passed)
    p_with_chair = float(dist[max(half - 1, 0) :].sum())
    # chair no: pass only if others' yes > half
    p_without_chair = float(dist[half + 1 :].sum())
    return pc * p_with_chair + (1.0 - pc) * p_without_chair


def forecast(
    rs: Ruleset,
    state: GameState,
    motion: Motion,
    viewer: str | None = None,
    known: list[str | None] | None = None,
    weights: dict[str, float] | None = None,
) -> Forecast:
    """The vote as `viewer` can foresee it (None: the truth, used to resolve the vote).

    Everything is computed on the viewer's player view, so neither the whips, the strengths nor
    the fear term can betray a rival's secret holds. `known` (the viewer's estimates of every
    controller) and `weights` (strengths) may be passed in by a caller that has them already."""
    if viewer is not None and state.view_of != viewer:
        state = player_view(rs, state, viewer, with_log=False)
    seated = members(state)
    known = known if known is not None else estimates(rs, state, viewer)
    whips = [known[rs.ci[m]] for m in seated]
    ctx = _context(rs, state, motion, viewer, whips, weights)
    votes = tuple(member_vote(rs, state, motion, m, w, ctx) for m, w in zip(seated, whips))
    chair = chair_of(rs, state, seated)
    chair_index = seated.index(chair) if chair is not None else None
    p_pass = pass_probability([v.p_yes for v in votes], chair_index)
    swing = sorted((abs(v.p_yes - 0.5), v.character) for v in votes if v.whip is None)
    return Forecast(votes, chair, round(p_pass, 6), tuple(c for _, c in swing[:3]))


def tally(ballots: list[tuple[str, bool]], chair: str | None) -> tuple[bool, int, int]:
    yes = sum(1 for _, b in ballots if b)
    no = len(ballots) - yes
    if yes != no:
        return yes > no, yes, no
    chair_vote = next((b for m, b in ballots if m == chair), False)
    return chair_vote, yes, no


def resolve(rs: Ruleset, state: GameState, motion: Motion) -> VoteResult:
    """Cast the vote with the game's generator. Members reveal whom they follow."""
    fc = forecast(rs, state, motion, None)
    ballots = [(v.character, state.rng.random() < v.p_yes) for v in fc.members]
    passed, yes, no = tally(ballots, fc.chair)
    return VoteResult(motion, fc, tuple(ballots), passed, yes, no)
