"""The honest odds' recalibration (`odds: temper` in the rules): identity at [0, 1], monotone,
per motion kind with a default, and applied to the chance every caller is shown."""

from __future__ import annotations

import dataclasses

from game.core.defs import Rules
from game.core.engine import new_game
from game.core.rules import odds
from game.core.rules.temper import tempered
from game.core.state import Motion


def test_temper_is_a_monotone_logistic_map_per_kind():
    o = {"temper": {"default": [0.0, 0.5], "remove": [0.5, 1.0]}}
    assert tempered({"temper": {"default": [0, 1]}}, "policy", 0.83) == 0.83
    assert tempered(o, "policy", 0.5) == 0.5 and tempered(o, "policy", 0.9) < 0.9  # surer than it should be
    assert tempered(o, "remove", 0.5) > 0.5  # its own fit, not the default
    values = [tempered(o, "appoint", p / 20) for p in range(21)]
    assert values == sorted(values) and values[0] > 0.0 and values[-1] < 1.0


def test_the_chance_shown_is_the_tempered_one(rs):
    state = new_game(rs, "succession", 3)
    motion = Motion("policy", "bukharin", {"axis": "industry", "step": 1}, 1)
    raw_rules = dict(rs.rules)
    raw_rules["odds"] = {**rs.rules["odds"], "temper": {"default": [0.0, 1.0]}}
    raw = odds.honest(dataclasses.replace(rs, rules=Rules(raw_rules)), state, motion, "bukharin").p
    shown = odds.honest(rs, state, motion, "bukharin").p
    assert shown != raw  # the raw chance is surer than the votes bear out
    assert abs(shown - tempered(rs.rules["odds"], "policy", raw)) < 1e-3  # raw is shown to 4 places
