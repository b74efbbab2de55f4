"""The Politburo session: motions voted in the agenda-setter's order, and what a passed motion does.

Motion kinds: policy (one step along an axis), appoint (a Politburo-confirmed office), remove (an
office holder; a Central Committee office needs a joint plenum), expel_member (from the Politburo: needs two-thirds of a joint CC-CCC plenum),
censure (a faction one rung down), readmit (a faction one rung up), convene (a plenum or a
congress this turn), publish (Lenin's Testament), compromise (name a compromise figure: compromise.py).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..ruleset import Ruleset
from ..state import GameState, Motion
from . import compromise, odds, pacts, people, swings
from .congress import INDEPENDENT, candidates
from .control import controller, reveal
from .discipline import move_rung
from .stance import policy_step, stance
from .votes import VoteResult, resolve

PLENUM_BODIES = ("central_committee", "control_commission")  # who sits in a joint plenum


def agenda_order(rs: Ruleset, state: GameState) -> list[Motion]:
    """The General Secretary's master puts his own motions first, his rivals' last."""
    holder = state.offices.get("general_secretary")
    setter = controller(rs, state, holder) if holder else None
    ranked = sorted(
        enumerate(state.agenda),
        key=lambda im: (0 if im[1].proposer == setter else 1, im[0]),
    )
    return [m for _, m in ranked]


def politburo_session(rs: Ruleset, state: GameState) -> list[VoteResult]:
    results = []
    for motion in agenda_order(rs, state):
        if not motion_still_valid(rs, state, motion):
            state.note(
                "motion.lapsed",
                kind=motion.kind,
                proposer=motion.proposer,
                params=dict(motion.params),
                motion=motion.id,
            )
            continue
        # The proposer's honest odds on the eve of the vote, and the whips it took the others to give.
        eve = odds.basis(rs, state, motion.proposer, pending=[])  # the truth's log: the votes are public
        seen = odds.honest(rs, state, motion, motion.proposer, shared=eve)
        assumed = {f: ("for" if stance(rs, eve.view, f, motion, eve.weights) else "against") for f in rs.faction_ids}
        _keep_or_break(rs, state, motion)
        result = resolve(rs, state, motion)
        for member, _ in result.ballots:
            reveal(rs, state, member)
        p_proposed = motion.odds if motion.odds >= 0 else seen.p
        state.note(
            "vote.held",
            kind=motion.kind,
            proposer=motion.proposer,
            params=dict(motion.params),
            motion=motion.id,
            detail=_detail(rs, state, motion),
            passed=result.passed,
            yes=result.yes,
            no=result.no,
            p_pass=round(result.forecast.p_pass, 3),
            # The three chances: the proposer's when proposing, its own on the eve of the vote, the truth.
            p_proposed=round(p_proposed, 3),
            p_view=round(seen.p, 3),
            could_move=list(seen.could_move),
            # What moved them, each cause with its share: [stage, cause, params, change].
            changes=[["before", *c] for c in swings.before_vote(rs, state, motion, seen)]
            + [["hidden", *c] for c in swings.at_vote(rs, state, motion, seen, result.forecast, assumed)],
            ballots=[[m, b] for m, b in result.ballots],
            # Why each member voted as he did: chance of yes, whose whip, the reasons, the whip given.
            why=[[v.character, v.p_yes, v.boss, [list(r) for r in v.reasons], v.whip] for v in result.forecast.members],
        )
        if result.passed:
            carry_out(rs, state, motion)
        results.append(result)
    state.agenda = []
    state.whips = {}
    return results


def _keep_or_break(rs: Ruleset, state: GameState, motion: Motion) -> None:
    """A faction that whipped against what its pact binds it to has broken the pact."""
    target = pacts.struck(rs, state, motion)
    for faction, chosen in list(state.whips.items()):
        whip = chosen.get(str(motion.id))
        if whip is None or faction == motion.proposer or target == faction:
            continue
        bound, pact = pacts.binding(rs, state, faction, motion, target)
        if pact is not None and whip != ("for" if bound else "against"):
            pacts.break_pact(rs, state, pact, faction, "whip")


def _detail(rs: Ruleset, state: GameState, motion: Motion) -> dict[str, Any]:
    """What the chronicle needs to say what was at stake: positions, the person affected."""
    p = motion.params
    if motion.kind == "policy":
        axis = rs.axes[p["axis"]]
        old, new = policy_step(rs, state, p)
        return {"from": axis.positions[old].id, "to": axis.positions[new].id}
    if motion.kind == "remove":
        return {"holder": state.offices.get(p["office"])}
    return {}


def motion_still_valid(rs: Ruleset, state: GameState, motion: Motion) -> bool:
    p = motion.params
    if motion.kind == "appoint":
        return state.status[rs.ci[p["character"]]] == "free"
    if motion.kind == "remove":
        return state.offices.get(p["office"]) is not None
    if motion.kind == "expel_member":
        return p["character"] in state.seats.get("politburo", [])
    if motion.kind == "compromise":
        return compromise.eligible(rs, state, p["figure"]) is None
    return True


def carry_out(rs: Ruleset, state: GameState, motion: Motion) -> None:
    p = motion.params
    kind = motion.kind
    if kind == "policy":
        axis = rs.axes[p["axis"]]
        _, new = policy_step(rs, state, p)
        state.policies[p["axis"]] = new
        state.note("policy.changed", axis=p["axis"], position=axis.positions[new].id)
        if p["axis"] == rs.rules["security_axis"] and p["step"] < 0:
            state.momentum = max(0, state.momentum - rs.rules["rein_in_momentum"])
    elif kind == "appoint":
        people.appoint(rs, state, p["office"], p["character"])
        state.note("office.filled", office=p["office"], holder=p["character"], by="politburo")
    elif kind == "remove":
        if rs.offices[p["office"]].chosen_by == "central_committee":
            _plenum_removal(rs, state, motion)
        else:
            holder = state.offices.get(p["office"])
            state.offices[p["office"]] = None
            state.note("office.vacated", office=p["office"], holder=holder)
    elif kind == "expel_member":
        _joint_plenum_expulsion(rs, state, motion)
    elif kind == "censure":
        move_rung(rs, state, p["faction"], 1)
    elif kind == "readmit":
        move_rung(rs, state, p["faction"], -1)
    elif kind == "convene":
        meeting = [state.turn + 1, p["meeting"]]  # delegates need half a year to gather
        if meeting not in state.convene:
            state.convene.append(meeting)
    elif kind == "compromise":
        compromise.name_figure(rs, state, p["figure"], motion.proposer)
    elif kind == "publish":
        state.flags.setdefault("testament_published", state.turn)
        target = state.offices.get("general_secretary")
        boss = controller(rs, state, target) if target else None
        if boss is not None:
            state.factions[boss].prestige = max(0, state.factions[boss].prestige - 4)
            state.factions[boss].heat = min(100, state.factions[boss].heat + 10)


def _plenum_removal(rs: Ruleset, state: GameState, motion: Motion) -> None:
    """An office the Central Committee elects is taken away only by a joint plenum of the Committee
    and the Control Commission (the share needed is data); the largest bloc that voted for it names the successor."""
    yes, total = _plenum_tally(rs, state, motion, PLENUM_BODIES)
    office = motion.params["office"]
    holder = state.offices.get(office)
    carried = total > 0 and yes > total * rs.rules["remove_office_share"]
    state.note("plenum.removal", office=office, holder=holder, yes=yes, total=total, carried=carried)
    if not carried:
        return
    state.offices[office] = None
    state.note("office.vacated", office=office, holder=holder)
    successor_bloc = _largest_yes_bloc(rs, state, motion)
    pool = [
        c
        for c in candidates(rs, state, successor_bloc, "secretariat")
        if c not in state.offices.values() and not people.incapacitated(rs, c)
    ]
    if pool:
        pick = max(pool, key=lambda c: (rs.characters[c].organisation, rs.characters[c].intrigue, c))
        state.offices[office] = pick
        state.note("office.filled", office=office, holder=pick, by="central_committee")


def _largest_yes_bloc(rs: Ruleset, state: GameState, motion: Motion) -> str:
    """Of the blocs that voted for a removal, the largest names the successor."""
    cc = state.blocs.get("central_committee", {})
    yes = [k for k in cc if k != INDEPENDENT and stance(rs, state, k, motion)]
    return max(yes, key=lambda k: (cc[k], k == motion.proposer, k)) if yes else motion.proposer


def plenum_chance(rs: Ruleset, state: GameState, motion: Motion, bodies: tuple[str, ...] = PLENUM_BODIES) -> float:
    """The exact chance a joint plenum carries `motion` (a removal or an expulsion), from the blocs'
    seats and their stances as `state` shows them: the same seat-by-seat trials as the tally, added
    up as a Poisson-binomial instead of rolled. A faction forecasts it from its own view."""
    r = rs.rules
    trials: list[tuple[float, int]] = []  # (chance of yes, seats) per bloc, in seating order
    for body in bodies:
        for bloc, n in state.blocs.get(body, {}).items():
            if bloc == INDEPENDENT:
                p = r["plenum_independent_yes"]
            else:
                p = 1.0 - r["plenum_defect"] if stance(rs, state, bloc, motion) else r["plenum_defect"]
            trials.append((p, n))
    # The chance depends on nothing but the trials and the share: kept per ruleset, it cannot go stale.
    key = (tuple(trials), r["remove_office_share"])
    memo: dict[tuple[Any, ...], float] = rs.cache.setdefault("plenum_chance", {})
    chance = memo.get(key)
    if chance is None:
        chance = memo[key] = _carried_chance(trials, r["remove_office_share"])
    return chance


def _carried_chance(trials: list[tuple[float, int]], share: float) -> float:
    """The chance more than `share` of the seats vote yes, seat by seat (the same sums as a list
    convolution: each step is dist[k] * (1 - p) + dist[k - 1] * p)."""
    dist = np.ones(1)  # dist[k]: the chance of k yes votes so far
    for p, n in trials:
        for _ in range(n):
            grown = np.empty(len(dist) + 1)
            np.multiply(dist, 1.0 - p, out=grown[:-1])
            grown[-1] = 0.0
            grown[1:] += dist * p
            dist = grown
    total = len(dist) - 1
    if total == 0:
        return 0.0
    need = total * share
    return min(1.0, sum(q for k, q in enumerate(dist.tolist()) if k > need))


def _plenum_tally(rs: Ruleset, state: GameState, motion: Motion, bodies: tuple[str, ...]) -> tuple[int, int]:
    """Each seat votes: a bloc's members follow its whip but some break ranks; independents are
    a coin flip weighted by the rules. Rolled with the game's generator."""
    r = rs.rules
    yes = total = 0
    for body in bodies:
        for bloc, n in state.blocs.get(body, {}).items():
            total += n
            if bloc == INDEPENDENT:
                p = r["plenum_independent_yes"]
            else:
                p = 1.0 - r["plenum_defect"] if stance(rs, state, bloc, motion) else r["plenum_defect"]
            yes += sum(1 for _ in range(n) if state.rng.random() < p)
    return yes, total


def _joint_plenum_expulsion(rs: Ruleset, state: GameState, motion: Motion) -> None:
    """Two-thirds of the Central Committee and the Control Commission together must agree."""
    yes, total = _plenum_tally(rs, state, motion, PLENUM_BODIES)
    character = motion.params["character"]
    carried = total > 0 and yes > total * rs.rules["remove_office_share"]
    state.note("plenum.expulsion", character=character, yes=yes, total=total, carried=carried)
    if carried and character in state.seats["politburo"]:
        state.seats["politburo"].remove(character)
