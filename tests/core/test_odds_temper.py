"""The honest odds' recalibration (`odds: temper` in the rules): identity without pairs, monotone,
per motion kind with a default, invertible, and applied to the chance every caller is shown."""

from __future__ import annotations

import dataclasses

from game.core.defs import Rules
from game.core.engine import new_game
from game.core.rules import odds
from game.core.rules.temper import tempered, untempered
from game.core.state import Motion


def test_temper_is_a_monotone_map_through_its_pairs_per_kind():
    o = {"temper": {"default": [[0.3, 0.2], [0.6, 0.5], [0.9, 0.8]], "remove": [[0.5, 0.6]]}}
    assert tempered({"temper": {}}, "policy", 0.83) == 0.83  # no pairs: the worlds' chance as it is
    assert abs(tempered(o, "policy", 0.6) - 0.5) < 1e-9 and abs(tempered(o, "policy", 0.9) - 0.8) < 1e-9
    assert 0.2 < tempered(o, "policy", 0.45) < 0.5  # between two pairs
    assert abs(tempered(o, "remove", 0.5) - 0.6) < 1e-9  # its own fit, not the default
    assert tempered(o, "remove", 0.99) > 0.99  # beyond the last pair: parallel to the identity in log-odds
    values = [tempered(o, "appoint", p / 20) for p in range(21)]
    assert values == sorted(values) and values[0] > 0.0 and values[-1] < 1.0
    for p in (0.01, 0.25, 0.45, 0.7, 0.95):
        assert abs(untempered(o, "policy", tempered(o, "policy", p)) - p) < 1e-9


def test_the_rules_pairs_rise_strictly(rs):
    for kind, pairs in rs.rules["odds"]["temper"].items():
        raws, shown = [p[0] for p in pairs], [p[1] for p in pairs]
        assert all(0.0 < x <= 1.0 for x in raws + shown), kind
        assert all(a < b for a, b in zip(raws, raws[1:])) and all(a < b for a, b in zip(shown, shown[1:])), kind


def test_the_chance_shown_is_the_tempered_one(rs):
    state = new_game(rs, "succession", 3)
    motion = Motion("policy", "bukharin", {"axis": "industry", "step": 1}, 1)
    raw_rules = dict(rs.rules)
    raw_rules["odds"] = {**rs.rules["odds"], "temper": {}}
    raw = odds.honest(dataclasses.replace(rs, rules=Rules(raw_rules)), state, motion, "bukharin").p
    shown = odds.honest(rs, state, motion, "bukharin").p
    assert shown != raw  # the raw chance is surer than the votes bear out
    assert abs(shown - tempered(rs.rules["odds"], "policy", raw)) < 1e-3  # raw is shown to 4 places
