"""The action table: one spec per action type, each action's check and effect in one module, the
core refusing with keys and parameters only, and every key it can produce worded by the text layer."""

from __future__ import annotations

import ast
import string
from dataclasses import fields
from pathlib import Path

from game.core import actions as A
from game.core.actions.spec import Reason
from game.core.actions.table import SPECS, cost_of, preview_of, total_cost
from game.core.engine import apply
from game.core.legality import check
from game.text.reasons import NAMERS, WHEN, WORDS, reason_text

CORE = Path(__file__).resolve().parents[2] / "game" / "core"
KEY_SHAPE = set(string.ascii_lowercase + "_.")


def at_move(state, faction):
    s = state.clone()
    s.acting = s.order.index(faction)
    return s


def test_every_action_type_has_one_spec_with_its_check_and_effect_in_one_module():
    assert set(SPECS) == set(A.ACTION_TYPES)
    for tag, spec in SPECS.items():
        assert spec.kind is A.ACTION_TYPES[tag]
        module = spec.check.__module__
        assert module.startswith("game.core.actions.") and spec.perform.__module__ == module, tag


def core_reasons() -> dict[str, set[str]]:
    """Every Reason(...) the core builds: key -> the parameter names it passes."""
    found: dict[str, set[str]] = {}
    for path in sorted(CORE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Reason"):
                continue
            where = f"{path.name}:{node.lineno}"
            assert not node.keywords and 1 <= len(node.args) <= 2, where
            key = node.args[0]
            assert isinstance(key, ast.Constant) and isinstance(key.value, str), f"{where}: the key is a literal"
            assert set(key.value) <= KEY_SHAPE and "." in key.value, f"{where}: {key.value!r} is not a key"
            names: set[str] = set()
            if len(node.args) == 2:
                params = node.args[1]
                assert isinstance(params, ast.Dict), f"{where}: parameters are a dict literal"
                for k, v in zip(params.keys, params.values):
                    assert isinstance(k, ast.Constant) and isinstance(k.value, str), where
                    assert not (isinstance(v, ast.Constant) and isinstance(v.value, str)), f"{where}: words"
                    names.add(k.value)
            assert found.setdefault(key.value, names) == names, f"{where}: {key.value} with other parameters"
    return found


def test_every_reason_the_core_gives_is_worded_and_every_wording_is_used():
    produced = core_reasons()
    assert len(produced) > 80  # the scan sees the action modules, the gate and the classroom
    assert sorted(set(produced) - set(WORDS)) == [], "reasons without a wording"
    assert sorted(set(WORDS) - set(produced)) == [], "wordings no reason uses"
    for key, params in produced.items():
        offered = params | {f"{p}_name" for p in params if p in NAMERS} | {f"{p}_when" for p in params if p in WHEN}
        wanted = {name for _, name, _, _ in string.Formatter().parse(WORDS[key]) if name}
        assert wanted <= offered, (key, wanted - offered)


def test_the_core_writes_no_refusal_in_words():
    assert [f.name for f in fields(Reason)] == ["key", "params"]
    # The modules that refuse hold no sentence at all outside their docstrings and assertions.
    refusing = [p for p in sorted((CORE / "actions").glob("*.py")) if p.name != "records.py"]  # records: saves
    for path in [*refusing, CORE / "legality.py", CORE / "rules" / "teacher.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(n.body[0].value)
            for n in ast.walk(tree)
            if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef))
            and n.body
            and isinstance(n.body[0], ast.Expr)
            and isinstance(n.body[0].value, ast.Constant)
        }
        docstrings |= {id(n.msg) for n in ast.walk(tree) if isinstance(n, ast.Assert) and n.msg}  # for developers
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                assert " " not in node.value.strip(), f"{path.name}:{node.lineno}: {node.value!r}"


def test_reasons_are_worded_with_the_names_of_what_they_name(rs, intrigue_state):
    s = at_move(intrigue_state, "bukharin")
    bound = check(rs, s, A.Lobby("bukharin", "trotsky", 2))
    assert reason_text(rs, bound) == f"{rs.characters['trotsky'].name} leads his own faction and cannot be won over."
    dear = check(rs, s, A.Lobby("bukharin", "kalinin", 99))
    assert reason_text(rs, dear) == f"Needs 99 influence; you have {s.factions['bukharin'].influence}."
    too_much = check(rs, s, A.Lobby("bukharin", "kalinin", rs.rules["max_spend"] + 1))
    assert reason_text(rs, too_much) == f"Spend between 1 and {rs.rules['max_spend']} influence."
    other = check(rs, s, A.EndTurn("stalin"))
    assert other.key == "turn.not_yours" and reason_text(rs, other) == "It is bukharin's move, not stalin's."
    assert reason_text(rs, Reason("no.such_key")) == "no.such_key"


def test_a_preview_tells_what_the_effect_then_does(rs, intrigue_state):
    s = at_move(intrigue_state, "bukharin")
    c, f = rs.ci["kalinin"], rs.fi["bukharin"]
    lobby = A.Lobby("bukharin", "kalinin", 2)
    after = apply(rs, s, lobby)
    assert after.ok
    gained = int(after.state.loyalty_secret[c, f]) - int(s.loyalty_secret[c, f])
    assert gained == preview_of(rs, s, lobby)["gain"] > 0
    region = next(iter(rs.regions))
    organise = A.Organise("bukharin", region, 1)
    before = s.sentiment[region].get("bukharin", 0)
    seen = preview_of(rs, s, organise)
    done = apply(rs, s, organise).state
    assert done.sentiment[region].get("bukharin", 0) == min(100, before + seen["sentiment"])
    assert done.factions["bukharin"].heat >= s.factions["bukharin"].heat + min(
        seen["heat"], 100 - s.factions["bukharin"].heat
    )


def test_a_special_pays_its_own_price_and_a_planner_sees_all_of_it(rs):
    faction = next(f for f, d in rs.factions.items() if d.specials)
    spec = rs.factions[faction].specials[0]
    action = A.Special(faction, spec.id)
    assert cost_of(rs, action) == (0, 0)
    assert total_cost(rs, action) == (spec.ap, spec.influence)
    assert (
        total_cost(rs, A.Lobby(faction, "kalinin", 3))
        == cost_of(rs, A.Lobby(faction, "kalinin", 3))
        == (
            rs.rules["costs"]["lobby"]["ap"],
            3,
        )
    )
