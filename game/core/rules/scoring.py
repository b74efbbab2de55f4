"""Winning (DESIGN §13): sole power, and scores at the scenario's end.

Sole power: one faction controls the General Secretary, a Politburo majority, the secret police
and a Central Committee majority for several consecutive turns; the game ends at once. Otherwise
each faction accrues power (its weight in the apparatus) and program (its agenda met, scaled by
its credibility) every turn; at the end it adds survival (its leaders alive and free) and every
faction loses the same human cost (famine and repression deaths). A faction file may scale its
power and program scores: the factions start from very different positions, and the score counts
what each achieved beyond where it started (`scoring.start_discount` of its starting power share and
program is taken off), and its program counts as far as it kept its say (`scoring.program_say`), so a
faction that sits still loses most of it.

Sole power has a second route for a faction outside the party (the Left SRs): the Soviet route
(`soviet_route` in the rules) - a majority of the Congress of Soviets and the lead of the village
(the constituencies named there) while it is still the government's partner, for the same
consecutive turns.
"""

from __future__ import annotations

import numpy as np

from ..ruleset import Ruleset
from ..state import GameState
from .control import controllers
from .strength import strengths


def sole_power_holder(rs: Ruleset, state: GameState) -> str | None:
    return _party_power(rs, state) or soviet_power(rs, state)


def _party_power(rs: Ruleset, state: GameState) -> str | None:
    ctrl = dict(zip(rs.character_ids, controllers(rs, state)))
    gen_sec = state.offices.get("general_secretary")
    police = state.offices.get(rs.rules["police_office"])
    if gen_sec is None or police is None:
        return None
    who = ctrl[gen_sec]
    if who is None or ctrl[police] != who:
        return None
    seated = state.seats.get("politburo", [])
    if sum(1 for m in seated if ctrl[m] == who) * 2 <= rs.bodies["politburo"].seats:
        return None
    cc = state.blocs.get("central_committee", {})
    if cc.get(who, 0) * 2 <= sum(cc.values()):
        return None
    return who


def soviet_power(rs: Ruleset, state: GameState) -> str | None:
    """The Soviet route: a faction outside the party holding more than `share` of the Congress of
    Soviets, on one of `rungs` of its ladder, and leading each of `bases` (top standing, at least
    `base_income_standing`). "All power to the soviets", taken back from the party."""
    return next((f for f, met in soviet_conditions(rs, state).items() if all(met.values())), None)


def soviet_conditions(rs: Ruleset, state: GameState) -> dict[str, dict[str, bool]]:
    """For each faction outside the party, which conditions of the Soviet route it meets: `soviets`
    (the congress majority), `lead_<base>` for each base it must lead, `partner` (its rung)."""
    route = rs.rules.get("soviet_route")
    if not route:
        return {}
    soviets = state.blocs.get("congress_of_soviets", {})
    total = sum(soviets.values())
    floor = rs.rules["base_income_standing"]
    out = {}
    for f in rs.faction_ids:
        if rs.factions[f].party:
            continue
        fi = rs.fi[f]
        met = {"soviets": bool(total) and soviets.get(f, 0) > total * route["share"]}
        for b in route["bases"]:
            row = state.standing[rs.bi[b]]
            met[f"lead_{b}"] = int(row[fi]) >= floor and int(row[fi]) == int(row.max())
        met["partner"] = rs.ladder_of(f).rungs[state.factions[f].rung].id in route["rungs"]
        out[f] = met
    return out


def note_start(rs: Ruleset, state: GameState) -> None:
    """Remember where each faction stands when the game begins: its score is what it adds."""
    power = power_shares(rs, state)
    for f, fs in state.factions.items():
        fs.start_power = round(power[f], 4)
        fs.start_program = round(program_rate(rs, state, f, power[f]), 4)


def check_sole_power(rs: Ruleset, state: GameState) -> str | None:
    holder = sole_power_holder(rs, state)
    for f in rs.faction_ids:
        state.streak[f] = state.streak.get(f, 0) + 1 if f == holder else 0
    if holder is not None and state.streak[holder] >= rs.rules["sole_power_turns"]:
        return holder
    return None


def program_now(rs: Ruleset, state: GameState, faction: str) -> float:
    """How far the country is where this faction wants it, 0-1 weighted by its agenda."""
    fdef = rs.factions[faction]
    got = total = 0.0
    for item in fdef.agenda_policies:
        span = max(1, len(rs.axes[item.axis].positions) - 1)
        got += item.weight * (1.0 - abs(state.policies[item.axis] - item.target) / span)
        total += item.weight
    for goal in fdef.agenda_indicators:
        value = float(state.indicators[rs.ii[goal.indicator]])
        ok = (goal.above is None or value > goal.above) and (goal.below is None or value < goal.below)
        got += goal.weight * (1.0 if ok else 0.0)
        total += goal.weight
    return got / total if total else 0.0


