"""Congresses and plenums: the circular flow of power (DESIGN §8).

Regions send delegates in proportion to membership. The secretary's grip decides how many follow
the faction that placed him; the rest follow rank-and-file sentiment, and speeches sway the
uncommitted. The hall votes the political report against any co-reports, then elects the Central
Committee by slates with a winner's bonus; the new Committee elects the Politburo, Orgburo,
Secretariat and the Control Commission's chair.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..ruleset import Ruleset
from ..state import GameState
from . import people
from .apportion import dhondt, largest_remainder
from .control import controllers

UNCOMMITTED = "uncommitted"
INDEPENDENT = "independent"


@dataclass(frozen=True, slots=True)
class CongressResult:
    delegates: dict[str, int]  # bloc -> delegates after speeches
    report_votes: dict[str, int]  # whose report -> delegates voting for it
    majority: str | None
    failed_co_reports: tuple[str, ...]
    cc: dict[str, int]


def party_factions(rs: Ruleset, state: GameState) -> list[str]:
    """Factions that sit in party bodies now (not the Left SRs, not the expelled)."""
    return [
        f for f in rs.faction_ids if rs.factions[f].party and rs.ladder_of(f).rungs[state.factions[f].rung].party_member
    ]


def region_delegations(rs: Ruleset, state: GameState) -> dict[str, dict[str, int]]:
    """Delegates per region and bloc, before speeches."""
    r = rs.rules
    members = tuple((rid, float(state_membership(rs, state, rid))) for rid in rs.regions)
    # The split depends on nothing but the memberships and the hall's size: kept per ruleset by them.
    memo = rs.cache.setdefault("region_delegates", {})
    key = (r["congress_delegates"], members)
    per_region = memo.get(key)
    if per_region is None:
        per_region = memo[key] = largest_remainder(r["congress_delegates"], dict(members))
    eligible = set(party_factions(rs, state))
    out: dict[str, dict[str, int]] = {}
    for rid, n in per_region.items():
        sec = state.secretaries.get(rid)
        committed = round(n * state.grip / 100) if sec in eligible else 0
        weights = {k: float(v) for k, v in state.sentiment[rid].items() if k in eligible or k == UNCOMMITTED}
        if not weights:
            weights = {UNCOMMITTED: 1.0}
        rest = largest_remainder(n - committed, weights)
        if sec in eligible:
            rest[sec] = rest.get(sec, 0) + committed
        out[rid] = rest
    return out


def state_membership(rs: Ruleset, state: GameState, region: str) -> int:
    return rs.regions[region].membership


def hall(rs: Ruleset, state: GameState) -> dict[str, int]:
    """The whole congress by bloc, after speeches have swayed the uncommitted."""
    totals: dict[str, int] = {f: 0 for f in party_factions(rs, state)}
    totals[UNCOMMITTED] = 0
    for blocs in region_delegations(rs, state).values():
        for k, n in blocs.items():
            totals[k] = totals.get(k, 0) + n
    return sway(rs, state, totals)


def sway(rs: Ruleset, state: GameState, totals: dict[str, int]) -> dict[str, int]:
    r = rs.rules
    pull = {f: speech_power(rs, state, f) for f in totals if f != UNCOMMITTED}
    mass = sum(pull.values())
    if mass <= 0 or totals.get(UNCOMMITTED, 0) == 0:
        return totals
    swayed = round(totals[UNCOMMITTED] * mass / (mass + r["speech_inertia"]))
    shares = largest_remainder(swayed, pull)
    out = dict(totals)
    for f, n in shares.items():
        out[f] += n
    out[UNCOMMITTED] -= swayed
    return out


def speech_power(rs: Ruleset, state: GameState, faction: str) -> float:
    """Influence spent on speeches, multiplied by the faction's best free orator."""
    spent = state.factions[faction].speech
    if spent <= 0:
        return 0.0
    ctrl = controllers(rs, state)
    best = 1
    for c, cid in enumerate(rs.character_ids):
        if ctrl[c] == faction and state.status[c] == "free":
            cdef = rs.characters[cid]
            best = max(best, cdef.oratory + sum(rs.trait(t).oratory for t in cdef.traits))
    return spent * (1.0 + best / 5.0)


def majority_faction(rs: Ruleset, state: GameState) -> str | None:
    holder = state.offices.get("general_secretary")
    if holder is None:
        return None
    return controllers(rs, state)[rs.ci[holder]]


