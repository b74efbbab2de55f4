"""Content folders (and mods) -> a validated, frozen Ruleset.

Reads every `data/<kind>/*.yaml` file in name order, merges the mods on top in load order,
checks each record against its declaration, builds the core's definitions, checks every
cross-reference once all records are in, and hashes the canonical merged data. All problems are
gathered; any error raises ContentError with all of them, each naming its file, line and column.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.actions.table import SPECS
from ..core.ruleset import Ruleset
from .assemble import assemble
from .check import Checker
from .history import SERIES_FILE, read_series
from .history_lines import LINES_FILE, TOLERANCES_FILE, read_lines, read_tolerances
from .kinds import FOLDERS, KINDS
from .lint import lint
from .merge import merge_records, read_mod_records
from .migrations import check_migrations, read_migrations
from .mods import ModInfo
from .tutorial import TUTORIAL_FILE, read_tutorial
from .yamlio import Located, Problem, YamlError, load_records, load_yaml


class ContentError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        errors = [p for p in problems if p.severity == "error"]
        super().__init__(
            "\n".join(str(p) for p in errors[:20]) + (f"\n... and {len(errors) - 20} more" if len(errors) > 20 else "")
        )


@dataclass(slots=True)
class Loaded:
    ruleset: Ruleset
    problems: list[Problem]
    counts: dict[str, int]
    migrations: dict[str, dict[str, str]] = field(default_factory=dict)  # kind -> old id -> new id


def warn_yml(folder: Path, checker: Checker, label) -> None:
    """A `.yml` file is not read: say so rather than ignore it in silence."""
    for path in sorted(folder.glob("*.yml")):
        checker.problems.append(
            Problem(
                label(path),
                1,
                1,
                "warning",
                f"'{path.name}' is ignored: content files end in .yaml",
                f"rename it to {path.stem}.yaml",
            )
        )


def read_folders(root: Path, checker: Checker) -> dict[str, list[Located]]:
    records: dict[str, list[Located]] = {kind: [] for kind in KINDS}
    for folder, kind in FOLDERS.items():
        warn_yml(root / folder, checker, lambda p: _label(root, p))
        for path in sorted((root / folder).glob("*.yaml")):
            try:
                records[kind].extend(load_records(path, _label(root, path)))
            except YamlError as exc:
                checker.unreadable(exc.problem)
    return records


def read_loose_file(path: Path, checker: Checker) -> dict[str, list[Located]]:
    """One content file outside any mod: its kind comes from its folder's name (events/, cards/...)."""
    out: dict[str, list[Located]] = {kind: [] for kind in KINDS}
    kind = FOLDERS.get(path.parent.name)
    if kind is None:
        hint = f"put it in a folder named after its kind: {', '.join(FOLDERS)}"
        checker.problems.append(
            Problem(str(path), 1, 1, "error", f"cannot tell what kind of records '{path.name}' holds", hint)
        )
        return out
    try:
        out[kind] = load_records(path, str(path))
    except YamlError as exc:
        checker.unreadable(exc.problem)
    return out


def _label(root: Path, path: Path) -> str:
    try:
        return str(Path(root.name) / path.relative_to(root))
    except ValueError:
        return str(path)


def load_content(root: Path, mods: Sequence[ModInfo] = (), files: Sequence[Path] = ()) -> Loaded:
    """Load and validate the content under `root` (the `data/` folder) with `mods` on top, in
    order, then single content `files` (each read as the kind its folder is named after)."""
    checker = Checker()
    records = read_folders(root, checker)
    rules = _read_rules(root, checker)
    renamings: list = []
    for mod in mods:
        label_root = mod.path.parent.parent
        merge_records(records, read_mod_records(mod.path, checker, label_root), checker)
        read_migrations(mod, label_root, checker, renamings)
    for path in files:
        merge_records(records, read_loose_file(path, checker), checker)
    if checker.unread:  # a file that did not read leaves ids missing: checking on would only mislead
        raise ContentError(checker.problems)
    usable: dict[str, list[Located]] = {}
    for kind, items in records.items():
        seen: dict[str, Located] = {}
        usable[kind] = []
        for loc in items:
            if not checker.fields(loc, KINDS[kind], loc.data, f"{kind} '{_id(loc)}'"):
                continue
            rid = loc.data["id"]
            if rid in seen:
                other = seen[rid]
                checker.error(loc, "id", f"duplicate {kind} id '{rid}'", f"first defined at {other.path}:{other.line}")
                continue
            seen[rid] = loc
            usable[kind].append(loc)
    # Records that failed their fields are left out, but their ids still count as known, so one
    # typo does not cascade into "unknown id" errors everywhere it is referred to.
    known = {kind: {_id(loc) for loc in items} for kind, items in records.items()}
    try:
        ruleset = assemble(usable, rules, checker, content_hash(usable, rules), known)
    except (TypeError, ValueError, AttributeError, KeyError, IndexError, OverflowError) as exc:
        # The field declarations should have caught it; never let a value crash the game instead.
        checker.problems.append(
            Problem(
                "content",
                1,
                1,
                "error",
                f"a value of an unexpected kind stopped the checker ({type(exc).__name__}: {exc})",
                "please report this with the file that caused it",
            )
        )
        raise ContentError(checker.problems) from exc
    series = read_series(root, _label(root, root / SERIES_FILE), checker, set(ruleset.indicators))
    tutorial = read_tutorial(root, _label(root, root / TUTORIAL_FILE), checker, set(SPECS))
    ruleset = dataclasses.replace(ruleset, history=series, tutorial=tutorial)
    lines = read_lines(root, _label(root, root / LINES_FILE), checker, ruleset)
    tolerances = read_tolerances(root, _label(root, root / TOLERANCES_FILE), checker, ruleset)
    ruleset = dataclasses.replace(ruleset, policy_lines=lines, tolerances=tolerances)
    if checker.errors:
        raise ContentError(checker.problems)
    if not checker.errors:
        lint(ruleset, usable, checker)
    migrations = check_migrations(renamings, known, checker)
    if checker.errors:
        raise ContentError(checker.problems)
    counts = {kind: len(items) for kind, items in usable.items()}
    return Loaded(ruleset, checker.problems, counts, migrations)


def _id(loc: Located) -> str:
    return str(loc.data.get("id", "?")) if isinstance(loc.data, dict) else "?"


def _read_rules(root: Path, checker: Checker) -> dict[str, Any]:
    path = root / "rules" / "rules.yaml"
    try:
        data = load_yaml(path, _label(root, path))
    except YamlError as exc:
        checker.unreadable(exc.problem)
        return {}
    if not isinstance(data, dict):
        checker.problems.append(Problem(_label(root, path), 1, 1, "error", "rules.yaml must be a mapping"))
        return {}
    return data


def content_hash(usable: dict[str, list[Located]], rules: dict[str, Any]) -> str:
    canonical = {kind: sorted((loc.data for loc in items), key=lambda r: r["id"]) for kind, items in usable.items()}
    canonical["rules"] = rules  # type: ignore[assignment]
    text = json.dumps(canonical, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(text.encode("ascii")).hexdigest()
