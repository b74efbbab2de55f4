"""Saves round-trip, replay to the same hashes, refuse bad and hostile files with one line, and
never lose the previous save when a write is interrupted."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.content.loader import load_game
from game.core.state import state_hash
from game.persistence.atomic import write_atomic
from game.persistence.codec import SaveError, read_header, read_save, sign
from game.persistence.migrations import CURRENT
from game.persistence.replay import replay
from game.session.live import Session
from game.session.saving import autosave, list_saves, load_session, safe_name, save_session

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "saves" / "format1_scissors_seed2.json"


@pytest.fixture(scope="module")
def content():
    return load_game(ROOT / "data", [], [ROOT / "mods"])


@pytest.fixture(scope="module")
def played(content):
    session = Session.start(content.ruleset, "scissors", 4, ["trotsky"], {"bukharin": "easy"})
    from game.core import actions as A

    for _ in range(3000):
        if session.over:
            break
        mover = session.human_to_move()
        if mover is None:
            session.step_bot()
        elif session.state.phase == "chronicle":
            event = content.ruleset.events[session.state.event_queue[0]]
            session.submit(A.ChooseOption(mover, event.id, event.choices[-1].id))
        else:
            session.submit(
                A.Lobby(mover, "kalinin", 2)
                if session.state.factions[mover].influence >= 2 and session.state.factions[mover].ap > 2
                else A.EndTurn(mover)
            )
        if session.state.turn >= 5:
            break
    return session


def test_save_and_load_give_an_equal_game(content, played, tmp_path):
    path = save_session(tmp_path / "game.testament.json", played, content)
    loaded = load_session(path, content)
    assert state_hash(loaded.state) == state_hash(played.state)
    assert loaded.timeline.log == played.timeline.log
    assert loaded.humans == ["trotsky"] and loaded.levels == {"bukharin": "easy"}
    header = read_header(path)
    assert header["format"] == CURRENT and header["scenario"] == "scissors" and header["seed"] == 4
    assert header["date"] and header["turn"] == played.state.turn


def test_replay_reproduces_every_turn(content, played, tmp_path):
    path = save_session(tmp_path / "g.testament.json", played, content)
    result = replay(content.ruleset, read_save(path))
    assert result.ok and result.turns_checked == len(played.turn_hashes) >= 5


def test_a_tampered_save_is_caught(content, played, tmp_path):
    path = save_session(tmp_path / "g.testament.json", played, content)
    doc = json.loads(path.read_text())
    doc["state"]["factions"]["trotsky"]["influence"] += 5
    path.write_text(json.dumps(doc))
    with pytest.raises(SaveError, match="does not match its checksum"):
        read_save(path)
    doc["header"].pop("state_hash")
    path.write_text(json.dumps(sign(doc)))  # even re-signed by the forger, the replay notices
    result = replay(content.ruleset, read_save(path))
    assert not result.ok and "different state" in result.message


@pytest.mark.parametrize("part", ["header", "table", "log", "turn_hashes", "state"])
def test_the_checksum_covers_every_part_of_the_save(content, played, tmp_path, part):
    path = save_session(tmp_path / "g.testament.json", played, content)
    doc = json.loads(path.read_text())
    change = {
        "header": lambda d: d["header"].update(date="<b>1999</b>"),
        "table": lambda d: d["table"]["levels"].update(trotsky="<script>alert(1)</script>"),
        "log": lambda d: d["log"].pop(),
        "turn_hashes": lambda d: d["turn_hashes"].append("0" * 64),
        "state": lambda d: d["state"].update(seed=d["state"]["seed"] + 1),
    }
    change[part](doc)
    path.write_text(json.dumps(doc))
    with pytest.raises(SaveError, match="does not match its checksum"):
        read_save(path)
    with pytest.raises(SaveError, match="does not match its checksum"):
        read_header(path)


def test_a_changed_log_names_the_first_turn_that_diverges(content, played, tmp_path):
    path = save_session(tmp_path / "g.testament.json", played, content)
    doc = json.loads(path.read_text())
    doc["turn_hashes"][2] = "0" * 64
    path.write_text(json.dumps(sign(doc)))  # re-signed: the replay, not the checksum, must notice
    result = replay(content.ruleset, read_save(path))
    assert not result.ok and "diverges at turn 3" in result.message


def resign(text: str) -> str:
    return json.dumps(sign(json.loads(text)))


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda t: t[: len(t) // 2], "the file is truncated"),
        (lambda t: "hello, not json", "not a readable save"),
        (lambda t: "[1, 2, 3]", "not a Testament save"),
        (lambda t: t.replace(f'"format":{CURRENT}', '"format":99', 1), "update the game"),
        (lambda t: t.replace(f'"format":{CURRENT}', '"format":"two"', 1), "format is missing or not a number"),
        (
            lambda t: t.replace('"log":[', '"log":{"x":[', 1).replace('],"turn_hashes"', ']},"turn_hashes"', 1),
            "'log' is missing or of the wrong type",
        ),
        (lambda t: resign(t.replace('"type":"choose"', '"type":"teleport"', 1)), "unknown action type"),
        (lambda t: t.replace('"type":"choose"', '"type":"teleport"', 1), "does not match its checksum"),
    ],
)
def test_bad_saves_are_refused_with_one_line(content, played, tmp_path, make, expected):
    good = save_session(tmp_path / "good.testament.json", played, content).read_text()
    path = tmp_path / "bad.testament.json"
    path.write_text(make(good))
    with pytest.raises(SaveError) as info:
        load_session(path, content)
    message = str(info.value)
    assert expected in message and "\n" not in message and message.startswith("bad.testament.json")


def test_huge_files_and_escaping_names_are_refused(content, played, tmp_path):
    huge = tmp_path / "huge.testament.json"
    huge.write_bytes(b" " * 20_000_001)
    with pytest.raises(SaveError, match="too large"):
        read_save(huge)
    with pytest.raises(SaveError, match="may not leave"):
        save_session(tmp_path / ".." / "escape.testament.json", played, content)
    assert safe_name("../../etc/passwd") == "______etc_passwd"


def test_an_interrupted_write_leaves_the_previous_save_whole(tmp_path, monkeypatch):
    path = tmp_path / "slot.testament.json"
    write_atomic(path, '{"first": true}')

    def crash(fd):
        raise OSError("power cut")

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(OSError):
        write_atomic(path, '{"second": true}')
    assert json.loads(path.read_text()) == {"first": True}
    assert [p.name for p in tmp_path.iterdir()] == ["slot.testament.json"], "a temporary file was left behind"


def test_autosaves_rotate_the_last_five(content, played, tmp_path):
    for _ in range(7):
        autosave(tmp_path, played, content)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [f"autosave-{i}.testament.json" for i in range(1, 6)]
    listed = list_saves(tmp_path)
    assert len(listed) == 5 and all(header for _, header, _ in listed)


def test_a_save_with_missing_mods_says_which(content, played, tmp_path):
    path = save_session(tmp_path / "g.testament.json", played, content)
    doc = json.loads(path.read_text())
    doc["header"]["mods"] = [{"id": "example_workers_opposition", "version": "1.0.0", "hash": "x"}]
    path.write_text(json.dumps(sign(doc)))
    with pytest.raises(SaveError, match="made with mod\\(s\\) example_workers_opposition, which are not enabled"):
        load_session(path, content)


def test_an_older_format_is_migrated(tmp_path):
    data = read_save(FIXTURE)
    assert data.header["format"] == CURRENT
    assert data.table["humans"] == [] and data.table["options"]["handover"] is True
    assert data.state.scenario == "scissors" and data.log


def test_the_command_line_replays_and_refuses(tmp_path):
    path = tmp_path / "cli.testament.json"
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "game",
            "simulate",
            "--scenario",
            "scissors",
            "--seed",
            "6",
            "--save",
            str(path),
            "--mods",
            "",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert out.returncode == 0 and path.is_file()
    ok = subprocess.run(
        [sys.executable, "-m", "game", "replay", str(path)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert ok.returncode == 0 and ok.stdout.startswith("ok: replayed")
    broken = tmp_path / "broken.testament.json"
    shutil.copy(path, broken)
    broken.write_text(broken.read_text()[:1000])
    bad = subprocess.run(
        [sys.executable, "-m", "game", "replay", str(broken)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert bad.returncode == 1 and "Traceback" not in bad.stderr and bad.stderr.count("\n") == 1
