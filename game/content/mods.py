"""Mods: discovery, manifests (`mod.yaml`), versions, and the load order.

A mod is a folder with a `mod.yaml` and the same subfolders as `data/`. Mods live in the game's
`mods/` folder and in the user's mods folder. The load order is deterministic: every mod after
the mods it requires; otherwise in the order the player chose; then by id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from . import modfiles
from .check import Checker, did_you_mean
from .modfiles import ModFilesError, inside, mod_files
from .yamlio import Located, Problem, YamlError, compose, located, read_text

MOD_ID = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
MANIFEST_FIELDS = ("id", "name", "version", "game", "requires", "incompatible", "description", "authors")


@dataclass(frozen=True, slots=True)
class ModInfo:
    id: str
    name: str
    version: tuple[int, int, int]
    game: str  # constraint on the game's version, e.g. ">=0.1.0, <0.2.0"
    requires: tuple[tuple[str, str], ...]  # (mod id, version constraint)
    incompatible: tuple[str, ...]
    path: Path
    description: str = ""


@dataclass(slots=True)
class ModSet:
    """What was found and what will load, with every problem and every disabled mod."""

    available: dict[str, ModInfo] = field(default_factory=dict)
    order: list[ModInfo] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    disabled: dict[str, str] = field(default_factory=dict)  # mod id -> why


# ---- versions ------------------------------------------------------------------------------

SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")
CONSTRAINT = re.compile(r"^(>=|<=|>|<|==|\^|~)?\s*(\d+\.\d+\.\d+)$")


def parse_version(text: str) -> tuple[int, int, int]:
    m = SEMVER.match(str(text).strip())
    if not m:
        raise ValueError(f"'{text}' is not a version like 1.2.0")
    return int(m.group(1)), int(m.group(2)), int(m.group(3))


def satisfies(version: tuple[int, int, int], constraint: str) -> bool:
    """A comma-separated list of constraints: >=, <=, >, <, ==, ^ (same major), ~ (same minor), *."""
    for part in str(constraint).split(","):
        part = part.strip()
        if part in ("", "*"):
            continue
        m = CONSTRAINT.match(part)
        if not m:
            raise ValueError(f"'{part}' is not a version constraint like >=1.0.0")
        op, want = m.group(1) or "==", parse_version(m.group(2))
        ok = {
            ">=": version >= want,
            "<=": version <= want,
            ">": version > want,
            "<": version < want,
            "==": version == want,
            "^": version >= want and version[0] == want[0],
            "~": version >= want and version[:2] == want[:2],
        }[op]
        if not ok:
            return False
    return True


# ---- discovery -----------------------------------------------------------------------------


def discover(roots: list[Path]) -> ModSet:
    """Every mod folder under the given roots, read and checked; broken ones are disabled."""
    found = ModSet()
    for root in roots:
        try:
            folders = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "__")))
        except OSError:
            continue  # no such mods folder (yet), or it cannot be listed
        for folder in folders:
            if not (folder / "mod.yaml").exists() and not (folder / "mod.yaml").is_symlink():
                hint = "a mod folder holds a mod.yaml (id, name, version); see docs/MODDING.md"
                if (folder / "mod.yml").exists():
                    hint = "rename mod.yml to mod.yaml"
                found.problems.append(
                    Problem(
                        str(folder),
                        1,
                        1,
                        "warning",
                        f"folder '{folder.name}' has no mod.yaml, so it is not loaded as a mod",
                        hint,
                    )
                )
                continue
            info = read_manifest(folder, found)
            if info is None:
                continue
            if info.id in found.available:
                other = found.available[info.id]
                found.problems.append(
                    Problem(
                        str(folder / "mod.yaml"),
                        1,
                        1,
                        "warning",
                        f"mod '{info.id}' is installed twice; using {other.path}",
                    )
                )
                continue
            found.available[info.id] = info
    return found


def read_manifest(folder: Path, found: ModSet) -> ModInfo | None:
    path = folder / "mod.yaml"
    label = str(path)
    try:
        if not inside(path, folder):
            raise YamlError(
                Problem(
                    label,
                    1,
                    1,
                    "error",
                    "mod.yaml points outside its mod folder and is refused",
                    "copy the file into the mod",
                )
            )
        mod_files(folder)
        root = compose(read_text(path, label), label)
        loc = located(root, label) if root is not None else None
    except ModFilesError as exc:
        found.problems.append(
            Problem(str(folder), 1, 1, "error", str(exc), "keep only ordinary files in a mod, and no links out of it")
        )
        found.disabled[folder.name] = str(exc)
        return None
    except YamlError as exc:
        found.problems.append(exc.problem)
        found.disabled[folder.name] = exc.problem.message
        return None
    if loc is None:
        found.problems.append(Problem(label, 1, 1, "error", "mod.yaml is empty", "give at least id, name and version"))
        found.disabled[folder.name] = "empty mod.yaml"
        return None
    checker = Checker()
    if not isinstance(loc.data, dict):
        checker.error(loc, None, "mod.yaml is a mapping of id, name, version, ...", "see docs/MODDING.md")
    data = loc.data if isinstance(loc.data, dict) else {}
    for key in data:
        if key not in MANIFEST_FIELDS:
            checker.error(loc, key, f"mod.yaml: unknown field '{key}'", did_you_mean(key, MANIFEST_FIELDS))
    for key in ("id", "name", "version"):
        if not isinstance(data.get(key), str) or not data.get(key):
            checker.error(loc, key if key in data else None, f"mod.yaml: '{key}' is required and must be text")
    mod_id = data.get("id", "")
    mod_id = mod_id if isinstance(mod_id, str) else ""
    if isinstance(mod_id, str) and mod_id and not MOD_ID.match(mod_id):
        checker.error(
            loc,
            "id",
            f"mod.yaml: mod id '{mod_id}' must be a slug: lowercase letters, digits and _",
            "for example my_mod",
        )
    version = (0, 0, 0)
    try:
        version = parse_version(data.get("version", ""))
    except ValueError as exc:
        if "version" in data:
            checker.error(loc, "version", f"mod.yaml: {exc}", "use semantic versioning: MAJOR.MINOR.PATCH")
    game = str(data.get("game", "*"))
    try:
        if not satisfies(parse_version(__version__), game):
            checker.error(
                loc,
                "game",
                f"mod '{mod_id}' supports game versions {game}, but this is {__version__}",
                "update the mod or its 'game' range",
            )
    except ValueError as exc:
        checker.error(loc, "game", f"mod.yaml: {exc}")
    requires = _requirements(loc, data.get("requires", []), checker)
    incompatible = data.get("incompatible", [])
    if not isinstance(incompatible, list) or not all(isinstance(x, str) for x in incompatible):
        checker.error(loc, "incompatible", "mod.yaml: 'incompatible' is a list of mod ids")
        incompatible = []
    found.problems.extend(checker.problems)
    if checker.errors:
        found.disabled[mod_id or folder.name] = checker.errors[0].message
        return None
    return ModInfo(
        mod_id, data["name"], version, game, requires, tuple(incompatible), folder, str(data.get("description", ""))
    )


def _requirements(loc: Located, value, checker: Checker) -> tuple[tuple[str, str], ...]:
    out = []
    if not isinstance(value, list):
        checker.error(loc, "requires", "mod.yaml: 'requires' is a list of mod ids or {id, version} mappings")
        return ()
    for i, item in enumerate(value):
        if isinstance(item, str):
            out.append((item, "*"))
        elif isinstance(item, dict) and isinstance(item.get("id"), str):
            out.append((item["id"], str(item.get("version", "*"))))
        else:
            checker.error(
                loc, ("requires", i), "mod.yaml: each requirement is a mod id or {id: ..., version: '>=1.0.0'}"
            )
    return tuple(out)


def mod_hash(info: ModInfo) -> str:
    """sha256 over a mod's files (paths and bytes, in sorted order): saves record it."""
    return modfiles.mod_hash(info.path)


