"""Content that must read right in "Lenin Lives": the Lenin Enrolment was the party's mourning for
Lenin, so the apparatus cannot call it while he is alive - only after his death."""

from __future__ import annotations

from game.core import actions as A
from game.core.actions.specials import check_special
from game.core.engine import new_game
from game.text.reasons import why_not


def _ready(rs, scenario: str):
    state = new_game(rs, scenario, 1)
    fs = state.factions["stalin"]
    fs.ap, fs.influence = 3, 20  # the price is not what is tested
    return state


def test_the_lenin_enrolment_waits_for_lenins_death(rs):
    enrolment = A.Special("stalin", "lenin_enrolment")
    state = _ready(rs, "lenin_lives")
    assert state.status[rs.ci["lenin"]] != "dead"
    reason = check_special(rs, state, enrolment)
    assert reason is not None and reason.key == "special.not_now"
    assert why_not(rs, reason) == "'The Lenin Enrolment' can be used only when Vladimir Lenin is dead."
    state.status[rs.ci["lenin"]] = "dead"
    assert check_special(rs, state, enrolment) is None
    assert check_special(rs, _ready(rs, "succession"), enrolment) is None  # he died in January 1924


def test_cards_and_events_that_mourn_or_quote_the_dead_lenin_wait_for_his_death(rs):
    from game.core.conditions import Ctx, holds

    alive, dead = _ready(rs, "lenin_lives"), _ready(rs, "succession")
    for card in ("foundations_of_leninism", "krupskaya_speaks", "lenins_political_testament"):
        clauses = rs.cards[card].conditions
        owner = rs.cards[card].faction
        assert not holds(rs, alive, clauses, Ctx(owner, owner, owner)), card
        assert holds(rs, dead, clauses, Ctx(owner, owner, owner)), card
    for event in ("trotsky_at_thirteenth_congress", "eastman_affair", "lenin_enrolment"):
        assert ("dead", "lenin") in rs.events[event].conditions, event
