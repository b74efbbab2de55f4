"""Mods: merge operators, load order, manifests and their problems, migrations, and a broken
mod that is disabled while the base game still loads."""

from __future__ import annotations

import os

import pytest

from game.content.loader import load_game
from game.content.mods import discover, resolve, satisfies
from tests.content.modkit import DATA, load_with, problems_with, write_mod

NEW_CHARACTER = """
- id: gastev
  name: Alexei Gastev
  born: 1882
  died: {date: "1939-spring", cause: executed}
  faction: null
  ideology: {economic: 40, democracy: 50, international: 50}
  skills: {oratory: 3, organisation: 4, intrigue: 1}
  bio: Poet of the machine.
  history: Shot in 1939.
  sources: [A book]
"""


def test_add_override_append_merge(tmp_path):
    write_mod(
        tmp_path,
        "m",
        {
            "characters/new.yaml": NEW_CHARACTER,
            "factions/f.yaml": """
            - id: bukharin
              op: override
              influence: 12
              append: {leaders: []}
            """,
            "scenarios/s.yaml": """
            - id: succession
              op: override
              merge: {offices: {education_commissar: gastev}}
            """,
        },
    )
    rs = load_with(tmp_path, "m").ruleset
    assert rs.characters["gastev"].name == "Alexei Gastev"
    assert rs.factions["bukharin"].influence == 12
    assert rs.factions["bukharin"].name == "Bukharin's Right"  # untouched fields stay
    assert rs.scenarios["succession"].offices["education_commissar"] == "gastev"
    assert rs.scenarios["succession"].offices["general_secretary"] == "stalin"


def test_extends_replace_remove_delete(tmp_path):
    write_mod(
        tmp_path,
        "m",
        {
            "cards/c.yaml": """
            - id: enrich_yourselves_again
              extends: enrich_yourselves
              title: Enrich Yourselves, Again
            - id: drought
              op: delete
            """,
            "scenarios/s.yaml": """
            - id: scissors
              op: override
              remove: {playable: [left_sr]}
            """,
        },
    )
    rs = load_with(tmp_path, "m").ruleset
    assert rs.cards["enrich_yourselves_again"].effects == rs.cards["enrich_yourselves"].effects
    assert rs.cards["enrich_yourselves_again"].title == "Enrich Yourselves, Again"
    assert "drought" not in rs.cards
    assert "left_sr" not in rs.scenarios["scissors"].playable


def test_deleting_something_still_referred_to_is_an_error_naming_the_referrer(tmp_path):
    write_mod(tmp_path, "m", {"characters/x.yaml": "- id: kalinin\n  op: delete\n"})
    problems = problems_with(tmp_path, "m")
    assert any("unknown character 'kalinin'" in p and p.startswith("data/") for p in problems), problems


def test_operator_mistakes(tmp_path):
    write_mod(
        tmp_path,
        "m",
        {
            "cards/c.yaml": """
        - id: no_such_card
          op: override
          value: 2
        - id: drought
          op: overide
        - id: drought
          op: override
          append: {title: [x]}
        """
        },
    )
    problems = problems_with(tmp_path, "m")
    assert any(
        p.startswith(
            "mods/m/cards/c.yaml:1:3: error: card 'no_such_card' does not exist, so there is nothing to override"
        )
        for p in problems
    ), problems
    assert (
        "mods/m/cards/c.yaml:5:3: error: card 'drought': unknown op 'overide' (hint: did you mean 'override'?)"
        in problems
    ), problems
    assert any("append needs a list field" in p for p in problems), problems


def test_load_order_puts_dependencies_first_then_the_players_order(tmp_path):
    write_mod(tmp_path, "a", {}, "id: a\nname: A\nversion: 1.0.0\nrequires: [c]\n")
    write_mod(tmp_path, "b", {}, "id: b\nname: B\nversion: 1.0.0\n")
    write_mod(tmp_path, "c", {}, "id: c\nname: C\nversion: 1.2.0\n")
    found = resolve(discover([tmp_path / "mods"]), ["b", "a", "c"])
    assert [m.id for m in found.order] == ["b", "c", "a"]
    found = resolve(discover([tmp_path / "mods"]), ["a", "b", "c"])
    assert [m.id for m in found.order] == ["c", "a", "b"]


def test_later_mods_win_on_the_same_field(tmp_path):
    write_mod(tmp_path, "a", {"factions/f.yaml": "- id: trotsky\n  op: override\n  influence: 9\n"})
    write_mod(tmp_path, "b", {"factions/f.yaml": "- id: trotsky\n  op: override\n  influence: 11\n"})
    assert load_with(tmp_path, "a", "b").ruleset.factions["trotsky"].influence == 11
    assert load_with(tmp_path, "b", "a").ruleset.factions["trotsky"].influence == 9


