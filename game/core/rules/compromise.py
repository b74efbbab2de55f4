"""A compromise figure: Krupskaya (or anyone `compromise: figures` names) as the party's moral authority.

She may hold no office, but a Politburo motion (kind `compromise`) can name her the figure every
faction defers to. While she speaks, the party's debate is freer (inner-party democracy rises, every
party faction sheds heat faster: the majority is not always right) and the Secretariat's grip on the
delegations loosens; her sponsor gains prestige at once and pays her causes influence each turn.
She retreats — as Krupskaya broke with the opposition in 1926-27 — when any one faction grows strong
enough to need no compromise (the apparatus, as in history, or her own sponsor) or her sponsor is censured; the sponsor then loses prestige and the Secretariat gains grip.
She also leaves when she dies or is arrested. The numbers are `compromise:` in rules.yaml.

Her standing is kept in flags: `moral_authority` (the turn she was named), `moral_authority:<figure>:
<sponsor>` (who she is and who put her forward) and, once she has retreated, `moral_authority_retreated`.
"""

from __future__ import annotations

from ..ruleset import Ruleset
from ..state import GameState
from .strength import strengths

FLAG = "moral_authority"
RETREATED = "moral_authority_retreated"


def current(state: GameState) -> tuple[str, str] | None:
    """(figure, sponsor) while a compromise figure speaks, else None."""
    for key in state.flags:
        if key.startswith(FLAG + ":"):
            _, figure, sponsor = key.split(":", 2)
            return figure, sponsor
    return None


def eligible(rs: Ruleset, state: GameState, character: str) -> str | None:
    """Why `character` cannot be named now (not_a_figure | not_free | already | retreated), or None."""
    if character not in rs.rules["compromise"]["figures"] or character not in rs.ci:
        return "not_a_figure"
    if state.status[rs.ci[character]] != "free":
        return "not_free"
    if current(state) is not None:
        return "already"
    if RETREATED in state.flags:
        return "retreated"
    return None


def name_figure(rs: Ruleset, state: GameState, character: str, sponsor: str) -> None:
    """The motion passed: she speaks for the party, at her sponsor's request."""
    c = rs.rules["compromise"]
    state.flags[FLAG] = state.turn
    state.flags[f"{FLAG}:{character}:{sponsor}"] = state.turn
    fs = state.factions[sponsor]
    fs.prestige = min(20, fs.prestige + int(c["sponsor_prestige"]))
    state.note("compromise.named", character=character, sponsor=sponsor)


def turn_passes(rs: Ruleset, state: GameState) -> None:
    """Each turn she speaks: freer debate, a looser grip, her sponsor's upkeep; or her retreat."""
    seated = current(state)
    if seated is None:
        return
    figure, sponsor = seated
    c = rs.rules["compromise"]
    if state.status[rs.ci[figure]] != "free":
        _leave(state, figure, sponsor, "gone")
        return
    weights = strengths(rs, state)
    share = max(weights.values()) / max(1e-9, sum(weights.values()))
    if share >= c["retreat_share"] or state.factions[sponsor].rung >= 1:
        fs = state.factions[sponsor]
        fs.prestige = max(0, fs.prestige - int(c["retreat_prestige"]))
        state.grip = min(100, state.grip + int(c["retreat_grip"]))
        state.flags[RETREATED] = state.turn
        _leave(state, figure, sponsor, "retreated")
        return
    i = rs.ii["party_democracy"]
    state.indicators[i] = round(
        min(rs.indicators["party_democracy"].high, float(state.indicators[i]) + c["democracy"]), 3
    )
    state.grip = max(0, state.grip - int(c["grip_check"]))
    for f in rs.faction_ids:
        if rs.factions[f].party:
            state.factions[f].heat = max(0, state.factions[f].heat - int(c["heat_relief"]))
    fs = state.factions[sponsor]
    fs.influence = max(0, fs.influence - int(c["upkeep"]))


def _leave(state: GameState, figure: str, sponsor: str, why: str) -> None:
    state.flags.pop(FLAG, None)
    state.flags.pop(f"{FLAG}:{figure}:{sponsor}", None)
    state.note("compromise.ended", character=figure, sponsor=sponsor, why=why)
