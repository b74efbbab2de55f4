"""Turns and dates: a turn is half a year, spring then autumn; turn 0 is the scenario's first spring.

Content stores dates as absolute half-years (`year * 2 + season`, spring = 0), so one event file
serves scenarios that start in different years; `now(state)` gives the current one.
"""

from __future__ import annotations

from typing import Protocol


class _Dated(Protocol):
    start_year: int
    turn: int


def half_year(date: str) -> int:
    """'1927-autumn' -> 3855. Raises ValueError on a bad date."""
    try:
        year_text, season = date.split("-")
        year = int(year_text)
    except (ValueError, AttributeError) as exc:
        raise ValueError(f"a date looks like '1927-autumn', not {date!r}") from exc
    if season not in SEASONS:
        raise ValueError(f"the season in {date!r} must be spring or autumn")
    return year * 2 + SEASONS.index(season)


def now(state: _Dated) -> int:
    """The current date as an absolute half-year."""
    return state.start_year * 2 + state.turn


def half_year_label(value: int) -> str:
    return f"{value // 2}-{SEASONS[value % 2]}"


SEASONS = ("spring", "autumn")


def year_of(turn: int, start_year: int = 1924) -> int:
    return start_year + turn // 2


def pretty_date(turn: int, start_year: int = 1924) -> str:
    return f"{SEASONS[turn % 2].capitalize()} {start_year + turn // 2}"
