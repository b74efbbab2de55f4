"""Heat and the discipline ladder (game/core/rules/discipline.py)."""

from __future__ import annotations

import pytest

from game.core.rules.control import controllers
from game.core.rules.discipline import discipline_phase, enforcer, move_rung, recant
from game.core.rules.people import bodies_of, offices_of


def _posts_of_faction(rs, state, faction):
    ctrl = controllers(rs, state)
    return {
        cid: (offices_of(state, cid), bodies_of(state, cid))
        for c, cid in enumerate(rs.character_ids)
        if ctrl[c] == faction and state.status[c] == "free"
    }


def _rung_index(rs, faction, rung_id):
    return [r.id for r in rs.ladder_of(faction).rungs].index(rung_id)


# ---- move_rung ------------------------------------------------------------------------------------


def test_the_party_ladder(rs):
    ids = [r.id for r in rs.ladder_of("trotsky").rungs]
    assert ids == ["legal", "censured", "removed", "expelled", "exiled", "arrested", "executed"]


def test_censure_keeps_posts(rs, state):
    before = _posts_of_faction(rs, state, "bukharin")
    move_rung(rs, state, "bukharin", 1)
    assert state.factions["bukharin"].rung == 1
    assert _posts_of_faction(rs, state, "bukharin") == before


def test_removed_strips_the_factions_people_of_offices_and_seats(rs, state):
    held = _posts_of_faction(rs, state, "bukharin")
    assert held["bukharin"] == (["pravda_editor"], ["politburo"])
    assert held["rykov"] == (["sovnarkom_chair"], ["politburo"])
    assert held["tomsky"] == (["trade_union_chair"], ["politburo", "orgburo"])
    others = {o: h for o, h in state.offices.items() if h is not None and h not in held}
    politburo_others = [m for m in state.seats["politburo"] if m not in held]
    cc_before = dict(state.blocs["central_committee"])

    move_rung(rs, state, "bukharin", _rung_index(rs, "bukharin", "removed"))

    assert state.factions["bukharin"].rung == 2
    for cid in held:
        assert offices_of(state, cid) == [], cid
        assert bodies_of(state, cid) == [], cid
    assert state.offices["pravda_editor"] is None
    assert state.offices["sovnarkom_chair"] is None
    assert state.offices["trade_union_chair"] is None
    assert state.seats["politburo"] == politburo_others == ["stalin", "trotsky", "zinoviev", "kamenev"]
    # Nobody else lost anything; the faction is still in the party, its leaders still free.
    assert {o: state.offices[o] for o in others} == others
    assert state.blocs["central_committee"] == cc_before
    assert state.status[rs.ci["bukharin"]] == "free"
    assert state.factions["bukharin"].exiled is False
    stripped = [e[2]["character"] for e in state.log if e[1] == "discipline.stripped"]
    assert set(stripped) == {cid for cid, (o, b) in held.items() if o or b}


def test_exile_sends_the_leaders_away_and_marks_the_faction(rs, state):
    cc = dict(state.blocs["central_committee"])
    move_rung(rs, state, "zinoviev_kamenev", _rung_index(rs, "zinoviev_kamenev", "exiled"))
    fs = state.factions["zinoviev_kamenev"]
    assert fs.rung == 4
    assert fs.exiled is True
    for leader in ("zinoviev", "kamenev"):
        assert state.status[rs.ci[leader]] == "exiled"
        assert offices_of(state, leader) == [] and bodies_of(state, leader) == []
    # Out of the party: its Committee seats turn independent, its secretaries go.
    assert state.blocs["central_committee"]["zinoviev_kamenev"] == 0
    assert state.blocs["central_committee"]["independent"] == cc["independent"] + cc["zinoviev_kamenev"]
    assert "zinoviev_kamenev" not in state.secretaries.values()
    assert any(e[1] == "faction.exiled" and e[2]["faction"] == "zinoviev_kamenev" for e in state.log)


def test_stepping_down_one_rung_at_a_time_to_exile(rs, state):
    for _ in range(4):
        move_rung(rs, state, "trotsky", 1)
    assert state.factions["trotsky"].rung == 4
    assert state.status[rs.ci["trotsky"]] == "exiled"
    assert state.factions["trotsky"].exiled is True
    assert "trotsky" not in state.seats["politburo"]
    assert state.offices["war_commissar"] is None


def test_move_rung_stays_on_the_ladder(rs, state):
    move_rung(rs, state, "trotsky", -1)
    assert state.factions["trotsky"].rung == 0
    move_rung(rs, state, "left_sr", 99)
    assert state.factions["left_sr"].rung == len(rs.ladder_of("left_sr").rungs) - 1
    assert state.status[rs.ci["spiridonova"]] == "dead"


def test_readmission_climbs_back_without_restoring_posts(rs, state):
    move_rung(rs, state, "bukharin", 2)
    move_rung(rs, state, "bukharin", -1)
    assert state.factions["bukharin"].rung == 1
    assert state.offices["pravda_editor"] is None


# ---- the discipline phase ------------------------------------------------------------------------------


