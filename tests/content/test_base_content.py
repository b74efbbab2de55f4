"""The base game carries enough history to be worth playing many times (issue 3, item 7)."""

from __future__ import annotations

import re

import pytest

PLAYABLE = ("bukharin", "trotsky", "zinoviev_kamenev", "left_sr")


def test_enough_people_with_their_stories(rs):
    assert len(rs.characters) >= 45
    for cid, person in rs.characters.items():
        assert len(person.bio) > 80 and len(person.history) > 80, cid
        assert person.sources, cid
        if person.faction == "left_sr":
            assert person.alternate, f"{cid}: the surviving Left SRs are alternate history"


def test_enough_events_each_with_real_choices_and_a_history_note(rs):
    assert len(rs.events) >= 40
    years = {ev.first_turn // 2 for ev in rs.events.values()}
    assert {1924, 1927, 1930, 1934, 1937, 1941} <= years, sorted(years)
    for eid, ev in rs.events.items():
        assert len(ev.choices) >= 2, eid
        assert all(c.effects for c in ev.choices), f"{eid}: a choice without effects is not a choice"
        assert len(ev.history) > 120 and ev.sources, eid


def test_enough_cards_in_every_era_and_for_every_faction(rs):
    assert len(rs.cards) >= 60
    for era in (1, 2, 3):
        assert sum(1 for c in rs.cards.values() if c.era == era) >= 12
    for faction in (*PLAYABLE, "stalin"):
        assert sum(1 for c in rs.cards.values() if c.faction == faction) >= 8, faction
    for cid, card in rs.cards.items():
        assert card.history and card.sources, cid


def test_the_major_events_ask_questions(rs):
    asking = [e for e in rs.events.values() if e.discussion_questions]
    assert len(asking) >= 12
    for eid in ("lenins_testament", "famine_1932_33", "order_00447"):
        assert rs.events[eid].discussion_questions, eid


TAGS = {
    "famine": (re.compile(r"\bfamine\b|\bstarv(ed|ing|ation)\b", re.I), ("famine",)),
    "execution": (re.compile(r"\bexecut(ed|ion|ions)\b|\bshot\b|firing squad", re.I), ("execution", "violence")),
}


@pytest.mark.parametrize("tag", sorted(TAGS))
def test_content_tags_mark_famine_and_execution_in_what_players_see(rs, tag):
    """A teacher can summarise tagged cards: text a player reads must carry the tag."""
    pattern, accepted = TAGS[tag]
    missing = [
        i
        for i, item in [*rs.events.items(), *rs.cards.items()]
        if pattern.search(item.text) and not set(accepted) & set(item.content_tags)
    ]
    assert not missing, f"{tag} appears in the text of {missing} without content_tags: [{tag}]"


def test_enough_glossary_terms(rs):
    assert len(rs.glossary) >= 40
    for gid, term in rs.glossary.items():
        assert len(term.text) > 60 and term.sources, gid


def test_both_scenarios_and_all_the_bodies(rs):
    assert {"succession", "scissors"} <= set(rs.scenarios)
    assert rs.scenarios["succession"].turns == 35
    assert 10 <= rs.scenarios["scissors"].turns <= 12
    for body in (
        "congress",
        "central_committee",
        "politburo",
        "orgburo",
        "secretariat",
        "control_commission",
        "sovnarkom",
        "ogpu",
        "congress_of_soviets",
        "comintern",
    ):
        assert body in rs.bodies
    assert len(rs.regions) >= 12


def test_traits_carry_their_modifiers(rs):
    """A misplaced quote once swallowed every modifier into the text; the rules must see them."""
    assert rs.traits["orator"].oratory == 2
    assert rs.traits["ailing"].hazard > 0
    assert rs.traits["ambitious"].lobby_rate > 1 and rs.traits["cautious"].lobby_rate < 1
