"""Checking one record against its field declarations, and its conditions and effects against
the core's vocabulary. Every problem carries the file, line and column of the offending value.

Paths inside a record are tuples — ("choices", 1, "effects", 0) — shown to people as
`choices[1].effects[0]`; the record's marks turn them into a line and column.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from ..core.calendar import half_year
from ..core.conditions import CONDITIONS
from ..core.effects import EFFECTS
from .fieldtypes import base_type, type_name, value_range
from .yamlio import Located, Problem, YamlError, load_records


def show(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def did_you_mean(word: str, options: list[str] | set[str]) -> str:
    near = difflib.get_close_matches(str(word), sorted(options), n=1)
    return f"did you mean '{near[0]}'?" if near else ""


class Checker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.unread: list[Problem] = []  # files that could not be read at all (YAML syntax, size...)

    def unreadable(self, problem: Problem) -> None:
        self.problems.append(problem)
        self.unread.append(problem)

    def error(self, loc: Located, at: tuple | str | None, message: str, hint: str = "") -> None:
        line, col = loc.where(at)
        self.problems.append(Problem(loc.path, line, col, "error", message, hint))

    def warning(self, loc: Located, at: tuple | str | None, message: str, hint: str = "", code: str = "") -> None:
        """A warning, unless the record silences this code with a stated reason."""
        silence = loc.data.get("silence", {}) if isinstance(loc.data, dict) else {}
        if code and isinstance(silence, dict) and silence.get(code):
            return
        line, col = loc.where(at)
        text = f"{message} [{code}]" if code else message
        self.problems.append(Problem(loc.path, line, col, "warning", text, hint))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    # ---- fields ------------------------------------------------------------------------------

    def fields(self, loc: Located, spec: dict, data: Any, label: str, path: tuple = ()) -> bool:
        """Check a mapping against a field spec; returns True if it is usable."""
        if not isinstance(data, dict):
            self.error(loc, path, f"{label}{show(path)}: expected a mapping, got {type(data).__name__}")
            return False
        ok = True
        for key in data:
            if key not in spec:
                hint = did_you_mean(key, list(spec)) or f"known fields: {', '.join(spec)}"
                self.error(loc, (*path, key), f"{label}{show((*path, key))}: unknown field '{key}'", hint)
                ok = False
        for key, (kind, required, _doc) in spec.items():
            if key not in data:
                if required:
                    self.error(loc, path, f"{label}{show(path)}: missing required field '{key}'")
                    ok = False
                continue
            if not self.value(loc, kind, data[key], label, (*path, key)):
                ok = False
        return ok

    def value(self, loc: Located, kind: Any, value: Any, label: str, path: tuple) -> bool:
        where = f"{label}{show(path)}"
        if isinstance(kind, dict):
            return self.fields(loc, kind, value, label, path)
        if isinstance(kind, list):
            if not isinstance(value, list):
                self.error(loc, path, f"{where}: expected a list of mappings")
                return False
            return all(self.fields(loc, kind[0], item, label, (*path, i)) for i, item in enumerate(value))
        if not _TYPE_TESTS[base_type(kind)](value):
            self.error(loc, path, f"{where}: expected {type_name(kind)}, got {_shown(value)}", _type_hint(kind, value))
            return False
        bounds = value_range(kind)
        if bounds is not None and value is not None and not bounds[0] <= value <= bounds[1]:
            self.error(loc, path, f"{where}: {value!r} is out of range {bounds[0]}-{bounds[1]}")
            return False
        if base_type(kind) == "date":
            try:
                half_year(value)
            except ValueError as exc:
                self.error(loc, path, f"{where}: {exc}")
                return False
        return True


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _is_texts(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def _is_map(v: Any, test) -> bool:
    return isinstance(v, dict) and all(test(x) for x in v.values())


def _is_date(v: Any) -> bool:
    if not isinstance(v, str):
        return False
    try:
        half_year(v)
    except ValueError:
        return False
    return True


def _is_year(k: str) -> bool:
    return k.isascii() and k.isdigit() and len(k) == 4


def _is_figure(v: Any) -> bool:
    """A number, or [low, high] with low <= high."""
    if isinstance(v, list):
        return len(v) == 2 and all(_is_number(x) for x in v) and v[0] <= v[1]
    return _is_number(v)


def _is_colour(v: Any) -> bool:
    return isinstance(v, str) and len(v) == 7 and v[0] == "#" and all(c in "0123456789abcdefABCDEF" for c in v[1:])


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
    "texts": _is_texts,
    "dates": lambda v: isinstance(v, list) and all(_is_date(x) for x in v),
    "number_map": lambda v: _is_map(v, _is_number),
    "int_map": lambda v: _is_map(v, _is_int),
    "text_map": lambda v: _is_map(v, lambda x: x is None or isinstance(x, str)),
    "texts_map": lambda v: _is_map(v, _is_texts),
    "number_table": lambda v: _is_map(v, lambda row: _is_map(row, _is_number)),
    "year_map": lambda v: _is_map(v, _is_number) and all(_is_year(k) for k in v),
    "year_ranges": lambda v: _is_map(v, _is_figure) and all(_is_year(k) for k in v),
    "colour": _is_colour,
}


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _type_hint(kind: Any, value: Any) -> str:
    """How to fix the commonest slips: a quoted number, an unquoted colour, a bare word."""
    base = base_type(kind)
    if base in ("int", "number") and isinstance(value, str):
        try:
            float(value)
            return f"write the number without quotes: {value.strip()}"
        except ValueError:
            return ""
    if base == "colour":
        if value is None:
            return "put the colour in quotes: colour: '#1f8a8a' (a bare # starts a comment, so YAML saw nothing)"
        return "write it as '#' and six hex digits, in quotes, like '#1f8a8a'; colour names are not understood"
    if base == "str" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"put it in quotes to make it text: '{value}'"
    return ""


# ---- conditions and effects ----------------------------------------------------------------

REF_KINDS = ("faction", "character", "office", "body", "region", "base", "axis", "indicator", "card")
CAUSES = ("natural", "executed", "suicide", "murdered", "killed_in_prison", "surgery")


class Clauses:
    """Checks clause lists and converts them to (name, params) tuples with dates resolved."""

    def __init__(self, checker: Checker, ids: dict[str, set[str]], positions: dict[str, list[str]]) -> None:
        self.c = checker
        self.ids = ids
        self.positions = positions
        self.flags_set: set[str] = set()
        self.flags_read: list[tuple[Located, tuple, str]] = []

    def convert(self, loc: Located, items: list, label: str, path: tuple, effects: bool) -> tuple | None:
        registry = EFFECTS if effects else CONDITIONS
        what = "effect" if effects else "condition"
        out = []
        ok = True
        for i, item in enumerate(items):
            here = (*path, i)
            if not isinstance(item, dict) or len(item) != 1:
                self.c.error(
                    loc, here, f"{label}{show(here)}: each {what} is a one-key mapping, like {{heat: {{...}}}}"
                )
                ok = False
                continue
            ((name, params),) = item.items()
            entry = registry.get(name)
            if entry is None:
                self.c.error(
                    loc,
                    (*here, name),
                    f"{label}{show(here)}: unknown {what} '{name}'",
                    did_you_mean(name, list(registry)),
                )
                ok = False
                continue
            converted = self.params(loc, entry.spec, params, label, (*here, name), effects)
            if converted is None:
                ok = False
                continue
            if name == "set_flag":
                self.flags_set.add(params)
            if name in ("flag", "not_flag"):
                self.flags_read.append((loc, (*here, name), params))
            out.append((name, converted))
        return tuple(out) if ok else None

    def params(self, loc: Located, spec: Any, value: Any, label: str, path: tuple, effects: bool) -> Any:
        if isinstance(spec, str):
            return self.scalar(loc, spec, value, label, path, effects)
        if not isinstance(value, dict):
            fields = ", ".join(k.rstrip("?") for k in spec)
            self.c.error(loc, path, f"{label}{show(path)}: expected a mapping with {fields}")
            return None
        names = {k.rstrip("?"): k for k in spec}
        out = {}
        for k, v in value.items():
            if k not in names:
                hint = did_you_mean(k, list(names)) or f"parameters: {', '.join(names)}"
                self.c.error(loc, (*path, k), f"{label}{show(path)}: unknown parameter '{k}'", hint)
                return None
            got = self.scalar(loc, spec[names[k]], v, label, (*path, k), effects, axis=value.get("axis"))
            if got is None:
                return None
            out[k] = got
        missing = [k for k, full in names.items() if not full.endswith("?") and k not in value]
        if missing:
            self.c.error(loc, path, f"{label}{show(path)}: missing parameter(s) {', '.join(missing)}")
            return None
        return out

    def scalar(
        self, loc: Located, kind: str, v: Any, label: str, path: tuple, effects: bool, axis: str | None = None
    ) -> Any:
        where = f"{label}{show(path)}"
        if kind in ("conditions", "condition"):
            items = v if kind == "conditions" else [v]
            if not isinstance(items, list):
                self.c.error(loc, path, f"{where}: expected a list of conditions")
                return None
            got = self.convert(loc, items, label, path, False)
            if got is None:
                return None
            return list(got) if kind == "conditions" else got[0]
        if kind in ("int", "number"):
            if not _is_number(v) or (kind == "int" and not _is_int(v)):
                self.c.error(loc, path, f"{where}: expected {type_name(kind)}, got {_shown(v)}", _type_hint(kind, v))
                return None
            return v
        if not isinstance(v, str):
            self.c.error(loc, path, f"{where}: expected text, got {v!r}")
            return None
        if kind == "date":
            try:
                return half_year(v)
            except ValueError as exc:
                self.c.error(loc, path, f"{where}: {exc}")
                return None
        allowed = self._allowed(kind, effects, axis)
        if allowed is None:
            return v  # a flag: any slug
        if v in allowed:
            return v
        what = f"position of {axis}" if kind == "position" else kind.replace("_ref", "").replace("_or_all", "")
        self.c.error(loc, path, f"{where}: unknown {what} '{v}'", did_you_mean(v, allowed))
        return None

    def _allowed(self, kind: str, effects: bool, axis: str | None) -> set[str] | None:
        if kind == "faction_ref":
            return self.ids["faction"] | {"chooser", "player", "owner"} | ({"all"} if effects else set())
        if kind == "region_or_all":
            return self.ids["region"] | {"all"}
        if kind == "position":
            return set(self.positions.get(axis or "", []))
        if kind == "cause":
            return set(CAUSES)
        if kind == "meeting":
            return {"plenum", "congress"}
        if kind in REF_KINDS:
            return self.ids[kind]
        return None


def optional_records(checker: Checker, path: Path, label: str) -> list[Located]:
    """The records of a content file that may be absent (none then); a file that cannot be read
    or parsed is a problem for `checker`, and no records."""
    if not path.is_file():
        return []
    try:
        return load_records(path, label)
    except YamlError as exc:
        checker.problems.append(exc.problem)
        return []