@pytest.mark.parametrize(
    ("manifests", "chosen", "expected"),
    [
        (
            {"a": "id: a\nname: A\nversion: 1.0.0\nrequires: [missing]\n"},
            ["a"],
            "mod 'a' requires 'missing', which is not installed",
        ),
        (
            {
                "a": "id: a\nname: A\nversion: 1.0.0\nrequires: [{id: b, version: '>=2.0.0'}]\n",
                "b": "id: b\nname: B\nversion: 1.5.0\n",
            },
            ["a", "b"],
            "mod 'a' requires 'b' >=2.0.0, but 1.5.0 is installed",
        ),
        (
            {"a": "id: a\nname: A\nversion: 1.0.0\nincompatible: [b]\n", "b": "id: b\nname: B\nversion: 1.0.0\n"},
            ["a", "b"],
            "mod 'a' is incompatible with 'b'; enable only one of them",
        ),
        (
            {"a": "id: a\nname: A\nversion: 1.0.0\ngame: '>=9.0.0'\n"},
            ["a"],
            "mod 'a' supports game versions >=9.0.0, but this is",
        ),
        ({"a": "id: a\nname: A\nversion: one\n"}, ["a"], "'one' is not a version like 1.2.0"),
        ({"a": "id: ../../etc\nname: A\nversion: 1.0.0\n"}, ["a"], "mod id '../../etc' must be a slug"),
        (
            {"a": "id: a\nname: A\nversion: 1.0.0\nauthor: me\n"},
            ["a"],
            "unknown field 'author' (hint: did you mean 'authors'?)",
        ),
    ],
)
def test_mod_problems_are_clear_and_disable_the_mod(tmp_path, manifests, chosen, expected):
    for mod_id, text in manifests.items():
        write_mod(tmp_path, mod_id, {}, text)
    found = resolve(discover([tmp_path / "mods"]), chosen)
    assert any(expected in str(p) for p in found.problems), [str(p) for p in found.problems]
    assert "a" in found.disabled or "../../etc" in found.disabled
    assert "a" not in [m.id for m in found.order]


def test_a_broken_mod_is_disabled_and_the_base_game_still_starts(tmp_path):
    write_mod(tmp_path, "broken", {"events/e.yaml": "- id: x\n  title: [oops\n"})
    write_mod(tmp_path, "fine", {"factions/f.yaml": "- id: trotsky\n  op: override\n  influence: 9\n"})
    content = load_game(DATA, ["broken", "fine"], [tmp_path / "mods"])
    assert content.active == ["fine"]
    assert "broken" in content.mods.disabled and "YAML syntax" in content.mods.disabled["broken"]
    assert content.ruleset.factions["trotsky"].influence == 9
    assert any(p.path.startswith("mods/broken/") for p in content.problems)


def test_files_linked_from_outside_the_mod_are_refused(tmp_path):
    outside = tmp_path / "secret.yaml"
    outside.write_text(NEW_CHARACTER.lstrip("\n"))
    folder = write_mod(tmp_path, "m", {})
    (folder / "characters").mkdir()
    os.symlink(outside, folder / "characters" / "linked.yaml")
    problems = problems_with(tmp_path, "m")
    assert any("points outside its mod folder and is refused" in p for p in problems), problems


def test_migrations_map_renamed_ids_and_are_checked(tmp_path):
    write_mod(
        tmp_path,
        "m",
        {"characters/new.yaml": NEW_CHARACTER, "migrations.yaml": "renamed:\n  character: {gastyev: gastev}\n"},
    )
    assert load_with(tmp_path, "m").migrations == {"character": {"gastyev": "gastev"}}
    write_mod(tmp_path, "n", {"migrations.yaml": "renamed:\n  character: {old: nobody_at_all}\n"})
    problems = problems_with(tmp_path, "n")
    assert any(
        p.startswith("mods/n/migrations.yaml:2:15: error:") and "renamed to unknown character 'nobody_at_all'" in p
        for p in problems
    ), problems


def test_unknown_folders_are_warned_about(tmp_path):
    write_mod(tmp_path, "m", {"evnts/e.yaml": "[]\n"})
    problems = problems_with(tmp_path, "m")
    assert any("folder 'evnts' is not a content folder" in p and "did you mean 'events'" in p for p in problems), (
        problems
    )


def test_version_constraints():
    assert satisfies((1, 2, 3), ">=1.0.0, <2.0.0")
    assert not satisfies((2, 0, 0), ">=1.0.0, <2.0.0")
    assert satisfies((1, 4, 0), "^1.2.0") and not satisfies((2, 0, 0), "^1.2.0")
    assert satisfies((1, 2, 9), "~1.2.0") and not satisfies((1, 3, 0), "~1.2.0")
    assert satisfies((0, 1, 0), "*")


def test_settings_remember_the_enabled_mods(tmp_path, monkeypatch):
    from game.session.settings import Settings, load_settings, save_settings

    monkeypatch.setenv("TESTAMENT_USER_DIR", str(tmp_path))
    assert load_settings().mods == []  # off by default
    save_settings(Settings(mods=["example_workers_opposition"]))
    assert load_settings().mods == ["example_workers_opposition"]
    (tmp_path / "settings.json").write_text("{not json")
    broken = load_settings()
    assert broken.mods == [] and "could not be read" in broken.problem
