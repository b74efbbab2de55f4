"""Charts of flat series are scaled sensibly: an all-zero series reads 0 to 1, never -1 to 1."""

from __future__ import annotations

from game.report.charts import chart_svg
from game.ui.widgets.charts import value_band


def test_a_flat_series_starts_at_zero():
    assert value_band([0.0, 0.0, 0.0]) == (0.0, 1.0)
    assert value_band([5.0, 5.0]) == (0.0, 10.0)
    assert value_band([-3.0, -3.0]) == (-4.0, -2.0)
    assert value_band([1.0, 4.0]) == (1.0, 4.0)


def test_the_report_chart_of_an_all_zero_series_shows_no_negative_axis():
    svg = chart_svg("Famine deaths", "thousand", 1924, [0.0] * 10, {})
    assert ">-" not in svg and ">\u22121" not in svg
    assert ">0</text>" in svg and ">1</text>" in svg  # the band's own labels: 0 to 1


def test_tooltips_are_wide_enough_to_read_at_every_scale():
    from game.ui.assets import theme

    assert int(theme(1.0)["tool_tip"]["misc"]["rect_width"]) >= 340  # pygame_gui's own: 170
    assert int(theme(2.0)["tool_tip"]["misc"]["rect_width"]) == 2 * int(theme(1.0)["tool_tip"]["misc"]["rect_width"])
