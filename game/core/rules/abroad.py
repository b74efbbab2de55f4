"""The foreign line's outcomes abroad: the Comintern's junctures, won or lost (DESIGN §10).

At each juncture of `abroad: junctures` in rules.yaml (Britain 1926, China 1927, Germany 1932-33,
France 1936, Spain 1938) the foreign parties win or lose, rolled once the half-year's chronicle
choices are made (a choice such as the British strike funds comes before its outcome), with a
chance set by Comintern strength and the foreign line in force. A win strengthens
the Comintern and its record, but under an activist line it brings a red-scare backlash abroad
(international tension that fades over some turns); a loss weakens both. Each outcome sets a flag,
`abroad_<juncture>_won` or `abroad_<juncture>_lost`, that chronicle events read (the historical
events fire on a loss; an alternate-history event on a win), and the record is the cumulative
indicator `comintern_record`.
"""

from __future__ import annotations

from ..calendar import half_year, now
from ..ruleset import Ruleset
from ..state import GameState


def junctures(rs: Ruleset, state: GameState) -> None:
    """Roll every juncture that falls in this half-year."""
    a = rs.rules["abroad"]
    today = now(state)
    x, ii = state.indicators, rs.ii
    line = rs.axes["foreign"].positions[state.policies["foreign"]].id
    for j in a["junctures"]:
        if half_year(j["at"]) != today:
            continue
        strength = float(x[ii["comintern_strength"]])
        chance = min(0.95, max(0.0, j["base"] + j["per_strength"] * strength + j["line"].get(line, 0.0)))
        won = state.rng.random() < chance
        _add(rs, state, "comintern_record", 1.0 if won else -1.0)
        _add(rs, state, "comintern_strength", a["won_strength"] if won else -a["lost_strength"])
        state.flags[f"abroad_{j['id']}_{'won' if won else 'lost'}"] = state.turn
        state.note("abroad.outcome", juncture=j["id"], won=won, chance=round(chance, 3))
        if won:
            backlash = j["backlash"] * a["red_scare"][line]
            if backlash > 0:
                turns = int(a["backlash_turns"])
                state.fading.append(["international_tension", round(backlash / turns, 4), turns])
                state.note("abroad.backlash", juncture=j["id"], tension=round(backlash, 1), turns=turns)


def _add(rs: Ruleset, state: GameState, indicator: str, amount: float) -> None:
    d = rs.indicators[indicator]
    i = rs.ii[indicator]
    state.indicators[i] = round(min(d.high, max(d.low, float(state.indicators[i]) + amount)), 3)