def power_shares(rs: Ruleset, state: GameState, shares: np.ndarray | None = None) -> dict[str, float]:
    """Each faction's share of all strength this turn, counting the constituencies it leads (the
    unions, the peasants, the press) beside its offices; `shares` as in `strengths`."""
    weights = strengths(rs, state, shares)
    lead = rs.rules["scoring"]["base_lead"]
    for b in range(len(rs.base_ids)):
        row = state.standing[b]
        top = int(row.argmax())
        if int(row[top]) >= rs.rules["base_income_standing"]:
            weights[rs.faction_ids[top]] += lead
    total = sum(weights.values()) or 1.0
    return {f: weights[f] / total for f in weights}


def program_rate(rs: Ruleset, state: GameState, faction: str, share: float | None = None) -> float:
    """The program score a faction accrues this turn: its agenda met, scaled by its credibility and
    by its say - its power share against the one it started with (at most 1, raised to
    `scoring.program_say`): a program others carry out while the faction lost its place in the
    leadership is not its achievement. `share`: its power share this turn, if known."""
    rate = program_now(rs, state, faction) * state.factions[faction].credibility / 100.0
    say = rs.rules["scoring"].get("program_say", 0.0)
    start = state.factions[faction].start_power
    if say and start > 0:  # (saves from before the start was kept: no say)
        share = power_shares(rs, state)[faction] if share is None else share
        rate *= min(1.0, share / start) ** say
    return rate


def accrue(rs: Ruleset, state: GameState) -> None:
    """Each turn: power is the faction's share of all strength, program its agenda met."""
    power = power_shares(rs, state)
    for f, fs in state.factions.items():
        fs.power = round(fs.power + power[f], 4)
        fs.program = round(fs.program + program_rate(rs, state, f, power[f]), 4)


def final_scores(
    rs: Ruleset, state: GameState, turns: int | None = None, sole: str | None = None
) -> dict[str, dict[str, float]]:
    """Each faction's score: its power and program averaged over the `turns` accrued (default: the
    turns played before this one; the game's end counts this one too), less where it started. With
    none accrued yet, today's rates stand for the average: where it stands now. `sole`: the faction
    that took sole power, ending the game early: the scenario's remaining turns count as its - all
    the power and its program carried out - and as nothing for the rest, who lost their say (a
    faction that let a rival take the country in 1928 did not hold its place until 1941)."""
    s = rs.rules["scoring"]
    turns = state.turn if turns is None else turns
    now = power_shares(rs, state) if turns <= 0 else {}
    left = max(0, state.last_turn + 1 - turns) if sole is not None and turns > 0 else 0
    deaths = float(state.indicators[rs.ii["famine_deaths"]] + state.indicators[rs.ii["repression_deaths"]])
    human_cost = round(deaths / 1000.0 * s["human_cost_per_million"], 3)
    out: dict[str, dict[str, float]] = {}
    scenario = rs.scenarios[state.scenario]
    preset = scenario.preset(state.preset)
    for f, fs in state.factions.items():
        leaders = rs.factions[f].leaders
        free = sum(1 for c in leaders if state.status[rs.ci[c]] == "free")
        survival = s["survival"] * (free / len(leaders) if leaders else 1.0)
        scale = rs.factions[f].score_scale
        extra = dict(scenario.score_scale.get(f, {}))  # the scenario's own balance...
        for k, v in (preset.score_scale.get(f, {}) if preset else {}).items():
            extra[k] = extra.get(k, 1.0) * v  # ...and a short preset's on top
        kept = s.get("start_discount", 0.0)  # where it started is not an achievement
        if turns <= 0:
            power_avg, program_avg = now[f], program_rate(rs, state, f, now[f])
        else:
            held = left if f == sole else 0
            power_avg = (fs.power + held) / (turns + left)
            program_avg = (fs.program + held * program_rate(rs, state, f, 1.0)) / (turns + left)
        power_gained = power_avg - kept * fs.start_power
        program_gained = program_avg - kept * fs.start_program
        power = s["power"] * scale.get("power", 1.0) * extra.get("power", 1.0) * power_gained
        program = s["program"] * scale.get("program", 1.0) * extra.get("program", 1.0) * program_gained
        total = round(power + program + survival - human_cost, 3)
        out[f] = {
            "power": round(power, 3),
            "program": round(program, 3),
            "survival": round(survival, 3),
            "human_cost": human_cost,
            "total": total,
        }
    return out
