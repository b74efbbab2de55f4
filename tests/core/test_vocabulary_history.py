"""Unit tests for the effect vocabulary entries added with the seed debates (issue 15):
`propose_compromise` and `correct_figures`. They register in test_vocabulary.py's table, which
requires a unit per vocabulary entry (and imports this module)."""

from __future__ import annotations

from test_vocabulary import EFFECT_TESTS, do, unit_of

from game.core.conditions import Ctx
from game.core.rules import compromise

ZINOVIEV = Ctx(chooser="zinoviev_kamenev", player="zinoviev_kamenev", owner="zinoviev_kamenev")


@unit_of(EFFECT_TESTS, "propose_compromise")
def _e_propose_compromise(rs, s):
    params = {"figure": "krupskaya", "faction": "chooser"}
    do(rs, s, "propose_compromise", params, ZINOVIEV)
    do(rs, s, "propose_compromise", params, ZINOVIEV)  # once on the agenda is enough
    motions = [m for m in s.agenda if m.kind == "compromise"]
    assert len(motions) == 1 and motions[0].proposer == "zinoviev_kamenev"
    assert motions[0].params == {"figure": "krupskaya"}
    s.agenda = []
    s.flags[compromise.RETREATED] = s.turn  # she has withdrawn: no motion
    do(rs, s, "propose_compromise", params, ZINOVIEV)
    assert s.agenda == []


@unit_of(EFFECT_TESTS, "correct_figures")
def _e_correct_figures(rs, s):
    real = float(s.indicators[rs.ii["industrial_output"]])
    s.indicators[rs.ii["reported_output"]] = real + 40
    do(rs, s, "correct_figures", {"share": 0.5})
    assert float(s.indicators[rs.ii["reported_output"]]) == real + 20
    do(rs, s, "correct_figures", {"share": 1.0})
    assert float(s.indicators[rs.ii["reported_output"]]) == real
