"""Checking one record against its field declarations, and its conditions and effects against
the core's vocabulary. Problems carry the file, line and column of the offending field.
"""

from __future__ import annotations

import difflib
from typing import Any

from ..core.calendar import half_year
from ..core.conditions import CONDITIONS
from ..core.effects import EFFECTS
from .schema import type_name
from .yamlio import Located, Problem


class Checker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def error(self, loc: Located, key: str | None, message: str, hint: str = "") -> None:
        line, col = loc.where(key)
        self.problems.append(Problem(loc.path, line, col, "error", message, hint))

    def warning(self, loc: Located, key: str | None, message: str, hint: str = "") -> None:
        line, col = loc.where(key)
        self.problems.append(Problem(loc.path, line, col, "warning", message, hint))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    # ---- fields ------------------------------------------------------------------------------

    def fields(self, loc: Located, spec: dict, data: Any, where: str) -> bool:
        """Check a mapping against a field spec; returns True if it is usable."""
        top = loc.marks and data is loc.data
        if not isinstance(data, dict):
            self.error(loc, None, f"{where}: expected a mapping, got {type(data).__name__}")
            return False
        ok = True
        for key in data:
            if key not in spec:
                near = difflib.get_close_matches(key, list(spec), n=1)
                hint = f"did you mean '{near[0]}'?" if near else f"known fields: {', '.join(spec)}"
                self.error(loc, key if top else None, f"{where}: unknown field '{key}'", hint)
                ok = False
        for key, (kind, required, _doc) in spec.items():
            if key not in data:
                if required:
                    self.error(loc, None, f"{where}: missing required field '{key}'")
                    ok = False
                continue
            if not self.value(loc, kind, data[key], f"{where}.{key}", key if top else None):
                ok = False
        return ok

    def value(self, loc: Located, kind: Any, value: Any, where: str, key: str | None) -> bool:
        if isinstance(kind, dict):
            return self.fields(loc, kind, value, where)
        if isinstance(kind, list):
            if not isinstance(value, list):
                self.error(loc, key, f"{where}: expected a list of mappings")
                return False
            return all(self.fields(loc, kind[0], item, f"{where}[{i}]") for i, item in enumerate(value))
        good = _TYPE_TESTS[kind](value)
        if not good:
            self.error(loc, key, f"{where}: expected {type_name(kind)}, got {value!r}")
            return False
        if kind == "date":
            try:
                half_year(value)
            except ValueError as exc:
                self.error(loc, key, f"{where}: {exc}")
                return False
        return True


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_number(v: Any) -> bool:
    return (isinstance(v, (int, float))) and not isinstance(v, bool)


_TYPE_TESTS = {
    "str": lambda v: isinstance(v, str),
    "int": _is_int,
    "number": _is_number,
    "bool": lambda v: isinstance(v, bool),
    "list": lambda v: isinstance(v, list),
    "dict": lambda v: isinstance(v, dict),
    "str|null": lambda v: v is None or isinstance(v, str),
    "date": lambda v: isinstance(v, str),
    "conditions": lambda v: isinstance(v, list),
    "effects": lambda v: isinstance(v, list),
}


# ---- conditions and effects ----------------------------------------------------------------

REF_KINDS = ("faction", "character", "office", "body", "region", "base", "axis", "indicator", "card")


