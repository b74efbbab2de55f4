"""The mistakes a modder writing from the guide made, each once accepted in silence: every one is
now an error or warning at its file:line:col, with a hint that says how to fix it."""

from __future__ import annotations

import textwrap
from pathlib import Path

from game.content.loader import load_game
from tests.content.modkit import DATA, load_with, problems_with, write_mod

ROOT = Path(__file__).resolve().parents[2]
FACTION = """
- id: decists
  name: The Democratic Centralists
  short: Decists
  colour: "#6b4f9f"
  marker: D
  leaders: [sapronov]
  ideology: {economic: 35, democracy: 90, international: 60}
  playable: true
  influence: 5
  agenda:
    policies:
      - {axis: party_regime, target: tolerated_tendencies, weight: 3}
    indicators:
      - {indicator: party_democracy, above: 50, weight: 2}
  ai: {lobby: 1.0, risk: 1.2}
  description: A test faction.
"""
LEADER = """
- id: sapronov
  name: Timofei Sapronov
  born: 1887
  faction: decists
  leader: true
  ideology: {economic: 35, democracy: 95, international: 55}
  skills: {oratory: 3, organisation: 3, intrigue: 2}
  bio: A test.
  history: A test.
  sources: ["A book"]
"""
F = "mods/m/factions/f.yaml"


def faction_with(tmp_path, old: str, new: str, extra: dict | None = None) -> list[str]:
    assert old in FACTION, old
    write_mod(
        tmp_path, "m", {"factions/f.yaml": FACTION.replace(old, new, 1), "characters/c.yaml": LEADER, **(extra or {})}
    )
    return problems_with(tmp_path, "m")


def test_the_faction_as_written_is_fine(tmp_path):
    assert faction_with(tmp_path, "short: Decists", "short: Decists") == []


def test_a_misspelt_ai_weight_is_an_error(tmp_path):
    problems = faction_with(tmp_path, "risk: 1.2", "riks: 1.2")
    assert f"{F}:15:20: error: faction 'decists'.ai.riks: unknown field 'riks' (hint: did you mean 'risk'?)" in problems


def test_a_misspelt_agenda_comparison_is_an_error(tmp_path):
    problems = faction_with(tmp_path, "above: 50", "abvoe: 50")
    assert any(
        p.startswith(f"{F}:14:") and "unknown field 'abvoe'" in p and "did you mean 'above'" in p for p in problems
    ), problems
    assert any("give exactly one of above or below" in p for p in faction_with(tmp_path, "above: 50, ", ""))


def test_a_colour_name_and_an_unquoted_colour_are_errors_with_the_fix(tmp_path):
    teal = faction_with(tmp_path, 'colour: "#6b4f9f"', "colour: teal")
    assert any(
        p.startswith(f"{F}:4:3: error:")
        and "expected a colour '#rrggbb' in quotes, got 'teal'" in p
        and "colour names are not understood" in p
        for p in teal
    ), teal
    bare = faction_with(tmp_path, 'colour: "#6b4f9f"', "colour: #6b4f9f")
    assert any(
        p.startswith(f"{F}:4:3: error:") and "got None" in p and "put the colour in quotes: colour: '#1f8a8a'" in p
        for p in bare
    ), bare


def test_a_colour_or_marker_another_faction_has_is_an_error(tmp_path):
    theirs = load_game(DATA, [], []).ruleset.factions["trotsky"].colour
    colour = faction_with(tmp_path, 'colour: "#6b4f9f"', f'colour: "{theirs.upper()}"')  # the same colour, in capitals
    assert any(p.startswith(f"{F}:4:3: error:") and "is already faction 'trotsky''s" in p for p in colour), colour
    marker = faction_with(tmp_path, "marker: D", "marker: L")
    assert any(p.startswith(f"{F}:5:3: error:") and "marker 'L' is already faction 'trotsky''s" in p for p in marker), (
        marker
    )
    long = faction_with(tmp_path, "marker: D", "marker: DC")
    assert any("marker 'DC' must be one letter or digit" in p for p in long), long


