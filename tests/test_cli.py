"""The command line as a user runs it: simulate is reproducible, bench and validate report."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "game", *args], capture_output=True, text=True, cwd=ROOT, timeout=300)


def test_simulate_json_is_reproducible_and_seed_dependent():
    a = run("simulate", "--games", "3", "--seed", "7", "--json")
    b = run("simulate", "--games", "3", "--seed", "7", "--json")
    c = run("simulate", "--games", "3", "--seed", "8", "--json")
    assert a.returncode == 0, a.stderr
    doc_a, doc_b, doc_c = (json.loads(x.stdout) for x in (a, b, c))
    assert doc_a["games"] == doc_b["games"]
    assert doc_a["games"] != doc_c["games"]
    game = doc_a["games"][0]
    assert set(game) >= {"seed", "winner", "how", "turns", "scores", "indicators", "state_hash", "votes", "pacts"}
    assert "timing" in doc_a and "game_ms" in doc_a["timing"]
    assert all("ms" not in key for key in game)
    # The votes: the three chances and every ballot with its whip and reasons.
    votes = [v for g in doc_a["games"] for v in g["votes"]]
    assert votes
    for v in votes:
        assert {"turn", "proposer", "kind", "p_at_proposal", "p_at_vote_view", "p_true", "passed", "ballots"} <= set(v)
        for key in ("p_at_proposal", "p_at_vote_view", "p_true"):
            assert 0.0 <= v[key] <= 1.0
        for b in v["ballots"]:
            assert {"member", "whip", "vote", "defected", "reasons"} <= set(b)
            assert b["whip"] in ("for", "against", "free", "independent")
            assert b["defected"] == ((b["whip"] == "for" and not b["vote"]) or (b["whip"] == "against" and b["vote"]))
    pacts = [p for g in doc_a["games"] for p in g["pacts"]]
    assert any(p.get("opening") and p["kind"] == "bloc" for p in pacts)  # the triumvirate
    for p in pacts:
        assert {"turn", "from", "to", "accepted", "broken_turn"} <= set(p)


def test_trace_reads_like_a_chronicle():
    out = run("simulate", "--scenario", "scissors", "--games", "1", "--seed", "3", "--trace")
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert "== Spring 1924 ==" in text and "== Autumn 1924 ==" in text
    assert "The scenario ends" in text or "holds sole power" in text
    assert "Politburo" in text
    assert "=" not in text.replace("==", ""), "raw key=value debug output leaked into the trace"


def test_play_headless_narrates_a_game():
    out = run("play", "--headless")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Testament")
    assert "== Spring 1924 ==" in out.stdout and ("The scenario ends" in out.stdout or "holds sole power" in out.stdout)


def test_version_and_validate():
    out = run("--version")
    assert out.returncode == 0 and out.stdout.startswith("testament ")
    out = run("validate")
    assert out.returncode == 0
    assert out.stdout.strip().splitlines()[-1].startswith("ok: ")


def test_bench_prints_the_budget_keys():
    out = run("bench", "--games", "2", "--json", "--hard-games", "1", "--hard-turns", "1")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    for key in (
        "game_ms_median",
        "games_per_s",
        "ai_decision_ms_median",
        "content_load_ms",
        "ai_decision_hard_ms_median",
        "ai_decision_hard_ms_p95",
        "hard_iterations_per_s",
    ):
        assert key in doc and doc[key] > 0


def test_simulate_takes_ai_levels_and_refuses_unknown_ones():
    out = run("simulate", "--games", "2", "--seed", "3", "--levels", "bukharin=easy,trotsky=easy", "--json")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["levels"]["bukharin"] == "easy" and doc["levels"]["left_sr"] == "standard"
    bad = run("simulate", "--levels", "bukharin=brilliant")
    assert bad.returncode == 2 and "unknown AI level 'brilliant'" in bad.stderr and "hard" in bad.stderr
    bad = run("simulate", "--levels", "bucharin=hard")
    assert bad.returncode == 2 and "unknown faction 'bucharin'" in bad.stderr
    bad = run("simulate", "--level", "hard", "--think", "0")
    assert bad.returncode == 2 and "--think: at least 1" in bad.stderr


def test_unknown_scenario_is_a_clear_error():
    out = run("simulate", "--scenario", "atlantis")
    assert out.returncode == 2
    assert "unknown scenario 'atlantis'" in out.stderr and "succession" in out.stderr
