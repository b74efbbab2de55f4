"""The example mod loads, validates and changes real games (issue 3, items 8-9)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from game.content.loader import load_game
from game.session.headless import play_game

ROOT = Path(__file__).resolve().parents[2]
MOD = "example_workers_opposition"


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "game", *args], capture_output=True, text=True, cwd=ROOT, timeout=300, env=env
    )


def test_the_example_mod_loads_with_its_faction():
    content = load_game(ROOT / "data", [MOD], [ROOT / "mods"])
    assert content.active == [MOD] and not content.mods.disabled
    rs = content.ruleset
    faction = rs.factions["workers_opposition"]
    assert faction.playable and set(faction.leaders) >= {"shlyapnikov", "kollontai"}
    assert sum(1 for c in rs.characters.values() if c.faction == "workers_opposition") >= 3
    assert sum(1 for e in rs.events if e in _mod_ids("events")) >= 5
    assert "workers_opposition" in rs.scenarios["succession"].playable


def _mod_ids(folder: str) -> set[str]:
    import yaml

    ids = set()
    for path in (ROOT / "mods" / MOD / folder).glob("*.yaml"):
        ids |= {r["id"] for r in yaml.safe_load(path.read_text())}
    return ids


def test_its_faction_plays_and_changes_games():
    base = load_game(ROOT / "data", [], [ROOT / "mods"]).ruleset
    modded = load_game(ROOT / "data", [MOD], [ROOT / "mods"]).ruleset
    a = play_game(base, "scissors", 3).state
    b = play_game(modded, "scissors", 3).state
    assert "workers_opposition" in b.scores and "workers_opposition" not in a.scores
    assert "workers_opposition" in b.order or b.phase == "over"
    acted = [e for e in b.log if e[2].get("faction") == "workers_opposition"]
    assert acted, "the mod's faction never acted"


def test_validate_the_mod_from_the_command_line():
    out = run("validate", f"mods/{MOD}")
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.strip().splitlines()[-1].startswith("ok: ") and MOD in out.stdout


def test_simulate_with_mods_changes_the_results():
    plain = json.loads(run("simulate", "--games", "2", "--seed", "5", "--json", "--mods", "").stdout)
    modded = json.loads(run("simulate", "--games", "2", "--seed", "5", "--json", "--mods", MOD).stdout)
    assert all("workers_opposition" in g["scores"] for g in modded["games"])
    assert plain["games"] != modded["games"]


def test_an_unknown_mod_on_the_command_line_is_a_warning_not_a_crash():
    out = run("simulate", "--games", "1", "--mods", "no_such_mod")
    assert out.returncode == 0
    assert "mod 'no_such_mod' is disabled: not installed" in out.stderr


def test_validate_strict_fails_on_warnings(tmp_path):
    mod = tmp_path / "warn_mod"
    (mod / "events").mkdir(parents=True)
    (mod / "mod.yaml").write_text("id: warn_mod\nname: W\nversion: 1.0.0\n")
    (mod / "events" / "e.yaml").write_text(
        "- id: late\n  title: Late\n  window: {from: '1950-spring', to: '1950-autumn'}\n  chooser: trotsky\n"
        "  text: x\n  choices:\n    - {id: a, label: A, effects: [{heat: {faction: chooser, add: 1}}]}\n"
        "    - {id: b, label: B, effects: [{heat: {faction: chooser, add: 2}}]}\n  history: x\n  sources: [x]\n"
    )
    loose = run("validate", str(mod))
    strict = run("validate", "--strict", str(mod))
    assert loose.returncode == 0 and "warning:" in loose.stdout
    assert strict.returncode == 1
