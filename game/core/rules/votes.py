"""Politburo votes (DESIGN §7): each member's chance to vote yes, its named reasons, the exact chance a
motion passes, and the seeded roll that decides it.

Each faction whips the members it controls: for, against, or a free vote. A whipped member defects
only for reasons the vote report names, each with its share of the chance (a small base chance,
his ideology far from the motion, a rival's hold on him, fear of whoever commands the police, a
trait); a faction's leader never defects. An independent — or a member given a free vote — votes
from ideological agreement, lobbying this turn, the expected winner (bandwagon) and fear. Nobody
votes for his own removal. Members vote independently, so the number of yes votes is
Poisson-binomial: an exact numpy convolution. Ties go to the chair.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..ruleset import Ruleset
from ..state import GameState, Motion
from ..view import player_view
from .control import bound_faction, estimates, total_loyalty
from .stance import inclination, stance
from .strength import strengths

WHIPS = ("for", "against", "free")


@dataclass(frozen=True, slots=True)
class MemberVote:
    character: str
    p_yes: float
    boss: str | None  # the faction that controls him (as the forecaster knows it), None if independent
    whip: str | None  # his faction's whip: for | against | free (None for an independent)
    reasons: tuple[tuple[str, float], ...]  # (reason key, contribution to the chance of yes)


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


OWN_FATE_KINDS = ("expel_member", "remove")  # the only motions `own_fate` can be true of


def own_fate(rs: Ruleset, state: GameState, motion: Motion, member: str) -> bool:
    """Is this motion his own removal or expulsion?"""
    p = motion.params
    if motion.kind == "expel_member":
        return p.get("character") == member
    if motion.kind == "remove":
        return state.offices.get(p.get("office", "")) == member
    return False


@dataclass(slots=True)
class VoteContext:
    """What every member's vote on one motion shares: each faction's whip, the police's master,
    fear, the bandwagon, and the loyalty rows the forecaster can see."""

    viewer: str | None
    whips: dict[str, str]  # faction -> for | against | free
    police_boss: str | None
    fear_sign: float
    repression: float
    yes_share: float
    loyalty: np.ndarray  # [characters, factions] as the forecaster knows them
    opposed: dict[str, tuple[int, ...]]  # whip -> the factions (indices, in order) whipping the other way


@dataclass(slots=True)
class Facts:
    """What about one member bears on his vote whoever controls him: computed once per motion."""

    member: str
    lean: float  # his own ideological leaning on the motion, -1 to +1
    traits: tuple[tuple[str, float], ...]  # defection his traits add, named
    fear_mult: float  # how much fear weighs with him
    own_fate: bool  # the motion is his own removal or expulsion
    bound: str | None  # the faction he leads, if any
    row: tuple[int, ...]  # his loyalty to each faction, as the forecaster knows it


def character_terms(rs: Ruleset, member: str) -> tuple[tuple[tuple[str, float], ...], float, str | None]:
    """What about a person bears on every vote he casts: the defection his traits add (named), how
    much fear weighs with him, the faction he leads (built once per ruleset)."""
    table = rs.cache.get("vote_terms")
    if table is None:
        table = rs.cache["vote_terms"] = {}
    terms = table.get(member)
    if terms is None:
        cdef = rs.characters[member]
        mult = 1.0
        for t in cdef.traits:
            mult *= rs.trait(t).fear
        traits = tuple((f"trait:{t}", rs.trait(t).defect) for t in cdef.traits if rs.trait(t).defect)
        terms = table[member] = (traits, mult, bound_faction(rs, member))
    return terms


def facts(rs: Ruleset, state: GameState, motion: Motion, member: str, ctx: VoteContext) -> Facts:
    traits, mult, bound = character_terms(rs, member)
    row = tuple(ctx.loyalty[rs.ci[member]].tolist())
    return Facts(
        member,
        inclination(rs, state, motion, member),
        traits,
        mult,
        own_fate(rs, state, motion, member),
        bound,
        row,
    )


def defection(rs: Ruleset, f: Facts, boss: str, whip: str, ctx: VoteContext) -> list[tuple[str, float]]:
    """The named reasons a member whipped `whip` by `boss` might defect, each with its chance."""
    r = rs.rules
    against = max(0.0, -f.lean) if whip == "for" else max(0.0, f.lean)
    tol = r["defect_tolerance"]
    parts: list[tuple[str, float]] = [("chance", r["defect_base"])]
    if against > tol:
        parts.append(("ideology", r["defect_scale"] * (against - tol) / (1.0 - tol)))
    mine = f.row[rs.fi[boss]]
    rival, best = None, -1
    for i, fid in enumerate(rs.faction_ids):
        if fid != boss and f.row[i] > best and ctx.whips.get(fid, "free") not in (whip, "free"):
            rival, best = fid, f.row[i]
    if rival is not None and mine - best < r["defect_rival_gap"]:
        parts.append(
            (f"rival_hold:{rival}", r["defect_rival_hold"] * (1.0 - max(0, mine - best) / r["defect_rival_gap"]))
        )
    if ctx.police_boss not in (None, boss) and ctx.whips.get(ctx.police_boss, "free") not in (whip, "free"):
        parts.append((f"fear:{ctx.police_boss}", r["defect_fear"] * ctx.repression * f.fear_mult))
    parts.extend(f.traits)
    return parts


def directed_p(rs: Ruleset, f: Facts, boss: str, whip: str, ctx: VoteContext) -> float:
    """The chance of yes of a member whipped for or against (the fast path: no reasons kept).
    The same terms as `defection`, added up in the same order (so the same bits), without naming them."""
    if f.own_fate:
        return 0.0
    if f.bound == boss:
        return 1.0 if whip == "for" else 0.0
    r = rs.rules
    whips, row = ctx.whips, f.row
    against = max(0.0, -f.lean) if whip == "for" else max(0.0, f.lean)
    tol = r["defect_tolerance"]
    total = 0 + r["defect_base"]  # `sum` starts from 0
    if against > tol:
        total += r["defect_scale"] * (against - tol) / (1.0 - tol)
    mine = row[rs.fi[boss]]
    found, best = False, -1
    fids = rs.faction_ids
    for i in ctx.opposed[whip]:
        if fids[i] != boss and row[i] > best:
            found, best = True, row[i]
    gap = r["defect_rival_gap"]
    if found and mine - best < gap:
        total += r["defect_rival_hold"] * (1.0 - max(0, mine - best) / gap)
    police = ctx.police_boss
    if police not in (None, boss) and whips.get(police, "free") not in (whip, "free"):
        total += r["defect_fear"] * ctx.repression * f.fear_mult
    for _, v in f.traits:
        total += v
    defect: float = min(max(total, 0.0), r["defect_cap"])
    return 1.0 - defect if whip == "for" else defect


def directed(rs: Ruleset, f: Facts, boss: str, whip: str, ctx: VoteContext) -> MemberVote:
    """A member whipped for or against: he follows unless a named reason makes him defect."""
    direct = whip == "for"
    if f.bound == boss:
        return MemberVote(
            f.member, 1.0 if direct else 0.0, boss, whip, (("whip", 1.0 if direct else 0.0), ("leader", 0.0))
        )
    parts = defection(rs, f, boss, whip, ctx)
    total = sum(v for _, v in parts)
    cap = rs.rules["defect_cap"]
    scale = cap / total if total > cap else (0.0 if total < 0 else 1.0)
    defect = total * scale
    sign = -1.0 if direct else 1.0
    reasons = (("whip", 1.0 if direct else 0.0),) + tuple((k, round(sign * v * scale, 4)) for k, v in parts)
    return MemberVote(f.member, round(1.0 - defect if direct else defect, 6), boss, whip, reasons)


def free_logit(rs: Ruleset, state: GameState, f: Facts, ctx: VoteContext) -> tuple[tuple[str, float], ...]:
    """An independent's (or a free vote's) reasons, as logit parts."""
    r = rs.rules
    c = rs.ci[f.member]
    lobby = 0.0
    for fid, spent in zip(rs.faction_ids, state.lobbied[c].tolist()):
        if spent and (ctx.viewer is None or fid == ctx.viewer):
            lobby += spent if ctx.whips.get(fid) != "against" else -spent
    return (
        ("ideology", r["vote_ideology"] * f.lean),
        ("lobbying", r["vote_lobby"] * lobby / 10.0),
        ("bandwagon", r["vote_bandwagon"] * (ctx.yes_share - 0.5) * 2.0),
        ("fear", r["vote_fear"] * ctx.fear_sign * f.fear_mult),
    )


def free_p(rs: Ruleset, state: GameState, f: Facts, ctx: VoteContext) -> float:
    """An independent's (or a free vote's) chance of yes: `free_logit`'s parts added up in the
    same order (so the same bits), without naming them."""
    r = rs.rules
    lobby = 0.0
    for fid, spent in zip(rs.faction_ids, state.lobbied[rs.ci[f.member]].tolist()):
        if spent and (ctx.viewer is None or fid == ctx.viewer):
            lobby += spent if ctx.whips.get(fid) != "against" else -spent
    total = 0 + r["vote_ideology"] * f.lean
    total += r["vote_lobby"] * lobby / 10.0
    total += r["vote_bandwagon"] * (ctx.yes_share - 0.5) * 2.0
    total += r["vote_fear"] * ctx.fear_sign * f.fear_mult
    return 1.0 / (1.0 + math.exp(-total))


def free_vote(
    rs: Ruleset, state: GameState, f: Facts, boss: str | None, whip: str | None, ctx: VoteContext
) -> MemberVote:
    """An independent, or a member his faction leaves free: his own judgement, as a logit."""
    parts = free_logit(rs, state, f, ctx)
    p = _sigmoid(sum(v for _, v in parts))
    return MemberVote(f.member, round(p, 6), boss, whip, tuple((k, round(v, 3)) for k, v in parts))


def member_vote(
    rs: Ruleset, state: GameState, motion: Motion, member: str, boss: str | None, ctx: VoteContext
) -> MemberVote:
    """One member's chance to vote yes and why, given who controls him."""
    f = facts(rs, state, motion, member, ctx)
    if f.own_fate:
        return MemberVote(member, 0.0, boss, ctx.whips.get(boss) if boss else None, (("own_fate", 0.0),))
    whip = ctx.whips.get(boss, "free") if boss is not None else None
    if boss is not None and whip in ("for", "against"):
        return directed(rs, f, boss, whip, ctx)
    return free_vote(rs, state, f, boss, whip, ctx)


