"""`python -m game history`: the historical line's medians are on the record (every series and
check of data/history/tolerances.yaml passes), the war test differs between lines, and the JSON
has the shape other tools read."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from game.cli.history import evaluate, run_history

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SEEDS = 5


@pytest.fixture(scope="module")
def historical(rs):
    return evaluate(rs, "historical", SEEDS)


def test_the_historical_line_passes_every_check_of_the_tolerances(historical):
    failed = {c["id"]: c["value"] for c in historical["checks"] if not c["ok"]}
    assert not failed, failed
    assert len(historical["checks"]) >= 10


def test_the_historical_line_follows_every_series_within_its_tolerance(historical):
    failed = {ind: v for ind, v in historical["verdicts"].items() if not v[2]}
    assert not failed, failed
    assert {
        "grain_harvest",
        "collectivisation",
        "camp_population",
        "famine_deaths",
        "repression_deaths",
        "procurement",
        "grain_exports",
        "death_sentences",
    } <= set(historical["verdicts"])


def test_the_war_test_differs_between_lines(rs, historical):
    outcomes = {"historical": historical["war"]["outcome"]}
    readiness = {"historical": historical["war"]["readiness"]}
    for line in ("nep", "bukharin", "no_terror", "left"):
        war = evaluate(rs, line, 3)["war"]
        outcomes[line], readiness[line] = war["outcome"], war["readiness"]
    assert outcomes["historical"] == "costly_victory", readiness
    assert outcomes["nep"] == "near_collapse", readiness  # too little industry
    assert readiness["no_terror"] > readiness["historical"] + 4  # the purged officer corps and the stalled plants
    assert outcomes["left"] == "halted_at_the_border", readiness
    assert len(set(outcomes.values())) >= 3


def test_the_json_has_every_year_and_indicator(rs):
    out = io.StringIO()
    assert run_history(rs, "nep", 2, True, out) == 0
    doc = json.loads(out.getvalue())
    assert set(doc) == {"line", "seeds", "years", "war"} and doc["line"] == "nep" and doc["seeds"] == 2
    assert list(doc["years"]) == [str(y) for y in range(1924, 1942)]
    assert set(doc["years"]["1930"]) == set(rs.indicator_ids)
    assert doc["years"]["1941"]["famine_deaths"] >= doc["years"]["1930"]["famine_deaths"]  # cumulative stays cumulative
    assert set(doc["war"]) == {"readiness", "outcome"}


def test_the_table_names_pass_and_fail_and_an_unknown_line_is_refused(rs, capsys):
    out = io.StringIO()
    assert run_history(rs, "historical", 2, False, out) == 0
    text = out.getvalue()
    assert "grain_harvest:" in text and "PASS" in text and "June 1941" in text
    assert run_history(rs, "no_such_line", 2, False, io.StringIO()) == 2
    assert "choose one of" in capsys.readouterr().err


def test_the_command_line_runs_it():
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "game", "--mods", "", "history", "--line", "bukharin", "--seeds", "2", "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["line"] == "bukharin"
