"""Merging a mod's records into the content, by id, with explicit operators.

A record in a mod file is added as it is, unless it says otherwise with `op`:

* `op: add` (the default) — a new record; its id must be new. `extends: other_id` starts it as a
  copy of another record of the same kind, with the fields given on top.
* `op: override` — change the named fields of an existing record. Also `append: {field: [...]}`
  adds items to a list field, `remove: {field: [...]}` takes items out (by value, or by id for
  lists of records) and `merge: {field: {key: value}}` sets keys of a mapping field — key by key
  at every level, so `merge: {standing: {komsomol: {workers_opposition: 10}}}` sets one number
  and keeps every other faction's standing in the Komsomol.
* `op: replace` — the whole record is replaced.
* `op: delete` — the record is removed (only `id` and `op` are given).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from .check import Checker, did_you_mean
from .kinds import FOLDERS
from .yamlio import Located, YamlError, load_records

OPS = ("add", "override", "replace", "delete")
OPERATOR_KEYS = ("op", "extends", "append", "remove", "merge")


def read_mod_records(folder: Path, checker: Checker, label_root: Path) -> dict[str, list[Located]]:
    """Every record file in a mod folder, by kind; files that leave the folder are refused."""
    out: dict[str, list[Located]] = {kind: [] for kind in FOLDERS.values()}
    base = folder.resolve()
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        if sub.name not in FOLDERS:
            if any(sub.glob("*.yaml")):
                hint = did_you_mean(sub.name, list(FOLDERS)) or f"content folders: {', '.join(FOLDERS)}"
                checker.problems.append(
                    _problem(
                        sub, label_root, f"folder '{sub.name}' is not a content folder and is ignored", hint, "warning"
                    )
                )
            continue
        for path in sorted(sub.glob("*.yml")):
            checker.problems.append(
                _problem(
                    path,
                    label_root,
                    f"'{path.name}' is ignored: content files end in .yaml",
                    f"rename it to {path.stem}.yaml",
                    "warning",
                )
            )
        for path in sorted(sub.glob("*.yaml")):
            if not path.resolve().is_relative_to(base):
                checker.problems.append(
                    _problem(
                        path,
                        label_root,
                        "this file points outside its mod folder and is refused",
                        "copy the file into the mod instead of linking it",
                    )
                )
                continue
            try:
                out[FOLDERS[sub.name]].extend(load_records(path, _label(path, label_root)))
            except YamlError as exc:
                checker.unreadable(exc.problem)
    return out


def _label(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _problem(path: Path, root: Path, message: str, hint: str = "", severity: str = "error"):
    from .yamlio import Problem

    return Problem(_label(path, root), 1, 1, severity, message, hint)


def merge_records(base: dict[str, list[Located]], mod: dict[str, list[Located]], checker: Checker) -> None:
    """Apply a mod's records to `base` in place, in file order."""
    for kind, items in mod.items():
        index = {_rid(loc): i for i, loc in enumerate(base[kind])}
        for loc in items:
            _apply(kind, base[kind], index, loc, checker)


def _rid(loc: Located) -> str:
    return str(loc.data.get("id")) if isinstance(loc.data, dict) else ""


def _apply(kind: str, records: list[Located], index: dict[str, int], loc: Located, checker: Checker) -> None:
    data = loc.data
    if not isinstance(data, dict) or not isinstance(data.get("id"), str):
        checker.error(loc, None, f"{kind}: every record needs an id")
        return
    rid = data["id"]
    op = data.get("op", "add")
    if op not in OPS:
        checker.error(
            loc, "op", f"{kind} '{rid}': unknown op '{op}'", did_you_mean(op, OPS) or f"ops: {', '.join(OPS)}"
        )
        return
    if op == "add":
        if rid in index:
            first = records[index[rid]]
            where = f"{first.path}:{first.line}"
            if (
                first.path.split("/")[:2] == loc.path.split("/")[:2] and "/" in loc.path
            ):  # the same mod defines it twice
                hint = "ids must be unique: rename one of the two"
            else:
                hint = f"to change that {kind}, give op: override (some fields) or op: replace (all); to add another, choose a new id"
            checker.error(loc, "id", f"{kind} '{rid}' is already defined at {where}", hint)
            return
        fields = _plain(data)
        if "extends" in data:
            parent = data["extends"]
            if parent not in index:
                checker.error(
                    loc,
                    "extends",
                    f"{kind} '{rid}' extends unknown {kind} '{parent}'",
                    did_you_mean(parent, list(index)),
                )
                return
            fields = {**copy.deepcopy(records[index[parent]].data), **fields}
        index[rid] = len(records)
        records.append(Located(fields, loc.path, loc.line, loc.col, loc.marks))
        return
    if rid not in index:
        checker.error(
            loc, "id", f"{kind} '{rid}' does not exist, so there is nothing to {op}", did_you_mean(rid, list(index))
        )
        return
    at = index[rid]
    if op == "delete":
        del records[at]
        index.clear()
        index.update({_rid(r): i for i, r in enumerate(records)})
        return
    if op == "replace":
        records[at] = Located(_plain(data), loc.path, loc.line, loc.col, loc.marks)
        return
    merged = copy.deepcopy(records[at].data)
    merged.update(_plain(data))
    _list_ops(kind, rid, merged, loc, checker)
    records[at] = Located(merged, loc.path, loc.line, loc.col, loc.marks)


def deep_merge(into: dict[str, Any], values: dict[str, Any]) -> None:
    """Set keys of `into` from `values`; where both hold a mapping, merge those key by key too."""
    for key, value in values.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            deep_merge(into[key], value)
        else:
            into[key] = copy.deepcopy(value)


def _plain(data: dict[str, Any]) -> dict[str, Any]:
    return {k: copy.deepcopy(v) for k, v in data.items() if k not in OPERATOR_KEYS}


def _list_ops(kind: str, rid: str, merged: dict[str, Any], loc: Located, checker: Checker) -> None:
    for op in ("append", "remove", "merge"):
        spec = loc.data.get(op)
        if spec is None:
            continue
        if not isinstance(spec, dict):
            checker.error(loc, op, f"{kind} '{rid}': {op} takes a mapping of field -> values")
            continue
        for field, values in spec.items():
            current = merged.get(field)
            where = (op, field)
            if op == "merge":
                if not isinstance(current, dict) or not isinstance(values, dict):
                    checker.error(loc, where, f"{kind} '{rid}': merge needs a mapping field and a mapping of keys")
                    continue
                deep_merge(current, values)
                continue
            if not isinstance(current, list) or not isinstance(values, list):
                checker.error(
                    loc,
                    where,
                    f"{kind} '{rid}': {op} needs a list field and a list of items",
                    f"'{field}' is {type(current).__name__}",
                )
                continue
            if op == "append":
                current.extend(copy.deepcopy(values))
            else:
                for value in values:
                    match = [x for x in current if x == value or (isinstance(x, dict) and x.get("id") == value)]
                    if not match:
                        checker.error(
                            loc, where, f"{kind} '{rid}': cannot remove {value!r} from '{field}': it is not there"
                        )
                    for x in match:
                        current.remove(x)
