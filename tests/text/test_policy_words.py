"""Policy explained: every step on every axis says where the policy stands, where the step leads and
what it changes in the country model, in words (no raw ids)."""

from __future__ import annotations

import re

from game.core.engine import new_game
from game.text.policy import axis_line, move_lines


def test_every_step_of_every_axis_is_explained(rs):
    state = new_game(rs, "succession", 1)
    ids = set(rs.indicator_ids) | {p.id for a in rs.axes.values() for p in a.positions} - {
        p.name for a in rs.axes.values() for p in a.positions
    }
    for axis_id, axis in rs.axes.items():
        for now in range(len(axis.positions)):
            state.policies[axis_id] = now
            assert f"[{axis.positions[now].name} - now]" in axis_line(rs, state, axis_id)
            for step in (-1, 1):
                if not 0 <= now + step < len(axis.positions):
                    continue
                lines = move_lines(rs, state, axis_id, step)
                text = "\n".join(lines)
                assert axis.positions[now + step].name in lines[2]
                assert lines[-1].startswith("If it passes:")
                assert "-0" not in text and "+0 " not in text
                raw = [w for w in re.findall(r"[a-z]+(?:_[a-z]+)+", text) if w in ids]
                assert not raw, raw


def test_a_step_names_its_expected_effect_with_its_sign(rs):
    state = new_game(rs, "succession", 1)
    axis = rs.axes["security"]
    state.policies["security"] = 1
    toward_mass = move_lines(rs, state, "security", +1)[-1]
    repression = rs.indicators["repression"].name.lower()
    assert re.search(rf"{repression} \+\d+", toward_mass), toward_mass
    assert axis.positions[2].name in move_lines(rs, state, "security", +1)[2]
