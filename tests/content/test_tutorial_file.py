"""The tutorial's steps are content: a broken step is a located one-line error, never a crash."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.content.build import ContentError
from game.content.loader import load_game

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ("  until: action lobyy\n", "unknown action 'lobyy'"),
        ("  until: turn soon\n", "needs a turn number"),
        ("  until: tab Cards\n", "unknown tab 'Cards'"),
        ("  until: eventually\n", "unknown 'until' 'eventually'"),
    ],
)
def test_a_broken_step_is_a_located_error(tmp_path, bad, words):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "tutorial" / "first_year.yaml"
    text = path.read_text().replace("  until: action lobby\n", bad, 1)
    path.write_text(text)
    with pytest.raises(ContentError) as caught:
        load_game(data, [], [])
    lines = [str(p) for p in caught.value.problems if "tutorial" in str(p)]
    assert len(lines) == 1 and words in lines[0] and "first_year.yaml:" in lines[0], lines


def test_the_base_tutorial_loads(rs):
    assert [s.id for s in rs.tutorial][:2] == ["welcome", "chronicle_events"]
    assert rs.tutorial[-1].until == ("next", "")
