"""A set-up file gives the same start on every machine, and bad ones are refused clearly."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.core.state import state_hash
from game.session.setupfile import Setup, SetupError, read_setup, write_setup

ROOT = Path(__file__).resolve().parents[1]


def test_the_same_setup_file_gives_the_same_start(rs, tmp_path):
    path = write_setup(
        tmp_path / "class-7b",
        Setup("scissors", 4242, "one_lesson", ["bukharin", "trotsky"], {"left_sr": "easy"}, {"handover": True}),
    )
    assert path.name == "class-7b.testament-setup"
    first = read_setup(path, rs).start(rs)
    second = read_setup(path, rs).start(rs)
    assert state_hash(first.state) == state_hash(second.state)
    assert first.state.preset == "one_lesson" and first.state.last_turn == 5
    assert first.humans == ["bukharin", "trotsky"] and first.levels == {"left_sr": "easy"}
    # ...and in a fresh process, as on another machine.
    code = (
        "from pathlib import Path; from game.content.loader import load_game; from game.session.setupfile import read_setup;"
        "from game.core.state import state_hash; c=load_game(Path('data'), [], [Path('mods')]);"
        f"print(state_hash(read_setup(Path({str(path)!r}), c.ruleset).start(c.ruleset).state))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.stdout.strip() == state_hash(first.state)


def test_the_one_lesson_preset_shortens_the_game_and_its_rules(rs):
    from game.core import actions as A
    from game.core.legality import check

    session = Setup("scissors", 1, "one_lesson", ["trotsky"]).start(rs)
    session.run_bots()
    while session.state.phase == "chronicle":
        event = rs.events[session.state.event_queue[0]]
        session.submit(A.ChooseOption(session.to_move(), event.id, event.choices[0].id))
        session.run_bots()
    assert session.state.factions["trotsky"].ap == 2
    reason = check(rs, session.state, A.Platform("trotsky"))
    assert reason is not None and reason.key == "preset.left_out"


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ({"format": 1, "scenario": "atlantis", "seed": 1}, "unknown scenario 'atlantis'"),
        ({"format": 1, "scenario": "scissors", "seed": -3}, "the seed must be a whole number"),
        ({"format": 1, "scenario": "scissors", "seed": 1, "preset": "nap"}, "has no preset 'nap'"),
        ({"format": 1, "scenario": "scissors", "seed": 1, "teams": ["stalin"]}, "teams must be playable factions"),
        ({"format": 2, "scenario": "scissors", "seed": 1}, "format 1 expected"),
        ({"format": 1, "scenario": "scissors", "seed": 1, "options": {"turn_timer": 500}}, "turn_timer is minutes"),
        ({"format": 1, "scenario": "scissors", "seed": 1, "options": {"cheats": True}}, "unknown option 'cheats'"),
        (
            {"format": 1, "scenario": "scissors", "seed": 1, "options": {"class_vote": "yes"}},
            "class_vote is true or false",
        ),
    ],
)
def test_bad_setup_files_are_refused(rs, tmp_path, doc, expected):
    path = tmp_path / "bad.testament-setup"
    path.write_text(json.dumps(doc))
    with pytest.raises(SetupError, match=expected):
        read_setup(path, rs)


def test_a_setups_content_settings_travel_with_it_into_the_game(rs, tmp_path):
    from game.content.tags import in_force

    path = write_setup(
        tmp_path / "class-8a", Setup("scissors", 7, None, ["trotsky"], summarise=["execution", "famine"])
    )
    assert json.loads(path.read_text())["summarise"] == ["execution", "famine"]
    setup = read_setup(path, rs)
    assert setup.summarise == ["famine", "execution"]
    session = setup.start(rs)
    assert in_force([], session.options) == ["famine", "execution"]
    assert in_force(["violence"], session.options) == ["famine", "execution", "violence"]  # added to the player's own
    # ...and a set-up without the field (an older file) summarises nothing of its own.
    doc = json.loads(path.read_text())
    del doc["summarise"]
    path.write_text(json.dumps(doc))
    assert in_force([], read_setup(path, rs).start(rs).options) == []


@pytest.mark.parametrize("summarise", [["gore"], "famine", [1]])
def test_a_setup_with_unknown_content_tags_is_refused_naming_the_file(rs, tmp_path, summarise):
    path = tmp_path / "odd.testament-setup"
    path.write_text(json.dumps({"format": 1, "scenario": "scissors", "seed": 1, "summarise": summarise}))
    with pytest.raises(
        SetupError, match=r"odd\.testament-setup: 'summarise' is a list of content tags: famine, repression"
    ):
        read_setup(path, rs)


def test_the_classroom_options_travel_with_the_setup(rs, tmp_path):
    options = {"handover": True, "vote_reports": False, "rotate_driver": True, "class_vote": True, "turn_timer": 5}
    path = write_setup(tmp_path / "class", Setup("scissors", 7, "one_lesson", ["bukharin", "trotsky"], {}, options))
    session = read_setup(path, rs).start(rs)
    assert {k: session.options[k] for k in options} == options


def test_a_setup_may_ask_for_the_hard_ai(rs, tmp_path):
    from game.ai.hard import HardBot

    path = write_setup(
        tmp_path / "hard", Setup("scissors", 3, "one_lesson", ["bukharin"], {"trotsky": "hard", "left_sr": "easy"})
    )
    session = read_setup(path, rs).start(rs)
    assert session.levels == {"trotsky": "hard", "left_sr": "easy"}
    assert isinstance(session.bots["trotsky"], HardBot) and not isinstance(session.bots["left_sr"], HardBot)
    path.write_text(json.dumps({"format": 1, "scenario": "scissors", "seed": 1, "ai": {"trotsky": "expert"}}))
    with pytest.raises(SetupError, match="AI levels are easy, standard or hard"):
        read_setup(path, rs)
