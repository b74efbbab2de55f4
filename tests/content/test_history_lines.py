"""The policy lines and tolerances of `python -m game history` load with the content: a broken
line or check stops the load with a located one-line error, never a traceback in the command."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.content.build import ContentError, load_content
from tests.content.modkit import errors_after_edit

ROOT = Path(__file__).resolve().parents[2]


def test_the_lines_and_checks_load_with_their_base_resolved(rs):
    historical, no_terror = rs.policy_lines["historical"], rs.policy_lines["no_terror"]
    assert historical.steps[(1925, 0)] == {"foreign": "socialism_in_one_country"}
    assert (1937, 0) in historical.steps and (1937, 0) not in no_terror.steps  # dropped from its base
    assert no_terror.weather == historical.weather and historical.weather[1931] < 1.0
    assert rs.tolerances.series["famine_deaths"]["margin"] == pytest.approx(0.15)
    assert {c["id"] for c in rs.tolerances.checks} >= {"famine_peak_1933", "dizzy_with_success"}


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        (
            "lines",
            "{from: [1925, 0], set: {foreign: socialism_in_one_country}}   # the 14th",
            "{from: [1925, 0], set: {foreign: socialism_in_one_contry}}   # the 14th",
            "'socialism_in_one_contry' is not a position of 'foreign'",
        ),
        (
            "lines",
            "{from: [1925, 0], set: {foreign: socialism_in_one_country}}   # the 14th",
            "{from: [1925, 2], set: {foreign: socialism_in_one_country}}   # the 14th",
            "is not a half-year",
        ),
        ("lines", "  base: historical", "  base: historicl", "unknown base line 'historicl'"),
        (
            "tolerances",
            "what: peak, indicator: famine_deaths",
            "what: peek, indicator: famine_deaths",
            "unknown kind 'peek'",
        ),
        ("tolerances", "at: [[1930, 0], [1930, 1]], within", "at: [[1930, 0]], within", "give two half-years"),
        (
            "tolerances",
            "  famine_deaths: {margin: 0.15,",
            "  famine_death: {margin: 0.15,",
            "unknown series 'famine_death'",
        ),
    ],
)
def test_a_broken_line_or_check_is_a_located_error(tmp_path, name, old, new, expected):
    errors, _ = errors_after_edit(tmp_path, f"history/{name}.yaml", old, new)
    assert len(errors) == 1 and expected in errors[0].message, errors
    assert errors[0].path.endswith(f"history/{name}.yaml") and errors[0].line > 1
    assert "\n" not in str(errors[0])


def test_a_tagged_tolerances_file_is_refused_before_anything_is_built(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    (data / "history" / "tolerances.yaml").write_text("checks: !!python/object/apply:os.system ['true']\n")
    with pytest.raises(ContentError) as info:
        load_content(data)
    assert any("tag" in p.message.lower() for p in info.value.problems)
