"""The standing track in words: how close each faction is to sole power, as far as the viewer can
know, and the running score with its parts - for the top bar and its tooltips, and for the table
of every faction in the Faction tab (`track`), each row explained on hover."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.rules.standing import CONDITIONS, standing
from ..core.ruleset import Ruleset
from ..core.state import GameState
from ..text.names import label

SHORT = {
    "general_secretary": "General Secretary",
    "politburo": "Politburo majority",
    "police": "the police",
    "central_committee": "Central Committee majority",
}

# The track's column headings, narrow enough for the side panel; the hover says them in full.
COLUMNS = {
    "general_secretary": "Gen. Sec.",
    "politburo": "Politburo",
    "police": "Police",
    "central_committee": "CC",
}


@dataclass(frozen=True, slots=True)
class TrackRow:
    faction: str
    met: tuple[bool, ...]  # one per condition, in CONDITIONS' order
    held: int  # turns in a row it has held all four
    needed: int
    score: float
    tip: tuple[str, ...]


def top_bar(rs: Ruleset, view: GameState, viewer: str) -> tuple[str, str]:
    """('Score 52', 'Sole power 2/4') for the viewer; a faction outside the party counts its own route."""
    row = standing(rs, view)[viewer]
    met, of = (sum(row["soviet"].values()), len(row["soviet"])) if row["soviet"] else (row["met"], 4)
    return f"Score {row['score']['total']:.0f}", f"Sole power {met}/{of}"


def soviet_words(rs: Ruleset, faction: str, condition: str) -> str:
    """A condition of the Soviet route in words."""
    if condition == "soviets":
        return "a majority of the Congress of Soviets"
    if condition == "partner":
        rungs = rs.rules["soviet_route"]["rungs"]
        names = [r.name for r in rs.ladder_of(faction).rungs if r.id in rungs]
        return f"standing as {' or '.join(names)}"
    return f"the lead of the {rs.bases[condition.removeprefix('lead_')].name.lower()}"


def soviet_lines(rs: Ruleset, faction: str, met: dict[str, bool], held: int, need: int) -> list[str]:
    """The Soviet route's conditions a faction outside the party holds and lacks."""
    has = [soviet_words(rs, faction, c) for c, ok in met.items() if ok]
    lacks = [soviet_words(rs, faction, c) for c, ok in met.items() if not ok]
    return [
        f"Outside the party, its road to sole power is the Soviet route: all {len(met)} for {need} turns in a row.",
        f"Holds: {'; '.join(has)}." if has else "Holds none of them.",
        f"Lacks: {'; '.join(lacks)}." if lacks else f"Holds all {len(met)}; held for {held} of {need} turns.",
    ]


def power_lines(rs: Ruleset, view: GameState, viewer: str) -> list[str]:
    table = standing(rs, view)
    need = table[viewer]["needed"]
    lines = [
        f"Sole power: hold all four for {need} turns in a row and the game is yours.",
        "As far as you can know (rivals' secret holds are hidden):",
    ]
    for f, row in table.items():
        if view.factions[f].exiled:
            continue
        streak = f"; all for {row['held']} of {need} turns" if row["held"] else ""
        if row["soviet"]:
            has = [soviet_words(rs, f, c) for c, ok in row["soviet"].items() if ok]
            count = f"{len(has)}/{len(row['soviet'])} on the Soviet route"
            lines.append(f"{label(rs, f)}: {count}" + (f" ({'; '.join(has)})" if has else "") + streak)
            continue
        held = [SHORT[c] for c in CONDITIONS if row["conditions"][c]]
        lines.append(f"{label(rs, f)}: {row['met']}/4" + (f" ({', '.join(held)})" if held else "") + streak)
    return lines


def score_lines(rs: Ruleset, view: GameState, viewer: str) -> list[str]:
    table = standing(rs, view)
    lines = ["The score if the game ended now: power + program + survival - human cost."]
    ranked = sorted(table, key=lambda f: -table[f]["score"]["total"])
    lines += [f"{label(rs, f)}: {score_sum(table[f]['score'])}" for f in ranked]
    lines.append(PARTS)
    return lines


PARTS = "Power: your share of the apparatus each turn. Program: your agenda met, times credibility."


def score_sum(s: dict) -> str:
    """'52.0 = power 20.1 + program 25.0 + survival 10.0 - human cost 3.1'"""
    return (
        f"{s['total']:.1f} = power {s['power']:.1f} + program {s['program']:.1f}"
        f" + survival {s['survival']:.1f} - human cost {s['human_cost']:.1f}"
    )


def track(rs: Ruleset, view: GameState, viewer: str) -> list[TrackRow]:
    """The Faction tab's table: for each faction still in the game, the four conditions as the
    viewer can know them, the turns it has held them all, its running score, and a hover text."""
    table = standing(rs, view)
    rows = []
    for f, row in table.items():
        if view.factions[f].exiled:
            continue
        held = [SHORT[c] for c in CONDITIONS if row["conditions"][c]]
        lacks = [SHORT[c] for c in CONDITIONS if not row["conditions"][c]]
        you = " (you)" if f == viewer else ""
        head = [
            f"{label(rs, f)}{you}: score {row['score']['total']:.1f} if the game ended now",
            "= " + score_sum(row["score"]).split(" = ", 1)[1],
        ]
        if row["soviet"]:
            route = soviet_lines(rs, f, row["soviet"], row["held"], row["needed"])
        else:
            route = [
                f"Holds: {', '.join(held)}." if held else "Holds none of the four conditions of sole power.",
                f"Lacks: {', '.join(lacks)}." if lacks else "Holds all four conditions of sole power.",
                f"All four held for {row['held']} of the {row['needed']} turns in a row needed for sole power.",
            ]
        tail = ["As far as you can know: rivals' secret holds on members are hidden." if f != viewer else PARTS]
        tip = head + route + tail
        rows.append(
            TrackRow(
                f,
                tuple(row["conditions"][c] for c in CONDITIONS),
                row["held"],
                row["needed"],
                float(row["score"]["total"]),
                tuple(tip),
            )
        )
    return rows
