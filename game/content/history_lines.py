"""The policy lines and tolerances of `python -m game history` (data/history/lines.yaml and
data/history/tolerances.yaml), read and checked with the rest of the content: a line with an
unknown position or a check of an unknown kind is a located error like any other, never a
traceback. Both files are optional and base content only (mods do not change the record)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..core.history_defs import CHECK_KINDS, HistoryTolerancesDef, PolicyLineDef
from ..core.ruleset import Ruleset
from .check import Checker, did_you_mean, optional_records
from .schema_history import POLICY_LINE, TOLERANCE_CHECK, TOLERANCE_SERIES
from .yamlio import Located, YamlError, compose, located, read_text

LINES_FILE = Path("history") / "lines.yaml"
TOLERANCES_FILE = Path("history") / "tolerances.yaml"
Half = tuple[int, int]


def read_lines(root: Path, label: str, checker: Checker, rs: Ruleset) -> dict[str, PolicyLineDef]:
    """The policy lines under `root` (none if the file is absent), each with its base resolved."""
    items = optional_records(checker, root / LINES_FILE, label)
    usable: dict[str, Located] = {}
    seen: set[str] = set()  # a line with a mistake still counts as known: one typo, one error
    for loc in items:
        name = loc.data.get("id", "?") if isinstance(loc.data, dict) else "?"
        if not checker.fields(loc, POLICY_LINE, loc.data, f"policy line '{name}'"):
            continue
        if name in seen:
            checker.error(loc, "id", f"duplicate policy line id '{name}'")
            continue
        seen.add(name)
        if _line_ok(loc, checker, rs, seen) and loc.data.get("base", name) in usable | {name: loc}:
            usable[name] = loc
    return {rid: _resolve(rid, usable) for rid in usable}


def _half(value: Any) -> Half | None:
    ok = (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    )
    return (value[0], value[1]) if ok and value[1] in (0, 1) else None


def _line_ok(loc: Located, checker: Checker, rs: Ruleset, earlier: set[str]) -> bool:
    """True when the line can be played: known axes and positions, half-years [year, 0|1], a known base."""
    d, label, ok = loc.data, f"policy line '{loc.data['id']}'", True
    if ("steps" in d) == ("base" in d):
        checker.error(loc, None, f"{label}: give either 'steps' or a 'base' line (with 'drop')")
        return False
    if "base" in d and (d["base"] not in earlier or d["base"] == d["id"]):
        checker.error(
            loc, "base", f"{label}: unknown base line '{d['base']}'", did_you_mean(d["base"], sorted(earlier))
        )
        ok = False
    for i, when in enumerate(d.get("drop", [])):
        if _half(when) is None:
            checker.error(loc, ("drop", i), f"{label}: drop {when!r} is not a half-year [year, 0 or 1]")
            ok = False
    for i, step in enumerate(d.get("steps", [])):
        if _half(step["from"]) is None:
            checker.error(
                loc, ("steps", i, "from"), f"{label}: from {step['from']!r} is not a half-year [year, 0 or 1]"
            )
            ok = False
        for axis, position in step["set"].items():
            where = ("steps", i, "set", axis)
            if axis not in rs.axes:
                checker.error(loc, where, f"{label}: unknown policy axis '{axis}'", did_you_mean(axis, list(rs.axes)))
                ok = False
            elif position not in (ids := [p.id for p in rs.axes[axis].positions]):
                hint = did_you_mean(str(position), ids) or f"positions: {', '.join(ids)}"
                checker.error(loc, where, f"{label}: '{position}' is not a position of '{axis}'", hint)
                ok = False
    return ok


def _resolve(rid: str, usable: dict[str, Located]) -> PolicyLineDef:
    d = usable[rid].data
    if "base" in d:
        base = _resolve(d["base"], usable)
        steps = {when: dict(s) for when, s in base.steps.items()}
        for when in d.get("drop", []):
            steps.pop((when[0], when[1]), None)
        return PolicyLineDef(rid, d.get("name", rid), steps, dict(base.weather))
    steps: dict[Half, dict[str, str]] = {}
    for step in d["steps"]:
        steps.setdefault((step["from"][0], step["from"][1]), {}).update(step["set"])
    weather = {int(y): float(w) for y, w in (d.get("weather") or {}).items()}
    return PolicyLineDef(rid, d.get("name", rid), steps, weather)


def read_tolerances(root: Path, label: str, checker: Checker, rs: Ruleset) -> HistoryTolerancesDef:
    """The tolerances under `root` (none if the file is absent); problems go to `checker`."""
    path = root / TOLERANCES_FILE
    if not path.is_file():
        return HistoryTolerancesDef({}, ())
    try:
        node = compose(read_text(path, label), label)
    except YamlError as exc:
        checker.problems.append(exc.problem)
        return HistoryTolerancesDef({}, ())
    if node is None:
        return HistoryTolerancesDef({}, ())
    loc = located(node, label)
    spec = {"series": ("dict", False, ""), "checks": ("list", False, "")}
    if not checker.fields(loc, spec, loc.data, "tolerances"):
        return HistoryTolerancesDef({}, ())
    known = set(rs.indicators) | {s.id for s in rs.history if s.id}
    series = {}
    for key, row in loc.data.get("series", {}).items():
        if key not in known:
            checker.error(loc, ("series", key), f"tolerances: unknown series '{key}'", did_you_mean(key, list(known)))
        elif checker.fields(loc, TOLERANCE_SERIES, row, "tolerances", ("series", key)):
            series[key] = {k: float(v) for k, v in row.items()}
    checks = [c for i, c in enumerate(loc.data.get("checks", [])) if _check_ok(loc, checker, rs, c, i)]
    return HistoryTolerancesDef(series, tuple(checks))


def _check_ok(loc: Located, checker: Checker, rs: Ruleset, c: Any, i: int) -> bool:
    """A check names a known indicator and kind and has what its kind reads."""
    at = ("checks", i)
    if not checker.fields(loc, TOLERANCE_CHECK, c, "tolerances", at):
        return False
    label = f"tolerances: check '{c['id']}'"
    if c["indicator"] not in rs.indicators:
        hint = did_you_mean(c["indicator"], list(rs.indicators))
        checker.error(loc, (*at, "indicator"), f"{label}: unknown indicator '{c['indicator']}'", hint)
        return False
    kind = c["what"]
    if kind not in CHECK_KINDS:
        checker.error(loc, (*at, "what"), f"{label}: unknown kind '{kind}'", f"kinds: {', '.join(CHECK_KINDS)}")
        return False
    needs = {"ratio": ("at", "within"), "peak": ("years", "equals"), "value": ("years", "within")}
    missing = [k for k in needs.get(kind, ("years", "within")) if k not in c]
    if missing:
        checker.error(loc, at, f"{label}: a '{kind}' check needs {' and '.join(missing)}")
        return False
    if kind in ("added", "added_each", "peak") and len(c["years"]) != 2:
        checker.error(loc, (*at, "years"), f"{label}: give the first and last year, [from, to]")
        return False
    if kind == "ratio" and (len(c["at"]) != 2 or any(_half(w) is None for w in c["at"])):
        checker.error(loc, (*at, "at"), f"{label}: give two half-years, [[year, 0 or 1], [year, 0 or 1]]")
        return False
    if "years" in c and not all(isinstance(y, int) and not isinstance(y, bool) for y in c["years"]):
        checker.error(loc, (*at, "years"), f"{label}: years are whole numbers, e.g. [1931, 1934]")
        return False
    numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in c.get("within", []))
    if "within" in c and (len(c["within"]) != 2 or not numbers):
        checker.error(loc, (*at, "within"), f"{label}: give the range as [low, high]")
        return False
    return True
