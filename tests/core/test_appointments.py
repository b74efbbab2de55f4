"""Appointments through the engine: regional secretaries, confirmed offices, and a pure `apply`."""

from __future__ import annotations

import pytest

from game.core import actions as A
from game.core.engine import apply, legal_actions, whose_move
from game.core.legality import Reason, check
from game.core.rules.motions import carry_out
from game.core.state import Motion, state_hash
from game.text.reasons import reason_text

REGION = "ukraine"  # no secretary at the start


def at_move(state, faction):
    """A clone of the state with `faction` to move."""
    s = state.clone()
    s.acting = s.order.index(faction)
    assert s.acting_faction == faction
    return s


def appointments_in(actions):
    return [a for a in actions if isinstance(a, A.AppointSecretary)]


def test_the_fixture_is_at_the_first_intrigue_move(rs, intrigue_state):
    s = intrigue_state
    assert s.phase == "intrigue"
    assert s.order[-1] == "stalin"  # the apparatus acts last
    assert whose_move(rs, s) == s.order[0] != "stalin"
    assert s.offices["general_secretary"] == "stalin"
    assert s.secretaries[REGION] is None


def test_only_the_general_secretarys_faction_may_appoint(rs, intrigue_state):
    for faction in intrigue_state.order:
        s = at_move(intrigue_state, faction)
        action = A.AppointSecretary(faction, REGION)
        reason = check(rs, s, action)
        if faction == "stalin":
            assert reason is None
            assert action in legal_actions(rs, s, faction)
        else:
            assert isinstance(reason, Reason), faction
            assert reason.key == "appoint.not_secretariat"
            assert reason_text(rs, reason).strip(), "a refusal must say why"
            assert appointments_in(legal_actions(rs, s, faction)) == []
            result = apply(rs, s, action)
            assert not result.ok and result.reason == reason
            assert result.state is s and result.events == ()


def test_the_secretariat_may_name_any_region_not_already_its_own(rs, intrigue_state):
    s = at_move(intrigue_state, "stalin")
    offered = {a.region for a in appointments_in(legal_actions(rs, s, "stalin"))}
    assert offered == {r for r, sec in s.secretaries.items() if sec != "stalin"}
    reason = check(rs, s, A.AppointSecretary("stalin", "volga"))
    assert reason is not None and reason.key == "appoint.already" and reason_text(rs, reason)
    reason = check(rs, s, A.AppointSecretary("stalin", "atlantis"))
    assert reason is not None and reason.key == "region.unknown" and reason_text(rs, reason)


def test_not_on_the_secretariats_move(rs, intrigue_state):
    s = intrigue_state.clone()
    assert s.acting_faction != "stalin"
    result = apply(rs, s, A.AppointSecretary("stalin", REGION))
    assert not result.ok
    assert result.reason.key == "turn.not_yours"
    assert reason_text(rs, result.reason).strip()
    assert legal_actions(rs, s, "stalin") == []


def test_at_most_the_rules_number_of_secretaries_a_turn(rs, intrigue_state):
    limit = rs.rules["secretaries_per_turn"]
    assert limit == 1
    s = at_move(intrigue_state, "stalin")
    fs = s.factions["stalin"]
    ap, influence, sentiment = fs.ap, fs.influence, s.sentiment[REGION].get("stalin", 0)

    first = apply(rs, s, A.AppointSecretary("stalin", REGION))
    assert first.ok, first.reason
    t = first.state
    assert t.secretaries[REGION] == "stalin"
    assert t.factions["stalin"].appointments == 1
    assert t.factions["stalin"].ap == ap - 1
    assert t.factions["stalin"].influence == influence - 1
    assert t.sentiment[REGION]["stalin"] == sentiment + rs.rules["secretary_sentiment"]
    assert [e[1] for e in first.events] == ["appoint.secretary"]
    assert t.acting_faction == "stalin"  # still his move: he has action points left

    second = apply(rs, t, A.AppointSecretary("stalin", "moscow"))
    assert not second.ok
    assert second.reason.key == "appoint.limit"
    assert reason_text(rs, second.reason).strip()
    assert appointments_in(legal_actions(rs, t, "stalin")) == []
    assert t.secretaries["moscow"] == "zinoviev_kamenev"


