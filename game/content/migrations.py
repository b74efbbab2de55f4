"""Renamed ids: a mod's `migrations.yaml` maps old ids to new ones so old saves still load.

    renamed:
      character: {old_id: new_id}
      event: {old_event: new_event}

The new ids must exist once everything is merged; saves (issue 5) apply the map when loading.
"""

from __future__ import annotations

from .check import Checker, did_you_mean
from .kinds import KINDS
from .mods import ModInfo
from .yamlio import Located, YamlError, compose, located, read_text

Renaming = tuple[Located, str, str, str]  # (where it was written, kind, old id, new id)


def read_migrations(mod: ModInfo, label_root, checker: Checker, into: list[Renaming]) -> None:
    path = mod.path / "migrations.yaml"
    if not path.is_file():
        return
    label = str(path.relative_to(label_root)) if path.is_relative_to(label_root) else str(path)
    try:
        root = compose(read_text(path, label), label)
    except YamlError as exc:
        checker.unreadable(exc.problem)
        return
    if root is None:
        return
    loc = located(root, label)
    data = loc.data
    if not isinstance(data, dict) or set(data) - {"renamed"}:
        checker.error(loc, None, "migrations.yaml holds one mapping: renamed: {kind: {old_id: new_id}}")
        return
    for kind, pairs in (data.get("renamed") or {}).items():
        if kind not in KINDS:
            checker.error(
                loc,
                ("renamed", kind),
                f"migrations.yaml: unknown record kind '{kind}'",
                did_you_mean(kind, list(KINDS)),
            )
            continue
        if not isinstance(pairs, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in pairs.items()):
            checker.error(loc, ("renamed", kind), f"migrations.yaml: renamed.{kind} maps old ids to new ids")
            continue
        into.extend((loc, kind, old, new) for old, new in pairs.items())


def check_migrations(
    renamings: list[Renaming], known: dict[str, set[str]], checker: Checker
) -> dict[str, dict[str, str]]:
    """Check every new id exists; returns kind -> old id -> new id."""
    out: dict[str, dict[str, str]] = {}
    for loc, kind, old, new in renamings:
        if new not in known.get(kind, set()):
            checker.error(
                loc,
                ("renamed", kind, old),
                f"migrations.yaml: '{old}' is renamed to unknown {kind} '{new}'",
                did_you_mean(new, known.get(kind, set())),
            )
        out.setdefault(kind, {})[old] = new
    return out