def mod_states(
    found: ModSet, enabled: list[str], disabled_now: dict[str, str] | None = None
) -> dict[str, tuple[str, str]]:
    """mod id -> (on | off | bad, why it is bad); `disabled_now` adds what failed while loading content."""
    out: dict[str, tuple[str, str]] = {}
    broken = {**found.disabled, **(disabled_now or {})}
    for mod_id in found.available:
        if mod_id in broken and broken[mod_id] != "not installed":
            out[mod_id] = ("bad", broken[mod_id])
        else:
            out[mod_id] = ("on" if mod_id in enabled else "off", "")
    for mod_id, why in found.disabled.items():
        out.setdefault(mod_id, ("bad", why))
    return out


# ---- load order ----------------------------------------------------------------------------


def resolve(found: ModSet, chosen: list[str]) -> ModSet:
    """Order the chosen mods: dependencies first, then the player's order. Mods whose needs are
    not met are disabled with the reason, and everything else still loads."""
    active: list[str] = []
    for mod_id in chosen:
        if mod_id in found.disabled:
            continue
        if mod_id not in found.available:
            hint = did_you_mean(mod_id, list(found.available)) or f"installed: {', '.join(found.available) or 'none'}"
            found.problems.append(Problem("mods", 1, 1, "error", f"mod '{mod_id}' is not installed", hint))
            found.disabled[mod_id] = "not installed"
            continue
        if mod_id not in active:
            active.append(mod_id)
    changed = True
    while changed:  # disabling one mod may break another that needs it
        changed = False
        for mod_id in list(active):
            reason = _unmet(found.available[mod_id], found, active)
            if reason:
                found.problems.append(Problem(str(found.available[mod_id].path / "mod.yaml"), 1, 1, "error", reason))
                found.disabled[mod_id] = reason
                active.remove(mod_id)
                changed = True
    found.order = _dependencies_first(found, active)
    return found


def _unmet(info: ModInfo, found: ModSet, active: list[str]) -> str:
    for dep, constraint in info.requires:
        if dep not in found.available:
            return f"mod '{info.id}' requires '{dep}', which is not installed"
        if dep not in active:
            return f"mod '{info.id}' requires '{dep}', which is not enabled"
        have = found.available[dep].version
        if not satisfies(have, constraint):
            shown = ".".join(map(str, have))
            return f"mod '{info.id}' requires '{dep}' {constraint}, but {shown} is installed"
    for other in info.incompatible:
        if other in active:
            return f"mod '{info.id}' is incompatible with '{other}'; enable only one of them"
    for other in active:
        if info.id in found.available[other].incompatible:
            return f"mod '{other}' is incompatible with '{info.id}'; enable only one of them"
    return ""


def _dependencies_first(found: ModSet, active: list[str]) -> list[ModInfo]:
    placed: list[str] = []
    visiting: set[str] = set()

    def place(mod_id: str) -> None:
        if mod_id in placed or mod_id in visiting:
            return  # a cycle is broken at the first mod the player chose
        visiting.add(mod_id)
        for dep, _ in found.available[mod_id].requires:
            if dep in active:
                place(dep)
        visiting.discard(mod_id)
        placed.append(mod_id)

    for mod_id in active:
        place(mod_id)
    return [found.available[m] for m in placed]
