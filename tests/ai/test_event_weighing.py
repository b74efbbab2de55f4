"""How a bot weighs an event's options: a cut in heat it does not have is worth nothing (heat
stays within 0-100), so the apparatus, which rarely has any, no longer buries the plan report for
a phantom gain of "-2 heat" (issue 15: it buried the report in 14 of 18 found gaps)."""

from __future__ import annotations

from game.ai.evaluate import effects_value
from game.core.conditions import Ctx
from game.core.engine import new_game


def _option_values(rs, state, faction: str, event: str) -> dict[str, float]:
    ctx = Ctx(chooser=faction)
    return {c.id: effects_value(rs, state, faction, c.effects, ctx) for c in rs.events[event].choices}


def test_a_cut_in_heat_is_worth_only_what_the_faction_has(rs):
    state = new_game(rs, "succession", 1)
    heat = (("heat", {"faction": "chooser", "add": -2}),)
    state.factions["stalin"].heat = 0
    assert effects_value(rs, state, "stalin", heat, Ctx(chooser="stalin")) == 0.0
    state.factions["stalin"].heat = 1
    one = effects_value(rs, state, "stalin", heat, Ctx(chooser="stalin"))
    state.factions["stalin"].heat = 20
    two = effects_value(rs, state, "stalin", heat, Ctx(chooser="stalin"))
    assert 0 < one < two and abs(two - 2 * one) < 1e-9


def test_the_apparatus_without_heat_weighs_blaming_the_wreckers_above_burying_the_report(rs):
    state = new_game(rs, "succession", 1)
    state.factions["stalin"].heat = 0
    values = _option_values(rs, state, "stalin", "plan_figures_found")
    assert values["bury_the_report"] == 0.0
    assert values["blame_the_wreckers"] > values["bury_the_report"]
    state.factions["stalin"].heat = 30  # a faction with heat to lose still values the quiet burial
    assert _option_values(rs, state, "stalin", "plan_figures_found")["bury_the_report"] > 0
