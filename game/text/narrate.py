"""The trace: a headless game told as a chronicle, one paragraph per half-year."""

from __future__ import annotations

from typing import TextIO

from ..core.calendar import pretty_date, year_of
from ..core.ruleset import Ruleset
from ..core.state import GameState
from .chronicle import Text, death_then
from .names import MINUS, label, number

HEADLINE = (
    "grain_harvest",
    "procurement",
    "industrial_output",
    "collectivisation",
    "repression",
    "famine_deaths",
    "repression_deaths",
)


class Narrator:
    def __init__(self, rs: Ruleset, out: TextIO) -> None:
        self.rs, self.out, self.text = rs, out, Text(rs)
        self.seen = 0

    def turn(self, state: GameState) -> None:
        """Called after each turn: print what happened since the last call. The next half-year has
        already begun (its era): its entries wait for their own paragraph."""
        entries = state.log[self.seen :]
        if state.phase != "over":
            entries = [e for e in entries if e[0] < state.turn]  # the log runs in turn order
        self.seen += len(entries)
        if not entries:
            return
        first_turn = entries[0][0]
        when = self.text.dated
        lines = [s for t, k, p in entries if (s := self.text.entry(k, p, when(state.start_year, t)))]
        print(f"\n== {pretty_date(first_turn, state.start_year)} ==", file=self.out)
        for line in lines:
            print(f"  {line}", file=self.out)
        print("  " + self._numbers(state), file=self.out)

    def _numbers(self, state: GameState) -> str:
        parts = []
        for i in HEADLINE:
            d = self.rs.indicators[i]
            parts.append(f"{d.name.lower()} {state.indicators[self.rs.ii[i]]:.0f}")
        return "[" + "; ".join(parts) + "]"

    def ending(self, state: GameState) -> None:
        for line in epilogue_lines(self.rs, state):
            print(line, file=self.out)


def epilogue_lines(rs: Ruleset, state: GameState) -> list[str]:
    """How the game ended, the scores, and what became of the leaders beside history."""
    t = Text(rs)
    out = [""]
    if state.win_reason == "sole_power":
        out.append(
            f"{label(rs, state.winner)} holds sole power. The game ends in {pretty_date(state.turn, state.start_year)}."
        )
    else:
        who = t.faction(state.winner) if state.winner else "no one"
        out.append(f"The scenario ends. On points the winner is {who}.")
    if state.war_outcome == rs.rules["war_averted"]["outcome"]:
        out.append(
            "June 1941: no German invasion. Hitler, stopped by a united front in 1932-33, never came to power"
            " (alternate history: the war of 1941 as it came needed him)."
        )
    elif state.war_outcome:
        out.append(f"June 1941: {state.war_outcome.replace('_', ' ')}.")
    for f, s in sorted(state.scores.items(), key=lambda kv: -kv[1]["total"]):
        out.append(
            f"  {label(rs, f):<18} {s['total']:7.1f}  (power {s['power']:.1f}, program {s['program']:.1f}, "
            f"survival {s['survival']:.1f}, human cost {penalty(s['human_cost'])})"
        )
    out.append("")
    out.append("What became of them (in this game / in history):")
    for fid in rs.faction_ids:
        for cid in rs.factions[fid].leaders:
            out.append(f"  {t.person(cid)}: {_fate(rs, state, cid)} / {_history(rs, cid)}")
    famine = float(state.indicators[rs.ii["famine_deaths"]])
    terror = float(state.indicators[rs.ii["repression_deaths"]])
    out.append(f"  Famine deaths: {famine:,.0f} thousand (in history, 1931-33: about 5,000-7,000 thousand).")
    out.append(
        f"  Killed by repression: {terror:,.0f} thousand (in history, 1937-38 alone: about 680-720 thousand shot)."
    )
    return out


def penalty(points: float) -> str:
    """A score's deduction: '−3.2', or '0' when there is none (never '-0.0')."""
    return f"{MINUS}{number(points)}" if round(points, 1) > 0 else "0"


def _fate(rs: Ruleset, state: GameState, cid: str) -> str:
    status = state.status[rs.ci[cid]]
    if status == "dead":
        death = next((d for d in state.deaths if d[0] == cid), None)
        if death:
            return f"{death_then(death[2])} in {year_of(death[1], state.start_year)}"
    return {"free": "alive and free", "exiled": "in exile", "arrested": "under arrest"}.get(status, status)


def _history(rs: Ruleset, cid: str) -> str:
    d = rs.characters[cid]
    if d.died_turn is None:
        return "unknown"
    return f"{death_then(d.died_cause)} in {d.died_turn // 2}"
