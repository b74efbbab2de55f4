"""The historical record drawn beside the game's charts: data/history/series.yaml, read and
checked with the rest of the content, so a broken series is a located error like any other
(never an empty chart). The series are base content only (mods do not change the record)."""

from __future__ import annotations

from pathlib import Path

from ..core.history_defs import HistorySeriesDef
from .check import Checker, did_you_mean, optional_records
from .schema_history import SERIES
from .yamlio import Located

SERIES_FILE = Path("history") / "series.yaml"


def read_series(root: Path, label: str, checker: Checker, indicators: set[str]) -> tuple[HistorySeriesDef, ...]:
    """The series under `root` (none if the file is absent); problems go to `checker`."""
    items = optional_records(checker, root / SERIES_FILE, label)
    return tuple(d for d in (_series(loc, checker, indicators) for loc in items) if d is not None)


def _series(loc: Located, checker: Checker, indicators: set[str]) -> HistorySeriesDef | None:
    name = loc.data.get("id") or loc.data.get("indicator") if isinstance(loc.data, dict) else None
    if not checker.fields(loc, SERIES, loc.data, f"history series '{name or '?'}'"):
        return None
    d = loc.data
    if d["indicator"] not in indicators:
        hint = did_you_mean(d["indicator"], indicators)
        checker.error(loc, "indicator", f"history series '{name}': unknown indicator '{d['indicator']}'", hint)
        return None
    values = {int(year): _range(v) for year, v in d["values"].items()}
    return HistorySeriesDef(
        d["indicator"],
        d["label"],
        float(d.get("scale", 1)),
        values,
        d.get("id", ""),
        d.get("dated", ""),
        d.get("since"),
        bool(d.get("yearly", False)),
    )


def _range(value: float | list[float]) -> tuple[float, float]:
    low, high = value if isinstance(value, list) else (value, value)
    return float(low), float(high)
