"""Rule cases as data: every `tests/cases/*.yaml` is one rule edge case, run by the one test here.

A case file is a mapping:

    rule: what it pins, in one sentence
    scenario: succession        # optional (default succession); seed: optional (default 1924)
    start: intrigue             # intrigue (default: after the first chronicle choices) | new (chronicle phase)
    set: {path: value}          # the state's overrides, in order (paths below)
    steps:                      # in order, each one of:
      - action: {type: lobby, actor: trotsky, character: kalinin, influence: 3}  # its saved form, through engine.apply
        refused: lobby.influence  # optional: the refusal's key expected instead
      - until: trotsky          # others end their turns until this faction acts (or a phase: session)
      - rule: move_rung         # a rule function called directly (RULES below) on the state...
        args: {faction: trotsky, move: 1}  # ...with these arguments (a `motion` is {kind, proposer, params})
    expect: {path: value}       # after the steps; `result.` paths read the last rule's return value
    log: [{key: ..., params: {...}}]  # chronicle entries the steps wrote (params: a subset)
    no_log: [key, ...]          # chronicle entries the steps did not write

A path is dot-separated: a state field, then keys (`factions.trotsky.influence`); the matrices go
by ids (`loyalty_public.kalinin.trotsky`, `standing.<base>.<faction>`, `indicators.<id>`,
`status.<character>`); a list of records by position or by its `character` or `id`
(`result.members.kalinin.p_yes`). An expected number is compared to 1e-9; a mapping of checks
(`at_least`, `at_most`, `has`, `lacks`, `len`) tests a value instead of equalling it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml

from game.core.actions import action_from_dict
from game.core.engine import apply, new_game
from game.core.rules import apportion, congress, control, discipline, motions, pacts, people, scoring, stance, votes
from game.core.ruleset import Ruleset
from game.core.state import GameState, Motion, Pact
from tests.helpers import end_turns_until, settle_chronicle

CASES = sorted((Path(__file__).parent / "cases").glob("*.yaml"))
CASE_KEYS = {"rule", "scenario", "seed", "start", "set", "steps", "expect", "log", "no_log"}
CHECKS = {"at_least", "at_most", "has", "lacks", "len"}


def _motion(d: dict[str, Any]) -> Motion:
    return Motion(d["kind"], d["proposer"], dict(d.get("params", {})), d.get("id", 1))


RULES: dict[str, Callable[..., Any]] = {
    "largest_remainder": lambda rs, s, total, weights: apportion.largest_remainder(total, weights),
    "dhondt": lambda rs, s, seats, weights, capacity=None, held=None: apportion.dhondt(seats, weights, capacity, held),
    "move_rung": discipline.move_rung,
    "discipline_phase": discipline.discipline_phase,
    "enforcer": discipline.enforcer,
    "controller": control.controller,
    "appoint": people.appoint,
    "set_fate": people.set_fate,
    "carry_out": motions.carry_out,
    "forecast": votes.forecast,
    "resolve": votes.resolve,
    "tally": lambda rs, s, ballots, chair: votes.tally([(m, b) for m, b in ballots], chair),
    "stance": stance.stance,
    "struck": pacts.struck,
    "binding": lambda rs, s, faction, motion: pacts.binding(rs, s, faction, motion, pacts.struck(rs, s, motion)),
    "region_delegations": congress.region_delegations,
    "hall": congress.hall,
    "run_congress": congress.run_congress,
    "sole_power_holder": scoring.sole_power_holder,
    "check_sole_power": scoring.check_sole_power,
}

MATRICES = {  # state field -> the id lists its rows and columns go by
    "loyalty_public": ("character_ids", "faction_ids"),
    "loyalty_secret": ("character_ids", "faction_ids"),
    "lobbied": ("character_ids", "faction_ids"),
    "standing": ("base_ids", "faction_ids"),
    "indicators": ("indicator_ids",),
    "status": ("character_ids",),
}


def _at(rs: Ruleset, root: Any, path: str) -> tuple[Any, Any]:
    """(container, key) of the last step of a path, so it can be read or written."""
    parts = path.split(".")
    if parts[0] in MATRICES and isinstance(root, GameState):
        table = getattr(root, parts[0])
        axes = MATRICES[parts[0]]
        assert len(parts) == 1 + len(axes), f"{path}: give one id per axis of {parts[0]} ({', '.join(axes)})"
        index = tuple(getattr(rs, axis).index(part) for axis, part in zip(axes, parts[1:]))
        return table, index if len(index) > 1 else index[0]
    value = root
    for part in parts[:-1]:
        value = _step(value, part)
    return value, _key(value, parts[-1])


def _key(value: Any, part: str) -> Any:
    if isinstance(value, dict):
        return part if part in value or not part.lstrip("-").isdigit() else int(part)
    if isinstance(value, list | tuple):
        if part.lstrip("-").isdigit():
            return int(part)
        for i, item in enumerate(value):
            if part in (getattr(item, "character", None), getattr(item, "id", None)):
                return i
            if isinstance(item, list | tuple) and item and item[0] == part:
                return i
        raise KeyError(f"no item '{part}' in {value!r:.200}")
    return part  # an attribute


def _step(value: Any, part: str) -> Any:
    key = _key(value, part)
    return getattr(value, key) if isinstance(key, str) and not isinstance(value, dict) else value[key]


def _read(rs: Ruleset, root: Any, path: str) -> Any:
    container, key = _at(rs, root, path)
    if isinstance(key, str) and not isinstance(container, dict):
        return getattr(container, key)
    value = container[key]
    return value.item() if isinstance(value, np.generic) else value


def _write(rs: Ruleset, state: GameState, path: str, value: Any) -> None:
    container, key = _at(rs, state, path)
    if path.startswith("pacts") and isinstance(value, list):
        value = [Pact.from_dict(p) for p in value]
    if path.startswith("agenda") and isinstance(value, list):
        value = [Motion.from_dict(m) for m in value]
    if isinstance(key, str) and not isinstance(container, dict):
        setattr(container, key, value)
    else:
        container[key] = value


def _matches(actual: Any, expected: Any) -> bool:
    if isinstance(expected, dict) and expected and set(expected) <= CHECKS:
        return all(_check(actual, op, want) for op, want in expected.items())
    if dataclasses.is_dataclass(actual) and isinstance(expected, dict):
        return all(_matches(getattr(actual, k), v) for k, v in expected.items())
    if isinstance(expected, float | int) and not isinstance(expected, bool) and isinstance(actual, float | int):
        return bool(abs(actual - expected) <= 1e-9)
    if isinstance(expected, list) and isinstance(actual, list | tuple):
        return len(actual) == len(expected) and all(_matches(a, e) for a, e in zip(actual, expected))
    if isinstance(expected, dict) and isinstance(actual, dict):
        return set(actual) == set(expected) and all(_matches(actual[k], v) for k, v in expected.items())
    return bool(actual == expected)


def _check(actual: Any, op: str, want: Any) -> bool:
    if op == "at_least":
        return bool(actual >= want)
    if op == "at_most":
        return bool(actual <= want)
    if op == "len":
        return len(actual) == want
    items = [x[0] if isinstance(x, list | tuple) else x for x in actual]  # reasons are (key, value) pairs
    return (want in items) if op == "has" else (want not in items)


def _args(args: dict[str, Any]) -> dict[str, Any]:
    return {k: _motion(v) if k == "motion" else v for k, v in args.items()}


def run_case(rs: Ruleset, case: dict[str, Any]) -> None:
    unknown = set(case) - CASE_KEYS
    assert not unknown, f"unknown case keys {sorted(unknown)} (known: {sorted(CASE_KEYS)})"
    state = new_game(rs, case.get("scenario", "succession"), case.get("seed", 1924))
    if case.get("start", "intrigue") == "intrigue":
        state = settle_chronicle(rs, state)
    for path, value in (case.get("set") or {}).items():
        _write(rs, state, path, value)
    first_entry = len(state.log)
    result: Any = None
    for n, step in enumerate(case.get("steps") or [], start=1):
        if "action" in step:
            outcome = apply(rs, state, action_from_dict(step["action"]))
            if "refused" in step:
                assert outcome.reason is not None, f"step {n}: {step['action']} was not refused"
                assert outcome.reason.key == step["refused"], f"step {n}: refused for {outcome.reason.key}"
            else:
                assert outcome.ok, f"step {n}: {step['action']} refused: {outcome.reason}"
                state = outcome.state
        elif "until" in step:
            state = _until(rs, state, step["until"])
        elif "rule" in step:
            result = RULES[step["rule"]](rs, state, **_args(step.get("args") or {}))
        else:
            raise AssertionError(f"step {n}: expected action, until or rule, got {sorted(step)}")
    roots = {"result": result}
    for path, want in (case.get("expect") or {}).items():
        head, _, rest = path.partition(".")
        got = (_read(rs, result, rest) if rest else result) if head in roots else _read(rs, state, path)
        assert _matches(got, want), f"{path}: expected {want!r}, got {got!r:.300}"
    written = state.log[first_entry:]
    for entry in case.get("log") or []:
        assert any(
            key == entry["key"] and all(_matches(params.get(k), v) for k, v in (entry.get("params") or {}).items())
            for _, key, params in written
        ), f"no chronicle entry {entry} among {[e[1:] for e in written]!r:.600}"
    for key in case.get("no_log") or []:
        assert all(e[1] != key for e in written), f"unexpected chronicle entry {key}"


def _until(rs: Ruleset, state: GameState, target: str) -> GameState:
    if target in rs.factions:
        return end_turns_until(rs, state, target)
    guard = 0
    while state.phase != target:
        guard += 1
        assert guard < 60 and state.phase in ("intrigue", "session", "chronicle"), f"never reached {target}"
        state = settle_chronicle(rs, state)
        if state.phase == target:
            break
        outcome = apply(rs, state, action_from_dict({"type": "end_turn", "actor": state.acting_faction}))
        assert outcome.ok, outcome.reason
        state = outcome.state
    return state


def test_there_are_enough_cases():
    assert len(CASES) >= 15


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_rule_case(rs, path):
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(case, dict) and case.get("rule"), f"{path.name}: a case says which rule it pins"
    run_case(rs, case)


@pytest.mark.parametrize(
    "expect",
    [
        {"factions.trotsky.rung": 0},
        {"factions.trotsky.heat": {"at_most": 29}},
        {"factions.trotsky.heat": {"at_least": 31}},
        {"result": {"lacks": "trotsky"}},
        {"seats.politburo": {"len": 3}},
    ],
)
def test_a_case_that_does_not_hold_fails(rs, expect):
    case = {
        "rule": "the runner itself",
        "set": {"factions.trotsky.heat": 60},
        "steps": [
            {"rule": "discipline_phase"},
            {"rule": "largest_remainder", "args": {"total": 2, "weights": {"trotsky": 1}}},
        ],
        "expect": expect,
    }
    with pytest.raises(AssertionError):
        run_case(rs, case)
    case["expect"] = {"factions.trotsky.rung": 1, "factions.trotsky.heat": 30, "result": {"has": "trotsky"}}
    run_case(rs, case)