def whip_of(rs: Ruleset, state: GameState, faction: str, motion: Motion, weights: dict[str, float] | None) -> str:
    """The whip a faction set on this motion, or its default: its stance."""
    chosen = state.whips.get(faction, {}).get(str(motion.id))
    if chosen is not None:
        return chosen
    return "for" if stance(rs, state, faction, motion, weights) else "against"


def context(
    rs: Ruleset,
    state: GameState,
    motion: Motion,
    viewer: str | None,
    bosses: dict[str, str | None],
    weights: dict[str, float] | None = None,
    whips: dict[str, str] | None = None,
    loyalty: np.ndarray | None = None,
) -> VoteContext:
    """The shared part of a vote. `bosses`: every character's controller as the forecaster knows it.
    A viewer knows its own whip; it takes everyone else's to be their evident stance. `loyalty`:
    `total_loyalty(state)`, if the caller has it (it is shared, not copied)."""
    if whips is None:
        weights = weights or strengths(rs, state)
        whips = {}
        for f in rs.faction_ids:
            if viewer is None or f == viewer:
                whips[f] = whip_of(rs, state, f, motion, weights)
            else:
                whips[f] = "for" if stance(rs, state, f, motion, weights) else "against"
    police = state.offices.get(rs.rules["police_office"])
    boss = bosses.get(police) if police is not None else None
    repression = float(state.indicators[rs.ii["repression"]]) / 100.0
    fear_sign = 0.0
    if boss is not None and whips.get(boss) in ("for", "against"):
        # Fear pushes toward whoever commands the secret police, scaled by repression.
        fear_sign = (1.0 if whips[boss] == "for" else -1.0) * repression
    directed_ = [whips.get(bosses.get(m) or "", "free") for m in members(state) if bosses.get(m) is not None]
    directed_ = [w for w in directed_ if w != "free"]
    yes_share = (sum(1 for w in directed_ if w == "for") / len(directed_)) if directed_ else 0.5
    loyalty = total_loyalty(state) if loyalty is None else loyalty
    opposed = {
        whip: tuple(i for i, f in enumerate(rs.faction_ids) if whips.get(f, "free") not in (whip, "free"))
        for whip in ("for", "against")
    }
    return VoteContext(viewer, whips, boss, fear_sign, repression, yes_share, loyalty, opposed)


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
    """The vote as `viewer` would see it if everything he cannot see were as he guesses (None: the
    truth, used to resolve the vote). The honest chance shown to players, which weighs up what he
    cannot see, is `odds.honest`.

    Everything is computed on the viewer's player view, so neither the whips, the strengths nor
    the fear term can betray a rival's secret holds. `known` (the viewer's estimates of every
    controller) and `weights` (strengths) may be passed in by a caller that has them already."""
    if viewer is not None and state.view_of != viewer:
        state = player_view(rs, state, viewer, with_log=False, shared=True)
    seated = members(state)
    known = known if known is not None else estimates(rs, state, viewer)
    bosses = dict(zip(rs.character_ids, known))
    ctx = context(rs, state, motion, viewer, bosses, weights)
    votes = tuple(member_vote(rs, state, motion, m, bosses[m], ctx) for m in seated)
    chair = chair_of(rs, state, seated)
    chair_index = seated.index(chair) if chair is not None else None
    p_pass = pass_probability([v.p_yes for v in votes], chair_index)
    swing = sorted((abs(v.p_yes - 0.5), v.character) for v in votes if v.boss is None)
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
