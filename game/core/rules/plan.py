"""The price scissors and the plan's figures: two couplings of the country model (DESIGN §10).

The scissors (industrial prices over farm prices, 100 = parity) move with policy and prices, not by
themselves: they relax toward the level the policies in force set (the price cuts of 1924, the fixed
grain prices of the procurement campaigns, the forced tempo), opened further when investment
starves light industry of goods and when a big harvest cheapens grain (`country: scissors`).

The plan's figures: under the `statistics` policy the reported industrial output runs above the
real one, by a padding that grows with the tempo (`country: plan_figures`). While it stands, the
triumphs reported lend the regime legitimacy and the planners, working from worse data every year,
misallocate (real growth is lower). Each half-year the gap may be found — likelier the wider it is
and the freer the party's debate — which costs legitimacy at once and sets the flag
`plan_figures_found` for the chronicle event that decides what to do about it. Only factions whose
people hold the offices that see the real books (`who_knows`) see the real output in their view.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..ruleset import Ruleset
from ..state import GameState
from .control import controller, estimates

FOUND_FLAG = "plan_figures_found"


def scissors(rs: Ruleset, state: GameState, policy_target: float) -> None:
    """Relax the scissors toward the policies' level, the goods famine and the harvest's pull."""
    c = rs.rules["country"]
    s = c["scissors"]
    x, ii = state.indicators, rs.ii
    goods = max(0.0, float(x[ii["investment_share"]]) - c["goods_famine_from"]) * s["goods_famine"]
    glut = (float(x[ii["grain_harvest"]]) - c["harvest_base"]) * s["harvest"]
    aim = policy_target + goods + glut
    now = float(x[ii["price_scissors"]])
    x[ii["price_scissors"]] = now + s["rate"] * (aim - now)


def gap(rs: Ruleset, state: GameState) -> float:
    """How far the reported output runs above the real one, as a share of the real."""
    real = float(state.indicators[rs.ii["industrial_output"]])
    return max(0.0, float(state.indicators[rs.ii["reported_output"]]) / max(real, 1.0) - 1.0)


def padding_and_drag(rs: Ruleset, state: GameState, position: Any) -> tuple[float, float, float]:
    """(the gap now, this half-year's padding, the growth lost to misallocation), before industry grows."""
    p = rs.rules["country"]["plan_figures"]
    now = gap(rs, state)
    return now, p["padding"][position("statistics")] * p["tempo"][position("industry")], p["misallocation"] * now


def report(rs: Ruleset, state: GameState, now: float, pad: float) -> None:
    """Set the reported output on the real one, the gap `now` widened by `pad` (or corrected under
    sober figures); the reported triumphs lend legitimacy; roll whether the gap is found."""
    p = rs.rules["country"]["plan_figures"]
    x, ii = state.indicators, rs.ii
    widened = min(p["most"], now + pad) if pad > 0 else now * (1.0 - p["correction"])
    x[ii["reported_output"]] = float(x[ii["industrial_output"]]) * (1.0 + widened)
    x[ii["legitimacy"]] += p["triumph"] * widened
    if widened < p["found_from"] or FOUND_FLAG in state.flags:
        return
    candour = float(x[ii["party_democracy"]]) / 100.0
    chance = min(p["found_most"], p["found_base"] + p["found_per_gap"] * widened + p["found_candour"] * candour)
    if state.rng.random() < chance:
        x[ii["legitimacy"]] -= p["found_legitimacy"] * widened
        state.flags[FOUND_FLAG] = state.turn
        state.note("plan.figures_found", gap=round(100 * widened))


def correct(rs: Ruleset, state: GameState, share: float) -> None:
    """Bring the reported output `share` of the way back to the real one."""
    x, ii = state.indicators, rs.ii
    real = float(x[ii["industrial_output"]])
    x[ii["reported_output"]] = round(
        float(x[ii["reported_output"]]) - share * (float(x[ii["reported_output"]]) - real), 3
    )


def knows_real_figures(rs: Ruleset, state: GameState, faction: str) -> bool:
    """A faction sees the real books when it controls a holder of an office listed in `who_knows`."""
    # On the faction's own view, whom a holder follows is its estimate (public loyalty and its own
    # secret one: all the view holds), which its decision will ask for again.
    known = estimates(rs, state, faction) if state.view_of == faction else None
    for office in rs.rules["country"]["plan_figures"]["who_knows"]:
        holder = state.offices.get(office)
        if holder is None:
            continue
        if (known[rs.ci[holder]] if known is not None else controller(rs, state, holder)) == faction:
            return True
    return False


def mask_figures(rs: Ruleset, view: GameState, faction: str) -> None:
    """In a view of a faction that cannot see the real books, industrial output is what is reported."""
    view.indicators, view.history, _ = seen_figures(rs, view, faction)


def seen_figures(rs: Ruleset, state: GameState, faction: str | None) -> tuple[np.ndarray, list[list[float]], bool]:
    """(indicators, their history, whether masked) as `faction` may know them; anyone who is not a
    faction (the classroom board) sees what is public: the reported figure."""
    if faction in rs.factions and knows_real_figures(rs, state, faction):
        return state.indicators, state.history, False
    real, reported = rs.ii["industrial_output"], rs.ii["reported_output"]
    values = state.indicators.copy()
    values[real] = values[reported]
    # History rows never change once written, so each row's masked form is kept (with the row, whose
    # id then cannot be reused): every view of a game masks the same rows again.
    memo = rs.cache.setdefault("masked_rows", {})
    if len(memo) > MASKED_ROWS_KEPT:
        memo.clear()
    history = []
    for row in state.history:
        kept = memo.get(id(row))
        if kept is None or kept[0] is not row:
            kept = memo[id(row)] = (row, _masked(row, real, reported))
        history.append(kept[1])
    return values, history, True


MASKED_ROWS_KEPT = 4096


def _masked(row: list[float], real: int, reported: int) -> list[float]:
    if row[real] == row[reported]:
        return row
    row = list(row)
    row[real] = row[reported]
    return row
