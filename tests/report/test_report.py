"""The after-action report builds from a simulated game's save, names every faction and every
vote, carries what really happened, and loads nothing from outside (works offline)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_report_from_a_simulated_save(tmp_path):
    save = tmp_path / "g.testament.json"
    out = subprocess.run(
        [sys.executable, "-m", "game", "simulate", "--seed", "21", "--save", str(save), "--mods", ""],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    html_path = tmp_path / "report.html"
    out = subprocess.run(
        [sys.executable, "-m", "game", "report", str(save), "--out", str(html_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    page = html_path.read_text(encoding="utf-8")

    from game.content.loader import load_game
    from game.persistence.codec import read_save

    rs = load_game(ROOT / "data", [], [ROOT / "mods"]).ruleset
    state = read_save(save).state
    for faction in rs.factions.values():
        assert faction.name.replace("'", "&#x27;") in page
    votes = [p for _, key, p in state.log if key == "vote.held"]
    assert votes and page.count("The Politburo carried") + page.count("The Politburo defeated") == len(votes)
    assert page.count("What really happened.") >= 1
    assert page.count("<svg class='chart'") >= 8
    # Offline: no scripts, no stylesheets or images fetched from anywhere.
    assert "<script" not in page and "<link" not in page
    assert not re.search(r"""(src|href)\s*=\s*['"](https?:)?//""", page)
    assert "For discussion" in page