def run_congress(rs: Ruleset, state: GameState) -> CongressResult:
    r = rs.rules
    delegates = hall(rs, state)
    majority = majority_faction(rs, state)
    reports: dict[str, int] = {}
    for bloc, n in delegates.items():
        speaks = bloc if bloc != UNCOMMITTED and state.factions[bloc].co_report else (majority or INDEPENDENT)
        reports[speaks] = reports.get(speaks, 0) + n
    size = sum(delegates.values()) or 1
    failed: list[str] = []
    slates = {f: float(n) for f, n in delegates.items() if f != UNCOMMITTED}
    for f, fs in state.factions.items():
        if not fs.co_report or f not in slates:
            continue
        share = reports.get(f, 0) / size
        if share < r["co_report_floor"]:
            failed.append(f)
            fs.heat = min(100, fs.heat + r["co_report_heat"])
            slates[f] *= r["co_report_slate_penalty"]
            state.note("congress.co_report_failed", faction=f, share=round(share, 3))
        else:
            fs.prestige = min(20, fs.prestige + 2)
            state.note("congress.co_report_held", faction=f, share=round(share, 3))
    slates[INDEPENDENT] = float(delegates.get(UNCOMMITTED, 0))
    # Only a bloc that holds a majority of the hall draws up the list (and takes the winner's bonus).
    bonus = r["winner_bonus"] if max(slates.values(), default=0.0) * 2 > size else 0.0
    cc = elect_committee(rs, "central_committee", slates, bonus)
    state.blocs["central_committee"] = cc
    state.blocs["control_commission"] = elect_committee(rs, "control_commission", slates, 0.0)
    _soviet_elections(rs, state)
    state.note("congress.held", delegates=dict(delegates), reports=dict(reports), cc=dict(cc))
    for fs in state.factions.values():
        fs.speech = 0
        fs.co_report = False
    return CongressResult(delegates, reports, majority, tuple(failed), cc)


def elect_committee(rs: Ruleset, body: str, slates: dict[str, float], bonus: float) -> dict[str, int]:
    """Seats by slate share; the largest slate takes a winner's bonus off the top."""
    size = rs.bodies[body].seats
    live = {k: v for k, v in slates.items() if v > 0}
    if not live:
        return {INDEPENDENT: size}
    winner = max(live, key=lambda k: (live[k], -list(live).index(k)))
    extra = round(size * bonus) if winner != INDEPENDENT else 0
    seats = largest_remainder(size - extra, live)
    seats[winner] += extra
    return {k: v for k, v in seats.items() if v > 0}


def _soviet_elections(rs: Ruleset, state: GameState) -> None:
    """The Congress of Soviets: the Left SRs win peasant seats; the rest follow the party's blocs."""
    r = rs.rules
    size = rs.bodies["congress_of_soviets"].seats
    sr_share = 0.0
    for f in rs.faction_ids:
        if rs.factions[f].party:
            continue
        rung = rs.ladder_of(f).rungs[state.factions[f].rung]
        if not rung.holds_offices:
            continue
        peasants = int(state.standing[rs.bi["peasantry"], rs.fi[f]])
        sr_share += r["soviet_share_per_standing"] * peasants / 100.0
    sr_share = min(sr_share, 0.6)
    weights: dict[str, float] = {}
    for f in rs.faction_ids:
        if not rs.factions[f].party:
            rung = rs.ladder_of(f).rungs[state.factions[f].rung]
            weights[f] = sr_share if rung.holds_offices else 0.0
    cc = state.blocs.get("central_committee", {})
    cc_size = sum(cc.values()) or 1
    for k, n in cc.items():
        weights[k] = weights.get(k, 0.0) + (1 - sr_share) * n / cc_size
    state.blocs["congress_of_soviets"] = {k: v for k, v in largest_remainder(size, weights).items() if v > 0}


# ---- the plenum that follows: the Committee elects its organs -------------------------------


