"""What `python -m game history` and the report's charts read from data/history/: the record's
series, the policy lines and the tolerances. Played by no rule: none of it is hashed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class HistorySeriesDef:
    """A historical series (data/history/series.yaml) drawn beside the game's own indicator."""

    indicator: str
    label: str
    scale: float  # converts the figures to the indicator's unit
    values: dict[int, tuple[float, float]]  # year -> (low, high) as published; low == high for one figure
    id: str = ""  # names a second series of the same indicator
    dated: str = ""  # "jan1": figures on 1 January, compared with the end of the year before
    since: int | None = None  # a cumulative figure counted from the start of this year
    yearly: bool = False  # compare what a cumulative indicator gained in each year

    @property
    def key(self) -> str:
        """The name its tolerance goes by: its own id, else its indicator's."""
        return self.id or self.indicator

    def points(self) -> dict[int, tuple[float, float]]:
        """Year -> (low, high) in the indicator's unit."""
        return {year: (low * self.scale, high * self.scale) for year, (low, high) in self.values.items()}


@dataclass(frozen=True, slots=True)
class PolicyLineDef:
    """A policy line of `python -m game history` (data/history/lines.yaml), its base line resolved:
    the positions set from each half-year (year, 0 = January-June / 1 = July-December) and the
    record's weather by year (the historical line's; other years are drawn as in play)."""

    id: str
    name: str
    steps: dict[tuple[int, int], dict[str, str]]
    weather: dict[int, float]


@dataclass(frozen=True, slots=True)
class HistoryTolerancesDef:
    """What counts as "on the record" (data/history/tolerances.yaml): per series its margin and the
    share of years that must pass; the checks of the record's shape, as written (kinds in `CHECK_KINDS`)."""

    series: dict[str, dict[str, float]]
    checks: tuple[dict[str, Any], ...]


CHECK_KINDS = ("added", "added_each", "value", "peak", "ratio")
