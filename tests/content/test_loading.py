"""Content is data: the base content validates, and a wrong record fails with file, line and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.content.build import ContentError, load_content
from game.content.yamlio import YamlError, parse_yaml

DATA = Path(__file__).resolve().parent.parent.parent / "data"


def test_base_content_validates_with_enough_to_play(rs):
    loaded = load_content(DATA)
    assert not [p for p in loaded.problems if p.severity == "error"]
    assert set(rs.faction_ids) >= {"bukharin", "trotsky", "zinoviev_kamenev", "left_sr", "stalin"}
    assert len(rs.characters) >= 30
    assert len(rs.regions) >= 10
    assert {"politburo", "central_committee", "secretariat", "orgburo", "control_commission", "congress"} <= set(
        rs.bodies
    )
    assert len(rs.axes) == 9 and len(rs.events) >= 5 and len(rs.cards) >= 20
    assert not rs.factions["stalin"].playable and rs.factions["stalin"].apparatus


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def _problems(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_content(folder)
    return [str(p) for p in info.value.problems]


def test_a_misspelt_field_names_file_line_and_suggests(data_copy):
    path = data_copy / "characters" / "right.yaml"
    text = path.read_text().replace("  born: 1888", "  bron: 1888", 1)
    path.write_text(text)
    problems = _problems(data_copy)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("  bron:"))
    assert any(
        p.startswith(f"data/characters/right.yaml:{line}:3: error:") and "'bron'" in p and "did you mean 'born'" in p
        for p in problems
    ), problems


def test_an_unknown_reference_is_named(data_copy):
    path = data_copy / "characters" / "right.yaml"
    path.write_text(path.read_text().replace("\n  faction: bukharin\n", "\n  faction: bukharinn\n", 1))
    problems = _problems(data_copy)
    assert any(
        "right.yaml" in p and "unknown faction 'bukharinn'" in p and "did you mean 'bukharin'" in p for p in problems
    ), problems


def test_a_bad_effect_is_named(data_copy):
    path = data_copy / "events" / "chronicle_1924_1928.yaml"
    text = path.read_text()
    assert "{heat: {faction:" in text or "heat:" in text
    path.write_text(text.replace("heat:", "heet:", 1))
    problems = _problems(data_copy)
    assert any("chronicle_1924_1928.yaml" in p and "unknown effect 'heet'" in p for p in problems), problems


def test_duplicate_ids_and_keys_are_errors(data_copy):
    path = data_copy / "regions" / "regions.yaml"
    text = path.read_text()
    path.write_text(
        text
        + "\n- id: leningrad\n  name: Again\n  membership: 1\n  peasant_share: 0.1\n  sentiment: {}\n  description: x\n"
    )
    assert any("duplicate region id 'leningrad'" in p for p in _problems(data_copy))
    with pytest.raises(YamlError) as info:
        parse_yaml("- id: a\n  id: b\n", "x.yaml")
    assert "x.yaml:2:3: error: duplicate key 'id'" in str(info.value)


def test_python_tags_are_refused_and_run_nothing():
    with pytest.raises(YamlError) as info:
        parse_yaml("- !!python/object/apply:os.system ['echo pwned']\n", "evil.yaml")
    assert "evil.yaml:1:3" in str(info.value) and "not allowed" in str(info.value)


def test_alias_bombs_are_refused_quickly():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for i in range(1, 12):
        bomb += f"{chr(97 + i)}: &{chr(97 + i)} [*{chr(96 + i)}, *{chr(96 + i)}, *{chr(96 + i)}, *{chr(96 + i)}, *{chr(96 + i)}, *{chr(96 + i)}, *{chr(96 + i)}, *{chr(96 + i)}, *{chr(96 + i)}, *{chr(96 + i)}]\n"
    with pytest.raises(YamlError) as info:
        parse_yaml(bomb, "bomb.yaml")
    assert "alias bomb" in str(info.value) or "more than" in str(info.value)


def test_syntax_errors_carry_line_and_column():
    with pytest.raises(YamlError) as info:
        parse_yaml("- id: a\n  name: [unclosed\n", "bad.yaml")
    assert str(info.value).startswith("bad.yaml:")
    assert "YAML syntax" in str(info.value)


def test_a_bad_line_item_is_named(data_copy):
    path = data_copy / "factions" / "factions.yaml"
    text = path.read_text()
    assert "target: mass_operations, weight: 4, when: [{strength_share:" in text
    text = text.replace(
        "target: mass_operations, weight: 4, when: [{strength_share:",
        "target: mass_operation, weight: 4, when: [{strength_share:",
        1,
    )
    text = text.replace(
        "target: emergency_measures, weight: 4, when: [{strength_share:",
        "target: emergency_measures, weight: 4, when: [{strength_shar:",
        1,
    )
    path.write_text(text)
    problems = _problems(data_copy)
    assert any(
        "factions.yaml" in p and "security/mass_operation names no known axis and position" in p for p in problems
    ), problems
    assert any(
        "factions.yaml" in p and "unknown condition 'strength_shar'" in p and "strength_share" in p for p in problems
    ), problems
