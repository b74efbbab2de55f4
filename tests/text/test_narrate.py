"""The trace tells each half-year under its own date: what happens as a half-year begins (its era,
the outcomes abroad) opens that half-year's paragraph, not the one before (issue 15, the second read)."""

from __future__ import annotations

import io

from game.session.headless import play_game
from game.text.narrate import Narrator


def _paragraphs(trace: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    heading = ""
    for line in trace.splitlines():
        if line.startswith("== "):
            heading = line.strip("= ")
            assert heading not in out, f"two paragraphs for {heading}"
            out[heading] = []
        elif heading and line.strip():
            out[heading].append(line.strip())
    return out


def test_each_half_year_opens_its_own_paragraph(rs):
    trace = io.StringIO()
    narrator = Narrator(rs, trace)
    record = play_game(rs, "succession", 1, on_turn=narrator.turn)
    narrator.ending(record.state)
    paragraphs = _paragraphs(trace.getvalue())
    assert "The era of the Great Break." in paragraphs["Spring 1929"]
    assert any(line.startswith("Abroad:") and "British strike" in line for line in paragraphs["Spring 1926"])
    assert not any(line.startswith("Abroad:") for line in paragraphs["Autumn 1925"])
