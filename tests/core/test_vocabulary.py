"""A unit test for each condition and each effect of the content vocabulary (core/conditions.py,
core/effects.py). A new vocabulary entry without its test here fails `test_every_*_has_a_test`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from game.core.calendar import half_year, now
from game.core.conditions import CONDITIONS, Ctx, holds
from game.core.effects import EFFECTS, apply_effects
from game.core.ruleset import Ruleset
from game.core.state import GameState

Unit = Callable[[Ruleset, GameState], None]
CONDITION_TESTS: dict[str, Unit] = {}
EFFECT_TESTS: dict[str, Unit] = {}
TROTSKY = Ctx(chooser="trotsky", player="trotsky", owner="trotsky")


def unit_of(table: dict[str, Unit], name: str) -> Callable[[Unit], Unit]:
    def add(fn: Unit) -> Unit:
        table[name] = fn
        return fn

    return add


def ok(rs: Ruleset, s: GameState, name: str, params: Any, ctx: Ctx = TROTSKY) -> bool:
    return holds(rs, s, ((name, params),), ctx)


def do(rs: Ruleset, s: GameState, name: str, params: Any, ctx: Ctx = TROTSKY) -> None:
    apply_effects(rs, s, ((name, params),), ctx)


def entries(s: GameState, key: str) -> list[dict[str, Any]]:
    return [p for _, k, p in s.log if k == key]


# ---- conditions ------------------------------------------------------------------------------------------


@unit_of(CONDITION_TESTS, "after")
def _after(rs, s):
    assert now(s) == half_year("1924-spring")
    assert ok(rs, s, "after", half_year("1924-spring")) and not ok(rs, s, "after", half_year("1924-autumn"))


@unit_of(CONDITION_TESTS, "before")
def _before(rs, s):
    assert ok(rs, s, "before", half_year("1924-autumn")) and not ok(rs, s, "before", half_year("1924-spring"))


@unit_of(CONDITION_TESTS, "indicator")
def _indicator(rs, s):
    s.indicators[rs.ii["legitimacy"]] = 50.0
    assert ok(rs, s, "indicator", {"id": "legitimacy", "above": 49.5, "below": 50.5})
    assert not ok(rs, s, "indicator", {"id": "legitimacy", "above": 50})  # strictly above
    assert not ok(rs, s, "indicator", {"id": "legitimacy", "below": 50})


@unit_of(CONDITION_TESTS, "policy")
def _policy(rs, s):
    s.policies["industry"] = rs.axes["industry"].index("balanced")
    assert ok(rs, s, "policy", {"axis": "industry", "is": "balanced"})
    assert ok(rs, s, "policy", {"axis": "industry", "at_least": "gradual", "at_most": "balanced"})
    assert not ok(rs, s, "policy", {"axis": "industry", "at_least": "forced"})
    assert not ok(rs, s, "policy", {"axis": "industry", "is": "gradual"})


@unit_of(CONDITION_TESTS, "flag")
def _flag(rs, s):
    assert not ok(rs, s, "flag", "test_flag")
    s.flags["test_flag"] = 0
    assert ok(rs, s, "flag", "test_flag")


@unit_of(CONDITION_TESTS, "not_flag")
def _not_flag(rs, s):
    assert ok(rs, s, "not_flag", "test_flag")
    s.flags["test_flag"] = 0
    assert not ok(rs, s, "not_flag", "test_flag")


@unit_of(CONDITION_TESTS, "alive")
def _alive(rs, s):
    s.status[rs.ci["kamenev"]] = "exiled"
    assert ok(rs, s, "alive", "kamenev")
    s.status[rs.ci["kamenev"]] = "dead"
    assert not ok(rs, s, "alive", "kamenev")


@unit_of(CONDITION_TESTS, "dead")
def _dead(rs, s):
    s.status[rs.ci["kamenev"]] = "arrested"
    assert not ok(rs, s, "dead", "kamenev")
    s.status[rs.ci["kamenev"]] = "dead"
    assert ok(rs, s, "dead", "kamenev")


@unit_of(CONDITION_TESTS, "holds")
def _holds(rs, s):
    assert ok(rs, s, "holds", {"character": "stalin", "office": "general_secretary"})
    assert not ok(rs, s, "holds", {"character": "trotsky", "office": "general_secretary"})


@unit_of(CONDITION_TESTS, "controls")
def _controls(rs, s):
    assert ok(rs, s, "controls", {"faction": "stalin", "office": "cc_secretary_a"})  # Molotov
    assert not ok(rs, s, "controls", {"faction": "player", "office": "cc_secretary_a"})  # the player is Trotsky
    assert ok(rs, s, "controls", {"faction": "player", "office": "war_commissar"})
    s.offices["war_commissar"] = None
    assert not ok(rs, s, "controls", {"faction": "player", "office": "war_commissar"})


@unit_of(CONDITION_TESTS, "in_body")
def _in_body(rs, s):
    assert ok(rs, s, "in_body", {"character": "rykov", "body": "politburo"})
    assert not ok(rs, s, "in_body", {"character": "molotov", "body": "politburo"})


@unit_of(CONDITION_TESTS, "heat")
def _heat(rs, s):
    s.factions["trotsky"].heat = 30
    assert ok(rs, s, "heat", {"faction": "chooser", "above": 29, "below": 31})
    assert not ok(rs, s, "heat", {"faction": "trotsky", "above": 30})
    assert not ok(rs, s, "heat", {"faction": "chooser", "above": 0}, Ctx())  # nobody to stand for "chooser"


@unit_of(CONDITION_TESTS, "strength_share")
def _strength_share(rs, s):
    weights = {f: 0.0 for f in rs.faction_ids} | {"trotsky": 1.0, "stalin": 3.0}
    ctx = Ctx(player="trotsky", weights=weights)
    assert ok(rs, s, "strength_share", {"faction": "player", "at_least": 25, "below": 25.001}, ctx)
    assert not ok(rs, s, "strength_share", {"faction": "stalin", "below": 75}, ctx)
    real = ok(rs, s, "strength_share", {"faction": "stalin", "at_least": 0.0})  # from the state's own strengths
    assert real and not ok(rs, s, "strength_share", {"faction": "stalin", "at_least": 100.1})


@unit_of(CONDITION_TESTS, "rung")
def _rung(rs, s):
    s.factions["trotsky"].rung = 2
    assert ok(rs, s, "rung", {"faction": "owner", "at_least": 2, "at_most": 2})
    assert not ok(rs, s, "rung", {"faction": "trotsky", "at_least": 3})


@unit_of(CONDITION_TESTS, "any")
def _any(rs, s):
    assert ok(rs, s, "any", [("flag", "nowhere"), ("holds", {"character": "stalin", "office": "general_secretary"})])
    assert not ok(rs, s, "any", [("flag", "nowhere"), ("dead", "stalin")])
    assert not ok(rs, s, "any", [])


@unit_of(CONDITION_TESTS, "all")
def _all(rs, s):
    assert ok(rs, s, "all", [("alive", "stalin"), ("not_flag", "nowhere")])
    assert not ok(rs, s, "all", [("alive", "stalin"), ("flag", "nowhere")])


@unit_of(CONDITION_TESTS, "not")
def _not(rs, s):
    assert ok(rs, s, "not", ("flag", "nowhere")) and not ok(rs, s, "not", ("alive", "stalin"))


# ---- effects ---------------------------------------------------------------------------------------------


@unit_of(EFFECT_TESTS, "indicator")
def _e_indicator(rs, s):
    i = rs.ii["grain_harvest"]
    s.indicators[i] = 60.0
    do(rs, s, "indicator", {"id": "grain_harvest", "add": 1.23456})
    assert s.indicators[i] == pytest.approx(61.235)  # rounded to 3 places
    do(rs, s, "indicator", {"id": "grain_harvest", "add": 1000})
    assert s.indicators[i] == rs.indicators["grain_harvest"].high  # clamped
    do(rs, s, "indicator", {"id": "legitimacy", "add": -9, "over_turns": 3})
    assert s.fading[-1] == ["legitimacy", -3.0, 3]  # spread: fading public memory


@unit_of(EFFECT_TESTS, "influence")
def _e_influence(rs, s):
    s.factions["trotsky"].influence = 3
    do(rs, s, "influence", {"faction": "player", "add": -5})
    assert s.factions["trotsky"].influence == 0
    before = {f: fs.influence for f, fs in s.factions.items()}
    do(rs, s, "influence", {"faction": "all", "add": 2})
    assert all(s.factions[f].influence == n + 2 for f, n in before.items())


@unit_of(EFFECT_TESTS, "heat")
def _e_heat(rs, s):
    s.factions["trotsky"].heat = 95
    do(rs, s, "heat", {"faction": "trotsky", "add": 10})
    assert s.factions["trotsky"].heat == 100
    do(rs, s, "heat", {"faction": "chooser", "add": -150})
    assert s.factions["trotsky"].heat == 0


@unit_of(EFFECT_TESTS, "prestige")
def _e_prestige(rs, s):
    s.factions["stalin"].prestige = 18
    do(rs, s, "prestige", {"faction": "stalin", "add": 5})
    assert s.factions["stalin"].prestige == 20
    do(rs, s, "prestige", {"faction": "stalin", "add": -25})
    assert s.factions["stalin"].prestige == 0


@unit_of(EFFECT_TESTS, "loyalty")
def _e_loyalty(rs, s):
    c, f = rs.ci["kalinin"], rs.fi["trotsky"]
    before = int(s.loyalty_public[c, f])
    do(rs, s, "loyalty", {"character": "kalinin", "faction": "player", "add": 7})
    assert int(s.loyalty_public[c, f]) == min(100, before + 7)
    assert int(s.loyalty_secret[c, f]) == 0  # public, not secret


@unit_of(EFFECT_TESTS, "standing")
def _e_standing(rs, s):
    b, f = rs.bi["press"], rs.fi["bukharin"]
    s.standing[b, f] = 97
    do(rs, s, "standing", {"base": "press", "faction": "bukharin", "add": 5})
    assert int(s.standing[b, f]) == 100


@unit_of(EFFECT_TESTS, "sentiment")
def _e_sentiment(rs, s):
    s.sentiment["volga"]["trotsky"] = 2
    do(rs, s, "sentiment", {"region": "volga", "faction": "trotsky", "add": -5})
    assert s.sentiment["volga"]["trotsky"] == 0
    do(rs, s, "sentiment", {"region": "all", "faction": "trotsky", "add": 3})
    assert s.sentiment["volga"]["trotsky"] == 3 and all(r.get("trotsky", 0) >= 3 for r in s.sentiment.values())


@unit_of(EFFECT_TESTS, "policy")
def _e_policy(rs, s):
    axis = rs.axes["industry"]
    do(rs, s, "policy", {"axis": "industry", "set": "forced"})
    assert s.policies["industry"] == axis.index("forced")
    assert entries(s, "policy.changed")[-1] == {"axis": "industry", "position": "forced"}
    do(rs, s, "policy", {"axis": "industry", "step": 5})  # clamped at the end of the axis: no change, no entry
    assert s.policies["industry"] == len(axis.positions) - 1 and len(entries(s, "policy.changed")) == 1
    do(rs, s, "policy", {"axis": "industry", "step": -1})
    assert s.policies["industry"] == axis.index("balanced")


@unit_of(EFFECT_TESTS, "set_flag")
def _e_set_flag(rs, s):
    s.turn = 3
    do(rs, s, "set_flag", "test_flag")
    s.turn = 5
    do(rs, s, "set_flag", "test_flag")
    assert s.flags["test_flag"] == 3  # remembered from when it was first set


@unit_of(EFFECT_TESTS, "clear_flag")
def _e_clear_flag(rs, s):
    s.flags["test_flag"] = 1
    do(rs, s, "clear_flag", "test_flag")
    do(rs, s, "clear_flag", "test_flag")  # clearing twice is harmless
    assert "test_flag" not in s.flags


@unit_of(EFFECT_TESTS, "kill")
def _e_kill(rs, s):
    do(rs, s, "kill", {"character": "zinoviev", "cause": "executed"})
    assert s.status[rs.ci["zinoviev"]] == "dead"
    assert "zinoviev" not in s.seats["politburo"] and s.offices["comintern_chair"] is None
    assert any(d[0] == "zinoviev" for d in s.deaths)


@unit_of(EFFECT_TESTS, "exile")
def _e_exile(rs, s):
    do(rs, s, "exile", "trotsky")
    assert s.status[rs.ci["trotsky"]] == "exiled" and s.offices["war_commissar"] is None
    assert "trotsky" not in s.seats["politburo"]


@unit_of(EFFECT_TESTS, "arrest")
def _e_arrest(rs, s):
    do(rs, s, "arrest", "rykov")
    assert s.status[rs.ci["rykov"]] == "arrested" and s.offices["sovnarkom_chair"] is None


@unit_of(EFFECT_TESTS, "vacate")
def _e_vacate(rs, s):
    do(rs, s, "vacate", "war_commissar")
    do(rs, s, "vacate", "foreign_commissar")  # already vacant: nothing written
    assert s.offices["war_commissar"] is None
    assert entries(s, "office.vacated") == [{"office": "war_commissar", "holder": "trotsky"}]


@unit_of(EFFECT_TESTS, "appoint")
def _e_appoint(rs, s):
    do(rs, s, "appoint", {"office": "foreign_commissar", "character": "molotov"})
    assert s.offices["foreign_commissar"] == "molotov"
    s.status[rs.ci["kalinin"]] = "arrested"
    do(rs, s, "appoint", {"office": "foreign_commissar", "character": "kalinin"})  # not free: no appointment
    assert s.offices["foreign_commissar"] == "molotov" and len(entries(s, "office.filled")) == 1


@unit_of(EFFECT_TESTS, "fill_if_vacant")
def _e_fill_if_vacant(rs, s):
    s.offices["war_commissar"] = "trotsky"
    do(rs, s, "fill_if_vacant", {"office": "war_commissar", "character": "voroshilov"})
    assert s.offices["war_commissar"] == "trotsky"  # held: nothing changes
    s.offices["war_commissar"] = None
    do(rs, s, "fill_if_vacant", {"office": "war_commissar", "character": "voroshilov"})
    assert s.offices["war_commissar"] == "voroshilov"


@unit_of(EFFECT_TESTS, "remove_from_body")
def _e_remove_from_body(rs, s):
    do(rs, s, "remove_from_body", {"character": "tomsky", "body": "politburo"})
    do(rs, s, "remove_from_body", {"character": "molotov", "body": "politburo"})  # not a member: nothing
    assert "tomsky" not in s.seats["politburo"]
    assert entries(s, "body.removed") == [{"body": "politburo", "character": "tomsky"}]


@unit_of(EFFECT_TESTS, "rung")
def _e_rung(rs, s):
    do(rs, s, "rung", {"faction": "owner", "move": 2})
    assert s.factions["trotsky"].rung == 2 and s.offices["war_commissar"] is None  # removed from posts
    do(rs, s, "rung", {"faction": "trotsky", "move": -1})
    assert s.factions["trotsky"].rung == 1


@unit_of(EFFECT_TESTS, "grip")
def _e_grip(rs, s):
    s.grip = 95
    do(rs, s, "grip", {"add": 10})
    assert s.grip == 100
    do(rs, s, "grip", {"add": -30})
    assert s.grip == 70


@unit_of(EFFECT_TESTS, "repression_momentum")
def _e_momentum(rs, s):
    do(rs, s, "repression_momentum", {"add": -5})
    assert s.momentum == 0
    do(rs, s, "repression_momentum", {"add": 40})
    assert s.momentum == 40


@unit_of(EFFECT_TESTS, "convene")
def _e_convene(rs, s):
    do(rs, s, "convene", "plenum")
    do(rs, s, "convene", "plenum")
    assert s.convene == [[s.turn, "plenum"]]


@unit_of(EFFECT_TESTS, "add_card")
def _e_add_card(rs, s):
    card = next(iter(rs.cards))
    s.deck = [c for c in s.deck if c != card]
    do(rs, s, "add_card", card)
    do(rs, s, "add_card", card)
    assert s.deck.count(card) == 1


@unit_of(EFFECT_TESTS, "remove_card")
def _e_remove_card(rs, s):
    card = next(iter(rs.cards))
    s.deck.append(card)
    s.discard.append(card)
    s.factions["trotsky"].hand.append(card)
    do(rs, s, "remove_card", card)
    assert card not in s.deck and card not in s.discard and card not in s.factions["trotsky"].hand


# ---- every entry has its test ------------------------------------------------------------------------------


def test_every_condition_has_a_test():
    assert sorted(set(CONDITIONS) - set(CONDITION_TESTS)) == [], "write a unit test for each new condition"
    assert sorted(set(CONDITION_TESTS) - set(CONDITIONS)) == [], "a test for a condition that no longer exists"


def test_every_effect_has_a_test():
    assert sorted(set(EFFECTS) - set(EFFECT_TESTS)) == [], "write a unit test for each new effect"
    assert sorted(set(EFFECT_TESTS) - set(EFFECTS)) == [], "a test for an effect that no longer exists"


@pytest.mark.parametrize("name", sorted(CONDITIONS))
def test_condition(rs, state, name):
    CONDITION_TESTS[name](rs, state)


@pytest.mark.parametrize("name", sorted(EFFECTS))
def test_effect(rs, state, name):
    EFFECT_TESTS[name](rs, state)


# Entries added with the seed debates (issue 15) register their units from their own file.
import test_vocabulary_history  # noqa: E402,F401
