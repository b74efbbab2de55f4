"""The standing track in words: how close each faction is to sole power, as far as the viewer can
know, and the running score with its parts (for the top bar and its tooltips)."""

from __future__ import annotations

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


def top_bar(rs: Ruleset, view: GameState, viewer: str) -> tuple[str, str]:
    """('Score 52', 'Sole power 2/4') for the viewer."""
    row = standing(rs, view)[viewer]
    return f"Score {row['score']['total']:.0f}", f"Sole power {row['met']}/4"


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
        held = [SHORT[c] for c in CONDITIONS if row["conditions"][c]]
        streak = f"; all four for {row['held']} of {need} turns" if row["held"] else ""
        lines.append(f"{label(rs, f)}: {row['met']}/4" + (f" ({', '.join(held)})" if held else "") + streak)
    return lines


def score_lines(rs: Ruleset, view: GameState, viewer: str) -> list[str]:
    table = standing(rs, view)
    lines = ["The score if the game ended now: power + program + survival - human cost."]
    ranked = sorted(table, key=lambda f: -table[f]["score"]["total"])
    for f in ranked:
        s = table[f]["score"]
        lines.append(
            f"{label(rs, f)}: {s['total']:.1f} = power {s['power']:.1f} + program {s['program']:.1f}"
            f" + survival {s['survival']:.1f} - human cost {s['human_cost']:.1f}"
        )
    lines.append("Power: your share of the apparatus each turn. Program: your agenda met, times credibility.")
    return lines
