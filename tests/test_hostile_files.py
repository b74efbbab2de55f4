"""No file can stop the game: every reader of outside data — saves, settings, set-up files, mod
manifests and mod content — refuses a planted file of each family with one line, quickly, and
the game still starts (a broken mod disabled, broken settings set aside, a broken save listed).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.content.loader import load_game
from game.content.mods import discover
from game.persistence.codec import SaveError, read_header, read_save, sign
from game.session.saving import list_saves
from game.session.settings import load_settings
from game.session.setupfile import SetupError, read_setup

ROOT = Path(__file__).resolve().parents[1]
DEEP = "[" * 100_000 + "]" * 100_000
posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")


def one_line(message: str) -> str:
    assert "\n" not in message and "Traceback" not in message and len(message) < 400, message
    return message


def timed(call, *args):
    started = time.perf_counter()
    try:
        return call(*args)
    finally:
        assert time.perf_counter() - started < 5.0


# ---- saves -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def good_save(tmp_path_factory) -> dict:
    from game.content.build import load_content
    from game.persistence.codec import SaveData, encode, make_header
    from game.session.headless import play_game

    rs = load_content(ROOT / "data").ruleset
    record = play_game(rs, "scissors", 3, max_turns=2)
    header = make_header(record.state, rs.content_hash, [], ["a", "b"], "2026-01-01T00:00:00")
    return json.loads(
        encode(SaveData(header, record.state, list(record.actions), [], {"humans": [], "levels": {}, "options": {}}))
    )


def _signed(doc: dict, change) -> str:
    doc = json.loads(json.dumps(doc))
    change(doc)
    return json.dumps(sign(doc))


SAVES = {
    "deep_everything": lambda d: DEEP,
    "deep_header": lambda d: '{"header": ' + DEEP + "}",
    "deep_state": lambda d: _signed(d, lambda x: None).replace(
        '"state": {', '"state": {"extra":' + "[" * 5000 + "]" * 5000 + ",", 1
    ),
    "huge_int": lambda d: _signed(d, lambda x: None).replace('"seed":', '"seed":' + "9" * 5000 + ',"x":', 1),
    "nan": lambda d: _signed(d, lambda x: None).replace('"turn":', '"turn":NaN,"y":', 1),
    "scenario_list": lambda d: _signed(d, lambda x: x["header"].update(scenario=["a"])),
    "turn_text": lambda d: _signed(d, lambda x: x["header"].update(turn="x")),
    "factions_numbers": lambda d: _signed(d, lambda x: x["header"].update(factions=[1, 2])),
    "mods_wrong": lambda d: _signed(d, lambda x: x["header"].update(mods=[{"id": []}])),
    "table_list": lambda d: _signed(d, lambda x: x.update(table=[])),
    "levels_list": lambda d: _signed(d, lambda x: x["table"].update(levels=["hard"])),
    "options_nested": lambda d: _signed(d, lambda x: x["table"].update(options={"handover": {"a": 1}})),
    "state_types": lambda d: _signed(d, lambda x: x["state"].update(factions=[1, 2, 3])),
    "log_entry": lambda d: _signed(d, lambda x: x["state"]["log"].append(["x", 1, []])),
    "indicators_text": lambda d: _signed(d, lambda x: x["state"].update(indicators="lots")),
    "not_utf8": lambda d: b"\xff\xfe{}",
    "empty": lambda d: "",
}


@pytest.mark.parametrize("case", sorted(SAVES))
def test_a_planted_save_is_refused_in_one_line(good_save, tmp_path, case):
    path = tmp_path / f"{case}.testament.json"
    made = SAVES[case](good_save)
    path.write_bytes(made if isinstance(made, bytes) else made.encode("utf-8"))
    with pytest.raises(SaveError) as info:
        timed(read_save, path)
    assert one_line(str(info.value)).startswith(path.name)
    try:
        read_header(path)
        header_reads = True  # the header alone is sound: listed, and refused when opened
    except SaveError:
        header_reads = False
    [(listed, header, problem)] = timed(list_saves, tmp_path)
    assert listed == path and (header is not None) == header_reads
    assert header_reads or one_line(problem).startswith(path.name)


def test_a_good_save_still_loads(good_save, tmp_path):
    path = tmp_path / "good.testament.json"
    path.write_text(json.dumps(good_save))
    assert read_save(path).state.scenario == "scissors"


@posix_only
def test_folders_pipes_and_dangling_links_in_the_saves_folder_are_listed_not_fatal(tmp_path):
    (tmp_path / "folder.testament.json").mkdir()
    os.mkfifo(tmp_path / "pipe.testament.json")
    os.symlink(tmp_path / "nowhere", tmp_path / "dangling.testament.json")
    listed = timed(list_saves, tmp_path)
    assert sorted(p.name for p, _, _ in listed) == [
        "dangling.testament.json",
        "folder.testament.json",
        "pipe.testament.json",
    ]
    for path, header, problem in listed:
        assert header is None and one_line(problem).startswith(path.name)
    with pytest.raises(SaveError, match="folder"):
        read_header(tmp_path / "folder.testament.json")
    with pytest.raises(SaveError, match="not a regular file"):
        read_header(tmp_path / "pipe.testament.json")


# ---- settings ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", [DEEP, "[]", "{not json", '{"mods": ' + "[" * 80 + "]" * 80 + "}", '{"width": 1e999}', "\xff"]
)
def test_broken_settings_are_set_aside_and_the_defaults_used(tmp_path, text):
    path = tmp_path / "settings.json"
    path.write_bytes(text.encode("latin-1") if text == "\xff" else text.encode())
    settings = timed(load_settings, path)
    assert settings.mods == [] and settings.width == 1600
    assert "set aside as settings.json.broken-1" in one_line(settings.problem)
    assert not path.exists() and (tmp_path / "settings.json.broken-1").read_bytes()  # nothing lost


@posix_only
def test_a_settings_folder_or_pipe_is_set_aside(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "settings.json").mkdir()
    assert "folder" in timed(load_settings, tmp_path / "a" / "settings.json").problem
    (tmp_path / "b").mkdir()
    os.mkfifo(tmp_path / "b" / "settings.json")
    assert "not a regular file" in timed(load_settings, tmp_path / "b" / "settings.json").problem


def test_wrong_types_inside_good_settings_keep_the_rest(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"mods": [["x"]], "width": "wide", "summarise": [[1], "famine"], "fullscreen": 1}))
    settings = load_settings(path)
    assert (
        settings.mods == []
        and settings.width == 1600
        and settings.summarise == ["famine"]
        and settings.fullscreen is False
    )
    assert path.exists()  # readable JSON is kept; only the wrong fields fall back


# ---- set-up files ------------------------------------------------------------------------------

SETUPS = {
    "scenario_list": {"format": 1, "scenario": ["scissors"], "seed": 1},
    "scenario_map": {"format": 1, "scenario": {"a": 1}, "seed": 1},
    "preset_list": {"format": 1, "scenario": "scissors", "seed": 1, "preset": [1]},
    "teams_nested": {"format": 1, "scenario": "scissors", "seed": 1, "teams": [["trotsky"]]},
    "ai_list": {"format": 1, "scenario": "scissors", "seed": 1, "ai": {"trotsky": ["hard"]}},
    "options_list": {"format": 1, "scenario": "scissors", "seed": 1, "options": {"handover": []}},
    "summarise_nested": {"format": 1, "scenario": "scissors", "seed": 1, "summarise": [["famine"]]},
    "format_true": {"format": True, "scenario": "scissors", "seed": 1},
    "seed_float": {"format": 1, "scenario": "scissors", "seed": 1.5},
}


@pytest.mark.parametrize("case", sorted(SETUPS) + ["deep", "huge_seed", "nan"])
def test_a_planted_setup_file_is_refused_in_one_line(rs, tmp_path, case):
    path = tmp_path / "x.testament-setup"
    if case == "deep":
        path.write_text(DEEP)
    elif case == "huge_seed":
        path.write_text('{"format": 1, "scenario": "scissors", "seed": ' + "9" * 5000 + "}")
    elif case == "nan":
        path.write_text('{"format": 1, "scenario": "scissors", "seed": NaN}')
    else:
        path.write_text(json.dumps(SETUPS[case]))
    with pytest.raises(SetupError) as info:
        timed(read_setup, path, rs)
    assert one_line(str(info.value)).startswith(path.name)


@posix_only
def test_a_setup_folder_or_pipe_is_refused(rs, tmp_path):
    (tmp_path / "d.testament-setup").mkdir()
    os.mkfifo(tmp_path / "p.testament-setup")
    for name, words in (("d.testament-setup", "folder"), ("p.testament-setup", "not a regular file")):
        with pytest.raises(SetupError, match=words):
            timed(read_setup, tmp_path / name, rs)


# ---- mods --------------------------------------------------------------------------------------

MANIFESTS = {
    "float_tag": "id: bad\nname: !!float abc\nversion: 1.0.0\n",
    "int_tag": "id: bad\nname: Bad\nversion: 1.0.0\nrequires: [!!int abc]\n",
    "bool_tag": "id: bad\nname: Bad\nversion: 1.0.0\ndescription: !!bool maybe\n",
    "huge_int": "id: bad\nname: Bad\nversion: 1.0.0\ndescription: " + "9" * 5000 + "\n",
    "deep": "id: bad\nname: Bad\nversion: 1.0.0\ndescription: " + "[" * 5000 + "]" * 5000 + "\n",
    "id_list": "id: [1, 2]\nname: Bad\nversion: 1.0.0\n",
    "timestamp": "id: bad\nname: Bad\nversion: 2001-12-14\n",
    "newer_game": "id: bad\nname: Bad\nversion: 1.0.0\ngame: '>=99.0.0'\n",
}


@pytest.mark.parametrize("case", sorted(MANIFESTS))
def test_a_broken_manifest_disables_its_mod_and_the_game_starts(tmp_path, case):
    folder = tmp_path / "mods" / "bad"
    folder.mkdir(parents=True)
    (folder / "mod.yaml").write_text(MANIFESTS[case])
    found = timed(discover, [tmp_path / "mods"])
    assert "bad" in found.disabled and one_line(found.disabled["bad"])
    assert any(":" in str(p) for p in found.problems)  # located: file:line:col
    for chosen in ([], ["bad"]):
        content = timed(load_game, ROOT / "data", chosen, [tmp_path / "mods"])
        assert content.active == [] and content.ruleset.factions


@pytest.mark.parametrize("value", ["!!float abc", "!!int abc", "!!bool maybe", "9" * 5000, "[" * 5000 + "]" * 5000])
def test_a_bad_value_in_an_enabled_mods_content_disables_it(tmp_path, value):
    folder = tmp_path / "mods" / "m"
    (folder / "traits").mkdir(parents=True)
    (folder / "mod.yaml").write_text("id: m\nname: M\nversion: 1.0.0\n")
    (folder / "traits" / "t.yaml").write_text(f"- id: brave\n  name: Brave\n  text: x\n  fear: {value}\n")
    content = timed(load_game, ROOT / "data", ["m"], [tmp_path / "mods"])
    assert content.active == [] and "t.yaml:4:" in content.mods.disabled["m"]


@posix_only
@pytest.mark.parametrize("case", ["manifest_link", "file_link", "folder_link", "pipe", "device", "manifest_folder"])
def test_mod_files_outside_the_folder_or_special_are_refused(tmp_path, case):
    outside = tmp_path / "secret"
    outside.mkdir()
    (outside / "mod.yaml").write_text("id: m\nname: M\nversion: 1.0.0\n")
    folder = tmp_path / "mods" / "m"
    (folder / "events").mkdir(parents=True)
    if case != "manifest_link":
        (folder / "mod.yaml").write_text("id: m\nname: M\nversion: 1.0.0\n")
    {
        "manifest_link": lambda: os.symlink(outside / "mod.yaml", folder / "mod.yaml"),
        "file_link": lambda: os.symlink(outside / "mod.yaml", folder / "events" / "e.yaml"),
        "folder_link": lambda: os.symlink(outside, folder / "cards"),
        "pipe": lambda: os.mkfifo(folder / "events" / "e.yaml"),
        "device": lambda: os.symlink("/dev/zero", folder / "events" / "zero.yaml"),
        "manifest_folder": lambda: None,
    }[case]()
    if case == "manifest_folder":
        (folder / "mod.yaml").unlink()
        (folder / "mod.yaml").mkdir()
    found = timed(discover, [tmp_path / "mods"])
    assert "m" not in found.available and one_line(found.disabled.get("m", "") or str(found.problems[0]))
    content = timed(load_game, ROOT / "data", ["m"], [tmp_path / "mods"])
    assert content.active == []


def test_an_oversized_mod_file_is_refused_without_reading_it(tmp_path):
    from game.content.modfiles import MAX_FILE_BYTES

    folder = tmp_path / "mods" / "m"
    (folder / "assets").mkdir(parents=True)
    (folder / "mod.yaml").write_text("id: m\nname: M\nversion: 1.0.0\n")
    with open(folder / "assets" / "big.bin", "wb") as out:
        out.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    found = timed(discover, [tmp_path / "mods"])
    assert "big.bin is" in found.disabled["m"] and "at most" in found.disabled["m"]


# ---- the command line --------------------------------------------------------------------------


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "game", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, **(env or {})},
    )
    assert time.perf_counter() - started < 15.0  # the interpreter's start included
    assert "Traceback" not in out.stderr + out.stdout, out.stderr
    return out


def test_the_command_line_refuses_planted_files_in_one_line(good_save, tmp_path):
    deep = tmp_path / "deep.testament.json"
    deep.write_text(DEEP)
    for command in (["replay", str(deep)], ["report", str(deep)]):
        out = run(*command)
        assert out.returncode == 1 and out.stderr.count("\n") == 1 and "nested more than" in out.stderr
    good = tmp_path / "good.testament.json"
    good.write_text(json.dumps(good_save))
    out = run("report", str(good), "--out", str(tmp_path))
    assert out.returncode == 1 and "it is a folder" in out.stderr and out.stderr.strip().count("\n") == 0
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    out = run("report", str(good), "--out", str(blocker / "r.html"))  # cannot be written there: one line
    assert (
        out.returncode == 1 and out.stderr.startswith(f"error: {blocker / 'r.html'}:") and out.stderr.count("\n") == 1
    )
    out = run("simulate", "--games", "1", "--scenario", "scissors", "--mods", "", "--save", str(tmp_path))
    assert out.returncode == 1 and "it is a folder" in out.stderr


def test_a_broken_manifest_and_settings_do_not_stop_any_command(tmp_path):
    user = tmp_path / "user"
    (user / "mods" / "bad").mkdir(parents=True)
    (user / "mods" / "bad" / "mod.yaml").write_text(MANIFESTS["float_tag"])
    (user / "settings.json").write_text(DEEP)
    env = {"TESTAMENT_USER_DIR": str(user)}
    out = run("mods", env=env)
    assert out.returncode == 0 and "[bad] bad:" in out.stdout and "is not a valid float" in out.stdout
    assert f"settings file: {user / 'settings.json'}" in out.stdout and f"user mods:     {user / 'mods'}" in out.stdout
    assert (user / "settings.json.broken-1").exists()
    out = run("mods", "--disable", "bad", env=env)
    assert out.returncode == 0
    out = run("mods", "--enable", "bad", env=env)
    assert out.returncode == 1 and "cannot be enabled: 'abc' is not a valid float" in out.stdout
    out = run("validate", env=env)
    assert out.returncode == 1 and "mod.yaml:2:7: error: 'abc' is not a valid float" in out.stdout


def test_the_window_opens_over_planted_saves_settings_and_mods(tmp_path):
    user, saves = tmp_path / "user", tmp_path / "saves"
    (user / "mods" / "bad").mkdir(parents=True)
    (user / "mods" / "bad" / "mod.yaml").write_text(MANIFESTS["deep"])
    (user / "settings.json").write_text('{"mods": ["bad"], "width": ' + "9" * 5000 + "}")
    saves.mkdir()
    (saves / "deep.testament.json").write_text(DEEP)
    (saves / "dir.testament.json").mkdir()
    (saves / ".x.testament.json.abcd1234.tmp").write_text("left by a killed save")
    os.utime(saves / ".x.testament.json.abcd1234.tmp", (1, 1))
    env = {
        "TESTAMENT_USER_DIR": str(user),
        "TESTAMENT_SAVES_DIR": str(saves),
        "TESTAMENT_STARTUP_PROBE": "1",
        "SDL_VIDEODRIVER": "dummy",
        "SDL_AUDIODRIVER": "dummy",
    }
    out = run(env=env)
    assert out.returncode == 0, out.stderr
    assert "set aside" in out.stderr and not (saves / ".x.testament.json.abcd1234.tmp").exists()
