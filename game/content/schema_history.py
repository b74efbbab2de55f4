"""Field declarations of the files under data/history/ (not record kinds): the record's series,
the policy lines of `python -m game history` and its tolerances."""

from __future__ import annotations

from .schema import F

SERIES: dict[str, F] = {  # data/history/series.yaml: one historical series per entry, not a record kind
    "id": ("str", False, "names a second series of the same indicator (its tolerance goes by it)"),
    "indicator": ("str", True, "the game's indicator it is drawn beside"),
    "label": ("str", True, "what it measures and whose figures they are"),
    "scale": ("number", False, "converts the figures to the indicator's unit (default 1)"),
    "dated": ("str", False, "jan1: figures on 1 January, compared with the end of the year before"),
    "since": ("int", False, "a cumulative figure counted from the start of this year"),
    "yearly": ("bool", False, "compare what a cumulative indicator gained in each year"),
    "values": ("year_ranges", True, "year -> a figure, or [low, high] where estimates differ"),
}

POLICY_LINE_STEP: dict[str, F] = {
    "from": ("list", True, "the half-year it starts: [year, 0] January-June, [year, 1] July-December"),
    "set": ("text_map", True, "policy axis -> the position it takes from then on"),
}

POLICY_LINE: dict[str, F] = {  # data/history/lines.yaml: a policy line of `python -m game history`, not a record kind
    "id": ("str", True, "unique slug, given to --line"),
    "name": ("str", False, "what the line is, in a phrase"),
    "steps": ([POLICY_LINE_STEP], False, "the policy changes, each from a half-year"),
    "base": ("str", False, "a line written above this one that it repeats (instead of steps)"),
    "drop": ("list", False, "half-years [year, half] of the base line's steps left out"),
    "weather": ("year_map", False, "year -> the record's harvest factor (1 = an average year)"),
}

TOLERANCE_SERIES: dict[str, F] = {  # data/history/tolerances.yaml, under series:
    "margin": ("number", True, "how far outside the record's range a year may fall, as a share of the bound"),
    "pass_share": ("number", True, "the share of the series' years that must pass"),
}

TOLERANCE_CHECK: dict[str, F] = {  # data/history/tolerances.yaml, under checks:
    "id": ("str", True, "unique slug"),
    "what": ("str", True, "added, added_each, value, peak or ratio"),
    "indicator": ("str", True, "the indicator measured"),
    "years": ("list", False, "[from, to] (added, added_each, peak) or the years whose values count (value)"),
    "within": ("list", False, "[low, high] the value must fall in"),
    "equals": ("int", False, "the year a peak must fall in"),
    "at": ("list", False, "two half-years [[year, half], [year, half]]: a ratio of the second to the first"),
    "why": ("str", False, "the record behind the check, with its source"),
}