def test_the_enforcer_is_the_ccc_chairs_master(rs, state):
    assert state.offices["ccc_chair"] == "kuibyshev"
    assert enforcer(rs, state) == "stalin"


def test_discipline_strikes_a_hot_faction_when_the_enforcer_is_another(rs, state):
    r = rs.rules
    assert r["discipline_heat"] == 60
    state.factions["trotsky"].heat = 60
    state.factions["bukharin"].heat = 59
    state.factions["zinoviev_kamenev"].heat = 100
    state.factions["left_sr"].heat = 2

    discipline_phase(rs, state)

    assert state.factions["trotsky"].rung == 1
    assert state.factions["trotsky"].heat == 60 - r["discipline_relief"]
    assert state.factions["zinoviev_kamenev"].rung == 1
    assert state.factions["zinoviev_kamenev"].heat == 100 - r["discipline_relief"]
    assert state.factions["bukharin"].rung == 0
    assert state.factions["bukharin"].heat == 59 - r["heat_decay"]
    assert state.factions["left_sr"].heat == 0  # decay never goes below zero
    struck = [e[2]["faction"] for e in state.log if e[1] == "discipline.struck"]
    assert struck == ["trotsky", "zinoviev_kamenev"]


def test_the_enforcer_never_strikes_itself(rs, state):
    state.factions["stalin"].heat = 95
    discipline_phase(rs, state)
    assert state.factions["stalin"].rung == 0
    assert state.factions["stalin"].heat == 95 - rs.rules["heat_decay"]


def test_another_enforcer_strikes_the_apparatus(rs, state):
    state.offices["ccc_chair"] = "preobrazhensky"  # a Trotskyist chairs the Control Commission
    assert enforcer(rs, state) == "trotsky"
    state.factions["stalin"].heat = 70
    state.factions["trotsky"].heat = 90
    discipline_phase(rs, state)
    assert state.factions["stalin"].rung == 1
    assert state.factions["stalin"].heat == 40
    assert state.factions["trotsky"].rung == 0
    assert state.factions["trotsky"].heat == 86


def test_without_an_enforcer_heat_only_decays(rs, state):
    state.offices["ccc_chair"] = None
    # The opening Politburo: stalin 1, trotsky 1, zinoviev_kamenev 2, bukharin 3 of 7 - no majority.
    assert enforcer(rs, state) is None
    for f in state.factions:
        state.factions[f].heat = 80
    discipline_phase(rs, state)
    for f, fs in state.factions.items():
        assert fs.rung == 0, f
        assert fs.heat == 80 - rs.rules["heat_decay"], f


def test_a_politburo_majority_enforces_when_the_ccc_chair_is_independent(rs, state):
    state.offices["ccc_chair"] = "kalinin"  # independent
    state.seats["politburo"] = ["stalin", "molotov", "kaganovich", "voroshilov", "trotsky", "rykov", "bukharin"]
    assert enforcer(rs, state) == "stalin"
    state.factions["bukharin"].heat = 61
    discipline_phase(rs, state)
    assert state.factions["bukharin"].rung == 1


# ---- recanting ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heat", "credibility", "cost", "heat_after", "cred_after"),
    [
        (50, 100, 15, 25, 85),
        (51, 85, 15, 25, 70),  # halved, rounded down
        (1, 10, 15, 0, 0),  # credibility bottoms out at zero
        (100, 15, 15, 50, 0),
    ],
)
def test_recant_halves_heat_and_costs_credibility(state, heat, credibility, cost, heat_after, cred_after):
    fs = state.factions["trotsky"]
    fs.heat, fs.credibility = heat, credibility
    recant(state, "trotsky", cost)
    assert (fs.heat, fs.credibility) == (heat_after, cred_after)


def test_recant_uses_the_rules_cost(rs):
    assert rs.rules["recant_credibility"] == 15


# ---- denouncing ----------------------------------------------------------------------------------------


def test_a_denunciation_heats_both_sides_and_costs_prestige(rs, state):
    from game.core import actions as A
    from game.core.actions.discipline import check_denounce, perform_denounce

    r = rs.rules
    assert r["denounce_self_heat"] > 0
    attacker, target = state.factions["trotsky"], state.factions["stalin"]
    attacker.heat, attacker.prestige, target.heat = 10, 3, 20
    perform_denounce(rs, state, A.Denounce("trotsky", "stalin"))
    assert target.heat == 20 + r["denounce_heat"]
    assert attacker.heat == 10 + r["denounce_self_heat"]  # an open attack is a factional act
    assert attacker.prestige == 3 - r["denounce_prestige"]
    assert check_denounce(rs, state, A.Denounce("trotsky", "stalin")) is None


def test_a_faction_without_prestige_is_not_heard(rs, state):
    from game.core import actions as A
    from game.core.actions.discipline import check_denounce

    state.factions["trotsky"].prestige = rs.rules["denounce_prestige"] - 1
    reason = check_denounce(rs, state, A.Denounce("trotsky", "stalin"))
    assert reason is not None and reason.key == "denounce.prestige"
