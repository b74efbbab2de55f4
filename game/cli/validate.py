"""`python -m game validate [PATH…]`: check the content and print every problem, one a line, as
`PATH:LINE:COL: error: MESSAGE (hint: ...)`. Exit 1 on any error (with --strict, on any warning
too), else 0; on success the last line counts the records of each kind.

No path: the base content plus the installed mods (or those given with --mods). A path: that
mod folder, or that content file, on top of the base.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..content.build import ContentError, load_content
from ..content.mods import ModSet, discover, read_manifest, resolve
from ..content.yamlio import Problem
from ..session.paths import mod_roots

KIND_NAMES = {
    "faction": "factions",
    "character": "characters",
    "event": "events",
    "card": "cards",
    "region": "regions",
    "body": "bodies",
    "base": "bases",
    "axis": "policy axes",
    "indicator": "indicators",
    "trait": "traits",
    "ladder": "ladders",
    "scenario": "scenarios",
    "glossary": "glossary terms",
}


def run_validate(data: Path, paths: list[Path], mods: list[str] | None, strict: bool) -> int:
    installed = discover(mod_roots())
    problems: list[Problem] = []
    files: list[Path] = []
    chosen = list(installed.available) if mods is None and not paths else list(mods or [])
    for path in paths:
        if path.is_dir():
            info = read_manifest(path, installed) if (path / "mod.yaml").is_file() else None
            if info is None:
                if not (path / "mod.yaml").is_file():
                    problems.append(
                        Problem(str(path), 1, 1, "error", "not a mod folder: it has no mod.yaml", "see docs/MODDING.md")
                    )
                continue
            installed.available[info.id] = info  # the folder given wins over an installed copy
            chosen.append(info.id)
        elif path.is_file():
            owner = next((p for p in path.resolve().parents if (p / "mod.yaml").is_file()), None)
            if owner is None:
                files.append(path)
                continue
            # A file of a mod means nothing without the rest of its mod: check the mod it belongs to.
            problems.append(
                Problem(
                    str(path),
                    1,
                    1,
                    "warning",
                    f"this file is part of the mod in {owner}: the whole mod is checked",
                    "to check it alone on the base content, copy it out of the mod",
                )
            )
            info = read_manifest(owner, installed)
            if info is not None:
                installed.available[info.id] = info
                chosen.append(info.id)
        else:
            problems.append(Problem(str(path), 1, 1, "error", "no such file or folder"))
    order = resolve(ModSet(installed.available, [], [], dict(installed.disabled)), chosen)
    problems += installed.problems + order.problems
    try:
        loaded = load_content(data, order.order, files)
        problems.extend(loaded.problems)
        counts = loaded.counts
    except ContentError as exc:
        problems.extend(exc.problems)
        counts = None
    for problem in sorted(problems, key=lambda p: (p.path, p.line, p.col)):
        print(problem)
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    if errors or (strict and warnings):
        print(f"{errors} error(s), {warnings} warning(s)", file=sys.stderr)
        return 1
    assert counts is not None
    mods_note = f" (with mods: {', '.join(m.id for m in order.order)})" if order.order else ""
    print("ok: " + ", ".join(f"{n} {KIND_NAMES[k]}" for k, n in counts.items()) + mods_note)
    return 0
