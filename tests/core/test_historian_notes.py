"""The historian's read of traced games (issue 15): an incapacitated Lenin holds no new office,
Frunze dies only with his operation, natural deaths as rare as the Politburo's record, offices
named as they were on the date, no German invasion where Hitler was stopped, the red scare told,
and a juncture abroad rolled after the half-year's choices that bear on it."""

from __future__ import annotations

from game.core import engine, flow
from game.core.actions import Propose
from game.core.actions.motions import unfit_for_office
from game.core.calendar import half_year
from game.core.rules import abroad, country, health
from game.text.chronicle import Text
from game.text.names import office_name
from game.text.reasons import reason_text
from tests.helpers import settle_chronicle


def at(state, date: str):
    state.turn = half_year(date) - state.start_year * 2
    return state


# ---- 1. Lenin, incapacitated --------------------------------------------------------------------


def test_an_incapacitated_lenin_cannot_be_appointed_and_the_ai_is_never_offered_it(rs):
    state = settle_chronicle(rs, engine.new_game(rs, "lenin_lives", 3))
    reason = unfit_for_office(rs, state, "lenin")
    assert reason is not None and reason.key == "motion.incapacitated"
    assert "Vladimir Lenin is incapacitated" in reason_text(rs, reason)
    assert unfit_for_office(rs, state, "stalin") is None
    faction = flow.whose_move(rs, state)
    offered = [a for a in engine.legal_actions(rs, state, faction) if isinstance(a, Propose) and a.motion == "appoint"]
    assert offered and not any(a.target == "lenin" for a in offered)
    assert state.offices["sovnarkom_chair"] == "lenin"  # he keeps the chair the scenario gives him


# ---- 2 and 3. Deaths ----------------------------------------------------------------------------


def test_frunze_is_not_killed_by_the_dice_after_his_operation_date(rs, state):
    at(state, "1926-spring")
    assert health.death_chance(rs, state, "frunze") < 0.05  # no historical-date hazard for a death under surgery


def test_frunze_operation_comes_whoever_holds_the_army_and_insisting_kills_him(rs, state):
    at(state, "1925-autumn")
    state.offices["war_commissar"] = "trotsky"
    flow.begin_turn(rs, state)
    assert "frunze_operation" in state.event_queue
    state.event_queue = ["frunze_operation"]
    flow.resolve_event(rs, state, "frunze_operation", "insist", "stalin")
    assert state.status[rs.ci["frunze"]] == "dead"
    assert [d for d in state.deaths if d[0] == "frunze"][0][2] == "surgery"
    keys = [key for _, key, _ in state.log]
    assert keys.index("event.chosen") < keys.index("person.died")  # the choice is told, then his death
    assert state.offices["war_commissar"] == "trotsky"  # Voroshilov takes only a post Frunze left


def test_a_prisoners_death_is_recorded_as_a_death_in_custody_and_told_so(rs, state, monkeypatch):
    from game.core.rules import people

    people.set_fate(rs, state, "kamenev", "arrested")
    monkeypatch.setattr(health, "death_chance", lambda rs, state, c: 1.0 if c in ("kamenev", "rykov") else 0.0)
    health.health_phase(rs, state)
    assert {d[0]: d[2] for d in state.deaths} == {"kamenev": "in_custody", "rykov": "natural"}
    told = [Text(rs).entry(key, p) for _, key, p in state.log if key == "person.died"]
    assert any("Kamenev dies in custody" in line for line in told), told
    assert any("Rykov dies of natural causes" in line for line in told), told


def test_natural_deaths_off_the_record_are_rare(rs, state):
    def survival(character: str, until: str) -> float:
        s, alive = state.clone(), 1.0
        for turn in range(half_year(until) - s.start_year * 2):
            s.turn = turn
            alive *= 1 - health.death_chance(rs, s, character)
        return alive

    assert survival("stalin", "1941-autumn") > 0.93  # he lived to 1953
    assert survival("krupskaya", "1926-spring") > 0.95  # she lived to 1939
    assert survival("krupskaya", "1939-spring") > 0.6


# ---- 4. Offices named by the date ---------------------------------------------------------------


def test_offices_are_named_as_they_were_on_the_date(rs):
    assert office_name(rs, "ogpu_chair", half_year("1930-spring")) == "Chairman of the OGPU"
    assert "NKVD" in office_name(rs, "ogpu_chair", half_year("1935-spring"))
    assert office_name(rs, "war_commissar", half_year("1936-autumn")) == "People's Commissar for Defence"
    assert "Heavy Industry" in office_name(rs, "vsnkh_chair", half_year("1932-spring"))
    assert office_name(rs, "vsnkh_chair", half_year("1931-autumn")) == rs.offices["vsnkh_chair"].name
    said = Text(rs).entry("office.filled", {"office": "ogpu_chair", "holder": "yagoda"}, half_year("1936-spring"))
    assert "NKVD" in said and "OGPU" not in said


# ---- 5. Hitler stopped: no June 1941 invasion ---------------------------------------------------


def test_where_hitler_was_stopped_no_german_invasion_comes(rs, state):
    at(state, "1941-spring")
    assert country.war_outcome(rs, state) != "no_german_invasion"
    s = state.clone()
    s.flags["abroad_germany_1933_won"] = 17
    assert country.war_outcome(rs, s) == "no_german_invasion"
    flow.begin_turn(rs, s)
    assert "war_warnings_1941" not in s.event_queue


# ---- 6 and 7. Abroad: the red scare told, outcomes after the choices ---------------------------


def test_a_win_abroad_under_an_activist_line_brings_a_red_scare_the_chronicle_tells(rs, state):
    at(state, "1926-spring")
    state.policies["foreign"] = rs.axes["foreign"].index("world_revolution")
    state.indicators[rs.ii["comintern_strength"]] = 100.0
    for seed in range(50):
        s = state.clone()
        s.rng.state = seed
        abroad.junctures(rs, s)
        if "abroad_britain_1926_won" in s.flags:
            break
    told = [Text(rs).entry(k, p) for _t, k, p in s.log if k == "abroad.backlash"]
    assert told and told[0].startswith("A red scare") and "tension rises" in told[0]


def test_a_juncture_is_rolled_after_the_half_years_choices(rs, state):
    at(state, "1926-spring")
    flow.begin_turn(rs, state)
    assert "british_general_strike" in state.event_queue
    assert not any(k.startswith("abroad_britain") for k in state.flags)  # not known while choosing
    settled = settle_chronicle(rs, state)
    keys = [(k, p.get("event") or p.get("juncture")) for _t, k, p in settled.log]
    assert keys.index(("event.chosen", "british_general_strike")) < keys.index(("abroad.outcome", "britain_1926"))
