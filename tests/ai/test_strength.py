"""The strength tool on a few paired seeds: the pairing, the interval, the JSON shape, the baselines
and the scripted strategies all run through the engine's own rules."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.content.loader import load_game
from game.session.strength import balance, interval, paired

ROOT = Path(__file__).resolve().parents[2]
SOURCE = (ROOT / "data", [], [])


@pytest.fixture(scope="module")
def rs():
    return load_game(*SOURCE).ruleset


def test_a_level_against_itself_is_exactly_even(rs):
    # Paired seeds: the same level on the same seed is the same game, so every difference is 0.
    r = paired(SOURCE, rs, "scissors", "standard", "standard", ["trotsky"], 2, 40, workers=1)
    assert r["factions"]["trotsky"]["mean_diff"] == 0.0
    assert r["factions"]["trotsky"]["ci95"] == [0.0, 0.0]


def test_the_interval_widens_with_the_spread():
    assert interval([1.0, 1.0, 1.0]) == (1.0, 1.0, 1.0)
    mean, low, high = interval([0.0, 10.0])
    assert mean == 5.0 and low < 0.0 < 10.0 < high


def test_the_baselines_and_a_scripted_strategy_play_whole_games(rs):
    r = paired(SOURCE, rs, "scissors", "passive", "tests.ai.scripted:CheapestMotion", ["bukharin"], 1, 7, workers=1)
    row = r["factions"]["bukharin"]
    assert set(row) == {"mean_diff", "ci95", "win_rate_level", "win_rate_baseline", "s_per_game"}
    assert row["mean_diff"] != 0.0  # a player who does nothing and one who proposes every turn differ
    r = paired(SOURCE, rs, "scissors", "random", "standard", ["left_sr"], 1, 7, workers=1)
    assert r["factions"]["left_sr"]["s_per_game"] > 0 and r["factions"]["left_sr"]["win_rate_level"] in (0.0, 1.0)


def test_the_balance_table_counts_every_game(rs):
    r = balance(SOURCE, rs, "scissors", 2, 3, preset="one_lesson", workers=1)
    assert sum(x["wins"] for x in r["factions"].values()) + r["no_winner"] == 2


def test_the_command_prints_the_documented_json(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "game", "strength", "--level", "passive", "--baseline", "standard"]
        + ["--factions", "trotsky", "--games", "1", "--seed", "5", "--scenario", "scissors", "--jobs", "1", "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"TESTAMENT_USER_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
        check=True,
    )
    doc = json.loads(out.stdout)
    assert set(doc) == {"level", "baseline", "games", "seed", "factions"}
    assert (
        doc["level"] == "passive" and doc["factions"]["trotsky"]["ci95"][0] <= doc["factions"]["trotsky"]["mean_diff"]
    )


def test_unknown_levels_and_factions_are_refused_in_one_line(tmp_path):
    for args in (["--level", "genius"], ["--factions", "mensheviks"], ["--balance", "--preset", "nope"]):
        out = subprocess.run(
            [sys.executable, "-m", "game", "strength", "--games", "1", *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={"TESTAMENT_USER_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
        )
        assert out.returncode == 2 and len(out.stderr.strip().splitlines()) == 1, out.stderr


def test_the_random_level_answers_an_event_its_view_names_another_chooser_for(rs):
    # Who decides an office's event hangs on who controls the holder, and a rival's secret holds
    # are hidden from a player's view: the engine asks the true chooser, whom its own view may not
    # name. The random player answered with EndTurn, which the engine refused, 20 000 times over.
    from game.ai.baselines import RandomBot
    from game.core import actions as A
    from game.core.engine import new_game
    from game.core.flow import chooser_of
    from game.core.rng import Rng

    state = new_game(rs, "succession", 3)
    event = next(e for e in rs.events.values() if len(e.choices) > 1)
    state.event_queue = [event.id]
    asked = next(f for f in rs.faction_ids if f != chooser_of(rs, state, event.id))
    move = RandomBot(rs, asked).choose(state, Rng(5), lambda a: True)
    assert isinstance(move, A.ChooseOption) and move.event == event.id
    assert move.option in {c.id for c in event.choices}
