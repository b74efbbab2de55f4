"""Heat and the discipline ladder (DESIGN §9).

Open factional acts raise a faction's heat. In the discipline phase, whoever controls the Central
Control Commission (or else a Politburo majority) moves a faction whose heat is over the threshold
one rung down its ladder: legal, censured, removed from posts, expelled, exiled, arrested,
executed (the Left SRs have their own ladder for their party's legal status). Each rung's effects
are data. A faction climbs back by recanting and being readmitted by a Politburo motion.
"""

from __future__ import annotations

from ..ruleset import Ruleset
from ..state import GameState
from . import people
from .control import controller, controllers


def move_rung(rs: Ruleset, state: GameState, faction: str, move: int) -> None:
    fs = state.factions[faction]
    ladder = rs.ladder_of(faction)
    new = max(0, min(len(ladder.rungs) - 1, fs.rung + move))
    if new == fs.rung:
        return
    old, fs.rung = fs.rung, new
    rung = ladder.rungs[new]
    state.note("discipline.rung", faction=faction, rung=rung.id, up=new < old)
    if new > old:
        _enter_rung(rs, state, faction)


def _enter_rung(rs: Ruleset, state: GameState, faction: str) -> None:
    rung = rs.ladder_of(faction).rungs[state.factions[faction].rung]
    fdef = rs.factions[faction]
    if not rung.holds_offices:
        ctrl = controllers(rs, state)
        for c, cid in enumerate(rs.character_ids):
            if ctrl[c] == faction and state.status[c] == "free":
                lost = people.strip_posts(state, cid)
                if lost:
                    state.note("discipline.stripped", character=cid, lost=lost)
    if not rung.party_member and fdef.party:
        for body in ("central_committee", "control_commission"):
            blocs = state.blocs.get(body)
            if blocs and blocs.get(faction):
                blocs["independent"] = blocs.get("independent", 0) + blocs[faction]
                blocs[faction] = 0
        for region, sec in state.secretaries.items():
            if sec == faction:
                state.secretaries[region] = None
    if rung.leaders != "free":
        for leader in fdef.leaders:
            people.set_fate(rs, state, leader, rung.leaders, cause="executed" if rung.leaders == "dead" else "")
    update_exile(rs, state, faction)


def update_exile(rs: Ruleset, state: GameState, faction: str) -> None:
    """A faction whose leaders are all gone plays on as the exiled opposition."""
    leaders = rs.factions[faction].leaders
    gone = all(state.status[rs.ci[c]] != "free" for c in leaders) if leaders else False
    fs = state.factions[faction]
    if gone and not fs.exiled:
        fs.exiled = True
        state.note("faction.exiled", faction=faction)


def enforcer(rs: Ruleset, state: GameState) -> str | None:
    """Who wields party discipline: the CCC chair's master, else a Politburo majority."""
    chair = state.offices.get(rs.rules["discipline_office"])
    if chair is not None:
        boss = controller(rs, state, chair)
        if boss is not None:
            return boss
    seated = state.seats.get("politburo", [])
    counts: dict[str, int] = {}
    for m in seated:
        who = controller(rs, state, m)
        if who is not None:
            counts[who] = counts.get(who, 0) + 1
    for who, n in counts.items():
        if n * 2 > len(seated):
            return who
    return None


def discipline_phase(rs: Ruleset, state: GameState) -> None:
    r = rs.rules
    judge = enforcer(rs, state)
    for faction, fs in state.factions.items():
        if judge is not None and faction != judge and fs.heat >= r["discipline_heat"]:
            state.note("discipline.struck", faction=faction, judge=judge, heat=fs.heat)
            move_rung(rs, state, faction, 1)
            fs.heat = max(0, fs.heat - r["discipline_relief"])
        else:
            fs.heat = max(0, fs.heat - r["heat_decay"])


def recant(state: GameState, faction: str, credibility_cost: int) -> None:
    fs = state.factions[faction]
    fs.heat //= 2
    fs.credibility = max(0, fs.credibility - credibility_cost)
