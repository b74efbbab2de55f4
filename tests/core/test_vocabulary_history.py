"""Unit tests for the effect vocabulary entries added with the seed debates (issue 15):
`propose_compromise` and `correct_figures`."""

from __future__ import annotations

from game.core.conditions import Ctx
from game.core.effects import EFFECTS
from game.core.rules import compromise


def test_propose_compromise_puts_the_motion_on_the_agenda_once_and_only_while_she_may_be_named(rs, state):
    effect = EFFECTS["propose_compromise"].fn
    ctx = Ctx("zinoviev_kamenev", "zinoviev_kamenev", "zinoviev_kamenev")
    effect(rs, state, {"figure": "krupskaya", "faction": "chooser"}, ctx)
    effect(rs, state, {"figure": "krupskaya", "faction": "chooser"}, ctx)
    motions = [m for m in state.agenda if m.kind == "compromise"]
    assert len(motions) == 1 and motions[0].proposer == "zinoviev_kamenev"
    assert motions[0].params == {"figure": "krupskaya"}
    state.agenda = []
    state.flags[compromise.RETREATED] = state.turn
    effect(rs, state, {"figure": "krupskaya", "faction": "chooser"}, ctx)
    assert state.agenda == []


def test_correct_figures_brings_the_reported_output_back_toward_the_real(rs, state):
    real = float(state.indicators[rs.ii["industrial_output"]])
    state.indicators[rs.ii["reported_output"]] = real + 40
    EFFECTS["correct_figures"].fn(rs, state, {"share": 0.5}, Ctx())
    assert float(state.indicators[rs.ii["reported_output"]]) == real + 20
    EFFECTS["correct_figures"].fn(rs, state, {"share": 1.0}, Ctx())
    assert float(state.indicators[rs.ii["reported_output"]]) == real