def candidates(rs: Ruleset, state: GameState, bloc: str, body: str) -> list[str]:
    """Free party people a bloc would seat, incumbents first, then by prominence."""
    ctrl = controllers(rs, state)
    sitting = state.seats.get(body, [])
    eligible_party = set(party_factions(rs, state))
    year = state.start_year + state.turn // 2
    min_age = rs.rules["min_age_high_office"]
    out = []
    for c, cid in enumerate(rs.character_ids):
        if state.status[c] != "free" or year - rs.characters[cid].born < min_age:
            continue
        who = ctrl[c]
        start = rs.characters[cid].faction
        if start is not None and not rs.factions[start].party:
            continue  # Left SRs never sit in party bodies
        if (bloc == INDEPENDENT and who is None) or (who == bloc and bloc in eligible_party):
            out.append(cid)

    def rank(cid: str) -> tuple[Any, ...]:
        d = rs.characters[cid]
        return (cid not in sitting, -(d.organisation + d.oratory + d.intrigue), cid)

    return sorted(out, key=rank)


def elect_organs(rs: Ruleset, state: GameState) -> None:
    """The plenum after a congress. Members are re-elected unless their faction no longer sits in
    the party, or a faction with a supermajority of the new Committee drops those whose bloc fell
    below the floor; the empty seats are then filled from the Committee's blocs."""
    r = rs.rules
    cc = state.blocs.get("central_committee", {})
    size = sum(cc.values()) or 1
    dominant = next((k for k, n in cc.items() if k != INDEPENDENT and n >= size * r["purge_share"]), None)
    eligible = set(party_factions(rs, state))
    ctrl = controllers(rs, state)
    for body in ("politburo", "orgburo"):
        kept = []
        for m in state.seats[body]:
            who = ctrl[rs.ci[m]]
            start = rs.characters[m].faction
            outsider = start is not None and not rs.factions[start].party
            dropped = outsider or (who is not None and who not in eligible)
            if dominant is not None and who not in (dominant, None) and cc.get(who, 0) < size * r["member_floor"]:
                dropped = True
            if dropped:
                state.note("plenum.dropped", body=body, character=m)
            else:
                kept.append(m)
        state.seats[body] = kept
    fill_vacancies(rs, state)
    for body in ("politburo", "orgburo"):
        state.note("plenum.elected", body=body, members=list(state.seats[body]))
    for office in r["cc_elected_offices"]:
        elect_office(rs, state, office)


def elect_office(rs: Ruleset, state: GameState, office: str) -> None:
    """An office the Committee fills: kept by its holder unless another bloc has a majority."""
    cc = state.blocs.get("central_committee", {})
    size = sum(cc.values()) or 1
    factions = [k for k in cc if k != INDEPENDENT]
    majority = next((k for k in factions if cc[k] * 2 > size), None)
    holder = state.offices.get(office)
    ctrl = controllers(rs, state)
    if holder is not None and (majority is None or ctrl[rs.ci[holder]] == majority):
        return
    chooser = majority or max(cc, key=lambda k: (cc[k], k)) if cc else None
    if chooser is None:
        return
    pool = [
        c
        for c in candidates(rs, state, chooser, "secretariat")
        if c not in state.offices.values() and not people.incapacitated(rs, c)
    ]
    if not pool:
        return
    pick = max(pool, key=lambda c: (rs.characters[c].organisation, rs.characters[c].intrigue, c))
    state.offices[office] = pick
    state.note("office.filled", office=office, holder=pick, by="central_committee")


def fill_vacancies(rs: Ruleset, state: GameState) -> None:
    """A plenum between congresses fills empty Politburo and Orgburo seats by the CC's blocs."""
    cc = state.blocs.get("central_committee", {})
    for body in ("politburo", "orgburo"):
        size = rs.bodies[body].seats
        members = state.seats[body]
        ctrl = controllers(rs, state)
        held: dict[str, int] = {k: 0 for k in cc}
        for m in members:
            key = ctrl[rs.ci[m]] or INDEPENDENT
            if key in held:
                held[key] += 1
        pools = {k: candidates_excluding(rs, state, k, body) for k in cc}
        weights = {k: float(n) for k, n in cc.items()}
        new = dhondt(size - len(members), weights, {k: len(v) for k, v in pools.items()}, held)
        for k, n in new.items():
            for pick in pools[k][:n]:
                members.append(pick)
                state.note("plenum.coopted", body=body, character=pick)
    for office in rs.rules["cc_elected_offices"]:
        if state.offices.get(office) is None:
            elect_office(rs, state, office)


def candidates_excluding(rs: Ruleset, state: GameState, bloc: str, body: str) -> list[str]:
    return [c for c in candidates(rs, state, bloc, body) if c not in state.seats[body]]