def test_a_quoted_number_says_to_drop_the_quotes(tmp_path):
    problems = faction_with(tmp_path, "influence: 5", 'influence: "12"')
    assert any(
        p.startswith(f"{F}:9:3: error:") and "got '12'" in p and "write the number without quotes: 12" in p
        for p in problems
    ), problems


def test_merge_merges_nested_mappings_key_by_key(tmp_path):
    write_mod(
        tmp_path,
        "m",
        {
            "scenarios/s.yaml": """
        - id: succession
          op: override
          merge: {standing: {komsomol: {trotsky: 77}}}
    """
        },
    )
    base = load_game(DATA, [], []).ruleset.scenarios["succession"].standing["komsomol"]
    merged = load_with(tmp_path, "m").ruleset.scenarios["succession"].standing["komsomol"]
    assert merged == {**base, "trotsky": 77} and len(merged) > 1


def test_a_duplicate_id_names_the_first_and_does_not_suggest_override(tmp_path):
    write_mod(tmp_path, "m", {"factions/f.yaml": FACTION, "factions/g.yaml": FACTION, "characters/c.yaml": LEADER})
    problems = problems_with(tmp_path, "m")
    line = next(p for p in problems if "already defined" in p)
    assert line.startswith(
        "mods/m/factions/g.yaml:1:3: error: faction 'decists' is already defined at mods/m/factions/f.yaml:1"
    )
    assert "op: override" not in line and "rename one of the two" in line
    write_mod(
        tmp_path / "b",
        "m",
        {"factions/f.yaml": FACTION.replace("id: decists", "id: trotsky").replace("faction: decists", "")},
    )
    base_clash = next(p for p in problems_with(tmp_path / "b", "m") if "already defined" in p)
    assert "data/factions/factions.yaml:" in base_clash and "op: override" in base_clash


def test_a_yml_file_and_a_folder_without_mod_yaml_are_warned_about(tmp_path):
    write_mod(tmp_path, "m", {"events/e.yml": "- id: x\n"})
    (tmp_path / "mods" / "not_a_mod" / "events").mkdir(parents=True)
    problems = problems_with(tmp_path, "m")
    assert (
        "mods/m/events/e.yml:1:1: warning: 'e.yml' is ignored: content files end in .yaml (hint: rename it to e.yaml)"
        in problems
    )
    assert any("warning: folder 'not_a_mod' has no mod.yaml, so it is not loaded as a mod" in p for p in problems), (
        problems
    )


def test_a_syntax_error_is_not_followed_by_a_cascade(tmp_path):
    broken_leader = LEADER.replace("born: 1887", "born: [1887")
    write_mod(tmp_path, "m", {"factions/f.yaml": FACTION, "characters/c.yaml": broken_leader})
    problems = problems_with(tmp_path, "m")
    assert len([p for p in problems if "error" in p]) == 1 and "YAML syntax" in problems[0], problems


def test_validating_one_file_of_a_mod_checks_its_mod(tmp_path):
    import subprocess
    import sys

    folder = write_mod(tmp_path, "m", {"factions/f.yaml": FACTION, "characters/c.yaml": LEADER})
    out = subprocess.run(
        [sys.executable, "-m", "game", "validate", str(folder / "factions" / "f.yaml")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "the whole mod is checked" in out.stdout and "(with mods: m)" in out.stdout


def test_the_guides_example_validates(tmp_path):
    guide = (ROOT / "docs" / "MODDING.md").read_text(encoding="utf-8")
    blocks = [textwrap.dedent(b.split("```", 1)[0]) for b in guide.split("```yaml\n")[1:]]
    manifest, faction, leader = blocks[0], blocks[1], blocks[2]
    assert manifest.startswith("id: my_first_mod") and "authors:" in manifest
    write_mod(
        tmp_path,
        "my_first_mod",
        {"factions/decists.yaml": faction, "characters/decists.yaml": leader},
        manifest=manifest,
    )
    problems = [p for p in problems_with(tmp_path, "my_first_mod") if "error" in p]
    assert problems == [], problems
