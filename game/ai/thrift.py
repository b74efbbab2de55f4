"""What a bot's influence is worth, so the standard AI wastes none of it (issue 12).

Influence kept is worth less the nearer next turn's income takes it to the cap, and nothing beyond
it; a rival's card is cashed only when its influence helps us more than its event - which fires for
the rival - helps him; a co-report is made only if the delegates in the hall can carry it, and an
office the Central Committee elects is struck at only if the next Committee would not give it back.
"""

from __future__ import annotations

from ..core.conditions import Ctx
from ..core.flow import congress_due
from ..core.rules.apportion import largest_remainder
from ..core.rules.cards import event_ready
from ..core.rules.congress import INDEPENDENT, UNCOMMITTED, elect_committee, hall
from ..core.rules.motions import plenum_chance
from ..core.ruleset import Ruleset
from ..core.state import GameState, Motion
from .evaluate import effects_value


def next_income(rs: Ruleset, view: GameState, faction: str, owners: dict[str, str | None]) -> int:
    """Next turn's income as the faction sees it now (the flow's income step, from its estimates)."""
    r = rs.rules
    if view.factions[faction].exiled:
        return 1
    gain = r["base_income"]
    for office, holder in view.offices.items():
        if holder is not None and owners.get(holder) == faction:
            gain += rs.offices[office].income
    fi = rs.fi[faction]
    tops, ours = view.standing.argmax(axis=1).tolist(), view.standing[:, fi].tolist()
    for base_id, base in rs.bases.items():
        b = rs.bi[base_id]
        if tops[b] == fi and ours[b] >= r["base_income_standing"]:
            gain += base.income
    return gain


def scarcity(rs: Ruleset, influence: int, income: int) -> float:
    """1 when the faction has nothing, 0 when next turn's income would take it to the cap."""
    return max(0.0, 1.0 - (influence + income) / rs.rules["max_influence"])


def rival_cards_worth_cashing(rs: Ruleset, view: GameState, faction: str, worth: float) -> list[tuple[float, str]]:
    """(what the rival gains from the event, card) for each rival card in the hand worth cashing:
    its influence, at `worth` a point (see `scarcity`), beats what its event does for the rival.
    A hand full of rivals' cards must make room: its least harmful card is cashed regardless."""
    hand = view.factions[faction].hand
    rivals: list[tuple[float, str]] = []
    for card_id in hand:
        card = rs.cards[card_id]
        if card.faction in (None, faction):
            continue
        gain = 0.0  # an event whose conditions fail fires nothing
        if event_ready(rs, view, card_id, faction):
            gain = effects_value(rs, view, card.faction, card.effects, Ctx(card.faction, faction, card.faction))
        rivals.append((gain, card_id))
    rivals.sort()
    clogged = len(rivals) >= rs.rules["hand_size"]
    return [(g, c) for i, (g, c) in enumerate(rivals) if g < rs.cards[c].value * worth or (clogged and i == 0)]


def co_report_holds(rs: Ruleset, view: GameState, faction: str) -> bool:
    """The hall as the delegates stand (the uncommitted swayed by the speeches made so far):
    would our own delegates carry a co-report over the floor below which it fails?"""
    delegates = hall(rs, view)
    return delegates.get(faction, 0) >= sum(delegates.values()) * rs.rules["co_report_floor"]


def committee_majority(rs: Ruleset, view: GameState) -> str | None:
    """The bloc that would hold a majority of the Central Committee a congress elects from the hall
    (slates and the winner's bonus): after a congress, the new Committee gives the offices it elects
    back to its majority. Speeches are still to come, so the uncommitted delegates are expected to
    split in proportion to the blocs' delegates."""
    delegates = hall(rs, view)
    blocs = {f: float(n) for f, n in delegates.items() if f != UNCOMMITTED and n > 0}
    slates = {f: float(n) for f, n in delegates.items() if f != UNCOMMITTED}
    if blocs:
        for f, n in largest_remainder(delegates.get(UNCOMMITTED, 0), blocs).items():
            slates[f] += n
    cc = elect_committee(rs, "central_committee", slates, rs.rules["winner_bonus"])
    size = sum(cc.values()) or 1
    return next((k for k, n in cc.items() if k != INDEPENDENT and n * 2 > size), None)


def congress_next(rs: Ruleset, view: GameState) -> bool:
    """A congress meets next turn (scheduled or convened)."""
    turn = view.turn + 1
    return turn in rs.scenarios[view.scenario].congresses or [turn, "congress"] in view.convene


def removal_sticks(rs: Ruleset, view: GameState, removal: Motion, hegemon: str) -> float:
    """The chance that removing a Committee-elected officer sticks: the joint plenum of the Central
    Committee and the Control Commission carries it (the Politburo only sends it on), and no congress
    this turn or next elects a Committee whose majority hands the office straight back."""
    if (congress_due(rs, view) or congress_next(rs, view)) and committee_majority(rs, view) == hegemon:
        return 0.0
    return plenum_chance(rs, view, removal)