class Clauses:
    """Checks clause lists and converts them to (name, params) tuples with dates resolved."""

    def __init__(self, checker: Checker, ids: dict[str, set[str]], positions: dict[str, list[str]]) -> None:
        self.c = checker
        self.ids = ids
        self.positions = positions
        self.flags_set: set[str] = set()
        self.flags_read: list[tuple[Located, str]] = []

    def convert(self, loc: Located, items: list, where: str, effects: bool) -> tuple | None:
        registry = EFFECTS if effects else CONDITIONS
        out = []
        ok = True
        for i, item in enumerate(items):
            here = f"{where}[{i}]"
            if not isinstance(item, dict) or len(item) != 1:
                self.c.error(loc, None, f"{here}: each {'effect' if effects else 'condition'} is a one-key mapping")
                ok = False
                continue
            (name, params), = item.items()
            entry = registry.get(name)
            if entry is None:
                near = difflib.get_close_matches(name, list(registry), n=1)
                self.c.error(loc, None, f"{here}: unknown {'effect' if effects else 'condition'} '{name}'", f"did you mean '{near[0]}'?" if near else "")
                ok = False
                continue
            converted = self.params(loc, entry.spec, params, f"{here}.{name}", effects)
            if converted is None:
                ok = False
                continue
            if name in ("set_flag",):
                self.flags_set.add(params)
            if name in ("flag", "not_flag"):
                self.flags_read.append((loc, params))
            out.append((name, converted))
        return tuple(out) if ok else None

    def params(self, loc: Located, spec: Any, value: Any, where: str, effects: bool) -> Any:
        if isinstance(spec, str):
            return self.scalar(loc, spec, value, where, effects)
        if not isinstance(value, dict):
            self.c.error(loc, None, f"{where}: expected a mapping with {', '.join(k.rstrip('?') for k in spec)}")
            return None
        names = {k.rstrip("?"): k for k in spec}
        out = {}
        for k, v in value.items():
            if k not in names:
                near = difflib.get_close_matches(k, list(names), n=1)
                self.c.error(loc, None, f"{where}: unknown parameter '{k}'", f"did you mean '{near[0]}'?" if near else f"parameters: {', '.join(names)}")
                return None
            got = self.scalar(loc, spec[names[k]], v, f"{where}.{k}", effects, axis=value.get("axis"))
            if got is None:
                return None
            out[k] = got
        missing = [k for k, full in names.items() if not full.endswith("?") and k not in value]
        if missing:
            self.c.error(loc, None, f"{where}: missing parameter(s) {', '.join(missing)}")
            return None
        return out

    def scalar(self, loc: Located, kind: str, v: Any, where: str, effects: bool, axis: str | None = None) -> Any:
        if kind in ("conditions", "condition"):
            items = v if kind == "conditions" else [v]
            if not isinstance(items, list):
                self.c.error(loc, None, f"{where}: expected a list of conditions")
                return None
            got = self.convert(loc, items, where, False)
            if got is None:
                return None
            return list(got) if kind == "conditions" else got[0]
        if kind in ("int", "number"):
            if not _is_number(v) or (kind == "int" and not _is_int(v)):
                self.c.error(loc, None, f"{where}: expected {kind}, got {v!r}")
                return None
            return v
        if not isinstance(v, str):
            self.c.error(loc, None, f"{where}: expected text, got {v!r}")
            return None
        if kind == "date":
            try:
                return half_year(v)
            except ValueError as exc:
                self.c.error(loc, None, f"{where}: {exc}")
                return None
        if kind == "faction_ref":
            allowed = self.ids["faction"] | {"chooser", "player", "owner"} | ({"all"} if effects else set())
            return self._ref(loc, v, allowed, where, "faction")
        if kind == "region_or_all":
            return self._ref(loc, v, self.ids["region"] | {"all"}, where, "region")
        if kind == "position":
            return self._ref(loc, v, set(self.positions.get(axis or "", [])), where, f"position of {axis}")
        if kind == "cause":
            return self._ref(loc, v, {"natural", "executed", "suicide", "murdered", "killed_in_prison", "surgery"}, where, "cause")
        if kind == "meeting":
            return self._ref(loc, v, {"plenum", "congress"}, where, "meeting")
        if kind in REF_KINDS:
            return self._ref(loc, v, self.ids[kind], where, kind)
        return v  # flag: any slug

    def _ref(self, loc: Located, v: str, allowed: set[str], where: str, what: str) -> str | None:
        if v in allowed:
            return v
        near = difflib.get_close_matches(v, sorted(allowed), n=1)
        self.c.error(loc, None, f"{where}: unknown {what} '{v}'", f"did you mean '{near[0]}'?" if near else "")
        return None