def test_whoever_controls_the_general_secretary_appoints(rs, intrigue_state):
    s = intrigue_state.clone()
    s.offices["general_secretary"] = "rykov"  # a Bukharinist takes the Secretariat
    b = at_move(s, "bukharin")
    assert check(rs, b, A.AppointSecretary("bukharin", REGION)) is None
    st = at_move(s, "stalin")
    reason = check(rs, st, A.AppointSecretary("stalin", REGION))
    assert reason is not None and reason.key == "appoint.not_secretariat"
    s.offices["general_secretary"] = None
    for faction in s.order:
        reason = check(rs, at_move(s, faction), A.AppointSecretary(faction, REGION))
        assert reason is not None and reason.key == "appoint.not_secretariat"


# ---- motions that appoint ------------------------------------------------------------------------------


def test_a_passed_appoint_motion_puts_him_in_office(rs, intrigue_state):
    s = intrigue_state.clone()
    assert s.offices["foreign_commissar"] is None
    carry_out(rs, s, Motion("appoint", "stalin", {"office": "foreign_commissar", "character": "molotov"}))
    assert s.offices["foreign_commissar"] == "molotov"
    assert s.log[-1][1:] == ["office.filled", {"office": "foreign_commissar", "holder": "molotov", "by": "politburo"}]


def test_a_passed_appoint_motion_displaces_the_holder(rs, intrigue_state):
    s = intrigue_state.clone()
    assert s.offices["war_commissar"] == "trotsky"
    carry_out(rs, s, Motion("appoint", "zinoviev_kamenev", {"office": "war_commissar", "character": "frunze"}))
    assert s.offices["war_commissar"] == "frunze"
    assert "war_commissar" not in [o for o, h in s.offices.items() if h == "trotsky"]


def test_a_proposed_appointment_reaches_the_agenda_and_carries(rs, intrigue_state):
    s = at_move(intrigue_state, "stalin")
    action = A.Propose("stalin", "appoint", "voroshilov", office="foreign_commissar")
    result = apply(rs, s, action)
    assert result.ok, result.reason
    t = result.state
    motion = Motion("appoint", "stalin", {"office": "foreign_commissar", "character": "voroshilov"})
    assert [(m.kind, m.proposer, m.params) for m in t.agenda] == [(motion.kind, motion.proposer, motion.params)]
    assert t.agenda[0].id == 1 and 0.0 <= t.agenda[0].odds <= 1.0
    assert t.offices["foreign_commissar"] is None  # nothing happens until the vote
    carry_out(rs, t, t.agenda[0])
    assert t.offices["foreign_commissar"] == "voroshilov"


def test_appoint_motions_are_refused_with_reasons(rs, intrigue_state):
    s = at_move(intrigue_state, "stalin")
    cases = [
        (A.Propose("stalin", "appoint", "molotov", office="foreign_commissar"), "motion.too_young"),  # 34 in 1924
        (A.Propose("stalin", "appoint", "voroshilov", office="general_secretary"), "motion.office"),
        (A.Propose("stalin", "appoint", "trotsky", office="war_commissar"), "motion.holds"),
        (A.Propose("stalin", "appoint", "kamkov", office="foreign_commissar"), "motion.not_party"),
    ]
    for action, key in cases:
        reason = check(rs, s, action)
        assert reason is not None and reason.key == key, (action, reason)
        assert reason_text(rs, reason).strip()


# ---- apply is pure ------------------------------------------------------------------------------------------


def _sample(actions):
    """One legal action of each kind, so the sample stays small."""
    seen, out = set(), []
    for a in actions:
        key = (type(a).__name__, getattr(a, "motion", ""))
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


@pytest.mark.parametrize("faction", ["bukharin", "stalin"])
def test_apply_never_mutates_its_input(rs, intrigue_state, faction):
    s = at_move(intrigue_state, faction)
    before = state_hash(s)
    tried = _sample(legal_actions(rs, s, faction))
    assert len(tried) >= 8
    if faction == "stalin":
        assert any(isinstance(a, A.AppointSecretary) for a in tried)
    tried += [A.AppointSecretary("trotsky", REGION), A.Lobby(faction, "stalin", 99), A.EndTurn("nobody")]
    for action in tried:
        result = apply(rs, s, action)
        assert state_hash(s) == before, f"apply({action}) changed its input"
        if result.ok:
            assert result.state is not s
    # And an applied action really does change the returned state.
    moved = apply(rs, s, A.EndTurn(faction))
    assert moved.ok and state_hash(moved.state) != before


def test_apply_of_a_chronicle_choice_never_mutates_its_input(rs, state):
    assert state.phase == "chronicle"
    before = state_hash(state)
    faction = whose_move(rs, state)
    for action in legal_actions(rs, state, faction):
        result = apply(rs, state, action)
        assert result.ok
        assert state_hash(state) == before
        assert state_hash(result.state) != before
