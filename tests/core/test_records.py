"""The state's clone and plain-dict form, derived from its fields: deep where the type says,
omitted defaults, unsaved fields, and a refusal for a field whose copy cannot be derived."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

import numpy as np
import pytest

from game.core.records import clone_record, derived_copy, dump_record, load_record, spec
from game.core.state import GameState, Motion, Pact, state_hash


@dataclass(slots=True)
class Sample:
    name: str
    table: dict[str, dict[str, int]]
    rows: list[list[Any]] = field(default_factory=list)
    note: str | None = spec(default=None, omit=True)
    tag: int = spec(default=0, omit="note")
    scratch: int = spec(default=0, saved=False)


def test_a_clone_copies_containers_as_deep_as_their_type():
    s = Sample("a", {"x": {"y": 1}}, [[1, 2]])
    c = clone_record(s)
    c.table["x"]["y"] = 9
    c.rows[0].append(3)
    assert s.table == {"x": {"y": 1}} and s.rows == [[1, 2]]


def test_defaults_marked_omit_are_left_out_and_read_back():
    s = Sample("a", {}, tag=5, scratch=7)
    assert dump_record(s) == {"name": "a", "table": {}, "rows": []}  # tag goes with note; scratch is never saved
    s.note = "n"
    assert dump_record(s) == {"name": "a", "table": {}, "rows": [], "note": "n", "tag": 5}
    assert load_record(Sample, dump_record(s)) == Sample("a", {}, note="n", tag=5)
    with pytest.raises(KeyError):
        load_record(Sample, {"name": "a"})


def test_a_field_whose_copy_cannot_be_derived_is_refused():
    assert derived_copy(dict[str, int]) is dict and derived_copy(str | None) is None
    with pytest.raises(TypeError):
        derived_copy(np.ndarray)


def test_every_field_of_a_game_state_is_copied_not_shared(intrigue_state):
    s = intrigue_state
    c = s.clone()
    for f in fields(GameState):
        mine, theirs = getattr(s, f.name), getattr(c, f.name)
        if isinstance(mine, list | dict | np.ndarray) and f.name not in ("history", "deaths", "log"):
            assert mine is not theirs or len(mine) == 0, f.name
    assert c.rng is not s.rng and c.factions["stalin"] is not s.factions["stalin"]
    assert state_hash(c) == state_hash(s)
    assert s.clone(keep_log=False).log == [] and s.log


def test_a_game_state_round_trips_through_plain_data(intrigue_state):
    s = intrigue_state
    s.agenda.append(Motion("policy", "stalin", {"axis": "industry", "step": 1}, 3, 0.5, [["kamenev", 0.4, None]]))
    s.pacts.append(Pact("stalin", "zinoviev", "alliance", 4, offered=1))
    s.view_of = "stalin"
    back = GameState.from_dict(s.to_dict())
    assert back.to_dict() == s.to_dict() and back.view_of is None
    assert back.agenda[-1] == s.agenda[-1] and back.pacts[-1] == s.pacts[-1]
    assert "view_of" not in s.to_dict()


def test_unnumbered_motions_and_plain_pacts_keep_their_old_plain_form():
    assert Motion("publish", "trotsky", {}).to_dict() == {"kind": "publish", "proposer": "trotsky", "params": {}}
    assert Pact("a", "b", "alliance", 3).to_dict() == {
        "a": "a",
        "b": "b",
        "kind": "alliance",
        "until_turn": 3,
        "accepted": False,
        "price": 0,
    }
