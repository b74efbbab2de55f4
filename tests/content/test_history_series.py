"""The historical series of the report's charts load with the content: every one names a known
indicator, and a broken series file stops the load with a located one-line error (never an
empty chart)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.report.html import history_points
from tests.content.modkit import errors_after_edit

ROOT = Path(__file__).resolve().parents[2]


def test_the_record_loads_with_the_content(rs):
    assert len(rs.history) >= 8 and all(s.indicator in rs.indicators for s in rs.history)
    label, points = history_points(rs, "grain_harvest")
    assert "Grain harvest" in label and points[1932] == (50.0, 69.8)
    camps = next(s for s in rs.history if s.indicator == "camp_population")
    assert camps.points()[1930] == pytest.approx((179.0, 179.0))  # scaled to the indicator's unit


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("- indicator: grain_harvest", "- indicator: grain_harvst", "unknown indicator 'grain_harvst'"),
        ("1926: 7.0,", "1926: 'seven',", "expected a mapping of years to a number or [low, high]"),
        ("  scale: 1\n", "  scael: 1\n", "unknown field 'scael'"),
    ],
)
def test_a_broken_series_is_a_located_error(tmp_path, old, new, expected):
    errors, edited = errors_after_edit(tmp_path, "history/series.yaml", old, new)
    assert len(errors) == 1 and expected in errors[0].message, errors
    assert errors[0].path.endswith("history/series.yaml") and errors[0].line > 1
    line = edited.splitlines()[errors[0].line - 1]
    assert new.split(":")[0].strip(" -") in line
